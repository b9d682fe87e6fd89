"""The ranges every command-line argument may take, declared once.

Each function here is an argparse ``type=``: it turns the text a person
typed into a value or raises ``argparse.ArgumentTypeError`` with a message
that names the range, so that argparse reports it as a usage error (one
line, exit status 2). Subcommands declare their options with these instead
of ``type=int``, so a seed, a number of processes or a save name means the
same thing, and has the same limits, wherever it is typed.
"""
from __future__ import annotations

import argparse
import os
import re
from typing import Callable

#: Seeds are drawn into numpy's generator and written into saves as signed 64-bit integers.
MAX_SEED = 2**63 - 1
#: More processes than this only queue behind each other (and 1,000 forks can bring a machine down).
JOBS_PER_CORE = 4
#: A screenshot needs a few frames; 10**4 already takes minutes.
MAX_FRAMES = 10**4
#: Observer runs in one call of ``simulate``; they are streamed, never listed whole.
MAX_SEEDS = 10**6
#: A scenario has tens of turns; this is a guard against a typo, not a design limit.
MAX_TURNS = 10**4
#: Names the saves folder keeps for the game itself.
RESERVED_SAVE_PREFIX = "autosave-"
RESERVED_SAVE_NAMES = ("quicksave",)
#: The longest file name (in bytes) most file systems accept; the folder's own limit wins when known.
NAME_MAX = 255


def byte_length(name: str) -> int:
    """How many bytes ``name`` takes as a file name (bytes that are not UTF-8 count as they came)."""
    try:
        return len(os.fsencode(name))
    except (UnicodeError, ValueError):
        return len(name.encode("utf-8", "surrogatepass"))


def max_jobs() -> int:
    return JOBS_PER_CORE * (os.cpu_count() or 1)


def integer(what: str, low: int, high: int | Callable[[], int]) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (inclusive)."""
    def parse(text: str) -> int:
        top = high() if callable(high) else high
        text = text.strip()
        if not re.fullmatch(r"[+-]?\d{1,30}", text.replace("_", "")):
            raise argparse.ArgumentTypeError(f"{what} must be a whole number from {low} to {top}, not {text[:40]!r}")
        value = int(text.replace("_", ""))
        if not low <= value <= top:
            raise argparse.ArgumentTypeError(f"{what} must be from {low} to {top}, not {value}")
        return value
    parse.__name__ = what.replace(" ", "_")   # argparse names the type in some messages
    return parse


seed = integer("a seed", 0, MAX_SEED)
seeds = integer("the number of seeds", 1, MAX_SEEDS)
jobs = integer("the number of jobs", 1, max_jobs)
frames = integer("the number of frames", 1, MAX_FRAMES)
turns = integer("the number of turns", 1, MAX_TURNS)


def name_max(folder: str | os.PathLike[str] | None = None) -> int:
    """The longest file name the folder's file system accepts (NAME_MAX when it cannot say)."""
    try:
        return int(os.pathconf(folder or ".", "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return NAME_MAX


def name_problem(name: str, reserved: bool = True, suffix: str = ".rapallo") -> str:
    """Why ``name`` cannot be a save name a person chooses ('' when it can)."""
    stem = name.strip()
    for end in (".rapallo", ".json"):
        if stem.endswith(end):
            stem = stem[: -len(end)]
    if not stem:
        return "a save name cannot be empty"
    if reserved and (stem.startswith(RESERVED_SAVE_PREFIX) or stem in RESERVED_SAVE_NAMES):
        return f"the name {name!r} is kept for the game's own saves (autosave-*, quicksave); choose another"
    size = byte_length(stem + suffix)
    if size > min(NAME_MAX, name_max()):
        return f"the name is {size} bytes long; the file system allows at most {min(NAME_MAX, name_max())}"
    return ""


def save_name(text: str) -> str:
    """An argparse type for a save a person names to be written (``--save``): a name or a path."""
    base = os.path.basename(text.rstrip("/\\")) if ("/" in text or "\\" in text) else text
    problem = name_problem(base) if base or not text else "a save needs a file name, not a folder"
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return text


def existing_name(text: str) -> str:
    """An argparse type for a save or file to be read: not empty, and short enough to be a file name."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the name cannot be empty")
    for part in re.split(r"[/\\]", text):
        size = byte_length(part)
        if size > NAME_MAX:
            raise argparse.ArgumentTypeError(f"a name of {size} bytes is longer than the file system allows "
                                             f"({NAME_MAX}): check the name")
    return text
