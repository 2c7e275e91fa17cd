"""The flags' evidence is facts, never sentences: every code is a known one (a sentence of the
catalogue, written by reports.flag_text) and every value a number, a date, a name from the data
or a code."""

from __future__ import annotations

import numbers
import re

import pandas as pd
import pytest

from analytics.facts import Fact
from analytics.flag_facts import EVIDENCE_CODES
from analytics.flags import flags
from tests.analytics.test_fdr import NO_PEOPLE, NO_SESSIONS, noise_team
from tests.analytics.test_flags import roster, scenario
from tests.analytics.test_forecast_flags import _person

CODE = re.compile(r"[a-z_]+")


def _planted():
    people, sessions = roster()
    return scenario(), people, sessions


def _teamless():
    values, people, sessions = _planted()
    return values.assign(team=None), people, sessions


def _forecast():
    return pd.concat([_person("far", 55.0, 0), _person("ok", 101.0, 1)]), NO_PEOPLE, NO_SESSIONS


def _quarterly():
    values = noise_team(4, people=8, planted={"t03": 6.0})
    return values.assign(period=values["period"].dt.to_period("Q").dt.start_time
                         ).drop_duplicates(["employee_id", "metric", "period"]), NO_PEOPLE, NO_SESSIONS


def _facts(value):
    yield value
    for inner in value.params.values():
        if isinstance(inner, Fact):
            yield from _facts(inner)


@pytest.mark.parametrize("data", [_planted, _teamless, _forecast, _quarterly],
                         ids=["planted", "teamless", "forecast", "quarterly"])
def test_evidence_is_known_codes_and_raw_values(data):
    values, people, sessions = data()
    found = flags(values, people, sessions)
    assert not found.empty
    names = set(values["metric"])
    for clauses in found["evidence"]:
        assert isinstance(clauses, tuple)
        assert clauses
        for fact in (f for clause in clauses for f in _facts(clause)):
            assert fact.code in EVIDENCE_CODES
            for name, value in fact.params.items():
                if isinstance(value, str):  # a metric's name, or a code: never words
                    assert value in names or CODE.fullmatch(value), (fact.code, name, value)
                else:
                    assert value is None or isinstance(value, (numbers.Number, pd.Timestamp,
                                                               Fact)), (fact.code, name, value)
