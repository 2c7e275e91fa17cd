"""How the values of a fact (``analytics.facts.Fact``) read in a sentence, for the writers of
the flags' evidence (``reports.flag_text``) and the prep (``reports.prep_text``).

A value is written by its name: a format spec (``.1f``, ``.0%``) or one of the kinds below; a
name no style knows (a metric's name, a count) is put in as it is, and reads nothing when None
(a clause left out). A value the analytics could not compute reads the style's ``missing``. A fact with a
``step`` (the data's grain) also gets the grain's ``unit`` and ``units``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from analytics.facts import Fact
from i18n import t
from i18n.dates import day
from i18n.numbers import period_label
from reports.metric_names import metric_label

DAY = "day"  # 2025-03-05
WHEN = "when"  # a period as the evidence names it: 2023 Q3 for quarterly data, else the day
PERIOD = "period"  # a period by the grain: "week of 29 Dec 2025", "Dec 2025", "2025 Q4"
IN_PERIOD = "in_period"  # "in the week of 29 Dec 2025"
P = "p"  # p=0.012, p<0.001
SPAN, MODEL = "span", "model"  # the forecast's target span and model, by their codes
# the values that are metrics' names: a name Coachboard proposed reads in the reader's language
METRICS = frozenset({"metric", "eff", "strength", "weakness"})


@dataclass(frozen=True)
class Style:
    """How one family of sentences writes its values: by name, and by code where a code's
    own number reads differently (a swing has two decimals)."""

    formats: Mapping[str, str]
    missing: str
    own: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def how(self, code: str, name: str) -> str | None:
        return self.own.get(code.removesuffix(".everyone"), {}).get(name, self.formats.get(name))


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _when(value, step: str | None, missing: str) -> str:
    if step not in ("quarter", "year"):
        return day(value, missing=missing)
    when = pd.Timestamp(value)
    return f"{when.year} Q{when.quarter}" if step == "quarter" else str(when.year)


def _kind(how: str, value, step: str | None, lang: str) -> str:
    if how == DAY:
        return day(value)
    if how == WHEN:
        return _when(value, step, "")
    if how == PERIOD:
        return period_label(value, step, lang)
    if how == IN_PERIOD:
        return t(f"window.in.{step}", lang, day=period_label(value, step, lang))
    if how == P:
        return "p<0.001" if value < 0.0005 else f"p={value:.3f}"
    if how == SPAN:
        return t(f"evidence.span.{value}", lang)
    if how == MODEL:
        return t(f"evidence.model.{value}", lang)
    return format(float(value), how)


def fields(fact: Fact, lang: str, style: Style,
           inner: Callable[[Fact, str], str]) -> dict[str, object]:
    """The values of ``fact`` as its sentence reads them (``inner`` writes a clause)."""
    values = fact.params
    step = values.pop("step", None)
    out: dict[str, object] = {}
    for name, value in values.items():
        how = style.how(fact.code, name)
        if isinstance(value, Fact):
            out[name] = inner(value, lang)
        elif how is None:  # a name or a count as it is; a clause left out reads nothing
            out[name] = ("" if value is None else metric_label(value, lang) if name in METRICS
                         else value)
        elif _missing(value) and how != IN_PERIOD:
            out[name] = ("p=" if how == P else "") + style.missing
        else:
            out[name] = _kind(how, value, step, lang)
    if step is not None:
        out |= {"unit": t(f"unit.{step}", lang), "units": t(f"units.{step}", lang)}
    return out
