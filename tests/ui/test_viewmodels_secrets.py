"""The window's view models read other powers through observations: a partner the player reads
roughly shows round numbers, the projector (no player) shows no attitudes, and no view model reads
secret parts of the raw state except the player's own, listed below with the reason."""
from __future__ import annotations

import ast
from pathlib import Path

from game.engine.game import Game
from game.engine.legal import FACILITATOR
from game.engine.rules import Rules
from game.engine.views import insight
from game.ui.viewmodels import power, world

HUB = "soviet_russia"
VIEWMODELS = Path(__file__).resolve().parents[2] / "game" / "ui" / "viewmodels"
#: Parts of the State that hold other powers' secrets (exact values, private news and proposals).
WATCHED = {"values", "news", "proposals", "causes", "grievances"}
#: (module, function, attribute): raw reads that stay, each the player's own or public.
ALLOWED = {
    ("event", "event_vm", "news"): "the date an event was announced (events are public news)",
    ("home", "home", "values"): "the hub's own policy levers, shown only when the player is the hub",
    ("power", "_value", "values"): "called with the exactness the player's observation gives",
    ("power", "power_panel", "grievances"): "left for the next pass: grievances are not in observations yet",
    ("world", "_stat", "values"): "the player's own values in the top bar",
    ("world", "hud", "values"): "which of the player's own values exist",
    ("world", "hud", "proposals"): "the player's own proposals this turn",
    ("world", "papers", "proposals"): "the player's own answered proposals",
}


def raw_reads() -> set[tuple[str, str, str]]:
    found = set()
    for path in sorted(VIEWMODELS.glob("*.py")):
        for fn in ast.walk(ast.parse(path.read_text())):
            if not isinstance(fn, ast.FunctionDef):
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.Attribute) and node.attr in WATCHED and \
                        isinstance(node.value, ast.Name) and node.value.id == "state":
                    found.add((path.stem, fn.name, node.attr))
    return found


def test_no_view_model_reads_another_power_s_secrets_from_the_raw_state() -> None:
    found = raw_reads()
    assert found, "the scan finds the reads that are allowed"
    assert found <= set(ALLOWED), sorted(found - set(ALLOWED))


def rough_partner(rules: Rules, game: Game) -> str:
    rough = [p for p in rules.partners if not insight(rules, game.state, HUB, p).exact]
    assert rough, "the hub reads some partner only roughly at the start"
    return rough[0]


def test_the_map_shows_a_roughly_read_partner_s_attitudes_to_the_nearest_five(genoa: Rules) -> None:
    game = Game.new(genoa, seed=1, humans=[HUB])
    game.apply("advance", by=FACILITATOR)
    pid = rough_partner(genoa, game)
    mp = world.map_vm(genoa, game.state, HUB).powers[pid]
    assert mp.trust is not None and mp.trust % 5 == 0 and mp.closeness % 5 == 0
    projector = world.map_vm(genoa, game.state, "").powers[pid]
    assert projector.trust is None
    assert not any("Trust" in line for line in projector.hover_lines("Soviet Russia"))


def test_a_power_panel_shows_a_roughly_read_partner_in_round_numbers(genoa: Rules) -> None:
    game = Game.new(genoa, seed=1, humans=[HUB])
    game.apply("advance", by=FACILITATOR)
    pid = rough_partner(genoa, game)
    panel = power.power_panel(genoa, game.state, pid, HUB)
    assert panel.attitudes and all(v.value % 5 == 0 for v in panel.attitudes + panel.claims)
    own = power.power_panel(genoa, game.state, "france", "france")
    assert any(v.value % 5 != 0 for v in own.attitudes), "its own panel reads France's values exactly"
