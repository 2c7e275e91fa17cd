"""Texts of issue 17's board, headcount and HR-reading work: key -> (en, zh)."""

# analytics.headcount: one rule for people, flagged, coverage and sessions on every page.
_HEADCOUNT: dict[str, tuple[str, str]] = {
    "head.people": ("People measured", "有数据的员工"),
    "head.people_help": (
        "People you may see with at least one metric value from {start} to {end} (the last "
        "{days} days up to the as-of date). Every page counts people, flagged people and "
        "coverage this way; the roster ({roster} people, with managers and people without "
        "data) is in the sidebar.",
        "你有权查看、且在 {start} 至 {end}（截至分析日期的最近 {days} 天）内至少有一条指标数据"
        "的员工。每个页面都按此口径统计人数、需关注人数和覆盖率；花名册人数（{roster} 人，含主管和"
        "无数据的员工）见侧边栏。",
    ),
    "head.flagged_share": ("{share} of {people} people", "占 {people} 人的 {share}"),
    "head.flagged_help": (
        "Of the {people} people measured from {start} to {end}, those with at least one flag "
        "as of {end}.",
        "{start} 至 {end} 有数据的 {people} 名员工中，截至 {end} 至少有一个预警的人数。",
    ),
    "head.sessions": ("Coaching sessions", "辅导次数"),
    "head.sessions_help": (
        "Coaching sessions from {start} to {end} with the {people} people measured then.",
        "{start} 至 {end} 期间与这 {people} 名有数据员工进行的辅导次数。",
    ),
    "head.coverage_help": (
        "Of the {people} people with metric values from {start} to {end} (the last {days} "
        "days), the share with at least one coaching session in those days.",
        "{start} 至 {end}（最近 {days} 天）有指标数据的 {people} 名员工中，在此期间至少有一次"
        "辅导的比例。",
    ),
    "head.share": ("{n} of {total} people measured", "{total} 名有数据员工中的 {n} 名"),
    "sidebar.roster": (
        "**{employees}** people in the roster · **{teams}** teams · **{metrics}** metrics  \n"
        "**{sessions}** coaching sessions in the log · **{imports}** imports",
        "花名册 **{employees}** 人 · **{teams}** 个团队 · **{metrics}** 项指标  \n"
        "辅导记录共 **{sessions}** 次 · **{imports}** 次导入",
    ),
}

# analytics.board.red_people: a green team cell can hide a red person (item 10).
_RED: dict[str, tuple[str, str]] = {
    "board.cell.red": ("{n} red", "{n} 人红"),
    "board.tile.red_people": ("✗ Red people", "✗ 红色员工"),
    "board.tile.red_people_help": (
        "People under target by more than the red line on at least one metric this period, "
        "whatever the colour of their team's cell (a green team can hide a red person). "
        "Cells with red people say so: \"✓ 100.0% · 1 red\".",
        "本期至少一项指标低于红色线的员工人数，不论其所在团队单元格的颜色（绿色团队也可能有红色"
        "员工）。含红色员工的单元格会注明，例如“✓ 100.0% · 1 人红”。",
    ),
    "board.tile.red_help": (
        "Cells (group × metric) whose pooled attainment is red.",
        "合并达成率为红色的单元格（分组 × 指标）数。",
    ),
    "board.drill.red": (
        "Red in {group} · {metric}: {names}.",
        "{group} · {metric} 中的红色员工：{names}。",
    ),
    "board.manager": ("Manager", "主管"),
    "board.summary.title": ("Summary", "概要"),
    "board.summary.figure": ("Figure", "项目"),
    "board.summary.value": ("Value", "数值"),
    "board.summary.window": ("Window", "统计期间"),
    "board.summary.people": ("People measured", "有数据的员工"),
    "board.summary.flagged": ("Flagged people", "需关注员工"),
    "board.summary.coached": ("Coached in the window", "期间内接受辅导"),
    "board.summary.coverage": ("Coaching coverage", "辅导覆盖率"),
    "board.summary.sessions": ("Coaching sessions", "辅导次数"),
    "board.summary.red": ("Red cells", "红色格"),
    "board.summary.red_people": ("Red people", "红色员工"),
}

TEXTS: dict[str, tuple[str, str]] = {**_HEADCOUNT, **_RED}

# reports.impact_lead: the HR page opens with the figure that matters and its honesty (item 14).
_LEAD: dict[str, tuple[str, str]] = {
    "impact.lead.title": ("In short", "简要结论"),
    "impact.lead.better": (
        "People coached at least monthly ({monthly}) improved {diff} {unit} more than the rest "
        "({rest})",
        "每月至少辅导一次的员工（{monthly} 人）比其他员工（{rest} 人）多提升了 {diff} {unit}",
    ),
    "impact.lead.worse": (
        "People coached at least monthly ({monthly}) improved {diff} {unit} less than the rest "
        "({rest})",
        "每月至少辅导一次的员工（{monthly} 人）比其他员工（{rest} 人）少提升了 {diff} {unit}",
    ),
    "impact.lead.unit_z": ("standard scores", "个标准分"),
    "impact.lead.unit_attainment": ("points of target attainment", "个百分点（目标达成率）"),
    "impact.lead.strong": (
        "; unlikely to be chance ({p}, n = {n}), but not proof that coaching caused it.",
        "；不太可能是偶然（{p}，n = {n}），但这不能证明是辅导带来的。",
    ),
    "impact.lead.likely": (
        "; probably not chance ({p}, n = {n}), but not proof that coaching caused it.",
        "；大概率不是偶然（{p}，n = {n}），但这不能证明是辅导带来的。",
    ),
    "impact.lead.chance": (
        "; this could well be chance ({p}, n = {n}), and even if not, it would not prove that "
        "coaching caused it.",
        "；这很可能只是偶然（{p}，n = {n}）；即使不是偶然，也不能证明是辅导带来的。",
    ),
    "impact.lead.few": (
        "Too few people to compare those coached at least monthly ({monthly}) with the rest "
        "({rest}); n = {n}.",
        "人数太少，无法比较每月至少辅导一次的员工（{monthly} 人）与其他员工（{rest} 人）；"
        "n = {n}。",
    ),
    "impact.lead.corr_more": (
        "Across all {n} people, more sessions went with more improvement (r = {r}, 95% interval "
        "{low} to {high}, {p}).",
        "在全部 {n} 人中，辅导次数越多，改善越大（r = {r}，95% 区间 {low} 至 {high}，{p}）。",
    ),
    "impact.lead.corr_less": (
        "Across all {n} people, more sessions went with less improvement (r = {r}, 95% interval "
        "{low} to {high}, {p}).",
        "在全部 {n} 人中，辅导次数越多，改善越小（r = {r}，95% 区间 {low} 至 {high}，{p}）。",
    ),
    "impact.lead.corr_none": (
        "Across all {n} people, the number of sessions and the improvement show no clear "
        "relation (r = {r}, 95% interval {low} to {high}, {p}).",
        "在全部 {n} 人中，辅导次数与改善幅度没有明确关系（r = {r}，95% 区间 {low} 至 {high}，{p}）。",
    ),
    "impact.method_changed": ("{n} changed from the defaults", "{n} 项已改动"),
    "impact.method_diff": ("{name}: {value} (default {default})", "{name}：{value}（默认 {default}）"),
    "impact.method_reset": ("Reset to the defaults", "恢复默认设置"),
    "impact.method_note": (
        "Method changed from the defaults: {changes}.", "计算方法已改动：{changes}。"),
}

TEXTS.update(_LEAD)

# The overview's attention list: a clicked cell shows its person's flags in full (item 15).
TEXTS.update({
    "team.details": (
        "**Focus:** {focus} · **Model:** {model} ({why}) · **Style:** {style}",
        "**辅导重点：**{focus} · **辅导模型：**{model}（{why}）· **辅导风格：**{style}",
    ),
    "team.open_prep": ("Open the coaching prep", "打开辅导准备"),
    "team.flags_cell_hint": (
        "Click a cell to read that person's evidence, focus and model in full below the table.",
        "点击任一单元格，可在表格下方查看此人的完整依据、辅导重点和模型。",
    ),
})

# reports.audit_text: the audit log in words (item 16); the stored codes stay in the CSV.
TEXTS.update({
    "audit.action.import": ("Import", "导入"),
    "audit.action.undo_import": ("Import undone", "撤销导入"),
    "audit.action.export": ("Download", "下载"),
    "audit.action.settings": ("Settings", "设置"),
    "audit.action.catalog": ("Metric catalog", "指标目录"),
    "audit.action.view_employee": ("Opened a person", "查看员工"),
    "audit.action.user_add": ("User added or changed", "添加或修改用户"),
    "audit.action.user_remove": ("User removed", "删除用户"),
    "audit.action.backup": ("Backup", "备份"),
    "audit.action.restore": ("Restore", "恢复"),
    "audit.action.recipe": ("Import recipe", "导入方案"),
    "audit.word.loaded": ("loaded", "已导入"),
    "audit.word.failed": ("nothing loaded", "未导入"),
    "audit.word.save": ("saved", "已保存"),
    "audit.word.reset": ("reset to the defaults", "已恢复默认"),
    "audit.word.saved": ("saved", "已保存"),
    "audit.word.updated": ("updated", "已更新"),
    "audit.word.renamed": ("renamed", "已重命名"),
    "audit.word.deleted": ("deleted", "已删除"),
    "audit.word.imported": ("imported", "已导入"),
    "audit.word.refused": ("refused: not one of the viewer's people", "已拒绝：不在可查看范围内"),
    "audit.key.rejected": ("rejected rows", "拒绝行数"),
    "audit.key.role": ("role", "角色"),
    "audit.key.employee": ("employee", "员工"),
    "audit.export.board": ("Board", "看板"),
    "audit.export.brief": ("Coaching brief", "辅导简报"),
    "audit.export.impact": ("HR table", "HR 报表"),
    "audit.export.audit": ("Audit log", "审计日志"),
    "audit.export.fu": ("Follow-up record", "跟进记录"),
    "audit.export.other": ("Table", "表格"),
})

# The metric catalog's categories in words (item 16: "efficiency" was shown in Chinese mode).
TEXTS.update({
    "category.efficiency": ("efficiency", "效率"),
    "category.quality": ("quality", "质量"),
    "category.output": ("output", "产出"),
    "category.other": ("other", "其他"),
})
