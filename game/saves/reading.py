"""Reading a save file into a checked document of the current format, without
the engine: listing the saves (for the main menu) must not wait for the
rules to load. ``restore`` turns the document into a game."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from game.saves import codec, document, migrate
from game.saves.errors import SaveError


def read_document(path: Path) -> dict[str, Any]:
    """The checked, current-format document in the file at ``path``; SaveError naming the file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SaveError("missing", "there is no such file. See the list of saves with 'saves'.", str(path)) from None
    except IsADirectoryError:
        raise SaveError("missing", "this is a folder, not a save.", str(path)) from None
    except OSError as e:
        raise SaveError("unreadable", f"the file cannot be read ({e.strerror or e}).", str(path)) from None
    return parse(raw, str(path))


def parse(raw: bytes, name: str = "") -> dict[str, Any]:
    try:
        return document.check(migrate.migrate(codec.decode(raw)))
    except SaveError as e:
        raise e.at(name)
