"""Where the project's folders are (found from this file, so it works from a clone)."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
MODS = ROOT / "mods"
ASSETS = ROOT / "assets"


def saves_dir(override: str | None = None) -> Path:
    """``--saves DIR``, else $RAPALLO_SAVES, else the project's saves/ folder."""
    return Path(override or os.environ.get("RAPALLO_SAVES") or ROOT / "saves")
