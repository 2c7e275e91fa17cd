"""Texts added while looking at every page after the refactors (helper polish): key -> (en, zh)."""

TEXTS: dict[str, tuple[str, str]] = {
    # a red key result on the board's alerts: the goals table keeps only its current progress
    "board.alerts.no_history": ("not kept (progress only)", "无历史(仅当前进度)"),
    # a time axis's ticks less than a month apart name the day ("7 Jul"), else the month
    "axis.tick.day": ("%-d %b", "%-m月%-d日"),
}
