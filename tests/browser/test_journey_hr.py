"""HR opens 'Does coaching work?' on the demo data, reads the figures, then narrows the window."""

import json
import subprocess
import sys

from playwright.sync_api import expect

from i18n.numbers import percent
from tests.browser.helpers import (
    REPO,
    assert_no_exception,
    en,
    open_app,
    shot,
    visible,
    wait_idle,
)


def cli_figures(db, *args: str) -> dict:
    done = subprocess.run([sys.executable, "cli.py", "impact", "--db", str(db), "--format",
                           "json", *args], cwd=REPO, capture_output=True, text=True, timeout=120,
                          check=True)
    return json.loads(done.stdout)


def tile(page, key: str):
    return page.locator('[data-testid="stMetric"]').filter(has_text=en(key)).locator(
        '[data-testid="stMetricValue"]')


def test_hr_reads_impact_and_changes_the_window(page, start_app, seed_db, tmp_path):
    db = tmp_path / "demo.duckdb"
    seed_db(db, "demo")
    whole, late = cli_figures(db), cli_figures(db, "--from", "2025-09-05")
    server = start_app(db=db)
    open_app(page, server, "impact")
    visible(page.get_by_role("heading", name=en("impact.title")), "the impact page title")
    expect(tile(page, "impact.pearson")).to_have_text(f"{whole['correlation']['pearson_r']:.2f}")
    expect(tile(page, "impact.n")).to_have_text(str(whole["correlation"]["n"]))
    # the 24 agents measured, all coached; not 24 of 27 with the leads
    heads = whole["headcount"]
    assert (heads["coached"], heads["people"]) == (24, 24)
    expect(tile(page, "impact.coverage_all")).to_have_text(percent(heads["coverage"]))
    visible(page.get_by_text(en("impact.cannot_prove")), "the 'cannot prove' sentence")
    charts = page.locator('[data-testid="stPlotlyChart"]')
    expect(charts, "three charts (scatter, event study, compliance)").to_have_count(3)
    visible(charts.first.locator("svg .scatterlayer .trace path.point"), "the scatter's points")
    assert_no_exception(page)
    shot(page, "hr-1-impact-demo")

    # Move the start of the period 60 days later with the keyboard (one day per arrow press).
    thumb = page.locator('[data-testid="stSlider"]').filter(
        has_text=en("impact.period")).get_by_role("slider").first
    thumb.focus()
    for _ in range(60):
        thumb.press("ArrowRight")
    wait_idle(page)
    visible(page.get_by_text("2025-09-05", exact=False), "the new start date 2025-09-05")
    expect(tile(page, "impact.pearson")).to_have_text(f"{late['correlation']['pearson_r']:.2f}")
    assert late["correlation"]["pearson_r"] != whole["correlation"]["pearson_r"]
    assert_no_exception(page)
    shot(page, "hr-2-impact-late-window")
