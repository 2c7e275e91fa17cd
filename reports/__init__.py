"""What a page or the CLI shows, assembled: store queries in, analytics applied, one object out.

Pages and ``cli.py`` call these functions; nothing here knows about Streamlit, so the CLI and
the app give the same numbers. The direction of data stays store -> analytics -> here.
"""

from reports.team import TeamView, team_view, thresholds

__all__ = ["TeamView", "team_view", "thresholds"]
