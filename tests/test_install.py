"""A game a teacher installs with one command: the wheel carries the content,
and the game finds its content wherever it runs from."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pygame

from game import content

ROOT = Path(__file__).resolve().parent.parent


def test_the_content_finder_points_at_files_that_exist() -> None:
    assert (content.SCENARIOS / "genoa_rapallo_1922.yaml").is_file()
    assert content.THEME_FILE.is_file()
    assert (content.FONTS / "OldStandard-Regular.ttf").is_file()
    assert content.MAP_FILE.is_file()
    assert any(content.MODS.glob("*/mod.yaml"))


def test_a_checkout_keeps_its_saves_in_the_repository_unless_told_otherwise(monkeypatch) -> None:
    monkeypatch.delenv("RAPALLO_SAVES", raising=False)
    assert content.from_checkout()
    assert content.saves_dir() == ROOT / "saves"
    monkeypatch.setenv("RAPALLO_SAVES", "/somewhere/else")
    assert content.saves_dir() == Path("/somewhere/else")
    assert content.saves_dir("mine") == Path("mine")


def test_the_built_wheel_carries_scenarios_theme_fonts_and_map(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                          "--no-index", "-w", str(tmp_path / "wheels")],
                         capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    wheels = list((tmp_path / "wheels").glob("rapallo-*.whl"))
    assert len(wheels) == 1
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    for needed in ("game/_scenarios/genoa_rapallo_1922.yaml", "game/_assets/theme/rapallo.json",
                   "game/_assets/fonts/OldStandard-Regular.ttf", "game/_assets/fonts/PTMono-Regular.ttf",
                   "game/_assets/map/europe_1921.json", "game/_mods/us_at_genoa/mod.yaml",
                   "game/content.py", "game/__main__.py", "game/engine/strings.py",
                   "game/locale/en/LC_MESSAGES/rapallo.po", "game/locale/de/LC_MESSAGES/rapallo.po"):
        assert needed in names, needed


def test_python_dash_m_game_lists_the_scenarios() -> None:
    out = subprocess.run([sys.executable, "-m", "game", "scenarios", "--json"], capture_output=True, text=True,
                         cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert '"genoa_rapallo_1922"' in out.stdout


def test_the_paper_read_back_from_the_cache_is_the_paper_that_was_made(monkeypatch, tmp_path: Path) -> None:
    from game.ui.widgets import paper as paper_module
    monkeypatch.setenv("RAPALLO_CACHE_DIR", str(tmp_path))
    paper_module._cache.clear()
    made = paper_module.paper((96, 64), "#ede3cb")
    assert len(list(tmp_path.glob("paper-*"))) == 1
    paper_module._cache.clear()
    kept = paper_module.paper((96, 64), "#ede3cb")
    assert kept is not made
    assert pygame.image.tobytes(kept, "RGB") == pygame.image.tobytes(made, "RGB")


def test_the_paper_cache_keeps_only_a_few_sheets(monkeypatch, tmp_path: Path) -> None:
    from game.ui.widgets import paper as paper_module
    monkeypatch.setenv("RAPALLO_CACHE_DIR", str(tmp_path))
    for width in range(40, 40 + 2 * (paper_module.KEEP + 3), 2):  # a window dragged wider, step by step
        paper_module.paper((width, 30), "#ede3cb")
    assert len(list(tmp_path.glob("paper-*.rgb"))) == paper_module.KEEP
    assert (tmp_path / f"paper-{paper_module.RECIPE}-{width}x30-ede3cb-1922.rgb").is_file()
