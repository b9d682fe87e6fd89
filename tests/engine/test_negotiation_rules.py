"""Given/when/then tests of the negotiation rules a player learns from."""
from __future__ import annotations

import pytest

from tests.engine.builder import TestGame


def test_britain_refuses_credits_while_comintern_activity_is_high(genoa):
    # given: the debts acknowledged (so Boulogne is satisfied) and the Comintern at full cry
    t = TestGame(genoa).given(soviet_russia__comintern=80, britain__trust=90)
    offer = "credits(amount=100) + debt_acknowledgement(share=50, moratorium_years=10)"
    # when
    verdict = t.judge("britain", "britain", offer)
    # then
    assert not verdict.accepted
    assert any("Comintern" in r for r in verdict.red_lines)


def test_britain_drops_that_refusal_once_the_comintern_is_restrained(genoa):
    t = TestGame(genoa).given(soviet_russia__comintern=30)
    offer = "credits(amount=100) + debt_acknowledgement(share=50, moratorium_years=10)"
    verdict = t.judge("britain", "britain", offer)
    assert not any("Comintern" in r for r in verdict.red_lines)


def test_france_will_not_recognise_without_debt_acknowledgement(genoa):
    t = TestGame(genoa).given(france__trust=100)
    without = t.judge("france", "france", "recognition(level=de_facto) + property_compensation(form=cash)")
    assert not without.accepted
    assert any("debts" in r for r in without.red_lines)
    with_debts = t.judge("france", "france",
                         "recognition(level=de_facto) + debt_acknowledgement(share=100, moratorium_years=10)")
    assert not any("recognition" in r.lower() for r in with_debts.red_lines)


def test_germany_values_a_treaty_more_as_an_allied_soviet_settlement_nears(genoa):
    t = TestGame(genoa)
    offer = "renounce_claims + recognition(level=de_jure)"
    before = t.judge("germany", "germany", offer).total
    t.given(britain__closeness=80, france__closeness=60)
    after = t.judge("germany", "germany", offer).total
    assert after > before + 10
    line = next(l for l in t.judge("germany", "germany", offer).lines if "left out" in l.label)
    assert line.value > 0


def test_every_answer_lists_its_terms_and_they_add_up(genoa):
    t = TestGame(genoa)
    v = t.judge("britain", "britain", "non_interference(scope=empire) + debt_acknowledgement(share=50)")
    assert len(v.lines) >= 4
    assert abs(sum(l.value for l in v.lines) - v.total) < 1e-6
    assert any(l.kind == "clause" for l in v.lines) and any(l.kind == "attitude" for l in v.lines)


def test_soviet_russia_will_not_acknowledge_debts_without_credits(genoa):
    t = TestGame(genoa)
    v = t.judge("soviet_russia", "britain", "debt_acknowledgement(share=25, moratorium_years=30)")
    assert not v.accepted and v.red_lines
    v2 = t.judge("soviet_russia", "britain", "debt_acknowledgement(share=25, moratorium_years=30) + credits(amount=200)")
    assert not any("credits" in r for r in v2.red_lines)


def test_grievances_fade_by_half_over_their_half_life(genoa):
    t = TestGame(genoa)
    t.ctx().add_grievance("france", None, 20.0, "a broken promise", 60)
    g = t.state.grievances[-1]
    import datetime as dt
    today = t.state.today
    assert abs(g.weight(today) - 20.0) < 1e-9
    assert abs(g.weight(today + dt.timedelta(days=60)) - 10.0) < 1e-9
    line = next(l for l in t.judge("france", "france", "non_interference").lines if "broken promise" in l.label)
    assert line.value < 0


def test_a_united_allied_front_costs_a_member_that_deals_alone(genoa):
    t = TestGame(genoa).given(world__allies_unity=90)
    united = t.judge("italy", "italy", "concessions(sector=oil)").total
    t.given(world__allies_unity=10)
    divided = t.judge("italy", "italy", "concessions(sector=oil)").total
    cost = (90 - 10) * genoa.scenario.blocs["allies"].solidarity    # breaking ranks, by the front's unity
    assert cost >= 15
    assert divided == pytest.approx(united + cost)


def test_patience_pays_urgency_grows_with_months_without_a_deal(genoa):
    early = TestGame(genoa)
    late = TestGame(genoa)
    late.state.date = "1922-06-01"
    v0 = early.judge("germany", "germany", "recognition(level=de_jure)")
    v1 = late.judge("germany", "germany", "recognition(level=de_jure)")
    urg = lambda v: sum(l.value for l in v.lines if l.label.startswith("urgency"))  # noqa: E731
    assert urg(v1) > urg(v0) + 5
