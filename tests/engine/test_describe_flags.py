"""A choice that raises a flag says what the flag bears on, never the modder's name for it ("(berlin pressed)")."""
from __future__ import annotations

import pytest

from game.engine.describe import describe_effect
from game.engine.model import effects as E
from game.scenario import load_rules


def _flag_effects(rules):  # type: ignore[no-untyped-def]
    for event in rules.scenario.events:
        for effect in [*event.effects, *(f for o in event.options for f in o.effects)]:
            if isinstance(effect, E.RaiseFlag):
                yield event, effect


@pytest.mark.parametrize("scenario", ["genoa_rapallo_1922", "return_to_europe_1921"])
def test_no_effect_line_shows_an_internal_flag_name(scenario: str) -> None:
    rules = load_rules(scenario)
    found = list(_flag_effects(rules))
    assert found, "the scenario raises flags in its events"
    for event, effect in found:
        text = describe_effect(rules, effect, event.chooser)
        assert text, f"{event.id}: a raised flag is worth telling the player"
        assert effect.flag not in text and effect.flag.replace("_", " ") not in text, text


def test_pressing_berlin_names_the_german_condition_it_bears_on() -> None:
    rules = load_rules("genoa_rapallo_1922")
    press = next(o for e in rules.scenario.events if e.id == "berlin_soundings" for o in e.options if o.id == "press")
    flag = next(f for f in press.effects if isinstance(f, E.RaiseFlag))
    assert "Germany" in (describe_effect(rules, flag) or "")
