"""``cli.py digest``: build each user's digest and send it, for cron or a systemd timer.

Only the local user runs it (no ``--as``): it reads as each recipient in turn. Without
``--send`` it prints the digests; ``--dry-run`` builds and lists what would go where without
sending or recording anything. The exit code is 1 when any send failed, so the timer's unit
shows the failure; every failure is printed and in the audit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from commands.digest_send import Delivery, Overrides, send_one
from i18n import t
from reports.digest_render import plain_text
from store import digest as config


def parsers(sub) -> list[argparse.ArgumentParser]:
    """The ``digest`` subcommand (cli.py adds ``--db``)."""
    dig = sub.add_parser("digest", help="each user's digest: print it, or send it on their channel")
    dig.add_argument("--send", action="store_true", help="send (default: print the digests)")
    dig.add_argument("--dry-run", action="store_true",
                     help="with --send: build and list, send and record nothing")
    dig.add_argument("--user", metavar="EMAIL",
                     help="only this user, whatever their day (default: everyone due today)")
    dig.add_argument("--smtp", metavar="HOST:PORT", help="this SMTP server instead of the setting")
    dig.add_argument("--webhook", metavar="URL", help="this webhook instead of the setting")
    dig.add_argument("--tries", type=int, default=3, help="attempts per message (default 3)")
    dig.add_argument("--backoff", type=float, default=2.0,
                     help="seconds before the 2nd attempt, doubling after (default 2)")
    dig.set_defaults(func=cmd_digest)
    return [dig]


class UsageError(ValueError):
    pass


def _smtp(text: str | None) -> tuple[str, int] | None:
    if not text:
        return None
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit():
        raise UsageError(t("digest.cli.bad_smtp", value=text))
    return host, int(port)


def recipients(con, user: str | None, today: dt.date) -> list[config.Subscription]:
    """``user``'s subscription (UsageError when they have none), or everyone due ``today``."""
    subs = config.subscriptions(con)
    if user:
        chosen = [s for s in subs if s.email == user.strip().lower()]
        if not chosen:
            raise UsageError(t("digest.cli.no_subscription", email=user))
        return chosen
    return [s for s in subs if s.due_on(today)]


def _report(done: Delivery) -> None:
    counts = ", ".join(f"{k}={v}" for k, v in done.counts.items())
    o = done.outcome
    if o is None:
        key = "digest.cli.nothing" if not done.counts else "digest.cli.would_send"
        print(t(key, email=done.email, channel=done.channel, counts=counts))
    elif o.ok:
        print(t("digest.cli.sent", email=done.email, channel=done.channel, counts=counts,
                attempts=o.attempts))
    else:
        print(t("digest.cli.failed", email=done.email, channel=done.channel,
                attempts=o.attempts, error=o.error), file=sys.stderr)


def cmd_digest(args: argparse.Namespace, con) -> int:
    try:
        over = Overrides(_smtp(args.smtp), args.webhook, max(1, args.tries),
                         max(0.0, args.backoff))
        subs = recipients(con, args.user, dt.date.today())
    except UsageError as exc:
        print(f"digest: {exc}", file=sys.stderr)
        return 2
    failed = 0
    for sub in subs:
        done = send_one(con, sub, over=over, dry_run=args.dry_run or not args.send)
        if not args.send and done.digest is not None:
            print(plain_text(done.digest, config.channels(con).get("base_url")))
            continue
        _report(done)
        failed += done.outcome is not None and not done.outcome.ok
    if args.send:
        print(t("digest.cli.summary", n=len(subs), failed=failed))
    return 1 if failed else 0
