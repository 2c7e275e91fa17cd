"""Headings and column names of the coaching brief (reports.brief, HTML and Markdown):
key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "brief.title": ("Coaching brief: {name}", "辅导准备简报：{name}"),
    "brief.type": ("Employee type", "员工类型"),
    "brief.type.new_hire": ("New hire", "新员工"),
    "brief.type.high_potential": ("High potential", "高潜员工"),
    "brief.type.underperformer": ("Needs support", "需要支持"),
    "brief.type.steady": ("Steady", "稳定"),
    "brief.focus": ("Focus", "辅导重点"),
    "brief.model": ("Model", "辅导模型"),
    "brief.style": ("Style", "风格"),
    "brief.trends": (
        "Trends (employee, team mean and range, target, turning point)",
        "趋势（本人、团队平均与范围、目标、拐点）",
    ),
    "brief.compare": ("Comparison and gap", "对比与差距"),
    "brief.strength": ("Strength", "优势"),
    "brief.weakness": ("Weakness", "短板"),
    "brief.bars": ("Position in the team (z-score, right = better)", "在团队中的位置（z 值，越靠右越好）"),
    "brief.problems": ("Problem analysis", "问题分析表"),
    "brief.tracking": ("Coaching tracking (draft)", "辅导跟踪表（草稿）"),
    "brief.grow": ("GROW questions", "GROW 提问"),
    "brief.last_session": ("Last session", "上次辅导"),
    "brief.open_actions": ("Open actions", "待完成的行动"),
    "brief.none": ("None", "无"),
    "brief.no_session": ("No coaching session on record", "没有辅导记录"),
    "brief.col.dimension": ("Dimension", "维度"),
    "brief.col.observed": ("What is observed", "观察到的现象"),
    "brief.col.evidence": ("Data / evidence", "数据/证据"),
    "brief.col.priority": ("Priority", "优先级"),
    "brief.col.goal": ("Coaching goal", "辅导目标"),
    "brief.col.action": ("Action", "行动"),
    "brief.col.deadline": ("Deadline", "截止日期"),
    "brief.col.support": ("Support / resources", "支持/资源"),
    "brief.col.progress": ("Progress", "进展"),
    "brief.col.next_adjustment": ("Next adjustment", "下一步调整"),
    "brief.col.owner": ("Owner", "负责人"),
    "brief.col.status": ("Status", "状态"),
    "brief.label.rising": ("improving", "改善"),
    "brief.label.falling": ("worsening", "变差"),
    "brief.label.stable": ("stable", "平稳"),
    "brief.label.volatile": ("volatile", "波动"),
    "brief.session.formal": ("formal", "正式"),
    "brief.session.informal": ("informal", "非正式"),
    "brief.legend.employee": ("Employee", "本人"),
    "brief.legend.team_mean": ("Team mean", "团队平均"),
    "brief.legend.target": ("Target", "目标"),
    "brief.legend.turning_point": ("Turning point", "拐点"),
    "brief.legend.team_range": ("Team range", "团队范围"),
    "brief.more": ("{n} more in the app (Markdown brief: all)", "另有 {n} 条（见应用或 Markdown 简报）"),
    "brief.footer": (
        "Prepared by Coachboard from the imported data; facts, not opinions.",
        "由 Coachboard 根据导入的数据生成；讲事实，不讲评价。",
    ),
    # cli.py brief: the person asked for cannot be told, or is not there
    "brief.cli.several": (
        "{name!r} is the name of several people ({ids}); give one of these ids.",
        "“{name}”是多名员工的姓名（{ids}），请改用其中一个工号。",
    ),
    "brief.cli.none_local": (
        "No employee with id {id!r} in this database.",
        "此数据库中没有工号为“{id}”的员工。",
    ),
    "brief.cli.none_scope": (
        "No employee with id {id!r} among the people you may see.",
        "你可查看的员工中没有工号为“{id}”的人。",
    ),
}
