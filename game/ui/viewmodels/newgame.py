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
        if e.playable and e.loaded is not None and e.loaded.scenario is not None:
            sc = e.loaded.scenario
            if sc.next in titles:
                then = " " + S["ui.new.then"].format(title=titles[sc.next])
            powers = tuple((p, sc.powers[p].name) for p in sc.powers if sc.powers[p].playable)
            names = ", ".join(p.name for p in sc.powers.values())
            hub = sc.hub
        dates = S["ui.new.dates"].format(start=date_text(e.start), end=date_text(e.end)) if e.start else ""
        out.append(ScenarioVM(e.id, e.title or e.id, dates, " ".join((e.summary or "").split()) + then, powers, names,
                              e.playable, problems, warnings, str(e.path), hub))
    return out


def difficulties() -> list[tuple[str, str]]:
    return [(d, S[f"ui.new.difficulty.{d}"]) for d in DIFFICULTIES]
