"""The HR page's lead (reports.impact_lead): the figure that matters and how far it can be
trusted. key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "impact.lead.title": ("In short", "简要结论"),
    "impact.lead.better": (
        "People coached at least monthly ({monthly}) improved {diff} {unit} more than the rest "
        "({rest})",
        "每月至少辅导一次的员工（{monthly} 人）比其他员工（{rest} 人）多提升了 {diff} {unit}",
    ),
    "impact.lead.worse": (
        "People coached at least monthly ({monthly}) improved {diff} {unit} less than the rest "
        "({rest})",
        "每月至少辅导一次的员工（{monthly} 人）比其他员工（{rest} 人）少提升了 {diff} {unit}",
    ),
    "impact.lead.unit_z": ("standard scores", "个标准分"),
    "impact.lead.unit_attainment": ("points of target attainment", "个百分点（目标达成率）"),
    "impact.lead.strong": (
        "; unlikely to be chance ({p}, n = {n}), but not proof that coaching caused it.",
        "；不太可能是偶然（{p}，n = {n}），但这不能证明是辅导带来的。",
    ),
    "impact.lead.likely": (
        "; probably not chance ({p}, n = {n}), but not proof that coaching caused it.",
        "；大概率不是偶然（{p}，n = {n}），但这不能证明是辅导带来的。",
    ),
    "impact.lead.chance": (
        "; this could well be chance ({p}, n = {n}), and even if not, it would not prove that "
        "coaching caused it.",
        "；这很可能只是偶然（{p}，n = {n}）；即使不是偶然，也不能证明是辅导带来的。",
    ),
    "impact.lead.few": (
        "Too few people to compare those coached at least monthly ({monthly}) with the rest "
        "({rest}); n = {n}.",
        "人数太少，无法比较每月至少辅导一次的员工（{monthly} 人）与其他员工（{rest} 人）；"
        "n = {n}。",
    ),
    "impact.lead.corr_more": (
        "Across all {n} people, more sessions went with more improvement (r = {r}, 95% interval "
        "{low} to {high}, {p}).",
        "在全部 {n} 人中，辅导次数越多，改善越大（r = {r}，95% 区间 {low} 至 {high}，{p}）。",
    ),
    "impact.lead.corr_less": (
        "Across all {n} people, more sessions went with less improvement (r = {r}, 95% interval "
        "{low} to {high}, {p}).",
        "在全部 {n} 人中，辅导次数越多，改善越小（r = {r}，95% 区间 {low} 至 {high}，{p}）。",
    ),
    "impact.lead.corr_none": (
        "Across all {n} people, the number of sessions and the improvement show no clear "
        "relation (r = {r}, 95% interval {low} to {high}, {p}).",
        "在全部 {n} 人中，辅导次数与改善幅度没有明确关系（r = {r}，95% 区间 {low} 至 {high}，{p}）。",
    ),
    "impact.method_changed": ("{n} changed from the defaults", "{n} 项已改动"),
    "impact.method_diff": ("{name}: {value} (default {default})", "{name}：{value}（默认 {default}）"),
    "impact.method_reset": ("Reset to the defaults", "恢复默认设置"),
    "impact.method_note": (
        "Method changed from the defaults: {changes}.", "计算方法已改动：{changes}。"),
}
