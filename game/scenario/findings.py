"""Findings: what the scenario checker says, each with a place and a code.

A finding prints as ``FILE:LINE:COL: error|warning CODE: message`` (the
form compilers use, so editors and CI can jump to it). Every code is
stable and listed in ``CODES`` with its one-line meaning, which the
generated scenario reference prints.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import asdict, dataclass
from typing import Iterable

CODES: dict[str, tuple[str, str]] = {
    # parse
    "P001": ("error", "The file is not valid YAML."),
    "P002": ("error", "A key appears twice in the same mapping."),
    "P003": ("error", "yes/no/on/off are not booleans here: write true or false."),
    "P004": ("error", "A number starts with 0 (0755): YAML readers disagree on its value; write it without the leading zero."),
    "P005": ("error", "Merge keys (<<) are not allowed: write the keys out, or use extends."),
    "P006": ("error", "The file is too large, too deeply nested or expands too many aliases."),
    "P007": ("error", "A YAML tag (!!python/..., !custom) is not allowed: content never runs code."),
    "P008": ("error", "The file cannot be read (missing, unreadable, or not UTF-8)."),
    # inheritance and patches
    "I001": ("error", "extends names a scenario that does not exist."),
    "I002": ("error", "Scenarios extend each other in a circle."),
    "I003": ("error", "remove names something that is not there to remove."),
    "I004": ("error", "extends, patches, abstract or remove is written wrongly (see the message)."),
    "I005": ("error", "Two scenario files have the same id."),
    "I006": ("error", "patches names a scenario that does not exist."),
    "I007": ("error", "patches is used where it cannot be: outside a mod, beside extends, or to change the id."),
    "I008": ("error", "A scenario that extends another needs an id of its own."),
    "I009": ("error", "An abstract scenario is a template: it cannot be played, only extended."),
    "I010": ("warning", "A file that extends or patches adds a new entry whose name is close to an inherited one "
                        "(a misspelt name adds instead of changing)."),
    "I011": ("warning", "A file beside this one has the id of an installed scenario that extends names; the "
                        "installed one wins (installed scenarios and mods come before the files beside it)."),
    "I012": ("error", "next names a scenario that does not exist or an abstract template, so the campaign cannot "
                      "continue into it."),
    "I013": ("warning", "next names a scenario that starts before this one ends (itself, or an earlier part), so "
                        "the campaign would go back in time."),
    # mods
    "D001": ("error", "A mod requires a mod that is not installed."),
    "D002": ("error", "Mods require or load after each other in a circle."),
    "D003": ("error", "Two mods have the same id."),
    "D004": ("warning", "Two mods change the same key; the one loaded later wins."),
    "D005": ("warning", "A file in a mod folder is neither a scenario nor a patch, so it is ignored."),
    # schema
    "S001": ("error", "An unknown key."),
    "S002": ("error", "A required key is missing."),
    "S003": ("error", "A value has the wrong type or is out of range."),
    "S004": ("error", "An unknown kind of condition or effect."),
    "S005": ("error", "A value breaks a rule of its section (see the message)."),
    # references
    "R001": ("error", "An unknown power id."),
    "R002": ("error", "An unknown clause type."),
    "R003": ("error", "An unknown event id."),
    "R004": ("error", "An unknown negotiator, leader or mission."),
    "R005": ("error", "An unknown state value."),
    "R006": ("error", "An unknown interest."),
    "R007": ("error", "An unknown conference, agenda item or channel."),
    "R008": ("error", "An unknown clause parameter, or a value it cannot take."),
    "R009": ("error", "An unknown policy variable."),
    # what the engine assumes (each was a crash in play or simulate before it was a finding)
    "R010": ("error", "A treaty (an event's sign: or withdraw:, or one in force at the start) does not run between "
                      "two or more distinct powers: a power named twice, or the hub power among the partners in with: "
                      "(use between: for a treaty that names every party); or withdraw:'s by is not one of its parties."),
    "R011": ("error", "A proposal does not run between two or more distinct powers (from a power to itself, "
                      "or a power named twice), or puts the hub power in joint terms."),
    "R012": ("error", "The hub power stands where only other powers may (a bloc member, set_status, "
                      "break_relations, restore_relations, a relations test), or a bloc or "
                      "relation names a power twice."),
    "R013": ("error", "A value that cannot be written (a power's status) is changed by set, adjust or a flow."),
    "R014": ("error", "self., partner. or a status names a value no power has here: an event without a chooser "
                      "has no self, only clauses and per-partner dynamics have a partner, the hub has no status."),
    "R015": ("error", "A clause is given to a power its clause type's partners: list leaves out."),
    "R016": ("error", "A power enters or leaves the stage on an impossible day: enters on or after it leaves, or "
                      "enters after the scenario ends; or the hub power is given enters/leaves."),
    # talks among the other powers (game/scenario/sidetalks_pass.py)
    "R018": ("error", "A side-talks topic names an unknown party, or the hub power (its treaties are made of clause "
                      "types), or its with: names a power that is not one of its parties."),
    "R019": ("error", "A side-talks topic has fewer than two distinct parties, or names a party twice."),
    "R020": ("error", "A side-talks term is valued by a power that is not a party of its topic."),
    "R021": ("error", "A side-talks term has the id of a clause type or of a term of another topic."),
    "R022": ("error", "side_talks.intelligence.var is not a variable of scope powers."),
    # classroom roles (game/scenario/roles_pass.py)
    "R017": ("error", "Two glossary entries share a name (a term or one of its aka spellings)."),
    "R050": ("error", "A role's delegation is not a power of the scenario."),
    "R051": ("error", "A role's may names a verb the game does not know."),
    "R052": ("error", "The classroom section suggests injecting an event that does not exist."),
    "S050": ("error", "Two objectives of one role have the same id."),
    "M050": ("warning", "A playable power has no classroom role while other powers have some."),
    # meaning
    "M001": ("warning", "An event can never fire (its window lies outside the scenario, its chance is 0, "
                        "or its conditions can never hold)."),
    "M002": ("warning", "An objective or historical outcome can never be met as written."),
    "M003": ("warning", "A date lies outside the scenario."),
    "M004": ("warning", "A power has no objectives, so it cannot be scored or played in class."),
    "M005": ("warning", "A clause type is worth nothing to either side (no value terms)."),
    "M006": ("warning", "A number lies outside the range of the state value it sets or tests (it will be kept in range)."),
    "M007": ("warning", "A flag is tested but nothing ever raises it."),
    "M008": ("warning", "A state value the engine recomputes (such as left_out) is set by the scenario; the change does not last."),
    "M009": ("warning", "An event gives its chooser a single option, so there is nothing to choose."),
    "M010": ("warning", "The history lists outcomes but marks none historical: true, so the game cannot say which one happened."),
}


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    col: int
    code: str
    message: str

    @property
    def severity(self) -> str:
        return CODES.get(self.code, ("error", ""))[0]

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.severity} {self.code}: {self.message}"

    def plain(self) -> str:
        """For teachers and players: the message and where (file name and line), without codes."""
        name = self.file.replace("\\", "/").rsplit("/", 1)[-1]
        return f"{name}, line {self.line}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "severity": self.severity}


def did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.is_error]


def to_json(findings: list[Finding], files: list[str] | None = None) -> str:
    doc: dict[str, object] = {"findings": [f.to_dict() for f in findings],
                              "errors": sum(f.is_error for f in findings),
                              "warnings": sum(not f.is_error for f in findings)}
    if files is not None:
        doc["files"] = files
    return json.dumps(doc, indent=2)
