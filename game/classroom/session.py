"""A classroom session on one machine: who plays which delegation and role,
the round clock, the facilitator's PIN, and the facilitator's powers over
pacing (pause, extend, advance, undo the last round, reveal or hide).

The world changes only through the game's commands (the facilitator's
own are ``inject``, ``news`` and ``adjust``); the session adds what is not
the world's business: time, who sits at the keyboard, and the secrets shown
on the projector. The clock never reads the time itself: callers pass
``now`` (seconds from any monotonic source), so tests need no waiting.
"""
from __future__ import annotations

import hashlib
import hmac
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from game.engine.commands import AdjustValue, Command, InjectEvent, PostNews
from game.engine.game import Game
from game.engine.rules import Rules
from game.i18n import S
from game.errors import UsageError
from game.saves.replay import replay

FACILITATOR = "facilitator"
PHASES = ("negotiation", "orders", "resolution")
#: Minutes of the orders phase (the negotiation phase's length is the scenario's or the facilitator's).
ORDERS_MINUTES = 5


@dataclass(frozen=True)
class Student:
    """One student: a number on the class list, a delegation and the roles they play in it."""

    number: int
    delegation: str
    roles: tuple[str, ...]


def draw_roles(rules: Rules, delegations: Sequence[str], students: int, seed: int) -> list[Student]:
    """Deal the scenario's roles to ``students`` students over ``delegations``, with a seeded shuffle.

    Every delegation gets at least one student; more go where there are more
    roles. A student with a small delegation plays several roles; a large
    class doubles roles up (two students share one).
    """
    roles_of = {d: [rid for rid, r in rules.scenario.roles.items() if r.delegation == d] for d in delegations}
    if not delegations:
        raise UsageError(S["cls.error.no_delegations"])
    if students < len(delegations):
        raise UsageError(S["cls.error.students"].format(n=students, d=len(delegations)))
    gen = random.Random(seed)
    seats = {d: 1 for d in delegations}
    for _ in range(students - len(delegations)):  # the next student goes where roles per student are most
        d = max(delegations, key=lambda p: (max(1, len(roles_of[p])) / seats[p], -delegations.index(p)))
        seats[d] += 1
    out: list[Student] = []
    for d in delegations:
        roles = list(roles_of[d])
        gen.shuffle(roles)
        k = seats[d]
        hands: list[list[str]] = [[] for _ in range(k)]
        for i, rid in enumerate(roles):
            hands[i % k].append(rid)
        for i in range(len(roles), k):  # more students than roles: double up
            hands[i].append(roles[i % len(roles)] if roles else "")
        for hand in hands:
            out.append(Student(len(out) + 1, d, tuple(r for r in hand if r)))
    return out


def assign_roles(rules: Rules, assignment: dict[int, Sequence[str]]) -> list[Student]:
    """A teacher's own assignment: student number → role ids (all in one delegation)."""
    out = []
    for number in sorted(assignment):
        rids = list(assignment[number])
        unknown = [r for r in rids if r not in rules.scenario.roles]
        if unknown or not rids:
            raise UsageError(f"student {number}: unknown role(s) {', '.join(unknown) or '(none given)'}; "
                             f"roles: {', '.join(rules.scenario.roles)}")
        delegations = {rules.scenario.roles[r].delegation for r in rids}
        if len(delegations) != 1:
            raise UsageError(f"student {number}: the roles {', '.join(rids)} are in different delegations")
        out.append(Student(number, delegations.pop(), tuple(rids)))
    return out


def pin_digest(pin: str) -> str:
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise UsageError(S["cls.error.pin"])
    return hashlib.sha256(("rapallo-classroom:" + pin).encode()).hexdigest()


@dataclass
class Clock:
    """The round's clock: the phase, the seconds left in it, and whether it runs."""

    negotiation_minutes: int
    phase: str = "negotiation"
    left: float = 0.0
    running: bool = False
    _since: float | None = None

    def start_phase(self, phase: str, now: float) -> None:
        self.phase = phase
        minutes = {"negotiation": self.negotiation_minutes, "orders": ORDERS_MINUTES}.get(phase, 0)
        self.left = 60.0 * minutes
        self.running, self._since = True, now

    def remaining(self, now: float) -> float:
        if self.running and self._since is not None:
            return max(0.0, self.left - (now - self._since))
        return self.left

    def pause(self, now: float) -> None:
        self.left, self.running, self._since = self.remaining(now), False, None

    def resume(self, now: float) -> None:
        self.running, self._since = True, now

    def extend(self, minutes: float, now: float) -> None:
        self.left = self.remaining(now) + 60.0 * minutes
        if self.running:
            self._since = now

    def tick(self, now: float) -> bool:
        """Move to the orders phase when negotiation time is up; True when the phase changed."""
        if self.running and self.remaining(now) <= 0 and self.phase == "negotiation":
            self.start_phase("orders", now)
            return True
        return False


@dataclass
class Session:
    """A class playing one game: the game, its students, the clock and the facilitator's console."""

    game: Game
    students: list[Student]
    pin_hash: str
    clock: Clock
    revealed: bool = False
    round_starts: list[int] = field(default_factory=list)   # log length when each round began
    seat_index: int = 0
    save_to: Path | None = None     # where the session is saved at every new round (with its sidecar)

    @classmethod
    def start(cls, rules: Rules, delegations: Sequence[str], students: int, pin: str, seed: int | None = None,
              round_minutes: int | None = None, assignment: dict[int, Sequence[str]] | None = None,
              now: float = 0.0) -> "Session":
        for d in delegations:
            if d not in rules.scenario.powers or not rules.scenario.powers[d].playable:
                raise UsageError(S["cls.error.not_playable"].format(power=d))
        seed = rules.scenario.seed if seed is None else seed
        cast = assign_roles(rules, assignment) if assignment else draw_roles(rules, list(delegations), students, seed)
        game = Game.new(rules, seed=seed, humans=list(delegations))
        clock = Clock(round_minutes or rules.scenario.classroom.round_minutes)
        clock.start_phase("negotiation", now)
        return cls(game, cast, pin_digest(pin), clock, round_starts=[0])

    # --- who sits at the keyboard -----------------------------------------------------------

    @property
    def delegations(self) -> list[str]:
        return self.game.humans()

    def current_seat(self) -> str:
        return self.delegations[self.seat_index % len(self.delegations)]

    def pass_to_next(self) -> str:
        """The delegation the machine passes to next (after the privacy screen)."""
        self.seat_index = (self.seat_index + 1) % len(self.delegations)
        return self.current_seat()

    def roles_of(self, delegation: str) -> list[str]:
        return sorted({r for s in self.students if s.delegation == delegation for r in s.roles})

    # --- the facilitator ------------------------------------------------------------------------

    def unlock(self, pin: str) -> bool:
        try:
            return hmac.compare_digest(pin_digest(pin), self.pin_hash)
        except UsageError:
            return False

    def act(self, cmd: Command | str, seat: str) -> Command:
        """A command from a seat (a delegation, or the facilitator)."""
        return self.game.apply(cmd, by=seat)

    def inject(self, event: str) -> Command:
        return self.act(InjectEvent(event=event), FACILITATOR)

    def news(self, headline: str, text: str) -> Command:
        return self.act(PostNews(headline=headline, text=text), FACILITATOR)

    def adjust(self, var: str, by: float, reason: str) -> Command:
        return self.act(AdjustValue(var=var, by=by, reason=reason), FACILITATOR)

    def advance_round(self, now: float) -> None:
        """Resolve the round (whoever has not ended their turn is ended) and start the next."""
        self.clock.start_phase("resolution", now)
        self.act("advance", FACILITATOR)
        self.sync(now)

    def sync(self, now: float) -> bool:
        """After the game resolved a turn (the facilitator advanced, or every delegation ended its turn):
        a new round begins. True if one did."""
        if len(self.game.turn_hashes) < len(self.round_starts):  # one resolution per round begun
            return False
        self.round_starts.append(len(self.game.log))
        self.seat_index = 0
        self.clock.start_phase("negotiation", now)
        if self.save_to is not None:
            self.save(self.save_to)
        return True

    def save(self, path: Path) -> Path:
        """Save the game (a normal save: play --load, replay and classroom export read it) and its sidecar."""
        import json
        from game.classroom.export import sidecar_path
        from game.saves import SaveStore, document
        from game.saves.document import SaveMeta
        meta = SaveMeta(power=self.delegations[0] if self.delegations else "", game_id="classroom",
                        name=path.name.split(".")[0], kind="manual")
        SaveStore(path.parent).write(path, document.build(self.game, meta))
        sidecar_path(path).write_text(json.dumps(self.sidecar(), indent=2), encoding="utf-8")
        return path

    def next_seat(self) -> str | None:
        """The next delegation that has not ended its turn this round (None: all have)."""
        ended = set(self.game.state.ended)
        for _ in range(len(self.delegations)):
            seat = self.pass_to_next()
            if seat not in ended:
                return seat
        return None

    def undo_round(self, now: float) -> None:
        """Back to the start of the previous round: its resolution and everything since are undone."""
        if len(self.round_starts) < 2:
            raise UsageError(S["cls.error.no_undo"])
        self.round_starts.pop()
        keep = self.round_starts[-1]
        g = self.game
        self.game = replay(g.rules, g.state.seed, g.humans(), g.log[:keep]).game
        self.game.on_turn_end = g.on_turn_end
        self.seat_index = 0
        self.clock.start_phase("negotiation", now)

    def set_revealed(self, on: bool) -> None:
        self.revealed = on

    def sidecar(self) -> dict[str, Any]:
        """What the session knows beyond the game, for session.json and the export's role column."""
        return {"students": [{"number": s.number, "delegation": s.delegation, "roles": list(s.roles)}
                             for s in self.students],
                "round_minutes": self.clock.negotiation_minutes, "delegations": self.delegations}
