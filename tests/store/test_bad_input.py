"""Bad input: unreadable lines, implausible values, future periods and a header
written twice are named line by line (or refused with a sentence), nothing half-stored."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import ingest
import store
from ingest.model import IngestError

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = [(f"E{i:02d}", f"王{i}号", 30 + i) for i in range(1, 31)]  # id, name, calls


def text(rows=PEOPLE) -> list[str]:
    return ["工号,姓名,周,接通量"] + [f"{e},{n},2025-07-07,{c}" for e, n, c in rows]


def stored(con) -> dict[str, float]:
    return dict(con.execute("SELECT employee_id, value FROM metric_values").fetchall())


def expected(skip_lines: set[int]) -> dict[str, float]:
    """The file's rows (line = index + 2, header = 1) without the bad ones, recomputed."""
    frame = pd.DataFrame(PEOPLE, columns=["id", "name", "calls"])
    frame["line"] = frame.index + 2
    kept = frame[~frame["line"].isin(skip_lines)]
    return dict(zip(kept["id"], kept["calls"].astype(float), strict=True))


def _gbk_line(lines: list[bytes], i: int) -> None:
    lines[i] = f"E{i:02d},王{i}号,2025-07-07,{30 + i}".encode("gbk")


def _nul_line(lines: list[bytes], i: int) -> None:
    lines[i] = lines[i].replace(b"2025", b"20\x0025")


@pytest.mark.parametrize(("bom", "spoil", "bad"), [
    (b"", _gbk_line, [7]),
    (b"", _nul_line, [12]),
    (b"\xef\xbb\xbf", _gbk_line, [4, 20]),
    (b"", _nul_line, [2]),
])
def test_unreadable_lines_are_bad_lines_with_their_number(tmp_path, bom, spoil, bad):
    lines = [line.encode("utf-8") for line in text()]
    for n in bad:
        spoil(lines, n - 1)  # line n of the file is lines[n - 1]
    raw = bom + b"\n".join(lines) + b"\n"
    con = store.connect(tmp_path / "u.duckdb")
    result = store.import_bytes(con, raw, "calls.csv")
    assert result.status == "failed"
    assert result.errors[["line", "code"]].to_numpy().tolist() == [
        [n, "undecodable_line"] for n in bad]
    assert stored(con) == {}
    again = store.import_bytes(con, raw, "calls.csv", skip_bad_rows=True)
    assert again.status == "loaded"
    assert stored(con) == expected(set(bad))


@pytest.mark.parametrize("rows", [PEOPLE, [(e, "Ann", c) for e, _, c in PEOPLE[:-1]] + [
    PEOPLE[-1]]])
def test_a_gbk_file_stays_a_gbk_file(tmp_path, rows):
    """A GBK export (also one with a single Chinese line) is read whole, not as broken UTF-8."""
    raw = "\n".join(text(rows)).encode("gbk")
    table = ingest.read_upload(raw, "g.csv")
    assert table.encoding == "gb18030"
    assert table.unreadable == []
    assert table.frame["姓名"].tolist() == [n for _, n, _ in rows]


def test_binary_data_is_still_refused_whole():
    with pytest.raises(IngestError) as info:
        ingest.read_upload(b"PKx\x00\x00\x01\x02" * 400, "x.csv")
    assert info.value.code in ("unreadable_encoding", "bad_workbook")


# (header, the values of the people, the bad one's index, its code)
PLAUSIBILITY = [
    ("接通量", [40, 41, -3, 39, 38, 42], 2, "implausible_negative"),
    ("首次解决率", [70, 80, 120, 75, 72, 78], 2, "implausible_rate"),
    ("满意度评分", [4, 5, -50, 3, 4, 4], 2, "implausible_negative"),
    ("满意度评分", [4, 5, 50, 3, 4, 4, 5, 3, 4, 5, 4, 4], 2, "implausible_scale"),
    ("AHT (sec)", [300, 310, 1e20, 280, 290, 305], 2, "implausible_huge"),
    ("Calls", [40, 41, 39, 38, -1, 42], 4, "implausible_negative"),
]


def plausibility_file(header: str, values: list[float]) -> bytes:
    frame = pd.DataFrame({"工号": [f"E{i}" for i in range(len(values))], "周": "2025-07-07",
                          header: values})
    return frame.to_csv(index=False).encode()


@pytest.mark.parametrize(("header", "values", "bad", "code"), PLAUSIBILITY)
def test_implausible_values_are_bad_lines_until_confirmed(tmp_path, header, values, bad, code):
    con = store.connect(tmp_path / "p.duckdb")
    raw = plausibility_file(header, values)
    result = store.import_bytes(con, raw, "p.csv")
    assert result.status == "failed"
    assert result.errors[["line", "code"]].to_numpy().tolist() == [[bad + 2, code]]
    assert "--allow-metric" in result.as_json("zh")["errors"][0]["message"]
    metric = ingest.headers.split_unit(header)[0]
    done = store.import_bytes(con, raw, "p.csv", allow_metrics=(metric,))
    assert done.status == "loaded", done.as_json()
    assert stored(con) == {f"E{i}": float(v) for i, v in enumerate(values)}


@pytest.mark.parametrize(("header", "values"), [
    ("利润", [-500, 1200, 800, -30, 0, 10]),  # a profit can be a loss
    ("销售达成率", [80, 120, 135, 95, 101, 99]),  # attainment goes over 100%
    ("客户满意度", [86.5, 91, 79, 88, 90, 84]),  # a 0-100 score
    ("AvgTalkDuration", [199.8, 211, 229.5, 241.7, 217, 190]),  # a duration is not a "ratio"
])
def test_plausible_values_go_in(tmp_path, header, values):
    con = store.connect(tmp_path / "ok.duckdb")
    assert store.import_bytes(con, plausibility_file(header, values), "ok.csv").status == "loaded"
    assert stored(con) == {f"E{i}": float(v) for i, v in enumerate(values)}


def test_a_period_after_today_is_a_bad_line_and_never_the_as_of_date(tmp_path):
    rows = ["工号,周,接通量", "E1,2025-07-07,40", "E1,2025-07-14,41", "E2,2099-07-07,38"]
    con = store.connect(tmp_path / "f.duckdb")
    raw = "\n".join(rows).encode()
    result = store.import_bytes(con, raw, "f.csv")
    assert result.errors[["line", "column", "code"]].to_numpy().tolist() == [
        [4, "周", "future_period"]]
    assert store.import_bytes(con, raw, "f.csv", skip_bad_rows=True).status == "loaded"
    latest = con.execute("SELECT max(period) FROM metric_values").fetchone()[0]
    assert str(latest) == max(r.split(",")[1] for r in rows[1:3])


@pytest.mark.parametrize(("header", "first", "second"), [
    ("工号,周,value,value", 3, 4),
    ("value,工号,周,接通量,value", 1, 5),
])
def test_a_header_written_twice_is_refused_naming_both_columns(tmp_path, header, first, second):
    raw = (header + "\n" + ",".join(["1"] * len(header.split(","))) + "\n").encode()
    con = store.connect(tmp_path / "h.duckdb")
    result = store.import_bytes(con, raw, "h.csv")
    assert result.status == "failed"
    assert result.problem.code == "duplicate_header"
    assert f"columns {first} and {second}" in result.problem.message("en")
    assert f"第 {first} 列和第 {second} 列" in result.problem.message("zh")


def test_cli_allow_metric(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(plausibility_file("接通量", [40, 41, -3, 39, 38, 42]))
    db = str(tmp_path / "c.duckdb")
    run = [sys.executable, str(ROOT / "cli.py"), "import", str(path), "--db", db]
    refused = subprocess.run(run, capture_output=True, text=True, check=False, timeout=120)
    assert refused.returncode == 1
    assert "line 4, 接通量" in refused.stdout
    allowed = subprocess.run([*run, "--allow-metric", "接通量"], capture_output=True, text=True,
                             check=False, timeout=120)
    assert allowed.returncode == 0, allowed.stdout
