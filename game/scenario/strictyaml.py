"""A strict, safe YAML reader that remembers where every value came from.

Built on PyYAML's event parser (libyaml when it is installed) and our own
composer: nothing is ever constructed from a tag, so no document can run
code. The YAML 1.1 traps are closed: only ``true``/``false`` are booleans,
numbers with a leading zero are refused, merge keys are refused, duplicate
keys are errors, and a file that is too large, too deeply nested or
expands too many aliases (a "YAML bomb") is refused before it is built.
Values come back as plain dicts, lists, strings, numbers, dates and None,
with a ``SourceMap`` from each path to its file, line and column.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.scenario.findings import Finding

MAX_BYTES = 2_000_000
MAX_DEPTH = 64
MAX_NODES = 200_000

Path = tuple[Any, ...]
#: Where a value was written: file, line, column (both counted from 1).
Loc = tuple[str, int, int]

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
    (_TAG + "float", r"^(?:[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?"
                     r"|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
    (_TAG + "null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (_TAG + "timestamp", r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$", "0123456789"),
):
    _Resolver.add_implicit_resolver(_tag, re.compile(_regexp), list(_first))


class _TooDeep(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        self.mark = mark
        self.message = message


class _DepthComposer(Composer):
    """PyYAML's composer with a nesting limit, checked before recursing any deeper."""

    _depth = 0
    nodes = 0
    aliases = 0  # how many aliases the document uses: without any, no bomb is possible

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        self._depth += 1
        self.nodes += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark, f"nesting deeper than {MAX_DEPTH} levels")
            if self.nodes > MAX_NODES:
                raise _TooDeep(self.peek_event().start_mark, f"more than {MAX_NODES} values in one file")
            if self.check_event(yaml.events.AliasEvent):
                self.aliases += 1
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


try:  # libyaml scans and parses in C; composing stays ours (depth limit, no construction).
    from yaml.cyaml import CParser as _Parser

    class _Loader(_Parser, _DepthComposer, _Resolver):  # type: ignore[misc,valid-type]
        def __init__(self, stream: str) -> None:
            _Parser.__init__(self, stream)
            _DepthComposer.__init__(self)
            _Resolver.__init__(self)

        get_single_node = Composer.get_single_node

        def dispose(self) -> None:
            pass
except ImportError:  # pragma: no cover - pure-python PyYAML
    class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,  # type: ignore[no-redef]
                  _DepthComposer, _Resolver):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            _DepthComposer.__init__(self)
            _Resolver.__init__(self)


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a document was written.

    A map built from one file names that file everywhere; a map built by
    merging (``extends``, mod patches) keeps, for every value, the file that
    wrote it.
    """

    file: str
    values: dict[Path, Loc] = field(default_factory=dict)
    keys: dict[Path, Loc] = field(default_factory=dict)

    def locate(self, path: Path, key: bool = False) -> Loc:
        """The place of ``path`` (its key if ``key``), or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), (self.file, 1, 1))

    def where(self, path: Path, key: bool = False) -> tuple[int, int]:
        _, line, col = self.locate(path, key)
        return line, col

    def finding(self, path: Path, code: str, message: str, key: bool = False) -> Finding:
        file, line, col = self.locate(path, key)
        return Finding(file, line, col, code, message)


class _Builder:
    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.file = source.file
        self.findings: list[Finding] = []

    def _loc(self, node: Node) -> Loc:
        return self.file, node.start_mark.line + 1, node.start_mark.column + 1

    def _add(self, node: Node, code: str, msg: str) -> None:
        self.findings.append(Finding(*self._loc(node), code, msg))

    def build(self, node: Node, path: Path) -> Any:
        self.source.values.setdefault(path, self._loc(node))
        if node.tag not in _ALLOWED_TAGS:
            self._add(node, "P007", f"the tag {node.tag!r} is not allowed (a scenario is data, never code)")
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._mapping(node, path)

    def _mapping(self, node: MappingNode, path: Path) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        first: dict[Any, int] = {}
        for knode, vnode in node.value:
            if knode.tag == _TAG + "merge" or (isinstance(knode, ScalarNode) and knode.value == "<<"):
                self._add(knode, "P005", "merge keys (<<) are not allowed; write the keys out, or use extends")
                continue
            if not isinstance(knode, ScalarNode) or knode.tag not in _ALLOWED_TAGS:
                self._add(knode, "S003", "a key must be a plain word")
                continue
            if not knode.style and (_LEADING_ZERO.match(knode.value) or _FAKE_BOOL.match(knode.value)):
                key: Any = knode.value   # a word used as a key ('no', '007') is just that word
            else:
                key = self._scalar(knode)
            if key is None:
                self._add(knode, "S003", "a key must be a plain word, not empty")
                continue
            if isinstance(key, (dt.date, float, bool)):
                key = knode.value
            if key in first:
                self._add(knode, "P002", f"duplicate key '{key}' (first at line {first[key]})")
                continue
            first[key] = knode.start_mark.line + 1
            self.source.keys[path + (key,)] = self._loc(knode)
            out[key] = self.build(vnode, path + (key,))
        return out

    def _scalar(self, node: ScalarNode) -> Any:
        tag, text = node.tag, node.value
        plain = not node.style  # None from PyYAML, '' from libyaml
        if plain and _LEADING_ZERO.match(text):
            self._add(node, "P004", f"'{text}' starts with 0; write it without the leading zero (or quote it)")
            return text
        if plain and _FAKE_BOOL.match(text):
            self._add(node, "P003", f"'{text}' is not a boolean here: write true or false "
                                    "(or quote it if you mean the word)")
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
            try:
                number = float(text.replace("_", ""))
            except ValueError:  # the pattern should not let one through; a text, then
                return text
            if not math.isfinite(number):  # 1e400 reads as infinity
                self._add(node, "S003", f"'{text}' is too large to be a usable number")
                return text
            return number
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "timestamp":
            try:
                y, m, d = (int(x) for x in text.split("-"))
                return dt.date(y, m, d)
            except ValueError:
                self._add(node, "S003", f"'{text}' is not a real date (write YYYY-MM-DD)")
                return text
        return text


class _Recursive(Exception):
    def __init__(self, node: Node) -> None:
        self.node = node


def _expanded_size(root: Node) -> int:
    """Nodes the document would have with every alias expanded (memoised: fast even for a bomb).

    Raises ``_Recursive`` for an alias that refers to the collection it is in.
    """
    memo: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in memo:
            continue
        children: list[Node] = []
        if isinstance(node, SequenceNode):
            children = list(node.value)
        elif isinstance(node, MappingNode):
            children = [n for pair in node.value for n in pair]
        if done:
            open_.discard(id(node))
            memo[id(node)] = min(10**12, 1 + sum(memo[id(c)] for c in children))
            continue
        if id(node) in open_:
            raise _Recursive(node)
        open_.add(id(node))
        stack.append((node, True))
        for c in children:
            if id(c) in open_:
                raise _Recursive(c)
            if id(c) not in memo:
                stack.append((c, False))
    return memo[id(root)]


def _reader_position(text: str, byte_offset: int, char_offset: int | None) -> tuple[int, int]:
    if char_offset is None:
        char_offset = len(text.encode("utf-8")[:max(0, byte_offset)].decode("utf-8", "ignore"))
    before = text[:char_offset]
    return before.count("\n") + 1, char_offset - (before.rfind("\n") + 1) + 1


def _clamp(text: str, line: int, col: int) -> tuple[int, int]:
    """A parser's place, moved back into the text when it points past the end (the end of the file)."""
    lines = text.split("\n")
    if line > len(lines):
        line, col = len(lines), len(lines[-1]) + 1
    return line, min(col, len(lines[line - 1]) + 1)


# The parser's words for the usual slips, and what a modder should look at (indentation, quotes, tabs).
_HINTS = (
    ("mapping values are not allowed", "a ':' where no key can start: check the indentation of this line and "
     "the one above it, or put text that contains ': ' in quotes"),
    ("did not find expected key", "this line is not lined up with the keys above it: the keys of one "
     "mapping start in the same column"),
    ("did not find expected '-' indicator", "this line is not lined up with the list above it: each item of "
     "a list starts with '- ' in the same column"),
    ("expected ',' or '}'", "every { needs its }, and inside {...} a comma or a ': ' ends a value: close the "
     "mapping, or put text that contains them in quotes"),
    ("expected ',' or ']'", "every [ needs its ], and inside [...] a comma ends an item: close the list, or "
     "put text that contains one in quotes"),
    ("while scanning a quoted scalar", "a quotation mark is not closed"),
)


def _hint(what: str, text: str, line: int, col: int) -> str:
    """A plain-words hint for a parser message, or ''."""
    rows = text.split("\n")
    here = rows[line - 1] if 0 < line <= len(rows) else ""
    if "\t" in here[:max(col, len(here) - len(here.lstrip()))]:
        return ": a tab character; YAML indents with spaces only (replace the tab with spaces)"
    return next((f": {hint}" for key, hint in _HINTS if key in what), "")


def _compose(text: str, file: str) -> tuple[Node | None, bool, list[Finding]]:
    """The document's node tree, whether it uses aliases, and what stopped it."""
    try:
        loader = _Loader(text)
        try:
            return loader.get_single_node(), loader.aliases > 0, []
        finally:
            loader.dispose()
    except _TooDeep as e:
        return None, False, [Finding(file, e.mark.line + 1, e.mark.column + 1, "P006", e.message)]
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = _clamp(text, mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(x for x in (e.context, e.problem) if x) or "not valid YAML"
        ctx = e.context_mark
        if ctx is not None and mark is not None and (ctx.line, ctx.column) != (mark.line, mark.column):
            what += f" (it began at line {ctx.line + 1}, column {ctx.column + 1})"
        what += _hint(what, text, line, col)
        return None, False, [Finding(file, line, col, "P006" if "nesting depth" in what else "P001", what)]
    except yaml.reader.ReaderError as e:
        pure = e.encoding != "?"  # the pure-python reader counts characters, libyaml bytes
        line, col = _reader_position(text, e.position, e.position if pure else None)
        return None, False, [Finding(file, line, col, "P001", f"a character that is not allowed in YAML "
                              f"(#x{e.character:04x}): {e.reason}" if isinstance(e.character, int)
                              else f"not readable as YAML: {e.reason}")]
    except yaml.YAMLError as e:
        return None, False, [Finding(file, 1, 1, "P001", str(e).splitlines()[0])]


def load_text(text: str, file: str = "<text>") -> tuple[Any, SourceMap, list[Finding]]:
    """Parse a YAML document strictly: (data, source map, findings)."""
    source = SourceMap(file)
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "replace")) > MAX_BYTES:
        return None, source, [Finding(file, 1, 1, "P006", f"the file is larger than {MAX_BYTES // 1_000_000} MB")]
    root, aliased, findings = _compose(text, file)
    if findings:
        return None, source, findings
    if root is None:
        return None, source, [Finding(file, 1, 1, "P001", "the file is empty")]
    try:
        size = _expanded_size(root) if aliased else 0  # without aliases the size limit caps it
    except _Recursive as e:
        mark = e.node.start_mark
        return None, source, [Finding(file, mark.line + 1, mark.column + 1, "P006",
                                      "an alias refers to the list or mapping it is part of (it would never end)")]
    if size > MAX_NODES:
        line, col = root.start_mark.line + 1, root.start_mark.column + 1
        return None, source, [Finding(file, line, col, "P006",
                                      f"aliases expand to more than {MAX_NODES} values (a YAML bomb?)")]
    builder = _Builder(source)
    data = builder.build(root, ())
    return data, source, builder.findings


def read_bytes(path: str, display: str | None = None) -> tuple[bytes | None, list[Finding]]:
    """A file's bytes (at most MAX_BYTES), or the finding that says why it cannot be read."""
    name = display or path
    from game.guarded import UnreadableFile, read_untrusted   # regular files only, capped, never hangs
    try:
        raw = read_untrusted(path, "scenario")
    except UnreadableFile as e:
        return None, [Finding(name, 1, 1, "P006" if e.reason == "too_large" else "P008", f"cannot read the file: {e.plain}")]
    if len(raw) > MAX_BYTES:
        return None, [Finding(name, 1, 1, "P006", f"the file is larger than {MAX_BYTES // 1_000_000} MB")]
    return raw, []


def decode(raw: bytes, name: str) -> tuple[str | None, list[Finding]]:
    """The text of a file's bytes, or a finding at the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as e:
        text = raw[:e.start].decode("utf-8", "ignore")
        line, col = text.count("\n") + 1, len(text) - (text.rfind("\n") + 1) + 1
        return None, [Finding(name, line, col, "P008", f"the file is not UTF-8 text (byte {e.start})")]


def load_bytes(raw: bytes, name: str) -> tuple[Any, SourceMap, list[Finding]]:
    text, findings = decode(raw, name)
    if text is None:
        return None, SourceMap(name), findings
    return load_text(text, name)


def load_file(path: str, display: str | None = None) -> tuple[Any, SourceMap, list[Finding]]:
    name = display or path
    raw, findings = read_bytes(path, name)
    if raw is None:
        return None, SourceMap(name), findings
    return load_bytes(raw, name)
