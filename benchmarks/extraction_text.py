"""Text-dump extraction benchmark on the article-extraction pages rendered to text.

Run: `python -m benchmarks.extraction_text`. Compares the ManySides text-dump extractor with
trafilatura, readability-lxml and jusText (each given the dump wrapped as one <p> per line, the fairest HTML they
can get from plain text) and with the whole dump as the body. The ManySides model was trained on
these pages (benchmarks/train_textdump.py), so its figure on all pages is in-sample; the
cross-validated rows train on one half and score the other (even/odd and seeded random halves,
both ways); the out-of-fold rows score every page with a model trained on the other nine tenths
(benchmarks/textdump_oof.py), also in made-up languages (every word respelt; with the danda; without full
stops), the figures to expect on unseen sites and languages.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable, Sequence

import justext
import lxml.html
import trafilatura
from readability import Document

from benchmarks import textdump_oof, train_textdump
from benchmarks.datasets import ExtractionPage, extraction_pages
from benchmarks.metric import Score, score
from benchmarks.timing import extractor_times
from manysides.extract.textdump import extract_text_dump

Extractor = Callable[[str, str], str]


def as_paragraph_html(text: str) -> str:
    """The dump as a minimal HTML document, one <p> per non-blank line."""
    paragraphs = "".join(f"<p>{html.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><head><meta charset='utf-8'></head><body>\n{paragraphs}</body></html>"


def manysides(text: str, url: str) -> str:
    return extract_text_dump(text, url).body


def with_trafilatura(text: str, url: str) -> str:
    return trafilatura.extract(as_paragraph_html(text), url=url, include_comments=False) or ""


def with_justext(text: str, url: str) -> str:
    stoplist = justext.get_stoplist("English")
    blocks = justext.justext(as_paragraph_html(text).encode("utf-8"), stoplist)
    return "\n\n".join(b.text for b in blocks if not b.is_boilerplate)


def with_readability(text: str, url: str) -> str:
    summary = Document(as_paragraph_html(text)).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


def manysides_without_url(text: str, url: str) -> str:
    """The same extractor when the page's address is unknown (a dump saved to a file)."""
    return extract_text_dump(text, None).body


def all_text(text: str, url: str) -> str:
    return text


EXTRACTORS: dict[str, Extractor] = {
    "ManySides text dump": manysides,
    "ManySides, no URL given": manysides_without_url,
    "trafilatura (<p> per line)": with_trafilatura,
    "readability-lxml (<p>/line)": with_readability,
    "jusText (<p> per line)": with_justext,
    "all text": all_text,
}


def run(extract: Extractor, pages: Sequence[ExtractionPage], texts: dict[str, str]) -> Score:
    """The score of one extractor over the pages (text already in memory; timing is measured separately)."""
    outputs = [extract(texts[page.id], page.url) for page in pages]
    return score((page.gold_body, out) for page, out in zip(pages, outputs, strict=True))


def main() -> None:
    pages = extraction_pages()
    texts = {page.id: page.text() for page in pages}
    print(f"Text-dump extraction, {len(pages)} pages (text/*.txt)\n")
    print(f"{'extractor':28s} {'F1':>6s} {'prec':>6s} {'recall':>6s}")
    for name, extract in EXTRACTORS.items():
        result = run(extract, pages, texts)
        print(f"{name:28s} {result.f1:6.3f} {result.precision:6.3f} {result.recall:6.3f}")
    inputs = [(texts[p.id], p.url) for p in pages]
    print("\n" + extractor_times(EXTRACTORS, inputs, "ManySides text dump", "trafilatura (<p> per line)"))
    print("\nManySides by half (shipped model, trained on all pages, so in-sample):")
    for name, half in (("even pages", pages[0::2]), ("odd pages", pages[1::2])):
        result = run(manysides, half, texts)
        print(f"  {name:10s} F1 {result.f1:.3f}  precision {result.precision:.3f}  recall {result.recall:.3f}")
    print("ManySides cross-validated (model retrained on one half, scored on the other: expect this on new sites):")
    data = [train_textdump.PageData(page) for page in pages]
    for name, f1 in train_textdump.cross_validate(data).items():
        print(f"  {name:14s} F1 {f1:.3f}")
    print("ManySides out-of-fold (10 folds, a site's pages in one fold, 3 deals; benchmarks.textdump_oof lists pages):")
    for variant in textdump_oof.VARIANTS:
        runs = [textdump_oof.out_of_fold(data, 10, seed, variant) for seed in textdump_oof.SEEDS]
        print(f"  {variant:8s} {textdump_oof.summary(textdump_oof.mean_scores(runs))}")
    print("\nThe same dumps folded at 80 columns, as lynx and w3m write them (no line then ends a sentence):")
    folded = {page.id: fold(texts[page.id], 80) for page in pages}
    for name in ("ManySides text dump", "trafilatura (<p> per line)"):
        result = run(EXTRACTORS[name], pages, folded)
        print(f"  {name:28s} F1 {result.f1:.3f}  precision {result.precision:.3f}  recall {result.recall:.3f}")


def fold(text: str, width: int) -> str:
    """Every line wrapped at `width` columns, breaking at spaces only (as text browsers do)."""
    return "\n".join(
        textwrap.fill(line, width, break_on_hyphens=False, break_long_words=False) if line.strip() else line
        for line in text.split("\n")
    )


if __name__ == "__main__":
    main()
