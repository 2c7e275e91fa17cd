"""`cli.py settings`: the registry's numbers as the page shows them; --set is all or nothing."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

import store
from analytics.cadence import CadenceRules
from analytics.thresholds import Thresholds
from reports.settings import REGISTRY
from reports.team import cadence_rules, thresholds
from tests.test_cli_manager import run


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "s.duckdb")
    store.connect(path).close()
    return path


def _listed(db: str, *extra: str) -> tuple[int, pd.DataFrame, str]:
    code, out, err = run("settings", "--db", db, "--format", "json", *extra)
    return code, pd.DataFrame(json.loads(out)) if out else pd.DataFrame(), err


def test_lists_every_setting_with_its_default(db):
    code, rows, err = _listed(db)
    assert code == 0, err
    assert list(rows["name"]) == [row.name for row in REGISTRY]
    expected = {**Thresholds().to_dict(), **CadenceRules().to_dict()}
    for row in rows.itertuples():
        if row.name in expected:
            assert row.value == row.default == expected[row.name]


def test_set_changes_what_the_analyses_read(db):
    code, rows, err = _listed(db, "--set", "contact_days=21", "--set", "trend_alpha=0.1")
    assert code == 0, err
    shown = rows.set_index("name")["value"]
    assert (shown["contact_days"], shown["trend_alpha"]) == (21, 0.1)
    con = store.connect(db)
    try:
        assert (cadence_rules(con).contact_days, thresholds(con).trend_alpha) == (21, 0.1)
    finally:
        con.close()


@pytest.mark.parametrize(("change", "message"), [
    ("contact_days=0", "contact_days must be at least 1"),
    ("contact_days=1.5", "contact_days must be a whole number"),
    ("bogus=1", "no setting called 'bogus'"),
    ("trend_alpha", "NAME=VALUE"),
    ("recent_window_long=2", "recent_window_long must not be shorter"),
])
def test_a_bad_change_stores_nothing(db, change, message):
    code, out, err = run("settings", "--db", db, "--set", "new_hire_days=45", "--set", change)
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err
    con = store.connect(db)
    try:
        assert thresholds(con).new_hire_days == Thresholds().new_hire_days
    finally:
        con.close()


def test_reset_and_csv(db):
    assert run("settings", "--db", db, "--set", "green_at=1.05")[0] == 0
    code, out, _ = run("settings", "--db", db, "--reset", "--lang", "zh")
    assert code == 0
    rows = pd.read_csv(io.StringIO(out), dtype=str).set_index("name")
    assert rows.loc["green_at", "value"] == "1"
    assert rows.loc["contact_days", "label"] == "所有员工：至少每隔（天）沟通一次"
