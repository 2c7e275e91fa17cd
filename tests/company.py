"""A generated company of a few hundred people, imported through the real CSV importer.

Built to make headcounts disagree if any page counts differently: managers and a director
without metrics (roster only), leavers whose data stops months before the end, new hires whose
data starts late, people without a manager, people coached only long ago, and a few people far
under target inside otherwise green teams.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

import store

WEEKS = pd.date_range("2025-01-06", periods=26, freq="W-MON")
METRICS = (("客户满意度", 88.0, 3.0, 85.0, 1), ("平均处理时长(分钟)", 7.6, 0.5, 8.0, -1),
           ("首次解决率", 78.0, 4.0, 75.0, 1))
TEAMS, PER_TEAM = 12, 25


def _roster() -> pd.DataFrame:
    rows = [("D01", "总监", "管理层", "", "director", "2015-03-01")]
    rows += [(f"M{t:02d}", f"主管{t:02d}", f"团队{t:02d}", "D01", "lead", "2018-05-01")
             for t in range(1, TEAMS + 1)]
    for t in range(1, TEAMS + 1):
        for i in range(PER_TEAM):
            n = (t - 1) * PER_TEAM + i + 1
            hired = "2025-05-12" if n % 37 == 0 else f"20{18 + n % 6}-0{1 + n % 9}-15"
            boss = "" if n % 101 == 0 else f"M{t:02d}"  # a few people without a manager
            rows.append((f"E{n:04d}", f"员工{n:04d}", f"团队{t:02d}", boss, "agent", hired))
    return pd.DataFrame(rows, columns=["工号", "姓名", "团队", "直属主管", "岗位", "入职日期"])


def _metrics(roster: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    agents = roster[roster["岗位"] == "agent"].reset_index(drop=True)
    frames = []
    for i, person in agents.iterrows():
        weeks = WEEKS[pd.Timestamp(person["入职日期"]) <= WEEKS]
        if i % 29 == 3:  # a leaver: nothing in the last three months
            weeks = weeks[weeks < WEEKS[-15]]
        slump = i % 23 == 5  # far under target for the last six weeks
        for metric, mean, sd, target, sign in METRICS:
            values = rng.normal(mean, sd, len(weeks))
            if slump:
                values = np.where(weeks >= WEEKS[-6], mean * (1 - 0.35 * sign), values)
            frames.append(pd.DataFrame({
                "工号": person["工号"], "姓名": person["姓名"], "团队": person["团队"],
                "周开始日期": weeks.strftime("%Y-%m-%d"), "指标": metric,
                "实际值": values.round(2), "目标值": target}))
    return pd.concat(frames, ignore_index=True)


def _sessions(roster: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for i, person in roster.iterrows():
        if i % 5 == 0:  # never coached
            continue
        last = WEEKS[-1] if i % 7 else WEEKS[-16]  # some coached only long ago
        start = max(pd.Timestamp(person["入职日期"]), WEEKS[0])
        if start >= last:
            continue
        for day in rng.choice(pd.date_range(start, last, freq="D"), size=1 + i % 6):
            kind = "formal" if rng.random() < 0.3 else "informal"
            rows.append((person["工号"], pd.Timestamp(day).strftime("%Y-%m-%d"), kind, "GROW",
                         person["直属主管"] or "D01", "talk"))
    return pd.DataFrame(rows, columns=["Employee ID", "Date", "Type", "Model", "Coach", "Notes"])


def build(path: Path, seed: int = 17) -> Path:
    """Write the company into a new database at ``path`` through ``store.import_bytes``."""
    rng = np.random.default_rng(seed)
    roster = _roster()
    con = store.connect(path)
    for name, frame in (("roster.csv", roster), ("metrics.csv", _metrics(roster, rng)),
                        ("coaching.csv", _sessions(roster, rng))):
        result = store.import_bytes(con, frame.to_csv(index=False).encode("utf-8"), name)
        assert result.status == "loaded", result.as_json()
    con.close()
    return path
