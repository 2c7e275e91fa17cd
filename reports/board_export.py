"""The board as display tables (translated), an XLSX with its colours, a printable HTML page.

The page and the exports share :func:`tables`, so what is downloaded is what is on screen.
"""

from __future__ import annotations

import html
import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from analytics.grain import grain_of
from charts.board import STATUS_COLORS
from i18n import t
from i18n.numbers import percent
from reports import board_cells
from reports.board import BoardView
from reports.metric_names import metric_label, metric_labels
from reports.people import group_names, person_label
from reports.periods import grain_units, period_label
from reports.safe import neutralise


def _date(value) -> str:
    return "" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def board_caption(view: BoardView, lang: str = "en") -> str:
    """``Period 2024 Q2 · rolling 4 quarters``: the period and window in the data's grain."""
    grain = grain_of(view.periods)
    window = (t("board.window.rolling", lang, n=view.window, units=grain_units(grain, lang))
              if view.window > 1 else t("board.window.one", lang))
    return t("board.caption", lang, period=period_label(view.period, grain, lang, year=True),
             window=window)


def tables(view: BoardView, lang: str = "en") -> dict[str, pd.DataFrame]:
    """Display frames: "board" (texts), "board_status" (colours), "alerts", "alerts_status",
    "objectives", "objectives_status", "teams", "teams_status"."""
    board = group_names(view.board, view.by, lang)
    texts, colours = board_cells.pivot(board, no_target=t("board.no_target", lang),
                                 red=t("board.cell.red", lang))
    texts.index.name = colours.index.name = t("board.group", lang)
    out = {"board": texts, "board_status": colours, "summary": summary(view, lang)}
    a = group_names(view.alerts, view.by, lang, columns=("team",))
    # A key result's row names its owner like an employee's row does: name and id.
    owner = a["level"].eq("key_result")
    a = a.assign(label=[person_label(n, g) if o else n
                        for n, g, o in zip(a["label"], a["group"], owner, strict=True)])
    out["alerts"] = pd.DataFrame({
        t("board.col.level", lang): [t(f"board.level.{x}", lang) for x in a["level"]],
        t("board.col.employee", lang): a["label"], t("board.col.team", lang): a["team"],
        t("board.col.metric", lang): metric_labels(a["metric"], lang),
        t("board.col.value", lang): [board_cells.percent(x) for x in a["value"]],
        t("board.col.streak", lang): [
            # A key result keeps only its current progress: no periods to count.
            t("board.alerts.no_history", lang) if pd.isna(n)
            else t("board.alerts.streak", lang, n=int(n)) for n in a["red_streak"]],
        t("board.col.since", lang): [_date(x) for x in a["red_since"]],
    })
    out["alerts_status"] = pd.DataFrame("", index=out["alerts"].index,
                                        columns=out["alerts"].columns)
    out["alerts_status"][t("board.col.value", lang)] = "red"
    for name, frame, cols in (
        ("objectives", view.objectives, ("name", "team", "objective", "progress", "key_results",
                                         "red_key_results")),
        ("teams", view.okr_teams, ("team", "progress", "objectives", "red_objectives")),
    ):
        shown = frame.reindex(columns=list(cols)).copy()
        if "name" in cols:
            shown["name"] = [person_label(n, e) for n, e in
                             zip(frame["name"], frame["employee_id"], strict=True)]
        shown["progress"] = [f"{board_cells.SYMBOL.get(s, '')} {board_cells.percent(p)}".strip()
                             for s, p in zip(frame["status"], frame["progress"], strict=True)]
        keys = {"name": "employee"}
        shown.columns = [t(f"board.col.{keys.get(c, c)}", lang) for c in cols]
        out[name] = shown.reset_index(drop=True)
        status = pd.DataFrame("", index=out[name].index, columns=out[name].columns)
        status[t("board.col.progress", lang)] = frame["status"].to_numpy()
        out[f"{name}_status"] = status
    return out


def summary(view: BoardView, lang: str = "en") -> pd.DataFrame:
    """The page's tiles as (figure, value) rows: the same counts, the same rule.

    Flagged people are left out when the view did not count them (``tiles["flagged"] < 0``).
    """
    tiles, heads = view.tiles, view.headcount
    if heads is None:
        return pd.DataFrame({t("board.summary.figure", lang): [],
                             t("board.summary.value", lang): []})
    rows = [("window", f"{heads.start:%Y-%m-%d} – {heads.end:%Y-%m-%d}"),
            ("people", heads.people), ("flagged", heads.flagged), ("coached", heads.coached),
            ("coverage", "–" if not heads.people else percent(heads.coverage)),
            ("sessions", heads.sessions), ("red", tiles["red"]),
            ("red_people", tiles["red_people"])]
    rows = [(t(f"board.summary.{k}", lang), v) for k, v in rows
            if not (k == "flagged" and v < 0)]
    return pd.DataFrame(rows, columns=[t("board.summary.figure", lang),
                                       t("board.summary.value", lang)])


def _sheet(book: Workbook, title: str, frame: pd.DataFrame, colours: pd.DataFrame,
           index: bool) -> None:
    sheet = book.create_sheet(title)
    shown = neutralise(frame.reset_index() if index else frame)
    status = colours.reset_index(drop=True)
    sheet.append([str(c) for c in shown.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    offset = 1 if index else 0
    for r, row in enumerate(shown.itertuples(index=False), start=2):
        sheet.append([None if pd.isna(v) else v for v in row])
        for c, value in enumerate(status.iloc[r - 2], start=1 + offset):
            fill = STATUS_COLORS.get(value)
            if fill:
                cell = sheet.cell(row=r, column=c)
                argb = "FF" + fill[0][1:].upper()
                cell.fill = PatternFill("solid", start_color=argb, end_color=argb)
                cell.font = Font(color="FF" + fill[1][1:].upper())
                cell.alignment = Alignment(horizontal="center")
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(10, width * 1.6), 60)


def to_xlsx(view: BoardView, lang: str = "en") -> bytes:
    """The board, the alerts and the OKR objectives as an XLSX workbook with the cell colours."""
    shown = tables(view, lang)
    book = Workbook()
    book.remove(book.active)
    _sheet(book, t("board.sheet.board", lang), *_headed(shown, lang), True)
    _sheet(book, t("board.summary.title", lang), shown["summary"],
           pd.DataFrame(index=shown["summary"].index), False)
    _sheet(book, t("board.sheet.alerts", lang), shown["alerts"], shown["alerts_status"], False)
    _sheet(book, t("board.sheet.okr", lang), shown["objectives"], shown["objectives_status"],
           False)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _headed(shown: dict[str, pd.DataFrame], lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The board's texts and colours with each metric's name as the reader reads it (the page
    keeps the stored names as its columns: a click on a cell names the metric)."""
    def rename(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.rename(columns=lambda m: metric_label(m, lang))
    return rename(shown["board"]), rename(shown["board_status"])


def _html_table(frame: pd.DataFrame, colours: pd.DataFrame, index: bool) -> str:
    e = html.escape
    head = ([e(str(frame.index.name or ""))] if index else []) + [e(str(c)) for c in frame.columns]
    rows = ["<tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
    for i, (key, row) in enumerate(frame.iterrows()):
        cells = [f"<th>{e(str(key))}</th>"] if index else []
        for name, value in row.items():
            status = colours.iloc[i][name] if name in colours.columns else None
            klass = f' class="{status}"' if status in STATUS_COLORS else ""
            cells.append(f"<td{klass}>{e('' if pd.isna(value) else str(value))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>" + "".join(rows) + "</table>"


def to_html(view: BoardView, lang: str = "en") -> str:
    """A self-contained, printable HTML page of the board and the alerts (all text escaped)."""
    shown = tables(view, lang)
    css = "".join(f"td.{s}{{background:{f};color:{c}}}" for s, (f, c) in STATUS_COLORS.items())
    caption = board_caption(view, lang)
    title = html.escape(t("board.export.heading", lang))
    limits = view.thresholds
    legend = t("board.intro", lang, green=f"{limits.green_at:.0%}", red=f"{limits.red_below:.0%}")
    return (
        f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        f'<meta charset="utf-8"><title>{title}</title><style>'
        "body{font-family:'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei',sans-serif;"
        "margin:24px}table{border-collapse:collapse;margin:8px 0 24px}th,td{border:1px solid "
        "#9ca3af;padding:6px 10px;text-align:center}th{background:#f3f4f6}"
        f"@media print{{*{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}}}{css}"
        f"</style></head><body><h1>{title}</h1><p>{html.escape(caption)}</p>"
        f"<p>{html.escape(legend)}</p>"
        f"{_html_table(*_headed(shown, lang), True)}"
        f"<h2>{html.escape(t('board.summary.title', lang))}</h2>"
        f"{_html_table(shown['summary'], pd.DataFrame(index=shown['summary'].index), False)}"
        f"<h2>{html.escape(t('board.alerts.title', lang))}</h2>"
        f"{_html_table(shown['alerts'], shown['alerts_status'], False)}"
        f"<h2>{html.escape(t('board.okr.title', lang))}</h2>"
        f"{_html_table(shown['teams'], shown['teams_status'], False)}</body></html>"
    )
