"""Texts of the settings registry (reports.settings): units and allowed ranges, for the settings
page's help and ``cli.py settings``."""

TEXTS: dict[str, tuple[str, str]] = {
    "settings.range": ("Allowed: {rule}.", "允许范围：{rule}。"),
    "settings.range.rule": ("{rule} ({unit})", "{rule}（{unit}）"),
    "settings.refused": ("{label} cannot be {value}; allowed: {rule}",
                         "{label}不能为 {value}，允许范围：{rule}"),
    "settings.refused.pair": (
        "two settings disagree (the long trend window is shorter than the short one, or red "
        "starts above green, or the OKR colours overlap)",
        "几项设置互相矛盾（长趋势窗口短于短窗口、红色线高于绿色线，或 OKR 颜色区间重叠）"),
    "settings.range.low": ("at least {x}", "不小于 {x}"),
    "settings.range.low_open": ("over {x}", "大于 {x}"),
    "settings.range.high": ("at most {x}", "不大于 {x}"),
    "settings.range.high_open": ("under {x}", "小于 {x}"),
    "settings.range.and": (" and ", " 且"),
    "settings.range.any": ("any number", "任意数值"),
    "settings.unit.share": ("a share: 0.8 = 80%", "比例：0.8 即 80%"),
    "settings.unit.ratio": ("times", "倍"),
    "settings.unit.periods": ("periods", "期"),
    "settings.unit.months": ("months", "个月"),
    "settings.unit.days": ("days", "天"),
    "settings.unit.events": ("events", "条记录"),
    "settings.unit.z": ("standard deviations from the team's mean", "偏离团队均值的标准差"),
    "settings.unit.p": ("a significance level", "显著性水平"),
}
