"""Generated per-call logs (the truth as typed columns) and the files written from them.

The files are what a call-centre system exports: Y/N and TRUE/FALSE flags, talk times as
``h:mm:ss`` text or real Excel time cells, blanks for unanswered calls; the expected figures
are computed from the truth with a pandas groupby, independently of ``ingest.shapes.events``.
"""

from __future__ import annotations

import io
from datetime import time

import numpy as np
import openpyxl
import pandas as pd

HEADERS = ["Call Id", "Agent", "Team", "Date", "Answered (Y/N)", "Resolved",
           "Speed of answer in seconds", "Talk time", "Satisfaction rating"]
# agent -> (team, most calls a day, days a week worked): Dee (part-time) has too few calls.
HEADERS_ZH = ["通话编号", "坐席", "团队", "日期", "是否接通", "是否解决", "应答速度(秒)", "通话时长",
              "满意度"]
# The metric each KPI is stored as, by the language of the headers.
METRICS = {"en": {m: m for m in ("Calls", "Answered %", "Resolved %", "Speed of answer in seconds",
                                 "Talk time", "Satisfaction rating")},
           "zh": {"Calls": "通话量", "Answered %": "接通率", "Resolved %": "解决率",
                  "Speed of answer in seconds": "应答速度", "Talk time": "通话时长",
                  "Satisfaction rating": "满意度"}}
AGENTS = {"Ann": ("North", 5, 7), "Bob": ("North", 4, 7), "陈静": ("South", 6, 7),
          "Dee": ("South", 1, 3)}
# Wednesday to Wednesday: the first and the last week are only partly in the file.
FIRST, LAST = "2025-01-01", "2025-02-19"


def calls(seed: int = 7, first: str = FIRST, last: str = LAST) -> pd.DataFrame:
    """One row per call: agent, team, date, answered, resolved, speed, talk seconds, rating."""
    rng = np.random.default_rng(seed)
    rows = []
    for day in pd.date_range(first, last, freq="D"):
        for agent, (team, most, days) in AGENTS.items():
            calls_today = int(rng.integers(0, most + 1)) if day.day_of_week < days else 0
            for _ in range(calls_today):
                answered = bool(rng.random() < 0.8)
                rows.append({
                    "agent": agent, "team": team, "date": day, "answered": answered,
                    "resolved": answered and bool(rng.random() < 0.7),
                    "speed": float(rng.integers(5, 120)) if answered else np.nan,
                    "talk": float(rng.integers(20, 4000)) if answered else np.nan,
                    "rating": float(rng.integers(1, 6)) if answered else np.nan})
    frame = pd.DataFrame(rows)
    frame.insert(0, "call_id", [f"C{i:05d}" for i in range(len(frame))])
    return frame


def hms(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _cells(truth: pd.DataFrame, lang: str = "en") -> list[list[object]]:
    """The text an export writes for each call (blank: None)."""
    yes, no = ("是", "否") if lang == "zh" else ("Y", "N")
    true, false = ("是", "否") if lang == "zh" else ("TRUE", "FALSE")
    out = []
    for r in truth.itertuples(index=False):
        gone = not r.answered
        out.append([r.call_id, r.agent, r.team, r.date.strftime("%Y-%m-%d"),
                    yes if r.answered else no, true if r.resolved else false,
                    None if gone else str(int(r.speed)), None if gone else hms(r.talk),
                    None if gone else str(int(r.rating))])
    return out


def csv_bytes(truth: pd.DataFrame, lang: str = "en") -> bytes:
    """English headers in UTF-8, or Chinese headers (是/否) in GBK."""
    frame = pd.DataFrame(_cells(truth, lang), columns=HEADERS_ZH if lang == "zh" else HEADERS)
    text = frame.to_csv(index=False, lineterminator="\n")
    return text.encode("gbk" if lang == "zh" else "utf-8")


def xlsx_bytes(truth: pd.DataFrame) -> bytes:
    """A workbook: every other talk time a real Excel time cell, every other date a date cell."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Calls"
    ws.append(HEADERS)
    for i, (row, r) in enumerate(zip(_cells(truth), truth.itertuples(index=False), strict=True)):
        ws.append(row)
        excel_row = ws.max_row
        if i % 2 == 0:
            ws.cell(excel_row, 4, r.date.to_pydatetime()).number_format = "yyyy-mm-dd"
            if r.answered:
                s = int(r.talk)
                ws.cell(excel_row, 8, time(s // 3600, s % 3600 // 60, s % 60)).number_format = \
                    "h:mm:ss"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def expected(truth: pd.DataFrame, grain: str, include_partial: bool,
             lang: str = "en") -> pd.DataFrame:
    """(employee_id, period, metric) -> value, n_events, partial, by pandas on the truth."""
    freq = {"day": "D", "week": "W-SUN", "month": "M"}[grain]
    t = truth.assign(period=truth["date"].dt.to_period(freq))
    ans = t[t["answered"]]
    by = ["agent", "period"]
    parts = {
        "Calls": (t.groupby(by).size(), t.groupby(by).size()),
        "Answered %": (t.groupby(by)["answered"].mean() * 100, t.groupby(by).size()),
        "Resolved %": (ans.groupby(by)["resolved"].mean() * 100, ans.groupby(by).size()),
        "Speed of answer in seconds": (ans.groupby(by)["speed"].mean(), ans.groupby(by).size()),
        "Talk time": (ans.groupby(by)["talk"].mean(), ans.groupby(by).size()),
        "Satisfaction rating": (ans.groupby(by)["rating"].mean(), ans.groupby(by).size()),
    }
    frames = [pd.DataFrame({"value": v.astype(float), "n_events": n}).assign(
        metric=METRICS[lang][m]) for m, (v, n) in parts.items()]
    out = pd.concat(frames).reset_index()
    starts, ends = out["period"].dt.start_time, out["period"].dt.end_time.dt.normalize()
    out["partial"] = (starts < truth["date"].min()) | (ends > truth["date"].max())
    out = out.assign(employee_id=out["agent"], period=starts)
    if not include_partial:
        out = out[~out["partial"]]
    return out.set_index(["employee_id", "period", "metric"])[["value", "n_events", "partial"]]
