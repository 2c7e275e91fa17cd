"""Texts of event-log imports: key -> (en, zh).

The low-volume setting, the mapping fields an events import writes, and the marks of values
from few events or of a period the file covered only in part.
"""

# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "thresholds.min_events": ("Fewest events behind a value", "每个数值最少事件数"),
    "thresholds.min_events.help": (
        "For figures computed from a log of calls, tickets or deals: a value from fewer events "
        "than this is low-volume. It is marked in tables and left out of trends and flags.",
        "适用于由通话、工单或商机明细汇总出的指标：事件数少于此值的数值属于样本过少，"
        "在表格中标注，并且不计入趋势和预警。"),
    "field.n_events": ("Number of events behind the value", "数值对应的事件数"),
    "field.partial": ("Period only partly in the file", "期间数据不完整"),
    "volume.partial": ("partial period: not compared", "期间不完整：未参与比较"),
    "volume.col": ("Latest period", "最近一期"),
    "volume.latest_low": ("only {n} events: not compared", "仅 {n} 个事件：未参与比较"),
}
