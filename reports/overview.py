"""The manager's team overview: KPI figures, one flag row per person, heatmap and quadrant data.

Built on ``reports.team_view``; texts that depend on the viewer's language (reason words,
evidence, focus) are filled in here so the page only renders. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.coaching import REASONS
from analytics.headcount import Headcount
from i18n import has, t
from reports.flag_text import sentences
from reports.headcount import headline
from reports.people import label_people
from reports.team import TeamView, team_view
from store.queries import team_trend

FLAG_ROW_COLUMNS = [
    "employee_id", "name", "team", "reason", "reason_text", "n_flags", "evidence", "focus",
    "model", "priority",
]
QUADRANT_COLUMNS = ["employee_id", "name", "team", "efficiency", "quality", "flagged"]


@dataclass(frozen=True)
class Overview:
    """What the team overview shows for one as-of date, in one language.

    ``as_of`` is None when there are no metric values; every frame is then empty.
    """

    as_of: pd.Timestamp | None
    periods: list[pd.Timestamp]  # every period in the data, newest first
    people: int  # headcount.people: people with metric values in the window
    flagged: int  # headcount.flagged: of those, people with at least one flag
    sessions: int  # headcount.sessions: their coaching sessions in the window
    by_reason: dict[str, int]  # reason -> number of flags (REASONS order, zeros left out)
    flags: pd.DataFrame  # analytics.flags.FLAG_COLUMNS plus reason_text, evidence/focus in lang
    comparison: pd.DataFrame  # analytics.compare.COMPARE_COLUMNS
    quadrant: pd.DataFrame  # QUADRANT_COLUMNS
    headcount: Headcount | None = None  # the window and the rule of people / flagged / sessions


def localise_flags(flags: pd.DataFrame, lang: str) -> pd.DataFrame:
    """FLAG_COLUMNS rows with reason words, evidence, focus, model reason and style in ``lang``.

    Adds ``reason_text``; ``evidence`` (facts, ``reports.flag_text``), ``focus``,
    ``model_reason`` and ``style`` (catalogue keys) become text.

    Example:
        >>> from analytics.facts import Fact
        >>> f = pd.DataFrame({"reason": ["coaching_overdue"],
        ...     "evidence": [(Fact.of("coaching_overdue.never"),)],
        ...     "focus": ["focus.consistency"], "model_reason": ["model_reason.best_24h"],
        ...     "style": ["style.coaching"]})
        >>> localise_flags(f, "zh")[["reason_text", "evidence"]].values.tolist()
        [['辅导逾期', '没有任何辅导记录']]
    """
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    out = flags.copy()
    # someone without a team is "clearly under everyone", not under a team
    alone = out["team"].isna() if "team" in out else pd.Series(False, index=out.index)
    out["reason_text"] = [t(f"mgr.reason.{r}.everyone" if a and has(f"mgr.reason.{r}.everyone")
                            else f"mgr.reason.{r}", lang)
                          for r, a in zip(out["reason"], alone, strict=True)]
    if "evidence" in out:
        out["evidence"] = sentences(out["evidence"], lang)
    for column in ("focus", "model_reason", "style"):
        if column in out:
            out[column] = [t(k, lang) for k in out[column]]
    return out


def flag_rows(
    flags: pd.DataFrame, *, teams: Iterable[str] | None = None,
    reasons: Iterable[str] | None = None, search: str | None = None,
) -> pd.DataFrame:
    """One row per flagged employee: the most urgent of their (filtered) flags.

    Args:
        flags: ``Overview.flags`` (most urgent first).
        teams: keep only these teams (None or empty: all).
        reasons: keep only flags with these reason codes (None or empty: all).
        search: keep only people whose name or employee id contains it, ignoring case
            (None or blank: everyone).

    Returns:
        FLAG_ROW_COLUMNS, most urgent first; ``n_flags`` counts the employee's kept flags.

    Example:
        >>> f = pd.DataFrame({"employee_id": ["a", "a"], "name": "A", "team": "t",
        ...     "reason": ["below_team", "volatile"], "reason_text": ["x", "y"],
        ...     "evidence": ["e1", "e2"], "focus": "f", "model": "GROW", "priority": [0.9, 0.5]})
        >>> flag_rows(f, reasons=["volatile"])[["employee_id", "reason", "n_flags"]].values.tolist()
        [['a', 'volatile', 1]]
    """
    if not isinstance(flags, pd.DataFrame):
        raise ValueError(f"flags must be a DataFrame, got {type(flags).__name__}")
    if flags.empty:
        return pd.DataFrame({column: [] for column in FLAG_ROW_COLUMNS})
    kept = flags
    if teams:
        kept = kept.loc[kept["team"].isin(list(teams))]
    if reasons:
        kept = kept.loc[kept["reason"].isin(list(reasons))]
    if search and search.strip():
        wanted = search.strip().casefold()
        found = [wanted in str(n).casefold() or wanted in str(i).casefold()
                 for n, i in zip(kept["name"], kept["employee_id"], strict=True)]
        kept = kept.loc[found]
    kept = kept.sort_values("priority", ascending=False, kind="stable")
    counts = kept.groupby("employee_id")["reason"].size().rename("n_flags")
    top = kept.drop_duplicates("employee_id").join(counts, on="employee_id")
    return top[FLAG_ROW_COLUMNS].reset_index(drop=True)


def quadrant_points(comparison: pd.DataFrame, flagged: Iterable[str]) -> pd.DataFrame:
    """Mean percentile of each employee's efficiency metrics against their quality metrics.

    Employees without a percentile on both sides (a team of one, no such metric) are left out.

    Example:
        >>> c = pd.DataFrame({"employee_id": ["a", "a", "a"], "name": "A", "team": "t",
        ...     "category": ["efficiency", "efficiency", "quality"], "percentile": [100, 50, 0.0]})
        >>> quadrant_points(c, ["a"]).values.tolist()
        [['a', 'A', 't', 75.0, 0.0, True]]
    """
    if comparison.empty:
        return pd.DataFrame({column: [] for column in QUADRANT_COLUMNS})
    kept = comparison.loc[comparison["category"].isin(["efficiency", "quality"])
                          & comparison["percentile"].notna()]
    # groupby + unstack, not pivot_table(dropna=False): that reindexes to the product of every
    # id x name x team (10 billion cells, 19 GiB, at 5,000 people in 417 teams).
    means = kept.groupby(["employee_id", "name", "team", "category"], observed=True,
                         dropna=False)["percentile"].mean()
    wide = means.unstack("category")  # noqa: PD010 - pivot_table is the problem here
    wide = wide.reindex(columns=["efficiency", "quality"]).dropna().reset_index()
    wide.columns.name = None
    wide["flagged"] = wide["employee_id"].isin(set(flagged))
    return wide[QUADRANT_COLUMNS]


def heatmap_teams(comparison: pd.DataFrame, flags: pd.DataFrame) -> list[str]:
    """The teams of ``comparison``, the one with the most flagged people first, then by name.

    The overview's heatmap shows one of them when there are too many people for one chart.

    Example:
        >>> c = pd.DataFrame({"team": ["a", "b", "b"], "employee_id": ["1", "2", "3"]})
        >>> heatmap_teams(c, pd.DataFrame({"team": ["b", "b"], "employee_id": ["2", "2"]}))
        ['b', 'a']
    """
    teams = comparison["team"].dropna().astype(str).unique().tolist()
    if flags.empty:
        return sorted(teams)
    flagged = flags.drop_duplicates("employee_id")["team"].astype(str).value_counts()
    return sorted(teams, key=lambda team: (-int(flagged.get(team, 0)), team))


def team_rows(comparison: pd.DataFrame, team: str | None) -> pd.DataFrame:
    """The rows of ``comparison`` of one team (None: everyone)."""
    return comparison if team is None else comparison.loc[comparison["team"].astype(str) == team]


def overview(
    con: duckdb.DuckDBPyConnection, *, as_of: pd.Timestamp | str | None = None, lang: str = "en",
    view: TeamView | None = None,
) -> Overview:
    """Everything the team overview shows.

    Args:
        con: an open Coachboard database.
        as_of: last period used (default: the latest period in the data).
        lang: "en" or "zh": the language of reason words, evidence and focus.
        view: a cached ``team_view(con, as_of=as_of)`` to reuse; computed when None.

    Returns:
        An Overview; ``as_of`` None and empty frames when there are no metric values.

    Example:
        >>> overview(con, lang="zh").flagged  # doctest: +SKIP
        9
    """
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    if view is None:
        view = team_view(con, as_of=pd.Timestamp(as_of) if as_of is not None else None)
    periods = sorted(pd.to_datetime(team_trend(con)["period"]).unique(), reverse=True)
    periods = [pd.Timestamp(p) for p in periods]
    if view.as_of is None:
        empty = pd.DataFrame()
        return Overview(None, periods, 0, 0, 0, {}, empty, empty, quadrant_points(empty, []))
    flags = label_people(localise_flags(view.flags, lang), lang)
    comparison = label_people(view.comparison, lang)
    counts = flags["reason"].value_counts()
    heads = headline(con, as_of=view.as_of, flagged=flags["employee_id"].astype(str).unique())
    return Overview(
        as_of=view.as_of, periods=periods, people=heads.people, flagged=heads.flagged,
        sessions=heads.sessions, by_reason={r: int(counts[r]) for r in REASONS if r in counts},
        flags=flags, comparison=comparison,
        quadrant=quadrant_points(comparison, flags["employee_id"]), headcount=heads,
    )
