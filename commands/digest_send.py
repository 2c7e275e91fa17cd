"""Deliver one user's digest on their channel, and record it in the audit (never the content).

The digest is built on the recipient's own scoped connection, so it holds exactly what they may
see in the app. ``Delivery`` says what happened; a failure is returned, not raised, so one
unreachable receiver does not stop the others, and the caller reports every failure.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import duckdb

from charts.png import FontMissing, render_png
from notify import email, webhooks
from notify.retry import Outcome, SendFailed, deliver
from reports.digest import Digest, build
from reports.digest_render import chat_text, html_body, plain_text
from store import digest as config
from store.audit import DIGEST, record
from store.scope import scoped
from store.users import lookup


@dataclass(frozen=True)
class Overrides:
    """The command line's one-off replacements (tests, trying a server out)."""

    smtp: tuple[str, int] | None = None
    webhook: str | None = None
    tries: int = 3
    backoff: float = 2.0


@dataclass(frozen=True)
class Delivery:
    email: str
    channel: str
    counts: dict[str, int]
    outcome: Outcome | None  # None: nothing to send (a role without a digest), or a dry run
    digest: Digest | None = None


def smtp_server(stored: dict, override: tuple[str, int] | None) -> email.SmtpServer:
    """The configured SMTP server, with host and port replaced by ``--smtp``."""
    # The settings form stores an empty field as "": no CA file, no login, not a path "".
    values = {k: v for k, v in stored.items()
              if k in email.SmtpServer.__dataclass_fields__ and v not in ("", None)}
    if override:
        values |= {"host": override[0], "port": override[1]}
    if not values.get("host"):
        raise SendFailed("no SMTP server is configured", retry=False)
    values["port"] = int(values.get("port") or 587)
    values["starttls"] = bool(values.get("starttls", True))
    values["smtps"] = bool(values.get("smtps", values["port"] == 465))
    return email.SmtpServer(**values)


def _email_send(d: Digest, sub: config.Subscription, channels: dict, base: str | None,
                over: Overrides):
    server = smtp_server(channels.get("email") or {}, over.smtp)
    from_addr = server.sender or server.username or "coachboard@localhost"
    image = None
    if d.chart is not None:
        try:
            image = (email.chart_id(from_addr), render_png(d.chart))
        except FontMissing as exc:  # a chart with boxes for names would be worse: say why
            raise SendFailed(f"chart: {exc}", retry=False) from exc
    msg = email.message(sender=from_addr, to=sub.address or sub.email, subject=d.subject,
                        text=plain_text(d, base),
                        html=html_body(d, base, image[0] if image else None), image=image)
    return lambda: email.send(server, msg)


def _chat_send(d: Digest, sub: config.Subscription, channels: dict, base: str | None,
               over: Overrides):
    shared = channels.get(sub.channel) or {}
    url = over.webhook or sub.address or shared.get("url")
    secret = sub.secret if sub.address else shared.get("secret")
    if not url:
        raise SendFailed(f"no {sub.channel} webhook is configured", retry=False)
    text = chat_text(d, base, style=webhooks.STYLE[sub.channel])

    def send() -> None:  # signed anew on each attempt: the timestamp must be fresh
        target, body = webhooks.request(sub.channel, url, title=d.subject, text=text,
                                        secret=secret)
        webhooks.post(sub.channel, target, body)
    return send


def sender(d: Digest, sub: config.Subscription, channels: dict, over: Overrides):
    """A callable making one delivery attempt (raises SendFailed when it cannot be built)."""
    base = channels.get("base_url") or None
    make = _email_send if sub.channel == "email" else _chat_send
    return make(d, sub, channels, base, over)


def send_one(con: duckdb.DuckDBPyConnection, sub: config.Subscription, *,
             over: Overrides | None = None, dry_run: bool = False) -> Delivery:
    """Build ``sub.email``'s digest in their scope and deliver it (or only build it)."""
    over = over or Overrides()
    who = lookup(con, sub.email)
    if who is None:  # removed since the list was read
        gone = Delivery(sub.email, sub.channel, {}, Outcome(False, 0, "not a user any more"))
        audit(con, gone)
        return gone
    d = build(scoped(con, who), lang=sub.lang, frequency=sub.frequency)
    found = Delivery(sub.email, sub.channel, d.counts, None, d)
    if not d.sections or dry_run:
        return found
    try:
        attempt = sender(d, sub, config.channels(con), over)
    except SendFailed as exc:
        outcome = Outcome(False, 0, exc.reason)
    else:
        outcome = deliver(attempt, tries=over.tries, backoff=over.backoff)
    done = replace(found, outcome=outcome)
    audit(con, done)
    return done


def audit(con: duckdb.DuckDBPyConnection, done: Delivery) -> None:
    """One audit row: recipient, channel, counts, ok or failed and why. Never the content."""
    o = done.outcome
    counts = " ".join(f"{k}={v}" for k, v in done.counts.items())
    status = "ok" if o.ok else "failed"
    reason = "" if o.ok else f" error={o.error}"
    record(con, DIGEST, target=done.email, rows=sum(done.counts.values()),
           detail=f"channel={done.channel} status={status} attempts={o.attempts} {counts}{reason}")
