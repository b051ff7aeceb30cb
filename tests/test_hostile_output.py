"""Hostile page text in every command's output (issue 19, findings 1 and 4): page text is always shown as text.

A database is built through the real `manysides ingest` from pages generated here, whose titles, outlets, bylines,
bodies and URLs carry Rich markup, terminal escape sequences and HTML/Markdown injections. Every listing and every
report format must then print them literally: no crash, no style or link the page asked for, no escape byte, and
no live tag, event handler or javascript: link once the Markdown or HTML is rendered.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from manysides.present.safe_text import html_text, json_text, markdown_text, one_line, printable, safe_href
from tests.helpers import Run, run_cli

MARKUP = "[/] [bold red]Loud[/bold red] [link=https://evil.example]x[/link]"
CONTROL = "\x1b]0;pwned\x07 \x1b[2J \x9b31m \u202egnp.exe\r"
INJECTION = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) "
    "<iframe src=javascript:alert(1)>"
)
HOSTILE = f"{MARKUP} {CONTROL} {INJECTION}"
# What must never reach a terminal: ESC, BEL, 8-bit CSI, a carriage return, a bidi override.
UNPRINTABLE = re.compile("[\x1b\x07\x9b\r\u202e]")


@dataclass(frozen=True)
class HostileDb:
    folder: Path
    db: str
    story: str


def _rows() -> list[dict[str, object]]:
    """Two (fictional) outlets reporting one event as JSON Lines, page text as hostile as the format allows."""
    return [
        {
            "id": "a1",
            "url": "javascript:alert(1)",
            "outlet": f"Alpha [bold red]Post {CONTROL}",
            "authors": ["Jane [/] Roe"],
            "published": "2025-03-01T10:00:00",
            "title": f"Bridge [/] reopens [link=https://evil.example]x[/link] {CONTROL}",
            "text": "The Karsa bridge reopened on Saturday after two years of repairs, the city council said.\n\n"
            f"Officials said 40 workers took part in the repairs. {HOSTILE}",
        },
        {
            "id": "b1",
            "url": "https://beta.example/karsa?a=[/]",
            "outlet": f"Beta {INJECTION}",
            "published": "2025-03-02T09:00:00",
            "title": f"Karsa bridge open again {INJECTION}",
            "text": "The Karsa bridge was reopened on Saturday following two years of repair work, according to the "
            f"city council.\n\nAbout 45 workers were involved, the council said. {HOSTILE}",
        },
    ]


def _page() -> str:
    """A third outlet as an HTML page: the hostile site name arrives the way finding 4 found it, as og:site_name."""
    site, title = escape(f"Gamma {INJECTION} [/]"), escape(f"Karsa bridge reopens {MARKUP} {INJECTION}")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<title>{title}</title><meta property="og:site_name" content="{site}">'
        f'<meta property="og:title" content="{title}"><meta name="author" content="{escape(MARKUP)}">'
        '<meta property="article:published_time" content="2025-03-01T12:00:00Z"></head><body><article>'
        f"<h1>{title}</h1>"
        "<p>Cars crossed the Karsa bridge again on Saturday morning, ending two years of closure for repairs.</p>"
        f"<p>A council spokesperson said some 42 workers had rebuilt the deck. {escape(INJECTION)} {escape(MARKUP)}</p>"
        "<p>Traffic on the bridge was light on the first morning, residents said.</p>"
        "</article></body></html>"
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, module_db_url: str) -> HostileDb:
    """The hostile pages in one database per backend: each listing and report reads them back from the store."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in _rows()) + "\n", encoding="utf-8")
    (folder / "gamma.html").write_text(_page(), encoding="utf-8")
    db = module_db_url
    run = run_cli("ingest", folder / "wire.jsonl", folder / "gamma.html", "--db", db)
    assert run.exit_code == 0, run.stderr
    stories = run_cli("stories", "--db", db, "--json").json()
    story = max(stories, key=lambda s: len(s["articles"]))
    assert len(story["articles"]) >= 2, "the hostile pages must form one story for `story` and `compare`"
    return HostileDb(folder, db, story["id"])


def _terminal_commands(h: HostileDb) -> dict[str, tuple[str | Path, ...]]:
    return {
        "articles": ("articles", "--db", h.db),
        "stories": ("stories", "--db", h.db),
        "story": ("story", h.story, "--db", h.db),
        "compare": ("compare", "--story", h.story, "--db", h.db),
        "extract": ("extract", h.folder / "wire.jsonl", h.folder / "gamma.html"),
    }


def _assert_clean(run: Run, what: str) -> None:
    for stream in (run.stdout, run.stderr):
        found = UNPRINTABLE.search(stream)
        assert found is None, f"{what}: {found.group()!r} reached the terminal" if found else ""


# --- finding 1: page text read as Rich markup; escape sequences reaching the terminal ----------------------------


def test_markup_in_a_stored_title_never_breaks_a_listing(hostile: HostileDb) -> None:
    """`[/]` in one title used to stop `articles`, `stories`, `story` and `compare` with MarkupError."""
    for name, args in _terminal_commands(hostile).items():
        run = run_cli(*args)
        assert run.exit_code == 0, f"{name}: {run.stderr}"
        assert "[/]" in run.stdout, f"{name} must show the title's [/] as written"
        assert "MarkupError" not in run.stdout + run.stderr and "Traceback" not in run.stderr


def test_markup_in_page_text_is_shown_literally_not_as_a_link_or_style(hostile: HostileDb) -> None:
    """`[link=...]` and `[bold red]` are printed as written: markup Rich had read would have vanished."""
    outputs = {name: run_cli(*args).stdout for name, args in _terminal_commands(hostile).items()}
    assert "[bold red]Post" in outputs["articles"] and "[bold red]Post" in outputs["story"]
    assert "[link=https://evil.example]x[/link]" in outputs["story"]
    assert "[link=https://evil.example]x[/link]" in outputs["compare"]
    assert "[bold red]Loud[/bold red]" in outputs["extract"]


def test_on_a_real_terminal_page_text_gets_no_link_and_no_style(hostile: HostileDb) -> None:
    """With colour on (as on a terminal), the only escape sequences are ManySides' own colours: no hyperlink to
    evil.example, no red the page asked for, no window title and no screen clear."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM", "COLUMNS")}
    env.update(FORCE_COLOR="1", TERM="xterm-256color")
    for args in (("articles", "--db", hostile.db), ("story", hostile.story, "--db", hostile.db)):
        done = subprocess.run(
            [sys.executable, "-m", "manysides", *map(str, args)], capture_output=True, env=env, timeout=120
        )
        output = done.stdout.decode("utf-8")
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        assert "\x1b[1m" in output, "colour must be on for this test to mean anything"
        sequences = set(re.findall(r"\x1b[^a-zA-Z]*[a-zA-Z]?", output))
        assert all(re.fullmatch(r"\x1b\[[0-9;]*m", s) for s in sequences), sequences
        assert not any(";31" in s or "[31" in s for s in sequences), "the page's [bold red] became red"
        assert "\x07" not in output and "evil.example\x1b" not in output
        assert "[link=https://evil.example]x[/link]" in output


def test_control_sequences_never_reach_the_terminal(hostile: HostileDb) -> None:
    """ESC, BEL, 8-bit CSI, CR and bidi overrides in page text are stripped from every command's output, piped or
    not; `--json` keeps them as data, escaped."""
    runs = {name: run_cli(*args) for name, args in _terminal_commands(hostile).items()}
    for fmt in ("markdown", "html", "json"):
        runs[f"compare -f {fmt}"] = run_cli("compare", "--story", hostile.story, "--db", hostile.db, "-f", fmt)
    for name in ("articles", "stories"):
        runs[f"{name} --json"] = run_cli(name, "--db", hostile.db, "--json")
    runs["story --json"] = run_cli("story", hostile.story, "--db", hostile.db, "--json")
    runs["extract --json"] = run_cli("extract", hostile.folder / "wire.jsonl", "--json")
    for name, run in runs.items():
        assert run.exit_code == 0, f"{name}: {run.stderr}"
        _assert_clean(run, name)
    titles = {a["id"]: a["title"] for a in runs["articles --json"].json()}
    assert titles["a1"].startswith("Bridge [/] reopens [link=https://evil.example]x[/link]"), "JSON is data, not markup"
    assert "[/]" in runs["story"].stdout.splitlines()[0] and "gnp.exe" in runs["story"].stdout


def test_hostile_file_names_and_arguments_give_one_plain_error_line(tmp_path: Path, db_url: str) -> None:
    """Error and status lines quote file names and arguments: they too are text, never markup or escapes."""
    folder = tmp_path / "bad ["  # a name can't hold "/", so "[/]" spans a folder and its file
    folder.mkdir()
    bad = folder / "] [bold red]x \x1b]0;pwned\x07 \x1b[2J.html"
    bad.write_bytes(b"\x00\x01\x02 not a page \xff\xfe" * 50)
    good = folder / "] good.jsonl"
    good.write_text(json.dumps(_rows()[0]) + "\n", encoding="utf-8")
    run = run_cli("ingest", bad, good, "--db", db_url, "--verbose")
    assert run.exit_code == 1
    _assert_clean(run, "ingest")
    errors = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "bad [/] [bold red]x" in errors[0], run.stderr
    assert "bad [/] good.jsonl" in run.stderr  # the --verbose status line
    for args, code in (
        (("articles", "--db", db_url, "--since", "[/] \x1b[2J"), 2),
        (("story", "[/] \x1b]0;t\x07", "--db", db_url), 1),
        (("schema", "[/]"), 2),
    ):
        run = run_cli(*args)
        assert run.exit_code == code and run.stderr.startswith("error: ") and "[/]" in run.stderr, run.stderr
        _assert_clean(run, str(args[0]))


# --- finding 4: Markdown and HTML escaping in every renderer -------------------------------------------------------


def _live(html: str) -> list[str]:
    """What a browser would run or follow in this HTML: script-capable elements, on* handlers, non-web links."""
    found = []
    for element in lxml.html.fromstring(f"<div>{html}</div>").iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("script", "img", "iframe", "object", "embed", "svg", "link", "meta", "base", "form"):
            found.append(f"<{tag}>")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"{tag} {name}=")
            if name.lower() in ("href", "src", "action") and not re.match(r"(?:https?://|#)", value.strip()):
                found.append(f"{tag} {name}={value}")
    return found


def test_markdown_report_has_nothing_live_once_rendered(hostile: HostileDb) -> None:
    """The Markdown report through a real renderer with raw HTML allowed (the worst case): no tag, handler or
    javascript: link from page text, which reads as written, and every table row keeps its cells."""
    run = run_cli("compare", "--story", hostile.story, "--db", hostile.db, "-f", "markdown")
    assert run.exit_code == 0, run.stderr
    rendered = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(run.stdout)
    assert _live(rendered) == []
    assert "javascript:" not in " ".join(re.findall(r'href="[^"]*"', rendered))
    text = lxml.html.fromstring(f"<div>{rendered}</div>").text_content()
    assert "<script>alert(1)</script>" in text and "[click](javascript:alert(1))" in text and "[/]" in text
    assert "Gamma <script>" in text, "the og:site_name outlet must appear, as text"
    for table in lxml.html.fromstring(f"<div>{rendered}</div>").iter("table"):
        widths = {len(row) for row in table.iter("tr")}
        assert len(widths) == 1, "a | in page text split a table cell"


def test_html_report_has_nothing_live_and_links_only_to_the_web(hostile: HostileDb, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    run = run_cli("compare", "--story", hostile.story, "--db", hostile.db, "-f", "html", "-o", out)
    assert run.exit_code == 0, run.stderr
    html = out.read_text(encoding="utf-8")
    body = html.split("<body>", 1)[1]
    assert _live(body) == []
    hrefs = re.findall(r'href="([^"]*)"', body)
    assert "https://beta.example/karsa?a=[/]" in hrefs, "a web URL becomes a link"
    assert not any(h.startswith("javascript") for h in hrefs)
    text = lxml.html.fromstring(html).text_content()
    assert "<script>alert(1)</script>" in text and "javascript:alert(1)" in text and "\x1b" not in html


# --- the helpers themselves, over any text ---------------------------------------------------------------------------

# Any character, with those that mean something to Markdown, HTML or a terminal much more often than chance.
SPECIAL = "[]()<>!*_`&#;|\\-+=.:/1 \n\t\r\x1b\x07\x9b\u202e\ud800"
PAGE_TEXT = st.text(st.one_of(st.sampled_from(list(SPECIAL)), st.characters()))


@settings(max_examples=300, deadline=None)
@given(PAGE_TEXT)
def test_markdown_text_renders_as_exactly_its_text(text: str) -> None:
    """Whatever the page text, the rendered Markdown holds it as plain text, in a paragraph and in a table cell."""
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    expected = " ".join(printable(text).split())
    paragraph = md.render("Said: " + markdown_text(text))
    assert _live(paragraph) == []
    assert lxml.html.fromstring(f"<div>{paragraph}</div>").text_content().strip() == f"Said: {expected}".strip()
    table = md.render(f"| a | b |\n|---|---|\n| {markdown_text(text)} | end |\n")
    cells = [td.text_content() for td in lxml.html.fromstring(f"<div>{table}</div>").iter("td")]
    assert cells == [expected, "end"]


@settings(max_examples=300, deadline=None)
@given(PAGE_TEXT)
def test_terminal_html_and_json_helpers_keep_text_and_drop_controls(text: str) -> None:
    line = one_line(text)
    assert not UNPRINTABLE.search(line) and "\n" not in line
    assert json.loads(json_text(json.dumps(text, ensure_ascii=False))) == text
    assert not re.search("[\x7f-\x9f\u202e\ud800-\udfff]", json_text(json.dumps(text, ensure_ascii=False)))
    shown = lxml.html.fromstring(f"<p>x{html_text(text)}</p>").text_content()
    assert shown == "x" + printable(text)


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://a.example/x?q=1&r=2", "https://a.example/x?q=1&amp;r=2"),
        ("HTTP://a.example/", "HTTP://a.example/"),
        ("javascript:alert(1)", None),
        (" JaVaScRiPt:alert(1)", None),
        ("java\x00script:alert(1)", None),
        ("data:text/html,<script>", None),
        ("file:///etc/passwd", None),
        ("//evil.example/", None),
        ('https://a.example/"onmouseover="alert(1)', "https://a.example/&quot;onmouseover=&quot;alert(1)"),
        ("https://a.example/\x1b[2J", "https://a.example/"),
        ("https://a b.example/", None),
        (None, None),
    ],
)
def test_only_web_urls_become_links(url: str | None, href: str | None) -> None:
    assert safe_href(url) == href
