"""What a journey does with the page: open, wait, click, choose, upload, look, photograph.

Every wait has an explicit timeout and fails with a sentence naming what never happened.
Texts come from i18n.texts (English), so a reworded label changes one place.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from i18n.texts import TEXTS

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "artifacts" / "screenshots"

APPEAR_S = 15  # an element the current script run renders
RUN_S = 60  # a whole script run (the demo load, an import)


def en(key: str, **params: object) -> str:
    """The English UI text of ``key`` (from i18n/texts.py), with params filled in."""
    text = TEXTS[key][0]
    return text.format(**params) if params else text


def zh(key: str, **params: object) -> str:
    """The Chinese UI text of ``key``."""
    text = TEXTS[key][1]
    return text.format(**params) if params else text


def pattern(key: str, **fixed: object) -> re.Pattern[str]:
    """A regex of the English text of ``key``: ``fixed`` params literal, the others anything."""
    text = TEXTS[key][0]
    out, pos = [], 0
    for m in re.finditer(r"\{(\w+)\}", text):
        out.append(re.escape(text[pos : m.start()]))
        name = m.group(1)
        out.append(re.escape(str(fixed[name])) if name in fixed else ".+?")
        pos = m.end()
    out.append(re.escape(text[pos:]))
    return re.compile("".join(out))


def visible(locator: Locator, what: str, timeout_s: float = APPEAR_S) -> Locator:
    """Wait until ``locator`` is visible; fail with "X never appeared" otherwise."""
    expect(locator.first, f"{what} never appeared (waited {timeout_s:g} s)").to_be_visible(
        timeout=timeout_s * 1000
    )
    return locator


def wait_idle(page: Page, timeout_s: float = RUN_S) -> None:
    """Wait until Streamlit is connected and no script run is running or pending."""
    # A click reaches the server as a rerun request a few ms later: give it time to start,
    # then wait until the app says it is done.
    page.wait_for_timeout(250)
    app = page.locator('[data-testid="stApp"]')
    visible(app, 'the Streamlit app ([data-testid="stApp"])', timeout_s)
    expect(app, "Streamlit never connected to its server").to_have_attribute(
        "data-test-connection-state", "CONNECTED", timeout=timeout_s * 1000
    )
    expect(app, f"the script run did not finish within {timeout_s:g} s").to_have_attribute(
        "data-test-script-state", "notRunning", timeout=timeout_s * 1000
    )
    expect(
        page.locator('[data-testid="stStatusWidget"]'),
        f"the 'Running…' indicator did not go away within {timeout_s:g} s",
    ).to_have_count(0, timeout=timeout_s * 1000)


def open_app(page: Page, server: object, path: str = "") -> None:
    """Go to ``server.url/path``, wait until the first run has finished, expect no dialog.

    A dialog on arrival (e.g. Streamlit's "Page not found") makes the rest of the page inert:
    fail here with its text instead of later with a click timeout.
    """
    page.goto(f"{server.url}/{path.lstrip('/')}", wait_until="domcontentloaded")
    wait_idle(page)
    dialog = page.get_by_role("dialog")
    if dialog.count():
        texts = " / ".join(" ".join(t.split()) for t in dialog.all_inner_texts())
        raise AssertionError(f"opening /{path.lstrip('/')} shows a dialog: {texts!r}")


def assert_no_exception(page: Page) -> None:
    """Fail if the page shows a Streamlit exception box or any traceback text."""
    expect(page.locator('[data-testid="stException"]'),
           "the page shows a Streamlit exception").to_have_count(0)
    expect(page.get_by_text("Traceback"), "the page shows a traceback").to_have_count(0)


def shot(page: Page, name: str) -> Path:
    """Full-page screenshot into artifacts/screenshots/<name>.png (git-ignored).

    Streamlit scrolls inside its main container, not the document, so a "full page"
    screenshot alone shows one viewport: grow the viewport to the content, then restore it.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}.png"
    size = page.viewport_size or {"width": 1400, "height": 900}
    content = page.evaluate(
        """() => Math.max(...['[data-testid="stMain"]', '[data-testid="stSidebarContent"]']
               .map(s => document.querySelector(s)).filter(Boolean).map(e => e.scrollHeight))"""
    )
    tall = min(max(int(content), size["height"]), 10_000)
    if tall > size["height"]:
        page.set_viewport_size({"width": size["width"], "height": tall})
        page.wait_for_timeout(300)  # let the charts and grids re-layout
    try:
        page.screenshot(path=str(target), full_page=True)
    finally:
        if tall > size["height"]:
            page.set_viewport_size(size)
            page.wait_for_timeout(100)
    return target


def click_button(page: Page, text: str, timeout_s: float = APPEAR_S) -> None:
    """Click the button labelled exactly ``text`` and wait for the rerun to finish."""
    button = page.get_by_role("button", name=text, exact=True)
    visible(button, f"the button {text!r}", timeout_s)
    expect(button.first, f"the button {text!r} stays disabled").to_be_enabled(
        timeout=timeout_s * 1000
    )
    button.first.click()
    wait_idle(page)


def selectbox(page: Page, label: str) -> Locator:
    """The select box whose label is exactly ``label``."""
    label_re = re.compile(rf"^\s*{re.escape(label)}\s*$")
    return page.locator('[data-testid="stSelectbox"]').filter(
        has=page.locator('[data-testid="stWidgetLabel"]').filter(has_text=label_re)
    )


def choose_selectbox(page: Page, label: str, option: str, timeout_s: float = APPEAR_S) -> None:
    """Open the select box labelled ``label`` and pick the option shown as ``option``."""
    box = selectbox(page, label)
    visible(box, f"the select box {label!r}", timeout_s)
    expect(box, f"more than one select box is labelled {label!r}").to_have_count(1)
    box.get_by_role("combobox").click()
    choice = page.get_by_role("option", name=option, exact=True)
    visible(choice, f"the option {option!r} of the select box {label!r}", timeout_s)
    choice.first.click()
    wait_idle(page)
    expect_selected(page, label, option, timeout_s)


def expect_selected(page: Page, label: str, option: str, timeout_s: float = APPEAR_S) -> None:
    """Fail unless the select box labelled ``label`` shows ``option`` as its value."""
    box = selectbox(page, label)
    visible(box, f"the select box {label!r}", timeout_s)
    # The chosen option is the value of the box's combobox input, not text of the page.
    expect(box.get_by_role("combobox"), f"the select box {label!r} does not show {option!r}"
           ).to_have_value(option, timeout=timeout_s * 1000)


def upload_file(page: Page, path: Path | str, timeout_s: float = APPEAR_S) -> None:
    """Give ``path`` to the (only) file uploader and wait for the rerun it causes."""
    target = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    if target.count() == 0:
        target = page.locator('input[type="file"]')
    expect(target.first, f"no file uploader appeared (waited {timeout_s:g} s)").to_be_attached(
        timeout=timeout_s * 1000
    )
    target.first.set_input_files(str(path))
    name = Path(path).name
    # The chip shortens long names ("weekly-...errors.csv"); its remove button has the full one.
    chip = page.locator('[data-testid="stFileChip"]').filter(
        has=page.get_by_role("button", name=f"Remove {name}", exact=True)
    )
    visible(chip, f"the uploaded file {name!r} in the uploader", timeout_s)
    wait_idle(page)


def alert(page: Page, text: str | re.Pattern[str], what: str,
          timeout_s: float = RUN_S) -> Locator:
    """The alert box (success/info/warning/error) containing ``text``, once visible."""
    box = page.locator('[data-testid="stAlert"]').filter(has_text=text)
    return visible(box, what, timeout_s)


def grid(page: Page, column: str, timeout_s: float = APPEAR_S) -> Locator:
    """The first st.dataframe with a column headed ``column``, once visible.

    The grid draws on a canvas; inside the canvas an accessible <table> mirrors the cells
    on screen as text (not "visible" to Playwright, but its text is readable).
    """
    header = page.locator('th[role="columnheader"]').filter(
        has_text=re.compile(rf"^\s*{re.escape(column)}\s*$")
    )
    frame = page.locator('[data-testid="stDataFrame"]').filter(has=header).first
    return visible(frame, f"the table with a {column!r} column", timeout_s)


def grid_column(frame: Locator, column: str) -> list[str]:
    """The texts of one column of an st.dataframe (the rows the grid has rendered)."""
    headers = [h.strip() for h in frame.locator('th[role="columnheader"]').all_text_contents()]
    assert column in headers, f"the table has no {column!r} column, only {headers}"
    index = headers.index(column) + 1
    cells = frame.locator(f'td[role="gridcell"][aria-colindex="{index}"]')
    return [c.strip() for c in cells.all_text_contents()]
