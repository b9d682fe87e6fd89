"""``python main.py --screenshot``: no window needed, a PNG, exit 0; clear errors otherwise."""
from __future__ import annotations

import os
import subprocess
import sys

import pygame
import pytest

from tests.conftest import ROOT


def _run(*args: str, tmp) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["RAPALLO_CONFIG_DIR"] = str(tmp)
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=env)


def test_a_screenshot_needs_no_window(tmp_path):
    out = tmp_path / "shot.png"
    done = _run("--screenshot", str(out), "--screen", "map", "--size", "960x540", "--frames", "2", tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert pygame.image.load(str(out)).get_size() == (960, 540)


def test_a_bad_screen_name_is_a_usage_error(tmp_path):
    done = _run("--screenshot", str(tmp_path / "x.png"), "--screen", "attic", tmp=tmp_path)
    assert done.returncode == 2 and "unknown screen 'attic'" in done.stderr and "Traceback" not in done.stderr
    done = _run("--screenshot", str(tmp_path / "x.png"), "--size", "huge", tmp=tmp_path)
    assert done.returncode == 2 and "1280x720" in done.stderr


def test_a_size_out_of_range_says_the_range():
    from game.ui.screenshot import parse_size
    with pytest.raises(ValueError, match="from 640x480 to 7680x4320"):
        parse_size("100000x100000")
    with pytest.raises(ValueError, match="out of range"):
        parse_size("50x50")
    assert parse_size(" 1024 x 600 ") == (1024, 600)


def test_a_screenshot_takes_the_ui_scale_and_refuses_one_the_settings_do_not_offer(tmp_path):
    out = tmp_path / "big.png"
    done = _run("--screenshot", str(out), "--size", "1280x720", "--ui-scale", "1.5", "--frames", "1", tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    big = pygame.image.load(str(out))
    assert big.get_size() == (1280, 720)
    done = _run("--screenshot", str(tmp_path / "plain.png"), "--size", "1280x720", "--frames", "1", tmp=tmp_path)
    plain = pygame.image.load(str(tmp_path / "plain.png"))
    assert pygame.image.tostring(big, "RGB") != pygame.image.tostring(plain, "RGB")   # the menu is drawn larger
    from game.ui.screenshot import parse_ui_scale
    assert parse_ui_scale("1.5") == 1.5 and parse_ui_scale(None) == 1.0
    done = _run("--screenshot", str(tmp_path / "x.png"), "--ui-scale", "3", tmp=tmp_path)
    assert done.returncode == 2 and "from 0.75 to 2.0" in done.stderr and "Traceback" not in done.stderr
    done = _run("--screenshot", str(tmp_path / "x.png"), "--ui-scale", "big", tmp=tmp_path)
    assert done.returncode == 2 and "must be a number" in done.stderr
