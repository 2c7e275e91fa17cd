"""docs/domain.md's coaching rules as data: which focus, model and style fit a flag.

``suggest`` returns stable keys (e.g. ``"focus.communication"``); their wording in English and
Simplified Chinese is in the text catalogue (``i18n/flags.py``).
docs/domain.md, "Coaching models and styles": the four models and the style per employee type.
"""

from __future__ import annotations

from dataclasses import dataclass

REASONS: tuple[str, ...] = (
    "below_target_streak", "declining_trend", "below_team", "efficiency_quality_imbalance",
    "volatile", "new_hire_uncoached", "coaching_overdue", "likely_to_miss_target",
)
CATEGORIES: tuple[str, ...] = ("efficiency", "quality", "output", "other")
EMPLOYEE_TYPES: tuple[str, ...] = ("new_hire", "high_potential", "underperformer", "steady")
MODELS: tuple[str, ...] = ("GROW", "BEST", "STAR-AR", "OKR")


@dataclass(frozen=True)
class Suggestion:
    """What to coach (focus), with which model and why, in which style (all keys)."""

    focus_key: str
    model: str
    model_reason_key: str
    style_key: str


# reason -> (focus key or None to use the category's focus, model, model reason key)
_RULES: dict[str, tuple[str | None, str, str]] = {
    "efficiency_quality_imbalance": ("focus.communication", "GROW", "model_reason.grow_reason"),
    "below_target_streak": (None, "GROW", "model_reason.grow_small_goals"),
    "likely_to_miss_target": (None, "GROW", "model_reason.grow_small_goals"),
    "below_team": (None, "GROW", "model_reason.grow_reason"),
    "declining_trend": ("focus.what_changed", "STAR-AR", "model_reason.star_case_review"),
    "volatile": ("focus.consistency", "BEST", "model_reason.best_24h"),
    "coaching_overdue": ("focus.schedule_review", "BEST", "model_reason.best_quick"),
    "new_hire_uncoached": ("focus.onboarding", "OKR", "model_reason.okr_short_cycles"),
}
# A gap in a metric's category points at the skill to train (docs/domain.md, "Coaching models
# and styles": gap types).
_CATEGORY_FOCUS = {
    "efficiency": "focus.efficiency", "quality": "focus.communication",
    "output": "focus.output", "other": "focus.root_cause",
}
_STYLE = {
    "new_hire": "style.directive", "high_potential": "style.developmental",
    "underperformer": "style.encouraging", "steady": "style.coaching",
}
# High potentials get goals tied to their career path; events and swings keep their model.
_HIGH_POTENTIAL_OKR = {"below_target_streak", "below_team", "coaching_overdue"}


def _check(reason: str, category: str | None, employee_type: str) -> None:
    if reason not in REASONS:
        raise ValueError(f"unknown reason {reason!r}; expected one of {list(REASONS)}")
    if category is not None and category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}; expected one of {list(CATEGORIES)}")
    if employee_type not in EMPLOYEE_TYPES:
        raise ValueError(
            f"unknown employee_type {employee_type!r}; expected one of {list(EMPLOYEE_TYPES)}")


def suggest(reason: str, category: str | None, employee_type: str) -> Suggestion:
    """The coaching suggestion for one flag.

    Args:
        reason: one of REASONS.
        category: the metric's category, or None for person-level reasons.
        employee_type: "new_hire", "high_potential", "underperformer" or "steady".

    Returns:
        A Suggestion of keys of the text catalogue (the model is its own name).

    Example:
        >>> suggest("efficiency_quality_imbalance", "quality", "steady")
        Suggestion(focus_key='focus.communication', model='GROW', model_reason_key='model_reason.grow_reason', style_key='style.coaching')
    """
    _check(reason, category, employee_type)
    focus, model, model_reason = _RULES[reason]
    if focus is None:
        focus = _CATEGORY_FOCUS[category or "other"]
    if employee_type == "high_potential" and reason in _HIGH_POTENTIAL_OKR:
        model, model_reason = "OKR", "model_reason.okr_career"
    return Suggestion(focus, model, model_reason, _STYLE[employee_type])


def employee_type(*, new_hire: bool, high_potential: bool, underperformer: bool) -> str:
    """The type used for style: new hire first, then high potential, then underperformer.

    Example:
        >>> employee_type(new_hire=False, high_potential=True, underperformer=True)
        'high_potential'
    """
    if new_hire:
        return "new_hire"
    if high_potential:
        return "high_potential"
    return "underperformer" if underperformer else "steady"


# Evidence sentences per flag (facts, not opinions: docs/domain.md, "Coaching models and
# styles"). Fields are
# pre-formatted strings; "units_zh" is "周" or "个月", "unit_zh" is "周" or "月".
EVIDENCE: dict[str, tuple[str, str]] = {
    "below_target_streak": (
        "{metric} {value} vs target {target} ({attainment} of target), under {ratio} of target "
        "for {n} {units} since {since}",
        "{metric} {value},目标 {target}(达成 {attainment}),自 {since} 起连续 {n} {units_zh}"
        "低于目标的 {ratio}"),
    "declining_trend.turn": (
        "{metric} {value} vs team {team} (mean of the last {w} {units}), worse since {since} "
        "(level {before} -> {after}; {p}{fdr})",
        "{metric} 近 {w} {units_zh}平均 {value},团队 {team},自 {since} 起变差"
        "(水平 {before} → {after};{p}{fdr_zh})"),
    "declining_trend.slope": (
        "{metric} {value} vs team {team} (mean of the last {w} {units}), getting worse by "
        "{slope} per {unit} over the last {n} {units} ({p}{fdr})",
        "{metric} 近 {w} {units_zh}平均 {value},团队 {team},近 {n} {units_zh}每{unit_zh}变差 "
        "{slope}({p}{fdr_zh})"),
    # The false-discovery control of the trend tests (analytics.trend), appended to the p.
    "fdr": (
        ", still significant among the team's {m} trend tests at a false-discovery rate of {q}",
        ",在团队 {m} 项趋势检验中按 {q} 的错误发现率控制后仍显著"),
    "below_team": (
        "{metric} {value} vs team {team} (mean of the last {w} {units}; team best {best}, "
        "z {z}, percentile {pct})",
        "{metric} 近 {w} {units_zh}平均 {value},团队平均 {team}(团队最佳 {best},z 值 {z},"
        "百分位 {pct})"),
    "efficiency_quality_imbalance": (
        "{eff} {eff_value} is among the team's best (percentile {eff_pct}, team {eff_team}) "
        "but {metric} {value} is among the lowest (percentile {pct}, team {team})",
        "{eff} {eff_value} 位居团队前列(百分位 {eff_pct},团队 {eff_team}),"
        "但 {metric} {value} 排名靠后(百分位 {pct},团队 {team})"),
    "volatile": (
        "{metric} swings {value} from {unit} to {unit}, {ratio}x the team's typical {team}",
        "{metric} 每{unit_zh}波动 {value},是团队常见水平 {team} 的 {ratio} 倍"),
    "new_hire_uncoached": (
        "Hired {hire} ({days} days ago), no coaching session within the first {limit} days",
        "{hire} 入职({days} 天),入职 {limit} 天内没有辅导记录"),
    "coaching_overdue.formal": (
        "No formal review this quarter (since {quarter})", "本季度(自 {quarter} 起)尚无正式面谈"),
    "coaching_overdue.contact": (
        "Last contact {days} days ago (policy: every {limit} days)",
        "上次沟通在 {days} 天前(要求每 {limit} 天至少一次)"),
    "coaching_overdue.never": ("No coaching session on record", "没有任何辅导记录"),
    # analytics.forecast_flags: the chance, the forecast and its backtest, then the run-rate.
    "likely_to_miss_target": (
        "{metric}: {p} chance of reaching {ratio} of {span}'s target {target} (expected "
        "{expected}, {level} interval {low} to {high}; model {model}, one-step backtest MAE "
        "{mae}, n={mae_n}); {needs}",
        "{metric}：{span_zh}目标 {target}，达到目标 {ratio} 的概率为 {p}（预计 {expected}，"
        "{level} 区间 {low} 至 {high}；模型 {model_zh}，单步回测平均绝对误差 {mae}，n={mae_n}）；"
        "{needs_zh}"),
    "likely_to_miss_target.sum": (
        "needs {needed} a {unit} for the next {left} {units}; has averaged {recent} over the "
        "last {n} {units}",
        "接下来 {left} {units_zh}每{unit_zh}需要 {needed}；近 {n} {units_zh}平均 {recent}"),
    "likely_to_miss_target.mean": (
        "needs an average of {needed} over the next {left} {units}; has averaged {recent} over "
        "the last {n} {units}",
        "接下来 {left} {units_zh}平均需要 {needed}；近 {n} {units_zh}平均 {recent}"),
    "likely_to_miss_target.lower": (
        "needs an average of at most {needed} over the next {left} {units}; has averaged "
        "{recent} over the last {n} {units}",
        "接下来 {left} {units_zh}平均需不高于 {needed}；近 {n} {units_zh}平均 {recent}"),
}
