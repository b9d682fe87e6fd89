"""The modder's commands as a modder meets them: validate, resolve, schema,
docs, and --mods on the game's own commands."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.cli import main
from game.content import ROOT
from game.scenario.docs import reference
from game.scenario.loader import validate_data
from game.scenario.schema import schema_texts
from game.scenario.strictyaml import load_text

CODES_DIR = Path(__file__).parent / "fixtures" / "codes"
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning) (?P<code>[A-Z]\d{3}): .+$")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_shipped_scenarios_the_example_mod_and_the_tutorial_have_no_findings(capsys) -> None:
    status, out, err = run(capsys, "validate", "scenarios", "mods", "docs/tutorial/first_mod")
    assert status == 0 and "no errors, no warnings" in out, out + err


def test_validate_reports_every_finding_of_every_file_sorted_with_status_1(capsys) -> None:
    status, out, err = run(capsys, "validate", str(CODES_DIR / "R006.yaml"), str(CODES_DIR / "M006.yaml"),
                           str(CODES_DIR / "P002.yaml"))
    assert status == 1
    lines = out.splitlines()
    parsed = [LINE.match(x) for x in lines]
    assert all(parsed), lines
    keys = [(m["file"], int(m["line"]), int(m["col"])) for m in parsed if m]
    assert keys == sorted(keys) and {m["code"] for m in parsed if m} == {"R006", "M006", "P002"}
    assert "2 errors, 1 warning" in err


def test_warnings_alone_exit_0(capsys) -> None:
    status, out, _ = run(capsys, "validate", str(CODES_DIR / "M005.yaml"))
    assert status == 0 and "warning M005" in out


def test_json_output_has_findings_with_places_and_counts(capsys) -> None:
    status, out, _ = run(capsys, "validate", "--format", "json", str(CODES_DIR / "S001.yaml"))
    doc = json.loads(out)
    assert status == 1 and doc["errors"] == 1 and doc["warnings"] == 0
    [f] = doc["findings"]
    assert (f["code"], f["line"], f["col"], f["severity"]) == ("S001", 6, 5, "error")
    assert "did you mean 'threshold'?" in f["message"]


@pytest.mark.parametrize("args, message", [
    (["validate", "no/such/file.yaml"], "there is no such file or folder"),
    (["validate", "README.md"], "not a YAML file"),
    (["validate", "scenarios", "--mods", "no/such/dir"], "--mods no/such/dir: there is no such folder"),
    (["resolve", "genoa_rapalo_1922"], "did you mean 'genoa_rapallo_1922'?"),
    (["scenarios", "--mods", "docs"], "no mod.yaml there"),
])
def test_bad_usage_is_a_clear_message_and_status_2(capsys, args: list[str], message: str) -> None:
    status, _, err = run(capsys, *args)
    assert status == 2 and message in err and "Traceback" not in err


def test_an_empty_folder_is_bad_usage(capsys, tmp_path: Path) -> None:
    status, _, err = run(capsys, "validate", str(tmp_path))
    assert status == 2 and "no scenario files" in err


def test_resolve_prints_the_merged_scenario_which_validates_on_its_own(capsys) -> None:
    status, out, err = run(capsys, "resolve", "genoa_us_attends")
    assert status == 0, err
    assert out.startswith("# genoa_us_attends, resolved from:") and "mods/us_at_genoa" in out
    data, source, findings = load_text(out, "resolved.yaml")
    assert findings == []
    assert "extends" not in data and "remove" not in data
    ids = [e["id"] for e in data["events"]]
    assert "hughes_accepts" in ids and "hughes_declines" not in ids
    scenario, more = validate_data(data, source)
    assert scenario is not None and more == []


def test_resolve_of_a_broken_file_prints_its_findings_and_exits_2(capsys) -> None:
    status, out, err = run(capsys, "resolve", str(CODES_DIR / "R004.yaml"))
    assert status == 2 and "churchill" in out and "R004" in err


def test_scenarios_lists_the_mods_of_a_mods_folder(capsys) -> None:
    status, out, _ = run(capsys, "scenarios", "--json", "--mods", "docs/tutorial/first_mod")
    entries = {e["id"]: e for e in json.loads(out)}
    assert status == 0 and entries["trade_1921"]["mod"] == "first_mod" and entries["trade_1921"]["playable"]
    assert entries["genoa_us_attends"]["mod"] == "us_at_genoa"


def test_simulate_plays_a_scenario_from_a_mods_folder(capsys) -> None:
    status, out, err = run(capsys, "simulate", "--scenario", "trade_1921", "--mods", "docs/tutorial/first_mod",
                           "--seeds", "1", "--json")
    assert status == 0, err
    assert json.loads(out)["scenario"] == "trade_1921"


def test_schema_writes_three_json_schema_files(capsys, tmp_path: Path) -> None:
    status, out, _ = run(capsys, "schema", "--out", str(tmp_path))
    assert status == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["mod.schema.json", "scenario-part.schema.json", "scenario.schema.json"]
    for p in tmp_path.iterdir():
        assert json.loads(p.read_text())["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_schema_refuses_a_file_for_its_folder(capsys, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("mine")
    status, _, err = run(capsys, "schema", "--out", str(target))
    assert status == 2 and "not a folder" in err and "Traceback" not in err
    assert target.read_text() == "mine"


def test_a_bad_date_or_number_is_reported_once(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nstart: 1922-13-45\nseed: .nan\n")
    status, out, _ = run(capsys, "validate", str(bad))
    assert status == 1
    assert len([x for x in out.splitlines() if ":2:8:" in x]) == 1, out
    assert len([x for x in out.splitlines() if ":3:7:" in x]) == 1, out
    assert "not a real date" in out and "not a usable number" in out


def test_the_committed_schemas_are_up_to_date() -> None:
    for name, text in schema_texts().items():
        committed = ROOT / "docs" / "schema" / name
        assert committed.is_file() and committed.read_text(encoding="utf-8") == text, \
            f"docs/schema/{name} is stale: run python main.py schema --out docs/schema"


def test_the_committed_reference_is_up_to_date() -> None:
    committed = ROOT / "docs" / "SCENARIO_REFERENCE.md"
    assert committed.is_file() and committed.read_text(encoding="utf-8") == reference(), \
        "docs/SCENARIO_REFERENCE.md is stale: run python main.py docs --out docs/SCENARIO_REFERENCE.md"


def test_the_reference_names_every_code_kind_and_engine_value() -> None:
    from game.engine.model.conditions import CONDITION_KINDS
    from game.engine.model.effects import EFFECT_KINDS
    from game.engine.variables import CORE_VARIABLES
    from game.scenario.findings import CODES
    text = reference()
    for code in CODES:
        assert f"| `{code}` |" in text
    for kind in [*CONDITION_KINDS, *EFFECT_KINDS]:
        assert f"### `{kind}`" in text
    for v in CORE_VARIABLES:
        assert f"| `{v.name}` |" in text


def test_the_editor_schema_accepts_the_shipped_files() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import datetime as dt

    def plain(x: object) -> object:
        if isinstance(x, dict):
            return {k: plain(v) for k, v in x.items()}
        if isinstance(x, list):
            return [plain(v) for v in x]
        return x.isoformat() if isinstance(x, dt.date) else x

    schemas = {n: json.loads(t) for n, t in schema_texts().items()}
    for path, schema in ((ROOT / "scenarios" / "genoa_rapallo_1922.yaml", "scenario.schema.json"),
                         (ROOT / "mods" / "us_at_genoa" / "genoa_us_attends.yaml", "scenario-part.schema.json"),
                         (ROOT / "mods" / "us_at_genoa" / "mod.yaml", "mod.schema.json")):
        data = plain(load_text(path.read_text(), str(path))[0])
        errors = list(jsonschema.Draft7Validator(schemas[schema]).iter_errors(data))
        assert errors == [], (path, [e.message for e in errors[:3]])


def test_the_tutorial_in_modding_md_shows_the_real_finished_file() -> None:
    text = (ROOT / "docs" / "MODDING.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    finished = (ROOT / "docs" / "tutorial" / "first_mod" / "trade_1921.yaml").read_text(encoding="utf-8")
    without_modeline = "\n".join(x for x in finished.split("\n") if not x.startswith("# yaml-language-server"))
    assert without_modeline.strip() + "\n" in blocks
