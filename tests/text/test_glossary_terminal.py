"""The glossary at the terminal: ``glossary`` lists the entries grouped by kind, ``glossary NAME`` finds
an entry by any of its spellings, and an event's text ends with one quiet line naming its entries."""
from __future__ import annotations

from game.engine.game import Game
from game.scenario import load_rules
from game.text import render
from game.text.app import TextApp


def terminal(lines: list[str]) -> list[str]:
    out: list[str] = []
    app = TextApp(Game.new(load_rules("genoa_rapallo_1922"), seed=1), "soviet_russia", write=out.append)
    for line in lines:
        app.handle(line)
    return out


def test_glossary_lists_the_entries_grouped_by_kind() -> None:
    listing = terminal(["glossary"])[-1]
    heads = [line for line in listing.splitlines() if line.startswith("== ")]
    assert [h.split()[1] for h in heads] == ["People", "Places", "Terms", "Treaties"]
    people = listing[listing.index("== People"):listing.index("== Places")]
    assert "David Lloyd George  (Lloyd George)" in people and "Genoa" not in people


def test_glossary_finds_an_entry_by_another_spelling() -> None:
    out = terminal(["glossary Poincare", "glossary lloyd george", "glossary Treaty of Kars"])
    assert out[-3].startswith("Raymond Poincaré (person)") and "Boulogne" in out[-3]
    assert out[-2].startswith("David Lloyd George (person)")
    assert out[-1].startswith("Kars (place)")


def test_an_events_text_ends_with_the_names_it_uses() -> None:
    game = Game.new(load_rules("genoa_rapallo_1922"), seed=1)
    sc = game.rules.scenario
    event = next(e for e in sc.events if "Rathenau" in e.text)
    text = render.event_text(game, event.id)
    note = next(line for line in text.splitlines() if line.startswith("(glossary: "))
    assert "Rathenau" in note
    quiet = next(e for e in sc.events if not render.names_note(game, e.text))
    assert "(glossary:" not in render.event_text(game, quiet.id)
