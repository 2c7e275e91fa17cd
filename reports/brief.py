"""The coaching brief: one employee's prep as a printable HTML page or as Markdown.

Both renderings share ``_content``: the same tables as display strings, in ``prep.lang``. The
HTML is one self-contained A4 page (inline CSS and SVG charts, no script, no external file);
every user-supplied string (names, teams, metric names, notes) is HTML-escaped, and Markdown
cells are backslash-escaped so a renderer shows them as text.
"""

from __future__ import annotations

import re
from html import escape

import pandas as pd

from analytics.prep import EmployeePrep
from i18n import has, t
from i18n.dates import day
from reports import numbers
from reports.brief_charts import bars, charts
from reports.metric_names import metric_label
from reports.people import no_team, person_label
from reports.prep_text import num

CSS = """
@page { size: A4; margin: 10mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Helvetica Neue",
       Arial, sans-serif; font-size: 9.5px; color: #111827; margin: 0 auto; max-width: 190mm;
       line-height: 1.3; }
h1 { font-size: 16px; margin: 0 0 1px; }
h2 { font-size: 11px; margin: 7px 0 3px; border-bottom: 1px solid #d1d5db; padding-bottom: 1px; }
.meta { color: #4b5563; margin-bottom: 4px; }
.summary { background: #eff6ff; border-left: 3px solid #2563eb; padding: 4px 8px;
           font-size: 11px; margin-bottom: 4px; }
table { border-collapse: collapse; width: 100%; margin: 1px 0; }
th, td { border: 1px solid #d1d5db; padding: 1px 4px; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
th { background: #f3f4f6; font-weight: 600; }
.two { display: flex; gap: 8px; align-items: flex-start; }
.two > div { flex: 1 1 0; min-width: 0; }
.charts { display: flex; flex-wrap: wrap; gap: 2px; }
.charts svg { width: 24.6%; height: auto; }
.bars svg { width: 100%; height: auto; }
.notes { white-space: pre-wrap; margin: 2px 0; }
.more { color: #6b7280; margin: 1px 0; }
.legend { display: flex; gap: 12px; color: #374151; margin-bottom: 2px; }
.legend svg { vertical-align: middle; }
th, td.short { white-space: nowrap; }
footer { color: #6b7280; margin-top: 6px; font-size: 8.5px; }
@media print { body { max-width: none; } h2 { break-after: avoid; }
  table, .charts svg { break-inside: avoid; } }
"""
SHORT_CELL = 12  # cells up to this length (dates, numbers, priority words) do not wrap
PROBLEM_ROWS = 6  # the HTML page shows the most urgent rows (one A4 page); Markdown shows all


def _text(value) -> str:
    return "–" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _compare(prep: EmployeePrep) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The team table (recent means) and the target table (latest period), headers naming
    their window (reports.numbers)."""
    m, head = prep.metrics, numbers.headers(prep, prep.lang)
    team = pd.DataFrame({
        "metric": [_text(metric_label(x, prep.lang)) for x in m["metric"]],
        "value": m["value"].map(num),
        "team_mean": m["team_mean"].map(num), "team_best": m["team_best"].map(num),
        "percentile": m["percentile"].map(lambda v: num(v, ".0f")),
        "label": m["label"].map(lambda v: t(f"brief.label.{v}", prep.lang)
                                if isinstance(v, str) else "–")})
    target = numbers.target_rows(prep, prep.lang)
    target = target.assign(**{c: target[c].map(num) for c in ("latest", "target")},
                           attainment=target["attainment"].map(numbers.percent),
                           # no periods under a target there is none of: a dash, not 0
                           under_streak=[num(n, ".0f") if pd.notna(v) else "–" for v, n in zip(
                               target["target"], target["under_streak"], strict=True)])
    if "latest_period" in target:
        target["latest_period"] = target["latest_period"].map(day)
    return (team.rename(columns=head), target.rename(columns=head))


def _suggestion(prep: EmployeePrep) -> list[tuple[str, str]]:
    if prep.flags.empty:
        return []
    top, lang = prep.flags.iloc[0], prep.lang
    return [(t("brief.focus", lang), t(top["focus"], lang)),
            (t("brief.model", lang), t(top["model_reason"], lang)),
            (t("brief.style", lang), t(top["style"], lang))]


def _named(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return frame.map(_text).rename(columns={c: t(f"brief.col.{c}", lang) for c in frame.columns})


# The page asks for both renderings of the same prep one after the other: the tables are
# written once (a third of a brief at 5,000 people). One entry, replaced whole (threads).
_LAST: tuple[EmployeePrep | None, dict | None] = (None, None)


def _content(prep: EmployeePrep) -> dict:
    if not isinstance(prep, EmployeePrep):
        raise ValueError(f"prep must be an EmployeePrep, got {type(prep).__name__}")
    global _LAST
    last, content = _LAST
    if last is not prep:
        content = _written(prep)
        _LAST = (prep, content)
    return content


def _meta(prep: EmployeePrep) -> str:
    """"team · role · manager … · hired … · as of …"; a part the roster lacks is left out, as on
    the prep page (a call log's agent read "no team · – · manager – · hired –")."""
    lang = prep.lang
    parts = [_text(prep.team) if _present(prep.team) else no_team(lang),
             _text(prep.role) if _present(prep.role) else None,
             t("brief.meta.manager", lang, manager=_text(prep.manager_id))
             if _present(prep.manager_id) else None,
             t("brief.meta.hired", lang, hire=day(prep.hire_date)) if _present(prep.hire_date)
             else None,
             t("brief.meta.as_of", lang, as_of=day(prep.as_of))]
    return " · ".join(p for p in parts if p)


def _written(prep: EmployeePrep) -> dict:
    lang = prep.lang
    last = prep.sessions.head(1).to_dict("records")
    session = None
    if last:
        s = last[0]
        kind = (t(f"brief.session.{s['session_type']}", lang)
                if has(f"brief.session.{s['session_type']}") else _text(s["session_type"]))
        session = (f"{day(s['session_date'])} · {kind} · {_text(s['model'])} · "
                   f"{_text(s['coach'])}", _text(s["notes"]))
    actions = prep.open_actions.assign(deadline=prep.open_actions["deadline"].map(day))
    return {
        "title": t("brief.title", lang, name=person_label(prep.name, prep.employee_id)),
        "meta": _meta(prep),
        "facts": [(t("brief.type", lang), t(f"brief.type.{prep.employee_type}", lang)),
                  *_suggestion(prep),
                  (t("brief.strength", lang), numbers.side_text(prep, "strength", lang)),
                  (t("brief.weakness", lang), numbers.side_text(prep, "weakness", lang))],
        "compare": _compare(prep), "compare_titles": numbers.titles(prep, lang),
        "problems": _named(prep.problems, lang),
        "tracking": _named(prep.tracking, lang), "grow": prep.grow, "session": session,
        "actions": _named(actions, lang),
    }


def _present(value) -> bool:
    return value is not None and not pd.isna(value) and str(value).strip() != ""


def _cell(value) -> str:
    short = ' class="short"' if len(str(value)) <= SHORT_CELL else ""
    return f"<td{short}>{escape(str(value))}</td>"


def _html_table(frame: pd.DataFrame, none: str, limit: int | None = None,
                more_text: str = "+{n}") -> str:
    if frame.empty:
        return f"<p>{escape(none)}</p>"
    more = len(frame) - limit if limit is not None and len(frame) > limit else 0
    frame = frame.head(limit) if more else frame
    head = "".join(f"<th>{escape(str(c))}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    extra = f'<p class="more">{escape(more_text.format(n=more))}</p>' if more else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{extra}"


def _html_compare(c: dict, none: str) -> str:
    return "".join(f'<p class="meta"><b>{escape(title)}</b></p>{_html_table(frame, none)}'
                   for title, frame in zip(c["compare_titles"], c["compare"], strict=True))


def brief_html(prep: EmployeePrep) -> str:
    """The brief as one self-contained, printable HTML page (A4) in ``prep.lang``.

    Example:
        >>> html = brief_html(employee_prep(con, "E010", lang="zh"))  # doctest: +SKIP
        >>> "问题分析表" in html and "<script" not in html  # doctest: +SKIP
        True
    """
    c, lang = _content(prep), prep.lang
    none = t("brief.none", lang)
    facts = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in c["facts"])
    grow = "".join(f"<tr><th>{escape(s)}</th><td>{escape(q)}</td></tr>" for s, q in c["grow"])
    session = (f"<p>{escape(c['session'][0])}</p><p class=\"notes\">{escape(c['session'][1])}</p>"
               if c["session"] else f"<p>{escape(t('brief.no_session', lang))}</p>")
    problems = _html_table(c["problems"], none, PROBLEM_ROWS, t("brief.more", lang))
    body = (
        f"<h1>{escape(c['title'])}</h1><div class=\"meta\">{escape(c['meta'])}</div>"
        f"<div class=\"summary\">{escape(prep.summary)}</div>"
        f"<div class=\"two\"><div><table>{facts}</table></div><div>{bars(prep)}</div></div>"
        f"<h2>{escape(t('brief.trends' if _present(prep.team) else 'brief.trends.everyone', lang))}"
        f"</h2>{charts(prep)}"
        f"<h2>{escape(t('brief.compare', lang))}</h2>{_html_compare(c, none)}"
        f"<h2>{escape(t('brief.problems', lang))}</h2>{problems}"
        f"<h2>{escape(t('brief.tracking', lang))}</h2>{_html_table(c['tracking'], none)}"
        f"<div class=\"two\"><div><h2>{escape(t('brief.grow', lang))}</h2>"
        f"<table>{grow}</table></div>"
        f"<div><h2>{escape(t('brief.last_session', lang))}</h2>{session}"
        f"<h2>{escape(t('brief.open_actions', lang))}</h2>{_html_table(c['actions'], none)}"
        f"</div></div><footer>{escape(t('brief.footer', lang))}</footer>")
    page_lang = "zh-CN" if lang == "zh" else "en"
    return (f'<!DOCTYPE html><html lang="{page_lang}"><head><meta charset="utf-8">'
            f"<title>{escape(c['title'])}</title><style>{CSS}</style></head>"
            f"<body>{body}</body></html>")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_cell(value) -> str:
    """A Markdown-safe one-line cell: specials backslash-escaped, newlines as spaces.

    Example:
        >>> md_cell("<b>a|b</b>\\nc")
        '\\\\<b\\\\>a\\\\|b\\\\</b\\\\> c'
    """
    return _MD_SPECIAL.sub(r"\\\1", str(value)).replace("\r", " ").replace("\n", " ")


def _md_table(frame: pd.DataFrame, none: str) -> str:
    if frame.empty:
        return md_cell(none)
    lines = ["| " + " | ".join(md_cell(c) for c in frame.columns) + " |",
             "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(md_cell(v) for v in row) + " |"
              for row in frame.itertuples(index=False)]
    return "\n".join(lines)


def brief_markdown(prep: EmployeePrep) -> str:
    """The brief as Markdown in ``prep.lang`` (same sections as the HTML, without charts)."""
    c, lang = _content(prep), prep.lang
    none = t("brief.none", lang)
    out = [f"# {md_cell(c['title'])}", "", md_cell(c["meta"]), "",
           f"> {md_cell(prep.summary)}", ""]
    out += [f"- **{md_cell(k)}**: {md_cell(v)}" for k, v in c["facts"]]
    out += ["", f"## {md_cell(t('brief.compare', lang))}"]
    for title, frame in zip(c["compare_titles"], c["compare"], strict=True):
        out += ["", f"**{md_cell(title)}**", "", _md_table(frame, none)]
    for title, frame in ((t("brief.problems", lang), c["problems"]),
                         (t("brief.tracking", lang), c["tracking"])):
        out += ["", f"## {md_cell(title)}", "", _md_table(frame, none)]
    out += ["", f"## {md_cell(t('brief.grow', lang))}", ""]
    out += [f"- **{md_cell(s)}**: {md_cell(q)}" for s, q in c["grow"]]
    out += ["", f"## {md_cell(t('brief.last_session', lang))}", ""]
    out += ([md_cell(c["session"][0]), "", md_cell(c["session"][1])] if c["session"]
            else [md_cell(t("brief.no_session", lang))])
    out += ["", f"## {md_cell(t('brief.open_actions', lang))}", "", _md_table(c["actions"], none),
            "", f"_{md_cell(t('brief.footer', lang))}_", ""]
    return "\n".join(out)
