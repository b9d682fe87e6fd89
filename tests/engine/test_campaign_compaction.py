"""A long campaign's state stays bounded: old news, old closed proposals and the charts are compacted,
while what the debrief and the AI read (accepted and pending proposals, recent news) is kept."""
from __future__ import annotations

import datetime as dt

from game.engine.clauses import Clause
from game.engine.game import Game
from game.engine.state import NEWS_KEPT, SERIES_POINTS, Proposal, compact
from game.engine.strings import news_text


def test_compaction_drops_old_refusals_but_keeps_accepted_and_pending_proposals(genoa) -> None:  # type: ignore[no-untyped-def]
    state = Game.new(genoa, seed=2).state
    state.proposals.clear()     # the AI's own first proposals (talks among the Allies) are not the subject here
    old = (state.today - dt.timedelta(days=400)).isoformat()
    clauses = [Clause.of("trade_agreement")]
    for status in ("rejected", "accepted", "pending", "expired"):
        state.proposals.append(Proposal(state.new_id(), ["britain"], ["soviet_russia"], clauses, 0, old,
                                        status=status))
    recent = Proposal(state.new_id(), ["france"], ["soviet_russia"], clauses, 0, state.date, status="rejected")
    state.proposals.append(recent)
    compact(state)
    assert sorted(p.status for p in state.proposals) == ["accepted", "pending", "rejected"]
    assert recent in state.proposals


def test_compaction_keeps_the_latest_news_and_every_recent_treaty(genoa) -> None:  # type: ignore[no-untyped-def]
    state = Game.new(genoa, seed=2).state
    state.news = [{"turn": i, "date": state.date, "kind": "news", "text": f"n{i}", "powers": []}
                  for i in range(NEWS_KEPT * 2)]
    state.news.insert(0, {"turn": 0, "date": state.date, "kind": "treaty", "text": "the first treaty", "powers": []})
    compact(state)
    texts = [news_text(n) for n in state.news]
    assert "the first treaty" in texts and texts[-1] == f"n{NEWS_KEPT * 2 - 1}"
    assert len(state.news) == NEWS_KEPT + 1


def test_charts_are_thinned_but_still_run_from_the_first_day_to_the_last(genoa) -> None:  # type: ignore[no-untyped-def]
    state = Game.new(genoa, seed=2).state
    first = state.series_dates[0]
    n = SERIES_POINTS + 10
    state.series_dates = [first] + [f"d{i}" for i in range(1, n)]
    state.series = {"x": [float(i) for i in range(n)]}
    compact(state)
    assert len(state.series_dates) < n and len(state.series["x"]) == len(state.series_dates)
    assert state.series_dates[0] == first and state.series_dates[-1] == f"d{n - 1}"
    assert state.series["x"][0] == 0.0 and state.series["x"][-1] == float(n - 1)
