"""Coachboard from the command line: the app's features, scriptable.

    python cli.py import FILE... [--kind K] [--db PATH] [--json] [--skip-bad-rows]
    python cli.py demo [--db PATH]
    python cli.py history [--db PATH] [--json]
    python cli.py undo IMPORT_ID [--db PATH]
    python cli.py flags [--db PATH] [--as-of DATE] [--format csv|json] [--lang en|zh]
    python cli.py brief EMPLOYEE_ID [--db PATH] [--as-of DATE] [--format md|html] [--lang en|zh]
    python cli.py board [--db PATH] [--as-of DATE] [--by team|manager] [--format csv|json] [--rolling]

Exit codes: 0 done, 1 nothing loaded because of errors, 2 usage error (or database busy).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import store
from ingest.fields import KINDS


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{stage}: {done}/{total}", end="", file=sys.stderr, flush=True)


def cmd_import(args: argparse.Namespace, con) -> int:
    failed = False
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            print(f"{name}: no such file", file=sys.stderr)
            return 2
        result = store.import_bytes(
            con, path.read_bytes(), path.name, kind=args.kind,
            skip_bad_rows=args.skip_bad_rows, progress=_progress,
        )
        if sys.stderr.isatty():
            print(file=sys.stderr)
        failed |= result.status != "loaded"
        report = result.as_json()
        if args.json:
            print(json.dumps(report, ensure_ascii=False, default=str))
        else:
            _print_report(report, result.status)
    return 1 if failed else 0


def _print_report(report: dict, status: str) -> None:
    head = "loaded" if status == "loaded" else "NOTHING LOADED"
    print(f"{report['file']} ({report['kind'] or 'unknown kind'}): {head}, "
          f"{report['rows_loaded']} rows loaded, {report['rows_rejected']} rejected, "
          f"{report['rows_changed']} new or changed")
    for err in report["errors"]:
        where = f"line {err['line']}, {err['column']}: " if err["line"] else ""
        print(f"  {where}{err['message']}")


def cmd_demo(args: argparse.Namespace, con) -> int:
    results = store.load_demo(con)
    for r in results:
        print(f"{r.file_name}: {r.status}, {r.rows_loaded} rows")
    return 0 if all(r.status == "loaded" for r in results) else 1


def cmd_history(args: argparse.Namespace, con) -> int:
    hist = store.history(con)
    if args.json:
        print(hist.to_json(orient="records", date_format="iso", force_ascii=False))
    else:
        print(hist.to_string(index=False) if not hist.empty else "no imports yet")
    return 0


def cmd_undo(args: argparse.Namespace, con) -> int:
    if store.undo_import(con, args.import_id):
        print(f"import {args.import_id} undone")
        return 0
    print(f"import {args.import_id} is not a loaded import; nothing changed", file=sys.stderr)
    return 1


def cmd_board(args: argparse.Namespace, con) -> int:
    """The red / amber / green board: one row per (group, metric)."""
    import pandas as pd

    from reports.board import board_rows

    as_of = None
    if args.as_of:
        try:
            as_of = pd.Timestamp(args.as_of)
        except ValueError:
            print(f"--as-of {args.as_of!r} is not a date (use YYYY-MM-DD)", file=sys.stderr)
            return 2
    rows = board_rows(con, as_of=as_of, by=args.by, rolling=args.rolling)
    rows["period"] = rows["period"].dt.strftime("%Y-%m-%d")
    rows["attainment"] = rows["attainment"].round(4)
    if args.format == "json":
        print(rows.to_json(orient="records", force_ascii=False))
    else:
        from reports.safe import neutralise

        print(neutralise(rows).to_csv(index=False), end="")
    return 0


def cmd_impact(args: argparse.Namespace, con) -> int:
    """HR impact: correlation of sessions with performance change, event study, compliance."""
    import pandas as pd

    from reports.impact import impact_report, summary

    try:
        start, end = (pd.Timestamp(d) if d else None for d in (args.date_from, args.date_to))
        report = summary(impact_report(con, start=start, end=end))
    except ValueError as exc:
        print(f"impact: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False))
        return 0
    c, e = report["correlation"], report["event_study"]

    def f(value, spec: str = ".2f") -> str:
        return "-" if value is None else format(value, spec)

    print(f"window {report['window']['from']} .. {report['window']['to']}")
    print(f"sessions x change: n={c['n']} pearson_r={f(c['pearson_r'])} "
          f"[{f(c['ci_low'])}, {f(c['ci_high'])}] p={f(c['p_value'], '.3f')} "
          f"spearman_rho={f(c['spearman_rho'])} partial_r={f(c['partial_r'])}")
    if e:
        print(f"event study: {e['n_events']} sessions, {e['n_employees']} people, "
              f"change={f(e['change'])} [{f(e['change_low'])}, {f(e['change_high'])}], "
              f"effect vs {e['n_control_employees']} uncoached={f(e['effect'])} "
              f"[{f(e['ci_low'])}, {f(e['ci_high'])}]")
    for measure, rate in report["compliance"].items():
        print(f"{measure}: {f(rate['rate'], '.0%')} ({rate['met']}/{rate['eligible']})")
    plans = report["plan_attainment"]
    if plans and plans["due"]:
        print(f"plan_attainment: {f(plans['rate'], '.0%')} ({plans['on_time']}/{plans['due']})")
    return 0


def _as_of_arg(text: str | None):
    """The --as-of date as a Timestamp (None when not given); ValueError when not a date."""
    import pandas as pd

    if not text:
        return None
    stamp = pd.Timestamp(text)
    if pd.isna(stamp):
        raise ValueError(text)
    return stamp


def cmd_flags(args: argparse.Namespace, con) -> int:
    """Who needs attention: one row per (employee, reason), CSV (formula-safe) or JSON."""
    from reports.flag_export import flag_export
    from reports.safe import neutralise
    from reports.team import team_view

    try:
        as_of = _as_of_arg(args.as_of)
    except ValueError:
        print(f"--as-of {args.as_of!r} is not a date (use YYYY-MM-DD)", file=sys.stderr)
        return 2
    rows = flag_export(team_view(con, as_of=as_of).flags, lang=args.lang)
    if args.format == "json":
        print(rows.to_json(orient="records", force_ascii=False))
    else:
        print(neutralise(rows).to_csv(index=False), end="")
    return 0


def cmd_brief(args: argparse.Namespace, con) -> int:
    """One employee's coaching brief (Markdown or HTML) on stdout."""
    from reports.brief import brief_html, brief_markdown
    from reports.employee import employee_prep

    try:
        as_of = _as_of_arg(args.as_of)
    except ValueError:
        print(f"--as-of {args.as_of!r} is not a date (use YYYY-MM-DD)", file=sys.stderr)
        return 2
    prep = employee_prep(con, args.employee_id, as_of=as_of, lang=args.lang)
    if prep is None:
        print(f"No employee with id {args.employee_id!r} in this database.", file=sys.stderr)
        return 1
    print(brief_html(prep) if args.format == "html" else brief_markdown(prep), end="")
    return 0


def _manager_parsers(sub) -> None:
    flg = sub.add_parser("flags", help="who needs attention, one row per (employee, reason)")
    flg.add_argument("--format", choices=["csv", "json"], default="csv")
    flg.set_defaults(func=cmd_flags)
    bri = sub.add_parser("brief", help="one employee's coaching brief")
    bri.add_argument("employee_id", metavar="EMPLOYEE_ID")
    bri.add_argument("--format", choices=["md", "html"], default="md")
    bri.set_defaults(func=cmd_brief)
    for sp in (flg, bri):
        sp.add_argument("--as-of", help="last date used (default: the latest period in the data)")
        sp.add_argument("--lang", choices=["en", "zh"], default="en")
        sp.add_argument("--db", help="database file (default $COACHBOARD_DB or data/coachboard.duckdb)")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cli.py", description="Coachboard command line")
    sub = p.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="import CSV/XLSX exports")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--kind", choices=KINDS, help="force the kind instead of guessing it")
    imp.add_argument("--json", action="store_true", help="one JSON object per file")
    imp.add_argument("--skip-bad-rows", action="store_true",
                     help="import the valid rows; keep the bad ones for review")
    imp.set_defaults(func=cmd_import)
    sub.add_parser("demo", help="load the demo team").set_defaults(func=cmd_demo)
    his = sub.add_parser("history", help="list imports")
    his.add_argument("--json", action="store_true")
    his.set_defaults(func=cmd_history)
    und = sub.add_parser("undo", help="undo an import")
    und.add_argument("import_id", type=int)
    und.set_defaults(func=cmd_undo)
    brd = sub.add_parser("board", help="the red / amber / green board")
    brd.add_argument("--as-of", help="last date used (default: the latest period in the data)")
    brd.add_argument("--by", choices=["team", "manager"], default="team")
    brd.add_argument("--format", choices=["csv", "json"], default="csv")
    brd.add_argument("--rolling", action="store_true", help="pool the last periods per cell")
    brd.add_argument("--db", help="database file (default $COACHBOARD_DB or data/coachboard.duckdb)")
    brd.set_defaults(func=cmd_board)
    imc = sub.add_parser("impact", help="does coaching work? correlation, event study, cadence")
    imc.add_argument("--from", dest="date_from", help="first date (default: first period)")
    imc.add_argument("--to", dest="date_to", help="last date (default: latest period)")
    imc.add_argument("--format", choices=["text", "json"], default="text")
    imc.add_argument("--db", help="database file (default $COACHBOARD_DB or data/coachboard.duckdb)")
    imc.set_defaults(func=cmd_impact)
    _manager_parsers(sub)
    for sp in (imp, his, und, sub.choices["demo"]):
        sp.add_argument("--db", help="database file (default $COACHBOARD_DB or data/coachboard.duckdb)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        con = store.connect(args.db)
    except store.DatabaseBusy as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        return args.func(args, con)
    finally:
        con.close()


if __name__ == "__main__":
    sys.exit(main())
