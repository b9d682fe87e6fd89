"""The engine's closed sets of words, as string-valued enums.

A proposal's status, an answer's response and a conference's state are each
one of a few values. As ``str`` enums they compare equal to their values, are
written to JSON and saves as those values (so the state hash and old saves
are unchanged), and a typo in the engine is an AttributeError instead of a
silent new state. The front ends find their words by value (``ui.neg.status.<value>``).
"""
from __future__ import annotations

from enum import Enum


class TextEnum(str, Enum):
    """An enum whose members are their string values wherever text is made of them."""

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)

    def __hash__(self) -> int:       # as its value's, so that a member finds a dict entry keyed by the plain word
        return str.__hash__(self)


class ProposalStatus(TextEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    UNRATIFIED = "unratified"      # accepted, then a government refused to ratify it
    REJECTED = "rejected"
    COUNTERED = "countered"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


class Response(TextEnum):
    ACCEPT = "accept"
    REJECT = "reject"
    COUNTER = "counter"


class ConferenceStage(TextEnum):
    NOT_STARTED = "not_started"
    OPEN = "open"
    CLOSED = "closed"
    BROKEN = "broken"
