"""Text-dump extraction: classify lines, pick the article, move its metadata out of the body."""

from __future__ import annotations

import re
from typing import Any

from manysides.extract.fields import Extracted
from manysides.extract.textdump.body import clean_body, read_tags
from manysides.extract.textdump.features import PROSE_WORDS, is_prose, title_index
from manysides.extract.textdump.header import MAX_STANDFIRST_WORDS, read_header
from manysides.extract.textdump.lines import MAX_LINE_CHARS, Line, cut_at_word, split_lines
from manysides.extract.textdump.meta import Meta, dateline_wires, is_caption, is_counter
from manysides.extract.textdump.model import line_scores, load_weights
from manysides.extract.textdump.region import select_body
from manysides.extract.textdump.unwrap import unwrap

MAX_SITE_WORDS = 6
_DOMAIN_LINE = re.compile(r"^(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12})/?$", re.I)
FULL_CONFIDENCE_WORDS = 150  # a body this long is not a stray paragraph
MIN_BODY_WORDS = 25  # a body shorter than this is looked for again against the page's best line score
# The most text one page is read for: a long article is about 200,000 characters, and the line classifier
# and cleaners must stay within seconds. The rest is dropped, and the article says so.
MAX_TEXT_CHARS = 1_000_000
_NON_ALNUM = re.compile(r"[\W_]+")


def extract_text_dump(text: str, url: str | None = None) -> Extracted:
    """The article in the plain text of a whole page; an empty body when none is found.

    The page's `url`, when given, helps: most slugs spell the headline, and the article starts
    right below it.
    """
    return extract_with_model(text, url, load_weights())


def extract_with_model(text: str, url: str | None, weights: dict[str, Any]) -> Extracted:
    """extract_text_dump with given model weights (training scores candidate models this way)."""
    text = text or ""
    dropped = len(text) > MAX_TEXT_CHARS
    if dropped:
        text = cut_at_word(text, MAX_TEXT_CHARS)
    lines = split_lines(unwrap(text))
    title = title_index(lines, url)
    probs = line_scores(lines, weights, title)
    kept = select_body(lines, probs, weights, title)
    if sum(lines[i].words for i in kept) < MIN_BODY_WORDS:
        kept = _fallback(lines, probs, weights, title, kept)
    if not kept:
        return Extracted(url=url, confidence=0.0)
    site = site_name(lines)
    meta = Meta()
    header = read_header(lines, body_start(lines, kept), meta, site, title)
    top = min(header.used) if header.title is not None else -1
    # Above the headline only running prose can still be article (a lede set before it).
    body_lines = [i for i in kept if (i > top or is_prose(lines[i])) and i not in header.used]
    body = clean_body(lines, body_lines, meta, site)
    if body.paragraphs:
        meta.cited_sources.extend(w for w in dateline_wires(body.paragraphs[0]) if w not in meta.cited_sources)
    extracted = Extracted(
        body="\n\n".join(body.paragraphs),
        title=header.title,
        subtitle=header.subtitle,
        authors=meta.authors,
        published=meta.published,
        outlet=meta.byline_outlet or site or (None if url else site_domain(lines, kept[0])),
        tags=read_tags(lines, kept[-1]),
        captions=_unique(header.captions[::-1] + body.captions),
        cited_sources=meta.cited_sources,
        republished_from=meta.republished_from,
        url=url,
        confidence=_confidence(lines, kept, probs, body.paragraphs),
    )
    cut = sum(1 for i in body_lines if lines[i].cut)
    if cut and extracted.body:
        extracted.doubt(
            f"text truncated: {cut} line{'s' if cut != 1 else ''} of the article over "
            f"{MAX_LINE_CHARS:,} characters cut at that length"
        )
    if dropped and extracted.body:
        extracted.doubt(f"text truncated: only the first {MAX_TEXT_CHARS:,} characters of the page were read")
    return extracted


def _fallback(
    lines: list[Line], probs: list[float], weights: dict[str, Any], title: int | None, kept: list[int]
) -> list[int]:
    """The body chosen again against the page's own best score when the model's thresholds left (nearly) none.

    Scores run low on a page unlike the training pages (a script written without full stops, a layout never
    seen); the lines it scores best are still the article's. Taken only on a page with a line as long as a
    paragraph (marked as a sentence or not), and only when it finds more words than before.
    """
    top = max(probs, default=0.0)
    if top <= 0.0 or not any(line.words >= PROSE_WORDS for line in lines):
        return kept  # a page without a line as long as a paragraph has no article to look for again
    scaled = dict(weights, keep=weights["keep"] * top, region=weights["region"] * top)
    again = select_body(lines, probs, scaled, title)
    words = sum(lines[i].words for i in again)
    return again if words > sum(lines[i].words for i in kept) else kept


def body_start(lines: list[Line], kept: list[int]) -> int:
    """The first body paragraph: the first prose line, unless media separates it from the next.

    A short paragraph followed by an image, its caption or a "Listen" button before the text
    goes on is the standfirst; the header reader then takes it as the subtitle.
    """
    prose = [i for i in kept if is_prose(lines[i]) and not is_caption(lines[i].text)][:2]
    if not prose:
        return kept[0]
    if len(prose) == 2 and lines[prose[0]].words <= MAX_STANDFIRST_WORDS:
        between = lines[prose[0] + 1 : prose[1]]
        if any(is_caption(line.text) or is_counter(line.text) for line in between):
            return prose[1]
    return prose[0]


def site_name(lines: list[Line]) -> str | None:
    """The page's first line when it is short and the page repeats it (header and footer logo)."""
    first = lines[0]
    if first.bullet or not 1 <= first.words <= MAX_SITE_WORDS:
        return None
    repeats = sum(1 for line in lines if line.text == first.text)
    return first.text if repeats >= 2 else None


def site_domain(lines: list[Line], before: int) -> str | None:
    """A bare domain line in the page header ("www.example.com"): the site, when the page's URL is unknown."""
    for line in lines[:before]:
        match = _DOMAIN_LINE.match(line.text.strip())
        if match:
            return match.group("host").lower()
    return None


def _confidence(lines: list[Line], kept: list[int], probs: list[float], paragraphs: list[str]) -> float:
    """Mean line score of the body, weighed by length, scaled down for very short bodies."""
    if not paragraphs:
        return 0.0
    words = sum(lines[i].words for i in kept) or 1
    mean = sum(probs[i] * lines[i].words for i in kept) / words
    return round(mean * min(1.0, words / FULL_CONFIDENCE_WORDS), 3)


def _unique(items: list[str]) -> list[str]:
    """First occurrence of each item, order kept; near-duplicates (punctuation only) collapse."""
    seen: set[str] = set()
    out = []
    for item in items:
        key = _NON_ALNUM.sub("", item.lower())
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
