"""Texts of the Import page: the upload, the check of every line, the result, the history
and undo, the kinds of file and their fields. key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    # upload
    "upload.title": ("Import data", "导入数据"),
    "upload.intro": (
        "Upload a CSV or Excel export as you have it (roster, metrics, a call or deal log, "
        "coaching log or goals; every sheet of a workbook). Chinese or English headers, GBK or "
        "UTF-8, periods down or across. Nothing is stored until you press Import.",
        "按原样上传 CSV 或 Excel 导出文件（花名册、指标、通话或商机明细、辅导记录或目标表；"
        "工作簿的每个工作表都会读取）。支持中英文表头、GBK 或 UTF-8 编码、期间纵向或横向排列。"
        "点击“导入”之前不会保存任何数据。",
    ),
    "upload.file": ("Export file", "导出文件"),
    "upload.detected": (
        "Read {rows} rows · encoding {encoding} · delimiter {delimiter} · header on line {header}",
        "已读取 {rows} 行 · 编码 {encoding} · 分隔符 {delimiter} · 表头在第 {header} 行",
    ),
    "upload.kind": ("What is in this file?", "文件内容类型"),
    "upload.kind_unknown": (
        "Coachboard could not tell what this file holds. Choose the kind and map the columns.",
        "无法自动判断文件类型，请选择类型并指定各列含义。",
    ),
    "upload.mapping": ("Columns", "列对应关系"),
    "upload.samples": ("Examples: {samples}", "示例：{samples}"),
    "upload.preview": ("First rows", "前几行"),
    "upload.import": ("Import", "导入"),
    "upload.import_valid": (
        "Import the valid rows only ({bad} bad lines kept for review)",
        "只导入有效行（{bad} 行有问题，保留待查）",
    ),
    "upload.progress.read": ("Reading the file…", "正在读取文件…"),
    "upload.progress.checked": ("Checked {done} rows", "已检查 {done} 行"),
    "upload.progress.stored": ("Stored {done} of {total} rows", "已保存 {done} / {total} 行"),
    # validation report and result
    "report.ok": ("All {total} rows are valid.", "全部 {total} 行有效。"),
    "report.bad": (
        "{bad} of {total} lines have problems (listed below); {good} are valid. By default "
        "nothing is imported while any line is bad.",
        "{total} 行中有 {bad} 行有问题（见下表），{good} 行有效。只要有问题行，默认不导入任何数据。",
    ),
    "report.line": ("Line", "行号"),
    "report.column": ("Column", "列"),
    "report.value": ("Value", "值"),
    "report.reason": ("Problem", "问题"),
    "result.loaded": (
        "Imported {file}: {loaded} rows ({changed} new or changed, {rejected} lines rejected).",
        "已导入 {file}：{loaded} 行（新增或变更 {changed} 行，拒绝 {rejected} 行）。",
    ),
    "result.nothing": (
        "Nothing was imported from {file}: {bad} lines have problems. Fix them, or import the "
        "valid rows only.",
        "{file} 未导入任何数据：有 {bad} 行存在问题。请修正后重试，或只导入有效行。",
    ),
    # history
    "history.title": ("Import history", "导入历史"),
    "history.empty": ("No imports yet.", "暂无导入记录。"),
    "history.import_id": ("#", "#"),
    "history.imported_at": ("When", "时间"),
    "history.file_name": ("File", "文件"),
    "history.kind": ("Kind", "类型"),
    "history.status": ("Status", "状态"),
    "history.rows_read": ("Rows read", "读取行数"),
    "history.rows_loaded": ("Loaded", "导入"),
    "history.rows_rejected": ("Rejected", "拒绝"),
    "history.rows_changed": ("New/changed", "新增/变更"),
    "history.encoding": ("Encoding", "编码"),
    "history.rejected": ("Rejected rows kept for review", "被拒绝的行（保留待查）"),
    "history.pick": ("Import", "导入批次"),
    "history.undo": ("Undo an import", "撤销导入"),
    "history.confirm": (
        "Yes, remove what this import wrote and restore what it replaced",
        "确认：删除这次导入写入的数据，并恢复被它覆盖的数据",
    ),
    "history.undo_button": ("Undo import", "撤销导入"),
    "history.undone": ("Import #{id} undone.", "已撤销导入 #{id}。"),
    "status.loaded": ("loaded", "已导入"),
    "status.failed": ("nothing imported", "未导入"),
    "status.undone": ("undone", "已撤销"),
    # kinds and fields
    "kind.metrics": ("Metrics (KPI values per period)", "指标（每期 KPI 数值）"),
    "kind.roster": ("Roster (who is who)", "花名册"),
    "kind.coaching": ("Coaching log", "辅导记录"),
    "kind.goals": ("Goals (OKR / KPI sheet)", "目标（OKR / KPI 表）"),
    "field.ignore": ("— ignore —", "— 忽略 —"),
    "field.as_metric": ("a metric (wide layout)", "一项指标（宽表）"),
    "field.employee_id": ("Employee ID", "工号"),
    "field.period": ("Period (date)", "期间（日期）"),
    "field.metric": ("Metric name", "指标名称"),
    "field.value": ("Value", "实际值"),
    "field.target": ("Target", "目标值"),
    "field.name": ("Name", "姓名"),
    "field.team": ("Team", "团队"),
    "field.manager_id": ("Manager ID", "直属主管"),
    "field.role": ("Role", "岗位"),
    "field.hire_date": ("Hire date", "入职日期"),
    "field.high_potential": ("High potential", "是否高潜"),
    "field.date": ("Session date", "辅导日期"),
    "field.type": ("Type (formal / informal)", "类型（正式/非正式）"),
    "field.model": ("Model (GROW, BEST, STAR-AR, OKR)", "辅导模型（GROW、BEST、STAR-AR、OKR）"),
    "field.coach": ("Coach", "辅导人"),
    "field.notes": ("Notes", "备注"),
    "field.objective": ("Objective", "目标"),
    "field.key_result": ("Key result", "关键结果"),
    "field.weight": ("Weight", "权重"),
    "field.due_date": ("Due date", "截止日期"),
    "field.progress": ("Progress", "进度"),
    # what an upload may be (size)
    "upload.limit": (
        "Files up to {mb} MB can be imported; split a bigger export (for example by quarter).",
        "可导入的文件最大为 {mb} MB；更大的导出文件请拆分（例如按季度）后导入。",
    ),
    # cli.py import: the outcome on the terminal, in --lang
    "upload.cli.report": (
        "{file} ({kind}): {head}, {loaded} rows loaded, {rejected} rejected, {changed} new or "
        "changed",
        "{file}（{kind}）：{head}，导入 {loaded} 行，拒绝 {rejected} 行，新增或变更 {changed} 行",
    ),
    "upload.cli.loaded": ("loaded", "已导入"),
    # a sheet's kind and layout: the English is the code --kind/--sheet NAME=KIND take
    "upload.cli.kind.metrics": ("metrics", "指标"),
    "upload.cli.kind.roster": ("roster", "花名册"),
    "upload.cli.kind.coaching": ("coaching", "辅导记录"),
    "upload.cli.kind.goals": ("goals", "目标"),
    "upload.cli.kind.targets": ("targets", "目标值"),
    "upload.cli.kind.skip": ("skip", "跳过"),
    "upload.cli.layout.long": ("long", "每人每期一行"),
    "upload.cli.layout.periods_across": ("periods_across", "期间横排"),
    "upload.cli.layout.events": ("events", "每个事件一行"),
    "upload.cli.nothing": ("NOTHING LOADED", "未导入任何数据"),
    "upload.cli.unknown_kind": ("unknown kind", "类型未知"),
    "upload.cli.sheet": ("sheet {sheet}: {kind}", "工作表 {sheet}：{kind}"),
    "upload.cli.sheet_layout": ("sheet {sheet}: {kind} ({layout})", "工作表 {sheet}：{kind}（{layout}）"),
    "upload.cli.recipe": ("recipe: {name}", "导入方案：{name}"),
    "upload.cli.at_sheet": ("sheet {sheet}, line {line}", "工作表 {sheet} 第 {line} 行"),
    "upload.cli.at_line": ("line {line}", "第 {line} 行"),
    "upload.cli.at_column": ("{at}, {column}", "{at}，{column}"),
    "upload.cli.error": ("{at}: {message}", "{at}：{message}"),
    "upload.cli.more": (
        "… and {n} more bad lines, kept for review on the Import page",
        "……另有 {n} 行有问题，已保留在导入页面待查",
    ),
    # a name in two columns; periods without a year; dates on arbitrary days
    # the mapping editor's choices for a name written in two columns
    "field.first_name": ("First name", "名"),
    "field.last_name": ("Last name (family name)", "姓"),
    # Streamlit writes the file box's own words in English only; in Chinese these replace them
    "upload.box.button": ("Upload", "上传"),
    "upload.box.limit": ("{mb} MB per file", "每个文件最大 {mb} MB"),
    "upload.year": ("Year of these periods", "这些期间所属的年份"),
    "upload.grain": ("Read the dates by", "日期按以下周期读取"),
    "upload.grain.day": ("as written (each date its own period)", "按原样（每个日期各为一期）"),
    "upload.grain.week": ("week (starting Monday)", "周（周一开始）"),
    "upload.grain.month": ("month", "月"),
    "upload.grain.quarter": ("quarter", "季度"),
    "upload.grain.why_once": (
        "The dates of “{column}” fall on arbitrary days and most of the {people} people have "
        "one date only, so a day holds too few people to compare; they are read by {grain} "
        "({held} people in a {grain}, median): each value is the mean of that person's values "
        "in the {grain}. Choose another grain if that is wrong.",
        "“{column}”中的日期是任意日期，{people} 人中多数只有一个日期，单日人数太少，无法比较；"
        "因此按{grain}读取（每{grain}中位 {held} 人）：每个数值是此人在该{grain}内各数值的平均值。"
        "如不合适，请选择其他周期。"),
    "upload.grain.why": (
        "The dates of “{column}” fall on arbitrary days, a median of {gap} days apart for the "
        "same person ({people} people with two dates or more), so they are read by {grain}: "
        "each value is the mean of that person's values in the {grain}. Choose another grain "
        "if that is wrong.",
        "“{column}”中的日期是任意日期，同一人的两次日期中位间隔 {gap} 天（{people} 人有两次以上），"
        "因此按{grain}读取：每个数值是此人在该{grain}内各数值的平均值。如不合适，请选择其他周期。"),
    "upload.year.guess": (
        "The periods {periods} are written without a year. Read as {year}: the latest year in "
        "which all of them have begun. Change it if they are from another year.",
        "期间 {periods} 没有写年份。按 {year} 年读取：这是它们都已开始的最近一年。"
        "如果属于其他年份，请修改。"),
    "upload.year.file": (
        "The periods {periods} are written without a year; the sheet's name or title says "
        "{year}. Change it if that is wrong.",
        "期间 {periods} 没有写年份；工作表名称或标题中写的是 {year} 年。如有误，请修改。"),
    "upload.year.kept": (
        "The periods {periods} are written without a year; read as {year}, as chosen last "
        "time for a file of this shape. Change it if this file is from another year.",
        "期间 {periods} 没有写年份；按上次导入同样格式文件时选择的 {year} 年读取。"
        "如果此文件属于其他年份，请修改。"),
}
