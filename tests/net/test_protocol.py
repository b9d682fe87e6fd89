"""The classroom host's websocket protocol (docs/CLASSROOM.md), spoken by real clients to a host run as a
subprocess on 127.0.0.1: joining, refusals, seats, secrets and the limits that keep a class safe."""
from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request

from tests.net.conftest import CODE, PER_POWER, Client, Host, mark, run


def test_the_host_serves_the_student_page(host: Host) -> None:
    page = urllib.request.urlopen(host.url, timeout=10).read().decode()
    assert "<html" in page.lower() and "app.js" in page
    svg = urllib.request.urlopen(host.url + "map.svg", timeout=10).read().decode()
    assert svg.startswith("<svg") and 'data-power="germany"' in svg and ">Germany</text>" in svg


def test_the_server_gives_only_its_own_files(host: Host) -> None:
    for bad in ("../pyproject.toml", "%2e%2e/pyproject.toml", "..%2fpyproject.toml", "session.py", "nothing.js"):
        try:
            urllib.request.urlopen(host.url + bad, timeout=10)
        except urllib.error.HTTPError as e:
            assert e.code in (403, 404), bad
        else:
            raise AssertionError(f"{bad} was served")


def test_a_wrong_join_code_gets_an_error_and_no_seat(host: Host) -> None:
    async def go() -> None:
        c = await Client.connect(host.ws_url)
        reply = await c.join("soviet_russia_0", code="WRONG")
        assert reply["op"] == "error" and "code" in reply["message"]
        assert "code" in (await c.join("soviet_russia_0", code="КОД"))["message"]
        await c.send(op="command", text="soviet_russia: policy comintern 30")
        result = await c.until("result")
        assert result["ok"] is False
        await c.close()
    run(go())


def test_thirty_roles_join_and_each_sees_only_its_own_briefing(host: Host) -> None:
    roles = [f"{p}_{i}" for p, n in PER_POWER.items() for i in range(n)]
    assert len(roles) == 30

    async def go() -> None:
        clients = [await Client.connect(host.ws_url) for _ in roles]
        await asyncio.gather(*(c.send(op="join", code=CODE, role=r) for c, r in zip(clients, roles)))
        joined = await asyncio.gather(*(c.until("joined") for c in clients))
        observed = await asyncio.gather(*(c.until("observation") for c in clients))
        for role, j, o in zip(roles, joined, observed):
            power = role.rsplit("_", 1)[0]
            assert j["seat"] == power and j["brief"]["briefing"] == mark(role)
            assert o["seat"] == power and o["data"]["you"]["power"] == power
        for role, c in zip(roles, clients):
            everything = "".join(c.raw)
            assert mark(role) in everything
            others = [r for r in roles if r != role and mark(r) in everything]
            assert others == [], f"{role} received the briefings of {others}"
        await asyncio.gather(*(c.close() for c in clients))
    run(go())


def test_the_soviet_delegation_acts_for_itself_only_and_within_its_role(host: Host) -> None:
    async def go() -> None:
        krasin, other = await Client.connect(host.ws_url), await Client.connect(host.ws_url)
        assert (await krasin.join("soviet_russia_0"))["op"] == "joined"
        assert (await other.join("soviet_russia_1"))["op"] == "joined"
        await krasin.send(op="command", text="germany: policy comintern 30")
        refused = await krasin.until("result")
        assert refused["ok"] is False and "germany" in refused["error"]
        await other.send(op="command", text="soviet_russia: policy comintern 30")
        forbidden = await other.until("result")
        assert forbidden["ok"] is False and "may not policy" in forbidden["error"]
        await krasin.send(op="command", text="soviet_russia: policy comintern 30")
        assert (await krasin.until("result"))["ok"] is True
        seen = await other.until("observation")
        assert seen["data"]["hub_values"]["comintern"] == 30.0
        await asyncio.gather(krasin.close(), other.close())
    run(go())


def test_a_student_cannot_advance_the_round_but_the_facilitator_with_the_key_can(host: Host) -> None:
    async def go() -> None:
        student, teacher = await Client.connect(host.ws_url), await Client.connect(host.ws_url)
        await student.join("germany_0")
        first = await student.until("observation")
        await student.send(op="command", text="advance")
        assert (await student.until("result"))["ok"] is False
        assert (await teacher.join("facilitator", key="not-the-key"))["op"] == "error"
        assert (await teacher.join("facilitator", key=host.key))["op"] == "joined"
        await teacher.send(op="command", text="advance")
        assert (await teacher.until("result"))["ok"] is True
        later = await student.until("observation")
        assert later["data"]["turn"] == first["data"]["turn"] + 1
        await asyncio.gather(student.close(), teacher.close())
    run(go())


def test_a_held_role_cannot_be_taken_without_its_token(host: Host) -> None:
    async def go() -> None:
        first, second = await Client.connect(host.ws_url), await Client.connect(host.ws_url)
        joined = await first.join("france_0")
        assert joined["op"] == "joined" and len(joined["token"]) >= 16
        taken = await second.join("france_0")
        assert taken["op"] == "error" and "taken" in taken["message"]
        forged = await second.join("france_0", token="guessed-token")
        assert forged["op"] == "error"
        back = await second.join("france_0", token=joined["token"])
        assert back["op"] == "joined" and back["seat"] == "france"
        await asyncio.gather(first.close(), second.close())
    run(go())


def test_the_role_list_shows_public_faces_and_who_is_held_never_a_briefing(host: Host) -> None:
    async def go() -> None:
        holder, browser = await Client.connect(host.ws_url), await Client.connect(host.ws_url)
        await holder.join("italy_0")
        await browser.send(op="roles")
        roles = (await browser.until("roles"))["roles"]
        assert len(roles) == 30
        held = {r["id"]: r["held"] for r in roles}
        assert held["italy_0"] is True and held["italy_1"] is False
        assert "SECRETMARK" not in json.dumps(roles)
        await asyncio.gather(holder.close(), browser.close())
    run(go())


def test_bad_messages_get_errors_and_the_host_keeps_serving(host: Host) -> None:
    async def go() -> None:
        c = await Client.connect(host.ws_url)
        await c.ws.send_str("{not json")
        assert (await c.recv())["op"] == "error"
        await c.ws.send_str("[1, 2]")
        assert (await c.recv())["op"] == "error"
        await c.send(op="no_such_op")
        assert (await c.recv())["op"] == "error"
        for _ in range(100):                       # a flood: the host answers "slow down" instead of acting
            await c.send(op="ping")
        replies = [(await c.recv())["op"] for _ in range(100)]
        assert "error" in replies and "pong" in replies
        big = await Client.connect(host.ws_url)
        await big.ws.send_str(json.dumps({"op": "command", "text": "x" * 100_000}))
        closed = await big.ws.receive(timeout=10)
        assert closed.type in (aiohttp_closed_types())
        await big.close()
        after = await Client.connect(host.ws_url)
        await asyncio.sleep(2.5)                   # the flooded connection's allowance has refilled meanwhile
        assert (await after.join("japan_0"))["op"] == "joined"
        await asyncio.gather(c.close(), after.close())
    run(go())


def aiohttp_closed_types() -> tuple:
    import aiohttp
    return (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING, aiohttp.WSMsgType.ERROR)


def test_an_estimate_weighs_a_draft_as_the_delegation_can_read_it_and_only_for_itself(host: Host) -> None:
    async def go() -> None:
        c = await Client.connect(host.ws_url)
        await c.join("germany_1")
        await c.send(op="estimate", text="germany: propose soviet_russia: renounce_claims")
        reply = await c.until("estimate")
        assert [e["power"] for e in reply["estimates"]] == ["soviet_russia"]
        assert "threshold" not in json.dumps(reply)
        await c.send(op="estimate", text="france: propose soviet_russia: renounce_claims")
        assert "germany" in (await c.until("error"))["message"]
        await c.close()
    run(go())


def test_an_observer_watches_public_news_and_cannot_act(host: Host) -> None:
    async def go() -> None:
        c = await Client.connect(host.ws_url)
        joined = await c.join("observer")
        assert joined["seat"] == "observer" and joined["brief"] is None
        seen = await c.until("observation")
        assert seen["data"]["you"] is None and seen["data"]["hub_values"] == {}
        await c.send(op="command", text="soviet_russia: end")
        assert (await c.until("result"))["ok"] is False
        await c.close()
    run(go())


def test_two_students_choosing_the_same_free_role_at_once_do_not_both_get_it(host: Host) -> None:
    async def go() -> None:
        a, b = await Client.connect(host.ws_url), await Client.connect(host.ws_url)
        await asyncio.gather(a.send(op="join", code=CODE, role="poland_2"), b.send(op="join", code=CODE, role="poland_2"))
        answers = sorted([(await a.join_answer())["op"], (await b.join_answer())["op"]])
        assert answers == ["error", "joined"]
        await asyncio.gather(a.close(), b.close())
    run(go())
