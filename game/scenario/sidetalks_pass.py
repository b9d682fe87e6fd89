"""The side-talks pass: what the engine assumes of ``side_talks:`` (talks among
the powers other than the hub), checked before a game starts.

A topic is bargained over by two or more distinct powers, none of them the
hub (its treaties go through clause types); a term is valued only by the
topic's parties; a term's id names one term and no clause type (a treaty
condition's ``clauses:`` reads either); the intelligence value is a value
every power has.
"""
from __future__ import annotations

from typing import Any

from game.engine.model.scenario import Scenario
from game.scenario.findings import Finding, did_you_mean
from game.scenario.strictyaml import SourceMap

Path = tuple[Any, ...]


def check_side_talks(scenario: Scenario, source: SourceMap) -> list[Finding]:
    """Findings about the ``side_talks:`` section, each at the line it concerns."""
    out: list[Finding] = []
    st = scenario.side_talks
    powers = sorted(scenario.powers)
    seen_terms: dict[str, str] = {}
    for tid, topic in st.topics.items():
        base: Path = ("side_talks", "topics", tid)
        named: list[str] = []
        for i, p in enumerate(topic.parties):
            if p not in scenario.powers:
                out.append(source.finding(base + ("parties", i), "R018",
                                          f"unknown party '{p}'{did_you_mean(p, powers)}"))
            elif p == scenario.hub:
                out.append(source.finding(base + ("parties", i), "R018",
                                          f"the hub power '{p}' cannot be a party of side talks: its treaties "
                                          f"are made of clause types"))
            elif p in named:
                out.append(source.finding(base + ("parties", i), "R019", f"the topic '{tid}' names '{p}' twice"))
            else:
                named.append(p)
        if topic.with_ is not None and topic.with_ not in topic.parties:
            out.append(source.finding(base + ("with",), "R018", f"'{topic.with_}' (with:) is not one of the topic's "
                                                                 f"parties: {', '.join(topic.parties)}"))
        if len(set(topic.parties)) < 2:
            out.append(source.finding(base + ("parties",), "R019",
                                      f"the topic '{tid}' has {len(set(topic.parties))} party: talks need two "
                                      f"or more powers", key=True))
        for term_id, term in topic.terms.items():
            where = base + ("terms", term_id)
            if term_id in scenario.clause_types:
                out.append(source.finding(where, "R021", f"the term '{term_id}' has the id of a clause type: "
                                                         f"rename it", key=True))
            elif term_id in seen_terms:
                out.append(source.finding(where, "R021", f"the term '{term_id}' is already a term of the topic "
                                                         f"'{seen_terms[term_id]}': rename it", key=True))
            seen_terms.setdefault(term_id, tid)
            for p in term.values:
                if p not in topic.parties:
                    out.append(source.finding(where + ("values", p), "R020",
                                              f"'{p}' values the term '{term_id}' but is not a party of the "
                                              f"topic '{tid}' (parties: {', '.join(topic.parties)})", key=True))
    var = st.intelligence.var
    if var is not None:
        spec = scenario.variables.get(var)
        if spec is None or spec.scope != "powers":
            out.append(source.finding(("side_talks", "intelligence", "var"), "R022",
                                      f"'{var}' is not a variable of scope powers"
                                      f"{did_you_mean(var, [v for v, s in scenario.variables.items() if s.scope == 'powers'])}"))
    return out
