"""A person playing a power other than Moscow opens side talks at the window's
negotiation table: Germany asks London for reparations relief, by keyboard."""
from __future__ import annotations

import pygame
import pytest

from game.ui import demo
from tests.ui.conftest import press, tab_to


@pytest.fixture
def germany_at_the_table(make_app):  # type: ignore[no-untyped-def]
    app = make_app()
    s = demo.start(None, "germany", seed=3)
    demo.decide_all(s)
    app.start(s)
    app.step()
    while app.top.name == "event":
        press(app, pygame.K_RETURN)
    press(app, pygame.K_n)
    assert app.top.name == "negotiation"
    return app, s


def _choose(app, neg, power: str) -> None:  # type: ignore[no-untyped-def]
    tab_to(app, neg.w_counterpart)
    for _ in range(12):
        if neg.counterpart == power:
            break
        press(app, pygame.K_RIGHT, frames=0)
    assert neg.counterpart == power


def test_germany_may_draft_for_moscow_and_for_the_allies_it_shares_relief_talks_with(germany_at_the_table):
    app, s = germany_at_the_table
    neg = app.top
    assert neg.others == ["soviet_russia", "britain", "france"]


def test_germany_picks_britain_sees_the_relief_terms_and_sends_them(germany_at_the_table):
    app, s = germany_at_the_table
    neg = app.top
    _choose(app, neg, "britain")
    titles = {r.type: r.title for r in neg.rows}
    assert set(titles) == {"partial_moratorium", "german_reforms", "western_pledge"}
    assert titles["partial_moratorium"].startswith("Support for a partial moratorium")
    assert "credits" not in neg.row_widgets                      # Moscow's clause types are gone
    for term in ("partial_moratorium", "german_reforms"):
        tab_to(app, neg.row_widgets[term]["check"])
        press(app, pygame.K_SPACE)
    assert set(neg.draft) == {"partial_moratorium", "german_reforms"}
    tab_to(app, neg.b_send)
    press(app, pygame.K_RETURN)
    sent = [p for p in s.state.proposals if p.sender == ["germany"] and p.receivers == ["britain"]]
    assert len(sent) == 1
    assert sorted(c.type for c in sent[0].clauses) == ["german_reforms", "partial_moratorium"]
    assert neg.mode() == "sent"


def test_the_estimate_card_gives_britains_reasons_on_the_terms(germany_at_the_table):
    app, s = germany_at_the_table
    neg = app.top
    _choose(app, neg, "britain")
    tab_to(app, neg.row_widgets["partial_moratorium"]["check"])
    press(app, pygame.K_SPACE)
    vm = neg.card.vm
    assert vm.power == "britain" and vm.heading == "How Britain would weigh it"
    labels = [line.label for line in vm.lines]
    assert "support for a partial moratorium on Germany's payments for 1922" in labels
    assert any("Reparation Commission" in label for label in labels)   # a change whose condition holds
    assert vm.total == pytest.approx(sum(line.value for line in vm.lines), abs=1)


def test_a_side_talk_goes_through_the_embassy_and_back_to_moscow_clears_the_terms(germany_at_the_table):
    app, s = germany_at_the_table
    neg = app.top
    _choose(app, neg, "britain")
    assert [o.conference for o in neg.channel_options] == [None] and neg.channel_options[0].ok
    for _ in range(12):                      # the keyboard is still on the counterpart's choice
        if neg.counterpart == "soviet_russia":
            break
        press(app, pygame.K_LEFT, frames=0)
    assert neg.counterpart == "soviet_russia"
    assert "partial_moratorium" not in neg.row_widgets and "recognition" in neg.row_widgets
