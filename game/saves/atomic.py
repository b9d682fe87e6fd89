"""Writing a file so that a crash never leaves half of it.

The bytes go to a temporary file in the same folder (so that the rename
stays on one file system), are flushed and synced to the disk, and only
then renamed over the old file; the folder is synced too, so that the
rename itself survives a power cut. At every moment the path holds either
the whole old file or the whole new one. A process killed mid-write leaves
a ``.NAME.*.tmp`` file behind, which ``remove_stale_temps`` clears later.
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

TEMP_SUFFIX = ".tmp"

#: A temporary file older than this was left by a process that died (a live save takes milliseconds).
STALE_AFTER_SECONDS = 600


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once; OSError if the disk refuses."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        _set_mode(fd, path)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    sync_folder(folder)


def _set_mode(fd: int, path: Path) -> None:
    """mkstemp makes files only their owner can read; a save gets the mode of the file it replaces, or the usual one."""
    if os.name == "nt":
        return
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o666 & ~_UMASK
    os.fchmod(fd, mode)


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def is_temp(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


def remove_stale_temps(folder: Path, now: float | None = None) -> list[Path]:
    """Delete temporary files that dead writers left in ``folder``; returns what was removed."""
    now = time.time() if now is None else now
    gone: list[Path] = []
    if not folder.is_dir():
        return gone
    for p in folder.iterdir():
        try:
            if is_temp(p) and p.is_file() and now - p.stat().st_mtime > STALE_AFTER_SECONDS:
                p.unlink()
                gone.append(p)
        except OSError:
            continue
    return gone
