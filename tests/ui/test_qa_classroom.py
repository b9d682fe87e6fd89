"""The classroom screens at the smallest window with the largest text: no two texts overlap and none is
clipped (the game screens have had this check since issue 12; the classroom ones had not)."""
from __future__ import annotations

import pytest

from game.ui.screenshot import SETUPS
from tests.ui.test_layout import _app, _check


@pytest.mark.parametrize("screen", ["classroom", "privacy", "facilitator", "projector", "debrief"])
def test_classroom_screens_keep_their_texts_apart_at_1024x600_largest(screen, tmp_path):
    app = _app((1024, 600), tmp_path)
    SETUPS[screen](app, None)
    app.step()
    app.step()
    assert app.top.name
    _check(app, f"{screen} at 1024x600, largest text")


def test_drawing_the_roles_keeps_the_pin_the_teacher_typed(tmp_path):
    app = _app((1280, 720), tmp_path)
    SETUPS["classroom"](app, None)
    app.step()
    setup = app.top
    assert hasattr(setup, "e_pin")
    setup.e_pin.set_text("5678")
    setup.draw()
    app.step()
    assert "Student 1:" in app.top.cast_html
    assert app.top.e_pin.get_text() == "5678"
