"""The demo's roster and goal sheet, and the writers that make the same seed give the same bytes."""

from __future__ import annotations

import csv
import io
import random
import zipfile
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.xml.functions import tostring

from demo.cast import (
    AGENTS,
    FIXED_TIME,
    GOALS_HEADER,
    LAST_WEEK,
    NEW_HIRE_DATE,
    OKRS,
    PROGRESS,
    STORY_OF,
    TEAMS,
)


def roster_rows(rnd: random.Random) -> list[list[str]]:
    rows = [["D01", "赵敏", "", "", "客服总监", "2016-04-11", "否"]]
    for team, lead, name in TEAMS:
        hired = LAST_WEEK - timedelta(days=rnd.randint(4 * 365, 8 * 365))
        rows.append([lead, name, team, "D01", "组长", hired.isoformat(), "否"])
    for eid, name, team in AGENTS:
        story = STORY_OF.get(eid)
        hired = LAST_WEEK - timedelta(days=rnd.randint(365, 5 * 365))
        hired = NEW_HIRE_DATE if story == "new_hire" else hired
        potential = "是" if story == "star" or (not story and rnd.random() < 0.2) else "否"
        rows.append([eid, name, *TEAMS[team][:2], "客服专员", hired.isoformat(), potential])
    return rows


def goal_rows(rnd: random.Random) -> list[list[object]]:
    rows: list[list[object]] = []
    for eid, _, _ in AGENTS:
        story = STORY_OF.get(eid)
        objective, *results = OKRS.get(story, OKRS[None]).split("|")
        count = min(len(results), rnd.choice((2, 3)))
        weights = (0.6, 0.4) if count == 2 else (0.5, 0.3, 0.2)
        due = date(2026, 2, 27) if story == "new_hire" else date(2026, 3, 31)
        for result, weight in zip(results[:count], weights, strict=True):
            progress = rnd.uniform(*PROGRESS.get(story, (0.45, 0.8)))
            shown = f"{round(progress * 100)}%" if rnd.random() < 0.5 else round(progress, 2)
            rows.append([eid, objective, result, weight, due, shown])
    return rows


def write_csv(path: Path, header: list[str], rows: list[list[str]], encoding: str) -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows([header, *rows])


def write_xlsx(path: Path, rows: list[list[object]]) -> None:
    """Write the OKR sheet with fixed timestamps, so the same seed gives the same bytes."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "OKR"
    sheet.append(GOALS_HEADER)
    for row in rows:
        sheet.append(row)
        sheet.cell(sheet.max_row, 5).number_format = "yyyy-mm-dd"
        if not isinstance(row[5], str):
            sheet.cell(sheet.max_row, 6).number_format = "0%"
    workbook.save(buffer := io.BytesIO())
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    core = tostring(workbook.properties.to_tree())
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = core if info.filename == "docProps/core.xml" else src.read(info)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            dst.writestr(fixed, data, compress_type=zipfile.ZIP_DEFLATED)
