"""Small helpers shared by the tests: run the real CLI in-process and read its JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.datasets import make_article
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from manysides.cli import app
from manysides.extract import extract_page
from manysides.records.article import Article
from manysides.records.page import Page


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)

    def json_lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


def run_cli(*args: str | Path, stdin: bytes | None = None) -> Run:
    """Invoke `manysides ARGS...` exactly as a user would, but in this process."""
    result = CliRunner().invoke(app, [str(a) for a in args], input=stdin, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def dump_article(path: Path) -> Article:
    """A whole-page text dump through the real extraction path, with the file's stem as a readable id."""
    page = Page(source=str(path), kind="text", raw=path.read_bytes(), path=str(path))
    return extract_page(page).model_copy(update={"id": path.stem})


def provided_article(
    id: str, body: str, language: str | None = None, outlet: str | None = None, published: str = "2031-05-04"
) -> Article:
    """An article as a feed or a JSON Lines record gives it (`make_article`), with the language it is written in."""
    return make_article(id, body, outlet=outlet, published=published).model_copy(update={"language": language})


def two_outlet_jsonl(tmp_path: Path, extra: str = "") -> Path:
    """Two (fictional) outlets reporting one event, as JSON Lines; `extra` is appended to the first one's title
    and body (hostile text, in the tests that need it)."""
    title = f"Bridge reopens {extra}".rstrip()
    rows = [
        {
            "id": "a1",
            "outlet": "Alpha Post",
            "published": "2025-03-01T10:00:00",
            "title": title,
            "text": "The Karsa bridge reopened on Saturday after two years of repairs, the city council said.\n\n"
            f"Officials said 40 workers took part in the repairs. {extra}".rstrip(),
        },
        {
            "id": "b1",
            "outlet": "Beta News",
            "published": "2025-03-02T09:00:00",
            "title": "Karsa bridge open again",
            "text": "The Karsa bridge was reopened on Saturday following two years of repair work, according to the "
            "city council.\n\nAbout 45 workers were involved, the council said.",
        },
    ]
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return path


def credited_speakers(sentences: list[str], language: str) -> list[list[str]]:
    """Each sentence's credited speakers, as the cue-word readers give them for an article read alone."""
    from manysides.understand.other_quotes import attributions

    return [[a.speaker for a in found] for found, _ in attributions(sentences, [[] for _ in sentences], language)]


def two_reports(first: str, second: str, published: str) -> list[Article]:
    """Two outlets' articles of one day (ids "x" and "y", outlets "one" and "two") with these bodies."""
    return [
        make_article("x", first, outlet="one", published=published),
        make_article("y", second, outlet="two", published=published),
    ]


def scalar(url: str, query: str) -> int:
    """One number read straight from a database (a count the test checks beside what the CLI says)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(query)).scalar() or 0)
    finally:
        engine.dispose()
