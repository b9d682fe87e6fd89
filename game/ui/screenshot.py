"""``python main.py --screenshot FILE [--screen NAME] [--scenario ID] [--frames N] [--size WxH]
[--text-size small|normal|large|largest] [--ui-scale 0.75..2.0]``:
render a screen with no window (SDL's dummy driver), write a PNG, exit 0.

Screens: menu (default), newgame, scenarios, settings, map, power, home,
negotiation, side_talks (the negotiation screen as a power other than the hub, with
a partner of its side talks), conference, event, ledger, end, help, save, load, pause, and the
classroom's classroom (setup), privacy, facilitator, projector and debrief, and the
encyclopedia (over the map).
The game screens show a game of the chosen scenario set up by
``game.ui.demo`` at a fitting point; the classroom ones a session set up by
``game.ui.screens.classroom_privacy.demo``.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Callable

SCREENS = ("menu", "newgame", "scenarios", "settings", "map", "power", "home", "negotiation", "side_talks", "conference",
           "event", "treaty", "ledger", "end", "help", "save", "load", "pause", "classroom", "privacy", "facilitator",
           "projector", "debrief", "encyclopedia")


#: The smallest and largest picture ``--size`` draws (the largest is an 8K screen).
SIZE_MIN, SIZE_MAX = (640, 480), (7680, 4320)


def parse_size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{1,9})\s*[xX]\s*(\d{1,9})\s*", text or "")
    if not m:
        raise ValueError(f"--size must look like 1280x720, not {text!r}")
    w, h = int(m.group(1)), int(m.group(2))
    if not (SIZE_MIN[0] <= w <= SIZE_MAX[0] and SIZE_MIN[1] <= h <= SIZE_MAX[1]):
        raise ValueError(f"--size {w}x{h} is out of range: from {SIZE_MIN[0]}x{SIZE_MIN[1]} "
                         f"to {SIZE_MAX[0]}x{SIZE_MAX[1]}")
    return w, h


def parse_ui_scale(text: str | None) -> float:
    """``--ui-scale``: a number in the range the settings screen offers (one line if not)."""
    from game.errors import UsageError
    from game.ui.settings import UI_SCALE_RANGE
    if text is None:
        return 1.0
    lo, hi = UI_SCALE_RANGE
    try:
        value = float(text)
    except ValueError:
        raise UsageError(f"--ui-scale must be a number from {lo} to {hi}, not {text!r}") from None
    if not lo <= value <= hi:
        raise UsageError(f"--ui-scale {text} is out of range: from {lo} to {hi}")
    return value


def screenshot(args: argparse.Namespace) -> int:
    from game.errors import UsageError
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    name = (getattr(args, "screen", None) or "menu").lower()
    if name not in SCREENS:
        raise UsageError(f"unknown screen {name!r}; screens: {', '.join(SCREENS)}")
    try:
        size = parse_size(getattr(args, "size", "1280x720"))
    except ValueError as e:
        raise UsageError(str(e)) from None
    frames = max(1, int(getattr(args, "frames", 3) or 1))
    from game.ui.settings import TEXT_SIZES
    text_size = (getattr(args, "text_size", None) or "normal").lower()
    if text_size not in TEXT_SIZES:
        raise UsageError(f"unknown text size {text_size!r}; sizes: {', '.join(TEXT_SIZES)}")
    ui_scale = parse_ui_scale(getattr(args, "ui_scale", None))
    surface = render(name, size, getattr(args, "shot_scenario", None), frames, text_size=text_size, ui_scale=ui_scale)
    import pygame
    out = Path(args.screenshot)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    try:
        pygame.image.save(surface, str(out))
    except pygame.error as e:   # a place that cannot be written (/proc, a read-only disk): one line, not a traceback
        raise UsageError(f"--screenshot {out}: {e}") from None
    print(f"wrote {out} ({name}, {size[0]}x{size[1]})", file=sys.stderr)
    return 0


def render(name: str, size: tuple[int, int], scenario: str | None = None, frames: int = 3,
           settings_dir: Path | None = None, colour_blind: bool = False,
           text_size: str = "normal", ui_scale: float = 1.0):  # type: ignore[no-untyped-def]
    """The named screen after ``frames`` frames, as a surface (the app's display)."""
    from game.ui.app import App
    from game.ui.settings import Settings
    settings = Settings(window_size=size, advisor=False, colour_blind=colour_blind, text_size=text_size,
                        ui_scale=ui_scale)
    folder = settings_dir or Path(tempfile.mkdtemp(prefix="rapallo-shot-"))
    app = App(size, settings, settings_dir=folder)
    SETUPS[name](app, scenario)
    for _ in range(frames):
        app.step()
    return app.surface


def _menu(app, scenario) -> None:  # type: ignore[no-untyped-def]
    pass


def _push(module: str, cls: str) -> Callable:  # type: ignore[type-arg]
    def setup(app, scenario) -> None:  # type: ignore[no-untyped-def]
        import importlib
        screen = getattr(importlib.import_module(f"game.ui.screens.{module}"), cls)
        app.push(screen(app))
    return setup


def _game(stage: str, then: Callable | None = None) -> Callable:  # type: ignore[type-arg]
    def setup(app, scenario) -> None:  # type: ignore[no-untyped-def]
        from game.ui import demo
        session = getattr(demo, stage)(scenario)
        if stage != "start":
            demo.decide_all(session)
        app.start(session)
        if then is not None:
            then(app)
    return setup


def _open(module: str, cls: str, *args: object) -> Callable:  # type: ignore[type-arg]
    def then(app) -> None:  # type: ignore[no-untyped-def]
        import importlib
        screen = getattr(importlib.import_module(f"game.ui.screens.{module}"), cls)
        app.push(screen(app, *args))
    return then


def _negotiation(app) -> None:  # type: ignore[no-untyped-def]
    from game.ui.screens.negotiation import NegotiationScreen
    s = app.session
    screen = NegotiationScreen(app, counterpart="germany" if "germany" in s.rules.powers else None)
    app.push(screen)
    screen.draft_demo()


def _side_talks(app, scenario) -> None:  # type: ignore[no-untyped-def]
    from game.engine.sidetalks import shared_topics
    from game.ui import demo
    from game.ui.screens.negotiation import NegotiationScreen
    rules = demo.load_rules(scenario)
    pairs = [(a, b) for a in rules.powers for b in rules.powers if a != b and shared_topics(rules, a, b)]
    pairs.sort(key=lambda ab: ab != ("germany", "britain"))     # Genoa: Germany asks London for relief
    s = demo.start(scenario, *(pairs[0][:1] if pairs else ()))
    demo.advance(s, 2)
    app.start(s)
    screen = NegotiationScreen(app, counterpart=pairs[0][1] if pairs else None)
    app.push(screen)
    screen.draft_demo()


def _treaty(app) -> None:  # type: ignore[no-untyped-def]
    from game.ui.screens.announcement import AnnouncementScreen, treaty_announcement
    s = app.session
    app.push(AnnouncementScreen(app, treaty_announcement(s.rules, s.state.treaties[-1], s.state)))


def _power(app) -> None:  # type: ignore[no-untyped-def]
    from game.ui.screens.power import PowerScreen
    partners = app.session.rules.partners
    app.push(PowerScreen(app, "britain" if "britain" in partners else partners[0]))


SETUPS: dict[str, Callable] = {  # type: ignore[type-arg]
    "menu": _menu,
    "newgame": _push("newgame", "NewGameScreen"),
    "scenarios": _push("scenarios", "ScenariosScreen"),
    "settings": _push("settings", "SettingsScreen"),
    "help": _push("help", "HelpScreen"),
    "map": _game("midgame"),
    "power": _game("midgame", _power),
    "home": _game("midgame", _open("home", "HomeScreen")),
    "negotiation": _game("midgame", _negotiation),
    "side_talks": _side_talks,
    "conference": _game("midgame", _open("conference", "ConferenceScreen")),
    "event": _game("start"),
    "treaty": _game("midgame", _treaty),
    "ledger": _game("midgame", _open("ledger", "LedgerScreen")),
    "end": _game("finished"),
    "save": _game("midgame", _open("saveload", "SaveScreen")),
    "load": _push("saveload", "LoadScreen"),
    "pause": _game("midgame", _open("pause", "PauseScreen")),
    "classroom": _push("classroom_setup", "ClassroomSetupScreen"),
    "privacy": lambda app, sc: _classroom(app, sc, "classroom_privacy", "PrivacyScreen", "germany"),
    "facilitator": lambda app, sc: _classroom(app, sc, "classroom_facilitator", "FacilitatorScreen", True),
    "projector": lambda app, sc: _classroom(app, sc, "classroom_projector", "ProjectorScreen"),
    "debrief": lambda app, sc: _classroom(app, sc, "classroom_debrief", "DebriefScreen"),
    "encyclopedia": _game("midgame", lambda app: (app.step(), _open("encyclopedia", "EncyclopediaScreen")(app))),
}


def _classroom(app, scenario, module: str, cls: str, *args: object) -> None:  # type: ignore[no-untyped-def]
    """A classroom session some rounds in (game.ui.screens.classroom_privacy.demo), showing one screen."""
    import importlib
    from game.ui.screens.classroom_privacy import demo
    demo(app, scenario)
    app.switch(getattr(importlib.import_module(f"game.ui.screens.{module}"), cls)(app, *args))
