"""The long campaign, 1921 to 1933: it validates, plays to its end, and, in observer runs, the main
treaties and recognitions happen near their historical dates (a held-out history test: the dates are
checked against the record, not against a recorded run)."""
from __future__ import annotations

import datetime as dt

import pytest

from game.engine.game import Game
from game.engine.model.common import Status
from game.scenario import load_rules
from game.engine.strings import news_text

SEEDS = (3, 8)


@pytest.fixture(scope="module")
def runs() -> list[Game]:
    rules = load_rules("long_campaign_1921_1933")
    games = []
    for seed in SEEDS:
        game = Game.new(rules, seed=seed)
        game.run_to_end()
        games.append(game)
    return games


def _signed(game: Game, power: str, clause: str, title: str | None = None) -> list[dt.date]:
    return [dt.date.fromisoformat(t.signed) for t in game.state.treaties
            if power in t.partners and any(c.type == clause for c in t.clauses) and (title is None or t.title == title)]


def _near(dates: list[dt.date], when: dt.date, days: int) -> bool:
    return any(abs((d - when).days) <= days for d in dates)


def test_the_campaign_runs_from_1920_to_november_1933_in_longer_turns_when_quiet(runs: list[Game]) -> None:
    game = runs[0]
    assert game.state.finished and game.state.date == "1933-11-30"
    days = [(b - a).days for a, b in zip(game.rules.turn_dates, game.rules.turn_dates[1:])]
    assert max(days) >= 90 and min(days) <= 15


def test_britain_italy_france_japan_and_the_united_states_recognise_moscow_near_their_dates(runs: list[Game]) -> None:
    record = {"britain": dt.date(1924, 2, 1), "italy": dt.date(1924, 2, 7), "france": dt.date(1924, 10, 28),
              "japan": dt.date(1925, 1, 20), "united_states": dt.date(1933, 11, 16)}
    for game in runs:
        for power, when in record.items():
            dates = _signed(game, power, "recognition")
            assert dates, (game.state.seed, power)
            # recognised near the date, or earlier in this game's own course (a real alternative)
            assert _near(dates, when, 120) or min(dates) < when, (game.state.seed, power, dates)


def test_locarno_is_a_treaty_among_the_western_powers_without_moscow(runs: list[Game]) -> None:
    for game in runs:
        locarno = [t for t in game.state.treaties if t.title == "Treaties of Locarno"]
        assert len(locarno) == 1 and not locarno[0].hub_party
        assert _near([dt.date.fromisoformat(locarno[0].signed)], dt.date(1925, 12, 1), 90)


def test_britain_breaks_off_relations_in_1927_and_they_are_restored_in_1929(runs: list[Game]) -> None:
    for game in runs:
        broke = [n for n in game.state.news if n.get("kind") == "relations" and "breaks off" in news_text(n)]
        mended = [n for n in game.state.news if n.get("kind") == "relations" and "again" in news_text(n)]
        assert broke and broke[0]["date"].startswith("1927")
        assert mended and mended[0]["date"].startswith("1929")
        assert game.state.status["britain"] == Status.full_relations and not game.state.broken


def test_rapallo_and_berlin_are_signed_with_germany(runs: list[Game]) -> None:
    for game in runs:
        assert _near(_signed(game, "germany", "renounce_claims"), dt.date(1922, 4, 16), 60)
        assert _near(_signed(game, "germany", "non_interference", "Treaty of Berlin"), dt.date(1926, 4, 24), 60)
