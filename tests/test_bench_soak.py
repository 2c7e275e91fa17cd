"""The soak benchmark's verdict (bench/soak.py): RSS within ±10 % of the minute after warm-up."""

from __future__ import annotations

import numpy as np
import pytest

from bench.soak import drift

SECONDS = 1800.0  # 30 minutes: warm-up is the first 5, the reference the minute after


def curve(rss) -> list[tuple[float, float]]:
    """A 10-s RSS curve over the run from ``rss(t)``."""
    return [(float(s), float(rss(s))) for s in np.arange(0, SECONDS + 1, 10.0)]


@pytest.mark.parametrize(("rss", "flat", "worst"), [
    (lambda s: 1000.0, True, 0.0),  # flat
    (lambda s: 300.0 if s < 300 else 1000.0, True, 0.0),  # growth only during warm-up
    (lambda s: 1000.0 + (50.0 if int(s) % 20 == 0 else -50.0), True, 5.0),  # sawtooth ±5 %
    # a leak: +0.1 MiB/s after warm-up, 1,150 MiB at the end against a reference of 1,002.5
    (lambda s: 1000.0 + 0.1 * max(0.0, s - 300), False, 14.7),
])
def test_drift(rss, flat, worst):
    got = drift(curve(rss), SECONDS)
    after = np.array([r for s, r in curve(rss) if s >= SECONDS / 6])
    ref = np.mean([r for s, r in curve(rss) if SECONDS / 6 <= s < SECONDS / 6 + 60])
    assert got["ref"] == pytest.approx(ref)
    assert got["worst_pct"] == pytest.approx(100 * np.abs(after / ref - 1).max())
    assert got["worst_pct"] == pytest.approx(worst, abs=0.5)
    assert got["flat"] is flat
    assert got["max"] == after.max()
    assert got["last"] == after[-1]
