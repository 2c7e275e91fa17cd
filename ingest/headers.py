"""Recognise column headers: normalise them, split off units, guess the kind and mapping."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

import pandas as pd

from ingest.dates import read_period
from ingest.fields import AS_METRIC, FIELDS, IGNORE, PERIOD_PARTS
from ingest.values import parse_numbers

# field -> synonyms, most specific first (the rank breaks ties between columns).
# Ambiguous words (目标, 日期, date) appear under several fields; a kind only ever sees the
# fields it has, so each resolves per kind (目标 = target for metrics, objective for goals).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "employee_id": ("工号", "员工编号", "员工号", "员工id", "人员编号", "职工编号", "emp id",
                    "employee id", "employee_id", "employee no", "employee number", "emp no",
                    "staff id", "staff no", "agent id", "id"),
    "name": ("姓名", "员工姓名", "名字", "name", "employee name", "agent", "agent name",
             "full name", "sales agent", "销售代表", "坐席", "坐席姓名", "客服", "业务员",
             "销售", "sales rep", "sales representative", "rep", "owner", "account owner",
             "deal owner", "representative", "salesperson"),
    "first_name": ("名", "first name", "firstname", "given name", "given", "forename"),
    "last_name": ("姓", "姓氏", "last name", "lastname", "surname", "family name"),
    "team": ("部门", "所属部门", "团队", "小组", "组别", "team", "department", "dept", "group"),
    "manager_id": ("直属主管", "直属领导", "主管", "上级", "经理", "manager", "manager id",
                   "supervisor", "reports to"),
    "role": ("岗位", "职位", "角色", "role", "job role", "position", "title"),
    "hire_date": ("入职日期", "入职时间", "hire date", "start date", "date of joining"),
    "high_potential": ("高潜", "高潜力", "是否高潜", "high potential", "hipo"),
    "period": ("日期", "周", "月份", "月", "周开始日期", "统计周期", "统计日期", "期间", "周期",
               "period", "date", "week", "month", "week start"),
    "metric": ("指标", "指标名称", "kpi", "metric"),
    # Parts of a period written in two columns. 月份, month, 周, week name the period itself
    # unless a year column stands beside them (``_split_period``).
    "year": ("年度", "年份", "年", "财年", "year", "fiscal year", "fy", "yr"),
    "quarter": ("季度", "季", "quarter", "qtr", "fiscal quarter"),
    "month": ("月序号", "month number", "month no"),
    "week": ("周次", "第几周", "week number", "week no", "wk"),
    "value": ("实际值", "数值", "值", "实际", "value", "actual"),
    "target": ("目标", "目标值", "target", "goal value"),
    "date": ("辅导日期", "面谈日期", "日期", "date", "session date"),
    "type": ("类型", "辅导类型", "面谈类型", "type", "session type"),
    "model": ("模型", "辅导模型", "model", "coaching model"),
    "coach": ("辅导人", "教练", "面谈人", "coach", "coached by"),
    "notes": ("备注", "记录", "内容", "纪要", "notes", "summary", "comments"),
    "objective": ("目标", "目标名称", "objective"),
    "key_result": ("关键结果", "kr", "key result"),
    "weight": ("权重", "weight"),
    "due_date": ("截止日期", "完成期限", "due", "due date", "deadline"),
    "progress": ("进度", "完成度", "progress"),
    "n_events": ("n_events", "事件数"),
    "partial": ("partial", "不完整期间"),
}

# Units in ASCII or full-width brackets: (min), \uff08分钟\uff09, [sec], \u3010元\u3011.
_OPEN, _CLOSE = "(\\[\uff08\u3010", ")\\]\uff09\u3011"
_UNIT = re.compile(rf"^(.*?)\s*[{_OPEN}]\s*([^{_OPEN}{_CLOSE}]+?)\s*[{_CLOSE}]\s*$")
_PART_WORDS: dict[str, tuple[str, ...]] = {
    "quarter": ("季度", "quarter", "qtr"), "month": ("月份", "月", "month"),
    "week": ("周次", "周", "week", "wk"),
}
# Header words that name some other record's id or code: never a metric of a wide file.
_ID_LIKE = re.compile(r"(id|no|code|编号|编码|代码|号)$")


def normalise_header(header: object) -> str:
    """NFKC, lowercase, without spaces, punctuation or underscores: ``Emp_ID `` -> ``empid``."""
    text = unicodedata.normalize("NFKC", str(header)).lower()
    return re.sub(r"[\W_]+", "", text)


def split_unit(header: str) -> tuple[str, str | None]:
    """``平均处理时长(分钟)`` -> ``("平均处理时长", "分钟")``; no unit -> ``(header, None)``."""
    text = str(header).strip()
    match = _UNIT.match(text)
    if not match or not match.group(1).strip():
        return text, None
    return match.group(1).strip(), match.group(2).strip()


def _build_lookup(kind: str) -> dict[str, tuple[str, int]]:
    """normalised synonym -> (field, rank) for the fields of one kind."""
    lookup: dict[str, tuple[str, int]] = {}
    for field in FIELDS[kind]:
        for rank, word in enumerate(SYNONYMS[field]):
            lookup.setdefault(normalise_header(word), (field, rank))
    return lookup


_LOOKUP: dict[str, dict[str, tuple[str, int]]] = {k: _build_lookup(k) for k in FIELDS}
_ALL_WORDS: frozenset[str] = frozenset(w for lk in _LOOKUP.values() for w in lk)


def _match(column: str, kind: str) -> tuple[str, int] | None:
    """(field, rank) a header names in ``kind``, trying it with and without its unit."""
    lookup = _LOOKUP[kind]
    hit = lookup.get(normalise_header(column))
    return hit if hit is not None else lookup.get(normalise_header(split_unit(column)[0]))


def is_known_header(column: object) -> bool:
    """True when the header is a synonym of some field of some kind."""
    if column is None:
        return False
    text = str(column)
    return bool({normalise_header(text), normalise_header(split_unit(text)[0])} & _ALL_WORDS)


def header_score(cells: Iterable[object]) -> int:
    """How many cells of a row are known headers: the header row has the most."""
    return sum(is_known_header(c) for c in cells)


def _matches(columns: Sequence[str], kind: str) -> dict[str, str]:
    """Each field of ``kind`` -> the best column naming it (most specific synonym wins)."""
    best: dict[str, tuple[int, int, str]] = {}
    for pos, col in enumerate(columns):
        hit = _match(col, kind)
        if hit is None:
            continue
        field, rank = hit
        if field not in best or (rank, pos) < best[field][:2]:
            best[field] = (rank, pos, col)
    return {field: col for field, (_, _, col) in best.items()}


def find_fields(columns: Sequence[str], kind: str) -> dict[str, str]:
    """Each field of ``kind`` a header names -> that column (the most specific synonym wins)."""
    return _matches(columns, kind)


def _is_period_like(column: str) -> bool:
    """A date-ish header such as ``ReviewDate`` or ``统计月份``: a fallback for period."""
    norm = normalise_header(split_unit(column)[0])
    return norm.endswith(("date", "日期", "month", "月份", "week", "period", "周期"))


def _period_column(columns: Sequence[str]) -> str | None:
    """The period column of a metrics file: an exact synonym, else a date-ish header."""
    found = _matches(columns, "metrics")
    if "period" in found:
        return found["period"]
    hire = found.get("hire_date")
    return next((c for c in columns if c != hire and _is_period_like(c)), None)


def _wide_candidates(columns: Sequence[str]) -> list[str]:
    """Columns of a would-be metrics file that name no known field: wide metric columns.

    A year, quarter, month or week column (``财年``, ``Fiscal Quarter``) or a period header
    (``2024-01``, ``Q1 2024``: periods across the columns) is never a metric.
    """
    taken = set(_matches(columns, "metrics").values()) | {_period_column(columns)}
    return [c for c in columns if c not in taken and not is_known_header(c)
            and not _ID_LIKE.search(normalise_header(split_unit(c)[0]))
            and part_word(c) is None and not normalise_header(c).endswith(("year", "年度"))
            and read_period(c) is None]


def part_word(column: str) -> str | None:
    """``quarter``, ``month`` or ``week`` when a header ends with a word for one (``统计月份``)."""
    norm = normalise_header(split_unit(column)[0])
    return next((part for part, words in _PART_WORDS.items() if norm.endswith(words)), None)


def _split_period(matches: dict[str, str], sample: object | None) -> None:
    """Next to a year column, a ``月份``/``周``/``Quarter`` column holding 1-12, Q1 or W05 (not
    ``2024-01``) is that part of the year, not the period itself."""
    column = matches.get("period")
    if "year" not in matches or column is None:
        return
    part = part_word(column)
    cells = [] if sample is None else pd.Series(sample[column]).dropna().head(50)
    stamps = [s for s in map(read_period, cells) if s is not None]
    if any(s.year is not None for s in stamps):
        return  # full periods: the year column is redundant
    part = part or next((s.grain for s in stamps if s.grain in _PART_WORDS), None)
    if part is not None and part not in matches:
        matches[part] = matches.pop("period")


def _lone_part(matches: dict[str, str]) -> None:
    """A quarter, month or week column without a year column (``季度``: Q1, 一季度) is the
    period itself, its year asked (``ingest.years``): never a roster's extra column."""
    part = next((p for p in PERIOD_PARTS if p in matches), None)
    if part is not None and not {"period", "year"} & matches.keys():
        matches["period"] = matches.pop(part)


def guess_kind(columns: Sequence[object]) -> str | None:
    """The import kind the headers suggest, or None when no column looks like an employee id."""
    cols = [str(c) for c in columns]
    found = {kind: set(_matches(cols, kind)) for kind in FIELDS}
    if not {"employee_id", "name"} & found["roster"]:
        return None  # neither an id nor a name column: nobody to file the rows under
    if {"objective", "key_result"} <= found["goals"]:
        return "goals"
    long_metrics = {"metric", "value"} & found["metrics"]
    # A notes column alone is weak evidence: a wide metrics report may carry 备注 too.
    coaching_signs = found["coaching"] & {"type", "model", "coach"} or (
        "notes" in found["coaching"] and not _wide_candidates(cols))
    if "date" in found["coaching"] and coaching_signs and not long_metrics:
        return "coaching"
    # Periods across the columns (``ingest.shapes.periods``) make a metrics file too.
    has_period = (_period_column(cols) is not None or "year" in found["metrics"]
                  or bool(found["metrics"] & set(PERIOD_PARTS))
                  or sum(read_period(c) is not None for c in cols) >= 2)
    if has_period and (long_metrics == {"metric", "value"} or _wide_candidates(cols)):
        return "metrics"
    # An id without a period is at least a list of employees; with one, a metrics file
    # whose metric columns are missing (check_mapping then says so clearly).
    return "metrics" if has_period else "roster"


_ROSTER_SIGNS = frozenset({"team", "manager_id", "role", "hire_date", "high_potential"})


def kind_choices(columns: Sequence[object]) -> list[str]:
    """The kinds a file could be: one when its headers decide, none when nobody is named.

    Two (metrics, roster) when only a date-ish header (``LastReviewDate``, not a period word
    nor a year column) makes it metrics while columns such as team or role make it a list of
    people: then the user says which (``--kind``), nothing is guessed.
    """
    kind = guess_kind(columns)
    if kind != "metrics":
        return [kind] if kind else []
    cols = [str(c) for c in columns]
    found = _matches(cols, "metrics")
    weak_period = not {"period", "year", "metric"} & found.keys()
    if weak_period and _ROSTER_SIGNS & found.keys():
        return ["metrics", "roster"]
    return ["metrics"]


def _looks_numeric(sample: object) -> bool:
    """True when most non-empty cells of a sample column parse as numbers."""
    cells = pd.Series(sample, dtype="object").dropna().head(200)
    if cells.empty:
        return True
    _, bad = parse_numbers(cells.astype("str"))
    return bool(bad.mean() <= 0.5)


def guess_mapping(
    columns: Sequence[object], kind: str, *, sample: object | None = None
) -> dict[str, str]:
    """Each column -> a field of ``FIELDS[kind]``, ``IGNORE`` or (metrics, wide) ``AS_METRIC``.

    ``sample`` (optional, a DataFrame of the upload) lets wide metrics skip text columns.
    """
    cols = [str(c) for c in columns]
    matches = _matches(cols, kind)
    if kind == "metrics" and "period" not in matches:
        period = _period_column(cols)
        if period is not None and period not in matches.values():
            matches["period"] = period
    if kind == "metrics":
        _split_period(matches, sample)
        _lone_part(matches)
    by_column = {col: field for field, col in matches.items()}
    wide = kind == "metrics" and not {"metric", "value"} <= matches.keys()
    candidates = set(_wide_candidates(cols)) if wide else set()
    mapping: dict[str, str] = {}
    for col in cols:
        if col in by_column:
            mapping[col] = by_column[col]
        elif col in candidates and (sample is None or _looks_numeric(sample[col])):
            mapping[col] = AS_METRIC
        else:
            mapping[col] = IGNORE
    return mapping
