"""What the classroom screens show, as plain data (no pygame): the projector
(clock, round, treaties, public news: never a secret) and the facilitator's
console (everything). The window draws these; tests read them directly.

Public news, until the seats work gives every front end ``observe(seat)``:
the kinds of news the whole room would hear of (events, treaties,
conferences, the facilitator's own news). Proposals, answers, missions and
policy settings stay with the delegations concerned.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.classroom.session import Session
from game.engine.scoring import objectives
from game.i18n import S, news_text

PUBLIC_KINDS = ("event", "treaty", "conference", "facilitator", "bloc", "government", "speech")


@dataclass(frozen=True)
class ProjectorVM:
    clock: str
    paused: bool
    round: str
    treaties: list[str]
    news: list[str]
    statuses: dict[str, int]


def clock_text(session: Session, now: float) -> str:
    left = int(round(session.clock.remaining(now)))
    return S["cls.projector.clock"].format(phase=S[f"cls.phase.{session.clock.phase}"], minutes=left // 60,
                                           seconds=left % 60)


def projector_vm(session: Session, now: float, news_shown: int = 8) -> ProjectorVM:
    game = session.game
    rules, state = game.rules, game.state
    names = {p: rules.power_name(p, state) for p in rules.scenario.powers}
    treaties = [f"{t.signed}: {t.title or ' / '.join(names[p] for p in t.partners)}" for t in state.treaties
                if t.turn > 0 or t.signed >= rules.scenario.start.isoformat()]
    news = [f"{n['date']}: {news_text(n)}" for n in state.news if n.get("kind") in PUBLIC_KINDS][-news_shown:]
    return ProjectorVM(clock_text(session, now), not session.clock.running,
                       S["cls.projector.round"].format(round=state.turn + 1, rounds=rules.last_turn + 1,
                                                       date=state.date),
                       treaties, list(reversed(news)), dict(state.status))


@dataclass(frozen=True)
class DelegationRow:
    power: str
    name: str
    student: bool
    score: float
    objectives: list[str]           # every objective, secret ones included, with met or not


@dataclass(frozen=True)
class FacilitatorVM:
    clock: str
    round: str
    rows: list[DelegationRow]
    log: list[str]
    events: list[tuple[str, str]]   # events that can still be injected: (id, title)
    values: list[str]               # state values the facilitator can adjust


def facilitator_vm(session: Session, now: float, log_shown: int = 12) -> FacilitatorVM:
    game = session.game
    rules, state = game.rules, game.state
    rows = []
    for pid in rules.powers:
        objs = objectives(rules, state, pid)
        rows.append(DelegationRow(pid, rules.power_name(pid, state), pid in session.delegations,
                                  sum(o.points for o in objs if o.met),
                                  [f"{'[met] ' if o.met else ''}{o.title}{' (secret)' if o.secret else ''}"
                                   for o in objs]))
    log = [f"{a.date} {a.command if ':' in a.command else f'{a.seat}: {a.command}'}"
           for a in game.actions[-log_shown:]]
    events = [(e.id, e.title) for e in rules.scenario.events if not (e.once and e.id in state.fired)]
    values = sorted(n for n in state.values if n.startswith(("world.", f"{rules.hub}.")))
    return FacilitatorVM(clock_text(session, now), S["cls.projector.round"].format(
        round=state.turn + 1, rounds=rules.last_turn + 1, date=state.date), rows, list(reversed(log)), events,
        values)
