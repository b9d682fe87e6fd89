"""The AI's value tables (``valuation.values``: every term of every clause type worked out at once
over arrays) hold, to the last bit, what the breakdown's own arithmetic gives variant by variant:
``term_value`` summed term by term and owner by owner, then the negotiator's skill bonus. Exact,
not approximate: a table kept from one turn to the next must be the very one a fresh build gives,
or the AI would play another game than the one its breakdowns explain."""
from __future__ import annotations

import hypothesis
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from game.engine.game import Game
from game.engine.model.clauses import Term
from game.engine.model.conditions import Compare
from game.engine.rules import Rules
from game.engine.search import Search, random_rows
from game.engine.valuation import ROW_DTYPE, VariantSet, build_tables, clause_params, skill_bonus, term_value
from game.engine.valuation.terms import _side_key, _weights
from game.engine.world import Ctx
from game.scenario import load_rules


def _reference(rules: Rules, state, evaluator: str, partners: tuple[str, ...], variants: VariantSet) -> np.ndarray:
    """The table the slow way: one variant at a time, in plain Python floats."""
    side = _side_key(rules, evaluator)
    owners = partners if evaluator == rules.hub else (evaluator,)
    _, bonus = skill_bonus(rules, state, evaluator, partners)
    weights = _weights(state, evaluator)
    out = np.zeros((len(variants.clauses), variants.width))
    for i, type_id in enumerate(rules.clause_ids):
        ct = rules.clause_type(type_id)
        for k, clause in enumerate(variants.clauses[i]):
            split, whole = clause_params(rules, clause, len(partners)), clause_params(rules, clause, 1)
            total = 0.0
            for term in ct.value.get(side, []):
                for p in owners[:1] if term.once else owners:
                    total = total + term_value(Ctx(rules, state, evaluator, p), term, whole if term.once else split,
                                               weights)
            out[i, k + 1] = total + bonus.get(ct.skill or "", 0.0)
    return out


def _sides(rules: Rules) -> list[tuple[str, tuple[str, ...]]]:
    """The hub with each partner and with each bloc together, and each partner on its own."""
    out = [(rules.hub, (p,)) for p in rules.partners] + [(p, (p,)) for p in rules.partners]
    out += [(rules.hub, tuple(b.members)) for b in rules.scenario.blocs.values()]
    out += [(m, tuple(b.members)) for b in rules.scenario.blocs.values() for m in b.members]
    return out


@pytest.mark.parametrize("scenario, seed, turns", [("genoa_rapallo_1922", 7, 14),
                                                    ("long_campaign_1921_1933", 2, 40)])
def test_kept_value_tables_equal_the_breakdowns_arithmetic_to_the_last_bit(scenario, seed, turns):
    rules = load_rules(scenario)
    game = Game.new(rules, seed=seed)
    kept = VariantSet.for_search(rules)          # the variant set the AI keeps its tables on
    compared = 0
    while not game.is_terminal() and game.state.turn < turns:
        for evaluator, partners in _sides(rules):
            table = build_tables(rules, game.state, evaluator, partners, kept)
            want = _reference(rules, game.state, evaluator, partners, kept)
            assert np.array_equal(table.values, want), (game.state.turn, evaluator, partners)
            compared += 1
        game.run_to_end(max_turns=6)
    assert compared >= 2 * len(_sides(rules))
    assert game.state.proposals                  # the values moved: the AI negotiated meanwhile


def test_a_variant_outside_the_usual_ones_is_valued_like_the_others(genoa):
    """A counter-offer's search adds the offered clauses to its variants (a new column)."""
    game = Game.new(genoa, seed=3)
    game.run_to_end(max_turns=3)
    usual = genoa.variants[genoa.clause_index["credits"]][0]
    odd = usual.__class__(usual.type, tuple((k, v if k != "amount" else 7.5) for k, v in usual.params))
    variants = VariantSet.for_search(genoa, (odd,))
    assert variants is not VariantSet.for_search(genoa)
    for evaluator, partners in ((genoa.hub, ("germany",)), ("germany", ("germany",))):
        table = build_tables(genoa, game.state, evaluator, partners, variants)
        assert np.array_equal(table.values, _reference(genoa, game.state, evaluator, partners, variants))


def _with_terms(rules: Rules, *terms: Term) -> Rules:
    """The same scenario with these terms added to the hub's value of a trade agreement."""
    scenario = rules.scenario.model_copy(deep=True)
    scenario.clause_types["trade_agreement"].value.setdefault("hub", []).extend(terms)
    return Rules(scenario)


def test_a_term_on_a_partners_standing_or_under_a_condition_is_valued_as_in_the_breakdown(genoa):
    """``partner.status`` is not a state value (it is read from the standings), and a term whose
    condition fails is worth nothing and reads nothing."""
    rules = _with_terms(genoa,
                        Term(label="standing", amount=2.0, per=["partner.status", "terms"]),
                        Term(label="never", amount=5.0, per=["partner.status"],
                             when=Compare.model_validate({"compare": {"var": "soviet_russia.gold", "op": "<",
                                                                      "value": -1e9}})),
                        Term(label="always", amount=1.5, per=["partner.trust"],
                             when=Compare.model_validate({"compare": {"var": "soviet_russia.gold", "op": ">",
                                                                      "value": -1e9}})))
    game = Game.new(rules, seed=1)
    game.run_to_end(max_turns=2)
    variants = VariantSet.for_search(rules)
    for partner in ("britain", "germany"):
        table = build_tables(rules, game.state, rules.hub, (partner,), variants)
        assert np.array_equal(table.values, _reference(rules, game.state, rules.hub, (partner,), variants))
    game.state.status["germany"] = 2           # a recognition moves the term on the standing
    before = build_tables(rules, game.state, rules.hub, ("britain",), variants)
    after = build_tables(rules, game.state, rules.hub, ("germany",), variants)
    assert np.array_equal(after.values, _reference(rules, game.state, rules.hub, ("germany",), variants))
    assert not np.array_equal(before.values, after.values)


def _rows_and_tabled(search: Search, rows: np.ndarray) -> np.ndarray:
    """Random rows and every package tabled so far that fits a row (refused ones weigh less)."""
    clauses = search.variants.clauses
    seen = [search.rows_of(tuple(p.clauses)) for p in search.state.proposals
            if all(c in clauses[search.rules.clause_index[c.type]] for c in p.clauses if c.type in search.rules.clause_index)
            and all(c.type in search.rules.clause_index for c in p.clauses)
            and len({c.type for c in p.clauses}) == len(p.clauses)]
    return np.concatenate([rows, np.array(seen, dtype=ROW_DTYPE)]) if seen else rows


def _same_tables(kept, fresh, rows: np.ndarray) -> bool:
    score_k, blocked_k = kept.judge(rows)
    score_f, blocked_f = fresh.judge(rows)
    return (np.array_equal(kept.values, fresh.values) and kept.const == fresh.const
            and np.array_equal(kept.allowed, fresh.allowed) and np.array_equal(score_k, score_f)
            and np.array_equal(blocked_k, blocked_f))


@hypothesis.seed(1922)  # random examples, the same ones every run
@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000), picks=st.lists(st.integers(0, 10**6), min_size=4, max_size=24))
def test_kept_tables_equal_fresh_ones_after_any_commands(genoa, seed, picks):
    """Moscow, Berlin and London played by people sending random legal commands (proposals,
    answers, negotiators sent, policies, conferences, turns ended), the others by the AI: after
    every command, the tables a search finds kept (on the state and on the shared variant set)
    are the very tables built from nothing for that state."""
    people = ["soviet_russia", "germany", "britain"]
    game = Game.new(genoa, seed=seed % 50, humans=people)
    checked = 0
    for i, pick in enumerate(picks):
        if game.is_terminal():
            break
        power = people[i % len(people)]
        legal = game.legal_commands(power) if power not in game.state.ended else []
        if legal:
            game.apply(legal[pick % len(legal)])
        search = Search(genoa, game.state)
        cold = VariantSet._build(genoa, ())
        sample = _rows_and_tabled(search, random_rows(search.variants, 64, np.random.default_rng(seed + i)))
        for partner in genoa.partners:
            for evaluator in (genoa.hub, partner):
                kept = search.tables(evaluator, [partner])
                fresh = build_tables(genoa, game.state, evaluator, [partner], cold)
                assert _same_tables(kept, fresh, sample), (str(legal[pick % len(legal)]) if legal else "", evaluator)
                checked += 1
    assert checked >= len(genoa.partners) * 2


def test_a_package_is_scored_by_adding_its_clauses_in_order_as_the_breakdown_does(genoa):
    """``judge`` gathers every clause at once; its sum is still the clauses' values added one
    clause type after another, then the context, to the last bit, with each refusal taken off."""
    game = Game.new(genoa, seed=1)
    game.run_to_end(max_turns=10)
    search = Search(genoa, game.state)
    for evaluator, partners in ((genoa.hub, ["germany"]), ("italy", ["italy"]), ("france", ["france"])):
        table = search.tables(evaluator, partners)
        rows = _rows_and_tabled(search, random_rows(search.variants, 300, np.random.default_rng(4)))
        score, _ = table.judge(rows)
        for row, got in zip(rows, score):
            want = table.values[0, row[0]]
            for i in range(1, len(row)):
                want = want + table.values[i, row[i]]
            want = want + table.const
            for refused, penalty in table.repeats:
                if np.array_equal(refused, row):
                    want = want - penalty
            assert got == want, (search.variants.package(row), got, want)
