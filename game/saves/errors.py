"""The one error a player can meet when loading or writing a save.

Loading reads files that may come from anywhere (another machine, an older
game, a crash, a text editor), so every way a file can be wrong ends in a
``SaveError`` whose message names the file, says what is wrong in a
player's words and what to do. ``kind`` lets a program (the window, the
tests) tell the cases apart without parsing the message.
"""
from __future__ import annotations

#: The kinds of SaveError, for programs; the message is for people.
KINDS = (
    "missing",           # no such file or save name
    "unreadable",        # the operating system would not read or write it
    "empty",             # zero bytes: a save interrupted before it started
    "truncated",         # the file ends early
    "damaged",           # not a Rapallo save, or its contents are broken
    "newer",             # written by a newer version of the game
    "unknown_scenario",  # the scenario it was played in is not installed
    "changed_scenario",  # the scenario is installed but its content differs
    "moved_scenario",    # the scenario FILE it was played from is not where it was
    "bad_log",           # the command log cannot be replayed
    "bad_name",          # a save name that cannot be a file name
    "next_part",         # a campaign's next part cannot be played (missing, broken, no seat for the player)
)


class SaveError(ValueError):
    """A save that cannot be read or written; the message says which file, what and what to do."""

    def __init__(self, kind: str, message: str, path: str = "") -> None:
        assert kind in KINDS, kind
        self.kind = kind
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)

    def at(self, path: str) -> "SaveError":
        """The same error, naming the file (for errors raised before the file was known)."""
        return self if self.path else SaveError(self.kind, str(self), path)
