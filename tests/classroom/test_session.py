"""A classroom session: roles dealt to students, the round clock, the PIN and undoing a round."""
from __future__ import annotations

import pytest

from game.classroom.session import Session, assign_roles, draw_roles
from game.engine.rules import Rules
from game.errors import UsageError

ALL = ["soviet_russia", "britain", "france", "germany", "united_states", "italy", "japan", "belgium", "poland"]


@pytest.mark.parametrize("students", [9, 10, 25, 35])
def test_every_student_gets_a_role_and_every_role_a_student(genoa: Rules, students: int) -> None:
    cast = draw_roles(genoa, ALL, students, seed=3)
    assert len(cast) == students and all(s.roles for s in cast)
    assert {r for s in cast for r in s.roles} == set(genoa.scenario.roles)
    assert {s.delegation for s in cast} == set(ALL)
    assert all(genoa.scenario.roles[r].delegation == s.delegation for s in cast for r in s.roles)


def test_the_same_seed_deals_the_same_roles_and_another_seed_may_not(genoa: Rules) -> None:
    assert draw_roles(genoa, ALL, 12, seed=1) == draw_roles(genoa, ALL, 12, seed=1)
    assert any(draw_roles(genoa, ALL, 12, seed=1) != draw_roles(genoa, ALL, 12, seed=s) for s in range(2, 6))


def test_fewer_students_than_delegations_is_refused_with_a_reason(genoa: Rules) -> None:
    with pytest.raises(UsageError, match="3 students cannot fill 4 delegations"):
        draw_roles(genoa, ALL[:4], 3, seed=1)


def test_a_manual_assignment_must_keep_a_student_inside_one_delegation(genoa: Rules) -> None:
    assert assign_roles(genoa, {1: ["krasin", "litvinov"]})[0].delegation == "soviet_russia"
    with pytest.raises(UsageError, match="different delegations"):
        assign_roles(genoa, {1: ["krasin", "rathenau"]})


def _session(genoa: Rules) -> Session:
    return Session.start(genoa, ["soviet_russia", "germany"], students=4, pin="2204", now=0.0)


def test_the_clock_runs_pauses_extends_and_moves_to_orders(genoa: Rules) -> None:
    s = _session(genoa)
    assert s.clock.remaining(60) == pytest.approx(14 * 60)
    s.clock.pause(60)
    assert s.clock.remaining(500) == pytest.approx(14 * 60)
    s.clock.resume(500)
    s.clock.extend(5, 500)
    assert s.clock.remaining(560) == pytest.approx(18 * 60)
    assert s.clock.tick(500 + 19 * 60) and s.clock.phase == "orders"


def test_only_the_right_pin_opens_the_console(genoa: Rules) -> None:
    s = _session(genoa)
    assert s.unlock("2204") and not s.unlock("2205") and not s.unlock("")


def test_advancing_then_undoing_a_round_returns_to_the_state_before_it(genoa: Rules) -> None:
    s = _session(genoa)
    before = s.game.state_hash()
    s.adjust("world.allies_unity", -5, "a leak")
    s.advance_round(now=10)
    assert s.game.state.turn == 1
    s.undo_round(now=20)
    assert s.game.state.turn == 0 and s.game.state_hash() == before
    assert all("a leak" not in a.command for a in s.game.actions)
    with pytest.raises(UsageError, match="no round to undo"):
        s.undo_round(now=30)


def test_the_hot_seat_passes_round_the_delegations_in_order(genoa: Rules) -> None:
    s = _session(genoa)
    first = s.current_seat()
    assert s.pass_to_next() != first and s.pass_to_next() == first


def test_a_session_saved_each_round_exports_with_its_roles(genoa: Rules, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import csv
    from game.classroom.export import export
    s = _session(genoa)
    s.save_to = tmp_path / "class.rapallo"
    s.act("germany: end", seat="germany")
    s.advance_round(now=5)
    assert s.save_to.is_file() and (tmp_path / "class.classroom.json").is_file()
    export(s.save_to, tmp_path / "out")
    with open(tmp_path / "out" / "log.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    german = [r for r in rows if r["seat"] == "germany" and r["command"] == "germany: end"]
    assert len(german) == 1 and german[0]["role"] and all(
        genoa.scenario.roles[r].delegation == "germany" for r in german[0]["role"].split("+"))
