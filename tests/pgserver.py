"""The PostgreSQL server of a test session: one real PostgreSQL 15 on 127.0.0.1, a fresh
database per test copied from a template (``CREATE DATABASE ... TEMPLATE`` takes milliseconds).

Templates: ``empty`` (the current schema, its views and policies, no rows) and ``demo`` (the
demo workspace), each built once per session on first use.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import psycopg
import pytest

import store
from store.pg import close_pool
from tools import pg_local

_NUMBERS = itertools.count(1)


class Cluster:
    """A running server: hands out fresh databases, builds templates once."""

    def __init__(self, server: pg_local.Server) -> None:
        self.server = server
        self._templates: set[str] = set()

    def admin(self, sql: str) -> None:
        with psycopg.connect(self.server.url(), autocommit=True) as conn:
            conn.execute(sql)

    def _template(self, name: str, fill) -> str:
        if name not in self._templates:
            self.admin(f"CREATE DATABASE tpl_{name}")
            url = self.server.url(f"tpl_{name}")
            con = store.connect(url)
            try:
                fill(con)
            finally:
                con.close()
                close_pool(url)  # a template must have no sessions when it is copied
            self._templates.add(name)
        return f"tpl_{name}"

    def database(self, template: str = "empty") -> str:
        """The URL of a new database holding a copy of ``template`` (``empty`` or ``demo``)."""
        fills = {"empty": lambda con: None, "demo": store.load_demo}
        source = self._template(template, fills[template])
        name = f"t{next(_NUMBERS)}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {source}")
        return self.server.url(name)

    def drop(self, url: str) -> None:
        close_pool(url)
        self.admin(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


def start(directory: Path) -> Cluster:
    """Start the session's server; a missing PostgreSQL fails the tests that need it, saying so."""
    try:
        return Cluster(pg_local.start(directory, durable=False))
    except pg_local.PostgresMissing as exc:
        pytest.fail(f"{exc} The PostgreSQL backend's tests need it (CI installs it).",
                    pytrace=False)
