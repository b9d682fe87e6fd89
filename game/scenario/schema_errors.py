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
            out.append(source.finding(path, "S001", f"unknown key '{key}' {_place(path[:-1], data)}"
                                                    f"{did_you_mean(str(key), options)}", key=True))
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
                msg = f"a {what} has exactly one key, naming its kind; found {len(val)} keys"
            else:
                msg = f"unknown {what} '{got}'{did_you_mean(str(got), kinds)} (kinds: {', '.join(kinds)})"
            out.append(source.finding(path + (got,) if got else path, "S004", msg, key=bool(got)))
        elif etype in ("value_error", "assertion_error"):
            msg = str(e["msg"]).removeprefix("Value error, ")
            out.append(source.finding(path, "S005", f"{where}: {msg}"))
        else:
            msg = e["msg"]
            if etype.startswith("bool"):
                msg += " (write true or false)"
            out.append(source.finding(path, "S003", f"{where}: {msg}"))
    return out
