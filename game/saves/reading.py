"""Reading a save file into a checked document of the current format, without
the engine: listing the saves (for the main menu) must not wait for the
rules to load. ``restore`` turns the document into a game."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from game.guarded import UnreadableFile, display_path, read_untrusted
from game.saves import codec, document, migrate
from game.saves.errors import SaveError

#: How the guarded reader's refusals show up among the kinds of SaveError.
_KIND_OF_REASON = {"folder": "missing", "not_a_file": "unreadable", "too_large": "damaged", "name_too_long": "bad_name",
                   "unreadable": "unreadable"}


def read_document(path: Path) -> dict[str, Any]:
    """The checked, current-format document in the file at ``path``; SaveError naming the file."""
    try:
        raw = read_untrusted(path, "save")
    except UnreadableFile as e:
        if e.reason == "missing":
            raise SaveError("missing", "there is no such file. See the list of saves with 'saves'.",
                            display_path(path)) from None
        raise SaveError(_KIND_OF_REASON[e.reason], e.plain + ".", display_path(path)) from None
    return parse(raw, str(path))


def parse(raw: bytes, name: str = "") -> dict[str, Any]:
    try:
        return document.check(migrate.migrate(codec.decode(raw)))
    except SaveError as e:
        raise e.at(name)
