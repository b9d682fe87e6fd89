"""What a power may do now: ``check`` explains why a command is not allowed,
``legal_commands`` lists what is (proposals by representative packages:
the space of treaties is too large to list whole)."""
from __future__ import annotations

from game.engine import conference as conf, facilitator
from game.engine.clauses import Clause, ClauseError
from game.engine.commands import (Advance, Answer, AssignNegotiator, Attend, CancelTreaty, ChooseOption, Command,
                                  EndTurn, FacilitatorCommand, IllegalCommand, MeetPrivately, Propose, SetPolicy, Speak, WalkOut,
                                  WithdrawProposal)
from game.engine.events import event_by_id
from game.engine.negotiation import pending_for
from game.engine.negotiators import can_reach
from game.engine.rules import Rules
from game.engine import sidetalks as side
from game.engine.stage import may_talk, on_stage, why_not
from game.engine.state import State
from game.engine.valuation import disallowed

#: Proposals one power may table in one turn.
PROPOSALS_PER_TURN = 3


def _fail(msg: str) -> None:
    raise IllegalCommand(msg)


#: The seats that are not powers: the facilitator runs the table, the observer only watches.
FACILITATOR = "facilitator"
OBSERVER = "observer"


def check_seat(rules: Rules, state: State, cmd: Command, seat: str) -> None:
    """Raise IllegalCommand unless ``seat`` may give ``cmd``: a delegation acts only for its own,
    human-played power; only the facilitator advances the turn; the observer never acts."""
    if seat == OBSERVER:
        _fail("the observer watches and gives no commands")
    if seat == FACILITATOR:
        if not isinstance(cmd, (Advance, FacilitatorCommand)):
            _fail("the facilitator runs the table (advance, inject, news, adjust); "
                  "the delegations give their own commands")
        return
    if seat not in rules.scenario.powers:
        _fail(f"unknown seat {seat!r}; a seat is a power ({', '.join(rules.powers)}), "
              f"{FACILITATOR!r} or {OBSERVER!r}")
    if isinstance(cmd, FacilitatorCommand):
        _fail(f"only the facilitator may {cmd.VERB}; {seat} is a delegation")
    if isinstance(cmd, Advance):
        _fail(f"only the facilitator advances the turn; {seat} ends its own turn with '{seat}: end'")
    if cmd.power != seat:
        _fail(f"{seat} may act only for itself, not for {cmd.power}")
    if state.controllers.get(seat) != "human":
        _fail(f"{seat} is played by the AI in this game")


def check(rules: Rules, state: State, cmd: Command) -> Command:
    """Raise IllegalCommand with a reason, or return the command (clauses normalised)."""
    if state.finished:
        _fail("the scenario has ended")
    if isinstance(cmd, Advance):
        return cmd
    if isinstance(cmd, FacilitatorCommand):
        return facilitator.check(rules, state, cmd)
    if cmd.power not in rules.scenario.powers:
        _fail(f"unknown power {cmd.power!r}; powers: {', '.join(rules.powers)}")
    if cmd.power in state.ended:
        _fail(f"{cmd.power} has already ended this turn")
    if not on_stage(rules, state, cmd.power) and not isinstance(cmd, (EndTurn, ChooseOption)):
        _fail(f"{why_not(rules, state, cmd.power, cmd.power)}: it can only end its turn")
    checker = _CHECKS.get(type(cmd))
    return checker(rules, state, cmd) if checker else cmd


def _propose(rules: Rules, state: State, cmd: Propose) -> Command:
    hub = rules.hub
    for p in cmd.to:
        if p not in rules.scenario.powers:
            _fail(f"unknown power {p!r}")
    if cmd.power in cmd.to:
        _fail("a power cannot propose to itself")
    if side.is_side(rules, (cmd.power,), cmd.to):
        checked = side.check_proposal(rules, state, cmd)
        if proposals_left(state, cmd.power) <= 0:
            _fail(f"at most {PROPOSALS_PER_TURN} proposals a turn")
        return checked
    if cmd.power == hub:
        if cmd.joint:
            _fail(f"{hub} proposes alone; name several powers after 'propose' to address them together")
        partners = list(cmd.to)
    elif cmd.to == (hub,):
        partners = [cmd.power, *cmd.joint]
        if cmd.joint:
            _check_joint(rules, state, cmd)
    else:
        _fail(f"every treaty is made with {rules.power_name(hub, state)}: propose to {hub}")
    if len(set(cmd.to)) != len(cmd.to):
        _fail("a power is named twice")
    for a in (cmd.power, *cmd.joint):
        for b in cmd.to:
            if not may_talk(rules, state, a, b):
                _fail(f"no proposal between {a} and {b}: {why_not(rules, state, a, b)}")
    try:
        clauses = rules.normalise_package(cmd.clauses)
    except ClauseError as e:
        raise IllegalCommand(str(e)) from None
    bad = disallowed(rules, state, partners, clauses)
    if bad:
        _fail(f"not possible with {', '.join(partners)}: {', '.join(bad)} "
              f"(barred by the scenario, or already in force)")
    if proposals_left(state, cmd.power) <= 0:
        _fail(f"at most {PROPOSALS_PER_TURN} proposals a turn")
    if cmd.conference is not None:
        if cmd.conference not in rules.scenario.conferences or not conf.is_sitting(state, cmd.conference):
            _fail(f"no conference {cmd.conference!r} is sitting now")
        cs = state.conferences[cmd.conference]
        for p in [cmd.power, *cmd.to, *cmd.joint]:
            if p not in cs.attending:
                _fail(f"{p} is not attending the {rules.scenario.conferences[cmd.conference].title}")
            if p in cs.excluded:
                _fail(f"{p} is excluded from the commissions of the {rules.scenario.conferences[cmd.conference].title}; "
                      f"send a negotiator instead")
    else:
        for p in cmd.to:
            if not can_reach(rules, state, cmd.power, p):
                _fail(f"no negotiator of {cmd.power} can reach {p}: assign one to {p} "
                      f"or to a conference you both attend")
    return Propose(cmd.power, cmd.to, clauses, cmd.conference, cmd.joint)


def proposals_left(state: State, power: str) -> int:
    """How many more proposals (counters included) ``power`` may table this turn."""
    made = 0
    for p in reversed(state.proposals):     # tabled in turn order: this turn's are the last ones
        if p.turn < state.turn:
            break
        if p.turn == state.turn and p.sender == [power] and not p.delivered:
            made += 1
    return PROPOSALS_PER_TURN - made


def _check_joint(rules: Rules, state: State, cmd: Propose) -> None:
    for bid, bloc in rules.scenario.blocs.items():
        if bloc.leader == cmd.power and all(m in bloc.members for m in cmd.joint):
            if state.values[f"world.{bid}_unity"] < bloc.joint_above:
                _fail(f"{bloc.name} is not united enough for joint terms "
                      f"(unity {state.values[f'world.{bid}_unity']:.0f}, needs {bloc.joint_above:g})")
            if cmd.conference is None:
                _fail("joint terms are tabled at a conference: add @CONFERENCE")
            return
    _fail(f"{cmd.power} does not lead a bloc of {', '.join(cmd.joint)}")


def _answer(rules: Rules, state: State, cmd: Answer) -> Command:
    prop = next((p for p in state.proposals if p.id == cmd.proposal), None)
    if prop is None:
        _fail(f"there is no proposal {cmd.proposal}")
    if prop not in pending_for(state, cmd.power):
        _fail(f"proposal {cmd.proposal} is not awaiting an answer from {cmd.power}")
    if cmd.response == "counter" and side.is_side(rules, prop.sender, prop.receivers):
        counter = side.check_proposal(rules, state, Propose(cmd.power, tuple(prop.sender), cmd.clauses))
        if side.topic_of(rules, counter.clauses) != side.topic_of(rules, prop.clauses):
            _fail("a counter-proposal stays on the topic of the proposal it answers")
        return Answer(cmd.power, cmd.proposal, "counter", counter.clauses)
    if cmd.response == "counter":
        try:
            clauses = rules.normalise_package(cmd.clauses)
        except ClauseError as e:
            raise IllegalCommand(str(e)) from None
        partners = [cmd.power] if cmd.power != rules.hub else prop.sender
        bad = disallowed(rules, state, partners, clauses)
        if bad:
            _fail(f"not possible here: {', '.join(bad)} (barred by the scenario, or already in force)")
        return Answer(cmd.power, cmd.proposal, "counter", clauses)
    return cmd


def _withdraw(rules: Rules, state: State, cmd: WithdrawProposal) -> Command:
    prop = next((p for p in state.proposals if p.id == cmd.proposal), None)
    if prop is None or prop.status != "pending" or cmd.power not in prop.sender:
        _fail(f"{cmd.power} has no pending proposal {cmd.proposal} to withdraw")
    return cmd


def missions(rules: Rules, state: State, power: str) -> list[str]:
    out = ["home"] + [p for p in rules.powers if p != power]
    out += [cid for cid in state.conferences if conf.is_sitting(state, cid) and power in state.conferences[cid].invited]
    return out


def _assign(rules: Rules, state: State, cmd: AssignNegotiator) -> Command:
    negs = rules.scenario.powers[cmd.power].negotiators
    if cmd.negotiator not in negs:
        _fail(f"{cmd.power} has no negotiator {cmd.negotiator!r}; it has: {', '.join(negs) or 'none'}")
    allowed = missions(rules, state, cmd.power)
    if cmd.mission not in allowed:
        _fail(f"{cmd.mission!r} is not a mission now; choose one of: {', '.join(allowed)}")
    return cmd


def _policy(rules: Rules, state: State, cmd: SetPolicy) -> Command:
    if cmd.power != rules.hub:
        _fail(f"only {rules.hub} sets domestic policy in this scenario")
    pol = rules.scenario.policies.get(cmd.lever)
    if pol is None:
        _fail(f"unknown policy {cmd.lever!r}; one of: {', '.join(rules.scenario.policies)}")
    if not pol.min <= cmd.value <= pol.max:
        _fail(f"{cmd.lever} must be within {pol.min:g}..{pol.max:g}")
    steps = (cmd.value - pol.min) / pol.step
    if abs(steps - round(steps)) > 1e-9:
        _fail(f"{cmd.lever} moves in steps of {pol.step:g}")
    return cmd


def _conference(rules: Rules, state: State, cid: str) -> None:
    if cid not in rules.scenario.conferences:
        _fail(f"unknown conference {cid!r}")
    if not conf.is_sitting(state, cid):
        _fail(f"the {rules.scenario.conferences[cid].title} is not sitting now")


def _attend(rules: Rules, state: State, cmd: Attend) -> Command:
    _conference(rules, state, cmd.conference)
    cs = state.conferences[cmd.conference]
    if cmd.power not in cs.invited:
        _fail(f"{cmd.power} is not invited")
    if cmd.power in cs.attending:
        _fail(f"{cmd.power} is already attending")
    return cmd


def _attending(rules: Rules, state: State, cid: str, power: str) -> None:
    _conference(rules, state, cid)
    if power not in state.conferences[cid].attending:
        _fail(f"{power} is not attending the {rules.scenario.conferences[cid].title}")


def _speak(rules: Rules, state: State, cmd: Speak) -> Command:
    _attending(rules, state, cmd.conference, cmd.power)
    items = [a.id for a in rules.scenario.conferences[cmd.conference].agenda]
    if cmd.item not in items:
        _fail(f"no agenda item {cmd.item!r}; the agenda: {', '.join(items)}")
    if conf.spoke_this_turn(state, cmd.conference, cmd.power):
        _fail("one speech a session")
    return cmd


def _meet(rules: Rules, state: State, cmd: MeetPrivately) -> Command:
    _attending(rules, state, cmd.conference, cmd.power)
    if cmd.other == cmd.power:
        _fail("a delegation cannot meet itself")
    if cmd.other not in state.conferences[cmd.conference].attending:
        _fail(f"{cmd.other} is not attending")
    for p in (cmd.power, cmd.other):
        if conf.excluded_from(state, cmd.conference, p):
            _fail(f"{p} is excluded from the private talks")
    # A delegation has one meeting of its own asking a session; being asked to one (the villa talks the
    # other side calls) does not use it up.
    if conf.called_meeting_this_turn(state, cmd.conference, cmd.power):
        _fail("one private meeting a session")
    if conf.met_pair_this_turn(state, cmd.conference, cmd.power, cmd.other):
        _fail(f"already met {cmd.other} this session")
    return cmd


def _walkout(rules: Rules, state: State, cmd: WalkOut) -> Command:
    _attending(rules, state, cmd.conference, cmd.power)
    return cmd


def _cancel(rules: Rules, state: State, cmd: CancelTreaty) -> Command:
    t = next((t for t in state.treaties if t.id == cmd.treaty), None)
    if t is None or not t.in_force:
        _fail(f"there is no treaty {cmd.treaty} in force")
    if cmd.power not in t.parties(rules.hub):
        _fail(f"{cmd.power} is not a party to treaty {cmd.treaty}")
    return cmd


def _choose(rules: Rules, state: State, cmd: ChooseOption) -> Command:
    if not any(c.event == cmd.event and c.chooser == cmd.power for c in state.choices):
        _fail(f"no decision on {cmd.event!r} awaits {cmd.power}")
    options = [o.id for o in event_by_id(rules, cmd.event).options]
    if cmd.option not in options:
        _fail(f"no option {cmd.option!r}; choose one of: {', '.join(options)}")
    return cmd


def _end(rules: Rules, state: State, cmd: EndTurn) -> Command:
    # A treaty's obligation (it has a partner) left open is answered at the turn's end as the
    # delegation would answer it; a scripted event's decision must be taken first.
    waiting = [c.event for c in state.choices if c.chooser == cmd.power and c.partner is None]
    if waiting:
        _fail(f"decide first: {', '.join(waiting)} (use choose EVENT OPTION)")
    return cmd


_CHECKS = {Propose: _propose, Answer: _answer, WithdrawProposal: _withdraw, AssignNegotiator: _assign,
           SetPolicy: _policy, Attend: _attend, Speak: _speak, MeetPrivately: _meet, WalkOut: _walkout,
           CancelTreaty: _cancel, ChooseOption: _choose, EndTurn: _end}


def legal_commands(rules: Rules, state: State, power: str) -> list[Command]:
    """What ``power`` may do now: every kind of command, proposals by single clauses."""
    if state.finished or power in state.ended:
        return []
    cands: list[Command] = []
    for c in state.choices:
        if c.chooser == power:
            cands += [ChooseOption(power, c.event, o.id) for o in event_by_id(rules, c.event).options]
    for prop in pending_for(state, power):
        cands += [Answer(power, prop.id, "accept"), Answer(power, prop.id, "reject")]
    targets = rules.partners if power == rules.hub else [rules.hub]
    for t in targets:
        for type_id in rules.clause_ids:
            cands.append(Propose(power, (t,), (Clause.of(type_id),)))
    for tid in side.topics_of(rules, power):
        topic = rules.scenario.side_talks.topics[tid]
        for t in topic.parties:
            if t != power and tid in side.shared_topics(rules, power, t):
                cands += [Propose(power, (t,), (Clause.of(term),)) for term in topic.terms]
    for prop in state.proposals:
        if prop.status == "pending" and power in prop.sender:
            cands.append(WithdrawProposal(power, prop.id))
    for nid in rules.scenario.powers[power].negotiators:
        cands += [AssignNegotiator(power, nid, m) for m in missions(rules, state, power)]
    if power == rules.hub:
        for lever, pol in rules.scenario.policies.items():
            cands += [SetPolicy(power, lever, v) for v in (pol.min, (pol.min + pol.max) / 2, pol.max)]
    for cid in conf.sitting(state):
        cs = state.conferences[cid]
        cands.append(Attend(power, cid))
        cands.append(WalkOut(power, cid))
        cands += [Speak(power, cid, a.id) for a in rules.scenario.conferences[cid].agenda]
        cands += [MeetPrivately(power, cid, o) for o in cs.attending if o != power]
    for t in state.treaties:
        if t.in_force and power in t.parties(rules.hub):
            cands.append(CancelTreaty(power, t.id))
    cands.append(EndTurn(power))
    out = []
    for c in cands:
        try:
            out.append(check(rules, state, c))
        except IllegalCommand:
            continue
    return out
