"""The flags about a metric: under target, declining, below the team, imbalanced, volatile.

Each rule takes the team-wide analysis it reads (gaps, trends, comparison), the thresholds and
the period context of ``analytics.flags`` and returns its rows with severity and the facts of
its evidence (``analytics.flag_facts``; docs/domain.md, "Who needs attention: the flags").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics import severity
from analytics.flag_facts import fdr_facts, say
from analytics.thresholds import Thresholds


def streak_flags(gap: pd.DataFrame, limits: Thresholds, ctx: dict) -> pd.DataFrame:
    hit = gap.loc[gap["under_streak"] >= limits.under_target_periods]
    ratio = limits.under_target_ratio
    out = pd.DataFrame({
        "employee_id": hit["employee_id"], "reason": "below_target_streak",
        "metric": hit["metric"], "category": hit["category"], "value": hit["value"],
        "reference": hit["target"], "since": hit["streak_start"],
        "severity": severity.streak(hit["attainment"], ratio,
                                    hit["under_streak"] - limits.under_target_periods)})
    return say(out, "below_target_streak", metric=hit["metric"], value=hit["value"],
               target=hit["target"], attainment=hit["attainment"], ratio=ratio,
               n=hit["under_streak"], since=hit["streak_start"], step=ctx["step"])


def trend_flags(trend: pd.DataFrame, comp: pd.DataFrame, ctx: dict) -> pd.DataFrame:
    hit = trend.loc[(trend["label"] == "falling") | (trend["turn"] == "worse")]
    hit = hit.merge(comp[["employee_id", "metric", "value", "team_mean"]],
                    on=["employee_id", "metric"], how="left")
    turned = (hit["turn"] == "worse").to_numpy()
    # The fall's size: the turning point's shift, or the slope over the short window.
    drop = np.where(turned, hit["turn_shift"].abs(),
                    hit["slope_short"].abs() * (ctx["short"] - 1))
    sd = hit["volatility"].to_numpy(dtype=float)
    size = np.full(len(hit), np.nan)
    np.divide(drop, sd, out=size, where=sd > 0)
    out = pd.DataFrame({
        "employee_id": hit["employee_id"], "reason": "declining_trend", "metric": hit["metric"],
        "category": hit["category"], "value": hit["value"], "reference": hit["team_mean"],
        "since": hit["turning_point"].where(turned, ctx["short_start"]),
        "severity": severity.in_sds(size)})
    parts = []
    for key, rows in (("declining_trend.turn", turned), ("declining_trend.slope", ~turned)):
        part, src = out.loc[rows], hit.loc[rows]
        p = src["turn_p"] if key.endswith("turn") else src["p_short"]
        alone = list(src["team"].isna())
        parts.append(say(part, key, alone, metric=src["metric"], value=src["value"],
                         team=src["team_mean"], since=part["since"],
                         before=src["level_before"], after=src["level_after"],
                         slope=src["slope_short"].abs(), p=p, n=ctx["short"], w=ctx["compare"],
                         fdr=fdr_facts(src["fdr_tests"], ctx["q"], alone), step=ctx["step"]))
    return pd.concat(parts, ignore_index=True)


def team_flags(comp: pd.DataFrame, limits: Thresholds, ctx: dict) -> pd.DataFrame:
    hit = comp.loc[(comp["z"] < limits.below_team_z)
                   & (comp["percentile"] <= 100 * limits.below_team_quantile)]
    out = pd.DataFrame({
        "employee_id": hit["employee_id"], "reason": "below_team", "metric": hit["metric"],
        "category": hit["category"], "value": hit["value"], "reference": hit["team_mean"],
        "since": ctx["compare_start"], "severity": severity.in_sds(-hit["z"])})
    return say(out, "below_team", list(hit["team"].isna()), metric=hit["metric"],
               value=hit["value"], team=hit["team_mean"], best=hit["team_best"], z=hit["z"],
               pct=hit["percentile"], w=ctx["compare"], step=ctx["step"])


def imbalance_flags(comp: pd.DataFrame, limits: Thresholds, ctx: dict) -> pd.DataFrame:
    fast = comp.loc[(comp["category"] == "efficiency")
                    & (comp["percentile"] >= 100 * limits.efficiency_top_quantile)]
    weak = comp.loc[(comp["category"] == "quality")
                    & (comp["percentile"] <= 100 * limits.quality_bottom_quantile)]
    # One flag per employee: the best efficiency metric against the worst quality metric.
    fast = fast.sort_values(["percentile", "metric"], ascending=[False, True])
    weak = weak.sort_values(["percentile", "metric"], ascending=[True, True])
    hit = weak.drop_duplicates("employee_id").merge(
        fast.drop_duplicates("employee_id"), on="employee_id", suffixes=("", "_eff"))
    out = pd.DataFrame({
        "employee_id": hit["employee_id"], "reason": "efficiency_quality_imbalance",
        "metric": hit["metric"], "related_metric": hit["metric_eff"],
        "category": hit["category"], "value": hit["value"], "reference": hit["team_mean"],
        "since": ctx["compare_start"],
        "severity": severity.imbalance(hit["percentile_eff"], hit["percentile"])})
    return say(out, "efficiency_quality_imbalance", list(hit["team"].isna()),
               metric=hit["metric"], value=hit["value"], team=hit["team_mean"],
               pct=hit["percentile"], eff=hit["metric_eff"], eff_value=hit["value_eff"],
               eff_team=hit["team_mean_eff"], eff_pct=hit["percentile_eff"])


def volatile_flags(trend: pd.DataFrame, limits: Thresholds, ctx: dict) -> pd.DataFrame:
    hit = trend.loc[trend["volatility_ratio"] > limits.volatility_cv_ratio]
    team = hit["volatility"] / hit["volatility_ratio"]
    out = pd.DataFrame({
        "employee_id": hit["employee_id"], "reason": "volatile", "metric": hit["metric"],
        "category": hit["category"], "value": hit["volatility"], "reference": team,
        "since": ctx["long_start"],
        "severity": severity.volatile(hit["volatility_ratio"], limits.volatility_cv_ratio)})
    return say(out, "volatile", list(hit["team"].isna()), metric=hit["metric"],
               value=hit["volatility"], team=team, ratio=hit["volatility_ratio"],
               step=ctx["step"])
