"""Texts of admission (ui/admit.py: a run waits for one of the process's run slots): key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "admit.busy": (
        "Coachboard is busy: too many pages are being drawn at once, and this one waited "
        "{seconds} seconds for its turn, so nothing was saved or drawn. Try again in a moment.",
        "Coachboard 正忙：同时绘制的页面太多，此页面已排队等待 {seconds} 秒，因此未保存也未显示"
        "任何内容。请稍后重试。",
    ),
}
