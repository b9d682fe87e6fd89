"""JSON Schema files for editors, generated from the scenario model.

With a YAML language server (VS Code's YAML extension, Neovim's yamlls), a
first line ``# yaml-language-server: $schema=PATH`` gives completion, the
meaning of each key on hover, and live checks while typing. Three files:

- ``scenario.schema.json`` — a whole scenario file;
- ``scenario-part.schema.json`` — a file with ``extends:``, ``patches:``
  or ``abstract: true`` (every key optional, since the rest is inherited);
- ``mod.schema.json`` — a mod's ``mod.yaml``.

The editor's check is a convenience; ``python main.py validate`` is the
judge (it also checks ids, references and meaning).
"""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from game.engine.model.scenario import Scenario
from game.scenario.mods import ModManifest

#: Draft 7: what the YAML language server reads (pydantic's output uses nothing newer).
DRAFT = "http://json-schema.org/draft-07/schema#"
_ID = {"type": "string", "pattern": r"^[a-z][a-z0-9_]*$", "maxLength": 64}


def _short_forms(schema: dict[str, Any]) -> None:
    """Allow the short ways of writing clauses that the loader accepts."""
    defs = schema["$defs"]
    if "ClauseRef" in defs:
        defs["ClauseRefFull"] = defs.pop("ClauseRef")
        defs["ClauseRef"] = {
            "description": "A clause: its type id alone (default parameters), or "
                           "{type_id: {param: value}}, or {type: type_id, params: {...}}.",
            "anyOf": [dict(_ID), {"type": "object", "minProperties": 1, "maxProperties": 1,
                                  "additionalProperties": {"type": ["object", "null"]}},
                      {"$ref": "#/$defs/ClauseRefFull"}]}
    if "ClauseMatch" in defs:
        defs["ClauseMatchFull"] = defs.pop("ClauseMatch")
        defs["ClauseMatch"] = {"description": "A clause type id, or {clause: id, at_least: {...}, at_most: {...}}.",
                               "anyOf": [dict(_ID), {"$ref": "#/$defs/ClauseMatchFull"}]}


def _optional_everywhere(node: Any) -> None:
    if isinstance(node, dict):
        for key in ("required", "minProperties", "minItems"):
            node.pop(key, None)
        for v in node.values():
            _optional_everywhere(v)
    elif isinstance(node, list):
        for v in node:
            _optional_everywhere(v)


def scenario_schema() -> dict[str, Any]:
    schema = Scenario.model_json_schema(by_alias=True)
    _short_forms(schema)
    # A complete scenario may still build on a template (the shared glossary of the 1920s scenarios).
    schema["properties"] = {"extends": {**_ID, "description": "The id of a template this complete scenario "
                                                               "builds on (its keys are merged in)."},
                            **schema["properties"]}
    return {"$schema": DRAFT, "title": "Rapallo scenario", **schema}


def part_schema() -> dict[str, Any]:
    schema = copy.deepcopy(scenario_schema())
    _optional_everywhere(schema)
    schema["title"] = "Rapallo scenario part (extends, patches or abstract)"
    schema["properties"] = {
        "extends": {**_ID, "description": "The id of the scenario this one builds on."},
        "patches": {**_ID, "description": "In a mod: the id of the scenario this file changes in place."},
        "abstract": {"type": "boolean", "description": "true: a template, not listed or playable by itself."},
        "remove": {"type": "array", "items": {"type": "string", "pattern": r"^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$"},
                   "description": "Paths to take out of what is inherited, like powers.japan or events.famine."},
        **schema["properties"]}
    return schema


def mod_schema() -> dict[str, Any]:
    return {"$schema": DRAFT, "title": "Rapallo mod.yaml", **ModManifest.model_json_schema(by_alias=True)}


SCHEMAS = {"scenario.schema.json": scenario_schema, "scenario-part.schema.json": part_schema,
           "mod.schema.json": mod_schema}


def schema_texts() -> dict[str, str]:
    return {name: json.dumps(make(), indent=1, sort_keys=False) + "\n" for name, make in SCHEMAS.items()}


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


__all__ = ["scenario_schema", "part_schema", "mod_schema", "write_schemas", "schema_texts"]
