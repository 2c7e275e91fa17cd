"""The evidence of each flag (analytics.flags and its rules), the facts behind it in numbers:
key -> (en, zh). The rules fill in the numbers in both languages through ``i18n.t``."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    # one sentence per flag's reason: facts, not opinions; {units} and {unit} are the data's grain
    "evidence.below_target_streak": (
        "{metric} {value} vs target {target} ({attainment} of target), under {ratio} of target for "
        "{n} {units} since {since}",
        "{metric} {value}，目标 {target}（达成 {attainment}），自 {since} 起连续 {n} {units}低于目标的 {ratio}",
    ),
    "evidence.declining_trend.turn": (
        "{metric} {value} vs team {team} (mean of the last {w} {units}), worse since {since} "
        "(level {before} -> {after}; {p}{fdr})",
        "{metric} 近 {w} {units}平均 {value}，团队 {team}，自 {since} 起变差（水平 {before} → {after}；{p}{fdr}）",
    ),
    "evidence.declining_trend.slope": (
        "{metric} {value} vs team {team} (mean of the last {w} {units}), getting worse by {slope} "
        "per {unit} over the last {n} {units} ({p}{fdr})",
        "{metric} 近 {w} {units}平均 {value}，团队 {team}，近 {n} {units}每{unit}变差 {slope}（{p}{fdr}）",
    ),
    "evidence.below_team": (
        "{metric} {value} vs team {team} (mean of the last {w} {units}; team best {best}, z {z}, "
        "percentile {pct})",
        "{metric} 近 {w} {units}平均 {value}，团队平均 {team}（团队最佳 {best}，z 值 {z}，百分位 {pct}）",
    ),
    "evidence.efficiency_quality_imbalance": (
        "{eff} {eff_value} is among the team's best (percentile {eff_pct}, team {eff_team}) but "
        "{metric} {value} is among the lowest (percentile {pct}, team {team})",
        "{eff} {eff_value} 位居团队前列（百分位 {eff_pct}，团队 {eff_team}），但 {metric} {value} 排名靠后（百分位 {pct}，团队"
        " {team})",
    ),
    "evidence.volatile": (
        "{metric} swings {value} from {unit} to {unit}, {ratio}x the team's typical {team}",
        "{metric} 每{unit}波动 {value}，是团队常见水平 {team} 的 {ratio} 倍",
    ),
    "evidence.new_hire_uncoached": (
        "Hired {hire} ({days} days ago), no coaching session within the first {limit} days",
        "{hire} 入职（{days} 天），入职 {limit} 天内没有辅导记录",
    ),
    "evidence.coaching_overdue.formal": (
        "No formal review this quarter (since {quarter})",
        "本季度（自 {quarter} 起）尚无正式面谈",
    ),
    "evidence.coaching_overdue.contact": (
        "Last contact {days} days ago (policy: every {limit} days)",
        "上次沟通在 {days} 天前（要求每 {limit} 天至少一次）",
    ),
    "evidence.coaching_overdue.never": ("No coaching session on record", "没有任何辅导记录"),
    # the trend tests' false-discovery control, appended to a trend's p
    "evidence.fdr": (
        ", still significant among the team's {m} trend tests at a false-discovery rate of {q}",
        "，在团队 {m} 项趋势检验中按 {q} 的错误发现率控制后仍显著",
    ),
    # analytics.forecast_flags: the chance, the forecast and its backtest, then the run-rate
    "evidence.likely_to_miss_target": (
        "{metric}: {p} chance of reaching {ratio} of {span}'s target {target} (expected "
        "{expected}, {level} interval {low} to {high}; model {model}, one-step backtest MAE {mae}, "
        "n={mae_n}); {needs}",
        "{metric}：{span}目标 {target}，达到目标 {ratio} 的概率为 {p}（预计 {expected}，{level} 区间 {low} 至 {high}；模"
        "型 {model}，单步回测平均绝对误差 {mae}，n={mae_n}）；{needs}",
    ),
    "evidence.likely_to_miss_target.sum": (
        "needs {needed} a {unit} for the next {left} {units}; has averaged {recent} over the last "
        "{n} {units}",
        "接下来 {left} {units}每{unit}需要 {needed}；近 {n} {units}平均 {recent}",
    ),
    "evidence.likely_to_miss_target.mean": (
        "needs an average of {needed} over the next {left} {units}; has averaged {recent} over the "
        "last {n} {units}",
        "接下来 {left} {units}平均需要 {needed}；近 {n} {units}平均 {recent}",
    ),
    "evidence.likely_to_miss_target.lower": (
        "needs an average of at most {needed} over the next {left} {units}; has averaged {recent} "
        "over the last {n} {units}",
        "接下来 {left} {units}平均需不高于 {needed}；近 {n} {units}平均 {recent}",
    ),
    # the span a target covers and the forecast's model, inside the sentence above
    "evidence.span.month": ("this month", "本月"),
    "evidence.span.quarter": ("this quarter", "本季度"),
    "evidence.span.year": ("this year", "本年度"),
    "evidence.model.last": ("last value", "上期值"),
    "evidence.model.mean": ("mean of the last 4", "近 4 期均值"),
    "evidence.model.trend": ("line through the last 8", "近 8 期线性趋势"),
    "evidence.model.smooth": ("exponential smoothing", "指数平滑"),
}
