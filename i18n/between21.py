"""Texts of issue 21's leftovers (the forecast what-if, the brief's forecast line, the digest's
chart, the employee's audited writes, the privacy-safe team band): key -> (en, zh)."""

# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "audit.action.plan_confirm": ("Plan confirmed by the employee", "员工确认计划"),
    "audit.action.session_rating": ("Session rated by the employee", "员工评价辅导"),
    "audit.action.pulse": ("Pulse answered by the employee", "员工回答反馈"),
}
