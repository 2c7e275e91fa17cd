"""Data subcommands: import files, load the demo, list and undo imports."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import store
from ingest import limits
from ingest.messages import NEEDS_FLAG


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{stage}: {done}/{total}", end="", file=sys.stderr, flush=True)


def cmd_import(args: argparse.Namespace, con) -> int:
    """Import each file; exit 1 if any failed, 2 if one needs a flag (``--metric``) to go in."""
    failed = needs_flag = False
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            print(f"{name}: no such file", file=sys.stderr)
            return 2
        size = path.stat().st_size
        if size > limits.MAX_UPLOAD_MB * 2**20:
            # Refused before reading: a 5 GB file must not be loaded into memory to be refused.
            result = store.ImportResult(file_name=path.name, kind=args.kind, status="failed",
                                        problem=limits.too_big(size))
        else:
            result = store.import_bytes(
                con, path.read_bytes(), path.name, kind=args.kind,
                skip_bad_rows=args.skip_bad_rows, progress=_progress,
                metric=args.metric, year=args.year,
                grain=args.grain, include_partial=args.include_partial,
            )
        if sys.stderr.isatty():
            print(file=sys.stderr)
        failed |= result.status != "loaded"
        needs_flag |= result.problem is not None and result.problem.code in NEEDS_FLAG
        report = result.as_json()
        if args.json:
            print(json.dumps(report, ensure_ascii=False, default=str))
        else:
            _print_report(report, result.status)
    return 2 if needs_flag else 1 if failed else 0


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
    try:
        undone = store.undo_import(con, args.import_id)
    except store.CircleRefused as exc:
        print(exc, file=sys.stderr)
        return 1
    if undone:
        print(f"import {args.import_id} undone")
        return 0
    print(f"import {args.import_id} is not a loaded import; nothing changed", file=sys.stderr)
    return 1


