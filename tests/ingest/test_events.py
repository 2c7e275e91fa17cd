"""Event logs (one row per call / deal) aggregated to person x period KPIs and stored.

Every stored value, n_events and partial flag is checked against a pandas groupby of the
generated calls (tests/ingest/event_log.py), for CSV and XLSX, each grain, with and without
the partial weeks.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

import store
from ingest.plan import Kpi
from ingest.plausible import traits
from ingest.read import read_upload
from ingest.shapes import SHAPES, event_cells, events
from ingest.values import parse_flags, parse_numbers
from tests.ingest import event_log

WRITERS = {"csv": event_log.csv_bytes, "xlsx": event_log.xlsx_bytes}


def stored(con) -> pd.DataFrame:
    frame = con.execute("SELECT e.name AS employee_id, period::TIMESTAMP AS period, metric, value, "
                        "n_events, partial FROM metric_values JOIN employees e USING (employee_id)").df()
    return frame.set_index(["employee_id", "period", "metric"]).sort_index()


def import_file(tmp_path, raw: bytes, name: str, **options):
    con = store.connect(tmp_path / "c.duckdb")
    return con, store.import_bytes(con, raw, name, **options)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(("grain", "include_partial"),
                         [("week", False), ("week", True), ("month", True), ("day", False)])
def test_every_stored_figure_matches_a_pandas_groupby(tmp_path, fmt, grain, include_partial):
    truth = event_log.calls()
    con, result = import_file(tmp_path, WRITERS[fmt](truth), f"calls.{fmt}", grain=grain,
                              include_partial=include_partial)
    assert result.status == "loaded", result.as_json()
    want = event_log.expected(truth, grain, include_partial).sort_index()
    got = stored(con)
    assert got.index.tolist() == want.index.tolist()
    np.testing.assert_allclose(got["value"].to_numpy(float), want["value"].to_numpy(float),
                               rtol=1e-12)
    assert got["n_events"].tolist() == want["n_events"].tolist()
    assert got["partial"].tolist() == want["partial"].tolist()
    assert result.rows_read == len(truth)
    teams = dict(con.execute("SELECT name, team FROM employees").fetchall())
    assert teams == {a: team for a, (team, *_) in event_log.AGENTS.items()}


def test_a_chinese_gbk_call_log(tmp_path):
    truth = event_log.calls()
    con, result = import_file(tmp_path, event_log.csv_bytes(truth, "zh"), "通话明细.csv")
    assert result.status == "loaded", result.as_json()
    want = event_log.expected(truth, "week", False, "zh").sort_index()
    got = stored(con)
    assert got.index.tolist() == want.index.tolist()
    np.testing.assert_allclose(got["value"].to_numpy(float), want["value"].to_numpy(float))
    assert got["n_events"].tolist() == want["n_events"].tolist()
    units = dict(con.execute("SELECT metric, unit FROM metric_catalog WHERE unit IS NOT NULL")
                 .fetchall())
    assert units == {"应答速度": "秒", "通话时长": "秒"}
    directions = dict(con.execute("SELECT metric, direction FROM metric_catalog").fetchall())
    assert directions == {"通话量": "higher", "接通率": "higher", "解决率": "higher",
                          "应答速度": "lower", "通话时长": "lower", "满意度": "higher"}


def test_partial_weeks_are_left_out_with_a_note(tmp_path):
    truth = event_log.calls()
    _, result = import_file(tmp_path, event_log.csv_bytes(truth), "calls.csv")
    # 2025-01-01 is a Wednesday (its week starts 2024-12-30), 2025-02-19 too.
    assert any("2024-12-30, 2025-02-17" in n and "left out" in n for n in result.notes)


def test_detect_proposes_the_call_centre_kpis():
    truth = event_log.calls()
    plan = events.detect(read_upload(event_log.csv_bytes(truth), "calls.csv"), sheet=None)
    answered = ("Answered (Y/N)", "yes")
    assert [(k.name, k.agg, k.column, (k.where_column, k.where_value), k.direction)
            for k in plan.kpis] == [
        ("Calls", "count", None, (None, None), "higher"),
        ("Answered %", "rate", "Answered (Y/N)", (None, None), "higher"),
        ("Resolved %", "rate", "Resolved", answered, "higher"),
        ("Speed of answer in seconds", "mean", "Speed of answer in seconds", answered, "lower"),
        ("Talk time (s)", "mean", "Talk time", answered, "lower"),
        ("Satisfaction rating", "mean", "Satisfaction rating", answered, None),
    ]
    # The log names agents without ids: the name is the person (store/names.py resolves it).
    assert (plan.layout, plan.kind, plan.grain, plan.people_by) == \
        ("events", "metrics", "week", "name")
    assert plan.mapping == {"Agent": "name", "Team": "team", "Date": "period"}
    assert SHAPES["events"] is events


@pytest.mark.parametrize(("text", "name"), [
    ("工号,周开始日期,客户满意度\nE1,2025/7/7,88\nE1,2025/7/14,91\n", "wide metrics"),
    ("工号,周开始日期,指标,实际值\nE1,2025/7/7,满意度,88\nE1,2025/7/7,时长,7\n", "long metrics"),
    ("工号,姓名,团队\nE1,王芳,一组\nE2,李强,一组\n", "roster"),
    ("工号,目标,关键结果,权重,截止日期\n" + "".join(
        f"E{i % 3},服务,结果{i},0.5,2025-12-31\n" for i in range(30)), "goals"),
    ("Employee ID,Date,Type,Coach,Notes\n" + "".join(
        f"E1,2025-07-01,informal,M1,talk {i}\n" for i in range(30)), "coaching log"),
])
def test_detect_leaves_other_files_alone(text, name):
    assert events.detect(read_upload(text.encode(), "f.csv"), sheet=None) is None, name


def deals() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    n = 400
    stage = rng.choice(["Won", "Lost", "Engaging", "Prospecting"], n, p=[0.5, 0.3, 0.1, 0.1])
    close = pd.Timestamp("2024-03-01") + pd.to_timedelta(rng.integers(0, 120, n), unit="D")
    closed = np.isin(stage, ["Won", "Lost"])
    return pd.DataFrame({
        "opportunity_id": [f"OP{i:04d}" for i in range(n)],
        "sales_agent": rng.choice(["Moses Frase", "Zane Levy", "Anna Snelling"], n),
        "deal_stage": stage, "engage_date": (close - pd.Timedelta(days=30)).strftime("%Y-%m-%d"),
        "close_date": np.where(closed, close.strftime("%Y-%m-%d"), ""),
        "close_value": np.where(stage == "Won", rng.integers(50, 5000, n).astype(str),
                                np.where(stage == "Lost", "0", ""))})


def test_a_crm_pipeline_gives_won_deals_and_revenue_by_close_month(tmp_path):
    frame = deals()
    raw = frame.to_csv(index=False).encode()
    con, result = import_file(tmp_path, raw, "sales_pipeline.csv", include_partial=True)
    assert result.status == "loaded", result.as_json()
    won = frame[frame["deal_stage"] == "Won"].assign(
        month=lambda d: pd.to_datetime(d["close_date"]).dt.to_period("M").dt.start_time,
        value=lambda d: d["close_value"].astype(float))
    by = won.groupby(["sales_agent", "month"])
    want = pd.concat([by.size().to_frame("value").assign(metric="Deals won"),
                      by["value"].sum().to_frame("value").assign(metric="close_value won")])
    want = want.set_index("metric", append=True)["value"].sort_index()
    got = stored(con)["value"]
    assert got.index.tolist() == want.index.tolist()
    np.testing.assert_allclose(got.to_numpy(float), want.to_numpy(float))
    assert dict(con.execute("SELECT metric, direction FROM metric_catalog").fetchall()) == \
        {"Deals won": "higher", "close_value won": "higher"}


def test_bad_event_cells_are_bad_lines_and_nothing_is_stored(tmp_path):
    truth = event_log.calls()
    text = event_log.csv_bytes(truth).decode().splitlines()
    answered = truth.index[truth["answered"]].tolist()
    bad = {answered[0]: (7, "abc"), answered[5]: (4, "maybe"), answered[9]: (3, "2025-02-30")}
    for row, (col, value) in bad.items():
        cells = text[row + 1].split(",")
        cells[col] = value
        text[row + 1] = ",".join(cells)
    con, result = import_file(tmp_path, "\n".join(text).encode(), "calls.csv")
    assert result.status == "failed"
    got = [(e["line"], e["column"]) for e in result.as_json()["errors"]]
    assert got == sorted((row + 2, event_log.HEADERS[col]) for row, (col, _) in bad.items())
    assert con.execute("SELECT count(*) FROM metric_values").fetchone()[0] == 0


def test_skipping_bad_rows_aggregates_the_good_ones_only(tmp_path):
    truth = event_log.calls()
    text = event_log.csv_bytes(truth).decode().splitlines()
    row = truth.index[truth["answered"]][3]
    cells = text[row + 1].split(",")
    cells[7] = "ten minutes"
    text[row + 1] = ",".join(cells)
    con, result = import_file(tmp_path, "\n".join(text).encode(), "calls.csv",
                              skip_bad_rows=True)
    assert (result.status, result.rows_rejected) == ("loaded", 1)
    want = event_log.expected(truth.drop(index=row), "week", False).sort_index()
    got = stored(con)
    assert got["n_events"].tolist() == want["n_events"].tolist()
    np.testing.assert_allclose(got["value"].to_numpy(float), want["value"].to_numpy(float))


@pytest.mark.parametrize(("kpi", "want"), [
    (Kpi("Answered calls", "count", where_column="Answered (Y/N)", where_value="Y"),
     lambda t: t[t["answered"]].groupby("agent").size()),
    (Kpi("Talk total", "sum", "Talk time"), lambda t: t.groupby("agent")["talk"].sum()),
    (Kpi("Unresolved answered", "count", where_column="Resolved", where_value="false"),
     lambda t: t[~t["resolved"]].groupby("agent").size()),
])
def test_a_kpi_the_user_adds(kpi, want):
    truth = event_log.calls(first="2025-01-06", last="2025-01-12")  # one whole week
    table = read_upload(event_log.csv_bytes(truth), "calls.csv")
    plan = events.detect(table, sheet=None)
    plan.kpis = [kpi]
    frame = events.parsed(table, plan).tables["metric_values"]
    got = frame.set_index("employee_id")["value"].astype(float).sort_index()
    expect = want(truth).astype(float).sort_index()
    assert got.to_dict() == pytest.approx(expect.to_dict())


@pytest.mark.parametrize("cells", [
    ["0:03:25", "12", "1,234", "abc", None, "1:00:00", "85%", "inf", "-5", "00:00:07", "¥1,000"],
    ["12", "7.5", None, "1e3", "-0.25"],
    ["1:02:03", "10:00:00", None, "0:00:59"],
    ["Y", "N", "是", "否", "TRUE", "maybe", None, "1", "0", "yes"],
])
def test_the_fast_cell_paths_agree_with_the_general_parsers(cells):
    series = pd.Series(cells, dtype="str")
    for fast, general in ((event_cells.numbers(series, decimal_comma=False),
                           parse_numbers(series)),
                          (event_cells.flags(series), parse_flags(series))):
        want = general[0].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
        np.testing.assert_array_equal(fast[0], want)
        assert fast[1].tolist() == general[1].tolist()


def test_a_log_with_ids_and_names_keeps_both(tmp_path):
    truth = event_log.calls()
    ids = {a: f"A{i:03d}" for i, a in enumerate(event_log.AGENTS)}
    frame = pd.read_csv(io.BytesIO(event_log.csv_bytes(truth)), dtype=str)
    frame.insert(1, "Agent ID", frame["Agent"].map(ids))
    con, result = import_file(tmp_path, frame.to_csv(index=False).encode(), "calls.csv")
    assert result.status == "loaded", result.as_json()
    assert dict(con.execute("SELECT employee_id, name FROM employees").fetchall()) == \
        {v: k for k, v in ids.items()}
    n = con.execute("SELECT count(DISTINCT employee_id) FROM metric_values").fetchone()[0]
    assert n == len(ids)


@pytest.mark.parametrize(("metric", "unit", "want"), [
    ("AvgTalkDuration", "s", {"time"}),  # a duration is no "ratio"
    ("AnsweredRate", None, {"rate"}),
    ("Answered %", None, {"rate"}),
    ("Speed of answer in seconds", None, {"time"}),
    ("Satisfaction rating", None, {"score"}),
    ("Deals won", None, {"count"}),
    ("通话时长", "秒", {"time"}),
    ("接通率", None, {"rate"}),
])
def test_what_the_kpi_names_say_they_are(metric, unit, want):
    assert traits(metric, unit) == want
