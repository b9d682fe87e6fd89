"""Bytes to a JSON document and back: gzip or plain, told apart by the first bytes.

Saves are gzip-compressed JSON by default (a full game is tens of
kilobytes instead of hundreds) and plain JSON when the player wants to read
or diff them; loading accepts either whatever the file is called. Reading is
defensive because the bytes may come from anywhere: the decompressed size
is capped (no gzip bombs), NaN and Infinity are refused (JSON has neither),
and every failure becomes a SaveError that says whether the file was cut
short or damaged.
"""
from __future__ import annotations

import gzip
import json
import zlib
from typing import Any

from game.guarded import CAPS, inflate
from game.saves.errors import SaveError

GZIP_MAGIC = b"\x1f\x8b"

#: No save of a real game comes near this; a file that inflates past it is damaged or hostile.
MAX_DOCUMENT_BYTES = CAPS["save"]

_SKIP_SPACE = b" \t\r\n\xef\xbb\xbf"


def encode(doc: dict[str, Any], compress: bool = True) -> bytes:
    """The bytes of a save document (compact when compressed, indented when plain so people can read it)."""
    if compress:
        text = json.dumps(doc, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        # mtime=0: the same game always gives the same bytes (the save date is inside the document).
        return gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)
    text = json.dumps(doc, indent=1, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def is_compressed(raw: bytes) -> bool:
    return raw[:2] == GZIP_MAGIC


def decode(raw: bytes) -> dict[str, Any]:
    """The document in ``raw``; SaveError (without a path) saying what is wrong."""
    if not raw.strip(_SKIP_SPACE):
        raise SaveError("empty", "the file is empty: the save was interrupted before it began. "
                                 "Load an earlier save (see 'saves').")
    text = _inflate(raw) if is_compressed(raw) else raw
    try:
        doc = json.loads(text.decode("utf-8-sig"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise SaveError("damaged", "this is not a Rapallo save (it is neither JSON nor compressed JSON). "
                                   "Check that you picked the right file.") from None
    except json.JSONDecodeError as e:
        if e.pos >= len(e.doc.rstrip()) or e.msg.startswith("Unterminated string"):
            raise SaveError("truncated", "the file ends too early: it was cut short while being written "
                                         "or copied. Load an earlier save (see 'saves').") from None
        raise SaveError("damaged", f"the file is damaged (broken JSON at line {e.lineno}, column {e.colno}: "
                                   f"{e.msg}). If you edited it, undo the edit; otherwise load an earlier "
                                   "save (see 'saves').") from None
    except (ValueError, RecursionError) as e:
        raise SaveError("damaged", f"the file is damaged ({_short(e)}). Load an earlier save (see 'saves').") from None
    if not isinstance(doc, dict):
        raise SaveError("damaged", "this is not a Rapallo save (its JSON is not an object with the save's fields). "
                                   "Check that you picked the right file.")
    return doc


def _inflate(raw: bytes) -> bytes:
    try:
        return inflate(raw, MAX_DOCUMENT_BYTES)
    except zlib.error as e:
        if "extra bytes" in str(e):
            raise SaveError("damaged", "the file has extra bytes after the end of the save: it is damaged. "
                                       "Load an earlier save (see 'saves').") from None
        raise SaveError("damaged", f"the compressed data is damaged ({_short(e)}). "
                                   "Load an earlier save (see 'saves').") from None
    except EOFError:
        raise SaveError("truncated", "the compressed file ends too early: it was cut short while being written "
                                     "or copied. Load an earlier save (see 'saves').") from None
    except ValueError:
        raise SaveError("damaged", f"the file inflates to more than {MAX_DOCUMENT_BYTES // 2**20} MB, which no "
                                   "save does: it is damaged or not a Rapallo save.") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a save can hold")


def _short(e: BaseException) -> str:
    text = str(e) or type(e).__name__
    return text if len(text) < 120 else text[:117] + "..."
