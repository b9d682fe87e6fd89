"""Writing merged scenario data back out as YAML (for ``resolve``).

Uses PyYAML's safe dumper only. Words that a YAML 1.1 reader would take
for booleans or octal numbers are quoted, so that what ``resolve`` prints
reads back the same through the strict loader.
"""
from __future__ import annotations

from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)
