"""People named without ids: each name becomes a roster id before anything is stored.

A name matches the roster exactly, else ignoring spaces at the ends, case and full-width forms
(NFKC: ``ＢＥＣＫＹ `` is ``Becky``). A name matching two people of the roster (two people called
王伟) is a bad line: the file must then say who is who with an id column. A name the roster does
not know gets a stable id made from the name (``P-3f2a9c``: the same name gives the same id in
every import) and is added to the roster. Runs before ``store.import_scope.restrict``, over the
whole roster (not only the viewer's people), so nobody already on file is created twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

import duckdb
import pandas as pd

from ingest.fields import TABLE_KEYS
from ingest.kinds import session_ids
from ingest.model import ERROR_COLUMNS, Parsed
from ingest.parse import MAIN_TABLE
from ingest.people import normalise_name
from store.access import stored

AMBIGUOUS = "ambiguous_name"


def new_id(key: str, taken: set[str], size: int = 6) -> str:
    """``P-`` and the first hex digits of sha1(normalised name), longer if already taken."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
    while f"P-{digest[:size]}" in taken:
        size += 2
    return f"P-{digest[:size]}"


def _roster(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute(f"SELECT employee_id, name FROM {stored(con)}.employees").df()


def match_names(names: list[str], roster: pd.DataFrame) -> tuple[dict[str, str], dict[str, list]]:
    """Each name -> its roster id (or a new one), and the names matching several people.

    Exact matches win over normalised ones; names new to the roster that normalise alike get
    one id (``Becky`` and ``becky `` are one person).
    """
    named = roster.dropna(subset=["name"])
    exact = named.groupby("name")["employee_id"].agg(list).to_dict()
    loose = named.assign(key=named["name"].map(normalise_name)).groupby("key")[
        "employee_id"].agg(list).to_dict()
    taken = set(roster["employee_id"].astype(str))
    ids: dict[str, str] = {}
    clashes: dict[str, list] = {}
    made: dict[str, str] = {}
    for name in names:
        key = normalise_name(name)
        found = exact.get(name) or loose.get(key) or []
        if len(found) > 1:
            clashes[name] = sorted(found)
        elif found:
            ids[name] = found[0]
        else:
            if key not in made:
                made[key] = new_id(key, taken)
                taken.add(made[key])
            ids[name] = made[key]
    return ids, clashes


def _errors(parsed: Parsed, resolved: pd.DataFrame, clashes: dict[str, list],
            merged: bool) -> pd.DataFrame:
    """Lines naming someone the roster has twice, and lines whose key two spellings of one new
    name made equal (``Becky`` and ``becky`` in the same week: which one counts?); the latter
    only when two names got one id (``merged``): else the keys stay as unique as parsed."""
    found = [pd.DataFrame(columns=ERROR_COLUMNS)]
    if clashes:
        every = pd.concat([rows[["line", "employee_id"]] for rows in parsed.tables.values()])
        clash = every[every["employee_id"].isin(clashes)].drop_duplicates("line")
        found.append(pd.DataFrame({
            "line": clash["line"], "column": parsed.name_column, "code": AMBIGUOUS,
            "value": [f"{n} ({', '.join(clashes[n])})" for n in clash["employee_id"]]}))
    if merged:
        keys = list(TABLE_KEYS[MAIN_TABLE[parsed.kind]])
        twice = resolved[resolved["employee_id"].notna() & resolved.duplicated(keys, keep="first")]
        found.append(pd.DataFrame({
            "line": twice["line"], "column": parsed.name_column, "code": "duplicate_key",
            "value": [" / ".join(map(str, k)) for k in twice[keys].itertuples(False)]}))
    return pd.concat(found, ignore_index=True).astype({"line": "int64"})[ERROR_COLUMNS]


def _people(rows: pd.DataFrame, ids: dict[str, str], roster: pd.DataFrame) -> pd.DataFrame:
    """The roster rows of the file's people: new ones with their name as the file spells it,
    known ones with the roster's own spelling (so an import never renames anyone)."""
    known = dict(zip(roster["employee_id"], roster["name"], strict=True))
    named = rows["employee_id"].map(ids)
    spelled = [known.get(i, n) for i, n in zip(named, rows["employee_id"], strict=True)]
    people = rows.assign(employee_id=named, name=spelled).dropna(subset=["employee_id"])
    return people.drop_duplicates("employee_id")


def resolve(con: duckdb.DuckDBPyConnection, parsed: Parsed,
            roster_rows: pd.DataFrame | None = None) -> Parsed:
    """``parsed`` with names turned into roster ids; a no-op for files with an id column.

    Lines naming someone ambiguously become bad lines (``ambiguous_name``); new names are
    added to the roster (the ``employees`` table of the result). ``roster_rows``
    (``employee_id``, ``name``): a roster imported with it (a workbook's people sheet), matched
    before the stored one.
    """
    if parsed.name_column is None:
        return parsed
    roster = _roster(con)
    if roster_rows is not None and not roster_rows.empty:
        roster = pd.concat([roster_rows[["employee_id", "name"]], roster],
                           ignore_index=True).drop_duplicates("employee_id")
    # Distinct names first (pandas, not a Python loop: an events import stores ~300k figures).
    cells = pd.concat([rows["employee_id"] for rows in parsed.tables.values()])
    names = sorted(cells.dropna().unique().tolist())
    ids, clashes = match_names(names, roster)
    main = MAIN_TABLE[parsed.kind]
    people = parsed.tables.get("employees", parsed.tables[main][["employee_id", "line"]])
    tables = {t: rows.assign(employee_id=rows["employee_id"].map(ids))
              for t, rows in parsed.tables.items()}
    errors = _errors(parsed, tables[main], clashes, len(set(ids.values())) < len(ids))
    tables["employees"] = _people(people, ids, roster)
    if "coaching_sessions" in tables:  # its key is made of the id: make it of the real one
        tables["coaching_sessions"]["session_id"] = session_ids(tables["coaching_sessions"])
    if errors.empty and parsed.errors.empty:  # the usual case: no pass over the rows
        return replace(parsed, tables=tables)
    bad = set(errors["line"])
    return replace(
        parsed, tables={t: rows[~rows["line"].isin(bad)] for t, rows in tables.items()},
        errors=pd.concat([parsed.errors, errors], ignore_index=True)
        .sort_values(["line", "column"], kind="stable").reset_index(drop=True))


def find_people(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """The ids of the viewer's people a typed id or name means: the id itself, else everyone
    whose name matches (exactly, else ignoring case, spaces and full-width forms)."""
    people = con.execute("SELECT employee_id, name FROM employees").df()
    if text in set(people["employee_id"]):
        return [text]
    ids, clashes = match_names([text], people)
    if text in clashes:
        return clashes[text]
    found = ids.get(text)
    return [found] if found in set(people["employee_id"]) else []
