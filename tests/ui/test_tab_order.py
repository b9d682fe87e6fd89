"""Tab walks every screen in reading order: within a column (controls whose widths overlap) it never
goes back up. The advisor's card is read first and the bottom bar last, each as a layer of its own."""
from __future__ import annotations

import itertools

import pytest

from game.ui.controls import layer
from game.ui.screenshot import SCREENS, SETUPS


def _jumps_up(ui, tol: int = 4) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    items = ui.reachable()
    out = []
    for a, b in itertools.combinations(items, 2):
        if layer(a) != layer(b):
            continue
        ra, rb = a.area, b.area
        same_column = min(ra.right, rb.right) - max(ra.left, rb.left) > 0
        if same_column and rb.top < ra.top - tol:
            out.append((_name(a), _name(b)))
    return out


def _name(c) -> str:  # type: ignore[no-untyped-def]
    return f"{c.kind} {getattr(c.element, 'text', '') if c.element is not None else c.power_id} at {tuple(c.area)}"


@pytest.mark.parametrize("screen", [s for s in SCREENS if s != "projector"])
@pytest.mark.parametrize("size,text", [((1280, 720), "normal"), ((1024, 600), "largest")])
def test_tab_follows_reading_order(make_app, screen, size, text):
    app = make_app(size, advisor=True, text_size=text)
    SETUPS[screen](app, None)
    for _ in range(3):
        app.step()
    ui = app.top.ui
    assert ui.reachable(), f"{screen}: nothing to reach with Tab"
    assert _jumps_up(ui) == [], f"{screen}: Tab goes back up"


def test_the_map_reads_the_map_then_the_papers_then_the_dispatches(started):
    app = started(stage="midgame")
    groups = [c.group for c in app.top.ui.reachable() if c.group in ("powers", "papers", "news")]
    assert groups and groups == sorted(groups, key=["powers", "papers", "news"].index)
