"""No content can run code: nowhere in the project is there eval, exec,
pickle or an unsafe YAML loader (found by reading the code, not by grep,
so comments and strings do not count)."""
from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "dill", "marshal", "shelve", "jsonpickle"}
FORBIDDEN_YAML = {"load", "load_all", "unsafe_load", "unsafe_load_all", "full_load", "full_load_all", "Loader",
                  "UnsafeLoader", "FullLoader", "CLoader", "CUnsafeLoader", "CFullLoader"}


def python_files() -> list[Path]:
    skip = {".git", ".venv", "venv", "node_modules", "build", "dist"}
    return [p for p in ROOT.rglob("*.py") if not skip & set(p.relative_to(ROOT).parts)]


def offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    out = []
    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            out.append(f"{where}: {node.func.id}()")
        elif isinstance(node, ast.Import):
            out += [f"{where}: import {a.name}" for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
            out.append(f"{where}: from {node.module} import ...")
        elif isinstance(node, ast.ImportFrom) and node.module == "yaml":
            out += [f"{where}: from yaml import {a.name}" for a in node.names if a.name in FORBIDDEN_YAML]
        elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "yaml"
              and node.attr in FORBIDDEN_YAML):
            out.append(f"{where}: yaml.{node.attr}")
    return out


def test_no_eval_exec_pickle_or_unsafe_yaml_anywhere() -> None:
    found = [o for p in python_files() for o in offences(p)]
    assert not found, "code that could run content:\n" + "\n".join(found)


def test_the_check_itself_catches_what_it_should(tmp_path: Path) -> None:
    bad = tmp_path / "unsafe.py"
    bad.write_text("import pickle\nimport yaml\nyaml.load('a', Loader=yaml.Loader)\neval('1')\n")
    assert len(offences(bad)) == 4
