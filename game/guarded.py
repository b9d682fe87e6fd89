"""One guarded reader for files that may come from anywhere, and one cleaner for text bound for a terminal.

Saves and scenarios arrive from other machines, mods, mail and text
editors. Reading one must never hang (a FIFO, a terminal), never exhaust
memory (/dev/zero, a 5 GB sparse file, a gzip bomb) and never end in a
traceback (a name longer than the file system allows, a folder). So every
loader reads through ``read_untrusted``: regular files only, opened without
blocking, at most the cap of its kind, and any failure is an
``UnreadableFile`` whose message says what is wrong in a player's words.
``clean_for_terminal`` is the one place where text from such files (save
titles, names, scenario text) is made safe to print: control characters and
escape sequences go, lone surrogates become U+FFFD.
"""
from __future__ import annotations

import errno
import os
import re
import stat
import zlib

MB = 1024 * 1024

#: The most bytes each kind of file may have on disk (and, for saves, once decompressed).
CAPS = {"save": 32 * MB, "scenario": 2 * MB}   # the checker reads at most 2,000,000 bytes of YAML

#: What the kinds are called in messages.
_WHAT = {"save": "save", "scenario": "scenario file"}


class UnreadableFile(ValueError):
    """A file that cannot be read safely; ``reason`` tells programs the case, the message tells people."""

    REASONS = ("missing", "folder", "not_a_file", "too_large", "name_too_long", "unreadable")

    def __init__(self, reason: str, message: str, path: str) -> None:
        assert reason in self.REASONS, reason
        self.reason = reason
        self.path = path
        self.plain = message        # without the path, for callers that name the file themselves
        super().__init__(f"{clean_for_terminal(path)}: {message}")


def read_untrusted(path: str | os.PathLike[str], kind: str) -> bytes:
    """The bytes of the regular file at ``path``, at most ``CAPS[kind]`` of them; UnreadableFile otherwise."""
    cap = CAPS[kind]
    name = os.fspath(path)
    what = _WHAT.get(kind, "file")
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not hang; it is refused below as not a regular file.
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise _os_error(e, name, what) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("folder" if stat.S_ISDIR(info.st_mode) else "not_a_file", _not_regular(info.st_mode, what), name)
        if info.st_size > cap:
            raise UnreadableFile("too_large", f"the file is {info.st_size / MB:.1f} MB; a {what} is at most "
                                              f"{cap // MB} MB, so this is not one (or it is damaged)", name)
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 * MB, cap + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > cap:     # the file grew while being read
                raise UnreadableFile("too_large", f"the file is larger than {cap // MB} MB, which no {what} is", name)
        return b"".join(chunks)
    except OSError as e:
        raise _os_error(e, name, what) from None
    finally:
        os.close(fd)


def inflate(raw: bytes, cap: int) -> bytes:
    """Gzip data decompressed to at most ``cap`` bytes (no zip bombs).

    Raises ValueError("too_large"), EOFError (cut short) or zlib.error (damaged);
    the caller words them for its kind of file.
    """
    d = zlib.decompressobj(wbits=31)
    out = d.decompress(raw, cap + 1)
    if len(out) > cap:
        raise ValueError("too_large")
    if not d.eof:
        raise EOFError("the compressed data ends too early")
    if d.unused_data:
        raise zlib.error("extra bytes after the end of the compressed data")
    return out


def _os_error(e: OSError, name: str, what: str) -> UnreadableFile:
    if e.errno == errno.ENAMETOOLONG:
        return UnreadableFile("name_too_long", "the name is longer than the file system allows; check the name",
                              _short(name))
    if e.errno in (errno.ENOENT, errno.ENOTDIR):
        return UnreadableFile("missing", "there is no such file", name)
    if e.errno == errno.EISDIR:
        return UnreadableFile("folder", f"this is a folder, not a {what}", name)
    return UnreadableFile("unreadable", f"the file cannot be read ({e.strerror or e})", name)


def _not_regular(mode: int, what: str) -> str:
    kind = ("a folder" if stat.S_ISDIR(mode) else "a pipe (FIFO)" if stat.S_ISFIFO(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "not a regular file")
    return f"this is {kind}, not a {what}: give the path of a {what}"


def _short(name: str, most: int = 60) -> str:
    return name if len(name) <= most else name[: most - 3] + "..."


# --- text for the terminal ------------------------------------------------------------------------

# CSI/OSC/other escape sequences first (so their parameters go with them), then single control characters.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|.?)"
                      r"|\x9b[0-?]*[ -/]*[@-~]", re.S)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean_for_terminal(text: object, keep_newlines: bool = False) -> str:
    """``text`` safe to print: no escape sequences or control characters, no lone surrogates."""
    s = text if isinstance(text, str) else str(text)
    s = _SURROGATES.sub("\ufffd", s)
    s = _ESCAPES.sub("", s)
    if not keep_newlines:
        s = s.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _CONTROLS.sub("", s.replace("\t", " "))


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as a message may show it: cleaned, and cut when absurdly long."""
    return _short(clean_for_terminal(os.fspath(path)), 120)


__all__ = ["CAPS", "UnreadableFile", "read_untrusted", "inflate", "clean_for_terminal", "display_path"]
