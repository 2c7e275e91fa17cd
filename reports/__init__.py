"""What a page or the CLI shows, assembled: store queries in, analytics applied, one object out.

Pages and ``cli.py`` call these functions; nothing here knows about Streamlit, so the CLI and
the app give the same numbers. The direction of data stays store -> analytics -> here.
"""

from reports.brief import brief_html, brief_markdown
from reports.employee import employee_prep, prep_from_view
from reports.flag_export import flag_export
from reports.team import TeamView, team_view, thresholds

__all__ = ["TeamView", "brief_html", "brief_markdown", "employee_prep", "flag_export",
           "prep_from_view", "team_view", "thresholds"]
