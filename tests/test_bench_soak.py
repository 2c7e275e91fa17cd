"""The soak benchmark's verdict (bench/soak.py): after warm-up (the first sixth of the run), the
mean RSS of every later sixth within ±10 % of the first of them; the samples' band beside."""

from __future__ import annotations

import numpy as np
import pytest

from bench.soak import drift

SECONDS = 1800.0  # 30 minutes: warm-up is the first 5, then five windows of 5 minutes


def curve(rss) -> list[tuple[float, float]]:
    """A 10-s RSS curve over the run from ``rss(t)``."""
    return [(float(s), float(rss(s))) for s in np.arange(0, SECONDS + 1, 10.0)]


@pytest.mark.parametrize(("rss", "flat", "trend", "band"), [
    (lambda s: 1000.0, True, 0.0, 0.0),  # flat
    (lambda s: 300.0 if s < 300 else 1000.0, True, 0.0, 0.0),  # growth only during warm-up
    # a sawtooth of ±25 % around a steady level: garbage freed in batches, no trend
    (lambda s: 1000.0 + (250.0 if int(s) % 20 == 0 else -250.0), True, 0.0, 25.0),
    # a leak: +0.1 MiB/s after warm-up; the last window's mean 1,000 + 0.1 x 1,345 against the
    # first's 1,000 + 0.1 x 145
    (lambda s: 1000.0 + 0.1 * max(0.0, s - 300), False, 100 * (134.5 - 14.5) / 1014.5, None),
])
def test_drift(rss, flat, trend, band):
    points = curve(rss)
    got = drift(points, SECONDS)
    t = np.array([s for s, _ in points])
    r = np.array([v for _, v in points])
    windows = [r[(t >= a) & (t < a + 300)].mean() for a in range(300, 1800, 300)]
    assert got["means"] == pytest.approx(windows)
    assert got["worst_pct"] == pytest.approx(trend, abs=0.05)
    assert got["flat"] is flat
    if band is not None:
        assert got["band_pct"] == pytest.approx(band, abs=0.05)
    assert got["max"] == r[t >= 300].max()
    assert got["last"] == r[-1]
