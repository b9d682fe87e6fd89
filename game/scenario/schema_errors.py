"""Turning pydantic's validation errors into findings a modder can act on:
the place in the file, a plain message, and "did you mean" for unknown keys
and kinds."""
from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from game.engine.model.conditions import CONDITION_KINDS
from game.engine.model.effects import EFFECT_KINDS
from game.scenario.findings import Finding, did_you_mean
from game.scenario.strictyaml import SourceMap


def _unwrap(tp: Any) -> list[Any]:
    """The concrete types inside Optional/Union/Annotated."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        out = []
        for a in typing.get_args(tp):
            out += _unwrap(a)
        return out
    return [tp]


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def models_at(root: type[BaseModel], loc: tuple[Any, ...], data: Any) -> list[type[BaseModel]]:
    """The models that could describe the mapping at ``loc`` (to list its keys)."""
    current: list[Any] = [root]
    node = data
    for part in loc:
        nxt: list[Any] = []
        for tp in current:
            for t in _unwrap(tp):
                origin = typing.get_origin(t)
                if isinstance(t, type) and issubclass(t, BaseModel):
                    for name, f in t.model_fields.items():
                        if part in (name, f.alias):
                            nxt.append(f.annotation)
                elif origin in (list, tuple):
                    nxt.append(typing.get_args(t)[0])
                elif origin is dict:
                    nxt.append(typing.get_args(t)[1])
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        if nxt:
            current = nxt
    out = []
    for tp in current:
        for t in _unwrap(tp):
            if isinstance(t, type) and issubclass(t, BaseModel):
                out.append(t)
    return out


def _data_path(loc: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    """Pydantic's loc with union tags and wrapper names removed: the path in the file.

    A discriminated union puts the kind's tag before the kind's own field, which has
    the same name (``('leader', 'leader', 'power')``); the first of the two is skipped.
    """
    path: list[Any] = []
    node = data
    for i, part in enumerate(loc):
        is_tag = (part in CONDITION_KINDS or part in EFFECT_KINDS) and i + 1 < len(loc) and loc[i + 1] == part
        if isinstance(part, str) and ("[" in part or part.startswith("function-") or is_tag):
            continue
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str):
            path.append(part)  # a missing key: the finding points at its parent mapping
            node = None
    return tuple(path)


def named(path: tuple[Any, ...], data: Any) -> str:
    """A path as a modder names things: list items by their id (events.kronstadt), else by position."""
    parts: list[str] = []
    node = data
    for p in path:
        if isinstance(node, list) and isinstance(p, int) and 0 <= p < len(node):
            item = node[p]
            parts.append(item["id"] if isinstance(item, dict) and isinstance(item.get("id"), str) else str(p))
            node = item
        else:
            parts.append(str(p))
            node = node.get(p) if isinstance(node, dict) else None
    return ".".join(parts)


def _place(path: tuple[Any, ...], data: Any) -> str:
    return f"in {named(path, data)}" if path else "at the top level"


def _description(root: type[BaseModel], parent: tuple[Any, ...], data: Any, key: Any) -> str:
    """What a key is for, from the model's field description (to say what a missing key should hold)."""
    for m in models_at(root, parent, data):
        for name, f in m.model_fields.items():
            if key in (name, f.alias) and f.description:
                return f.description.rstrip(".")[:1].lower() + f.description.rstrip(".")[1:]
    return ""


def findings_from(err: ValidationError, data: Any, source: SourceMap, root: type[BaseModel]) -> list[Finding]:
    out: list[Finding] = []
    for e in err.errors(include_url=False):
        loc = tuple(e["loc"])
        path = _data_path(loc, data)
        etype = e["type"]
        where = named(path, data) or "the top level"
        if etype == "extra_forbidden":
            key = path[-1] if path else loc[-1]
            options: list[str] = []
            for m in models_at(root, path[:-1], data):
                options += _field_names(m)
            hint = did_you_mean(str(key), options)
            if not hint and " " in str(key).strip():   # {description: Machines, credits and work} splits at the comma
                hint = "; if the line is written inside {...}, a comma there ends a value: put text with commas in quotes"
            out.append(source.finding(path, "S001", f"unknown key '{key}' {_place(path[:-1], data)}{hint}",
                                      key=True))
        elif etype == "missing":
            key = path[-1] if path else loc[-1]
            hint = _description(root, path[:-1], data, key)
            out.append(source.finding(path[:-1], "S002", f"missing key '{key}' {_place(path[:-1], data)}"
                                                         + (f": {hint}" if hint else "")))
        elif etype in ("unknown_condition", "unknown_effect", "union_tag_invalid", "union_tag_not_found"):
            kinds = CONDITION_KINDS if etype == "unknown_condition" else EFFECT_KINDS
            val = e.get("input")
            got = next(iter(val), None) if isinstance(val, dict) and val else None
            what = "condition" if etype == "unknown_condition" else "effect"
            if isinstance(val, dict) and len(val) != 1:
                article = "an" if what[0] in "aeiou" else "a"
                msg = f"{article} {what} has exactly one key, naming its kind; found {len(val)} keys"
                if {"id", "title"} <= set(val):   # an event's option written under effects:
                    msg += f" ({', '.join(map(str, val))}): this looks like an option; options go under options:"
            else:
                msg = f"unknown {what} '{got}'{did_you_mean(str(got), kinds)} (kinds: {', '.join(kinds)})"
            out.append(source.finding(path + (got,) if got else path, "S004", msg, key=bool(got)))
        elif etype in ("value_error", "assertion_error"):
            msg = str(e["msg"]).removeprefix("Value error, ")
            out.append(source.finding(path, "S005", f"{where}: {msg}"))
        else:
            out.append(source.finding(path, "S003", f"{where}: {plain_message(e)}"))
    return out


def _found(value: Any) -> str:
    """What was written, in a modder's words."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a true/false value)"
    if isinstance(value, (int, float)):
        return f"the number {value:g}" if isinstance(value, float) else f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{shown}'"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, (list, tuple)):
        return "a list"
    if hasattr(value, "isoformat"):
        return f"the date {value.isoformat()}"
    return "something else"


_ID_EXAMPLE = "lowercase letters, digits and _, starting with a letter, like britain or trade_agreement"

#: pydantic's error type → what was expected, in the modder's terms, with an example.
_EXPECTED: dict[str, str] = {
    "string_type": "a piece of text (quote it if it looks like a number or a date: \"1922\")",
    "list_type": "a list, like [britain, france] or one '- item' per line",
    "dict_type": "a mapping of keys, like {title: Trade} or one 'key: value' per line",
    "model_type": "a mapping of keys, like {var: hub.gold, by: 10} (see the reference for its keys)",
    "model_attributes_type": "a mapping of keys (see the reference for its keys)",
    "float_type": "a number, like 10 or 2.5",
    "float_parsing": "a number, like 10 or 2.5 (without units or words)",
    "int_type": "a whole number, like 10",
    "int_parsing": "a whole number, like 10 (without units or words)",
    "int_from_float": "a whole number, like 10 (not 2.5)",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "date_type": "a date written year-month-day, like 1922-04-16",
    "date_parsing": "a date written year-month-day, like 1922-04-16",
    "date_from_datetime_parsing": "a date written year-month-day, like 1922-04-16",
    "date_from_datetime_inexact": "a date without a time of day, like 1922-04-16",
    "finite_number": "an ordinary number, like 10 (not .inf or .nan)",
}


def plain_message(e: Any) -> str:
    """One of pydantic's errors in the modder's terms: what was expected (with an example) and what was found."""
    etype, ctx, value = e["type"], e.get("ctx") or {}, e.get("input")
    found = _found(value)
    if etype == "string_pattern_mismatch":
        return f"expected an id: {_ID_EXAMPLE}; found {found}"
    if etype == "literal_error":
        return f"expected one of {ctx.get('expected', '').replace(chr(39), '')}; found {found}"
    if etype in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        words = {"greater_than": "more than", "greater_than_equal": "at least",
                 "less_than": "less than", "less_than_equal": "at most"}[etype]
        bound = next(iter(ctx.values()), "")
        bound = f"{bound:g}" if isinstance(bound, (int, float)) else str(bound)
        return f"expected a number {words} {bound}; found {found}"
    if etype in ("too_short", "string_too_short"):
        n = ctx.get("min_length", 1)
        what = "text of at least" if etype == "string_too_short" else "a list with at least"
        unit = "character" if etype == "string_too_short" else "item"
        if etype == "string_too_short" and n == 1:
            return "expected some text here; found it empty (write it, or leave the key out if it may be omitted)"
        return f"expected {what} {n} {unit}{'s' if n != 1 else ''}; found {ctx.get('actual_length', 'fewer')}"
    if etype in ("too_long", "string_too_long"):
        n = ctx.get("max_length", "")
        unit = "characters" if etype == "string_too_long" else "items"
        return f"expected at most {n} {unit}; found more"
    if etype == "enum":
        return f"expected one of {ctx.get('expected', '')}; found {found}"
    expected = _EXPECTED.get(etype)
    if expected is None:
        text = str(e.get("msg", "")).replace("Input should be", "expected")
        return f"{text[:1].lower()}{text[1:]}; found {found}"
    return f"expected {expected}; found {found}"
