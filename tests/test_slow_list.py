"""tests/slow_tests.py names tests that exist: a renamed or removed test must leave the list, or
`make check` would quietly start running (or keep skipping) the wrong thing."""

import ast
from pathlib import Path

import pytest

from tests.slow_tests import SLOW_TESTS

HERE = Path(__file__).resolve().parent


@pytest.mark.parametrize("file", sorted(SLOW_TESTS))
def test_every_listed_test_is_a_test_of_its_file(file):
    tree = ast.parse((HERE / file).read_text(encoding="utf-8"))
    tests = {n.name for n in ast.walk(tree)
             if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")}
    listed = set(SLOW_TESTS[file]) - {"*"}
    assert listed <= tests, sorted(listed - tests)
    assert SLOW_TESTS[file] == ("*",) or "*" not in SLOW_TESTS[file]
