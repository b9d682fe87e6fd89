"""The engine's assumptions pass: what the engine takes for granted, checked
before a game starts, so that a file that passes ``validate`` also runs.

Every treaty and proposal runs between the hub power and other powers;
only the other powers have a status, sit in blocs or receive clauses
meant for named partners; ``status`` is read, never written; ``self.`` and
``partner.`` stand for a power only where the engine names one (an event's
chooser, an objective's power, a clause's partner). Each rule here was a
KeyError in ``play`` or ``simulate`` before it was a finding.

The pass is one of the checker's plug-ins (see ``loader.PASSES``): a
function from the validated scenario, its source map and the index of
state values to findings.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from game.engine.model import conditions as C
from game.engine.model import effects as E
from game.engine.model.clauses import Flow, Term
from game.engine.model.scenario import Scenario
from game.scenario.findings import Finding
from game.scenario.strictyaml import SourceMap
from game.scenario.varindex import CheckerVars, models_in

Path = tuple[Any, ...]
#: who ``self.`` / ``partner.`` stand for in a part of the file: None where the engine names no one.
Who = tuple[str, ...] | None


class AssumptionChecker:
    def __init__(self, scenario: Scenario, source: SourceMap, vars: CheckerVars) -> None:
        self.sc = scenario
        self.source = source
        self.vars = vars
        self.hub = scenario.hub
        self.partners = set(scenario.partners)
        self.findings: list[Finding] = []

    def add(self, path: Path, code: str, message: str, key: bool = False) -> None:
        self.findings.append(self.source.finding(path, code, message, key=key))

    def run(self) -> list[Finding]:
        for node, path in self.vars.models:
            self._effect(node, path)
        self._blocs_and_relations()
        self._stage()
        self._glossary()
        self._initial_treaties()
        for root, path, self_, partner, why in self._contexts():
            self._scoped(root, path, self_, partner, why)
        return self.findings

    # --- who may stand where ---------------------------------------------------------------

    def _treaty_parties(self, path: Path, spec: Any, what: str) -> None:
        """with: the hub's partners (not the hub, each once); between: two or more distinct powers."""
        if spec.with_:
            self._parties(path + ("with",), spec.with_, what, "R010")
            return
        seen: set[str] = set()
        for i, p in enumerate(spec.between or []):
            if p in seen:
                self.add(path + ("between", i), "R010", f"{what} names '{p}' twice in between")
            seen.add(p)

    def _parties(self, path: Path, powers: list[str], what: str, code: str) -> None:
        """Treaty partners: other powers than the hub, each once."""
        seen: set[str] = set()
        for i, p in enumerate(powers):
            if p == self.hub:
                self.add(path + (i,), code, f"{what} cannot name the hub power '{p}': every treaty is between "
                                            f"{self.hub} and the powers in with (list only the others), or use between: for a "
                                            f"treaty among any powers")
            elif p in seen:
                self.add(path + (i,), code, f"{what} names '{p}' twice")
            seen.add(p)

    def _clauses_open_to(self, path: Path, clauses: Iterable[Any], partners: Iterable[str], code: str = "R015") -> None:
        """A clause type with a partners: list may only be given to those powers."""
        partners = [p for p in partners if p != self.hub]
        for i, ref in enumerate(clauses):
            ct = self.sc.clause_types.get(ref.type)
            if ct is None or not ct.partners:
                continue
            shut = [p for p in partners if p in self.sc.powers and p not in ct.partners]
            if shut:
                self.add(path + (i,), code, f"the clause '{ref.type}' may only be agreed with "
                                            f"{', '.join(ct.partners)} (its partners: list), not with {', '.join(shut)}")

    def _effect(self, node: Any, path: Path) -> None:
        if isinstance(node, E.Sign):
            spec = node.sign
            self._treaty_parties(path + ("sign",), spec, "a treaty signed by an event")
            self._clauses_open_to(path + ("sign", "clauses"), spec.clauses, spec.named())
        elif isinstance(node, E.Withdraw):
            spec = node.withdraw
            self._treaty_parties(path + ("withdraw",), spec, "a treaty withdrawn from by an event")
            if spec.by not in [*spec.named(), *([self.hub] if spec.with_ else [])]:
                self.add(path + ("withdraw", "by"), "R010", f"'{spec.by}' withdraws from a treaty it is not a party "
                                                            f"to: name one of {', '.join(spec.named())}")
        elif isinstance(node, E.Propose):
            self._proposal(path + ("propose",), node.propose)
        elif isinstance(node, (E.BreakRelations, E.RestoreRelations)):
            key = "break_relations" if isinstance(node, E.BreakRelations) else "restore_relations"
            if getattr(node, key).power == self.hub:
                self.add(path + (key, "power"), "R012", f"{key} names the hub power '{self.hub}': relations are "
                                                        f"broken or restored between {self.hub} and another power")
        elif isinstance(node, C.RelationsTest) and node.relations.power == self.hub:
            self.add(path + ("relations", "power"), "R012", f"a relations test names the hub power '{self.hub}': "
                                                            f"name the power whose relations with it are tested")
        elif isinstance(node, E.SetStatus) and node.set_status.power == self.hub:
            self.add(path + ("set_status", "power"), "R012",
                     f"set_status names the hub power '{self.hub}': a status is what another power has "
                     f"with {self.hub}, so name one of them")
        elif isinstance(node, (E.Adjust, E.SetValue)):
            spec, key = (node.adjust, "adjust") if isinstance(node, E.Adjust) else (node.set, "set")
            self._writable(path + (key, "var"), spec.var)
        elif isinstance(node, Flow):
            self._writable(path + ("var",), node.var)
        elif isinstance(node, Term) and node.discount is not None and len(path) > 1 and path[0] == "clause_types":
            self._discount(path + ("discount", "param"), node, path[1])

    def _discount(self, path: Path, term: Term, cid: str) -> None:
        """The engine divides a discounted term by (1 + rate x years): years may never be negative."""
        ct = self.sc.clause_types.get(cid)
        p = ct.params.get(term.discount.param) if ct is not None and term.discount is not None else None
        if p is None:
            return
        lowest = min(p.choices.values()) if p.choices else p.min
        if lowest is not None and lowest < 0:
            self.add(path, "R008", f"the discount counts '{term.discount.param}' in years, but it can be "
                                   f"{lowest:g}: a term is divided by (1 + rate x years), so give it a min of 0")

    def _writable(self, path: Path, ref: str) -> None:
        if ref.partition(".")[2] == "status":
            self.add(path, "R013", f"{ref} cannot be changed by set, adjust or a flow: a status follows from "
                                   "treaties (use a clause with grants_status, or the set_status effect)")

    def _proposal(self, path: Path, spec: E.ProposeSpec) -> None:
        senders = list(spec.from_)
        if spec.to in senders:
            self.add(path + ("to",), "R011", f"a proposal from '{spec.to}' to itself: to must name a power "
                                             "that is not in from")
            return
        if len(set(senders)) != len(senders):
            dup = next(p for p in senders if senders.count(p) > 1)
            self.add(path + ("from", senders.index(dup, senders.index(dup) + 1)), "R011",
                     f"a proposal names '{dup}' twice in from")
            return
        if self.hub in senders and len(senders) > 1:
            self.add(path + ("from", senders.index(self.hub)), "R011",
                     f"the hub power '{self.hub}' cannot make joint terms with other powers: a proposal runs "
                     f"from {self.hub} to one power, or from other powers to {self.hub}")
            return
        others = senders if spec.to == self.hub else [spec.to]
        self._clauses_open_to(path + ("clauses",), spec.clauses, others)

    def _glossary(self) -> None:
        """A name finds one entry: no two entries share a term or another spelling."""
        seen: dict[str, str] = {}
        for i, e in enumerate(self.sc.glossary):
            for j, name in enumerate([e.term, *e.aka]):
                key = name.strip().lower()
                if key in seen and seen[key] != e.id:
                    where = ("glossary", i, "term") if j == 0 else ("glossary", i, "aka", j - 1)
                    self.add(where, "R017", f"the glossary name '{name}' is already used by the entry "
                                            f"'{seen[key]}': each name finds one entry")
                seen.setdefault(key, e.id)

    def _stage(self) -> None:
        for pid, p in self.sc.powers.items():
            if p.enters is None and p.leaves is None:
                continue
            if pid == self.hub:
                self.add(("powers", pid, "enters" if p.enters else "leaves"), "R016",
                         f"the hub power '{pid}' is on the stage from start to end: remove enters/leaves")
            elif p.enters and p.leaves and p.enters >= p.leaves:
                self.add(("powers", pid, "leaves"), "R016", f"'{pid}' leaves on {p.leaves} but enters only on "
                                                            f"{p.enters}: leaves must come after enters")
            elif p.enters and p.enters > self.sc.end:
                self.add(("powers", pid, "enters"), "R016", f"'{pid}' enters on {p.enters}, after the scenario "
                                                            f"ends ({self.sc.end}): it would never play")

    def _blocs_and_relations(self) -> None:
        for bid, bloc in self.sc.blocs.items():
            seen: set[str] = set()
            for i, m in enumerate(bloc.members):
                if m == self.hub:
                    self.add(("blocs", bid, "members", i), "R012",
                             f"the hub power '{m}' cannot be a member of a bloc: blocs are the powers that "
                             f"negotiate together with {self.hub}")
                elif m in seen:
                    self.add(("blocs", bid, "members", i), "R012", f"the bloc '{bid}' lists '{m}' twice")
                seen.add(m)
        for i, rel in enumerate(self.sc.relations):
            a, b = rel.between
            if a == b:
                self.add(("relations", i, "between", 1), "R012", f"a relation is between two different powers, "
                                                                 f"not '{a}' and itself")

    def _initial_treaties(self) -> None:
        for i, t in enumerate(self.sc.treaties):
            self._treaty_parties(("treaties", i), t, "a treaty in force at the start")
            self._clauses_open_to(("treaties", i, "clauses"), t.clauses, t.named())

    # --- what self. and partner. stand for ---------------------------------------------------

    def _contexts(self) -> Iterator[tuple[Any, Path, Who, Who, str]]:
        """(part of the file, its path, self, partner, why self has no meaning there)."""
        sc, hub, partners = self.sc, self.hub, tuple(self.sc.partners)
        for i, ev in enumerate(sc.events):
            chooser: Who = (ev.chooser,) if ev.chooser else None
            why = f"the event '{ev.id}' has no chooser"
            if ev.conditions is not None:
                yield ev.conditions, ("events", i, "conditions"), chooser, None, why
            yield ev.effects, ("events", i, "effects"), chooser, None, why
            for j, opt in enumerate(ev.options):
                yield opt.effects, ("events", i, "options", j, "effects"), (ev.chooser or hub,), None, why
        for pid, objs in sc.objectives.items():
            for k, obj in enumerate(objs):
                yield obj.condition, ("objectives", pid, k, "condition"), (pid,), None, ""
        for k, out in enumerate(sc.history.outcomes):
            yield out.condition, ("history", "outcomes", k, "condition"), None, None, "an outcome belongs to no power"
        for lid, pol in sc.policies.items():
            for k, rule in enumerate(pol.ai):
                if rule.when is not None:
                    yield rule.when, ("policies", lid, "ai", k, "when"), (hub,), None, ""
        invited = self._invitations()
        for cid, conf in sc.conferences.items():
            for k, item in enumerate(conf.agenda):
                yield item.speech, ("conferences", cid, "agenda", k, "speech"), tuple(invited[cid]), None, ""
            yield conf.side_treaty, ("conferences", cid, "side_treaty"), (hub,), partners, ""
        for cid, ct in sc.clause_types.items():
            base, them = ("clause_types", cid), tuple(ct.partners or partners)
            yield ct.value.get("hub", []), base + ("value", "hub"), (hub,), them, ""
            yield ct.value.get("partner", []), base + ("value", "partner"), them, them, ""
            for key in ("each_month", "on_sign", "on_cancel", "breach"):
                yield getattr(ct, key), base + (key,), (hub,), them, ""
        for pid, power in sc.powers.items():
            them = partners if pid == hub else (pid,)
            yield power.attitude, ("powers", pid, "attitude"), (pid,), them, ""
        for i, flow in enumerate(sc.dynamics):
            per = flow.var.startswith("partner.") or any(isinstance(r, str) and r.startswith("partner.")
                                                         for r in flow.per)
            who: Who = partners if per else None
            yield flow, ("dynamics", i), who, who, "a dynamic that names no partner. value runs once, for no power"

    def _invitations(self) -> dict[str, set[str]]:
        """Every power that may attend (and speak at) each conference: invited, or invited by an effect."""
        out = {cid: {*c.invited, c.host} for cid, c in self.sc.conferences.items()}
        for node, _ in self.vars.models:
            if isinstance(node, E.Invite) and node.invite.conference in out:
                out[node.invite.conference].add(node.invite.power)
        return out

    def _scoped(self, root: Any, base: Path, self_: Who, partner: Who, why: str) -> None:
        for node, path in models_in(root, base):
            for ref_path, ref in _refs(node, path):
                self._ref(ref_path, ref, self_, partner, why)

    def _ref(self, path: Path, ref: str, self_: Who, partner: Who, why: str) -> None:
        owner, _, name = ref.partition(".")
        if owner == "self" and self_ is None:
            self.add(path, "R014", f"'{ref}': self stands for no power here ({why}); name the power "
                                   f"(e.g. {self.hub}.{name})")
        elif owner == "partner" and partner is None:
            self.add(path, "R014", f"'{ref}': partner stands for no power here (only clauses, conferences' "
                                   f"side treaties and per-partner dynamics have a partner); name the power")
        elif owner in ("self", "partner"):
            powers = self_ if owner == "self" else partner
            lacking = [p for p in powers or () if not self._has(p, name)]
            if lacking:
                self.add(path, "R014", f"'{ref}': here {owner} can be {', '.join(lacking[:3])}, which has no "
                                       f"value '{name}'" + (" (the hub power has no status with itself)"
                                                            if name == "status" else ""))
        elif name == "status" and (owner == "hub" or owner == self.hub):
            self.add(path, "R014", f"'{ref}': the hub power has no status with itself; a status is what another "
                                   f"power has with {self.hub}")

    def _has(self, power: str, name: str) -> bool:
        if name == "status":
            return power in self.partners
        return name in self.vars.owned(power) or power not in self.sc.powers


def _refs(node: Any, path: Path) -> Iterator[tuple[Path, str]]:
    """The state values a condition, effect or flow names, with where each is written."""
    if isinstance(node, C.Compare):
        yield path + ("compare", "var"), node.compare.var
        if node.compare.to:
            yield path + ("compare", "to"), node.compare.to
    elif isinstance(node, E.Adjust):
        yield path + ("adjust", "var"), node.adjust.var
    elif isinstance(node, E.SetValue):
        yield path + ("set", "var"), node.set.var
    elif isinstance(node, Term):
        for i, r in enumerate(node.per):
            if isinstance(r, str) and "." in r:
                yield path + ("per", i), r
    elif isinstance(node, Flow):
        if "." in node.var:
            yield path + ("var",), node.var
        for i, r in enumerate(node.per):
            if isinstance(r, str) and "." in r:
                yield path + ("per", i), r
        for key in ("cap", "delay_years"):
            r = getattr(node, key)
            if isinstance(r, str) and "." in r:
                yield path + (key,), r


def check_assumptions(scenario: Scenario, source: SourceMap, vars: CheckerVars) -> list[Finding]:
    return AssumptionChecker(scenario, source, vars).run()
