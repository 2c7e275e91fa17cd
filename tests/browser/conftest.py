"""Real-browser harness: a fresh `streamlit run app.py` per test, driven by headless Chromium.

Fixtures:
    app_server   the app on a fresh, empty database (function-scoped).
    start_app    factory: ``start_app(db=path)`` starts the app on a database you prepared
                 first, e.g. with ``seed_db(path, "demo")`` (DuckDB allows one writer per file,
                 so seeding must happen before the server opens the file).
    seed_db      runs ``python cli.py ARGS... --db PATH`` and fails the test if it fails.
    browser      one headless Chromium for the session (Debian's /usr/bin/chromium).
    page         a fresh page (1400x900, en-US) that fails the test on any console error or
                 uncaught page error.

Every test in this folder is marked ``browser`` (``pytest -m "not browser"`` skips them).

Adding a journey: one file ``tests/browser/test_journey_<name>.py`` with one or more
``def test_...(page, app_server):`` functions that call the helpers in
``tests/browser/helpers.py`` (open_app, click_button, choose_selectbox, upload_file, alert,
grid, shot, assert_no_exception) with texts from ``en("key")`` (i18n/texts.py). Nothing to
register: the marker, the server, the browser and the console-error check come from here.
Screenshots land in artifacts/screenshots/<name>.png.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page

REPO = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT_S = 60
STOP_TIMEOUT_S = 10
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test collected from this folder as ``browser``."""
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


# --------------------------------------------------------------------------- the app server


@pytest.fixture(scope="session")
def free_port() -> Callable[[], int]:
    """Return a function giving a localhost TCP port that nobody listens on right now."""

    def pick() -> int:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]

    return pick


@dataclass
class AppServer:
    """A running `streamlit run app.py`; ``url`` has no trailing slash."""

    url: str
    db: Path
    port: int
    log: Path
    proc: subprocess.Popen = field(repr=False)

    def output(self) -> str:
        """Everything the server printed so far (stdout and stderr interleaved)."""
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Stop the server and every child of it; idempotent. Frees the database file."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=STOP_TIMEOUT_S)
        # Children that outlived the leader (none expected) die with the group.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)


def _wait_healthy(server: AppServer) -> None:
    health = f"{server.url}/_stcore/health"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            pytest.fail(
                f"streamlit exited with code {server.proc.returncode} before answering "
                f"{health}. Its output:\n{server.output()}"
            )
        try:
            with urllib.request.urlopen(health, timeout=2) as resp:
                if resp.read().decode().strip() == "ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    server.stop()
    pytest.fail(
        f"streamlit did not answer 'ok' on {health} within {STARTUP_TIMEOUT_S} s. "
        f"Its output:\n{server.output()}"
    )


class AppFactory:
    """``start_app(db=None, secrets=None)`` starts the app (on a fresh empty database by default).

    ``secrets`` is a function of the app's port returning the text of its secrets.toml (e.g. an
    ``[auth]`` section whose redirect_uri names that port): the team-server mode. Without it
    the app runs in the local mode, as ``make run`` does.
    """

    def __init__(self, tmp_path_factory: pytest.TempPathFactory, port: Callable[[], int]):
        self._tmp, self._port = tmp_path_factory, port
        self.servers: list[AppServer] = []

    def __call__(self, db: Path | None = None,
                 secrets: Callable[[int], str] | None = None) -> AppServer:
        workdir = self._tmp.mktemp("app")
        db = Path(db) if db is not None else workdir / "coachboard.duckdb"
        port = self._port()
        log = workdir / "streamlit.log"
        env = {**os.environ, "COACHBOARD_DB": str(db), "PYTHONUNBUFFERED": "1"}
        cmd = [
            str(REPO / ".venv/bin/python"), "-m", "streamlit", "run", "app.py",
            "--server.port", str(port), "--server.address", "127.0.0.1",
            "--server.headless", "true", "--browser.gatherUsageStats", "false",
            # Others edit the repo while tests run: a "File change, rerun?" banner or a rerun
            # in the middle of a journey would make it flaky. The app is read once per start.
            "--server.fileWatcherType", "none",
        ]
        if secrets is not None:
            (workdir / "secrets.toml").write_text(secrets(port), encoding="utf-8")
            cmd += ["--secrets.files", str(workdir / "secrets.toml")]
        with log.open("wb") as out:
            proc = subprocess.Popen(
                cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )
        server = AppServer(url=f"http://127.0.0.1:{port}", db=db, port=port, log=log, proc=proc)
        self.servers.append(server)
        _wait_healthy(server)
        return server

    def stopped_hosts(self) -> list[str]:
        """``127.0.0.1:PORT`` of every server that is no longer running."""
        return [f"127.0.0.1:{s.port}" for s in self.servers if s.proc.poll() is not None]


@pytest.fixture
def start_app(
    tmp_path_factory: pytest.TempPathFactory, free_port: Callable[[], int]
) -> Iterator[AppFactory]:
    """Factory: ``start_app(db=None)`` starts the app (on a fresh empty database by default).

    Every server started is stopped at teardown; the test fails if the server logged a
    traceback (the app promises that no traceback ever reaches anyone).
    """
    factory = AppFactory(tmp_path_factory, free_port)
    yield factory
    problems = []
    for server in factory.servers:
        server.stop()
        out = server.output()
        if "Traceback" in out:
            problems.append(f"server on port {server.port} logged a traceback:\n{out}")
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


@pytest.fixture
def app_server(start_app: AppFactory) -> AppServer:
    """The app on its own fresh, empty database."""
    return start_app()


@pytest.fixture
def seed_db() -> Callable[..., subprocess.CompletedProcess]:
    """``seed_db(db, "demo")`` or ``seed_db(db, "import", "file.csv")``: run the CLI first."""

    def run(db: Path, *args: str) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "cli.py", *args, "--db", str(db)], cwd=REPO, capture_output=True,
            text=True, timeout=120, check=False,
        )
        if done.returncode != 0:
            pytest.fail(f"cli.py {' '.join(args)} failed ({done.returncode}):\n"
                        f"{done.stdout}\n{done.stderr}")
        return done

    return run


# --------------------------------------------------------------------------- the browser


# Console errors that are provably noise, never the app: (regex matched against
# "MESSAGE @ URL", why it is harmless). Nothing here may hide an error of the app's own code.
IGNORED_CONSOLE_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"status of 404 .* @ http://127\.0\.0\.1:\d+/[^/?#]+/_stcore/"
                   r"(health|host-config)$"),
        # Streamlit's frontend, opened on a deep link such as /upload, first probes
        # /upload/_stcore/health and /upload/_stcore/host-config in case the app is served
        # under a base path, gets 404 and then uses the root (static/js/index.*.js, function
        # building the "base URL candidates"). Every deep link does this, in every app.
        "Streamlit probes the deep link's path as a possible base URL before the root",
    ),
    (
        re.compile(r"ERR_NAME_NOT_RESOLVED @ https://cdn\.jsdelivr\.net/npm/@picocss/"),
        # The sign-in journey's identity provider (oidc-provider-mock) styles its forms with
        # Pico CSS from a CDN; offline the stylesheet is missing and the forms work unstyled.
        "the mock identity provider's stylesheet from a CDN, unreachable offline",
    ),
    (
        re.compile(r"status of 404 .* @ http://127\.0\.0\.1:\d+/favicon\.ico$"),
        # The mock identity provider has no favicon; the app's own favicon is page_icon (a
        # data URL), so this never hides an error of the app.
        "the mock identity provider has no favicon",
    ),
]


@pytest.fixture
def page(browser: Browser, start_app: AppFactory) -> Iterator[Page]:
    """A fresh page; at teardown the test fails on any console error or page error.

    Depends on ``start_app`` so that the servers outlive the page (a page whose server
    vanished logs connection errors while it retries).
    """
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    # Any action without its own timeout fails after 15 s, not Playwright's default 30 s.
    context.set_default_timeout(15_000)
    pg = context.new_page()
    errors: list[str] = []

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type != "error":
            return
        url = msg.location.get("url") or ""
        if any(rx.search(f"{msg.text} @ {url}") for rx, _why in IGNORED_CONSOLE_ERRORS):
            return
        # A test stopped this server on purpose (to read its database): the page's attempts
        # to reconnect to it fail, which says nothing about the app.
        if any(host in url or host in msg.text for host in start_app.stopped_hosts()):
            return
        errors.append(f"console.error: {msg.text} (at {url}:{msg.location.get('lineNumber')})")

    pg.on("console", on_console)
    pg.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    yield pg
    context.close()
    if errors:
        pytest.fail("the browser reported errors:\n" + "\n".join(f"  - {e}" for e in errors),
                    pytrace=False)
