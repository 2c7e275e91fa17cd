"""The Import page in Chinese: the file box shows its words in Chinese (Streamlit writes its own
in English only), Streamlit's English menu and running status are not shown, and a budget with
year-less month headers is asked its year, then imported."""

import duckdb
from playwright.sync_api import expect

from tests.browser.helpers import (
    alert,
    click_button,
    open_app,
    shot,
    upload_file,
    visible,
    wait_idle,
    zh,
)

SHOWN = """els => els.map(e => {
  const own = getComputedStyle(e), after = getComputedStyle(e, '::after');
  return [own.fontSize, after.content.replace(/^"|"$/g, ''), after.fontSize];
})"""


# Counts every appearance of Streamlit's status widget from now on (runs come and go too fast to
# be caught by looking).
WATCH_STATUS = """() => {
  window.statusSeen = 0;
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="stStatusWidget"]')) window.statusSeen += 1;
  }).observe(document.body, {childList: true, subtree: true});
}"""


def test_the_import_page_speaks_chinese_and_asks_the_year(page, app_server, tmp_path):
    open_app(page, app_server, "upload")
    page.locator('[data-testid="stSidebar"]').get_by_text("简体中文", exact=True).click()
    wait_idle(page)
    box = page.locator('[data-testid="stFileUploaderDropzone"]').first
    expect(box).to_be_visible()
    english = box.locator('button p, [data-testid="stFileUploaderDropzoneInstructions"] span')
    # Streamlit's English is there but takes no room; ours is drawn in its place
    assert english.evaluate_all(SHOWN) == [
        ["0px", zh("upload.box.button"), "14px"],
        ["0px", zh("upload.box.limit", mb=200), "14px"]]
    shot(page, "upload_zh_box")
    # Streamlit's own English menu and "Running..." / "Stop" status are left out (config.toml)
    expect(page.locator('[data-testid="stMainMenu"]')).to_have_count(0)
    page.evaluate(WATCH_STATUS)
    budget = tmp_path / "销售额.csv"
    budget.write_bytes("工号,1月,2月,3月\nE1,5,6,7\nE2,1,2,3\n".encode("gbk"))
    upload_file(page, budget)
    metric = visible(page.get_by_label(zh("sheets.metric")), "the metric's name")
    metric.fill("销售额")
    metric.press("Enter")
    wait_idle(page)
    year = visible(page.get_by_label(zh("upload.year")), "the year question")
    year.fill("2024")
    year.press("Enter")
    wait_idle(page)
    shot(page, "upload_zh_year")
    click_button(page, zh("upload.import"))
    wait_idle(page)
    alert(page, zh("result.loaded", loaded=6, changed=6, rejected=0, file="销售额.csv"),
          "the import's result")
    assert page.evaluate("window.statusSeen") == 0, "Streamlit's English status showed"
    app_server.stop()  # frees the database file
    with duckdb.connect(str(app_server.db), read_only=True) as con:
        got = con.execute("SELECT strftime(min(period), '%Y-%m'), count(*) FROM metric_values"
                          ).fetchone()
    assert got == ("2024-01", 6)
