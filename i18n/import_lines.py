"""Why one line of an import was not stored: a bad cell, a person who cannot be told, a value
that cannot be true, a reporting line refused. ``ingest.describe(code)`` renders
``ingest.<code>``. key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    # a manager's upload naming someone outside their people (store.import_scope)
    "ingest.not_your_team": (
        "Employee {value} is not one of your people, so this row was not imported. Ask HR to "
        "import it, or remove the row.",
        "员工 {value} 不在你的管理范围内，此行未导入。请让人力资源部门导入，或删除此行。",
    ),
    # one bad cell; a row's sentence gets {value} and {column}
    "ingest.empty_id": ("The employee ID is empty in column “{column}”.", "“{column}”列的员工编号为空。"),
    "ingest.not_a_number": (
        "“{value}” in column “{column}” is not a number.",
        "“{column}”列中的“{value}”不是数字。",
    ),
    "ingest.bad_date": (
        "“{value}” in column “{column}” is not a date we recognise.",
        "“{column}”列中的“{value}”不是可识别的日期。",
    ),
    "ingest.missing_value": (
        "Column “{column}” is empty but needs a value.",
        "“{column}”列为空，但必须填写。",
    ),
    "ingest.bad_type": (
        "“{value}” in column “{column}” is not a session type (formal / informal, 正式 / 非正式).",
        "“{column}”列中的“{value}”不是有效的辅导类型（正式 / 非正式）。",
    ),
    "ingest.bad_model": (
        "“{value}” in column “{column}” is not a coaching model (GROW, BEST, STAR-AR, OKR).",
        "“{column}”列中的“{value}”不是有效的辅导模型（GROW、BEST、STAR-AR、OKR）。",
    ),
    "ingest.bad_flag": (
        "“{value}” in column “{column}” is not yes or no (是/否, Y/N).",
        "“{column}”列中的“{value}”不是“是/否”。",
    ),
    "ingest.duplicate_key": (
        "{value} appears on an earlier line with different values (column “{column}”); this line "
        "was not imported.",
        "{value} 在前面的行中已出现且数值不同（“{column}”列），本行未导入。",
    ),
    # who a line is about and whether its values can be true
    "ingest.empty_name": (
        "The name is empty in column “{column}”, so this line belongs to nobody.",
        "“{column}”列的姓名为空，无法确定此行属于谁。",
    ),
    "ingest.ambiguous_name": (
        "{value}: this name matches more than one person in the roster, so this line was not "
        "imported. Add a column with the employee ID (for example “工号”) so each line says who it "
        "is.",
        "{value}：花名册中有不止一人叫这个名字，此行未导入。请增加员工编号列（例如“工号”），让每一行都能确定是谁。",
    ),
    "ingest.id_too_long": (
        "The employee ID in column “{column}” is longer than 64 characters; it is probably not an "
        "ID.",
        "“{column}”列的员工编号超过 64 个字符，可能不是员工编号。",
    ),
    "ingest.id_line_break": (
        "The employee ID in column “{column}” holds a line break; an ID is one line of text.",
        "“{column}”列的员工编号中含有换行，员工编号应为单行文字。",
    ),
    "ingest.implausible_negative": (
        "{value} in “{column}” is negative, which a count, a time, a rate or a score cannot be; "
        "this line was not imported. If this metric really can hold such values, confirm it: tick "
        "it on the Import page, or add --allow-metric “{column}” to the command.",
        "“{column}”中的 {value} 是负数，而数量、时长、比率或评分不可能为负，此行未导入。如果该指标确实可能取这样的值，请确认：在导入页面勾选该指标，或在命令中加上 "
        "--allow-metric “{column}”。",
    ),
    "ingest.implausible_rate": (
        "{value} in “{column}” is over 100%, which a rate cannot be; this line was not imported. "
        "If this metric really can hold such values, confirm it: tick it on the Import page, or "
        "add --allow-metric “{column}” to the command.",
        "“{column}”中的 {value} 超过 100%，比率不可能超过 100%，此行未导入。如果该指标确实可能取这样的值，请确认：在导入页面勾选该指标，或在命令中加上 "
        "--allow-metric “{column}”。",
    ),
    "ingest.implausible_scale": (
        "{value} in “{column}” is beyond the scale the rest of this score uses; this line was not "
        "imported. If this metric really can hold such values, confirm it: tick it on the Import "
        "page, or add --allow-metric “{column}” to the command.",
        "“{column}”中的 {value} 超出了该评分其余数值所用的分值范围，此行未导入。如果该指标确实可能取这样的值，请确认：在导入页面勾选该指标，或在命令中加上 "
        "--allow-metric “{column}”。",
    ),
    "ingest.implausible_huge": (
        "{value} in “{column}” is far too large to be a real figure (10^12 or more); this line was "
        "not imported. If this metric really can hold such values, confirm it: tick it on the "
        "Import page, or add --allow-metric “{column}” to the command.",
        "“{column}”中的 {value} 过大（不小于 10^12），不可能是真实数值，此行未导入。如果该指标确实可能取这样的值，请确认：在导入页面勾选该指标，或在命令中加上 "
        "--allow-metric “{column}”。",
    ),
    "ingest.future_period": (
        "The period “{value}” in column “{column}” is after today: data cannot come from the "
        "future, so this line was not imported. Check the date.",
        "“{column}”列中的期间“{value}”晚于今天，数据不可能来自未来，此行未导入。请检查日期。",
    ),
    "ingest.undecodable_line": (
        "This line's text could not be read: it is written in another encoding than the rest of "
        "the file, or holds binary data (such as a NUL byte). Retype it, or save the file again as "
        "CSV (UTF-8).",
        "无法读取此行的文字：它的编码与文件其余部分不同，或含有二进制数据（例如 NUL 字节）。请重新输入此行，或将文件另存为 CSV（UTF-8）。",
    ),
    "ingest.duplicate_header": (
        "The header “{column}” appears twice (columns {first} and {second}), so Coachboard cannot "
        "tell which one to use. Rename one of them and import the file again.",
        "表头“{column}”出现了两次（第 {first} 列和第 {second} 列），无法判断应使用哪一列。请重命名其中一列后重新导入。",
    ),
    # reporting lines and manager circles (store.org_chart)
    "ingest.org_manager_id": (
        "Only HR can change who {value} reports to, so this line was not imported. Ask HR, or "
        "leave the manager as it is.",
        "只有人力资源部门可以更改 {value} 的直属主管，此行未导入。请联系人力资源部门，或保持原主管不变。",
    ),
    "ingest.org_team": (
        "Only HR can move {value} to another team, so this line was not imported. Ask HR, or leave "
        "the team as it is.",
        "只有人力资源部门可以把 {value} 调到其他团队，此行未导入。请联系人力资源部门，或保持原团队不变。",
    ),
    "ingest.org_role": (
        "Only HR can change {value}'s role, so this line was not imported. Ask HR, or leave the "
        "role as it is.",
        "只有人力资源部门可以更改 {value} 的岗位，此行未导入。请联系人力资源部门，或保持原岗位不变。",
    ),
    "ingest.org_hire_date": (
        "Only HR can change {value}'s hire date, so this line was not imported. Ask HR, or leave "
        "the hire date as it is.",
        "只有人力资源部门可以更改 {value} 的入职日期，此行未导入。请联系人力资源部门，或保持原入职日期不变。",
    ),
    "ingest.manager_self": (
        "{value} is entered as their own manager, so this line was not imported. Enter the person "
        "they report to, or leave the manager empty.",
        "{value} 被填写为自己的直属主管，此行未导入。请填写其实际汇报对象，或留空。",
    ),
    "ingest.manager_cycle": (
        "This line closes a circle of managers ({value}): nobody above them would see these "
        "people, so it was not imported. Every chain must end at someone with no manager.",
        "此行使直属主管关系形成闭环（{value}）：上级将看不到这些员工，因此未导入。每条汇报链都必须止于一位没有直属主管的人。",
    ),
    # a field as a sentence names it (ingest.describe's {field})
    "ingest.field.employee_id": ("employee ID", "员工编号"),
    "ingest.field.name": ("name", "姓名"),
    "ingest.field.first_name": ("first name", "名"),
    "ingest.field.last_name": ("last name", "姓"),
    "ingest.field.team": ("team", "团队"),
    "ingest.field.manager_id": ("manager", "直属主管"),
    "ingest.field.role": ("role", "岗位"),
    "ingest.field.hire_date": ("hire date", "入职日期"),
    "ingest.field.high_potential": ("high potential", "高潜"),
    "ingest.field.period": ("period", "统计周期"),
    "ingest.field.metric": ("metric name", "指标名称"),
    "ingest.field.value": ("value", "数值"),
    "ingest.field.target": ("target", "目标值"),
    "ingest.field.date": ("date", "日期"),
    "ingest.field.type": ("session type", "辅导类型"),
    "ingest.field.model": ("coaching model", "辅导模型"),
    "ingest.field.coach": ("coach", "辅导人"),
    "ingest.field.notes": ("notes", "备注"),
    "ingest.field.objective": ("objective", "目标"),
    "ingest.field.key_result": ("key result", "关键结果"),
    "ingest.field.weight": ("weight", "权重"),
    "ingest.field.due_date": ("due date", "截止日期"),
    "ingest.field.progress": ("progress", "进度"),
    "ingest.field.year": ("year", "年度"),
    "ingest.field.quarter": ("quarter", "季度"),
    "ingest.field.month": ("month", "月份"),
    "ingest.field.week": ("week", "周次"),
    "ingest.field.n_events": ("number of events", "事件数"),
    "ingest.field.partial": ("partial period", "不完整期间"),
}
