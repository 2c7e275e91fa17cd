"""What each column of an event log holds, and the KPIs proposed from it.

A column is the event id, the person, the date, a yes/no flag (a rate), a duration or a
number (a mean, or a sum for amounts), a deal stage (won deals and their amounts), or nothing
we aggregate (topics, times of day, other dates). Decided from the header and a sample of cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ingest.headers import normalise_header, split_unit
from ingest.plan import Kpi
from ingest.values import parse_dates, parse_flags, parse_numbers

SAMPLE = 5000
_MOSTLY = 0.98  # share of a column's cells that decides what it holds
_EVENT_NOUNS: dict[str, tuple[str, str]] = {  # id header word -> (English, Chinese) count name
    "call": ("Calls", "通话量"), "ticket": ("Tickets", "工单量"), "case": ("Cases", "工单量"),
    "deal": ("Deals", "商机数"), "opportunity": ("Deals", "商机数"), "order": ("Orders", "订单量"),
    "visit": ("Visits", "拜访量"), "contact": ("Contacts", "接触量"), "chat": ("Chats", "会话量"),
    "interaction": ("Interactions", "交互量"), "event": ("Events", "事件数"),
    "通话": ("Calls", "通话量"), "呼叫": ("Calls", "通话量"), "来电": ("Calls", "通话量"),
    "工单": ("Tickets", "工单量"), "订单": ("Orders", "订单量"), "商机": ("Deals", "商机数"),
    "拜访": ("Visits", "拜访量"), "会话": ("Chats", "会话量"),
}
_ID = re.compile("(" + "|".join(_EVENT_NOUNS) + r")(?:id|no|number|code|编号|单号|号|id号)$")
_PERSON = re.compile(r"(agent|rep|representative|owner|salesperson|坐席|客服|销售代表|业务员"
                     r"|销售员|经办人|负责人)(name|姓名)?$")
_DURATION = re.compile(r"duration|talk|handle|handling|hold|wait|speed|answer|aht|asa|second"
                       r"|secs|minute|时长|耗时|等待|秒|分钟|用时")
_TIME_OF_DAY = re.compile(r"^(time|calltime|starttime|endtime|时间|时刻|开始时间|结束时间|来电时间)$")
_AMOUNT = re.compile(r"amount|value|revenue|sales|price|total|金额|销售额|收入|业绩|回款|成交额")
_PERIOD_WORDS = re.compile(r"^(year|quarter|month|week|day|年|年度|季度|月|月份|周|日)$")
_CLOSE = re.compile(r"close|closing|won|成交|签约|结束|关闭")
_WON = {"won", "closed won", "closedwon", "win", "赢单", "成交", "已成交", "签约", "已签约"}
_LOST = {"lost", "closed lost", "closedlost", "lose", "输单", "丢单", "失败", "已丢单"}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_YN_SUFFIX = re.compile(r"\s*[(（]\s*(y\s*/\s*n|yes\s*/\s*no|是\s*/\s*否)\s*[)）]\s*$", re.I)


@dataclass
class Column:
    """One column of the sample and what it holds."""

    name: str
    role: str  # id | person | date | flag | duration | number | stage | other
    won: str | None = None  # stage: the cell text meaning "won"


def event_noun(id_column: str | None, chinese: bool) -> str:
    """``Calls`` for a ``Call Id`` column, ``事件数`` for an unnamed Chinese log ..."""
    key = normalise_header(id_column) if id_column else ""
    for word, names in _EVENT_NOUNS.items():
        if key.startswith(word):
            return names[chinese]
    return _EVENT_NOUNS["event"][chinese]


def is_event_id(name: str, cells: pd.Series) -> bool:
    """A header like ``Call Id`` / ``opportunity_id`` / ``工单编号`` with (nearly) unique cells
    (among the first ``SAMPLE``: enough to tell an id from a code that repeats)."""
    if not _ID.search(normalise_header(name)):
        return False
    present = cells.head(SAMPLE).dropna()
    return len(present) > 0 and present.nunique() >= 0.99 * len(present)


def is_person(name: str) -> bool:
    return bool(_PERSON.search(normalise_header(name)))


def _share(mask: pd.Series) -> float:
    return float(mask.mean()) if len(mask) else 0.0


def _stage_won(cells: pd.Series) -> str | None:
    """The text meaning "won" when the column is a deal stage (won and lost both present)."""
    values = {str(v).strip(): str(v).strip().casefold() for v in cells.dropna().unique()[:50]}
    won = [v for v, key in values.items() if key in _WON]
    return won[0] if won and any(key in _LOST for key in values.values()) else None


def classify(name: str, cells: pd.Series) -> Column:
    """The role of a non-key column from its header and up to ``SAMPLE`` of its cells."""
    norm = normalise_header(split_unit(name)[0])
    present = cells.dropna()
    if present.empty or _PERIOD_WORDS.match(norm):
        return Column(name, "other")
    hms = present.str.fullmatch(r"-?\d+:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?").astype(bool)
    # Clock times are no yes/no words: only the other cells are looked up (a column of
    # thousands of distinct times would be, one by one).
    _, bad = parse_flags(present[~hms])
    if (~bad).sum() >= _MOSTLY * len(present):  # a stray bad cell is a bad line, not a kind
        return Column(name, "flag")
    if (won := _stage_won(present)) is not None:
        return Column(name, "stage", won=won)
    if _share(hms) >= 0.9:
        return Column(name, "other" if _TIME_OF_DAY.match(norm) else "duration")
    _, bad = parse_numbers(present)
    if _share(~bad) >= _MOSTLY:
        return Column(name, "number")
    dates, bad = parse_dates(present)
    return Column(name, "date" if _share(dates.notna()) >= 0.9 else "other")


def date_column(columns: list[Column], period: str | None, stage: bool) -> str | None:
    """The events' date: the close date of a deal log, else the period header, else a date."""
    dates = [c.name for c in columns if c.role == "date"]
    if stage:
        closing = [d for d in dates if _CLOSE.search(normalise_header(d))]
        if closing:
            return closing[0]
    if period is not None:
        return period
    return dates[0] if dates else None


def filter_of(frame: pd.DataFrame, flags: list[str], column: str) -> str | None:
    """The yes/no column whose "no" rows leave ``column`` always empty or never yes.

    Unanswered calls have no talk time, rating or resolution: those KPIs are of answered calls
    only (the flag with the most "no" rows wins).
    """
    best, most = None, 0
    for flag in (f for f in flags if f != column):
        yes, _ = parse_flags(frame[flag])
        no = yes.eq(False).fillna(False).astype(bool)
        cells = frame.loc[no, column]
        empty = cells.isna().all() or (column in flags and
                                       not parse_flags(cells)[0].fillna(False).any())
        if no.sum() > most and empty:
            best, most = flag, int(no.sum())
    return best


def _rate_name(name: str, chinese: bool) -> str:
    base = _YN_SUFFIX.sub("", name).strip()
    if chinese:
        return base.removeprefix("是否") + "率"
    return f"{base} %"


def kpi_for(col: Column, frame: pd.DataFrame, flags: list[str], chinese: bool) -> Kpi | None:
    """The KPI proposed for one column (None: nothing to aggregate)."""
    where = filter_of(frame, flags, col.name) if col.role in ("flag", "duration", "number") \
        else None
    where_value = "yes" if where else None
    if col.role == "flag":
        return Kpi(_rate_name(col.name, chinese), "rate", col.name, where, where_value, "higher")
    if col.role == "duration":
        unit = "秒" if chinese else "s"
        return Kpi(f"{col.name} ({unit})", "mean", col.name, where, where_value, "lower")
    if col.role == "number":
        norm = normalise_header(col.name)
        if _AMOUNT.search(norm):
            return Kpi(col.name, "sum", col.name, where, where_value, "higher")
        direction = "lower" if _DURATION.search(norm) else None
        return Kpi(col.name, "mean", col.name, where, where_value, direction)
    return None


def stage_kpis(stage: Column, amounts: list[str], noun: str, chinese: bool) -> list[Kpi]:
    """Won deals (a count) and the sum of each amount column over won deals."""
    won = f"赢单{noun}" if chinese else f"{noun} won"
    kpis = [Kpi(won, "count", None, stage.name, stage.won, "higher")]
    for amount in amounts:
        name = f"赢单{amount}" if chinese else f"{amount} won"
        kpis.append(Kpi(name, "sum", amount, stage.name, stage.won, "higher"))
    return kpis


def is_chinese(headers: list[str]) -> bool:
    return sum(bool(_CJK.search(h)) for h in headers) * 2 > len(headers)
