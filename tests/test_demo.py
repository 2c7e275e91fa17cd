"""Tests for demo.py: the files are well formed and the stories are true in the data.

Every story is re-computed here from the written files with pandas, independently of demo.py's
own generator, so a change to the generator that breaks a story fails here.
"""

from __future__ import annotations

import csv
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import demo
from ingest.fields import MODELS, SESSION_TYPES

LAST = pd.Timestamp("2025-12-29")
AHT, CSAT, FCR, TICKETS = "平均处理时长(分钟)", "客户满意度", "首次解决率", "周工单量"
TARGETS = {AHT: 8.0, CSAT: 85.0, FCR: 75.0, TICKETS: 120.0}
LEADS = {"售后一组": "M01", "售后二组": "M02", "VIP组": "M03"}


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return demo.generate(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def roster(paths: dict[str, Path]) -> pd.DataFrame:
    return pd.read_csv(paths["roster"], encoding="gbk", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def metrics(paths: dict[str, Path]) -> pd.DataFrame:
    frame = pd.read_csv(paths["metrics"], encoding="utf-8-sig", dtype=str)
    frame["period"] = pd.to_datetime(frame["周开始日期"], format="%Y/%m/%d")
    frame["value"] = frame["实际值"].astype(float)
    return frame


@pytest.fixture(scope="module")
def coaching(paths: dict[str, Path]) -> pd.DataFrame:
    frame = pd.read_csv(paths["coaching"], encoding="utf-8", dtype=str, keep_default_na=False)
    frame["date"] = pd.to_datetime(frame["Date"], format="%Y-%m-%d")
    return frame


@pytest.fixture(scope="module")
def means(metrics: pd.DataFrame) -> pd.DataFrame:
    """Mean of each metric (columns) per agent (index), with the team."""
    table = metrics.pivot_table(index=["团队", "工号"], columns="指标", values="value")
    return table.reset_index(level="团队")


def weekly(metrics: pd.DataFrame, employee_id: str, metric: str) -> pd.Series:
    rows = metrics[(metrics["工号"] == employee_id) & (metrics["指标"] == metric)]
    return rows.set_index("period")["value"].sort_index()


def team_of(means: pd.DataFrame, employee_id: str) -> pd.DataFrame:
    return means[means["团队"] == means.loc[employee_id, "团队"]]


# --- files ---------------------------------------------------------------------------------


def test_reproducible_byte_for_byte(tmp_path: Path) -> None:
    first = demo.generate(tmp_path / "a")
    second = demo.generate(tmp_path / "b")
    assert set(first) == {"roster", "metrics", "coaching", "goals"}
    for kind in first:
        assert first[kind].read_bytes() == second[kind].read_bytes(), kind
    other = demo.generate(tmp_path / "c", seed=7)
    assert other["metrics"].read_bytes() != first["metrics"].read_bytes()


def test_file_names(paths: dict[str, Path]) -> None:
    names = {kind: path.name for kind, path in paths.items()}
    assert names == {"roster": "roster.csv", "metrics": "metrics.csv",
                     "coaching": "coaching.csv", "goals": "goals.xlsx"}


def test_roster_is_gbk_not_utf8(paths: dict[str, Path]) -> None:
    raw = paths["roster"].read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("gbk")
    assert text.splitlines()[0] == "工号,姓名,团队,直属主管,岗位,入职日期,是否高潜"


def test_roster_hierarchy(roster: pd.DataFrame) -> None:
    assert len(roster) == 28
    by_id = roster.set_index("工号")
    assert by_id.loc["D01", "直属主管"] == ""
    leads = by_id.loc[["M01", "M02", "M03"]]
    assert (leads["岗位"] == "组长").all()
    assert (leads["直属主管"] == "D01").all()
    agents = by_id.loc[[f"E{i:03d}" for i in range(1, 25)]]
    assert agents["团队"].value_counts().to_dict() == {team: 8 for team in LEADS}
    assert (agents["直属主管"] == agents["团队"].map(LEADS)).all()
    assert set(roster["是否高潜"]) <= {"是", "否"}
    potential = by_id["是否高潜"]
    assert potential[demo.STORIES["star"]] == "是"
    assert potential[demo.STORIES["new_hire"]] == "否"


def test_roster_hire_dates(roster: pd.DataFrame) -> None:
    hired = pd.to_datetime(roster.set_index("工号")["入职日期"], format="%Y-%m-%d")
    new_hire = demo.STORIES["new_hire"]
    assert LAST - hired[new_hire] == pd.Timedelta(weeks=5)
    veterans = (LAST - hired.drop(new_hire)).dt.days
    assert (veterans >= 365).all()
    assert ((veterans / 365.25).between(1, 5.1)).mean() > 0.8


def test_metrics_has_bom_and_header(paths: dict[str, Path]) -> None:
    raw = paths["metrics"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw[3:].decode("utf-8").splitlines()[0] == "工号,姓名,团队,周开始日期,指标,实际值,目标值"


def test_metrics_shape_and_formats(metrics: pd.DataFrame) -> None:
    new_hire_weeks = 6  # 2025/11/24 .. 2025/12/29
    assert len(metrics) == 23 * 26 * 4 + new_hire_weeks * 4
    periods = sorted(metrics["period"].unique())
    assert len(periods) == 26
    assert periods[-1] == LAST
    assert all(period.day_of_week == 0 for period in periods)
    assert pd.Series(periods).diff().dropna().eq(pd.Timedelta(weeks=1)).all()
    assert metrics["周开始日期"].str.fullmatch(r"2025/[1-9]\d?/[1-9]\d?").all()
    assert "2025/7/7" in set(metrics["周开始日期"])
    assert set(metrics["指标"]) == set(TARGETS)
    assert (metrics["目标值"].astype(float) == metrics["指标"].map(TARGETS)).all()
    assert not metrics.duplicated(["工号", "周开始日期", "指标"]).any()
    assert metrics["value"].notna().all()
    assert metrics.groupby("指标")["value"].mean()[AHT] < 10


def test_names_and_teams_agree_with_roster(metrics: pd.DataFrame, roster: pd.DataFrame) -> None:
    pairs = metrics[["工号", "姓名", "团队"]].drop_duplicates().set_index("工号")
    by_id = roster.set_index("工号")
    assert len(pairs) == 24
    assert (pairs["姓名"] == by_id.loc[pairs.index, "姓名"]).all()
    assert (pairs["团队"] == by_id.loc[pairs.index, "团队"]).all()


def test_coaching_format(paths: dict[str, Path], coaching: pd.DataFrame) -> None:
    with paths["coaching"].open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == ["Employee ID", "Date", "Type", "Model", "Coach", "Notes"]
    assert set(coaching["Type"]) == set(SESSION_TYPES)
    assert set(coaching["Model"]) <= set(MODELS)
    assert coaching["date"].dt.day_of_week.lt(5).all()
    assert coaching["date"].between(pd.Timestamp("2025-07-07"), LAST + pd.Timedelta(days=6)).all()
    team = coaching["Employee ID"].map(lambda eid: (int(eid[1:]) - 1) // 8)
    assert (coaching["Coach"] == team.map(dict(enumerate(LEADS.values())))).all()
    notes = coaching["Notes"]
    assert notes.str.contains(",").any()
    assert notes.str.contains("\n").any()
    assert notes.str.contains(r"[\u4e00-\u9fff]").any()
    assert notes.str.startswith("=").sum() == 1


def test_goals_workbook(paths: dict[str, Path]) -> None:
    workbook = load_workbook(paths["goals"])
    assert workbook.sheetnames == ["OKR"]
    rows = list(workbook["OKR"].iter_rows(values_only=True))
    assert list(rows[0]) == ["工号", "目标", "关键结果", "权重", "截止日期", "进度"]
    goals = pd.DataFrame(rows[1:], columns=list(rows[0]))
    per_agent = goals.groupby("工号")
    assert len(per_agent) == 24
    assert per_agent["目标"].nunique().eq(1).all()
    assert per_agent.size().between(2, 3).all()
    assert (per_agent["权重"].sum() - 1).abs().max() < 1e-9
    assert all(isinstance(due, datetime) for due in goals["截止日期"])
    progress = goals["进度"]
    texts = progress[progress.map(lambda value: isinstance(value, str))]
    assert texts.str.fullmatch(r"\d{1,3}%").all()
    assert 0 < len(texts) < len(goals)
    assert progress.map(parse_progress).between(0, 1).all()


def parse_progress(value: object) -> float:
    if isinstance(value, str):
        return float(value.rstrip("%")) / 100
    return float(value)


# --- stories ---------------------------------------------------------------------------------


def test_stories_are_distinct_agents() -> None:
    assert set(demo.STORIES) == {"declining", "fast_unsatisfying", "new_hire", "star",
                                 "volatile", "below_target"}
    assert len(set(demo.STORIES.values())) == 6
    assert all(re.fullmatch(r"E0[0-2]\d", eid) for eid in demo.STORIES.values())


def test_star_tops_its_team_on_every_metric(means: pd.DataFrame) -> None:
    star = demo.STORIES["star"]
    team = team_of(means, star)
    assert team[CSAT].idxmax() == star
    assert team[FCR].idxmax() == star
    assert team[TICKETS].idxmax() == star
    assert team[AHT].idxmin() == star


def test_star_is_steady_and_coached(metrics: pd.DataFrame, coaching: pd.DataFrame,
                                    paths: dict[str, Path]) -> None:
    star = demo.STORIES["star"]
    for metric, target in TARGETS.items():
        series = weekly(metrics, star, metric)
        assert len(series) == 26
        if metric == AHT:
            assert (series < target).all()
        else:
            assert (series > target).all()
        assert series.std() / series.mean() < 0.05
    sessions = coaching[coaching["Employee ID"] == star]
    assert set(sessions["date"].dt.month) == set(range(7, 13))
    assert set(sessions.loc[sessions["Type"] == "formal", "date"].dt.quarter) == {3, 4}
    assert (LAST - sessions["date"].max()).days <= 31
    goals = pd.read_excel(paths["goals"], sheet_name="OKR", dtype={"进度": object},
                          engine="openpyxl")
    assert goals.loc[goals["工号"] == star, "进度"].map(parse_progress).min() > 0.7


def test_declining_turns_at_week_14(metrics: pd.DataFrame, coaching: pd.DataFrame) -> None:
    declining = demo.STORIES["declining"]
    for metric in (CSAT, FCR):
        series = weekly(metrics, declining, metric).to_numpy()
        assert series[:12].mean() - series[-6:].mean() >= 8, metric
        assert series[:13].min() > series[-1]
        first, second = series[:13], series[13:]
        slope_before = pd.Series(first).diff().mean()
        slope_after = pd.Series(second).diff().mean()
        assert slope_after < -0.7 < slope_before
    assert weekly(metrics, declining, CSAT).iloc[:13].mean() > TARGETS[CSAT]
    last_session = coaching.loc[coaching["Employee ID"] == declining, "date"].max()
    assert (LAST - last_session).days > 45


def test_fast_but_unsatisfying(means: pd.DataFrame) -> None:
    agent = demo.STORIES["fast_unsatisfying"]
    team = team_of(means, agent)
    assert means.loc[agent, AHT] <= team[AHT].quantile(0.25)
    assert team[CSAT].idxmin() == agent


def test_new_hire(metrics: pd.DataFrame, coaching: pd.DataFrame, roster: pd.DataFrame) -> None:
    agent = demo.STORIES["new_hire"]
    hired = pd.Timestamp(roster.set_index("工号").loc[agent, "入职日期"])
    rows = metrics[metrics["工号"] == agent]
    assert rows["period"].min() == hired
    assert rows["period"].nunique() == 6
    for metric, target in TARGETS.items():
        series = weekly(metrics, agent, metric)
        worse = series > target if metric == AHT else series < target
        assert worse.all(), metric
        improving = -series.diff() if metric == AHT else series.diff()
        assert improving.iloc[1:].gt(0).mean() >= 0.6, metric  # better most weeks
        assert improving.sum() > 0, metric
    first = coaching.loc[coaching["Employee ID"] == agent, "date"].min()
    assert first - hired > pd.Timedelta(days=7)


def test_volatile_swings_most(metrics: pd.DataFrame) -> None:
    agent = demo.STORIES["volatile"]
    for metric in (TICKETS, AHT):
        rows = metrics[metrics["指标"] == metric].sort_values("period")
        swing = rows.groupby("工号")["value"].agg(lambda s: s.diff().abs().mean())
        assert swing.idxmax() == agent, metric
        assert swing[agent] > 3 * swing.drop(agent).median(), metric


def test_below_target_fcr(metrics: pd.DataFrame) -> None:
    series = weekly(metrics, demo.STORIES["below_target"], FCR)
    assert (series.iloc[-3:] < 0.8 * TARGETS[FCR]).all()
    assert (series.iloc[:12] >= 0.8 * TARGETS[FCR]).all()


def test_everyone_else_near_target_and_coached(metrics: pd.DataFrame,
                                               coaching: pd.DataFrame) -> None:
    others = metrics[~metrics["工号"].isin(demo.STORIES.values())].copy()
    ratio = others["value"] / others["指标"].map(TARGETS)
    others["progress"] = ratio.where(others["指标"] != AHT, 1 / ratio)  # 1.0 = on target
    assert others["progress"].between(0.8, 1.25).all()  # never an 80%-of-target alert
    assert others.groupby(["工号", "指标"])["progress"].mean().between(0.85, 1.15).all()
    sessions = coaching[coaching["Employee ID"].isin(others["工号"])]
    assert sessions["Employee ID"].nunique() == 18
    for eid, rows in sessions.groupby("Employee ID"):
        assert set(rows.loc[rows["Type"] == "formal", "date"].dt.quarter) == {3, 4}, eid
        assert (LAST - rows["date"].max()).days < 30, eid  # contact is never overdue at the end
        assert not rows["date"].duplicated().any(), eid


def test_coaching_frequency_varies_and_goes_with_improvement(metrics: pd.DataFrame,
                                                             coaching: pd.DataFrame) -> None:
    others = metrics[~metrics["工号"].isin(demo.STORIES.values())].copy()
    ratio = others["value"] / others["指标"].map(TARGETS)
    others["progress"] = ratio.where(others["指标"] != AHT, 1 / ratio)
    late = others["period"] >= pd.Timestamp("2025-10-06")  # the last 13 of the 26 weeks
    change = (others[late].groupby("工号")["progress"].mean()
              - others[~late].groupby("工号")["progress"].mean())
    sessions = coaching[coaching["Employee ID"].isin(change.index)]
    counts = sessions.groupby("Employee ID").size()
    assert (counts.min(), counts.max()) == (3, 16)
    assert counts.nunique() >= 12
    # Coached more often, improved more: a clear but not perfect relation.
    rho = counts.corr(change[counts.index], method="spearman")
    assert 0.6 < rho < 0.95
    # A few agents go 2+ months without any session: the event study's comparison group.
    longest = sessions.sort_values("date").groupby("Employee ID")["date"].agg(
        lambda d: d.diff().max().days)
    assert (longest >= 61).sum() >= 5


def test_dates_are_plain_python_values() -> None:
    assert demo.WEEKS[0] == date(2025, 7, 7)
    assert demo.WEEKS[-1] - demo.WEEKS[0] == timedelta(weeks=25)
