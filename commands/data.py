"""Data subcommands: load the demo, list and undo imports (``import``: commands/importing)."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

import store
from i18n import t

HISTORY_COLUMNS = ("import_id", "imported_at", "file_name", "kind", "status", "rows_read",
                   "rows_loaded", "rows_rejected", "rows_changed", "encoding", "message")


def cmd_demo(args: argparse.Namespace, con) -> int:
    results = store.load_demo(con)
    for r in results:
        print(t("cli.demo.line", args.lang, file=r.file_name,
                status=t(f"cli.status.{r.status}", args.lang), rows=r.rows_loaded))
    return 0 if all(r.status == "loaded" for r in results) else 1


def cmd_history(args: argparse.Namespace, con) -> int:
    hist = store.history(con)
    if args.json:
        print(hist.to_json(orient="records", date_format="iso", force_ascii=False))
    elif hist.empty:
        print(t("cli.history.empty", args.lang))
    else:
        print(_history_table(hist, args.lang).to_string(index=False))
    return 0


def _history_table(hist: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The history with its headers, kinds and statuses in ``lang`` (the English keeps the codes
    the JSON and ``import --kind`` use), times to the minute, no message as an empty cell."""
    shown = hist.assign(
        status=[t(f"cli.status.{s}", lang) for s in hist["status"]],
        kind=[t(f"cli.history.kind.{k}", lang) for k in hist["kind"]],
        imported_at=pd.to_datetime(hist["imported_at"]).dt.strftime("%Y-%m-%d %H:%M"),
        message=hist["message"].fillna(""),
    )
    return shown.rename(columns={c: t(f"cli.history.col.{c}", lang) for c in HISTORY_COLUMNS})


def cmd_undo(args: argparse.Namespace, con) -> int:
    try:
        undone = store.undo_import(con, args.import_id)
    except store.CircleRefused as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    if undone:
        print(t("cli.undo.done", args.lang, id=args.import_id))
        return 0
    print(t("cli.undo.not_loaded", args.lang, id=args.import_id), file=sys.stderr)
    return 1
