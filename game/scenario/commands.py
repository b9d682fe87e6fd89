"""The modder's commands: ``validate``, ``resolve``, ``schema`` and ``docs``.

Each is a thin layer over its module (``validate``, ``library``,
``schema``, ``docs``); bad usage (a path that does not exist, a scenario
id nobody has) raises ``game.errors.UsageError`` and exits with status 2.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from game.errors import UsageError
from game.guarded import clean_for_terminal
from game.scenario import mod_dirs
from game.scenario.findings import errors, to_json


def _usage(message: str) -> Exception:
    return UsageError(message)


def cmd_validate(args: argparse.Namespace) -> int:
    from game.scenario.validate import NothingToCheck, validate_paths
    try:
        report = validate_paths(args.paths, mod_dirs(args.mods))
    except NothingToCheck as e:
        raise _usage(str(e)) from None
    if args.format == "json":
        print(to_json(report.findings, files=report.files))
    else:
        for f in report.findings:
            print(clean_for_terminal(str(f)))     # findings quote the file: no escape codes to the terminal
        print(report.summary(), file=sys.stderr if report.findings else sys.stdout)
    return 1 if report.errors else 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from game.scenario.documents import display_name, read_document
    from game.scenario.dump import dump_yaml
    from game.scenario.library import Library
    from game.scenario.loader import check
    lib = Library.for_game(mod_dirs(args.mods))
    target = Path(args.scenario)
    if target.suffix in (".yaml", ".yml") and target.is_file():
        doc = read_document(target)
    else:
        found = lib.by_id.get(args.scenario)
        if found is None:
            from game.scenario.findings import did_you_mean
            raise _usage(f"unknown scenario '{args.scenario}'{did_you_mean(args.scenario, lib.by_id)} "
                         f"(known: {', '.join(sorted(lib.by_id)) or 'none'})")
        doc = found
    resolved = lib.resolve(doc)
    loaded = check(resolved)
    bad = errors(loaded.findings)
    if bad and resolved.tree is None:   # nothing to show: the first error is the one line (exit 2; 1 is validate's)
        more = f" (and {len(bad) - 1} more: see python main.py validate {args.scenario})" if len(bad) > 1 else ""
        raise _usage(f"{bad[0]}{more}")
    if resolved.tree is not None:
        sources = ", ".join(sorted({display_name(p) for p in resolved.files}))
        print(f"# {doc.label}, resolved from: {sources}")
        if resolved.mods:
            print(f"# mods: {', '.join(resolved.mods)}")
        sys.stdout.write(dump_yaml(resolved.tree.data))
    for f in loaded.findings:
        print(f, file=sys.stderr)
    if bad:
        raise _usage(f"{args.scenario} has {len(bad)} error(s): it resolves (above) but cannot be played")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from game.scenario.schema import write_schemas
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise _usage(f"--out {args.out}: not a folder; the schemas are three files, so name a folder for them")
    for path in write_schemas(out):
        print(path)
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from game.scenario.docs import reference
    text = reference()
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text, encoding="utf-8")
        print(args.out)
    else:
        sys.stdout.write(text)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    v = sub.add_parser("validate", help="check scenario files, scenario folders and mods; print every finding")
    v.add_argument("paths", nargs="+", metavar="PATH", help="a scenario file, a folder of them, or a mod folder")
    v.add_argument("--format", choices=("text", "json"), default="text")
    v.add_argument("--mods", action="append", metavar="DIR", help="also install the mods in DIR (repeatable)")
    v.set_defaults(func=cmd_validate)
    r = sub.add_parser("resolve", help="print a scenario with everything it extends and every mod patch merged in")
    r.add_argument("scenario", metavar="SCENARIO", help="a scenario id (or a scenario file)")
    r.add_argument("--mods", action="append", metavar="DIR", help="also install the mods in DIR (repeatable)")
    r.set_defaults(func=cmd_resolve)
    s = sub.add_parser("schema", help="write JSON Schema files for editors (scenario and mod.yaml)")
    s.add_argument("--out", required=True, metavar="DIR")
    s.set_defaults(func=cmd_schema)
    d = sub.add_parser("docs", help="write the scenario reference (Markdown), generated from the code")
    d.add_argument("--out", metavar="FILE", help="where to write it (default: print it)")
    d.set_defaults(func=cmd_docs)
