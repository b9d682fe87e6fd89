"""The shape of the house: imports point one way.

The launcher (game.cli) only parses arguments and calls the parts, so no
other module may import it; the engine's modules sit in layers, so none of
them has to hide an import inside a function to dodge a circle; and the
main menu opens without loading the engine.
"""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

GAME = Path(__file__).resolve().parent.parent / "game"


def module_name(path: Path) -> str:
    parts = path.relative_to(GAME.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def game_modules() -> dict[str, Path]:
    found = {module_name(p): p for p in GAME.rglob("*.py")}
    assert "game.cli" in found and "game.engine.world" in found
    return found


def imported(node: ast.AST, modules: dict[str, Path]) -> set[str]:
    """The game modules an import statement loads (``from game.engine import world`` loads game.engine.world)."""
    names: list[str] = []
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
    return {n for n in names if n in modules}


def function_level_imports(path: Path, modules: dict[str, Path]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for fn in ast.walk(tree):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out += [f"{path.name}:{n.lineno} {ast.unparse(n)}" for n in ast.walk(fn) if imported(n, modules)]
    return out


def import_graph(modules: dict[str, Path], top_only: bool = False) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = tree.body if top_only else list(ast.walk(tree))
        graph[name] = set().union(*(imported(n, modules) for n in nodes)) - {name}
    return graph


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph[start])
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo += graph.get(m, ())
    return seen


def test_no_engine_module_hides_an_import_of_ours_inside_a_function() -> None:
    modules = game_modules()
    engine = [p for n, p in modules.items() if n.startswith("game.engine")]
    assert len(engine) > 20
    hidden = [line for p in engine for line in function_level_imports(p, modules)]
    assert hidden == []


def test_the_engine_modules_form_layers_without_a_circle() -> None:
    modules = {n: p for n, p in game_modules().items() if n.startswith("game.engine")}
    graph = import_graph(modules, top_only=True)
    assert graph["game.engine.game"]  # the game module does import the rest
    circles = sorted(m for m in graph if m in reachable(graph, m))
    assert circles == []


def test_only_the_launcher_imports_the_launcher() -> None:
    modules = game_modules()
    graph = import_graph(modules)
    importers = sorted(m for m, deps in graph.items() if "game.cli" in deps)
    assert importers == ["game.__main__"]  # ``python -m game`` is the launcher too


def test_no_import_circle_runs_through_the_launcher() -> None:
    graph = import_graph(game_modules())
    assert graph["game.cli"]  # the launcher calls the parts
    assert "game.cli" not in reachable(graph, "game.cli")


def test_the_main_menu_opens_without_the_engine_the_scenario_models_or_numpy(tmp_path: Path) -> None:
    probe = ("import sys\nfrom game.cli import main\nstatus = main([])\n"
             "heavy = [m for m in ('game.engine.game', 'game.engine.model', 'game.saves.session', 'pydantic', "
             "'numpy', 'asyncio', 'aiohttp', 'polib') if m in sys.modules]\nprint('status', status, 'heavy', ','.join(heavy) or '-')\n")
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "RAPALLO_EXIT_AFTER_FIRST_FRAME": "1",
           "RAPALLO_CACHE_DIR": str(tmp_path / "cache"), "RAPALLO_CONFIG_DIR": str(tmp_path / "config"),
           "RAPALLO_SAVES": str(tmp_path / "saves"), "PYTHONPATH": str(GAME.parent)}
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path)
            for _ in range(2)]
    for run in runs:
        assert run.returncode == 0, run.stderr[-2000:]
        assert "first frame at" in run.stderr
    assert "status 0 heavy numpy" in runs[0].stdout   # the first start makes the paper texture (with numpy)
    assert "status 0 heavy -" in runs[1].stdout       # later starts read it back: nothing heavy before the menu
