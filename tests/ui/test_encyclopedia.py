"""The encyclopedia in the window: names in the game's texts are links (underlined by pygame_gui), a
click on one opens its entry over the game and Esc leaves the game where it was; F2 offers the names
of the current screen to the keyboard; a search finds an entry by another spelling."""
from __future__ import annotations

import re

import pygame
import pygame_gui
import pytest

from game.engine.glossary import glossary_of
from game.scenario import load_rules
from game.ui.links import linked, names_on
from tests.ui.conftest import button, press, tab_to

SCENARIOS = ("return_to_europe_1921", "genoa_rapallo_1922", "long_campaign_1921_1933")
HREF = re.compile(r"href='glossary:([\w-]+)'")


def link_click(target: str) -> pygame.event.Event:
    return pygame.event.Event(pygame_gui.UI_TEXT_BOX_LINK_CLICKED, link_target=target, ui_element=None,
                              ui_object_id="")


def scenario_texts(sid: str) -> list[str]:
    sc = load_rules(sid).scenario
    texts = [sc.summary] + [e.text for e in sc.events] + [m.text for m in sc.history.timeline]
    return [t for t in texts if t]


@pytest.mark.parametrize("sid", SCENARIOS)
def test_every_glossary_name_a_scenarios_text_uses_becomes_a_link(sid: str) -> None:
    rules = load_rules(sid)
    g = glossary_of(rules.scenario.glossary)
    texts = scenario_texts(sid)
    assert len(texts) > 10
    linked_anywhere: set[str] = set()
    for text in texts:
        html = linked(text, g)
        assert set(HREF.findall(html)) == set(g.entries_in(text)), text[:60]
        linked_anywhere |= set(HREF.findall(html))
    assert len(linked_anywhere) >= 15, sorted(linked_anywhere)


def test_a_link_is_the_name_as_written_and_the_rest_is_escaped() -> None:
    g = glossary_of(load_rules("genoa_rapallo_1922").scenario.glossary)
    html = linked("Chicherin & Rathenau <signed> at Rapallo; Rapallo again.", g)
    assert html == ("<a href='glossary:chicherin'>Chicherin</a> &amp; <a href='glossary:rathenau'>Rathenau</a> "
                    "&lt;signed&gt; at <a href='glossary:rapallo_treaty'>Rapallo</a>; Rapallo again.")


def test_the_event_screen_shows_its_names_as_links(make_app) -> None:  # type: ignore[no-untyped-def]
    from game.ui import demo
    app = make_app()
    app.start(demo.start())
    app.step()
    assert app.top.name == "event"
    boxes = [el for el in app.top.root.elements if isinstance(el, pygame_gui.elements.UITextBox)]
    assert boxes and any(HREF.search(b.html_text) for b in boxes)


def test_clicking_a_link_opens_its_entry_and_esc_returns_to_the_game_unchanged(started) -> None:  # type: ignore[no-untyped-def]
    app = started()
    before = app.session.game.state_hash()
    app.step([link_click("glossary:chicherin")])
    app.step()
    assert app.top.name == "encyclopedia" and app.top.current == "chicherin"
    assert "Rapallo" in app.top.text.html_text
    app.step([link_click("glossary:rathenau")])      # a link inside the entry: the same card shows the other
    app.step()
    assert [s.name for s in app.stack].count("encyclopedia") == 1 and app.top.current == "rathenau"
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "map"
    assert app.session.game.state_hash() == before


def test_a_link_that_is_not_the_glossarys_is_left_alone(started) -> None:  # type: ignore[no-untyped-def]
    app = started()
    app.step([link_click("https://example.org")])
    app.step()
    assert app.top.name == "map"


def test_f2_offers_the_names_on_the_screen_and_the_keyboard_opens_them(started) -> None:  # type: ignore[no-untyped-def]
    app = started(stage="midgame")
    app.step()
    here = names_on(app.top, glossary_of(app.session.rules.scenario.glossary))
    assert here
    press(app, pygame.K_F2)
    ency = app.top
    assert ency.name == "encyclopedia" and ency.here == here and ency.current == here[0]
    assert ency.rows[0] == ("heading", "here")
    # Tab to a "see also" button under the entry's text, Enter: that entry.
    see = [c for c in ency.ui.order if c.group == "see"]
    assert see
    target = see[0]
    tab_to(app, target.element)
    press(app, pygame.K_RETURN)
    assert ency.current != here[0] and ency.current in ency.glossary.by_id
    assert ency.ui.focus.element is ency.list_buttons[ency.current]   # the keyboard goes on from there
    press(app, pygame.K_ESCAPE)
    assert app.top.name == "map"


def test_the_search_finds_an_entry_by_another_spelling_and_enter_opens_it(started) -> None:  # type: ignore[no-untyped-def]
    app = started()
    press(app, pygame.K_F2)
    ency = app.top
    ency.set_query("Poincare")
    assert [v for k, v in ency.rows if k == "entry"] == ["poincare"]
    ency.ui.focus_on(ency.search)
    press(app, pygame.K_RETURN)
    assert ency.current == "poincare" and "Boulogne" in ency.text.html_text
    ency.set_query("zzzz")
    assert not [v for k, v in ency.rows if k == "entry"]


def test_the_list_pages_through_every_entry_grouped_by_kind(started) -> None:  # type: ignore[no-untyped-def]
    app = started(size=(1024, 600), text_size="largest")
    press(app, pygame.K_F2)
    ency = app.top
    seen: list[str] = []
    for _ in range(40):
        seen += [v for v, b in ency.list_buttons.items()]
        if not ency.b_next.is_enabled:
            break
        ency._turn(1)
    assert set(seen) == set(ency.glossary.by_id)
    kinds = [v for k, v in ency.rows if k == "heading" and v != "here"]
    assert kinds == ["person", "place", "term", "treaty"]


def test_the_encyclopedia_is_reached_from_the_help_card_and_the_game_menu(started) -> None:  # type: ignore[no-untyped-def]
    from game.i18n import S
    app = started()
    press(app, pygame.K_F1)
    app.top.ui.activate(app.top.ui.control_of(button(app, S["ui.menu.encyclopedia"])))
    assert [s.name for s in app.stack] == ["map", "encyclopedia"]
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)        # the map's Esc: the game menu
    app.top.ui.activate(app.top.ui.control_of(button(app, S["ui.menu.encyclopedia"])))
    assert [s.name for s in app.stack] == ["map", "encyclopedia"]
