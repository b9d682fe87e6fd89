"""Fixtures for the window's tests: a steppable app with its own settings
folder, synthetic input, and a scenario with a tenth power.

Everything runs headless (tests/conftest.py sets SDL's dummy drivers)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pygame
import pytest

from game.engine.rules import Rules

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    # pygame_gui asks for fonts to be preloaded; the window loads them on first use on purpose.
    config.addinivalue_line("filterwarnings", "ignore:.*not already loaded.*:UserWarning")


@pytest.fixture(autouse=True)
def _own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the developer's real settings or saves."""
    monkeypatch.setenv("RAPALLO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RAPALLO_SAVES", str(tmp_path / "saves"))


@pytest.fixture
def make_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    from game.ui.app import App
    from game.ui.settings import Settings

    def make(size: tuple[int, int] = (1280, 720), **settings: object) -> App:
        if pygame.display.get_init():
            pygame.event.clear()
        st = Settings(window_size=size, advisor=bool(settings.pop("advisor", False)), **settings)  # type: ignore[arg-type]
        return App(size, st, settings_dir=tmp_path / "config")

    return make


@pytest.fixture(scope="session")
def extra_powers() -> Rules:
    from game.content import SCENARIOS
    from game.scenario.loader import load_rules
    return load_rules(FIXTURES / "genoa_extra_powers.yaml", extra_dirs=[SCENARIOS])


# --- synthetic input -----------------------------------------------------------------------

def key(k: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def press(app, k: int, mod: int = 0, frames: int = 2) -> None:  # type: ignore[no-untyped-def]
    app.step([key(k, mod)])
    for _ in range(frames):
        app.step()


def click_at(app, pos: tuple[int, int], frames: int = 4) -> None:  # type: ignore[no-untyped-def]
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))])
    app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
              pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)])
    for _ in range(frames):
        app.step()


def click(app, element, frames: int = 4) -> None:  # type: ignore[no-untyped-def]
    click_at(app, element.rect.center, frames)


def button(app, text: str):  # type: ignore[no-untyped-def]
    """The top screen's enabled button with this text."""
    ui = app.top.ui
    for c in ui.order:
        if c.kind == "button" and c.element is not None and c.element.text == text and c.usable:
            return c.element
    raise AssertionError(f"no usable button {text!r} on {app.top.name}: "
                         f"{[c.element.text for c in ui.order if c.kind == 'button']}")


def tab_to(app, element, limit: int = 200) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until the keyboard focus is on this element (the test only reads where focus is)."""
    for _ in range(limit):
        f = app.top.ui.focus
        if f is not None and f.element is element:
            return
        press(app, pygame.K_TAB, frames=0)
    raise AssertionError(f"Tab never reached {element}")


@pytest.fixture
def started(make_app):  # type: ignore[no-untyped-def]
    """An app with a new game of Genoa on the map, the first decision taken."""
    from game.ui import demo

    def start(size: tuple[int, int] = (1280, 720), stage: str = "start", **settings: object) -> Iterator:
        app = make_app(size, **settings)
        session = getattr(demo, stage)()
        demo.decide_all(session)
        app.start(session)
        app.step()
        return app

    return start
