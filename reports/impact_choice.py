"""The HR impact page's choices: the inputs of ``reports.impact.impact_report`` with their
defaults, written here once. The page's widgets start from ``DEFAULT``, the report's keyword
defaults are ``DEFAULT``'s, and the page's caches are keyed by a ``Choice`` (frozen: hashable)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from analytics.impact import Score


@dataclass(frozen=True)
class Choice:
    """The inputs of :func:`impact_report` (see there); hashable, so a cache can be keyed by it."""

    start: dt.date | None = None
    end: dt.date | None = None
    team: str | None = None
    manager: str | None = None
    metric: str | None = None
    split: float = 0.5
    score: Score = "z"
    weights: Literal["equal", "goals"] = "equal"
    k: int = 4
    core_roles: tuple[str, ...] | None = None

    def __post_init__(self) -> None:  # widgets hand over numpy numbers and lists
        object.__setattr__(self, "split", float(self.split))
        object.__setattr__(self, "k", int(self.k))
        if self.core_roles is not None:
            object.__setattr__(self, "core_roles", tuple(self.core_roles))


DEFAULT = Choice()
