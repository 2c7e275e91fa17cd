"""The numbers and dates a flag's evidence quotes, formatted once for every rule.

The sentences themselves are the text catalogue's (``i18n/evidence.py``, keys ``evidence.*``);
this module fills them in, in English and in Chinese. A field named ``x_zh`` is the Chinese
value of the sentence's ``{x}`` (a grain's words, the false-discovery clause).
"""

from __future__ import annotations

import pandas as pd

from i18n import t
from i18n.dates import day


def unit_words(step: str, n: int) -> dict[str, list[str]]:
    """The grain's words for ``n`` evidence rows (unit, units, unit_zh, units_zh): quarterly
    data says quarters."""
    return {"unit": [t(f"unit.{step}", "en")] * n, "units": [t(f"units.{step}", "en")] * n,
            "unit_zh": [t(f"unit.{step}", "zh")] * n, "units_zh": [t(f"units.{step}", "zh")] * n}


def both(key: str, **fields) -> tuple[str, str]:
    """The evidence sentence ``evidence.<key>`` in English and in Chinese; ``x_zh`` fields are
    the Chinese ``{x}``.

    Example:
        >>> both("coaching_overdue.contact", days=40, limit=30)[0]
        'Last contact 40 days ago (policy: every 30 days)'
    """
    en = {name: value for name, value in fields.items() if not name.endswith("_zh")}
    zh = en | {name.removesuffix("_zh"): value for name, value in fields.items()
               if name.endswith("_zh")}
    return t(f"evidence.{key}", "en", **en), t(f"evidence.{key}", "zh", **zh)


def num(values, spec: str = ".1f") -> list[str]:
    return ["n/a" if pd.isna(x) else format(x, spec) for x in values]


def day_texts(values) -> list[str]:
    return [day(x, missing="n/a") for x in values]


def when(values, step: str) -> list[str]:
    """Periods as the evidence names them: ``2023 Q3`` for quarterly data, else the day."""
    if step not in ("quarter", "year"):
        return day_texts(values)
    return ["n/a" if pd.isna(x) else f"{x.year} Q{x.quarter}" if step == "quarter"
            else str(x.year) for x in map(pd.Timestamp, values)]


def say(frame: pd.DataFrame, key: str, teamless=None, **fields) -> pd.DataFrame:
    """Add evidence / evidence_zh from ``evidence.<key>``; fields are equal-length lists.

    ``teamless``: per row, whether the person has no team; they are compared with everyone in
    scope (analytics.compare, analytics.trend), so their sentence is ``<key>.everyone``.
    """
    keys = [f"{key}.everyone" if alone else key
            for alone in (teamless if teamless is not None else [False] * len(frame))]
    texts = [both(k, **dict(zip(fields, row, strict=True)))
             for k, row in zip(keys, zip(*fields.values(), strict=True), strict=True)]
    return frame.assign(evidence=[en for en, _ in texts], evidence_zh=[zh for _, zh in texts])


def p_text(values) -> list[str]:
    """``p=0.012``, or ``p<0.001`` where three decimals would print a p of 0."""
    return ["p=n/a" if pd.isna(p) else "p<0.001" if p < 0.0005 else f"p={p:.3f}"
            for p in values]


def fdr_words(tests: pd.Series, q: float, teamless=None) -> dict[str, list[str]]:
    """The false-discovery clause of a trend's evidence in both languages ("" when off); the
    people without a team are a family of their own (analytics.trend_stats)."""
    share = format(q, ".0%")
    alone = teamless if teamless is not None else [False] * len(tests)
    texts = [("", "") if q >= 1 else both("fdr.everyone" if a else "fdr", m=int(m), q=share)
             for m, a in zip(tests, alone, strict=True)]
    return {"fdr": [en for en, _ in texts], "fdr_zh": [zh for _, zh in texts]}
