"""A module's own connection to a copy of the demo is the shared ``module_demo_con`` (tests/conftest.py),
not one more copy of the same fixture."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _module_fixtures(path: Path):
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.FunctionDef) and any(
                "fixture" in ast.unparse(d) and "module" in ast.unparse(d)
                for d in node.decorator_list):
            yield node


def _copies_the_demo_and_yields(node: ast.FunctionDef) -> bool:
    source = ast.unparse(node)
    yields = any(isinstance(n, ast.Yield) for n in ast.walk(node))
    return yields and ("load_demo(" in source or "demo_db.read_bytes()" in source)


def test_no_module_builds_its_own_demo_connection():
    own = [f"{path.relative_to(TESTS)}::{node.name}" for path in sorted(TESTS.rglob("*.py"))
           if path.name != "conftest.py" or path.parent != TESTS
           for node in _module_fixtures(path) if _copies_the_demo_and_yields(node)]
    assert own == [], f"use the shared module_demo_con fixture instead: {own}"


def test_the_check_sees_the_pattern_it_forbids():
    shared = next(n for n in _module_fixtures(TESTS / "conftest.py") if n.name == "module_demo_con")
    assert _copies_the_demo_and_yields(shared)
