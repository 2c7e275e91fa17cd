"""Sentences (English, 简体中文) for who a line is about and whether its values can be true:
names without ids, odd ids, implausible values, future periods, undecodable lines, kinds."""

# Chinese sentences rightly use full-width punctuation (see ingest/messages.py).
# ruff: noqa: RUF001, RUF100

from __future__ import annotations

PEOPLE_MESSAGES: dict[str, tuple[str, str]] = {
    "empty_name": ("The name is empty in column “{column}”, so this line belongs to nobody.",
                   "“{column}”列的姓名为空，无法确定此行属于谁。"),
    "ambiguous_name": (
        "{value}: this name matches more than one person in the roster, so this line was not "
        "imported. Add a column with the employee ID (for example “工号”) so each line says "
        "who it is.",
        "{value}：花名册中有不止一人叫这个名字，此行未导入。请增加员工编号列（例如“工号”），"
        "让每一行都能确定是谁。"),
    "id_too_long": ("The employee ID in column “{column}” is longer than 64 characters; it is "
                    "probably not an ID.",
                    "“{column}”列的员工编号超过 64 个字符，可能不是员工编号。"),
    "id_line_break": ("The employee ID in column “{column}” holds a line break; an ID is one "
                      "line of text.",
                      "“{column}”列的员工编号中含有换行，员工编号应为单行文字。"),
}

PEOPLE_MESSAGES.update({
    "ambiguous_kind": (
        "This file could be metrics (its numbers stored per person and period) or a roster (a "
        "list of people). Say which: choose the kind on the Import page, or add --kind metrics "
        "or --kind roster to the command.",
        "此文件既可能是指标数据（按人员和期间保存其中的数字），也可能是花名册（人员名单）。"
        "请指明类型：在导入页面选择类型，或在命令中加上 --kind metrics 或 --kind roster。"),
})

_CONFIRM = (" If this metric really can hold such values, confirm it: tick it on the Import page, or "
            "add --allow-metric “{column}” to the command.",
            "如果该指标确实可能取这样的值，请确认：在导入页面勾选该指标，或在命令中加上 "
            "--allow-metric “{column}”。")
PEOPLE_MESSAGES.update({
    code: (en + _CONFIRM[0], zh + _CONFIRM[1]) for code, (en, zh) in {
        "implausible_negative": (
            "{value} in “{column}” is negative, which a count, a time, a rate or a score cannot "
            "be; this line was not imported.",
            "“{column}”中的 {value} 是负数，而数量、时长、比率或评分不可能为负，此行未导入。"),
        "implausible_rate": (
            "{value} in “{column}” is over 100%, which a rate cannot be; this line was not "
            "imported.",
            "“{column}”中的 {value} 超过 100%，比率不可能超过 100%，此行未导入。"),
        "implausible_scale": (
            "{value} in “{column}” is beyond the scale the rest of this score uses; this line "
            "was not imported.",
            "“{column}”中的 {value} 超出了该评分其余数值所用的分值范围，此行未导入。"),
        "implausible_huge": (
            "{value} in “{column}” is far too large to be a real figure (10^12 or more); this "
            "line was not imported.",
            "“{column}”中的 {value} 过大（不小于 10^12），不可能是真实数值，此行未导入。"),
    }.items()
})
PEOPLE_MESSAGES.update({
    "future_period": (
        "The period “{value}” in column “{column}” is after today: data cannot come from the "
        "future, so this line was not imported. Check the date.",
        "“{column}”列中的期间“{value}”晚于今天，数据不可能来自未来，此行未导入。请检查日期。"),
    "undecodable_line": (
        "This line's text could not be read: it is written in another encoding than the rest "
        "of the file, or holds binary data (such as a NUL byte). Retype it, or save the file "
        "again as CSV (UTF-8).",
        "无法读取此行的文字：它的编码与文件其余部分不同，或含有二进制数据（例如 NUL 字节）。"
        "请重新输入此行，或将文件另存为 CSV（UTF-8）。"),
    "duplicate_header": (
        "The header “{column}” appears twice (columns {first} and {second}), so Coachboard "
        "cannot tell which one to use. Rename one of them and import the file again.",
        "表头“{column}”出现了两次（第 {first} 列和第 {second} 列），无法判断应使用哪一列。"
        "请重命名其中一列后重新导入。"),
})
