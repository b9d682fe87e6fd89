"""Thousands of malformed documents, and never a traceback.

Random mutations of the shipped scenarios (of their text, and of their data
written back as YAML) and random YAML go to the checker and to the game's
loader. Whatever comes in, the answer is a list of findings, each with a
known code and a real place in a real file; a document that cannot be
played always has at least one error; one that passes can start a game.
"""
from __future__ import annotations

import atexit
import copy
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.game import Game
from game.content import ROOT
from game.scenario.documents import display_name
from game.scenario.findings import CODES, errors
from game.scenario.library import Library
from game.scenario.loader import Loaded, check, load_scenario, rules_from
from game.scenario.strictyaml import load_text

FIXTURES = Path(__file__).parent / "fixtures"
GENOA = ROOT / "scenarios" / "genoa_rapallo_1922.yaml"
SMALL = [ROOT / "tests" / "fixtures" / "tiny.yaml", ROOT / "docs" / "tutorial" / "first_mod" / "trade_1921.yaml",
         ROOT / "mods" / "us_at_genoa" / "genoa_us_attends.yaml", FIXTURES / "codes" / "R008.yaml",
         FIXTURES / "codes" / "M002.yaml"]
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in [GENOA, *SMALL]}
WORK = Path(tempfile.mkdtemp(prefix="rapallo-fuzz-"))
atexit.register(shutil.rmtree, WORK, True)
(WORK / "base.yaml").write_text((FIXTURES / "codes" / "base.yaml").read_text())
LIB = Library.for_game()
KNOWN_LINES: dict[str, list[str]] = {}
for _p in [GENOA, *SMALL, WORK / "base.yaml", ROOT / "mods" / "us_at_genoa" / "mod.yaml"]:
    KNOWN_LINES[display_name(_p)] = _p.read_text(encoding="utf-8").split("\n")

#: RAPALLO_FUZZ_SCALE=20 runs twenty times as many examples, with fresh random ones each time (a deep hunt);
#: the default is a fixed, repeatable set that keeps the whole file under ~20 s.
SCALE = float(os.environ.get("RAPALLO_FUZZ_SCALE", "1"))
SETTINGS = dict(deadline=None, derandomize=SCALE == 1, suppress_health_check=list(HealthCheck), database=None)


def n(examples: int) -> int:
    return max(1, int(examples * SCALE))
SNIPPETS = [": ", ":", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "!!python/object:os.system ", "!tag ",
            "<<: ", "'", '"', "#", "|", ">", "%", "@", "`", "\t", "\n", "  ", "no", "yes", "0755", "1e400", ".nan",
            "~", "null", "1922-02-30", "1922-13-01", "true", "-1", "999999999999", "é", "\u202e", "\x00", "\x07",
            "id: ", "extends: genoa_rapallo_1922\n", "remove: [powers.japan]\n", "patches: x\n", "abstract: true\n"]


def places_are_real(loaded: Loaded, own: str, own_text: str) -> None:
    """Every finding has a known code and a place that exists in its file."""
    files = {**KNOWN_LINES, own: own_text.split("\n")}
    for f in loaded.findings:
        assert f.code in CODES, f
        assert f.line >= 1 and f.col >= 1, f
        lines = files.get(f.file)
        if lines is not None:
            assert f.line <= len(lines), f
            assert f.col <= len(lines[f.line - 1]) + 1 or f.code in ("P001", "P006", "P008"), f
    if loaded.scenario is None and not loaded.abstract:
        assert errors(loaded.findings), "a scenario that cannot be built must say why"


def validate_text(text: str, name: str = "mutant.yaml") -> Loaded:
    loaded = check(LIB.resolve_text(text, WORK / name, name))
    places_are_real(loaded, name, text)
    return loaded


# --- text-level mutations -------------------------------------------------------------------

@st.composite
def mutated(draw: st.DrawFn, names: list[str]) -> str:
    text = TEXTS[draw(st.sampled_from(names))]
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        op = draw(st.sampled_from(["insert", "delete", "line_dup", "line_del", "indent", "swap", "value", "cut"]))
        pos = draw(st.integers(0, max(0, len(text) - 1)))
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if op == "insert":
            bit = draw(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=6)))
            text = text[:pos] + bit + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 40)):]
        elif op == "line_dup":
            lines.insert(i, lines[i])
        elif op == "line_del":
            del lines[i]
        elif op == "indent":
            lines[i] = draw(st.sampled_from(["", " ", "  ", "\t", "    "])) + lines[i].lstrip(" ")[:]
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "value" and ": " in lines[i]:
            key = lines[i].split(": ", 1)[0]
            lines[i] = key + ": " + draw(st.sampled_from(SNIPPETS[20:]))
        elif op == "cut":
            text = text[:pos]
        if op in ("line_dup", "line_del", "indent", "swap", "value"):
            text = "\n".join(lines)
    return text


@settings(max_examples=n(600), **SETTINGS)
@given(mutated([p.name for p in SMALL]))
def test_mutated_small_scenarios_give_located_findings(text: str) -> None:
    validate_text(text)


@settings(max_examples=n(60), **SETTINGS)
@given(mutated([GENOA.name]))
def test_mutated_genoa_gives_located_findings(text: str) -> None:
    validate_text(text, "genoa_mutant.yaml")


# --- data-level mutations -----------------------------------------------------------------------

VALUES = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                   st.text(max_size=12), st.dates(dt.date(1800, 1, 1), dt.date(2100, 1, 1)),
                   st.lists(st.sampled_from(["britain", "germany", "x", "credits"]), max_size=3),
                   st.dictionaries(st.sampled_from(["id", "title", "var", "by", "compare", "all", "from"]),
                                   st.integers(0, 5), max_size=3))


def _walk_to(draw: st.DrawFn, node: Any) -> tuple[Any, Any]:
    """A random container in the tree and a key (or index) in it."""
    parent, key = None, None
    while isinstance(node, (dict, list)) and node and draw(st.integers(0, 4)) > 0:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        parent, key = node, draw(st.sampled_from(keys))
        node = node[key]
    return parent, key


DATA = {p: load_text(p.read_text(encoding="utf-8"), p.name)[0] for p in [GENOA, *SMALL[:3]]}


@st.composite
def mutated_data(draw: st.DrawFn, path: Path) -> str:
    data = copy.deepcopy(DATA[path])
    for _ in range(draw(st.integers(1, 3))):
        parent, key = _walk_to(draw, data)
        if parent is None:
            continue
        op = draw(st.sampled_from(["delete", "replace", "rename", "wrap", "duplicate"]))
        if op == "delete":
            del parent[key]
        elif op == "replace":
            parent[key] = draw(VALUES)
        elif op == "rename" and isinstance(parent, dict):
            parent[str(key) + draw(st.sampled_from(["s", "_", "x", ""]))[::-1]] = parent.pop(key)
        elif op == "wrap":
            parent[key] = [parent[key]]
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(key, parent[key])
    return yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)


@settings(max_examples=n(350), **SETTINGS)
@given(st.sampled_from(SMALL[:3]).flatmap(mutated_data))
def test_mutated_small_data_gives_located_findings(text: str) -> None:
    validate_text(text)


@settings(max_examples=n(40), **SETTINGS)
@given(mutated_data(GENOA))
def test_mutated_genoa_data_gives_located_findings(text: str) -> None:
    validate_text(text, "genoa_data_mutant.yaml")


# --- random YAML ---------------------------------------------------------------------------------

KEYS = ["id", "title", "start", "end", "hub", "powers", "clause_types", "events", "objectives", "extends", "remove",
        "abstract", "patches", "name", "leader", "leaders", "value", "condition", "compare", "var", "op", "all"]
DOCS = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8),
              st.dates(dt.date(1900, 1, 1), dt.date(1950, 1, 1))),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=6)), inner, max_size=5)),
    max_leaves=30)


@settings(max_examples=n(400), **SETTINGS)
@given(DOCS)
def test_random_yaml_gives_located_findings(doc: Any) -> None:
    validate_text(yaml.dump(doc, Dumper=yaml.CSafeDumper, allow_unicode=True))


@settings(max_examples=n(300), **SETTINGS)
@given(st.text(alphabet=st.sampled_from(list(":-[]{}#&*!|>'\"\n \tab01é%@`,?")), max_size=80))
def test_random_text_gives_located_findings(text: str) -> None:
    validate_text(text)


# --- the game's loader ----------------------------------------------------------------------------

@settings(max_examples=n(250), **SETTINGS)
@given(mutated([p.name for p in SMALL]))
def test_the_games_loader_never_raises_and_a_passing_scenario_starts_a_game(text: str) -> None:
    path = WORK / "saved_mutant.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    loaded = load_scenario(path)
    places_are_real(loaded, display_name(path), path.read_text(encoding="utf-8", errors="replace"))
    if loaded.ok:
        Game.new(rules_from(loaded), seed=1)
