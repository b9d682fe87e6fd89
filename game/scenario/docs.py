"""The scenario reference, generated from the code.

Every key a scenario file may hold (type, default, one-line meaning from
the model's field descriptions and docstrings), every kind of condition
and effect, the engine's own state values, the mod.yaml keys and every
finding code. Run ``python main.py docs --out docs/SCENARIO_REFERENCE.md``
(or ``python -m game.scenario.docs``) after changing the model; a test
fails while the committed file is stale.
"""
from __future__ import annotations

import datetime as dt
import enum
import inspect
import sys
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from game.engine.model.common import Id, VarRef
from game.engine.model.conditions import CONDITION_KINDS
from game.engine.model.effects import EFFECT_KINDS
from game.engine.model.scenario import Scenario
from game.engine.variables import CORE_VARIABLES
from game.scenario.findings import CODES
from game.scenario.introspect import models_in, models_under
from game.scenario.mods import ModManifest

COMMAND = "python main.py docs --out docs/SCENARIO_REFERENCE.md"

GROUPS = (
    ("game.engine.model.scenario", "The scenario", "The top of the file and its general sections."),
    ("game.engine.model.powers", "Powers", "The states in the scenario, their leaders, diplomats and blocs."),
    ("game.engine.model.clauses", "Clauses",
     "Clause types (the articles a treaty is made of), their parameters, value terms, flows and red lines."),
    ("game.engine.model.effects", "Clauses in scripted treaties", "How events name clauses."),
    ("game.engine.model.obligations", "Obligations",
     "Decisions a treaty in force brings back to its parties: instalments, deliveries, incidents."),
    ("game.engine.model.events", "Conferences, events, objectives and history", ""),
    ("game.engine.model.roles", "Classroom roles", "The people students play, and how a class plays the scenario."),
    ("game.engine.model.sidetalks", "Talks among the other powers",
     "Topics two or more powers other than the hub may bargain over among themselves, and how far news of "
     "them travels."),
)

SCOPES = {"hub": "`<hub>.NAME` (also `hub.NAME`)", "partners": "`<power>.NAME` for every power but the hub "
          "(also `partner.NAME`, `self.NAME`)", "powers": "`<power>.NAME` for every power (also `self.NAME`)",
          "world": "`world.NAME`"}


def _id_like(meta: Any) -> str | None:
    pattern = getattr(meta, "pattern", None)
    if pattern == typing.get_args(Id)[1].pattern:
        return "id"
    if pattern == typing.get_args(VarRef)[1].pattern:
        return "state value"
    return None


def type_name(tp: Any, metadata: list[Any] | tuple[Any, ...] = ()) -> str:
    """A type as a modder reads it: 'id', 'number', 'list of [Term](#term)'..."""
    for m in metadata:
        if _id_like(m):
            return _id_like(m) or ""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        return _union_link(tp) or type_name(args[0], args[1:])
    if origin in (typing.Union, types.UnionType):
        link = _union_link(tp)
        if link:
            return link
        inner = [a for a in args if a is not type(None)]
        return " or ".join(dict.fromkeys(type_name(a) for a in inner))
    if origin is typing.Literal:
        return "one of: " + ", ".join(f"`{a}`" for a in args)
    if origin in (list, tuple):
        return f"list of {type_name(args[0])}"
    if origin is dict:
        return f"mapping: {type_name(args[0])} → {type_name(args[1])}"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return {str: "text", float: "number", int: "whole number", bool: "true/false", dt.date: "date (YYYY-MM-DD)",
            type(None): "nothing"}.get(tp, getattr(tp, "__name__", str(tp)))


def _union_link(tp: Any) -> str:
    """A link to the conditions or effects section if ``tp`` is (or holds) their union, else ''."""
    members = set()
    for a in typing.get_args(tp):
        if typing.get_origin(a) is typing.Annotated:
            a = typing.get_args(a)[0]
        if typing.get_origin(a) in (typing.Union, types.UnionType):
            return _union_link(a)
        members.add(a)
    if members & set(CONDITION_KINDS.values()):
        return "[condition](#conditions)"
    if members & set(EFFECT_KINDS.values()):
        return "[effect](#effects)"
    return ""


def default_text(f: FieldInfo) -> str:
    if f.is_required():
        return "required"
    if f.default_factory is not None:
        value = f.default_factory()  # type: ignore[call-arg]
        if isinstance(value, BaseModel):
            return "(its defaults)"
        return "`[]`" if value == [] else "`{}`" if value == {} else f"`{value}`"
    value = f.default
    if value is None or value is PydanticUndefined:
        return "—"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, str):
        return f'`"{value}"`' if value else '`""`'
    if isinstance(value, enum.Enum):
        return f"`{value.name}`"
    return f"`{value:g}`" if isinstance(value, float) else f"`{value}`"


def one_line(text: str | None) -> str:
    """The first sentence or paragraph, on one line, safe inside a table cell."""
    if not text:
        return ""
    para = inspect.cleandoc(text).split("\n\n")[0]
    return " ".join(para.split()).replace("|", "\\|")


def limits(metadata: list[Any]) -> str:
    """Range and length limits, as words: ' (0..100)', ' (>= 1)', ' (not empty)'."""
    lo = hi = None
    words = []
    for m in metadata:
        for attr, kind in (("ge", ">="), ("gt", ">"), ("le", "<="), ("lt", "<")):
            v = getattr(m, attr, None)
            if v is not None:
                if kind.startswith(">"):
                    lo = (kind, v)
                else:
                    hi = (kind, v)
        n = getattr(m, "min_length", None)
        if n:
            words.append("not empty" if n == 1 else f"at least {n} items")
        n = getattr(m, "max_length", None)
        if n and not getattr(m, "pattern", None):
            words.append(f"at most {n} items")
    if lo and hi and lo[0] == ">=" and hi[0] == "<=":
        words.insert(0, f"{lo[1]:g}..{hi[1]:g}")
    else:
        words[:0] = [f"{b[0]} {b[1]:g}" for b in (lo, hi) if b]
    return f" ({', '.join(words)})" if words else ""


def meaning(f: FieldInfo) -> str:
    """The field's description, else the docstring of the model it holds."""
    if f.description:
        return one_line(f.description)
    held = list(models_in(f.annotation))
    return one_line(held[0].__doc__) if len(held) == 1 else ""


def field_rows(model: type[BaseModel]) -> list[str]:
    rows = ["| key | type | default | meaning |", "|---|---|---|---|"]
    for name, f in model.model_fields.items():
        key = f.alias or name
        rows.append(f"| `{key}` | {type_name(f.annotation, f.metadata)}{limits(f.metadata)} | {default_text(f)} | "
                    f"{meaning(f)} |")
    return rows


def model_section(model: type[BaseModel], level: str = "###") -> list[str]:
    return [f"{level} {model.__name__}", "", one_line(model.__doc__), "", *field_rows(model), ""]


def kind_section(kind: str, cls: type[BaseModel]) -> list[str]:
    (name, f), = cls.model_fields.items()
    key = f.alias or name
    out = [f"### `{key}`", "", one_line(cls.__doc__), ""]
    spec = f.annotation
    if isinstance(spec, type) and issubclass(spec, BaseModel):
        out += [f"`{key}:` takes a mapping:", "", *field_rows(spec), ""]
    else:
        out += [f"`{key}:` takes {type_name(spec, f.metadata)}.", ""]
    return out


def missing_descriptions() -> list[str]:
    """Fields whose meaning the reference cannot say (for authors of the model)."""
    out = []
    for m in models_under(Scenario) + [*CONDITION_KINDS.values(), *EFFECT_KINDS.values()]:
        for name, f in m.model_fields.items():
            kind = m in (*CONDITION_KINDS.values(), *EFFECT_KINDS.values())
            if not meaning(f) and not kind:
                out.append(f"{m.__module__}.{m.__name__}.{f.alias or name}")
    return out


def _variables() -> list[str]:
    rows = ["| name | written as | range | default | meaning |", "|---|---|---|---|---|"]
    for v in CORE_VARIABLES:
        rows.append(f"| `{v.name}` | {SCOPES[v.scope].replace('NAME', v.name)} | {v.min:g}..{v.max:g} | "
                    f"{v.default:g} | **{v.title}.** {one_line(v.description)} |")
    rows += [
        "| `status` | `<power>.status` (also `partner.status`) | 0..3 | from `status:` | The power's rung on the "
        "ladder with the hub power: 0 none, 1 de_facto, 2 de_jure, 3 full_relations (read only). |",
        "| `<bloc>_unity` | `world.<bloc>_unity` for each bloc | 0..100 | the bloc's `unity` | How united a bloc "
        "is. |",
        "| relation | `relation.<power>__<power>` | -100..100 | from `relations:` | How two powers regard each "
        "other. |",
    ]
    return rows


def _codes() -> list[str]:
    rows = ["| code | severity | meaning |", "|---|---|---|"]
    for code, (severity, meaning) in CODES.items():
        rows.append(f"| `{code}` | {severity} | {one_line(meaning)} |")
    return rows


INHERITANCE = """\
These keys steer how files combine; they are read before the schema and are
never part of the merged scenario. See docs/MODDING.md for examples.

| key | type | default | meaning |
|---|---|---|---|
| `extends` | id | — | Build on the scenario with this id: its keys are inherited, this file's keys override them. |
| `abstract` | true/false | `false` | A template: not listed or playable by itself, only extended. |
| `remove` | list of paths | `[]` | Paths to take out of what is inherited, like `powers.japan` or `events.famine_news` (names and ids joined by dots). Removing what is not there is an error. |
| `patches` | id | — | Only in a mod: change the scenario with this id in place (every key optional, like `extends`). |

How values merge: mappings merge key by key; lists whose items all have an
`id` (events, options, objectives, agenda items...) merge item by item, and
an item with a new id is added at the end; any other value, and any other
list, is replaced whole.
"""


def reference() -> str:
    out = ["# Scenario reference", "",
           f"Generated from the code by `{COMMAND}`; do not edit it by hand.",
           "The tutorial is in [MODDING.md](MODDING.md).", "",
           "Contents: [the scenario](#the-scenario) · [powers](#powers) · [clauses](#clauses) · "
           "[conferences, events, objectives and history](#conferences-events-objectives-and-history) · "
           "[inheritance and mods](#inheritance-and-mods) · [conditions](#conditions) · [effects](#effects) · "
           "[state values](#state-values) · [mod.yaml](#modyaml) · [finding codes](#finding-codes)", ""]
    models = models_under(Scenario)
    for module, title, intro in GROUPS:
        group = [m for m in models if m.__module__ == module]
        if not group:
            continue
        out += [f"## {title}", ""] + ([intro, ""] if intro else [])
        for m in group:
            out += model_section(m)
    out += ["## Inheritance and mods", "", INHERITANCE]
    out += ["## Conditions", "", one_line(sys.modules[CONDITION_KINDS["all"].__module__].__doc__), "",
            "A condition is a mapping with exactly one key, its kind:", ""]
    for kind, cls in CONDITION_KINDS.items():
        out += kind_section(kind, cls)
    out += ["## Effects", "", one_line(sys.modules[EFFECT_KINDS["adjust"].__module__].__doc__), "",
            "An effect is a mapping with exactly one key, its kind:", ""]
    for kind, cls in EFFECT_KINDS.items():
        out += kind_section(kind, cls)
    out += ["## State values", "",
            "The engine's own values; a scenario adds more under `variables:`. Every change is kept within the "
            "range. `<hub>` is the hub power's id (say `soviet_russia`), `<power>` any power's id.", "",
            *_variables(), ""]
    out += ["## mod.yaml", "", one_line(ModManifest.__doc__), "", *field_rows(ModManifest), ""]
    out += ["## Finding codes", "",
            "Every finding the checker prints (`FILE:LINE:COL: error|warning CODE: message`) has one of these "
            "codes. Codes never change meaning.", "", *_codes(), ""]
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    import argparse
    from pathlib import Path
    p = argparse.ArgumentParser(prog="python -m game.scenario.docs", description=__doc__.splitlines()[0])
    p.add_argument("--out", metavar="FILE", help="where to write it (default: print it)")
    p.add_argument("--missing", action="store_true", help="list model fields that have no description")
    args = p.parse_args(argv)
    if args.missing:
        print("\n".join(missing_descriptions()))
        return 0
    text = reference()
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
