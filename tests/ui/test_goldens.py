"""A few golden images of whole screens, compared with a tolerance (Linux
only: font rasterising differs between systems). To accept new pictures
after a deliberate change: ``RAPALLO_UPDATE_GOLDENS=1 pytest tests/ui/test_goldens.py``.
On a failure the actual picture and a difference image are written beside
the golden as ``*.actual.png`` and ``*.diff.png``."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.ui.screenshot import render

GOLDENS = Path(__file__).resolve().parent / "goldens"
#: Compared at a third of the size: enough to see a broken layout, small enough to keep in git.
SIZE = (1280, 720)
SMALL = (427, 240)
PIXEL_TOLERANCE = 16          # per channel, 0..255 (font smoothing on another Linux may move a little)
SHARE_ALLOWED = 0.01          # share of pixels allowed beyond the tolerance

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="goldens are made on Linux")


def _small(surface: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array3d(pygame.transform.smoothscale(surface, SMALL)).astype(np.int16)


def _share_differing(actual: pygame.Surface, path: Path) -> tuple[float, np.ndarray, np.ndarray]:
    want = pygame.surfarray.array3d(pygame.image.load(str(path))).astype(np.int16)
    got = _small(actual)
    bad = np.any(np.abs(got - want) > PIXEL_TOLERANCE, axis=2)
    return float(bad.mean()), bad, got


@pytest.mark.parametrize("screen", ["menu", "map", "negotiation", "ledger"])
def test_screen_matches_its_golden(screen, tmp_path):
    actual = render(screen, SIZE, None, 3, settings_dir=tmp_path)
    path = GOLDENS / f"{screen}.png"
    if os.environ.get("RAPALLO_UPDATE_GOLDENS") or not path.exists():
        if not os.environ.get("RAPALLO_UPDATE_GOLDENS"):
            pytest.skip(f"no golden {path.name} yet: run with RAPALLO_UPDATE_GOLDENS=1")
        GOLDENS.mkdir(exist_ok=True)
        pygame.image.save(pygame.transform.smoothscale(actual, SMALL), str(path))
        return
    share, bad, got = _share_differing(actual, path)
    if share > SHARE_ALLOWED:
        pygame.image.save(pygame.transform.smoothscale(actual, SMALL), str(path.with_suffix(".actual.png")))
        diff = np.zeros_like(got, dtype=np.uint8)
        diff[bad] = (255, 0, 0)
        pygame.image.save(pygame.surfarray.make_surface(diff), str(path.with_suffix(".diff.png")))
    assert share <= SHARE_ALLOWED, f"{screen}: {share:.1%} of pixels differ from {path.name}"


def test_the_comparison_notices_a_changed_screen(tmp_path):
    """The same map in the colour-blind palette must not pass for the golden one."""
    path = GOLDENS / "map.png"
    if not path.exists():
        pytest.skip("no golden map.png yet")
    other = render("map", SIZE, None, 3, settings_dir=tmp_path, colour_blind=True)
    share, _, _ = _share_differing(other, path)
    assert share > SHARE_ALLOWED
