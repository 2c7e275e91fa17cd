"""UI texts of the manager's pages (overview flags, employee prep, settings): key -> (en, zh)."""

_REASONS: dict[str, tuple[str, str]] = {
    "mgr.reason.below_target_streak": ("Under target several periods in a row", "连续多期未达目标"),
    "mgr.reason.declining_trend": ("Declining trend", "趋势下滑"),
    "mgr.reason.below_team": ("Clearly under the team", "明显低于团队"),
    "mgr.reason.efficiency_quality_imbalance": ("Fast but low quality", "效率高但质量低"),
    "mgr.reason.volatile": ("Volatile results", "表现波动大"),
    "mgr.reason.new_hire_uncoached": ("New hire not coached yet", "新员工尚未辅导"),
    "mgr.reason.coaching_overdue": ("Coaching overdue", "辅导逾期"),
}

# Labels and help of analytics.thresholds.Thresholds: "<settings key>.<field>" (+ ".help").
_THRESHOLDS: dict[str, tuple[str, str]] = {
    "thresholds.under_target_ratio": ("Under target below (share of target)", "低于目标的比例线"),
    "thresholds.under_target_ratio.help": (
        "A value under this share of its target counts as under target (0.8 = 80%).",
        "实际值低于目标的这个比例即视为未达标（0.8 = 80%）。"),
    "thresholds.under_target_periods": ("Periods in a row under target", "连续未达标期数"),
    "thresholds.under_target_periods.help": (
        "Consecutive periods under target that raise a flag.", "连续多少期未达标时发出预警。"),
    "thresholds.below_team_z": ("Under the team: z-score at most", "低于团队：z 值上限"),
    "thresholds.below_team_z.help": (
        "Direction-aware z-score within the team at or under which 'under the team' fires.",
        "团队内（已考虑指标方向的）z 值不高于此值时，标记为明显低于团队。"),
    "thresholds.below_team_quantile": ("Under the team: bottom share", "低于团队：末位比例"),
    "thresholds.below_team_quantile.help": (
        "…and the employee must be in this bottom share of the team (0.25 = bottom quarter).",
        "……且员工须处于团队末尾的这个比例内（0.25 = 后四分之一）。"),
    "thresholds.efficiency_top_quantile": ("Imbalance: top share on efficiency", "失衡：效率前列比例"),
    "thresholds.efficiency_top_quantile.help": (
        "Percentile rank (as a share) from which an efficiency metric counts as top.",
        "效率类指标百分位（比例）达到此值即视为前列。"),
    "thresholds.quality_bottom_quantile": ("Imbalance: bottom share on quality", "失衡：质量末位比例"),
    "thresholds.quality_bottom_quantile.help": (
        "Percentile rank (as a share) up to which a quality metric counts as bottom.",
        "质量类指标百分位（比例）不高于此值即视为靠后。"),
    "thresholds.volatility_cv_ratio": ("Volatile: times the team's variation", "波动：团队波动倍数"),
    "thresholds.volatility_cv_ratio.help": (
        "Period-to-period variation over the team's typical one that counts as volatile.",
        "期间波动超过团队常见波动的这个倍数即视为波动大。"),
    "thresholds.trend_alpha": ("Trend significance level", "趋势显著性水平"),
    "thresholds.trend_alpha.help": (
        "A slope counts as rising or falling when its p-value is under this level.",
        "斜率的 p 值低于此水平时才判定为上升或下降。"),
    "thresholds.new_hire_days": ("New hire: days since hire", "新员工：入职天数"),
    "thresholds.new_hire_days.help": (
        "Tenure under this many days makes someone a new hire.", "入职不满这些天视为新员工。"),
    "thresholds.recent_window_short": ("Short trend window (months)", "短期趋势窗口（月）"),
    "thresholds.recent_window_short.help": (
        "3 months = 13 weekly, 3 monthly or 1 quarterly periods.",
        "3 个月 = 13 周、3 个月度期间或 1 个季度。"),
    "thresholds.recent_window_long": ("Long trend window (months)", "长期趋势窗口（月）"),
    "thresholds.recent_window_long.help": (
        "Must not be shorter than the short window.", "不能短于短期窗口。"),
    "thresholds.changepoint_alpha": ("Turning-point significance level", "拐点显著性水平"),
    "thresholds.changepoint_alpha.help": (
        "Significance level of the change-point test that finds turning points.",
        "识别变化拐点所用检验的显著性水平。"),
}

TEXTS: dict[str, tuple[str, str]] = {
    "nav.employee": ("Coaching prep", "辅导准备"),
    "nav.settings": ("Settings", "设置"),
    # overview: as-of, KPI tiles, flagged list
    "team.as_of": ("As of", "截至"),
    "team.as_of_help": (
        "Every analysis uses the data up to this period (exports are historical).",
        "所有分析只使用截至该期间的数据（导出数据是历史数据）。"),
    "team.flagged": ("Flagged people", "需关注员工"),
    "team.flag_count": ("Flags", "预警数"),
    "team.by_reason": ("Flags by reason", "按原因统计预警"),
    "team.flags_title": ("Who needs attention", "需要关注的员工"),
    "team.flags_hint": (
        "Most urgent first. Click a row to open the coaching prep; click a header to sort.",
        "按紧急程度排序。点击一行打开辅导准备页；点击表头可排序。"),
    "team.no_flags": ("Nobody is flagged as of {as_of}.", "截至 {as_of} 没有需要关注的员工。"),
    "team.filter_team": ("Team", "团队"),
    "team.all": ("All", "全部"),
    "team.col.name": ("Name", "姓名"),
    "team.col.team": ("Team", "团队"),
    "team.col.reason": ("Top reason", "主要原因"),
    "team.col.flags": ("Flags", "预警数"),
    "team.col.evidence": ("Evidence", "依据"),
    "team.col.focus": ("Suggested focus", "建议辅导重点"),
    "team.col.model": ("Model", "辅导模型"),
    "team.col.priority": ("Priority", "优先级"),
    "team.heatmap_title": ("Percentile in the team (green = good)", "团队内百分位（绿色 = 好）"),
    "team.heatmap_hint": (
        "100 = best in the team whatever the metric's direction; hover for the raw value.",
        "100 = 团队最佳（已考虑指标方向）；悬停查看原始数值。"),
    "team.heatmap_team": ("Team shown in the heatmap", "热力图显示的团队"),
    "team.trend_all": ("All teams (mean)", "全部团队（均值）"),
    "team.trend_one_team": (
        "The trend shows the team chosen for the heatmap and, dotted, the mean of all teams.",
        "趋势图显示热力图所选团队，虚线为全部团队的均值。"),
    "team.heatmap_one_team": (
        "With {people} people the heatmap shows one team at a time (more than {limit} rows are "
        "not readable); the team with the most flagged people comes first.",
        "共 {people} 人：热力图一次只显示一个团队（超过 {limit} 行无法阅读），被标记人数最多的团队排在最前。"),
    "team.quadrant_title": ("Efficiency vs quality", "效率与质量"),
    "team.quadrant_none": (
        "The quadrant needs at least one efficiency and one quality metric (see the metric catalog).",
        "象限图至少需要一项效率类和一项质量类指标（可在指标目录中设置）。"),
    "team.no_team_stats": (
        "Percentiles need at least two people in a team.", "百分位需要团队中至少两人。"),
    # charts
    "mchart.efficiency_pct": ("Efficiency percentile", "效率百分位"),
    "mchart.quality_pct": ("Quality percentile", "质量百分位"),
    "mchart.q.star": ("Fast and good", "又快又好"),
    "mchart.q.fast": ("Fast, low quality", "快但质量低"),
    "mchart.q.careful": ("Careful but slow", "质量好但慢"),
    "mchart.q.support": ("Needs support", "需要支持"),
    "mchart.flagged": ("Flagged", "需关注"),
    "mchart.not_flagged": ("Not flagged", "无预警"),
    "mchart.percentile": ("Percentile", "百分位"),
    "mchart.value": ("Value", "数值"),
    "mchart.team_mean": ("Team mean", "团队平均"),
    "mchart.team_range": ("Team min–max", "团队最低–最高"),
    "mchart.turning_point": ("Turning point", "拐点"),
    "mchart.employee_z": ("Compared with the team (z, + = better)", "与团队相比（z 值，+ = 更好）"),
    "mchart.strength": ("strength", "优势"),
    "mchart.weakness": ("weakness", "短板"),
    # employee page
    "overview.nobody_yours": (
        "Nobody reports to you in the roster yet, so there is no one to show. Ask HR to import "
        "the roster with you as manager, or your admin to check your employee id.",
        "花名册中还没有向你汇报的员工，因此没有可显示的内容。请让人力资源部门导入以你为主管的花名册，"
        "或请管理员核对你的工号。"),
    "emp.title": ("Coaching prep", "辅导准备"),
    "emp.pick": ("Employee", "员工"),
    "emp.unknown_id": ("There is no employee with id {id} among the people you may see; "
                       "choose someone from the list.",
                       "在你有权查看的人员中没有工号为 {id} 的员工，请从列表中选择。"),
    "emp.none": ("No employee with data yet: import metrics first.", "还没有员工数据：请先导入指标。"),
    "emp.not_found": ("No data for this employee as of {as_of}.", "截至 {as_of} 没有该员工的数据。"),
    "emp.flags": ("Flags and suggested coaching", "预警与辅导建议"),
    "emp.no_flags": ("No flags: a good moment for developmental coaching.", "没有预警：适合做发展型辅导。"),
    "emp.trends": ("Trend per metric", "各指标趋势"),
    "emp.compare": ("Comparison and gap", "对比与差距"),
    "emp.strengths": ("Strengths and weaknesses", "优势与短板"),
    "emp.no_z": (
        "No comparison: the team has fewer than two people with this metric.",
        "无法对比：团队中有该指标的不足两人。"),
    "emp.problems": ("Problem analysis", "问题分析表"),
    "emp.tracking": ("Coaching tracking (draft)", "辅导跟踪表（草稿）"),
    "emp.grow": ("GROW questions", "GROW 提问"),
    "emp.sessions": ("Last coaching sessions", "最近的辅导记录"),
    "emp.open_actions": ("Open actions", "未完成事项"),
    "emp.nothing": ("Nothing recorded.", "暂无记录。"),
    "emp.download_md": ("Brief as Markdown", "简报 Markdown"),
    "emp.download_html": ("Printable brief (HTML)", "可打印简报 HTML"),
    "emp.download_help": (
        "A one-page coaching brief with the charts, to print or to share.",
        "一页纸辅导简报（含图表），可打印或分享。"),
    "mgr.session.formal": ("Formal", "正式"),
    "mgr.session.informal": ("Informal", "非正式"),
    "emp.col.metric": ("Metric", "指标"),
    "emp.col.direction": ("Better when", "方向"),
    "emp.col.reason": ("Reason", "原因"),
    "emp.col.evidence": ("Evidence", "依据"),
    "emp.col.focus": ("Focus", "辅导重点"),
    "emp.col.model": ("Model", "模型"),
    "emp.col.model_reason": ("Why this model", "选用理由"),
    "emp.col.style": ("Style", "风格"),
    "emp.col.dimension": ("Dimension", "维度"),
    "emp.col.observed": ("What is observed", "观察到的现象"),
    "emp.col.priority": ("Priority", "优先级"),
    "emp.col.goal": ("Goal", "目标"),
    "emp.col.action": ("Action", "行动"),
    "emp.col.deadline": ("Deadline", "期限"),
    "emp.col.support": ("Support", "支持/资源"),
    "emp.col.progress": ("Progress", "进展"),
    "emp.col.next": ("Next adjustment", "下一步调整"),
    "emp.col.owner": ("Owner", "负责人"),
    "emp.col.status": ("Status", "状态"),
    "emp.col.session_date": ("Date", "日期"),
    "emp.col.session_type": ("Type", "类型"),
    "emp.col.coach": ("Coach", "辅导人"),
    "emp.col.notes": ("Notes", "备注"),
    "mgr.trend.rising": ("Rising", "上升"),
    "mgr.trend.falling": ("Falling", "下降"),
    "mgr.trend.stable": ("Stable", "平稳"),
    "mgr.trend.volatile": ("Volatile", "波动"),
    # settings
    "settings.title": ("Settings", "设置"),
    "settings.intro": (
        "Every threshold of the analyses in one place. Changes apply to every page and the CLI.",
        "所有分析阈值集中在这里设置，修改后对所有页面和命令行生效。"),
    "settings.thresholds": ("Flag thresholds", "预警阈值"),
    "settings.save": ("Save", "保存"),
    "settings.reset": ("Reset to defaults", "恢复默认值"),
    "settings.saved": ("Saved.", "已保存。"),
    "settings.reset_done": ("Defaults restored.", "已恢复默认值。"),
    "settings.invalid": (
        "Not saved, nothing changed: {error}. Your entries are still in the form.",
        "未保存，数据没有变化：{error}。你填写的内容仍保留在表单中。"),
    **_REASONS,
    **_THRESHOLDS,
    # the attention list: a clicked cell shows its person's flags in full
    "team.details": (
        "**Focus:** {focus} · **Model:** {model} ({why}) · **Style:** {style}",
        "**辅导重点：**{focus} · **辅导模型：**{model}（{why}）· **辅导风格：**{style}",
    ),
    "team.open_prep": ("Open the coaching prep", "打开辅导准备"),
    "team.flags_cell_hint": (
        "Click a cell to read that person's evidence, focus and model in full below the table.",
        "点击任一单元格，可在表格下方查看此人的完整依据、辅导重点和模型。",
    ),
}
