"""Each person's part of a team view, indexed once with the view (issue 20).

A prep used to filter the view's frames per person and query its series (the person's values
beside the team's) from the database: at 5,000 people about 50 ms of every person not seen
before. The view now carries a :class:`PersonIndex` built with it (0.05-0.2 s once per
snapshot at 5,000 people) and a prep takes its rows by position.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics.person_rows import PersonRows, PersonTable, TeamSeries, person_series

# The view's frames a prep takes one person's rows of.
FRAMES = ("values", "people", "comparison", "trends", "gaps", "strengths", "flags")


@dataclass(frozen=True)
class PersonIndex:
    rows: dict[str, PersonRows]  # a name of FRAMES -> that frame's rows by person
    team: TeamSeries
    units: dict[str, str]  # metric -> its unit in the catalog (those with one)
    # Everyone's coaching sessions (every date) and open actions, read once with the view: two
    # queries per new person were a sixth of a prep at 5,000 people.
    sessions: PersonTable  # store.employee.everyones_sessions
    actions: PersonTable  # store.actions.everyones_open_actions

    @classmethod
    def of(cls, frames: dict[str, pd.DataFrame], catalog: pd.DataFrame,
           sessions: pd.DataFrame, actions: pd.DataFrame) -> PersonIndex:
        units = {m: u for m, u in zip(catalog["metric"], catalog["unit"], strict=True)
                 if isinstance(u, str)}
        return cls({name: PersonRows.of(frames[name]) for name in FRAMES},
                   TeamSeries.of(frames["values"]), units, PersonTable.of(sessions),
                   PersonTable.of(actions))

    def knows(self, employee_id: str) -> bool:
        """In the roster or with values up to the view's as-of date."""
        return any(len(self.rows[name].positions(employee_id)) for name in ("people", "values"))

    def take(self, frame: pd.DataFrame, name: str, employee_id: str) -> pd.DataFrame:
        """``employee_id``'s rows of the view's frame ``name`` (``frame``)."""
        return self.rows[name].take(frame, employee_id)

    def series(self, values: pd.DataFrame, employee_id: str) -> pd.DataFrame:
        """``store.frames.employee_series`` of ``employee_id`` from the view's ``values``."""
        return person_series(values, self.rows["values"].positions(employee_id), self.team,
                             self.units)
