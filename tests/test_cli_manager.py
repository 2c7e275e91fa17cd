"""End to end through the CLI on the demo database: every planted story is flagged, the star not."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pandas as pd
import pytest

import cli
import demo


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("manager") / "demo.duckdb")
    assert run("demo", "--db", path)[0] == 0
    return path


@pytest.fixture(scope="session")
def flag_rows(demo_db) -> pd.DataFrame:
    code, out, _ = run("flags", "--db", demo_db, "--format", "json")
    assert code == 0
    return pd.DataFrame(json.loads(out))


@pytest.mark.parametrize(("story", "reason", "focus_word"), [
    ("declining", "declining_trend", "What changed"),
    ("fast_unsatisfying", "efficiency_quality_imbalance", "Communication and service attitude"),
    ("new_hire", "new_hire_uncoached", "Onboarding"),
    ("volatile", "volatile", "Consistency"),
    ("below_target", "below_target_streak", "Communication"),  # FCR is a quality metric
])
def test_every_story_is_flagged_with_its_reason_and_focus(flag_rows, story, reason, focus_word):
    mine = flag_rows.loc[(flag_rows["employee_id"] == demo.STORIES[story])
                         & (flag_rows["reason"] == reason)]
    assert len(mine) == 1
    assert mine["focus"].iloc[0].startswith(focus_word)
    assert mine["evidence"].iloc[0]


def test_the_star_is_not_flagged(flag_rows):
    assert demo.STORIES["star"] not in set(flag_rows["employee_id"])


def test_flags_csv_has_the_columns_and_one_row_per_employee_and_reason(demo_db):
    code, out, _ = run("flags", "--db", demo_db, "--lang", "zh")
    frame = pd.read_csv(io.StringIO(out), dtype=str)
    assert code == 0
    assert list(frame.columns) == ["employee_id", "name", "team", "reason", "metric", "evidence",
                                   "focus", "model", "priority"]
    assert not frame.duplicated(["employee_id", "reason"]).any()
    assert frame.loc[frame["reason"] == "efficiency_quality_imbalance", "focus"].str.contains(
        "沟通").all()


def test_flags_as_of_before_the_decline_does_not_flag_it(demo_db):
    code, out, _ = run("flags", "--db", demo_db, "--as-of", "2025-09-29", "--format", "json")
    early = pd.DataFrame(json.loads(out))
    assert code == 0
    assert not ((early["employee_id"] == demo.STORIES["declining"])
                & (early["reason"] == "declining_trend")).any()


@pytest.mark.parametrize(("fmt", "lang", "expected"), [
    ("md", "en", "## Problem analysis"), ("md", "zh", "## 问题分析表"),
    ("html", "zh", "<h2>辅导跟踪表（草稿）</h2>"), ("html", "en", "<svg"),
])
def test_brief_prints_the_brief(demo_db, fmt, lang, expected):
    code, out, _ = run("brief", demo.STORIES["declining"], "--db", demo_db, "--format", fmt,
                       "--lang", lang)
    assert code == 0
    assert expected in out


def test_brief_of_an_unknown_id_says_so_and_exits_1(demo_db):
    code, out, err = run("brief", "E999", "--db", demo_db)
    assert (code, out) == (1, "")
    assert "E999" in err


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "No employee with id 'E999' in this database."),
    ("zh", "此数据库中没有工号为“E999”的员工。"),
])
def test_brief_of_an_unknown_id_says_so_in_the_asked_language(demo_db, lang, said):
    code, out, err = run("brief", "E999", "--db", demo_db, "--lang", lang)
    assert (code, out, err.strip()) == (1, "", said)


@pytest.mark.parametrize("command", ["flags", "brief"])
def test_a_bad_as_of_is_a_usage_error(demo_db, command):
    argv = [command, *(["E010"] if command == "brief" else []), "--db", demo_db, "--as-of", "x"]
    code, _, err = run(*argv)
    assert code == 2
    assert "not a date" in err
