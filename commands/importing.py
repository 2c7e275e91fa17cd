"""``cli.py import FILE...``: every sheet of each file, by a recipe of its shape or as proposed.

No questions when the file is clear; otherwise exit 2 with a sentence naming the flag to add
(``--kind``, ``--sheet NAME=KIND``, ``--metric``, ``--year``, ``--grain``, ``--id-column``,
``--name-column``, ``--recipe``). With ``--json`` every outcome, refusals included, is one JSON
object per file on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import store
from i18n import t
from ingest import limits
from ingest.date_grain import DATE_GRAINS
from ingest.fields import KINDS
from ingest.messages import NEEDS_FLAG
from ingest.model import IngestError
from ingest.plan import SHEET_KINDS
from ingest.propose import Hints
from store.plan_import import import_plan

# Problems fixed by adding or correcting a flag: exit 2 (usage), not 1 (bad data).
USAGE_CODES = frozenset({"ask_kind", "ask_person", "ask_metric", "ask_grain", "ask_year",
                         "grain_of_events",
                         "no_such_sheet",
                         "unknown_column", "wrong_kind", "no_such_recipe",
                         "recipe_does_not_fit", "targets_without_actuals", *NEEDS_FLAG})


def add_parser(sub) -> argparse.ArgumentParser:
    imp = sub.add_parser("import", help="import CSV/XLSX exports (every sheet of a workbook)")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--kind", choices=KINDS, help="what a one-sheet file holds")
    imp.add_argument("--sheet", action="append", default=[], metavar="NAME=KIND",
                     help=f"what a sheet holds ({', '.join(SHEET_KINDS)}); repeatable")
    imp.add_argument("--metric", metavar="NAME", help="the metric of a periods-across sheet")
    imp.add_argument("--year", type=int, metavar="YYYY",
                     help="the year of period headers or cells without one (1月, Q1, W05)")
    imp.add_argument("--grain", choices=DATE_GRAINS,
                     help="periods of an event log (one row per call, deal ...; day, week or "
                          "month): weeks start on Monday (default: week, month when a person has "
                          "few per week); of dates on arbitrary days (reviews): day keeps each "
                          "date, week/month/quarter average a person's values in each")
    imp.add_argument("--include-partial", action="store_true",
                     help="event logs: keep periods the file covers only in part")
    imp.add_argument("--id-column", metavar="COLUMN", help="the column holding employee ids")
    imp.add_argument("--name-column", metavar="COLUMN", help="the column holding names")
    imp.add_argument("--recipe", metavar="NAME", help="import with this saved recipe")
    imp.add_argument("--allow-metric", action="append", default=[], metavar="NAME",
                     help="this metric may hold values that look implausible (negative, over "
                          "100%%, off its scale, huge); repeatable")
    imp.add_argument("--json", action="store_true", help="one JSON object per file")
    imp.add_argument("--lang", choices=["en", "zh"], default="en",
                     help="language of the report's sentences")
    imp.add_argument("--skip-bad-rows", action="store_true",
                     help="import the valid rows; keep the bad ones for review")
    imp.set_defaults(func=cmd_import, feature="upload")
    return imp


def _hints(args: argparse.Namespace) -> Hints:
    """The flags as hints; a malformed ``--sheet`` is an ``IngestError``."""
    sheets: dict[str, str] = {}
    for item in args.sheet:
        name, sep, kind = item.rpartition("=")
        if not sep or not name:
            raise IngestError("wrong_kind", kind=item)
        sheets[name] = kind.strip()
    return Hints(kind=args.kind, sheets=sheets, metric=args.metric, year=args.year,
                 grain=args.grain, include_partial=args.include_partial,
                 id_column=args.id_column, name_column=args.name_column,
                 allow_metrics=tuple(args.allow_metric))


def _one(con, args: argparse.Namespace, path: Path) -> store.ImportResult:
    size = path.stat().st_size
    if size > limits.MAX_UPLOAD_MB * 2**20:
        # Refused before reading: a 5 GB file must not be loaded into memory to be refused.
        return store.ImportResult(file_name=path.name, kind=args.kind, status="failed",
                                  problem=limits.too_big(size))
    try:
        hints = _hints(args)
    except IngestError as exc:
        return store.ImportResult(file_name=path.name, kind=None, status="failed", problem=exc)
    return import_plan(con, path.read_bytes(), path.name, hints=hints, recipe=args.recipe,
                       skip_bad_rows=args.skip_bad_rows, progress=_progress)


def cmd_import(args: argparse.Namespace, con) -> int:
    code = 0
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            fail(args, t("cli.no_file", args.lang, file=name), file=name)
            return 2
        result = _one(con, args, path)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        if result.status != "loaded":
            usage = result.problem is not None and result.problem.code in USAGE_CODES
            code = max(code, 2 if usage else 1)
        report = result.as_json(args.lang)
        if args.json:
            print(json.dumps(report, ensure_ascii=False, default=str))
        else:
            _print_report(report, result.status, args.lang)
    return code


def fail(args: argparse.Namespace, message: str, **extra: object) -> None:
    """A refusal before any import: JSON on stdout with ``--json``, else text on stderr."""
    if getattr(args, "json", False) or getattr(args, "format", None) == "json":
        print(json.dumps({"error": message, **extra}, ensure_ascii=False))
    else:
        print(message, file=sys.stderr)


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{stage}: {done}/{total}", end="", file=sys.stderr, flush=True)


def _print_report(report: dict, status: str, lang: str) -> None:
    """The import's outcome in ``lang``; in English kinds and layouts read as the codes the flags
    take (``--kind``, ``--sheet NAME=KIND``)."""
    kind = report["kind"]
    print(t("upload.cli.report", lang, file=report["file"],
            kind=_kinds(kind, lang) if kind else t("upload.cli.unknown_kind", lang),
            head=t("upload.cli.loaded" if status == "loaded" else "upload.cli.nothing", lang),
            loaded=report["rows_loaded"], rejected=report["rows_rejected"],
            changed=report["rows_changed"]))
    print(f"  {report['summary']}")
    for sheet in report.get("sheets", []):
        # Only figures have a layout; a roster or a skipped sheet is one row per thing.
        laid_out = sheet["kind"] in ("metrics", "targets")
        print("  " + t("upload.cli.sheet_layout" if laid_out else "upload.cli.sheet", lang,
                       sheet=sheet["sheet"], kind=t(f"upload.cli.kind.{sheet['kind']}", lang),
                       layout=t(f"upload.cli.layout.{sheet['layout']}", lang) if laid_out
                       else None))
    if report.get("recipe"):
        print("  " + t("upload.cli.recipe", lang, name=report["recipe"]))
    for note in report["notes"]:
        print(f"  {note}")
    for err in report["errors"]:
        print(f"  {_bad_line(err, lang)}")
    if report["lines_not_listed"]:
        print("  " + t("upload.cli.more", lang, n=report["lines_not_listed"]))


def _kinds(kind: str, lang: str) -> str:
    """``roster+metrics`` (a workbook's kinds) with each kind in ``lang``."""
    return "+".join(t(f"upload.cli.kind.{k}", lang) for k in kind.split("+"))


def _bad_line(err: dict, lang: str) -> str:
    """``sheet S, line 3, Column: message``; a whole-file problem is its message alone."""
    if not err["line"]:
        return err["message"]
    at = (t("upload.cli.at_sheet", lang, sheet=err["sheet"], line=err["line"])
          if err.get("sheet") else t("upload.cli.at_line", lang, line=err["line"]))
    if err["column"]:
        at = t("upload.cli.at_column", lang, at=at, column=err["column"])
    return t("upload.cli.error", lang, at=at, message=err["message"])
