"""A classroom host killed with SIGKILL loses nothing: resumed with --resume it has the game, the join code and
every role's token, and a student rejoins with the token their browser kept."""
from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from tests.net.conftest import CODE, Client, run, start_host, write_marked_scenario


def test_after_kill_9_and_resume_the_soviet_delegation_rejoins_and_sees_its_policy(tmp_path: Path) -> None:
    scenario, saves = write_marked_scenario(tmp_path), tmp_path / "saves"
    first = start_host(scenario, saves, "--code", CODE)

    async def before() -> str:
        soviet, rival = await Client.connect(first.ws_url), await Client.connect(first.ws_url)
        joined = await soviet.join("soviet_russia_0")
        assert (await rival.join("germany_0"))["op"] == "joined"
        await soviet.until("observation")
        await soviet.send(op="command", text="soviet_russia: policy comintern 30")
        assert (await soviet.until("result"))["ok"] is True
        return str(joined["token"])
    try:
        token = run(before())
        first.proc.send_signal(signal.SIGKILL)     # acknowledged means saved: nothing may be lost from here
        first.proc.wait(timeout=10)
    finally:
        first.stop()
    second = start_host(scenario, saves, "--resume")

    async def after() -> None:
        soviet = await Client.connect(second.ws_url)
        back = await soviet.join("soviet_russia_0", token=token)
        assert back["op"] == "joined" and back["seat"] == "soviet_russia" and back["token"] == token
        seen = await soviet.until("observation")
        assert seen["data"]["hub_values"]["comintern"] == 30.0
        thief = await Client.connect(second.ws_url)     # the German's token survived too: no one takes it blind
        await thief.join("germany_0", token="not-their-token")
        assert "taken" in (await thief.join("germany_0", token="not-their-token"))["message"]
        await asyncio.gather(soviet.close(), thief.close())
    try:
        assert any(CODE in line for line in second.lines)
        run(after())
    finally:
        second.stop()


def test_a_new_host_will_not_overwrite_a_saved_classroom_game(tmp_path: Path) -> None:
    import subprocess
    import sys
    from tests.net.conftest import ROOT
    scenario, saves = write_marked_scenario(tmp_path), tmp_path / "saves"
    h = start_host(scenario, saves)
    h.stop()
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "classroom", "host", "--scenario", str(scenario),
                          "--host", "127.0.0.1", "--port", "0", "--saves", str(saves), "--no-window"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "--resume" in out.stderr and "Traceback" not in out.stderr
