"""A power's whole judgement of a package, term by term (``evaluate``)."""
from __future__ import annotations

from typing import Sequence

from game.engine.clauses import Package
from game.engine.rules import Rules
from game.engine.state import State
from game.engine.strings import S
from game.engine.valuation.admissible import disallowed, red_lines_hit, times_refused
from game.engine.valuation.context import context_lines, skill_bonus
from game.engine.valuation.lines import Line, Verdict
from game.engine.valuation.terms import clause_lines


def evaluate(rules: Rules, state: State, evaluator: str, partners: Sequence[str], pkg: Package) -> Verdict:
    """The evaluator's judgement of a treaty between the hub and ``partners``."""
    partners = tuple(partners)
    lines: list[Line] = []
    for clause in pkg:
        lines.extend(clause_lines(rules, state, evaluator, partners, clause))
    name, bonus = skill_bonus(rules, state, evaluator, partners)
    skill_total = sum(bonus.get(rules.clause_type(c.type).skill or "", 0.0) for c in pkg)
    if skill_total:
        lines.append(Line(S["line.skill"].format(name=name), skill_total, "skill"))
    lines.extend(context_lines(rules, state, evaluator, partners))
    times = times_refused(rules, state, evaluator, partners, pkg)
    if times:
        lines.append(Line(S["line.repeated"].format(times=times),
                          -rules.scenario.tuning.repeat_penalty * times, "context"))
    total = sum(line.value for line in lines)
    threshold = rules.scenario.powers[evaluator].threshold
    reds = red_lines_hit(rules, state, evaluator, partners, pkg)
    reds += [S["line.not_allowed"].format(clause=c) for c in disallowed(rules, state, partners, pkg)]
    if not pkg:
        reds.append(S["line.empty"])
    return Verdict(evaluator, partners, pkg, tuple(lines), round(total, 6), threshold, tuple(reds))
