"""The settings page: every threshold rendered, saved, validated and reset; flags follow it."""

import dataclasses
import re

import pytest

import store
from analytics.thresholds import Thresholds
from i18n import t
from reports.settings import SECTIONS
from reports.team import CADENCE_KEY, THRESHOLDS_KEY, cadence_rules
from tests.views.conftest import make_app

PAGE = "views/settings.py"


def key(field: str) -> str:
    return f"set.{THRESHOLDS_KEY}.{field}"


@pytest.mark.parametrize("fixture", ["empty_db", "demo_copy", "one_person_db"])
def test_every_field_is_rendered_with_its_default(monkeypatch, request, fixture):
    at = make_app(monkeypatch, request.getfixturevalue(fixture), PAGE)
    assert at.title[0].value == t("settings.title")
    for settings_key, cls, _title in SECTIONS:
        defaults = cls()
        for field in dataclasses.fields(cls):
            name = f"set.{settings_key}.{field.name}"
            box = at.number_input(key=name)
            assert box.value == getattr(defaults, field.name)
            # each number has one box: the cadence numbers only in the cadence section
            assert [w.key for w in at.number_input].count(name) == 1
            assert f"set.{settings_key}.{field.name}" not in {
                f"set.{other}.{field.name}" for other, _, _ in SECTIONS if other != settings_key}
            assert box.label == t(f"{settings_key}.{field.name}")


def test_saved_threshold_changes_the_flag_count(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy)
    before = int(next(m for m in at.metric if m.label == t("team.flagged")).value)
    at.switch_page(PAGE).run()
    at.number_input(key=key("below_team_z")).set_value(-0.3).run()
    at.button(key=key("save")).click().run()
    assert not at.exception
    assert at.success[0].value == t("settings.saved")
    at.switch_page("views/overview.py").run()
    after = int(next(m for m in at.metric if m.label == t("team.flagged")).value)
    # A milder "under the team" rule can only add people.
    assert after > before


def test_invalid_value_is_a_sentence_and_nothing_is_stored(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE)
    at.number_input(key=key("trend_alpha")).set_value(1.5).run()
    at.button(key=key("save")).click().run()
    assert not at.exception
    assert "trend_alpha must be between 0 and 1" in at.error[0].value
    assert at.error[0].value.startswith("Not saved")
    # The entry stays in the form, the stored value is untouched.
    assert at.number_input(key=key("trend_alpha")).value == 1.5
    at.switch_page("views/overview.py").run()
    at.switch_page(PAGE).run()
    assert at.number_input(key=key("trend_alpha")).value == Thresholds().trend_alpha


def test_reset_restores_defaults(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE)
    at.number_input(key=key("below_team_z")).set_value(-0.5).run()
    at.button(key=key("save")).click().run()
    assert at.number_input(key=key("below_team_z")).value == -0.5
    at.button(key=key("reset")).click().run()
    assert not at.exception
    assert at.success[0].value == t("settings.reset_done")
    assert at.number_input(key=key("below_team_z")).value == Thresholds().below_team_z


def test_cadence_policy_drives_the_overdue_flag(monkeypatch, demo_copy):
    """The contact interval is edited once (cadence section) and the flags follow it."""
    at = make_app(monkeypatch, demo_copy, PAGE)
    at.number_input(key=f"set.{CADENCE_KEY}.contact_days").set_value(400).run()
    at.button(key=f"set.{CADENCE_KEY}.save").click().run()
    assert not at.exception
    con = store.connect(demo_copy)
    try:
        limits = cadence_rules(con)
    finally:
        con.close()
    assert limits.contact_days == 400


def test_chinese_labels(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE, lang="zh")
    assert at.title[0].value == "设置"
    assert at.number_input(key=key("below_team_z")).label == t("thresholds.below_team_z", "zh")
    contact = at.number_input(key=f"set.{CADENCE_KEY}.contact_days")
    assert contact.label == "所有员工：至少每隔（天）沟通一次"


@pytest.mark.parametrize(("box", "value", "expected"), [
    ("trend_alpha", 1.5, "趋势显著性水平不能为 1.5，允许范围：大于 0 且小于 1（显著性水平）"),
    ("recent_window_long", 1, "几项设置互相矛盾"),  # 1 month is allowed alone, not under 3
])
def test_a_refusal_in_chinese_has_no_english(monkeypatch, demo_copy, box, value, expected):
    at = make_app(monkeypatch, demo_copy, PAGE, lang="zh")
    at.number_input(key=key(box)).set_value(value).run()
    at.button(key=key("save")).click().run()
    assert not at.exception
    message = at.error[0].value
    assert expected in message
    assert not re.search(r"[A-Za-z]", message.replace("OKR", "")), message  # OKR is its name
