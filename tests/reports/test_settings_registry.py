"""reports.settings' registry: every tunable number once, with bounds that agree with the
dataclass's own check, a label and help in both languages and the page that edits it."""

from __future__ import annotations

import dataclasses

import pytest

from analytics.numbers import UNITS
from i18n.texts import TEXTS
from reports.settings import PAGE, REGISTRY, SECTIONS, find, in_section, range_text, refusal

BY_NAME = {row.name: row for row in REGISTRY}


def test_every_field_of_every_section_is_listed_once():
    fields = [(s.key, f.name) for s in SECTIONS for f in dataclasses.fields(s.cls)]
    assert [(row.section, row.name) for row in REGISTRY] == fields
    assert len(BY_NAME) == len(REGISTRY)  # no number owned by two sections
    assert find("contact_days").section == "cadence"
    assert find("first_session_days").section == "cadence"
    assert {row.page for row in REGISTRY} == {PAGE}


@pytest.mark.parametrize("row", REGISTRY, ids=lambda row: row.name)
def test_each_setting_is_described(row):
    assert row.bounds is not None
    assert row.bounds.unit in UNITS
    assert row.default == getattr(next(s.cls for s in SECTIONS if s.key == row.section)(), row.name)
    assert row.whole == isinstance(row.default, int)
    for key in (row.label_key, row.help_key, f"settings.unit.{row.bounds.unit}"):
        english, chinese = TEXTS[key]
        assert english.strip()
        assert chinese.strip()


def _beyond(row) -> list[float]:
    """Values just outside the bounds (an open end itself is outside)."""
    step = 1 if row.whole else 1e-9
    out = []
    if row.bounds.low is not None:
        out.append(row.bounds.low if row.bounds.low_open else row.bounds.low - step)
    if row.bounds.high is not None:
        out.append(row.bounds.high if row.bounds.high_open else row.bounds.high + step)
    return out


@pytest.mark.parametrize("row", [r for r in REGISTRY if _beyond(r)], ids=lambda row: row.name)
def test_the_dataclass_refuses_exactly_what_the_bounds_refuse(row):
    cls = next(s.cls for s in SECTIONS if s.key == row.section)
    for value in _beyond(row):
        with pytest.raises(ValueError, match=row.name):
            cls.from_dict({row.name: value})
        assert not row.bounds.holds(value)
    assert row.bounds.holds(row.default)


@pytest.mark.parametrize(("name", "lang", "expected"), [
    ("trend_alpha", "en", "Allowed: over 0 and under 1 (a significance level)."),
    ("contact_days", "en", "Allowed: at least 1 (days)."),
    ("horizon_days", "zh", "允许范围：不小于 0（天）。"),
    ("below_team_z", "en", "Allowed: any number (standard deviations from the team's mean)."),
    ("trend_fdr_q", "en", "Allowed: over 0 and at most 1 (a share: 0.8 = 80%)."),
])
def test_range_in_words(name, lang, expected):
    assert range_text(find(name).bounds, lang) == expected


def test_sections_in_page_order_and_unknown_names():
    assert [row.name for row in in_section("cadence")][:2] == [
        "first_session_days", "new_hire_interval_days"]
    with pytest.raises(ValueError, match="contact_days"):
        find("contact_day")


@pytest.mark.parametrize(("values", "lang", "expected"), [
    ({"contact_days": 0}, "zh", "所有员工：至少每隔（天）沟通一次不能为 0，允许范围：不小于 1（天）"),
    ({"contact_days": 0}, "en", "contact_days must be at least 1, got 0"),
    ({"contact_days": 21}, "zh", None),  # in range: the pair rule's sentence
])
def test_refusal_names_the_setting_in_the_readers_words(values, lang, expected):
    error = ValueError("contact_days must be at least 1, got 0.")
    said = refusal("cadence", values, error, lang)
    assert said == (expected if expected else TEXTS["settings.refused.pair"][1])
