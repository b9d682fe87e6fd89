"""Errors that every part of the game may raise and the launcher reports.

``UsageError`` is bad input from a person (an unknown scenario, a broken
file, a bad option): the launcher prints it as one line on stderr and exits
with status 2, never a traceback. It lives here, below everything, so that
no part has to import the launcher to raise it.
"""
from __future__ import annotations


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit status 2."""


def fail(message: str) -> UsageError:
    return UsageError(message)
