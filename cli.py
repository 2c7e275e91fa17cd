"""Coachboard from the command line: the app's features, scriptable.

    python cli.py import FILE... [--kind K] [--sheet NAME=KIND] [--metric NAME] [--year YYYY]
        [--grain day|week|month] [--id-column C] [--name-column C] [--recipe NAME]
        [--include-partial] [--db PATH] [--json] [--skip-bad-rows]
    python cli.py recipes list|show NAME|export [NAME...]|import FILE|rename OLD NEW|delete NAME
    python cli.py demo [--db PATH] [--lang en|zh]
    python cli.py history [--db PATH] [--json] [--lang en|zh]
    python cli.py undo IMPORT_ID [--db PATH] [--lang en|zh]
    python cli.py flags [--db PATH] [--as-of DATE] [--format csv|json] [--lang en|zh]
    python cli.py brief EMPLOYEE_ID [--db PATH] [--as-of DATE] [--format md|html] [--lang en|zh]
    python cli.py board [--db PATH] [--as-of DATE] [--by team|manager] [--format csv|json] [--rolling]
    python cli.py impact [--db PATH] [--from DATE] [--to DATE] [--format text|json] [--lang en|zh]
    python cli.py due [--db PATH] [--as-of DATE] [--manager ID] [--format csv|json]
    python cli.py forecast [--db PATH] [--as-of DATE] [--format csv|json] [--what-if METRIC=AMOUNT]
    python cli.py backup DIR [--db PATH]
    python cli.py restore DIR [--db PATH] [--force]
    python cli.py migrate-to postgresql://… [--from FILE] [--json] [--lang en|zh]
    python cli.py users add EMAIL --role ROLE [--employee-id ID] | users remove EMAIL | users list
    python cli.py audit [--since DATE] [--action A] [--format csv|json]
    python cli.py digest [--send [--dry-run]] [--user EMAIL] [--smtp HOST:PORT] [--webhook URL]
    python cli.py settings [--set NAME=VALUE]... [--reset] [--format csv|json] [--lang en|zh]

Every data, analysis and user subcommand takes ``--as EMAIL``: run as that user, seeing only
what they may see (an unknown or removed user, or a refused change, exits 2). Each checks the
right of its page in the app (``feature``, looked up in ``store.features.NEEDS``): a command
whose page a role does not get is refused to that role.

Exit codes: 0 done, 1 nothing loaded because of errors (or an unknown employee), 2 usage error
(or database busy, or an import that needs a flag the file cannot settle, named in the
message). The subcommands live in ``commands/``.
"""

from __future__ import annotations

import argparse
import sys

import store
from commands import (
    data,
    digest,
    forecast,
    importing,
    maintenance,
    migrate,
    recipes,
    settings,
    users,
    views,
)
from store.errors import SchemaTooNew

AS_OF_HELP = "last date used (default: the latest period in the data)"


def _data_parsers(sub) -> list[argparse.ArgumentParser]:
    imp = importing.add_parser(sub)
    demo = sub.add_parser("demo", help="load the demo team")
    demo.set_defaults(func=data.cmd_demo, feature="upload")
    his = sub.add_parser("history", help="list imports")
    his.add_argument("--json", action="store_true")
    his.set_defaults(func=data.cmd_history, feature="upload")
    und = sub.add_parser("undo", help="undo an import")
    und.add_argument("import_id", type=int)
    und.set_defaults(func=data.cmd_undo, feature="upload")
    for sp in (demo, his, und):
        sp.add_argument("--lang", choices=["en", "zh"], default="en")
    return [imp, demo, his, und]


def _view_parsers(sub) -> list[argparse.ArgumentParser]:
    flg = sub.add_parser("flags", help="who needs attention, one row per (employee, reason)")
    flg.add_argument("--format", choices=["csv", "json"], default="csv")
    flg.set_defaults(func=views.cmd_flags, feature="overview")
    bri = sub.add_parser("brief", help="one employee's coaching brief")
    bri.add_argument("employee_id", metavar="EMPLOYEE_ID", help="an employee id, or a name")
    bri.add_argument("--format", choices=["md", "html"], default="md")
    bri.set_defaults(func=views.cmd_brief, feature="employee")
    for sp in (flg, bri):
        sp.add_argument("--lang", choices=["en", "zh"], default="en")
    brd = sub.add_parser("board", help="the red / amber / green board")
    brd.add_argument("--by", choices=["team", "manager"], default="team")
    brd.add_argument("--format", choices=["csv", "json"], default="csv")
    brd.add_argument("--rolling", action="store_true", help="pool the last periods per cell")
    brd.set_defaults(func=views.cmd_board, feature="board")
    due = sub.add_parser("due", help="coaching sessions and actions due under the cadence rules")
    due.add_argument("--manager", help="only this manager's direct reports")
    due.add_argument("--format", choices=["csv", "json"], default="csv")
    due.set_defaults(func=views.cmd_due, feature="coaching_due")
    for sp in (flg, bri, brd, due):
        sp.add_argument("--as-of", help=AS_OF_HELP)
    imc = sub.add_parser("impact", help="does coaching work? correlation, event study, cadence")
    imc.add_argument("--from", dest="date_from", help="first date (default: first period)")
    imc.add_argument("--to", dest="date_to", help="last date (default: latest period)")
    imc.add_argument("--format", choices=["text", "json"], default="text")
    imc.add_argument("--lang", choices=["en", "zh"], default="en")
    imc.set_defaults(func=views.cmd_impact, feature="impact")
    return [flg, bri, brd, due, imc]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cli.py", description="Coachboard command line")
    sub = p.add_subparsers(dest="command", required=True)
    as_able = (_data_parsers(sub) + _view_parsers(sub) + users.parsers(sub)
               + recipes.parsers(sub) + forecast.parsers(sub) + settings.parsers(sub))
    for sp in as_able:
        users.add_as_option(sp)
    for sp in as_able + maintenance.parsers(sub) + digest.parsers(sub):
        sp.add_argument("--db", help="database file (default $COACHBOARD_DB or data/coachboard.duckdb)")
    migrate.parsers(sub)  # opens its source and its target itself
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "own_connections", False):
        return args.func(args)
    try:
        con = store.connect(args.db)
    except (store.DatabaseBusy, SchemaTooNew) as exc:
        importing.fail(args, str(exc))
        return 2
    try:
        return users.run(args, con)  # as --as EMAIL (scoped) or the local user
    except views.BadDate as exc:
        print(f"{args.command}: {exc.message(getattr(args, 'lang', 'en'))}", file=sys.stderr)
        return 2
    finally:
        con.close()


if __name__ == "__main__":
    sys.exit(main())
