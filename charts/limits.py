"""How much one chart may show before it stops being readable (5,000 people).

One place for these numbers, so pages and chart builders never hide their own.
"""

from __future__ import annotations

# The overview's heatmap shows everyone up to this many people (24 px a row: about 1,500 px);
# above it, one chosen team (by default the one with the most flagged people).
HEATMAP_MAX_PEOPLE = 60

# The quadrant names at most this many flagged people beside their dot (the most in need:
# lowest efficiency + quality first); everyone else is named on hover.
QUADRANT_MAX_LABELS = 40

# The HR page draws one dot per person up to this many people; above it, people counted in
# cells (charts.density): the dots hid each other and were 300 KiB at 5,000 people.
SCATTER_MAX_PEOPLE = 1000
