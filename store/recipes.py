"""Recipes: how a file of a known shape was imported (its ``ImportPlan``), to reuse next time.

A recipe is keyed by the file's shape (``ingest.propose.signature``: sheet names and headers,
period columns left out) and named after the first file imported with it ("Call log"). Recipes
belong to the installation, not to a user; every change is audited (the recipe's name, never
the plan's columns).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

import duckdb
import pandas as pd

from i18n import t
from ingest.plan import ImportPlan
from store import audit
from store.access import stored, viewer_of, writer

_MAX_NAME = 80


class RecipeError(ValueError):
    """A recipe change that cannot be made; ``code`` names the text ``sheets.recipe.<code>``."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code, self.params = code, params

    def message(self, lang: str = "en") -> str:
        return t(f"sheets.recipe.{self.code}", lang, **self.params)


@dataclass
class Recipe:
    name: str
    signature: str
    plan: ImportPlan
    file_name: str | None
    created_by: str | None
    created_at: datetime | None
    used_at: datetime | None


_COLUMNS = "name, signature, plan, file_name, created_by, created_at, used_at"


def _recipe(row: tuple) -> Recipe:
    return Recipe(row[0], row[1], ImportPlan.from_json(row[2]), *row[3:])


def _table(con: duckdb.DuckDBPyConnection) -> str:
    """Recipes are the installation's: read past any viewer's views."""
    return f"{stored(con)}.recipes"


def find(con: duckdb.DuckDBPyConnection, signature: str) -> Recipe | None:
    """The recipe of a file shape, the most recently used first; None when the shape is new."""
    row = con.execute(f"SELECT {_COLUMNS} FROM {_table(con)} WHERE signature = ? "
                      "ORDER BY used_at DESC NULLS LAST LIMIT 1", [signature]).fetchone()
    return _recipe(row) if row else None


def get(con: duckdb.DuckDBPyConnection, name: str) -> Recipe:
    """The recipe called ``name``.

    Raises:
        RecipeError("unknown"): there is none.
    """
    row = con.execute(f"SELECT {_COLUMNS} FROM {_table(con)} WHERE name = ?", [name]).fetchone()
    if row is None:
        raise RecipeError("unknown", name=name)
    return _recipe(row)


def list_recipes(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every recipe: name, file it was made from, who made it, when made and last used."""
    return con.execute(f"SELECT name, file_name, created_by, created_at, used_at, signature "
                       f"FROM {_table(con)} ORDER BY used_at DESC NULLS LAST, name").df()


def name_for(con: duckdb.DuckDBPyConnection, signature: str, file_name: str,
             given: str | None = None) -> str:
    """The name to save a plan under: ``given``, the shape's recipe, or the file's name."""
    if given:
        return given
    known = find(con, signature)
    if known is not None:
        return known.name
    return _free_name(con, PurePath(file_name).stem)


def _free_name(con: duckdb.DuckDBPyConnection, base: str) -> str:
    """``base``, or ``base (2)``, ``base (3)`` … when a recipe has that name already."""
    base = (" ".join(base.split()) or "recipe")[:_MAX_NAME]
    taken = set(list_recipes(con)["name"])
    name, n = base, 2
    while name in taken:
        name, n = f"{base} ({n})", n + 1
    return name


def save(cur: duckdb.DuckDBPyConnection, name: str, signature: str, plan: ImportPlan, *,
         file_name: str | None, by: str, audit_con: duckdb.DuckDBPyConnection) -> None:
    """Save (or update) recipe ``name``, marking it used now; runs in the caller's transaction
    on the writable ``cur``; the audit row is the viewer's of ``audit_con``."""
    now = datetime.now()
    table = _table(cur)
    exists = cur.execute(f"SELECT 1 FROM {table} WHERE name = ?", [name]).fetchone()
    if exists:
        cur.execute(f"UPDATE {table} SET signature = ?, plan = ?, used_at = ? WHERE name = ?",
                    [signature, plan.to_json(), now, name])
    else:
        cur.execute(f"INSERT INTO {table} VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [name, signature, plan.to_json(), file_name, by, now, now])
    audit.record(audit_con, audit.RECIPE, target=name, detail="updated" if exists else "saved",
                 within=cur)


def _checked_name(con: duckdb.DuckDBPyConnection, name: str) -> str:
    name = " ".join(str(name).split())
    if not name or len(name) > _MAX_NAME:
        raise RecipeError("bad_name", max=_MAX_NAME)
    if con.execute(f"SELECT 1 FROM {_table(con)} WHERE name = ?", [name]).fetchone():
        raise RecipeError("taken", name=name)
    return name


def rename(con: duckdb.DuckDBPyConnection, old: str, new: str) -> str:
    """Rename a recipe; returns the new name (spaces tidied).

    Raises:
        RecipeError: ``unknown`` old name, ``taken`` or ``bad_name`` new name.
        AccessDenied: the viewer may not import.
    """
    out = writer(con, "import")
    get(con, old)
    new = _checked_name(con, new)
    out.execute(f"UPDATE {_table(out)} SET name = ? WHERE name = ?", [new, old])
    audit.record(con, audit.RECIPE, target=new, detail="renamed")
    return new


def delete(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Delete a recipe (files of its shape are then proposed afresh).

    Raises:
        RecipeError("unknown"), AccessDenied.
    """
    out = writer(con, "import")
    get(con, name)
    out.execute(f"DELETE FROM {_table(out)} WHERE name = ?", [name])
    audit.record(con, audit.RECIPE, target=name, detail="deleted")


def export_json(con: duckdb.DuckDBPyConnection, names: list[str] | None = None) -> str:
    """Recipes as JSON (all, or ``names``), for another manager's ``import_json``."""
    chosen = [get(con, n) for n in names] if names else [
        get(con, n) for n in list_recipes(con)["name"]]
    return json.dumps({"coachboard_recipes": 1, "recipes": [
        {"name": r.name, "signature": r.signature, "file_name": r.file_name,
         "plan": json.loads(r.plan.to_json())} for r in chosen]}, ensure_ascii=False, indent=1)


def import_json(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """Add the recipes of an ``export_json`` text; returns their names (renamed when taken).

    Raises:
        RecipeError("bad_file"): not a recipes file; nothing is added.
        AccessDenied: the viewer may not import.
    """
    out = writer(con, "import")
    try:
        data = json.loads(text)
        entries = [(str(e["name"]), str(e["signature"]), ImportPlan.from_json(
            json.dumps(e["plan"])), e.get("file_name")) for e in data["recipes"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise RecipeError("bad_file") from exc
    added: list[str] = []
    out.execute("BEGIN TRANSACTION")
    try:
        for name, sig, plan, file_name in entries:
            name = _free_name(out, name)  # never overwrite a recipe of this installation
            out.execute(f"INSERT INTO {_table(out)} VALUES (?, ?, ?, ?, ?, ?, NULL)",
                        [name, sig, plan.to_json(), file_name, viewer_of(con).email,
                         datetime.now()])
            audit.record(con, audit.RECIPE, target=name, detail="imported", within=out)
            added.append(name)
        out.execute("COMMIT")
    except Exception:
        out.execute("ROLLBACK")
        raise
    return added

