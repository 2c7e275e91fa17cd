"""What a board cell says: the status symbol, the trend arrow and the attainment as a percentage.

``analytics.board`` decides the facts (status, trend, attainment, red people); this module
writes them for the page, the drill-down and the exports. The colours are decided on the share
rounded to 0.1% (``analytics.board.status``), the precision :func:`percent` shows, so the number
in a cell never contradicts its colour.
"""

from __future__ import annotations

import pandas as pd

from i18n import numbers

SYMBOL = {"green": "✓", "amber": "!", "red": "✗", "grey": "○"}
ARROW = {"up": "▲", "down": "▼", "flat": "▶"}


def percent(share: float) -> str:
    """A share as a percentage rounded to one decimal (0.96575 -> "96.6%"); "" when none.

    Example:
        >>> percent(0.7994), percent(0.7996), percent(1.0)
        ('79.9%', '80.0%', '100.0%')
    """
    return numbers.percent(share, 1, empty="")


def cell_text(row: pd.Series, *, no_target: str = "no target", red: str = "{n} red") -> str:
    """What a board cell says: status symbol, trend arrow, attainment and, when any of its
    people are red, how many ("✓ ▲ 100.0% · 1 red").

    Example:
        >>> cell_text(pd.Series({"status": "amber", "trend": "up", "attainment": 0.97}))
        '! ▲ 97.0%'
        >>> cell_text(pd.Series({"status": "green", "trend": None, "attainment": 1.0,
        ...                      "red_people": 1}))
        '✓ 100.0% · 1 red'
    """
    people = row.get("red_people")
    tail = f" · {red.format(n=int(people))}" if people and not pd.isna(people) else ""
    if row["status"] == "grey":
        return f"{SYMBOL['grey']} {no_target}{tail}"
    arrow = ARROW.get(row.get("trend"), "")
    parts = (SYMBOL[row["status"]], arrow, percent(row["attainment"]))
    return " ".join(p for p in parts if p) + tail


def streak_text(status: str, streak: object, *, no_target: str = "no target") -> str:
    """The red periods in a row of a cell: the count, or ``no_target`` for a cell without a
    target, which is never red (a 0 there read as "not red lately").

    Example:
        >>> streak_text("red", 3), streak_text("green", 0), streak_text("grey", 0)
        ('3', '0', 'no target')
    """
    if status == "grey" or streak is None or pd.isna(streak):
        return no_target
    return str(int(streak))


def pivot(board_rows: pd.DataFrame, *, no_target: str = "no target", red: str = "{n} red"
          ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The board as (texts, statuses): rows = group labels, columns = metrics.

    A (group, metric) without data at the period is an empty text with status None.
    """
    if board_rows.empty:
        return pd.DataFrame(), pd.DataFrame()
    rows = board_rows.assign(text=board_rows.apply(cell_text, axis=1, no_target=no_target,
                                                   red=red))
    texts = rows.pivot_table(index="label", columns="metric", values="text", aggfunc="first"
                             ).fillna("")
    colours = rows.pivot_table(index="label", columns="metric", values="status",
                               aggfunc="first").reindex_like(texts)
    texts.columns.name = colours.columns.name = None
    return texts, colours.astype(object).where(colours.notna(), None)
