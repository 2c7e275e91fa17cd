"""Every sentence of the one-employee coaching prep, in English and Simplified Chinese.

Kept beside ``analytics.prep`` (not in ``i18n/``) because the sentences are built from numbers
by the analytics, and the CLI brief needs them without Streamlit. Both languages use the same
``{placeholders}``; tests/analytics/test_prep.py checks that.
"""

from __future__ import annotations

PREP_EN: dict[str, str] = {
    # problem table: dimension (what area) and "what is observed" per reason
    "dimension.efficiency": "Efficiency: {metric}",
    "dimension.quality": "Quality: {metric}",
    "dimension.output": "Output: {metric}",
    "dimension.other": "Result: {metric}",
    "dimension.onboarding": "Onboarding",
    "dimension.cadence": "Coaching cadence",
    "observed.below_target_streak": "Under {ratio} of target for {n} {units} in a row",
    "observed.declining_trend": "Getting worse since {since}",
    "observed.below_team": "In the team's bottom quarter",
    "observed.efficiency_quality_imbalance": "Fast on {eff} but weak on {metric}",
    "observed.volatile": "Swings from {unit} to {unit}",
    "observed.new_hire_uncoached": "New hire without a first coaching session",
    "observed.coaching_overdue": "Coaching is overdue",
    "observed.likely_to_miss_target": "Forecast to end this period under {ratio} of target",
    "priority.high": "high", "priority.medium": "medium", "priority.low": "low",
    # tracking table
    "goal.level": "{metric} from {value} to {goal} ({basis}) by {deadline}",
    "goal.swing": "{metric} swing per {unit} from {value} to {goal} (team typical) by {deadline}",
    "goal.first_session": "First coaching session and an onboarding plan by {deadline}",
    "goal.formal_review": "Formal review held and monthly contact booked by {deadline}",
    "basis.team_mean": "team mean", "basis.level_before": "level before the drop",
    "basis.ratio": "{ratio} of target", "basis.target": "target",
    "support.skill": "Skill gap: training and practice, call listening with a senior colleague",
    "support.process": "Process gap: check the process and workload behind the change",
    "support.habit": "Process gap: a standard routine for every {unit}, feedback within 24 h",
    "support.mentor": "Mentor and basic training, weekly follow-up in the first month",
    "support.time": "Manager time: book the review and a monthly check-in in the calendar",
    "progress.none": "Not started",
    "next.weekly": "Check weekly; if no progress after 2 weeks, look again for the root cause",
    "next.cycle": "Review after the first 2-3 week cycle, then set the next small goal",
    "next.cadence": "After the review, keep monthly contact and a formal review each quarter",
    # GROW prompts
    "stage.G": "Goal", "stage.R": "Reality", "stage.O": "Options", "stage.W": "Will",
    "grow.G.nometric": "What would you like to have achieved by {deadline}?",
    "grow.R.turn": "Your {metric} went from {before} to {after} around {since}. What changed in "
                   "your work at that time?",
    "grow.R.flat": "Over the last {units} your {metric} stayed around {value}. What gets in the "
                   "way on a difficult day?",
    "grow.R.nometric": "How are your first weeks going? What is still unclear?",
    "grow.R.general": "How is your work going at the moment? What gets in the way on a "
                      "difficult day?",
    "grow.O.strength": "You are strong on {strength} (percentile {pct}). How could that help "
                       "with {metric}? What else could you try?",
    "grow.O.plain": "What options do you see to improve {metric}? What have others tried?",
    "grow.W": "Which one step will you take this week, and how will we both see by {check} "
              "that it worked?",
    "grow.G.steady": "You are among the team's best on {strength} (percentile {pct}). What do "
                     "you want to achieve next, by {deadline}?",
    "grow.R.steady": "What makes {strength} work so well for you? Where do you still feel "
                     "uncertain?",
    "grow.O.steady": "Which stretch task or next career step would build on that?",
    # summary
    "summary.below_target_streak": "{metric} {value} vs target {reference}, under the line "
                                   "since {since}",
    "summary.declining_trend": "{metric} {value} vs team {reference} (last {n} {units}), "
                               "falling since {since}",
    "summary.below_team": "{metric} {value} vs team {reference} (last {n} {units}), in the "
                          "team's bottom quarter",
    "summary.efficiency_quality_imbalance": "{metric} {value} vs team {reference} (last {n} "
                                            "{units}), while "
                                            "{eff} is among the team's best",
    "summary.volatile": "{metric} swings {value} per {unit}, team typical {reference}",
    "summary.new_hire_uncoached": "Hired {hire}, no coaching within the first {limit} days",
    "summary.coaching_overdue": "Coaching overdue since {since}",
    "summary.likely_to_miss_target": "{metric} averaged {value} over the last {n} {units} "
                                     "against a target of {reference}: likely to miss the "
                                     "target of the period from {since}",
    "summary.strength": "No flags: strongest on {strength} (percentile {pct}); recognise it and "
                        "agree the next stretch goal",
    "summary.clear": "No flags as of {day}",
    "unit.week": "week", "unit.month": "month", "units.week": "weeks", "units.month": "months",
    "unit.quarter": "quarter", "units.quarter": "quarters", "unit.year": "year", "units.year": "years",
    "unit.day": "day", "units.day": "days",
}

PREP_ZH: dict[str, str] = {
    "dimension.efficiency": "效率:{metric}",
    "dimension.quality": "质量:{metric}",
    "dimension.output": "产出:{metric}",
    "dimension.other": "结果:{metric}",
    "dimension.onboarding": "新人融入",
    "dimension.cadence": "辅导频率",
    "observed.below_target_streak": "连续 {n} {units}低于目标的 {ratio}",
    "observed.declining_trend": "自 {since} 起持续变差",
    "observed.below_team": "处于团队后 25%",
    "observed.efficiency_quality_imbalance": "{eff} 很快,但 {metric} 偏低",
    "observed.volatile": "每{unit}波动大",
    "observed.new_hire_uncoached": "新员工尚未进行首次辅导",
    "observed.coaching_overdue": "辅导已逾期",
    "observed.likely_to_miss_target": "预测本期结束时低于目标的 {ratio}",
    "priority.high": "高", "priority.medium": "中", "priority.low": "低",
    "goal.level": "{metric} 从 {value} 改善到 {goal}({basis}),截止 {deadline}",
    "goal.swing": "{metric} 每{unit}波动从 {value} 降到 {goal}(团队常见水平),截止 {deadline}",
    "goal.first_session": "{deadline} 前完成首次辅导并制定融入计划",
    "goal.formal_review": "{deadline} 前完成正式面谈,并约定每月沟通",
    "basis.team_mean": "团队平均", "basis.level_before": "下滑前的水平",
    "basis.ratio": "目标的 {ratio}", "basis.target": "目标",
    "support.skill": "技能差距:培训加练习,与资深同事一起听录音",
    "support.process": "流程差距:检查变化背后的流程和工作量",
    "support.habit": "流程差距:每{unit}固定的工作方法,24 小时内反馈",
    "support.mentor": "安排带教导师和基础培训,第一个月每周跟进",
    "support.time": "管理者时间:在日历中预约面谈和每月沟通",
    "progress.none": "未开始",
    "next.weekly": "每周检查;两周无进展则重新查找根因",
    "next.cycle": "第一个 2-3 周周期后复盘,再定下一个小目标",
    "next.cadence": "面谈后保持每月沟通、每季度一次正式面谈",
    "stage.G": "G · 目标", "stage.R": "R · 现状", "stage.O": "O · 方案",
    "stage.W": "W · 行动",
    "grow.G.nometric": "到 {deadline} 你希望达成什么?",
    "grow.R.turn": "你的{metric}在 {since} 前后从 {before} 变为 {after}。那段时间工作中发生了"
                   "什么变化?",
    "grow.R.flat": "最近几{units}你的{metric}一直在 {value} 左右。遇到困难的时候,是什么在阻碍你?",
    "grow.R.nometric": "入职这几周感觉怎么样?还有哪些地方不清楚?",
    "grow.R.general": "最近工作进展如何?遇到困难的时候,是什么在阻碍你?",
    "grow.O.strength": "你在{strength}上很强(百分位 {pct})。这能怎样帮助提升{metric}?还可以"
                       "尝试什么?",
    "grow.O.plain": "你觉得有哪些办法可以提升{metric}?别的同事是怎么做的?",
    "grow.W": "这周你会先做哪一步?到 {check} 我们怎样一起确认它有效?",
    "grow.G.steady": "你在{strength}上位居团队前列(百分位 {pct})。到 {deadline} 你下一步想"
                     "达成什么?",
    "grow.R.steady": "你在{strength}上做得好的关键是什么?哪些方面还不太有把握?",
    "grow.O.steady": "哪些有挑战的任务或下一步职业发展可以在此基础上展开?",
    "summary.below_target_streak": "{metric} {value},目标 {reference},自 {since} 起低于警戒线",
    "summary.declining_trend": "{metric} 近 {n} {units}平均 {value},团队 {reference},自 {since} "
                               "起下滑",
    "summary.below_team": "{metric} 近 {n} {units}平均 {value},团队 {reference},处于团队后 25%",
    "summary.efficiency_quality_imbalance": "{metric} 近 {n} {units}平均 {value},团队 "
                                            "{reference},而 {eff} "
                                            "位居团队前列",
    "summary.volatile": "{metric} 每{unit}波动 {value},团队常见水平 {reference}",
    "summary.new_hire_uncoached": "{hire} 入职,{limit} 天内没有辅导记录",
    "summary.coaching_overdue": "自 {since} 起辅导逾期",
    "summary.likely_to_miss_target": "{metric} 近 {n} {units}平均 {value},目标 {reference},"
                                     "自 {since} 起这一期的目标可能无法达成",
    "summary.strength": "没有预警:最强项是{strength}(百分位 {pct});及时肯定,并约定下一个"
                        "挑战目标",
    "summary.clear": "截至 {day} 没有预警",
    "unit.week": "周", "unit.month": "月", "units.week": "周", "units.month": "个月",
    "unit.quarter": "季度", "units.quarter": "个季度", "unit.year": "年", "units.year": "年",
    "unit.day": "天", "units.day": "天",
}


def text(key: str, lang: str, **fields: object) -> str:
    """The sentence ``key`` in ``lang`` ("en" or "zh") with ``fields`` filled in.

    Example:
        >>> text("observed.declining_trend", "en", since="2025-11-10")
        'Getting worse since 2025-11-10'
    """
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    table = PREP_ZH if lang == "zh" else PREP_EN
    if key not in table:
        raise ValueError(f"unknown prep text {key!r}")
    return table[key].format(**fields)
