"""Classroom roles in scenario files: Genoa's cast, and the checker's rules on roles."""
from __future__ import annotations

from pathlib import Path

from game.engine.model.roles import MAY_VERBS
from game.scenario import load_rules
from game.scenario.validate import validate_paths
from tests.conftest import ROOT

BASE = ROOT / "tests" / "scenario" / "fixtures" / "codes" / "base.yaml"


def _scenario_with_roles(tmp_path: Path, roles_yaml: str) -> Path:
    text = BASE.read_text(encoding="utf-8").replace("id: base", "id: with_roles", 1)
    path = tmp_path / "with_roles.yaml"
    path.write_text(text + "\nroles:\n" + roles_yaml, encoding="utf-8")
    return path


def test_genoa_gives_a_class_at_least_24_roles_across_all_nine_delegations() -> None:
    sc = load_rules("genoa_rapallo_1922").scenario
    assert len(sc.roles) >= 24
    assert {r.delegation for r in sc.roles.values()} == set(sc.powers)
    assert all(len(r.briefing) > 100 and r.public for r in sc.roles.values())


def test_every_genoa_role_has_a_personal_objective_and_only_known_verbs() -> None:
    sc = load_rules("genoa_rapallo_1922").scenario
    for rid, role in sc.roles.items():
        assert role.objectives, rid
        assert set(role.may) <= set(MAY_VERBS), rid


def test_a_role_objective_naming_an_unknown_event_is_reported_at_its_line(tmp_path: Path) -> None:
    path = _scenario_with_roles(tmp_path, """\
  krasin:
    delegation: soviet_russia
    name: Leonid Krasin
    public: Trade commissar.
    briefing: Buy machines on credit.
    objectives:
      - {id: rising, title: The rising, points: 5, condition: {event: kronstad}}
  horne:
    delegation: britain
    name: Robert Horne
    public: Chancellor.
    briefing: Sell without lending.
""")
    findings = validate_paths([str(path)]).findings
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = [f for f in findings if f.code == "R003"]
    assert len(bad) == 1 and "kronstad" in lines[bad[0].line - 1]
    assert "did you mean 'kronstadt'" in bad[0].message


def test_a_role_objective_testing_an_unknown_state_value_is_an_error(tmp_path: Path) -> None:
    path = _scenario_with_roles(tmp_path, """\
  krasin:
    delegation: soviet_russia
    name: Leonid Krasin
    public: Trade commissar.
    briefing: Buy machines on credit.
    objectives:
      - {id: rich, title: Gold, points: 5, condition: {compare: {var: soviet_russia.goldd, op: ">", value: 5}}}
  horne:
    delegation: britain
    name: Robert Horne
    public: Chancellor.
    briefing: Sell without lending.
""")
    report = validate_paths([str(path)])
    assert report.errors == 1 and report.findings[0].code == "R005"
    assert report.findings[0].line == path.read_text(encoding="utf-8").splitlines().index(
        next(line for line in path.read_text(encoding="utf-8").splitlines() if "goldd" in line)) + 1
