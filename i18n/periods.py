"""Texts about periods: the year/quarter/month/week fields, period labels and grain words."""

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
    "period.m1": ("Jan", "1"),
    "period.m2": ("Feb", "2"),
    "period.m3": ("Mar", "3"),
    "period.m4": ("Apr", "4"),
    "period.m5": ("May", "5"),
    "period.m6": ("Jun", "6"),
    "period.m7": ("Jul", "7"),
    "period.m8": ("Aug", "8"),
    "period.m9": ("Sep", "9"),
    "period.m10": ("Oct", "10"),
    "period.m11": ("Nov", "11"),
    "period.m12": ("Dec", "12"),
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
    # a week on a chart's time axis: short enough to stand upright on a phone; the hover keeps
    # the full "week of 29 Dec 2025"
    "period.tick.week": ("{day} {month}", "{month}月{day}日"),
    # the data's grain inside a sentence: per one (unit) and a count of several (units)
    "unit.day": ("day", "天"),
    "units.day": ("days", "天"),
    "unit.week": ("week", "周"),
    "units.week": ("weeks", "周"),
    "unit.month": ("month", "月"),
    "units.month": ("months", "个月"),
    "unit.quarter": ("quarter", "季度"),
    "units.quarter": ("quarters", "个季度"),
    "unit.year": ("year", "年"),
    "units.year": ("years", "年"),
}
