"""Settings sections (thresholds …): load, validate and store one dataclass per settings key.

A section is any frozen dataclass with ``from_dict(dict)`` (raising ValueError on bad values)
and ``to_dict()``, such as ``analytics.thresholds.Thresholds``. Nothing here knows Streamlit.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any, TypeVar

import duckdb

from analytics.board_thresholds import BOARD_THRESHOLDS_KEY, BoardThresholds
from analytics.cadence import CadenceRules
from analytics.thresholds import Thresholds
from reports.team import CADENCE_KEY, THRESHOLDS_KEY
from store import settings

T = TypeVar("T")
log = logging.getLogger("coachboard")

# (settings key, dataclass with from_dict/to_dict, title text key, fields edited elsewhere).
# Labels and help of a field are the texts "<settings key>.<field>" and "<key>.<field>.help".
SECTIONS: list[tuple[str, type, str, tuple[str, ...]]] = [
    (THRESHOLDS_KEY, Thresholds, "settings.thresholds", ()),
    (CADENCE_KEY, CadenceRules, "cadence.title", ()),
    (BOARD_THRESHOLDS_KEY, BoardThresholds, "board_thresholds.title", ()),
]


def _check(key: str, cls: type) -> None:
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
    _check(key, cls)
    try:
        return cls.from_dict(settings.load(con, key))
    except ValueError:
        log.warning("stored settings %s are invalid; using defaults", key)
        return cls()


def save_section(
    con: duckdb.DuckDBPyConnection, key: str, cls: type[T], values: dict[str, Any]
) -> T:
    """Validate ``values`` through ``cls.from_dict`` and store them under ``key``.

    Raises:
        ValueError: the values do not validate; nothing is stored then.

    Example:
        >>> save_section(con, "thresholds", Thresholds, {"trend_alpha": 0.1})  # doctest: +SKIP
        Thresholds(..., trend_alpha=0.1, ...)
    """
    _check(key, cls)
    value = cls.from_dict(values)
    settings.save(con, key, value.to_dict())
    return value


def reset_section(con: duckdb.DuckDBPyConnection, key: str, cls: type[T]) -> T:
    """Forget the stored values of ``key``; returns the defaults."""
    _check(key, cls)
    settings.reset(con, key)
    return cls()
