"""Loading a save that is not as the game wrote it: a clear message saying which, and nothing lost."""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from game.engine.game import Game
from game.saves import SaveError, load
from tests.saves.helpers import rules_for, write


@pytest.fixture(scope="module")
def game(genoa) -> Game:
    g = Game.new(genoa, seed=4, humans=["soviet_russia"])
    g.apply("soviet_russia: choose cannes_conditions accept")
    g.apply("soviet_russia: policy comintern 30")
    for _ in range(3):
        g.apply("soviet_russia: end")
    return g


def _load(path: Path, genoa):
    return load(path, rules_for(genoa))


def _doc(path: Path) -> dict:
    raw = path.read_bytes()
    return json.loads(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)


def _error(path: Path, genoa) -> SaveError:
    """Loading fails with SaveError, and the file is left exactly as it was."""
    before = path.read_bytes() if path.is_file() else None
    listing = sorted(os.listdir(path.parent))
    with pytest.raises(SaveError) as info:
        _load(path, genoa)
    assert (path.read_bytes() if path.is_file() else None) == before
    assert sorted(os.listdir(path.parent)) == listing
    assert str(path) in str(info.value)
    return info.value


def test_a_truncated_compressed_save_is_called_truncated(tmp_path, game, genoa):
    p = write(tmp_path / "a.rapallo", game)
    p.write_bytes(p.read_bytes()[:-30])
    e = _error(p, genoa)
    assert e.kind == "truncated" and "cut short" in str(e) and "earlier save" in str(e)


def test_a_truncated_plain_save_is_called_truncated(tmp_path, game, genoa):
    p = write(tmp_path / "a.json", game, compress=False)
    p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 3])
    assert _error(p, genoa).kind == "truncated"


def test_an_empty_file_says_the_save_was_interrupted(tmp_path, genoa):
    p = tmp_path / "a.rapallo"
    p.write_bytes(b"")
    e = _error(p, genoa)
    assert e.kind == "empty" and "interrupted" in str(e)


def test_flipped_bytes_in_a_compressed_save_are_called_damage(tmp_path, game, genoa):
    p = write(tmp_path / "a.rapallo", game)
    raw = bytearray(p.read_bytes())
    for i in range(40, len(raw) - 20, 97):
        raw[i] ^= 0x55
    p.write_bytes(bytes(raw))
    assert _error(p, genoa).kind in ("damaged", "truncated")


def test_a_file_that_is_not_a_save_says_so(tmp_path, genoa):
    for name, data in [("photo.rapallo", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
                       ("list.json", b"[1, 2, 3]"), ("other.json", b'{"hello": "world"}')]:
        p = tmp_path / name
        p.write_bytes(data)
        e = _error(p, genoa)
        assert e.kind == "damaged" and ("not a Rapallo save" in str(e) or "damaged" in str(e))


def test_a_missing_field_is_named(tmp_path, game, genoa):
    p = write(tmp_path / "a.json", game, compress=False)
    doc = _doc(p)
    del doc["log"]
    p.write_text(json.dumps(doc))
    e = _error(p, genoa)
    assert e.kind == "damaged" and "'log'" in str(e)


def test_a_save_from_a_newer_version_asks_for_an_update(tmp_path, game, genoa):
    p = write(tmp_path / "a.json", game, compress=False)
    doc = _doc(p)
    doc["format_version"], doc["game_version"] = 9, "3.0.0"
    p.write_text(json.dumps(doc))
    e = _error(p, genoa)
    assert e.kind == "newer" and "3.0.0" in str(e) and "Update the game" in str(e)


def test_a_save_of_a_scenario_that_is_not_installed_names_it(tmp_path, game, genoa):
    p = write(tmp_path / "a.json", game, compress=False)
    doc = _doc(p)
    doc["scenario"]["id"] = "long_campaign_1933"
    p.write_text(json.dumps(doc))
    e = _error(p, genoa)
    assert e.kind == "unknown_scenario" and "long_campaign_1933" in str(e) and "--mods" in str(e)


def test_a_save_of_a_changed_scenario_is_refused_with_both_versions(tmp_path, game, genoa):
    p = write(tmp_path / "a.json", game, compress=False)
    doc = _doc(p)
    doc["scenario"]["content_hash"] = "ab" * 32
    p.write_text(json.dumps(doc))
    e = _error(p, genoa)
    assert e.kind == "changed_scenario" and "has changed" in str(e) and "abababababab" in str(e)


def test_a_save_naming_a_mod_folder_that_is_gone_says_which(tmp_path, game, genoa):
    p = write(tmp_path / "a.json", game, compress=False)
    doc = _doc(p)
    doc["scenario"]["mods"] = [str(tmp_path / "vanished_mod")]
    p.write_text(json.dumps(doc))
    e = _error(p, genoa)
    assert e.kind == "unknown_scenario" and "vanished_mod" in str(e)


def test_a_hand_edited_snapshot_is_reported_and_the_log_wins(tmp_path, game, genoa):
    p = write(tmp_path / "a.json", game, compress=False)
    doc = _doc(p)
    doc["state"]["values"]["soviet_russia.gold"] = 9999.0
    p.write_text(json.dumps(doc, indent=1))
    before = p.read_bytes()
    loaded = _load(p, genoa)
    assert not loaded.from_snapshot
    text = " ".join(loaded.notices)
    assert "changed outside the game" in text and "soviet_russia.gold: 9999.0 in the file" in text
    assert "continues from the log" in text
    assert loaded.game.state_hash() == game.state_hash()
    assert loaded.game.state.values["soviet_russia.gold"] != 9999.0
    assert p.read_bytes() == before


def test_an_edited_name_is_not_a_problem(tmp_path, game, genoa):
    p = write(tmp_path / "a.json", game, compress=False)
    doc = _doc(p)
    doc["name"] = "my favourite game"
    p.write_text(json.dumps(doc))
    loaded = _load(p, genoa)
    assert loaded.from_snapshot and not loaded.notices and loaded.meta.name == "my favourite game"


def test_an_unreadable_snapshot_is_rebuilt_from_the_log(tmp_path, game, genoa):
    p = write(tmp_path / "a.json", game, compress=False)
    doc = _doc(p)
    doc["state"] = {"nonsense": True}
    p.write_text(json.dumps(doc))
    loaded = _load(p, genoa)
    assert loaded.game.state_hash() == game.state_hash()
    assert any("could not be used" in n for n in loaded.notices)


def test_an_edited_log_that_cannot_be_replayed_names_the_command(tmp_path, game, genoa):
    p = write(tmp_path / "a.json", game, compress=False)
    doc = _doc(p)
    doc["log"][1] = "soviet_russia: policy comintern 35"
    p.write_text(json.dumps(doc))
    e = _error(p, genoa)
    assert e.kind == "bad_log" and "command 2" in str(e) and "policy comintern 35" in str(e)


def test_a_missing_file_and_a_folder_are_clear(tmp_path, genoa):
    assert _error(tmp_path / "nothing.rapallo", genoa).kind == "missing"
    (tmp_path / "dir.rapallo").mkdir()
    assert _error(tmp_path / "dir.rapallo", genoa).kind == "missing"
