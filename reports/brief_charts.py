"""The printable brief's charts: one small SVG trend per metric with the team's range and mean,
the target, the turning point and the forecast with its interval (as on the prep page), and the
team-position bars. SVG is built in ``charts.svg`` (no browser, no script)."""

from __future__ import annotations

from html import escape

import pandas as pd

from analytics.prep import EmployeePrep
from charts.svg import (
    AHEAD,
    AHEAD_DASH,
    BAND,
    OWN,
    TARGET,
    TEAM,
    TURN,
    ChartLabels,
    bar_chart,
    trend_chart,
)
from i18n import t
from reports.metric_names import metric_label, metric_labels


def charts(prep: EmployeePrep) -> str:
    """One small trend chart per metric (with its forecast) under one legend for all."""
    lang = prep.lang
    alone = prep.team is None or pd.isna(prep.team)  # compared with everyone
    labels = ChartLabels(employee=t("brief.legend.employee", lang),
                         team_mean=t("brief.legend.team_mean.everyone" if alone
                                     else "brief.legend.team_mean", lang),
                         target=t("brief.legend.target", lang),
                         turning_point=t("brief.legend.turning_point", lang),
                         team_range=t("brief.legend.team_range.everyone" if alone
                                      else "brief.legend.team_range", lang))
    by_metric = prep.metrics.set_index("metric") if not prep.metrics.empty else None
    svgs = []
    ahead = prep.forecast if prep.forecast is not None else pd.DataFrame(columns=["metric"])
    for metric, part in prep.series.groupby("metric", sort=True):
        row = by_metric.loc[metric] if by_metric is not None and metric in by_metric.index else {}
        target = part["target"].dropna().iloc[-1] if part["target"].notna().any() else None
        svgs.append(trend_chart(part, title=str(metric_label(metric, lang)), target=target,
                                legend=False,
                                turning_point=row.get("turning_point") if len(row) else None,
                                forecast=ahead.loc[ahead["metric"].astype(str) == str(metric)]))
    keys = [(OWN, "", labels.employee), (BAND, "", labels.team_range),
            (TEAM, "", labels.team_mean), (TARGET, "4 3", labels.target),
            (TURN, "2 2", labels.turning_point)]
    if not ahead.empty:  # the forecast's words are the prep page's (i18n/forecast.py)
        keys += [(OWN, AHEAD_DASH, t("forecast.line", prep.lang)),
                 (AHEAD, "", t("forecast.band", prep.lang,
                               level=f"{float(ahead['interval'].iloc[0]):.0%}"))]
    legend = "".join(
        f'<span><svg width="14" height="8"><line x1="0" x2="14" y1="4" y2="4" stroke="{color}" '
        f'stroke-width="{6 if color in (BAND, AHEAD) else 2}" stroke-dasharray="{dash}"/></svg> '
        f"{escape(word)}</span>" for color, dash, word in keys)
    return f'<div class="legend">{legend}</div><div class="charts">{"".join(svgs)}</div>'


def bars(prep: EmployeePrep) -> str:
    """The team-position bars (z-scores); "" without any."""
    if prep.metrics.empty or not prep.metrics["z"].notna().any():
        return ""
    title = t("brief.bars", prep.lang)
    z = prep.metrics.set_index(pd.Index(metric_labels(prep.metrics["metric"], prep.lang)))["z"]
    return f'<div class="bars">{bar_chart(z, title=title)}</div>'
