"""The prep in words: the facts of ``analytics.prep`` (its summary, GROW questions and the two
tables) written from the catalogue (``i18n/prep.py``, ``i18n/windows.py``) in the reader's
language; the problems' evidence by ``reports.flag_text``.

Measures read with one decimal, percentiles and counts whole, the alert line as a percentage,
days as ``2025-03-05`` and periods as the data's grain names them; a missing number reads ``–``
(``reports.fact_text``).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from analytics.facts import Fact
from analytics.prep import EmployeePrep
from i18n import LANGS, t
from i18n.dates import day
from reports.fact_text import DAY, IN_PERIOD, PERIOD, Style, fields
from reports.flag_text import sentence

MISSING = "–"
_SWING = {"value": ".2f", "reference": ".2f"}  # a volatile metric's swing has two decimals
PREP = Style(formats={
    **dict.fromkeys(("value", "team", "reference", "before", "after", "goal", "latest_value",
                     "target"), ".1f"),
    "pct": ".0f", "n": ".0f", "ratio": ".0%", "latest": IN_PERIOD, "end": PERIOD,
    "period": PERIOD, **dict.fromkeys(("deadline", "check", "since", "hire", "day"), DAY),
}, missing=MISSING, own={"prep.goal.swing": {"value": ".2f", "goal": ".2f"},
                         "prep.summary.volatile": _SWING,
                         "prep.summary_everyone.volatile": _SWING})


def num(value, spec: str = ".1f") -> str:
    """A number for a sentence or a table cell, "–" when missing.

    Example:
        >>> num(81.234), num(float("nan")), num(0.8, ".0%")
        ('81.2', '–', '80%')
    """
    return MISSING if value is None or pd.isna(value) else format(float(value), spec)


def text(fact: Fact, lang: str) -> str:
    """One fact of the prep in ``lang`` (its code is the catalogue key).

    Example:
        >>> text(Fact.of("prep.summary.clear", day=pd.Timestamp("2025-01-06")), "zh")
        '截至 2025-01-06 没有预警'
    """
    return t(fact.code, lang, **fields(fact, lang, PREP, text))


def _cell(value, lang: str):
    """A table cell: a fact or a flag's evidence in words, a date as a day."""
    if isinstance(value, Fact):
        return text(value, lang)
    if isinstance(value, tuple):
        return sentence(value, lang)
    if isinstance(value, pd.Timestamp):
        return day(value)
    return value


def write(prep: EmployeePrep, lang: str) -> EmployeePrep:
    """``prep`` with its summary, GROW questions and tables in ``lang``; every other field (the
    numbers, the flags) as it was.

    Example:
        >>> from analytics.prep import build_prep
        >>> none = pd.DataFrame()
        >>> prep = build_prep("E1", as_of=pd.Timestamp("2025-01-06"), series=none, people=none,
        ...     comparison=none, trends=none, gaps=none, strengths=none, flags=none,
        ...     sessions=none)
        >>> write(prep, "en").summary
        'No flags as of 2025-01-06'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    if not isinstance(prep, EmployeePrep):
        raise ValueError(f"prep must be an EmployeePrep, got {type(prep).__name__}")
    return replace(
        prep, lang=lang, summary=text(prep.summary, lang),
        grow=[(text(stage, lang), text(ask, lang)) for stage, ask in prep.grow],
        problems=prep.problems.astype(object).map(lambda v: _cell(v, lang)),
        tracking=prep.tracking.astype(object).map(lambda v: _cell(v, lang)))
