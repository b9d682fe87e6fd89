"""Shared test set-up: headless SDL, the shipped scenarios loaded once."""
from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

for key in ("SDL_VIDEODRIVER", "SDL_VIDEO_DRIVER"):
    os.environ.setdefault(key, "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# Games played by tests (and their autosaves) never land in the project's saves/ folder.
if "RAPALLO_SAVES" not in os.environ:
    os.environ["RAPALLO_SAVES"] = tempfile.mkdtemp(prefix="rapallo-test-saves-")
    atexit.register(shutil.rmtree, os.environ["RAPALLO_SAVES"], ignore_errors=True)
if "RAPALLO_CACHE_DIR" not in os.environ:
    os.environ["RAPALLO_CACHE_DIR"] = tempfile.mkdtemp(prefix="rapallo-test-cache-")
    atexit.register(shutil.rmtree, os.environ["RAPALLO_CACHE_DIR"], ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from game.engine.rules import Rules  # noqa: E402
from game.scenario.loader import load_rules  # noqa: E402

GENOA = ROOT / "scenarios" / "genoa_rapallo_1922.yaml"
TINY = ROOT / "tests" / "fixtures" / "tiny.yaml"


@pytest.fixture(scope="session")
def genoa() -> Rules:
    return load_rules(GENOA)


@pytest.fixture(scope="session")
def tiny() -> Rules:
    return load_rules(TINY)
