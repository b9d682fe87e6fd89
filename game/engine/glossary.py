"""Finding the glossary's names in a text: which words of a news item, an
event or a debrief are people, places and terms the encyclopedia explains.

``Glossary(entries)`` indexes a scenario's entries by every name they go by
(the heading, the other spellings in ``aka``). ``find`` returns the spans of
those names in a text: the longest name wins where two start at the same
place ("Treaty of Rapallo" before "Rapallo"), names match whole words only
("Riga" is not found in "Rigault"), and case does not matter ("Concessions",
"concessions") except in a name written all in capitals, an abbreviation
that matches only as written ("NEP" is not "nep"). ``lookup`` is what a person typing a name
means: an exact name first, then any entry whose names contain it.

Pure: no pygame, no I/O; the window, the terminal and the tests share it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Protocol, Sequence

#: The kinds in the order the encyclopedia lists them.
KINDS = ("person", "place", "term", "treaty", "power")


class Entry(Protocol):
    id: str
    term: str
    kind: str
    text: str
    aka: list[str]


@dataclass(frozen=True)
class NameSpan:
    """One name found in a text: text[start:end] names the entry ``entry``."""

    start: int
    end: int
    entry: str


def names_of(e: Entry) -> list[str]:
    """Every name an entry goes by: its heading and its other spellings."""
    return [n.strip() for n in [e.term, *e.aka] if n.strip()]


def _pattern(name: str) -> str:
    # Spaces in a name match any run of white space (a name may be wrapped across a line).
    body = re.escape(name).replace(r"\ ", r"\s+")
    return body if _abbreviation(name) else f"(?i:{body})"


def _abbreviation(name: str) -> bool:
    """NEP, ARA, USSR: written in capitals, and matched only so."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class Glossary:
    """A scenario's glossary, indexed for finding names in texts and looking them up."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        self.by_id = {e.id: e for e in self.entries}
        self.by_name: dict[str, str] = {}
        for e in self.entries:
            for n in names_of(e):
                self.by_name.setdefault(n.lower(), e.id)
        names = sorted({n for e in self.entries for n in names_of(e)}, key=lambda n: (-len(n), n))
        self._owner = {n: self.by_name[n.lower()] for n in names}
        self._regex = (re.compile(r"(?<!\w)(?:" + "|".join(_pattern(n) for n in names) + r")(?!\w)")
                       if names else None)
        self._folded = {" ".join(n.lower().split()): self.by_name[n.lower()] for n in names}

    def find(self, text: str) -> list[NameSpan]:
        """Every glossary name in ``text``, left to right, the longest where two start together."""
        if self._regex is None or not text:
            return []
        out = []
        for m in self._regex.finditer(text):
            owner = self._folded.get(" ".join(m.group(0).lower().split()))
            if owner is not None:
                out.append(NameSpan(m.start(), m.end(), owner))
        return out

    def entries_in(self, text: str) -> list[str]:
        """The ids of the entries a text names, in the order it first names them."""
        return list(dict.fromkeys(s.entry for s in self.find(text)))

    def lookup(self, name: str) -> list[Entry]:
        """The entries a person means by ``name``: the one it names exactly (heading, spelling or id),
        else every entry whose heading, spellings or id contain it."""
        key = " ".join(name.lower().split())
        if not key:
            return []
        exact = self._folded.get(key) or (key if key in self.by_id else None)
        if exact is not None:
            return [self.by_id[exact]]
        return [e for e in self.entries
                if key in e.id or any(key in " ".join(n.lower().split()) for n in names_of(e))]

    def grouped(self, entries: Iterable[Entry] | None = None) -> list[tuple[str, list[Entry]]]:
        """Entries by kind (people, places, terms, treaties, powers), each kind in alphabetical order (people
        by the name they are known by, their first other spelling: Lloyd George under L)."""
        pool = list(self.entries if entries is None else entries)
        out = []
        for kind in KINDS:
            of_kind = sorted((e for e in pool if e.kind == kind), key=sort_key)
            if of_kind:
                out.append((kind, of_kind))
        return out


def sort_key(e: Entry) -> str:
    return (e.aka[0] if e.kind == "person" and e.aka else e.term).lower()


def glossary_of(entries: Sequence[Entry]) -> Glossary:
    """The index of these entries (made once per distinct glossary)."""
    key = tuple((e.id, e.term, e.kind, e.text, tuple(e.aka)) for e in entries)
    g = _made.get(key)
    if g is None:
        if len(_made) >= 8:
            _made.pop(next(iter(_made)))
        g = _made[key] = Glossary(entries)
    return g


_made: dict[tuple, Glossary] = {}  # type: ignore[type-arg]
