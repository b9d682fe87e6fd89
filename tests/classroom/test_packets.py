"""Printed packets: each role's page holds its own secrets and nobody else's."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.classroom.packets import write_packets
from game.cli import main
from game.engine.rules import Rules


def _marked(genoa: Rules) -> Rules:
    """A copy of Genoa whose every briefing and personal objective carries a mark unique to its role."""
    sc = genoa.scenario
    roles = {}
    for rid, role in sc.roles.items():
        objectives = [o.model_copy(update={"title": f"{o.title} OBJ-{rid}-OBJ"}) for o in role.objectives]
        roles[rid] = role.model_copy(update={"briefing": f"{role.briefing} SECRET-{rid}-SECRET",
                                             "objectives": objectives})
    return Rules(sc.model_copy(update={"roles": roles}))


def test_each_packet_carries_its_own_secrets_and_no_other_roles(genoa: Rules, tmp_path: Path) -> None:
    rules = _marked(genoa)
    write_packets(rules, tmp_path)
    roles = rules.scenario.roles
    assert len(roles) >= 24
    for rid in roles:
        text = (tmp_path / f"{rid}.html").read_text(encoding="utf-8")
        assert f"SECRET-{rid}-SECRET" in text and f"OBJ-{rid}-OBJ" in text
        marks = set(re.findall(r"(?:SECRET|OBJ)-([a-z_]+)-(?:SECRET|OBJ)", text))
        assert marks == {rid}, f"{rid}'s packet shows secrets of {sorted(marks - {rid})}"


def test_no_secret_objective_of_another_delegation_reaches_a_packet(genoa: Rules, tmp_path: Path) -> None:
    sc = genoa.scenario
    objectives = {pid: [o.model_copy(update={"title": f"{o.title} DEL-{pid}-DEL", "secret": True}) for o in objs]
                  for pid, objs in sc.objectives.items()}
    rules = Rules(sc.model_copy(update={"objectives": objectives}))
    write_packets(rules, tmp_path)
    for rid, role in sc.roles.items():
        text = (tmp_path / f"{rid}.html").read_text(encoding="utf-8")
        assert set(re.findall(r"DEL-([a-z_]+)-DEL", text)) == {role.delegation}


def test_the_index_shows_no_secret_and_the_guide_shows_every_one(genoa: Rules, tmp_path: Path) -> None:
    rules = _marked(genoa)
    write_packets(rules, tmp_path)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    guide = (tmp_path / "facilitator_guide.html").read_text(encoding="utf-8")
    assert "SECRET-" not in index
    assert all(f"SECRET-{rid}-SECRET" in guide for rid in rules.scenario.roles)
    assert "1922-04-16" in guide and "inject villa_talks" in guide


def test_a_scenario_text_cannot_become_markup(genoa: Rules, tmp_path: Path) -> None:
    sc = genoa.scenario
    role = sc.roles["krasin"].model_copy(update={"public": "<script>alert(1)</script>"})
    write_packets(Rules(sc.model_copy(update={"roles": {**sc.roles, "krasin": role}})), tmp_path)
    text = (tmp_path / "krasin.html").read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_the_packets_command_takes_a_scenario_file_path(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["classroom", "packets", "--scenario", "scenarios/genoa_rapallo_1922.yaml",
                 "--out", str(tmp_path / "p")]) == 0
    assert (tmp_path / "p" / "chicherin.html").is_file() and (tmp_path / "p" / "facilitator_guide.html").is_file()
    assert "25 role packets" in capsys.readouterr().err


def test_a_scenario_without_roles_prints_the_facilitators_guide_and_says_there_are_no_packets(
        capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    assert main(["classroom", "packets", "--scenario", "long_campaign_1921_1933", "--out", str(tmp_path)]) == 0
    assert "no delegation packets" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facilitator_guide.html", "index.html"]
    guide = (tmp_path / "facilitator_guide.html").read_text(encoding="utf-8")
    assert "Myths it avoids" in guide and "The Long Road to Recognition" in guide


@pytest.mark.parametrize("scenario", ["return_to_europe_1921", "genoa_rapallo_1922", "long_campaign_1921_1933"])
def test_the_facilitators_guide_carries_the_scenarios_note_for_teachers(scenario: str) -> None:
    from game.classroom.html import escape
    from game.classroom.packets import facilitator_guide
    from game.scenario import load_rules
    rules = load_rules(scenario)
    note = rules.scenario.teacher_note
    assert len(note) > 100
    assert escape(note) in facilitator_guide(rules)


def test_the_printed_packets_hold_the_note_for_teachers(tmp_path: Path) -> None:
    assert main(["classroom", "packets", "--scenario", "genoa_rapallo_1922", "--out", str(tmp_path)]) == 0
    guide = (tmp_path / "facilitator_guide.html").read_text(encoding="utf-8")
    assert "A note for teachers" in guide and "Rapallo" in guide
    assert "A note for teachers" not in (tmp_path / "chicherin.html").read_text(encoding="utf-8")


def test_docs_history_gives_a_teachers_note_for_each_campaign_scenario() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "HISTORY.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.M)
    for scenario in ("return_to_europe_1921", "genoa_rapallo_1922", "long_campaign_1921_1933"):
        section = next((s for s in sections if f"scenarios/{scenario}.yaml" in s), "")
        assert "### Teacher's note" in section, scenario


@pytest.mark.parametrize("scenario, heading", [
    ("genoa_rapallo_1922", "What happened in 1922"),
    ("return_to_europe_1921", "What happened, 1920 to 1922"),
    ("long_campaign_1921_1933", "What happened, 1920 to 1933"),
])
def test_the_guides_history_heading_names_the_years_the_scenario_covers(scenario: str, heading: str,
                                                                         tmp_path: Path) -> None:
    assert main(["classroom", "packets", "--scenario", scenario, "--out", str(tmp_path)]) == 0
    guide = (tmp_path / "facilitator_guide.html").read_text(encoding="utf-8")
    assert f">{heading}<" in guide
    assert scenario == "genoa_rapallo_1922" or "What happened in 1922" not in guide
