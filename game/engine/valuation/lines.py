"""The value objects of a judgement: one term (``Line``) and the whole answer (``Verdict``)."""
from __future__ import annotations

from dataclasses import dataclass

from game.engine.clauses import Package


@dataclass(frozen=True)
class Line:
    """One term of a breakdown: what it is, and how much it weighs (signed)."""

    label: str
    value: float
    kind: str = "clause"          # clause, attitude, context, grievance, skill
    clause: str | None = None


@dataclass(frozen=True)
class Verdict:
    """A power's full judgement of a package."""

    evaluator: str
    partners: tuple[str, ...]
    package: Package
    lines: tuple[Line, ...]
    total: float
    threshold: float
    red_lines: tuple[str, ...] = ()

    @property
    def accepted(self) -> bool:
        return not self.red_lines and self.total >= self.threshold

    @property
    def margin(self) -> float:
        return self.total - self.threshold
