"""Notices ("toasts") come and go: they never pile up over the ledger's tabs, and a click reaches what lies
under them."""
from __future__ import annotations

import pygame

from tests.ui.conftest import click, press


def test_notices_do_not_pile_up_and_the_same_one_is_not_repeated(started):
    app = started()
    for text in ("one", "two", "two", "three"):
        app.toast(text)
    assert [t[0] for t in app.toasts] == ["two", "three"]


def test_a_notice_already_read_goes_with_the_next_key_or_screen(started):
    app = started()
    app.toast("Genoa opens on 10 April")
    for _ in range(90):          # a second and a half of frames: it has been seen
        app.step()
    assert app.toasts
    press(app, pygame.K_l)       # to the ledger
    assert app.top.name == "ledger"
    assert app.toasts == []


def test_a_fresh_notice_survives_the_change_of_screen_it_comes_with(started):
    app = started()
    app.toast("Decide first")
    app.switch(type(app.top)(app))
    assert [t[0] for t in app.toasts] == ["Decide first"]


def test_a_click_on_a_ledger_tab_under_a_notice_still_reaches_the_tab(started):
    app = started()
    press(app, pygame.K_l)
    ledger = app.top
    other = next(t for t in ledger.tabs if t != ledger.tab)
    app.toast("An old notice")
    for _ in range(90):
        app.step()
    click(app, ledger.tabs[other])
    assert app.toasts == []
    assert app.top.tab == other
