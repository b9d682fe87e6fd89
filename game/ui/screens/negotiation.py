"""The negotiation table. Left: the papers (to answer, sent, answered).
Middle: the clauses, each on the side that grants it (we offer, both
sides, we ask), ticked and tuned with check boxes, sliders and choices;
a counter-offer is marked clause by clause against the offer it answers.
Right: the live estimate of the other side's answer. Below: send, accept,
reject, counter, withdraw, clear.

Every button asks the engine whether its command is allowed now and, if
not, shows the engine's reason as its tooltip.
"""
from __future__ import annotations

from typing import Any

import pygame

from game.engine.clauses import ClauseError, Package
from game.engine.commands import Answer, Propose, WithdrawProposal
from game.i18n import S
from game.ui import text as tx
from game.ui.screens.estimate_card import EstimateCard
from game.ui.screens.game_base import GameScreen
from game.ui.viewmodels.common import clause_text, power_name
from game.ui.viewmodels.negotiation import (ChannelVM, ClauseRowVM, Draft, channels, clause_rows, counterparts, diff,
                                            diff_summary, draft_of, estimate_vm, own_view, package_of, recorded_vm)
from game.ui.viewmodels.world import PapersVM, papers

ROW_H = 36
HEAD_H = 22


def paper_line(rules, state, player: str, pid: int) -> str:  # type: ignore[no-untyped-def]
    """A paper as a list shows it: who sent what to whom ("From Germany: Credits and loans, Recognition";
    the player is the other end), by its title when it has one of its own ("From Britain +4: The London
    experts' memorandum"), never a clerk's number. Empty if there is no such paper."""
    prop = next((p for p in state.proposals if p.id == pid), None)
    if prop is None:
        return ""
    ours = player in prop.sender
    pids = prop.receivers if ours else prop.sender
    first = power_name(rules, pids[0], state)
    who = first if len(pids) == 1 else S["ui.map.paper.and_others"].format(first=first, n=len(pids) - 1)
    what = ", ".join(clause_text(rules, c, with_params=False) for c in prop.clauses) or "\u2014"
    if prop.title and prop.title.lower() != S["title.proposal"].format(id=prop.id).lower():
        what = prop.title[:1].upper() + prop.title[1:]
    return S["ui.neg.paper_to" if ours else "ui.neg.paper_from"].format(who=who, what=what)


class NegotiationScreen(GameScreen):
    name = "negotiation"

    def __init__(self, app, counterpart: str | None = None, proposal: int | None = None,  # type: ignore[no-untyped-def]
                 conference: str | None = None) -> None:
        super().__init__(app)
        s = app.session
        self.others = counterparts(s.rules, s.power)
        self.counterpart = counterpart if counterpart in self.others else self.others[0]
        self.channel: str | None = conference
        self.draft: Draft = {}
        self.paper: int | None = None
        self.base: Package | None = None      # the selected paper's clauses
        self.compare: Package | None = None   # for a counter: the offer it answers
        self.page = 0
        self._dirty = True
        self._rows_key: Any = None
        if proposal is not None:
            self.select_paper(proposal, rebuild=False)

    # --- layout ---------------------------------------------------------------------------

    def compose_body(self) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        x, y, w, h = self.body
        self.left_w = max(200.0, w * 0.18, max(84.0, self.text_w(S["ui.neg.clear"], "button"))
                          + self.text_w(S["ui.neg.new"], "button") + 6)
        self.card_w = max(330.0, w * 0.29)
        self.mid_x = self.left_w + 12
        self.mid_w = w - self.left_w - self.card_w - 36
        self.card_x = w - self.card_w - 12
        lw = self.text_w(S["ui.neg.with"], "label", "italic") + 4
        ui.label(r(12, y + 6, lw, 30), S["ui.neg.with"], "italic")
        names = [(p, power_name(self.rules, p, self.state)) for p in self.others]
        cw = min(240.0, max(150.0, max(self.text_w(n, "drop_down_menu") for _, n in names)))
        self.w_counterpart = ui.choice(r(16 + lw, y + 8, cw, 30), names, self.counterpart, self.set_counterpart,
                                       S["ui.neg.with.tip"])
        tx0 = 30 + lw + cw
        tw = self.text_w(S["ui.neg.channel"], "label", "italic") + 4
        ui.label(r(tx0, y + 6, tw, 30), S["ui.neg.channel"], "italic")
        self.channel_options: list[ChannelVM] = []
        self.w_channel = ui.choice(r(tx0 + tw + 4, y + 8, 300, 30), [(None, "")], None, self.set_channel,
                                   S["ui.neg.channel.tip"])
        mx = tx0 + tw + 320
        self.l_mode = ui.label(r(mx, y + 8, w - mx - 12, 28), "", "subtitle")
        self.l_left = ui.label(r(12, y + h - 74, self.left_w, 20), "", "caption")
        ui.reserve("papers")
        ui.reserve("rows")
        self.papers_vm: PapersVM | None = None
        self.paper_buttons: dict[int, Any] = {}
        self.body_top = y + 48
        bottom = y + h - 48
        self.rows_box = (self.mid_x, self.body_top, self.mid_w, bottom - self.body_top - 8)
        self.card = EstimateCard(self, (self.card_x, self.body_top, self.card_w, bottom - self.body_top - 8),
                                 self.use_advice)
        cw = max(84.0, self.text_w(S["ui.neg.clear"], "button"))
        self.b_clear = ui.button(r(12, bottom, cw, 38), S["ui.neg.clear"], self.clear, S["ui.neg.clear.tip"])
        self.b_new = ui.button(r(18 + cw, bottom, max(60.0, self.left_w - cw - 12), 38), S["ui.neg.new"],
                               self.new_draft, S["ui.neg.new.tip"])
        bx = self.mid_x
        buttons = []
        for key, action, oid in (("send", self.send, "primary"), ("accept", lambda: self.answer("accept"), None),
                                 ("reject", lambda: self.answer("reject"), None),
                                 ("counter", lambda: self.answer("counter"), None), ("withdraw", self.withdraw, None)):
            bw = max(100.0, self.text_w(S[f"ui.neg.{key}"], "button", oid))
            buttons.append(ui.button(r(bx, bottom, bw, 38), S[f"ui.neg.{key}"], action, S[f"ui.neg.{key}.tip"], oid))
            bx += bw + 8
        self.b_send, self.b_accept, self.b_reject, self.b_counter, self.b_withdraw = buttons
        self.row_widgets: dict[str, dict[str, Any]] = {}
        self.rows: list[ClauseRowVM] = []
        self._rows_key = None
        self._dirty = True

    def advisor_rect(self) -> tuple[float, float, float, float]:
        # Over the lower part of the papers column, clear of the clauses and the buttons.
        x, y, w, h = self.body
        return (8.0, y + h - 400, max(200.0, w * 0.18) - 4, 300.0)

    # --- refreshing -------------------------------------------------------------------------

    def refresh_body(self) -> None:
        s = self.session
        ui = self.ui
        assert ui is not None
        pv = papers(self.rules, self.state, s.power)
        if pv != self.papers_vm:
            self.papers_vm = pv
            self._make_papers(pv)
        if self.paper is not None:
            prop = self._proposal(self.paper)
            if prop is None:
                self.paper = None
        self._channels()
        self._make_rows()
        self._sync_rows()
        self._dirty = True
        self.update_view()

    def _proposal(self, pid: int):  # type: ignore[no-untyped-def]
        return next((p for p in self.state.proposals if p.id == pid), None)

    def _channels(self) -> None:
        ui = self.ui
        assert ui is not None
        opts = channels(self.rules, self.state, self.session.power, self.counterpart)
        self.channel_options = opts
        values = [o.conference for o in opts]
        if self.channel not in values:
            self.channel = values[0]
        current = next(o for o in opts if o.conference == self.channel)
        self.w_channel = ui.set_choice(self.w_channel, self.channel, [(o.conference, o.label) for o in opts])
        c = ui.control_of(self.w_channel)
        if c is not None and c.tooltip != current.tooltip:
            c.tooltip = current.tooltip
            self.w_channel.set_tooltip(current.tooltip)

    def _make_papers(self, pv: PapersVM) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        ui.remove_group("papers")
        self.paper_buttons = {}
        self.paper_heads: list[tuple[float, str]] = []
        y = self.body_top
        bottom = self.body[1] + self.body[3] - 80
        for title, items in ((S["ui.neg.papers.in"], pv.incoming), (S["ui.neg.papers.out"], pv.outgoing),
                             (S["ui.neg.papers.answered"], pv.answered)):
            self.paper_heads.append((y, title, not items))
            y += HEAD_H
            for p in items:
                if y + 30 > bottom:
                    break
                label = self._paper_line(p.id) or p.short
                if p.kind == "answered":
                    label = f"{label} \u2014 {S['ui.neg.status.' + p.status]}"
                b = ui.button(r(12, y, self.left_w - 8, 28), label, lambda pid=p.id: self.select_paper(pid),
                              f"{p.label}. {p.tooltip}", "paper_item", group="papers")
                self.paper_buttons[p.id] = b
                y += 31
            if not items:
                y += 22
            y += 8

    def _paper_line(self, pid: int) -> str:
        return paper_line(self.rules, self.state, self.session.power, pid)

    def _make_rows(self) -> None:
        """The clause rows: rebuilt only when the counterpart (or what is allowed) changes."""
        rows = clause_rows(self.rules, self.state, self.session.power, self.counterpart)
        key = (self.counterpart, tuple((r.type, r.allowed) for r in rows), self.page)
        if key == self._rows_key:
            return
        self._rows_key = key
        self.rows = rows
        ui, r = self.ui, self.r
        assert ui is not None
        ui.remove_group("rows")
        self.row_widgets = {}
        self.row_pos: dict[str, float] = {}
        self.side_heads: list[tuple[float, str]] = []
        x, y, w, h = self.rows_box
        yy = y + 4
        side = None
        per_page = self._rows_per_page()
        start = self.page * per_page
        visible = rows[start:start + per_page]
        for row in visible:
            if (row.side, row.heading) != side:
                side = (row.side, row.heading)
                self.side_heads.append((yy, row.heading or {"give": S["ui.neg.we_give"], "both": S["ui.neg.both"],
                                                            "ask": S["ui.neg.they_give"]}[row.side]))
                yy += HEAD_H
            self.row_pos[row.type] = yy
            self._make_row(row, x, yy, w)
            yy += ROW_H
        if len(rows) > per_page:
            pages = (len(rows) + per_page - 1) // per_page
            ui.button(r(x + w - 150, y + h - 30, 150, 28), S["ui.neg.more_clauses"].format(page=self.page + 1,
                      pages=pages), self.next_page, S["ui.neg.more_clauses.tip"], "small_button", group="rows")

    def _rows_per_page(self) -> int:
        h = self.rows_box[3] - 40
        return max(3, int((h - 3 * HEAD_H) // ROW_H))

    def next_page(self) -> None:
        per = self._rows_per_page()
        pages = (len(self.rows) + per - 1) // per
        self.page = (self.page + 1) % max(1, pages)
        self._rows_key = None
        self._make_rows()
        self._dirty = True
        self.update_view()

    def _param_widths(self, row: ClauseRowVM) -> list[tuple[float, float]]:
        """(widget, value label) widths of a row's parameters, measured in the current text size."""
        out = []
        for p in row.params[:2]:
            if p.kind == "choice":
                widest = max((self.text_w(label, "drop_down_menu") for _, label in p.options), default=120.0)
                out.append((min(200.0, max(120.0, widest)), 0.0))
            else:
                samples = [self._value_label(row.type, p.name, v, p.unit) for v in (p.lo, p.hi, p.default)]
                out.append((96.0, max(self.text_w(t, "label", "number") for t in samples) + 4))
        return out

    def _make_row(self, row: ClauseRowVM, x: float, y: float, w: float) -> None:
        ui, r = self.ui, self.r
        assert ui is not None
        widgets: dict[str, Any] = {}
        widths = self._param_widths(row)
        params_w = sum(a + (b + 2 if b else 0) + 8 for a, b in widths)
        title_w = max(120.0, w - 18 - params_w - 8)
        widgets["check"] = ui.check(r(x + 18, y + 5, title_w, 24), row.title, row.type in self.draft,
                                    lambda on, t=row.type: self.toggle(t, on), row.tooltip, row.allowed, group="rows")
        px = x + 18 + title_w + 8
        for p, (pw, lw) in zip(row.params[:2], widths):
            tip = f"{p.title}" + (f" ({p.unit})" if p.unit else "")
            value = self.draft.get(row.type, {}).get(p.name, p.default)
            if p.kind == "choice":
                widgets[p.name] = ui.choice(r(px, y + 4, pw, 28), list(p.options), value,
                                            lambda v, t=row.type, n=p.name: self.set_param(t, n, v), tip,
                                            row.allowed, group="rows")
            else:
                widgets[p.name] = ui.slider(r(px, y + 6, pw, 24), float(value), p.lo, p.hi, p.step,
                                            lambda v, t=row.type, n=p.name: self.set_param(t, n, v), tip,
                                            row.allowed, group="rows")
                lab = ui.label(r(px + pw + 2, y + 6, lw, 24), self._value_label(row.type, p.name, value, p.unit),
                               "number", tip)
                widgets[p.name + ":label"] = lab
                ui.control_of(widgets[p.name]).group = "rows"  # type: ignore[union-attr]
                self._track_label(lab)
            px += pw + (lw + 2 if lw else 0) + 8
        self.row_widgets[row.type] = widgets

    def _track_label(self, lab: Any) -> None:
        # Labels are not controls; remember them so that remove_group("rows") kills them too.
        from game.ui.controls import Control
        c = Control("label", lab, group="rows", enabled=False)
        assert self.ui is not None
        self.ui.order.append(c)
        self.ui.by_element[id(lab)] = c

    def _value_label(self, t: str, name: str, value: Any, unit: str) -> str:
        short = S.get("ui.unit." + unit, " " + unit if unit else "")
        v = float(value)
        return f"{v:,.0f}{short}"

    # --- the draft --------------------------------------------------------------------------

    def set_counterpart(self, pid: str) -> None:
        self.counterpart = pid
        self.paper, self.base, self.compare = None, None, None
        self.draft = {}
        self.page = 0
        self._channels()
        self._make_rows()
        self._sync_rows()
        self._dirty = True
        self.update_view()

    def set_channel(self, conference: str | None) -> None:
        self.channel = conference
        self._dirty = True
        self.update_view()

    def toggle(self, clause_type: str, on: bool) -> None:
        if on:
            row = next(r for r in self.rows if r.type == clause_type)
            self.draft[clause_type] = {p.name: self._current(clause_type, p.name, p.default) for p in row.params}
        else:
            self.draft.pop(clause_type, None)
        self._edited()

    def _current(self, t: str, name: str, default: Any) -> Any:
        w = self.row_widgets.get(t, {}).get(name)
        c = self.ui.control_of(w) if (w is not None and self.ui is not None) else None
        return c.value if c is not None and c.value is not None else default

    def set_param(self, clause_type: str, name: str, value: Any) -> None:
        if clause_type not in self.draft:
            row = next(r for r in self.rows if r.type == clause_type)
            self.draft[clause_type] = {p.name: self._current(clause_type, p.name, p.default) for p in row.params}
            check = self.row_widgets.get(clause_type, {}).get("check")
            if check is not None and self.ui is not None:
                self.ui.set_check(check, True)
        self.draft[clause_type][name] = value
        lab = self.row_widgets.get(clause_type, {}).get(name + ":label")
        if lab is not None and self.ui is not None:
            p = self.rules.clause_type(clause_type).params[name]
            self.ui.set_text(lab, self._value_label(clause_type, name, value, p.unit or ""))
        self._edited()

    def _edited(self) -> None:
        if self.paper is not None:
            prop = self._proposal(self.paper)
            if prop is None or (self.session.power in prop.sender and prop.status != "pending") or \
                    (self.session.power in prop.sender and self._package() != tuple(prop.clauses)):
                # Editing a paper of ours starts a new draft from it.
                if prop is None or self.session.power in prop.sender:
                    self.paper, self.base, self.compare = None, None, None
        self._dirty = True
        self.update_view()

    def _package(self) -> Package:
        try:
            return package_of(self.rules, self.draft)
        except ClauseError:
            return ()

    def _sync_rows(self) -> None:
        """Put the draft's values into the row widgets (only what differs)."""
        ui = self.ui
        assert ui is not None
        for row in self.rows:
            widgets = self.row_widgets.get(row.type)
            if widgets is None:
                continue
            ui.set_check(widgets["check"], row.type in self.draft)
            for p in row.params[:2]:
                value = self.draft.get(row.type, {}).get(p.name, p.default)
                w = widgets.get(p.name)
                if w is None:
                    continue
                if p.kind == "choice":
                    widgets[p.name] = ui.set_choice(w, value)
                else:
                    ui.set_slider(w, float(value))
                    lab = widgets.get(p.name + ":label")
                    if lab is not None:
                        ui.set_text(lab, self._value_label(row.type, p.name, value, p.unit))

    def select_paper(self, pid: int, rebuild: bool = True) -> None:
        prop = self._proposal(pid)
        if prop is None:
            return
        me = self.session.power
        other = (prop.receivers if me in prop.sender else prop.sender)[0]
        if other in self.others and other != self.counterpart:
            self.counterpart = other
            self.page = 0
            if rebuild:
                self.w_counterpart = self.ui.set_choice(self.w_counterpart, other)  # type: ignore[union-attr]
        self.paper = pid
        self.base = tuple(prop.clauses)
        self.compare = None
        if prop.reply_to is not None and me not in prop.sender:
            earlier = self._proposal(prop.reply_to)
            if earlier is not None and me in earlier.sender:
                self.compare = tuple(earlier.clauses)
        self.draft = draft_of(prop.clauses)
        if prop.conference:
            self.channel = prop.conference
        if rebuild:
            self._channels()
            self._make_rows()
            self._sync_rows()
            self._dirty = True
            self.update_view()

    def new_draft(self) -> None:
        self.paper, self.base, self.compare = None, None, None
        self.draft = {}
        self._sync_rows()
        self._dirty = True
        self.update_view()

    def clear(self) -> None:
        self.draft = {}
        self._sync_rows()
        self._edited()

    def use_advice(self) -> None:
        vm = self.card.vm
        if vm is None or vm.advice_package is None:
            return
        self.draft = draft_of(vm.advice_package)
        if self.paper is not None and self.session.power in (self._proposal(self.paper).sender if self._proposal(self.paper) else []):
            self.paper, self.base, self.compare = None, None, None
        self._sync_rows()
        self._dirty = True
        self.update_view()

    def draft_demo(self) -> None:
        """A draft to show off (screenshots): a clean slate, recognition and credits (with the hub), or
        the first two terms of a side talk."""
        rows = clause_rows(self.rules, self.state, self.session.power, self.counterpart)
        wanted = ("renounce_claims", "recognition", "credits") if self.counterpart == self.rules.hub or \
            self.session.is_hub else tuple(r.type for r in rows[:2])
        for row in rows:
            if row.type in wanted and row.allowed:
                self.draft[row.type] = {p.name: p.default for p in row.params}
        self._rows_key = None
        self._dirty = True

    # --- what the card and buttons show ------------------------------------------------------

    def mode(self) -> str:
        if self.paper is None:
            return "draft"
        prop = self._proposal(self.paper)
        me = self.session.power
        if prop is None:
            return "draft"
        if me not in prop.sender and prop.status == "pending":
            return "answer"
        if prop.status == "pending":
            return "sent"
        return "answered"

    def update_view(self) -> None:
        if not self._dirty or self.ui is None:
            return
        self._dirty = False
        ui = self.ui
        s = self.session
        me = s.power
        mode = self.mode()
        pkg = self._package()
        prop = self._proposal(self.paper) if self.paper is not None else None
        changed = self.base is not None and pkg != self.base
        # The card.
        if mode == "answer" and prop is not None and not changed:
            vm = own_view(self.rules, self.state, me, prop)
        elif mode == "answered" and prop is not None and not changed:
            vm = recorded_vm(self.rules, self.state, prop, me) or estimate_vm(
                self.rules, self.state, me, [me], [self.counterpart], pkg)
        elif mode == "answer" and prop is not None:
            vm = estimate_vm(self.rules, self.state, me, [me], prop.sender, pkg)
        else:
            vm = estimate_vm(self.rules, self.state, me, [me], [self.counterpart], pkg)
        self.card.show(vm)
        # The line under the header.
        name = power_name(self.rules, self.counterpart, self.state)
        if mode == "answer" and prop is not None:
            text = S["ui.neg.answering"].format(title=self.paper_title(prop), sender=power_name(self.rules, prop.sender[0], self.state))
        elif prop is not None and mode in ("sent", "answered"):
            text = S["ui.neg.viewing"].format(title=self.paper_title(prop),
                                              status=S["ui.neg.status." + prop.status])
        else:
            text = S["ui.neg.drafting"].format(name=name)
        ui.set_text(self.l_mode, text)
        hud = self.hud_vm
        ui.set_text(self.l_left, S["ui.neg.left"].format(n=hud.proposals_left if hud else 0))
        # The buttons: allowed now? The engine says, and why not.
        send = Propose(me, (self.counterpart,), pkg, self.channel)
        ok, why = s.legal(send) if pkg else (False, S["ui.neg.empty"])
        ui.set_enabled(self.b_send, ok and mode in ("draft", "sent", "answered") and not (mode == "sent" and not changed),
                       S["ui.neg.send.tip"] if ok else why)
        for b, response in ((self.b_accept, "accept"), (self.b_reject, "reject")):
            if mode == "answer" and prop is not None:
                ok, why = s.legal(Answer(me, prop.id, response))
                ui.set_enabled(b, ok, S[f"ui.neg.{response}.tip"] if ok else why)
            else:
                ui.set_enabled(b, False, S["ui.neg.only_answer"])
        if mode == "answer" and prop is not None and changed and pkg:
            ok, why = s.legal(Answer(me, prop.id, "counter", pkg))
            ui.set_enabled(self.b_counter, ok, S["ui.neg.counter.tip"] if ok else why)
        else:
            ui.set_enabled(self.b_counter, False, S["ui.neg.counter.need_change"] if mode == "answer"
                           else S["ui.neg.only_answer"])
        if mode == "sent" and prop is not None:
            ok, why = s.legal(WithdrawProposal(me, prop.id))
            ui.set_enabled(self.b_withdraw, ok, S["ui.neg.withdraw.tip"] if ok else why)
        else:
            ui.set_enabled(self.b_withdraw, False, S["ui.neg.only_sent"])
        for pid, b in self.paper_buttons.items():
            (b.select() if pid == self.paper else b.unselect()) if b.is_selected != (pid == self.paper) else None

    def paper_title(self, prop) -> str:  # type: ignore[no-untyped-def]
        """A paper's name for the player: its own title, or for a numbered one (the engine names
        unnamed proposals by number) who sent it to whom and when."""
        import re
        if not re.fullmatch(r"(proposal|counter-proposal to) \d+", prop.title or ""):
            return prop.title[:1].upper() + prop.title[1:]
        from game.ui.viewmodels.common import date_text
        me = self.session.power
        key = "ui.neg.paper.counter" if prop.reply_to is not None else "ui.neg.paper.proposal"
        return S[key].format(sender=S["ui.neg.paper.you"] if me in prop.sender else power_name(self.rules, prop.sender[0], self.state),
                             to=power_name(self.rules, prop.receivers[0], self.state) if prop.receivers else "",
                             date=date_text(prop.date))

    # --- commands ---------------------------------------------------------------------------

    def send(self) -> None:
        pkg = self._package()
        out = self.session.attempt(Propose(self.session.power, (self.counterpart,), pkg, self.channel))
        if not out.ok:
            self.app.toast(S["ui.toast.not_possible"].format(reason=out.message))
            return
        mine = [p for p in self.state.proposals if self.session.power in p.sender]
        if mine:
            self.paper = mine[-1].id
            self.base = tuple(mine[-1].clauses)
            self.app.toast(S["ui.toast.sent"].format(title=self.paper_title(mine[-1])))
        self._dirty = True

    def answer(self, response: str) -> None:
        if self.paper is None:
            return
        pkg = self._package() if response == "counter" else ()
        out = self.session.attempt(Answer(self.session.power, self.paper, response, pkg))
        if not out.ok:
            self.app.toast(S["ui.toast.not_possible"].format(reason=out.message))
            return
        self.app.toast(S["ui.toast.done"].format(what=S[f"ui.neg.{response}"].lower()))
        self.paper, self.base, self.compare = None, None, None
        self.draft = {}
        self._sync_rows()
        self._dirty = True
        self.app.prompt_events()      # an acceptance may have signed a treaty: it gets its card

    def withdraw(self) -> None:
        if self.paper is None:
            return
        out = self.session.attempt(WithdrawProposal(self.session.power, self.paper))
        if not out.ok:
            self.app.toast(S["ui.toast.not_possible"].format(reason=out.message))
            return
        self.paper, self.base, self.compare = None, None, None
        self._dirty = True

    def update(self, dt: float) -> None:
        self.update_view()

    # --- drawing --------------------------------------------------------------------------

    def draw_body(self, surface: pygame.Surface) -> None:
        sc, pal = self.sc, self.pal
        x, y, w, h = self.rows_box
        self.card.draw(surface)
        self.rule(surface, 12, self.body_top - 6, self.sc.width - 24)
        for hy, title, empty in getattr(self, "paper_heads", []):
            surface.blit(tx.render(title.upper(), "telegram", sc.font(12), pal.rgb("ink_soft"), "bold"),
                         (sc.px(14), sc.px(hy + 4)))
            if empty:
                surface.blit(tx.render(S["ui.neg.papers.none"], "body", sc.font(14), pal.rgb("ink_faint"), "italic"),
                             (sc.px(18), sc.px(hy + HEAD_H)))
        for hy, title in getattr(self, "side_heads", []):
            head = tx.render(title.upper(), "telegram", sc.font(12), pal.rgb("ink_soft"), "bold")
            surface.blit(head, (sc.px(x + 18), sc.px(hy + 4)))
            gap = max(110.0, head.get_width() / sc.s + 8)   # a topic's title may be longer
            self.rule(surface, x + 18 + gap, hy + 12, w - 20 - gap, colour="paper_dark")
        # A counter-offer, clause by clause against the offer it answers.
        if self.compare is not None and self.base is not None:
            marks = diff(self.rules, self.compare, self.base)
            for t, d in marks.items():
                if d.kind == "same" or t not in self.row_pos:
                    continue
                ry = self.row_pos[t]
                band = self.r(x, ry + 2, w, ROW_H - 4)
                pygame.draw.rect(surface, pal.rgb("paper_dark"), band)
                sym = {"added": "+", "removed": "\u2212", "changed": "~"}[d.kind]
                surface.blit(tx.render(sym, "telegram", sc.font(18), pal.rgb("accent"), "bold"),
                             (band.x + sc.px(2), band.y + sc.px(4)))
            lines = diff_summary(self.rules, self.compare, self.base) or [S["ui.neg.diff.none"]]
            yy = y + h - 14 * (len(lines) + 1) - 4
            surface.blit(tx.render(S["ui.neg.diff.heading"].upper(), "telegram", sc.font(11), pal.rgb("accent"), "bold"),
                         (sc.px(x + 18), sc.px(yy)))
            for i, line in enumerate(lines[:4]):
                surface.blit(tx.render(line, "ui", sc.font(12), pal.rgb("ink")), (sc.px(x + 18), sc.px(yy + 14 * (i + 1))))
