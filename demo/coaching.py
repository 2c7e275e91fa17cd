"""The demo's coaching log: when each agent is coached, how, and by whom."""

from __future__ import annotations

import random
from datetime import date, timedelta

from demo.cast import (
    AGENTS,
    DECLINING_LAST_COACHING,
    DRIFT,
    FORMAL_MODELS,
    FORMAL_NOTES,
    FORMULA_NOTE,
    GAIN,
    GAP,
    GAP_MAX_SESSIONS,
    INFORMAL_NOTES,
    NEW_HIRE_DATE,
    SESSION_COUNTS,
    STORY_NOTES,
    STORY_OF,
    TEAMS,
    WEEKS,
)


def _sessions(story: str | None, rnd: random.Random) -> list[tuple[date, str, str]]:
    """(date, type, model) of one story agent's coaching sessions over the 26 weeks."""
    if story == "new_hire":
        return [(NEW_HIRE_DATE + timedelta(days=days), kind, model) for days, kind, model in
                ((11, "formal", "OKR"), (18, "informal", "BEST"), (25, "informal", "GROW"))]
    spans = ((2, 13), (15, 26)) if story in ("star", "volatile") else ((3, 26),)
    sessions = [(date(2025, month, rnd.randint(*span)), "informal", rnd.choice(("BEST", "GROW")))
                for month in range(7, 13) for span in spans]
    for months, days in (((8, 9), (4, 25)), ((11, 12), (3, 19))):
        day = date(2025, rnd.choice(months), rnd.randint(*days))
        sessions.append((day, "formal", rnd.choice(FORMAL_MODELS)))
    sessions = [(_weekday(max(day, WEEKS[0])), kind, model) for day, kind, model in sessions]
    if story == "declining":
        sessions = [s for s in sessions if s[0] < DECLINING_LAST_COACHING]
        sessions.append((DECLINING_LAST_COACHING, "informal", "BEST"))
    return sorted(sessions)


def _weekday(day: date) -> date:
    return day - timedelta(days=max(0, day.weekday() - 4))  # weekend -> Friday


def _ordinary_sessions(count: int, rnd: random.Random) -> list[tuple[date, str, str]]:
    """``count`` sessions: a formal review each quarter, contact in December, the rest spread
    evenly over 2025-07-07 .. 11-28; agents with few sessions get none in GAP (2+ months)."""
    gap = count <= GAP_MAX_SESSIONS
    q3 = date(2025, 7, rnd.randint(7, 18)) if gap else date(2025, rnd.choice((8, 9)),
                                                             rnd.randint(4, 25))
    days = [(q3, "formal"), (date(2025, 11, rnd.randint(3, 24)), "formal"),
            (date(2025, 12, rnd.randint(8, 23)), "informal")]
    free = [WEEKS[0] + timedelta(days=d) for d in range(145)]
    free = [d for d in free if not (gap and GAP[0] <= d <= GAP[1])]
    extra = count - len(days)
    days += [(free[int((i + rnd.uniform(0.2, 0.8)) / extra * len(free))], "informal")
             for i in range(extra)]
    taken: set[date] = set()
    sessions = []
    for day, kind in days:
        day = _weekday(day)
        while day in taken or day.weekday() > 4:
            day -= timedelta(days=1)
        taken.add(day)
        models = FORMAL_MODELS if kind == "formal" else ("BEST", "GROW")
        sessions.append((day, kind, rnd.choice(models)))
    return sorted(sessions)


def plan_sessions(rnd: random.Random) -> tuple[dict[str, list], dict[str, tuple[float, float]]]:
    """Every agent's sessions, and each ordinary agent's (gain per session, unrelated drift)."""
    counts = list(SESSION_COUNTS)
    rnd.shuffle(counts)
    schedule, response = {}, {}
    for eid, _, _ in AGENTS:
        story = STORY_OF.get(eid)
        if story is None:
            schedule[eid] = _ordinary_sessions(counts.pop(), rnd)
            response[eid] = (min(max(rnd.gauss(*GAIN), 0.0), 2 * GAIN[0]), rnd.gauss(0, DRIFT))
        else:
            schedule[eid] = _sessions(story, rnd)
    return schedule, response


def coaching_rows(schedule: dict[str, list], rnd: random.Random) -> list[list[str]]:
    rows = []
    for eid, _, team in AGENTS:
        story = STORY_OF.get(eid)
        sessions = schedule[eid]
        for i, (day, kind, model) in enumerate(sessions):
            note = rnd.choice(FORMAL_NOTES if kind == "formal" else INFORMAL_NOTES)
            if story in STORY_NOTES and i == len(sessions) - 1:
                note = STORY_NOTES[story]
            rows.append([eid, day.isoformat(), kind, model, TEAMS[team][1], note])
    rows.sort(key=lambda row: (row[1], row[0]))
    rows[3][5] = FORMULA_NOTE
    return rows
