"""The numbers and dates a flag's evidence quotes, formatted once for every rule.

The sentences themselves are ``analytics.coaching.EVIDENCE``; this module fills them in.
"""

from __future__ import annotations

import pandas as pd

from analytics.coaching import EVIDENCE

# A grain's words (en; zh "per", zh count): quarterly data says quarters.
UNITS = {"day": ("day", "天", "天"), "week": ("week", "周", "周"), "month": ("month", "月", "个月"),
         "quarter": ("quarter", "季度", "个季度"), "year": ("year", "年", "年")}


def unit_words(step: str, n: int) -> dict[str, list[str]]:
    """The grain's words for ``n`` evidence rows (unit, units, unit_zh, units_zh)."""
    unit, per_zh, count_zh = UNITS[step]
    return {"unit": [unit] * n, "units": [unit + "s"] * n, "unit_zh": [per_zh] * n,
            "units_zh": [count_zh] * n}


def num(values, spec: str = ".1f") -> list[str]:
    return ["n/a" if pd.isna(x) else format(x, spec) for x in values]


def day(values) -> list[str]:
    return ["n/a" if pd.isna(x) else pd.Timestamp(x).strftime("%Y-%m-%d") for x in values]


def when(values, step: str) -> list[str]:
    """Periods as the evidence names them: ``2023 Q3`` for quarterly data, else the day."""
    if step not in ("quarter", "year"):
        return day(values)
    return ["n/a" if pd.isna(x) else f"{x.year} Q{x.quarter}" if step == "quarter"
            else str(x.year) for x in map(pd.Timestamp, values)]


def say(frame: pd.DataFrame, key: str, **fields) -> pd.DataFrame:
    """Add evidence / evidence_zh from EVIDENCE[key]; fields are equal-length lists."""
    en, zh = EVIDENCE[key]
    rows = [dict(zip(fields, row, strict=True)) for row in zip(*fields.values(), strict=True)]
    return frame.assign(evidence=[en.format(**row) for row in rows],
                        evidence_zh=[zh.format(**row) for row in rows])


def p_text(values) -> list[str]:
    """``p=0.012``, or ``p<0.001`` where three decimals would print a p of 0."""
    return ["p=n/a" if pd.isna(p) else "p<0.001" if p < 0.0005 else f"p={p:.3f}"
            for p in values]


def fdr_words(tests: pd.Series, q: float) -> dict[str, list[str]]:
    """The false-discovery clause of a trend's evidence in both languages ("" when off)."""
    en, zh = EVIDENCE["fdr"]
    share = format(q, ".0%")
    return {"fdr": ["" if q >= 1 else en.format(m=int(m), q=share) for m in tests],
            "fdr_zh": ["" if q >= 1 else zh.format(m=int(m), q=share) for m in tests]}
