"""analytics.event_study: before/after each session against matched uncoached colleagues."""

import math
import random

import numpy as np
import pandas as pd
import pytest

from analytics.event_study import MIN_CONTROL_EMPLOYEES, event_arrays, events, profile, summarise

WEEKS = pd.date_range("2025-01-06", periods=20, freq="7D")


def panel(levels: np.ndarray) -> pd.DataFrame:
    """employees x weeks array -> the long scored frame."""
    ids = [f"E{i:03d}" for i in range(levels.shape[0])]
    return pd.DataFrame({"employee_id": np.repeat(ids, levels.shape[1]),
                         "period": np.tile(WEEKS[: levels.shape[1]], levels.shape[0]),
                         "score": levels.ravel()})


def sessions(rows, week: int = 10, model: str = "GROW") -> pd.DataFrame:
    return pd.DataFrame({"employee_id": [f"E{i:03d}" for i in rows],
                         "session_date": WEEKS[week] + pd.Timedelta(days=2),
                         "session_type": "formal", "model": model})


def test_one_session_by_hand():
    scores = np.array([[0, 0, 9, 2, 2], [1, 1, 0, 1.5, 1.5], [5, 5, 5, 4, 4.0]])
    out = events(panel(scores), sessions([0], week=2), k=2, matches=1).iloc[0]
    # coached: before mean(0, 0) = 0, after mean(2, 2) = 2; the session week itself is left out
    assert (out["before"], out["after"], out["change"]) == (0.0, 2.0, 2.0)
    # the nearest uncoached start is E001 (1 vs 5): it went from 1 to 1.5
    assert out["controls"] == "E001"
    assert out["control_change"] == 0.5
    assert out["effect"] == 1.5


def test_colleague_coached_nearby_is_no_control():
    scores = np.zeros((2, 6))
    both = pd.concat([sessions([0], week=2), sessions([1], week=4)])
    out = events(panel(scores), both, k=2)
    assert out["n_controls"].tolist() == [0, 0]
    assert out["effect"].isna().all()


def simulate(effect: float, *, select_low: bool, seed: int = 42, spread: float = 1.0,
             noise: float = 1.0):
    """200 people, stable level + weekly noise; half of a pool coached in week 10."""
    rng = np.random.default_rng(seed)
    level = rng.normal(0, spread, (200, 1))
    scores = level + rng.normal(0, noise, (200, 20))
    baseline = scores[:, 6:10].mean(axis=1)
    pool = np.flatnonzero(baseline < np.median(baseline)) if select_low else np.arange(200)
    coached = rng.choice(pool, size=len(pool) // 2, replace=False)
    scores[coached, 11:] += effect
    return panel(scores), sessions(coached)


def test_planted_effect_is_positive_and_significant():
    scored, log = simulate(0.8, select_low=False)
    row = summarise(events(scored, log)).iloc[0]
    assert row["n_events"] == row["n_employees"] == 100
    assert row["n_control_employees"] >= MIN_CONTROL_EMPLOYEES
    assert row["effect"] == pytest.approx(0.8, abs=0.25)
    assert 0 < row["ci_low"] < row["effect"] < row["ci_high"]
    assert row["p_value"] < 0.001


def test_no_effect_is_not_significant():
    scored, log = simulate(0.0, select_low=False)
    row = summarise(events(scored, log)).iloc[0]
    assert row["ci_low"] < 0 < row["ci_high"]
    assert row["p_value"] > 0.05


def test_regression_to_the_mean_is_not_a_coaching_effect():
    """Coaching the ones with a bad month: they rise anyway, and so do their matched peers."""
    scored, log = simulate(0.0, select_low=True, spread=0.5, noise=1.5)
    row = summarise(events(scored, log)).iloc[0]
    assert row["change_low"] > 0  # the naive before/after "shows" a clear improvement
    assert row["control_change"] > 0.3  # uncoached peers of the same level rose as much
    assert row["ci_low"] < 0  # no positive coaching effect is claimed
    assert row["effect"] < row["change"]


def test_regression_to_the_mean_rarely_passes_for_an_effect():
    """Over 20 seeded replications a positive 'significant' effect shows at most twice."""
    false = 0
    for seed in range(42, 62):
        row = summarise(events(*simulate(0.0, select_low=True, seed=seed, spread=0.5,
                                         noise=1.5))).iloc[0]
        false += bool(row["ci_low"] > 0)
    assert false <= 2


def test_too_few_controls_gives_no_effect():
    scored, log = simulate(0.8, select_low=False)
    few = scored[scored["employee_id"].isin([*log["employee_id"], "E000", "E001"][:103])]
    uncoached = set(few["employee_id"]) - set(log["employee_id"])
    row = summarise(events(few, log)).iloc[0]
    assert row["n_control_employees"] == len(uncoached) < MIN_CONTROL_EMPLOYEES
    assert math.isnan(row["effect"])
    assert math.isnan(row["ci_low"])
    assert not math.isnan(row["change"])


def test_summary_by_model_and_type():
    scored, _ = simulate(0.0, select_low=False)
    log = pd.concat([sessions(range(0, 20), model="GROW"), sessions(range(20, 30), model="BEST")])
    out = summarise(events(scored, log), by="model")
    assert out["group"].tolist() == ["BEST", "GROW"]
    assert out["n_events"].tolist() == [10, 20]
    assert summarise(events(scored, log), by="session_type")["group"].tolist() == ["formal"]
    with pytest.raises(ValueError, match="by"):
        summarise(events(scored, log), by="coach")


def test_profile_has_both_paths_around_the_session():
    scored, log = simulate(0.8, select_low=False)
    _, own, ctl = event_arrays(scored, log, k=3)
    out = profile(own, ctl)
    assert out["rel"].tolist() == [-3, -2, -1, 0, 1, 2, 3] * 2
    coached = out[out["group"] == "coached"].set_index("rel")["mean"]
    control = out[out["group"] == "control"].set_index("rel")["mean"]
    assert coached[3] - coached[-3] > control[3] - control[-3] + 0.4
    assert (out["low"] <= out["mean"]).all()


@pytest.mark.parametrize(("k", "matches"), [(0, 1), (2, 0), (True, 1), (2.5, 1)])
def test_bad_parameters(k, matches):
    scored, log = simulate(0.0, select_low=False)
    with pytest.raises(ValueError, match="positive integer"):
        events(scored, log, k=k, matches=matches)


def test_empty_inputs():
    scored, log = simulate(0.0, select_low=False)
    assert events(scored, log.iloc[:0]).empty
    assert summarise(events(scored, log.iloc[:0])).empty


# The per-session loop event_arrays used before vectorising, the reference the per-period
# version must match exactly.
def old_event_arrays(scored, log, *, k=4, matches=3):
    from analytics.event_match import nanmean, score_panel
    from analytics.event_study import EVENT_COLUMNS
    from analytics.frames import period_number

    ids, first, step, data = score_panel(scored)
    width = data.shape[1]
    row_of = {eid: i for i, eid in enumerate(ids)}
    sess = log[log["employee_id"].isin(row_of)].reset_index(drop=True)
    rows = sess["employee_id"].map(row_of).to_numpy(dtype=int)
    cols = period_number(sess["session_date"], step) - first
    inside = (cols >= 0) & (cols < width)
    sess, rows, cols = sess[inside].reset_index(drop=True), rows[inside], cols[inside]
    coached = np.zeros_like(data, dtype=int)
    np.add.at(coached, (rows, cols), 1)
    busy = np.lib.stride_tricks.sliding_window_view(
        np.pad(coached, ((0, 0), (k, k))), 2 * k + 1, axis=1).sum(axis=2) > 0
    padded = np.pad(data, ((0, 0), (k, k)), constant_values=np.nan)
    records, own, ctl = [], [], []
    for row, col in zip(rows, cols, strict=True):
        path = padded[:, col:col + 2 * k + 1]
        before, after = nanmean(path[:, :k], 1), nanmean(path[:, k + 1:], 1)
        pick = np.flatnonzero(~busy[:, col] & ~np.isnan(before) & ~np.isnan(after))
        pick = pick[np.argsort(np.abs(before[pick] - before[row]), kind="stable")][:matches]
        control = (after[pick] - before[pick]).mean() if len(pick) else np.nan
        change = after[row] - before[row]
        records.append((before[row], after[row], change, control, len(pick), change - control,
                        ",".join(map(str, ids[pick])), tuple((after[pick] - before[pick]).tolist())))
        own.append(path[row])
        ctl.append(nanmean(path[pick], 0) if len(pick) else np.full(2 * k + 1, np.nan))
    out = pd.DataFrame(records, columns=EVENT_COLUMNS[4:])
    for col in ("employee_id", "session_date", "session_type", "model"):
        out[col] = sess.get(col)
    return out[EVENT_COLUMNS], np.array(own).reshape(-1, 2 * k + 1), np.array(ctl).reshape(
        -1, 2 * k + 1)


def random_panel(n_people: int, *, ties: bool):
    """Seeded scores (gaps, NaN, rounded to make equal distances when ``ties``) and sessions."""
    rng = random.Random(42)
    weeks = pd.date_range("2025-01-06", periods=30, freq="7D")
    rows = [(f"E{i:03d}", week, round(rng.gauss(0, 1), 1 if ties else 12))
            for i in range(n_people) for week in weeks if rng.random() > 0.1]
    scored = pd.DataFrame(rows, columns=["employee_id", "period", "score"])
    scored.loc[scored.index[::37], "score"] = np.nan
    log = pd.DataFrame([(f"E{rng.randrange(n_people + 3):03d}",
                         weeks[0] + pd.Timedelta(days=rng.randint(-20, 230)),
                         rng.choice(["formal", "informal"]), rng.choice(["GROW", None]))
                        for _ in range(n_people)],
                       columns=["employee_id", "session_date", "session_type", "model"])
    return scored, log.sort_values(["employee_id", "session_date"], ignore_index=True)


@pytest.mark.parametrize(("ties", "k", "matches"), [(False, 4, 3), (True, 4, 3), (True, 2, 5),
                                                    (False, 6, 1)])
def test_per_period_version_equals_the_per_session_loop(ties, k, matches):
    scored, log = random_panel(300, ties=ties)
    got = event_arrays(scored, log, k=k, matches=matches)
    expected = old_event_arrays(scored, log, k=k, matches=matches)
    assert len(got[0]) > 200
    assert got[0]["n_controls"].max() == matches
    pd.testing.assert_frame_equal(got[0], expected[0], rtol=0, atol=1e-12)
    for new, old in zip(got[1:], expected[1:], strict=True):
        np.testing.assert_allclose(new, old, rtol=0, atol=1e-12)


def test_per_period_version_with_few_or_no_colleagues():
    scored, log = random_panel(4, ties=True)
    for matches in (1, 3, 10):
        got, expected = event_arrays(scored, log, matches=matches), old_event_arrays(
            scored, log, matches=matches)
        pd.testing.assert_frame_equal(got[0], expected[0], rtol=0, atol=1e-12)
        for new, old in zip(got[1:], expected[1:], strict=True):
            np.testing.assert_allclose(new, old, rtol=0, atol=1e-12)
