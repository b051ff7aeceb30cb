"""Extraction across kinds of site: our own fictional recipes, blog posts, forum threads and shops' news pages.

Run: `python -m benchmarks.extraction_kinds [--pages]`. Each page (tests/data/site_kinds) comes as HTML and as a
whole-page text dump. ManySides goes through its entry point (`extract_page`, as ingest calls it) for both; beside
it, trafilatura with its default settings on the HTML. Scores: body F1 with the article-extraction shingle metric
(the gold body is the article an editor would keep: a recipe's intro, ingredients and steps; a forum thread's
first post) and titles right (white space folded). The text-dump rules were tuned looking at templates 1 and 2
(rows by kind and "seen"); template 3 ("held", one page per kind) was written afterwards and not tuned on.
`--pages` lists every page's precision and recall.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from benchmarks.metric import page_precision_recall, score
from manysides.extract.article import extract_page
from manysides.records.page import Page

PAGES = Path(__file__).resolve().parents[1] / "tests" / "data" / "site_kinds"
KINDS = ("recipe", "blog", "forum", "shop")


@dataclass(frozen=True)
class GoldPage:
    id: str
    kind: str
    template: int
    held: bool
    url: str
    title: str
    body: str

    def html(self) -> str:
        return (PAGES / "html" / f"{self.id}.html").read_text(encoding="utf-8")

    def text(self) -> str:
        return (PAGES / "text" / f"{self.id}.txt").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Result:
    body: str
    title: str | None


def gold_pages() -> list[GoldPage]:
    rows = [json.loads(line) for line in (PAGES / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    return [GoldPage(**row) for row in rows]


def _manysides(page: GoldPage, kind: str, raw: str) -> Result:
    article = extract_page(Page(source=page.id, kind=kind, raw=raw.encode("utf-8"), url=page.url))  # type: ignore[arg-type]
    return Result(article.body, article.title)


def manysides_html(page: GoldPage) -> Result:
    return _manysides(page, "html", page.html())


def manysides_text(page: GoldPage) -> Result:
    return _manysides(page, "text", page.text())


def trafilatura_html(page: GoldPage) -> Result:
    html = page.html()
    meta = trafilatura.extract_metadata(html, default_url=page.url)
    return Result(trafilatura.extract(html, url=page.url) or "", meta.title if meta else None)


EXTRACTORS: dict[str, Callable[[GoldPage], Result]] = {
    "ManySides HTML": manysides_html,
    "ManySides text dump": manysides_text,
    "trafilatura (default) HTML": trafilatura_html,
}


def _same_title(found: str | None, gold: str) -> bool:
    return " ".join((found or "").split()) == " ".join(gold.split())


def _row(label: str, pages: Sequence[GoldPage], results: dict[str, Result]) -> str:
    if not pages:
        return f"{label:8s}   0"
    found = score((p.body, results[p.id].body) for p in pages)
    titles = sum(_same_title(results[p.id].title, p.title) for p in pages)
    return f"{label:8s} {len(pages):3d} {found.precision:6.3f} {found.recall:6.3f} {found.f1:6.3f} {titles:5d}"


def main(argv: Sequence[str] = ()) -> None:
    pages = gold_pages()
    seen = [p for p in pages if not p.held]
    held = [p for p in pages if p.held]
    print(f"{len(pages)} pages ({len(seen)} in templates 1-2, {len(held)} held); body P, R, F1; titles right")
    for name, extractor in EXTRACTORS.items():
        results = {p.id: extractor(p) for p in pages}
        print(f"\n{name}\n{'kind':8s} {'n':>3s} {'P':>6s} {'R':>6s} {'F1':>6s} {'title':>5s}")
        for kind in KINDS:
            print(_row(kind, [p for p in seen if p.kind == kind], results))
        print(_row("seen", seen, results))
        print(_row("held", held, results))
        print(_row("all", pages, results))
        if "--pages" in argv:
            for p in pages:
                precision, recall = page_precision_recall(p.body, results[p.id].body)
                print(f"  {p.id:9s} P {precision:.2f} R {recall:.2f}  {results[p.id].title}")


if __name__ == "__main__":
    main(sys.argv[1:])
