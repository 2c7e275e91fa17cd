"""A flag's evidence for someone without a team names who they were compared with: everyone in
scope (analytics.compare, analytics.trend), never "the team"."""

from __future__ import annotations

import pytest

from analytics.flags import flags
from tests.analytics.test_flags import roster, scenario

TEAM_WORDS = {"en": ("vs team", "team's", "the team"),
              "zh": ("，团队", "团队平均", "团队最佳", "团队常见", "在团队", "位居团队")}
COMPARED = ("declining_trend", "below_team", "efficiency_quality_imbalance", "volatile")


@pytest.fixture(scope="module")
def mixed():
    """The planted scenario; "streak", "drop", "fast" and "swing" lose their team."""
    values = scenario()
    alone = {"streak", "drop", "fast", "swing", "c0", "c1", "c2"}
    values["team"] = values["team"].where(~values["employee_id"].isin(alone), None)
    people, sessions = roster()
    return flags(values, people, sessions), values


@pytest.mark.parametrize(("lang", "column"), [("en", "evidence"), ("zh", "evidence_zh")])
def test_teamless_evidence_never_says_team(mixed, lang, column):
    out, values = mixed
    teamless = set(values.loc[values["team"].isna(), "employee_id"])
    rows = out.loc[out["reason"].isin(COMPARED)]
    alone = rows["employee_id"].isin(teamless)
    assert alone.any()
    for text in rows.loc[alone, column]:
        assert not any(w in text for w in TEAM_WORDS[lang]), text
        assert ("everyone" if lang == "en" else "全体") in text
    # those in a team are still compared with their team, in the same words as before
    for text in rows.loc[~alone & rows["reason"].ne("efficiency_quality_imbalance"), column]:
        assert any(w in text for w in TEAM_WORDS[lang]), text
