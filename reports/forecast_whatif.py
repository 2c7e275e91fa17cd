"""The forecast what-if in the reader's words: "if first-contact resolution rises 5 points from
next week on …" for one person on the prep page, or for everyone on ``cli.py forecast
--what-if``. The numbers are ``analytics.forecast_whatif``'s; this module reads the settings and
the data through the viewer's scope and says what the numbers assume and cannot prove.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.forecast import MEAN_WINDOW
from analytics.forecast_whatif import what_if
from analytics.forecast_whatif_one import one_what_if
from analytics.prep import EmployeePrep
from analytics.thresholds import Thresholds
from analytics.volume import usable
from i18n import t
from i18n.numbers import percent
from reports.metric_names import metric_label
from reports.periods import period_label
from reports.team import thresholds
from store.frames import metric_frame


def _settings(limits: Thresholds) -> dict:
    return {"min_periods": limits.forecast_min_periods, "interval": limits.forecast_interval,
            "ratio": limits.under_target_ratio}


def what_if_rows(con: duckdb.DuckDBPyConnection, metric: str, shift: float, *,
                 as_of: pd.Timestamp | str | None = None) -> pd.DataFrame:
    """Everyone the viewer may see, forecast on ``metric`` as it is and shifted (with names).

    Raises:
        analytics.forecast_whatif.UnknownMetric: the viewer's data holds no value of ``metric``.
    """
    as_of = None if as_of is None else pd.Timestamp(as_of)
    limits = thresholds(con)
    values = usable(metric_frame(con, as_of=as_of), limits.min_events)
    rows = what_if(values, metric, shift, as_of=as_of, **_settings(limits))
    names = values.drop_duplicates("employee_id").set_index("employee_id")["name"]
    rows.insert(1, "name", rows["employee_id"].map(names).astype(object))
    return rows.astype({"employee_id": object, "team": object})


def person_what_if(con: duckdb.DuckDBPyConnection, prep: EmployeePrep, metric: str,
                   shift: float, *, limits: Thresholds | None = None) -> pd.Series | None:
    """The prep's person on ``metric`` as forecast and shifted (their own series, as the prep's
    forecast is made; ``team`` None): ``what_if_rows``' numbers for one person, made on one row
    (``analytics.forecast_whatif_one``); None without a forecast. ``limits``: the stored
    thresholds when the caller has them (read from ``con`` when None)."""
    limits = thresholds(con) if limits is None else limits
    return one_what_if(usable(prep.series, limits.min_events), metric, shift,
                       employee_id=prep.employee_id, **_settings(limits))


def _num(value) -> str:
    return "–" if value is None or pd.isna(value) else f"{float(value):,.1f}"


def _span(row: pd.Series, lang: str) -> str:
    return t(f"forecast.grain.{row['target_grain']}", lang)


def what_if_table(row: pd.Series, grain: str, lang: str) -> pd.DataFrame:
    """Rows: the next period's value, this month's (quarter's) value, the two chances; columns:
    as forecast, with the shift, the change. Values with their interval in brackets."""
    def band(prefix: str, suffix: str) -> str:
        value = row[f"{prefix}expected{suffix}"]
        return (f"{_num(value)} ({_num(row[f'{prefix}low{suffix}'])}–"
                f"{_num(row[f'{prefix}high{suffix}'])})")

    lines = [(t("wi.row.next", lang, period=period_label(row["next_period"], grain, lang,
                                                         year=True)),
              band("next_", ""), band("next_", "_if"),
              row["next_expected_if"] - row["next_expected"], False)]
    if pd.notna(row["target"]):
        start = f"{pd.Timestamp(row['target_period']):%Y-%m-%d}"
        lines += [
            (t("wi.row.period", lang, span=_span(row, lang), start=start, target=_num(row["target"])),
             band("", ""), band("", "_if"), row["expected_if"] - row["expected"], False),
            (t("wi.row.p_ratio", lang, ratio=percent(row["ratio"], 0)), percent(row["p_ratio"], 0), percent(row["p_ratio_if"], 0),
             row["p_ratio_if"] - row["p_ratio"], True),
            (t("wi.row.p_target", lang), percent(row["p_target"], 0),
             percent(row["p_target_if"], 0), row["p_target_if"] - row["p_target"], True)]
    return pd.DataFrame({
        t("wi.col.what", lang): [x[0] for x in lines],
        t("wi.col.base", lang): [x[1] for x in lines],
        t("wi.col.shifted", lang, shift=f"{row['shift']:+g}"): [x[2] for x in lines],
        t("wi.col.change", lang): [t("wi.points", lang, n=f"{100 * x[3]:+.0f}") if x[4]
                                   else f"{x[3]:+,.1f}" for x in lines]})


def what_if_words(row: pd.Series, grain: str, lang: str, *, metric: str) -> list[str]:
    """What the what-if assumes, what it cannot prove, and how its new level compares with the
    person's own best run."""
    metric = metric_label(metric, lang)
    fields = {"metric": metric, "shift": f"{row['shift']:+g}",
              "units": t(f"grain.units.{grain}", lang), "level": _num(row["level"]),
              "recent": _num(row["recent"]), "best": _num(row["best"]), "n": MEAN_WINDOW}
    out = [t("wi.assumes", lang, **fields), t("wi.cannot", lang, **fields)]
    if pd.notna(row["best"]):
        out.append(t("wi.beyond" if row["beyond"] else "wi.within", lang, **fields))
    if pd.isna(row["target"]):
        out.append(t("wi.no_target", lang, metric=metric))
    return out

