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
        "Forecasts that say this period's target will likely be missed: {n} (the overview's "
        "flag).",
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
    # what if a level moves (reports.forecast_whatif)
    "wi.title": ("What if …", "假如……"),
    "wi.intro": (
        "Move one metric's level by an amount from the next period on and see how the forecast "
        "and the chances of reaching target change.",
        "让某项指标的水平从下一期起变化一个幅度，看预测值和达成目标的概率会怎样变化。"),
    "wi.metric": ("Metric", "指标"),
    "wi.shift": ("Change of level, in the metric's own unit", "水平变化（按该指标自身的单位）"),
    "wi.shift.help": (
        "+5 on a rate in % means 5 points higher; a negative number lowers the level. It applies "
        "to every period from the next one on.",
        "对以 % 表示的比率，+5 表示提高 5 个百分点；负数表示降低。从下一期起的每一期都按此变化。"),
    "wi.none": (
        "No what-if yet: none of this person's metrics has a forecast (it needs at least {n} "
        "periods of history).",
        "暂时无法假设：此人没有任何指标有预测（至少需要 {n} 期历史数据）。"),
    "wi.row.next": ("Next value ({period})", "下一期（{period}）"),
    "wi.row.period": ("The {span} from {start} (target {target})",
                      "自 {start} 起的这一{span}（目标 {target}）"),
    "wi.row.p_ratio": ("Chance of reaching {ratio} of target", "达成目标 {ratio} 的概率"),
    "wi.row.p_target": ("Chance of reaching the whole target", "达成全部目标的概率"),
    "wi.col.what": ("Forecast of", "预测项"),
    "wi.col.base": ("As forecast (interval)", "按现有预测（区间）"),
    "wi.col.shifted": ("If the level moves {shift} (interval)", "若水平变化 {shift}（区间）"),
    "wi.col.change": ("Change", "变化"),
    "wi.points": ("{n} points", "{n} 个百分点"),
    "wi.assumes": (
        "Assumes: {metric} moves by {shift} from the next period on and stays moved in every "
        "later one; everything else stays as in this person's own history: the same ups and "
        "downs (the interval keeps its width), the periods already reported as they are, and "
        "the other metrics unchanged (a link between metrics is not modelled).",
        "假设：{metric} 从下一期起变化 {shift}，并在之后每一期都保持；其余一切都与此人自己的历史相同："
        "波动幅度不变（区间宽度不变），已报告的各期保持原值，其他指标不变（不模拟指标之间的关联）。"),
    "wi.cannot": (
        "Cannot prove: this is arithmetic on the forecast, not evidence. It does not show that "
        "coaching, or anything else, will bring the change, nor how likely a change of {shift} "
        "is.",
        "无法证明：这只是对预测的推算，不是证据。它不能说明辅导或其他任何做法会带来这一变化，"
        "也不能说明变化 {shift} 的可能性有多大。"),
    "wi.beyond": (
        "The new level, {level} (recent average {recent}, {shift}), is better than any average "
        "of {n} consecutive {units} in their history (best {best}): a change they have not "
        "shown before.",
        "新的水平 {level}（近期平均 {recent}，{shift}）好于其历史上任何连续 {n} {units}的平均"
        "（最好为 {best}）：这是其从未达到过的变化。"),
    "wi.within": (
        "The new level, {level} (recent average {recent}, {shift}), is within what they have "
        "reached before (best average of {n} consecutive {units}: {best}).",
        "新的水平 {level}（近期平均 {recent}，{shift}）在其曾经达到的范围之内（连续 {n} {units}"
        "的最好平均为 {best}）。"),
    "wi.no_target": (
        "{metric} has no target: only the forecast moves; there is no chance of reaching a "
        "target to compare.",
        "{metric} 没有目标：只有预测值变化，没有达成目标的概率可比较。"),
    "wi.cli.bad": (
        "--what-if wants METRIC=AMOUNT, e.g. 首次解决率=+5 (an amount in the metric's own unit), "
        "not {text!r}.",
        "--what-if 的格式应为 指标=幅度，例如 首次解决率=+5（按该指标自身的单位），而不是 {text!r}。"),
    "wi.cli.unknown": ("No values of {metric!r} to forecast. Metrics: {known}.",
                       "没有可预测的 {metric!r} 数据。现有指标：{known}。"),
}
