"""A user's digest: what needs them, in their language and scope, from the pages' own reports.

Every figure comes from the function its page uses (the overview's flags, the follow-up page's
due list, the HR page's compliance and coverage, the board's cells, red people and alerts), read
through the recipient's scoped connection: a manager's digest can only name their people. No
second definition of a number lives here; this module only picks, orders and words them.

Likely target misses are the overview's ``likely_to_miss_target`` flags (analytics.forecast_flags),
one line each with the chance and the run-rate needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import duckdb
import pandas as pd

from analytics.compliance import COVERAGE_TARGET
from charts.png import BarChart
from i18n import t
from i18n.numbers import percent
from reports import digest_chart
from reports.board import board_view
from reports.flag_export import flag_export
from reports.followup import due_list
from reports.impact import impact_report
from reports.metric_names import metric_label
from reports.people import group_names, label_people, person_label
from reports.team import cadence_rules, team_view
from store.access import viewer_of
from store.frames import people_frame

MAX_LINES = 10  # per section; the rest is counted ("… and 4 more in the app")
ROLES_SECTIONS = {
    "manager": ("manager",), "hr": ("hr",), "leadership": ("leadership",),
    "local": ("manager", "hr", "leadership"),
}


@dataclass(frozen=True)
class Line:
    """One item: a sentence in the recipient's language and where it opens in the app.

    ``private`` holds coaching text (an action's wording): e-mail shows it, chat apps never.
    """

    text: str
    link: str | None = None  # a path of the app with its query, e.g. "employee?id=E008"
    private: str | None = None


@dataclass(frozen=True)
class Section:
    key: str  # attention, misses, talks, actions, compliance, red_cells, red_people, alerts
    title: str
    summary: str
    lines: tuple[Line, ...]
    count: int  # items in all (lines stop at MAX_LINES)
    link: str | None = None  # the page the section comes from
    chart: BarChart | None = None  # its rows as bars (reports.digest_chart)


@dataclass(frozen=True)
class Digest:
    email: str
    role: str
    lang: str
    frequency: str
    as_of: pd.Timestamp | None
    sections: tuple[Section, ...]
    notes: tuple[str, ...] = ()  # sentences about what the digest leaves out

    @property
    def counts(self) -> dict[str, int]:
        """Items per section: what the audit records of a send (never the content)."""
        return {s.key: s.count for s in self.sections}

    @property
    def chart(self) -> BarChart | None:
        """The key chart: the first section's that has one (e-mail only, as an image)."""
        return next((s.chart for s in self.sections if s.chart is not None), None)

    @property
    def subject(self) -> str:
        day = "-" if self.as_of is None else f"{self.as_of:%Y-%m-%d}"
        return t(f"digest.subject.{self.frequency}", self.lang, date=day)


def _when(days: int, lang: str) -> str:
    """The follow-up page's wording: overdue by 3 days / due today / due in 2 days."""
    if days == 0:
        return t("fu.when.today", lang)
    kind, n = ("overdue", days) if days > 0 else ("soon", -days)
    return t(f"fu.when.{kind}_one", lang) if n == 1 else t(f"fu.when.{kind}", lang, n=n)


def _section(key: str, lang: str, lines: list[Line], link: str | None,
             chart: BarChart | None = None, **summary) -> Section:
    return Section(key, t(f"digest.{key}.title", lang), t(f"digest.{key}.summary", lang, **summary),
                   tuple(lines[:MAX_LINES]), len(lines), link, chart)


def _employee(employee_id: str) -> str:
    return f"employee?id={quote(str(employee_id))}"


def manager_sections(con: duckdb.DuckDBPyConnection, lang: str) -> tuple[list[Section], object]:
    """The overview's flags (one line per person, reasons most urgent first) and the follow-up
    page's due list: talks due or overdue, actions past their deadline."""
    view = team_view(con)
    if view.as_of is None:
        return [], None
    flags = flag_export(view.flags, lang=lang)
    lines = []
    for employee_id, rows in flags.groupby("employee_id", sort=False):
        reasons = t("digest.reason_sep", lang).join(
            t("digest.reason", lang, reason=t(f"mgr.reason.{r}", lang), evidence=e) if e
            else t(f"mgr.reason.{r}", lang)
            for r, e in zip(rows["reason"], rows["evidence"], strict=True))
        who = person_label(rows["name"].iloc[0], employee_id)
        lines.append(Line(t("digest.attention.line", lang, person=who, reasons=reasons),
                          _employee(employee_id)))
    date = f"{view.as_of:%Y-%m-%d}"
    out = [_section("attention", lang, lines, "overview", n=len(lines), date=date,
                    chart=digest_chart.reasons(flags, lang, date))]
    misses = flags.loc[flags["reason"].eq("likely_to_miss_target")]
    out.append(_section("misses", lang, [
        Line(t("digest.misses.line", lang, person=person_label(r.name, r.employee_id),
               evidence=r.evidence), _employee(r.employee_id)) for r in misses.itertuples()],
        "overview", n=len(misses)))
    due = label_people(due_list(con, as_of=view.as_of), lang)
    talks = due.loc[due["kind"].ne("action")]
    out.append(_section("talks", lang, [
        Line(t("digest.talks.line", lang, person=person_label(r.name, r.employee_id),
               kind=t(f"fu.kind.{r.kind}", lang), when=_when(int(r.days_overdue), lang)),
             _employee(r.employee_id)) for r in talks.itertuples()],
        "follow-up", overdue=int(talks["days_overdue"].gt(0).sum()),
        soon=int(talks["days_overdue"].le(0).sum()), days=cadence_rules(con).horizon_days))
    late = due.loc[due["kind"].eq("action") & due["days_overdue"].gt(0)]
    out.append(_section("actions", lang, [
        Line(t("digest.actions.line", lang, person=person_label(r.name, r.employee_id),
               due=f"{pd.Timestamp(r.due):%Y-%m-%d}", when=_when(int(r.days_overdue), lang)),
             "follow-up", private=r.detail or None) for r in late.itertuples()],
        "follow-up", n=len(late)))
    return out, view.as_of


def hr_sections(con: duckdb.DuckDBPyConnection, lang: str) -> tuple[list[Section], object]:
    """The HR page's compliance by manager and its coverage tile against the 90% target."""
    report = impact_report(con)
    heads = report.headcount
    if report.compliance.empty or heads is None:
        return [], None
    names = people_frame(con).set_index("employee_id")["name"].to_dict()
    rates = report.compliance.loc[report.compliance["manager_id"].ne("all")]
    cell = {(r.manager_id, r.measure): r for r in rates.itertuples()}

    def rate(manager: str, measure: str) -> str:
        row = cell[(manager, measure)]
        if row.eligible == 0:
            return t("digest.rate_none", lang)
        return t("digest.rate", lang, met=int(row.met), n=int(row.eligible), rate=percent(row.rate))

    coverage = rates.loc[rates["measure"].eq("coverage") & rates["eligible"].gt(0)]
    lines = [Line(t("digest.compliance.line", lang, manager=person_label(names.get(m), m),
                    coverage=rate(m, "coverage"), monthly=rate(m, "monthly_contact"),
                    formal=rate(m, "formal_quarter")), "impact")
             for m in coverage.sort_values("rate", kind="stable")["manager_id"]]
    verdict = "met" if heads.coverage >= COVERAGE_TARGET else "missed"
    bars = digest_chart.coverage(
        [(person_label(names.get(r.manager_id), r.manager_id), r.rate)
         for r in coverage.sort_values("rate", kind="stable").itertuples()], lang,
        target=COVERAGE_TARGET, start=f"{heads.start:%Y-%m-%d}", end=f"{heads.end:%Y-%m-%d}")
    section = _section("compliance", lang, lines, "impact", chart=bars, rate=percent(heads.coverage),
                       met=heads.coached, n=heads.people, start=f"{heads.start:%Y-%m-%d}",
                       end=f"{heads.end:%Y-%m-%d}", target=percent(COVERAGE_TARGET),
                       verdict=t(f"digest.compliance.{verdict}", lang))
    return [section], heads.end


def leadership_sections(con: duckdb.DuckDBPyConnection, lang: str
                        ) -> tuple[list[Section], object]:
    """The board's red cells, its red people and the alerts that appeared this period."""
    view = board_view(con, with_flags=False)
    if view.period is None:
        return [], None
    limits = view.thresholds
    board = group_names(view.board, "team", lang)
    red = board.loc[board["status"].eq("red")].sort_values("attainment", kind="stable")
    cells = [Line(t("digest.red_cells.line", lang, group=r.label, metric=metric_label(r.metric, lang),
                    attainment=percent(r.attainment), streak=t("digest.periods", lang, n=int(r.red_streak))), "board")
             for r in red.itertuples()]
    date = f"{view.period:%Y-%m-%d}"
    lowest = board.dropna(subset=["attainment"]).sort_values("attainment", kind="stable")
    bars = digest_chart.lowest_cells([(f"{r.label} · {r.metric}", r.attainment)
                                      for r in lowest.itertuples()], lang,
                                     red_below=limits.red_below, date=date)
    out = [_section("red_cells", lang, cells, "board", chart=bars, n=len(red), cells=len(board),
                    date=date, red=percent(limits.red_below))]
    people = group_names(view.red, "team", lang, columns=("group",))
    out.append(_section("red_people", lang, [
        Line(t("digest.red_people.line", lang, person=r.label, group=r.group, metric=metric_label(r.metric, lang),
               attainment=percent(r.attainment)), _employee(r.employee_id))
        for r in people.itertuples()], "board", n=people["employee_id"].nunique()))
    alerts = view.alerts
    new = alerts.loc[alerts["red_streak"].eq(limits.alert_periods)]
    out.append(_section("alerts", lang, [
        Line(t("digest.alerts.line", lang, label=r.label, metric=metric_label(r.metric, lang),
               attainment=percent(r.value), since=f"{pd.Timestamp(r.red_since):%Y-%m-%d}"),
             _employee(r.group) if r.level == "employee" else "board")
        for r in new.itertuples()], "board", n=len(new), periods=limits.alert_periods,
        total=len(alerts)))
    return out, view.period


BUILDERS = {"manager": manager_sections, "hr": hr_sections, "leadership": leadership_sections}


def build(con: duckdb.DuckDBPyConnection, *, lang: str = "en", frequency: str = "weekly"
          ) -> Digest:
    """The digest of the connection's viewer (scope them with ``store.scope.scoped`` first).

    A role without a digest (admin) gets one with no sections.
    """
    viewer = viewer_of(con)
    sections: list[Section] = []
    dates = []
    for part in ROLES_SECTIONS.get(viewer.role, ()):
        found, day = BUILDERS[part](con, lang)
        sections += found
        dates += [day] if day is not None else []
    notes = ()
    as_of = max(pd.Timestamp(d) for d in dates) if dates else None
    return Digest(viewer.email, viewer.role, lang, frequency, as_of, tuple(sections), notes)
