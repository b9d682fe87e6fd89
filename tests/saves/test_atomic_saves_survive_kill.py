"""A process killed at a random moment while saving never spoils the save that was there before."""
from __future__ import annotations

import os
import random
import signal
import sys
import time

import numpy as np
import pytest

from game.engine.game import Game
from game.saves import SaveStore, codec, document
from game.saves.atomic import is_temp, write_atomic
from game.saves.document import SaveMeta
from tests.saves.helpers import from_bytes, play

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "win32", reason="needs fork and SIGKILL")

KILLS = 40


def _big_game(genoa, seed: int) -> Game:
    """A long hot-seat game: every power human, hundreds of commands (a big save)."""
    g = Game.new(genoa, seed=seed, humans=genoa.powers)
    play(g, np.random.default_rng(seed), 2000)
    return g


def _writer(path, blobs) -> None:
    """The child: write the two saves over each other as fast as it can, until it is killed.

    The documents are encoded beforehand so that the child spends its time inside the atomic write,
    where a kill could do harm, rather than in json.dumps, where it could not."""
    try:
        i = 0
        while True:
            write_atomic(path, blobs[i % 2])
            i += 1
    finally:
        os._exit(0)


def test_the_previous_save_always_loads_after_a_kill_mid_save(genoa, tmp_path):
    games = [_big_game(genoa, 1), _big_game(genoa, 2)]
    docs = [document.build(g, SaveMeta(power="soviet_russia", game_id=f"kill{i}")) for i, g in enumerate(games)]
    hashes = {g.state_hash() for g in games}
    store = SaveStore(tmp_path)
    path = tmp_path / "campaign.json"          # plain JSON: the biggest files, the longest writes
    store.write(path, docs[0])
    blobs = [codec.encode(d, compress=False) for d in docs]
    assert min(len(b) for b in blobs) > 200_000
    rng = random.Random(1922)
    interrupted = 0
    for _ in range(KILLS):
        pid = os.fork()
        if pid == 0:
            _writer(path, blobs)
        time.sleep(rng.uniform(0.0, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        loaded = from_bytes(path.read_bytes(), genoa)
        assert loaded.game.state_hash() in hashes
        leftovers = [p for p in tmp_path.iterdir() if is_temp(p)]
        interrupted += bool(leftovers)
        for p in leftovers:
            p.unlink()
    # The kills did land inside writes (a temporary file was left behind), so the test could have caught a
    # writer that is not atomic.
    assert interrupted >= KILLS // 4, interrupted
