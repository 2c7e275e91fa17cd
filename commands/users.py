"""User subcommands (users add/remove/list, audit) and ``--as EMAIL`` for every data command.

Without ``--as`` the command line is the local user with full rights; with it, the connection is
scoped to that user, so ``flags --as m01@example.com`` prints exactly what that manager sees in
the app, and a change they may not make is refused with a sentence (exit 2).
"""

from __future__ import annotations

import argparse
import sys

from commands.importing import fail
from commands.views import as_of_arg, emit
from i18n import t
from store.access import ROLES, AccessDenied, viewer_of
from store.audit import ACTIONS, audit_log
from store.features import require
from store.scope import scoped
from store.users import UserError, add_user, denied_message, lookup, normalise, remove_user, users


def add_as_option(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--as", dest="as_user", metavar="EMAIL",
                    help="run as this user, seeing only what they may see (default: local user)")


def parsers(sub) -> list[argparse.ArgumentParser]:
    """``users add|remove|list`` and ``audit`` (cli.py adds ``--db`` and ``--as`` to each)."""
    usr = sub.add_parser("users", help="who may sign in, with which role")
    act = usr.add_subparsers(dest="users_command", required=True)
    add = act.add_parser("add", help="add a user or change their role")
    add.add_argument("email", metavar="EMAIL")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--employee-id", help="their own roster id (required for a manager)")
    add.set_defaults(func=cmd_add, feature="users")
    rem = act.add_parser("remove", help="remove a user and refuse their sign-in")
    rem.add_argument("email", metavar="EMAIL")
    rem.set_defaults(func=cmd_remove, feature="users")
    lst = act.add_parser("list", help="list the users")
    lst.add_argument("--format", choices=["csv", "json"], default="csv")
    lst.set_defaults(func=cmd_list, feature="users")
    aud = sub.add_parser("audit", help="the audit log, newest first")
    aud.add_argument("--since", help="first day shown (YYYY-MM-DD)")
    aud.add_argument("--action", action="append", choices=ACTIONS, help="only these actions")
    aud.add_argument("--format", choices=["csv", "json"], default="csv")
    aud.set_defaults(func=cmd_audit, feature="audit")
    return [add, rem, lst, aud]


def run(args: argparse.Namespace, con) -> int:
    """Run the subcommand as ``--as`` (exit 2 for an unknown user or a refusal) or as local.

    The role must hold the right of the command's page first (``store.features``): a scoped
    read would otherwise print what the role's views happen to hold (a manager's own people's
    impact figures) where the app shows "Page not found".
    """
    email = getattr(args, "as_user", None)
    if email:
        who = lookup(con, email)
        if who is None:
            fail(args, t("access.unknown_user", email=normalise(email)))
            return 2
        con = scoped(con, who)
    try:
        if getattr(args, "feature", None):  # backup and restore are the local user's only
            require(viewer_of(con), args.feature)
        return args.func(args, con)
    except AccessDenied as exc:
        fail(args, denied_message(exc))
        return 2


def cmd_add(args: argparse.Namespace, con) -> int:
    try:
        who = add_user(con, args.email, role=args.role, employee_id=args.employee_id)
    except UserError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(t("admin.saved", email=who.email, role=t(f"role.{who.role}")))
    return 0


def cmd_remove(args: argparse.Namespace, con) -> int:
    try:
        removed = remove_user(con, args.email)
    except UserError as exc:
        print(exc, file=sys.stderr)
        return 2
    key = "admin.removed" if removed else "admin.not_a_user"
    print(t(key, email=normalise(args.email)), file=sys.stdout if removed else sys.stderr)
    return 0 if removed else 1


def _dates(frame, column: str):
    frame[column] = frame[column].dt.strftime("%Y-%m-%d %H:%M:%S")
    return frame


def cmd_list(args: argparse.Namespace, con) -> int:
    emit(_dates(users(con), "added_at"), args.format)
    return 0


def cmd_audit(args: argparse.Namespace, con) -> int:
    since = as_of_arg(args.since)
    rows = audit_log(con, since=since, actions=args.action)
    emit(_dates(rows, "logged_at"), args.format)
    return 0
