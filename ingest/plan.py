"""What to do with one upload: its sheets, each one's kind, layout, mapping and KPIs.

An ``ImportPlan`` is proposed from the file (``ingest.propose``), shown to the user, changed by
them, run (``ingest.run_plan``) and saved as a recipe (JSON) keyed by the file's shape, so the
next file of the same shape imports with the same choices.

Layouts of a sheet (each has a module in ``ingest/shapes/`` turning it into the long layout
``ingest.parse`` reads):

- ``long``: one row per person x period (x metric); metric columns across (the old layouts).
- ``periods_across``: one row per person, one column per month/week/quarter (budget layout).
- ``events``: one row per call/ticket/deal, aggregated to person x period KPIs.

>>> plan = ImportPlan(sheets=[SheetPlan(sheet="Calls", kind="metrics", layout="events",
...     kpis=[Kpi(name="calls", agg="count")])])
>>> ImportPlan.from_json(plan.to_json()) == plan
True
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

import pandas as pd

from ingest.fields import KINDS
from ingest.model import ERROR_COLUMNS, RawTable

LAYOUTS: tuple[str, ...] = ("long", "periods_across", "events")
# A sheet's kind: a kind of ingest.fields, or targets of another sheet, or not imported.
SHEET_KINDS: tuple[str, ...] = (*KINDS, "targets", "skip")
AGGREGATIONS: tuple[str, ...] = ("count", "sum", "mean", "rate")
GRAINS: tuple[str, ...] = ("day", "week", "month")
PLAN_VERSION = 1


@dataclass
class Kpi:
    """One person x period figure computed from the rows of an events sheet.

    ``count``: rows; ``sum``/``mean``: of ``column`` (numbers, ``h:mm:ss``, Excel times in
    seconds); ``rate``: percent of rows whose ``column`` is yes (Y/N, 是/否, TRUE/FALSE, 1/0).
    ``where_column``/``where_value``: only rows whose cell there equals the value (yes/no
    cells compare as booleans: ``where_value="yes"`` keeps Y, 是, TRUE, 1).
    """

    name: str
    agg: str
    column: str | None = None
    where_column: str | None = None
    where_value: str | None = None
    direction: str | None = None  # "higher" | "lower"; None: guessed by the catalog


@dataclass
class SheetPlan:
    """One sheet (or the whole CSV: ``sheet=None``) and what to do with it."""

    sheet: str | None
    kind: str  # one of SHEET_KINDS
    mapping: dict[str, str] = field(default_factory=dict)  # column -> field (ingest.fields)
    layout: str = "long"
    metric: str | None = None  # periods_across: the metric's name
    year: int | None = None  # the year of period headers or cells without one (1月, Q1, W05)
    kpis: list[Kpi] = field(default_factory=list)  # events
    grain: str = "week"  # events: day | week (starting Monday) | month
    # long metrics on arbitrary days: the period each date counts for, a person's values in it
    # averaged (ingest.date_grain: week | month | quarter); None: each date as written
    period_grain: str | None = None
    include_partial: bool = False  # events: keep periods the file covers only in part
    targets_for: str | None = None  # kind "targets": the sheet holding the actuals
    people_by: str = "id"  # "id", or "name" when the file names people without ids
    note: str | None = None  # why it was proposed so (a message code), e.g. a helper sheet
    # What the file does not settle and the user must choose (the CLI names the flag):
    # "kind" (--kind / --sheet NAME=KIND), "metric" (--metric), "grain" (--grain), "year" (--year),
    # "person" (--id-column / --name-column); None when nothing is open.
    ask: str | None = None

    def __post_init__(self) -> None:
        self.kpis = [k if isinstance(k, Kpi) else Kpi(**k) for k in self.kpis]


@dataclass
class ImportPlan:
    sheets: list[SheetPlan]
    version: int = PLAN_VERSION

    def __post_init__(self) -> None:
        self.sheets = [s if isinstance(s, SheetPlan) else SheetPlan(**s) for s in self.sheets]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ImportPlan:
        data = json.loads(text)
        return cls(sheets=data["sheets"], version=data.get("version", PLAN_VERSION))


def shape_signature(headers: dict[str | None, list[str]]) -> str:
    """A file's shape: its sheet names and each sheet's header cells, order kept.

    >>> shape_signature({"Calls": ["Agent", "Date"]}) == shape_signature({"Calls": ["Agent", "Date"]})
    True
    """
    text = json.dumps([[s, h] for s, h in headers.items()], ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Reshaped:
    """A sheet in the long layout (see ``ingest.shapes``), ready for ``ingest.parse``."""

    table: RawTable
    mapping: dict[str, str]  # column -> field, for ingest.parse
    errors: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ERROR_COLUMNS))
    notes: list[str] = field(default_factory=list)
