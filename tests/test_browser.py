"""The web app in a real browser (Debian's chromium through Playwright), over the demo corpus plus hostile pages.

Every test watches its page: a dialog, a console error, an uncaught script error, a CSP violation or a request
leaving the test server fails it. What is checked is what a reader sees and does: columns, a click that lands
on a highlighted sentence, a search, the ingest form, and hostile page text that stays text.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser_support import (
    HOSTILE_IDS,
    Watched,
    build_database,
    fictional_upload,
    launch_chromium,
    serve,
    watch,
)
from tests.conftest import database_copy
from tests.helpers import run_cli

pytestmark = pytest.mark.network

TOKEN = "browser-test-token-" + uuid.uuid4().hex


# --- fixtures ------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory, module_db_url: str) -> Iterator[tuple[str, str]]:
    """The demo corpus plus the hostile pages, once per backend, and a copy for the server whose test adds a page.

    The copy is taken at once: PostgreSQL copies a database only while nothing else is connected to it.
    """
    database = build_database(tmp_path_factory.mktemp("browser"), module_db_url)
    with database_copy(database, tmp_path_factory.mktemp("token")) as copy:
        yield database, copy


@pytest.fixture(scope="module")
def database(databases: tuple[str, str]) -> str:
    return databases[0]


@pytest.fixture(scope="module")
def stories(database: str) -> list[dict[str, Any]]:
    """The stories as the CLI lists them (with their articles), to know what the pages must show."""
    return run_cli("stories", "--db", database, "--json").json()


@pytest.fixture(scope="module")
def articles(database: str) -> dict[str, dict[str, Any]]:
    return {a["id"]: a for a in run_cli("articles", "--db", database, "--json").json()}


@pytest.fixture(scope="module")
def site(database: str) -> Iterator[str]:
    """The app without a token: read-only."""
    with serve(database) as url:
        yield url


@pytest.fixture(scope="module")
def token_site(databases: tuple[str, str]) -> Iterator[str]:
    """The app with a token, on its own copy of the database (its test adds a page)."""
    with serve(databases[1], TOKEN) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield watch(context.new_page())
    finally:
        context.close()


def visit(watched: Watched, url: str) -> Page:
    """Go to `url`, which must answer 200 and leave the page quiet."""
    response = watched.page.goto(url)
    assert response is not None and response.status == 200, (url, response and response.status)
    watched.assert_quiet()
    return watched.page


def biggest(stories: list[dict[str, Any]]) -> dict[str, Any]:
    return max(stories, key=lambda s: len(s["articles"]))


def hostile_story(stories: list[dict[str, Any]]) -> dict[str, Any]:
    return next(s for s in stories if any(a["id"] in HOSTILE_IDS for a in s["articles"]))


def normalised(text: str) -> str:
    """Text without its outer quotation marks: a statement is shown in curly quotes, and a sentence cut from a longer
    quotation with the mark its neighbour sentence holds."""
    return " ".join(text.split()).strip('\u201c\u201d"')


# --- reading -------------------------------------------------------------------------------------------------
def test_story_page_shows_the_outlets_as_columns(site: str, watched: Watched, stories: list[dict[str, Any]]) -> None:
    story = biggest(stories)
    page = visit(watched, f"{site}/stories/{story['id']}")
    columns = page.locator("section.comparison th[data-outlet]")
    shown = {columns.nth(i).get_attribute("data-outlet") for i in range(columns.count())}
    assert len(story["outlets"]) == 5
    assert shown == set(story["outlets"])
    # Each statement stands in its own outlet's column: the cell's outlet wrote the article it links to.
    placed = page.locator("section.comparison td[data-outlet] a.statement").evaluate_all(
        "links => links.map(a => [a.closest('td').dataset.outlet, a.getAttribute('href')])"
    )
    outlet_of = {a["id"]: a["outlet"] for a in story["articles"]}
    assert placed
    for outlet, href in placed:
        assert outlet_of[unquote(href.split("/")[2].split("#")[0])] == outlet, (outlet, href)
    assert page.locator("section.headlines").is_visible()
    assert page.locator("section.timeline").count() == 1
    for article in story["articles"]:  # every headline is on the page, as text
        assert normalised(article["title"]) in normalised(page.locator("section.headlines").inner_text())


def test_clicking_a_statement_highlights_its_sentence(
    site: str, watched: Watched, stories: list[dict[str, Any]]
) -> None:
    story = biggest(stories)
    page = visit(watched, f"{site}/stories/{story['id']}")
    statement = page.locator("section.comparison a.statement").first
    href = statement.get_attribute("href") or ""
    found = re.fullmatch(r"/articles/([^#/]+)#(s-\d+)", href)
    assert found, href
    article_id, anchor = found.groups()
    assert article_id in {a["id"] for a in story["articles"]}
    said = normalised(statement.inner_text())

    statement.click()
    page.wait_for_url(re.compile(rf"/articles/{re.escape(article_id)}#{anchor}$"))
    watched.assert_quiet()
    target = page.locator(f"span.sentence#{anchor}")
    assert target.evaluate("element => element === document.querySelector(':target')")
    assert normalised(target.inner_text()) == said
    other = page.locator(f"span.sentence:not(#{anchor})").first
    background = "element => getComputedStyle(element).backgroundColor"
    assert target.evaluate(background) != other.evaluate(background)
    assert target.evaluate(background) not in ("rgba(0, 0, 0, 0)", "transparent")


def test_every_statement_links_to_its_own_sentence(site: str, watched: Watched, stories: list[dict[str, Any]]) -> None:
    story = biggest(stories)
    page = visit(watched, f"{site}/stories/{story['id']}")
    # textContent: a link in a collapsed section (close pairs) has no rendered text, but links all the same
    statements = page.locator("section.comparison a.statement").evaluate_all(
        "links => links.map(a => [a.getAttribute('href'), a.textContent])"
    )
    by_article: dict[str, list[tuple[str, str]]] = {}
    for href, text in statements:
        path, anchor = href.split("#")
        by_article.setdefault(path, []).append((anchor, normalised(text)))
    for path, wanted in by_article.items():
        page = visit(watched, f"{site}{path}")
        sentences = dict(page.locator("span.sentence").evaluate_all("spans => spans.map(s => [s.id, s.innerText])"))
        for anchor, text in wanted:
            sentence = normalised(sentences.get(anchor, ""))
            if "\u2026" in text:  # a statement an earlier fact showed in full: a few of its words ("as in 2")
                assert text.strip("\u2026\u201c\u201d") in sentence, (path, anchor)
            else:
                assert sentence == text, (path, anchor)


def test_search_finds_an_article_by_a_word_only_in_its_body(
    site: str, watched: Watched, stories: list[dict[str, Any]], articles: dict[str, dict[str, Any]]
) -> None:
    word, story_id = _body_only_word(stories, articles)
    page = visit(watched, f"{site}/")
    form = page.locator('form[role="search"]')
    form.locator('input[name="q"]').fill(word)
    with page.expect_navigation():
        form.locator('input[name="q"]').press("Enter")
    watched.assert_quiet()
    assert f"q={word}" in page.url
    listed = page.locator("ol.stories li.story")
    ids = {listed.nth(i).get_attribute("data-story-id") for i in range(listed.count())}
    assert story_id in ids
    assert len(ids) < len(stories)  # the search filtered: some story does not mention the word


def _body_only_word(stories: list[dict[str, Any]], articles: dict[str, dict[str, Any]]) -> tuple[str, str]:
    """A word of one story's bodies that is in no title and in no other story: found only by a body search."""

    def words(text: str) -> set[str]:
        return set(re.findall(r"[a-z]{7,}", text.casefold()))

    titles = set().union(*(words(a["title"] or "") for a in articles.values()))
    by_story = {s["id"]: set().union(*(words(articles[a["id"]]["body"]) for a in s["articles"])) for s in stories}
    for story in sorted(stories, key=lambda s: s["id"]):
        others = set().union(*(w for sid, w in by_story.items() if sid != story["id"]))
        candidates = sorted(by_story[story["id"]] - titles - others)
        if candidates and not any(a["id"] in HOSTILE_IDS for a in story["articles"]):
            return candidates[0], story["id"]
    raise AssertionError("the demo corpus has no word only in one story's bodies")


# --- hostile pages -------------------------------------------------------------------------------------------
def test_hostile_pages_run_no_script(site: str, watched: Watched, stories: list[dict[str, Any]]) -> None:
    story = hostile_story(stories)
    urls = [f"{site}/", f"{site}/stories/{story['id']}", *(f"{site}/articles/{i}" for i in HOSTILE_IDS)]
    for url in urls:
        page = visit(watched, url)
        page.wait_for_load_state("load")  # a live <img src=x onerror> would have fired by now
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert watched.live_attributes() == [], url
        assert "<script>window.__pwned=1;alert(1)</script>" in page.inner_text("body"), url  # shown, as text
    watched.assert_quiet()


def test_hostile_outlet_pages_run_no_script(site: str, watched: Watched, stories: list[dict[str, Any]]) -> None:
    page = visit(watched, f"{site}/outlets")
    links = page.locator('a[href^="/outlets/"]', has_text="Quillmere")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) == 2, hrefs
    for href in hrefs:
        page = visit(watched, f"{site}{href}")
        assert page.evaluate("typeof window.__pwned") == "undefined", href
        assert watched.live_attributes() == [], href
        assert "Quillmere" in page.locator("h1").inner_text(), href


# --- adding pages --------------------------------------------------------------------------------------------
def test_ingest_form_adds_a_page_when_a_token_is_set(token_site: str, watched: Watched) -> None:
    marker = "zephyrine" + uuid.uuid4().hex[:6]
    page = visit(watched, f"{token_site}/login")
    page.locator('form[action="/login"] input[name="token"]').fill(TOKEN)
    with page.expect_navigation():
        page.locator('form[action="/login"] [type="submit"]').click()
    watched.assert_quiet()

    page = visit(watched, f"{token_site}/")
    with page.expect_navigation():
        page.locator('a[href="/ingest"]').first.click()
    form = page.locator('form:has(input[name="files"])')
    assert form.locator('input[name="csrf_token"]').count() == 1
    form.locator('input[name="files"]').set_input_files(
        [{"name": "orchard.jsonl", "mimeType": "application/x-ndjson", "buffer": fictional_upload(marker)}]
    )
    form.locator('textarea[name="urls"]').fill("http://127.0.0.1:9/private")  # refused: a private address
    with page.expect_navigation():
        form.locator('[type="submit"]').click()
    found = re.search(r"/jobs/([^/?#]+)$", page.url)
    assert found, page.url
    job = _finished_job(page, token_site, found.group(1))
    assert job["article_ids"] == [f"upload-{marker}"], job
    page.reload()
    watched.assert_quiet()
    errors = page.locator("li.input-error")
    assert errors.count() == 1 and "127.0.0.1" in errors.inner_text()

    page = visit(watched, f"{token_site}/?q={marker}")
    with page.expect_navigation():
        page.locator("ol.stories a.story-link").first.click()
    assert "Brindle orchard opens" in page.locator("section.headlines").inner_text()
    page = visit(watched, f"{token_site}/articles/upload-{marker}")
    assert marker in page.locator("body").inner_text()


def _finished_job(page: Page, site: str, job_id: str) -> dict[str, Any]:
    """Poll the job's JSON twin (with the page's session) until the job has ended."""
    for _ in range(300):
        response = page.request.get(f"{site}/api/jobs/{job_id}")
        assert response.status == 200, response.status
        job: dict[str, Any] = response.json()
        if job["state"] not in ("queued", "running"):
            assert job["state"] == "done", job
            return job
        page.wait_for_timeout(100)
    raise AssertionError(f"job {job_id} did not finish")


def test_ingest_form_is_absent_without_a_token(site: str, watched: Watched, stories: list[dict[str, Any]]) -> None:
    story = biggest(stories)
    for path in ("/", f"/stories/{story['id']}", f"/articles/{story['articles'][0]['id']}", "/outlets"):
        page = visit(watched, f"{site}{path}")
        assert page.locator('a[href*="ingest"], form[action*="ingest"], input[name="files"]').count() == 0, path
    assert watched.page.request.get(f"{site}/ingest").status == 404
    assert watched.page.request.post(f"{site}/ingest", form={"urls": "https://a.example/"}).status in (403, 404)


# --- content security policy ---------------------------------------------------------------------------------
def test_every_page_keeps_its_content_security_policy(
    site: str, watched: Watched, stories: list[dict[str, Any]]
) -> None:
    story = biggest(stories)
    outlet = story["outlets"][0]
    paths = [
        "/",
        "/?q=ferry&language=en",
        f"/stories/{story['id']}",
        f"/articles/{story['articles'][0]['id']}",
        "/outlets",
        f"/outlets/{outlet}",
        "/docs",
    ]
    for path in paths:
        response = watched.page.goto(f"{site}{path}")
        assert response is not None and response.status == 200, path
        policy = response.headers.get("content-security-policy", "")
        script_source = _directive(policy, "script-src") or _directive(policy, "default-src")
        assert script_source and "'unsafe-inline'" not in script_source, (path, policy)
        watched.page.wait_for_load_state("load")
        watched.assert_quiet()

    # Enforced, not only sent: a script the page did not ship is refused, and the browser says so.
    ran = watched.page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
        " document.body.append(s); return typeof window.__inline; }"
    )
    assert ran == "undefined"
    watched.page.wait_for_function("window.__cspViolations.length > 0")
    assert any("script-src" in v for v in watched.csp_violations())


def _directive(policy: str, name: str) -> str | None:
    for part in policy.split(";"):
        words = part.split()
        if words and words[0] == name:
            return " ".join(words[1:])
    return None


def test_reading_needs_no_javascript(site: str, browser: Browser, stories: list[dict[str, Any]]) -> None:
    """The issue's promise: with JavaScript off, the stories list, a story and an article still read."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        story = biggest(stories)
        page.goto(f"{site}/")
        assert page.locator(f'li.story[data-story-id="{story["id"]}"] a.story-link').count() == 1
        page.goto(f"{site}/stories/{story['id']}")
        href = page.locator("section.comparison a.statement").first.get_attribute("href") or ""
        page.goto(f"{site}{href}")
        assert page.locator(f"span.sentence#{href.rsplit('#', 1)[1]}").count() == 1
    finally:
        context.close()
