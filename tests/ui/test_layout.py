"""Every screen at the smallest, the usual and a large window, with the largest text: no text is
clipped by its widget and no two texts overlap. Measured on the laid-out pygame_gui elements (the
font each one draws with), so that a layout written in fixed pixel widths shows up here."""
from __future__ import annotations

import pygame
import pytest
from pygame_gui.elements import UIButton, UICheckBox, UIDropDownMenu, UIHorizontalSlider, UILabel

from game.ui.controls import text_room, text_width
from game.ui import screenshot
from game.ui.screenshot import SETUPS

SIZES = [(1024, 600), (1280, 720), (1920, 1080)]


def _texts(app) -> list[tuple[str, pygame.Rect, object]]:  # type: ignore[no-untyped-def]
    """(text, the rect its letters take, element) for each visible piece of text on the top screen."""
    out = []
    root = app.top.root
    for el in app.manager.get_sprite_group().sprites():
        if not getattr(el, "visible", False) or not el.alive():
            continue
        if isinstance(el, UILabel) and isinstance(getattr(el, "parent_element", None), UICheckBox):
            continue  # measured with its check box
        if isinstance(el, (UIButton, UILabel, UICheckBox)) and _inside(el, root) and not _in_dropdown(el):
            text = el.text_label.text if isinstance(el, UICheckBox) else el.text
            if not text:
                continue
            out.append((text, _ink(el, text), el))
    return out


def _parents(el) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The containers an element sits in, innermost first (the window's root holds itself)."""
    out, c = [], el.ui_container
    while c is not None and c not in out:
        out.append(c)
        c = getattr(c, "ui_container", None)
    return out


def _inside(el, root) -> bool:  # type: ignore[no-untyped-def]
    return any(c is root for c in _parents(el))


def _in_dropdown(el) -> bool:  # type: ignore[no-untyped-def]
    """Part of a drop-down or a slider (pygame_gui's own pieces: a list, the − and + arrows)."""
    return any(isinstance(x, (UIDropDownMenu, UIHorizontalSlider)) for c in [el, *_parents(el)]
               for x in (c, getattr(c, "parent_element", None)))


def _ink(el, text: str) -> pygame.Rect:  # type: ignore[no-untyped-def]
    """Where the letters are: the widget for a button; for a label, the text's own width at its alignment."""
    if isinstance(el, UICheckBox):
        lab = el.text_label
        return pygame.Rect(el.rect.x, el.rect.y, lab.rect.x - el.rect.x + text_width(el, text), el.rect.height)
    if isinstance(el, UIButton):
        return pygame.Rect(el.rect)
    w = text_width(el, text)
    align = getattr(el, "text_horiz_alignment", "left")
    x = el.rect.x if align == "left" else el.rect.right - w if align == "right" else el.rect.centerx - w // 2
    h = min(el.rect.height, el.font.get_rect(text).height if el.font is not None else el.rect.height)
    return pygame.Rect(x, el.rect.centery - h // 2, w, h)


def _check(app, where: str) -> None:  # type: ignore[no-untyped-def]
    texts = _texts(app)
    assert texts, f"{where}: no text found on the screen"
    problems = []
    for text, ink, el in texts:
        if text_width(el, text) > text_room(el) + 1:
            problems.append(f"clipped: {text!r} needs {text_width(el, text)} px, has {text_room(el)}")
    for i, (a, ra, ea) in enumerate(texts):
        for b, rb, eb in texts[i + 1:]:
            overlap = ra.clip(rb)
            # A line's box includes the font's ascent and descent: boxes of stacked lines that touch
            # by a little are tight leading, not letters over letters. More than 30% is a collision.
            if overlap.width > 2 and overlap.height > 0.3 * min(ra.height, rb.height):
                problems.append(f"overlap: {a!r} {tuple(ra)} and {b!r} {tuple(rb)}")
    assert not problems, f"{where}:\n" + "\n".join(problems)


def _app(size, tmp_path):  # type: ignore[no-untyped-def]
    from game.ui.app import App
    from game.ui.settings import Settings
    return App(size, Settings(window_size=size, advisor=False, text_size="largest"), settings_dir=tmp_path)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_game_screen_clips_or_overlaps_text_at_the_largest_text_size(size, tmp_path):
    # One game in the middle for all the screens that show it (setting a game up is the slow part).
    app = _app(size, tmp_path)
    SETUPS["map"](app, None)
    app.step()
    checked = []
    for name, open_ in (("map", None), ("power", screenshot._power),
                        ("home", screenshot._open("home", "HomeScreen")), ("negotiation", screenshot._negotiation),
                        ("conference", screenshot._open("conference", "ConferenceScreen")),
                        ("ledger", screenshot._open("ledger", "LedgerScreen")),
                        ("pause", screenshot._open("pause", "PauseScreen")),
                        ("save", screenshot._open("saveload", "SaveScreen"))):
        if open_ is not None:
            open_(app)
        app.step()
        app.step()
        _check(app, f"{name} at {size[0]}x{size[1]}, largest text")
        checked.append(app.top.name)
        if open_ is not None:
            app.pop()
            app.step()
    assert len(checked) == 8


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", ["event", "end", "menu", "newgame", "scenarios", "settings", "help", "load"])
def test_no_other_screen_clips_or_overlaps_text_at_the_largest_text_size(screen, size, tmp_path):
    app = _app(size, tmp_path)
    SETUPS[screen](app, None)
    app.step()
    app.step()
    _check(app, f"{screen} at {size[0]}x{size[1]}, largest text")
