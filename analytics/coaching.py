"""docs/domain.md's coaching rules as data: which focus, model and style fit a flag.

``suggest`` returns stable keys (e.g. ``"focus.communication"``) so the UI can translate them;
``TEXT_EN`` and ``TEXT_ZH`` hold the English and Simplified Chinese wording of every key.
Sources: seed 003 (four analyses, the four models), seed 004 (styles per employee type).
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
# A gap in a metric's category points at the skill to train (seed 003's examples).
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
        A Suggestion of keys; look them up in TEXT_EN / TEXT_ZH (the model is its own name).

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


TEXT_EN: dict[str, str] = {
    "focus.communication": "Communication and service attitude, not speed",
    "focus.efficiency": "Handling efficiency: product knowledge base, reply templates, calming techniques",
    "focus.output": "Results: pipeline, needs analysis and closing skills",
    "focus.root_cause": "Find the root cause first: skill, attitude, process or resources",
    "focus.what_changed": "What changed: review the key event behind the drop",
    "focus.consistency": "Consistency: what makes the good weeks different from the bad ones",
    "focus.schedule_review": "Schedule the formal review and keep monthly contact",
    "focus.onboarding": "Onboarding: assign a mentor and basic training, follow up weekly",
    "model_reason.grow_reason": "GROW: the employee can reason about the gap and find the answer with open questions",
    "model_reason.grow_small_goals": "GROW with small achievable goals (e.g. +5% this week): a skill gap closes with training and practice",
    "model_reason.star_case_review": "STAR-AR: review the case after a key event and turn the lesson into a standard practice",
    "model_reason.best_24h": "BEST: immediate feedback within 24 hours on the observed behaviour and its effect",
    "model_reason.best_quick": "BEST: quick factual feedback now, then book the formal review",
    "model_reason.okr_short_cycles": "OKR-style goals in 2-3 week cycles with weekly check-ins",
    "model_reason.okr_career": "OKR: development goals tied to the career path, weekly check, monthly review",
    "style.directive": "Directive: show how, set clear steps, check often",
    "style.developmental": "Developmental: stretch goals linked to the next career step",
    "style.encouraging": "Encouraging: facts not opinions, small wins, correct in private",
    "style.coaching": "Coaching: open questions, about three positive remarks to one correction",
}
TEXT_ZH: dict[str, str] = {
    "focus.communication": "聚焦沟通技巧和服务意识,而不是处理速度",
    "focus.efficiency": "提升处理效率:熟悉产品知识库、优化话术模板、掌握快速安抚技巧",
    "focus.output": "提升业绩:梳理商机、加强需求分析和成交技巧",
    "focus.root_cause": "先找根因:是技能、态度、流程还是资源问题",
    "focus.what_changed": "找出变化原因:复盘导致下滑的关键事件",
    "focus.consistency": "保持稳定:找出表现好的周和差的周之间的区别",
    "focus.schedule_review": "安排正式面谈,并保持每月沟通",
    "focus.onboarding": "新人融入:安排带教导师和基础培训,每周跟进",
    "model_reason.grow_reason": "GROW:员工能自己分析差距,用开放式提问引导其找到答案",
    "model_reason.grow_small_goals": "GROW + 小而可达成的目标(如本周提升 5%):技能差距靠培训和练习来弥补",
    "model_reason.star_case_review": "STAR-AR:针对关键事件做案例复盘,把经验固化为标准动作",
    "model_reason.best_24h": "BEST:24 小时内就观察到的行为及其影响给予即时反馈",
    "model_reason.best_quick": "BEST:先做一次简短的事实反馈,再约定正式面谈",
    "model_reason.okr_short_cycles": "OKR 式目标,以 2-3 周为一个周期,每周检视",
    "model_reason.okr_career": "OKR:结合职业发展路径设定成长目标,周度检视、月度复盘",
    "style.directive": "指导式:示范做法、明确步骤、勤于检查",
    "style.developmental": "发展式:设定有挑战的目标,与下一步职业发展挂钩",
    "style.encouraging": "鼓励式:讲事实不讲评价,积累小成功,私下指正",
    "style.coaching": "教练式:多用开放式提问,表扬与纠正约为 3:1",
}

# Evidence sentences per flag (facts, not opinions: seed 000's feedback rule). Fields are
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
