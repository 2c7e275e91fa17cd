"""E-mail over SMTP: STARTTLS before login (refused when the server does not offer it), or TLS
from the start (SMTPS); a text and an HTML part, the HTML with its key chart as an inline PNG
(multipart/related, shown by ``cid:``: Gmail and Outlook show neither SVG nor script)."""

from __future__ import annotations

import base64
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from notify.retry import SendFailed


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int = 587
    sender: str = ""
    username: str | None = None
    password: str | None = None
    starttls: bool = True  # False only for a relay on the same host or a test server
    smtps: bool = False  # TLS from the first byte (port 465), instead of STARTTLS
    ca_file: str | None = None  # a private CA (a company's own mail server); None: the system's
    timeout: float = 20.0


def chart_id(sender: str) -> str:
    """A fresh Content-ID for the inline chart (without its angle brackets)."""
    return make_msgid(idstring="chart", domain=sender.rpartition("@")[2] or None)[1:-1]


def message(*, sender: str, to: str, subject: str, text: str, html: str,
            image: tuple[str, bytes] | None = None) -> EmailMessage:
    """A multipart/alternative message (text, then HTML), UTF-8 throughout; ``image`` (its
    Content-ID, PNG bytes) goes with the HTML as multipart/related."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    msg.set_content(text, charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    if image is not None:
        cid, png = image
        msg.get_payload()[1].add_related(png, maintype="image", subtype="png", cid=f"<{cid}>",
                                         filename="chart.png", disposition="inline")
    return msg


def _tls(server: SmtpServer) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=server.ca_file)


def _login(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """Log in with AUTH PLAIN in UTF-8 (RFC 4616: smtplib's own login cannot encode a
    non-ASCII password, and tries further methods after a refusal); smtplib's login when the
    server offers no PLAIN."""
    try:
        if "plain" not in smtp.esmtp_features.get("auth", "").lower().split():
            smtp.login(user, password)
            return
        token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
        code, _ = smtp.docmd("AUTH", f"PLAIN {token}")
        if code != 235:
            raise smtplib.SMTPAuthenticationError(code, b"")
    except smtplib.SMTPAuthenticationError as exc:
        raise SendFailed(f"login refused ({exc.smtp_code})", retry=False) from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise SendFailed("the server offers no login", retry=False) from exc


def _open(server: SmtpServer) -> smtplib.SMTP:
    """SMTPS (usually port 465, common with Chinese enterprise mail) speaks TLS from the first
    byte; otherwise the connection starts in clear and upgrades with STARTTLS."""
    if server.smtps:
        return smtplib.SMTP_SSL(server.host, server.port, timeout=server.timeout,
                                context=_tls(server))
    return smtplib.SMTP(server.host, server.port, timeout=server.timeout)


def send(server: SmtpServer, msg: EmailMessage) -> None:
    """One attempt. Raises SendFailed (no retry for a refused login or a missing STARTTLS),
    or OSError (refused, timed out, any other SMTP error: worth another try)."""
    with _open(server) as smtp:
        smtp.ehlo()
        if server.starttls and not server.smtps:
            if not smtp.has_extn("starttls"):
                raise SendFailed("the server does not offer STARTTLS", retry=False)
            smtp.starttls(context=_tls(server))
            smtp.ehlo()
        if server.username:
            _login(smtp, server.username, server.password or "")
        try:
            smtp.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            raise SendFailed("recipient refused", retry=False) from exc
        except smtplib.SMTPResponseException as exc:
            raise SendFailed(f"SMTP {exc.smtp_code}") from exc
