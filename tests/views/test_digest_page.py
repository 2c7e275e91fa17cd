"""The Digest page and the settings' digest channels, in AppTest on the demo database.

The preview is the recipient's digest read through their scope; user text shows escaped; a
choice saved on the page is the row ``cli.py digest`` sends from; secrets never come back.
"""

from __future__ import annotations

import pytest

import store
from i18n import t
from store import digest as config
from store.users import add_user
from tests.digest.helpers import HOSTILE
from tests.views.conftest import make_app
from tests.views.test_roles import signed_in_app
from ui.text import md

PAGE = "views/digest.py"
SECRET = "pw-不能显示-123"


@pytest.fixture
def users_copy(demo_copy):
    con = store.connect(demo_copy)
    add_user(con, "m01@example.com", role="manager", employee_id="M01")
    add_user(con, "m02@example.com", role="manager", employee_id="M02")
    con.execute("UPDATE employees SET name = ? WHERE employee_id = 'E008'", [HOSTILE])
    con.close()
    return demo_copy


def page_text(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption]
                     + [c.value for c in at.code])


def test_local_user_previews_a_managers_digest_escaped_and_saves_their_choice(
        monkeypatch, users_copy):
    at = make_app(monkeypatch, users_copy, PAGE)
    at.selectbox(key="digest.whose").set_value("m01@example.com").run()
    shown = page_text(at)
    assert t("digest.attention.title") in shown
    assert md(HOSTILE) in shown  # the name, escaped: Markdown shows it literally
    assert "<script>" not in "\n".join(m.value for m in at.markdown)
    assert HOSTILE in "\n".join(c.value for c in at.code)  # code blocks show it as text
    assert "李秀梅" not in shown
    assert "E009" not in shown
    at.selectbox(key="digest.channel.en").set_value("wecom")
    at.selectbox(key="digest.frequency.en").set_value("daily")
    at.selectbox(key="digest.lang.en").set_value("zh").run()
    assert "需要关注的人" in page_text(at)  # the preview follows the chosen language
    at.button(key="digest.save").click().run()
    assert not at.exception, at.exception
    con = store.connect(users_copy)
    try:
        assert config.subscriptions(con) == [config.Subscription(
            "m01@example.com", "wecom", "daily", 0, "zh")]
    finally:
        con.close()


def test_a_signed_in_manager_sets_only_their_own_digest(monkeypatch, users_copy):
    at = signed_in_app(monkeypatch, users_copy, "m02@example.com")
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    assert not [s for s in at.selectbox if s.key == "digest.whose"]
    assert HOSTILE not in page_text(at)
    assert md(HOSTILE) not in page_text(at)
    at.button(key="digest.save").click().run()
    con = store.connect(users_copy)
    try:
        assert [s.email for s in config.subscriptions(con)] == ["m02@example.com"]
    finally:
        con.close()


def test_channel_secrets_are_stored_and_never_shown_back(monkeypatch, users_copy):
    at = make_app(monkeypatch, users_copy, "views/settings.py")
    at.text_input(key="dset.host").set_value("smtp.example.com")
    at.text_input(key="dset.password").set_value(SECRET)
    at.button(key="dset.email.save").click().run()
    assert not at.exception, at.exception
    at.text_input(key="dset.dingtalk.url").set_value("https://oapi.dingtalk.com/robot/send?a=1")
    at.text_input(key="dset.dingtalk.secret").set_value(SECRET)
    at.button(key="dset.dingtalk.save").click().run()
    con = store.connect(users_copy)
    try:
        stored = config.channels(con)
        assert stored["email"]["password"] == SECRET == stored["dingtalk"]["secret"]
        assert config.channel_status(con)["dingtalk"] == {"url": True, "secret": True}
    finally:
        con.close()
    fresh = make_app(monkeypatch, users_copy, "views/settings.py")
    values = [w.value for w in fresh.text_input] + [page_text(fresh)]
    assert not [v for v in values if SECRET in str(v) or "oapi.dingtalk" in str(v)]
    assert t("digest.page.set") in page_text(fresh)
    # saving again with the password field empty keeps the stored password
    fresh.text_input(key="dset.sender").set_value("coach@example.com")
    fresh.button(key="dset.email.save").click().run()
    con = store.connect(users_copy)
    try:
        assert config.channels(con)["email"]["password"] == SECRET
        assert config.channels(con)["email"]["sender"] == "coach@example.com"
    finally:
        con.close()


def test_the_send_hour_is_saved_for_the_apps_own_sender(monkeypatch, users_copy):
    at = make_app(monkeypatch, users_copy, "views/settings.py", lang="zh")
    box = at.selectbox(key="dset.send_hour")
    assert box.value is None
    assert box.options[0] == t("digest.set.send_off", "zh")
    box.set_value(7).run()  # the page saves it; the sender starts on the next run, not in here
    assert not at.exception, at.exception
    con = store.connect(users_copy)
    try:
        assert config.send_hour(con) == 7
    finally:
        con.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_preview_shows_the_emails_chart(monkeypatch, users_copy, lang):
    at = make_app(monkeypatch, users_copy, PAGE, lang=lang)
    at.selectbox(key="digest.whose").set_value("m01@example.com").run()
    assert not at.exception, at.exception
    images = at.get("image")
    assert len(images) == 1
    assert images[0].captions == [t("dchart.caption", lang)]


def test_in_chinese_the_choices_stay_chinese_after_a_rerun(monkeypatch, users_copy):
    at = make_app(monkeypatch, users_copy, PAGE, lang="zh")
    at.selectbox(key="digest.whose").set_value("m02@example.com").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="digest.channel.zh").options[0] == t("digest.channel.email", "zh")
    assert at.selectbox(key="digest.weekday.zh").options[0] == t("digest.day.0", "zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_user_whose_role_gets_no_digest_is_told_so(monkeypatch, users_copy, lang):
    con = store.connect(users_copy)
    add_user(con, "a01@example.com", role="admin")  # first in the list
    con.close()
    at = make_app(monkeypatch, users_copy, PAGE, lang=lang)
    assert at.selectbox(key="digest.whose").value == "a01@example.com"
    assert t("dpage.no_role_digest", lang, role=t("role.admin", lang)) in [
        i.value for i in at.info]
    assert not at.get("image")
    assert not at.code
