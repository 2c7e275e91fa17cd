"""Read the app's code (not run it) for the text keys it names and builds, for
tests/test_i18n.py.

A use is a string constant of the application's code (docstrings aside) equal to a key, or a
key a declared pattern builds. The tests are not application code (a key only a test names is
unused), and neither is the catalogue itself: the keys and texts written in ``i18n/``'s
catalogue dicts are definitions, not uses (``i18n/``'s functions are still read).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

LOOKUPS = {"t", "tr", "_tr", "has", "_known", "fact"}  # functions whose first argument is a text key
SKIP = {".venv", ".git", "tests", "node_modules"}
CATALOGUE = "i18n"


@dataclass
class Scan:
    """What the code holds: every string constant; the keys looked up by a literal and by an
    f-string (with their place); every f-string's pattern (``{}`` per placeholder) wherever it
    is; the constant arguments of each call by the called name (``EntryError("goal", ...)``)."""

    constants: set[str] = field(default_factory=set)
    literal: list[tuple[str, str]] = field(default_factory=list)
    built: list[tuple[str, str]] = field(default_factory=list)
    patterns: set[str] = field(default_factory=set)
    calls: dict[str, set[tuple]] = field(default_factory=dict)


def code_files(root: Path) -> list[Path]:
    """Every module of the app, its pages and tools; not the tests."""
    return sorted(p for p in root.rglob("*.py") if not SKIP & set(p.relative_to(root).parts))


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {id(node.body[0].value) for node in ast.walk(tree) if isinstance(node, kinds)
            and node.body and isinstance(node.body[0], ast.Expr)}


def catalogue_dicts(tree: ast.AST) -> list[ast.Dict]:
    """The dict literals of key -> (English, Chinese) (and ``**`` another such dict)."""
    return [node for node in ast.walk(tree) if isinstance(node, ast.Dict)
            and any(isinstance(v, ast.Tuple) for v in node.values)
            and all(isinstance(v, ast.Tuple) or k is None
                    for k, v in zip(node.keys, node.values, strict=True))]


def _definitions(tree: ast.AST) -> set[int]:
    return {id(sub) for node in catalogue_dicts(tree) for sub in ast.walk(node)}


def pattern(node: ast.JoinedStr) -> str:
    return "".join(part.value if isinstance(part, ast.Constant) else "{}"
                   for part in node.values)


def _keys_named(node: ast.expr) -> list[ast.expr]:
    """The key expressions of a lookup's first argument: both sides of ``a if c else b``,
    every operand of ``a or b``."""
    if isinstance(node, ast.IfExp):
        return [*_keys_named(node.body), *_keys_named(node.orelse)]
    if isinstance(node, ast.BoolOp):
        return [key for value in node.values for key in _keys_named(value)]
    return [node]


def _lookup(node: ast.Call, where: str, out: Scan) -> None:
    for key in _keys_named(node.args[0]):
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            out.literal.append((key.value, where))
        elif isinstance(key, ast.JoinedStr):
            out.built.append((pattern(key), where))


def _read(path: Path, root: Path, out: Scan) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    skip = _docstrings(tree)
    if path.relative_to(root).parts[0] == CATALOGUE:
        skip |= _definitions(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.constants.add(node.value)
        elif isinstance(node, ast.JoinedStr):
            out.patterns.add(pattern(node))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
            args = tuple(a.value if isinstance(a, ast.Constant) else None for a in node.args)
            out.calls.setdefault(node.func.id, set()).add(args)
            if node.func.id in LOOKUPS:
                _lookup(node, f"{path.relative_to(root)}:{node.lineno}", out)


def scan(root: Path, files: Iterable[Path] | None = None) -> Scan:
    out = Scan()
    for path in code_files(root) if files is None else files:
        _read(path, root, out)
    return out


def expand(pattern_: str, values: tuple) -> list[str]:
    """The keys of ``pattern_`` with each value (a tuple for several placeholders)."""
    return [pattern_.format(*(v if isinstance(v, tuple) else (v,))) for v in values]


def unused(keys: Iterable[str], found: Scan, dynamic: Mapping[str, tuple]) -> list[str]:
    """The keys no code names as a constant and no declared pattern builds."""
    built = {key for p, values in dynamic.items() for key in expand(p, values)}
    return sorted(set(keys) - found.constants - built)
