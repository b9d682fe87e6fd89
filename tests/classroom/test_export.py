"""classroom export: a save in, the teacher's four files out."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from game.cli import main


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    saves = tmp_path_factory.mktemp("saves")
    assert main(["simulate", "--scenario", "genoa_rapallo_1922", "--seed", "7", "--turns", "10", "--save", "obs",
                 "--saves", str(saves)]) == 0
    out = saves / "export"
    assert main(["classroom", "export", "obs", "--saves", str(saves), "--out", str(out)]) == 0
    return out


def test_export_of_an_observer_run_writes_the_four_files(exported: Path) -> None:
    assert sorted(p.name for p in exported.iterdir()) == ["debrief.html", "log.csv", "session.json", "treaties.csv"]


def test_the_log_has_a_row_for_every_ai_action_with_turn_date_seat_and_command(exported: Path) -> None:
    with open(exported / "log.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["turn", "date", "seat", "role", "command", "result"]
    ai = [r for r in rows if r["seat"] not in ("observer", "facilitator")]
    assert len(ai) > 10, "an observer run's AI proposals and answers are all logged"
    assert any(" propose " in r["command"] for r in ai) and any(" answer " in r["command"] for r in ai)
    assert sum(r["command"] == "advance" for r in rows) == 10
    assert all(r["date"].startswith("1922-") for r in rows)


def test_session_json_and_treaties_agree(exported: Path) -> None:
    session = json.loads((exported / "session.json").read_text(encoding="utf-8"))
    with open(exported / "treaties.csv", encoding="utf-8") as f:
        treaties = list(csv.DictReader(f))
    assert session["scenario"]["id"] == "genoa_rapallo_1922" and session["seed"] == 7
    assert session["treaties"] == len(treaties) and session["turn"] == 10


def test_the_debrief_sets_the_class_beside_1922(exported: Path) -> None:
    html = (exported / "debrief.html").read_text(encoding="utf-8")
    assert "In 1922" in html and "Treaty of Rapallo" in html
    assert "<svg" in html and "Soviet Russia" in html


def test_exporting_a_missing_save_is_a_usage_error(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    assert main(["classroom", "export", str(tmp_path / "nothing.rapallo"), "--out", str(tmp_path / "o")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_the_debrief_scores_every_role_against_its_personal_objectives(exported: Path) -> None:
    html = (exported / "debrief.html").read_text(encoding="utf-8")
    assert "Personal objectives" in html
    assert "Georgy Chicherin" in html and "Konstanty Skirmunt" in html
