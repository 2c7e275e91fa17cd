"""Data subcommands: load the demo, list and undo imports (``import``: commands/importing)."""

from __future__ import annotations

import argparse
import sys

import store


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


