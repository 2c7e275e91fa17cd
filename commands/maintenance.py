"""Maintenance subcommands: back the database up to a folder, restore it from one."""

from __future__ import annotations

import argparse
import sys

import store
from i18n import t
from store.backup import backup, restore
from store.errors import BackupError


def parsers(sub) -> list[argparse.ArgumentParser]:
    """The ``backup`` and ``restore`` subcommands (cli.py adds ``--db`` to each)."""
    bak = sub.add_parser("backup", help="write the database to a new folder (Parquet + manifest)")
    bak.add_argument("directory", metavar="DIR")
    bak.set_defaults(func=cmd_backup)
    res = sub.add_parser("restore", help="restore a backup folder into the database")
    res.add_argument("directory", metavar="DIR")
    res.add_argument("--force", action="store_true",
                     help="replace a database that holds data (the old file is kept)")
    res.set_defaults(func=cmd_restore)
    return [bak, res]


def cmd_backup(args: argparse.Namespace, con) -> int:
    try:
        manifest = backup(con, args.directory)
    except BackupError as exc:
        print(exc, file=sys.stderr)
        return 1
    counts = manifest["tables"]
    print(t("maintenance.backup_done", path=args.directory, tables=len(counts),
            rows=sum(counts.values())))
    return 0


def cmd_restore(args: argparse.Namespace, con) -> int:
    # Restore replaces the database file: let go of the connection cli.py opened on it.
    con.close()
    target = args.db or store.db_path()
    try:
        manifest = restore(args.directory, target, force=args.force)
    except BackupError as exc:
        print(exc, file=sys.stderr)
        return 1
    except store.DatabaseBusy as exc:
        print(exc, file=sys.stderr)
        return 2
    counts = manifest["tables"]
    print(t("maintenance.restore_done", path=args.directory, db=target, tables=len(counts),
            rows=sum(counts.values())))
    return 0
