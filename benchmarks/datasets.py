"""Loaders for the evaluation data in ../shared/datasets (read in place, never copied)."""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from pathlib import Path

from manysides.records.article import Article, body_hash

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MANYSIDES_SHARED", REPO.parent / "shared"))
EXTRACTION = SHARED / "datasets" / "article-extraction"


@dataclass(frozen=True)
class ExtractionPage:
    id: str
    url: str
    gold_body: str
    html_path: Path
    text_path: Path

    def html(self) -> str:
        return gzip.decompress(self.html_path.read_bytes()).decode("utf-8", errors="replace")

    def text(self) -> str:
        return self.text_path.read_text(encoding="utf-8", errors="replace")


def extraction_pages() -> list[ExtractionPage]:
    """The benchmark's development pages, sorted by id so every run sees the same order."""
    truth = json.loads((EXTRACTION / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, entry in sorted(truth.items()):
        pages.append(
            ExtractionPage(
                id=page_id,
                url=entry.get("url") or "",
                gold_body=entry["articleBody"],
                html_path=EXTRACTION / "html" / f"{page_id}.html.gz",
                text_path=EXTRACTION / "text" / f"{page_id}.txt",
            )
        )
    return pages


def make_article(
    id: str,
    text: str,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    published: str | None = None,
) -> Article:
    """Only the keys a feed would give (id, url, outlet, title, published, text): gold fields never reach it."""
    return Article(
        id=id,
        url=url,
        outlet=outlet,
        title=title,
        published=published,
        body=text,
        content_hash=body_hash(text),
        method="provided",
        confidence=1.0,
    )
