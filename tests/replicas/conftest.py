"""Two replicas of the app behind a real HAProxy on the test session's real PostgreSQL.

``team`` (one per module): a fresh database copied from the ``empty`` template, ``make team``'s
own code (tools/replicas.py) starting two ``streamlit run app.py`` sharing one cookie secret, in
the team-server mode (an ``[auth]`` section; the tabs carry a signed-in cookie signed with that
secret, as the sign-in callback makes it) and HAProxy in front. The users a test needs are
added first; the module's tests share the replicas, in file order.

These tests are marked ``browser``: like the browser journeys they start servers (three here,
each a process of its own) and belong in ``make test``'s serial part, not beside the unit tests
on both cores.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

import store
from store.users import add_user
from tools.replicas import Team, cookie_secret, free_port, start_team

HERE = Path(__file__).resolve().parent
HR = "hr@example.com"
ADMIN = "admin@example.com"
KEEP = ("users", "denied_users", "meta", "metric_catalog", "settings")  # not workspace data


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@dataclass
class Replicas:
    team: Team
    db: str  # the replicas' COACHBOARD_DB
    secret: str

    @property
    def url(self) -> str:
        return self.team.url

    def sql(self, query: str, params: list | None = None) -> list[tuple]:
        """A query as the database's owner, past every scope: what is really stored."""
        with psycopg.connect(self.db, autocommit=True) as conn:
            cur = conn.execute(query, params)
            return cur.fetchall() if cur.description else []

    def empty_workspace(self) -> None:
        """Every table of the workspace emptied (users and settings kept), as a new database."""
        tables = [name for (name,) in self.sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            if name not in KEEP]
        self.sql(f"TRUNCATE {', '.join(tables)}")


def _secrets(port: int, secret: str, provider: str) -> str:
    # The redirect comes back through HAProxy; the websocket tabs arrive signed in
    # (tests/replicas/client.py), the browser signs in at the provider.
    return ("[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{secret}"\n'
            'client_id = "coachboard-test"\nclient_secret = "coachboard-test-secret"\n'
            f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n')


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """oidc-provider-mock (requirements-dev.txt), the identity provider of the browser test."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "oidc_provider_mock", "--port", str(port),
                             "--host", "127.0.0.1"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), \
                    urllib.request.urlopen(f"{url}/.well-known/openid-configuration"):
                break
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def team(pg_cluster, tmp_path_factory, provider) -> Iterator[Replicas]:
    db = pg_cluster.database("empty")
    con = store.connect(db)
    for email, role in ((HR, "hr"), (ADMIN, "admin")):
        add_user(con, email, role=role)  # a plain connection is the local user: every right
    con.close()
    folder = tmp_path_factory.mktemp("team")
    secret = cookie_secret(folder)
    port = free_port()
    (folder / "secrets.toml").write_text(_secrets(port, secret, provider))
    running = start_team(2, db=db, folder=folder, secret=secret, port=port,
                         secrets_file=folder / "secrets.toml")
    try:
        yield Replicas(running, db, secret)
    finally:
        running.stop()
        pg_cluster.drop(db)
    logs = {p.name: p.log.read_text(errors="replace") for p in running.replicas}
    broken = [name for name, text in logs.items() if "Traceback" in text]
    assert not broken, f"a replica logged a traceback: {[logs[n] for n in broken]}"
