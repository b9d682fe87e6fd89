"""Printable packets: one HTML page per role (public role, secret brief,
personal and delegation objectives, glossary) holding nothing of another
delegation's secrets, an index, and the facilitator's guide with the
scenario's note for teachers, every secret, the timeline, suggested injects
and a plan for the debrief.

HTML with print CSS only: a PDF would need a heavy renderer (weasyprint
pulls in Pango and Cairo), and every browser prints these pages to PDF.
"""
from __future__ import annotations

from pathlib import Path

from game.classroom import html as H
from game.engine.describe import describe
from game.engine.model.events import Objective
from game.engine.model.roles import Role
from game.engine.model.scenario import Scenario
from game.engine.rules import Rules
from game.i18n import S


def _objective_lines(objectives: list[Objective]) -> list[str]:
    return [f"{o.title} ({S['cls.packet.points'].format(points=o.points)})" for o in objectives]


def role_packet(sc: Scenario, rid: str, role: Role) -> str:
    """The page for one role: its own secrets and its delegation's objectives, nobody else's."""
    power = sc.powers[role.delegation]
    colleagues = [r.name for k, r in sc.roles.items() if r.delegation == role.delegation and k != rid]
    body = [f'<div class="page">', H.h(1, role.name),
            H.p(", ".join(x for x in (role.title, S["cls.packet.delegation"].format(delegation=power.name)) if x),
                "sub")]
    if role.unconfirmed:
        body.append(H.p(S["cls.packet.unconfirmed"], "note"))
    body += [H.h(2, S["cls.packet.public"]), H.p(S["cls.packet.public_note"], "note"), H.p(role.public)]
    if colleagues:
        body.append(H.p(S["cls.packet.colleagues"].format(names=", ".join(colleagues))))
    body += ['<div class="secret">', H.h(2, S["cls.packet.secret"]), H.p(S["cls.packet.secret_note"], "note"),
             H.p(role.briefing), H.h(2, S["cls.packet.objectives"]), H.ul(_objective_lines(role.objectives)),
             "</div>"]
    delegation_objectives = sc.objectives.get(role.delegation, [])
    if delegation_objectives:
        body += [H.h(2, S["cls.packet.delegation_objectives"]), H.ul(_objective_lines(delegation_objectives))]
    body.append(H.p(S["cls.packet.may"].format(verbs=", ".join(role.may))))
    if power.wants:
        body.append(H.p(power.wants))
    if sc.classroom.glossary:
        body += [H.h(2, S["cls.packet.glossary"]), H.dl(sorted(sc.classroom.glossary.items()))]
    body.append("</div>")
    return H.page(S["cls.packet.title"].format(name=role.name), body)


def _timeline_heading(sc: Scenario) -> str:
    """The history section's heading names the years it covers: the scenario's own span and its milestones'."""
    days = [sc.start, sc.end, *(m.date for m in sc.history.timeline)]
    first, last = min(days).year, max(days).year
    if first == last:
        return S["cls.guide.timeline"].format(year=first)
    return S["cls.guide.timeline_span"].format(start=first, end=last)


def facilitator_guide(rules: Rules) -> str:
    """Every secret, the timeline, suggested injects and the debrief plan."""
    sc = rules.scenario
    body = [H.h(1, S["cls.guide.title"].format(title=sc.title)), H.p(S["cls.guide.warning"], "note"),
            H.h(2, S["cls.guide.setup"]),
            H.p(S["cls.guide.setup_text"].format(minutes=sc.classroom.round_minutes, turns=rules.last_turn + 1,
                                                 start=sc.start.isoformat(), end=sc.end.isoformat())),
            H.p(sc.summary)]
    if sc.teacher_note:     # what the scenario simplifies, its illustrative figures, the myths it avoids
        body += [H.h(2, S["cls.guide.teacher_note"]), H.p(sc.teacher_note)]
    body.append(H.h(2, S["cls.guide.roles"]))
    for pid, power in sc.powers.items():
        members = [(rid, r) for rid, r in sc.roles.items() if r.delegation == pid]
        body.append(H.h(2, power.name))
        if sc.objectives.get(pid):
            body += [H.p(S["cls.guide.objectives"], "sub"), H.ul(_objective_lines(sc.objectives[pid]))]
        for rid, r in members:
            body += ['<div class="role">', H.h(3, f"{r.name} ({rid})"), H.p(r.title, "sub"), H.p(r.public),
                     '<div class="secret">', H.p(r.briefing),
                     H.ul([f"{o.title} ({o.points:g}): {describe(rules, o.condition)}"
                           for o in r.objectives]),
                     "</div></div>"]
    body += [H.h(2, _timeline_heading(sc)), H.p(sc.history.summary),
             H.table(["", ""], [(m.date.isoformat(), m.text) for m in sc.history.timeline])]
    events = {e.id: e for e in sc.events}
    injects = [events[i] for i in sc.classroom.injects if i in events]
    if injects:
        body += [H.h(2, S["cls.guide.injects"]),
                 H.ul([S["cls.guide.inject_line"].format(title=e.title, id=e.id,
                                                        date=e.from_.isoformat() if e.from_ else sc.start.isoformat())
                       for e in injects])]
    historical = next((o for o in sc.history.outcomes if o.historical), None)
    body += [H.h(2, S["cls.guide.debrief"]),
             H.p(S["cls.guide.debrief_text"].format(outcome=historical.title if historical else sc.history.summary))]
    if sc.classroom.questions:
        body += [H.h(2, S["cls.guide.questions"]), H.ul(sc.classroom.questions)]
    return H.page(S["cls.guide.title"].format(title=sc.title), body)


def index_page(sc: Scenario) -> str:
    items = []
    for pid, power in sc.powers.items():
        links = [f'<li><a href="{rid}.html">{H.escape(r.name)}</a></li>'
                 for rid, r in sc.roles.items() if r.delegation == pid]
        if links:
            items.append(H.h(2, power.name) + "<ul>" + "".join(links) + "</ul>")
    guide = f'<p><a href="facilitator_guide.html">{H.escape(S["cls.packet.guide_link"])}</a></p>'
    return H.page(S["cls.packet.index"].format(title=sc.title),
                  [H.h(1, S["cls.packet.index"].format(title=sc.title)), guide, *items])


def write_packets(rules: Rules, out: Path) -> list[Path]:
    """Write every role's packet, the index and the facilitator's guide into ``out``; the files written."""
    sc = rules.scenario
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for rid, role in sc.roles.items():
        path = out / f"{rid}.html"
        path.write_text(role_packet(sc, rid, role), encoding="utf-8")
        written.append(path)
    for name, text in (("facilitator_guide.html", facilitator_guide(rules)), ("index.html", index_page(sc))):
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    return written
