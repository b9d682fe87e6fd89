"""A side-talk term already in force between the two powers is greyed out at the negotiation table and says
"(in force)" in words, as Moscow's clauses in force are: the keyboard still reaches it, its hint says why,
and Space does not put it in the draft. The other terms of the topic stay open."""
from __future__ import annotations

import pygame
import pytest

from game.engine.clauses import Clause
from game.engine.sidetalks import normalise_terms
from game.engine.treaties import sign_treaty
from game.ui import demo
from tests.ui.conftest import press, tab_to

SIGNED = "partial_moratorium"


@pytest.fixture
def germany_with_relief_signed(make_app):  # type: ignore[no-untyped-def]
    app = make_app()
    s = demo.start(None, "germany", seed=3)
    demo.decide_all(s)
    sign_treaty(s.rules, s.state, ["germany", "britain"], list(normalise_terms(s.rules, [Clause.of(SIGNED)])),
                "", ["germany"], hub_party=False)
    app.start(s)
    app.step()
    while app.top.name == "event":
        press(app, pygame.K_RETURN)
    press(app, pygame.K_n)
    assert app.top.name == "negotiation"
    neg = app.top
    tab_to(app, neg.w_counterpart)
    for _ in range(12):
        if neg.counterpart == "britain":
            break
        press(app, pygame.K_RIGHT, frames=0)
    assert neg.counterpart == "britain"
    return app, s


def test_the_term_in_force_is_marked_in_words_and_cannot_be_drafted(germany_with_relief_signed) -> None:  # type: ignore[no-untyped-def]
    app, s = germany_with_relief_signed
    neg = app.top
    rows = {r.type: r for r in neg.rows}
    assert rows[SIGNED].title.endswith("(in force)") and not rows[SIGNED].allowed
    assert "already in force between you and Britain" in rows[SIGNED].tooltip
    check = neg.row_widgets[SIGNED]["check"]
    tab_to(app, check)                                      # the keyboard reaches it, to read why
    hint = app.top.ui.hint()
    assert hint is not None and "already in force" in hint.tooltip
    press(app, pygame.K_SPACE)
    assert SIGNED not in neg.draft


def test_the_other_terms_of_the_topic_stay_open(germany_with_relief_signed) -> None:  # type: ignore[no-untyped-def]
    app, s = germany_with_relief_signed
    neg = app.top
    rows = {r.type: r for r in neg.rows}
    assert rows["german_reforms"].allowed and "(in force)" not in rows["german_reforms"].title
    tab_to(app, neg.row_widgets["german_reforms"]["check"])
    press(app, pygame.K_SPACE)
    assert set(neg.draft) == {"german_reforms"}
