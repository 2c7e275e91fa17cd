"""Texts of the digests: the messages, their page and the channel settings."""

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
    "digest.page.title": ("Your digest", "我的摘要推送"),
    "digest.page.intro": (
        "A short message, daily or weekly, with what needs you: only what you may see here, in "
        "your language, with links back to Coachboard. Chat messages never carry coaching texts.",
        "每天或每周一条简短消息，列出需要你处理的事项：只包含你在这里有权查看的内容，使用你的语言，"
        "并附回到 Coachboard 的链接。聊天消息从不包含辅导内容。"),
    "digest.page.whose": ("Whose digest", "谁的摘要"),
    "digest.page.no_users": (
        "Nobody can receive a digest yet: add users (Users and audit) first. Below is what the "
        "local user's digest would say.",
        "还没有可以接收摘要的用户：请先在“用户与审计”中添加用户。下面是本地用户的摘要预览。"),
    "digest.page.choice": ("Channel, day and language", "渠道、日期和语言"),
    "digest.page.channel": ("Channel", "渠道"),
    "digest.page.frequency": ("How often", "频率"),
    "digest.page.weekday": ("Day", "发送日"),
    "digest.page.lang": ("Language", "语言"),
    "digest.page.address_email": ("E-mail address (empty: your sign-in e-mail)",
                                  "邮箱地址（留空则使用登录邮箱）"),
    "digest.page.address_hook": (
        "Your own robot's webhook (empty: keep it; none: the one your administrator set up)",
        "你自己的机器人 Webhook（留空则保持不变；未设置则使用管理员配置的）"),
    "digest.page.secret": ("Its signing secret (empty: keep it)", "其签名密钥（留空则保持不变）"),
    "digest.page.shared": ("Use the webhook your administrator set up (a shared group sees the "
                           "message)", "使用管理员配置的 Webhook（群里的其他人也能看到消息）"),
    "digest.page.set": ("stored (not shown)", "已保存（不显示）"),
    "digest.page.not_set": ("not set", "未设置"),
    "digest.page.channel_off": ("Your administrator has not set up {channel} yet.",
                                "管理员尚未配置 {channel}。"),
    "digest.page.save": ("Save", "保存"),
    "digest.page.stop": ("Stop my digest", "停止推送"),
    "digest.page.saved": ("Saved: {channel}, {when}, {language}.", "已保存：{channel}，{when}，{language}。"),
    "digest.page.stopped": ("No more digests for {email}.", "已停止向 {email} 推送摘要。"),
    "digest.page.none_yet": ("You receive no digest yet.", "你目前没有订阅摘要。"),
    "digest.page.current": ("Now: {channel}, {when}, {language}.", "当前：{channel}，{when}，{language}。"),
    "digest.page.preview": ("Preview", "预览"),
    "digest.page.as_chat": ("As a chat message", "聊天消息的样子"),
    "digest.page.as_mail": ("As the e-mail's text", "邮件正文的样子"),
    "digest.page.daily": ("every day", "每天"),
    "digest.page.weekly_on": ("every {day}", "每{day}"),
    "digest.freq.weekly": ("Weekly", "每周"),
    "digest.freq.daily": ("Daily", "每天"),
    "digest.day.0": ("Monday", "周一"), "digest.day.1": ("Tuesday", "周二"),
    "digest.day.2": ("Wednesday", "周三"), "digest.day.3": ("Thursday", "周四"),
    "digest.day.4": ("Friday", "周五"), "digest.day.5": ("Saturday", "周六"),
    "digest.day.6": ("Sunday", "周日"),
    "digest.channel.email": ("E-mail", "电子邮件"),
    "digest.channel.wecom": ("WeCom (企业微信)", "企业微信"),
    "digest.channel.dingtalk": ("DingTalk (钉钉)", "钉钉"),
    "digest.channel.feishu": ("Feishu (飞书)", "飞书"),
    "digest.channel.slack": ("Slack", "Slack"),
    "digest.channel.teams": ("Microsoft Teams", "Microsoft Teams"),
    "digest.err.unknown_channel": ("There is no channel {channel}.", "没有渠道 {channel}。"),
    "digest.err.unknown_field": ("{channel} has no setting {field}.", "{channel} 没有设置项 {field}。"),
    "digest.err.bad_url": ("{url} is not a web address (a robot's webhook starts with https://).",
                           "{url} 不是有效网址（机器人 Webhook 应以 https:// 开头）。"),
    "digest.err.bad_email": ("{email} is not an e-mail address.", "{email} 不是电子邮件地址。"),
    "digest.err.bad_frequency": ("Choose weekly or daily.", "请选择每周或每天。"),
    "digest.err.bad_weekday": ("Choose a day from Monday to Sunday.", "请选择周一至周日中的一天。"),
    "digest.err.bad_lang": ("Choose English or 简体中文.", "请选择 English 或简体中文。"),
    "digest.err.unknown_user": ("{email} is not a user: add them first.",
                                "{email} 不是系统用户，请先添加。"),
    "digest.err.bad_hour": ("Choose an hour from 0 to 23.", "请选择 0 到 23 之间的小时。"),
    "digest.err.bad_port": ("The port must be a number from 1 to 65535.",
                            "端口必须是 1 到 65535 之间的数字。"),
}

# The channels section of the settings page (admin)
_CHANNELS: dict[str, tuple[str, str]] = {
    "digest.set.title": ("Digest channels", "摘要推送渠道"),
    "digest.set.intro": (
        "Set up once how digests reach people; each user then chooses channel, day and language "
        "on their Digest page. Passwords, secrets and webhook addresses (they hold a key) are "
        "stored and never shown again: leave a field empty to keep what is stored.",
        "在此一次性配置摘要的发送方式；之后每位用户在“摘要推送”页面自行选择渠道、日期和语言。"
        "密码、密钥和 Webhook 地址（其中含有密钥）保存后不再显示：留空即保持已保存的值。"),
    "digest.set.base_url": ("Address of this app, for the links (e.g. https://coach.example.com)",
                            "本应用的访问地址，用于消息中的链接（例如 https://coach.example.com）"),
    "digest.set.send_hour": (
        "The app sends the day's digests from (while it runs; after a restart, from its first "
        "page view)",
        "应用每天从此时起发送摘要（应用运行期间；重启后从第一次打开页面起）"),
    "digest.set.send_off": ("never: a timer runs cli.py digest --send while the app is stopped",
                            "不发送：在应用停止时由定时任务运行 cli.py digest --send"),
    "digest.set.host": ("SMTP server", "SMTP 服务器"),
    "digest.set.port": ("Port", "端口"),
    "digest.set.username": ("Login", "登录名"),
    "digest.set.password": ("Password", "密码"),
    "digest.set.sender": ("Sender address", "发件人地址"),
    "digest.set.starttls": ("STARTTLS before login (turn off only for a relay on this host)",
                            "登录前启用 STARTTLS（仅本机中继可关闭）"),
    "digest.set.smtps": ("TLS from the first byte (SMTPS, usually port 465)",
                         "连接即加密（SMTPS，通常为 465 端口）"),
    "digest.set.ca_file": ("Certificate authority file of a private mail server (optional)",
                           "私有邮件服务器的 CA 证书文件（可选）"),
    "digest.set.url": ("Webhook address", "Webhook 地址"),
    "digest.set.secret": ("Signing secret", "签名密钥"),
    "digest.set.save": ("Save {channel}", "保存 {channel}"),
    "digest.set.remove": ("Remove {channel}", "删除 {channel}"),
    "digest.set.saved": ("{channel} saved.", "{channel} 已保存。"),
    "digest.set.removed": ("{channel} removed.", "{channel} 已删除。"),
    "digest.set.status": ("{field}: {state}", "{field}：{state}"),
    "digest.set.subscribers": ("Who receives a digest", "谁在接收摘要"),
    "digest.set.no_subscribers": ("Nobody has chosen a digest yet.", "还没有人订阅摘要。"),
    "digest.set.col.email": ("User", "用户"),
    "digest.set.col.channel": ("Channel", "渠道"),
    "digest.set.col.when": ("When", "时间"),
    "digest.set.col.lang": ("Language", "语言"),
    "digest.set.col.own": ("Own address", "自有地址"),
}

# cli.py digest (one line per recipient; never the content)
_CLI: dict[str, tuple[str, str]] = {
    "digest.cli.bad_smtp": ("--smtp {value!r} is not HOST:PORT (for example 127.0.0.1:2525).",
                            "--smtp {value!r} 不是“主机：端口”格式（例如 127.0.0.1:2525）。"),
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

# the digest's chart (the e-mail's image) and the digest page's notes
_CHART: dict[str, tuple[str, str]] = {
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

TEXTS: dict[str, tuple[str, str]] = {**_MESSAGE, **_PAGE, **_CHANNELS, **_CLI, **_CHART}
