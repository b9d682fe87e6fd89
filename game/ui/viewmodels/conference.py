"""A conference as data: its sessions, the agenda in plenary, commissions,
the private channel beside the plenary, who attends, who is kept out, and
who has been talking to whom."""
from __future__ import annotations

from dataclasses import dataclass

from game.engine import conference as conf
from game.engine.rules import Rules
from game.engine.state import State
from game.i18n import S
from game.ui.viewmodels.common import date_text, names, power_name, short_date
from game.ui.viewmodels.event import describe


@dataclass(frozen=True)
class AgendaVM:
    id: str
    title: str
    effects: str


@dataclass(frozen=True)
class BodyVM:
    title: str
    members: str
    extra: str


@dataclass(frozen=True)
class SeatVM:
    id: str
    name: str
    attending: bool
    walked_out: bool
    excluded: bool
    is_player: bool


@dataclass(frozen=True)
class MeetingVM:
    a: str
    b: str
    text: str
    this_session: bool


@dataclass(frozen=True)
class ConferenceVM:
    id: str
    title: str
    heading: str
    state: str
    description: str
    sessions: tuple[str, ...]          # dates of the sessions
    current: int                       # index of this session, or -1
    session_text: str
    session_tip: str
    seats: tuple[SeatVM, ...]
    agenda: tuple[AgendaVM, ...]
    commissions: tuple[BodyVM, ...]
    channels: tuple[BodyVM, ...]
    meetings: tuple[MeetingVM, ...]
    speeches: tuple[str, ...]
    others: tuple[tuple[str, str], ...]   # delegations the player might meet


def which(rules: Rules, state: State, player: str) -> str | None:
    """The conference to show: one sitting that the player is invited to, else the next to come."""
    for cid in conf.sitting(state):
        if player in state.conferences[cid].invited:
            return cid
    upcoming = [(c.opens, cid) for cid, c in rules.scenario.conferences.items()
                if state.conferences[cid].state == "not_started" and player in c.invited]
    return min(upcoming)[1] if upcoming else None


def conference_vm(rules: Rules, state: State, player: str, cid: str) -> ConferenceVM:
    spec = rules.scenario.conferences[cid]
    cs = state.conferences[cid]
    dates = [d.isoformat() for d in rules.turn_dates if spec.opens <= d <= spec.closes]
    current = dates.index(state.date) if state.date in dates else -1
    days = rules.turn_length_days(min(state.turn, rules.last_turn))
    session_text = S["ui.conf.session"].format(n=current + 1, total=len(dates), date=date_text(state.date)) \
        if current >= 0 else S["ui.conf.state." + cs.state]
    tip = S["ui.conf.session.tip"].format(days=days, opens=date_text(spec.opens.isoformat()),
                                         closes=date_text(spec.closes.isoformat()))
    seats = tuple(SeatVM(p, power_name(rules, p, state), p in cs.attending, p in cs.walked_out, p in cs.excluded, p == player)
                  for p in cs.invited)
    agenda = tuple(AgendaVM(a.id, a.title, "; ".join(x for x in (describe(rules, e, player, state) for e in a.speech) if x)
                            or S["ui.event.no_effects"]) for a in spec.agenda)
    commissions = tuple(BodyVM(c.title, S["ui.conf.members"].format(names=names(rules, c.members, state)),
                               ", ".join(a.title for a in spec.agenda if a.id in c.agenda)) for c in spec.commissions)
    channels = tuple(BodyVM(ch.title[:1].upper() + ch.title[1:],
                            S["ui.conf.members"].format(names=names(rules, [ch.host] + [m for m in ch.members
                                                                                    if m != ch.host], state)),
                            S["ui.conf.excludes"].format(names=names(rules, ch.excludes, state)) if ch.excludes else "")
                     for ch in spec.private_channels)
    meetings = tuple(MeetingVM(m["a"], m["b"], S["ui.conf.meeting"].format(
        a=power_name(rules, m["a"], state), b=power_name(rules, m["b"], state), channel=m.get("channel") or spec.title)
        + f" \u2014 {short_date(m.get('date', state.date))}", m["turn"] == state.turn) for m in cs.meetings)
    titles = {a.id: a.title for a in spec.agenda}
    speeches = tuple(S["ui.conf.speech"].format(power=power_name(rules, sp["power"], state), item=titles.get(sp["item"], sp["item"]))
                     for sp in cs.speeches[-6:])
    others = tuple((p, power_name(rules, p, state)) for p in cs.attending if p != player)
    return ConferenceVM(cid, spec.title, S["ui.conf.heading"].format(title=spec.title, place=spec.place or spec.title),
                        S["ui.conf.state." + cs.state], " ".join(spec.description.split()), tuple(dates), current,
                        session_text, tip, seats, agenda, commissions, channels, meetings, speeches, others)
