"""Playing on into a campaign's next part: what comes next, and whether this player can go there.

A scenario that names a ``next:`` one (1921 names Genoa) ends with an
offer to carry on. The terminal and the window ask ``next_part`` what to
offer: the next scenario's title and what carries over, or, when it cannot
be played (a mod removed it, it fails the checker, the player's power has
no seat in it), one line saying why. ``Session.continue_campaign`` then
starts it from the end of the finished game (``Game.continue_into``), at the
same difficulty, with the same mods and the same seat.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from game.engine.difficulty import with_difficulty
from game.engine.rules import Rules
from game.i18n import S

#: Finds a scenario's rules by id with the given mod folders; raises (UsageError, ValueError...) with a message.
RulesFor = Callable[[str, Sequence[str]], Rules]


@dataclass(frozen=True)
class NextPart:
    """The scenario a finished game may carry on into; ``problem`` says in one line why it cannot
    (``rules`` is None when the scenario itself cannot be loaded, a fault of the installation)."""

    scenario: str
    title: str
    carry: tuple[str, ...]
    rules: Rules | None = None
    problem: str = ""

    @property
    def playable(self) -> bool:
        return self.rules is not None and not self.problem

    def carried(self) -> str:
        """What carries over, in the player's words: 'Treaties, relations, values and flags carry over.'"""
        names = [S[f"text.chain.carry.{kind}"] for kind in self.carry]
        if not names:
            return S["text.chain.carry_nothing"]
        listed = names[0] if len(names) == 1 else S["text.chain.and"].format(first=", ".join(names[:-1]),
                                                                              last=names[-1])
        return S["text.chain.carries"].format(items=listed[:1].upper() + listed[1:])


def next_part(rules: Rules, power: str, mods: Sequence[str] = (), rules_for: RulesFor | None = None) -> NextPart | None:
    """The part after ``rules`` for a player at ``power`` (None when the story ends here)."""
    nxt = rules.scenario.next
    if not nxt:
        return None
    carry = tuple(rules.scenario.carry)
    try:
        found = (rules_for or _load)(nxt, list(mods))
    except Exception as e:  # noqa: BLE001 - the next scenario comes from a file or a mod: any failure is a message
        return NextPart(nxt, nxt, carry, None, S["text.chain.unloadable"].format(id=nxt, reason=_first_line(e)))
    nrules = with_difficulty(found, rules.difficulty) if found.difficulty != rules.difficulty else found
    title = nrules.scenario.title
    if power and (power not in nrules.scenario.powers or not nrules.scenario.powers[power].playable):
        name = rules.scenario.powers[power].name if power in rules.scenario.powers else power
        return NextPart(nxt, title, carry, nrules, S["text.chain.no_seat"].format(power=name, title=title))
    return NextPart(nxt, title, carry, nrules)


def _load(scenario_id: str, mods: Sequence[str]) -> Rules:
    from game.scenario import load_rules
    return load_rules(scenario_id, mods)


def _first_line(e: BaseException) -> str:
    """One line of an error: a checker's list of findings is summed up by its first one."""
    lines = [line.strip() for line in str(e).strip().splitlines() if line.strip()]
    if not lines:
        return type(e).__name__
    first = lines[0].rstrip(":")
    return f"{first}: {lines[1]}" if len(lines) > 1 else first
