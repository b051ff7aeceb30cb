"""HTML extraction benchmark on the article-extraction pages (html/*.html.gz).

Run: `python -m benchmarks.extraction_html`. Compares ManySides `extract_html` with trafilatura
(default settings; favor_recall, the base ManySides cleans; and fast + favor_recall, the base it cleaned before),
readability-lxml and jusText, with the benchmark's shingle metric. HTML is decoded before timing, and
each extractor gets one untimed warm-up call so that one-time model and regex loading is not charged
to the first pages. Halves are by sorted id: the body rules were refined on the even half and checked
on the odd one (a first survey of losses and two late rules, the closing "Top stories" label and the
sibling-chunk recall, also looked at odd pages, so the odd figure is an optimistic estimate for unseen
pages).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

import justext
import lxml.html
import py3langid
import trafilatura
from readability import Document
from trafilatura.utils import load_html

from benchmarks.datasets import ExtractionPage, extraction_pages
from benchmarks.metric import Score, score
from benchmarks.timing import extractor_times
from manysides.extract.fields import Extracted
from manysides.extract.html import extract_html
from manysides.extract.html_body import norm

Extractor = Callable[[str, str], str]


def manysides(html: str, url: str) -> str:
    return extract_html(html, url).body


def trafilatura_default(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def trafilatura_recall(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url, favor_recall=True) or ""


def trafilatura_fast_recall(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url, fast=True, favor_recall=True, include_comments=False) or ""


def readability_lxml(html: str, url: str) -> str:
    """readability's cleaned HTML summary as text, one line per text node so words do not run together."""
    summary = Document(html, url=url).summary(html_partial=True)
    return "\n".join(t.strip() for t in lxml.html.fromstring(summary).itertext() if t.strip())


def with_justext(html: str, url: str) -> str:
    """jusText with the English stop list for every page (the benchmark pages are mostly English)."""
    blocks = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n\n".join(b.text for b in blocks if not b.is_boilerplate)


TIMED_PAGES = 200  # pages in the alternating CPU timing (all pages are scored)
EXTRACTORS: dict[str, Extractor] = {
    "ManySides extract_html": manysides,
    "trafilatura (default)": trafilatura_default,
    "trafilatura (favor_recall)": trafilatura_recall,
    "trafilatura (fast, recall)": trafilatura_fast_recall,
    "readability-lxml": readability_lxml,
    "jusText": with_justext,
}


def run(extract: Extractor, pages: Sequence[ExtractionPage], htmls: dict[str, str]) -> dict[str, str]:
    """Each page's prediction (HTML already decoded; timing is measured separately)."""
    return {page.id: extract(htmls[page.id], page.url) for page in pages}


def score_of(pages: Sequence[ExtractionPage], predictions: dict[str, str]) -> Score:
    return score((page.gold_body, predictions[page.id]) for page in pages)


def row(name: str, result: Score) -> str:
    return f"{name:34s} {result.f1:6.3f} {result.precision:6.3f} {result.recall:6.3f}"


_URL_DATE = re.compile(r"/(20\d\d)[/-](\d\d?)[/-](\d\d?)/")


def _same_address(a: str | None, b: str) -> bool:
    """Same host and path, ignoring scheme, "www.", query, fragment and a trailing slash."""
    if not a:
        return False
    x, y = urlsplit(a), urlsplit(b)
    host = lambda u: u.netloc.lower().removeprefix("www.")  # noqa: E731
    return host(x) == host(y) and x.path.rstrip("/") == y.path.rstrip("/")


def metadata_checks(pages: Sequence[ExtractionPage], htmls: dict[str, str]) -> list[tuple[str, int, int]]:
    """Agreement with a reference that does not come from the same source ManySides reads first.

    The ground truth has no metadata, so these are consistency checks, not accuracy: the date in the
    URL, the page's first <h1>, trafilatura's own metadata, the URL the benchmark recorded, and the
    language of the gold body.
    """
    checks: dict[str, list[bool]] = {}

    def check(name: str, applies: bool, agrees: bool) -> None:
        if applies:
            checks.setdefault(name, []).append(agrees)

    for page in pages:
        html = htmls[page.id]
        ours: Extracted = extract_html(html, page.url)
        theirs = trafilatura.bare_extraction(html, url=page.url, with_metadata=True, fast=True)
        in_url = _URL_DATE.search(page.url)
        url_day = f"{in_url[1]}-{int(in_url[2]):02d}-{int(in_url[3]):02d}" if in_url else ""
        check("published day = date in URL", bool(in_url), (ours.published or "")[:10] == url_day)
        first_h1 = next(load_html(html).iter("h1"), None)
        h1 = first_h1.text_content() if first_h1 is not None else ""
        check("title = first <h1>", bool(norm(h1)), norm(ours.title or "") == norm(h1))
        their_authors = {a.strip().lower() for a in (theirs.author or "").split(";") if a.strip()} if theirs else set()
        check("authors = trafilatura's", bool(their_authors), {a.lower() for a in ours.authors} == their_authors)
        check("outlet = trafilatura's sitename", bool(theirs and theirs.sitename), ours.outlet == theirs.sitename)
        check("canonical URL = benchmark URL", True, _same_address(ours.canonical_url, page.url))
        gold_language = py3langid.classify(page.gold_body)[0]
        check("language = langid(gold body)", True, ours.language == gold_language)
        check("published stated (any source)", True, bool(ours.published))
    return [(name, sum(results), len(results)) for name, results in checks.items()]


def main() -> None:
    pages = extraction_pages()
    htmls = {page.id: page.html() for page in pages}
    halves = {"even": pages[0::2], "odd": pages[1::2]}
    print(f"HTML extraction, {len(pages)} pages (html/*.html.gz)\n")
    print(f"{'extractor':34s} {'F1':>6s} {'prec':>6s} {'recall':>6s}")
    split_rows = []
    for name, extract in EXTRACTORS.items():
        predictions = run(extract, pages, htmls)
        print(row(name, score_of(pages, predictions)))
        if extract in (manysides, trafilatura_default):
            split_rows += [row(f"{name}, {half}", score_of(sub, predictions)) for half, sub in halves.items()]
    inputs = [(htmls[p.id], p.url) for p in pages[:TIMED_PAGES]]
    print("\n" + extractor_times(EXTRACTORS, inputs, "ManySides extract_html", "trafilatura (default)"))
    print("\nHalves by sorted id (ManySides body rules refined on the even half):")
    print("\n".join(split_rows))
    print("\nMetadata agreement (pages agreeing / pages where the reference exists):")
    for name, agree, total in metadata_checks(pages, htmls):
        print(f"{name:34s} {agree:4d} / {total:<4d}")


if __name__ == "__main__":
    main()
