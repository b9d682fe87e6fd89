"""The game's words at the edge: one gettext catalogue per language, read at run time.

The window, the terminal, the classroom exports and the command line show
text through ``S[key]`` (a read-only mapping) or ``t(key, **args)``. A key is
looked up in the chosen language's catalogue, then in English. English is
``game/locale/en/LC_MESSAGES/rapallo.po`` plus the engine's own table
(``game.engine.strings``: reasons, news, verdicts, which a front end also
shows); a translation may cover both.

A catalogue entry names its key in ``msgctxt``, carries the English text as
``msgid`` (so a translator's tool shows the source) and the translation as
``msgstr``. A translation whose ``msgid`` no longer matches the English text
is stale and is not used: the English wins until someone translates it
again. The .po files are read with polib, so there is no compile step and
nothing generated is committed (see docs/TRANSLATING.md).
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from game.content import cache_dir
from game.engine.strings import S as ENGINE
from game.engine.strings import news_text as _news_words
from game.engine.strings import render as _words

#: The catalogues ship inside the package (pyproject package-data), in a checkout and in a wheel alike.
LOCALE = Path(__file__).resolve().parent / "locale"
DOMAIN = "rapallo"
#: Languages offered in Settings, each by its own name; a language needs a catalogue under LOCALE.
NAMES = {"en": "English", "de": "Deutsch"}

_tables: dict[str, dict[str, str]] = {}
_current = "en"
#: True once --lang chose the language: the saved setting does not override it at start.
_pinned = False


def catalogue_path(code: str, root: Path | None = None) -> Path:
    return (root or LOCALE) / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def available() -> list[str]:
    """The language codes that have a catalogue, English first."""
    found = sorted(p.name for p in LOCALE.iterdir() if catalogue_path(p.name).is_file()) if LOCALE.is_dir() else []
    return sorted(found, key=lambda c: c != "en")


def read_catalogue(path: Path, english: Mapping[str, str] | None = None) -> dict[str, str]:
    """key -> text from one .po file. English (``english`` is None) takes the msgid; a translation takes the
    msgstr of entries that are translated, not fuzzy, and still match the English text they were made from.

    Parsing the English catalogue with polib takes ~50 ms (bench/bench_i18n.py), a large share of the start to
    the menu: what it gives is kept in the user's cache folder under a digest of the file (and of the English it was checked against), so
    a later start reads one small JSON file; an edited catalogue has another digest and is parsed again."""
    raw = path.read_bytes()
    digest = hashlib.sha256(raw)
    if english is not None:
        digest.update(json.dumps(english, sort_keys=True).encode())
    cached = cache_dir() / "catalogues" / f"{path.parent.parent.name}-{digest.hexdigest()[:20]}.json"
    try:
        table = json.loads(cached.read_text(encoding="utf-8"))
        if isinstance(table, dict):
            return table
    except (OSError, ValueError):
        pass
    table = _parse(raw, english)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, cached)
    except OSError:
        pass                       # a read-only cache costs time, not correctness
    return table


def _parse(raw: bytes, english: Mapping[str, str] | None) -> dict[str, str]:
    import polib  # only when a catalogue is not in the cache yet

    out: dict[str, str] = {}
    for entry in polib.pofile(raw.decode("utf-8"), wrapwidth=0):
        if not entry.msgctxt or entry.obsolete or "fuzzy" in entry.flags:
            continue
        if english is None:
            out[entry.msgctxt] = entry.msgid
        elif entry.msgstr and english.get(entry.msgctxt) == entry.msgid:
            out[entry.msgctxt] = entry.msgstr
    return out


def english() -> dict[str, str]:
    """Every key the game can show, in English: the engine's table, then the front ends' catalogue."""
    if "en" not in _tables:
        _tables["en"] = {**ENGINE, **read_catalogue(catalogue_path("en"))}
    return _tables["en"]


def _table(code: str) -> dict[str, str]:
    if code == "en":
        return english()
    if code not in _tables:
        path = catalogue_path(code)
        _tables[code] = read_catalogue(path, english()) if path.is_file() else {}
    return _tables[code]


def set_language(code: str, *, pin: bool = False) -> None:
    """Show text in ``code`` from now on (keys it lacks stay English). ValueError for a language with no
    catalogue, naming the ones there are. ``pin`` (--lang) keeps it over the saved setting at start."""
    global _current, _pinned
    if code not in available():
        raise ValueError(f"no catalogue for language {code!r}; there are: {', '.join(available())}")
    _current = code
    _pinned = pin
    _table(code)


def use_setting(code: str) -> None:
    """The saved setting's language, at start, unless --lang chose one; English when none was picked."""
    if not _pinned:
        set_language(code if code in available() else "en")


def language() -> str:
    return _current


class Catalogue(Mapping[str, str]):
    """``S[key]``: the current language's text for ``key``, else the English; KeyError for a key nobody knows."""

    def __getitem__(self, key: str) -> str:
        if _current != "en":
            text = _table(_current).get(key)
            if text is not None:
                return text
        return english()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(english())

    def __len__(self) -> int:
        return len(english())


S = Catalogue()


def t(key: str, **args: object) -> str:
    """The text for ``key`` in the current language, with its placeholders filled from ``args``."""
    return S[key].format(**args)


def status_text(level: int) -> str:
    """A relation level (0-3) in words, in the current language."""
    return S["status." + ("none", "de_facto", "de_jure", "full_relations")[level]]


def news_text(entry: Mapping[str, object]) -> str:
    """One news entry of the state in the current language (an old save's entry keeps its English text)."""
    return _news_words(entry, S)


def said(value: object) -> str:
    """Something the engine said as data (strings.say) in the current language; plain text passes through."""
    return _words(value, S)
