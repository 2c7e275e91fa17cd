"""Digests to chat webhooks, received by a real HTTP server on 127.0.0.1: each vendor's body,
its signature recomputed here, UTF-8 Chinese, no coaching texts, retries and failures."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from store.digest import Subscription
from tests.digest.conftest import free_port
from tests.digest.helpers import BASE_URL, PRIVATE_ACTION, audit_rows, run, setup

SECRET = "SECtest-密钥-0123"
NOTE = "新人第三周"  # a coaching note of the demo log: in no digest


def text_of(vendor: str, body: dict) -> str:
    """The message text, wherever the vendor's body keeps it (and the body's shape checked)."""
    if vendor == "wecom":
        assert body["msgtype"] == "markdown"
        assert set(body) == {"msgtype", "markdown"}
        return body["markdown"]["content"]
    if vendor == "dingtalk":
        assert body["msgtype"] == "markdown"
        assert body["markdown"]["title"].startswith("Coachboard")
        return body["markdown"]["text"]
    if vendor == "feishu":
        assert body["msg_type"] == "text"
        return body["content"]["text"]
    if vendor == "slack":
        return body["text"]
    [card] = body["attachments"]
    assert body["type"] == "message"
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert card["content"]["type"] == "AdaptiveCard"
    return card["content"]["body"][1]["text"]


def check_signature(vendor: str, path: str, body: dict) -> None:
    """DingTalk signs the URL, Feishu the body: recomputed from the secret independently."""
    now = time.time()
    if vendor == "dingtalk":
        query = parse_qs(urlsplit(path).query)
        ts = query["timestamp"][0]
        assert abs(int(ts) / 1000 - now) < 60
        expected = base64.b64encode(hmac.new(SECRET.encode(), f"{ts}\n{SECRET}".encode(),
                                             hashlib.sha256).digest()).decode()
        assert query["sign"] == [expected]
        assert f"&sign={quote(expected, safe='')}" in path  # base64's + / = URL-encoded
    elif vendor == "feishu":
        ts = body["timestamp"]
        assert abs(int(ts) - now) < 60
        expected = base64.b64encode(hmac.new(f"{ts}\n{SECRET}".encode(), b"",
                                             hashlib.sha256).digest()).decode()
        assert body["sign"] == expected


@pytest.mark.parametrize("vendor", ["wecom", "dingtalk", "feishu", "slack", "teams"])
def test_each_vendor_gets_its_body_signed_in_utf8_without_coaching_texts(db, receiver, vendor):
    url, box = receiver
    secret = {"secret": SECRET} if vendor in ("dingtalk", "feishu") else {}
    setup(db, [Subscription("m01@example.com", vendor, lang="zh")],
          {vendor: {"url": f"{url}/hook/{vendor}?key=k1", **secret}})
    code, _out, err = run("digest", "--send", "--db", str(db), "--user", "m01@example.com")
    assert code == 0, err
    [(path, headers, raw)] = box.posts
    assert path.startswith(f"/hook/{vendor}?key=k1")
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert "周杰".encode() in raw  # real UTF-8, not \u escapes
    body = box.json(0)
    check_signature(vendor, path, body)
    text = text_of(vendor, body)
    assert "需要关注的人" in text
    assert "周杰" in text
    assert PRIVATE_ACTION not in raw.decode()
    assert NOTE not in raw.decode()
    assert "辅导内容不会发送到聊天工具" in text  # says why the action's wording is missing
    assert f"{BASE_URL}/employee?id=E008" in text  # links back to the app
    [(_, target, _, detail)] = audit_rows(db)
    assert f"channel={vendor} status=ok attempts=1" in detail
    assert target == "m01@example.com"


def test_a_500_is_retried_and_the_second_attempt_delivers(db, receiver):
    url, box = receiver
    box.answers = [(500, b"busy")]
    setup(db, [Subscription("m01@example.com", "slack")], {"slack": {"url": f"{url}/s"}})
    code, out, err = run("digest", "--send", "--db", str(db), "--user", "m01@example.com",
                         "--backoff", "0.05")
    assert code == 0, err
    assert len(box.posts) == 2
    assert box.posts[0][2] == box.posts[1][2]
    assert "attempt 2" in out
    assert "status=ok attempts=2" in audit_rows(db)[0][3]


@pytest.mark.parametrize(("answers", "tries", "reason"), [
    ([(500, b"")] * 3, 3, "HTTP 500"),
    ([(404, b"no_service")] * 2, 2, "HTTP 404"),
    ([(200, b'{"errcode":93000,"errmsg":"invalid webhook url"}')], 1, "wecom error 93000"),
])
def test_failures_are_reported_audited_and_exit_1(db, receiver, answers, tries, reason):
    url, box = receiver
    box.answers = list(answers)
    setup(db, [Subscription("m01@example.com", "wecom")], {"wecom": {"url": f"{url}/w"}})
    code, _out, err = run("digest", "--send", "--db", str(db), "--user", "m01@example.com",
                         "--tries", str(tries), "--backoff", "0.01")
    assert code == 1
    assert f"NOT sent by wecom after {tries} attempts: {reason}" in err
    assert len(box.posts) == tries
    [(_, _, _, detail)] = audit_rows(db)
    assert f"status=failed attempts={tries}" in detail
    assert reason in detail


def test_a_down_receiver_and_the_webhook_override(db, receiver):
    url, box = receiver
    setup(db, [Subscription("m01@example.com", "teams")],
          {"teams": {"url": f"http://127.0.0.1:{free_port()}/down"}})
    code, _, err = run("digest", "--send", "--db", str(db), "--user", "m01@example.com",
                       "--tries", "2", "--backoff", "0.01")
    assert code == 1
    assert "after 2 attempts" in err
    assert "refused" in err.lower()
    code, _, err = run("digest", "--send", "--db", str(db), "--user", "m01@example.com",
                       "--webhook", f"{url}/override")
    assert code == 0, err
    assert box.posts[0][0] == "/override"
