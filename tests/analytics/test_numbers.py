"""NumberSettings: one type check and one dict round trip for every settings dataclass."""

import doctest

import pytest

import analytics.numbers
from analytics.board_thresholds import BoardThresholds
from analytics.cadence import CadenceRules
from analytics.thresholds import Thresholds

SETTINGS = [Thresholds, CadenceRules, BoardThresholds]


def test_doctests():
    assert doctest.testmod(analytics.numbers).failed == 0


@pytest.mark.parametrize("cls", SETTINGS)
def test_round_trip_keeps_every_value(cls):
    assert cls.from_dict(cls().to_dict()) == cls()


@pytest.mark.parametrize("cls", SETTINGS)
@pytest.mark.parametrize(("bad", "message"), [
    (True, "must be a number, got a bool"),
    ("7", "must be"),
    (float("nan"), "must be"),
])
def test_every_field_refuses_non_numbers(cls, bad, message):
    for name in cls().to_dict():
        with pytest.raises(ValueError, match=message):
            cls.from_dict({name: bad})


@pytest.mark.parametrize("cls", SETTINGS)
def test_not_a_mapping(cls):
    with pytest.raises(ValueError, match="must be a mapping"):
        cls.from_dict([("a", 1)])
