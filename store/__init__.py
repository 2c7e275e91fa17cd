"""The DuckDB store: schema, imports, queries. Every SQL statement of Coachboard lives here."""

from store.actions import ActionConflict, open_actions
from store.coaching_log import EntryError
from store.db import DatabaseBusy, connect, db_path
from store.demo_data import load_demo
from store.errors import BackupError, CircleRefused, ImportBusy, SchemaTooNew
from store.import_log import ImportResult, history, rejected
from store.imports import import_bytes, undo_import
from store.queries import (
    catalog,
    data_version,
    employees,
    facts,
    is_empty,
    save_catalog,
    team_trend,
)

__all__ = [
    "ActionConflict",
    "BackupError",
    "CircleRefused",
    "DatabaseBusy",
    "EntryError",
    "ImportBusy",
    "ImportResult",
    "SchemaTooNew",
    "catalog",
    "connect",
    "data_version",
    "db_path",
    "employees",
    "facts",
    "history",
    "import_bytes",
    "is_empty",
    "load_demo",
    "open_actions",
    "rejected",
    "save_catalog",
    "team_trend",
    "undo_import",
]
