"""Texts about periods: the year/quarter/month/week fields, period labels and grain words."""

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

TEXTS: dict[str, tuple[str, str]] = {
    "field.year": ("Year", "年度"),
    "field.quarter": ("Quarter (with a year column)", "季度（配合年度列）"),
    "field.month": ("Month (with a year column)", "月份（配合年度列）"),
    "field.week": ("Week of the year (with a year column)", "周次（配合年度列）"),
    # one period's label (reports.periods.period_label); {month} is a period.mN text
    "period.week": ("week of {day} {month}", "{month}月{day}日当周"),
    "period.week_year": ("week of {day} {month} {year}", "{year}年{month}月{day}日当周"),
    "period.month": ("{month} {year}", "{year}年{month}月"),
    "period.quarter": ("{year} Q{q}", "{year}年第{q}季度"),
    "period.year": ("{year}", "{year}年"),
    # a month in a label: its short name, or its number before 月
    **{f"period.m{n}": (name, str(n)) for n, name in enumerate(_MONTHS, start=1)},
    # the same as plotly (d3) date formats, for a chart's hover
    "period.hover.day": ("%Y-%m-%d", "%Y-%m-%d"),
    "period.hover.week": ("week of %-d %b %Y", "%Y年%-m月%-d日当周"),
    "period.hover.month": ("%b %Y", "%Y年%-m月"),
    "period.hover.quarter": ("%Y Q%q", "%Y年第%q季度"),
    "period.hover.year": ("%Y", "%Y年"),
    # several periods, by the data's grain (reports.periods.grain_units)
    "grain.units.day": ("periods", "期"),
    "grain.units.week": ("weeks", "周"),
    "grain.units.month": ("months", "个月"),
    "grain.units.quarter": ("quarters", "个季度"),
    "grain.units.year": ("years", "年"),
}
