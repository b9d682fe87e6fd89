"""Whether a window can open here: shared by the launcher (play) and the classroom host's window."""
from __future__ import annotations

import os
import sys

#: Set (to 1) by bench/bench_start.py: open the window even headless, and close it after its first frame.
FIRST_FRAME_ONLY = "RAPALLO_EXIT_AFTER_FIRST_FRAME"


def display_available() -> tuple[bool, str]:
    """Whether a window can open here, and if not, why."""
    if os.environ.get(FIRST_FRAME_ONLY):  # the start benchmark: a headless window that closes after one frame
        return True, ""
    if os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen"):
        return False, "SDL_VIDEODRIVER is set to a headless driver"
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return False, "no display was found (DISPLAY is not set)"
    return True, ""
