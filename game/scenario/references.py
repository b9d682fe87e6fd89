"""The references pass: every id a scenario names must exist.

Walks the validated scenario, keeping the path of every value so that a
finding points at the line where the unknown id was written, with a
"did you mean" drawn from the ids that do exist.
"""
from __future__ import annotations

from typing import Any, Iterable

from game.engine.model import conditions as C
from game.engine.model import effects as E
from game.engine.model.clauses import ClauseMatch, ClauseType, Flow, RedLine, Term
from game.engine.model.effects import ClauseRef
from game.engine.model.events import Conference
from game.engine.model.obligations import Obligation
from game.engine.model.scenario import Scenario
from game.engine.variables import ALIASES
from game.scenario.varindex import CheckerVars
from game.scenario.findings import Finding, did_you_mean
from game.scenario.strictyaml import SourceMap

Path = tuple[Any, ...]
STATUSES = ("none", "de_facto", "de_jure", "full_relations")


class ReferenceChecker:
    def __init__(self, scenario: Scenario, source: SourceMap, vars: CheckerVars | None = None) -> None:
        self.sc = scenario
        self.source = source
        self.findings: list[Finding] = []
        self.vars = vars or CheckerVars(scenario)
        self.events = {e.id for e in scenario.events}
        self.obligations = [o.id for ct in scenario.clause_types.values() for o in ct.obligations]
        self.conferences = set(scenario.conferences)
        self._suffixes: dict[str, set[str]] = {}

    def suffixes(self, alias: str) -> set[str]:
        """Names valid after hub., partner. or self. (computed once per alias)."""
        if alias not in self._suffixes:
            self._suffixes[alias] = self.vars.alias_suffixes(alias)
        return self._suffixes[alias]

    def run(self) -> list[Finding]:
        self._top()
        types = self.sc.clause_types
        for node, path in self.vars.models:  # the one walk the passes share
            clause = types.get(path[1]) if len(path) > 1 and path[0] == "clause_types" else None
            self._check(node, path, clause)
        return self.findings

    # --- helpers -------------------------------------------------------------------

    def _bad(self, path: Path, code: str, what: str, value: str, options: Iterable[str], key: bool = False) -> None:
        """An unknown id; ``key`` when the id is written as a mapping key (personality: {trade: 1})."""
        opts = sorted(set(options))
        self.findings.append(self.source.finding(path, code, f"unknown {what} '{value}'{did_you_mean(value, opts)}",
                                                 key=key))

    def _unique(self, path: Path, items: Iterable[Any], what: str) -> None:
        """Ids in a list must differ: a second 'kronstadt' would be unreachable by choose, score or inject."""
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                self.findings.append(self.source.finding(path + (i, "id"), "S005",
                                                         f"the id '{item.id}' is used twice among the {what}; "
                                                         "ids in a list must differ"))
            seen.add(item.id)

    def _written_power(self, pid: str) -> bool:
        """A power the file writes but the schema refused (its own finding says why): no second finding."""
        return pid not in self.sc.powers and ("powers", pid) in self.source.keys

    def power(self, path: Path, pid: str, key: bool = False) -> None:
        if pid not in self.sc.powers and not self._written_power(pid):
            self._bad(path, "R001", "power", pid, self.sc.powers, key)

    def clause(self, path: Path, cid: str, key: bool = False) -> bool:
        if cid not in self.sc.clause_types:
            self._bad(path, "R002", "clause type", cid, self.sc.clause_types, key)
            return False
        return True

    def var(self, path: Path, ref: str) -> None:
        owner, _, name = ref.partition(".")
        if owner in ALIASES:
            names = self.suffixes(owner)
            if name not in names and name != "status":
                self._bad(path, "R005", f"state value '{owner}.'", name, names)
            return
        if self._written_power(owner):
            return
        if not self.vars.known(ref) and not (name == "status" and owner in self.sc.partners):
            self._bad(path, "R005", "state value", ref, self.vars.names())

    def ref(self, path: Path, ref: str | float | None, clause: ClauseType | None) -> None:
        """A factor in a term or flow: a clause parameter or a state value."""
        if ref is None or isinstance(ref, (int, float)):
            return
        if "." in ref:
            self.var(path, ref)
        elif clause is None:
            self._bad(path, "R008", "parameter (outside a clause, name a state value like hub.gold)", ref, [])
        elif ref not in clause.params and not self._written_param(path[1], ref):
            self._bad(path, "R008", "parameter", ref, clause.params)

    def _written_param(self, cid: str, name: str) -> bool:
        """A parameter the file writes but the schema refused (its own finding says why): no second finding."""
        return ("clause_types", cid, "params", name) in self.source.keys

    def interest(self, path: Path, iid: str | None, key: bool = False) -> None:
        if iid is not None and self.sc.interests and iid not in self.sc.interests:
            self._bad(path, "R006", "interest", iid, self.sc.interests, key)

    def _clause_ref_paths(self, path: Path, ref: ClauseRef) -> tuple[Path, bool, Path]:
        """Where a clause's type and parameters are written: ``{type: t, params: {...}}``,
        the short ``t: {...}``, or the bare ``t``."""
        if path + (ref.type,) in self.source.keys:
            return path + (ref.type,), True, path + (ref.type,)
        if path + ("type",) in self.source.values:
            return path + ("type",), False, path + ("params",)
        return path, False, path + ("params",)

    def clause_values(self, path: Path, ref: ClauseRef) -> None:
        type_path, type_is_key, params = self._clause_ref_paths(path, ref)
        if not self.clause(type_path, ref.type, type_is_key):
            return
        ct = self.sc.clause_types[ref.type]
        for k, v in ref.params.items():
            p = ct.params.get(k)
            at = params + (k,)
            if p is None:
                if not self._written_param(ref.type, k):
                    self._bad(at, "R008", f"parameter of {ref.type}", k, ct.params, key=True)
            elif p.choices is not None and str(v) not in p.choices and v not in (True, False):
                self._bad(at, "R008", f"choice for {ref.type}.{k}", str(v), p.choices)
            elif p.choices is None and not isinstance(v, (int, float)):
                self.findings.append(self.source.finding(at, "R008", f"{ref.type}.{k} takes a number, not '{v}'"))
            elif p.choices is None and not (float(p.min or 0) <= float(v) <= float(p.max or 0)):
                self.findings.append(self.source.finding(at, "R008",
                                                         f"{ref.type}.{k} must be within {p.min:g}..{p.max:g}"))

    def match(self, path: Path, m: ClauseMatch) -> None:
        if not self.clause(path, m.clause):
            return
        ct = self.sc.clause_types[m.clause]
        for bound_name in ("at_least", "at_most"):
            for k, v in getattr(m, bound_name).items():
                p = ct.params.get(k)
                if p is None:
                    self._bad(path + (bound_name, k), "R008", f"parameter of {m.clause}", k, ct.params, key=True)
                elif p.choices is not None and str(v) not in p.choices:
                    self._bad(path + (bound_name, k), "R008", f"choice for {m.clause}.{k}", str(v), p.choices)

    # --- the scenario's own cross-references -----------------------------------------

    def _top(self) -> None:
        sc = self.sc
        self.power(("hub",), sc.hub)
        for pid, p in sc.powers.items():
            base = ("powers", pid)
            if p.leader not in p.leaders:
                self._bad(base + ("leader",), "R004", "leader", p.leader, p.leaders)
            for k in p.personality:
                self.interest(base + ("personality", k), k, key=True)
            scope_names = self.suffixes("self") if pid != sc.hub else \
                self.suffixes("hub")
            owned = self.vars.owned(pid)
            for k in p.values:
                if k not in owned:
                    self._bad(base + ("values", k), "R005", f"state value of {pid}", k, owned or scope_names,
                              key=True)
            for k in p.fears:
                self.power(base + ("fears", k), k, key=True)
            for nid, n in p.negotiators.items():
                if n.mission != "home" and n.mission not in sc.powers and n.mission not in sc.conferences:
                    self._bad(base + ("negotiators", nid, "mission"), "R004", "mission", n.mission,
                              ["home", *sc.powers, *sc.conferences])
        for bid, b in sc.blocs.items():
            for i, m in enumerate(b.members):
                self.power(("blocs", bid, "members", i), m)
            if b.leader not in b.members:
                self.findings.append(self.source.finding(("blocs", bid, "leader"), "R001",
                                                         f"the leader '{b.leader}' is not a member of the bloc"))
        for i, rel in enumerate(sc.relations):
            for j, member in enumerate(rel.between):
                self.power(("relations", i, "between", j), member)
        for pid in sc.objectives:
            self.power(("objectives", pid), pid, key=True)
        self._unique(("events",), sc.events, "events")
        for i, e in enumerate(sc.events):
            self._unique(("events", i, "options"), e.options, f"options of the event '{e.id}'")
            if e.chooser is not None and e.chooser not in sc.powers:   # no seat would ever decide it
                owner = next((pid for pid, p in sc.powers.items() if e.chooser in p.leaders), None)
                if owner is None:
                    self.power(("events", i, "chooser"), e.chooser)
                else:
                    self.findings.append(self.source.finding(("events", i, "chooser"), "R001",
                                         f"unknown power '{e.chooser}': it is a leader of {owner}, and the "
                                         f"chooser is a power (write chooser: {owner})"))
        for pid, objs in sc.objectives.items():
            self._unique(("objectives", pid), objs, f"objectives of {pid}")
        hub_vars = self.suffixes("hub")
        for lid, pol in sc.policies.items():
            if pol.var not in hub_vars:
                self._bad(("policies", lid, "var"), "R009", "hub state value", pol.var, hub_vars)
        for cid, ct in sc.clause_types.items():
            if ct.partners:
                for i, partner in enumerate(ct.partners):
                    self.power(("clause_types", cid, "partners", i), partner)

    # --- what each node names -------------------------------------------------------------

    def _check(self, node: Any, path: Path, clause: ClauseType | None) -> None:
        if isinstance(node, C.Compare):
            self.var(path + ("compare", "var"), node.compare.var)
            if node.compare.to:
                self.var(path + ("compare", "to"), node.compare.to)
        elif isinstance(node, C.StatusTest):
            self.power(path + ("status", "power"), node.status.power)
        elif isinstance(node, C.RelationsTest):
            self.power(path + ("relations", "power"), node.relations.power)
        elif isinstance(node, C.TreatyTest):
            for key in ("with", "with_any", "between"):
                for i, p in enumerate(getattr(node.treaty, "with_" if key == "with" else key)):
                    self.power(path + ("treaty", key, i), p)
            for i, c in enumerate(node.treaty.clauses):
                if not any(c in t.terms for t in self.sc.side_talks.topics.values()):   # a side-talk term counts
                    self.clause(path + ("treaty", "clauses", i), c)
        elif isinstance(node, C.EventTest) and node.event not in self.events:
            self._bad(path + ("event",), "R003", "event", node.event, self.events)
        elif isinstance(node, C.ConferenceTest):
            self._conference(path + ("conference", "id"), node.conference.id)
            if node.conference.attending:
                self.power(path + ("conference", "attending"), node.conference.attending)
        elif isinstance(node, C.LeaderTest):
            self._leader(path + ("leader",), node.leader.power, node.leader.is_)
        elif isinstance(node, Term):
            self.interest(path + ("interest",), node.interest)
            for i, r in enumerate(node.per):
                self.ref(path + ("per", i), r, clause)
            if node.discount is not None:
                self.ref(path + ("discount", "param"), node.discount.param, clause)
        elif isinstance(node, Flow):
            if "." in node.var:
                self.var(path + ("var",), node.var)
            else:
                self._bad(path + ("var",), "R005", "state value", node.var, self.vars.names())
            for i, r in enumerate(node.per):
                self.ref(path + ("per", i), r, clause)
            self.ref(path + ("cap",), node.cap, clause)
            self.ref(path + ("delay_years",), node.delay_years, clause)
        elif isinstance(node, RedLine):
            if node.refuses is not None:
                self.match(path + ("refuses",), node.refuses)
            if node.requires is not None:
                self.match(path + ("requires",), node.requires)
            if node.unless is not None:
                self.match(path + ("unless",), node.unless)
        elif isinstance(node, ClauseType):
            if node.grants_status and node.status_param:
                self.findings.append(self.source.finding(path, "S005", "give grants_status or status_param, not both"))
        elif isinstance(node, Conference):
            self._conference_refs(path, node)
        elif isinstance(node, Obligation):
            if node.id in self.events or self.obligations.count(node.id) > 1:
                self.findings.append(self.source.finding(path + ("id",), "S005",
                    f"the obligation id '{node.id}' is already an event's or another obligation's; players "
                    f"choose by it, so it must be unique"))
        else:
            self._check_effect(node, path)

    def _check_effect(self, node: Any, path: Path) -> None:
        if isinstance(node, E.Adjust):
            self.var(path + ("adjust", "var"), node.adjust.var)
        elif isinstance(node, E.SetValue):
            self.var(path + ("set", "var"), node.set.var)
        elif isinstance(node, E.SetLeader):
            self._leader(path + ("set_leader",), node.set_leader.power, node.set_leader.leader)
        elif isinstance(node, E.Rename):
            self.power(path + ("rename", "power"), node.rename.power)
        elif isinstance(node, E.BreakRelations):
            self.power(path + ("break_relations", "power"), node.break_relations.power)
        elif isinstance(node, E.RestoreRelations):
            self.power(path + ("restore_relations", "power"), node.restore_relations.power)
        elif isinstance(node, E.SetStatus):
            self.power(path + ("set_status", "power"), node.set_status.power)
            if node.set_status.to not in STATUSES:
                self._bad(path + ("set_status", "to"), "S003", "status", node.set_status.to, STATUSES)
        elif isinstance(node, E.Grievance):
            self.power(path + ("grievance", "power"), node.grievance.power)
            if node.grievance.against:
                self.power(path + ("grievance", "against"), node.grievance.against)
        elif isinstance(node, E.Propose):
            spec = node.propose
            for i, p in enumerate(spec.from_):
                self.power(path + ("propose", "from", i), p)
            self.power(path + ("propose", "to"), spec.to)
            for i, c in enumerate(spec.clauses):
                self.clause_values(path + ("propose", "clauses", i), c)
            if spec.conference:
                self._conference(path + ("propose", "conference"), spec.conference)
            if self.sc.hub not in [*spec.from_, spec.to]:
                self.findings.append(self.source.finding(path + ("propose",), "R001",
                                                         f"a proposal must involve the hub power '{self.sc.hub}'"))
        elif isinstance(node, E.Sign):
            key = "with" if node.sign.with_ else "between"
            for i, p in enumerate(node.sign.named()):
                self.power(path + ("sign", key, i), p)
            for i, c in enumerate(node.sign.clauses):
                self.clause_values(path + ("sign", "clauses", i), c)
        elif isinstance(node, E.Withdraw):
            spec = node.withdraw
            key = "with" if spec.with_ else "between"
            for i, p in enumerate(spec.named()):
                self.power(path + ("withdraw", key, i), p)
            self.power(path + ("withdraw", "by"), spec.by)
            for i, c in enumerate(spec.clauses):
                if not any(c in t.terms for t in self.sc.side_talks.topics.values()):   # a side-talk term counts
                    self.clause(path + ("withdraw", "clauses", i), c)
        elif isinstance(node, (E.OpenConference, E.CloseConference)):
            cid = node.open_conference if isinstance(node, E.OpenConference) else node.close_conference
            key = "open_conference" if isinstance(node, E.OpenConference) else "close_conference"
            self._conference(path + (key,), cid)
        elif isinstance(node, (E.Invite, E.Exclude)):
            key = "invite" if isinstance(node, E.Invite) else "exclude"
            spec = getattr(node, key)
            self._conference(path + (key, "conference"), spec.conference)
            self.power(path + (key, "power"), spec.power)
        elif isinstance(node, E.Personality):
            self.power(path + ("personality", "power"), node.personality.power)
            self.interest(path + ("personality", "interest"), node.personality.interest)

    def _conference(self, path: Path, cid: str) -> None:
        if cid not in self.conferences:
            self._bad(path, "R007", "conference", cid, self.conferences)

    def _leader(self, path: Path, power: str, leader: str) -> None:
        if power not in self.sc.powers:
            self._bad(path + ("power",), "R001", "power", power, self.sc.powers)
        elif leader not in self.sc.powers[power].leaders:
            self._bad(path + ("leader" if "set_leader" in path else "is",), "R004", f"leader of {power}", leader,
                      self.sc.powers[power].leaders)

    def _conference_refs(self, path: Path, c: Conference) -> None:
        self.power(path + ("host",), c.host)
        for i, p in enumerate(c.invited):
            self.power(path + ("invited", i), p)
        items = {a.id for a in c.agenda}
        for i, a in enumerate(c.agenda):
            for j, cl in enumerate(a.clauses):
                self.clause(path + ("agenda", i, "clauses", j), cl)
        for i, com in enumerate(c.commissions):
            for j, p in enumerate(com.members):
                self.power(path + ("commissions", i, "members", j), p)
            for j, item_id in enumerate(com.agenda):
                if item_id not in items:
                    self._bad(path + ("commissions", i, "agenda", j), "R007", "agenda item", item_id, items)
        for i, ch in enumerate(c.private_channels):
            self.power(path + ("private_channels", i, "host"), ch.host)
            for key in ("members", "excludes"):
                for j, p in enumerate(getattr(ch, key)):
                    self.power(path + ("private_channels", i, key, j), p)
