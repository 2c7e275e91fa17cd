"""Texts added by the one-pass look at every page (qa): short period ticks for chart axes."""

TEXTS: dict[str, tuple[str, str]] = {
    # a week on a chart's time axis: short enough to stand upright on a phone; the hover keeps
    # the full "week of 29 Dec 2025"
    "period.tick.week": ("{day} {month}", "{month}月{day}日"),
}
