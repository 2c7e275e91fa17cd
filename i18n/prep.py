"""The one-employee coaching prep (the employee page and the brief): the problem and
tracking tables, GROW prompts, the summary. key -> (English, 简体中文)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    # the problem table: dimension (what area), what is observed, priority
    "prep.dimension.efficiency": ("Efficiency: {metric}", "效率：{metric}"),
    "prep.dimension.quality": ("Quality: {metric}", "质量：{metric}"),
    "prep.dimension.output": ("Output: {metric}", "产出：{metric}"),
    "prep.dimension.other": ("Result: {metric}", "结果：{metric}"),
    "prep.dimension.onboarding": ("Onboarding", "新人融入"),
    "prep.dimension.cadence": ("Coaching cadence", "辅导频率"),
    "prep.observed.below_target_streak": (
        "Under {ratio} of target for {n} {units} in a row",
        "连续 {n} {units}低于目标的 {ratio}",
    ),
    "prep.observed.declining_trend": ("Getting worse since {since}", "自 {since} 起持续变差"),
    "prep.observed.below_team": ("In the team's bottom quarter", "处于团队后 25%"),
    "prep.observed.efficiency_quality_imbalance": (
        "Fast on {eff} but weak on {metric}",
        "{eff} 很快，但 {metric} 偏低",
    ),
    "prep.observed.volatile": ("Swings from {unit} to {unit}", "每{unit}波动大"),
    "prep.observed.new_hire_uncoached": (
        "New hire without a first coaching session",
        "新员工尚未进行首次辅导",
    ),
    "prep.observed.coaching_overdue": ("Coaching is overdue", "辅导已逾期"),
    "prep.observed.likely_to_miss_target": (
        "Forecast to end this period under {ratio} of target",
        "预测本期结束时低于目标的 {ratio}",
    ),
    "prep.priority.high": ("High", "高"),
    "prep.priority.medium": ("Medium", "中"),
    "prep.priority.low": ("Low", "低"),
    # the tracking table
    "prep.goal.level": (
        "{metric} from {value} to {goal} ({basis}) by {deadline}",
        "{metric} 从 {value} 改善到 {goal}（{basis}），截止 {deadline}",
    ),
    "prep.goal.swing": (
        "{metric} swing per {unit} from {value} to {goal} (team typical) by {deadline}",
        "{metric} 每{unit}波动从 {value} 降到 {goal}（团队常见水平），截止 {deadline}",
    ),
    "prep.goal.first_session": (
        "First coaching session and an onboarding plan by {deadline}",
        "{deadline} 前完成首次辅导并制定融入计划",
    ),
    "prep.goal.formal_review": (
        "Formal review held and monthly contact booked by {deadline}",
        "{deadline} 前完成正式面谈，并约定每月沟通",
    ),
    "prep.basis.team_mean": ("team mean", "团队平均"),
    "prep.basis.level_before": ("level before the drop", "下滑前的水平"),
    "prep.basis.ratio": ("{ratio} of target", "目标的 {ratio}"),
    "prep.basis.target": ("target", "目标"),
    "prep.support.skill": (
        "Skill gap: training and practice, call listening with a senior colleague",
        "技能差距：培训加练习，与资深同事一起听录音",
    ),
    "prep.support.process": (
        "Process gap: check the process and workload behind the change",
        "流程差距：检查变化背后的流程和工作量",
    ),
    "prep.support.habit": (
        "Process gap: a standard routine for every {unit}, feedback within 24 h",
        "流程差距：每{unit}固定的工作方法，24 小时内反馈",
    ),
    "prep.support.mentor": (
        "Mentor and basic training, weekly follow-up in the first month",
        "安排带教导师和基础培训，第一个月每周跟进",
    ),
    "prep.support.time": (
        "Manager time: book the review and a monthly check-in in the calendar",
        "管理者时间：在日历中预约面谈和每月沟通",
    ),
    "prep.progress.none": ("Not started", "未开始"),
    "prep.next.weekly": (
        "Check weekly; if no progress after 2 weeks, look again for the root cause",
        "每周检查；两周无进展则重新查找根因",
    ),
    "prep.next.cycle": (
        "Review after the first 2-3 week cycle, then set the next small goal",
        "第一个 2-3 周周期后复盘，再定下一个小目标",
    ),
    "prep.next.cadence": (
        "After the review, keep monthly contact and a formal review each quarter",
        "面谈后保持每月沟通、每季度一次正式面谈",
    ),
    # GROW prompts
    "prep.stage.G": ("Goal", "G · 目标"),
    "prep.stage.R": ("Reality", "R · 现状"),
    "prep.stage.O": ("Options", "O · 方案"),
    "prep.stage.W": ("Will", "W · 行动"),
    "prep.grow.G.nometric": (
        "What would you like to have achieved by {deadline}?",
        "到 {deadline} 你希望达成什么？",
    ),
    "prep.grow.R.turn": (
        "Your {metric} went from {before} to {after} around {since}. What changed in your work at "
        "that time?",
        "你的{metric}在 {since} 前后从 {before} 变为 {after}。那段时间工作中发生了什么变化？",
    ),
    "prep.grow.R.flat": (
        "Over the last {units} your {metric} stayed around {value}. What gets in the way on a "
        "difficult day?",
        "最近几{units}你的{metric}一直在 {value} 左右。遇到困难的时候，是什么在阻碍你？",
    ),
    "prep.grow.R.nometric": (
        "How are your first weeks going? What is still unclear?",
        "入职这几周感觉怎么样？还有哪些地方不清楚？",
    ),
    "prep.grow.R.general": (
        "How is your work going at the moment? What gets in the way on a difficult day?",
        "最近工作进展如何？遇到困难的时候，是什么在阻碍你？",
    ),
    "prep.grow.O.strength": (
        "You are strong on {strength} (percentile {pct}). How could that help with {metric}? What "
        "else could you try?",
        "你在{strength}上很强（百分位 {pct}）。这能怎样帮助提升{metric}？还可以尝试什么？",
    ),
    "prep.grow.O.plain": (
        "What options do you see to improve {metric}? What have others tried?",
        "你觉得有哪些办法可以提升{metric}？别的同事是怎么做的？",
    ),
    "prep.grow.W": (
        "Which one step will you take this week, and how will we both see by {check} that it "
        "worked?",
        "这周你会先做哪一步？到 {check} 我们怎样一起确认它有效？",
    ),
    "prep.grow.G.steady": (
        "You are among the team's best on {strength} (percentile {pct}). What do you want to "
        "achieve next, by {deadline}?",
        "你在{strength}上位居团队前列（百分位 {pct}）。到 {deadline} 你下一步想达成什么？",
    ),
    "prep.grow.R.steady": (
        "What makes {strength} work so well for you? Where do you still feel uncertain?",
        "你在{strength}上做得好的关键是什么？哪些方面还不太有把握？",
    ),
    "prep.grow.O.steady": (
        "Which stretch task or next career step would build on that?",
        "哪些有挑战的任务或下一步职业发展可以在此基础上展开？",
    ),
    # the one-sentence summary
    "prep.summary.below_target_streak": (
        "{metric} {value} vs target {reference}, under the line since {since}",
        "{metric} {value}，目标 {reference}，自 {since} 起低于警戒线",
    ),
    "prep.summary.declining_trend": (
        "{metric} {value} vs team {reference} (last {n} {units}), falling since {since}",
        "{metric} 近 {n} {units}平均 {value}，团队 {reference}，自 {since} 起下滑",
    ),
    "prep.summary.below_team": (
        "{metric} {value} vs team {reference} (last {n} {units}), in the team's bottom quarter",
        "{metric} 近 {n} {units}平均 {value}，团队 {reference}，处于团队后 25%",
    ),
    "prep.summary.efficiency_quality_imbalance": (
        "{metric} {value} vs team {reference} (last {n} {units}), while {eff} is among the team's "
        "best",
        "{metric} 近 {n} {units}平均 {value}，团队 {reference}，而 {eff} 位居团队前列",
    ),
    "prep.summary.volatile": (
        "{metric} swings {value} per {unit}, team typical {reference}",
        "{metric} 每{unit}波动 {value}，团队常见水平 {reference}",
    ),
    "prep.summary.new_hire_uncoached": (
        "Hired {hire}, no coaching within the first {limit} days",
        "{hire} 入职，{limit} 天内没有辅导记录",
    ),
    "prep.summary.coaching_overdue": ("Coaching overdue since {since}", "自 {since} 起辅导逾期"),
    "prep.summary.likely_to_miss_target": (
        "{metric} averaged {value} over the last {n} {units} against a target of {reference}: "
        "likely to miss the target of the period from {since}",
        "{metric} 近 {n} {units}平均 {value}，目标 {reference}，自 {since} 起这一期的目标可能无法达成",
    ),
    "prep.summary.strength": (
        "No flags: strongest on {strength} (percentile {pct}); recognise it and agree the next "
        "stretch goal",
        "没有预警：最强项是{strength}（百分位 {pct}）；及时肯定，并约定下一个挑战目标",
    ),
    "prep.summary.clear": ("No flags as of {day}", "截至 {day} 没有预警"),
}
