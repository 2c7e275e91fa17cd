"""The facts of a flag's evidence: which sentence, and the numbers and dates it quotes.

A flag's ``evidence`` is a tuple of :class:`~analytics.facts.Fact`, the clauses of its
sentence (coaching overdue can be two: no formal review and no contact). Each code is one of
:data:`EVIDENCE_CODES`; ``reports.flag_text`` writes it from the catalogue's ``evidence.<code>``
(``i18n/evidence.py``). Values stay raw: a fact whose sentence counts periods carries the data's
grain as ``step`` (quarterly data says quarters, and its periods read ``2023 Q3``).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analytics.facts import Fact

# The reasons whose sentence names the team: someone without one is compared with everyone
# in scope (analytics.compare, analytics.trend), and their sentence is ``<code>.everyone``.
TEAM_CODES = ("declining_trend.turn", "declining_trend.slope", "below_team",
              "efficiency_quality_imbalance", "volatile", "fdr")
MISS_KINDS = ("sum", "mean", "lower")
EVIDENCE_CODES: tuple[str, ...] = (
    "below_target_streak", *TEAM_CODES, *(f"{code}.everyone" for code in TEAM_CODES),
    "new_hire_uncoached", "coaching_overdue.formal", "coaching_overdue.contact",
    "coaching_overdue.never", "likely_to_miss_target",
    *(f"likely_to_miss_target.{kind}" for kind in MISS_KINDS))


def code_for(code: str, teamless: bool) -> str:
    """``code``, or its ``.everyone`` sentence for someone without a team."""
    return f"{code}.everyone" if teamless and code in TEAM_CODES else code


def _column(value, n: int) -> list:
    """A field's values per row: a sequence as it is, one value repeated."""
    if isinstance(value, (pd.Series, pd.Index, list, tuple)):
        return list(value)
    return [value] * n


def say(frame: pd.DataFrame, code: str, teamless: Sequence[bool] | None = None,
        **fields) -> pd.DataFrame:
    """``frame`` with ``evidence``: one fact ``code`` per row; ``fields`` are a value per row
    (or one value for all); ``teamless``: per row, whether the person has no team."""
    n = len(frame)
    alone = _column(teamless if teamless is not None else False, n)
    columns = {name: _column(value, n) for name, value in fields.items()}
    facts = [(Fact(code_for(code, a), tuple(zip(columns, row, strict=True))),)
             for a, row in zip(alone, zip(*columns.values(), strict=True) if columns
                               else [()] * n, strict=True)]
    return frame.assign(evidence=facts)


def fdr_facts(tests: pd.Series, q: float, teamless: Sequence[bool]) -> list[Fact | None]:
    """The false-discovery clause of each trend's evidence (None when the control is off);
    the people without a team are a family of their own (analytics.trend_stats)."""
    return [None if q >= 1 else Fact.of(code_for("fdr", a), m=int(m), q=q)
            for m, a in zip(tests, teamless, strict=True)]
