"""Extraction outside English: our own fictional pages in ar, he, es, fr, de, tr (tests/data/multilingual_pages).

Run: `python -m benchmarks.extraction_multilingual [--pages]`. Each page comes as HTML and as a whole-page text
dump. ManySides goes through its entry point (`extract_page`, as ingest calls it); beside it, trafilatura with its
default settings (`trafilatura.extract(html)`; a dump is given to it as one <p> per line, as in
benchmarks.extraction_text). Scores: body F1 with the article-extraction shingle metric, the title (white space
folded) and the publication day, and whether the language ManySides names is the page's. The rules were
written while looking at templates 1-4 (rows by language and "all"); template 5 ("held", one page per language)
was written afterwards and not tuned on. `--pages` lists every page's body F1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from benchmarks.extraction_text import as_paragraph_html
from benchmarks.metric import page_precision_recall, score
from manysides.extract.article import extract_page
from manysides.records.page import Page

PAGES = Path(__file__).resolve().parents[1] / "tests" / "data" / "multilingual_pages"
LANGUAGES = ("ar", "he", "es", "fr", "de", "tr")
HELD_OUT = 5  # a template written after the extraction rules: its row is the figure to expect on new layouts


@dataclass(frozen=True)
class GoldPage:
    id: str
    lang: str
    url: str
    title: str
    published: str
    body: str
    template: int

    def html(self) -> str:
        return (PAGES / "html" / f"{self.id}.html").read_text(encoding="utf-8")

    def text(self) -> str:
        return (PAGES / "text" / f"{self.id}.txt").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Result:
    """What one extractor found on one page."""

    body: str
    title: str | None
    published: str | None
    language: str | None = None


Extractor = Callable[[GoldPage], Result]


def gold_pages() -> list[GoldPage]:
    rows = (json.loads(line) for line in (PAGES / "gold.jsonl").read_text(encoding="utf-8").splitlines())
    keys = GoldPage.__dataclass_fields__
    return [GoldPage(**{k: v for k, v in row.items() if k in keys}) for row in rows]


def _manysides(page: GoldPage, kind: str, raw: str) -> Result:
    article = extract_page(Page(source=page.id, kind=kind, raw=raw.encode("utf-8"), url=page.url))  # type: ignore[arg-type]
    return Result(article.body, article.title, article.published, article.language)


def manysides_html(page: GoldPage) -> Result:
    return _manysides(page, "html", page.html())


def manysides_text(page: GoldPage) -> Result:
    return _manysides(page, "text", page.text())


def _trafilatura(html: str, url: str) -> Result:
    body = trafilatura.extract(html, url=url) or ""
    meta = trafilatura.extract_metadata(html, default_url=url)
    return Result(body, meta.title if meta else None, meta.date if meta else None)


def trafilatura_html(page: GoldPage) -> Result:
    return _trafilatura(page.html(), page.url)


def trafilatura_text(page: GoldPage) -> Result:
    return _trafilatura(as_paragraph_html(page.text()), page.url)


EXTRACTORS: dict[str, tuple[Extractor, Extractor]] = {  # name: (HTML, text dump)
    "ManySides": (manysides_html, manysides_text),
    "trafilatura (default)": (trafilatura_html, trafilatura_text),
}


def _same_title(found: str | None, gold: str) -> bool:
    return " ".join((found or "").split()) == " ".join(gold.split())


def _row(label: str, pages: Sequence[GoldPage], results: dict[str, Result], languages: bool) -> str:
    f1 = score((p.body, results[p.id].body) for p in pages).f1
    titles = sum(_same_title(results[p.id].title, p.title) for p in pages)
    dates = sum((results[p.id].published or "")[:10] == p.published for p in pages)
    cells = f"{label:6s} {len(pages):3d} {f1:6.3f} {titles:5d} {dates:5d}"
    if languages:
        cells += f" {sum(results[p.id].language == p.lang for p in pages):5d}"
    return cells


def main(argv: Sequence[str] = ()) -> None:
    pages = gold_pages()
    for kind, slot in (("HTML", 0), ("text dump", 1)):
        print(f"\n{kind}: {len(pages)} pages; body F1, titles right, publication days right (language right)")
        for name, extractors in EXTRACTORS.items():
            results = {p.id: extractors[slot](p) for p in pages}
            languages = name == "ManySides"
            header = f"{'lang':6s} {'n':>3s} {'F1':>6s} {'title':>5s} {'date':>5s}" + (" lang" if languages else "")
            print(f"\n{name}\n{header}")
            seen = [p for p in pages if p.template != HELD_OUT]
            for lang in LANGUAGES:
                print(_row(lang, [p for p in seen if p.lang == lang], results, languages))
            print(_row("all", seen, results, languages))
            print(_row("held", [p for p in pages if p.template == HELD_OUT], results, languages))
            if "--pages" in argv:
                for p in pages:
                    precision, recall = page_precision_recall(p.body, results[p.id].body)
                    found = results[p.id]
                    print(f"  {p.id:5s} P {precision:.2f} R {recall:.2f}  {found.published}  {found.title}")


if __name__ == "__main__":
    main(sys.argv[1:])
