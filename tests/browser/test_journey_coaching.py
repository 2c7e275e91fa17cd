"""A team lead logs a talk with two actions on the demo team, sees them listed, exports the
follow-up record as CSV, then checks the follow-up page and the timeline in Chinese."""

from playwright.sync_api import expect

from tests.browser.helpers import (
    alert,
    assert_no_exception,
    click_button,
    en,
    expect_selected,
    grid,
    grid_column,
    open_app,
    pattern,
    selectbox,
    shot,
    visible,
    wait_idle,
    zh,
)

ACTIONS = [("Listen to 3 recorded calls", "M01"), ("=HYPERLINK(\"x\") practise script", "E006")]


def _type(page, label: str, text: str, enter: bool = False) -> None:
    box = page.get_by_label(label, exact=True)
    visible(box, f"the field {label!r}")
    box.first.fill(text)
    if enter:
        box.first.press("Enter")
        wait_idle(page)


def _choose_person(page, label: str, option: str) -> None:
    """Long select boxes render only the options in view: type to filter, then pick."""
    box = selectbox(page, label).get_by_role("combobox")
    visible(box, f"the select box {label!r}")
    box.click()
    box.fill(option.split("(")[-1].rstrip(")"))
    choice = page.get_by_role("option", name=option, exact=True)
    visible(choice, f"the option {option!r}")
    choice.first.click()
    wait_idle(page)
    expect_selected(page, label, option)


def test_log_a_session_with_two_actions_and_export(page, start_app, seed_db, tmp_path):
    db = tmp_path / "demo.duckdb"
    seed_db(db, "demo")
    server = start_app(db=db)
    open_app(page, server, "coaching")
    visible(page.get_by_role("heading", name=en("cl.title")), "the Coaching log title")
    _type(page, en("flow.coach_local"), "M01", enter=True)
    _choose_person(page, en("flow.person"), "杨磊 (E006) · 售后一组")
    _type(page, en("cl.notes"), "Went through two difficult calls together.")
    _type(page, en("cl.part.goal"), "CSAT back to 85")
    shot(page, "coaching-1-form")
    click_button(page, en("cl.save_session"))
    alert(page, pattern("cl.session_saved"), "the 'session saved' message")

    for action, owner in ACTIONS:
        _type(page, en("cl.col.action"), action)
        _type(page, en("cl.col.owner"), owner)
        click_button(page, en("cl.add_action"))
        alert(page, en("cl.action_added"), "the 'action added' message")
    table = grid(page, en("cl.col.action"))
    assert grid_column(table, en("cl.col.action"))[:2] == [a for a, _ in ACTIONS]
    assert_no_exception(page)
    shot(page, "coaching-2-actions-listed")

    with page.expect_download() as info:
        page.get_by_role("button", name=en("cl.export_csv"), exact=True).first.click()
    csv = (tmp_path / "record.csv")
    info.value.save_as(csv)
    text = csv.read_text(encoding="utf-8-sig")
    assert en("rec.measure") in text.splitlines()[0]
    assert "Listen to 3 recorded calls" in text
    assert "'=HYPERLINK" in text  # neutralised: Excel shows it as text

    open_app(page, server, "follow-up")
    page.locator('[data-testid="stSidebar"]').get_by_text("简体中文", exact=True).click()
    wait_idle(page)
    visible(page.get_by_role("heading", name=zh("fu.title")), "the Chinese follow-up title")
    _choose_person(page, zh("cl.employee"), "杨磊 (E006)")
    chart = page.locator('[data-testid="stPlotlyChart"]')
    visible(chart, "the timeline chart")
    expect(chart.locator("svg .scatterlayer .trace").first).to_be_attached()
    assert_no_exception(page)
    shot(page, "coaching-3-follow-up-zh")

    page.locator('[data-testid="stSidebarNav"]').get_by_text(zh("nav.coaching_log")).click()
    wait_idle(page)
    visible(page.get_by_role("heading", name=zh("cl.title")), "the Chinese coaching log title")
    visible(page.get_by_role("heading", name=zh("cl.actions_header")), "the actions heading")
    assert_no_exception(page)
    shot(page, "coaching-4-log-zh")
