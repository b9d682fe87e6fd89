"""``python main.py classroom packets|export``: the teacher's paper and records."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.scenario import load_rules
from game.saves.store import SaveStore
from game.saves.errors import SaveError
from game.errors import UsageError


def register(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("classroom", help="classroom play: printable role packets, and a save's records and debrief")
    inner = c.add_subparsers(dest="classroom_command", metavar="packets|export|host", required=True)
    p = inner.add_parser("packets", help="one printable HTML page per role, an index and the facilitator's guide")
    p.add_argument("--scenario", default="genoa_rapallo_1922", metavar="ID|PATH",
                   help="a scenario id or a scenario file (default: genoa_rapallo_1922)")
    p.add_argument("--mods", action="append", metavar="DIR", help="mod folders to load")
    p.add_argument("--out", required=True, metavar="DIR", help="the folder to write the packets into")
    p.set_defaults(func=cmd_packets)
    e = inner.add_parser("export", help="log.csv, treaties.csv, session.json and debrief.html for a save")
    e.add_argument("save", metavar="SAVE", help="a save file, or the name of a save in the saves folder")
    e.add_argument("--out", required=True, metavar="DIR", help="the folder to write the four files into")
    e.add_argument("--saves", metavar="DIR", help="the saves folder (default: $RAPALLO_SAVES or saves/)")
    e.set_defaults(func=cmd_export)


def _out_dir(text: str) -> Path:
    out = Path(text)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{text}: exists and is not a folder")
    return out


def cmd_packets(args: argparse.Namespace) -> int:
    from game.classroom.packets import write_packets
    rules = load_rules(args.scenario, args.mods or ())
    written = write_packets(rules, _out_dir(args.out))
    if not rules.scenario.roles:
        # A scenario without roles (the long campaign) is still taught: the guide carries its note for teachers.
        print(f"{args.scenario} has no roles, so there are no delegation packets; wrote the facilitator's guide "
              f"(with the note for teachers) and the index to {args.out}", file=sys.stderr)
        return 0
    print(f"Wrote {len(written) - 2} role packets, the index and the facilitator's guide to {args.out}",
          file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from game.classroom.export import export
    try:
        save = SaveStore(args.saves).resolve(args.save)
    except SaveError as e:
        raise UsageError(str(e)) from None
    written = export(save, _out_dir(args.out))
    print(f"Wrote {', '.join(p.name for p in written)} to {args.out}", file=sys.stderr)
    return 0
