"""The CLI's own lines (demo, history, undo, recipes, the impact summary): key -> (en, zh).

The English of a code-valued key (``cli.status.*``, ``cli.impact.reading.*`` …) is the code
itself, as scripts reading the English output have always seen it.
"""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "cli.demo.line": ("{file}: {status}, {rows} rows", "{file}：{status}，{rows} 行"),
    "cli.status.loaded": ("loaded", "已导入"),
    "cli.status.failed": ("failed", "未导入"),
    "cli.status.undone": ("undone", "已撤销"),
    "cli.history.col.import_id": ("import_id", "导入编号"),
    "cli.history.col.imported_at": ("imported_at", "导入时间"),
    "cli.history.col.file_name": ("file_name", "文件"),
    "cli.history.col.kind": ("kind", "类型"),
    "cli.history.col.status": ("status", "状态"),
    "cli.history.col.rows_read": ("rows_read", "读取行数"),
    "cli.history.col.rows_loaded": ("rows_loaded", "导入行数"),
    "cli.history.col.rows_rejected": ("rows_rejected", "拒绝行数"),
    "cli.history.col.rows_changed": ("rows_changed", "新增或变更行数"),
    "cli.history.col.encoding": ("encoding", "编码"),
    "cli.history.col.message": ("message", "说明"),
    "cli.history.empty": ("no imports yet", "暂无导入记录"),
    "cli.history.kind.metrics": ("metrics", "指标"),
    "cli.history.kind.roster": ("roster", "花名册"),
    "cli.history.kind.coaching": ("coaching", "辅导记录"),
    "cli.history.kind.goals": ("goals", "目标"),
    "cli.undo.done": ("import {id} undone", "已撤销导入 {id}"),
    "cli.undo.not_loaded": (
        "import {id} is not a loaded import; nothing changed",
        "导入 {id} 不是已导入的批次；未做任何更改",
    ),
    "cli.bad_date": (
        "{text} is not a date (use YYYY-MM-DD, or today)",
        "{text} 不是日期（请写成 YYYY-MM-DD，或 today 表示今天）",
    ),
    "cli.impact.bad_window": ("start {start} is after end {end}", "开始日期 {start} 晚于结束日期 {end}"),
    "cli.no_file": ("{file}: no such file", "{file}：文件不存在"),
    "cli.recipe.added": ("recipe added: {name}", "已添加导入方案：{name}"),
    "cli.recipe.renamed": ("recipe renamed: {name}", "导入方案已改名为：{name}"),
    "cli.recipe.deleted": ("recipe deleted: {name}", "已删除导入方案：{name}"),
    "cli.impact.window": ("window {start} .. {end}", "时间窗口 {start} 至 {end}"),
    "cli.impact.heads": (
        "people measured: {people}, coached {coached} ({coverage}), sessions {sessions}",
        "有数据的人数：{people}，接受辅导 {coached}（{coverage}），辅导次数 {sessions}",
    ),
    "cli.impact.sample": (
        "n={n} of {measured} measured, not counted: {why}",
        "n={n}（有数据 {measured} 人），未计入：{why}",
    ),
    "cli.impact.none": ("none", "无"),
    "cli.impact.reading": ("reading: {reading}", "解读：{reading}"),
    "cli.impact.reading.positive": ("positive", "正相关"),
    "cli.impact.reading.negative": ("negative", "负相关"),
    "cli.impact.reading.none": ("none", "无明显关系"),
    "cli.impact.reading.no_sessions": ("no_sessions", "没有辅导记录"),
    "cli.impact.reading.too_few": ("too_few", "样本太少"),
    "cli.impact.reading.same_sessions": ("same_sessions", "每人辅导次数相同"),
    "cli.impact.why.no_values": ("no_values", "无指标数据"),
    "cli.impact.why.alone_in_team": ("alone_in_team", "团队中仅一人"),
    "cli.impact.why.no_score": ("no_score", "无法计算得分"),
    "cli.impact.why.one_part": ("one_part", "仅有前后一段数据"),
    "cli.impact.correlation": (
        "sessions x change: n={n} pearson_r={r} [{low}, {high}] p={p} spearman_rho={rho} "
        "partial_r={partial}",
        "辅导次数 × 变化：n={n} 皮尔逊 r={r} [{low}, {high}] p={p} 斯皮尔曼 ρ={rho} "
        "偏相关 r={partial}",
    ),
    "cli.impact.event": (
        "event study: {events} sessions, {people} people, change={change} [{low}, {high}], "
        "effect vs {controls} uncoached={effect} [{e_low}, {e_high}]",
        "事件研究：{events} 次辅导，{people} 人，变化={change} [{low}, {high}]，"
        "相对 {controls} 名未受辅导者的效果={effect} [{e_low}, {e_high}]",
    ),
    "cli.impact.rate": ("{measure}: {rate} ({met}/{eligible})", "{measure}:{rate}({met}/{eligible})"),
    "cli.impact.measure.first_session": ("first_session", "首次辅导"),
    "cli.impact.measure.weekly_first_month": ("weekly_first_month", "首月每周辅导"),
    "cli.impact.measure.formal_quarter": ("formal_quarter", "每季度正式辅导"),
    "cli.impact.measure.monthly_contact": ("monthly_contact", "每月联系"),
    "cli.impact.measure.coverage": ("coverage", "覆盖率"),
    "cli.impact.measure.core_coverage": ("core_coverage", "核心岗位覆盖率"),
    "cli.impact.plans": (
        "plan_attainment: {rate} ({on_time}/{due})", "改进计划按时完成率：{rate}（{on_time}/{due}）"),
}
