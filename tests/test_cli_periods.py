"""``cli.py import`` of periods-across workbooks and year + quarter CSVs, as a script."""

from __future__ import annotations

import io
import json
import random
from datetime import datetime

import duckdb
from openpyxl import Workbook

from tests.test_cli import cli


def budget(path, *, sheet: str, months: int, people: int, seed: int) -> int:
    """A workbook with a row per person and a date cell per month; returns its values' count."""
    rng = random.Random(seed)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["工号", "姓名"] + [datetime(2024, m, 1) for m in range(1, months + 1)])
    filled = 0
    for p in range(people):
        cells = [None if rng.random() < 0.25 else rng.randint(1, 99) for _ in range(months)]
        filled += sum(c is not None for c in cells)
        ws.append([f"E{p}", f"员工{p}", *cells])
    out = io.BytesIO()
    wb.save(out)
    path.write_bytes(out.getvalue())
    return filled


def test_import_periods_across_stores_every_value(tmp_path):
    db = tmp_path / "c.duckdb"
    filled = budget(tmp_path / "budget.xlsx", sheet="销售额", months=12, people=9, seed=4)
    done = cli("import", str(tmp_path / "budget.xlsx"), "--db", str(db), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["rows_loaded"] == filled
    with duckdb.connect(str(db), read_only=True) as con:
        got = con.execute("SELECT count(*), count(DISTINCT period) FROM metric_values "
                          "WHERE metric = '销售额'").fetchone()
    assert got[0] == filled
    assert got[1] <= 12


def test_without_a_metric_name_exit_2_names_the_flag(tmp_path):
    db = str(tmp_path / "c.duckdb")
    budget(tmp_path / "b.xlsx", sheet="Sheet1", months=3, people=2, seed=1)
    refused = cli("import", str(tmp_path / "b.xlsx"), "--db", db)
    assert refused.returncode == 2
    assert "--metric" in refused.stdout
    assert "Traceback" not in refused.stderr
    as_json = cli("import", str(tmp_path / "b.xlsx"), "--db", db, "--json")
    assert as_json.returncode == 2
    assert "--metric" in json.loads(as_json.stdout)["errors"][0]["message"]
    named = cli("import", str(tmp_path / "b.xlsx"), "--db", db, "--metric", "Revenue")
    assert named.returncode == 0, named.stdout


def test_year_and_quarter_csv_in_gbk(tmp_path):
    rows = [(f"E{p}", y, q, p + q / 10) for p in range(3) for y in (2023, 2024) for q in (1, 2, 3, 4)]
    text = "工号,年度,季度,得分\n" + "".join(f"{e},{y},{q},{v}\n" for e, y, q, v in rows)
    (tmp_path / "q.csv").write_bytes(text.encode("gbk"))
    db = str(tmp_path / "c.duckdb")
    done = cli("import", str(tmp_path / "q.csv"), "--db", db, "--json")
    assert done.returncode == 0, done.stdout
    assert json.loads(done.stdout)["rows_loaded"] == len(rows)
    with duckdb.connect(db, read_only=True) as con:
        months = {m for (m,) in con.execute(
            "SELECT DISTINCT month(period) FROM metric_values").fetchall()}
    assert months == {(q - 1) * 3 + 1 for q in (1, 2, 3, 4)}
