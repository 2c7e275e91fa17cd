"""Texts of the employee's own page and of the upward pulse: key -> (en, zh)."""

TEXTS: dict[str, tuple[str, str]] = {
    "nav.me": ("My page", "我的页面"),
    "navsec.me": ("Your own", "我的"),
    "role.employee": ("Employee", "员工"),
    "access.employee_needs_id": (
        "An employee needs an employee id: it decides whose numbers are their own.",
        "员工必须填写工号：系统据此确定哪些数据属于本人。",
    ),
    "me.title": ("My page", "我的页面"),
    "me.intro": (
        "Your own numbers, what you agreed with your manager, and your say about each talk. "
        "Your manager's private notes are not shown here.",
        "你自己的指标、与主管约定的行动，以及你对每次面谈的反馈。主管的私人笔记不在此显示。",
    ),
    "me.preview": (
        "Preview: this is what an employee sees when they sign in on a team server. Only the "
        "employee can confirm a plan, rate a talk or answer the pulse.",
        "预览：这是员工在团队服务器上登录后看到的页面。只有员工本人可以确认计划、评价面谈或填写反馈。",
    ),
    "me.preview_pick": ("Whose page to preview", "预览哪位员工的页面"),
    "me.nobody": (
        "There is no roster entry for your account: ask your administrator to check your "
        "employee id.",
        "你的账号没有对应的花名册记录，请联系管理员核对工号。",
    ),
    "me.facts": ("Team: {team} · employee id {id}", "团队：{team} · 工号 {id}"),
    "me.numbers": ("My latest numbers", "我的最新指标"),
    "me.numbers_note": (
        "Each metric's latest period. The team band comes from your colleagues' values in that "
        "period, yours not included (n = colleagues with a value): its lower edge, middle and "
        "upper edge are each the average of the three values nearest the lower quartile, the "
        "median and the upper quartile, so none of them is one colleague's value; it shows no "
        "one's name.",
        "每项指标的最新一期。团队区间来自同事在该期的数值，不含你自己（n = 有数值的同事人数）："
        "下沿、中间值和上沿分别是最接近下四分位数、中位数和上四分位数的三个数值的平均，"
        "因此都不是某一位同事的数值；不显示任何人的姓名。",
    ),
    "me.no_band": (
        "No team band: it is shown only when at least {n} of your colleagues have a value, so "
        "that no one's value can be told apart.",
        "不显示团队区间：至少 {n} 位同事有数值时才显示，以免推断出他人的数值。",
    ),
    "me.col.metric": ("Metric", "指标"),
    "me.col.direction": ("Direction", "方向"),
    "me.col.period": ("Period", "期间"),
    "me.col.value": ("My value", "我的数值"),
    "me.col.target": ("My target", "我的目标"),
    "me.col.median": ("Team middle", "团队中间值"),
    "me.col.band": ("Team middle half", "团队中间一半"),
    "me.col.n": ("n (colleagues)", "n（同事）"),
    "me.col.position": ("Where I am", "我的位置"),
    "me.pos.better": ("better than the middle half", "优于中间一半"),
    "me.pos.middle": ("within the middle half", "位于中间一半"),
    "me.pos.worse": ("behind the middle half", "落后于中间一半"),
    "me.trends": ("My trend against the team band", "我的趋势与团队区间"),
    "me.chart.me": ("Me", "我"),
    "me.chart.band": ("Team middle half", "团队中间一半"),
    "me.chart.median": ("Team middle", "团队中间值"),
    "me.chart.target": ("Target", "目标"),
    "me.chart.title": ("{metric} ({direction})", "{metric}（{direction}）"),
    "me.fc.title": ("My forecast", "我的预测"),
    "me.fc.none": (
        "No forecast yet: it needs at least 6 periods of your own history.",
        "暂无预测：至少需要你本人 6 期的历史数据。",
    ),
    "me.fc.next": ("Expected for {period} (interval)", "{period} 预计值（区间）"),
    "me.fc.range": ("{value} ({low} – {high})", "{value}（{low} – {high}）"),
    "me.fc.model": ("Model (backtest error)", "模型及回测误差"),
    "me.fc.model_text": ("{model}: mean error {mae} over {n} backtests",
                         "{model}：{n} 次回测平均误差 {mae}"),
    "me.fc.model.last": ("last value", "上一期数值"),
    "me.fc.model.mean": ("mean of the last 4", "近 4 期平均"),
    "me.fc.model.trend": ("trend line", "趋势线"),
    "me.fc.model.smooth": ("exponential smoothing", "指数平滑"),
    "me.fc.p_80": ("Chance of 80% of target", "达成目标 80% 的概率"),
    "me.fc.p_100": ("Chance of the target", "达成目标的概率"),
    "me.fc.needed": ("Still needed", "本期剩余时间所需"),
    "me.fc.needed_text": ("{needed} a period for the next {left}; recent mean {recent} "
                          "(last {n})", "接下来 {left} 期每期需 {needed}；近期平均 {recent}（最近 {n} 期）"),
    "me.fc.status": ("Outlook", "展望"),
    "me.fc.status.on_track": ("on track", "进度正常"),
    "me.fc.status.at_risk": ("at risk", "有风险"),
    "me.fc.status.likely_to_miss": ("likely to miss", "可能无法达成"),
    "me.fc.grain.month": ("this month", "本月"),
    "me.fc.grain.quarter": ("this quarter", "本季度"),
    "me.fc.grain.year": ("this year", "本年度"),
    "me.fc.grain.none": ("the current period", "当前期间"),
    "me.fc.note": (
        "From your own history only. The interval holds the next value {interval} of the time "
        "in backtests; the chances are for the target of {grain}.",
        "仅依据你本人的历史数据。回测中区间覆盖下一期数值的比例为 {interval}；概率针对{grain}的目标。",
    ),
    "me.actions": ("Actions agreed in my talks", "面谈中约定的行动"),
    "me.col.goal": ("Goal", "目标"),
    "me.col.action": ("Action", "行动"),
    "me.col.owner": ("Owner", "负责人"),
    "me.col.deadline": ("Deadline", "截止日期"),
    "me.col.status": ("Status", "状态"),
    "me.col.progress": ("Progress", "进展"),
    "me.nothing": ("Nothing yet.", "暂无。"),
    "me.plans": ("My improvement plan", "我的改进计划"),
    "me.plan.goal": ("Goal: {goal}", "目标：{goal}"),
    "me.plan.measures": ("Measures: {text}", "措施：{text}"),
    "me.plan.milestones": ("Milestones: {text}", "里程碑：{text}"),
    "me.plan.deadline": ("Deadline: {date}", "截止日期：{date}"),
    "me.plan.manager": ("Your manager confirmed it on {date}.", "主管已于 {date} 确认。"),
    "me.plan.manager_not": ("Your manager has not confirmed it yet.", "主管尚未确认。"),
    "me.plan.mine": ("You confirmed it on {date}.", "你已于 {date} 确认。"),
    "me.plan.assessment": ("One-month assessment: {result}", "一个月评估：{result}"),
    "me.plan.waiting": (
        "Not confirmed yet: the employee confirms it themselves, on their own page.",
        "尚未确认：由员工本人在其页面上确认。",
    ),
    "access.employee_confirms": (
        "The employee confirms their plan themselves, on their own page. Nothing was changed.",
        "计划由员工本人在其页面上确认。未做任何更改。",
    ),
    "me.plan.confirm": ("I agree with this plan", "我同意此计划"),
    "me.plan.confirmed": ("Thank you: your confirmation is recorded.", "谢谢，你的确认已记录。"),
    "me.sessions": ("My talks", "我的面谈"),
    "me.col.session_date": ("Date", "日期"),
    "me.col.session_type": ("Type", "类型"),
    "me.col.my_score": ("My rating (1-5)", "我的评分（1-5）"),
    "me.col.pulsed": ("Pulse answered", "已填写反馈"),
    "me.yes": ("yes", "是"),
    "me.no": ("no", "否"),
    "me.talk_pick": ("Which talk", "哪次面谈"),
    "me.rate": ("Rate this talk", "评价这次面谈"),
    "me.rate.score": ("How good was this talk for you? (1 = poor, 5 = very good)",
                      "这次面谈对你有多大帮助？（1 = 很差，5 = 很好）"),
    "me.rate.comment": ("A comment (optional)", "备注（可选）"),
    "me.rate.save": ("Save my rating", "保存我的评分"),
    "me.rate.saved": ("Your rating is saved.", "你的评分已保存。"),
    "me.pulse": ("Pulse: three questions for your manager", "反馈：给主管的三个问题"),
    "me.pulse.note": (
        "Your manager sees only totals over at least {n} answers, never your name next to your "
        "answer.",
        "主管只能看到至少 {n} 份反馈的汇总，不会看到你的姓名与回答的对应关系。",
    ),
    "me.pulse.useful": ("Was the talk useful? (1 = not at all, 5 = very)",
                        "这次面谈有用吗？（1 = 完全没用，5 = 非常有用）"),
    "me.pulse.facts": ("Were the facts discussed right?", "讨论的事实准确吗？"),
    "me.pulse.support": ("What support do you need?", "你需要什么支持？"),
    "me.pulse.waiting": ("{n} of your {total} talks have no pulse yet: pick one below.",
                         "你的 {total} 次面谈中有 {n} 次尚未填写反馈：请在下方选择。"),
    "me.pulse.save": ("Send my pulse", "提交反馈"),
    "me.pulse.saved": ("Thank you: your pulse is recorded.", "谢谢，你的反馈已记录。"),
    "me.no_talks": ("No talks logged yet.", "还没有面谈记录。"),
    # the manager's view of the pulse (follow-up page)
    "pulse.title": ("Pulse from your people after their talks", "员工面谈后的反馈"),
    "pulse.too_few": (
        "{n} pulse answers so far: the pulse is shown from {least} answers on, so that no one's "
        "answer can be told apart.",
        "目前共有 {n} 份反馈：满 {least} 份后才显示，以免辨认出个人的回答。",
    ),
    "pulse.useful": ("Useful (mean of 1-5, {n} answers)", "有用程度（1-5 的平均值，{n} 份）"),
    "pulse.facts": ("Facts right (share of {n} answers)", "事实准确（{n} 份中的比例）"),
    "pulse.support": ("Support asked for (anonymous, in alphabetical order)",
                      "所需支持（匿名，按字母顺序）"),
    "pulse.no_text": ("No one asked for support in words.", "没有人写下所需的支持。"),
    # enough answers, but from too few people: one person's answers must never stand alone
    "pulse.too_few_people": (
        "{n} pulse answers so far, from {people} people: the pulse is shown once {least} "
        "different people have answered, so that no one's answer can be told apart.",
        "目前共有 {n} 份反馈，来自 {people} 人：满 {least} 位不同的员工回答后才显示，"
        "以免辨认出个人的回答。",
    ),
}
