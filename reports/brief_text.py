"""Headings and column names of the coaching brief, in English and Simplified Chinese."""

from __future__ import annotations

BRIEF_EN: dict[str, str] = {
    "title": "Coaching brief: {name}",
    "meta": "{team} · {role} · manager {manager} · hired {hire} · as of {as_of}",
    "type": "Employee type", "summary": "In one sentence",
    "type.new_hire": "New hire", "type.high_potential": "High potential",
    "type.underperformer": "Needs support", "type.steady": "Steady",
    "suggestion": "Suggested approach", "focus": "Focus", "model": "Model", "style": "Style",
    "trends": "Trends (employee, team mean and range, target, turning point)",
    "compare": "Comparison and gap",
    "strengths": "Strengths and weaknesses", "strength": "Strength", "weakness": "Weakness",
    "bars": "Position in the team (z-score, right = better)",
    "problems": "Problem analysis", "tracking": "Coaching tracking (draft)",
    "grow": "GROW questions", "last_session": "Last session", "open_actions": "Open actions",
    "none": "None", "no_session": "No coaching session on record",
    "col.metric": "Metric", "col.value": "Recent", "col.team_mean": "Team mean",
    "col.team_best": "Team best", "col.percentile": "Percentile", "col.target": "Target",
    "col.attainment": "Attainment", "col.label": "Trend",
    "col.dimension": "Dimension", "col.observed": "What is observed",
    "col.evidence": "Data / evidence", "col.priority": "Priority",
    "col.goal": "Coaching goal", "col.action": "Action", "col.deadline": "Deadline",
    "col.support": "Support / resources", "col.progress": "Progress",
    "col.next_adjustment": "Next adjustment", "col.owner": "Owner", "col.status": "Status",
    "col.stage": "Stage", "col.question": "Question",
    "label.rising": "improving", "label.falling": "worsening", "label.stable": "stable",
    "label.volatile": "volatile",
    "session.formal": "formal", "session.informal": "informal",
    "legend.employee": "Employee", "legend.team_mean": "Team mean", "legend.target": "Target",
    "legend.turning_point": "Turning point", "legend.team_range": "Team range",
    "more": "{n} more in the app (Markdown brief: all)",
    "footer": "Prepared by Coachboard from the imported data; facts, not opinions.",
}

BRIEF_ZH: dict[str, str] = {
    "title": "辅导准备简报:{name}",
    "meta": "{team} · {role} · 直属主管 {manager} · 入职 {hire} · 数据截至 {as_of}",
    "type": "员工类型", "summary": "一句话概要",
    "type.new_hire": "新员工", "type.high_potential": "高潜员工",
    "type.underperformer": "需要支持", "type.steady": "稳定",
    "suggestion": "建议的辅导方式", "focus": "辅导重点", "model": "辅导模型", "style": "风格",
    "trends": "趋势(本人、团队平均与范围、目标、拐点)",
    "compare": "对比与差距",
    "strengths": "优势与短板", "strength": "优势", "weakness": "短板",
    "bars": "在团队中的位置(z 值,越靠右越好)",
    "problems": "问题分析表", "tracking": "辅导跟踪表(草稿)",
    "grow": "GROW 提问", "last_session": "上次辅导", "open_actions": "待完成的行动",
    "none": "无", "no_session": "没有辅导记录",
    "col.metric": "指标", "col.value": "近期", "col.team_mean": "团队平均",
    "col.team_best": "团队最佳", "col.percentile": "百分位", "col.target": "目标",
    "col.attainment": "达成率", "col.label": "趋势",
    "col.dimension": "维度", "col.observed": "观察到的现象",
    "col.evidence": "数据/证据", "col.priority": "优先级",
    "col.goal": "辅导目标", "col.action": "行动", "col.deadline": "截止日期",
    "col.support": "支持/资源", "col.progress": "进展",
    "col.next_adjustment": "下一步调整", "col.owner": "负责人", "col.status": "状态",
    "col.stage": "阶段", "col.question": "问题",
    "label.rising": "改善", "label.falling": "变差", "label.stable": "平稳",
    "label.volatile": "波动",
    "session.formal": "正式", "session.informal": "非正式",
    "legend.employee": "本人", "legend.team_mean": "团队平均", "legend.target": "目标",
    "legend.turning_point": "拐点", "legend.team_range": "团队范围",
    "more": "另有 {n} 条(见应用或 Markdown 简报)",
    "footer": "由 Coachboard 根据导入的数据生成;讲事实,不讲评价。",
}


def words(lang: str) -> dict[str, str]:
    """The brief's words in ``lang`` ("en" or "zh")."""
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    return BRIEF_ZH if lang == "zh" else BRIEF_EN
