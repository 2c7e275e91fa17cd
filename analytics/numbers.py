"""The shared behaviour of every settings dataclass (thresholds, cadence rules, board colours).

Each is a frozen dataclass of plain numbers that the settings page stores as JSON. Declare each
field with :func:`setting` (its default, unit and bounds: the registry ``reports.settings``
lists them for the page and the CLI), subclass :class:`NumberSettings`, call
``self.check_numbers()`` first in ``__post_init__``, then check what relates two fields.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Self

# The unit of a setting: what its number counts (the texts "unit.<unit>" name it).
UNITS = ("share", "ratio", "periods", "months", "days", "events", "z", "p")


@dataclass(frozen=True)
class Bounds:
    """What a setting may be: its unit and range (an open end refuses the end itself).

    Example:
        >>> Bounds("p", low=0, high=1, low_open=True, high_open=True).check("alpha", 1.5)
        Traceback (most recent call last):
        ...
        ValueError: alpha must be between 0 and 1, got 1.5
    """

    unit: str
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"unit must be one of {UNITS}, got {self.unit!r}")

    def holds(self, value: float) -> bool:
        above = self.low is None or (value > self.low if self.low_open else value >= self.low)
        below = self.high is None or (value < self.high if self.high_open else value <= self.high)
        return above and below

    def rule(self) -> str:
        """The range in words: "between 0 and 1", "at least 1", "over 0 and at most 1" ..."""
        if self.low_open and self.high_open and None not in (self.low, self.high):
            return f"between {self.low:g} and {self.high:g}"
        if self.low == 0 and self.high is None:
            return "positive" if self.low_open else "not negative"
        low = None if self.low is None else f"{'over' if self.low_open else 'at least'} {self.low:g}"
        high = None if self.high is None else (
            f"{'under' if self.high_open else 'at most'} {self.high:g}")
        return " and ".join(part for part in (low, high) if part) or "any number"

    def check(self, name: str, value: float) -> None:
        """Raise ValueError naming the field and its range unless ``value`` is in it."""
        if not self.holds(value):
            rule = self.rule()
            said = "must not be negative" if rule == "not negative" else f"must be {rule}"
            raise ValueError(f"{name} {said}, got {value!r}")


def setting(default: float, unit: str, *, low: float | None = None, high: float | None = None,
            low_open: bool = False, high_open: bool = False):
    """A settings field: its default and :class:`Bounds` (kept as the field's metadata)."""
    bounds = Bounds(unit, low, high, low_open, high_open)
    return dataclasses.field(default=default, metadata={"bounds": bounds})


def bounds_of(field: dataclasses.Field) -> Bounds | None:
    """The bounds a field was declared with (None for a plain field)."""
    return field.metadata.get("bounds")


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
            if (bounds := bounds_of(field)) is not None:
                bounds.check(field.name, value)

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
