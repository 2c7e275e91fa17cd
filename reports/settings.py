"""The settings registry: every tunable number, its section, default, bounds, unit, texts and
page, for the settings page and ``cli.py settings`` alike; a section loaded (``writes.settings``
validates and stores one).

A section is a frozen dataclass of ``analytics.numbers.setting`` fields with ``from_dict(dict)``
(raising ValueError on bad values) and ``to_dict()``, such as ``analytics.thresholds.Thresholds``.
Each number lives in exactly one section. Nothing here knows Streamlit.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

import duckdb

from analytics.board_thresholds import BOARD_THRESHOLDS_KEY, BoardThresholds
from analytics.cadence import CadenceRules
from analytics.numbers import Bounds, bounds_of
from analytics.thresholds import Thresholds
from i18n import t
from reports.team import CADENCE_KEY, THRESHOLDS_KEY
from store import settings

T = TypeVar("T")
log = logging.getLogger("coachboard")
PAGE = "views/settings.py"  # the page that edits every setting of the registry


class Section(NamedTuple):
    """A settings key, its dataclass and the text key of its title on the page."""

    key: str
    cls: type
    title: str


SECTIONS: tuple[Section, ...] = (
    Section(THRESHOLDS_KEY, Thresholds, "settings.thresholds"),
    Section(CADENCE_KEY, CadenceRules, "cadence.title"),
    Section(BOARD_THRESHOLDS_KEY, BoardThresholds, "board_thresholds.title"),
)


@dataclass(frozen=True)
class Setting:
    """One tunable number. Its label and help are the texts ``label_key`` and ``help_key``."""

    section: str
    name: str
    default: float
    bounds: Bounds
    whole: bool  # an integer (days, periods, events) rather than any number
    page: str = PAGE

    @property
    def label_key(self) -> str:
        return f"{self.section}.{self.name}"

    @property
    def help_key(self) -> str:
        return f"{self.section}.{self.name}.help"


def _registry() -> tuple[Setting, ...]:
    rows = tuple(Setting(section.key, field.name, field.default, bounds_of(field),
                         field.type in (int, "int"))
                 for section in SECTIONS for field in dataclasses.fields(section.cls))
    names = [row.name for row in rows]
    if len(set(names)) < len(names):  # a number owned twice is the confusion this prevents
        raise RuntimeError(f"a setting is defined in two sections: {sorted(names)}")
    return rows


REGISTRY: tuple[Setting, ...] = _registry()


def in_section(key: str) -> tuple[Setting, ...]:
    """The settings of section ``key``, in the page's order."""
    return tuple(row for row in REGISTRY if row.section == key)


def find(name: str) -> Setting:
    """The setting called ``name``; ValueError naming the known ones otherwise."""
    for row in REGISTRY:
        if row.name == name:
            return row
    raise ValueError(f"no setting called {name!r}; the settings are: "
                     + ", ".join(row.name for row in REGISTRY))


def _rule(bounds: Bounds, lang: str) -> str:
    """The range and unit in words: "over 0 and under 1 (a significance level)"."""
    ends = [(bounds.low, "low_open" if bounds.low_open else "low"),
            (bounds.high, "high_open" if bounds.high_open else "high")]
    parts = [t(f"settings.range.{kind}", lang, x=f"{x:g}") for x, kind in ends if x is not None]
    rule = (t("settings.range.any", lang) if not parts
            else t("settings.range.and", lang).join(parts))
    return t("settings.range.rule", lang, rule=rule, unit=t(f"settings.unit.{bounds.unit}", lang))


def range_text(bounds: Bounds, lang: str = "en") -> str:
    """A setting's allowed values and unit as a sentence: "Allowed: at least 1 (days)."."""
    return t("settings.range", lang, rule=_rule(bounds, lang))


def refusal(key: str, values: Mapping[str, object], error: ValueError, lang: str = "en") -> str:
    """Why section ``key``'s ``values`` were refused, for the page: in English the section's own
    sentence; in Chinese the first setting outside its range, by its label and with its range
    in words, or the rule between two settings that was broken, never an English sentence."""
    if lang == "en":
        return str(error).rstrip(".")
    for row in in_section(key):
        value = values.get(row.name)
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if number and not row.bounds.holds(value):
            return t("settings.refused", lang, label=t(row.label_key, lang), value=f"{value:g}",
                     rule=_rule(row.bounds, lang))
    return t("settings.refused.pair", lang)


def check_section(key: str, cls: type) -> None:
    """Refuse a key or a class that is not a settings section (a programming error)."""
    if not isinstance(key, str) or not key:
        raise ValueError(f"key must be a non-empty string, got {key!r}")
    if not dataclasses.is_dataclass(cls) or not hasattr(cls, "from_dict"):
        raise ValueError(f"{cls!r} must be a dataclass with from_dict() and to_dict()")


def load_section(con: duckdb.DuckDBPyConnection, key: str, cls: type[T]) -> T:
    """The stored values of ``key`` as a ``cls`` (defaults for anything not stored).

    Stored values that no longer validate (e.g. after a rule changed) give the defaults.

    Example:
        >>> load_section(con, "thresholds", Thresholds).trend_alpha  # doctest: +SKIP
        0.05
    """
    check_section(key, cls)
    try:
        return cls.from_dict(settings.load(con, key))
    except ValueError:
        log.warning("stored settings %s are invalid; using defaults", key)
        return cls()
