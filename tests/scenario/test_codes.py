"""Every finding code has a fixture that produces it, at the line and column
its ``# expect: CODE LINE:COL`` comment names, in the file that holds the comment.

A fixture is ``fixtures/codes/CODE.yaml`` (most extend ``base.yaml``, so the
places are checked through inheritance too) or a folder ``fixtures/codes/CODE/``
for codes that need several files or mods.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.scenario.catalog import find
from game.scenario.findings import CODES, Finding
from game.scenario.library import Library
from game.scenario.validate import validate_paths

CODES_DIR = Path(__file__).parent / "fixtures" / "codes"
EXPECT = re.compile(rb"#\s*expect:\s*([A-Z]\d{3})\s+(\d+):(\d+)")


def fixture_for(code: str) -> Path:
    for p in (CODES_DIR / f"{code}.yaml", CODES_DIR / code):
        if p.exists():
            return p
    raise AssertionError(f"no fixture for {code}: add tests/scenario/fixtures/codes/{code}.yaml")


def expectations(fixture: Path) -> set[tuple[Path, str, int, int]]:
    files = sorted(fixture.rglob("*.yaml")) if fixture.is_dir() else [fixture]
    out = set()
    for f in files:
        for m in EXPECT.finditer(f.read_bytes()):
            out.add((f.resolve(), m.group(1).decode(), int(m.group(2)), int(m.group(3))))
    return out


def located(findings: list[Finding]) -> set[tuple[Path, str, int, int]]:
    return {(Path(f.file).resolve(), f.code, f.line, f.col) for f in findings}


def findings_for(code: str, fixture: Path) -> list[Finding]:
    if code == "I009":  # a template is only refused when someone tries to play it
        entry = find("template", library=Library([fixture]))
        assert entry is not None and not entry.playable
        return entry.findings
    return validate_paths([str(fixture)]).findings


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_code_is_found_at_its_expected_line_and_column(code: str) -> None:
    fixture = fixture_for(code)
    expected = expectations(fixture)
    assert expected and {e[1] for e in expected} == {code}, f"{fixture} must expect {code} (and only it)"
    findings = findings_for(code, fixture)
    missing = expected - located(findings)
    assert not missing, "expected but not found:\n" + "\n".join(map(str, missing)) + \
        "\nfound:\n" + "\n".join(map(str, findings))
    others = {f.code for f in findings} - {code}
    assert not others, "the fixture should produce only its own code; also found:\n" + \
        "\n".join(str(f) for f in findings if f.code != code)


def test_every_fixture_is_for_a_known_code() -> None:
    names = {p.stem for p in CODES_DIR.iterdir()} - {"base"}
    assert names <= set(CODES), f"fixtures for unknown codes: {sorted(names - set(CODES))}"


def test_every_code_has_a_severity_and_a_meaning() -> None:
    for code, (severity, meaning) in CODES.items():
        assert re.fullmatch(r"[PSRIDM]\d{3}", code)
        assert severity in ("error", "warning") and meaning.endswith(".")
