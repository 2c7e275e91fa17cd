"""The flags about coaching itself: a new hire without a first session, coaching overdue.

The cadence numbers are the cadence policy's (``analytics.cadence.CadenceRules``, the same the
follow-up list judges by); who counts as a new hire is the flags' ``new_hire_days``
(docs/domain.md, "Who needs attention: the flags" and "Cadence").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics import severity
from analytics.cadence import CadenceRules
from analytics.facts import Fact
from analytics.flag_facts import say
from analytics.thresholds import Thresholds

SESSIONS = ("employee_id", "session_date", "session_type")


def _new_hire_flags(who: pd.DataFrame, sess: pd.DataFrame, as_of, new_hire_days: int,
                    rules: CadenceRules) -> pd.DataFrame:
    tenure = (as_of - who["hire"]).dt.days
    window = pd.Timedelta(days=rules.first_session_days)
    due = who["hire"] + window
    cand = who.loc[(tenure >= 0) & (tenure < new_hire_days) & (due < as_of)]
    early = sess.merge(cand, on="employee_id")
    early = early.loc[(early["session_date"] >= early["hire"])
                      & (early["session_date"] <= early["hire"] + window)]
    hit = cand.loc[~cand["employee_id"].isin(early["employee_id"].unique())]
    days, late = (as_of - hit["hire"]).dt.days, (as_of - due.loc[hit.index]).dt.days
    out = pd.DataFrame({
        "employee_id": hit["employee_id"], "reason": "new_hire_uncoached", "value": days,
        "reference": float(rules.first_session_days), "since": due.loc[hit.index],
        "severity": severity.new_hire(late)})
    return say(out, "new_hire_uncoached", hire=hit["hire"], days=days,
               limit=rules.first_session_days)


def _overdue_flags(who: pd.DataFrame, sess: pd.DataFrame, as_of, limit: int) -> pd.DataFrame:
    """No formal review this quarter, or no session for more than ``limit`` days."""
    quarter = as_of.to_period("Q").start_time
    last = who["employee_id"].map(sess.groupby("employee_id")["session_date"].max())
    formal = sess.loc[(sess["session_type"] == "formal") & (sess["session_date"] >= quarter)]
    no_formal = ~who["employee_id"].isin(formal["employee_id"].unique())  # a few, not all
    clock = last.where(last.notna(), who["hire"])  # the contact clock starts at hire
    idle = (as_of - clock).dt.days
    no_contact = idle.isna() | (idle > limit)
    elapsed = (as_of - who["hire"].fillna(quarter).clip(lower=quarter)).dt.days
    score = np.maximum(np.where(no_formal, severity.formal(elapsed), 0.0),
                       np.where(no_contact, severity.contact(idle, limit), 0.0))
    since = pd.concat([who["hire"].fillna(quarter).clip(lower=quarter).where(no_formal),
                       (clock + pd.Timedelta(days=limit)).where(no_contact)],
                      axis=1).min(axis=1)
    keep = (no_formal | no_contact).to_numpy()
    out = pd.DataFrame({
        "employee_id": who["employee_id"], "reason": "coaching_overdue",
        "value": (as_of - last).dt.days.astype(float), "reference": float(limit),
        "since": since, "severity": severity.clip(score)}).loc[keep]
    clauses = [_overdue_facts(*row, quarter, limit) for row in zip(
        no_formal[keep], no_contact[keep], (as_of - last).dt.days[keep], strict=True)]
    return out.assign(evidence=clauses)


def _overdue_facts(no_formal, no_contact, days, quarter, limit) -> tuple[Fact, ...]:
    """The clauses of one person's evidence: no formal review, no contact (or none ever)."""
    parts = [Fact.of("coaching_overdue.formal", quarter=quarter)] if no_formal else []
    if no_contact and pd.isna(days):
        parts.append(Fact.of("coaching_overdue.never"))
    elif no_contact:
        parts.append(Fact.of("coaching_overdue.contact", days=int(days), limit=limit))
    return tuple(parts)


def cadence_flags(people: pd.DataFrame, sessions: pd.DataFrame, active, as_of,
                  limits: Thresholds, rules: CadenceRules) -> pd.DataFrame:
    """The coaching flags of everyone with data (``active``) or recently hired."""
    if sessions.empty:  # "never imported" is not "never coached"
        return pd.DataFrame()
    sess = sessions.loc[sessions["session_date"] <= as_of, list(SESSIONS)]
    roster = people.drop_duplicates("employee_id")
    hired = roster.loc[roster["hire_date"].isna() | (roster["hire_date"] <= as_of)]
    recent = hired["hire_date"] > as_of - pd.Timedelta(days=limits.new_hire_days)
    ids = pd.Index(active).union(hired.loc[recent, "employee_id"]).unique()
    who = pd.DataFrame({"employee_id": ids, "hire": ids.map(
        hired.set_index("employee_id")["hire_date"]).astype("datetime64[ns]")})
    return pd.concat([_new_hire_flags(who, sess, as_of, limits.new_hire_days, rules),
                      _overdue_flags(who, sess, as_of, rules.contact_days)], ignore_index=True)
