"""Shared steps of the digest tests: run the CLI, configure channels, plant an overdue action."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import cli
import store
from store import digest as config

BASE_URL = "https://coach.example.com"
PRIVATE_ACTION = "练习开场白——保密的辅导内容"  # an action's wording: e-mail only, never chat
HOSTILE = "<script>alert(1)</script>[周杰](javascript:x)"  # E008's name in some tests


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def setup(db: Path, subs: list[config.Subscription], channels: dict[str, dict] | None = None,
          *, hostile: bool = False) -> None:
    """Subscriptions, channel settings and the base URL, as the local admin sets them."""
    con = store.connect(db)
    try:
        config.save_base_url(con, BASE_URL)
        for name, values in (channels or {}).items():
            config.save_channel(con, name, values)
        for sub in subs:
            config.subscribe(con, sub)
        # E006 (M01's) has an open action past its deadline, with private wording.
        session = con.execute("SELECT max(session_id) FROM coaching_sessions "
                              "WHERE employee_id = 'E006'").fetchone()[0]
        con.execute(
            "INSERT INTO coaching_actions VALUES ('A-digest', ?, 'E006', NULL, ?, 'E006', "
            "DATE '2025-12-20', NULL, NULL, 'open', NULL, 1, 'test', now())",
            [session, PRIVATE_ACTION])
        if hostile:
            con.execute("UPDATE employees SET name = ? WHERE employee_id = 'E008'", [HOSTILE])
    finally:
        con.close()


def audit_rows(db: Path) -> list[tuple]:
    con = store.connect(db)
    try:
        return con.execute("SELECT actor, target, rows, detail FROM audit_log "
                           "WHERE action = 'digest' ORDER BY logged_at").fetchall()
    finally:
        con.close()


def names_outside(db: Path, manager_id: str) -> list[str]:
    """Roster names of everyone not reporting to ``manager_id`` (nor the manager)."""
    con = store.connect(db)
    try:
        return [r[0] for r in con.execute(
            "SELECT name FROM employees WHERE coalesce(manager_id, '') <> ? AND employee_id <> ?",
            [manager_id, manager_id]).fetchall()]
    finally:
        con.close()
