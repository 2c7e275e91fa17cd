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
