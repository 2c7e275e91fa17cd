"""Texts of the workbook import: the result summary, the sheets on the Import page, recipes."""

# ruff: noqa: RUF001, RUF100

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # what an import stored, per kind (store.import_log.summary)
    "sheets.sum.read": ("{n} rows read", "读取 {n} 行"),
    "sheets.sum.employees": ("{n} people in the roster ({changed} new or changed)",
                             "花名册 {n} 人（新增或变更 {changed} 人）"),
    "sheets.sum.metric_values": ("{n} metric values ({changed} new or changed)",
                                 "指标值 {n} 个（新增或变更 {changed} 个）"),
    "sheets.sum.coaching_sessions": ("{n} coaching sessions ({changed} new or changed)",
                                     "辅导记录 {n} 条（新增或变更 {changed} 条）"),
    "sheets.sum.goals": ("{n} key results ({changed} new or changed)",
                         "关键结果 {n} 条（新增或变更 {changed} 条）"),
    "sheets.sum.nothing": ("nothing stored", "未保存任何数据"),
    "sheets.sum.not_stored": ("the columns {columns} were not stored", "列 {columns} 未保存"),
    "sheets.sum.join": ("; ", "；"),
    # recipes
    "sheets.recipe.unknown": ("There is no recipe called “{name}”.", "没有名为“{name}”的配方。"),
    "sheets.recipe.taken": ("A recipe called “{name}” exists already.",
                            "已有名为“{name}”的配方。"),
    "sheets.recipe.bad_name": ("A recipe's name has 1 to {max} characters.",
                               "配方名称须为 1 至 {max} 个字符。"),
    "sheets.recipe.bad_file": ("This is not a Coachboard recipes file (JSON exported by "
                               "Coachboard); nothing was added.",
                               "这不是 Coachboard 配方文件（由 Coachboard 导出的 JSON），未添加任何配方。"),
}
