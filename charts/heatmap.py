"""Employees x metrics heatmap of the direction-aware percentile in the team (green = good)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from charts import style

# Red (bottom of the team) through pale yellow to green (top), whatever the metric's direction.
COLORSCALE = [[0.0, "#dc2626"], [0.5, "#fef3c7"], [1.0, "#059669"]]
_NEEDED = ("employee_id", "name", "team", "metric", "value", "team_mean", "percentile")


def row_labels(frame: pd.DataFrame) -> pd.Series:
    """"name (team)" per employee; the id is added where a name is missing or not unique."""
    people = frame.drop_duplicates("employee_id").set_index("employee_id")
    names = people["name"].where(people["name"].notna(), people.index.to_series())
    clash = names.duplicated(keep=False)
    names = names.where(~clash, names + " · " + people.index.to_series())
    return names.astype(str)


def hover_names(frame: pd.DataFrame) -> pd.Series:
    """"name · id" per employee (the id alone without a name): what a hover shows, so a person
    is known exactly even where the row label gives the name only."""
    people = frame.drop_duplicates("employee_id").set_index("employee_id")
    ids = people.index.to_series().astype(str)
    named = people["name"].notna() & (people["name"].astype(str) != ids)
    return (people["name"].astype(str) + " · " + ids).where(named, ids)


def _cells(*grids: np.ndarray) -> np.ndarray:
    # Object cells keep numbers numbers beside the team's name (np.dstack would make all text).
    out = np.empty((*grids[0].shape, len(grids)), dtype=object)
    for i, grid in enumerate(grids):
        out[:, :, i] = grid
    return out


def percentile_heatmap(
    comparison: pd.DataFrame, *, title: str, value_label: str, team_label: str,
    percentile_label: str,
) -> dict:
    """Args:
        comparison: ``analytics.compare.compare`` output (one row per employee and metric).
        title, value_label, team_label, percentile_label: texts in the viewer's language.
    Returns:
        A figure's spec (``charts.style.spec``): a heatmap, one row per employee (grouped by team, then name) and one column per metric;
        the colour is the percentile (100 = best), the hover shows the raw value and team mean.

    Example:
        >>> c = pd.DataFrame({"employee_id": ["a"], "name": ["A"], "team": ["t"], "metric": ["m"],
        ...     "value": [5.0], "team_mean": [5.0], "percentile": [50.0]})
        >>> percentile_heatmap(c, title="", value_label="v", team_label="t",
        ...     percentile_label="p")["data"][0]["customdata"]
        [[[5.0, 5.0, 't', 'A · a']]]
    """
    missing = [c for c in _NEEDED if c not in comparison.columns]
    if missing:
        raise ValueError(f"comparison lacks column(s) {missing}")
    order = comparison.sort_values(["team", "name", "employee_id"], na_position="last")
    labels = row_labels(order)
    ids = list(dict.fromkeys(order["employee_id"]))
    metrics = sorted(comparison["metric"].unique())

    def grid(column: str) -> np.ndarray:
        wide = comparison.pivot_table(index="employee_id", columns="metric", values=column,
                                      aggfunc="first", dropna=False)
        return wide.reindex(index=ids, columns=metrics).to_numpy(dtype=float)

    z, value, mean = grid("percentile"), grid("value"), grid("team_mean")
    teams = order.drop_duplicates("employee_id").set_index("employee_id")["team"]
    team = np.repeat(teams.reindex(ids).astype(str).to_numpy()[:, None], len(metrics), axis=1)
    who = np.repeat(hover_names(order).reindex(ids).to_numpy()[:, None], len(metrics), axis=1)
    blocks = team_blocks(teams.reindex(ids).astype(str).tolist())
    room = _column_room(metrics)
    widest = max((len(team) for team, _, _ in blocks), default=0)
    heat = {
        "type": "heatmap", "z": style.numbers(z), "x": metrics, "y": [labels[i] for i in ids],
        "zmin": 0, "zmax": 100, "colorscale": COLORSCALE, "xgap": 2, "ygap": 2,
        "customdata": _cells(value, mean, team, who).tolist(),
        # Under the plot, so the team names can sit right of the rows.
        "colorbar": colorbar(percentile_label),
        "hovertemplate": (f"%{{customdata[3]}} (%{{customdata[2]}})<br>%{{x}}<br>{value_label} "
                          f"%{{customdata[0]:.1f}} · {team_label} %{{customdata[1]:.1f}}<br>"
                          f"{percentile_label} %{{z:.0f}}<extra></extra>")}
    # Every line and label in the layout at once (plotly's add_hline/add_annotation copied and
    # validated all earlier shapes on each call: 119 s for the 417 teams of 5,000 people).
    layout = {"yaxis": {"autorange": "reversed", "automargin": True, "type": "category"},
              "xaxis": {"side": "top", "automargin": True, "type": "category",
                        **({"tickangle": -45} if room else {})},
              "shapes": _lines(blocks), "annotations": _labels(blocks), "hovermode": "closest",
              # On a phone plotly slants the metric names itself, up into a title placed in
              # the middle of the margin: the title at the top, the margin under it theirs.
              **({"title": {"y": 1, "yref": "container", "yanchor": "top",
                            "pad": {"t": 10}}} if title else {}),
              "margin": {"t": (90 if title else 60) + room, "b": 60,
                         "r": min(220, 24 + 8 * widest)}}
    return style.spec([heat], layout, title=title,
                      height=max(260, 150 + 24 * len(ids)) + room)


def colorbar(title: str) -> dict:
    """The colour bar under the plot, its title beside it (on top it sat on the bar: plotly
    leaves it no room), as long in pixels at every width: half the plot's width left the bar
    30 px on a 390 px phone and its tick labels on top of each other. Three ticks."""
    return {"title": {"text": title, "side": "right"}, "thickness": 12, "orientation": "h",
            "yref": "container", "y": 0, "yanchor": "bottom", "x": 0, "xanchor": "left",
            # the length holds the title too
            "lenmode": "pixels", "len": style.text_px(title) + COLORBAR_PX,
            "tickvals": list(TICKS)}


COLORBAR_PX = 170  # the bar itself and the title's gap
TICKS = (0, 50, 100)


def _column_room(metrics: list[str]) -> int:
    # Long metric names (an export's "Speed of answer in seconds") were turned on their side by
    # plotly into the title, and the rows lost the height to label every person: slant them
    # ourselves and give the slant its own room above the plot.
    longest = max((style.text_px(m) for m in metrics), default=0)
    return 0 if longest <= SLANT_FROM_PX else int(longest * SLANT_RISE)


SLANT_FROM_PX = 90  # the demo's 平均处理时长 (78 px) stays upright
SLANT_RISE = 0.71  # sin 45°: how high a label slanted at 45° rises


def team_blocks(team_of: list[str]) -> list[tuple[str, int, int]]:
    """(team, first row, last row) of each run of rows of one team, top to bottom.

    Example:
        >>> team_blocks(["a", "a", "b"])
        [('a', 0, 1), ('b', 2, 2)]
    """
    blocks: list[tuple[str, int, int]] = []
    for row, team in enumerate(team_of):
        if blocks and blocks[-1][0] == team:
            blocks[-1] = (team, blocks[-1][1], row)
        else:
            blocks.append((team, row, row))
    return blocks


def _lines(blocks: list[tuple[str, int, int]]) -> list[dict]:
    # A thin line between teams (rows are grouped by team), across the whole plot.
    return [{"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y",
             "y0": first - 0.5, "y1": first - 0.5, "line": {"color": "#1f2937", "width": 2}}
            for _, first, _ in blocks[1:]]


def _labels(blocks: list[tuple[str, int, int]]) -> list[dict]:
    # The team's name right of its block, at its middle row (the rows only show names).
    return [{"xref": "x domain", "x": 1, "xanchor": "left", "xshift": 6, "yref": "y",
             "y": (first + last) / 2, "text": team, "showarrow": False,
             "font": {"color": "#1f2937", "size": 12}}
            for team, first, last in blocks]
