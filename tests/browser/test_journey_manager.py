"""A manager opens the demo team, clicks the most urgent person, reads the prep, takes the brief."""

import dataclasses
import re

from playwright.sync_api import expect

from reports.settings import SECTIONS
from tests.browser.helpers import (
    assert_no_exception,
    en,
    grid,
    grid_column,
    open_app,
    shot,
    visible,
    wait_idle,
    zh,
)

ROW_PX = 35  # st.dataframe's default row height; the header row has the same height


def click_row(page, frame, index: int) -> None:
    """Select data row ``index`` of an st.dataframe by clicking its row marker (left edge)."""
    frame.scroll_into_view_if_needed()
    frame.hover()  # scrolls too: measure only after it
    box = frame.bounding_box()
    assert box, "the table has no size"
    page.mouse.click(box["x"] + 14, box["y"] + ROW_PX * (index + 1.5))
    wait_idle(page)


def test_manager_opens_flagged_employee_and_downloads_brief(page, start_app, seed_db, tmp_path):
    db = tmp_path / "demo.duckdb"
    seed_db(db, "demo")
    server = start_app(db=db)
    open_app(page, server)
    visible(page.get_by_role("heading", name=en("team.flags_title")), "the flagged list")
    flags = grid(page, en("team.col.reason"))
    names = grid_column(flags, en("team.col.name"))
    assert names, "the flagged list is empty"
    heat = page.locator('[data-testid="stPlotlyChart"]').filter(has=page.locator(".heatmaplayer"))
    visible(heat, "the heatmap")
    assert_no_exception(page)
    shot(page, "manager-1-overview")

    first = names[0]
    click_row(page, flags, 0)
    visible(page.get_by_role("heading", name=en("emp.title")), "the coaching prep page")
    visible(page.get_by_role("heading", name=first), f"the heading {first!r}")
    assert re.search(r"[?&]id=E\d+", page.url), page.url
    visible(page.locator('[data-testid="stPlotlyChart"]'), "the trend charts")
    assert_no_exception(page)
    shot(page, "manager-2-employee")

    with page.expect_download() as info:
        page.get_by_role("button", name=en("emp.download_html")).click()
    download = info.value
    assert re.fullmatch(r"brief-E\d+-2025-12-29-local-\d{8}T\d{4}Z\.html", download.suggested_filename)
    html = download.path().read_text(encoding="utf-8")
    assert first in html

    page.locator('[data-testid="stSidebar"]').get_by_text("简体中文", exact=True).click()
    wait_idle(page)
    visible(page.get_by_role("heading", name=zh("emp.title")), "the Chinese coaching prep")
    assert_no_exception(page)
    # every page in the menu, none folded behind Streamlit's English "View 3 more"
    expect(page.get_by_test_id("stSidebarNavViewButton")).to_have_count(0)
    visible(page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=zh("nav.admin")),
            "the last page of the menu")
    shot(page, "manager-3-employee-zh")
    page.locator('[data-testid="stSidebarNav"]').get_by_text(zh("nav.overview")).click()
    wait_idle(page)
    visible(page.get_by_role("heading", name=zh("team.flags_title")), "the Chinese overview")
    shot(page, "manager-4-overview-zh")


def test_settings_page(page, start_app, seed_db, tmp_path):
    db = tmp_path / "demo.duckdb"
    seed_db(db, "demo")
    server = start_app(db=db)
    open_app(page, server, "settings")
    visible(page.get_by_role("heading", name=en("settings.title")), "the settings title")
    # one number box per setting of every section
    boxes = sum(len(dataclasses.fields(cls)) for _key, cls, _title in SECTIONS)
    boxes += 1  # the digest channels' SMTP port, in the administrator's section below them
    expect(page.locator('[data-testid="stNumberInput"]')).to_have_count(boxes)
    page.get_by_role("button", name=en("settings.save")).first.click()
    wait_idle(page)
    visible(page.get_by_text(en("settings.saved")), "the saved message")
    assert_no_exception(page)
    shot(page, "manager-5-settings")
