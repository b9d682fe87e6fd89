"""The debrief: what each delegation achieved against its objectives, the
class's timeline beside 1922's, a chart, and questions for discussion.

``debrief_data`` computes it once (the window's debrief screen and
``debrief.html`` both show it); ``debrief_html`` writes the page, with the
chart as inline SVG.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from game.classroom import html as H
from game.engine.game import Game
from game.engine.scoring import historical_outcome, objectives, outcome
from game.i18n import S, news_text
from game.engine.world import Ctx

#: News kinds that make the class's timeline (what a historian of the session would note).
TIMELINE_KINDS = ("treaty", "event", "facilitator", "conference", "bloc")


@dataclass
class DelegationResult:
    power: str
    name: str
    points: float
    possible: float
    met: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


@dataclass
class RoleResult:
    role: str
    name: str
    delegation: str
    points: float
    possible: float
    met: list[str] = field(default_factory=list)


def role_results(game: Game) -> list[RoleResult]:
    """Each role's personal objectives as things stand (any_time ones too: roles keep no record of the past)."""
    rules, state = game.rules, game.state
    out = []
    for rid, role in rules.scenario.roles.items():
        ctx = Ctx(rules, state, self_=role.delegation)
        met = [o for o in role.objectives if o.condition.holds(ctx)]
        out.append(RoleResult(rid, role.name, rules.power_name(role.delegation, state),
                              sum(o.points for o in met), sum(o.points for o in role.objectives),
                              [o.title for o in met]))
    return out


@dataclass
class Debrief:
    title: str
    date: str
    end: str
    finished: bool
    results: list[DelegationResult]
    ours: str
    theirs: str
    class_timeline: list[tuple[str, str]]
    history_timeline: list[tuple[str, str]]
    summary: str
    questions: list[str]
    roles: list[RoleResult] = field(default_factory=list)


def debrief_data(game: Game) -> Debrief:
    rules, state = game.rules, game.state
    sc = rules.scenario
    results = []
    for pid in rules.powers:
        objs = objectives(rules, state, pid)
        results.append(DelegationResult(pid, rules.power_name(pid, state), sum(o.points for o in objs if o.met),
                                        sum(o.points for o in objs), [o.title for o in objs if o.met],
                                        [o.title for o in objs if not o.met]))
    titles = {o.id: o.title for o in sc.history.outcomes}
    ours_id, theirs_id = outcome(rules, state), historical_outcome(rules)
    none = S["cls.debrief.no_outcome"]
    timeline = [(n["date"], news_text(n)) for n in state.news if n.get("kind") in TIMELINE_KINDS]
    return Debrief(sc.title, state.date, sc.end.isoformat(), state.finished, results,
                   titles.get(ours_id or "", none), titles.get(theirs_id or "", none), timeline,
                   [(m.date.isoformat(), m.text) for m in sc.history.timeline], sc.history.summary,
                   list(sc.classroom.questions), role_results(game))


def chart_svg(results: list[DelegationResult], width: int = 640) -> str:
    """Bars of points won against points possible; the numbers are written beside each bar."""
    row, label_w = 28, 150
    height = row * len(results) + 10
    scale = (width - label_w - 90) / max([r.possible for r in results] + [1.0])
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="{escape(S["cls.debrief.chart"])}">']
    for i, r in enumerate(results):
        y = 5 + i * row
        parts.append(f'<text x="0" y="{y + 17}" font-size="14">{escape(r.name)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{r.possible * scale:.1f}" height="18" '
                     f'fill="none" stroke="#777"/>')
        parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{r.points * scale:.1f}" height="18" fill="#3b4a6b"/>')
        parts.append(f'<text x="{label_w + r.possible * scale + 8:.1f}" y="{y + 17}" font-size="14">'
                     f'{r.points:g} / {r.possible:g}</text>')
    return "".join(parts) + "</svg>"


def debrief_html(d: Debrief) -> str:
    body = [H.h(1, S["cls.debrief.title"].format(title=d.title))]
    if not d.finished:
        body.append(H.p(S["cls.debrief.unfinished"].format(date=d.date, end=d.end), "note"))
    body += [H.p(S["cls.debrief.outcome"].format(ours=d.ours, theirs=d.theirs)),
             H.h(2, S["cls.debrief.achieved"]),
             H.table([S["cls.debrief.delegation"], S["cls.debrief.points"], S["cls.debrief.met"],
                      S["cls.debrief.missed"]],
                     [(r.name, f"{r.points:g} / {r.possible:g}", "; ".join(r.met), "; ".join(r.missed))
                      for r in d.results]),
             H.h(2, S["cls.debrief.chart"]), chart_svg(d.results)]
    if d.roles:
        body += [H.h(2, S["cls.debrief.roles"]),
                 H.table([S["cls.debrief.role"], S["cls.debrief.delegation"], S["cls.debrief.points"],
                          S["cls.debrief.met"]],
                         [(r.name, r.delegation, f"{r.points:g} / {r.possible:g}", "; ".join(r.met))
                          for r in d.roles])]
    body += [
             H.h(2, S["cls.debrief.timelines"])]
    dates = sorted({t for t, _ in d.class_timeline} | {t for t, _ in d.history_timeline})
    rows = []
    for day in dates:
        ours = " / ".join(text for t, text in d.class_timeline if t == day)
        theirs = " / ".join(text for t, text in d.history_timeline if t == day)
        rows.append((day, ours, theirs))
    body += [H.table(["", S["cls.debrief.class"], S["cls.debrief.history"]], rows),
             H.h(2, S["cls.debrief.summary"]), H.p(d.summary)]
    if d.questions:
        body += [H.h(2, S["cls.debrief.questions"]), H.ul(d.questions)]
    return H.page(S["cls.debrief.title"].format(title=d.title), body)
