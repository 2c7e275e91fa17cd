"""Fixtures for every test folder: the demo workspace, built once per session."""

from __future__ import annotations

import functools
import inspect
import shutil
import tempfile
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit  # noqa: F401  (first, as under `streamlit run`: see below)
from playwright.sync_api import Browser, sync_playwright

import store
from tests.slow_tests import SLOW_TESTS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo database, built once per session; tests that write use a copy of it."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    con = store.connect(path)
    store.load_demo(con)
    con.close()
    return path


@pytest.fixture(scope="module")
def module_demo_con(tmp_path_factory, demo_db):
    """A connection to this test module's own copy of the demo, for modules that read it in many
    tests: they may write to it (undone in a try/finally when later tests read the same rows);
    no other module sees the changes. (tests/store's ``demo_con`` is a copy per test.)"""
    path = tmp_path_factory.mktemp("module_demo") / "demo.duckdb"
    path.write_bytes(demo_db.read_bytes())
    con = store.connect(path)
    yield con
    con.close()


BACKENDS = ("duckdb", "postgresql")


@pytest.fixture(scope="session")
def pg_cluster():
    """One real PostgreSQL 15 for the whole session (tests/pgserver.py), stopped after.

    Its folder is not under pytest's temporary root: another pytest run on the machine prunes
    old folders there, which would pull the data from under a running server.
    """
    from tests import pgserver
    from tools import pg_local

    folder = Path(tempfile.mkdtemp(prefix="coachboard-pg-"))
    cluster = pgserver.start(folder / "cluster")
    yield cluster
    pg_local.stop(cluster.server)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """Runs the test once on DuckDB and once on PostgreSQL."""
    return request.param


def _database(request, tmp_path: Path, backend: str, template: str, demo_db: Path | None):
    if backend == "duckdb":
        target = tmp_path / f"{template}.duckdb"
        if demo_db is not None:
            target.write_bytes(demo_db.read_bytes())
        return target, None
    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.database(template)
    return url, lambda: cluster.drop(url)


@pytest.fixture
def fresh_db(request, tmp_path, backend):
    """An empty database on this test's backend: a DuckDB file path or a PostgreSQL URL."""
    target, drop = _database(request, tmp_path, backend, "empty", None)
    yield target
    if drop:
        drop()


@pytest.fixture
def demo_target(request, tmp_path, backend, demo_db):
    """This test's own copy of the demo workspace on its backend (path or URL)."""
    target, drop = _database(request, tmp_path, backend, "demo",
                             demo_db if backend == "duckdb" else None)
    yield target
    if drop:
        drop()


# `make check` runs the fast unit tests (`-m "not browser and not slow"`, under a minute on two
# cores); `make test` and CI run every test. What is slow is decided here by rule, so a new test
# lands on the right side without anyone listing it (docs/architecture.md, "Tests"):
# - the page tests (tests/views/, and any test running the app in AppTest): a page run each;
# - the PostgreSQL cases (a parameter "postgresql", as the `backend` fixture's second value, or
#   a test on `pg_cluster`): the same code as the DuckDB case, checked on the server;
# - a test that starts a process (`cli.py` as a script, a second importer, a server) itself, or
#   through a helper or fixture of the tests;
# - the tests measured slow that no rule catches: tests/slow_tests.py (from `--durations=0`).
# Names that start a process or a server: subprocess, an SMTP (aiosmtpd) or HTTP receiver.
STARTS = frozenset({"subprocess", "Popen", "Controller", "ThreadingHTTPServer", "HTTPServer"})
PAGE = frozenset({"AppTest", "make_app"})
HELPERS = ("tests", "bench", "tools")  # followed into; the app's own code is not


def _reaches(func: Callable, wanted: frozenset[str], seen: set) -> bool:
    """Whether ``func``, or a function of the tests, bench/ or tools/ it calls by name, names
    one of ``wanted``."""
    code = getattr(func, "__code__", None)
    if code is None or func in seen:
        return False
    seen.add(func)
    names = set(code.co_names)
    for const in code.co_consts:  # nested functions and lambdas
        if isinstance(const, types.CodeType):
            names |= set(const.co_names)
    if names & wanted:
        return True
    found = [func.__globals__.get(n) for n in names]
    # `load.prepare(...)` names the module and the function: look the names up in it too.
    found += [getattr(m, n, None) for m in found if inspect.ismodule(m)
              and m.__name__.split(".")[0] in HELPERS for n in names]
    return any(_reaches(f, wanted, seen) for f in found
               if inspect.isfunction(f) and f.__module__.split(".")[0] in HELPERS)


@functools.cache
def _starts(func: Callable) -> bool:
    """Whether ``func`` starts a process or a server, or runs a page (memoised: fixtures are
    shared by many tests)."""
    return _reaches(func, STARTS | PAGE, set())


def _slow(item: pytest.Item) -> bool:
    path = Path(str(item.path)).resolve().relative_to(Path(__file__).resolve().parent)
    if path.parts[0] == "views":
        return True
    callspec = getattr(item, "callspec", None)
    if callspec is not None and "postgresql" in (
            v for v in callspec.params.values() if isinstance(v, str)):
        return True
    if "pg_cluster" in item.fixturenames:
        return True
    listed = SLOW_TESTS.get(path.as_posix(), ())
    if "*" in listed or getattr(item, "originalname", item.name) in listed:
        return True
    # The test's own code and its fixtures' (pytest keeps them per test in _fixtureinfo).
    funcs = [getattr(item, "function", None)]
    info = getattr(item, "_fixtureinfo", None)
    if info is not None:
        funcs += [d.func for defs in info.name2fixturedefs.values() for d in defs]
    return any(_starts(f) for f in funcs if f is not None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _slow(item):
            item.add_marker(pytest.mark.slow)


# One Playwright for the whole session, shared by every folder: a second sync_playwright()
# opened while this one runs is refused ("Sync API inside the asyncio loop").
@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file() or shutil.which(str(CHROMIUM)) is None:
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's Chromium and a CJK font. "
            "Install them with `make system-deps` (as root), then run the tests again.",
            pytrace=False,
        )
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
    finally:
        pw.stop()
