"""reports.settings: a settings section is validated before it is stored, reset to defaults."""

import pytest

import store
from analytics.cadence import CadenceRules
from analytics.thresholds import Thresholds
from reports.settings import load_section
from reports.team import CADENCE_KEY, THRESHOLDS_KEY, cadence_rules, thresholds
from writes.settings import reset_section, save_section


@pytest.fixture
def con(tmp_path):
    connection = store.connect(tmp_path / "s.duckdb")
    yield connection
    connection.close()


def test_defaults_when_nothing_stored(con):
    assert load_section(con, THRESHOLDS_KEY, Thresholds) == Thresholds()


def test_save_then_load_and_the_analyses_see_it(con):
    saved = save_section(con, THRESHOLDS_KEY, Thresholds, {"trend_alpha": 0.1, "below_team_z": -0.5})
    assert saved.trend_alpha == 0.1
    assert load_section(con, THRESHOLDS_KEY, Thresholds) == saved
    assert thresholds(con).below_team_z == -0.5


def test_the_cadence_policy_owns_the_contact_interval(con):
    """A contact interval stored with the thresholds (an old database's) is not read at all."""
    store.settings.save(con, THRESHOLDS_KEY, {"contact_days": 45})
    assert cadence_rules(con).contact_days == CadenceRules().contact_days
    assert not hasattr(thresholds(con), "contact_days")
    save_section(con, CADENCE_KEY, CadenceRules, {"contact_days": 21, "first_session_days": 5})
    assert (cadence_rules(con).contact_days, cadence_rules(con).first_session_days) == (21, 5)


def test_invalid_values_store_nothing(con):
    save_section(con, THRESHOLDS_KEY, Thresholds, {"new_hire_days": 45})
    with pytest.raises(ValueError, match="between 0 and 1"):
        save_section(con, THRESHOLDS_KEY, Thresholds, {"trend_alpha": 1.5})
    assert load_section(con, THRESHOLDS_KEY, Thresholds).new_hire_days == 45


def test_reset(con):
    save_section(con, THRESHOLDS_KEY, Thresholds, {"new_hire_days": 45})
    assert reset_section(con, THRESHOLDS_KEY, Thresholds) == Thresholds()
    assert load_section(con, THRESHOLDS_KEY, Thresholds) == Thresholds()


def test_stored_values_that_no_longer_validate_give_defaults(con):
    store.settings.save(con, THRESHOLDS_KEY, {"trend_alpha": 7})
    assert load_section(con, THRESHOLDS_KEY, Thresholds) == Thresholds()


@pytest.mark.parametrize(("key", "cls", "message"), [
    ("", Thresholds, "non-empty"), ("x", dict, "dataclass")])
def test_bad_section_is_refused(con, key, cls, message):
    with pytest.raises(ValueError, match=message):
        load_section(con, key, cls)
