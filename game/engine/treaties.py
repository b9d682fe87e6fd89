"""Treaties in force: signing, cancelling, status on the ladder, monthly flows.

Signing applies each clause's ``on_sign`` effects, raises the partners'
status, brings them close to the hub power (which others fear), and, if the
partners are part of a united bloc or sit at an open conference, splits the
bloc or breaks the conference. Cancelling is never free: every power's
trust falls, the partner remembers it, and credits taken under a treaty the
hub power cancels are called back (so that sign, take, cancel never pays).
"""
from __future__ import annotations

import datetime as dt

from game.engine.clauses import Clause
from game.engine.model.clauses import Flow
from game.engine.model.common import Status
from game.engine.rules import Rules
from game.engine.enums import ConferenceStage
from game.engine.state import State, Treaty
from game.engine.strings import S, say
from game.engine.world import ACTIONS, Ctx


def recompute_status(rules: Rules, state: State) -> None:
    """Each partner's status: its floor, raised by what its treaties in force grant."""
    for p in rules.partners:
        level = state.status_floor.get(p, 0)
        granted: set[int] = set()
        for t in state.treaties:
            if t.in_force and t.hub_party and p in t.partners:
                for c in t.clauses:
                    granted.add(clause_status(rules, c))
        best = max(granted, default=0)
        if best >= Status.de_jure and Status.de_facto in granted:
            best = Status.full_relations
        state.status[p] = max(level, best)


def clause_status(rules: Rules, clause: Clause) -> int:
    ct = rules.clause_type(clause.type)
    if ct.status_param is not None:
        return int(Status[str(clause.get(ct.status_param, ct.params[ct.status_param].default))])
    return int(Status[ct.grants_status]) if ct.grants_status else 0


def sign_treaty(rules: Rules, state: State, partners: list[str], clauses: list[Clause], title: str,
                proposed_by: list[str], conference: str | None = None, hub_party: bool = True) -> Treaty:
    """Sign a treaty of the hub power with ``partners`` or, with ``hub_party=False``, a treaty among
    ``partners`` alone (Locarno). A treaty among other powers changes no status with the hub and runs
    no clause effects or flows (those are written for the hub and a partner): the event that signs it
    says what it changes."""
    names = ", ".join(rules.power_name(p, state) for p in partners)
    title = title or S["title.treaty_plain"].format(partners=names, date=state.date)
    treaty = Treaty(state.new_id(), title, list(partners), list(clauses), state.date, state.turn,
                    conference=conference, proposed_by=list(proposed_by), hub_party=hub_party)
    state.treaties.append(treaty)
    if not hub_party:
        Ctx(rules, state).news(say("news.treaty_among", title=title, partners=names), "treaty", partners)
        return treaty
    for p in partners:
        ctx = Ctx(rules, state, self_=rules.hub, partner=p)
        for clause in clauses:
            for effect in rules.clause_type(clause.type).on_sign:
                effect.apply(ctx)
        # The negotiation is over: rivals no longer fear a deal in the making (they react to the deal itself).
        ctx.set_value(f"{p}.closeness", 0.0, S["cause.signed"].format(title=title))
    recompute_status(rules, state)
    Ctx(rules, state).news(say("news.treaty", title=title, partners=names), "treaty", partners)
    _split_blocs(rules, state, partners)
    _break_conferences(rules, state, partners)
    return treaty


def _split_blocs(rules: Rules, state: State, partners: list[str]) -> None:
    ctx = Ctx(rules, state)
    for bid, bloc in rules.scenario.blocs.items():
        inside = [p for p in partners if p in bloc.members]
        if not inside or len(inside) == len(bloc.members):
            continue
        unity_var = f"world.{bid}_unity"
        if state.values[unity_var] <= 0:
            continue
        who = rules.power_name(inside[0], state)
        ctx.adjust(unity_var, -bloc.split_cost, S["cause.split"].format(power=who))
        ctx.news(say("news.bloc_split", power=who, bloc=bloc.name), "bloc", inside)
        for other in bloc.members:
            if other not in partners:
                ctx.add_grievance(other, inside[0], bloc.split_cost, S["cause.split"].format(power=who), None)


def _break_conferences(rules: Rules, state: State, partners: list[str]) -> None:
    ctx = Ctx(rules, state)
    for cid, conf in state.conferences.items():
        if conf.state != "open" or rules.hub not in conf.attending:
            continue
        others = [p for p in conf.attending if p != rules.hub]
        if not all(p in conf.attending for p in partners) or len(partners) * 2 >= len(others):
            continue
        conf.state = ConferenceStage.BROKEN
        for p in partners:
            if p not in conf.excluded:
                conf.excluded.append(p)
        spec = rules.scenario.conferences[cid]
        ctx.news(say("news.side_treaty", conference=spec.title), "conference", partners)
        pctx = Ctx(rules, state, self_=rules.hub, partner=partners[0])
        for effect in spec.side_treaty:
            effect.apply(pctx)


def cancel_treaty(rules: Rules, state: State, treaty: Treaty, by: str) -> None:
    tun = rules.scenario.tuning
    ctx = Ctx(rules, state)
    treaty.in_force = False
    treaty.cancelled = state.date
    treaty.cancelled_by = by
    who = rules.power_name(by, state)
    if not treaty.hub_party:
        ctx.news(say("news.cancelled", power=who, title=treaty.title), "treaty", treaty.partners)
        return
    if by == rules.hub:
        for p in rules.partners:
            ctx.adjust(f"{p}.trust", -tun.cancel_trust, S["cause.cancel"].format(power=who, title=treaty.title))
        ctx.adjust(f"{rules.hub}.prestige", -tun.cancel_prestige, S["cause.cancel"].format(power=who, title=treaty.title))
        for p in treaty.partners:
            ctx.add_grievance(p, by, tun.cancel_grievance, S["cause.cancel_grievance"].format(power=who, title=treaty.title), None)
        _refund(rules, state, treaty)
    else:
        for p in treaty.partners:
            if p == by:
                ctx.adjust(f"{p}.regard", -tun.cancel_trust, S["cause.cancel"].format(power=who, title=treaty.title))
                ctx.add_grievance(rules.hub, by, tun.cancel_grievance, S["cause.cancel_grievance"].format(power=who, title=treaty.title), None)
    for p in treaty.partners:
        pctx = Ctx(rules, state, self_=rules.hub, partner=p)
        for clause in treaty.clauses:
            for effect in rules.clause_type(clause.type).on_cancel:
                effect.apply(pctx)
    recompute_status(rules, state)
    ctx.news(say("news.cancelled", power=who, title=treaty.title), "treaty", treaty.partners)


def _refund(rules: Rules, state: State, treaty: Treaty) -> None:
    """Credits taken under a treaty the hub power cancels are called back."""
    for p in treaty.partners:
        ctx = Ctx(rules, state, self_=rules.hub, partner=p)
        for ci, clause in enumerate(treaty.clauses):
            for fi, flow in enumerate(rules.clause_type(clause.type).each_month):
                key = f"{p}.{ci}.{fi}"
                took = treaty.flowed.get(key, 0.0)
                if not flow.refund_on_cancel or took <= 0:
                    continue
                var = ctx.resolve(flow.var)
                have = ctx.value(var)
                back = min(have, took)
                ctx.adjust(var, -back, S["cause.refund"].format(title=treaty.title))
                if took > back:
                    ctx.adjust(f"{p}.defaulted", took - back, S["cause.refund"].format(title=treaty.title))


def flow_amount(ctx: Ctx, flow: Flow, clause: Clause | None, split: int, months: float) -> float:
    if flow.when is not None and not flow.when.holds(ctx):
        return 0.0
    prod = 1.0
    for ref in flow.per:
        prod *= ctx.ref_value(ref, clause, split)
    return flow.amount * (prod - flow.offset) * months


def run_treaty_flows(rules: Rules, state: State, months: float) -> None:
    today = state.today
    for treaty in state.treaties:
        if not treaty.in_force or not treaty.hub_party:
            continue
        signed = dt.date.fromisoformat(treaty.signed)
        n = len(treaty.partners)
        for p in treaty.partners:
            ctx = Ctx(rules, state, self_=rules.hub, partner=p)
            for ci, clause in enumerate(treaty.clauses):
                for fi, flow in enumerate(rules.clause_type(clause.type).each_month):
                    if flow.delay_years is not None:
                        years = ctx.ref_value(flow.delay_years, clause, 1)
                        if (today - signed).days < years * 365:
                            continue
                    amount = flow_amount(ctx, flow, clause, n, months)
                    key = f"{p}.{ci}.{fi}"
                    if flow.cap is not None:
                        room = ctx.ref_value(flow.cap, clause, n) - treaty.flowed.get(key, 0.0)
                        amount = max(0.0, min(amount, room))
                    if amount:
                        before = ctx.value(flow.var)
                        ctx.adjust(flow.var, amount, flow.label)
                        moved = ctx.value(flow.var) - before
                        treaty.flowed[key] = treaty.flowed.get(key, 0.0) + moved
            if (today - signed).days >= BREACH_GRACE_DAYS:
                _breach(rules, state, treaty, p, ctx, months)


# A clause is not broken on the day it is signed: the signatory has a month to bring its agents into line
# (QA saw Berlin protest Comintern agitation on the very turn the Treaty of Berlin was signed).
BREACH_GRACE_DAYS = 30


def _breach(rules: Rules, state: State, treaty: Treaty, partner: str, ctx: Ctx, months: float) -> None:
    """A clause broken while in force: a grievance every month, news when the breach begins."""
    for ci, clause in enumerate(treaty.clauses):
        breach = rules.clause_type(clause.type).breach
        key = f"{partner}.{ci}.breach"
        if breach is not None and breach.when.holds(ctx):
            ctx.add_grievance(partner, rules.hub, breach.grievance * months, breach.reason, None)
            if not treaty.flowed.get(key):
                ctx.news(say("news.breach", power=rules.power_name(partner, state), reason=breach.reason),
                         "protest", [partner])
            treaty.flowed[key] = 1.0
        elif key in treaty.flowed:
            del treaty.flowed[key]


# Scripted effects reach these through world.ACTIONS (world is below this module).
ACTIONS.update(recompute_status=recompute_status, sign_treaty=sign_treaty, cancel_treaty=cancel_treaty)
