"""The terminal shows a delegation what its seat may know: its own objectives, public news, attitudes as read."""
from __future__ import annotations

from game.engine.game import Game
from game.engine.strings import news_text
from game.engine.rules import Rules
from tests.engine.test_observe import HUB, marked


def said(game: Game, power: str, line: str) -> str:
    from game.text.app import TextApp
    out: list[str] = []
    TextApp(game, power, write=out.append).handle(line)
    return "\n".join(out)


def test_the_terminal_shows_a_delegation_its_own_objectives_only(genoa: Rules) -> None:
    game = Game.new(marked(genoa), seed=1, humans=[HUB, "france"])
    text = said(game, "france", "objectives")
    assert "MARK<france>" in text and "MARK<" + HUB not in text


def test_the_terminal_keeps_a_private_proposal_from_third_parties(genoa: Rules) -> None:
    game = Game.new(genoa, seed=1, humans=[HUB, "france"])
    game.apply(f"{HUB}: assign chicherin germany", by=HUB)
    game.apply(f"{HUB}: propose germany: renounce_claims", by=HUB)
    pid = max(p.id for p in game.state.proposals if p.sender == [HUB])
    entry = next(n for n in game.state.news if n.get("proposal") == pid)
    text = news_text(entry)
    assert text in said(game, HUB, "news")
    assert text not in said(game, "france", "news")


def test_the_observer_reads_no_attitudes_in_the_powers_table(genoa: Rules) -> None:
    game = Game.new(genoa, seed=1, humans=[HUB])
    from game.text import render
    table = render.powers_table(game, "observer").splitlines()
    rows = [r for r in table if r.startswith(genoa.scenario.powers["germany"].name)]
    assert len(rows) == 1 and "?" in rows[0]
    assert "?" not in render.powers_table(game, "facilitator")


def test_the_window_s_dispatches_keep_a_private_proposal_from_third_parties(genoa: Rules) -> None:
    from game.ui.viewmodels.world import dispatches
    game = Game.new(genoa, seed=1, humans=[HUB, "france"])
    game.apply(f"{HUB}: assign chicherin germany", by=HUB)
    game.apply(f"{HUB}: propose germany: renounce_claims", by=HUB)
    pid = max(p.id for p in game.state.proposals if p.sender == [HUB])
    text = news_text(next(n for n in game.state.news if n.get("proposal") == pid))
    assert text in [d.text for d in dispatches(genoa, game.state, HUB, limit=99).items]
    assert text not in [d.text for d in dispatches(genoa, game.state, "france", limit=99).items]


def test_a_power_s_claims_and_grievances_read_as_its_observation_reads_them(genoa: Rules) -> None:
    from game.engine.legal import FACILITATOR
    from game.engine.state import Grievance
    from game.engine.views import insight
    from game.text import render
    game = Game.new(genoa, seed=1, humans=[HUB])
    game.apply("advance", by=FACILITATOR)
    rough = [p for p in genoa.partners if not insight(genoa, game.state, HUB, p).exact]
    assert rough
    pid = rough[0]
    game.state.grievances.append(Grievance(pid, HUB, 13.7, "a broken promise", game.state.date, 90))
    row = next(r for r in game.observe(HUB)["powers"] if r["id"] == pid)
    assert row["claims"] and all(v % 5 == 0 for v in row["claims"].values())
    assert [(g["reason"], g["was"]) for g in row["grievances"]] == [("a broken promise", 15.0)]
    detail = render.power_detail(game, pid, HUB)
    claims = next(line for line in detail.splitlines() if line.startswith("Claims"))
    assert f"{row['claims']['war_debt']:.0f}" in claims and "was 15 " in detail
    assert "was 14 " in render.power_detail(game, pid, pid)
    assert "Claims" not in render.power_detail(game, pid, "observer")
    other = next(p for p in genoa.partners if p != pid)
    assert "a broken promise" not in render.power_detail(game, pid, other)


def test_the_final_report_lists_every_power_s_objectives_once_the_game_is_over(genoa: Rules) -> None:
    from game.text import render
    game = Game.new(marked(genoa), seed=1)
    game.run_to_end()
    report = render.final_report(game)
    assert "MARK<germany>" in report and "MARK<france>" in report
