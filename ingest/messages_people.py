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
