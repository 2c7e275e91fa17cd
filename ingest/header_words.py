"""The words of column headers: each field's synonyms, normalising a header, splitting off its
unit, and which field (of which kind) a header names. ``ingest.headers`` guesses from these."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from ingest.fields import FIELDS

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
    # unless a year column stands beside them (``ingest.headers._split_period``).
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
PART_WORDS: dict[str, tuple[str, ...]] = {
    "quarter": ("季度", "quarter", "qtr"), "month": ("月份", "月", "month"),
    "week": ("周次", "周", "week", "wk"),
}


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


def find_fields(columns: Sequence[str], kind: str) -> dict[str, str]:
    """Each field of ``kind`` a header names -> that column (the most specific synonym wins)."""
    best: dict[str, tuple[int, int, str]] = {}
    for pos, col in enumerate(columns):
        hit = _match(col, kind)
        if hit is None:
            continue
        field, rank = hit
        if field not in best or (rank, pos) < best[field][:2]:
            best[field] = (rank, pos, col)
    return {field: col for field, (_, _, col) in best.items()}


def part_word(column: str) -> str | None:
    """``quarter``, ``month`` or ``week`` when a header ends with a word for one (``统计月份``)."""
    norm = normalise_header(split_unit(column)[0])
    return next((part for part, words in PART_WORDS.items() if norm.endswith(words)), None)
