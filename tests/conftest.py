"""Fixtures for every test folder: the demo workspace, built once per session."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

import store

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
