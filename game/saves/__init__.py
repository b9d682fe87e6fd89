"""Saves that never lose a game: save, autosave, quick save and load, load with care,
migration of old saves, replay and verification, undo.

The window and the terminal use ``Session`` (a game with its saves and undo)
and ``SaveStore`` (a folder of saves and its list); everything that can go
wrong with a file is a ``SaveError`` with a message for the player. The
format is described in ``game/saves/document.py`` and docs/SAVES.md.
"""
from game.saves.document import FORMAT_VERSION, SaveMeta
from game.saves.errors import SaveError
from game.saves.restore import Loaded, load
from game.saves.session import Session
from game.saves.store import SaveInfo, SaveStore
from game.saves.verify import Verdict, verify

__all__ = ["FORMAT_VERSION", "Loaded", "SaveError", "SaveInfo", "SaveMeta", "SaveStore", "Session", "Verdict",
           "load", "verify"]
