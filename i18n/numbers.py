"""Texts of what the numbers mean (issue 17, items 7, 8, 9, 12, 13): key -> (en, zh).

Windows of a number ("last 4 weeks", "week of 29 Dec"), gaps in words by direction, strengths
that are strengths, the false-discovery control of the trend tests, and the HR page's sample.
"""

TEXTS: dict[str, tuple[str, str]] = {
    # settings: the false-discovery control of the trend tests (item 12)
    "thresholds.trend_fdr_q": ("Trend tests: false-discovery rate", "趋势检验：错误发现率"),
    "thresholds.trend_fdr_q.help": (
        "A trend or turning point runs as a test for every person and metric. Across a team's "
        "tests at most this share of the alarms is expected to be false (Benjamini-Hochberg); "
        "1 switches the control off.",
        "每个人、每项指标都要做一次趋势/拐点检验。在一个团队的全部检验中，预计误报占报警的"
        "比例不超过此值（Benjamini-Hochberg 方法）；设为 1 即关闭此控制。"),
}
