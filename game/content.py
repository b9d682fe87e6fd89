"""Where the game finds what it ships and where it keeps what a player makes.

Shipped content (the scenarios, the example mods, the fonts, theme, map and
pictures) lives in the repository's top-level folders ``scenarios/``,
``mods/`` and ``assets/``. A built wheel carries the same folders inside the
package as ``game/_scenarios``, ``game/_mods`` and ``game/_assets`` (setup.py
copies them), found here through ``importlib.resources``. A checkout (or an
editable install of one) reads the folders where they are.

A player's saves and settings: a checkout keeps its saves in ``saves/`` as
before; an installed game writes nothing next to its code and uses the
user's folders instead (platformdirs). ``--saves``, ``$RAPALLO_SAVES``,
``$RAPALLO_CONFIG_DIR`` and ``$RAPALLO_CACHE_DIR`` override both.
"""
from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir, user_data_dir

APP = "rapallo"

#: The folder above the game package: a checkout's root, or site-packages when installed.
ROOT = Path(__file__).resolve().parent.parent


def from_checkout() -> bool:
    """True when the game runs from a clone of the repository (its folders are next to the package)."""
    return (ROOT / "pyproject.toml").is_file() and (ROOT / "scenarios").is_dir()


def _shipped(folder: str) -> Path:
    if from_checkout():
        return ROOT / folder
    from importlib.resources import files  # an installed wheel only: a checkout need not pay for the import
    return Path(str(files("game").joinpath(f"_{folder}")))


SCENARIOS = _shipped("scenarios")
MODS = _shipped("mods")
ASSETS = _shipped("assets")
FONTS = ASSETS / "fonts"
THEME_FILE = ASSETS / "theme" / "rapallo.json"
MAP_FILE = ASSETS / "map" / "europe_1921.json"
PICTURES = ASSETS / "pictures"


def saves_dir(override: str | None = None) -> Path:
    """``--saves DIR``, else $RAPALLO_SAVES, else saves/ in a checkout or the user's data folder when installed."""
    chosen = override or os.environ.get("RAPALLO_SAVES")
    if chosen:
        return Path(chosen)
    if from_checkout():
        return ROOT / "saves"
    return Path(user_data_dir(APP, appauthor=False)) / "saves"


def config_dir() -> Path:
    """$RAPALLO_CONFIG_DIR, else the user's config folder (~/.config/rapallo, %APPDATA%\\rapallo, ...)."""
    override = os.environ.get("RAPALLO_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(user_config_dir(APP, appauthor=False, roaming=True))


def cache_dir() -> Path:
    """$RAPALLO_CACHE_DIR, else the user's cache folder: things the game can always make again (paper textures)."""
    override = os.environ.get("RAPALLO_CACHE_DIR")
    if override:
        return Path(override)
    return Path(user_cache_dir(APP, appauthor=False))
