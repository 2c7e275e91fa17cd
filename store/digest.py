"""Digest configuration: the channels an admin sets up once, and each user's own choice.

The channels (SMTP server, webhooks, their secrets, the app's base URL for links) are one
settings entry, written with the "settings" right. A user's choice (channel, daily or weekly,
day, language, optionally their own address or webhook) is a row of ``digest_subscriptions``,
written by the user themselves ("digest" right) or by whoever manages users. Secrets are
stored, never returned to a page: ``channel_status`` says only whether each is set.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import duckdb
import pandas as pd

from store import settings
from store.access import stored, viewer_of, writer
from store.audit import SETTINGS, record

CHANNELS_KEY = "digest_channels"
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")  # one "@", no spaces or line breaks (header-safe)
CHANNELS = ("email", "wecom", "dingtalk", "feishu", "slack", "teams")
SIGNED = ("dingtalk", "feishu")  # webhooks whose URL or body carries an HMAC signature
FREQUENCIES = ("weekly", "daily")
# A webhook URL carries its key (WeCom ?key=, Slack, Teams): a secret like the others.
SECRET_FIELDS = ("password", "secret", "url")
# What an admin may set per channel (anything else is refused, so a typo is not kept silently).
FIELDS: dict[str, tuple[str, ...]] = {
    "email": ("host", "port", "username", "password", "sender", "starttls", "smtps", "ca_file"),
    "wecom": ("url",), "dingtalk": ("url", "secret"), "feishu": ("url", "secret"),
    "slack": ("url",), "teams": ("url",),
}


class DigestConfigError(ValueError):
    """A configuration that cannot be stored; ``code`` names the text ``digest.err.<code>``."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"{code}: {params}")
        self.code, self.params = code, params


def channels(con: duckdb.DuckDBPyConnection) -> dict:
    """The stored channel configuration, secrets included: for sending only, never shown."""
    return settings.load(con, CHANNELS_KEY)


def channel_status(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, object]]:
    """What a page may show of the channels: plain fields as stored, secrets as set / not set."""
    out: dict[str, dict[str, object]] = {}
    for name, values in channels(con).items():
        if isinstance(values, dict):
            out[name] = {k: (bool(v) if k in SECRET_FIELDS else v) for k, v in values.items()}
        else:
            out[name] = values
    return out


def save_channel(con: duckdb.DuckDBPyConnection, name: str, values: dict) -> None:
    """Store one channel's settings; a secret left empty keeps the stored one.

    Raises:
        DigestConfigError: unknown channel or field. store.access.AccessDenied without the
            "settings" right.
    """
    if name not in CHANNELS:
        raise DigestConfigError("unknown_channel", channel=name)
    extra = sorted(set(values) - set(FIELDS[name]))
    if extra:
        raise DigestConfigError("unknown_field", channel=name, field=", ".join(extra))
    if "port" in values:
        try:
            values = {**values, "port": int(values["port"])}
        except (TypeError, ValueError):
            raise DigestConfigError("bad_port") from None
        if not 0 < values["port"] < 65536:
            raise DigestConfigError("bad_port")
    url = values.get("url")
    if url and not str(url).startswith(("https://", "http://")):
        raise DigestConfigError("bad_url", url=url)
    current = channels(con)
    kept = dict(current.get(name) or {})
    for key, value in values.items():
        if key in SECRET_FIELDS and not value:
            continue  # the form shows "set", not the secret: empty means "unchanged"
        kept[key] = value
    settings.save(con, CHANNELS_KEY, {**current, name: kept})


def save_base_url(con: duckdb.DuckDBPyConnection, url: str) -> None:
    """The address people open the app at, for the links in every digest."""
    url = str(url or "").strip().rstrip("/")
    if url and not url.startswith(("http://", "https://")):
        raise DigestConfigError("bad_url", url=url)
    settings.save(con, CHANNELS_KEY, {**channels(con), "base_url": url})


def send_hour(con: duckdb.DuckDBPyConnection) -> int | None:
    """The hour (0-23) the running app sends the day's digests at; None: it does not."""
    hour = channels(con).get("send_hour")
    return None if hour is None else int(hour)


def save_send_hour(con: duckdb.DuckDBPyConnection, hour: int | None) -> None:
    """Let the app send the digests itself from ``hour`` on each day (None: only the CLI)."""
    if hour is not None and not 0 <= int(hour) <= 23:
        raise DigestConfigError("bad_hour", hour=hour)
    current = {k: v for k, v in channels(con).items() if k != "send_hour"}
    settings.save(con, CHANNELS_KEY, current if hour is None else {**current, "send_hour": int(hour)})


def remove_channel(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Forget one channel's settings, secrets included."""
    current = channels(con)
    if name in current:
        settings.save(con, CHANNELS_KEY, {k: v for k, v in current.items() if k != name})


@dataclass(frozen=True)
class Subscription:
    """One user's digest: where, how often, which weekday (0 = Monday), in which language."""

    email: str
    channel: str
    frequency: str = "weekly"
    weekday: int = 0
    lang: str = "en"
    address: str | None = None  # their own e-mail address or webhook URL
    secret: str | None = None  # the signing secret of their own webhook

    def __post_init__(self) -> None:
        if self.channel not in CHANNELS:
            raise DigestConfigError("unknown_channel", channel=self.channel)
        if self.frequency not in FREQUENCIES:
            raise DigestConfigError("bad_frequency", frequency=self.frequency)
        if not 0 <= int(self.weekday) <= 6:
            raise DigestConfigError("bad_weekday", weekday=self.weekday)
        if self.lang not in ("en", "zh"):
            raise DigestConfigError("bad_lang", lang=self.lang)
        if not self.address:
            return
        if self.channel == "email" and not _EMAIL.fullmatch(self.address):
            raise DigestConfigError("bad_email", email=self.address)
        # A user's own robot is a vendor's https address: never a plain-http (internal) one.
        if self.channel != "email" and not self.address.startswith("https://"):
            raise DigestConfigError("bad_url", url=self.address)

    def due_on(self, day: dt.date) -> bool:
        """Whether this digest goes out on ``day``."""
        return self.frequency == "daily" or day.weekday() == int(self.weekday)


_SUB_COLUMNS = "email, channel, frequency, weekday, lang, address, secret"


def subscribe(con: duckdb.DuckDBPyConnection, sub: Subscription) -> None:
    """Store ``sub``: one's own with the "digest" right, anyone's with the "users" right.

    An empty secret keeps the stored one (pages never hold it).
    """
    me = viewer_of(con)
    w = writer(con, "digest" if sub.email == me.email else "users")
    if not w.execute(f"SELECT 1 FROM {stored(w)}.users WHERE email = ?", [sub.email]).fetchone():
        raise DigestConfigError("unknown_user", email=sub.email)
    w.execute(
        f"INSERT INTO {stored(w)}.digest_subscriptions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (email) DO UPDATE SET channel = excluded.channel, "
        "frequency = excluded.frequency, weekday = excluded.weekday, lang = excluded.lang, "
        "address = excluded.address, secret = coalesce(excluded.secret, "
        "digest_subscriptions.secret), changed_by = excluded.changed_by, "
        "changed_at = excluded.changed_at",
        [sub.email, sub.channel, sub.frequency, int(sub.weekday), sub.lang,
         sub.address or None, sub.secret or None, me.email, dt.datetime.now()],
    )
    record(con, SETTINGS, target=sub.email, detail=f"digest channel={sub.channel}", within=w)


def unsubscribe(con: duckdb.DuckDBPyConnection, email: str) -> None:
    """Stop ``email``'s digest (same rights as ``subscribe``)."""
    me = viewer_of(con)
    w = writer(con, "digest" if email == me.email else "users")
    w.execute(f"DELETE FROM {stored(w)}.digest_subscriptions WHERE email = ?", [email])
    record(con, SETTINGS, target=email, detail="digest off", within=w)


def subscription(con: duckdb.DuckDBPyConnection, email: str) -> Subscription | None:
    """``email``'s digest choice as the viewer may read it (None when there is none)."""
    row = con.execute(f"SELECT {_SUB_COLUMNS} FROM digest_subscriptions WHERE email = ?",
                      [email]).fetchone()
    return None if row is None else Subscription(*row)


def subscriptions(con: duckdb.DuckDBPyConnection) -> list[Subscription]:
    """Every digest choice of users still allowed in, by email (the sender's list)."""
    m = stored(con)
    rows = con.execute(
        f"SELECT {', '.join('s.' + c for c in _SUB_COLUMNS.split(', '))} "
        f"FROM {m}.digest_subscriptions s JOIN {m}.users u USING (email) "
        f"WHERE NOT EXISTS (SELECT 1 FROM {m}.denied_users d WHERE d.email = s.email) "
        "ORDER BY s.email").fetchall()
    return [Subscription(*row) for row in rows]


def subscription_frame(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The choices the viewer may see, secrets as set / not set (for the admin's table)."""
    return con.execute(
        "SELECT email, channel, frequency, weekday, lang, address IS NOT NULL AS own_address, "
        "secret IS NOT NULL AS own_secret FROM digest_subscriptions ORDER BY email").df()

