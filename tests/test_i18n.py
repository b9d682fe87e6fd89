"""Text that can be translated: the engine speaks in keys, the edge finds the words in one catalogue per language.

Given the English catalogue and a partial German one, the game shows German where it has it and English where it
does not; what the engine keeps in the state never depends on the words.
"""
from __future__ import annotations

import ast
import os
import shutil
import string
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import polib
import pytest

from game import i18n
from game.engine import strings as engine_strings
from game.engine.game import Game
from game.engine.strings import news_text

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "game" / "engine"
EDGE = [p for p in (ROOT / "game").rglob("*.py") if ENGINE not in p.parents]
ENGLISH_PO = i18n.catalogue_path("en")
GERMAN_PO = i18n.catalogue_path("de")


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    yield
    i18n._tables.clear()
    i18n.set_language("en")


def _engine_source() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in ENGINE.rglob("*.py") if p.name != "strings.py")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


# --- the engine holds no window text ----------------------------------------------------------------

def test_every_key_in_the_engines_catalogue_is_said_by_the_engine() -> None:
    source = _engine_source()
    # Keys the engine builds from a stem: the stem is in the source, the ending is data.
    stems = {"cond.op.": 'f"cond.op.{', "cond.status.": 'f"cond.status.{', "cond.conference.": 'f"cond.conference.{',
             "status.": "status_text(", "cond.event.not": '"cond.event" + neg', "cond.option.not": '"cond.option" + neg',
             "cond.flag.not": '"cond.flag" + neg'}
    unused = []
    for key in engine_strings.S:
        if f'"{key}"' in source or f"'{key}'" in source:
            continue
        stem = next((s for s in stems if key.startswith(s)), None)
        if stem is None or stems[stem] not in source:
            unused.append(key)
    assert len(engine_strings.S) > 100
    assert unused == [], f"keys in game/engine/strings.py that no engine module says: {unused}"


def test_no_engine_module_holds_a_key_of_the_window_or_the_terminal() -> None:
    moved = [e.msgctxt for e in polib.pofile(str(ENGLISH_PO)) if e.msgctxt]
    assert len(moved) > 400
    source = _engine_source() + (ENGINE / "strings.py").read_text(encoding="utf-8")
    in_engine = [k for k in moved if f'"{k}"' in source or f"'{k}'" in source]
    assert in_engine == []
    assert not any(k.startswith(("ui.", "text.", "cls.")) for k in engine_strings.S)


def _keys_used_at_the_edge() -> tuple[set[str], set[str]]:
    """Literal keys of S["..."] and t("...") in every module outside the engine, and the stems of S[f"stem{...}"]."""
    keys, stems = set(), set()
    for path in EDGE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "S":
                arg = node.slice
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t" and node.args:
                arg = node.args[0]
            else:
                continue
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                keys.add(arg.value)
            elif isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
                stems.add(arg.values[0].value)
    return keys, stems


def test_every_key_the_front_ends_use_is_in_the_english_catalogue() -> None:
    keys, stems = _keys_used_at_the_edge()
    english = i18n.english()
    assert len(keys) > 300 and stems
    assert sorted(k for k in keys if k not in english) == []
    assert sorted(s for s in stems if not any(k.startswith(s) for k in english)) == []


# --- the catalogues ---------------------------------------------------------------------------------

def test_german_entries_have_the_same_placeholders_as_the_english_and_none_is_stale() -> None:
    english = i18n.english()
    entries = [e for e in polib.pofile(str(GERMAN_PO)) if e.msgctxt]
    assert len(entries) > 100
    for e in entries:
        assert e.msgctxt in english, e.msgctxt
        assert e.msgid == english[e.msgctxt], f"{e.msgctxt}: the English changed since it was translated"
        assert _fields(e.msgstr) == _fields(english[e.msgctxt]), e.msgctxt


def test_a_missing_german_key_falls_back_to_english(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The shipped German catalogue is complete: a copy without one entry stands for a key added in English only.
    copy = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE, copy)
    po = polib.pofile(str(i18n.catalogue_path("de", copy)))
    po.remove(po.find("ui.neg.send", by="msgctxt"))
    po.save()
    monkeypatch.setattr(i18n, "LOCALE", copy)
    i18n._tables.clear()
    i18n.set_language("de")
    assert i18n.S["ui.menu.new"] == "Neues Spiel"
    assert i18n.t("ui.hud.turn", turn=2, turns=27) == "Runde 2 von 27"
    assert i18n.S["ui.neg.send"] == i18n.english()["ui.neg.send"] == "Send"    # not translated: English


def test_the_german_catalogue_translates_every_key_of_the_english_one() -> None:
    """Every window, terminal and classroom text has German. A key added in English only fails here: translate
    it in game/locale/de/LC_MESSAGES/rapallo.po (docs/TRANSLATING.md)."""
    ours = {e.msgctxt for e in polib.pofile(str(ENGLISH_PO)) if e.msgctxt}
    german = i18n.read_catalogue(GERMAN_PO, i18n.english())
    assert len(ours) > 600
    missing = sorted(k for k in ours if not german.get(k))
    assert missing == [], f"{len(missing)} key(s) without German: {missing[:20]}"
    i18n.set_language("de")
    assert i18n.S["ui.ency.heading"] == "Lexikon" and i18n.S["ui.ency.heading"] != i18n.english()["ui.ency.heading"]
    assert i18n.t("text.chain.offer", title="Genua", carried="") == "Die Geschichte geht weiter in Genua. "


def test_an_unknown_language_is_refused_with_the_ones_there_are() -> None:
    with pytest.raises(ValueError, match="there are: en, de"):
        i18n.set_language("xx")
    assert i18n.language() == "en"


# --- the state never depends on the words -----------------------------------------------------------

def _play(genoa, turns: int = 4) -> Game:  # type: ignore[no-untyped-def]
    game = Game.new(genoa, seed=7)
    game.run_to_end(max_turns=turns)
    return game


def test_the_state_hash_is_the_same_whatever_the_news_says(genoa, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    before = _play(genoa)
    keyed = [n for n in before.state.news if "key" in n]
    assert len(keyed) > 5 and all("text" not in n for n in before.state.news)

    # the engine's own English reworded ...
    reworded = {k: "~ " + v for k, v in engine_strings.S.items() if k.startswith(("news.", "ratify.body."))}
    monkeypatch.setattr(engine_strings, "S", {**engine_strings.S, **reworded})
    # ... and a German catalogue reworded in a temporary copy, chosen as the language
    copy = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE, copy)
    po = polib.pofile(str(i18n.catalogue_path("de", copy)))
    for e in po:
        e.msgstr = "!! " + e.msgstr
    po.save()
    monkeypatch.setattr(i18n, "LOCALE", copy)
    i18n._tables.clear()
    i18n.set_language("de")

    after = _play(genoa)
    assert after.state_hash() == before.state_hash()
    german = [n for n in keyed if n["key"] in i18n._table("de")]
    assert german and i18n.news_text(german[0]).startswith("!! ")        # the words did change


def test_news_from_a_save_made_before_keys_still_reads() -> None:
    old = {"turn": 0, "date": "1922-01-06", "kind": "policy", "text": "Soviet Russia sets Comintern to 30.",
           "powers": ["soviet_russia"]}
    assert i18n.news_text(old) == "Soviet Russia sets Comintern to 30."


# --- the command line --------------------------------------------------------------------------------

def _main(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin, capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300)


def test_lang_de_shows_the_terminals_help_in_german(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = _main("--lang", "de", "play", "--text", "--saves", str(tmp_path), stdin="help\nquit\n")
    assert out.returncode == 0, out.stderr
    assert "Befehle (ohne den Namen Ihrer Macht eingeben" in out.stdout
    assert "Sie verlassen das Spiel." in out.stdout
    assert "Commands (type them" not in out.stdout


def test_lang_after_play_works_too_and_english_stays_the_default(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The player's own envoy's news (another power's envoys are its private business: observations hide them).
    german = _main("play", "--text", "--lang", "de", "--saves", str(tmp_path), stdin="assign krasin home\nnews\nquit\n")
    english = _main("play", "--text", "--saves", str(tmp_path), stdin="quit\n")
    assert "== Nachrichten" in german.stdout and "kehrt nach Hause zurück" in german.stdout
    assert "== News" in english.stdout and "Leaving the game." in english.stdout


def test_an_unknown_lang_is_one_line_and_exit_2() -> None:
    out = _main("--lang", "xx", "scenarios")
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == ["error: --lang: no catalogue for language 'xx'; there are: en, de"]


def test_a_catalogue_read_again_comes_from_the_cache_and_an_edited_one_is_read_anew(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RAPALLO_CACHE_DIR", str(tmp_path / "cache"))
    po_path = tmp_path / "de" / "LC_MESSAGES" / "rapallo.po"
    po_path.parent.mkdir(parents=True)
    shutil.copy(GERMAN_PO, po_path)
    english = i18n.english()
    first = i18n.read_catalogue(po_path, english)
    assert first["ui.menu.new"] == "Neues Spiel" and len(list((tmp_path / "cache" / "catalogues").iterdir())) == 1
    assert i18n.read_catalogue(po_path, english) == first
    po = polib.pofile(str(po_path))
    po.find("ui.menu.new", by="msgctxt").msgstr = "Ein neues Spiel"
    po.save()
    assert i18n.read_catalogue(po_path, english)["ui.menu.new"] == "Ein neues Spiel"
