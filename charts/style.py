"""One look for every chart: fonts that draw Chinese, a quiet palette, legends that never overlap."""

from __future__ import annotations

import plotly.graph_objects as go

# Noto Sans CJK draws both scripts; the README installs it (fonts-noto-cjk) for the screenshots.
FONT = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
PALETTE = ["#2563eb", "#d97706", "#059669", "#7c3aed", "#dc2626", "#0891b2", "#4b5563"]
TARGET_COLOR = "#6b7280"


def apply(fig: go.Figure, *, title: str | None = None, height: int = 380) -> go.Figure:
    """House style: title, font, horizontal legend under the plot, room for labels."""
    fig.update_layout(
        title={"text": title} if title else None,
        font={"family": FONT, "size": 13},
        colorway=PALETTE,
        height=height,
        margin={"l": 60, "r": 20, "t": 50 if title else 20, "b": 80},
        legend={"orientation": "h", "yanchor": "top", "y": -0.18, "xanchor": "left", "x": 0},
        template="plotly_white",
        hovermode="x unified",
    )
    return fig
