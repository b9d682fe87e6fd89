"""A strict, safe YAML reader that remembers where every value came from.

Built on PyYAML's safe composer (no object construction, no tags that run
code), with the YAML 1.1 traps closed: only ``true``/``false`` are
booleans, numbers with a leading zero are refused, merge keys are refused,
duplicate keys are errors, and a file that is too large, too deep or
expands too many aliases (a "YAML bomb") is refused before it is built.
Values come back as plain dicts, lists, strings, numbers, dates and None,
with a ``SourceMap`` from each path to its line and column.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.scenario.findings import Finding

MAX_BYTES = 2_000_000
MAX_DEPTH = 64
MAX_NODES = 200_000

Path = tuple[Any, ...]

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9][0-9_]*(\.[0-9]*)?$")
_FAKE_BOOL = re.compile(r"^(yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|True|TRUE|False|FALSE)$")


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.2-like plain scalars: true/false, decimal numbers, null, dates."""


_Resolver.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in (
    (_TAG + "bool", r"^(?:true|false)$", "tf"),
    (_TAG + "int", r"^[-+]?(?:0|[1-9][0-9_]*)$", "-+0123456789"),
    (_TAG + "float", r"^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
                     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
    (_TAG + "null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (_TAG + "timestamp", r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$", "0123456789"),
):
    _Resolver.add_implicit_resolver(_tag, re.compile(_regexp), list(_first))


class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
              _Resolver):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a document was written."""

    file: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path, key: bool = False) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), (1, 1))

    def finding(self, path: Path, code: str, message: str, key: bool = False) -> Finding:
        line, col = self.where(path, key)
        return Finding(self.file, line, col, code, message)


class _Builder:
    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.findings: list[Finding] = []

    def _pos(self, node: Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _add(self, node: Node, code: str, msg: str) -> None:
        line, col = self._pos(node)
        self.findings.append(Finding(self.source.file, line, col, code, msg))

    def build(self, node: Node, path: Path, depth: int = 0) -> Any:
        self.source.values.setdefault(path, self._pos(node))
        if depth > MAX_DEPTH:
            self._add(node, "P006", f"nesting deeper than {MAX_DEPTH} levels")
            return None
        if node.tag not in _ALLOWED_TAGS:
            self._add(node, "P007", f"the tag {node.tag!r} is not allowed")
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._mapping(node, path, depth)

    def _mapping(self, node: MappingNode, path: Path, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        first: dict[Any, int] = {}
        for knode, vnode in node.value:
            if knode.tag == _TAG + "merge" or (isinstance(knode, ScalarNode) and knode.value == "<<"):
                self._add(knode, "P005", "merge keys (<<) are not allowed; write the keys out")
                continue
            key = self._scalar(knode) if isinstance(knode, ScalarNode) else None
            if key is None or isinstance(key, (list, dict)):
                self._add(knode, "S003", "a key must be a plain word")
                continue
            if isinstance(key, (dt.date, float, bool)):
                key = knode.value
            if key in first:
                self._add(knode, "P002", f"duplicate key '{key}' (first at line {first[key]})")
                continue
            first[key] = knode.start_mark.line + 1
            self.source.keys[path + (key,)] = self._pos(knode)
            out[key] = self.build(vnode, path + (key,), depth + 1)
        return out

    def _scalar(self, node: ScalarNode) -> Any:
        tag, text = node.tag, node.value
        plain = node.style is None
        if plain and _LEADING_ZERO.match(text):
            self._add(node, "P004", f"'{text}' starts with 0; write it without the leading zero (or quote it)")
            return text
        if plain and _FAKE_BOOL.match(text):
            self._add(node, "P003", f"'{text}' is not a boolean here: write true or false (or quote it if you mean the word)")
            return text
        if tag == _TAG + "bool":
            return text == "true"
        if tag == _TAG + "int":
            return int(text.replace("_", ""))
        if tag == _TAG + "float":
            low = text.lower()
            if "inf" in low or "nan" in low:
                self._add(node, "S003", f"'{text}' is not a usable number")
                return text
            return float(text.replace("_", ""))
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "timestamp":
            try:
                y, m, d = (int(x) for x in text.split("-"))
                return dt.date(y, m, d)
            except ValueError:
                self._add(node, "S003", f"'{text}' is not a real date")
                return text
        return text


def _expanded_size(root: Node) -> int:
    """Nodes the document would have with every alias expanded (memoised: fast even for a bomb)."""
    memo: dict[int, int] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in memo:
            continue
        children = []
        if isinstance(node, SequenceNode):
            children = list(node.value)
        elif isinstance(node, MappingNode):
            children = [n for pair in node.value for n in pair]
        if done:
            memo[id(node)] = min(10**12, 1 + sum(memo[id(c)] for c in children))
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in memo)
    return memo[id(root)]


def load_text(text: str, file: str = "<text>") -> tuple[Any, SourceMap, list[Finding]]:
    """Parse a YAML document strictly: (data, source map, findings)."""
    source = SourceMap(file)
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        return None, source, [Finding(file, 1, 1, "P006", f"the file is larger than {MAX_BYTES // 1_000_000} MB")]
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(x for x in (e.context, e.problem) if x)
        return None, source, [Finding(file, line, col, "P001", what or "not valid YAML")]
    except yaml.YAMLError as e:
        return None, source, [Finding(file, 1, 1, "P001", str(e).splitlines()[0])]
    except RecursionError:
        return None, source, [Finding(file, 1, 1, "P006", "nesting too deep")]
    if root is None:
        return None, source, [Finding(file, 1, 1, "P001", "the file is empty")]
    size = _expanded_size(root)
    if size > MAX_NODES:
        line, col = root.start_mark.line + 1, root.start_mark.column + 1
        return None, source, [Finding(file, line, col, "P006",
                                      f"aliases expand to more than {MAX_NODES} values (a YAML bomb?)")]
    builder = _Builder(source)
    try:
        data = builder.build(root, ())
    except RecursionError:
        return None, source, [Finding(file, 1, 1, "P006", "nesting too deep")]
    return data, source, builder.findings


def load_file(path: str, display: str | None = None) -> tuple[Any, SourceMap, list[Finding]]:
    name = display or path
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as e:
        return None, SourceMap(name), [Finding(name, 1, 1, "P008", f"cannot read the file: {e.strerror or e}")]
    if len(raw) > MAX_BYTES:
        return None, SourceMap(name), [Finding(name, 1, 1, "P006", f"the file is larger than {MAX_BYTES // 1_000_000} MB")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, SourceMap(name), [Finding(name, 1, 1, "P008", f"the file is not UTF-8 text (byte {e.start})")]
    return load_text(text, name)
