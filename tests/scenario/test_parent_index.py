"""extends: on a loose file finds its parent by id without parsing every file
beside it: the installed scenarios and mods first, then the siblings, found by
their id: line."""
from __future__ import annotations

from pathlib import Path

import pytest

import game.scenario.library as library
from game.scenario.library import Library

BASE = Path(__file__).parent / "fixtures" / "codes" / "base.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    text = BASE.read_text(encoding="utf-8")
    for i in range(30):
        (tmp_path / f"s{i}.yaml").write_text(text.replace("id: base", f"id: s{i}"), encoding="utf-8")
    return tmp_path


def resolve(folder: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[Path]]:
    parsed: list[Path] = []
    real = library.read_document

    def counting(path: Path, *a: object, **k: object):  # type: ignore[no-untyped-def]
        parsed.append(Path(path))
        return real(path, *a, **k)

    lib = Library.for_game()
    monkeypatch.setattr(library, "read_document", counting)
    res = lib.resolve_text(text, folder / "child.yaml", "child.yaml")
    return [f.code for f in res.findings], parsed


def test_an_unknown_parent_is_reported_without_parsing_the_siblings(folder: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    codes, parsed = resolve(folder, "id: child\nextends: nowhere\ntitle: C\n", monkeypatch)
    assert codes == ["I001"] and parsed == []


def test_a_sibling_parent_is_the_only_sibling_parsed(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    codes, parsed = resolve(folder, "id: child\nextends: s17\ntitle: C\n", monkeypatch)
    assert not [c for c in codes if c.startswith("I")] and [p.name for p in parsed] == ["s17.yaml"]


def test_an_installed_scenario_wins_over_a_sibling_with_its_id_and_says_so(folder: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "copy.yaml").write_text("id: genoa_rapallo_1922\nabstract: true\n", encoding="utf-8")
    codes, parsed = resolve(folder, "id: child\nextends: genoa_rapallo_1922\ntitle: C\n", monkeypatch)
    assert "I011" in codes and all(p.name != "copy.yaml" for p in parsed)
