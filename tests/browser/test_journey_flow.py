"""Issue 17, the flow follows the person, in a real browser: from 徐强's coaching prep, "Log this
talk" opens the coaching log on him, its heading names him, and the saved session is his (read
back from the database). A log link in Chinese keeps the language in a new tab. Screenshots of
the four pages of the flow in both languages at 1440 and 390 px."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

import store
from store import coaching_log
from tests.browser.helpers import (
    alert,
    assert_no_exception,
    click_button,
    en,
    grid,
    grid_column,
    open_app,
    pattern,
    shot,
    visible,
    wait_idle,
    zh,
)

PERSON, NAME, TEAM = "E010", "徐强", "售后二组"
HEADER_PX = 35  # st.dataframe's header row


def test_log_this_talk_from_the_prep_page_saves_to_that_person(page, start_app, seed_db,
                                                                tmp_path):
    db = tmp_path / "demo.duckdb"
    seed_db(db, "demo")
    server = start_app(db=db)
    open_app(page, server, f"employee?id={PERSON}")
    visible(page.get_by_role("heading", name=NAME), "the prep page of 徐强")
    click_button(page, en("flow.log_this_talk"))
    expect(page).to_have_url(f"{server.url}/coaching?id={PERSON}")
    heading = en("flow.log_for", name=f"{NAME} ({PERSON}) · {TEAM}")
    visible(page.get_by_role("heading", name=heading), "the log's heading naming 徐强")
    page.get_by_label(en("flow.coach_local"), exact=True).fill("Li Lei")
    page.get_by_label(en("cl.notes"), exact=True).fill("Talked about the billing queue.")
    shot(page, "flow-1-log-opened-from-prep")
    click_button(page, en("cl.save_session"))
    alert(page, pattern("cl.session_saved"), "the 'session saved' message")
    assert_no_exception(page)
    server.stop()  # DuckDB has one writer: read the file once the app has let go of it
    con = store.connect(db)
    mine = coaching_log.sessions(con).query("source == 'app'")
    con.close()
    assert mine[["employee_id", "coach", "notes"]].to_numpy().tolist() == [
        [PERSON, "Li Lei", "Talked about the billing queue."]]


def test_a_log_link_keeps_the_chinese_of_the_page_it_came_from(page, start_app, seed_db,
                                                                tmp_path):
    db = tmp_path / "demo.duckdb"
    seed_db(db, "demo")
    server = start_app(db=db)
    open_app(page, server, f"coaching?id={PERSON}&lang=zh")
    heading = zh("flow.log_for", name=f"{NAME}（{PERSON}）· {TEAM}")
    visible(page.get_by_role("heading", name=heading), "the Chinese log heading naming 徐强")
    assert_no_exception(page)


def test_log_this_talk_from_a_flagged_row_opens_that_person_in_chinese(page, start_app, seed_db,
                                                                         tmp_path):
    db = tmp_path / "demo.duckdb"
    seed_db(db, "demo")
    server = start_app(db=db)
    open_app(page, server, "?lang=zh")
    flags = grid(page, zh("team.col.reason"))
    first = grid_column(flags, zh("team.col.name"))[0]
    flags.scroll_into_view_if_needed()
    flags.hover()
    box = flags.bounding_box()
    assert box, "the flagged table has no size"
    # The grid is a canvas: a click on the first row's name cell opens its details below.
    page.mouse.click(box["x"] + 70, box["y"] + HEADER_PX + 10)
    wait_idle(page)
    details = page.locator(".st-key-ov_details")
    visible(details, "the details of the chosen flagged row")
    details.get_by_role("link", name=zh("flow.log_this_talk")).click()
    wait_idle(page)
    visible(page.get_by_role("heading", name=re.compile(re.escape(first))),
            "the log's heading naming the flagged person, in Chinese")
    expect(page.get_by_role("heading", name=zh("cl.title"), exact=True)).to_be_visible()
    shot(page, "flow-2-log-from-overview-zh")


PAGES = [("", ""), ("employee", f"?id={PERSON}"), ("coaching", f"?id={PERSON}"),
         ("follow-up", "")]


@pytest.mark.parametrize("width", [1440, 390])
def test_screenshots_of_the_flow(page, start_app, seed_db, tmp_path, width):
    db = tmp_path / "demo.duckdb"
    seed_db(db, "demo")
    server = start_app(db=db)
    page.set_viewport_size({"width": width, "height": 900})
    for lang in ("en", "zh"):
        for url, query in PAGES:
            sep = "&" if query else "?"
            open_app(page, server, f"{url}{query}" + (f"{sep}lang=zh" if lang == "zh" else ""))
            page.wait_for_timeout(500)  # charts and grids lay out
            wait_idle(page)
            assert_no_exception(page)
            shot(page, f"flow-{url or 'overview'}-{lang}-{width}")
