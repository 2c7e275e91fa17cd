"""The prep in words (reports.prep_text): the summary, GROW questions and tables written from the
prep's facts in both languages, the numbers recomputed from the hand-made team; every key the
prep's facts can name renders in English and Chinese."""

from __future__ import annotations

import doctest
import re
import string

import pandas as pd
import pytest

import reports.prep_text as module
from analytics.facts import Fact
from analytics.prep import build_prep
from analytics.prep_tables import priority_word
from i18n.texts import TEXTS
from reports.prep_text import text, write
from tests.analytics.test_prep import AS_OF, PERIODS, prep_of, team_values


def written(emp: str, lang: str = "en", **kwargs):
    return write(prep_of(emp, **kwargs), lang)


def test_the_problem_table_lists_every_flag_with_a_priority_word():
    prep = written("a")
    assert list(prep.problems.columns) == ["dimension", "observed", "evidence", "priority"]
    assert len(prep.problems) == len(prep.flags)
    streak = prep.problems.loc[prep.problems["observed"].str.startswith("Under 80%")]
    assert streak["observed"].iloc[0] == "Under 80% of target for 3 weeks in a row"
    assert streak["dimension"].iloc[0] == "Quality: CSAT"
    assert set(prep.problems["priority"]) <= {"High", "Medium", "Low"}
    assert all(isinstance(e, str) and e for e in prep.problems["evidence"])


def test_the_tracking_goal_is_the_nearest_improvement_with_a_deadline_four_weeks_on():
    prep = written("a")
    goals = " ".join(prep.tracking["goal"])
    # CSAT's most urgent flag is below_team on the 4-week means: a (91+60*3)/4 = 67.75,
    # b (89+88+89+88)/4 = 88.5, c 86.5 -> team mean 80.92, nearer than the target 90
    assert "CSAT from 67.8 to 80.9 (team mean) by 2025-04-28" in goals
    assert prep.tracking["deadline"].iloc[0] == "2025-04-28"


def test_grow_prompts_are_filled_with_the_numbers_in_both_languages():
    en, zh = written("a").grow, written("a", "zh").grow
    assert [stage for stage, _ in en] == ["Goal", "Reality", "Options", "Will"]
    values = team_values()
    csat = values[values["metric"] == "CSAT"]
    mine = csat[csat["employee_id"] == "a"].sort_values("period")
    # One basis per number: the last-4-week mean against the team's mean of the same weeks,
    # the latest week against its target.
    mean, team = mine["value"].tail(4).mean(), csat[csat["period"] >= PERIODS[-4]]["value"].mean()
    latest = mine["value"].iloc[-1]
    assert (f"Over the last 4 weeks your CSAT averaged {mean:.1f} (team {team:.1f}); in the week "
            f"of 31 Mar 2025 it was {latest:.1f} against a target of 90.0.") in en[0][1]
    assert zh[0][0] == "G · 目标"  # no English words in Chinese mode
    assert f"近 4 周你的CSAT平均为 {mean:.1f}（团队 {team:.1f}）；2025年3月31日当周为 {latest:.1f}" \
        in zh[0][1]


def test_summary_states_the_top_flag_with_numbers():
    assert re.search(r"CSAT \d+\.\d vs (target|team) \d+\.\d", written("a").summary)
    assert written("c").summary.startswith("No flags")


def test_an_employee_with_one_period_and_no_target():
    one = pd.DataFrame({"metric": ["AHT"], "period": [AS_OF], "value": [7.0],
                        "target": [float("nan")], "direction": "lower", "category": "efficiency"})
    none = pd.DataFrame()
    prep = write(build_prep("x", as_of=AS_OF, series=one, people=none, comparison=none,
                            trends=none, gaps=none, strengths=none, flags=none, sessions=none),
                 "en")
    assert prep.summary == "No flags as of 2025-03-31"
    assert [s for s, _ in prep.grow] == ["Goal", "Reality", "Options", "Will"]


@pytest.mark.parametrize(("priority", "en", "zh"), [
    (1.0, "High", "高"), (0.75, "High", "高"), (0.6, "Medium", "中"), (0.2, "Low", "低")])
def test_priority_words(priority, en, zh):
    key = Fact.of(priority_word(priority))
    assert (text(key, "en"), text(key, "zh")) == (en, zh)


def test_the_tracking_baseline_names_the_window_of_its_value():
    prep = written("a")
    values = team_values()
    mine = values[(values["employee_id"] == "a") & (values["metric"] == "CSAT")]
    top = prep.flags.iloc[0]
    assert top["reason"] == "declining_trend"  # its value is the recent mean, not one week's
    assert prep.tracking["progress"].iloc[0] == (
        f"Not started; baseline {mine['value'].tail(4).mean():.1f} (mean of the last 4 weeks to "
        "week of 31 Mar 2025)")


def test_a_bad_language_or_object_is_refused():
    with pytest.raises(ValueError, match="lang"):
        write(prep_of("a"), "fr")
    with pytest.raises(ValueError, match="EmployeePrep"):
        write({"summary": "x"}, "en")


# The keys a prep fact names (i18n/prep.py, the windows' sentences, the focus actions): a value
# for each placeholder by its name, as analytics.prep puts it there.
KEYS = sorted(k for k in TEXTS if k.startswith(("prep.", "numbers.grow.", "numbers.progress.")))
SAMPLE = {"metric": "CSAT", "eff": "AHT", "strength": "AHT", "limit": 14,
          **dict.fromkeys(("deadline", "check", "since", "hire", "day", "latest", "end",
                           "period"), pd.Timestamp("2025-03-31")),
          "basis": Fact.of("prep.basis.ratio", ratio=0.8), "ratio": 0.8}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("key", KEYS)
def test_every_prep_key_renders(key, lang):
    names = {f for _, f, _, _ in string.Formatter().parse(TEXTS[key][0]) if f}
    values = {name: SAMPLE.get(name, 12.345) for name in names - {"unit", "units"}}
    got = text(Fact.of(key, **values, step="week"), lang)
    assert "{" not in got
    assert not re.search(r"\bNone\b|\bnan\b|–", got), got
    assert bool(re.search(r"[\u4e00-\u9fff]", got)) == (lang == "zh") or key == "prep.stage.O"


def test_doctests():
    assert doctest.testmod(module).failed == 0
