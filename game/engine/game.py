"""The game: one small API that every front end, the AI driver, replays and
tests share (after OpenSpiel): ``Game.new``, ``apply``, ``legal_commands``,
``observe``, ``is_terminal``, ``returns``, ``clone``, ``state_hash``. Front ends
act through a seat (``apply(cmd, by=seat)``) and see through it (``observe(seat)``).

A turn: conferences open and close by the calendar, events fire, AI powers
act; then the people at the table act and end their turn (or a facilitator
advances it); then everything resolves together: proposals reach the other
side, the economy and treaties run for the length of the turn, attitudes
settle, objectives are checked, and the next turn begins.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from game.engine import ai, conference as conf, events, facilitator, obligations
from game.engine.actionlog import Action, action, choices_since, news_mark
from game.engine.chain import carry_over, part_record
from game.engine.commands import (Advance, Answer, AssignNegotiator, Attend, CancelTreaty, ChooseOption, Command,
                                  EndTurn, FacilitatorCommand, IllegalCommand, MeetPrivately, Propose, SetPolicy, Speak, WalkOut,
                                  WithdrawProposal)
from game.engine.economy import monthly
from game.engine.legal import check, check_seat, legal_commands
from game.engine.observe import observe
from game.engine.model.common import Status
from game.engine.negotiation import answer, deliver_and_expire, table_proposal, withdraw
from game.engine.negotiators import mission_key, negotiators_reaching
from game.engine.rules import Rules
from game.engine.scoring import check_any_time, scores
from game.engine.clauses import Clause
from game.engine.state import State, Treaty, compact, new_rng_state
from game.engine.strings import S, say
from game.engine.treaties import cancel_treaty, recompute_status
from game.engine.variables import relation_name
from game.engine.world import Ctx, update_left_out


class Game:
    """A game in progress: rules, state, and the log of commands given to it."""

    def __init__(self, rules: Rules, state: State, log: list[str] | None = None) -> None:
        self.rules = rules
        self.state = state
        self.log: list[str] = log if log is not None else []
        self.turn_hashes: list[str] = []
        self.ai_errors: list[str] = []
        #: Every action with its turn, date, seat and result (the classroom's log.csv); not part of the state.
        self.actions: list[Action] = []
        #: Called with the game after every turn resolves (autosave, redraw); never part of the state.
        self.on_turn_end: list[Callable[["Game"], None]] = []
        #: The earlier parts of a chained campaign, oldest first (chain.part_record), for saves and replays.
        self.chain: list[dict[str, Any]] = []

    # --- creation ----------------------------------------------------------------

    @classmethod
    def new(cls, rules: Rules, seed: int | None = None, humans: Iterable[str] = ()) -> "Game":
        state = initial_state(rules, rules.scenario.seed if seed is None else seed, humans)
        game = cls(rules, state)
        game._begin_turn()
        return game

    # --- the API ----------------------------------------------------------------------

    def apply(self, cmd: Command | str, by: str | None = None) -> Command:
        """Check and carry out a command given from seat ``by`` (a power id, ``"facilitator"`` or
        ``"observer"``); raises IllegalCommand with the reason. Only trusted callers inside the
        program (replays, the AI driver, observer runs) leave ``by`` out."""
        if isinstance(cmd, str):
            cmd = Command.parse(cmd)
        if by is not None:
            check_seat(self.rules, self.state, cmd, by)
        cmd = check(self.rules, self.state, cmd)
        self.log.append(str(cmd))
        turn, date, mark = self.state.turn, self.state.date, news_mark(self.state)
        self._execute(cmd)
        self.actions.append(action(self.state, turn, date, by or cmd.power or "observer", cmd, mark))
        if isinstance(cmd, EndTurn) and self._all_humans_done():
            self._resolve()
        elif isinstance(cmd, Advance):
            self._resolve()
        return cmd

    def legal_commands(self, power: str) -> list[Command]:
        return legal_commands(self.rules, self.state, power)

    def observe(self, seat: str) -> dict[str, Any]:
        """Everything ``seat`` may know now, and nothing more, as strict JSON data."""
        return observe(self.rules, self.state, seat)

    def is_terminal(self) -> bool:
        return self.state.finished

    def returns(self) -> dict[str, float]:
        return scores(self.rules, self.state)

    def clone(self) -> "Game":
        g = Game(self.rules, self.state.clone(), list(self.log))
        g.turn_hashes = list(self.turn_hashes)
        g.chain = [dict(part) for part in self.chain]
        return g

    def continue_into(self, rules: Rules) -> "Game":
        """The next part of a chained campaign: a new game of ``rules`` that starts from the end of this
        one, carrying what this scenario's ``carry:`` names (same seed, same people where they exist)."""
        if not self.state.finished:
            raise ValueError(f"{self.rules.id} has not ended yet: a campaign continues only from its end")
        humans = [p for p in self.humans() if p in rules.scenario.powers]
        state = initial_state(rules, self.state.seed, humans)
        carry_over(self.rules, self.state, rules, state, tuple(self.rules.scenario.carry))
        record_series(rules, state)
        game = Game(rules, state)
        game.chain = [*self.chain, part_record(self.rules, self.state, self.humans(), self.log)]
        game._begin_turn()
        return game

    def state_hash(self) -> str:
        return self.state.hash()

    def humans(self) -> list[str]:
        return [p for p, c in self.state.controllers.items() if c == "human"]

    def run_to_end(self, max_turns: int | None = None) -> None:
        """Advance turn after turn (observer mode, or to finish a game)."""
        start = self.state.turn
        while not self.state.finished and (max_turns is None or self.state.turn - start < max_turns):
            self.apply(Advance())

    # --- turn structure ---------------------------------------------------------------

    def _all_humans_done(self) -> bool:
        return all(p in self.state.ended for p in self.humans())

    def _begin_turn(self) -> None:
        rules, state = self.rules, self.state
        conf.update_on_date(rules, state)
        mark = news_mark(state)
        events.fire_due_events(rules, state)
        obligations.fire_due(rules, state)
        self.actions += choices_since(state, mark, state.turn, state.date)
        for power in rules.powers:
            if state.controllers[power] == "ai":
                self._run_ai(power)

    def _run_ai(self, power: str) -> None:
        gen = ai.turn(self.rules, self.state, power)
        for cmd in gen:
            try:
                cmd = check(self.rules, self.state, cmd)
            except IllegalCommand as e:
                self.ai_errors.append(f"turn {self.state.turn} {cmd}: {e}")
                continue
            mark = news_mark(self.state)
            self._execute(cmd)
            self.actions.append(action(self.state, self.state.turn, self.state.date, power, cmd, mark))

    def _resolve(self) -> None:
        rules, state = self.rules, self.state
        self._settle_choices()
        deliver_and_expire(rules, state)
        months = rules.turn_length_days(state.turn) / 30.0
        monthly(rules, state, months)
        check_any_time(rules, state)
        state.ended = []
        if state.turn >= rules.last_turn or state.end_reason:
            state.finished = True
            state.date = rules.scenario.end.isoformat()
        else:
            state.turn += 1
            state.date = rules.turn_dates[state.turn].isoformat()
        record_series(rules, state)
        compact(state)
        self.turn_hashes.append(state.hash())
        if not state.finished:
            self._begin_turn()
        for listener in list(self.on_turn_end):
            listener(self)

    def _settle_choices(self) -> None:
        """Decisions left open when the turn is advanced are taken as an AI would."""
        mark = news_mark(self.state)
        for pending in list(self.state.choices):
            event = events.event_by_id(self.rules, pending.event)
            events.choose(self.rules, self.state, pending.event, pending.chooser,
                          events.ai_choice(self.rules, self.state, event))
        self.actions += choices_since(self.state, mark, self.state.turn, self.state.date)

    # --- carrying out commands ----------------------------------------------------------

    def _execute(self, cmd: Command) -> None:
        rules, state = self.rules, self.state
        ctx = Ctx(rules, state)
        if isinstance(cmd, Propose):
            sender = [cmd.power, *cmd.joint]
            negs = negotiators_reaching(rules, state, cmd.power, cmd.to[0])
            table_proposal(rules, state, sender, list(cmd.to), list(cmd.clauses), conference=cmd.conference,
                           negotiator=negs[0][0] if negs else None)
        elif isinstance(cmd, Answer):
            prop = next(p for p in state.proposals if p.id == cmd.proposal)
            answer(rules, state, prop, cmd.power, cmd.response, cmd.clauses or None)
        elif isinstance(cmd, WithdrawProposal):
            withdraw(rules, state, next(p for p in state.proposals if p.id == cmd.proposal), cmd.power)
        elif isinstance(cmd, AssignNegotiator):
            state.missions[mission_key(cmd.power, cmd.negotiator)] = cmd.mission
            neg = rules.scenario.powers[cmd.power].negotiators[cmd.negotiator]
            key = "news.assign_home" if cmd.mission == "home" else "news.assign"
            ctx.news(say(key, negotiator=neg.name, mission=_mission_name(rules, cmd.mission, state)),
                     "mission", [cmd.power])
        elif isinstance(cmd, SetPolicy):
            pol = rules.scenario.policies[cmd.lever]
            ctx.set_value(f"{rules.hub}.{pol.var}", cmd.value, pol.title)
            ctx.news(say("news.policy", power=rules.power_name(cmd.power, state), policy=pol.title,
                                             value=cmd.value), "policy", [cmd.power])
        elif isinstance(cmd, Attend):
            conf.attend(rules, state, cmd.conference, cmd.power)
        elif isinstance(cmd, WalkOut):
            conf.walk_out(rules, state, cmd.conference, cmd.power)
        elif isinstance(cmd, Speak):
            conf.speak(rules, state, cmd.conference, cmd.power, cmd.item)
        elif isinstance(cmd, MeetPrivately):
            conf.meet(rules, state, cmd.conference, cmd.power, cmd.other)
        elif isinstance(cmd, CancelTreaty):
            cancel_treaty(rules, state, next(t for t in state.treaties if t.id == cmd.treaty), cmd.power)
        elif isinstance(cmd, ChooseOption):
            events.choose(rules, state, cmd.event, cmd.power, cmd.option)
        elif isinstance(cmd, EndTurn):
            state.ended.append(cmd.power)
        elif isinstance(cmd, FacilitatorCommand):
            facilitator.execute(rules, state, cmd)


def _mission_name(rules: Rules, mission: str, state: State) -> str:
    if mission in rules.scenario.powers:
        return rules.power_name(mission, state)
    if mission in rules.scenario.conferences:
        return rules.scenario.conferences[mission].title
    return S["mission.home"]


def initial_state(rules: Rules, seed: int, humans: Iterable[str] = ()) -> State:
    sc = rules.scenario
    humans = set(humans)
    unknown = humans - set(sc.powers)
    if unknown:
        raise ValueError(f"unknown power(s): {', '.join(sorted(unknown))}")
    values = {name: float(d.default) for name, d in rules.vars.defs.items()}
    for pid, power in sc.powers.items():
        for key, v in power.values.items():
            values[f"{pid}.{key}"] = rules.vars.clamp(f"{pid}.{key}", float(v))
    for rel in sc.relations:
        values[relation_name(*rel.between)] = float(rel.value)
    state = State(
        scenario=sc.id, seed=int(seed), turn=0, date=rules.turn_dates[0].isoformat(),
        rng=new_rng_state(int(seed)), values=values,
        personality={p: {i: float(sc.powers[p].personality.get(i, 1.0)) for i in
                         sorted(set(sc.interests) | set(sc.powers[p].personality))} for p in sc.powers},
        leaders={p: sc.powers[p].leader for p in sc.powers},
        controllers={p: ("human" if p in humans else "ai") for p in sc.powers},
        status_floor={p: int(Status[sc.powers[p].status]) for p in rules.partners},
        status={p: 0 for p in rules.partners},
        missions={mission_key(p, n): neg.mission for p in sc.powers for n, neg in sc.powers[p].negotiators.items()},
        conferences=conf.init_conferences(rules),
    )
    for t in sc.treaties:
        clauses = [rules.normalise(Clause.of(c.type, c.params)) for c in t.clauses]
        parties, hub_party = t.parties(rules.hub)
        state.treaties.append(Treaty(state.new_id(), t.title, parties, clauses, t.signed.isoformat(), 0,
                                     hub_party=hub_party))
    recompute_status(rules, state)
    update_left_out(rules, state)
    record_series(rules, state)
    return state


#: State values charted over time (the ledger and the end-of-game charts).
SERIES_PARTNER = ("trust", "left_out", "closeness", "fear_of_revolution", "commercial_interest", "mood")


def record_series(rules: Rules, state: State) -> None:
    names = [f"{rules.hub}.{d}" for d in ("gold", "trade", "output", "harvest", "famine", "discontent",
                                           "nep_support", "comintern", "prestige")]
    names += [f"{p}.{v}" for p in rules.partners for v in SERIES_PARTNER]
    names += [n for n in rules.vars.defs if n.startswith("world.")]
    if state.series_dates and state.series_dates[-1] == state.date:
        return
    state.series_dates.append(state.date)
    for n in names:
        if n in state.values:
            state.series.setdefault(n, []).append(round(state.values[n], 3))
    for p in rules.partners:
        state.series.setdefault(f"{p}.status", []).append(float(state.status.get(p, 0)))
