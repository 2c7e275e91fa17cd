"""A manager reads the overview at 1440 px and on a 390 px phone."""

from playwright.sync_api import expect

from tests.browser.helpers import assert_no_exception, en, grid, open_app, shot, visible

COLUMNS = ("team.col.name", "team.col.evidence", "team.col.focus", "team.col.model",
           "team.col.priority")


def test_the_attention_list_fits_1440_px_and_opens_a_cell(page, start_app, seed_db, tmp_path):
    db = tmp_path / "demo.duckdb"
    seed_db(db, "demo")
    page.set_viewport_size({"width": 1440, "height": 900})
    open_app(page, start_app(db=db))
    flags = grid(page, en("team.col.evidence"))
    headers = [h.strip() for h in flags.locator('th[role="columnheader"]').all_text_contents()]
    assert all(en(key) in headers for key in COLUMNS), headers  # all on screen, none scrolled
    wide = flags.locator(".dvn-scroller").first.evaluate("e => e.scrollWidth - e.clientWidth")
    assert wide <= 1, f"the attention list scrolls sideways by {wide} px"
    shot(page, "reading-1-overview-1440")

    # A click on the first row's evidence shows every flag of that person in full below.
    # The evidence column starts after the row marker and name, ID, log, team, reason and
    # flags (views/overview.flag_columns: 60 + 48 + 76 + 70 + 110 + 40 px); rows are 84 px.
    box = flags.first.bounding_box()
    page.mouse.click(box["x"] + 33 + 404 + 80, box["y"] + 35 + 42)
    details = page.locator(".st-key-ov_details")
    visible(details, "the details of the clicked person")
    expect(details).to_contain_text("徐强")
    expect(details).to_contain_text("worse since 2025-11-10")  # the evidence, whole
    expect(details).to_contain_text("at a false-discovery rate of 10%)")
    assert_no_exception(page)
    shot(page, "reading-2-details")


def test_on_a_phone_the_attention_list_comes_before_the_tiles(page, start_app, seed_db,
                                                              tmp_path):
    db = tmp_path / "demo.duckdb"
    seed_db(db, "demo")
    page.set_viewport_size({"width": 390, "height": 844})
    open_app(page, start_app(db=db))
    heading = page.get_by_role("heading", name=en("team.flags_title"))
    tile = page.locator('[data-testid="stMetric"]').filter(has_text=en("head.people"))
    visible(heading, "the attention list's heading")
    visible(tile, "the People measured tile")
    assert heading.bounding_box()["y"] < tile.bounding_box()["y"]
    assert_no_exception(page)
    shot(page, "reading-3-phone")
