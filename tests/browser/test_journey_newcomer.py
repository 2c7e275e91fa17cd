"""A newcomer opens an empty Coachboard, loads the demo team, looks around, switches to Chinese."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import (
    RUN_S,
    alert,
    assert_no_exception,
    click_button,
    en,
    open_app,
    shot,
    visible,
    wait_idle,
    zh,
)

DEMO_ROSTER = 28  # demo.py: director D01, leads M01-M03, agents E001-E024
DEMO_MEASURED = 24  # the agents: the only ones with metric values


def test_newcomer_loads_demo_and_switches_to_chinese(page, app_server):
    open_app(page, app_server)
    visible(page.get_by_role("heading", name=en("overview.title")), "the overview title")
    alert(page, en("overview.empty"), "the 'database is empty' note")
    visible(page.get_by_role("button", name=en("overview.load_demo")), "the 'Load demo data' button")
    assert_no_exception(page)
    shot(page, "newcomer-1-empty")

    click_button(page, en("overview.load_demo"))
    demo_loaded = re.escape(en("overview.demo_loaded", rows="@")).replace("@", r"\d+")
    alert(page, re.compile(demo_loaded), "the 'Demo data loaded' message", RUN_S)
    employees = page.locator('[data-testid="stMetric"]').filter(has_text=en("head.people"))
    visible(employees, "the People measured KPI tile")
    expect(employees.locator('[data-testid="stMetricValue"]')).to_have_text(str(DEMO_MEASURED))
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text(
        f"{DEMO_ROSTER} people in the roster")
    for tile in ("facts.teams", "facts.metrics", "head.sessions"):
        value = page.locator('[data-testid="stMetric"]').filter(has_text=en(tile)).locator(
            '[data-testid="stMetricValue"]')
        expect(value, f"the {en(tile)} tile shows no positive number").to_have_text(
            re.compile(r"^\s*[1-9]\d*\s*$"))

    chart = page.locator('[data-testid="stPlotlyChart"]')
    visible(chart, "the team trend chart")
    lines = chart.locator("svg .scatterlayer .trace path.js-line")
    visible(lines, "a drawn line in the team trend chart")
    assert any(len(d or "") > 10 for d in (ln.get_attribute("d") for ln in lines.all())), (
        "every trace path of the trend chart is empty")
    assert_no_exception(page)
    shot(page, "newcomer-2-demo-loaded")

    page.locator('[data-testid="stSidebar"]').get_by_text("简体中文", exact=True).click()
    wait_idle(page)
    visible(page.get_by_role("heading", name=zh("overview.title")), "the Chinese overview title")
    visible(page.locator('[data-testid="stMetric"]').filter(has_text=zh("head.people")),
            "the Chinese People measured tile")
    visible(page.locator('[data-testid="stPlotlyChart"] svg .scatterlayer .trace path.js-line'),
            "a drawn line in the Chinese trend chart")
    assert_no_exception(page)
    shot(page, "newcomer-3-chinese")
