"""The words of the headcount rule (analytics.headcount) that tooltips fill in."""

from __future__ import annotations

from analytics.headcount import Headcount


def headcount_words(counts: Headcount | None, *, roster: int | None = None) -> dict[str, object]:
    """Placeholders of the ``head.*`` tooltips: start, end, days, people, roster."""
    if counts is None:
        return {"start": "–", "end": "–", "days": 0, "people": 0, "roster": roster or 0}
    return {"start": f"{counts.start:%Y-%m-%d}", "end": f"{counts.end:%Y-%m-%d}",
            "days": (counts.end - counts.start).days + 1, "people": counts.people,
            "roster": roster or 0}
