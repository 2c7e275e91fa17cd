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
    "sheets.sum.targets_unmatched": (
        "{n} target values have no actual value yet and were not stored",
        "{n} 个目标值尚无对应的实际值，未保存"),
    "sheets.sum.nothing": ("nothing stored", "未保存任何数据"),
    "sheets.sum.not_stored": ("the columns {columns} were not stored", "列 {columns} 未保存"),
    "sheets.sum.join": ("; ", "；"),
    # the Import page: sheets
    "sheets.read": ("The workbook has {n} sheets; each is shown below with what it was "
                    "recognised as. Change what a sheet holds, or leave it out.",
                    "该工作簿有 {n} 个工作表，下面逐一列出识别结果。可以修改每个工作表的类型，或不导入。"),
    "sheets.sheet": ("Sheet", "工作表"),
    "sheets.kind": ("What is in this sheet?", "此工作表的内容"),
    "kind.targets": ("Targets of another sheet", "另一个工作表的目标值"),
    "kind.skip": ("Not imported", "不导入"),
    "sheets.layout.long": ("Layout: one row per person and period.",
                           "格式：每人每期一行。"),
    "sheets.layout.periods_across": ("Layout: one row per person, the periods across the "
                                     "columns.", "格式：每人一行，各期间横向排列。"),
    "sheets.layout.events": ("Layout: one row per event (a call, a ticket, a deal), counted "
                             "and summed per person and period.",
                             "格式：每个事件（通话、工单、商机）一行，按人员和期间汇总。"),
    "sheets.targets_for": ("Targets of the sheet", "这些目标值对应的工作表"),
    "sheets.periods": ("{n} period columns, from {first} to {last}.",
                       "{n} 个期间列，从 {first} 到 {last}。"),
    "sheets.metric": ("Name of the metric in these columns", "这些列的指标名称"),
    "sheets.ask.metric": ("Neither the sheet's name nor a title above the header says what "
                          "these numbers measure: type the metric's name.",
                          "工作表名称和表头上方的标题都没有说明这些数值是什么指标：请输入指标名称。"),
    "sheets.grain": ("Count the events per", "事件汇总周期"),
    "sheets.grain.day": ("day", "日"),
    "sheets.grain.week": ("week (Monday to Sunday)", "周（周一至周日）"),
    "sheets.grain.month": ("month", "月"),
    "sheets.include_partial": ("Keep periods the file covers only in part (they are left out "
                               "of trends and flags otherwise)",
                               "保留文件只覆盖了一部分的期间（否则不计入趋势和预警）"),
    "sheets.kpis": ("KPIs computed from the events", "由事件计算的指标"),
    "sheets.kpis_help": ("Change a name, an aggregation or a filter, add a row for a new KPI, "
                         "or delete a row. A filter keeps only the events whose filter column "
                         "holds the value (yes/no columns: yes, no).",
                         "可修改名称、汇总方式或筛选条件，新增一行即新增指标，删除行即删除指标。"
                         "筛选只保留筛选列等于该值的事件（是/否列填写“是”或“否”）。"),
    "sheets.kpi.name": ("KPI", "指标"),
    "sheets.kpi.agg": ("How", "汇总方式"),
    "sheets.kpi.column": ("Of column", "来源列"),
    "sheets.kpi.where_column": ("Only events whose column", "筛选列"),
    "sheets.kpi.where_value": ("is", "等于"),
    "sheets.kpi.direction": ("Better when", "方向"),
    "sheets.agg.count": ("number of events", "事件数"),
    "sheets.agg.sum": ("sum", "合计"),
    "sheets.agg.mean": ("average", "平均"),
    "sheets.agg.rate": ("% of yes", "“是”的比例"),
    "sheets.kpi.needs_column": ("The KPI {name} needs a column to sum, average or rate; it is "
                                "left out until one is chosen.",
                                "指标 {name} 需要选择来源列才能合计、平均或计算比例，选择之前不会导入。"),
    # recipes on the Import page
    "sheets.recipe.offer": ("Looks like the ‘{name}’ export you imported on {date}: use the "
                            "same settings? They are filled in below, or import in one click.",
                            "这看起来是你在 {date} 导入过的“{name}”导出文件：使用相同的设置吗？"
                            "设置已填入下方，也可以一键导入。"),
    "sheets.recipe.use": ("Import with the same settings", "使用相同设置导入"),
    "sheets.recipe.saved": ("The settings are saved as the recipe ‘{name}’: the next file of "
                            "this shape imports in one click.",
                            "这些设置已保存为配方“{name}”：下次相同格式的文件可一键导入。"),
    "sheets.recipes.title": ("Saved import settings (recipes)", "已保存的导入设置（配方）"),
    "sheets.recipes.empty": ("No recipes yet: each successful import saves one.",
                             "还没有配方：每次成功导入都会保存一个。"),
    "sheets.recipes.col.name": ("Recipe", "配方"),
    "sheets.recipes.col.file_name": ("Made from", "来源文件"),
    "sheets.recipes.col.created_by": ("By", "创建人"),
    "sheets.recipes.col.created_at": ("Made", "创建时间"),
    "sheets.recipes.col.used_at": ("Last used", "最近使用"),
    "sheets.recipes.pick": ("Recipe", "配方"),
    "sheets.recipes.export": ("Download all recipes (JSON, to share)",
                              "下载全部配方（JSON，可分享）"),
    "sheets.recipes.new_name": ("New name", "新名称"),
    "sheets.recipes.rename": ("Rename", "重命名"),
    "sheets.recipes.renamed": ("Recipe renamed to ‘{name}’.", "配方已重命名为“{name}”。"),
    "sheets.recipes.confirm": ("Yes, delete the recipe ‘{name}’", "确认删除配方“{name}”"),
    "sheets.recipes.delete": ("Delete recipe", "删除配方"),
    "sheets.recipes.deleted": ("Recipe ‘{name}’ deleted.", "配方“{name}”已删除。"),
    "sheets.recipes.import": ("Add recipes from a JSON file another Coachboard exported",
                              "从其他 Coachboard 导出的 JSON 文件添加配方"),
    "sheets.recipes.add": ("Add these recipes", "添加这些配方"),
    "sheets.recipes.added": ("Recipes added: {names}.", "已添加配方：{names}。"),
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
