"""A flag's evidence in words (reports.flag_text): the sentences the flags' facts make, in both
languages, recomputed from the planted data; every evidence code has its sentence."""

from __future__ import annotations

import doctest
import re
import string

import numpy as np
import pandas as pd
import pytest

import reports.flag_text as module
from analytics.facts import Fact
from analytics.flag_facts import EVIDENCE_CODES
from analytics.flags import flags
from analytics.thresholds import Thresholds
from i18n.texts import TEXTS
from reports.flag_text import sentence, sentences
from tests.analytics.test_fdr import declining, noise_team
from tests.analytics.test_flags import found, roster, scenario
from tests.analytics.test_forecast_flags import NO_PEOPLE, NO_SESSIONS
from tests.analytics.test_forecast_flags import team as forecast_team  # noqa: F401 (a fixture)

TEAM_WORDS = {"en": ("vs team", "team's", "the team"),
              "zh": ("，团队", "团队平均", "团队最佳", "团队常见", "在团队", "位居团队")}
COMPARED = ("declining_trend", "below_team", "efficiency_quality_imbalance", "volatile")


@pytest.fixture(scope="module")
def result():
    people, sessions = roster()
    return flags(scenario(), people, sessions)


def test_evidence_sentences(result):
    row = found(result, "drop", "declining_trend").iloc[0]
    assert sentence(row.evidence, "en").startswith("CSAT 80.0 vs team ")
    assert "worse since 2025-07-21" in sentence(row.evidence, "en")
    assert "自 2025-07-21 起变差" in sentence(row.evidence, "zh")
    streak = found(result, "streak", "below_target_streak").iloc[0]
    assert sentence(streak.evidence, "en") == (
        "CSAT 60.0 vs target 85.0 (71% of target), under 80% of target for 3 weeks since "
        "2025-09-15")


def test_overdue_clauses_are_one_sentence(result):
    """c5: no formal review this quarter and last contact 45 days ago, two clauses joined."""
    row = found(result, "c5", "coaching_overdue").iloc[0]
    assert sentence(row.evidence, "en") == ("No formal review this quarter (since 2025-07-01); "
                                            "last contact 45 days ago (policy: every 30 days)")
    assert sentence(row.evidence, "zh") == ("本季度（自 2025-07-01 起）尚无正式面谈；"
                                            "上次沟通在 45 天前（要求每 30 天至少一次）")


def test_the_evidence_says_the_false_discovery_control():
    row = declining(noise_team(10, people=12, planted={"t03": 6.0}), Thresholds()).iloc[0]
    tests = 12 * 4 * 2
    assert (f"among the team's {tests} trend tests at a false-discovery rate of 10%"
            in sentence(row.evidence, "en"))
    assert f"团队 {tests} 项趋势检验中按 10% 的错误发现率" in sentence(row.evidence, "zh")
    off = declining(noise_team(10, people=12, planted={"t03": 6.0}), Thresholds(trend_fdr_q=1))
    assert "false-discovery" not in sentence(off.iloc[0].evidence, "en")


def test_the_forecast_evidence_names_the_chance_and_the_run_rate(forecast_team):  # noqa: F811
    found_ = flags(forecast_team, NO_PEOPLE, NO_SESSIONS)
    row = found_.loc[found_["reason"].eq("likely_to_miss_target")].set_index("employee_id")
    en, zh = (sentence(row.loc["far", "evidence"], lang) for lang in ("en", "zh"))
    far = forecast_team.loc[forecast_team["employee_id"] == "far"]
    recent = far["value"].tail(4).mean()
    needed = (5 * 100.0 - far.loc[far["period"].dt.month == 12, "value"].sum()) / 3
    assert f"needs {needed:,.1f} a week for the next 3 weeks" in en
    assert f"has averaged {recent:,.1f} over the last 4 weeks" in en
    assert "of this month's target 500.0" in en
    assert f"接下来 3 周每周需要 {needed:,.1f}" in zh
    assert "本月目标 500.0" in zh
    for word in ("trend", "mean of", "last value", "smoothing", "None", "nan"):
        assert word not in zh


@pytest.fixture(scope="module")
def mixed():
    """The planted scenario; "streak", "drop", "fast" and "swing" lose their team."""
    values = scenario()
    alone = {"streak", "drop", "fast", "swing", "c0", "c1", "c2"}
    values["team"] = values["team"].where(~values["employee_id"].isin(alone), None)
    people, sessions = roster()
    return flags(values, people, sessions), values


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_teamless_evidence_never_says_team(mixed, lang):
    """Someone without a team was compared with everyone in scope, never "the team"."""
    out, values = mixed
    teamless = set(values.loc[values["team"].isna(), "employee_id"])
    rows = out.loc[out["reason"].isin(COMPARED)]
    alone = rows["employee_id"].isin(teamless)
    assert alone.any()
    for text in sentences(rows.loc[alone, "evidence"], lang):
        assert not any(w in text for w in TEAM_WORDS[lang]), text
        assert ("everyone" if lang == "en" else "全体") in text
    # those in a team are still compared with their team, in the same words as before
    kept = rows.loc[~alone & rows["reason"].ne("efficiency_quality_imbalance"), "evidence"]
    for text in sentences(kept, lang):
        assert any(w in text for w in TEAM_WORDS[lang]), text


# A value for each placeholder of an evidence sentence, by its name: what the analytics put
# there (codes, counts, measures, dates); unit and units come from the fact's step.
SAMPLE = {"metric": "CSAT", "eff": "AHT", "span": "quarter", "model": "smooth",
          "since": pd.Timestamp("2025-07-01"), "hire": pd.Timestamp("2025-06-02"),
          "quarter": pd.Timestamp("2025-07-01"), "p": 0.0123, **dict.fromkeys(
              ("n", "w", "m", "days", "limit", "left", "mae_n"), 3)}


def _sample(code: str) -> Fact:
    template = TEXTS[f"evidence.{code}"][0]
    names = {f for _, f, _, _ in string.Formatter().parse(template) if f} - {"unit", "units"}
    values = {name: SAMPLE.get(name, 12.345) for name in names}
    if "fdr" in names:
        values["fdr"] = Fact.of("fdr", m=8, q=0.1)
    if "needs" in names:
        values["needs"] = _sample("likely_to_miss_target.sum")
    return Fact.of(code, **values, step="week")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("code", EVIDENCE_CODES)
def test_every_evidence_code_renders(code, lang):
    text = sentence((_sample(code),), lang)
    assert "{" not in text
    assert not re.search(r"\bNone\b|\bnan\b|n/a", text), text
    has_cjk = bool(re.search(r"[\u4e00-\u9fff]", text))
    assert has_cjk == (lang == "zh"), text


@pytest.mark.parametrize("value", [np.nan, None])
def test_a_missing_number_reads_na_and_a_missing_clause_nothing(value):
    fact = Fact.of("below_team", metric="CSAT", value=value, team=1.0, best=2.0, z=-1.5,
                   pct=np.nan, w=4, step="week")
    assert sentence((fact,), "en").startswith("CSAT n/a vs team 1.0")
    slope = Fact.of("declining_trend.slope", metric="CSAT", value=1.0, team=2.0, slope=0.5,
                    p=0.0123, n=3, w=4, fdr=None, step="week")
    assert sentence((slope,), "en").endswith("over the last 3 weeks (p=0.012)")


@pytest.mark.parametrize(("step", "since"), [("week", "2023-07-03"), ("quarter", "2023 Q3"),
                                             ("year", "2023")])
def test_a_period_reads_as_its_grain_names_it(step, since):
    fact = Fact.of("below_target_streak", metric="m", value=1.0, target=2.0, attainment=0.5,
                   ratio=0.8, n=2, since=pd.Timestamp("2023-07-03"), step=step)
    assert sentence((fact,), "en").endswith(f"since {since}")


def test_doctests():
    assert doctest.testmod(module).failed == 0
