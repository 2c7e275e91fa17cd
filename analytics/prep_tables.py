"""The prep's tables and sentences (the problem-analysis and coaching-tracking tables of
docs/domain.md, "The tables the articles use"; GROW prompts; the summary).

Each function takes a :class:`Context` of one employee (their metric table and flags, most urgent
first) and writes text in ``ctx.lang`` from the catalogue (``i18n/prep.py``). Numbers used:

* priority words: flag priority >= 0.75 high, >= 0.5 medium, else low (0.5 is a rule's
  threshold just crossed, 1.0 an extreme; see analytics.flags);
* goal deadline: as_of + 4 weeks (docs/domain.md, "Cadence": weekly follow-up for 1-4 weeks,
  review after a month);
  a new hire's first session: as_of + ``first_session_days``; an overdue review: + 14 days;
* a goal level: back over the alert line (``under_target_ratio`` x target) for a target streak,
  the level before the drop for a decline, the team mean, the target: the nearest of those that
  is an improvement (small achievable goals, docs/domain.md "Coaching models and styles").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from analytics.cadence import CadenceRules
from analytics.prep_windows import Windows, baseline, goal_question
from analytics.thresholds import Thresholds
from i18n import t

PRIORITY_LEVELS = ((0.75, "prep.priority.high"), (0.5, "prep.priority.medium"),
                   (0.0, "prep.priority.low"))
FOLLOW_UP = pd.Timedelta(weeks=4)
REVIEW_WITHIN = pd.Timedelta(days=14)
CHECK_IN = pd.Timedelta(days=7)
MAX_GOALS = 3
PROBLEM_COLUMNS = ["dimension", "observed", "evidence", "priority"]
TRACKING_COLUMNS = ["goal", "action", "deadline", "support", "progress", "next_adjustment"]
_SUPPORT = {"below_target_streak": "skill", "below_team": "skill",
            "efficiency_quality_imbalance": "skill", "declining_trend": "process",
            "volatile": "habit", "new_hire_uncoached": "mentor", "coaching_overdue": "time",
            "likely_to_miss_target": "skill"}
_NEXT = {"new_hire_uncoached": "prep.next.cycle", "coaching_overdue": "prep.next.cadence"}


@dataclass(frozen=True)
class Context:
    """One employee's numbers the sentences are built from."""

    as_of: pd.Timestamp
    lang: str
    limits: Thresholds
    cadence: CadenceRules
    metrics: pd.DataFrame  # analytics.prep.METRIC_COLUMNS
    flags: pd.DataFrame  # analytics.flags.FLAG_COLUMNS of this employee, most urgent first
    strength: str | None
    hire_date: pd.Timestamp | None
    step: str  # "week", "month", "quarter" or "year" (analytics.frames.grain)
    windows: Windows

    @cached_property
    def _rows(self) -> dict:
        return {row["metric"]: row for row in self.metrics.to_dict("records")}

    def row(self, metric) -> dict:
        """The metric table's row of ``metric`` as a dict (empty when unknown)."""
        return self._rows.get(metric, {}) if metric is not None else {}

    @property
    def new_hire(self) -> bool:
        """Hired less than ``limits.new_hire_days`` before ``as_of`` (the flags' rule)."""
        if self.hire_date is None or pd.isna(self.hire_date):
            return False
        return 0 <= (self.as_of - pd.Timestamp(self.hire_date)).days < self.limits.new_hire_days

    def words(self) -> dict:
        return {"unit": t(f"unit.{self.step}", self.lang),
                "units": t(f"units.{self.step}", self.lang),
                "ratio": format(self.limits.under_target_ratio, ".0%")}


def num(value, spec: str = ".1f") -> str:
    """A number for a sentence, "–" when missing.

    Example:
        >>> num(81.234), num(float("nan")), num(0.8, ".0%")
        ('81.2', '–', '80%')
    """
    return "–" if value is None or pd.isna(value) else format(float(value), spec)


def day(value) -> str:
    return "–" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def priority_word(priority: float, lang: str) -> str:
    """high / medium / low (高 / 中 / 低) for a flag priority in [0, 1].

    Example:
        >>> priority_word(0.8, "en"), priority_word(0.6, "zh"), priority_word(0.1, "en")
        ('high', '中', 'low')
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
    evidence = "evidence_zh" if ctx.lang == "zh" else "evidence"
    rows = [{"dimension": _dimension(ctx, f), "observed": _observed(ctx, f),
             "evidence": f[evidence], "priority": priority_word(f["priority"], ctx.lang)}
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


def _focus_metric(ctx: Context) -> dict:
    metric_flags = ctx.flags.loc[ctx.flags["metric"].notna()] if not ctx.flags.empty else ctx.flags
    if metric_flags.empty:
        return {}
    return ctx.row(metric_flags["metric"].iloc[0])


def _real_strength(ctx: Context) -> dict:
    """The strength's row, or {} when the "best" metric is not above the team's middle."""
    row = ctx.row(ctx.strength)
    good = row and (row.get("z", np.nan) > 0 or row.get("percentile", np.nan) >= 50)
    return row if good else {}


def grow_prompts(ctx: Context) -> list[tuple[str, str]]:
    """GROW questions (Goal, Reality, Options, Will) filled with this employee's numbers."""
    stages = [t(f"prep.stage.{s}", ctx.lang) for s in "GROW"]
    deadline, check = day(ctx.as_of + FOLLOW_UP), day(ctx.as_of + CHECK_IN)
    m, strong = _focus_metric(ctx), _real_strength(ctx)
    if not m and ctx.flags.empty and strong:
        pct = num(strong.get("percentile"), ".0f")
        asks = [t("prep.grow.G.steady", ctx.lang, strength=ctx.strength, pct=pct,
                  deadline=deadline),
                t("prep.grow.R.steady", ctx.lang, strength=ctx.strength),
                t("prep.grow.O.steady", ctx.lang)]
    elif not m:  # "your first weeks" only for a new hire, not someone hired years ago
        reality = "prep.grow.R.nometric" if ctx.new_hire else "prep.grow.R.general"
        asks = [t("prep.grow.G.nometric", ctx.lang, deadline=deadline), t(reality, ctx.lang),
                t("prep.grow.O.steady", ctx.lang)]
    else:
        asks = [goal_question(ctx.windows, m, deadline=deadline, lang=ctx.lang)]
        turned = m.get("turn") == "worse" and pd.notna(m.get("turning_point"))
        asks.append(t("prep.grow.R.turn", ctx.lang, metric=m["metric"],
                      before=num(m["level_before"]), after=num(m["level_after"]),
                      since=day(m["turning_point"]))
                    if turned else t("prep.grow.R.flat", ctx.lang, metric=m["metric"],
                                     value=num(m["value"]), **ctx.words()))
        asks.append(t("prep.grow.O.strength", ctx.lang, strength=ctx.strength, metric=m["metric"],
                      pct=num(strong.get("percentile"), ".0f"))
                    if strong and ctx.strength != m["metric"]
                    else t("prep.grow.O.plain", ctx.lang, metric=m["metric"]))
    asks.append(t("prep.grow.W", ctx.lang, check=check))
    return list(zip(stages, asks, strict=True))


def summary(ctx: Context) -> str:
    """One sentence on the most urgent flag with its numbers, or a positive one if unflagged."""
    if ctx.flags.empty:
        strong = _real_strength(ctx)
        if strong:
            return t("prep.summary.strength", ctx.lang, strength=ctx.strength,
                     pct=num(strong.get("percentile"), ".0f"))
        return t("prep.summary.clear", ctx.lang, day=day(ctx.as_of))
    f = ctx.flags.iloc[0]
    spec = ".2f" if f["reason"] == "volatile" else ".1f"
    return t(f"prep.summary.{f['reason']}", ctx.lang, metric=f["metric"],
             value=num(f["value"], spec), reference=num(f["reference"], spec),
             since=day(f["since"]), eff=f["related_metric"], hire=day(ctx.hire_date),
             limit=ctx.cadence.first_session_days, **ctx.words(), n=ctx.windows.recent_periods)
