"""The names of the glossary found in a text (game/engine/glossary.py): the longest name first, whole
words only, other spellings too; and the shipped glossary itself: valid, and holding every name the
encyclopedia promises."""
from __future__ import annotations

import pytest

from game.engine.glossary import KINDS, Glossary, glossary_of
from game.scenario import load_rules

SCENARIOS = ("return_to_europe_1921", "genoa_rapallo_1922", "long_campaign_1921_1933")


@pytest.fixture(scope="module")
def gl() -> Glossary:
    return glossary_of(load_rules("genoa_rapallo_1922").scenario.glossary)


def named(g: Glossary, text: str) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.entry) for s in g.find(text)]


def test_the_longest_name_wins_where_two_start_together(gl: Glossary) -> None:
    assert named(gl, "Germany ratified the Treaty of Rapallo in 1923.") == [("Treaty of Rapallo", "rapallo_treaty")]
    assert named(gl, "After Rapallo, Genoa failed.") == [("Rapallo", "rapallo_treaty"), ("Genoa", "genoa")]
    assert named(gl, "Moscow signed the Litvinov protocol") == [("Litvinov protocol", "litvinov_protocol")]
    assert named(gl, "Litvinov came") == [("Litvinov", "litvinov")]


def test_names_match_whole_words_only(gl: Glossary) -> None:
    assert named(gl, "Rigault and Karsten met in Kamakura with a nephew") == []
    assert named(gl, "Riga, Kars; Kama.") == [("Riga", "riga"), ("Kars", "kars"), ("Kama", "kama")]


def test_other_spellings_find_their_entry_and_possessives_still_match(gl: Glossary) -> None:
    assert named(gl, "Poincare and Lloyd George's plan") == [("Poincare", "poincare"), ("Lloyd George", "lloyd_george")]
    assert named(gl, "the Communist International") == [("Communist International", "comintern")]


def test_case_does_not_matter_except_in_abbreviations(gl: Glossary) -> None:
    assert named(gl, "Concessions, and more concessions") == [("Concessions", "concessions"),
                                                              ("concessions", "concessions")]
    assert named(gl, "the NEP") == [("NEP", "nep")]
    assert named(gl, "a nep or an ara") == []


def test_a_name_wrapped_across_lines_is_still_found(gl: Glossary) -> None:
    assert named(gl, "the Treaty of\n  Rapallo") == [("Treaty of\n  Rapallo", "rapallo_treaty")]


def test_lookup_prefers_the_exact_name_then_any_that_contains_it(gl: Glossary) -> None:
    assert [e.id for e in gl.lookup("rapallo")] == ["rapallo_treaty"]
    assert [e.id for e in gl.lookup("  lloyd   GEORGE ")] == ["lloyd_george"]
    assert {"rapallo_town", "rapallo_treaty"} <= {e.id for e in gl.lookup("rapal")}
    assert gl.lookup("zzz") == []


@pytest.mark.parametrize("sid", SCENARIOS)
def test_every_shipped_entry_is_valid_and_each_name_finds_one_entry(sid: str) -> None:
    rules = load_rules(sid)
    entries = rules.scenario.glossary
    assert len(entries) >= 60
    g = glossary_of(entries)
    for e in entries:
        assert e.kind in KINDS
        assert 60 <= len(" ".join(e.text.split())) <= 600, e.id
        for name in [e.term, *e.aka]:
            assert [x.id for x in g.lookup(name)] == [e.id], name   # R017 keeps names unique; lookup agrees


PROMISED = ["Lenin", "Chicherin", "Litvinov", "Krasin", "Joffe", "Radek", "Rakovsky", "Lloyd George", "Curzon",
            "Briand", "Poincaré", "Barthou", "Facta", "Schanzer", "Wirth", "Rathenau", "Maltzan", "Stresemann",
            "Hughes", "Urquhart", "MacDonald", "Herriot", "Zinoviev", "Genoa", "Rapallo (the town)",
            "Santa Margherita", "Cannes", "The Hague", "Boulogne", "Riga", "Kars", "Lipetsk", "Kama", "Locarno",
            "Berlin", "Arcos", "Moorgate", "de jure", "de facto", "NEP", "Comintern", "Narkomindel", "Entente",
            "reparations", "Reparation Commission", "concessions", "most-favoured-nation"]


@pytest.mark.parametrize("name", PROMISED)
def test_the_encyclopedia_has_every_name_the_three_scenarios_need(gl: Glossary, name: str) -> None:
    assert len(gl.lookup(name)) == 1, name
