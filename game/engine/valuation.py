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

import weakref
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from game.engine.clauses import Clause, Package
from game.engine.model.clauses import ClauseMatch, RedLine, Term
from game.engine.negotiators import facing
from game.engine.rules import Rules
from game.engine.state import State
from game.engine.strings import S
from game.engine.treaties import clause_status
from game.engine.world import Ctx

Num = float | np.ndarray


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


# --- terms --------------------------------------------------------------------

def term_value(ctx: Ctx, term: Term, params: Mapping[str, Num], weights: Mapping[str, float]) -> Num:
    """amount x weight x (product(per) - offset) / (1 + rate x years)."""
    if term.when is not None and not term.when.holds(ctx):
        return 0.0
    weight = weights.get(term.interest, 1.0) if term.interest else 1.0
    prod: Num = 1.0
    for ref in term.per:
        prod = prod * (ctx.value(ref) if "." in ref else params[ref])
    value = term.amount * weight * (prod - term.offset)
    if term.discount is not None:
        value = value / (1.0 + term.discount.rate * params[term.discount.param])
    return value


def clause_params(rules: Rules, clause: Clause, split: int) -> dict[str, float]:
    ct = rules.clause_type(clause.type)
    out = {}
    for name, p in ct.params.items():
        num = p.number(clause.get(name, p.default))  # type: ignore[arg-type]
        out[name] = num / split if p.split else num
    return out


def format_label(label: str, clause: Clause | None, ctx: Ctx) -> str:
    if "{" not in label:
        return label
    values: dict[str, str] = {}
    if clause is not None:
        for k, v in clause.params:
            values[k] = f"{v:g}" if isinstance(v, float) else str(v).replace("_", " ")
    try:
        return label.format_map(_Lenient(values))
    except (ValueError, IndexError):
        return label


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _weights(state: State, power: str) -> dict[str, float]:
    return state.personality[power]


def _side_key(rules: Rules, evaluator: str) -> str:
    return "hub" if evaluator == rules.hub else "partner"


def clause_lines(rules: Rules, state: State, evaluator: str, partners: Sequence[str],
                 clause: Clause) -> list[Line]:
    """The terms one clause brings the evaluator (summed over partners for the hub)."""
    ct = rules.clause_type(clause.type)
    terms = ct.value.get(_side_key(rules, evaluator), [])
    n = len(partners)
    params = clause_params(rules, clause, n)
    whole = clause_params(rules, clause, 1)
    weights = _weights(state, evaluator)
    lines = []
    for term in terms:
        total = 0.0
        owners = partners if evaluator == rules.hub else [evaluator]
        if term.once:
            owners = owners[:1]
        for p in owners:
            ctx = Ctx(rules, state, self_=evaluator, partner=p)
            total += float(term_value(ctx, term, whole if term.once else params, weights))
        if total != 0.0:
            label = format_label(term.label, clause, Ctx(rules, state, evaluator, owners[0]))
            if evaluator == rules.hub and n > 1:
                label = S["line.several_powers"].format(label=label, n=n)
            lines.append(Line(label, total, "clause", clause.type))
    return lines


# --- context --------------------------------------------------------------------

def _months_waiting(rules: Rules, state: State, partners: Sequence[str]) -> float:
    last = rules.scenario.start
    for t in state.treaties:
        if t.hub_party and any(p in t.partners for p in partners):
            from datetime import date
            last = max(last, date.fromisoformat(t.signed))
    return max(0.0, (state.today - last).days / 30.0)


def context_lines(rules: Rules, state: State, evaluator: str, partners: Sequence[str]) -> list[Line]:
    """Terms that do not depend on the clauses: attitudes, fears, time, grievances, blocs."""
    tun = rules.scenario.tuning
    hub = rules.hub
    lines: list[Line] = []
    v = state.values
    others = list(partners) if evaluator == hub else [hub]
    if evaluator == hub:
        regard = sum(v[f"{p}.regard"] for p in partners) / len(partners)
        lines.append(Line(S["line.regard"].format(value=regard), (regard - 50) * tun.regard_weight, "attitude"))
    else:
        trust = v[f"{evaluator}.trust"]
        lines.append(Line(S["line.trust"].format(value=trust), (trust - 50) * tun.trust_weight, "attitude"))
        left = v[f"{evaluator}.left_out"]
        if left > 0:
            lines.append(Line(_left_out_label(rules, state, evaluator), left * tun.left_out_weight, "context"))
    weights = _weights(state, evaluator)
    for term in rules.scenario.powers[evaluator].attitude:
        owners = partners if evaluator == hub else [evaluator]
        val = sum(float(term_value(Ctx(rules, state, evaluator, p), term, {}, weights)) for p in owners) / len(owners)
        if val:
            lines.append(Line(format_label(term.label, None, Ctx(rules, state, evaluator, owners[0])), val, "attitude"))
    urgency = v[f"{evaluator}.urgency"]
    months = _months_waiting(rules, state, partners)
    if urgency and months:
        lines.append(Line(S["line.urgency"].format(months=months), urgency * months * tun.urgency_weight, "context"))
    today = state.today
    for g in state.grievances:
        if g.holder == evaluator and g.against in others:
            w = g.weight(today)
            if w >= 0.5:
                lines.append(Line(S["line.grievance"].format(reason=g.reason, since=g.day), -w, "grievance"))
    lines.extend(_bloc_lines(rules, state, evaluator, partners))
    return lines


def _left_out_label(rules: Rules, state: State, power: str) -> str:
    fears = rules.scenario.powers[power].fears
    if not fears:
        return S["line.left_out"].format(rival="")
    rival = max(fears, key=lambda r: fears[r] * state.values.get(f"{r}.closeness", 0.0))
    return S["line.left_out"].format(rival=S["line.left_out.rival"].format(rival=rules.scenario.powers[rival].name))


def _bloc_lines(rules: Rules, state: State, evaluator: str, partners: Sequence[str]) -> list[Line]:
    lines = []
    tun = rules.scenario.tuning
    for bid, bloc in rules.scenario.blocs.items():
        unity = state.values[f"world.{bid}_unity"]
        if evaluator == rules.hub:
            if len(partners) > 1 and all(p in bloc.members for p in partners) and unity >= bloc.joint_above:
                lines.append(Line(S["line.united_front"].format(bloc=bloc.name, unity=unity),
                                  unity * tun.joint_pressure, "context"))
        elif evaluator in bloc.members and unity > 0:
            together = [p for p in partners if p in bloc.members]
            if len(together) < 2:
                lines.append(Line(S["line.solidarity"].format(bloc=bloc.name, unity=unity),
                                  -unity * bloc.solidarity, "context"))
    return lines


def skill_bonus(rules: Rules, state: State, evaluator: str, partners: Sequence[str]) -> tuple[str, dict[str, float]]:
    """(negotiator name, bonus per skill) for the negotiator facing the evaluator."""
    other_side = list(partners) if evaluator == rules.hub else [rules.hub]
    face = facing(rules, state, other_side, evaluator)
    if face is None:
        return "", {}
    _, _, neg = face
    k = rules.scenario.tuning.skill_bonus
    s = neg.skills
    return neg.name, {"persuasion": (s.persuasion - 5) * k, "economics": (s.economics - 5) * k,
                      "guile": (s.guile - 5) * k}


# --- red lines -------------------------------------------------------------------

def _match(rules: Rules, m: ClauseMatch, clause: Clause) -> bool:
    if clause.type != m.clause:
        return False
    ct = rules.clause_type(clause.type)
    for name, bound in m.at_least.items():
        p = ct.params[name]
        if rules.param_number(clause, name) < p.number(bound):
            return False
    for name, bound in m.at_most.items():
        p = ct.params[name]
        if rules.param_number(clause, name) > p.number(bound):
            return False
    return True


def active_red_lines(rules: Rules, state: State, evaluator: str, partners: Sequence[str]) -> list[RedLine]:
    ctx = Ctx(rules, state, self_=evaluator, partner=partners[0] if evaluator == rules.hub else evaluator)
    return [r for r in rules.scenario.powers[evaluator].red_lines if r.when is None or r.when.holds(ctx)]


def red_lines_hit(rules: Rules, state: State, evaluator: str, partners: Sequence[str], pkg: Package) -> list[str]:
    hits = []
    for r in active_red_lines(rules, state, evaluator, partners):
        if r.requires is not None:
            if not any(_match(rules, r.requires, c) for c in pkg):
                hits.append(r.reason)
        elif any(_match(rules, r.refuses, c) for c in pkg):
            if r.unless is None or not any(_match(rules, r.unless, c) for c in pkg):
                hits.append(r.reason)
    return hits


def in_force_with(state: State, partners: Sequence[str]) -> dict[str, list[Clause]]:
    """Clauses already in force with any of these partners, by type."""
    out: dict[str, list[Clause]] = {}
    for t in state.treaties:
        if t.in_force and t.hub_party and any(p in t.partners for p in partners):
            for c in t.clauses:
                out.setdefault(c.type, []).append(c)
    return out


def clause_allowed(rules: Rules, state: State, partners: Sequence[str], clause: Clause,
                   in_force: dict[str, list[Clause]] | None = None) -> bool:
    """Whether this clause is possible with these partners now: not barred by the scenario, not a
    repeat of one in force (unless repeatable), and, for a recognition, one that raises the status
    of at least one partner (Britain's de facto recognition, already granted, changes nothing)."""
    ct = rules.clause_type(clause.type)
    if ct.partners is not None and any(p not in ct.partners for p in partners):
        return False
    if ct.exclusive is not None and _taken(rules, state, clause, ct.exclusive):
        return False
    if ct.status_param is not None:
        # A recognition that raises nobody's standing changes nothing, and is worth nothing.
        return any(clause_status(rules, clause) > state.status.get(p, 0) for p in partners)
    held = (in_force if in_force is not None else in_force_with(state, partners)).get(clause.type, [])
    return ct.repeatable or not held


def _taken(rules: Rules, state: State, clause: Clause, param: str) -> bool:
    """Whether a scarce good (this value of ``param``) is already granted to some power."""
    mine = rules.param_number(clause, param)
    return any(t.in_force and t.hub_party and c.type == clause.type and rules.param_number(c, param) == mine
               for t in state.treaties for c in t.clauses)


def disallowed(rules: Rules, state: State, partners: Sequence[str], pkg: Package) -> list[str]:
    """Clauses not allowed in this package: barred with these partners, or already in force."""
    held = in_force_with(state, partners)
    return [c.type for c in pkg if not clause_allowed(rules, state, partners, c, held)]


def times_refused(rules: Rules, state: State, evaluator: str, partners: Sequence[str], pkg: Package) -> int:
    """How often ``evaluator`` already refused (or countered) this very package from this side.
    Repetition is not persuasion: each refusal makes the same terms weigh less, never more."""
    if not pkg:
        return 0
    key = sorted(map(str, pkg))
    side = set(partners)
    n = 0
    for p in state.proposals:
        if p.answers.get(evaluator) not in ("reject", "counter"):
            continue
        theirs = p.receivers if rules.hub in p.sender else p.sender
        if set(theirs) == side and sorted(map(str, p.clauses)) == key:
            n += 1
    return n


# --- the whole judgement -----------------------------------------------------------

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


# --- numpy tables for the search ------------------------------------------------------

#: Package rows hold one small variant index per clause type.
ROW_DTYPE = np.int8
#: The variant set without extras, one per rules (the rules never change).
_BASE_VARIANTS: "weakref.WeakKeyDictionary[Rules, VariantSet]" = weakref.WeakKeyDictionary()


@dataclass
class VariantSet:
    """The candidate variants of every clause type for one search (0 = absent)."""

    clauses: list[list[Clause]]
    width: int = 0
    counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    #: What does not depend on the state, worked out once per variant set: parameter
    #: arrays per (clause type, split) and red-line match tables per clause match.
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def for_search(cls, rules: Rules, extra: Package = ()) -> "VariantSet":
        extra = tuple(c for c in extra if c not in rules.variants[rules.clause_index[c.type]])
        if not extra:
            cached = _BASE_VARIANTS.get(rules)
            if cached is None:
                cached = _BASE_VARIANTS[rules] = cls._build(rules, ())
            return cached
        return cls._build(rules, extra)

    def param_arrays(self, rules: Rules, i: int, n: int) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
        """(split by ``n``, whole) parameter values of every variant of clause type ``i``."""
        key = ("params", i, n)
        if key not in self.memo:
            ct = rules.clause_type(rules.clause_ids[i])
            vlist = self.clauses[i]
            whole = {pn: np.array([p.number(c.get(pn, p.default)) for c in vlist]) for pn, p in ct.params.items()}
            split = {pn: (whole[pn] / n if p.split else whole[pn]) for pn, p in ct.params.items()}
            self.memo[key] = (split, whole)
        return self.memo[key]

    @classmethod
    def _build(cls, rules: Rules, extra: Package) -> "VariantSet":
        lists = [list(v) for v in rules.variants]
        for c in extra:
            i = rules.clause_index[c.type]
            if c not in lists[i]:
                lists[i].append(c)
        width = 1 + max(len(v) for v in lists)
        return cls(lists, width, np.array([len(v) for v in lists], dtype=np.int64))

    def index_of(self, rules: Rules, pkg: Package) -> np.ndarray:
        row = np.zeros(len(self.clauses), dtype=ROW_DTYPE)
        for c in pkg:
            i = rules.clause_index[c.type]
            row[i] = self.clauses[i].index(c) + 1
        return row

    def package(self, row: np.ndarray) -> Package:
        return tuple(self.clauses[i][k - 1] for i, k in enumerate(row) if k > 0)


@dataclass
class Tables:
    """One side's valuation laid out for numpy: a package is a row of variant indices."""

    evaluator: str
    partners: tuple[str, ...]
    values: np.ndarray          # (C, W): value of each variant; column 0 (absent) is 0
    const: float
    threshold: float
    allowed: np.ndarray         # (C, W) bool: variants possible now (column 0 always)
    refuses: list[np.ndarray | None]   # per active red line, (C, W) bool; None: "requires" (refuses all...)
    unless: list[np.ndarray | None]     # ...unless the package has this

    def __post_init__(self) -> None:
        c, w = self.values.shape
        if len(self.refuses) > 29:
            raise ValueError(f"{self.evaluator} has more than 29 red lines active at once")
        self._cols = [np.ascontiguousarray(self.values[i]) for i in range(c)]
        # Every red line is one bit: a package is refused when one of its clauses sets a
        # "refuses" bit (low 32 bits) that no clause's "unless" bit (high 32 bits) clears.
        # "requires" lines, and the empty package (bit 30), refuse by default.
        bits = np.zeros((c, w), dtype=np.uint64)
        always = 1 << 30
        for i, (ref, unl) in enumerate(zip(self.refuses, self.unless)):
            if ref is None:
                always |= 1 << i
            else:
                bits[ref] |= np.uint64(1 << i)
            if unl is not None:
                bits[unl] |= np.uint64(1 << (i + 32))
        bits[~self.allowed] |= np.uint64(1 << 31)
        bits[:, 1:] |= np.uint64(1 << 62)
        self._always = np.uint64(always)
        self._bits = [np.ascontiguousarray(bits[i]) for i in range(c)]

    def judge(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(score, blocked) of every package row. Column by column: numpy is fastest
        gathering along long arrays, not reducing along the short axis of each row."""
        cols = rows.T
        score = self._cols[0].take(cols[0])
        found = self._bits[0].take(cols[0])
        for i in range(1, len(self._cols)):
            score += self._cols[i].take(cols[i])
            found |= self._bits[i].take(cols[i])
        score += self.const
        refused = (found & np.uint64(0xFFFFFFFF)) | self._always
        return score, (refused & ~(found >> np.uint64(32))) != 0

    def score(self, rows: np.ndarray) -> np.ndarray:
        return self.judge(rows)[0]

    def blocked(self, rows: np.ndarray) -> np.ndarray:
        return self.judge(rows)[1]

    def accepts(self, rows: np.ndarray) -> np.ndarray:
        score, blocked = self.judge(rows)
        return ~blocked & (score >= self.threshold)


def build_tables(rules: Rules, state: State, evaluator: str, partners: Sequence[str],
                 variants: VariantSet) -> Tables:
    partners = tuple(partners)
    n = len(partners)
    side = _side_key(rules, evaluator)
    weights = _weights(state, evaluator)
    owners = partners if evaluator == rules.hub else (evaluator,)
    ctxs = [Ctx(rules, state, self_=evaluator, partner=p) for p in owners]
    name, bonus = skill_bonus(rules, state, evaluator, partners)
    C, W = len(variants.clauses), variants.width
    values = np.zeros((C, W))
    allowed = np.zeros((C, W), dtype=bool)
    allowed[:, 0] = True
    held = in_force_with(state, partners)
    for i, type_id in enumerate(rules.clause_ids):
        ct = rules.clause_type(type_id)
        vlist = variants.clauses[i]
        if ct.status_param is None and ct.exclusive is None:
            # Only the type matters (barred partners, one in force): one answer for every variant.
            allowed[i, 1:1 + len(vlist)] = bool(vlist) and clause_allowed(rules, state, partners, vlist[0], held)
        else:
            for k, c in enumerate(vlist):
                allowed[i, k + 1] = clause_allowed(rules, state, partners, c, held)
        params, whole = variants.param_arrays(rules, i, n)
        col = np.zeros(len(vlist))
        for term in ct.value.get(side, []):
            for ctx in (ctxs[:1] if term.once else ctxs):
                col = col + term_value(ctx, term, whole if term.once else params, weights)
        col = col + bonus.get(ct.skill or "", 0.0)
        values[i, 1:1 + len(vlist)] = col
    const = sum(line.value for line in context_lines(rules, state, evaluator, partners))
    refuses, unless = [], []
    for r in active_red_lines(rules, state, evaluator, partners):
        if r.requires is not None:
            refuses.append(None)
            unless.append(_match_table(rules, r.requires, variants))
        else:
            assert r.refuses is not None
            refuses.append(_match_table(rules, r.refuses, variants))
            unless.append(None if r.unless is None else _match_table(rules, r.unless, variants))
    return Tables(evaluator, partners, values, const, rules.scenario.powers[evaluator].threshold,
                  allowed, refuses, unless)


def _match_table(rules: Rules, m: ClauseMatch, variants: VariantSet) -> np.ndarray:
    key = ("match", id(m))
    hit = variants.memo.get(key)
    if hit is not None and hit[0] is m:
        return hit[1]
    table = _match_table_of(rules, m, variants)
    table.setflags(write=False)
    variants.memo[key] = (m, table)
    return table


def _match_table_of(rules: Rules, m: ClauseMatch, variants: VariantSet) -> np.ndarray:
    table = np.zeros((len(variants.clauses), variants.width), dtype=bool)
    if m.clause in rules.clause_index:
        i = rules.clause_index[m.clause]
        for k, c in enumerate(variants.clauses[i]):
            table[i, k + 1] = _match(rules, m, c)
    return table
