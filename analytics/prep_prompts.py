"""The facts of the prep's GROW questions and its one-sentence summary: which sentence, with
the employee's numbers (docs/domain.md, "Coaching models and styles"); ``reports.prep_text``
writes them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.facts import Fact, fact
from analytics.prep_context import CHECK_IN, FOLLOW_UP, Context
from analytics.prep_windows import goal_question


def _focus_metric(ctx: Context) -> dict:
    """The metric table's row of the most urgent flag about a metric ({} when none is)."""
    return next((ctx.row(f["metric"]) for f in ctx.flag_rows if pd.notna(f["metric"])), {})


def _real_strength(ctx: Context) -> dict:
    """The strength's row, or {} when the "best" metric is not above the team's middle."""
    row = ctx.row(ctx.strength)
    good = row and (row.get("z", np.nan) > 0 or row.get("percentile", np.nan) >= 50)
    return row if good else {}


def _metric_questions(ctx: Context, m: dict, strong: dict, deadline) -> list[Fact]:
    """Goal, Reality and Options about the metric of the most urgent flag."""
    turned = m.get("turn") == "worse" and pd.notna(m.get("turning_point"))
    reality = (fact("prep.grow.R.turn", metric=m["metric"], before=m["level_before"],
                    after=m["level_after"], since=m["turning_point"]) if turned
               else fact("prep.grow.R.flat", metric=m["metric"], value=m["value"],
                         **ctx.words()))
    options = (fact("prep.grow.O.strength", strength=ctx.strength, metric=m["metric"],
                    pct=strong.get("percentile"))
               if strong and ctx.strength != m["metric"]
               else fact("prep.grow.O.plain", metric=m["metric"]))
    return [goal_question(ctx.windows, m, deadline=deadline, teamless=ctx.teamless), reality,
            options]


def grow_prompts(ctx: Context) -> list[tuple[Fact, Fact]]:
    """GROW's stages (Goal, Reality, Options, Will) and their questions, as facts."""
    stages = [fact(f"prep.stage.{s}") for s in "GROW"]
    deadline = ctx.as_of + FOLLOW_UP
    m, strong = _focus_metric(ctx), _real_strength(ctx)
    if not m and ctx.flags.empty and strong:
        asks = [fact("prep.grow.G.steady", strength=ctx.strength,
                     pct=strong.get("percentile"), deadline=deadline),
                fact("prep.grow.R.steady", strength=ctx.strength), fact("prep.grow.O.steady")]
    elif not m:  # "your first weeks" only for a new hire, not someone hired years ago
        reality = "prep.grow.R.nometric" if ctx.new_hire else "prep.grow.R.general"
        asks = [fact("prep.grow.G.nometric", deadline=deadline), fact(reality),
                fact("prep.grow.O.steady")]
    else:
        asks = _metric_questions(ctx, m, strong, deadline)
    asks.append(fact("prep.grow.W", check=ctx.as_of + CHECK_IN))
    return list(zip(stages, asks, strict=True))


# The reasons whose sentence names the team: someone without one is compared with everyone.
EVERYONE = ("declining_trend", "below_team", "efficiency_quality_imbalance", "volatile")


def summary(ctx: Context) -> Fact:
    """One sentence on the most urgent flag with its numbers, or a positive one if unflagged."""
    if ctx.flags.empty:
        strong = _real_strength(ctx)
        if strong:
            return fact("prep.summary.strength", strength=ctx.strength,
                        pct=strong.get("percentile"))
        return fact("prep.summary.clear", day=ctx.as_of)
    f = ctx.flags.iloc[0]
    fields = {"metric": f["metric"], "value": f["value"], "reference": f["reference"],
              "since": f["since"], "eff": f["related_metric"], "hire": ctx.hire_date,
              "limit": ctx.cadence.first_session_days, **ctx.words(),
              "n": ctx.windows.recent_periods}
    if ctx.teamless and f["reason"] in EVERYONE:
        return fact(f"prep.summary_everyone.{f['reason']}", **fields)
    return fact(f"prep.summary.{f['reason']}", **fields)
