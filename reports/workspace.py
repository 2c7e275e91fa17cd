"""What the whole workspace holds, as the viewer sees it: counts and the period range (the
sidebar), whether it is empty, the metric catalog, everyone's team trend rows and the roster."""

from __future__ import annotations

from store.queries import catalog, employees, facts, is_empty, team_trend

__all__ = ["catalog", "employees", "facts", "is_empty", "team_trend"]
