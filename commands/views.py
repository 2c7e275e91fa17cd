"""Analysis subcommands: the numbers the pages show, as CSV, JSON, Markdown or HTML."""

from __future__ import annotations

import argparse
import json
import sys

import pandas as pd

from i18n import t
from i18n.numbers import percent
from reports.as_of import parse
from reports.board import board_rows
from reports.brief import brief_html, brief_markdown
from reports.employee import employee_prep
from reports.flag_export import flag_export
from reports.followup import due_list
from reports.impact import impact_report, summary
from reports.people import label_people
from reports.safe import neutralise
from reports.team import team_view
from store.access import viewer_of
from store.names import find_people


class BadDate(ValueError):
    """A --as-of/--from/--to value that is not a date."""


def as_of_arg(text: str | None) -> pd.Timestamp | None:
    """The date option as a Timestamp (None when not given); BadDate when not a date."""
    try:
        return parse(text)
    except ValueError as exc:
        raise BadDate(f"{text!r} is not a date (use YYYY-MM-DD, or today)") from exc


def emit(rows: pd.DataFrame, fmt: str) -> None:
    """Print rows as JSON records or as formula-safe CSV."""
    if fmt == "json":
        print(rows.to_json(orient="records", force_ascii=False, date_format="iso"))
    else:
        print(neutralise(rows).to_csv(index=False), end="")


def cmd_board(args: argparse.Namespace, con) -> int:
    """The red / amber / green board: one row per (group, metric)."""
    rows = board_rows(con, as_of=as_of_arg(args.as_of), by=args.by, rolling=args.rolling)
    rows["period"] = rows["period"].dt.strftime("%Y-%m-%d")
    rows["attainment"] = rows["attainment"].round(4)
    emit(rows, args.format)
    return 0


def cmd_impact(args: argparse.Namespace, con) -> int:
    """HR impact: correlation of sessions with performance change, event study, compliance."""
    try:
        start, end = as_of_arg(args.date_from), as_of_arg(args.date_to)
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
    if heads := report["headcount"]:
        print(f"people measured: {heads['people']}, coached {heads['coached']} "
              f"({percent(heads['coverage'])}), sessions {heads['sessions']}")
    sample = report["sample"]
    print(f"n={sample['n']} of {sample['measured']} measured, not counted: "
          + (", ".join(f"{k} {v}" for k, v in sample["not_counted"].items()) or "none"))
    print(f"reading: {report['reading']}")
    print(f"sessions x change: n={c['n']} pearson_r={f(c['pearson_r'])} "
          f"[{f(c['ci_low'])}, {f(c['ci_high'])}] p={f(c['p_value'], '.3f')} "
          f"spearman_rho={f(c['spearman_rho'])} partial_r={f(c['partial_r'])}")
    if e:
        print(f"event study: {e['n_events']} sessions, {e['n_employees']} people, "
              f"change={f(e['change'])} [{f(e['change_low'])}, {f(e['change_high'])}], "
              f"effect vs {e['n_control_employees']} uncoached={f(e['effect'])} "
              f"[{f(e['ci_low'])}, {f(e['ci_high'])}]")
    for measure, rate in report["compliance"].items():
        print(f"{measure}: {percent(rate['rate'])} ({rate['met']}/{rate['eligible']})")
    plans = report["plan_attainment"]
    if plans and plans["due"]:
        print(f"plan_attainment: {percent(plans['rate'])} ({plans['on_time']}/{plans['due']})")
    return 0


def cmd_flags(args: argparse.Namespace, con) -> int:
    """Who needs attention: one row per (employee, reason), CSV (formula-safe) or JSON."""
    emit(flag_export(team_view(con, as_of=as_of_arg(args.as_of)).flags, lang=args.lang),
         args.format)
    return 0


def cmd_brief(args: argparse.Namespace, con) -> int:
    """One employee's coaching brief (Markdown or HTML) on stdout."""
    # An id, or a name (files that name people only give ids such as P-3f2a9c nobody types).
    found = find_people(con, args.employee_id)
    if len(found) > 1:
        print(t("brief.cli.several", args.lang, name=args.employee_id, ids=", ".join(found)),
              file=sys.stderr)
        return 1
    who = found[0] if found else args.employee_id
    prep = employee_prep(con, who, as_of=as_of_arg(args.as_of), lang=args.lang)
    if prep is None:
        whose = "local" if viewer_of(con).role == "local" else "scope"
        print(t(f"brief.cli.none_{whose}", args.lang, id=args.employee_id), file=sys.stderr)
        return 1
    print(brief_html(prep) if args.format == "html" else brief_markdown(prep), end="")
    return 0


def cmd_due(args: argparse.Namespace, con) -> int:
    """Coaching sessions and actions due or overdue under the cadence rules."""
    rows = label_people(due_list(con, as_of=as_of_arg(args.as_of), manager_id=args.manager), "en")
    rows["due"] = pd.to_datetime(rows["due"]).dt.strftime("%Y-%m-%d")
    emit(rows, args.format)
    return 0
