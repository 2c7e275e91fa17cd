"""The prep page's what-if: a metric moved by an amount from the next week on, the
forecast and the chances as they are and shifted, and what that assumes, in both languages."""

from __future__ import annotations

import re

import pytest

import store
from analytics.forecast import forecasts
from analytics.forecast_target import target_outlook
from analytics.volume import usable
from i18n import t
from reports.team import thresholds
from store.frames import metric_frame
from tests.views.test_employee_page import open_prep

PERSON, METRIC, SHIFT = "E010", "首次解决率", 5.0


def _table(at, lang: str):
    return next(d.value for d in at.dataframe if t("wi.col.what", lang) in d.value.columns)


def _first_number(cell: str) -> float:
    return float(re.match(r"-?[\d,]+\.\d", cell).group(0).replace(",", ""))


def _expected(db) -> tuple[float, float, float, float]:
    """E010's next value and month's chance of the whole target, as they are and shifted,
    computed for the whole company straight from the analytics."""
    con = store.connect(db)
    try:
        limits = thresholds(con)
        values = usable(metric_frame(con), limits.min_events)
    finally:
        con.close()
    kw = {"min_periods": limits.forecast_min_periods, "interval": limits.forecast_interval}
    out = []
    for shift in (None, {METRIC: SHIFT}):
        ahead = forecasts(values, horizon=1, shift=shift, **kw)
        month = target_outlook(values, ratio=limits.under_target_ratio, shift=shift, **kw)
        pick = lambda f: f.loc[(f["employee_id"] == PERSON)  # noqa: E731
                               & (f["metric"].astype(str) == METRIC)].iloc[0]
        out += [pick(ahead)["expected"], pick(month)["p_target"]]
    return out[0], out[2], out[1], out[3]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_what_if_moves_the_forecast_and_the_chances(monkeypatch, demo_copy, lang):
    at = open_prep(monkeypatch, demo_copy, PERSON, lang=lang)
    assert t("wi.title", lang) in [h.value for h in at.subheader]
    at.selectbox(key="wi_metric").set_value(METRIC).run()
    at.number_input(key=f"wi_shift_{PERSON}_{METRIC}").set_value(SHIFT).run()
    assert not at.exception, at.exception
    table = _table(at, lang)
    base, shifted = t("wi.col.base", lang), t("wi.col.shifted", lang, shift="+5")
    next_base, next_if, chance, chance_if = _expected(demo_copy)
    assert _first_number(table[base].iloc[0]) == pytest.approx(next_base, abs=0.051)
    assert _first_number(table[shifted].iloc[0]) == pytest.approx(next_if, abs=0.051)
    whole = table.set_index(t("wi.col.what", lang)).loc[t("wi.row.p_target", lang)]
    assert whole[base] == f"{round(100 * chance)}%"
    assert whole[shifted] == f"{round(100 * chance_if)}%"
    words = " ".join(m.value for m in at.markdown)
    assert t("wi.assumes", lang, metric=METRIC, shift="+5") in words.replace("\\", "")
    assert t("wi.cannot", lang, metric=METRIC, shift="+5") in words.replace("\\", "")


def test_in_chinese_the_section_has_no_english(monkeypatch, demo_copy):
    at = open_prep(monkeypatch, demo_copy, PERSON, lang="zh")
    table = _table(at, "zh")
    text = " ".join([*table.columns, *table.astype(str).to_numpy().ravel()])
    text += " ".join(m.value for m in at.markdown if "假设" in m.value)
    assert not re.search(r"[A-Za-z]{3,}", text), text
