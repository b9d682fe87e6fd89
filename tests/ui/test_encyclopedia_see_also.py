"""The encyclopedia's "see also" buttons reach every name an entry mentions, by keyboard and by mouse: when
two rows do not hold them all (large text, a small window), a "More" button shows the next rows, and from
the last page the first again. No button leaves the card or covers the close button."""
from __future__ import annotations

import pygame

from tests.ui.conftest import press, tab_to


def _wordy_entry(ency) -> str:  # type: ignore[no-untyped-def]
    """An entry whose text names a dozen others (the shipped entries name four at most): the one on Chicherin."""
    g = ency.glossary
    others = [e for e in g.entries if e.id != "chicherin"][:12]
    text = "He met " + ", ".join(e.term for e in others) + "."
    g.by_id["chicherin"] = g.by_id["chicherin"].model_copy(update={"text": text})
    assert len([n for n in g.entries_in(text) if n != "chicherin"]) >= 10
    return "chicherin"


def _see_buttons(ency) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {c.element.text: c.element for c in ency.ui.order if c.group == "see" and c.element is not ency.b_more}


def test_every_see_also_name_is_reached_through_the_more_button_by_keyboard(started) -> None:  # type: ignore[no-untyped-def]
    app = started(size=(1024, 600), text_size="largest")
    press(app, pygame.K_F2)
    ency = app.top
    g = ency.glossary
    entry = _wordy_entry(ency)
    ency.open(entry)
    app.step()
    names = {g.by_id[n].term for n in g.entries_in(g.by_id[entry].text) if n != entry}
    assert len(names) >= 4
    more = [c for c in ency.ui.order if c.group == "see" and c.element is getattr(ency, "b_more", None)]
    assert more, "a dozen names need more than two rows"
    card = ency.r(*ency.box)
    close = ency.close.get_abs_rect() if hasattr(ency.close, "get_abs_rect") else ency.close.rect
    seen: set[str] = set()
    for _ in range(len(names) + 1):
        shown = _see_buttons(ency)
        assert shown
        for b in shown.values():
            rect = b.rect  # type: ignore[attr-defined]
            assert card.contains(rect) and not rect.colliderect(close), (b.text, rect)  # type: ignore[attr-defined]
        seen |= set(shown)
        tab_to(app, ency.b_more)
        press(app, pygame.K_RETURN)
        assert ency.current == entry and app.top is ency
        assert ency.ui.focus.element is ency.b_more      # the keyboard stays on "More"
        if ency.see_page == 0:
            break
    assert seen == names


def test_the_more_button_shows_the_next_names_on_a_mouse_click(started) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import click_at
    app = started(size=(1024, 600), text_size="largest")
    press(app, pygame.K_F2)
    ency = app.top
    g = ency.glossary
    entry = _wordy_entry(ency)
    ency.open(entry)
    app.step()
    first = set(_see_buttons(ency))
    click_at(app, ency.b_more.rect.center)
    assert ency.see_page == 1 and set(_see_buttons(ency)) - first
