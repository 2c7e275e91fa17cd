"""A digest's figures, recomputed a second way from the stored rows, and its scope.

The digest reads the pages' reports on the recipient's scoped connection; here the same figures
come from the unscoped data cut by hand (pandas on the raw tables, or the page report for the
whole company restricted to the recipient's people), so a scope or picking error shows.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
import pytest

import store
from reports.digest import build
from reports.flag_text import sentences
from reports.followup import due_list
from reports.team import team_view
from store.access import Viewer
from store.scope import scoped
from store.users import add_user


def ids(section) -> set[str]:
    return {line.link.split("=", 1)[1] for line in section.lines if "id=" in (line.link or "")}


def sections(digest) -> dict:
    return {s.key: s for s in digest.sections}


@pytest.fixture
def con(db):
    c = store.connect(db)
    yield c
    c.close()


def reports_to(con, manager_id: str) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT employee_id FROM employees WHERE manager_id = ?", [manager_id]).fetchall()}


@pytest.mark.parametrize("manager_id", ["M01", "M02", "M03"])
def test_a_managers_attention_and_talks_are_the_overview_and_follow_up_for_their_people(
        con, manager_id):
    mine = reports_to(con, manager_id)
    digest = build(scoped(con, Viewer("x@example.com", "manager", manager_id)), lang="en")
    got = sections(digest)
    # second way: the whole company's flags (flags compare within a team), cut to their people
    flags = team_view(con).flags
    expected = set(flags.loc[flags["employee_id"].isin(mine), "employee_id"])
    assert ids(got["attention"]) == expected
    assert got["attention"].count == len(expected)
    due = due_list(con, manager_id=manager_id)
    talks = due.loc[due["kind"] != "action"]
    assert got["talks"].count == len(talks)
    overdue = int((talks["days_overdue"] > 0).sum())
    assert f"{overdue} overdue and {len(talks) - overdue} due" in got["talks"].summary
    assert ids(got["talks"]) == set(talks["employee_id"]) <= mine
    names = {r[0] for r in con.execute("SELECT name FROM employees WHERE employee_id NOT IN "
                                       "(SELECT unnest(?))", [sorted(mine)]).fetchall()}
    text = " ".join(line.text for s in digest.sections for line in s.lines)
    assert not [n for n in names if n in text]


def coverage_by_hand(con, start, end) -> pd.DataFrame:
    """Per manager: people with metric values in the window, and of those the coached."""
    values = con.execute("SELECT DISTINCT v.employee_id, e.manager_id FROM metric_values v "
                         "JOIN employees e USING (employee_id) WHERE period BETWEEN ? AND ?",
                         [start, end]).df()
    coached = {r[0] for r in con.execute(
        "SELECT DISTINCT employee_id FROM coaching_sessions WHERE session_date BETWEEN ? AND ?",
        [start, end]).fetchall()}
    values["coached"] = values["employee_id"].isin(coached)
    return values.groupby("manager_id")["coached"].agg(["sum", "count"])


def pct(part: int, whole: int) -> str:
    """``part / whole`` in percent to 0.1, half up, in exact decimals (not the app's floats)."""
    exact = Decimal(part * 100) / Decimal(whole)
    return f"{exact.quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


@pytest.mark.parametrize(("uncoached", "verdict"), [(0, "met"), (2, "met"), (4, "not met")])
def test_hr_coverage_against_90_percent_recomputed_from_the_rows(con, uncoached, verdict):
    gone = ["E009", "E010", "E011", "E012"][:uncoached]  # M02's people lose every session
    con.execute("DELETE FROM coaching_sessions WHERE employee_id IN (SELECT unnest(?))", [gone])
    start, end = con.execute("SELECT min(period), max(period) FROM metric_values").fetchone()
    by_hand = coverage_by_hand(con, start, end)
    met, n = int(by_hand["sum"].sum()), int(by_hand["count"].sum())
    [hr] = build(scoped(con, Viewer("hr@example.com", "hr")), lang="en").sections
    assert f"Coverage {pct(met, n)}: {met} of {n} people measured from {start:%Y-%m-%d} to " \
           f"{end:%Y-%m-%d} were coached (target 90.0%, {verdict})" in hr.summary
    worst = by_hand.assign(rate=by_hand["sum"] / by_hand["count"]).sort_values("rate")
    first = worst.index[0]
    row = worst.loc[first]
    assert f"({first}): coached {int(row['sum'])}/{int(row['count'])} ({pct(int(row['sum']), int(row['count']))})" \
        in hr.lines[0].text


def red_by_hand(con, red_below: float = 0.8) -> set[tuple[str, str]]:
    """(employee, metric) under 80% of target in the latest period, direction-aware."""
    rows = con.execute(
        "SELECT v.employee_id, v.metric, v.value, v.target, c.direction FROM metric_values v "
        "JOIN metric_catalog c USING (metric) WHERE v.target IS NOT NULL "
        "AND v.period = (SELECT max(period) FROM metric_values)").df()
    lower = rows["direction"].eq("lower")
    rows["attainment"] = (rows["value"] / rows["target"]).where(~lower,
                                                                 rows["target"] / rows["value"])
    red = rows.loc[rows["attainment"] < red_below]
    return set(zip(red["employee_id"], red["metric"], strict=True))


@pytest.mark.parametrize(("employee_id", "manager_id"), [("D01", None), ("M03", "M03")])
def test_leadership_red_people_recomputed_and_within_their_org(con, employee_id, manager_id):
    add_user(con, "lead@example.com", role="leadership", employee_id=employee_id)
    who = Viewer("lead@example.com", "leadership", employee_id)
    got = sections(build(scoped(con, who), lang="zh"))
    expected = red_by_hand(con)
    if manager_id:
        expected = {(e, m) for e, m in expected if e in reports_to(con, manager_id)}
    people = got["red_people"]
    assert people.count == len(expected)
    assert ids(people) == {e for e, _ in expected}
    assert {(line.link.split("=")[1], metric) for line in people.lines
            for e, metric in expected if line.link.endswith(e) and metric in line.text} \
        == expected
    assert people.title == "红色人员"


def test_an_admin_has_no_digest_and_a_manager_sees_likely_misses(con):
    assert build(scoped(con, Viewer("admin@example.com", "admin")), lang="en").sections == ()
    # The demo's person far under target on first-contact resolution, and her manager.
    boss = con.execute("SELECT manager_id FROM employees WHERE employee_id = 'E021'").fetchall()
    scope = scoped(con, Viewer("m@example.com", "manager", boss[0][0]))
    digest = build(scope, lang="en")
    assert digest.notes == ()
    misses = {s.key: s for s in digest.sections}["misses"]
    flags = team_view(scope).flags
    expected = flags.loc[flags["reason"] == "likely_to_miss_target"]
    assert misses.count == len(expected) >= 1
    assert {line.link.split("=")[1] for line in misses.lines} == set(expected["employee_id"])
    for line, evidence in zip(misses.lines, sentences(expected["evidence"], "en"), strict=False):
        assert line.text.endswith(evidence)


def red_runs_by_hand(con, red_below: float = 0.8, periods: int = 2) -> set[tuple[str, str]]:
    """(employee, metric) red in exactly the last ``periods`` periods: alerts new this period."""
    rows = con.execute(
        "SELECT v.employee_id, v.metric, v.period, v.value, v.target, c.direction "
        "FROM metric_values v JOIN metric_catalog c USING (metric) "
        "WHERE v.target IS NOT NULL").df()
    lower = rows["direction"].eq("lower")
    rows["red"] = (rows["value"] / rows["target"]).where(~lower, rows["target"] / rows["value"]) \
        < red_below
    last = sorted(rows["period"].unique())[-(periods + 1):]
    out = set()
    for (employee, metric), series in rows.groupby(["employee_id", "metric"]):
        flags = series.set_index("period")["red"].reindex(last, fill_value=False).tolist()
        if flags == [False] + [True] * periods:
            out.add((employee, metric))
    return out


def test_new_alerts_are_the_runs_that_reached_two_periods_now(con):
    # E001's first-contact resolution drops under 80% of target in the last two weeks
    con.execute("UPDATE metric_values SET value = 50 WHERE employee_id = 'E001' "
                "AND metric = '首次解决率' AND period >= DATE '2025-12-22'")
    expected = red_runs_by_hand(con)
    assert ("E001", "首次解决率") in expected
    alerts = sections(build(scoped(con, Viewer("d@example.com", "leadership")), lang="en"))
    new = alerts["alerts"]
    employees = {e for e, _ in expected}
    # people's runs are the alerts that link to a person (a team cell's links to the board)
    assert ids(new) == employees
    assert f"{new.count} things turned red for 2 periods in a row" in new.summary
