"""The follow-up view: what is due per manager, one person's timeline, the follow-up record
export and the after-session satisfaction (docs/domain.md, "The tables the articles use" and
"Cadence"). No Streamlit here."""

from __future__ import annotations

import io
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.cadence import DUE_COLUMNS, due_items, satisfaction
from analytics.trend import trends
from i18n import t
from reports.as_of import as_of_date
from reports.people import person_label
from reports.safe import neutralise
from reports.team import cadence_rules, thresholds
from store import actions as store_actions
from store import coaching_log
from store import plans as store_plans
from store.frames import (
    employee_series,
    metric_frame,
    people_frame,
    session_frame,
)

RECORD_COLUMNS = ["date", "employee", "item", "summary", "measure", "owner", "deadline"]
DUE_VIEW_COLUMNS = ["employee_id", "name", "team", "manager_id", *DUE_COLUMNS[1:]]


def _focus(con, people: pd.DataFrame, as_of: pd.Timestamp, *,
           values: pd.DataFrame | None = None) -> set[str]:
    """High potentials and people whose metrics are volatile: coached more often.

    ``values``: ``metric_frame(con, as_of=as_of)`` when the caller has it already.
    """
    ids = set(people.loc[people["high_potential"].fillna(False).astype(bool), "employee_id"])
    values = metric_frame(con, as_of=as_of) if values is None else values
    if not values.empty:
        limits = thresholds(con)
        trend = trends(values, as_of=as_of, thresholds=limits)
        ids |= set(trend.loc[trend["volatility_ratio"] > limits.volatility_cv_ratio,
                             "employee_id"])
    return ids


def _coached(con, people: pd.DataFrame, as_of: pd.Timestamp, *,
             values: pd.DataFrame | None = None) -> pd.DataFrame:
    """People the cadence applies to: in the metrics or the log, or hired recently."""
    values = metric_frame(con, as_of=as_of) if values is None else values
    seen = set(values["employee_id"].unique())
    seen |= set(session_frame(con, as_of=as_of)["employee_id"])
    recent = people["hire_date"] > as_of - pd.Timedelta(days=thresholds(con).new_hire_days)
    return people.loc[people["employee_id"].isin(seen) | recent]


def due_list(
    con: duckdb.DuckDBPyConnection,
    *,
    as_of: pd.Timestamp | None = None,
    manager_id: str | None = None,
) -> pd.DataFrame:
    """Sessions and actions due or overdue on ``as_of`` (default: latest data date).

    Args:
        manager_id: only this manager's direct reports (None: everyone).
    Returns:
        ``DUE_VIEW_COLUMNS``, most overdue first.

    Example:
        >>> due_list(con, manager_id="M01")["kind"].unique()  # doctest: +SKIP
    """
    as_of = pd.Timestamp(as_of) if as_of is not None else as_of_date(con)
    roster = people_frame(con)
    values = metric_frame(con, as_of=as_of)  # read once (1,040,000 rows at 5,000)
    people = _coached(con, roster, as_of, values=values)
    first = values.groupby("employee_id", observed=True)["period"].min()
    people = people.assign(first_seen=people["employee_id"].map(first))
    if manager_id is not None:
        people = people.loc[people["manager_id"] == manager_id]
    acts = store_actions.all_actions(con)
    acts = acts.loc[acts["employee_id"].isin(people["employee_id"])]
    due = due_items(people, session_frame(con, as_of=as_of), acts, as_of=as_of,
                    rules=cadence_rules(con), focus_ids=_focus(con, people, as_of, values=values),
                    new_hire_days=thresholds(con).new_hire_days)
    info = people[["employee_id", "name", "team", "manager_id"]]
    return due.merge(info, on="employee_id", how="left")[DUE_VIEW_COLUMNS]


@dataclass(frozen=True)
class Timeline:
    """One person's metric curves with their sessions and actions, up to ``as_of``."""

    as_of: pd.Timestamp
    series: pd.DataFrame  # store.frames.employee_series
    sessions: pd.DataFrame  # coaching_log.sessions
    actions: pd.DataFrame  # store.actions.all_actions of this person


def timeline(con: duckdb.DuckDBPyConnection, employee_id: str, *,
             as_of: pd.Timestamp | None = None) -> Timeline:
    as_of = pd.Timestamp(as_of) if as_of is not None else as_of_date(con)
    sess = coaching_log.sessions(con, employee_id=employee_id)
    sess = sess.loc[pd.to_datetime(sess["session_date"]) <= as_of]
    acts = store_actions.all_actions(con)
    acts = acts.loc[(acts["employee_id"] == employee_id)
                    & (pd.to_datetime(acts["session_date"]) <= as_of)]
    return Timeline(as_of, employee_series(con, employee_id, as_of=as_of), sess, acts)


def followup_record(con: duckdb.DuckDBPyConnection, *, employee_id: str | None = None,
                    manager_id: str | None = None, lang: str = "en") -> pd.DataFrame:
    """The follow-up record (docs/domain.md, "The tables the articles use"): one row per action,
    per plan, per session without actions.

    Returns:
        ``RECORD_COLUMNS`` (date | employee | item | summary | measure | owner | deadline),
        oldest first; a session's item is its type in ``lang`` and its model ("Formal review
        GROW"), its owner the coach by roster name. Not yet neutralised: ``to_csv``/``to_xlsx``
        do that.
    """
    people = people_frame(con)[["employee_id", "name", "manager_id"]]
    sess = coaching_log.sessions(con)
    acts = store_actions.all_actions(con)
    with_actions = set(acts["session_id"])
    bare = sess.loc[~sess["session_id"].isin(with_actions)]
    plan = store_plans.plans(con)
    rows = pd.concat([
        pd.DataFrame({"employee_id": acts["employee_id"], "date": acts["session_date"],
                      "item": acts["goal"], "summary": acts["progress"],
                      "measure": acts["action"], "owner": acts["owner"],
                      "deadline": acts["deadline"]}),
        pd.DataFrame({"employee_id": plan["employee_id"], "date": plan["created_at"],
                      "item": plan["goal"], "summary": plan["milestones"],
                      "measure": plan["measures"], "owner": plan["owner"],
                      "deadline": plan["deadline"]}),
        pd.DataFrame({"employee_id": bare["employee_id"], "date": bare["session_date"],
                      "item": [f"{t(f'cl.type.{k}', lang)} {m}".strip() for k, m in zip(
                          bare["session_type"], bare["model"].fillna(""), strict=True)],
                      "summary": bare["notes"], "measure": None, "owner": bare["coach_name"],
                      "deadline": None}),
    ], ignore_index=True)
    rows = rows.merge(people, on="employee_id", how="left")
    if employee_id is not None:
        rows = rows.loc[rows["employee_id"] == employee_id]
    if manager_id is not None:
        rows = rows.loc[rows["manager_id"] == manager_id]
    rows["employee"] = [person_label(n, e) for n, e in zip(rows["name"], rows["employee_id"],
                                                           strict=True)]
    for col in ("date", "deadline"):
        rows[col] = pd.to_datetime(rows[col]).dt.strftime("%Y-%m-%d")
    return rows.sort_values(["date", "employee"], ignore_index=True)[RECORD_COLUMNS]


def _labelled(frame: pd.DataFrame, labels: dict[str, str] | None) -> pd.DataFrame:
    return neutralise(frame.rename(columns=labels or {}))


def to_csv(frame: pd.DataFrame, *, labels: dict[str, str] | None = None) -> bytes:
    """UTF-8 with BOM (Excel opens Chinese correctly), formulas neutralised."""
    return _labelled(frame, labels).to_csv(index=False).encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, *, labels: dict[str, str] | None = None) -> bytes:
    """An .xlsx workbook; every text cell is written as text, formulas neutralised."""
    from openpyxl import Workbook  # only an XLSX export needs it: the CLI and pages start without

    safe = _labelled(frame, labels)
    book = Workbook()
    sheet = book.active
    sheet.title = "follow-up"
    sheet.append([str(c) for c in safe.columns])
    for row in safe.itertuples(index=False):
        sheet.append([None if pd.isna(v) else v for v in row])
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever it starts with
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def satisfaction_summary(con: duckdb.DuckDBPyConnection) -> dict:
    """The after-session evaluation (docs/domain.md, "Cadence"): employee satisfaction rate vs
    the target."""
    rules = cadence_rules(con)
    result = satisfaction(coaching_log.ratings(con), target=rules.satisfaction_target)
    return {**result, "target": rules.satisfaction_target}
