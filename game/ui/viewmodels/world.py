"""What the game screens show around the edges and on the map: the top
bar's values, each power's place on the map, the papers on the table and
the latest dispatches."""
from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import conference as conf
from game.engine.legal import OBSERVER, PROPOSALS_PER_TURN
from game.engine.observe import observe
from game.engine.rules import Rules
from game.engine.scoring import objectives
from game.engine.state import Proposal, State
from game.i18n import S, news_text, status_text
from game.engine.views import inbox, outbox
from game.ui.viewmodels.common import (date_text, last_change, names, num, package_words, power_name, var_description,
                                       var_title)

#: The hub's values shown in the top bar, in this order.
HUD_HUB = ("gold", "trade", "output", "famine", "discontent", "nep_support", "prestige", "comintern")
#: A partner player's own values shown in the top bar.
HUD_PARTNER = ("trust", "closeness", "left_out", "commercial_interest", "fear_of_revolution")


@dataclass(frozen=True)
class Stat:
    id: str
    label: str
    value: str
    tooltip: str


@dataclass(frozen=True)
class HudVM:
    date: str
    turn: str
    turn_tip: str
    player: str
    stats: tuple[Stat, ...]
    score: str
    score_tip: str
    conference: str | None          # id of a conference sitting now that the player attends or is invited to
    decisions: int
    proposals_left: int


def short_name(rules: Rules, name: str) -> str:
    """A value's name short enough for a column head (the window's own, else the scenario's title)."""
    return S.get("ui.short." + name.split(".", 1)[1], var_title(rules, name))


def _stat(rules: Rules, state: State, name: str, short: str) -> Stat:
    value = state.values.get(name, 0.0)
    delta = last_change(state, name)
    change = S["ui.hud.no_change"] if delta == 0 else (S["ui.hud.change"].format(delta=delta) if delta else "")
    title = var_title(rules, name)
    tip = S["ui.hud.value.tip"].format(title=title, value=num(value), description=var_description(rules, name),
                                       change=change)
    return Stat(name, short, num(value), tip)


def hud(rules: Rules, state: State, player: str) -> HudVM:
    turns = rules.last_turn + 1
    days = rules.turn_length_days(min(state.turn, rules.last_turn))
    if player == rules.hub:
        stats = tuple(_stat(rules, state, f"{rules.hub}.{v}", short_name(rules, f"{rules.hub}.{v}"))
                      for v in HUD_HUB if f"{rules.hub}.{v}" in state.values)
    else:
        stats = tuple(_stat(rules, state, f"{player}.{v}", short_name(rules, f"{player}.{v}")) for v in HUD_PARTNER
                      if f"{player}.{v}" in state.values)
    res = objectives(rules, state, player)
    met = [o for o in res if o.met]
    sitting = [cid for cid in conf.sitting(state) if player in state.conferences[cid].invited]
    made = sum(1 for p in state.proposals if p.sender == [player] and p.turn == state.turn and not p.delivered)
    return HudVM(
        date=date_text(state.date),
        turn=S["ui.hud.turn"].format(turn=min(state.turn, rules.last_turn) + 1, turns=turns),
        turn_tip=S["ui.hud.turn.tip"].format(days=days, start=date_text(rules.scenario.start.isoformat()),
                                             end=date_text(rules.scenario.end.isoformat())),
        player=S["ui.hud.you"].format(power=power_name(rules, player, state)),
        stats=stats,
        score=S["ui.hud.score"].format(score=sum(o.points for o in met)),
        score_tip=S["ui.hud.score.tip"].format(met=len(met), total=len(res)),
        conference=sitting[0] if sitting else None,
        decisions=sum(1 for c in state.choices if c.chooser == player),
        proposals_left=max(0, PROPOSALS_PER_TURN - made),
    )


# --- the map --------------------------------------------------------------------------------

@dataclass(frozen=True)
class MapPower:
    id: str
    name: str
    status: int
    status_text: str
    is_hub: bool
    is_player: bool
    leader: str
    leader_title: str
    trust: float | None             # as the player reads it; None: it cannot
    closeness: float | None
    left_out: float | None
    pending: int

    def hover_lines(self, hub_name: str) -> list[str]:
        out = [self.name]
        if self.is_hub:
            out.append(S["ui.map.hover.hub"])
        else:
            out.append(S["ui.map.hover.status"].format(status=self.status_text))
        out.append(S["ui.map.hover.leader"].format(leader=self.leader, title=self.leader_title))
        if not self.is_hub and self.trust is not None:
            out.append(S["ui.map.hover.values"].format(trust=self.trust, closeness=self.closeness,
                                                       left_out=self.left_out))
        if self.pending:
            out.append(S["ui.map.hover.pending"].format(n=self.pending))
        if self.is_player:
            out.append(S["ui.map.hover.you"])
        out.append(S["ui.map.hover.click"])
        return out


@dataclass(frozen=True)
class MapVM:
    hub: str
    hub_name: str
    powers: dict[str, MapPower]
    statuses: dict[str, int]          # power id -> status level (the hub: -1)
    key: tuple                        # changes when anything drawn on the map changes


def map_vm(rules: Rules, state: State, player: str) -> MapVM:
    """Each power's place on the map as ``player`` may read it (no player, as on the projector: the
    observer's public view, without attitudes)."""
    seat = player if player in rules.scenario.powers else OBSERVER
    obs = observe(rules, state, seat)
    read = {row["id"]: row["attitudes"] for row in obs["powers"]}
    powers: dict[str, MapPower] = {}
    for pid, p in rules.scenario.powers.items():
        leader = p.leaders[state.leaders[pid]]
        pending = 0 if pid == player else \
            sum(1 for pr in obs["proposals"] if pr["status"] == "pending" and _involves(pr, pid) and _involves(pr, player))
        level = -1 if pid == rules.hub else state.status.get(pid, 0)
        att = read.get(pid) or {}
        trust, closeness, left_out = (att.get(a, 0.0) if att else None for a in ("trust", "closeness", "left_out"))
        powers[pid] = MapPower(
            pid, rules.power_name(pid, state), level, "" if pid == rules.hub else status_text(level), pid == rules.hub, pid == player,
            leader.name, leader.title or "", trust, closeness, left_out, pending)
    statuses = {pid: mp.status for pid, mp in powers.items()}
    return MapVM(rules.hub, power_name(rules, rules.hub, state), powers, statuses, tuple(sorted(statuses.items())))


def _involves(proposal: dict, power: str) -> bool:
    return power in proposal["sender"] or power in proposal["receivers"]


# --- papers and dispatches --------------------------------------------------------------------

@dataclass(frozen=True)
class PaperVM:
    id: int
    label: str
    short: str
    tooltip: str
    kind: str            # in, out, answered
    status: str
    counterpart: str     # the other side's first power


def paper(rules: Rules, p: Proposal, player: str, kind: str, state: State | None = None) -> PaperVM:
    title = p.title[:1].upper() + p.title[1:]
    if player in p.sender:
        label = S["ui.map.paper.to"].format(who=_who(rules, p.receivers, state), title=title)
        other = p.receivers[0]
        full = S["ui.map.paper.to_full"].format(who=names(rules, p.receivers, state))
    else:
        label = S["ui.map.paper.from"].format(who=_who(rules, p.sender, state), title=title)
        other = p.sender[0]
        full = S["ui.map.paper.from_full"].format(who=names(rules, p.sender, state))
    tip = f"{full} " + S["ui.map.paper.tip"].format(clauses=package_words(rules, p.clauses))
    if p.text:
        tip = f"{p.text} {tip}"
    return PaperVM(p.id, label, title, tip, kind, p.status, other)


def _who(rules: Rules, pids: list[str], state: State | None = None) -> str:
    first = power_name(rules, pids[0], state)
    return first if len(pids) == 1 else S["ui.map.paper.and_others"].format(first=first, n=len(pids) - 1)


@dataclass(frozen=True)
class PapersVM:
    incoming: tuple[PaperVM, ...]
    outgoing: tuple[PaperVM, ...]
    answered: tuple[PaperVM, ...]


def papers(rules: Rules, state: State, player: str, turns: int = 3) -> PapersVM:
    inc = tuple(paper(rules, p, player, "in", state) for p in inbox(rules, state, player))
    out = tuple(paper(rules, p, player, "out", state) for p in outbox(state, player))
    done = [p for p in state.proposals if player in p.sender and p.status in ("accepted", "rejected", "countered")
            and (p.closed_turn or 0) >= state.turn - turns]
    ans = tuple(paper(rules, p, player, "answered", state) for p in reversed(done))
    return PapersVM(inc, out, ans)


@dataclass(frozen=True)
class Dispatch:
    date: str
    kind: str
    text: str
    full: str = ""       # the whole item, when ``text`` is its first sentence


@dataclass
class DispatchesVM:
    items: list[Dispatch] = field(default_factory=list)

    def html(self, date_colour: str, date_px: int) -> str:
        out = []
        for d in self.items:
            out.append(f"<font face='telegram' pixel_size={date_px} color='{date_colour}'>{d.date.upper()}</font><br>"
                       f"{_esc(d.text)}")
        return "<br>".join(out) if out else ""


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def dispatches(rules: Rules, state: State, player: str, turns: int = 1, limit: int = 14) -> DispatchesVM:
    """The news of this turn and the last, newest first; the player's own routine orders left out."""
    items = [n for n in observe(rules, state, player)["news"] if n["turn"] >= state.turn - turns]
    keep = []
    for n in reversed(items):
        if n["kind"] in ("mission", "policy") and player in n.get("powers", []):
            continue
        text = news_text(n)
        if n["kind"] in ("event", "decision") and ". " in text:
            text = text.split(". ", 1)[0] + "."
        keep.append(Dispatch(date_text(n["date"]), n["kind"], text, n["text"]))
        if len(keep) >= limit:
            break
    return DispatchesVM(keep)
