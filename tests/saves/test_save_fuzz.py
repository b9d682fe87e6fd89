"""Whatever happens to a save file, loading gives a game or a SaveError with a message: never a traceback.

Hypothesis cuts, flips, inserts and splices bytes of real saves (compressed and plain), and
rewrites single fields of their JSON with arbitrary values.
"""
from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from game.engine.game import Game
from game.saves import SaveError
from tests.saves.helpers import from_bytes, play, to_bytes

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


class _Saves(dict):
    """The sample saves; a short repr keeps a failing example readable."""

    def __repr__(self) -> str:
        return "<sample saves>"


@pytest.fixture(scope="module")
def saves(tiny) -> dict[str, bytes]:
    a = Game.new(tiny, seed=1, humans=tiny.powers)
    play(a, np.random.default_rng(1), 40)
    b = Game.new(tiny, seed=2, humans=[tiny.hub])
    play(b, np.random.default_rng(2), 12)
    return _Saves({"a.gz": to_bytes(a, True), "a.json": to_bytes(a, False), "b.gz": to_bytes(b, True),
                   "b.json": to_bytes(b, False)})


def _loads_or_explains(raw: bytes, rules) -> None:
    try:
        loaded = from_bytes(raw, rules)
    except SaveError as e:
        assert str(e).strip() and e.kind
        return
    assert isinstance(loaded.game.state_hash(), str)
    loaded.game.legal_commands(rules.hub)


names = st.sampled_from(["a.gz", "a.json", "b.gz", "b.json"])


@SETTINGS
@given(name=names, cut=st.floats(0, 1, exclude_max=True))
def test_truncated_saves(saves, tiny, name, cut):
    raw = saves[name]
    _loads_or_explains(raw[: int(len(raw) * cut)], tiny)


@SETTINGS
@given(name=names, flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(1, 255)), min_size=1,
                                   max_size=8))
def test_saves_with_flipped_bytes(saves, tiny, name, flips):
    raw = bytearray(saves[name])
    for where, mask in flips:
        raw[int(len(raw) * where)] ^= mask
    _loads_or_explains(bytes(raw), tiny)


@SETTINGS
@given(name=names, where=st.floats(0, 1), junk=st.binary(min_size=1, max_size=64))
def test_saves_with_inserted_bytes(saves, tiny, name, where, junk):
    raw = saves[name]
    i = int(len(raw) * where)
    _loads_or_explains(raw[:i] + junk + raw[i:], tiny)


@SETTINGS
@given(first=names, second=names, cut1=st.floats(0, 1), cut2=st.floats(0, 1))
def test_spliced_saves(saves, tiny, first, second, cut1, cut2):
    a, b = saves[first], saves[second]
    _loads_or_explains(a[: int(len(a) * cut1)] + b[int(len(b) * cut2):], tiny)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
    max_leaves=12)


def _paths(doc: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc[:6]):
            out += _paths(v, prefix + (i,))
    return out


@SETTINGS
@given(name=st.sampled_from(["a.json", "b.json"]), pick=st.floats(0, 1, exclude_max=True), value=json_values,
       delete=st.booleans())
def test_saves_with_a_field_rewritten(saves, tiny, name, pick, value, delete):
    doc = json.loads(saves[name])
    paths = [p for p in _paths(doc) if p]
    path = paths[int(len(paths) * pick)]
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    _loads_or_explains(json.dumps(doc).encode(), tiny)


@SETTINGS
@given(name=st.sampled_from(["a.json", "b.json"]), index=st.integers(0, 200), line=st.text(max_size=60))
def test_saves_with_a_command_of_the_log_rewritten(saves, tiny, name, index, line):
    doc = json.loads(saves[name])
    if doc["log"]:
        doc["log"][index % len(doc["log"])] = line
    _loads_or_explains(json.dumps(doc).encode(), tiny)
