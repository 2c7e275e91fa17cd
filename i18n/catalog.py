"""Texts of the metric catalog: what each metric is and which way is better. key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    # catalog
    "catalog.title": ("Metric catalog", "指标目录"),
    "catalog.intro": (
        "Coachboard guessed from each metric's name whether higher or lower is better and what "
        "kind of metric it is. Every analysis follows this table: correct it here.",
        "Coachboard 根据指标名称推测了方向（越高越好或越低越好）和类别。所有分析都以此表为准，"
        "如有不对请在此修改。",
    ),
    "catalog.empty": ("No metrics yet: import a metrics export first.", "还没有指标：请先导入指标文件。"),
    "catalog.metric": ("Metric", "指标"),
    "catalog.direction": ("Better when", "方向"),
    "catalog.category": ("Category", "类别"),
    "catalog.unit": ("Unit", "单位"),
    "catalog.target": ("Default target", "默认目标"),
    "catalog.edited": ("Edited by a user", "已人工修改"),
    "catalog.save": ("Save changes", "保存修改"),
    "catalog.saved": ("Saved: {n} metrics changed.", "已保存：修改了 {n} 项指标。"),
    # the metric categories in words
    "category.efficiency": ("efficiency", "效率"),
    "category.quality": ("quality", "质量"),
    "category.output": ("output", "产出"),
    "category.other": ("other", "其他"),
}
