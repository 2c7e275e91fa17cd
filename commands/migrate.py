"""``migrate-to``: move a DuckDB database onto an empty PostgreSQL database, checked per table
(store/pg_move.py). It opens both databases itself: cli.py's ``--db`` connection is not used."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import duckdb
import pandas as pd
import psycopg

import store
from i18n import t
from store.dialect import is_url
from store.errors import SchemaTooNew
from store.pg_move import MoveRefused, TableCheck, move


def parsers(sub) -> list[argparse.ArgumentParser]:
    mig = sub.add_parser("migrate-to", help="copy a DuckDB database into an empty PostgreSQL "
                                             "database, checking rows and a checksum per table")
    mig.add_argument("url", metavar="postgresql://…")
    mig.add_argument("--from", dest="source", metavar="FILE",
                     help="the DuckDB file (default $COACHBOARD_DB or data/coachboard.duckdb)")
    mig.add_argument("--json", action="store_true")
    mig.add_argument("--lang", choices=["en", "zh"], default="en")
    mig.set_defaults(func=cmd_migrate_to, own_connections=True)
    return [mig]


def _refuse(args: argparse.Namespace, message: str, code: int = 2) -> int:
    if args.json:
        print(json.dumps({"error": message}, ensure_ascii=False))
    else:
        print(message, file=sys.stderr)
    return code


def _source(args: argparse.Namespace) -> Path | str:
    """The file to move, or the sentence saying why there is none."""
    chosen = args.source or store.db_path()
    if is_url(chosen):
        return t("migrate.source_is_server", args.lang)
    if not Path(chosen).is_file():
        return t("migrate.no_source", args.lang, path=chosen)
    return Path(chosen)


def cmd_migrate_to(args: argparse.Namespace) -> int:
    if not is_url(args.url):
        return _refuse(args, t("migrate.not_a_server", args.lang, url=args.url))
    source = _source(args)
    if isinstance(source, str):
        return _refuse(args, source)
    target = store.db.display_name(args.url)
    opened = []
    try:
        opened.append(store.connect(source))
        opened.append(store.connect(args.url))
        checks = move(*opened)
    except (store.DatabaseBusy, SchemaTooNew) as exc:
        return _refuse(args, str(exc))
    except MoveRefused as exc:
        return _refuse(args, t(exc.code, args.lang, target=target, **exc.params))
    except (psycopg.Error, duckdb.Error) as exc:
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return _refuse(args, t("migrate.stopped", args.lang, reason=reason, target=target), 1)
    finally:
        for con in opened:
            con.close()
    _report(args, checks)
    differ = [c.table for c in checks if not c.same]
    if differ:
        print(t("migrate.differs_sentence", args.lang, tables=", ".join(differ), target=target),
              file=sys.stderr)
        return 1
    if not args.json:
        print(t("migrate.done", args.lang, tables=len(checks), source=source.name, target=target,
                rows=sum(c.source_rows for c in checks)))
    return 0


def _report(args: argparse.Namespace, checks: list[TableCheck]) -> None:
    """Each table's rows on both sides and the checksum: JSON, or a table in ``--lang``."""
    if args.json:
        print(json.dumps([{"table": c.table, "source_rows": c.source_rows,
                           "target_rows": c.target_rows, "source_checksum": c.source_sum,
                           "target_checksum": c.target_sum, "same": c.same} for c in checks]))
        return
    lang = args.lang
    table = pd.DataFrame({
        t("migrate.col.table", lang): [c.table for c in checks],
        t("migrate.col.source_rows", lang): [c.source_rows for c in checks],
        t("migrate.col.target_rows", lang): [c.target_rows for c in checks],
        t("migrate.col.checksum", lang): [c.source_sum for c in checks],
        t("migrate.col.result", lang): [t("migrate.same" if c.same else "migrate.differs", lang)
                                        for c in checks],
    })
    print(table.to_string(index=False))
