"""docs/AGENTS.md: the bot in it plays a whole game, and the comparison with the built-in AI runs."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pettingzoo")

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "AGENTS.md"


def test_the_bot_in_the_guide_plays_a_whole_game_and_is_compared_with_the_ai(tmp_path: Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 2
    bot = blocks[0]
    assert len([line for line in bot.splitlines() if line.strip()]) <= 22, "the bot stays about twenty lines"
    script = tmp_path / "bot.py"
    script.write_text(bot + blocks[1].replace("range(1, 6)", "range(1, 2)"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"bot -?[\d.]+ built-in AI -?[\d.]+\n", done.stdout), done.stdout
