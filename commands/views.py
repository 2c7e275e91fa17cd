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
    """A --as-of/--from/--to value that is not a date; ``message(lang)`` is the sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return t("cli.bad_date", lang, text=repr(self.text))


def as_of_arg(text: str | None) -> pd.Timestamp | None:
    """The date option as a Timestamp (None when not given); BadDate when not a date."""
    try:
        return parse(text)
    except ValueError as exc:
        raise BadDate(text) from exc


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
    except BadDate as exc:
        print(f"impact: {exc.message(args.lang)}", file=sys.stderr)
        return 2
    if start is not None and end is not None and start > end:
        print("impact: " + t("cli.impact.bad_window", args.lang, start=f"{start:%Y-%m-%d}",
                             end=f"{end:%Y-%m-%d}"), file=sys.stderr)
        return 2
    report = summary(impact_report(con, start=start, end=end))
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False))
        return 0
    _print_impact(report, args.lang)
    return 0


def _fmt(value, spec: str = ".2f") -> str:
    return "-" if value is None else format(value, spec)


def _print_impact(report: dict, lang: str) -> None:
    """The impact summary's lines in ``lang``; the English names the JSON's codes."""
    c, e, sample = report["correlation"], report["event_study"], report["sample"]
    print(t("cli.impact.window", lang, start=report["window"]["from"], end=report["window"]["to"]))
    if heads := report["headcount"]:
        print(t("cli.impact.heads", lang, people=heads["people"], coached=heads["coached"],
                coverage=percent(heads["coverage"]), sessions=heads["sessions"]))
    why = ", ".join(f"{t(f'cli.impact.why.{k}', lang)} {v}" for k, v in sample["not_counted"].items())
    print(t("cli.impact.sample", lang, n=sample["n"], measured=sample["measured"],
            why=why or t("cli.impact.none", lang)))
    print(t("cli.impact.reading", lang, reading=t(f"cli.impact.reading.{report['reading']}", lang)))
    print(t("cli.impact.correlation", lang, n=c["n"], r=_fmt(c["pearson_r"]),
            low=_fmt(c["ci_low"]), high=_fmt(c["ci_high"]), p=_fmt(c["p_value"], ".3f"),
            rho=_fmt(c["spearman_rho"]), partial=_fmt(c["partial_r"])))
    if e:
        print(t("cli.impact.event", lang, events=e["n_events"], people=e["n_employees"],
                change=_fmt(e["change"]), low=_fmt(e["change_low"]), high=_fmt(e["change_high"]),
                controls=e["n_control_employees"], effect=_fmt(e["effect"]),
                e_low=_fmt(e["ci_low"]), e_high=_fmt(e["ci_high"])))
    for measure, rate in report["compliance"].items():
        print(t("cli.impact.rate", lang, measure=t(f"cli.impact.measure.{measure}", lang),
                rate=percent(rate["rate"]), met=rate["met"], eligible=rate["eligible"]))
    plans = report["plan_attainment"]
    if plans and plans["due"]:
        print(t("cli.impact.plans", lang, rate=percent(plans["rate"]), on_time=plans["on_time"],
                due=plans["due"]))


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
