"""``python -m game``: the same as the ``rapallo`` command."""
import sys

from game.cli import main

sys.exit(main())
