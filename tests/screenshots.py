"""`python -m tests.screenshots`: the README's pictures of the web app, retaken from the demo corpus.

Writes docs/screenshots/stories.png (the stories page) and docs/screenshots/story.png (the demo's biggest story)
at 1280 px wide, through the same real app, database and chromium the browser tests use (tests/browser_support.py).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser_support import build_database, launch_chromium, serve
from tests.conftest import REPO
from tests.helpers import run_cli

OUTPUT = REPO / "docs" / "screenshots"
WIDTH = 1280
MAX_HEIGHT = 2400  # a story page can run long: the picture shows its top, which is what a reader sees first


def main() -> int:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = build_database(Path(folder), hostile=False)
        stories = run_cli("stories", "--db", db, "--json").json()
        biggest = max(stories, key=lambda s: len(s["articles"]))
        with serve(db) as site, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": WIDTH, "height": 900})
            for name, path in (("stories", "/"), ("story", f"/stories/{biggest['id']}")):
                page.goto(site + path)
                page.wait_for_load_state("load")
                height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
                target = OUTPUT / f"{name}.png"
                page.screenshot(
                    path=str(target), full_page=True, clip={"x": 0, "y": 0, "width": WIDTH, "height": height}
                )
                print(f"wrote {target.relative_to(REPO)} ({WIDTH}x{height})")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
