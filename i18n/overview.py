"""Texts of the navigation, the sidebar, the team overview and the errors any page may show:
key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    # navigation and sidebar
    "nav.overview": ("Team overview", "团队概览"),
    "nav.upload": ("Import data", "导入数据"),
    "nav.catalog": ("Metric catalog", "指标目录"),
    "navsec.manager": ("Coach your team", "团队辅导"),
    "navsec.org": ("HR and leadership", "人力资源与管理层"),
    "navsec.data": ("Data and settings", "数据与设置"),
    "sidebar.workspace": ("Workspace", "工作区"),
    "sidebar.periods": ("Data from {first} to {last}", "数据期间 {first} 至 {last}"),
    "sidebar.db": ("Database file: {path}", "数据库文件：{path}"),
    # errors
    "error.busy": (
        "The database is in use by another Coachboard process. Close it and try again.",
        "数据库正被另一个 Coachboard 进程使用，请关闭后重试。",
    ),
    "error.unexpected": (
        "Something went wrong and nothing was changed. Please try again; if it keeps happening, "
        "send the file to your Coachboard administrator.",
        "出现问题，数据未做任何更改。请重试；如果仍然出错，请把文件发给 Coachboard 管理员。",
    ),
    # overview
    "overview.title": ("Team overview", "团队概览"),
    "overview.empty": (
        "The database is empty. Load the demo team to look around, or import your own exports.",
        "数据库是空的。可以先加载演示团队看看，或导入你自己的导出文件。",
    ),
    "overview.load_demo": ("Load demo data", "加载演示数据"),
    "overview.loading_demo": ("Loading the demo team…", "正在加载演示团队…"),
    "overview.or_upload": ("Import your own files", "导入自己的文件"),
    "overview.demo_loaded": ("Demo data loaded: {rows} rows.", "演示数据已加载：{rows} 行。"),
    "overview.no_metrics": (
        "No metric values yet: import a metrics export to see trends.",
        "还没有指标数据：导入指标文件后即可查看趋势。",
    ),
    "overview.metric": ("Metric", "指标"),
    "overview.trend_title": ("{metric}: team average per period", "{metric}：各团队每期平均值"),
    "overview.trend_title_all": ("{metric}: everyone's average per period (no teams in the data)",
                                 "{metric}：全体每期平均值（数据中没有团队）"),
    "overview.period_range": ("Periods {first} to {last}.", "期间 {first} 至 {last}。"),
    "facts.teams": ("Teams", "团队"),
    "facts.metrics": ("Metrics", "指标"),
    "chart.target": ("Target", "目标"),
    "direction.higher": ("higher is better", "越高越好"),
    "direction.lower": ("lower is better", "越低越好"),
    # the overview's attention list, paged and searchable
    "attention.search": ("Find a person", "查找员工"),
    "attention.search_hint": ("Name or ID", "姓名或工号"),
    "attention.shown": (
        "Showing the {shown} most urgent of {total} flagged people. Search by name or ID, or "
        "filter by team or reason, to find the others.",
        "显示最紧急的 {shown} 人，共 {total} 名需要关注的员工。可按姓名或工号查找，或按团队、原因"
        "筛选，查看其他人。",
    ),
    "attention.more": ("Show {n} more", "再显示 {n} 人"),
    "attention.no_match": (
        "Nobody among the {total} flagged people matches “{text}”.",
        "{total} 名需要关注的员工中没有与“{text}”匹配的人。",
    ),
}
