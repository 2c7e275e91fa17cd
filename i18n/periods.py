"""Texts about periods: the year/quarter/month/week fields, period labels and grain words."""

TEXTS: dict[str, tuple[str, str]] = {
    "field.year": ("Year", "年度"),
    "field.quarter": ("Quarter (with a year column)", "季度（配合年度列）"),
    "field.month": ("Month (with a year column)", "月份（配合年度列）"),
    "field.week": ("Week of the year (with a year column)", "周次（配合年度列）"),
}
