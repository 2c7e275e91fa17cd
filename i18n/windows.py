"""What a number is about: the periods it covers ("last 4 weeks", "week of 29 Dec 2025"), gaps
in words by direction, strengths that are strengths, the trend tests' false-discovery control,
the tracking table's baseline and the HR page's sample. key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    # settings: the false-discovery control of the trend tests (item 12)
    "thresholds.trend_fdr_q": ("Trend tests: false-discovery rate", "趋势检验：错误发现率"),
    "thresholds.trend_fdr_q.help": (
        "A trend or turning point runs as a test for every person and metric. Across a team's "
        "tests at most this share of the alarms is expected to be false (Benjamini-Hochberg); "
        "1 switches the control off.",
        "每个人、每项指标都要做一次趋势/拐点检验。在一个团队的全部检验中，预计误报占报警的"
        "比例不超过此值（Benjamini-Hochberg 方法）；设为 1 即关闭此控制。"),
    # windows (item 7): headers say which periods a number is about
    "window.recent.day": ("last {n} days", "近 {n} 天"),
    "window.recent.week": ("last {n} weeks", "近 {n} 周"),
    "window.recent.month": ("last {n} months", "近 {n} 个月"),
    "window.recent.quarter": ("last {n} quarters", "近 {n} 个季度"),
    "window.recent.year": ("last {n} years", "近 {n} 年"),
    "window.in.day": ("on {day}", "{day}"),
    "window.in.week": ("in the {day}", "{day}"),
    "window.in.month": ("in {day}", "{day}"),
    "window.in.quarter": ("in {day}", "{day}"),
    "window.in.year": ("in {day}", "{day}"),
    "window.latest.day": ("latest day", "最近一天"),
    "window.latest.week": ("latest week", "最近一周"),
    "window.latest.month": ("latest month", "最近一个月"),
    "window.latest.quarter": ("latest quarter", "最近一个季度"),
    "window.latest.year": ("latest year", "最近一年"),
    "window.range": ("{start} to {end}", "{start} 至 {end}"),
    "numbers.team_title": ("Against the team · {window} ({range})", "与团队相比 · {window}（{range}）"),
    "numbers.team_title_all": ("Against everyone (no team) · {window} ({range})",
                               "与全体相比（无团队）· {window}（{range}）"),
    "numbers.team_note": (
        "Each person's mean over these periods, against the team's means over the same periods.",
        "每人在这些期间的平均值，与团队同期平均值相比。"),
    "numbers.target_title": ("Against the target · {window}", "与目标相比 · {window}"),
    "numbers.target_note": (
        "Value, attainment and gap all of the same period.", "数值、达成率和差距都是同一期的。"),
    "numbers.col.mean": ("Mean, {window}", "{window}平均"),
    "numbers.col.team_mean": ("Team mean, {window}", "团队{window}平均"),
    "numbers.col.team_best": ("Team best, {window}", "团队{window}最佳"),
    "numbers.col.all_mean": ("Everyone's mean, {window}", "全体{window}平均"),
    "numbers.col.all_best": ("Everyone's best, {window}", "全体{window}最佳"),
    "numbers.col.percentile_all": ("Percentile among everyone", "全体中的百分位"),
    "numbers.col.percentile": ("Percentile in team", "团队内百分位"),
    "numbers.col.z": ("z (+ = better)", "z 值（+ 更好）"),
    "numbers.col.trend": ("Trend, last {n} months", "趋势（近 {n} 个月）"),
    "numbers.col.value": ("Value, {window}", "{window}数值"),
    "numbers.col.period": ("Period", "期间"),
    "numbers.col.target": ("Target", "目标"),
    "numbers.col.attainment": ("Attainment", "达成率"),
    "numbers.col.gap": ("Gap to target", "与目标的差距"),
    "numbers.col.streak": ("Periods in a row under {ratio} of target", "连续低于目标 {ratio} 的期数"),
    # gaps in words (item 8): by the metric's direction, never a signed number
    "gap.higher.above": ("{amount} above target", "高于目标 {amount}"),
    "gap.higher.below": ("short by {amount} ({share})", "距目标还差 {amount}（{share}）"),
    "gap.lower.above": ("{amount} over the target", "超出目标 {amount}"),
    "gap.lower.below": ("{amount} under the target", "低于目标 {amount}"),
    "gap.on": ("on target", "正好达标"),
    "gap.none": ("no target", "无目标"),
    # strengths that are strengths (item 9)
    "score.z": ("z {z}", "z 值 {z}"),
    "score.pct": ("percentile {pct}", "百分位 {pct}"),
    "strength.team": ("{metric} ({score}, above the team)", "{metric}（{score}，高于团队）"),
    "strength.target": ("{metric} ({attainment} of target {latest}; {score})",
                        "{metric}（{latest}达成目标的 {attainment}；{score}）"),
    "weakness.team": ("{metric} ({score}, below the team)", "{metric}（{score}，低于团队）"),
    "weakness.target": ("{metric} ({attainment} of target {latest}; {score})",
                        "{metric}（{latest}达成目标的 {attainment}；{score}）"),
    "strength.none": ("No metric above the team or at target yet; closest: {metric}, {score}",
                      "暂无高于团队或达到目标的指标；最接近的是：{metric}，{score}"),
    "strength.none_plain": ("No metric above the team or at target yet",
                            "暂无高于团队或达到目标的指标"),
    "weakness.none": ("No metric below the team or under target", "没有低于团队或未达目标的指标"),
    "mchart.strength_target": ("strength: at target", "优势：达到目标"),
    "numbers.strength": ("Strength", "优势"),
    "numbers.weakness": ("Weakness", "短板"),
    # the tracking table's baseline, on the flag's own window (item 7)
    "numbers.progress.mean": ("Not started; baseline {value} (mean of the last {n} {units} to "
                              "{end})", "未开始；基线 {value}（截至{end}的近 {n} {units}平均）"),
    "numbers.progress.latest": ("Not started; baseline {value} ({period})",
                                "未开始；基线 {value}（{period}）"),
    # GROW with one basis per number (item 7)
    "numbers.grow.G": (
        "Over the last {n} {units} your {metric} averaged {value} (team {team}); {latest} it "
        "was {latest_value} against a target of {target}. Where would you like it to be by "
        "{deadline}?",
        "近 {n} {units}你的{metric}平均为 {value}（团队 {team}）；{latest}为 {latest_value}，"
        "目标 {target}。到 {deadline} 你希望达到多少？"),
    "numbers.grow.G.notarget": (
        "Over the last {n} {units} your {metric} averaged {value} against the team's {team}. "
        "Where would you like it to be by {deadline}?",
        "近 {n} {units}你的{metric}平均为 {value}，团队平均 {team}。到 {deadline} 你希望"
        "达到多少？"),
    # the HR page (item 13): what n rests on, and nothing to measure without sessions
    "impact.reading_no_sessions": (
        "Nobody in this selection had a coaching session in the period: there is nothing to "
        "measure yet. Log the talks (or import a coaching log) and look again.",
        "本筛选中没有人在此期间接受过辅导：暂时没有可衡量的内容。请先记录辅导（或导入辅导记录）"
        "后再来查看。"),
    "impact.reading_same_sessions": (
        "Everyone counted had the same number of sessions: a relation with how often people "
        "are coached cannot be measured.",
        "计入的每个人辅导次数都相同：无法衡量辅导频次与绩效变化的关系。"),
    "impact.reading_too_few": (
        "Fewer than 4 people have a performance change: too few to measure a relation.",
        "有绩效变化数据的不足 4 人：人数太少，无法衡量关系。"),
    "impact.sample_all": ("n = {n}: everyone with metric values in this selection is counted.",
                          "n = {n}：本筛选中有指标数据的每个人都已计入。"),
    "impact.sample": (
        "n = {n} of the {headcount} people with metric values in this selection. Not counted: "
        "{why}.",
        "n = {n}，本筛选中有指标数据的共 {headcount} 人。未计入：{why}。"),
    "impact.why.no_values": ("{k} without metric values in the period",
                             "{k} 人在此期间没有指标数据"),
    "impact.why.alone_in_team": (
        "{k} alone in their team (a standard score needs colleagues to compare with)",
        "{k} 人所在团队只有自己（标准分需要同事作比较）"),
    "impact.why.no_score": ("{k} whose metrics have no target or no spread in the team",
                            "{k} 人的指标没有目标或团队内没有差异"),
    "impact.why.one_part": ("{k} with data in only one part of the period (before or after)",
                            "{k} 人只有期间前段或后段的数据"),
}
