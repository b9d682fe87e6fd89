"""Shared givens for classroom tests: Genoa's rules, loaded once."""
from __future__ import annotations

import pytest

from game.engine.rules import Rules
from game.scenario import load_rules


@pytest.fixture(scope="session")
def genoa() -> Rules:
    return load_rules("genoa_rapallo_1922")
