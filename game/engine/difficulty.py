"""Difficulty: named overrides of a scenario's tuning.

"normal" plays the scenario as written. Another level changes how exactly the
player reads the other side and how well the AI reads the player. The level is
a field of the rules (``Rules.difficulty``), beside the scenario's content
hash; a save records both, so every front end (window, terminal, replay)
rebuilds the same rules. Saves from before kept the level as a suffix of the
content hash (``...+hard``): ``split_hash`` reads them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:   # the saves read split_hash and game_identity before any rules exist: keep this module light
    from game.engine.rules import Rules

DIFFICULTIES: dict[str, dict[str, float]] = {
    "easy": {"exact_breakdown_skill": 4, "what_would_it_take_skill": 3, "ai_noise": 0.3},
    "normal": {},
    "hard": {"exact_breakdown_skill": 9, "what_would_it_take_skill": 9, "ai_noise": 0.05},
}


def with_difficulty(rules: Rules, level: str) -> Rules:
    if level not in DIFFICULTIES:
        raise ValueError(f"unknown difficulty {level!r}; one of: {', '.join(DIFFICULTIES)}")
    over = DIFFICULTIES[level]
    if not over:
        return rules
    sc = rules.scenario
    tuning = sc.tuning.model_copy(update=over)
    return type(rules)(sc.model_copy(update={"tuning": tuning}), rules.content_hash, difficulty=level)


def split_hash(content_hash: str) -> tuple[str, str]:
    """An old save's ``HASH+level`` as (HASH, level); a plain hash is played at "normal"."""
    base, plus, level = content_hash.rpartition("+")
    return (base, level) if plus and level in DIFFICULTIES else (content_hash, "normal")


def game_identity(content_hash: str, difficulty: str) -> str:
    """The one string a save's seal covers for the rules, the same as older saves wrote: HASH or HASH+level."""
    return content_hash if difficulty == "normal" else f"{content_hash}+{difficulty}"
