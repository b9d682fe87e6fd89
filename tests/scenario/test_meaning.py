"""The meaning pass: what a careful reader of a scenario would call a
mistake, though every key and id is right."""
from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from game.scenario.findings import Finding
from game.scenario.loader import load_scenario_text

CODES_DIR = Path(__file__).parent / "fixtures" / "codes"


def check(*parts: str) -> list[Finding]:
    """Findings for the base scenario with the YAML ``parts`` laid over it."""
    text = "id: probe\nextends: base\n" + "".join(dedent(p).lstrip("\n") for p in parts)
    loaded = load_scenario_text(text, CODES_DIR / "probe.yaml")
    assert loaded.scenario is not None, [str(f) for f in loaded.findings]
    return loaded.findings


def only(findings: list[Finding], code: str) -> Finding:
    assert [f.code for f in findings] == [code], [str(f) for f in findings]
    return findings[0]


def objective(condition: str) -> str:
    return f"""
        objectives:
          britain:
            - id: probe
              title: A probe
              points: 1
              condition: {condition}
    """


@pytest.mark.parametrize("condition, words", [
    ("{status: {power: britain, at_least: de_jure, at_most: de_facto}}", "at least de_jure and at most de_facto"),
    ("{status: {power: soviet_russia, at_least: de_facto}}", "hub power"),
    ("{compare: {var: britain.trust, op: '>', value: 100}}", "britain.trust > 100 is impossible"),
    ("{compare: {var: britain.status, op: '>=', value: 4}}", "stays within 0..3"),
    ("{all: [{compare: {var: britain.trust, op: '>', value: 60}}, {compare: {var: britain.trust, op: '<', value: 50}}]}",
     "cannot be both > 60 and < 50"),
    ("{treaty: {with: [soviet_russia], clauses: [trade_agreement]}}", "never listed among the partners"),
    ("{date: {from: 1922-01-01}}", "lies outside the scenario"),
    ("{any: [{date: {to: 1920-01-01}}, {compare: {var: britain.trust, op: '<', value: 0}}]}", "none of the 'any'"),
    ("{leader: {power: britain, is: churchill}}", "never leads britain"),
    ("{at_least: {count: 2, of: [{flag: x}, {date: {to: 1900-01-01}}]}}", "only 1 can ever hold"),
])
def test_an_objective_that_can_never_be_met_is_a_warning(condition: str, words: str) -> None:
    extra = "powers: {britain: {leaders: {churchill: {name: Winston Churchill}}}}\n" if "churchill" in condition else ""
    findings = [f for f in check(objective(condition), extra) if f.code != "M007"]
    f = only(findings, "M002")
    assert words in f.message and "'probe' of britain" in f.message


def test_a_leader_put_in_office_by_an_event_is_possible() -> None:
    findings = check(objective("{leader: {power: britain, is: bonar_law}}"), """
        powers: {britain: {leaders: {bonar_law: {name: Andrew Bonar Law}}}}
        events:
          - id: kronstadt
            effects: [{set_leader: {power: britain, leader: bonar_law}}]
    """)
    assert findings == []


def test_a_clause_only_some_partners_may_sign() -> None:
    findings = check(objective("{treaty: {with: [britain], clauses: [secret_protocol]}}"), """
        clause_types:
          secret_protocol:
            title: Secret military protocol
            partners: [soviet_russia]
            value: {hub: [{label: "a secret ally", amount: 5}]}
    """)
    assert "may only be agreed with soviet_russia, not with britain" in only(findings, "M002").message


@pytest.mark.parametrize("event, words", [
    ("{id: kronstadt, from: 1921-03-05, to: 1921-03-07}", "no turn begins between 1921-03-05 and 1921-03-07"),
    ("{id: kronstadt, chance: 0}", "its chance is 0"),
    ("{id: kronstadt, conditions: {event: kronstadt}}", "already fired"),
    ("{id: kronstadt, to: 1920-12-31, from: 1920-12-01}", "lies outside the scenario"),
])
def test_an_event_that_can_never_fire_is_a_warning(event: str, words: str) -> None:
    f = only(check(f"events: [{event}]\n"), "M001")
    assert words in f.message and "'kronstadt'" in f.message


def test_an_event_waiting_for_an_event_that_never_fires_never_fires_either() -> None:
    findings = check("""
        events:
          - {id: kronstadt, chance: 0}
          - id: aftermath
            title: After Kronstadt
            text: The party closes ranks.
            conditions: {event: kronstadt}
    """)
    assert sorted(f.message.split(":")[0] for f in findings) == [
        "the event 'aftermath' can never fire", "the event 'kronstadt' can never fire"]


def test_dates_outside_the_scenario_are_warnings_where_they_are_written() -> None:
    findings = check("""
        conferences:
          london:
            title: London talks
            opens: 1921-05-01
            closes: 1921-07-15
            host: britain
            invited: [britain, soviet_russia]
    """)
    f = only(findings, "M003")
    assert "closes (1921-07-15)" in f.message and (Path(f.file).name, f.line) == ("probe.yaml", 7)


def test_a_flag_nothing_raises_is_reported_once_with_a_suggestion() -> None:
    findings = check(objective("{flag: curzon_note}"), """
        events:
          - id: kronstadt
            effects: [{flag: curzon_notes}]
    """)
    f = only(findings, "M007")
    assert "did you mean 'curzon_notes'" in f.message


def test_numbers_outside_a_values_range_are_warnings() -> None:
    findings = check("""
        events:
          - id: kronstadt
            effects: [{set: {var: soviet_russia.famine, to: 150}}]
    """)
    assert "soviet_russia.famine is set to 150, outside its range 0..100" in only(findings, "M006").message


def test_a_power_that_cannot_be_played_needs_no_objectives() -> None:
    findings = check("""
        powers:
          france:
            name: France
            playable: false
            leader: briand
            leaders: {briand: {name: Aristide Briand}}
    """)
    assert findings == []


def test_possible_conditions_give_no_warning() -> None:
    assert check(objective("{all: [{compare: {var: britain.trust, op: '>=', value: 50}}, "
                           "{compare: {var: britain.trust, op: '<=', value: 50}}, {date: {from: 1921-03-01}}]}")) == []
