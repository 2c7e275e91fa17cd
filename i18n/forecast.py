"""Texts of forecasts to target: key -> (en, zh)."""

# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "forecast.line": ("Forecast", "预测"),
    "forecast.band": ("Forecast {level} interval", "预测 {level} 区间"),
    "forecast.status.on_track": ("on track", "有望达标"),
    "forecast.status.at_risk": ("at risk", "有风险"),
    "forecast.status.likely_to_miss": ("likely to miss", "可能无法达标"),
    "forecast.col.outlook": ("Target outlook", "目标展望"),
    "forecast.col.chance": ("Chance of reaching target", "达成目标的概率"),
    "forecast.grain.month": ("month", "月"),
    "forecast.grain.quarter": ("quarter", "季度"),
    "forecast.grain.year": ("year", "年度"),
    "forecast.board.caption": (
        "Target outlook for the {grain} from {start}, forecast from each person's own history: "
        "{on_track} on track (at least an even chance of the whole target), {at_risk} at risk, "
        "{likely_to_miss} likely to miss (flagged on the team overview).",
        "自 {start} 起这一{grain}的目标展望（按每人自己的历史预测）：{on_track} 人有望达标（达成全部目标的"
        "概率不低于一半），{at_risk} 人有风险，{likely_to_miss} 人可能无法达标（已在团队概览中预警）。"),
    "digest.misses.title": ("Likely to miss target", "可能无法达成目标"),
    "digest.misses.summary": (
        "{n} forecasts say this period's target will likely be missed (the overview's flag).",
        "{n} 项预测显示本期目标可能无法达成（即团队概览中的预警）。"),
    "digest.misses.line": ("{person}: {evidence}", "{person}：{evidence}"),
    "mgr.reason.likely_to_miss_target": ("Likely to miss target", "可能无法达成目标"),
    "thresholds.forecast_min_periods": ("Forecast: fewest periods of history", "预测：最少历史期数"),
    "thresholds.forecast_min_periods.help": (
        "No forecast for a person and metric with fewer values than this (at least 6: the "
        "model is chosen by how well it forecast the person's own past values).",
        "某人某指标的历史数值少于此数时不做预测（至少 6 期：模型按其对本人历史数值的预测误差选出）。"),
    "thresholds.forecast_interval": ("Forecast: interval coverage", "预测：区间覆盖率"),
    "thresholds.forecast_interval.help": (
        "The share of later values the forecast's interval should hold (0.8 = an 80% interval).",
        "预测区间应覆盖的后续实际值比例（0.8 = 80% 区间）。"),
    "thresholds.forecast_miss_p": ("Likely to miss: chance under", "可能无法达标：概率低于"),
    "thresholds.forecast_miss_p.help": (
        "Flag 'likely to miss target' when the forecast's chance of reaching the under-target "
        "share of this month's (quarter's) target is below this (0.3 = 30%).",
        "预测达到本月（本季度）目标的“未达标比例线”的概率低于此值时，发出“可能无法达成目标”预警"
        "（0.3 = 30%）。"),
}
