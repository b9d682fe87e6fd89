"""The new-game screen as data: the scenarios found (broken ones with what
is wrong, in plain words), and for the chosen one its dates, length,
description, playable powers and the difficulties."""
from __future__ import annotations

from dataclasses import dataclass

from game.i18n import S
from game.engine.difficulty import DIFFICULTIES
from game.ui.viewmodels.common import date_text


@dataclass(frozen=True)
class ScenarioVM:
    id: str
    title: str
    dates: str
    summary: str
    powers: tuple[tuple[str, str], ...]      # playable (id, name)
    all_powers: str
    playable: bool
    problems: tuple[str, ...]
    warnings: tuple[str, ...]
    path: str
    hub: str
    side: tuple[tuple[str, str], ...] = ()   # (power, the names it may bargain with in side talks)


def scenarios(extra_dirs: tuple = ()) -> list[ScenarioVM]:  # type: ignore[type-arg]
    from game.scenario.catalog import catalog
    out = []
    entries = catalog(extra_dirs)
    titles = {e.id: e.title or e.id for e in entries if e.playable}
    for e in entries:
        problems = tuple(f.plain() for f in e.findings if f.is_error)
        warnings = tuple(f.plain() for f in e.findings if not f.is_error)
        powers: tuple[tuple[str, str], ...] = ()
        names = ""
        hub = ""
        then = ""           # a campaign's first part says what it goes on into
        side: tuple[tuple[str, str], ...] = ()
        if e.playable and e.loaded is not None and e.loaded.scenario is not None:
            sc = e.loaded.scenario
            if sc.next in titles:
                then = " " + S["ui.new.then"].format(title=titles[sc.next])
            powers = tuple((p, sc.powers[p].name) for p in sc.powers if sc.powers[p].playable)
            names = ", ".join(p.name for p in sc.powers.values())
            hub = sc.hub
            side = _side_partners(sc)
        dates = S["ui.new.dates"].format(start=date_text(e.start), end=date_text(e.end)) if e.start else ""
        out.append(ScenarioVM(e.id, e.title or e.id, dates, " ".join((e.summary or "").split()) + then, powers, names,
                              e.playable, problems, warnings, str(e.path), hub, side))
    return out


def _side_partners(sc) -> tuple[tuple[str, str], ...]:  # type: ignore[no-untyped-def]
    """For each power in the scenario's side talks, the names of the powers it may bargain with there."""
    partners: dict[str, list[str]] = {}
    for topic in sc.side_talks.topics.values():
        for a in topic.parties:
            for b in topic.parties:
                if a != b and (topic.with_ is None or topic.with_ in (a, b)) and b not in partners.setdefault(a, []):
                    partners[a].append(b)
    return tuple((a, ", ".join(sc.powers[b].name for b in bs if b in sc.powers)) for a, bs in partners.items() if bs)


def difficulties() -> list[tuple[str, str]]:
    return [(d, S[f"ui.new.difficulty.{d}"]) for d in DIFFICULTIES]
