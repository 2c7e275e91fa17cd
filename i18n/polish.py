"""Texts of the polish pass: the pulse's rule of five different people."""

# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    # enough answers, but from too few people: one person's answers must never stand alone
    "pulse.too_few_people": (
        "{n} pulse answers so far, from {people} people: the pulse is shown once {least} "
        "different people have answered, so that no one's answer can be told apart.",
        "目前共有 {n} 份反馈，来自 {people} 人：满 {least} 位不同的员工回答后才显示，"
        "以免辨认出个人的回答。",
    ),
}
