"""UI texts of the board pages: key -> (en, zh)."""

_PAGE: dict[str, tuple[str, str]] = {
    "nav.board": ("Leadership board", "管理看板"),
    "board.title": ("Red / amber / green board", "红黄绿看板"),
    "board.intro": (
        "Each cell is the attainment of target for the period (lower-is-better metrics count "
        "target ÷ actual). ✓ green ≥ {green}, ! amber {red}–{green}, ✗ red < {red}, "
        "○ no target. ▲ ▼ ▶ compare with the period before.",
        "每个单元格是本期目标达成率（越低越好的指标按 目标÷实际 计算）。✓ 绿色 ≥ {green}，"
        "! 黄色 {red}–{green}，✗ 红色 < {red}，○ 无目标。▲ ▼ ▶ 与上一期相比。",
    ),
    "board.empty": (
        "There are no metric values yet. Import a metrics export (or load the demo team on the "
        "overview) to see the board.",
        "还没有指标数据。请导入指标文件（或在概览页加载演示数据）后查看看板。",
    ),
    "board.no_period": ("No metric values on or before {period}.", "{period} 及之前没有指标数据。"),
    "board.by": ("Rows (× metrics)", "行（× 指标）"),
    # short: the three choices fit side by side on a 390 px phone
    "board.by.team": ("Teams", "团队"),
    "board.by.manager": ("Managers", "主管"),
    "board.by.employee": ("People of one team", "单个团队的员工"),
    "board.team": ("Team", "团队"),
    "board.rolling": ("Pool the last {n} {units}", "合并最近 {n} {units}"),
    "board.caption": ("Period {period} · {window}", "期间 {period} · {window}"),
    "board.window.one": ("single period", "单期"),
    "board.window.rolling": ("rolling {n} {units}", "滚动 {n} {units}"),
    "board.no_target": ("no target", "无目标"),
    "board.group": ("Group", "分组"),
    "board.tile.red": ("✗ Red cells", "✗ 红色格"),
    "board.tile.amber": ("! Amber cells", "! 黄色格"),
    "board.tile.green": ("✓ Green cells", "✓ 绿色格"),
    "board.tile.flagged": ("Employees flagged", "被标记员工占比"),
    "board.tile.coverage": ("Coaching coverage", "辅导覆盖率"),
    "board.select_hint": (
        "Click a cell to drill into that team's employees on that metric.",
        "点击一个单元格，查看该团队员工在该指标上的表现。",
    ),
}

_DRILL: dict[str, tuple[str, str]] = {
    "board.drill.title": ("Drill down", "下钻"),
    "board.drill.metric": ("Metric", "指标"),
    "board.drill.heading": ("{team} · {metric}: employees", "{team} · {metric}：员工"),
    "board.drill.none": ("Nobody in {team} has values for {metric}.", "{team} 没有 {metric} 的数据。"),
    "board.drill.open": ("Open {name}", "打开 {name}"),
    "board.col.employee": ("Employee", "员工"),
    "board.col.cell": ("Board cell", "看板单元格"),
    "board.col.actual": ("Actual", "实际"),
    "board.col.target": ("Target", "目标"),
    "board.col.attainment": ("Attainment", "达成率"),
    "board.col.status": ("Status", "状态"),
    "board.col.previous": ("Previous", "上期"),
    "board.col.streak": ("Red periods in a row", "连续红色期数"),
    "board.col.since": ("Red since", "红色起始"),
    "board.col.level": ("Level", "层级"),
    "board.col.metric": ("Metric / key result", "指标 / 关键结果"),
    "board.col.value": ("Attainment / progress", "达成率 / 进度"),
    "board.col.team": ("Team", "团队"),
    "board.col.objective": ("Objective", "目标"),
    "board.col.progress": ("Progress", "进度"),
    "board.col.key_results": ("Key results", "关键结果数"),
    "board.col.red_key_results": ("Red key results", "红色关键结果"),
    "board.col.objectives": ("Objectives", "目标数"),
    "board.col.red_objectives": ("Red objectives", "红色目标"),
    "board.level.team": ("Team", "团队"),
    "board.level.employee": ("Employee", "员工"),
    "board.level.key_result": ("Key result", "关键结果"),
}

_SECTIONS: dict[str, tuple[str, str]] = {
    "board.alerts.title": ("Alerts", "预警"),
    "board.alerts.intro": (
        "Red for {n} or more periods in a row (single periods), newest first. Key results list "
        "their current progress: the goals table keeps no history.",
        "连续 {n} 期及以上为红色（按单期计），最新的在前。关键结果显示当前进度：目标表不保存历史。",
    ),
    "board.alerts.none": ("No alerts: nothing has been red for {n} periods in a row.",
                          "没有预警：没有连续 {n} 期为红色的项目。"),
    "board.alerts.streak": ("{n} periods", "{n} 期"),
    "board.okr.title": ("OKR board", "OKR 看板"),
    "board.okr.intro": (
        "Progress: ✗ red < {red}, ! amber {red}–{green}, ✓ green > {green}. An objective is the "
        "weighted mean of its key results (weights normalised per objective); a team is the mean "
        "of its objectives.",
        "进度：✗ 红色 < {red}，！ 黄色 {red}–{green}，✓ 绿色 > {green}。目标进度为其关键结果的加权"
        "平均（权重在目标内归一化）；团队进度为其目标的平均值。",
    ),
    "board.okr.none": ("No goals imported yet.", "尚未导入目标（OKR）。"),
    "board.okr.teams": ("Teams", "团队"),
    "board.export.title": ("Export", "导出"),
    "board.export.xlsx": ("Download XLSX (colours kept)", "下载 XLSX（保留颜色）"),
    "board.export.html": ("Download printable HTML snapshot", "下载可打印的 HTML 快照"),
    "board.export.heading": ("Coachboard · red / amber / green board", "Coachboard · 红黄绿看板"),
    "board.sheet.board": ("Board", "看板"),
    "board.sheet.alerts": ("Alerts", "预警"),
    "board.sheet.okr": ("OKR", "OKR"),
}

# Labels and help of analytics.board_thresholds.BoardThresholds: "board_thresholds.<field>".
_THRESHOLDS: dict[str, tuple[str, str]] = {
    "board_thresholds.title": ("Board colours", "看板颜色规则"),
    "board_thresholds.green_at": ("Green from (share of target)", "绿色起点（目标比例）"),
    "board_thresholds.green_at.help": ("1.0 = at or above target is green.",
                                       "1.0 = 达到或超过目标即为绿色。"),
    "board_thresholds.red_below": ("Red below (share of target)", "红色线（目标比例）"),
    "board_thresholds.red_below.help": ("0.8 = under 80% of target is red (the follow-up warning line).",
                                        "0.8 = 低于目标的 80% 为红色。"),
    "board_thresholds.okr_red_below": ("OKR red below (progress)", "OKR 红色线（进度）"),
    "board_thresholds.okr_red_below.help": ("0.30 = progress under 30% is red.",
                                            "0.30 = 进度低于 30% 为红色。"),
    "board_thresholds.okr_green_above": ("OKR green above (progress)", "OKR 绿色线（进度）"),
    "board_thresholds.okr_green_above.help": ("0.70 = progress over 70% is green.",
                                              "0.70 = 进度高于 70% 为绿色。"),
    "board_thresholds.alert_periods": ("Red periods in a row for an alert", "触发预警的连续红色期数"),
    "board_thresholds.alert_periods.help": ("2 = two consecutive red periods raise an alert.",
                                            "2 = 连续两期为红色即预警。"),
    "board_thresholds.rolling_periods": ("Periods of the rolling board", "滚动看板的期数"),
    "board_thresholds.rolling_periods.help": ("The rolling board pools this many periods.",
                                              "滚动看板合并的期数。"),
    "board_thresholds.trend_tolerance": ("Flat trend within", "趋势持平范围"),
    "board_thresholds.trend_tolerance.help": (
        "A change of attainment under this (0.005 = half a point) shows ▶ instead of ▲ / ▼.",
        "达成率变化小于此值（0.005 = 0.5 个百分点）时显示 ▶ 而非 ▲ / ▼。"),
    "board_thresholds.coverage_days": ("Coaching coverage window (days)", "辅导覆盖统计天数"),
    "board_thresholds.coverage_days.help": (
        "Coverage counts employees with a session in these days up to the as-of date.",
        "覆盖率统计截至分析日期这些天内有辅导记录的员工。"),
}


# analytics.board.red_people: a green team cell can hide a red person.
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

TEXTS: dict[str, tuple[str, str]] = {**_PAGE, **_DRILL, **_SECTIONS, **_THRESHOLDS, **_RED}
