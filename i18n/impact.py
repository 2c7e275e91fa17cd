"""UI texts of the HR impact page (does coaching work?): key -> (en, zh)."""

TEXTS: dict[str, tuple[str, str]] = {
    "nav.impact": ("Does coaching work?", "辅导有效吗"),
    "impact.title": ("Does coaching work?", "辅导有效吗？"),
    "impact.intro": (
        "For HR: is coaching happening as policy says, and does more coaching go with better "
        "performance? Every figure shows how many people it rests on (n) and its 95% interval.",
        "面向 HR：辅导是否按制度进行？辅导越多，绩效是否越好？每个数字都标明样本量 (n) 和 95% 区间。",
    ),
    "impact.empty": (
        "No metric values yet: import metrics and a coaching log to see this page.",
        "还没有指标数据：请先导入指标和辅导记录。",
    ),
    "impact.period": ("Period", "期间"),
    "impact.team": ("Team", "团队"),
    "impact.manager": ("Manager", "主管"),
    "impact.metric": ("Metric", "指标"),
    "impact.all_teams": ("All teams", "全部团队"),
    "impact.all_managers": ("All managers", "全部主管"),
    "impact.composite": ("All metrics (composite)", "全部指标（综合）"),
    "impact.method": ("Method", "计算方法"),
    "impact.split": ("Share of the period counted as 'before'", "期间中算作“之前”的比例"),
    "impact.split_help": (
        "Change = mean of the last part minus mean of the first part of the period.",
        "变化 = 期间后段的平均值减去前段的平均值。",
    ),
    "impact.score": ("Make metrics comparable by", "指标统一口径"),
    "impact.score_z": ("standard score within the team", "团队内标准分"),
    "impact.score_attainment": ("attainment of target", "目标达成率"),
    "impact.weights": ("Composite weights", "综合权重"),
    "impact.weights_equal": ("equal", "等权"),
    "impact.weights_goals": ("from the goal sheet", "按目标表权重"),
    "impact.k": ("Periods before / after a session", "辅导前后各取几期"),
    "impact.core_roles": ("Core roles (coverage target)", "核心岗位（覆盖率目标）"),
    # section 1
    "impact.corr_title": ("Coaching frequency and performance change", "辅导频次与绩效变化"),
    "impact.pearson": ("Pearson r", "皮尔逊 r"),
    "impact.spearman": ("Spearman ρ", "斯皮尔曼 ρ"),
    "impact.n": ("People (n)", "人数 (n)"),
    "impact.p": ("p-value", "p 值"),
    "impact.ci": (
        "95% interval of r: {low} to {high} (n = {n}). Spearman ρ p = {sp}. Holding the starting "
        "level fixed: partial r = {partial} (p = {pp}).",
        "r 的 95% 区间：{low} 至 {high}（n = {n}）。斯皮尔曼 ρ 的 p = {sp}。"
        "控制起点水平后：偏相关 r = {partial}（p = {pp}）。",
    ),
    "impact.reading_positive": (
        "More sessions went with a larger improvement: the interval lies above 0.",
        "辅导次数越多，改善越大：区间整体在 0 以上。",
    ),
    "impact.reading_negative": (
        "More sessions went with a smaller improvement: the interval lies below 0 (often because "
        "the people who struggle get coached most).",
        "辅导次数越多，改善越小：区间整体在 0 以下（常见原因：表现差的人被辅导得最多）。",
    ),
    "impact.reading_none": (
        "No clear relation: the interval includes 0.",
        "没有明确关系：区间包含 0。",
    ),
    "impact.small_n": (
        "Only {n} people: too few for a reliable answer, the interval is wide.",
        "只有 {n} 人：样本太少，结论不可靠，区间很宽。",
    ),
    "impact.scatter_title": ("Sessions in the period vs change in performance",
                             "期间辅导次数与绩效变化"),
    "impact.x_sessions": ("Coaching sessions", "辅导次数"),
    "impact.y_change_z": ("Change (team sd, + = better)", "变化（团队标准差，正数更好）"),
    "impact.y_change_attainment": ("Change in attainment (+ = better)", "达成率变化（正数更好）"),
    "impact.fit": ("Fitted line", "拟合线"),
    "impact.band": ("95% band", "95% 区间"),
    "impact.click_hint": ("Click a point to see the person.", "点击一个点查看对应员工。"),
    "impact.selected": ("{name} ({id}): {sessions} sessions, change {change}.",
                        "{name}（{id}）：辅导 {sessions} 次，变化 {change}。"),
    "impact.open_employee": ("Open {name}'s page", "打开 {name} 的页面"),
    "impact.by_group": ("By team, role and manager", "按团队、岗位、主管"),
    "impact.people_table": ("Per person", "每人明细"),
    # section 2
    "impact.event_title": ("Before and after each session", "每次辅导前后"),
    "impact.event_chart": ("Mean score around a session (period 0)", "辅导前后的平均分（第 0 期为辅导）"),
    "impact.rel_period": ("Periods from the session", "距辅导的期数"),
    "impact.score_axis": ("Score (+ = better)", "得分（正数 = 更好）"),
    "impact.coached": ("Coached", "被辅导者"),
    "impact.control": ("Uncoached, similar start", "未辅导、起点相近者"),
    "impact.event_change": (
        "After a session the score changed by {change} on average (95% interval {low} to {high}, "
        "{n} people, {events} sessions).",
        "辅导后得分平均变化 {change}（95% 区间 {low} 至 {high}，{n} 人，{events} 次辅导）。",
    ),
    "impact.event_effect": (
        "Compared with {controls} uncoached colleagues of similar starting level, the difference "
        "is {effect} (95% interval {low} to {high}).",
        "与 {controls} 名起点相近、未被辅导的同事相比，差异为 {effect}（95% 区间 {low} 至 {high}）。",
    ),
    "impact.event_no_controls": (
        "Only {controls} uncoached colleague(s) to compare with (at least {min} needed): the "
        "difference from regression to the mean cannot be estimated, so no coaching effect is "
        "claimed.",
        "可对照的未辅导同事只有 {controls} 名（至少需要 {min} 名）：无法排除“均值回归”，"
        "因此不声称辅导有效果。",
    ),
    "impact.event_none": ("No session has scores on both sides in this period.",
                          "此期间没有前后都有数据的辅导记录。"),
    "impact.event_table": ("By model and by type", "按辅导模型和类型"),
    # section 3
    "impact.compliance_title": ("Cadence compliance by manager", "各主管的辅导节奏达标率"),
    "impact.compliance_chart": ("Share of people where the rule was met", "符合规则的人员比例"),
    "impact.rate": ("Share met", "达标比例"),
    "impact.target": ("Target", "目标"),
    "impact.m.first_session": ("First session within 7 days of joining", "入职 7 天内首次辅导"),
    "impact.m.weekly_first_month": ("Weekly in the first month", "入职首月每周辅导"),
    "impact.m.formal_quarter": ("Formal review this quarter", "本季度正式复盘"),
    "impact.m.monthly_contact": ("Contact every month", "每月沟通"),
    "impact.m.coverage": ("Coached in the period", "期间内被辅导"),
    "impact.m.core_coverage": ("Core roles coached", "核心岗位被辅导"),
    "impact.compliance_table": ("Compliance table", "达标明细"),
    # section 4
    "impact.coverage_title": ("Coverage and improvement plans", "覆盖率与改进计划"),
    "impact.coverage_all": ("Employees coached", "员工覆盖率"),
    "impact.coverage_core": ("Core roles coached", "核心岗位覆盖率"),
    "impact.plans": ("Plan actions done on time", "改进行动按时完成率"),
    "impact.vs_target": ("{met} of {n} · target {target}", "{met}/{n} · 目标 {target}"),
    "impact.note_no_plans": (
        "No improvement-plan actions were due in this period, so plan attainment (target 80%) "
        "is not shown.",
        "此期间没有到期的改进行动，因此不显示改进计划达成率（目标 80%）。",
    ),
    "impact.note_no_compliance": (
        "Nobody in this selection can be checked against the coaching rules yet (import a "
        "roster and a coaching log).",
        "当前筛选下还没有人可以按辅导规则核对（请导入花名册和辅导记录）。",
    ),
    "impact.note_no_data": ("No data in this selection.", "当前筛选下没有数据。"),
    # honesty
    "impact.cannot_prove": (
        "What these numbers cannot prove: correlation is not causation (managers may coach "
        "the people who struggle, or the people who are already improving); a small n gives a "
        "wide interval; people who start low tend to rise anyway (regression to the mean), which "
        "is why sessions are compared with uncoached colleagues of similar level.",
        "这些数字不能证明的：相关不等于因果（主管可能更多辅导表现差的人，或本来就在进步的人）；"
        "样本越小，区间越宽；起点低的人即使不辅导也往往会回升（均值回归），"
        "所以我们把辅导对象与起点相近、未被辅导的同事做比较。",
    ),
    "impact.note_causation": ("Correlation is not causation.", "相关不等于因果。"),
    "impact.note_small_n": ("Fewer than 10 people: read with care.", "少于 10 人：请谨慎解读。"),
    # table headers and codes (ui/impact.py)
    "impact.everyone": ("Everyone", "全体"),
    "impact.col.group_by": ("Grouped by", "分组方式"),
    "impact.col.group": ("Group", "组别"),
    "impact.col.p_pearson": ("p (Pearson)", "p 值（皮尔逊）"),
    "impact.col.p_spearman": ("p (Spearman)", "p 值（斯皮尔曼）"),
    "impact.col.partial_r": ("Partial r (same start)", "偏相关 r（控制起点）"),
    "impact.col.p_partial": ("p (partial)", "p 值（偏相关）"),
    "impact.col.employee_id": ("ID", "工号"),
    "impact.col.name": ("Name", "姓名"),
    "impact.col.role": ("Role", "岗位"),
    "impact.col.hire_date": ("Hired", "入职日期"),
    "impact.col.sessions": ("Sessions", "辅导次数"),
    "impact.col.formal": ("Formal", "正式"),
    "impact.col.informal": ("Informal", "非正式"),
    "impact.col.model": ("Model", "辅导模型"),
    "impact.col.session_type": ("Type", "辅导类型"),
    "impact.col.before": ("Score before", "之前得分"),
    "impact.col.after": ("Score after", "之后得分"),
    "impact.col.change": ("Change", "变化"),
    "impact.col.by": ("Grouped by", "分组方式"),
    "impact.col.n_events": ("Sessions", "辅导次数"),
    "impact.col.n_employees": ("People", "人数"),
    "impact.col.control_change": ("Change, uncoached", "未辅导者变化"),
    "impact.col.n_controls": ("Uncoached people", "未辅导对照人数"),
    "impact.col.p_effect": ("p (difference)", "p 值（差异）"),
    "impact.col.measure": ("Rule", "规则"),
    "impact.col.eligible": ("People it applies to", "适用人数"),
    "impact.col.met": ("Met", "达标人数"),
    "impact.download_csv": ("CSV", "CSV"),
    "impact.download_xlsx": ("Excel", "Excel"),
    "impact.download": ("Download {what}", "下载{what}"),
}
