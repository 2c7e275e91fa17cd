"""reports.numbers and i18n.numbers: gaps in words, rounded percentages, the brief's windows."""

from __future__ import annotations

import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd
import pytest

import store
from analytics.prep_windows import Windows
from i18n import t
from i18n.numbers import percent, period_label
from reports import periods
from reports.employee import employee_prep
from reports.numbers import gap_text, headers, side_row, titles, windows
from tests.views.conftest import ROOT
from tests.views.test_optional_columns import rows


@pytest.mark.parametrize(
    ("value", "target", "direction", "unit", "lang", "expected"),
    [
        (135.0, 120.0, "higher", None, "en", "15.0 above target"),
        (105.6, 120.0, "higher", None, "en", "short by 14.4 (12%)"),
        (8.1, 6.0, "lower", "min", "en", "2.1 min over the target"),
        (5.5, 6.0, "lower", "min", "en", "0.5 min under the target"),
        (120.02, 120.0, "higher", None, "en", "on target"),
        (80.0, np.nan, "higher", None, "en", "no target"),
        (135.0, 120.0, "higher", None, "zh", "高于目标 15.0"),
        (105.6, 120.0, "higher", None, "zh", "距目标还差 14.4（12%）"),
        (8.1, 6.0, "lower", "分钟", "zh", "超出目标 2.1 分钟"),
        (5.5, 6.0, "lower", "分钟", "zh", "低于目标 0.5 分钟"),
    ],
)
def test_gaps_in_words_by_direction(value, target, direction, unit, lang, expected):
    assert gap_text(value, target, direction, unit, lang) == expected


@pytest.mark.parametrize("share", [0.9658, 0.96575, 0.96549, 1.125, 0.0005, 0.7996, 0.33333,
                                   2.0, -0.0125])
@pytest.mark.parametrize("digits", [0, 1])
def test_percentages_are_rounded_not_cut(share, digits):
    exact = Decimal(str(share)) * 100
    rounded = exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    assert percent(share, digits) == f"{rounded}%"


@pytest.mark.parametrize(
    ("day", "grain", "lang", "start", "expected"),
    [("2025-12-29", "week", "en", False, "week of 29 Dec 2025"),
     ("2025-12-29", "week", "en", True, "29 Dec 2025"),
     ("2025-12-01", "month", "en", False, "Dec 2025"),
     ("2025-10-01", "quarter", "en", False, "2025 Q4"),
     ("2025-12-08", "week", "zh", True, "2025年12月8日"),
     ("2025-12-01", "month", "zh", False, "2025年12月"),
     (None, "week", "en", False, "–")],
)
def test_period_labels(day, grain, lang, start, expected):
    assert period_label(day, grain, lang, start=start) == expected
    if day is not None and not start:  # the same words as reports.periods everywhere else
        assert expected == periods.period_label(day, grain, lang, year=True)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cli_brief_says_windows_gaps_and_no_false_strength(demo_db, lang):
    out = subprocess.run([sys.executable, str(ROOT / "cli.py"), "brief", "E010", "--db",
                          str(demo_db), "--lang", lang], capture_output=True, text=True,
                         cwd=ROOT, timeout=120, check=True).stdout
    if lang == "en":
        assert "**Against the team · last 4 weeks (8 Dec 2025 to 29 Dec 2025)**" in out
        assert "**Against the target · week of 29 Dec 2025**" in out
        assert "No metric above the team or at target yet; closest: 客户满意度, z -1.5" in out
        assert "over the target" in out
        assert "short by" in out
    else:
        assert "**与目标相比 · 2025年12月29日当周**" in out
        assert "暂无高于团队或达到目标的指标；最接近的是：客户满意度，z 值 -1.5" in out
        assert "last 4 weeks" not in out
    assert "Strength**: 客户满意度 (z" not in out


@pytest.mark.parametrize("grain", ["day", "week", "month", "quarter", "year"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_grain_has_window_words(grain, lang):
    w = Windows(grain, 4, pd.Timestamp("2025-01-01"), pd.Timestamp("2025-04-01"),
                pd.Timestamp("2025-04-01"), 3, 0.8)
    words = windows(w, lang)
    assert not any(text.startswith("window.") for text in words.values()), words
    assert "4" in words["recent"]
    assert not words["latest"].startswith("window.")
    assert t(f"units.{grain}", lang)  # the GROW sentence's unit word exists


@pytest.fixture(scope="module")
def two_preps(tmp_path_factory, module_demo_con):
    """A prep of someone in a team (the demo's E010) and of someone without one (a file with
    only an id, a period and a metric)."""
    teamed = employee_prep(module_demo_con, "E010")
    bare = store.connect(tmp_path_factory.mktemp("n") / "bare.duckdb")
    frame = rows()
    assert store.import_bytes(bare, frame.to_csv(index=False).encode(), "b.csv").status == "loaded"
    alone = employee_prep(bare, str(frame.iloc[0, 0]))
    bare.close()
    return teamed, alone


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("short", [False, True])
def test_someone_without_a_team_is_compared_with_everyone_in_words(two_preps, lang, short):
    teamed, alone = two_preps
    assert teamed.team is not None
    assert alone.team is None
    word = {"en": ("Team", "team"), "zh": ("团队",)}[lang]
    everyone = {"en": "Everyone", "zh": "全体"}[lang]
    for prep, team_words in ((teamed, True), (alone, False)):
        head = headers(prep, lang, short=short)
        compared = [head["team_mean"], head["team_best"], head["percentile"],
                    titles(prep, lang)[0]]
        said = [any(w in text for w in word) for text in compared]
        if team_words:
            assert all(said), compared
        else:
            assert not any(said[:3]), compared
            assert all(everyone in text or "everyone" in text for text in compared), compared


@pytest.mark.parametrize("who", ["E010", "E012", "E016", "E023", "M01"])
def test_side_row_is_the_metrics_row(module_demo_con, who):
    # the words read one row, no longer every row as records: the same fields, the same values
    prep = employee_prep(module_demo_con, who)
    for record in prep.metrics.to_dict("records"):
        row = side_row(prep, record["metric"])
        assert set(row) == {"metric", "z", "percentile", "attainment", "latest_period"}
        for field, value in row.items():
            assert value == record[field] or (pd.isna(value) and pd.isna(record[field])), field
    assert side_row(prep, "no such metric") is None
    assert side_row(prep, None) is None
