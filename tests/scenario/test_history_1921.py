"""Return to Europe (1921): held-out history in observer runs.

The scenario is tuned on seeds 1921 onwards (docs/CALIBRATION.md); these
tests watch other seeds and check that the AI, left to itself, retraces the
year's main treaties at about their dates: the Anglo-Soviet trade agreement
mostly in the first half of 1921, the Eastern treaties in spring, the German
agreement only after the reparations bill.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from game.engine.rules import Rules
from game.scenario.findings import errors
from game.scenario.loader import load_rules, load_scenario
from game.sim import simulate
from tests.conftest import ROOT

PATH = ROOT / "scenarios" / "return_to_europe_1921.yaml"
HELD_OUT_SEEDS = range(500, 508)


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules(PATH)


@pytest.fixture(scope="module")
def runs(rules: Rules) -> list[dict[str, Any]]:
    return simulate(rules, HELD_OUT_SEEDS)


def first_signed(run: dict[str, Any], partner: str, clause: str) -> str | None:
    dates = [t["date"] for t in run["treaties"] if partner in t["parties"] and clause in t["clauses"]]
    return min(dates) if dates else None


def test_the_scenario_validates_without_findings() -> None:
    loaded = load_scenario(PATH)
    assert errors(loaded.findings) == []
    assert [str(f) for f in loaded.findings] == []


def test_krasin_signs_in_london_mostly_in_the_first_half_of_1921(runs: list[dict[str, Any]]) -> None:
    dates = [first_signed(r, "britain", "trade_agreement") for r in runs]
    signed = [d for d in dates if d]
    assert len(signed) >= 6, dates
    assert all(d >= "1921-01-01" for d in signed), "the Cabinet had not agreed terms in 1920"
    assert sum("1921-01-01" <= d <= "1921-06-30" for d in signed) > len(signed) / 2, signed


def test_the_eastern_neighbours_sign_in_spring_1921(runs: list[dict[str, Any]]) -> None:
    for partner in ("persia", "afghanistan", "turkey"):
        dates = [first_signed(r, partner, "friendship") for r in runs]
        assert all(d and "1921-02-01" <= d <= "1921-05-31" for d in dates), (partner, dates)


def test_germany_signs_only_after_the_reparations_bill(runs: list[dict[str, Any]]) -> None:
    dates = [first_signed(r, "germany", "trade_agreement") for r in runs]
    signed = [d for d in dates if d]
    assert signed, dates
    assert all(d >= "1921-05-01" for d in signed), signed


def test_the_historical_return_is_the_most_common_outcome(rules: Rules, runs: list[dict[str, Any]]) -> None:
    counts = Counter(r["outcome"] for r in runs)
    historical = next(o.id for o in rules.scenario.history.outcomes if o.historical)
    assert counts.most_common(1)[0][0] == historical, counts


def test_no_american_treaty_and_no_french_recognition_without_the_debts(runs: list[dict[str, Any]]) -> None:
    for r in runs:
        assert r["status"]["united_states"] == "none"
        french = [t for t in r["treaties"] if "france" in t["parties"]]
        assert all("debt_acknowledgement" in t["clauses"] for t in french), french
