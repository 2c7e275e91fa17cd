"""Digests by e-mail to a real SMTP server on 127.0.0.1: STARTTLS, login, both parts, Chinese."""

from __future__ import annotations

import email
import ssl
from email import policy

import pytest
from aiosmtpd.controller import Controller

from commands.digest_send import smtp_server
from notify.email import SmtpServer
from store.digest import Subscription
from tests.digest.conftest import LOGIN, PASSWORD, Mailbox, free_port
from tests.digest.helpers import (
    BASE_URL,
    HOSTILE,
    PRIVATE_ACTION,
    audit_rows,
    names_outside,
    run,
    setup,
)


def mail_settings(port: int, cert) -> dict:
    return {"email": {"host": "127.0.0.1", "port": port, "username": LOGIN,
                      "password": PASSWORD, "sender": "coachboard@example.com",
                      "starttls": True, "ca_file": str(cert)}}


def parts(raw: bytes) -> tuple[email.message.EmailMessage, str, str]:
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    text = msg.get_body(("plain",))
    page = msg.get_body(("html",))
    assert text.get_content_charset() == page.get_content_charset() == "utf-8"
    return msg, text.get_content(), page.get_content()


def test_a_managers_digest_arrives_over_starttls_in_chinese_with_only_their_people(
        db, smtp_server, certificate):
    port, box = smtp_server
    setup(db, [Subscription("m01@example.com", "email", lang="zh")],
          mail_settings(port, certificate[0]), hostile=True)
    code, out, err = run("digest", "--send", "--db", str(db), "--user", "m01@example.com")
    assert code == 0, err
    assert box.logins == [(LOGIN, True)]  # logged in, and only after STARTTLS
    assert box.recipients == [["m01@example.com"]]
    msg, text, page = parts(box.messages[0])
    assert msg["Subject"] == "Coachboard 每周摘要（数据截至 2025-12-29）"
    assert "需要关注的人" in text
    assert "需要关注的人" in page
    # the hostile name is text in both parts: escaped in HTML, never markup
    assert HOSTILE in text
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert f'href="{BASE_URL}/employee?id=E008"' in page
    assert PRIVATE_ACTION in text  # e-mail may carry the action's wording: it is the manager's
    assert not [n for n in names_outside(db, "M01") if n in text or n in page]
    [(actor, target, _rows, detail)] = audit_rows(db)
    assert (actor, target) == ("local", "m01@example.com")
    assert "channel=email status=ok attempts=1" in detail
    assert "attention=2" in detail
    assert PRIVATE_ACTION not in detail
    assert "周杰" not in detail
    assert "m01@example.com: sent by email" in out


@pytest.mark.parametrize(("role_email", "lang", "heading"), [
    ("hr@example.com", "en", "Coaching compliance by manager"),
    ("d01@example.com", "zh", "红色人员"),
    ("m03@example.com", "en", "Who needs attention"),
])
def test_every_role_gets_its_own_sections(db, smtp_server, certificate, role_email, lang,
                                          heading):
    port, box = smtp_server
    setup(db, [Subscription(role_email, "email", frequency="daily", lang=lang)],
          mail_settings(port, certificate[0]))
    code, _, err = run("digest", "--send", "--db", str(db))  # daily: due today
    assert code == 0, err
    _, text, _ = parts(box.messages[0])
    assert heading in text
    assert box.recipients == [[role_email]]


def test_a_down_server_is_retried_reported_and_audited_as_failed(db, certificate):
    setup(db, [Subscription("m01@example.com", "email")],
          mail_settings(free_port(), certificate[0]))
    code, out, err = run("digest", "--send", "--db", str(db), "--user", "m01@example.com",
                         "--tries", "2", "--backoff", "0.05")
    assert code == 1
    assert "m01@example.com: NOT sent by email after 2 attempts" in err
    assert "1 digests, 1 failed." in out
    [(_, target, _, detail)] = audit_rows(db)
    assert target == "m01@example.com"
    assert "status=failed attempts=2" in detail
    assert "Connection" in detail


def test_a_refused_login_is_not_retried(db, smtp_server, certificate):
    port, box = smtp_server
    settings = mail_settings(port, certificate[0])
    settings["email"]["password"] = "wrong"
    setup(db, [Subscription("m01@example.com", "email")], settings)
    code, _, err = run("digest", "--send", "--db", str(db), "--user", "m01@example.com")
    assert code == 1
    assert "after 1 attempts: login refused (535)" in err
    assert box.messages == []


def test_smtp_override_and_dry_run_send_nothing(db, smtp_server, certificate):
    port, box = smtp_server
    setup(db, [Subscription("m01@example.com", "email")], mail_settings(free_port(), certificate[0]))
    code, _out, _ = run("digest", "--send", "--dry-run", "--db", str(db), "--smtp",
                       f"127.0.0.1:{port}")
    assert code == 0
    assert box.messages == []
    assert audit_rows(db) == []
    code, _, err = run("digest", "--send", "--db", str(db), "--user", "m01@example.com",
                       "--smtp", f"127.0.0.1:{port}")
    assert code == 0, err
    assert len(box.messages) == 1


@pytest.mark.parametrize(("argv", "message"), [
    (["--smtp", "nohost"], "is not HOST:PORT"),
    (["--user", "nobody@example.com"], "has not chosen a digest channel"),
])
def test_bad_options_exit_2_with_a_sentence(db, argv, message):
    code, _, err = run("digest", "--send", "--db", str(db), *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_no_smtp_server_configured_is_a_reported_failure(db):
    setup(db, [Subscription("m01@example.com", "email"), Subscription("hr@example.com", "slack")])
    code, out, err = run("digest", "--send", "--db", str(db), "--user", "m01@example.com")
    assert code == 1
    assert "after 0 attempts: no SMTP server is configured" in err
    [(_, target, _, detail)] = audit_rows(db)
    assert target == "m01@example.com"
    assert "status=failed attempts=0" in detail
    code, out, _ = run("digest", "--send", "--dry-run", "--db", str(db), "--user",
                       "hr@example.com")
    assert code == 0
    assert "hr@example.com: would send by slack (compliance=3)" in out
    assert len(audit_rows(db)) == 1  # a dry run records nothing


def test_without_send_the_digest_is_printed_and_nothing_recorded(db):
    setup(db, [Subscription("d01@example.com", "email", lang="zh")])
    code, out, _ = run("digest", "--db", str(db), "--user", "d01@example.com")
    assert code == 0
    assert "## 红色人员" in out
    assert "https://coach.example.com/employee?id=E019" in out
    assert audit_rows(db) == []



def test_smtps_speaks_tls_from_the_first_byte(db, certificate):
    """A TLS-only server (SMTPS, port 465 in real life) takes the digest: the client started
    with TLS (in clear it could not even read the greeting). aiosmtpd offers no AUTH on SMTPS
    without a warning; login is tested above."""
    cert_file, key_file = certificate
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert_file, key_file)
    box, port = Mailbox(), free_port()
    ctl = Controller(box, hostname="127.0.0.1", port=port, ssl_context=tls)
    ctl.start()
    try:
        settings = mail_settings(port, cert_file)
        settings["email"] |= {"smtps": True, "username": None, "password": None}
        setup(db, [Subscription("m01@example.com", "email", lang="zh")], settings)
        code, _, err = run("digest", "--send", "--db", str(db), "--user", "m01@example.com",
                           "--tries", "1")
    finally:
        ctl.stop()
    assert code == 0, err
    assert parts(box.messages[0])[0]["Subject"].startswith("Coachboard 每周摘要")


@pytest.mark.parametrize(("stored", "override", "expected"), [
    ({"host": "smtp.example.com", "ca_file": "", "username": "", "sender": ""}, None,
     SmtpServer("smtp.example.com", 587)),
    ({"host": "smtp.example.com", "port": 465}, None,
     SmtpServer("smtp.example.com", 465, smtps=True)),
    ({"host": "smtp.example.com", "port": 465, "smtps": False, "starttls": False}, None,
     SmtpServer("smtp.example.com", 465, starttls=False)),
    ({"host": "smtp.example.com", "password": "pw"}, ("127.0.0.1", 2525),
     SmtpServer("127.0.0.1", 2525, password="pw")),
])
def test_the_server_from_the_settings_form(stored, override, expected):
    assert smtp_server(stored, override) == expected
