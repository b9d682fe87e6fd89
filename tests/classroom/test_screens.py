"""The classroom in the window: setup, hot-seat privacy, the facilitator's console and the projector."""
from __future__ import annotations

import pygame
import pytest

from game.engine.strings import news_text
from game.ui.screens.classroom_facilitator import FacilitatorScreen
from game.ui.screens.classroom_privacy import PrivacyScreen, demo
from game.ui.screens.classroom_projector import ProjectorScreen
from game.ui.demo import decide_all
from game.saves.session import Session
from tests.ui.conftest import button, click, make_app  # noqa: F401 - make_app is a fixture


@pytest.fixture(autouse=True)
def _own_config(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RAPALLO_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RAPALLO_SAVES", str(tmp_path / "saves"))


@pytest.fixture(autouse=True, scope="module")
def _forget_fonts_afterwards():  # type: ignore[no-untyped-def]
    """game.ui.text keeps Font objects for the process; a later test that quits pygame.font
    (tests/test_fonts.py) would leave them dead for the window tests after it."""
    yield
    from game.ui import text
    text._fonts.clear()
    text.clear_cache()


def _pixels(app) -> bytes:  # type: ignore[no-untyped-def]
    for _ in range(3):
        app.step()
    return pygame.image.tobytes(app.surface, "RGB")


def _privacy_after(app, seat: str) -> bytes:  # type: ignore[no-untyped-def]
    """The privacy screen for Germany, drawn right after ``seat``'s delegation had the map."""
    cls = app.classroom
    app.start(Session(cls.game, seat))
    app.toast(f"{seat} did something secret")
    for _ in range(3):
        app.step()
    app.switch(PrivacyScreen(app, "germany"))
    return _pixels(app)


def test_the_privacy_screen_keeps_nothing_of_the_previous_delegation(make_app) -> None:  # noqa: F811
    app = make_app()
    demo(app, rounds=1)
    after_soviets = _privacy_after(app, "soviet_russia")
    after_britain = _privacy_after(app, "britain")
    assert after_soviets == after_britain
    app.start(Session(app.classroom.game, "britain"))
    assert _pixels(app) != after_britain, "the delegation's own screen does differ"


def test_ending_a_turn_passes_the_machine_to_the_next_delegation(make_app) -> None:  # noqa: F811
    app = make_app()
    cls = demo(app, rounds=0)
    first = cls.current_seat()
    app.switch(PrivacyScreen(app, first))
    app.step()
    click(app, button(app, "We are ready"))
    assert app.session.power == first and app.top.name in ("map", "event")
    decide_all(app.session)
    app.end_turn()
    assert app.top.name == "privacy" and app.top.delegation != first and app.session is None


def test_the_console_opens_only_with_the_pin(make_app) -> None:  # noqa: F811
    app = make_app()
    demo(app, rounds=0)
    app.switch(FacilitatorScreen(app))
    app.step()
    screen = app.top
    screen.pin.set_text("1111")
    screen.try_pin()
    assert not screen.unlocked and screen.l_msg.text == "That PIN is not right."
    screen.pin.set_text("1922")
    screen.try_pin()
    assert screen.unlocked and button(app, "Advance the round")


def test_advancing_from_the_console_starts_a_new_round_and_logs_it(make_app) -> None:  # noqa: F811
    app = make_app()
    cls = demo(app, rounds=0)
    app.switch(FacilitatorScreen(app, unlocked=True))
    app.step()
    click(app, button(app, "Advance the round"))
    assert cls.game.state.turn == 1
    assert any(a.command == "advance" and a.seat == "facilitator" for a in cls.game.actions)
    assert len(cls.round_starts) == 2


def test_the_projector_shows_no_secret(make_app) -> None:  # noqa: F811
    app = make_app()
    cls = demo(app, rounds=2)
    app.switch(ProjectorScreen(app))
    app.step()
    shown = " ".join(str(getattr(c, "html_text", "") or getattr(c, "text", ""))
                     for c in app.top.root.elements)
    sc = cls.game.rules.scenario
    assert "Round 3" in shown and "Telegram from Moscow" in shown
    secrets = [r.briefing[:40] for r in sc.roles.values()] + [o.title for r in sc.roles.values() for o in r.objectives]
    secrets += [news_text(n)[:40] for n in cls.game.state.news if n["kind"] in ("proposal", "answer", "mission")]
    assert secrets and not [s for s in secrets if s in shown]


def test_revealing_puts_every_delegations_objectives_on_the_projector(make_app) -> None:  # noqa: F811
    app = make_app()
    cls = demo(app, rounds=1)
    cls.set_revealed(True)
    app.switch(ProjectorScreen(app))
    app.step()
    shown = " ".join(str(getattr(c, "html_text", "") or getattr(c, "text", "")) for c in app.top.root.elements)
    assert "De jure recognition by a great power" in shown and "The tsarist debts acknowledged to France" in shown


def test_the_menu_opens_the_setup_which_refuses_a_bad_pin_and_starts_with_a_good_one(make_app) -> None:  # noqa: F811
    app = make_app()
    app.step()
    click(app, app.top.buttons["classroom"])
    assert app.top.name == "classroom_setup"
    click(app, button(app, "Draw the roles"))
    assert "Student 12:" in app.top.cast_html
    app.top.e_pin.set_text("12")
    click(app, button(app, "Start the session"))
    assert app.top.name == "classroom_setup" and "4 to 8 digits" in app.top.l_msg.text
    app.top.e_pin.set_text("4321")
    click(app, button(app, "Start the session"))
    assert app.top.name == "privacy" and app.classroom.unlock("4321")
    assert app.classroom.save_to is not None and app.classroom.save_to.is_file()
