"""Tests for analytics.coaching: the domain's rules as data, bilingual texts."""

from __future__ import annotations

import doctest
import string

import pytest

import analytics.coaching as module
from analytics.coaching import (
    CATEGORIES,
    EMPLOYEE_TYPES,
    REASONS,
    employee_type,
    suggest,
)
from i18n.evidence import TEXTS as EVIDENCE
from i18n.flags import TEXTS as FLAG_TEXTS

# The wording of the suggestions' keys, from the text catalogue.
TEXT_EN = {key: en for key, (en, _) in FLAG_TEXTS.items()}
TEXT_ZH = {key: zh for key, (_, zh) in FLAG_TEXTS.items()}


@pytest.mark.parametrize(
    ("reason", "category", "kind", "focus", "model", "style"),
    [
        ("efficiency_quality_imbalance", "quality", "steady", "focus.communication", "GROW",
         "style.coaching"),
        ("below_target_streak", "efficiency", "underperformer", "focus.efficiency", "GROW",
         "style.encouraging"),
        ("below_target_streak", "output", "high_potential", "focus.output", "OKR",
         "style.developmental"),
        ("below_team", "quality", "underperformer", "focus.communication", "GROW",
         "style.encouraging"),
        ("declining_trend", "quality", "high_potential", "focus.what_changed", "STAR-AR",
         "style.developmental"),
        ("volatile", "other", "steady", "focus.consistency", "BEST", "style.coaching"),
        ("coaching_overdue", None, "steady", "focus.schedule_review", "BEST", "style.coaching"),
        ("new_hire_uncoached", None, "new_hire", "focus.onboarding", "OKR", "style.directive"),
        ("below_target_streak", None, "steady", "focus.root_cause", "GROW", "style.coaching"),
    ],
)
def test_rules(reason, category, kind, focus, model, style):
    tip = suggest(reason, category, kind)
    assert (tip.focus_key, tip.model, tip.style_key) == (focus, model, style)


def test_every_key_has_english_and_chinese_text():
    keys = {getattr(suggest(r, c, k), a) for r in REASONS for c in (*CATEGORIES, None)
            for k in EMPLOYEE_TYPES for a in ("focus_key", "model_reason_key", "style_key")}
    assert keys <= set(TEXT_EN)
    assert set(TEXT_EN) == set(TEXT_ZH)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in TEXT_ZH.values())


def test_evidence_templates_use_the_same_fields_in_both_languages():
    for en, zh in EVIDENCE.values():  # the catalogue's evidence.* texts
        # Chinese counts words differently ("units_zh"), otherwise the facts are the same.
        fields = [{f.removesuffix("_zh") for _, f, _, _ in string.Formatter().parse(t) if f}
                  for t in (en, zh)]
        assert fields[0] == fields[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [(("late", None, "steady"), "reason"), (("volatile", "speed", "steady"), "category"),
     (("volatile", None, "star"), "employee_type")],
)
def test_rejects_unknown(args, message):
    with pytest.raises(ValueError, match=message):
        suggest(*args)


@pytest.mark.parametrize(
    ("flags", "expected"),
    [((True, True, True), "new_hire"), ((False, True, True), "high_potential"),
     ((False, False, True), "underperformer"), ((False, False, False), "steady")],
)
def test_employee_type_precedence(flags, expected):
    new, high, weak = flags
    assert employee_type(new_hire=new, high_potential=high, underperformer=weak) == expected


def test_doctests():
    assert doctest.testmod(module).failed == 0
