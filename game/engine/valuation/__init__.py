"""How a power values a package of clauses, term by term.

An answer is never a bare yes or no: ``evaluate`` returns a ``Verdict``
whose lines give every term with its sign and size (each clause's terms
from the scenario, then trust, fear of being left out, urgency, grievances,
bloc solidarity, the negotiator's skill) and any red line that no sum can
buy. The same arithmetic is laid out as numpy tables (``build_tables``) so
that the AI can score many thousands of candidate packages at once; the
tests check that both paths agree.
"""
from __future__ import annotations

from game.engine.valuation.admissible import (_match, active_red_lines, clause_allowed, disallowed,
                                             in_force_with, red_lines_hit, refusals, times_refused)
from game.engine.valuation.context import context_lines, skill_bonus
from game.engine.valuation.judgement import evaluate
from game.engine.valuation.lines import Line, Verdict
from game.engine.valuation.tables import (ROW_DTYPE, Tables, VariantSet, build_tables, build_tables_noting_reads,
                                         with_refusals)
from game.engine.valuation.terms import clause_lines, clause_params, format_label, term_value

__all__ = ["Line", "ROW_DTYPE", "Tables", "VariantSet", "Verdict", "_match", "active_red_lines", "build_tables", "build_tables_noting_reads",
           "clause_allowed", "clause_lines", "clause_params", "context_lines", "disallowed", "evaluate",
           "format_label", "in_force_with", "red_lines_hit", "refusals", "skill_bonus", "term_value", "times_refused",
           "with_refusals"]
