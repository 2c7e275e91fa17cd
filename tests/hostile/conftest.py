"""A workspace whose names, teams, metric names and notes are attack strings, built by import."""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

import store
from store.coaching_log import log_session

XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))"]
SQL = ["x'; DROP TABLE employees; --", '"', "%", "_", "\\"]
FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(1+1)",
            "\t=1+1", "\r=1+1", "\n=1+1", " =1+1"]
WEEKS = 8
START = date(2025, 7, 7)


def csv_bytes(rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)  # CRLF rows: a CR inside a cell gets quoted too
    return out.getvalue().encode("utf-8")


def build(path: Path, names: list[str], *, teams: list[str] | None = None,
          metrics: list[str] | None = None, notes: list[str] | None = None,
          ids: list[str] | None = None) -> Path:
    """Import a roster (``names`` as names), long metrics and log one session per person.

    Employee ids are ``ids`` or ``H01``, ``H02`` …; each person also has a plain metric so the pages
    have something ordinary to compare with.
    """
    rng = random.Random(42)
    teams = teams or ["Team A", "Team B"]
    metrics = [*(metrics or []), "CSAT"]
    ids = ids or [f"H{i + 1:02d}" for i in range(len(names))]
    roster = [["employee id", "name", "team", "role", "hire date"]]
    roster += [[e, n, teams[i % len(teams)], n, "2024-01-02"]
               for i, (e, n) in enumerate(zip(ids, names, strict=True))]
    long = [["employee id", "period", "metric", "value", "target"]]
    for w in range(WEEKS):
        day = START + timedelta(weeks=w)
        # The first person is far under target every week: a real flag for the exports to carry
        # (noise alone no longer flags anyone under the false-discovery control).
        long += [[e, day.isoformat(), m, round(rng.uniform(30, 45) if i == 0 else
                                               rng.uniform(60, 95), 1), 80]
                 for i, e in enumerate(ids) for m in metrics]
    con = store.connect(path)
    for raw, name in ((csv_bytes(roster), "roster.csv"), (csv_bytes(long), "metrics.csv")):
        result = store.import_bytes(con, raw, name)
        assert result.status == "loaded", result.as_json()
    for i, e in enumerate(ids):
        note = (notes or names)[i % len(notes or names)]
        log_session(con, employee_id=e, session_date=START + timedelta(weeks=WEEKS - 2),
                    session_type="formal", model="GROW", coach=note, notes=note,
                    parts={"goal": note})
    con.close()
    return path


@pytest.fixture(scope="session")
def xss_db(tmp_path_factory) -> Path:
    """Three people named after the XSS payloads, in teams and metrics with those names."""
    names = [*XSS, *XSS]  # two each so team statistics exist
    return build(tmp_path_factory.mktemp("xss") / "xss.duckdb", names, teams=XSS,
                 metrics=XSS, notes=XSS)


@pytest.fixture
def xss_copy(tmp_path, xss_db) -> Path:
    target = tmp_path / "xss.duckdb"
    target.write_bytes(xss_db.read_bytes())
    return target
