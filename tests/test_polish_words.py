"""Words shown in table cells read as words in English, not as lowercase codes."""

import pandas as pd
import pytest

from i18n import t
from ui.followup import WEEKS_2_MS, time_axis


@pytest.mark.parametrize("key", [
    "mgr.session.formal", "mgr.session.informal", "prep.priority.high", "prep.priority.medium",
    "prep.priority.low", "board.level.team", "board.level.employee", "board.level.key_result",
    "mgr.trend.rising", "mgr.trend.falling", "mgr.trend.stable", "mgr.trend.volatile",
])
def test_cell_words_start_with_a_capital(key):
    text = t(key, "en")
    assert text[0].isupper(), text
    assert text != key.rsplit(".", 1)[1]


def _stop(axis: dict, step_ms: float) -> str:
    # plotly's rule: the first stop whose dtickrange holds the tick step ("M1" = a month)
    month = 30 * 24 * 3600 * 1000
    for stop in axis["tickformatstops"]:
        low, high = ({"M1": month}.get(v, v) for v in stop["dtickrange"])
        if (low is None or step_ms >= low) and (high is None or step_ms <= high):
            return stop["value"]
    raise AssertionError(f"no tick format for a step of {step_ms} ms")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("freq", "step_ms"), [
    ("7D", 7 * 86_400_000), ("14D", WEEKS_2_MS), ("D", 86_400_000), ("MS", 31 * 86_400_000),
    ("3MS", 92 * 86_400_000)])
def test_timeline_ticks_never_repeat_a_label(lang, freq, step_ms):
    ticks = pd.date_range("2025-06-30", periods=12, freq=freq)
    fmt = _stop(time_axis(lang), step_ms)
    labels = [d.strftime(fmt) for d in ticks]
    assert len(set(labels)) == len(labels), labels
