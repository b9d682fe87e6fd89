"""The end of a game as data: the player's score against the objectives,
how it turned out beside what happened in history, the player's timeline
beside history's, and every power's score."""
from __future__ import annotations

from dataclasses import dataclass

from game.engine.legal import OBSERVER
from game.engine.observe import observe
from game.engine.rules import Rules
from game.engine.scoring import historical_outcome, objectives, outcome
from game.engine.state import State
from game.i18n import S, news_text
from game.ui.viewmodels.common import date_text, package_words, power_name, short_date
from game.ui.viewmodels.ledger import ObjectiveVM, objective_rows


@dataclass(frozen=True)
class TimelineRow:
    date: str
    yours: str
    history: str


@dataclass(frozen=True)
class EndVM:
    heading: str
    score: str
    score_value: float
    best: float
    objectives: tuple[ObjectiveVM, ...]
    outcome: str
    outcome_text: str
    versus: str
    history: str
    timeline: tuple[TimelineRow, ...]
    powers: tuple[tuple[str, float, bool], ...]
    end_reason: str


def end_vm(rules: Rules, state: State, player: str) -> EndVM:
    sc = rules.scenario
    rows = objective_rows(rules, state, player)
    res = objectives(rules, state, player)
    best = sum(o.points for o in res if o.points > 0)
    got = sum(o.points for o in res if o.met)
    names = {o.id: o for o in sc.history.outcomes}
    now, hist = outcome(rules, state), historical_outcome(rules)
    title = names[now].title if now else ""
    text = names[now].text if now else ""
    versus = ""
    if hist:
        versus = S["ui.end.as_history"] if now == hist else S["ui.end.unlike_history"].format(title=names[hist].title)
    events: list[tuple[str, str, str]] = []
    for t in state.treaties:
        if t.turn == 0 and t.signed < sc.start.isoformat():
            continue
        events.append((t.signed, "y", S["ui.end.treaty"].format(title=t.title, clauses=package_words(rules, t.clauses))))
    seat = player if player in rules.scenario.powers else OBSERVER
    for n in observe(rules, state, seat)["news"]:
        if n["kind"] in ("conference", "walkout") or (n["kind"] == "choice" and player in n.get("powers", [])):
            events.append((n["date"], "y", news_text(n)))
    for m in sc.history.timeline:
        events.append((m.date.isoformat(), "h", m.text))
    events.sort(key=lambda e: (e[0], e[1]))
    timeline = tuple(TimelineRow(short_date(d) + f" {d[:4]}", t if k == "y" else "", t if k == "h" else "")
                     for d, k, t in events)
    powers = tuple(sorted(((power_name(rules, p, state), sum(o.points for o in objectives(rules, state, p) if o.met),
                            p == player) for p in rules.powers if sc.objectives.get(p)), key=lambda x: -x[1]))
    return EndVM(S["ui.end.heading"].format(title=sc.title),
                 S["ui.end.score"].format(power=power_name(rules, player, state), score=got, best=best), got, best,
                 tuple(rows), title, text, versus, " ".join(sc.history.summary.split()), timeline, powers,
                 state.end_reason)


__all__ = ["EndVM", "end_vm", "date_text"]
