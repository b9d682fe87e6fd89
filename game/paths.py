"""Kept only so that branches written before ``game.content`` still import: use ``game.content``."""
from game.content import ASSETS, MODS, ROOT, SCENARIOS, saves_dir

__all__ = ["ASSETS", "MODS", "ROOT", "SCENARIOS", "saves_dir"]
