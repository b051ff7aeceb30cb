"""The web app and JSON API over a database built by the real `manysides ingest`: every page and its JSON twin,
hostile page text shown as text, security headers, and adding pages only with a token."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote
from urllib.request import urlopen

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from manysides.records.report import Report
from manysides.schemas import SCHEMA_DIR, render
from manysides.web import create_app
from manysides.web.security import CONTENT_SECURITY_POLICY
from tests.conftest import sqlite_url
from tests.helpers import run_cli, two_outlet_jsonl

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_URL = "javascript:alert(1)"
HOSTILE_OUTLET = f"Evil {SCRIPT} Gazette [/]"
HOSTILE_ID = "evil-[/]-1"
TOKEN = "correct horse battery staple"


def hostile_rows() -> list[dict[str, Any]]:
    """Two fictional reports of one event whose every field tries to inject markup or a script URL."""
    body = (
        f"The Tarrow dam spillway opened on Tuesday after heavy rain, the river authority said {SCRIPT}.\n\n"
        f"Officials said 300 residents left their homes near the spillway {IMG}. [/] {JS_URL}"
    )
    return [
        {
            "id": HOSTILE_ID,
            "url": JS_URL,
            "outlet": HOSTILE_OUTLET,
            "published": "2025-04-01T08:00:00",
            "title": f"Tarrow dam spillway opens {SCRIPT} {IMG}",
            "authors": [f"Mallory {IMG}"],
            "text": body,
        },
        {
            "id": "evil-2",
            "url": f"https://evil.example/{IMG}",
            "outlet": "Plain Courier",
            "published": "2025-04-01T09:30:00",
            "title": f"Spillway opened at Tarrow dam [/] {JS_URL}",
            "authors": ["Ann Author"],
            "text": "The spillway of the Tarrow dam was opened on Tuesday after heavy rain, according to the river "
            f"authority.\n\nAbout 300 residents were moved from homes near the spillway. {SCRIPT}",
        },
    ]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path, module_db_url: str) -> str:
    """The demo corpus and the hostile rows, once per backend: every reading test runs on SQLite and PostgreSQL."""
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text("\n".join(json.dumps(row) for row in hostile_rows()) + "\n", encoding="utf-8")
    run = run_cli("ingest", demo_dir, hostile, "--db", module_db_url)
    assert run.exit_code == 0, run.stderr
    return module_db_url


@pytest.fixture(scope="module")
def client(demo_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(demo_db)) as test_client:
        yield test_client


def stories(client: TestClient, **params: str) -> list[dict[str, Any]]:
    return client.get("/api/stories", params=params).json()["stories"]


def story_of(client: TestClient, article_id: str) -> dict[str, Any]:
    return next(s for s in stories(client, limit="200") if any(a == article_id for a in story_ids(client, s["id"])))


def story_ids(client: TestClient, story_id: str) -> list[str]:
    return [a["id"] for a in client.get(f"/api/stories/{story_id}").json()["articles"]]


def biggest(client: TestClient) -> dict[str, Any]:
    return max(stories(client), key=lambda s: s["article_count"])


# --- reading -----------------------------------------------------------------------------------------------------


def test_stories_page_lists_every_story_with_links(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert '<form role="search" method="get" action="/"' in html
    for name in ('name="q"', 'name="outlet"', 'name="since"', 'name="until"', 'name="language"'):
        assert name in html
    listed = stories(client)
    assert len(listed) >= 4
    for story in listed:
        assert f'data-story-id="{story["id"]}"' in html
        assert f'<a class="story-link" href="/stories/{story["id"]}">' in html


def test_search_filters_and_paging(client: TestClient) -> None:
    found = stories(client, q="Eastgate terminal")  # words in bodies, not in any title
    assert [s["id"] for s in found] == [biggest(client)["id"]]
    assert stories(client, q="no such words anywhere") == []
    assert all("Northgate Wire" in s["outlets"] for s in stories(client, outlet="Northgate Wire"))
    assert stories(client, since="2030-01-01") == []
    assert stories(client, language="xx") == []
    first = client.get("/api/stories", params={"limit": "1"}).json()
    assert first["next"] == "/api/stories?limit=1&offset=1"
    second = client.get(first["next"]).json()
    assert second["stories"][0]["id"] != first["stories"][0]["id"]
    page = client.get("/", params={"limit": "1", "outlet": "Northgate Wire"}).text
    assert '<a rel="next" href="/?outlet=Northgate+Wire&amp;limit=1&amp;offset=1">' in page
    assert client.get("/api/stories", params={"since": "not-a-date"}).status_code == 400
    assert "not a date" in client.get("/", params={"since": "not-a-date"}).text


def test_story_page_shows_headlines_timeline_and_comparison_by_outlet(client: TestClient) -> None:
    story = biggest(client)
    html = client.get(f"/stories/{story['id']}").text
    for section in ('<section class="headlines"', '<section class="timeline"', '<section class="comparison"'):
        assert section in html
    assert '<table class="by-outlet">' in html
    for outlet in story["outlets"]:
        assert f'data-outlet="{outlet}"' in html
    assert "reported first" in html and "republishes" in html
    for part in ("part-conflicts", "part-shared", "part-unique", "part-framing", "part-cites", "part-entities"):
        assert f'id="{part}"' in html
    order = [html.index(f'id="part-{k}"') for k in ("conflicts", "shared", "unique", "framing", "cites", "entities")]
    assert order == sorted(order), "the report's order"
    links = re.findall(r'<a class="statement(?: headline)?" href="/articles/([^"#]+)#s-(\d+)"[^>]*>', html)
    assert len(links) > 20
    article_id, sentence = links[0]
    article = client.get(f"/articles/{article_id}").text
    assert f'<span class="sentence" id="s-{sentence}">' in article


def test_statement_numbers_are_the_articles_sentences(client: TestClient) -> None:
    story = biggest(client)
    report = client.get(f"/api/stories/{story['id']}/report").json()
    statement = next(s for f in report["facts"] for s in f["statements"] if s["sentence"] is not None)
    sentences = client.get(f"/api/articles/{quote(statement['article'], safe='')}").json()["sentences"]
    assert (
        sentences[statement["sentence"]]["text"] in statement["text"]
        or statement["text"] in (sentences[statement["sentence"]]["text"])
    )


def test_article_page_metadata_and_raw_download(client: TestClient) -> None:
    article_id = "cpa-20250614-0193"
    html = client.get(f"/articles/{article_id}").text
    assert "Lena Hartwig" in html and "2025-06-14T21:50:00+02:00" in html
    assert f'<a class="raw" href="/articles/{article_id}/raw"' in html
    story = client.get("/api/stories", params={"q": "Veyra ferry crews strike"}).json()["stories"][0]
    assert f'Part of the story <a class="story-link" href="/stories/{story["id"]}">' in html
    assert (
        '<a href="https://coastalpress.example/wire/2025/06/14/veyra-ferry-crews-strike-injured" '
        'rel="noopener noreferrer nofollow">' in html
    )
    raw = client.get(f"/articles/{article_id}/raw")
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("text/plain")
    assert raw.headers["content-disposition"].startswith("attachment;")
    assert b"Veyra" in raw.content
    data = client.get(f"/api/articles/{article_id}").json()
    assert data["article"]["id"] == article_id and data["sentences"][0]["index"] == 0


def test_outlet_pages_and_twins(client: TestClient) -> None:
    listed = client.get("/api/outlets").json()["outlets"]
    names = [o["name"] for o in listed]
    assert "Meridian Daily" in names
    html = client.get("/outlets").text
    for outlet in listed:
        assert f'href="{outlet["url"]}"' in html
    meridian = client.get("/outlets/Meridian%20Daily")
    assert meridian.status_code == 200 and "Ferry" in meridian.text
    profile = client.get("/api/outlets/Meridian%20Daily").json()
    assert profile["outlet"]["name"] == "Meridian Daily" and profile["stories"]


def test_report_json_follows_the_schema(client: TestClient) -> None:
    assert (SCHEMA_DIR / "report.schema.json").read_text(encoding="utf-8") == render("report")
    schema = json.loads(render("report"))
    data = client.get(f"/api/stories/{biggest(client)['id']}/report").json()
    assert set(schema["required"]) <= set(data) <= set(schema["properties"])
    report = Report.model_validate(data)  # the model the schema is generated from, extra keys forbidden
    assert report.facts and report.articles


def test_story_twin_and_docs(client: TestClient) -> None:
    story = biggest(client)
    data = client.get(f"/api/stories/{story['id']}").json()
    assert data["id"] == story["id"] and len(data["articles"]) == story["article_count"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/stories" in docs.text
    assert "/api/stories/{story_id}/report" in client.get("/openapi.json").json()["paths"]


@pytest.mark.parametrize(
    "path",
    [
        "/stories/s-nosuch",
        "/articles/nosuch",
        "/articles/nosuch/raw",
        "/outlets/No%20Such%20Outlet",
        "/api/stories/s-nosuch",
        "/api/stories/s-nosuch/report",
        "/api/articles/nosuch",
        "/api/outlets/nosuch",
        "/no/such/page",
    ],
)
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    if path.startswith("/api/"):
        assert response.json()["detail"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/stories?outlet=%00", 200),
        ("/api/stories?q=a%00b", 200),
        ("/api/stories?language=%00", 200),
        ("/api/stories?outlet=%ED%A0%80", 200),  # an encoded lone surrogate
        ("/api/stories?q=%ED%A0%80", 200),
        ("/?outlet=%00&q=%00", 200),
        ("/api/stories?outlet=" + "y" * 5000, 200),
        ("/api/stories?offset=99999999999999999999", 200),
        ("/api/articles/a%001", 404),
        ("/api/articles/%ED%A0%80", 404),
        ("/api/stories/s-%00", 404),
        ("/api/outlets/x%00y", 404),
        ("/articles/%00/raw", 404),
        ("/api/articles/" + "x" * 5000, 404),
        ("/api/outlets/" + "x" * 5000, 404),
    ],
)
def test_values_no_database_takes_are_answered_not_raised(client: TestClient, path: str, status: int) -> None:
    """NUL (PostgreSQL refuses it in text), lone surrogates (no UTF-8 database encodes them) and values longer than
    any column, in a filter or an id: an answer on both backends, never a server error."""
    assert client.get(path).status_code == status


# --- hostile pages and headers -------------------------------------------------------------------------------------


def hostile_pages(client: TestClient) -> dict[str, str]:
    story = story_of(client, HOSTILE_ID)
    hostile = quote(HOSTILE_ID, safe="")
    return {
        "/": client.get("/").text,
        "search": client.get("/", params={"q": SCRIPT}).text,
        "story": client.get(f"/stories/{story['id']}").text,
        "article": client.get(f"/articles/{hostile}").text,
        "article 2": client.get("/articles/evil-2").text,
        "outlets": client.get("/outlets").text,
        "outlet": client.get(f"/outlets/{quote(HOSTILE_OUTLET, safe='')}").text,
    }


def test_hostile_text_is_shown_escaped(client: TestClient) -> None:
    pages = hostile_pages(client)
    for name, html in pages.items():
        assert "<script>alert" not in html and "<img src=x" not in html, name
        assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.IGNORECASE), name
        assert "<script" not in html, f"{name}: no script element at all"
        assert " style=" not in html, f"{name}: no inline style"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["article"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages["article"]
    assert JS_URL in pages["article"]  # shown as text, never as a link
    assert "Tarrow dam spillway opens &lt;script&gt;" in pages["story"]
    assert 'href="/articles/evil-%5B%2F%5D-1"' in pages["story"]
    assert 'id="part-shared"' in pages["story"], "the hostile story is compared, not skipped"


def test_hostile_ids_and_outlets_round_trip(client: TestClient) -> None:
    hostile = quote(HOSTILE_ID, safe="")
    assert client.get(f"/api/articles/{hostile}").json()["article"]["outlet"] == HOSTILE_OUTLET
    assert client.get(f"/articles/{hostile}/raw").status_code == 200
    outlet = client.get(f"/api/outlets/{quote(HOSTILE_OUTLET, safe='')}").json()
    assert outlet["outlet"]["name"] == HOSTILE_OUTLET


@pytest.mark.parametrize("path", ["/", "/outlets", "/api/stories", "/static/app.css", "/nope", "/docs"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


# --- read-only without a token ---------------------------------------------------------------------------------------


def test_without_token_there_is_no_way_to_add_pages(client: TestClient) -> None:
    for path in ("/", "/outlets", f"/stories/{biggest(client)['id']}", "/articles/cpa-20250614-0193"):
        html = client.get(path).text
        assert 'href="/ingest"' not in html and 'action="/ingest"' not in html
    for path in ("/ingest", "/login", "/jobs/anything", "/api/jobs/anything"):
        assert client.get(path).status_code == 404, path
    assert client.post("/ingest", data={"urls": "https://example.com/"}).status_code == 404
    response = client.post(
        "/api/ingest", json={"urls": ["https://example.com/"]}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 404


# --- adding pages with a token ---------------------------------------------------------------------------------------


@pytest.fixture()
def served_pages(tmp_path: Path) -> Iterator[str]:
    """A local web server with one fictional article page: only reachable with --allow-private."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "story.html").write_text(
        "<html><head><title>Lantern festival draws record crowd</title>"
        '<meta property="og:site_name" content="Local Lantern"></head><body><article>'
        "<h1>Lantern festival draws record crowd</h1>"
        "<p>More than 40,000 visitors came to the Quillon lantern festival on Friday night, organisers said, "
        "a record for the event that began in 1987.</p>"
        "<p>The festival closed the old harbour road to traffic for the evening and ran extra ferries.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    handler = partial(SimpleHTTPRequestHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def token_client(db_url: str, **options: Any) -> TestClient:
    return TestClient(create_app(db_url, TOKEN, **options))


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "every form carries a CSRF token"
    return match.group(1)


def log_in(client: TestClient) -> str:
    """Log in through the form; returns the CSRF token of the ingest form."""
    form = client.get("/login")
    assert form.status_code == 200
    response = client.post("/login", data={"token": TOKEN, "csrf_token": csrf_of(form.text)}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/ingest"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    page = client.get("/ingest")
    assert '<textarea name="urls"' in page.text and '<input type="file" name="files" multiple>' in page.text
    return csrf_of(page.text)


def finished(client: TestClient, job_path: str, headers: dict[str, str] | None = None) -> dict[str, Any]:
    job_id = job_path.rstrip("/").rsplit("/", 1)[-1]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}", headers=headers or {}).json()
        if job["state"] not in ("queued", "running"):
            return job
        time.sleep(0.1)
    raise AssertionError("the job did not finish")


def test_login_needs_the_right_token_and_csrf(tmp_path: Path) -> None:
    """SQLite only: logging in never touches the database."""
    with token_client(sqlite_url(tmp_path)) as client:
        form = client.get("/login").text
        assert client.post("/login", data={"token": TOKEN}).status_code == 403
        assert client.post("/login", data={"token": TOKEN, "csrf_token": "forged"}).status_code == 403
        wrong = client.post("/login", data={"token": "guess", "csrf_token": csrf_of(form)}, follow_redirects=False)
        assert wrong.status_code == 401 and "Wrong token" in wrong.text
        assert client.get("/ingest", follow_redirects=False).headers["location"] == "/login"
        assert 'href="/ingest"' in client.get("/").text  # with a token the link exists
        log_in(client)
        assert "Log out" in client.get("/").text
        cookie = client.cookies["manysides_session"]
        client.cookies.clear()
        client.cookies.set("manysides_session", cookie.replace(".1.", ".0.", 1))  # tampered: signature fails
        assert client.get("/ingest", follow_redirects=False).headers["location"] == "/login"
        client.cookies.clear()
        client.cookies.set("manysides_session", cookie)
        assert client.get("/ingest").status_code == 200


@pytest.mark.network
def test_upload_and_url_list_are_ingested_in_a_job(db_url: str, demo_dir: Path, served_pages: str) -> None:
    with token_client(db_url, allow_private=True) as client:
        csrf = log_in(client)
        upload = (demo_dir / "articles.jsonl").read_bytes()
        no_csrf = client.post("/ingest", files=[("files", ("articles.jsonl", upload, "application/json"))])
        assert no_csrf.status_code == 403
        response = client.post(
            "/ingest",
            data={"csrf_token": csrf, "urls": f"{served_pages}/story.html\n/etc/passwd\n{served_pages}/missing.html"},
            files=[("files", ("articles.jsonl", upload, "application/json"))],
            follow_redirects=False,
        )
        assert response.status_code == 303 and response.headers["location"].startswith("/jobs/")
        job = finished(client, response.headers["location"])
        assert job["state"] == "done"
        assert job["counts"]["new"] >= 2 and job["stories_assigned"] >= 2
        assert any(line.startswith("/etc/passwd: not an http(s) URL") for line in job["errors"])
        assert any("missing.html" in line for line in job["errors"])
        assert not any("manysides-upload-" in line for line in job["errors"] + job["warnings"])
        page = client.get(response.headers["location"]).text
        assert '<li class="input-error">/etc/passwd: not an http(s) URL</li>' in page
        assert "Lantern festival draws record crowd" in client.get("/", params={"q": "lantern"}).text
        assert client.get("/articles/cpa-20250614-0193").status_code == 200


@pytest.mark.network
def test_private_addresses_are_refused_without_allow_private(db_url: str, served_pages: str) -> None:
    with token_client(db_url) as client:
        csrf = log_in(client)
        response = client.post("/ingest", data={"csrf_token": csrf, "urls": f"{served_pages}/story.html"})
        job = finished(client, str(response.url))
        assert job["counts"]["new"] == 0 and len(job["errors"]) == 1
        assert stories(client) == []


def test_uploads_over_the_limit_get_413(tmp_path: Path) -> None:
    """SQLite only: uploads over the limit are refused before any job or database work."""
    with token_client(sqlite_url(tmp_path), max_file_bytes=1000, max_request_bytes=5000) as client:
        csrf = log_in(client)
        file_too_big = client.post(
            "/ingest", data={"csrf_token": csrf}, files=[("files", ("big.html", b"x" * 2000, "text/html"))]
        )
        assert file_too_big.status_code == 413
        request_too_big = client.post(
            "/ingest", data={"csrf_token": csrf}, files=[("files", ("big.html", b"x" * 6000, "text/html"))]
        )
        assert request_too_big.status_code == 413
        assert request_too_big.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        streamed = client.post(  # no Content-Length: counted as it arrives
            "/api/ingest",
            content=chunked_upload(6),
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "multipart/form-data; boundary=b"},
        )
        assert streamed.status_code == 413 and "larger than" in streamed.json()["detail"]


def chunked_upload(kilobytes: int) -> Iterator[bytes]:
    yield b'--b\r\nContent-Disposition: form-data; name="files"; filename="a.html"\r\nContent-Type: text/html\r\n\r\n'
    for _ in range(kilobytes):
        yield b"x" * 1024
    yield b"\r\n--b--\r\n"


def test_api_ingest_takes_a_bearer_token(db_url: str, demo_dir: Path) -> None:
    with token_client(db_url) as client:
        files = [("files", ("articles.jsonl", (demo_dir / "articles.jsonl").read_bytes(), "application/json"))]
        assert client.post("/api/ingest", files=files).status_code == 401
        wrong = client.post("/api/ingest", files=files, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        auth = {"Authorization": f"Bearer {TOKEN}"}
        response = client.post("/api/ingest", files=files, headers=auth)
        assert response.status_code == 202
        job = finished(client, response.json()["url"], auth)
        assert job["state"] == "done" and job["counts"]["new"] >= 1
        assert client.get(response.json()["url"]).status_code == 401  # no bearer, no session
        refused = client.post("/api/ingest", json={"urls": ["file:///etc/passwd"]}, headers=auth)
        job = finished(client, refused.json()["url"], auth)
        assert job["counts"] == {"new": 0, "unchanged": 0, "updated": 0, "failed": 1}


# --- `manysides serve` -----------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_command_takes_any_database_url_and_never_shows_its_password(db_url: str, tmp_path: Path) -> None:
    """`manysides serve --db URL` as a user runs it, on each backend; a PostgreSQL URL's password (the test server
    trusts the socket, so any password connects) is never printed: not by serve, ingest or reextract, nor in an
    error line."""
    url = make_url(db_url)
    if url.get_backend_name() == "postgresql":
        url = url.set(password=PASSWORD)
    db = url.render_as_string(hide_password=False)
    ingested = run_cli("ingest", two_outlet_jsonl(tmp_path), "--db", db)
    assert ingested.exit_code == 0 and PASSWORD not in ingested.stdout + ingested.stderr, ingested.stdout
    assert PASSWORD not in run_cli("reextract", "--db", db, "--json").stdout
    port = _free_port()
    command = [sys.executable, "-m", "manysides", "serve", "--db", db, "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    try:
        listed = _first_answer(f"http://127.0.0.1:{port}/api/stories", server)
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert [s["article_count"] for s in listed["stories"]] == [2], stderr
    assert "Serving " in stderr.decode() and PASSWORD not in stderr.decode()
    if url.get_backend_name() == "postgresql":
        missing = url.set(database=f"{url.database}_missing").render_as_string(hide_password=False)
        refused = run_cli("articles", "--db", missing)
        assert refused.exit_code == 2 and "cannot open the database" in refused.stderr
        assert PASSWORD not in refused.stderr, refused.stderr


PASSWORD = "pw-never-shown-7c1e"


def _first_answer(address: str, server: subprocess.Popen[bytes]) -> dict[str, Any]:
    """The JSON at `address` once the server answers (it loads the app first); fails if the server exits."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"serve exited with {server.returncode}")
        try:
            with urlopen(address, timeout=5) as response:
                return dict(json.loads(response.read()))
        except OSError:
            time.sleep(0.1)
    raise AssertionError("serve did not answer within a minute")
