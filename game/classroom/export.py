"""``classroom export SAVE``: a save, replayed, becomes the teacher's records:
log.csv (every action, the AI's included), treaties.csv, session.json and
debrief.html.

The action log is not in the save: replaying the save's command log from
its seed rebuilds it exactly (the engine is deterministic). A classroom
session may leave a sidecar ``SAVE.classroom.json`` (students and roles);
with it, log.csv names the roles behind each delegation's actions.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from game.classroom.debrief import debrief_data, debrief_html
from game.engine.game import Game
from game.engine.rules import Rules
from game.engine.state import State
from game.errors import UsageError
from game.saves.errors import SaveError
from game.saves.replay import ReplayError, replay
from game.saves.restore import read_document, rules_of

LOG_COLUMNS = ("turn", "date", "seat", "role", "command", "result")
TREATY_COLUMNS = ("id", "title", "partners", "clauses", "signed", "turn", "in_force")
FILES = ("log.csv", "treaties.csv", "session.json", "debrief.html")


def sidecar_path(save: Path) -> Path:
    return save.with_name(save.name.split(".")[0] + ".classroom.json")


def replayed(save: Path, current: Rules | None = None) -> tuple[Game, dict[str, Any]]:
    """The game in the save rebuilt from its log (so its action log is whole), and the save's header.

    ``current`` is reused when the save is of that scenario, unchanged (no YAML to read)."""
    try:
        head = read_document(save)
        rules = rules_of(head, None, current, None)
    except SaveError as e:
        raise UsageError(str(e.at(str(save)))) from None
    head.pop("state", None)
    try:
        game = replay(rules, head["seed"], head["humans"], head["log"]).game
    except ReplayError as e:
        raise UsageError(f"{save}: the save cannot be replayed: {e}") from None
    return game, head


def _roles_by_seat(session: dict[str, Any]) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for s in session.get("students", []):
        out.setdefault(s.get("delegation", ""), []).extend(s.get("roles", []))
    return {d: "+".join(sorted(set(r))) for d, r in out.items()}


def _treaty_rows(state: State) -> list[tuple[Any, ...]]:
    return [(t.id, t.title, " ".join(t.partners), " + ".join(str(c) for c in t.clauses), t.signed, t.turn,
             "yes" if t.in_force else "no") for t in state.treaties]


def export(save: Path, out: Path, current: Rules | None = None) -> list[Path]:
    """Write the four files for ``save`` into ``out``; the paths written."""
    game, head = replayed(save, current)
    side = sidecar_path(save)
    session: dict[str, Any] = {}
    if side.is_file():
        try:
            session = json.loads(side.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise UsageError(f"{side}: cannot be read ({e})") from None
    roles = _roles_by_seat(session)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "log.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(LOG_COLUMNS)
        for a in game.actions:
            w.writerow((a.turn, a.date, a.seat, roles.get(a.seat, ""), a.command, a.result))
    with open(out / "treaties.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(TREATY_COLUMNS)
        w.writerows(_treaty_rows(game.state))
    d = debrief_data(game)
    doc = {"scenario": head["scenario"], "seed": head["seed"], "humans": head["humans"], "kind": head["kind"],
           "date": game.state.date, "turn": game.state.turn, "finished": game.state.finished,
           "actions": len(game.actions), "treaties": len(game.state.treaties),
           "scores": {r.power: r.points for r in d.results}, "outcome": d.ours, "historical_outcome": d.theirs,
           "classroom": session}
    (out / "session.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
    (out / "debrief.html").write_text(debrief_html(d), encoding="utf-8")
    return [out / name for name in FILES]
