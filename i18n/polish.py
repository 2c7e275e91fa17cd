"""Texts added while looking at every page after the refactors (helper polish): key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    # a red key result on the board's alerts: the goals table keeps only its current progress
    "board.alerts.no_history": ("not kept (progress only)", "无历史（仅当前进度）"),
    # a time axis's ticks less than a month apart name the day ("7 Jul"), else the month
    "axis.tick.day": ("%-d %b", "%-m月%-d日"),
    # a flag's evidence for someone without a team: compared with everyone in scope
    # (analytics.compare, analytics.trend); the people without a team test trends as one family
    "evidence.declining_trend.turn.everyone": (
        "{metric} {value} vs everyone's {team} (no team; mean of the last {w} {units}), worse "
        "since {since} (level {before} -> {after}; {p}{fdr})",
        "{metric} 近 {w} {units}平均 {value}，全体平均 {team}（无团队），自 {since} 起变差（水平 {before} → {after}；{p}{fdr}）",
    ),
    "evidence.declining_trend.slope.everyone": (
        "{metric} {value} vs everyone's {team} (no team; mean of the last {w} {units}), getting "
        "worse by {slope} per {unit} over the last {n} {units} ({p}{fdr})",
        "{metric} 近 {w} {units}平均 {value}，全体平均 {team}（无团队），近 {n} {units}每{unit}变差 {slope}（{p}{fdr}）",
    ),
    "evidence.below_team.everyone": (
        "{metric} {value} vs everyone's {team} (no team; mean of the last {w} {units}; best "
        "{best}, z {z}, percentile {pct})",
        "{metric} 近 {w} {units}平均 {value}，全体平均 {team}（无团队；最佳 {best}，z 值 {z}，百分位 {pct}）",
    ),
    "evidence.efficiency_quality_imbalance.everyone": (
        "{eff} {eff_value} is among everyone's best (no team; percentile {eff_pct}, everyone "
        "{eff_team}) but {metric} {value} is among the lowest (percentile {pct}, everyone {team})",
        "{eff} {eff_value} 位居全体前列（无团队；百分位 {eff_pct}，全体 {eff_team}），但 {metric} {value} 排名靠后（百分位 {pct}，"
        "全体 {team}）",
    ),
    "evidence.volatile.everyone": (
        "{metric} swings {value} from {unit} to {unit}, {ratio}x everyone's typical {team} (no "
        "team)",
        "{metric} 每{unit}波动 {value}，是全体常见水平 {team} 的 {ratio} 倍（无团队）",
    ),
    "evidence.fdr.everyone": (
        ", still significant among the {m} trend tests of the people without a team at a "
        "false-discovery rate of {q}",
        "，在无团队人员的 {m} 项趋势检验中按 {q} 的错误发现率控制后仍显著",
    ),
    # the HR page: a window in which nobody had a coaching session; a group of people without a role
    "impact.no_sessions": (
        "No chart of sessions against change: nobody here had a coaching session in this window.",
        "没有辅导次数与业绩变化的图：此期间这里没有人接受过辅导。",
    ),
    "people.no_role": ("no role", "未填岗位"),
    # the prep page's team table: its title names the window, so its headers need not
    "numbers.col.short.mean": ("Mean", "平均"),
    "numbers.col.short.team_mean": ("Team mean", "团队平均"),
    "numbers.col.short.team_best": ("Team best", "团队最佳"),
    "numbers.col.short.all_mean": ("Everyone's mean", "全体平均"),
    "numbers.col.short.all_best": ("Everyone's best", "全体最佳"),
    # the follow-up page's as-of when another page chose an older period of the data
    "cl.as_of_period": ("Chosen period ({date})", "所选期间（{date}）"),
    # the prep page's line under the name, each part only when the roster has it
    "emp.fact.hired": ("hired {hire}", "入职 {hire}"),
    "emp.fact.as_of": ("as of {as_of}", "截至 {as_of}"),
    # the prep's one-sentence summary for someone without a team (compared with everyone)
    "prep.summary_everyone.declining_trend": (
        "{metric} {value} vs everyone's {reference} (no team; last {n} {units}), falling since "
        "{since}",
        "{metric} 近 {n} {units}平均 {value}，全体平均 {reference}（无团队），自 {since} 起下滑",
    ),
    "prep.summary_everyone.below_team": (
        "{metric} {value} vs everyone's {reference} (no team; last {n} {units}), in everyone's "
        "bottom quarter",
        "{metric} 近 {n} {units}平均 {value}，全体平均 {reference}（无团队），处于全体后 25%",
    ),
    "prep.summary_everyone.efficiency_quality_imbalance": (
        "{metric} {value} vs everyone's {reference} (no team; last {n} {units}), while {eff} is "
        "among everyone's best",
        "{metric} 近 {n} {units}平均 {value}，全体平均 {reference}（无团队），而 {eff} 位居全体前列",
    ),
    "prep.summary_everyone.volatile": (
        "{metric} swings {value} per {unit}, everyone's typical {reference} (no team)",
        "{metric} 每{unit}波动 {value}，全体常见水平 {reference}（无团队）",
    ),
    # the HR page's statistics tables: an estimate and its 95% interval in one cell
    "impact.cell_ci": ("{v} ({low} to {high})", "{v}（{low} 至 {high}）"),
    "impact.col.r_ci": ("Pearson r (95% interval)", "皮尔逊 r（95% 区间）"),
    "impact.col.change_ci": ("Change after (95% interval)", "辅导后变化（95% 区间）"),
    "impact.col.effect_ci": ("Difference (95% interval)", "差异（95% 区间）"),
    # the overview's heatmap where nobody has a team (a CRM or call-log export)
    "team.heatmap_title_all": ("Percentile among everyone (no teams in the data; green = good)",
                               "全体内百分位（数据中没有团队；绿色 = 好）"),
    "team.heatmap_hint_all": (
        "100 = best of everyone whatever the metric's direction; hover for the raw value.",
        "100 = 全体最佳（已考虑指标方向）；悬停查看原始数值。"),
    # the overview's attention list: its ID header was English in Chinese mode
    "team.col.employee_id": ("ID", "工号"),
    # the names an event-log import proposes (ingest.shapes.event_columns), shown in the reader's
    # language (reports.metric_names); a name's first language is the stored key. 工单量 reads
    # back as Tickets (the importer calls cases 工单量 too).
    "metric.proposed.calls": ("Calls", "通话量"),
    "metric.proposed.tickets": ("Tickets", "工单量"),
    "metric.proposed.cases": ("Cases", "工单量"),
    "metric.proposed.deals": ("Deals", "商机数"),
    "metric.proposed.orders": ("Orders", "订单量"),
    "metric.proposed.visits": ("Visits", "拜访量"),
    "metric.proposed.contacts": ("Contacts", "接触量"),
    "metric.proposed.chats": ("Chats", "会话量"),
    "metric.proposed.interactions": ("Interactions", "交互量"),
    "metric.proposed.events": ("Events", "事件数"),
    # won deals of a pipeline ("Deals won"), or the sum of an amount over them ("close_value won")
    "metric.proposed.won": ("{noun} won", "赢单{noun}"),
    # the unit of an event log's durations, converted to seconds by the import
    "metric.proposed.unit.seconds": ("s", "秒"),
    # someone without a team is compared with everyone: the prep, the brief and the overview
    # say so where they said "team" (the reason, the strengths, the problem and tracking
    # tables, GROW's goal question)
    "mgr.reason.below_team.everyone": ("Clearly under everyone", "明显低于全体"),
    "prep.observed.below_team.everyone": ("In everyone's bottom quarter", "处于全体后 25%"),
    "prep.basis.team_mean.everyone": ("everyone's mean", "全体平均"),
    "prep.goal.swing.everyone": (
        "{metric} swing per {unit} from {value} to {goal} (everyone's typical) by {deadline}",
        "{metric} 每{unit}波动从 {value} 降到 {goal}（全体常见水平），截止 {deadline}",
    ),
    "strength.team.everyone": ("{metric} ({score}, above everyone)", "{metric}（{score}，高于全体）"),
    "weakness.team.everyone": ("{metric} ({score}, below everyone)", "{metric}（{score}，低于全体）"),
    "strength.none.everyone": (
        "No metric above everyone or at target yet; closest: {metric}, {score}",
        "暂无高于全体或达到目标的指标；最接近的是：{metric}，{score}"),
    "strength.none_plain.everyone": ("No metric above everyone or at target yet",
                                     "暂无高于全体或达到目标的指标"),
    "weakness.none.everyone": ("No metric below everyone or under target",
                               "没有低于全体或未达目标的指标"),
    "numbers.grow.G.everyone": (
        "Over the last {n} {units} your {metric} averaged {value} (everyone {team}); {latest} it "
        "was {latest_value} against a target of {target}. Where would you like it to be by "
        "{deadline}?",
        "近 {n} {units}你的{metric}平均为 {value}（全体 {team}）；{latest}为 {latest_value}，"
        "目标 {target}。到 {deadline} 你希望达到多少？"),
    # the trend charts' legends of someone without a team (prep page, brief)
    "mchart.team_mean.everyone": ("Everyone's mean", "全体平均"),
    "mchart.team_range.everyone": ("Everyone's min–max", "全体最低–最高"),
    "brief.legend.team_mean.everyone": ("Everyone's mean", "全体平均"),
    "brief.legend.team_range.everyone": ("Everyone's range", "全体范围"),
    "brief.trends.everyone": (
        "Trends (employee, everyone's mean and range, target, turning point)",
        "趋势（本人、全体平均与范围、目标、拐点）",
    ),
    # the brief's line under the name: each part only when the roster has it
    "brief.meta.manager": ("manager {manager}", "直属主管 {manager}"),
    "brief.meta.hired": ("hired {hire}", "入职 {hire}"),
    "brief.meta.as_of": ("as of {as_of}", "数据截至 {as_of}"),
    "numbers.grow.G.notarget.everyone": (
        "Over the last {n} {units} your {metric} averaged {value} against everyone's {team}. "
        "Where would you like it to be by {deadline}?",
        "近 {n} {units}你的{metric}平均为 {value}，全体平均 {team}。到 {deadline} 你希望"
        "达到多少？"),
}
