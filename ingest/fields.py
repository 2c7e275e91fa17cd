"""The canonical fields of each import kind: the contract between ingest and store.

A column of an upload maps to one field of its kind, to ``IGNORE``, or (metrics only,
wide layout) to ``AS_METRIC``: the column is a metric named after its header.
"""

from __future__ import annotations

KINDS: tuple[str, ...] = ("metrics", "roster", "coaching", "goals")

IGNORE = "ignore"
AS_METRIC = "as_metric"

# field -> required?  Order is the order a user sees in the mapping editor.
FIELDS: dict[str, dict[str, bool]] = {
    "metrics": {
        "employee_id": True,
        "period": True,
        "metric": False,  # long layout: metric + value; wide layout: AS_METRIC columns
        "value": False,
        "target": False,
        "name": False,
        "first_name": False,
        "last_name": False,
        "team": False,
        "manager_id": False,
        "role": False,
        "hire_date": False,
        # A period written in two columns (年度 + 季度, year + month, year + week): the year
        # stands in for ``period`` (see ``PERIOD_PARTS``); a year alone is a yearly period.
        "year": False,
        "quarter": False,
        "month": False,
        "week": False,
        # Written by an events import (ingest.shapes.events): the events behind a value and
        # whether its period is only partly in the file.
        "n_events": False,
        "partial": False,
    },
    "roster": {
        "employee_id": True,
        "name": False,
        # A name written in two columns (FirstName + LastName) makes the name.
        "first_name": False,
        "last_name": False,
        "team": False,
        "manager_id": False,
        "role": False,
        "hire_date": False,
        "high_potential": False,
    },
    "coaching": {
        "employee_id": True,
        "date": True,
        "name": False,  # stands in for the id when a log names people only
        "type": False,
        "model": False,
        "coach": False,
        "notes": False,
    },
    "goals": {
        "employee_id": True,
        "objective": True,
        "key_result": True,
        "name": False,
        "team": False,
        "weight": False,
        "due_date": False,
        "progress": False,
    },
}

# The part of a year a column holds next to a year column, finest first.
PERIOD_PARTS: tuple[str, ...] = ("week", "month", "quarter")

SESSION_TYPES: tuple[str, ...] = ("formal", "informal")
MODELS: tuple[str, ...] = ("GROW", "BEST", "STAR-AR", "OKR")

# Store tables each kind writes, with their key columns (upserted on these keys).
TABLE_KEYS: dict[str, tuple[str, ...]] = {
    "employees": ("employee_id",),
    "metric_values": ("employee_id", "period", "metric"),
    "coaching_sessions": ("session_id",),
    "goals": ("employee_id", "objective", "key_result"),
}
