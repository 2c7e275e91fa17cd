"""The prep's GROW questions and its one-sentence summary, filled with the employee's numbers
(docs/domain.md, "Coaching models and styles")."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.prep_context import CHECK_IN, FOLLOW_UP, Context, num
from analytics.prep_windows import goal_question
from i18n import t
from i18n.dates import day


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


# The reasons whose sentence names the team: someone without one is compared with everyone.
EVERYONE = ("declining_trend", "below_team", "efficiency_quality_imbalance", "volatile")


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
    fields = {"metric": f["metric"], "value": num(f["value"], spec),
              "reference": num(f["reference"], spec), "since": day(f["since"]),
              "eff": f["related_metric"], "hire": day(ctx.hire_date),
              "limit": ctx.cadence.first_session_days, **ctx.words(),
              "n": ctx.windows.recent_periods}
    if ctx.teamless and f["reason"] in EVERYONE:
        return t(f"prep.summary_everyone.{f['reason']}", ctx.lang, **fields)
    return t(f"prep.summary.{f['reason']}", ctx.lang, **fields)
