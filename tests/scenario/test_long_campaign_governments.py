"""The long campaign's governments change on their dates, and Soviet Russia becomes the Soviet Union on
30 December 1922 (issue 13, fact-check): an observer run plays the campaign to February 1933 and
reads who leads each power, and what every seat is shown as the hub's name, turn by turn."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from game.engine.commands import Advance
from game.engine.game import Game
from game.engine.model.effects import Rename
from game.engine.rules import Rules
from game.engine.state import State
from game.engine.strings import news_text
from game.engine.world import Ctx
from game.saves.commands import save_observer_run
from game.saves.restore import load
from game.scenario import load_rules
from game.scenario.library import Library
from game.scenario.loader import check

SCENARIO = "long_campaign_1921_1933"
BASE = Path(__file__).parent / "fixtures" / "codes" / "base.yaml"


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules(SCENARIO)


@pytest.fixture(scope="module")
def run(rules: Rules) -> dict[str, Any]:
    """Who leads each power, and the hub's name as the hub and the observer see it, at each turn's date."""
    game = Game.new(rules, seed=11)
    leaders, hub_names, shown = {}, {}, {}
    while game.state.date <= "1933-03-01":
        leaders[game.state.date] = dict(game.state.leaders)
        shown[game.state.date] = {p["id"]: p["leader"] for p in game.observe("observer")["powers"]}
        hub_names[game.state.date] = (game.observe("soviet_russia")["you"]["name"],
                                      game.observe("observer")["hub_name"])
        game.apply(Advance())
    return {"leaders": leaders, "hub_names": hub_names, "shown": shown, "game": game}


def _on(table: dict[str, Any], day: str) -> Any:
    """The entry of the turn that holds ``day`` (the latest turn date not after it)."""
    dates = sorted(d for d in table if d <= day)
    assert dates, day
    return table[dates[-1]]


@pytest.mark.parametrize("day, power, leader", [
    ("1921-12-15", "britain", "lloyd_george"),
    ("1922-12-15", "britain", "bonar_law"),
    ("1924-02-15", "britain", "macdonald"),
    ("1926-06-15", "britain", "baldwin"),
    ("1931-12-15", "britain", "macdonald_national"),
    ("1922-12-15", "italy", "mussolini"),
    ("1924-07-15", "france", "herriot"),
    ("1927-06-15", "france", "poincare"),
    ("1922-12-15", "germany", "cuno"),
    ("1929-06-15", "germany", "mueller"),
    ("1933-02-15", "germany", "hitler"),
    ("1925-06-15", "united_states", "coolidge"),
    ("1930-06-15", "united_states", "hoover"),
    ("1924-06-15", "soviet_russia", "rykov"),
    ("1923-06-15", "poland", "wojciechowski"),
    ("1926-07-15", "poland", "moscicki"),
    ("1924-02-15", "turkey", "kemal_president"),
    ("1926-02-15", "persia", "reza_shah"),
    ("1929-06-15", "afghanistan", "kalakani"),
    ("1930-06-15", "afghanistan", "nadir"),
    ("1925-06-15", "norway", "mowinckel"),
    ("1927-06-15", "norway", "lykke"),
    ("1932-06-15", "norway", "hundseid"),
    ("1923-06-15", "austria", "seipel"),
    ("1925-06-15", "austria", "ramek"),
    ("1930-01-15", "austria", "schober"),
    ("1932-12-15", "austria", "dollfuss"),
])
def test_each_power_is_led_by_its_government_of_the_day(run: dict[str, Any], day: str, power: str,
                                                         leader: str) -> None:
    assert _on(run["leaders"], day)[power] == leader


SMALLER_POWERS = ["poland", "persia", "afghanistan", "norway", "austria"]


@pytest.mark.parametrize("power", SMALLER_POWERS)
def test_the_smaller_powers_are_not_shown_with_their_1921_leaders_in_1930(run: dict[str, Any],
                                                                           power: str) -> None:
    then, later = _on(run["shown"], "1921-01-15")[power], _on(run["shown"], "1930-06-15")[power]
    assert then and later and then != later, (power, then, later)


def test_kemal_is_shown_as_president_of_the_republic_from_1923(rules: Rules, run: dict[str, Any]) -> None:
    kemal = rules.scenario.powers["turkey"].leaders
    assert kemal[_on(run["leaders"], "1921-06-15")["turkey"]].title == "President of the Grand National Assembly"
    assert kemal[_on(run["leaders"], "1930-06-15")["turkey"]].title == "President of the Republic"


def test_no_leader_takes_office_before_the_day_the_event_gives(rules: Rules, run: dict[str, Any]) -> None:
    events = {e.id: e for e in rules.scenario.events}
    changes = [(eid, e) for eid, e in events.items() if eid.startswith("lc_")
               and any(type(x).__name__ == "SetLeader" for x in e.effects)]
    assert len(changes) >= 30
    fired = run["game"].state.fired
    dates = rules.turn_dates
    for eid, event in changes:
        if eid in fired:
            assert dates[fired[eid]] >= event.from_, (eid, dates[fired[eid]], event.from_)
            assert event.from_.strftime("%Y") in event.text, eid


def test_the_hub_is_soviet_russia_until_the_union_and_the_soviet_union_after(run: dict[str, Any]) -> None:
    assert _on(run["hub_names"], "1922-12-15") == ("Soviet Russia", "Soviet Russia")
    assert _on(run["hub_names"], "1923-06-15") == ("Soviet Union", "Soviet Union")
    assert _on(run["hub_names"], "1933-02-15") == ("Soviet Union", "Soviet Union")
    said = [news_text(n) for n in run["game"].state.news if n["key"] == "news.rename"]
    assert said == ["Soviet Russia takes a new name: Soviet Union."]


def test_the_new_name_survives_a_save_and_the_run_stays_deterministic(rules: Rules, tmp_path: Path) -> None:
    path = save_observer_run(rules, 11, 40, "renamed", saves=str(tmp_path))
    game = load(path, rules_for=lambda _id, _mods=(): rules, current=rules).game
    assert game.state.date > "1923-01-27"
    assert game.observe("soviet_russia")["you"]["name"] == "Soviet Union"
    again = Game.new(rules, seed=11)
    again.run_to_end(max_turns=40)
    assert again.state.hash() == game.state.hash()
    assert State.from_dict(game.state.clone().to_dict()).names == {
        "soviet_russia": {"name": "Soviet Union", "adjective": "Soviet"}}


def test_a_game_that_renames_nothing_keeps_the_hash_it_had(rules: Rules) -> None:
    genoa = load_rules("genoa_rapallo_1922")
    assert "names" not in Game.new(genoa, seed=5).state.to_dict()
    game = Game.new(genoa, seed=5)
    Rename.model_validate({"rename": {"power": "soviet_russia", "name": "USSR", "adjective": "Soviet"}}).apply(
        Ctx(genoa, game.state))
    assert game.observe("britain")["powers"] and game.observe("soviet_russia")["you"]["name"] == "USSR"
    assert genoa.power_name("soviet_russia") == "Soviet Russia"      # the scenario itself is unchanged


def test_the_checker_refuses_a_rename_of_a_power_that_does_not_exist(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_bytes(BASE.read_bytes())
    extra = ("events:\n  - {id: e, title: T, text: T, effects: [{rename: {power: atlantis, name: Atlantis}}]}\n")
    findings = check(Library([tmp_path]).resolve_text("id: m\nextends: base\n" + extra, tmp_path / "m.yaml",
                                                      "m.yaml")).findings
    assert [f for f in findings if f.severity == "error" and "atlantis" in f.message], findings
    good = ("events:\n  - {id: e, title: T, text: T, effects: [{rename: {power: britain, name: United Kingdom}}]}\n")
    assert not [f for f in check(Library([tmp_path]).resolve_text("id: m\nextends: base\n" + good,
                                                                  tmp_path / "m.yaml", "m.yaml")).findings
                if f.severity == "error"]


def test_the_union_event_fires_on_its_date(rules: Rules) -> None:
    event = next(e for e in rules.scenario.events if e.id == "lc_ussr")
    assert event.from_ == dt.date(1922, 12, 30) and "30 December 1922" in event.text


def test_the_window_s_power_panel_uses_the_new_name(rules: Rules) -> None:
    from game.ui.viewmodels.power import power_panel
    game = Game.new(rules, seed=11)
    game.run_to_end(max_turns=40)
    assert game.state.date > "1923-01-27"
    panel = power_panel(rules, game.state, "soviet_russia", "britain")
    assert panel.name == "Soviet Union"
    assert power_panel(rules, Game.new(rules, seed=11).state, "soviet_russia", "britain").name == "Soviet Russia"
