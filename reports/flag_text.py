"""A flag's evidence in words: the facts of ``analytics.flag_facts`` written from the catalogue
(``evidence.<code>``, ``i18n/evidence.py``) in the reader's language.

Measures read with one decimal, percentiles whole, shares as percentages, a trend's p with three
decimals, a period as its grain names it (``2023 Q3`` for quarterly data, else the day); a value
the analytics could not compute reads ``n/a`` (``reports.fact_text``).
"""

from __future__ import annotations

from collections.abc import Iterable

from analytics.facts import Fact
from i18n import t
from reports.fact_text import DAY, MODEL, SPAN, WHEN, P, Style, fields

# A swing has two decimals; the forecast's chance is a share and its amounts carry thousands
# separators.
EVIDENCE = Style(formats={
    **dict.fromkeys(("value", "target", "team", "best", "z", "before", "after", "eff_value",
                     "eff_team"), ".1f"),
    **dict.fromkeys(("expected", "low", "high", "mae", "needed", "recent"), ",.1f"),
    **dict.fromkeys(("attainment", "ratio", "q", "level"), ".0%"),
    "slope": ".2f", "pct": ".0f", "eff_pct": ".0f", "p": P, "since": WHEN, "hire": DAY,
    "quarter": DAY, "span": SPAN, "model": MODEL,
}, missing="n/a", own={
    "volatile": {"value": ".2f", "team": ".2f", "ratio": ".1f"},
    "likely_to_miss_target": {"p": ".0%", "target": ",.1f"},
})


def text(fact: Fact, lang: str) -> str:
    """One fact's sentence in ``lang``.

    Example:
        >>> text(Fact.of("coaching_overdue.contact", days=40, limit=30), "en")
        'Last contact 40 days ago (policy: every 30 days)'
        >>> text(Fact.of("volatile", metric="AHT", value=1.234, team=0.5, ratio=2.468,
        ...               step="week"), "zh")
        'AHT 每周波动 1.23，是团队常见水平 0.50 的 2.5 倍'
    """
    return t(f"evidence.{fact.code}", lang, **fields(fact, lang, EVIDENCE, text))


def sentence(clauses, lang: str) -> str:
    """A flag's evidence: its clauses joined ("; " in English, the later ones in lower case;
    "；" in Chinese);
    a text (evidence already written, e.g. the overview's flags) stays as it is."""
    if isinstance(clauses, str):
        return clauses
    parts = [text(fact, lang) for fact in clauses]
    if lang == "zh":
        return "；".join(parts)
    return "; ".join(p if i == 0 else p[:1].lower() + p[1:] for i, p in enumerate(parts))


def sentences(evidence: Iterable, lang: str) -> list[str]:
    """Every flag's evidence in ``lang``; equal facts are written once (thousands of coaching
    flags share a few hundred)."""
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    written: dict = {}
    return [written[clauses] if clauses in written
            else written.setdefault(clauses, sentence(clauses, lang)) for clauses in evidence]
