"""analytics.severity: every reason scores 0.5 where its rule is just crossed and 1.0 at the
extreme docs/domain.md names ("How urgent: severity and recency")."""

from __future__ import annotations

import doctest

import numpy as np
import pytest

import analytics.severity as module
from analytics import severity
from analytics.cadence import CadenceRules
from analytics.thresholds import Thresholds

LIMITS, RULES = Thresholds(), CadenceRules()


@pytest.mark.parametrize(("score", "crossed", "extreme"), [
    (lambda a: severity.streak([a], LIMITS.under_target_ratio, [0]),
     LIMITS.under_target_ratio, LIMITS.under_target_ratio / 2),
    (lambda z: severity.in_sds([-z]), -1.0, -3.0),  # below the team: (1 - z) / 4
    (lambda sd: severity.in_sds([sd]), 1.0, 3.0),  # a drop in the person's own sd
    (lambda r: severity.volatile([r], LIMITS.volatility_cv_ratio),
     LIMITS.volatility_cv_ratio, 2 * LIMITS.volatility_cv_ratio),
    (lambda idle: severity.contact([idle], RULES.contact_days),
     RULES.contact_days, 2 * RULES.contact_days),
    (lambda p: severity.forecast_miss([p], LIMITS.forecast_miss_p), LIMITS.forecast_miss_p, 0.0),
])
def test_half_when_crossed_and_one_at_the_extreme(score, crossed, extreme):
    assert float(np.asarray(score(crossed))[0]) == pytest.approx(0.5)
    assert float(np.asarray(score(extreme))[0]) == pytest.approx(1.0)


def test_the_coaching_reasons_ramps():
    late = np.array([0, 15, 30, 90])
    assert severity.new_hire(late).tolist() == pytest.approx([0.7, 0.85, 1.0, 1.0])
    quarter = np.array([0, 91])
    assert severity.formal(quarter).tolist() == pytest.approx([0.3, 0.8])
    assert severity.contact([np.nan], RULES.contact_days).tolist() == [1.0]  # never coached


def test_unknown_size_and_clipping():
    assert severity.clip([np.nan, -2.0, 7.0]).tolist() == [0.5, 0.0, 1.0]
    assert severity.streak([0.1], 0.8, [20]).tolist() == [1.0]
    assert severity.recency([0, 13, 26], 13).tolist() == [1.0, 0.0, 0.0]


def test_doctests():
    assert doctest.testmod(module).failed == 0
