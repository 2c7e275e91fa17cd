"""Screenshots of every page, in English and Chinese, at 1440 px and at a phone's 390 px.

    python tools/screens.py [--db PATH] [--pages overview,board] [--out artifacts/screens]
                            [--wait SECONDS]

Without ``--db`` the demo is loaded into a new database. The app runs in local mode on a free
port; Debian's Chromium takes the pictures (``make system-deps``). Look at every picture: cut
labels, cut columns, English in Chinese mode, ``None`` cells and raw codes are bugs.
``--wait`` is how long one page may take to draw (a loaded machine needs more than the tests'
default).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "browser")]

from helpers import RUN_S, shot, wait_idle  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from i18n import t  # noqa: E402
from ui.navigation import SECTIONS  # noqa: E402

WIDTHS = (1440, 390)


def _server(db: Path):
    """``streamlit run app.py`` on a free port; returns (process, url)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", f"--server.port={port}",
         "--server.headless=true", "--browser.gatherUsageStats=false",
         # an edit in the checkout meanwhile would leave "Source file changed" up for good
         "--server.fileWatcherType=none"],
        cwd=REPO, env={**_env(), "COACHBOARD_DB": str(db)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return proc, f"http://localhost:{port}"


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "COACHBOARD_AUTH"}


def _pages(wanted: set[str] | None):
    for specs in SECTIONS.values():
        for spec in specs:
            if wanted is None or spec.url in wanted:
                yield spec


def take(db: Path, out: Path, wanted: set[str] | None, wait_s: float) -> list[Path]:
    """Every wanted page in both languages and both widths; returns the files written."""
    proc, url = _server(db)

    def idle() -> None:
        wait_idle(page, wait_s)

    files: list[Path] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                         args=["--no-sandbox", "--disable-gpu",
                                               "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            _wait_up(page, url, wait_s)
            for lang in ("en", "zh"):
                if lang == "zh":
                    page.get_by_text("简体中文").first.click()
                    idle()
                for spec in _pages(wanted):
                    if not _open(page, t(spec.title, lang), wait_s):
                        continue  # not this viewer's page (the employee's own page)
                    idle()
                    for width in WIDTHS:
                        page.set_viewport_size({"width": width, "height": 900})
                        idle()
                        name = f"{spec.url}-{lang}-{width}"
                        files.append(shot(page, name))
                    page.set_viewport_size({"width": 1440, "height": 900})
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    out.mkdir(parents=True, exist_ok=True)
    moved = []
    for f in files:
        target = out / f.name
        if target != f:
            f.replace(target)
        moved.append(target)
    return moved


def _open(page, title: str, wait_s: float) -> bool:
    """Click the menu link ``title``; Streamlit folds a long menu behind "View n more"."""
    link = page.get_by_role("link", name=title).first
    more = page.get_by_test_id("stSidebarNavViewButton")
    if not link.is_visible() and more.count() and "more" in more.inner_text().lower():
        more.click()
        wait_idle(page, wait_s)
    if not link.is_visible():
        return False
    link.click()
    return True


def _wait_up(page, url: str, wait_s: float) -> None:
    for _ in range(120):
        try:
            page.goto(url, wait_until="domcontentloaded")
            wait_idle(page, wait_s)
            return
        except Exception:  # the server is still starting
            time.sleep(0.5)
    raise SystemExit(f"the app never answered at {url}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--pages", help="comma-separated page urls (default: all)")
    ap.add_argument("--out", type=Path, default=REPO / "artifacts" / "screens")
    ap.add_argument("--wait", type=float, default=RUN_S,
                    help=f"seconds one page may take to draw (default {RUN_S:g})")
    args = ap.parse_args()
    wanted = set(args.pages.split(",")) if args.pages else None
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "demo.duckdb"
            subprocess.run([sys.executable, "cli.py", "demo", "--db", str(db)], cwd=REPO,
                           check=True, stdout=subprocess.DEVNULL)
        for f in take(db, args.out, wanted, args.wait):
            print(f)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
