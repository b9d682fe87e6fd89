"""Packaging glue: the wheel carries the content folders inside the game package.

The repository keeps ``scenarios/``, ``mods/`` and ``assets/`` at its top,
where authors edit them; a built wheel needs them inside ``game/`` so that an
installed game finds them (``game.content``). Everything else is in
pyproject.toml.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

#: Top-level folder -> its place inside the installed package.
CONTENT = {"scenarios": "_scenarios", "mods": "_mods", "assets": "_assets"}


class BuildWithContent(build_py):
    def run(self) -> None:
        super().run()
        here = Path(__file__).resolve().parent
        for folder, inside in CONTENT.items():
            target = Path(self.build_lib) / "game" / inside
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(here / folder, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithContent})
