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
from tests.ui.conftest import press

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
            ink = _ink(el, text).clip(_seen(el, pygame.Rect((0, 0), app.size)))
            if ink.width and ink.height:      # a row scrolled out of its box shows nothing
                out.append((text, ink, el))
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


# --- UI scale 1.5 with the largest text (the QA pass at 1280x720 and 800x600) -----------------------

SCALED_SIZES = [(1280, 720), (800, 600)]
GAME_SCREENS = {"map": None, "power": screenshot._power, "negotiation": screenshot._negotiation,
                "home": screenshot._open("home", "HomeScreen"),
                "conference": screenshot._open("conference", "ConferenceScreen"),
                "ledger": screenshot._open("ledger", "LedgerScreen")}


def _controls_stay_apart(app, where: str) -> None:  # type: ignore[no-untyped-def]
    """Every control that can be used lies inside the window, no two widgets cover each other, and no
    label is drawn under a widget. (The map's hotspots are places on a drawing, not widgets: left out.)"""
    window = pygame.Rect((0, 0), app.size)
    controls = [c for c in app.top.ui.usable() if c.element is not None and c.area.width > 0]
    assert controls, f"{where}: no control on the screen"
    problems = [f"outside the window: {_name(c.element)} {tuple(c.area)}"
                for c in controls if not window.contains(_seen(c.element, window))]
    for i, a in enumerate(controls):
        for b in controls[i + 1:]:
            if _overlaps(_seen(a.element), _seen(b.element)):
                problems.append(f"overlap: {_name(a.element)} {tuple(a.area)} and {_name(b.element)} {tuple(b.area)}")
    for text, ink, el in _texts(app):
        if not isinstance(el, UILabel):
            continue
        ink = ink.clip(_seen(el))
        for c in controls:
            if c.element.get_top_layer() > el.get_top_layer() and _overlaps(ink, _seen(c.element)):
                problems.append(f"label under a control: {text!r} {tuple(ink)} under {_name(c.element)}")
    assert not problems, f"{where}:\n" + "\n".join(problems)


def _seen(el, window: pygame.Rect | None = None) -> pygame.Rect:  # type: ignore[no-untyped-def]
    """The part of an element its containers let show (a scrolled-away row shows nothing); with the
    window given, only the containers smaller than it clip (the window's own root would hide all)."""
    r = pygame.Rect(el.rect)
    for c in _parents(el):
        box = pygame.Rect(getattr(c, "rect", r))
        if window is None or not box.contains(window):
            r = r.clip(box)
    return r


def _overlaps(a: pygame.Rect, b: pygame.Rect) -> bool:
    o = a.clip(b)
    return o.width > 2 and o.height > 2


def _name(el) -> str:  # type: ignore[no-untyped-def]
    return repr(getattr(el, "text", None) or getattr(el, "selected_option", None) or type(el).__name__)


def _scaled_app(size, tmp_path):  # type: ignore[no-untyped-def]
    from game.ui.app import App
    from game.ui.settings import Settings
    settings = Settings(window_size=size, advisor=False, text_size="largest", ui_scale=1.5)
    return App(size, settings, settings_dir=tmp_path)


@pytest.fixture(scope="module")
def scaled_games(tmp_path_factory):  # type: ignore[no-untyped-def]
    """One game in the middle per window size (setting a game up is the slow part)."""
    apps = {}
    for size in SCALED_SIZES:
        app = _scaled_app(size, tmp_path_factory.mktemp("s"))
        SETUPS["map"](app, None)
        app.step()
        apps[size] = app
    return apps


@pytest.mark.parametrize("size", SCALED_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(GAME_SCREENS))
def test_at_ui_scale_1_5_and_the_largest_text_game_screens_keep_controls_whole_and_apart(screen, size, scaled_games):
    app = scaled_games[size]
    open_ = GAME_SCREENS[screen]
    if open_ is not None:
        open_(app)
    try:
        app.step()
        app.step()
        where = f"{screen} at {size[0]}x{size[1]}, ui scale 1.5, largest text"
        _controls_stay_apart(app, where)
        _check(app, where)
    finally:
        if open_ is not None:
            app.pop()
            app.step()


@pytest.mark.parametrize("size", SCALED_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", ["menu", "newgame", "event", "settings", "scenarios", "load", "end"])
def test_at_ui_scale_1_5_and_the_largest_text_other_screens_keep_controls_whole_and_apart(screen, size, tmp_path):
    app = _scaled_app(size, tmp_path)
    SETUPS[screen](app, None)
    app.step()
    app.step()
    where = f"{screen} at {size[0]}x{size[1]}, ui scale 1.5, largest text"
    _controls_stay_apart(app, where)
    _check(app, where)


def test_the_event_screen_shows_the_focus_ring_on_its_first_option_when_it_opens(tmp_path):
    app = _scaled_app((1280, 720), tmp_path)
    SETUPS["event"](app, None)
    app.step()
    app.step()
    ui = app.top.ui
    first = ui.focus
    assert app.top.name == "event" and first is not None and first.kind == "button"
    assert first.element.text == app.top.vm.options[0].title
    ring = app.palette.rgb("focus")
    edge = first.area.inflate(4, 4)       # the ring is drawn just outside the button
    on_edge = [app.surface.get_at((x, edge.top)) for x in range(edge.left + 10, edge.right - 10, 7)]
    assert sum(tuple(p)[:3] == tuple(ring)[:3] for p in on_edge) > len(on_edge) // 2


def test_the_focus_tip_on_the_new_game_screen_covers_no_other_scenario_and_stays_in_the_window(tmp_path):
    app = _scaled_app((1280, 720), tmp_path)
    SETUPS["newgame"](app, None)
    app.step()
    screen = app.top
    assert len(screen.list_buttons) >= 2
    window = pygame.Rect((0, 0), app.size)
    for el in [*screen.list_buttons, screen.b_start]:
        area = screen.ui.control_of(el).area
        tip = app.focus_tip_box(area, app.scale.px(320), app.scale.px(80))
        assert window.contains(tip), f"the tip of {el.text!r} runs out of the window: {tuple(tip)}"
        covered = [b.text for b in screen.list_buttons if b is not el and tip.colliderect(b.rect)]
        assert not covered, f"the tip of {el.text!r} covers {covered}"


def test_the_map_legend_goes_to_the_bottom_corner_where_it_hides_no_power_of_the_long_campaign(tmp_path):
    app = _scaled_app((800, 600), tmp_path)
    SETUPS["map"](app, "long_campaign_1921_1933")
    app.step()
    view, s = app.top.view, app.scale.s
    rows = [(pygame.Color("white"), "plain", "full relations"), (pygame.Color("white"), "plain", "Not in the game")] * 4
    corner = view.legend_corner(s, rows, "RELATIONS WITH SOVIET RUSSIA", app.scale.px(8))
    w, h = view.legend_size(s, rows, "RELATIONS WITH SOVIET RUSSIA")
    legend = pygame.Rect(corner[0] - w, corner[1] - h, w, h)
    assert view.anchor("afghanistan") is not None and view.anchor("persia") is not None
    hidden = [p for p in view.powers if view.anchor(p) is not None and legend.collidepoint(view.anchor(p))]
    assert not hidden, f"the legend {tuple(legend)} hides {hidden}"


def _scaled_game_screen(tmp_path, screen: str):  # type: ignore[no-untyped-def]
    """A game in the middle at 1280x720, UI scale 1.5 and the largest text, on ``screen``."""
    app = _scaled_app((1280, 720), tmp_path)
    SETUPS["map"](app, None)
    app.step()
    GAME_SCREENS[screen](app)
    app.step()
    app.step()
    return app


def test_page_down_scrolls_the_state_of_the_country_when_it_runs_past_its_box(tmp_path):
    """At UI scale 1.5 and the largest text, Moscow's 'state of the country' scrolls in its own box; a
    keyboard player reaches the rest of it with PageDown, and PageUp brings it back."""
    app = _scaled_game_screen(tmp_path, "home")
    ui = app.top.ui
    bars = [box.vert_scroll_bar for box, _ in ui.scrollers if getattr(box, "vert_scroll_bar", None) is not None]
    assert bars, "the state of the country should scroll at this size"
    assert bars[0].start_percentage == 0
    press(app, pygame.K_PAGEDOWN)
    app.step()
    assert bars[0].start_percentage > 0
    press(app, pygame.K_PAGEUP)
    app.step()
    assert bars[0].start_percentage == 0


def test_a_control_that_takes_the_keyboards_focus_in_a_scrolling_box_is_scrolled_into_view(tmp_path):
    """The conference's agenda scrolls at UI scale 1.5; a keyboard player who paged down and then tabs to a
    Speak button at its top sees the box scroll back to it."""
    app = _scaled_game_screen(tmp_path, "conference")
    ui = app.top.ui
    boxes = {id(box.get_container()): box for box, _ in ui.scrollers if getattr(box, "vert_scroll_bar", None)}
    assert boxes, "the conference's agenda should scroll at this size"
    press(app, pygame.K_PAGEDOWN)
    app.step()
    inside = 0
    for _ in range(len(ui.reachable()) + 1):
        press(app, pygame.K_TAB)
        app.step()
        c = ui.focus
        box = boxes.get(id(getattr(c.element, "ui_container", None))) if c is not None else None
        if box is None:
            continue
        inside += 1
        assert pygame.Rect(box.rect).contains(pygame.Rect(c.element.rect)), \
            f"{_name(c.element)} has the focus out of sight"
    assert inside, "the Speak buttons sit in the scrolling box"
