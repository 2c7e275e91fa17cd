"""The prep's two tables (docs/domain.md, "The tables the articles use"): the problem analysis,
one row per flag, and the draft coaching tracking, one row per top problem; each takes the
:class:`~analytics.prep_context.Context` of one employee. Their cells are facts (a catalogue
key of ``i18n/prep.py`` and its values), a flag's evidence (``analytics.flag_facts``) or a
date; ``reports.prep_text`` writes them in the reader's language.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.facts import Fact, fact
from analytics.prep_context import (
    FOLLOW_UP,
    MAX_GOALS,
    PRIORITY_LEVELS,
    REVIEW_WITHIN,
    Context,
)
from analytics.prep_windows import baseline

PROBLEM_COLUMNS = ["dimension", "observed", "evidence", "priority"]
TRACKING_COLUMNS = ["goal", "action", "deadline", "support", "progress", "next_adjustment"]
_SUPPORT = {"below_target_streak": "skill", "below_team": "skill",
            "efficiency_quality_imbalance": "skill", "declining_trend": "process",
            "volatile": "habit", "new_hire_uncoached": "mentor", "coaching_overdue": "time",
            "likely_to_miss_target": "skill"}
_NEXT = {"new_hire_uncoached": "prep.next.cycle", "coaching_overdue": "prep.next.cadence"}


def priority_word(priority: float) -> str:
    """The catalogue's word (high / medium / low) for a flag priority in [0, 1].

    Example:
        >>> priority_word(0.8), priority_word(0.6), priority_word(0.1)
        ('prep.priority.high', 'prep.priority.medium', 'prep.priority.low')
    """
    for floor, key in PRIORITY_LEVELS:
        if priority >= floor:
            return key
    return "prep.priority.low"


def _dimension(ctx: Context, flag) -> Fact:
    if flag["reason"] == "new_hire_uncoached":
        return fact("prep.dimension.onboarding")
    if flag["reason"] == "coaching_overdue" or flag["metric"] is None:
        return fact("prep.dimension.cadence")
    category = ctx.row(flag["metric"]).get("category") or "other"
    category = category if category in ("efficiency", "quality", "output") else "other"
    return fact(f"prep.dimension.{category}", metric=flag["metric"])


def _observed(ctx: Context, flag) -> Fact:
    streak = ctx.row(flag["metric"]).get("under_streak")
    code = ("prep.observed.below_team.everyone" if ctx.teamless and flag["reason"] == "below_team"
            else f"prep.observed.{flag['reason']}")
    return fact(code, metric=flag["metric"],
                eff=flag["related_metric"], since=flag["since"], n=streak, **ctx.words())


def problems(ctx: Context) -> pd.DataFrame:
    """The problem-analysis table: one row per flag, most urgent first (docs/domain.md, table 1)."""
    rows = [{"dimension": _dimension(ctx, f), "observed": _observed(ctx, f),
             "evidence": f["evidence"], "priority": fact(priority_word(f["priority"]))}
            for f in ctx.flag_rows]
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


def _goal(ctx: Context, flag, deadline: pd.Timestamp) -> Fact:
    reason = flag["reason"]
    if reason == "new_hire_uncoached":
        return fact("prep.goal.first_session", deadline=deadline)
    if reason == "coaching_overdue":
        return fact("prep.goal.formal_review", deadline=deadline)
    if reason == "volatile":
        return fact("prep.goal.swing.everyone" if ctx.teamless else "prep.goal.swing",
                    metric=flag["metric"], value=flag["value"],
                    goal=flag["reference"], deadline=deadline, **ctx.words())
    level, basis = goal_level(ctx, flag)
    return fact("prep.goal.level", metric=flag["metric"], value=flag["value"],
                goal=level if basis else flag["value"], deadline=deadline,
                basis=fact("prep.basis.team_mean.everyone"
                           if ctx.teamless and basis == "basis.team_mean"
                           else f"prep.{basis or 'basis.target'}",
                           ratio=ctx.limits.under_target_ratio))


def _deadline(ctx: Context, reason: str) -> pd.Timestamp:
    if reason == "new_hire_uncoached":
        return ctx.as_of + pd.Timedelta(days=ctx.cadence.first_session_days)
    return ctx.as_of + (REVIEW_WITHIN if reason == "coaching_overdue" else FOLLOW_UP)


def top_flags(flags: list[dict], limit: int = MAX_GOALS) -> list[dict]:
    """The most urgent flag per metric (person-level reasons count as their own), top ``limit``
    (``flags``: rows of a flags frame, most urgent first)."""
    seen: set = set()
    top = []
    for flag in flags:
        key = (flag["metric"],) if pd.notna(flag["metric"]) else ("", flag["reason"])
        if key not in seen and len(top) < limit:
            seen.add(key)
            top.append(flag)
    return top


def tracking(ctx: Context) -> pd.DataFrame:
    """The draft coaching tracking table (docs/domain.md, table 2): one row per top problem."""
    rows = []
    for flag in top_flags(ctx.flag_rows):
        reason, deadline = flag["reason"], _deadline(ctx, flag["reason"])
        measured = flag["metric"] is not None and reason != "volatile"
        rows.append({
            "goal": _goal(ctx, flag, deadline),
            "action": fact(flag["focus"]),
            "deadline": deadline,
            "support": fact(f"prep.support.{_SUPPORT[reason]}", **ctx.words()),
            "progress": baseline(ctx.windows, reason, flag["value"],
                                 period=ctx.row(flag["metric"]).get("latest_period"))
            if measured else fact("prep.progress.none"),
            "next_adjustment": fact(_NEXT.get(reason, "prep.next.weekly")),
        })
    return pd.DataFrame(rows, columns=TRACKING_COLUMNS)
