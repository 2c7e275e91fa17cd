"""Texts of the forecast's other uses (the what-if, the brief's forecast line, the digest's
chart, the employee's audited writes, the privacy-safe team band): key -> (en, zh)."""

# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "audit.action.plan_confirm": ("Plan confirmed by the employee", "员工确认计划"),
    "audit.action.session_rating": ("Session rated by the employee", "员工评价辅导"),
    "audit.action.pulse": ("Pulse answered by the employee", "员工回答反馈"),
    # the forecast what-if (prep page, cli.py forecast --what-if)
    "wi.title": ("What if …", "假如……"),
    "wi.intro": (
        "Move one metric's level by an amount from the next period on and see how the forecast "
        "and the chances of reaching target change.",
        "让某项指标的水平从下一期起变化一个幅度，看预测值和达成目标的概率会怎样变化。"),
    "wi.metric": ("Metric", "指标"),
    "wi.shift": ("Change of level, in the metric's own unit", "水平变化（按该指标自身的单位）"),
    "wi.shift.help": (
        "+5 on a rate in % means 5 points higher; a negative number lowers the level. It applies "
        "to every period from the next one on.",
        "对以 % 表示的比率，+5 表示提高 5 个百分点；负数表示降低。从下一期起的每一期都按此变化。"),
    "wi.none": (
        "No what-if yet: none of this person's metrics has a forecast (it needs at least {n} "
        "periods of history).",
        "暂时无法假设：此人没有任何指标有预测（至少需要 {n} 期历史数据）。"),
    "wi.row.next": ("Next value ({period})", "下一期（{period}）"),
    "wi.row.period": ("The {span} from {start} (target {target})",
                      "自 {start} 起的这一{span}（目标 {target}）"),
    "wi.row.p_ratio": ("Chance of reaching {ratio} of target", "达成目标 {ratio} 的概率"),
    "wi.row.p_target": ("Chance of reaching the whole target", "达成全部目标的概率"),
    "wi.col.what": ("Forecast of", "预测项"),
    "wi.col.base": ("As forecast (interval)", "按现有预测（区间）"),
    "wi.col.shifted": ("If the level moves {shift} (interval)", "若水平变化 {shift}（区间）"),
    "wi.col.change": ("Change", "变化"),
    "wi.points": ("{n} points", "{n} 个百分点"),
    "wi.assumes": (
        "Assumes: {metric} moves by {shift} from the next period on and stays moved in every "
        "later one; everything else stays as in this person's own history: the same ups and "
        "downs (the interval keeps its width), the periods already reported as they are, and "
        "the other metrics unchanged (a link between metrics is not modelled).",
        "假设：{metric} 从下一期起变化 {shift}，并在之后每一期都保持；其余一切都与此人自己的历史相同："
        "波动幅度不变（区间宽度不变），已报告的各期保持原值，其他指标不变（不模拟指标之间的关联）。"),
    "wi.cannot": (
        "Cannot prove: this is arithmetic on the forecast, not evidence. It does not show that "
        "coaching, or anything else, will bring the change, nor how likely a change of {shift} "
        "is.",
        "无法证明：这只是对预测的推算，不是证据。它不能说明辅导或其他任何做法会带来这一变化，"
        "也不能说明变化 {shift} 的可能性有多大。"),
    "wi.beyond": (
        "The new level, {level} (recent average {recent}, {shift}), is better than any average "
        "of {n} consecutive {units} in their history (best {best}): a change they have not "
        "shown before.",
        "新的水平 {level}（近期平均 {recent}，{shift}）好于其历史上任何连续 {n} {units}的平均"
        "（最好为 {best}）：这是其从未达到过的变化。"),
    "wi.within": (
        "The new level, {level} (recent average {recent}, {shift}), is within what they have "
        "reached before (best average of {n} consecutive {units}: {best}).",
        "新的水平 {level}（近期平均 {recent}，{shift}）在其曾经达到的范围之内（连续 {n} {units}"
        "的最好平均为 {best}）。"),
    "wi.no_target": (
        "{metric} has no target: only the forecast moves; there is no chance of reaching a "
        "target to compare.",
        "{metric} 没有目标：只有预测值变化，没有达成目标的概率可比较。"),
    "wi.cli.bad": (
        "--what-if wants METRIC=AMOUNT, e.g. 首次解决率=+5 (an amount in the metric's own unit), "
        "not {text!r}.",
        "--what-if 的格式应为 指标=幅度，例如 首次解决率=+5（按该指标自身的单位），而不是 {text!r}。"),
    "wi.cli.unknown": ("No values of {metric!r} to forecast. Metrics: {known}.",
                       "没有可预测的 {metric!r} 数据。现有指标：{known}。"),
    # the digest's key chart (an inline PNG in the e-mail)
    "dchart.reasons.title": ("People needing attention, by reason (as of {date})",
                             "需要关注的人数，按原因（数据截至 {date}）"),
    "dchart.reasons.note": (
        "Bar: people flagged for that reason; {n} people in all (one person can have several).",
        "条形：因该原因被预警的人数；共 {n} 人（一人可有多个原因）。"),
    "dchart.coverage.title": ("Coaching coverage by manager, {start} to {end}",
                              "各主管的辅导覆盖率（{start} 至 {end}）"),
    "dchart.coverage.note": (
        "Bar: share of the manager's people coached in the window, lowest first.",
        "条形：该主管的人员在此期间接受过辅导的比例，由低到高。"),
    "dchart.target": ("target {target}", "目标 {target}"),
    "dchart.red.title": ("The board's lowest attainment of target, {date}",
                         "看板上目标达成率最低的格子（{date}）"),
    "dchart.red_line": ("red below {red}", "低于 {red} 为红色"),
    "dchart.red.note": (
        "Bar: a group's attainment of its target on a metric, lowest first, of {n} cells; left "
        "of the line is red.",
        "条形：某组在某指标上的目标达成率，由低到高，共 {n} 格；红线左侧为红色。"),
    "dchart.more": (" {n} more in the app.", "另有 {n} 项，见应用。"),
    "dchart.alt": ("Chart: {title}", "图表：{title}"),
    "dchart.caption": ("The chart the e-mail carries (not in chat messages).",
                       "邮件中附带的图表（聊天消息中没有）。"),
    "dchart.font_missing": (
        "The e-mail's chart cannot be drawn: the Chinese font Noto Sans CJK is missing on the "
        "server (Debian package fonts-noto-cjk). E-mail digests fail until it is installed.",
        "无法绘制邮件中的图表：服务器缺少中文字体 Noto Sans CJK（Debian 软件包 fonts-noto-cjk）。"
        "安装之前，邮件摘要会发送失败。"),
    "dpage.no_role_digest": (
        "The role {role} gets no digest: nothing would be sent to this user.",
        "{role}角色没有摘要推送：不会向此用户发送任何内容。"),
}
