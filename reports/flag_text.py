"""A flag's evidence in words: the facts of ``analytics.flag_facts`` written from the catalogue
(``evidence.<code>``, ``i18n/evidence.py``) in the reader's language.

How each value reads is decided here, by its name: measures with one decimal, percentiles
whole, shares as percentages, a trend's p with three decimals, a period as its grain names it
(``2023 Q3`` for quarterly data, else the day). A value the analytics could not compute reads
``n/a``. A fact with a ``step`` (the data's grain) also gets the grain's ``unit``/``units``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analytics.facts import Fact
from i18n import t
from i18n.dates import day

MISSING = "n/a"
PERIOD, DAY, P, SPAN, MODEL = "period", "day", "p", "span", "model"
# How a value reads, by its name; a code's own entry wins (a swing has two decimals, the
# forecast's chance is a share and its amounts carry thousands separators).
FORMATS: dict[str, str] = {
    **dict.fromkeys(("value", "target", "team", "best", "z", "before", "after", "eff_value",
                     "eff_team"), ".1f"),
    **dict.fromkeys(("expected", "low", "high", "mae", "needed", "recent"), ",.1f"),
    **dict.fromkeys(("attainment", "ratio", "q", "level"), ".0%"),
    "slope": ".2f", "pct": ".0f", "eff_pct": ".0f", "p": P, "since": PERIOD, "hire": DAY,
    "quarter": DAY, "span": SPAN, "model": MODEL,
}
OWN: dict[str, dict[str, str]] = {
    "volatile": {"value": ".2f", "team": ".2f", "ratio": ".1f"},
    "likely_to_miss_target": {"p": ".0%", "target": ",.1f"},
}


def _period(value, step: str | None) -> str:
    """A period as the evidence names it: ``2023 Q3`` for quarterly data, else the day."""
    if value is None or pd.isna(value):
        return MISSING
    if step not in ("quarter", "year"):
        return day(value, missing=MISSING)
    when = pd.Timestamp(value)
    return f"{when.year} Q{when.quarter}" if step == "quarter" else str(when.year)


def _p(value) -> str:
    """``p=0.012``, or ``p<0.001`` where three decimals would print a p of 0."""
    return "p=n/a" if pd.isna(value) else "p<0.001" if value < 0.0005 else f"p={value:.3f}"


def _value(how: str | None, value, step: str | None, lang: str) -> object:
    if isinstance(value, Fact):
        return text(value, lang)
    if value is None or how is None:  # a clause left out; a name, a count: as it is
        return "" if value is None else value
    if how == PERIOD:
        return _period(value, step)
    if how == DAY:
        return day(value, missing=MISSING)
    if how == P:
        return _p(value)
    if how in (SPAN, MODEL):
        return t(f"evidence.span.{value}" if how == SPAN else f"evidence.model.{value}", lang)
    return MISSING if pd.isna(value) else format(value, how)


def text(fact: Fact, lang: str) -> str:
    """One fact's sentence in ``lang``.

    Example:
        >>> text(Fact.of("coaching_overdue.contact", days=40, limit=30), "en")
        'Last contact 40 days ago (policy: every 30 days)'
        >>> text(Fact.of("volatile", metric="AHT", value=1.234, team=0.5, ratio=2.468,
        ...               step="week"), "zh")
        'AHT 每周波动 1.23,是团队常见水平 0.50 的 2.5 倍'
    """
    values = fact.params
    step = values.pop("step", None)
    own = OWN.get(fact.code.removesuffix(".everyone"), {})
    fields = {name: _value(own.get(name, FORMATS.get(name)), value, step, lang)
              for name, value in values.items()}
    if step is not None:
        fields |= {"unit": t(f"unit.{step}", lang), "units": t(f"units.{step}", lang)}
    return t(f"evidence.{fact.code}", lang, **fields)


def sentence(clauses, lang: str) -> str:
    """A flag's evidence: its clauses joined ("; " in English, the later ones in lower case);
    a text (evidence already written, e.g. the overview's flags) stays as it is."""
    if isinstance(clauses, str):
        return clauses
    parts = [text(fact, lang) for fact in clauses]
    if lang == "zh":
        return ";".join(parts)
    return "; ".join(p if i == 0 else p[:1].lower() + p[1:] for i, p in enumerate(parts))


def sentences(evidence: Iterable, lang: str) -> list[str]:
    """Every flag's evidence in ``lang``; equal facts are written once (thousands of coaching
    flags share a few hundred)."""
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    written: dict = {}
    return [written[clauses] if clauses in written
            else written.setdefault(clauses, sentence(clauses, lang)) for clauses in evidence]
