"""Generated performance reviews on arbitrary days (the shape of the Atlas HR export): per person
a few reviews some weeks or months apart, dates written M/D/YYYY, ratings 1-5."""

from __future__ import annotations

import io

import numpy as np
import openpyxl
import pandas as pd

HEADERS = ["PerformanceID", "EmployeeID", "ReviewDate", "JobSatisfaction", "ManagerRating"]


def reviews(gap_days: tuple[int, int], people: int = 30, seed: int = 5) -> pd.DataFrame:
    """One row per review: person, date (Timestamp), two ratings; dates ``gap_days`` apart."""
    rng = np.random.default_rng(seed)
    rows = []
    for p in range(people):
        day = pd.Timestamp("2022-01-03") + pd.Timedelta(days=int(rng.integers(0, 60)))
        for _ in range(int(rng.integers(2, 7))):
            rows.append((f"{p:02d}A-{p * 7 % 97:02d}B", day, int(rng.integers(1, 6)),
                         int(rng.integers(2, 6))))
            day += pd.Timedelta(days=int(rng.integers(*gap_days)))
    frame = pd.DataFrame(rows, columns=HEADERS[1:])
    frame.insert(0, "PerformanceID", [f"PR{i + 1}" for i in range(len(frame))])
    return frame


def csv_bytes(truth: pd.DataFrame) -> bytes:
    """CRLF, dates M/D/YYYY without zero padding, as the export writes them."""
    shown = truth.assign(ReviewDate=[f"{d.month}/{d.day}/{d.year}" for d in truth["ReviewDate"]])
    return shown.to_csv(index=False, lineterminator="\r\n").encode()


def xlsx_bytes(truth: pd.DataFrame) -> bytes:
    """The same as a workbook with real date cells."""
    wb = openpyxl.Workbook()
    wb.active.title = "Reviews"
    wb.active.append(HEADERS)
    for row in truth.itertuples(index=False):
        wb.active.append([row[0], row[1], row[2].to_pydatetime(), row[3], row[4]])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def expected(truth: pd.DataFrame, grain: str) -> dict[tuple, float]:
    """(person, period start 'YYYY-MM-DD', metric) -> mean rating, by pandas on the truth."""
    freq = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q"}[grain]
    start = truth["ReviewDate"].dt.to_period(freq).dt.start_time.dt.strftime("%Y-%m-%d")
    long = truth.assign(period=start).melt(["EmployeeID", "period"],
                                           ["JobSatisfaction", "ManagerRating"], "metric")
    means = long.groupby(["EmployeeID", "period", "metric"])["value"].mean()
    return {k: float(v) for k, v in means.items()}


def median_gap(truth: pd.DataFrame) -> int:
    """The median over people of the median days between a person's review dates."""
    per = truth.sort_values("ReviewDate").groupby("EmployeeID")["ReviewDate"].apply(
        lambda d: d.diff().dt.days.dropna().median())
    return int(per.median())
