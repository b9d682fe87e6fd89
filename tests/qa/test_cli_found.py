"""Defects found by using the command line as a hostile user would (QA pass, 2026-11-30)."""
from __future__ import annotations

import os

from game.cli import main


def test_validate_of_a_pipe_or_device_says_what_it_is(tmp_path, capsys):
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    for target, kind in ((str(fifo), "a pipe (FIFO)"), ("/dev/zero", "a device")):
        assert main(["validate", target]) == 2
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0
        assert f"this is {kind}, not a scenario file" in err, err
        assert "part of this path" not in err


def test_a_screenshot_to_a_place_that_cannot_be_written_is_one_line_not_a_traceback(capsys):
    assert main(["--screenshot", "/proc/rapallo-shot.png", "--size", "800x600"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err
    assert err.startswith("error: --screenshot /proc/rapallo-shot.png: ") and "Couldn't open" in err, err
