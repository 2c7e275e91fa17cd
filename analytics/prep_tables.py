"""The prep's two tables (docs/domain.md, "The tables the articles use"): the problem analysis,
one row per flag, and the draft coaching tracking, one row per top problem; each takes the
:class:`~analytics.prep_context.Context` of one employee and writes in ``ctx.lang`` from the
catalogue (``i18n/prep.py``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.prep_context import (
    FOLLOW_UP,
    MAX_GOALS,
    PRIORITY_LEVELS,
    REVIEW_WITHIN,
    Context,
    num,
)
from analytics.prep_windows import baseline
from i18n import t
from i18n.dates import day

PROBLEM_COLUMNS = ["dimension", "observed", "evidence", "priority"]
TRACKING_COLUMNS = ["goal", "action", "deadline", "support", "progress", "next_adjustment"]
_SUPPORT = {"below_target_streak": "skill", "below_team": "skill",
            "efficiency_quality_imbalance": "skill", "declining_trend": "process",
            "volatile": "habit", "new_hire_uncoached": "mentor", "coaching_overdue": "time",
            "likely_to_miss_target": "skill"}
_NEXT = {"new_hire_uncoached": "prep.next.cycle", "coaching_overdue": "prep.next.cadence"}


def priority_word(priority: float, lang: str) -> str:
    """High / Medium / Low (高 / 中 / 低) for a flag priority in [0, 1].

    Example:
        >>> priority_word(0.8, "en"), priority_word(0.6, "zh"), priority_word(0.1, "en")
        ('High', '中', 'Low')
    """
    for floor, key in PRIORITY_LEVELS:
        if priority >= floor:
            return t(key, lang)
    return t("prep.priority.low", lang)


def _dimension(ctx: Context, flag) -> str:
    if flag["reason"] == "new_hire_uncoached":
        return t("prep.dimension.onboarding", ctx.lang)
    if flag["reason"] == "coaching_overdue" or flag["metric"] is None:
        return t("prep.dimension.cadence", ctx.lang)
    category = ctx.row(flag["metric"]).get("category") or "other"
    category = category if category in ("efficiency", "quality", "output") else "other"
    return t(f"prep.dimension.{category}", ctx.lang, metric=flag["metric"])


def _observed(ctx: Context, flag) -> str:
    streak = ctx.row(flag["metric"]).get("under_streak")
    return t(f"prep.observed.{flag['reason']}", ctx.lang, metric=flag["metric"],
             eff=flag["related_metric"], since=day(flag["since"]), n=num(streak, ".0f"), **ctx.words())


def problems(ctx: Context) -> pd.DataFrame:
    """The problem-analysis table: one row per flag, most urgent first (docs/domain.md, table 1)."""
    rows = [{"dimension": _dimension(ctx, f), "observed": _observed(ctx, f),
             "evidence": f["evidence"], "priority": priority_word(f["priority"], ctx.lang)}
            for f in ctx.flags.to_dict("records")]
    return pd.DataFrame(rows, columns=PROBLEM_COLUMNS)


def _better(value, goal, direction) -> bool:
    if pd.isna(value) or pd.isna(goal):
        return False
    return goal < value if direction == "lower" else goal > value


def goal_level(ctx: Context, flag) -> tuple[float, str]:
    """(level, basis key) a metric goal aims at; (NaN, "") when nothing is an improvement."""
    row = ctx.row(flag["metric"])
    direction, value = row.get("direction", "higher"), flag["value"]
    target, ratio = row.get("target", np.nan), ctx.limits.under_target_ratio
    line = target / ratio if direction == "lower" else target * ratio
    options = {
        "below_target_streak": [(line, "basis.ratio"), (target, "basis.target")],
        "likely_to_miss_target": [(line, "basis.ratio"), (target, "basis.target")],
        "declining_trend": [(row.get("level_before"), "basis.level_before"),
                            (row.get("team_mean"), "basis.team_mean")],
    }.get(flag["reason"], [])
    options += [(row.get("team_mean"), "basis.team_mean"), (target, "basis.target")]
    better = [(float(level), basis) for level, basis in options
              if _better(value, level, direction)]
    if not better:
        return np.nan, ""
    # The nearest improvement: a small achievable step (docs/domain.md, styles), not the team's best.
    return min(better, key=lambda option: abs(option[0] - value))


def _goal(ctx: Context, flag, deadline: pd.Timestamp) -> str:
    reason, when = flag["reason"], day(deadline)
    if reason == "new_hire_uncoached":
        return t("prep.goal.first_session", ctx.lang, deadline=when)
    if reason == "coaching_overdue":
        return t("prep.goal.formal_review", ctx.lang, deadline=when)
    if reason == "volatile":
        return t("prep.goal.swing", ctx.lang, metric=flag["metric"],
                 value=num(flag["value"], ".2f"), goal=num(flag["reference"], ".2f"), deadline=when, **ctx.words())
    level, basis = goal_level(ctx, flag)
    words = ctx.words()
    return t("prep.goal.level", ctx.lang, metric=flag["metric"], value=num(flag["value"]),
             goal=num(level if basis else flag["value"]), deadline=when,
             basis=t(f"prep.{basis or 'basis.target'}", ctx.lang, ratio=words["ratio"]))


def _deadline(ctx: Context, reason: str) -> pd.Timestamp:
    if reason == "new_hire_uncoached":
        return ctx.as_of + pd.Timedelta(days=ctx.cadence.first_session_days)
    return ctx.as_of + (REVIEW_WITHIN if reason == "coaching_overdue" else FOLLOW_UP)


def top_flags(flags: pd.DataFrame, limit: int = MAX_GOALS) -> pd.DataFrame:
    """The most urgent flag per metric (person-level reasons count as their own), top ``limit``."""
    if flags.empty:
        return flags
    key = flags["metric"].astype(object).where(flags["metric"].notna(), "\x00" + flags["reason"])
    return flags.loc[~key.duplicated()].head(limit)


def tracking(ctx: Context) -> pd.DataFrame:
    """The draft coaching tracking table (docs/domain.md, table 2): one row per top problem."""
    rows = []
    for flag in top_flags(ctx.flags).to_dict("records"):
        reason, deadline = flag["reason"], _deadline(ctx, flag["reason"])
        measured = flag["metric"] is not None and reason != "volatile"
        rows.append({
            "goal": _goal(ctx, flag, deadline),
            "action": t(flag["focus"], ctx.lang),
            "deadline": day(deadline),
            "support": t(f"prep.support.{_SUPPORT[reason]}", ctx.lang, **ctx.words()),
            "progress": baseline(ctx.windows, reason, flag["value"], ctx.lang,
                                 period=ctx.row(flag["metric"]).get("latest_period"))
            if measured else t("prep.progress.none", ctx.lang),
            "next_adjustment": t(_NEXT.get(reason, "prep.next.weekly"), ctx.lang),
        })
    return pd.DataFrame(rows, columns=TRACKING_COLUMNS)
