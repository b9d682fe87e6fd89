"""The debrief as data: what happened in this game and why, beside 1922.

The engine speaks in keys with arguments (``Note``); a front end or the
simulator turns them into words with the catalogue (``render``). Every
sentence is read off the final state, so the debrief cannot name a treaty
that does not exist or call a power with relations "left outside": the
treaties signed, the answers that decided them with their heaviest
reasons, the signatures refused at home, every partner's final status,
the outcome, and the scenario's own account of 1922.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Mapping
from typing import Any

from game.engine.rules import Rules
from game.engine.scoring import historical_outcome, outcome
from game.engine.state import Proposal, State, Treaty
from game.engine.strings import S, status_text
from game.engine.strings import render as words

#: Refusals named in a debrief (the closest calls and the red lines).
REFUSALS_SHOWN = 3


@dataclass(frozen=True)
class Note:
    """One sentence of the debrief: a catalogue key and its arguments."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)

    def text(self, table: Mapping[str, str] = S) -> str:
        """The sentence in ``table``'s words (the edge passes its language's catalogue)."""
        return words({"key": self.key, "args": self.args}, table)


def _said(entry: dict[str, Any]) -> Any:
    """A news entry as a nested Said (or the text an old save kept)."""
    return {"key": entry["key"], "args": entry["args"]} if "key" in entry else entry.get("text", "")


def _name_on(rules: Rules, state: State, power: str, date: str) -> str:
    """The power's name on ``date``: a line about 1922 calls Moscow Soviet Russia even after the Union.

    The rename's own news says when and what the old name was; once that news is compacted away, the name
    of the day is all that is left."""
    for n in state.news:
        if n.get("key") == "news.rename" and power in n.get("powers", ()) and date < n["date"]:
            return str(n["args"]["old"])
    return rules.power_name(power, state)


def _names(rules: Rules, state: State, powers: list[str], date: str) -> str:
    return ", ".join(_name_on(rules, state, p, date) for p in powers)


def _clauses(rules: Rules, treaty: Treaty | Proposal) -> str:
    return ", ".join(rules.clause_phrase(c.type) for c in treaty.clauses)


def _source(state: State, rules: Rules, treaty: Treaty) -> Proposal | None:
    """The accepted proposal a treaty came from (None for a scripted treaty)."""
    key = sorted(map(str, treaty.clauses))
    for p in state.proposals:
        theirs = p.receivers if rules.hub in p.sender else p.sender
        if p.status == "accepted" and sorted(theirs) == sorted(treaty.partners) and \
                sorted(map(str, p.clauses)) == key and p.closed_turn == treaty.turn:
            return p
    return None


def _reasons(record: dict[str, Any], sign: int, n: int = 2) -> str:
    lines = sorted((line for line in record.get("lines", []) if sign * line[1] > 0), key=lambda line: -sign * line[1])
    return "; ".join(f"{label} ({value:+.0f})" for label, value, _ in lines[:n])


def game_notes(rules: Rules, state: State) -> list[Note]:
    """What happened in this game, and why."""
    notes: list[Note] = []
    signed = state.treaties[len(rules.scenario.treaties):]     # those before the game are the scenario's
    if not signed:
        notes.append(Note("debrief.no_treaty"))
    for t in signed:
        if not t.hub_party:
            notes.append(Note("debrief.treaty_among", {"date": t.signed, "title": t.title,
                                                       "hub": _name_on(rules, state, rules.hub, t.signed),
                                                       "partners": _names(rules, state, t.partners, t.signed)}))
            continue
        notes.append(Note("debrief.treaty", {"date": t.signed, "hub": _name_on(rules, state, rules.hub, t.signed),
                                              "partners": _names(rules, state, t.partners, t.signed),
                                              "clauses": _clauses(rules, t)}))
        src = _source(state, rules, t)
        if src is not None:
            for power, rec in sorted(src.verdicts.items()):
                why = _reasons(rec, +1)
                if why:
                    notes.append(Note("debrief.because", {"power": _name_on(rules, state, power, t.signed),
                                                          "why": why}))
        if not t.in_force:
            notes.append(Note("debrief.cancelled", {"title": t.title, "date": t.cancelled or "",
                                                    "power": _name_on(rules, state, t.cancelled_by or rules.hub,
                                                                              t.cancelled or state.date)}))
    notes.extend(_refusals(rules, state))
    for n in state.news:
        if n.get("kind") == "ratification":
            notes.append(Note("debrief.unratified", {"date": n["date"], "text": _said(n)}))
    notes.append(Note("debrief.statuses", {"hub": rules.power_name(rules.hub, state), "list": "; ".join(
        f"{rules.power_name(p, state)}: {status_text(state.status.get(p, 0))}" for p in rules.partners)}))
    oid = outcome(rules, state)
    titles = {o.id: o.title for o in rules.scenario.history.outcomes}
    notes.append(Note("debrief.outcome", {"title": titles.get(oid, S["debrief.no_outcome"]) if oid else
                                          S["debrief.no_outcome"]}))
    return notes


def _refusals(rules: Rules, state: State) -> list[Note]:
    """The decisive refusals: red lines first, then the nearest misses."""
    found = []
    for p in state.proposals:
        if rules.hub not in p.sender and rules.hub not in p.receivers:
            continue   # talks among the other powers: their treaties are named above, their refusals are theirs
        for power, response in p.answers.items():
            if response in ("reject", "counter") and power in p.verdicts:
                rec = p.verdicts[power]
                reds = rec.get("red_lines", [])
                margin = rec["total"] - rec["threshold"]
                found.append((0 if reds else 1, abs(margin), p, power, reds, margin, rec))
    found.sort(key=lambda item: (item[0], item[1], item[2].id))
    notes, seen = [], set()
    for _, _, p, power, reds, margin, rec in found:
        if (power, bool(reds)) in seen:
            continue
        seen.add((power, bool(reds)))
        base = {"date": p.date, "power": _name_on(rules, state, power, p.date), "clauses": _clauses(rules, p)}
        if reds:
            notes.append(Note("debrief.refused_red", {**base, "reason": reds[0]}))
        else:
            notes.append(Note("debrief.refused", {**base, "short": -margin, "why": _reasons(rec, -1) or "-"}))
        if len(notes) >= REFUSALS_SHOWN:
            break
    return notes


def history_notes(rules: Rules) -> list[Note]:
    """What happened in history, from the scenario's own account."""
    hist = rules.scenario.history
    notes = [Note("debrief.history", {"summary": " ".join(hist.summary.split())})]
    hid = historical_outcome(rules)
    for o in hist.outcomes:
        if o.id == hid:
            notes.append(Note("debrief.history_outcome", {"title": o.title, "text": o.text}))
    return notes


def debrief(rules: Rules, state: State) -> dict[str, list[Note]]:
    return {"game": game_notes(rules, state), "history": history_notes(rules)}


def render(notes: dict[str, list[Note]]) -> str:
    """The debrief in words: this game's paragraph, then 1922's."""
    game = " ".join(n.text() for n in notes["game"])
    history = " ".join(n.text() for n in notes["history"])
    return S["debrief.game_heading"] + " " + game + "\n\n" + S["debrief.history_heading"] + " " + history
