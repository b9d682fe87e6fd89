"""Scenario mistakes a modder made that the checker let through (QA pass, 2026-11-30)."""
from __future__ import annotations

import shutil

from game.cli import main
from tests.conftest import ROOT

TUTORIAL = ROOT / "docs" / "tutorial" / "first_mod"


def _mod(tmp_path, edit):  # type: ignore[no-untyped-def]
    mod = tmp_path / "mymod"
    shutil.copytree(TUTORIAL, mod)
    f = mod / "trade_1921.yaml"
    text = f.read_text(encoding="utf-8")
    changed = edit(text)
    assert changed != text
    f.write_text(changed, encoding="utf-8")
    return mod


def test_the_tutorial_mod_is_clean(tmp_path, capsys):
    assert main(["validate", str(_mod(tmp_path, lambda s: s + "\n"))]) == 0


def test_a_number_too_large_for_a_float_is_an_error_not_infinity(tmp_path, capsys):
    mod = _mod(tmp_path, lambda s: s.replace("points: 50", "points: 1e400", 1))
    assert main(["validate", str(mod)]) == 1
    out = capsys.readouterr().out
    assert "trade_1921.yaml:67:15: error S003: '1e400' is too large" in out, out


def test_two_events_with_one_id_are_an_error_at_the_second(tmp_path, capsys):
    second = ("events:\n  - id: kronstadt\n    title: Again\n    text: Again.\n    from: 1921-03-01\n"
              "    to: 1921-03-20\n  - id: kronstadt")
    mod = _mod(tmp_path, lambda s: s.replace("events:\n  - id: kronstadt", second))
    assert main(["validate", str(mod)]) == 1
    out = capsys.readouterr().out
    assert "trade_1921.yaml:57:9: error S005: the id 'kronstadt' is used twice among the events" in out, out


def test_two_objectives_of_one_power_with_one_id_are_an_error(tmp_path, capsys):
    line = "      condition: {treaty: {with: [britain], clauses: [trade_agreement, no_propaganda]}}"
    extra = (line + "\n    - id: quiet_empire\n      title: Again\n      points: 5\n"
             "      condition: {treaty: {with: [britain], clauses: [trade_agreement]}}")
    mod = _mod(tmp_path, lambda s: s.replace(line, extra))
    assert main(["validate", str(mod)]) == 1
    out = capsys.readouterr().out
    assert "error S005: the id 'quiet_empire' is used twice among the objectives of britain" in out, out


def _genoa_copy(tmp_path, old: str, new: str):  # type: ignore[no-untyped-def]
    """A copy of Genoa beside its glossary template, with one line changed."""
    for name in ("genoa_rapallo_1922.yaml", "glossary_1920s.yaml"):
        shutil.copy(ROOT / "scenarios" / name, tmp_path / name)
    f = tmp_path / "genoa_rapallo_1922.yaml"
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(text.replace(old, new, 1).replace("id: genoa_rapallo_1922", "id: my_genoa", 1), encoding="utf-8")
    return f


def test_an_end_date_in_the_year_9999_is_an_error_not_a_crash_of_simulate(tmp_path, capsys):
    f = _genoa_copy(tmp_path, "end: 1922-06-30", "end: 9999-12-31")
    assert main(["validate", str(f)]) == 1
    assert "error S005: the top level: end is more than 100 years after start" in capsys.readouterr().out
    assert main(["simulate", "--scenario", str(f), "--seeds", "1"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "end is more than 100 years after start" in err, err


def test_next_naming_an_abstract_template_is_an_error_not_a_failure_at_the_end_of_the_game(tmp_path, capsys):
    f = _genoa_copy(tmp_path, "hub: soviet_russia\n", "hub: soviet_russia\nnext: glossary_1920s\n")
    assert main(["validate", str(f)]) == 1
    assert "error I012: next: 'glossary_1920s' is an abstract template" in capsys.readouterr().out
