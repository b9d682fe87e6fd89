"""``main.py balance``: a bot plays one seat over seeds, and the report says how it scored."""
from __future__ import annotations

import json

from game.balance import balance
from game.bots import BOTS
from tests.test_cli import run


def test_balance_json_reports_a_score_distribution_for_the_seat(genoa):
    proc = run("balance", "--scenario", "genoa_rapallo_1922", "--as", "germany", "--bot", "spam",
               "--seeds", "1", "--seed", "3", "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["power"] == "germany" and report["bot"] == "spam" and len(report["runs"]) == 1
    most = sum(o.points for o in genoa.scenario.objectives["germany"])     # Germany's objectives, all met
    assert 0 <= report["score"]["min"] <= report["score"]["max"] <= report["most"] == most


def test_balance_names_an_unknown_power_in_one_line_with_status_2():
    proc = run("balance", "--scenario", "genoa_rapallo_1922", "--as", "prussia", "--bot", "greedy", "--seeds", "1")
    assert proc.returncode == 2
    assert "prussia" in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_spamming_the_rapallo_package_from_january_does_not_win_germany_most_of_its_points(genoa):
    report = balance(genoa, "germany", "spam", [3, 4])
    assert report["early"]["max"] < 0.8 * report["most"]
    assert all(r["unratified"] > 0 for r in report["runs"])


def test_every_bot_plays_a_whole_game_as_moscow(genoa):
    for bot in sorted(BOTS):
        report = balance(genoa, "soviet_russia", bot, [5])
        assert report["runs"][0]["score"] == report["score"]["max"]
        assert 0 <= report["score"]["max"] <= report["most"]


def test_the_command_line_offers_every_bot_and_only_those() -> None:
    from game.balance_commands import BOT_NAMES
    assert sorted(BOT_NAMES) == sorted(BOTS)


def _london_met_moscow(game) -> bool:
    return any({m["a"], m["b"]} == {"britain", "soviet_russia"}
               for cs in game.state.conferences.values() for m in cs.meetings)


def test_the_historical_london_talks_privately_with_moscow_only_when_a_settlement_is_in_reach(genoa):
    from game.bots import play
    from game.engine.game import Game
    ai_london = Game.new(genoa, seed=1, humans=["soviet_russia"])    # London the AI's: Lloyd George's villa talks
    play(ai_london, "soviet_russia", "historical")
    assert _london_met_moscow(ai_london)
    bot_london = Game.new(genoa, seed=1, humans=["britain"])
    play(bot_london, "britain", "historical")
    assert not _london_met_moscow(bot_london)


def test_greedy_london_does_not_beat_the_historical_course(genoa):
    seeds = [1, 2, 3, 4, 5]
    historical = balance(genoa, "britain", "historical", seeds)
    greedy = balance(genoa, "britain", "greedy", seeds)
    assert historical["score"]["mean"] >= greedy["score"]["mean"]
