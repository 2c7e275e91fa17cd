"""Names, teams, metric names and notes holding HTML/Markdown attacks show as text everywhere.

The workspace is built by importing files and logging sessions (tests/hostile/conftest.py);
the printable HTML, every page (AppTest) and every chart are checked for the raw payloads.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

import store
from reports.board import board_view
from reports.board_export import to_html
from reports.brief import brief_html, brief_markdown
from reports.employee import employee_prep
from tests.hostile.conftest import XSS
from tests.views.conftest import ROOT, make_app
from ui.text import md

# The admin page is only registered for administrators; its texts are not user data.
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "views").glob("*.py")
               if p.name != "admin.py")
# What would run or link if rendered: a tag opening, or a Markdown link to javascript:.
RAW = re.compile(r"<\s*(script|img)|\]\(\s*javascript:", re.IGNORECASE)
# Proto fields Streamlit renders as Markdown (bodies, labels, help, tooltips, radio options).
# Elements that show their text as it is (st.text, st.code, tables, charts: checked apart).
PLAIN_ELEMENTS = ("text", "code", "json", "plotly_chart", "arrow_data_frame")
MARKDOWN_FIELDS = {"body", "label", "help", "caption", "captions", "placeholder", "tooltip"}


def md_unsafe(text: str) -> bool:
    """True when Markdown would render a tag or a javascript: link (escaped specials are text)."""
    return bool(RAW.search(re.sub(r"\\.", "_", text)))


def html_unsafe(page: str) -> list[str]:
    """Tags or javascript: links an HTML page would act on (only our own tags are allowed)."""
    found = re.findall(r"<\s*(?:script|img)\b[^>]*>", page, re.IGNORECASE)
    return found + re.findall(r"href\s*=\s*['\"]?\s*javascript:", page, re.IGNORECASE)


@pytest.mark.parametrize("employee_id", ["H01", "H02", "H03"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_brief_escapes_everything(xss_db: Path, employee_id, lang):
    con = store.connect(xss_db)
    prep = employee_prep(con, employee_id, lang=lang)
    con.close()
    assert prep is not None
    page = brief_html(prep)
    assert html_unsafe(page) == []
    name = XSS[int(employee_id[1:]) - 1]
    assert html.escape(name, quote=False) in page  # shown, as text
    markdown = brief_markdown(prep)
    assert not md_unsafe(markdown), markdown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_board_snapshot_escapes_everything(xss_db: Path, lang):
    con = store.connect(xss_db)
    page = to_html(board_view(con), lang)
    con.close()
    assert html_unsafe(page) == []
    for payload in XSS:
        assert html.escape(payload, quote=False) in page  # teams and metrics are shown


def markdown_texts(message, name: str = "") -> list[tuple[str, str]]:
    """(field, text) of every string a Markdown renderer would show, anywhere in a proto."""
    out: list[tuple[str, str]] = []
    for field, value in message.ListFields():
        if field.message_type is not None:
            items = value if field.is_repeated else [value]
            for item in items:
                out += markdown_texts(item, field.name)
        elif field.name in MARKDOWN_FIELDS or (name == "radio" and field.name == "options"):
            items = value if field.is_repeated else [value]
            out += [(field.name, str(v)) for v in items if isinstance(v, str)]
    return out


def elements(node) -> list:
    children = getattr(node, "children", None)
    if not children:
        return [node]
    return [node, *(e for child in children.values() for e in elements(child))]


def shown(at) -> list[tuple[str, str]]:
    """Markdown-rendered texts of the page and the sidebar (dataframes are plain text)."""
    texts: list[tuple[str, str]] = []
    for root in (at.main, at.sidebar):
        for element in elements(root):
            proto = getattr(element, "proto", None)
            if proto is not None and element.type not in PLAIN_ELEMENTS:
                texts += markdown_texts(proto)
    return texts


def plotly_unsafe(at) -> list[str]:
    """Strings in chart specs that Plotly would parse as tags: any '<' before a letter or '/'
    that is not one of the builders' own line breaks, bold or hover ``<extra>`` markers."""
    bad = []
    for chart in at.get("plotly_chart"):
        spec = json.dumps(json.loads(chart.proto.spec), ensure_ascii=False)
        spec = re.sub(r"</?(br|b|extra)>", "", spec)
        bad += re.findall(r"<\s*/?\s*[a-z][^>]{0,40}", spec, re.IGNORECASE)
    return bad


@pytest.mark.parametrize("page", PAGES)
def test_pages_show_payloads_as_text(monkeypatch, xss_copy, page):
    at = make_app(monkeypatch, xss_copy, page=page)
    assert not at.exception, at.exception
    texts = shown(at)
    assert texts, f"{page} shows nothing"
    assert [t for t in texts if md_unsafe(t[1])] == []
    assert plotly_unsafe(at) == []


@pytest.mark.parametrize("employee_id", ["H01", "H02", "H03"])
def test_employee_page_shows_the_name_as_text(monkeypatch, xss_copy, employee_id):
    at = make_app(monkeypatch, xss_copy)
    at.query_params["id"] = employee_id
    at.switch_page("views/employee.py").run()
    assert not at.exception, at.exception
    texts = shown(at)
    assert [t for t in texts if md_unsafe(t[1])] == []
    assert at.get("plotly_chart"), "the prep draws its charts"
    assert plotly_unsafe(at) == []
    name = XSS[int(employee_id[1:]) - 1]
    # The heading names the person; Markdown escapes make it read exactly as imported.
    heading = at.header[0].value
    assert re.sub(r"\\(.)", r"\1", heading) == f"{name} · {employee_id}"  # name and id


@pytest.mark.parametrize("payload", [*XSS, "**bold** _i_ `c` $x$ :red[r] # h\n- l", "a\\b"])
def test_md_shows_text_literally(payload):
    escaped = md(payload)
    assert not md_unsafe(escaped)
    assert re.sub(r"\\(.)", r"\1", escaped.replace("  \n", "\n")) == payload
