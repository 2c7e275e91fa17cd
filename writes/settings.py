"""The settings page's writes (and ``cli.py settings``'): a section of the registry validated
and stored, or reset to its defaults. Rights: ``settings``, checked in ``store.settings``."""

from __future__ import annotations

from typing import Any, TypeVar

import duckdb

from reports.settings import check_section
from store import settings

T = TypeVar("T")


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
    check_section(key, cls)
    value = cls.from_dict(values)
    settings.save(con, key, value.to_dict())
    return value


def reset_section(con: duckdb.DuckDBPyConnection, key: str, cls: type[T]) -> T:
    """Forget the stored values of ``key``; returns the defaults."""
    check_section(key, cls)
    settings.reset(con, key)
    return cls()
