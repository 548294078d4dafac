"""Shape of the code (issue 17): functions read as named steps (< 80 lines), modules do one thing (< 500 lines
unless their docstring says why they are longer).

Lengths are counted by ``ast``: ``end_lineno - lineno + 1`` of each function (decorators not counted).
``python -m pytest tests/unit/test_code_shape.py -q`` names every offender with its length; run this file
directly (``python tests/unit/test_code_shape.py``) to list the longest functions and modules.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CODE_DIRS = ("flows", "tasks", "bench", "tests")
MAX_FUNCTION_LINES = 80
MAX_MODULE_LINES = 500
# A module longer than MAX_MODULE_LINES says why at its top: this phrase in its docstring, then the reason.
LONG_MODULE_MARK = "Long on purpose:"

# Known offenders in rooms other engineers own right now; remove an entry once its function is split.
FUNCTION_ALLOW = {
}
MODULE_ALLOW = {
}


def _py_files(dirs, root: Path = REPO) -> list[Path]:
    return sorted(p for d in dirs for p in (root / d).rglob("*.py") if ".venv" not in p.parts)


def function_lengths(dirs=CODE_DIRS, root: Path = REPO) -> list[tuple[int, str]]:
    """(lines, "path::name") of every function and method under ``root``/``dirs``, longest first."""
    out = []
    for path in _py_files(dirs, root):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                out.append((node.end_lineno - node.lineno + 1, f"{path.relative_to(root)}::{node.name}"))
    return sorted(out, reverse=True)


def module_lengths(dirs=CODE_DIRS) -> list[tuple[int, str, str]]:
    """(lines, path, docstring) of every module under ``dirs``, longest first."""
    out = []
    for path in _py_files(dirs):
        text = path.read_text(encoding="utf-8")
        out.append((len(text.splitlines()), str(path.relative_to(REPO)), ast.get_docstring(ast.parse(text)) or ""))
    return sorted(out, reverse=True)


def test_functions_are_short():
    found = function_lengths()
    assert len(found) > 100, "the scan found too few functions to be looking at this repo"
    long = [f"{name}: {n} lines" for n, name in found if n > MAX_FUNCTION_LINES and name not in FUNCTION_ALLOW]
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines (split into named steps): {long}"


def test_function_allow_list_is_not_stale():
    lengths = {name: n for n, name in function_lengths()}
    stale = [name for name in FUNCTION_ALLOW if lengths.get(name, 0) <= MAX_FUNCTION_LINES]
    assert not stale, f"allowed functions that are now short (or gone): drop them from FUNCTION_ALLOW: {stale}"


def test_long_modules_say_why():
    long = [f"{path}: {n} lines" for n, path, doc in module_lengths()
            if n > MAX_MODULE_LINES and LONG_MODULE_MARK not in doc and path not in MODULE_ALLOW]
    assert not long, (f"modules over {MAX_MODULE_LINES} lines: split them by concern, or state the reason at the "
                      f"top ('{LONG_MODULE_MARK} ...' in the module docstring): {long}")


def test_module_allow_list_is_not_stale():
    lengths = {path: n for n, path, _ in module_lengths()}
    stale = [p for p in MODULE_ALLOW if lengths.get(p, 0) <= MAX_MODULE_LINES]
    assert not stale, f"allowed modules that are now short (or gone): drop them from MODULE_ALLOW: {stale}"


def test_the_scan_counts_lines_as_documented(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text("@decorated\ndef f():\n    a = 1\n    return a\n\n\n"
                                          "class C:\n    async def m(self):\n        pass\n")
    assert function_lengths(("pkg",), tmp_path) == [(3, "pkg/m.py::f"), (2, "pkg/m.py::m")]


if __name__ == "__main__":
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    print("longest functions:")
    for n, name in function_lengths()[:top]:
        print(f"  {n:4d}  {name}")
    print("longest modules:")
    for n, path, _ in module_lengths()[:top]:
        print(f"  {n:4d}  {path}")
