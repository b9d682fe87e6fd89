"""The two sides of a treaty: every treaty is made with the hub power, so the
side that is not the hub's holds its partners. This is the one place that
decides it; valuations, estimates, advice and the AI all ask here."""
from __future__ import annotations

from typing import Sequence

from game.engine.rules import Rules


def treaty_partners(rules: Rules, sender: Sequence[str], receivers: Sequence[str]) -> list[str]:
    """The hub power's partners in a proposal from ``sender`` to ``receivers`` (whoever judges it)."""
    return list(receivers) if rules.hub in sender else list(sender)
