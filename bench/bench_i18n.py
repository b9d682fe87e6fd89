"""The catalogues of the game's words: parsing a .po with polib beside reading the cached table back.

The window's first frame needs the English table; a start after the first reads it from the cache.

    python -m bench.bench_i18n
"""
from __future__ import annotations

import os
import tempfile

from bench.common import machine, median_ms, report
from game import i18n

RUNS = 7


def main() -> list[str]:
    english = i18n.catalogue_path("en")
    raw = english.read_bytes()
    before = os.environ.get("RAPALLO_CACHE_DIR")
    with tempfile.TemporaryDirectory() as cache:
        os.environ["RAPALLO_CACHE_DIR"] = cache
        try:
            parse = median_ms(lambda: i18n._parse(raw, None), RUNS)
            i18n.read_catalogue(english)                    # fills the cache
            cached = median_ms(lambda: i18n.read_catalogue(english), RUNS)
        finally:
            if before is None:
                del os.environ["RAPALLO_CACHE_DIR"]
            else:
                os.environ["RAPALLO_CACHE_DIR"] = before
    return [report(f"parse the English catalogue with polib, median of {RUNS}", parse, "ms", "only after a change",
                   True),
            report(f"read it back from the cache, median of {RUNS}", cached, "ms", "< 5 ms", cached < 5)]


if __name__ == "__main__":
    print(f"machine: {machine()}")
    main()
