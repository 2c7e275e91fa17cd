"""How many people a page is about (analytics.headcount): people measured, flagged,
coaching sessions and coverage, one rule on every page. key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "head.people": ("People measured", "有数据的员工"),
    "head.people_help": (
        "People you may see with at least one metric value from {start} to {end} (the last "
        "{days} days up to the as-of date). Every page counts people, flagged people and "
        "coverage this way; the roster ({roster} people, with managers and people without "
        "data) is in the sidebar.",
        "你有权查看、且在 {start} 至 {end}（截至分析日期的最近 {days} 天）内至少有一条指标数据"
        "的员工。每个页面都按此口径统计人数、需关注人数和覆盖率；花名册人数（{roster} 人，含主管和"
        "无数据的员工）见侧边栏。",
    ),
    "head.flagged_share": ("{share} of {people} people", "占 {people} 人的 {share}"),
    "head.flagged_help": (
        "Of the {people} people measured from {start} to {end}, those with at least one flag "
        "as of {end}.",
        "{start} 至 {end} 有数据的 {people} 名员工中，截至 {end} 至少有一个预警的人数。",
    ),
    "head.sessions": ("Coaching sessions", "辅导次数"),
    "head.sessions_help": (
        "Coaching sessions from {start} to {end} with the {people} people measured then.",
        "{start} 至 {end} 期间与这 {people} 名有数据员工进行的辅导次数。",
    ),
    "head.coverage_help": (
        "Of the {people} people with metric values from {start} to {end} (the last {days} "
        "days), the share with at least one coaching session in those days.",
        "{start} 至 {end}（最近 {days} 天）有指标数据的 {people} 名员工中，在此期间至少有一次"
        "辅导的比例。",
    ),
    "head.share": ("{n} of {total} people measured", "{total} 名有数据员工中的 {n} 名"),
    "sidebar.roster": (
        "**{employees}** people in the roster · **{teams}** teams · **{metrics}** metrics  \n"
        "**{sessions}** coaching sessions in the log · **{imports}** imports",
        "花名册 **{employees}** 人 · **{teams}** 个团队 · **{metrics}** 项指标  \n"
        "辅导记录共 **{sessions}** 次 · **{imports}** 次导入",
    ),
}
