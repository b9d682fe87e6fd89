"""Run every benchmark in bench/ and print its numbers: python -m bench"""
from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from bench.common import machine


def main() -> int:
    print(f"machine: {machine()}")
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name.startswith("bench_"))
    for name in names:
        print(f"\n== {name}")
        module = importlib.import_module(f"bench.{name}")
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
