"""How a person and their team read on screen when the data lacks them.

A file may name people only by id, or by name without any team: a person then reads as their
id, and a missing team as "no team" in the viewer's language, never ``None`` or an empty cell.
A manager reads as their roster name, with the id only where two managers share a name.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from i18n import t
from store.board import NO_GROUP
from store.employee import manager_names
from store.queries import employees


def no_team(lang: str) -> str:
    """The label of people without a team, in ``lang``."""
    return t("people.no_team", lang)


def label_people(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with an empty ``name`` filled with the ``employee_id`` and an empty ``team``
    with "no team" (only the columns it has; categoricals become text).

    >>> label_people(pd.DataFrame({"employee_id": ["E1"], "name": [None], "team": [None]}),
    ...              "zh").values.tolist()
    [['E1', 'E1', '无团队']]
    """
    if frame.empty:
        return frame
    fills = {}
    if "name" in frame and "employee_id" in frame:
        fills["name"] = frame["name"].astype(object).where(frame["name"].notna(),
                                                           frame["employee_id"].astype(object))
    if "team" in frame:
        fills["team"] = frame["team"].astype(object).where(frame["team"].notna(), no_team(lang))
    return frame.assign(**fills) if fills else frame


def person_label(name: object, employee_id: str) -> str:
    """``王芳 (E001)``, or the id alone when there is no name (or the name is the id).

    >>> person_label(None, "E1"), person_label("Ann", "E1")
    ('E1', 'Ann (E1)')
    """
    if name is None or pd.isna(name) or str(name).strip() in ("", employee_id):
        return employee_id
    return f"{name} ({employee_id})"


def group_names(frame: pd.DataFrame, by: str, lang: str,
                columns: tuple[str, ...] = ("label",)) -> pd.DataFrame:
    """Board rows whose group is nobody's (``store.board.NO_GROUP``) named in ``lang``:
    "no team" (grouped by team or in a ``team`` column), "no manager" (grouped by manager)."""
    fills = {}
    for column in columns:
        if column in frame:
            word = "people.no_manager" if by == "manager" and column == "label" else "people.no_team"
            fills[column] = frame[column].where(frame[column].ne(NO_GROUP), t(word, lang))
    return frame.assign(**fills) if fills else frame


def manager_labels(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Manager id -> roster name of the managers of the viewer's people; the id is added only
    where two managers share a name (and stands alone where the roster has no name)."""
    bosses = manager_names(con)
    named = bosses.assign(name=bosses["name"].where(bosses["name"].notna(), bosses["manager_id"]))
    twice = named["name"].duplicated(keep=False)
    return {m: f"{n} ({m})" if dup else n
            for m, n, dup in zip(named["manager_id"], named["name"], twice, strict=True)}


def manager_choices(con: duckdb.DuckDBPyConnection
                    ) -> tuple[list[str], dict[str, str], dict[str, str]]:
    """What a "whose people" box offers: every manager id of the viewer's people (sorted), id ->
    name of everyone on file and of those managers, manager id -> the manager's own team (to
    tell two namesakes apart). Managers are read past the scope (``store.employee``)."""
    people, bosses = employees(con), manager_names(con)
    names = dict(zip(people["employee_id"], people["name"], strict=True))
    names |= dict(zip(bosses["manager_id"], bosses["name"], strict=True))
    teams = dict(zip(bosses["manager_id"], bosses["team"], strict=True))
    return sorted(people["manager_id"].dropna().unique()), names, teams
