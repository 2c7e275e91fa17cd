"""Reads the pages take from reports/ (ui/ runs no store call of its own): the impact page's
choice runs the very report the CLI runs, and the workspace's periods, metric directions and
manager choices agree with plain SQL over the same demo file."""

from __future__ import annotations

import pandas as pd
import pytest

from reports import people, workspace
from reports.impact import impact_report, report_for, summary
from reports.impact_choice import DEFAULT, Choice

ROLES = object()  # stands for the demo's least common role, read from the file


@pytest.mark.parametrize("kwargs", [{}, {"split": 0.4, "k": 3, "score": "attainment"},
                                    {"weights": "goals", "core_roles": ROLES}])
def test_a_page_choice_runs_the_report_the_cli_runs(module_demo_con, kwargs):
    if kwargs.get("core_roles") is ROLES:
        kwargs = kwargs | {"core_roles": [module_demo_con.execute(
            "SELECT role FROM employees WHERE role IS NOT NULL GROUP BY role "
            "ORDER BY count(*), role LIMIT 1").fetchone()[0]]}
    choice = Choice(**kwargs)
    assert hash(choice) == hash(Choice(**kwargs))  # a cache key: equal choices, one entry
    assert summary(report_for(module_demo_con, choice)) == summary(impact_report(module_demo_con, **kwargs))


def test_the_defaults_are_the_reports_own(module_demo_con):
    assert summary(report_for(module_demo_con, DEFAULT)) == summary(impact_report(module_demo_con))


def test_workspace_reads_agree_with_sql(module_demo_con):
    days = [r[0] for r in module_demo_con.execute(
        "SELECT DISTINCT period FROM metric_values ORDER BY period DESC").fetchall()]
    assert workspace.periods(module_demo_con) == [pd.Timestamp(d) for d in days]
    catalogued = dict(module_demo_con.execute("SELECT metric, direction FROM metric_catalog").fetchall())
    measured = [r[0] for r in module_demo_con.execute(
        "SELECT DISTINCT metric FROM metric_values ORDER BY metric").fetchall()]
    assert workspace.metric_directions(module_demo_con) == {m: catalogued.get(m, "higher") for m in measured}


def test_manager_choices_agree_with_sql(module_demo_con):
    ids, names, teams = people.manager_choices(module_demo_con)
    rows = module_demo_con.execute("SELECT DISTINCT m.employee_id, m.name, m.team FROM employees e "
                       "JOIN employees m ON m.employee_id = e.manager_id").fetchall()
    assert ids == sorted(r[0] for r in rows)
    assert {i: names[i] for i in ids} == {r[0]: r[1] for r in rows}
    assert {m: None if pd.isna(x) else x for m, x in teams.items()} == {r[0]: r[2] for r in rows}
