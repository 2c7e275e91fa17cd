"""Digest configuration on a real database: who may set what, and what reads give back."""

from __future__ import annotations

import datetime as dt

import pytest

import store
from store import digest as config
from store.access import AccessDenied, Viewer
from store.scope import scoped
from store.users import remove_user

MANAGER = Viewer("m01@example.com", "manager", "M01")
OTHER = Viewer("m03@example.com", "manager", "M03")
ADMIN = Viewer("admin@example.com", "admin")
HR = Viewer("hr@example.com", "hr")


@pytest.fixture
def con(db):
    c = store.connect(db)
    yield c
    c.close()


def test_a_user_sets_their_own_digest_and_reads_only_their_own(con):
    config.subscribe(scoped(con, MANAGER), config.Subscription(
        MANAGER.email, "dingtalk", address="https://hook.example/m01", secret="s1"))
    config.subscribe(scoped(con, OTHER), config.Subscription(OTHER.email, "email"))
    for who in (MANAGER, OTHER, HR):
        rows = scoped(con, who).execute("SELECT email FROM digest_subscriptions").fetchall()
        assert rows == ([(who.email,)] if who != HR else [])
    assert config.subscription(scoped(con, OTHER), MANAGER.email) is None
    # an empty secret on a later save keeps the stored one
    config.subscribe(scoped(con, MANAGER), config.Subscription(
        MANAGER.email, "dingtalk", lang="zh", address="https://hook.example/m01"))
    assert config.subscription(con, MANAGER.email).secret == "s1"


@pytest.mark.parametrize(("who", "target", "allowed"), [
    (MANAGER, OTHER.email, False),  # another user's digest needs the users right
    (ADMIN, MANAGER.email, True),  # admin may set anyone's
    (ADMIN, ADMIN.email, False),  # admin has no digest of their own (no people)
    (HR, MANAGER.email, False),
])
def test_setting_someone_elses_digest_needs_the_users_right(con, who, target, allowed):
    sub = config.Subscription(target, "slack")
    if allowed:
        config.subscribe(scoped(con, who), sub)
        assert config.subscription(con, target) == sub
    else:
        with pytest.raises(AccessDenied):
            config.subscribe(scoped(con, who), sub)
        assert config.subscription(con, target) is None


def test_channels_need_the_settings_right_and_secrets_stay_hidden(con):
    with pytest.raises(AccessDenied):
        config.save_channel(scoped(con, MANAGER), "slack", {"url": "https://hooks.example/x"})
    admin = scoped(con, ADMIN)
    config.save_channel(admin, "email", {"host": "smtp.example.com", "port": "465",
                                         "password": "pw"})
    config.save_channel(admin, "email", {"host": "smtp2.example.com", "password": ""})
    assert config.channels(con)["email"] == {"host": "smtp2.example.com", "port": 465,
                                             "password": "pw"}
    assert config.channel_status(con)["email"] == {"host": "smtp2.example.com", "port": 465,
                                                   "password": True}
    config.remove_channel(admin, "email")
    assert "email" not in config.channels(con)


@pytest.mark.parametrize(("name", "values", "code"), [
    ("fax", {}, "unknown_channel"),
    ("email", {"hostname": "x"}, "unknown_field"),
    ("email", {"port": "smtp"}, "bad_port"),
    ("email", {"port": 70000}, "bad_port"),
    ("slack", {"url": "hooks.slack.com/x"}, "bad_url"),
])
def test_bad_channel_settings_are_refused_with_their_reason(con, name, values, code):
    with pytest.raises(config.DigestConfigError) as caught:
        config.save_channel(con, name, values)
    assert caught.value.code == code


@pytest.mark.parametrize(("fields", "code"), [
    ({"channel": "fax"}, "unknown_channel"),
    ({"channel": "email", "frequency": "hourly"}, "bad_frequency"),
    ({"channel": "email", "weekday": 7}, "bad_weekday"),
    ({"channel": "email", "lang": "fr"}, "bad_lang"),
    ({"channel": "slack", "address": "javascript:alert(1)"}, "bad_url"),
    ({"channel": "wecom", "address": "http://127.0.0.1:8501/internal"}, "bad_url"),
    ({"channel": "email", "address": "a@example.com\nBcc: all@example.com"}, "bad_email"),
    ({"channel": "email", "address": "not an address"}, "bad_email"),
])
def test_bad_choices_are_refused(fields, code):
    with pytest.raises(config.DigestConfigError) as caught:
        config.Subscription("x@example.com", **fields)
    assert caught.value.code == code


@pytest.mark.parametrize(("frequency", "weekday", "day", "due"), [
    ("weekly", 0, dt.date(2026, 12, 7), True),  # a Monday
    ("weekly", 0, dt.date(2026, 12, 8), False),
    ("weekly", 4, dt.date(2026, 12, 11), True),  # a Friday
    ("daily", 4, dt.date(2026, 12, 8), True),
])
def test_which_day_a_digest_goes_out(frequency, weekday, day, due):
    assert config.Subscription("x@example.com", "email", frequency, weekday).due_on(day) is due


def test_a_removed_user_gets_no_more_digests(con):
    config.subscribe(con, config.Subscription(MANAGER.email, "email"))
    assert [s.email for s in config.subscriptions(con)] == [MANAGER.email]
    remove_user(con, MANAGER.email)
    assert config.subscriptions(con) == []
