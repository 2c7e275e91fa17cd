"""The shared behaviour of every settings dataclass (thresholds, cadence rules, board colours).

Each is a frozen dataclass of plain numbers that the settings page stores as JSON. Subclass
:class:`NumberSettings`, call ``self.check_numbers()`` first in ``__post_init__``, then check
the ranges that are particular to it.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Any, Self


class NumberSettings:
    """Mixin for frozen dataclasses whose fields are all ``int`` or ``float``.

    Example:
        >>> @dataclasses.dataclass(frozen=True)
        ... class Limits(NumberSettings):
        ...     days: int = 7
        ...     def __post_init__(self) -> None:
        ...         self.check_numbers()
        >>> Limits.from_dict({"days": 3, "unknown": 1}).to_dict()
        {'days': 3}
        >>> Limits.from_dict({"days": 1.5})
        Traceback (most recent call last):
        ...
        ValueError: days must be an integer, got float 1.5
    """

    def check_numbers(self) -> None:
        """Raise ValueError unless every field is a finite number of its declared type."""
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            # bool is an int subclass; True as a window length is always a mistake.
            if isinstance(value, bool):
                raise ValueError(f"{field.name} must be a number, got a bool")
            whole = field.type in (int, "int")
            if not isinstance(value, int if whole else int | float):
                kind = "an integer" if whole else "a number"
                raise ValueError(f"{field.name} must be {kind}, got {type(value).__name__} {value!r}")
            if not math.isfinite(value):
                raise ValueError(f"{field.name} must be finite, got {value!r}")

    def to_dict(self) -> dict[str, Any]:
        """Return the settings as a plain dict (JSON-serialisable)."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Build from a dict; unknown keys are ignored, missing keys keep their defaults.

        Raises:
            ValueError: when a value has the wrong type or is out of range.
        """
        if not isinstance(data, Mapping):
            raise ValueError(f"{cls.__name__} settings must be a mapping, got {type(data).__name__}")
        names = {field.name for field in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})
