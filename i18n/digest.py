"""Texts of the digests (issue 21, part 2): the messages, their page and the channel settings."""

_MESSAGE: dict[str, tuple[str, str]] = {
    "digest.subject.weekly": ("Coachboard weekly digest, data up to {date}",
                              "Coachboard 每周摘要（数据截至 {date}）"),
    "digest.subject.daily": ("Coachboard daily digest, data up to {date}",
                             "Coachboard 每日摘要（数据截至 {date}）"),
    "digest.hello": ("What needs you, from the data up to {date} (the latest period loaded).",
                     "根据截至 {date}（已导入的最新一期）的数据，需要你关注的事项如下。"),
    "digest.empty": ("There are no metric values you may see yet: nothing to report.",
                     "还没有你有权查看的指标数据，暂无可报告的内容。"),
    "digest.open_app": ("Open Coachboard: {url}", "打开 Coachboard：{url}"),
    "digest.open": ("Open Coachboard", "打开 Coachboard"),
    "digest.no_link": ("Open Coachboard for the details.", "详情请打开 Coachboard 查看。"),
    "digest.more": ("… and {n} more in the app.", "……另有 {n} 项，请在应用中查看。"),
    "digest.private_note": ("Coaching texts are not sent to chat apps: open the app to read them.",
                            "辅导内容不会发送到聊天工具，请在应用中查看。"),
    "digest.footer": (
        "Sent by Coachboard to {email}. Change the channel, day or language on its Digest page.",
        "由 Coachboard 发送给 {email}。可在应用的“摘要”页面更改渠道、日期或语言。"),
    # manager
    "digest.attention.title": ("Who needs attention", "需要关注的人"),
    "digest.attention.summary": (
        "{n} of the people you may see are flagged as of {date}, most urgent first.",
        "截至 {date}，你有权查看的人中有 {n} 人被预警，按紧急程度排序。"),
    "digest.talks.title": ("Talks due", "待进行的辅导"),
    "digest.talks.summary": (
        "{overdue} overdue and {soon} due within {days} days under the cadence rules.",
        "按辅导节奏规则：{overdue} 项已逾期，{soon} 项将在 {days} 天内到期。"),
    "digest.actions.title": ("Overdue actions", "逾期的行动项"),
    "digest.actions.summary": ("{n} agreed actions are past their deadline.",
                               "{n} 项约定的行动已过截止日期。"),
    "digest.no_forecast": (
        "Likely target misses are not in this digest yet: Coachboard has no forecast.",
        "本摘要暂不包含“可能未达目标”：Coachboard 目前还没有预测功能。"),
    # hr
    "digest.compliance.title": ("Coaching compliance by manager", "各主管的辅导达标情况"),
    "digest.compliance.summary": (
        "Coverage {rate}: {met} of {n} people measured from {start} to {end} were coached "
        "(target {target}, {verdict}). Managers with the lowest coverage first.",
        "覆盖率 {rate}：{start} 至 {end} 有数据的 {n} 人中 {met} 人接受过辅导（目标 {target}，"
        "{verdict}）。覆盖率最低的主管排在前面。"),
    "digest.compliance.met": ("met", "已达标"),
    "digest.compliance.missed": ("not met", "未达标"),
    "digest.compliance.line": (
        "{manager}: coached {coverage}; contact every month {monthly}; formal review this "
        "quarter {formal}",
        "{manager}：已辅导 {coverage}；每月沟通 {monthly}；本季度正式复盘 {formal}"),
    "digest.rate": ("{met}/{n} ({rate})", "{met}/{n}（{rate}）"),
    "digest.rate_none": ("nobody due", "无应辅导人员"),
    # leadership
    "digest.red_cells.title": ("Red cells", "红色单元格"),
    "digest.red_cells.summary": (
        "{n} of {cells} team × metric cells are red in the period of {date} (under {red} of "
        "target).",
        "{date} 这一期 {cells} 个“团队 × 指标”单元格中有 {n} 个为红色（低于目标的 {red}）。"),
    "digest.red_cells.line": ("{group} · {metric}: {attainment} of target, red for {streak}",
                              "{group} · {metric}：目标达成 {attainment}，已连续红色 {streak}"),
    "digest.periods": ("{n} periods", "{n} 期"),
    "digest.red_people.title": ("Red people", "红色人员"),
    "digest.red_people.summary": ("{n} people are red on at least one metric in that period.",
                                  "该期有 {n} 人至少一项指标为红色。"),
    "digest.red_people.line": ("{person} ({group}) · {metric}: {attainment} of target",
                               "{person}（{group}）· {metric}：目标达成 {attainment}"),
    "digest.alerts.title": ("New alerts", "新预警"),
    "digest.alerts.summary": (
        "{n} things turned red for {periods} periods in a row this period ({total} alerts in all).",
        "本期有 {n} 项刚好连续 {periods} 期为红色（预警共 {total} 项）。"),
    "digest.alerts.line": ("{label} · {metric}: {attainment} of target, red since {since}",
                           "{label} · {metric}：目标达成 {attainment}，自 {since} 起为红色"),
    # manager lines
    "digest.reason": ("{reason} ({evidence})", "{reason}（{evidence}）"),
    "digest.reason_sep": ("; ", "；"),
    "digest.attention.line": ("{person}: {reasons}", "{person}：{reasons}"),
    "digest.talks.line": ("{person}: {kind}, {when}", "{person}：{kind}，{when}"),
    "digest.actions.line": ("{person}: deadline {due}, {when}", "{person}：截止 {due}，{when}"),
}

_PAGE: dict[str, tuple[str, str]] = {
    "nav.digest": ("Digest", "摘要推送"),
}

# cli.py digest (one line per recipient; never the content)
_CLI: dict[str, tuple[str, str]] = {
    "digest.cli.bad_smtp": ("--smtp {value!r} is not HOST:PORT (for example 127.0.0.1:2525).",
                            "--smtp {value!r} 不是“主机:端口”格式（例如 127.0.0.1:2525）。"),
    "digest.cli.no_subscription": (
        "{email} has not chosen a digest channel (Digest page) or is not a user.",
        "{email} 尚未选择摘要推送渠道（“摘要推送”页面），或不是系统用户。"),
    "digest.cli.nothing": ("{email}: nothing to send (their role has no digest).",
                           "{email}：无可发送内容（该角色没有摘要）。"),
    "digest.cli.would_send": ("{email}: would send by {channel} ({counts}).",
                              "{email}：将通过 {channel} 发送（{counts}）。"),
    "digest.cli.sent": ("{email}: sent by {channel} ({counts}), attempt {attempts}.",
                        "{email}：已通过 {channel} 发送（{counts}），第 {attempts} 次尝试。"),
    "digest.cli.failed": ("{email}: NOT sent by {channel} after {attempts} attempts: {error}",
                          "{email}：通过 {channel} 发送失败（尝试 {attempts} 次）：{error}"),
    "digest.cli.summary": ("{n} digests, {failed} failed.", "共 {n} 份摘要，失败 {failed} 份。"),
}

TEXTS: dict[str, tuple[str, str]] = {**_MESSAGE, **_PAGE, **_CLI}
