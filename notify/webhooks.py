"""Chat incoming webhooks: WeCom (企业微信), DingTalk (钉钉), Feishu (飞书), Slack, Teams.

Each vendor gets its own body; DingTalk signs the URL, Feishu the body (both HMAC-SHA256 of the
timestamp and the secret, base64). A receiver that answers HTTP 200 with an error code in the
body (WeCom, DingTalk, Feishu do) has not delivered the message: that is a failure too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from urllib.parse import quote

from notify.retry import SendFailed

VENDORS = ("wecom", "dingtalk", "feishu", "slack", "teams")
# The markup each vendor renders (reports.digest_render.chat_text's style).
STYLE = {"wecom": "markdown", "dingtalk": "markdown", "feishu": "plain", "slack": "slack",
         "teams": "markdown"}
# Largest body text each accepts, in UTF-8 bytes (WeCom's markdown 4096; the others are larger,
# kept well under their limits so one digest never bounces for its size).
LIMIT = {"wecom": 4000, "dingtalk": 18000, "feishu": 18000, "slack": 35000, "teams": 20000}


def fit(text: str, limit: int) -> str:
    """``text`` cut at a line end so its UTF-8 form stays within ``limit`` bytes ("…" added)."""
    if len(text.encode("utf-8")) <= limit:
        return text
    cut = text.encode("utf-8")[: limit - 4].decode("utf-8", "ignore")
    return cut[: cut.rfind("\n") + 1 or len(cut)] + "…\n"


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk: base64 of HMAC-SHA256 keyed with the secret over "timestamp\\nsecret"."""
    mac = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256)
    return base64.b64encode(mac.digest()).decode()


def feishu_sign(secret: str, timestamp_s: int) -> str:
    """Feishu: base64 of HMAC-SHA256 keyed with "timestamp\\nsecret" over an empty message."""
    mac = hmac.new(f"{timestamp_s}\n{secret}".encode(), b"", hashlib.sha256)
    return base64.b64encode(mac.digest()).decode()


def request(vendor: str, url: str, *, title: str, text: str, secret: str | None = None,
            now: float | None = None) -> tuple[str, dict]:
    """The URL to post to and the JSON body for ``vendor``."""
    if vendor not in VENDORS:
        raise ValueError(f"vendor must be one of {VENDORS}, got {vendor!r}")
    now = time.time() if now is None else now
    text = fit(text, LIMIT[vendor])
    if vendor == "wecom":
        return url, {"msgtype": "markdown", "markdown": {"content": text}}
    if vendor == "dingtalk":
        if secret:
            ts = int(now * 1000)
            sep = "&" if "?" in url else "?"
            url = f"{url}{sep}timestamp={ts}&sign={quote(dingtalk_sign(secret, ts), safe='')}"
        return url, {"msgtype": "markdown", "markdown": {"title": title, "text": text}}
    if vendor == "feishu":
        body = {"msg_type": "text", "content": {"text": text}}
        if secret:
            ts = int(now)
            body = {"timestamp": str(ts), "sign": feishu_sign(secret, ts), **body}
        return url, body
    if vendor == "slack":
        return url, {"text": text}
    card = {"$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "type": "AdaptiveCard", "version": "1.4",
            "body": [{"type": "TextBlock", "text": title, "weight": "Bolder", "wrap": True},
                     {"type": "TextBlock", "text": text, "wrap": True}]}
    return url, {"type": "message", "attachments": [
        {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None,
         "content": card}]}


def _refused(vendor: str, raw: bytes) -> str | None:
    """The receiver's error in a 200 answer, or None when it accepted the message."""
    if vendor not in ("wecom", "dingtalk", "feishu"):
        return None
    try:
        answer = json.loads(raw.decode("utf-8") or "{}")
    except (UnicodeDecodeError, json.JSONDecodeError):
        return f"{vendor} answered something that is not JSON"
    code = answer.get("errcode", answer.get("code", answer.get("StatusCode", 0)))
    if code in (0, None):
        return None
    message = answer.get("errmsg", answer.get("msg", answer.get("StatusMessage", "")))
    return f"{vendor} error {code}: {str(message)[:100]}"


def post(vendor: str, url: str, body: dict, *, timeout: float = 15.0) -> None:
    """One attempt. Raises SendFailed (HTTP error: retried; an error code in the answer: not)
    or OSError (refused, unreachable, timed out: retried)."""
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    req = urllib.request.Request(url, data=data, method="POST",
                                 headers={"Content-Type": "application/json; charset=utf-8"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as answer:
            raw = answer.read()
    except urllib.error.HTTPError as exc:
        raise SendFailed(f"HTTP {exc.code}") from exc
    except urllib.error.URLError as exc:
        raise OSError(str(exc.reason)) from exc
    if error := _refused(vendor, raw):
        raise SendFailed(error, retry=False)
