"""The HR page's statistics tables fit a 1440 px page: each estimate shares its cell with its
95% interval ("0.47 (0.07 to 0.74)") instead of two more columns per interval."""

import pytest

import store
from i18n import t
from reports.impact import impact_report
from tests.views.conftest import make_app

PAGE = "views/impact.py"
ORDER = ["correlations", "people", "event_study", "compliance"]  # as on the page


def cell(v: float, low: float, high: float, lang: str) -> str:
    return t("impact.cell_ci", lang, v=f"{v:.2f}", low=f"{low:.2f}", high=f"{high:.2f}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_intervals_share_the_estimates_cell(monkeypatch, demo_copy, lang):
    con = store.connect(demo_copy)
    report = impact_report(con)
    con.close()
    at = make_app(monkeypatch, demo_copy, PAGE, lang=lang)
    tables = dict(zip(ORDER, at.dataframe, strict=True))
    corr, events = tables["correlations"].value, tables["event_study"].value
    assert len(corr.columns) == 9
    assert len(events.columns) == 9
    assert not {"ci_low", "ci_high", "change_low", "change_high"} & {*corr, *events}
    first = report.correlations.iloc[0]  # everyone
    assert corr["pearson_r"].iloc[0] == cell(first["pearson_r"], first["ci_low"],
                                             first["ci_high"], lang)
    everyone = report.event_summary.iloc[0]
    assert events["change"].iloc[0] == cell(everyone["change"], everyone["change_low"],
                                            everyone["change_high"], lang)
    assert events["effect"].iloc[0] == cell(everyone["effect"], everyone["ci_low"],
                                            everyone["ci_high"], lang)
    # no "nan" text where a group has too few people for an interval: blank or the estimate
    assert not events.astype(str).apply(lambda c: c.str.contains("nan")).any().any()
