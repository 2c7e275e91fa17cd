"""The HR page's statistics tables fit a 1440 px page: each estimate shares its cell with its
95% interval ("0.47 (0.07 to 0.74)") instead of two more columns per interval; the cell stays a
number under its text, so the column sorts by the estimate, not as text."""

import numpy as np
import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

import store
from i18n import t
from reports.impact import impact_report
from tests.views.conftest import make_app
from ui.impact import styled

PAGE = "views/impact.py"
ORDER = ["correlations", "people", "event_study", "compliance"]  # as on the page


def cell(v: float, low: float, high: float, lang: str) -> str:
    return t("impact.cell_ci", lang, v=f"{v:.2f}", low=f"{low:.2f}", high=f"{high:.2f}")


def shown(table) -> pd.DataFrame:
    """The texts a table's cells show (the Styler's display values sent beside the data)."""
    return convert_arrow_bytes_to_pandas_df(table.proto.arrow_data.styler.display_values)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_intervals_share_the_estimates_cell(monkeypatch, demo_copy, lang):
    con = store.connect(demo_copy)
    report = impact_report(con)
    con.close()
    at = make_app(monkeypatch, demo_copy, PAGE, lang=lang)
    tables = dict(zip(ORDER, at.dataframe, strict=True))
    corr, events = shown(tables["correlations"]), shown(tables["event_study"])
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


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_estimate_columns_sort_as_numbers(monkeypatch, demo_copy, lang):
    con = store.connect(demo_copy)
    report = impact_report(con)
    con.close()
    at = make_app(monkeypatch, demo_copy, PAGE, lang=lang)
    tables = dict(zip(ORDER, at.dataframe, strict=True))
    for name, frame, columns in (("correlations", report.correlations, ["pearson_r"]),
                                 ("event_study", report.event_summary, ["change", "effect"])):
        data = tables[name].value
        for column in columns:  # the grid sorts on the data: the report's own numbers
            assert pd.api.types.is_float_dtype(data[column]), (name, column)
            np.testing.assert_allclose(data[column].to_numpy(), frame[column].to_numpy())


@pytest.mark.parametrize("twice", [False, True])
def test_styled_texts_over_numbers_whose_text_order_differs(twice):
    """-0.50 < -0.10 < 2.00 < 10.50 as numbers; as text "-0.10" < "-0.50" and "10.50" < "2.00".
    ``twice``: one estimate with two intervals keeps each row's own text."""
    values = [2.0, -0.1, 10.5, -0.5, -0.5 if twice else 0.3, np.nan]
    texts = [f"{v:.2f} ({i} to {i + 1})" if pd.notna(v) else "" for i, v in enumerate(values)]
    frame = pd.DataFrame({"group": list("abcdef"), "r": values})
    styler = styled(frame, {"r": texts})
    lines = styler.to_string(delimiter="|").splitlines()[1:]
    assert [line.split("|")[2] for line in lines] == texts
    np.testing.assert_array_equal(styler.data["r"].to_numpy(), np.array(values))
    by_number = [texts[i] for i in np.argsort(values)[:5]]  # what the grid's sort shows
    assert by_number != sorted(texts[:5])  # a sort of the texts would differ
