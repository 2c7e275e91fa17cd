"""Tests for analytics.thresholds: defaults in one place, dict round trip, type checks."""

from __future__ import annotations

import dataclasses
import doctest

import pytest

import analytics.thresholds as module
from analytics.cadence import CadenceRules
from analytics.thresholds import Thresholds


def test_defaults_match_the_domain():
    limits = Thresholds()
    assert (limits.under_target_ratio, limits.under_target_periods) == (0.8, 2)
    assert (limits.below_team_z, limits.below_team_quantile) == (-1.0, 0.25)
    assert limits.new_hire_days == 90
    # The cadence numbers the flags use are the cadence policy's, owned there only.
    assert not hasattr(limits, "contact_days")
    assert not hasattr(limits, "first_session_days")
    assert (CadenceRules().first_session_days, CadenceRules().contact_days) == (7, 30)
    assert (limits.recent_window_short, limits.recent_window_long) == (3, 6)


def test_round_trip_and_unknown_keys_ignored():
    changed = Thresholds(trend_alpha=0.1, new_hire_days=14)
    data = changed.to_dict() | {"from_the_future": 1}
    assert Thresholds.from_dict(data) == changed


def test_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Thresholds().trend_alpha = 0.2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("under_target_periods", 2.5),
        ("under_target_periods", True),
        ("trend_alpha", "0.05"),
        ("trend_alpha", 1.5),
        ("below_team_quantile", 0.0),
        ("new_hire_days", 0),
        ("under_target_ratio", float("nan")),
        ("recent_window_long", 1),
    ],
)
def test_bad_values_raise(key, value):
    with pytest.raises(ValueError, match=key.split("_")[0]):
        Thresholds.from_dict({key: value})


def test_int_accepted_for_float_fields():
    assert Thresholds.from_dict({"volatility_cv_ratio": 3}).volatility_cv_ratio == 3


def test_from_dict_rejects_non_mapping():
    with pytest.raises(ValueError, match="mapping"):
        Thresholds.from_dict([("trend_alpha", 0.1)])  # type: ignore[arg-type]


def test_doctests():
    assert doctest.testmod(module).failed == 0
