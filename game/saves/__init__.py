"""Saves that never lose a game: save, autosave, quick save and load, load with care,
migration of old saves, replay and verification, undo.

The window and the terminal use ``Session`` (a game with its saves and undo)
and ``SaveStore`` (a folder of saves and its list); everything that can go
wrong with a file is a ``SaveError`` with a message for the player. The
format is described in ``game/saves/document.py`` and docs/SAVES.md.

The names below load on first use: the main menu lists the saves through
``game.saves.store`` without waiting for the engine that ``Session`` needs.
(``verify`` is a module here: ``from game.saves.verify import verify``.)
"""
from __future__ import annotations

import importlib
from typing import Any

_HOMES = {"FORMAT_VERSION": "document", "SaveMeta": "document", "SaveError": "errors", "Loaded": "restore",
          "load": "restore", "Session": "session", "SaveInfo": "store", "SaveStore": "store",
          "Verdict": "verify"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'game.saves' has no attribute {name!r}")
    return getattr(importlib.import_module(f"game.saves.{_HOMES[name]}"), name)


__all__ = ["FORMAT_VERSION", "Loaded", "SaveError", "SaveInfo", "SaveMeta", "SaveStore", "Session", "Verdict",
           "load"]
