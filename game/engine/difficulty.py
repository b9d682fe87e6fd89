"""Difficulty: named overrides of a scenario's tuning.

"normal" plays the scenario as written. Another level changes how exactly the
player reads the other side and how well the AI reads the player. The level is
part of the rules' content hash (``...+hard``), so a save records it and
every front end (window, terminal, replay) rebuilds the same rules.
"""
from __future__ import annotations

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
    return Rules(sc.model_copy(update={"tuning": tuning}), f"{rules.content_hash}+{level}")


def difficulty_of(content_hash: str) -> str:
    level = content_hash.rsplit("+", 1)[1] if "+" in content_hash else "normal"
    return level if level in DIFFICULTIES else "normal"
