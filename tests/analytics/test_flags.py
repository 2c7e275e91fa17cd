"""Tests for analytics.flags: every reason planted in a small team, and the non-cases."""

from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pytest

import analytics.flags as module
from analytics.compare import compare
from analytics.flags import FLAG_COLUMNS, flags
from analytics.gap import gaps
from analytics.thresholds import Thresholds
from analytics.trend import trends
from i18n.flags import TEXTS as FLAG_TEXTS

WEEKS = pd.date_range("2025-04-07", periods=26, freq="W-MON")
AS_OF = WEEKS[-1]  # 2025-09-29, in Q3 2025
METRICS = {  # direction, category, target, normal level
    "AHT": ("lower", "efficiency", 8.0, 7.0),
    "CSAT": ("higher", "quality", 85.0, 88.0),
    "FCR": ("higher", "quality", np.nan, 75.0),  # no target
}


def level(metric, **changes):
    """26 weekly values: the normal level with small fixed wiggles, then planted changes."""
    base = METRICS[metric][3] + 0.3 * np.resize([1, -1, 0.5, -0.5, 0], 26)
    for at, value in changes.items():
        base[int(at[1:]):] = value
    return base


def scenario():
    rng = np.random.default_rng(3)
    people = {f"c{i}": {} for i in range(6)}  # steady colleagues
    people["streak"] = {"CSAT": level("CSAT", w23=60.0)}  # under 80% of 85 for 3 weeks
    people["drop"] = {"CSAT": level("CSAT", w15=80.0)}  # step down at week 15
    people["fast"] = {"AHT": level("AHT", w0=4.0), "CSAT": level("CSAT", w0=82.0)}
    people["swing"] = {"FCR": 75 + 8 * np.resize([1, -1], 26) + rng.normal(0, 0.1, 26)}
    people["nofcr"] = {"FCR": level("FCR", w0=20.0)}  # awful, but FCR has no target
    rows = []
    for employee, planted in people.items():
        for metric, (direction, category, target, _) in METRICS.items():
            data = planted.get(metric, level(metric))
            rows += [(employee, employee.title(), "t", p, metric, float(v), target, direction,
                      category) for p, v in zip(WEEKS, data, strict=True)]
    rows += [("solo", "Solo", "alone", p, "CSAT", 50.0, 85.0, "higher", "quality")
             for p in WEEKS]
    rows += [("one", "One", "t", AS_OF, "Sales", 10.0, 50.0, "higher", "output")]
    return pd.DataFrame(rows, columns=["employee_id", "name", "team", "period", "metric",
                                       "value", "target", "direction", "category"])


def roster():
    ids = ["c0", "c1", "c2", "c3", "c4", "c5", "streak", "drop", "fast", "swing", "nofcr",
           "solo", "one", "newbie", "coached_newbie"]
    hire = {e: pd.Timestamp("2023-01-01") for e in ids}
    hire |= {"newbie": AS_OF - pd.Timedelta(days=20),
             "coached_newbie": AS_OF - pd.Timedelta(days=20)}
    people = pd.DataFrame({"employee_id": ids, "name": [e.title() for e in ids], "team": "t",
                           "manager_id": "m", "role": "agent", "hire_date": [hire[e] for e in ids],
                           "high_potential": [e == "drop" for e in ids]})
    # Everyone had a formal review this quarter and contact in the last month, except "c5"
    # (last contact 45 days ago, formal last quarter) and the new hire.
    sessions = [(e, AS_OF - pd.Timedelta(days=10), "formal") for e in ids
                if e not in ("c5", "newbie", "coached_newbie")]
    sessions += [("c5", AS_OF - pd.Timedelta(days=100), "formal"),
                 ("c5", AS_OF - pd.Timedelta(days=45), "informal"),
                 ("coached_newbie", AS_OF - pd.Timedelta(days=17), "informal")]
    return people, pd.DataFrame(sessions, columns=["employee_id", "session_date", "session_type"])


@pytest.fixture(scope="module")
def result():
    people, sessions = roster()
    return flags(scenario(), people, sessions)


def found(result, employee, reason, metric=None):
    hit = result.loc[(result["employee_id"] == employee) & (result["reason"] == reason)]
    if metric is not None:
        hit = hit.loc[hit["metric"] == metric]
    return hit


@pytest.mark.parametrize(
    ("employee", "reason", "metric", "since"),
    [
        ("streak", "below_target_streak", "CSAT", WEEKS[23]),
        ("solo", "below_target_streak", "CSAT", WEEKS[0]),
        ("drop", "declining_trend", "CSAT", WEEKS[15]),
        ("streak", "below_team", "CSAT", WEEKS[22]),
        ("fast", "efficiency_quality_imbalance", "CSAT", WEEKS[22]),
        ("swing", "volatile", "FCR", WEEKS[0]),
        ("newbie", "new_hire_uncoached", None, AS_OF - pd.Timedelta(days=13)),
        ("c5", "coaching_overdue", None, pd.Timestamp("2025-07-01")),
        ("newbie", "coaching_overdue", None, pd.Timestamp("2025-09-09")),
    ],
)
def test_planted_reasons_are_found(result, employee, reason, metric, since):
    hit = found(result, employee, reason, metric)
    assert len(hit) == 1, result[["employee_id", "reason", "metric"]]
    row = hit.iloc[0]
    assert row.since == since
    assert 0 < row.severity <= 1
    assert 0 <= row.recency <= 1
    assert row.priority == pytest.approx(row.severity * row.recency)
    assert {row.focus, row.model_reason, row.style} <= set(FLAG_TEXTS)
    assert [fact.code.split(".")[0] for fact in row.evidence] == [reason] * len(row.evidence)


@pytest.mark.parametrize(
    ("employee", "reason", "metric"),
    [
        ("nofcr", "below_target_streak", "FCR"),  # no target, no target flags
        ("solo", "below_team", None),  # a one-person team is below nobody
        ("one", "declining_trend", None),  # one period: no trend
        ("one", "volatile", None),
        ("coached_newbie", "new_hire_uncoached", None),  # coached on day 3
        ("c0", "coaching_overdue", None),
        ("c0", "below_team", None),
        ("fast", "below_team", "AHT"),  # fast is good on a lower-is-better metric
    ],
)
def test_non_cases(result, employee, reason, metric):
    assert found(result, employee, reason, metric).empty


def test_nofcr_is_below_team_on_the_metric_without_target(result):
    assert len(found(result, "nofcr", "below_team", "FCR")) == 1


def test_shape_and_order(result):
    assert list(result.columns) == FLAG_COLUMNS
    assert result["priority"].is_monotonic_decreasing
    imbalance = found(result, "fast", "efficiency_quality_imbalance").iloc[0]
    assert (imbalance.metric, imbalance.related_metric) == ("CSAT", "AHT")
    assert imbalance.model == "GROW"
    assert imbalance.focus == "focus.communication"
    assert result.loc[result["reason"] == "coaching_overdue", "metric"].isna().all()


def test_evidence_facts(result):
    """The facts a sentence quotes, unformatted (reports.flag_text writes them)."""
    (turn,) = found(result, "drop", "declining_trend").iloc[0].evidence
    assert turn.code == "declining_trend.turn"
    assert turn.params["since"] == WEEKS[15]
    assert turn.params["value"] == pytest.approx(80.0)
    row = found(result, "drop", "declining_trend").iloc[0]
    assert row.model == "STAR-AR"
    assert row.style == "style.developmental"
    streak = found(result, "streak", "below_target_streak").iloc[0]
    (fact,) = streak.evidence
    assert (fact.code, fact.params["n"], fact.params["since"]) == (
        "below_target_streak", 3, WEEKS[23])
    assert fact.params["attainment"] == pytest.approx(60.0 / 85.0)
    assert streak.style == "style.encouraging"
    assert found(result, "newbie", "new_hire_uncoached").iloc[0].style == "style.directive"


def test_no_coaching_log_means_no_coaching_flags():
    people, sessions = roster()
    out = flags(scenario(), people, sessions.iloc[:0])
    assert not out["reason"].isin(["coaching_overdue", "new_hire_uncoached"]).any()


def test_as_of_in_the_past_sees_only_the_past():
    people, sessions = roster()
    out = flags(scenario(), people, sessions, as_of=WEEKS[20])
    assert found(out, "streak", "below_target_streak").empty
    assert found(out, "one", "below_team").empty


def test_thresholds_are_used():
    people, sessions = roster()
    out = flags(scenario(), people, sessions, thresholds=Thresholds(under_target_periods=4))
    assert found(out, "streak", "below_target_streak").empty


@pytest.mark.parametrize(
    ("change", "message"),
    [({"people": "x"}, "people"), ({"sessions": pd.DataFrame()}, "sessions"),
     ({"thresholds": {}}, "thresholds")],
)
def test_rejects_bad_input(change, message):
    people, sessions = roster()
    args = {"people": people, "sessions": sessions} | change
    thresholds = args.pop("thresholds", None)
    with pytest.raises(ValueError, match=message):
        flags(scenario(), args["people"], args["sessions"], thresholds=thresholds)


def test_doctests():
    assert doctest.testmod(module).failed == 0


def test_nobody_flagged_gives_an_empty_frame_with_every_column():
    calm = pd.DataFrame({"employee_id": "a", "name": "Ann", "team": "t",
                         "period": pd.to_datetime(["2025-07-07", "2025-07-14"]),
                         "metric": "CSAT", "value": [88.0, 90.0], "target": 85.0,
                         "direction": "higher", "category": "quality"})
    out = flags(calm, pd.DataFrame(columns=list(module._PEOPLE)),
                pd.DataFrame(columns=list(module._SESSIONS)))
    assert out.empty
    assert list(out.columns) == FLAG_COLUMNS


def test_precomputed_analyses_give_the_same_flags():
    values, (people, sessions) = scenario(), roster()
    limits = Thresholds(under_target_periods=3)
    plain = flags(values, people, sessions, as_of=AS_OF, thresholds=limits)
    given = flags(values, people, sessions, as_of=AS_OF, thresholds=limits,
                  trends=trends(values, as_of=AS_OF, thresholds=limits),
                  comparison=compare(values, as_of=AS_OF),
                  gaps=gaps(values, as_of=AS_OF, thresholds=limits))
    assert not plain.empty
    pd.testing.assert_frame_equal(given, plain)


@pytest.mark.parametrize(
    ("name", "bad", "message"),
    [("trends", "x", "trends must be a pandas DataFrame"),
     ("comparison", pd.DataFrame({"employee_id": []}), r"comparison lacks column\(s\)"),
     ("gaps", pd.DataFrame({"employee_id": []}), r"gaps lacks column\(s\)")],
)
def test_rejects_bad_precomputed_frames(name, bad, message):
    people, sessions = roster()
    with pytest.raises(ValueError, match=message):
        flags(scenario(), people, sessions, **{name: bad})


def test_categorical_text_columns_give_the_same_flags(result):
    """store.frames.metric_frame hands over categoricals; the answer must not change."""
    people, sessions = roster()
    values = scenario()
    text = ["employee_id", "name", "team", "metric", "direction", "category"]
    out = flags(values.astype(dict.fromkeys(text, "category")), people, sessions)
    pd.testing.assert_frame_equal(out, result)
