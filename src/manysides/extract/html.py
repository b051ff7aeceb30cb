"""HTML extraction: trafilatura picks the main content, ManySides removes what it keeps by mistake.

One parse per page: the tree is read for declared metadata (JSON-LD, OpenGraph, figcaptions) first,
then handed to trafilatura (its full mode with the fallback extractors, recall-leaning), and its output
blocks are cleaned with rules that use those declarations (html_body). Fast mode, which skips the fallbacks,
scored a little higher on the development pages but lost to trafilatura's own defaults on many unseen sites;
building on the library's full mode keeps ManySides from ever being worse than it.

A page the tree cannot fairly represent (too many elements to extract in bounded time, or a parse that
libxml2 stopped part way) is read as plain text instead (html_text, then the text-dump extractor), and the
article says so with a warning and a low confidence.
"""

from __future__ import annotations

from configparser import ConfigParser
from copy import deepcopy
from functools import cache

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import DEFAULT_CONFIG, Document
from trafilatura.utils import load_html

from manysides.extract.fields import Extracted
from manysides.extract.html_body import PageContext, clean_body, norm
from manysides.extract.html_chunks import sibling_chunks
from manysides.extract.html_cost import parse_stopped_early, too_many_elements, too_much_text
from manysides.extract.html_fields import fill_metadata
from manysides.extract.html_metadata import TITLE_SEPARATORS, PageFacts, read_facts
from manysides.extract.html_text import page_text, page_title
from manysides.extract.textdump import extract_text_dump

MIN_EXTRACTED_SIZE = 100


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Extract the article from one HTML page; an empty body when nothing article-like is found."""
    costly = too_many_elements(html)
    if costly:
        return _as_plain_text(html, url, costly)
    tree = _parse(html)
    if tree is None:
        return Extracted(url=url, confidence=0.0)
    unfit = parse_stopped_early() or too_much_text(tree)
    if unfit:
        return _as_plain_text(html, url, unfit)
    facts = read_facts(tree)
    context = _context(facts, url)
    doc = _trafilatura(tree, url)
    if doc is not None and _run_together(doc.text or "", context):
        doc = _trafilatura(tree, url, _short_config()) or doc
    body = clean_body(doc.body, context) if doc is not None else ""
    before, after = sibling_chunks(tree, body)
    body = "\n\n".join([*before, body, *after]) if before or after else body
    extracted = Extracted(body=body, url=url, confidence=0.8 if body else 0.0)
    fill_metadata(extracted, facts, tree)
    return extracted


def _trafilatura(tree: HtmlElement, url: str | None, config: ConfigParser | None = None) -> Document | None:
    return trafilatura.bare_extraction(
        tree, url=url, fast=False, favor_recall=True, include_comments=False, include_tables=True, config=config
    )


def _run_together(text: str, context: PageContext) -> bool:
    """One block that opens with the headline: trafilatura's rescue of a result under its minimum size.

    It then swaps its result for the page's text run together (headline, dateline and all); a brief in a
    script of short words (Arabic, Hebrew) falls under its default minimum of 250 characters.
    """
    if not text or "\n" in text.strip():
        return False
    key = norm(text)
    return any(key.startswith(title) for title in context.titles | context.headings if title)


@cache
def _short_config() -> ConfigParser:
    """trafilatura's settings with a minimum size that a two-paragraph brief passes."""
    config = deepcopy(DEFAULT_CONFIG)
    config["DEFAULT"]["MIN_EXTRACTED_SIZE"] = str(MIN_EXTRACTED_SIZE)
    return config


def _as_plain_text(html: str, url: str | None, reason: str) -> Extracted:
    """The bounded fallback: the page's text through the text-dump extractor, marked as doubtful."""
    extracted = extract_text_dump(page_text(html), url)
    extracted.title = extracted.title or page_title(html)
    extracted.doubt(f"read as plain text: {reason}")
    return extracted


def _parse(html: str) -> HtmlElement | None:
    """Parse once; hostile or empty input gives None rather than an exception."""
    if not html or not html.strip():
        return None
    try:
        return load_html(html)
    except (ValueError, TypeError):
        return None


def _context(facts: PageFacts, url: str | None) -> PageContext:
    """What the body cleaner needs to recognise the page's headline, standfirst, captions, links and address."""
    article = facts.article()
    titles = [article.get("headline"), facts.first_meta("og:title"), facts.first_meta("twitter:title")]
    if facts.title_tag:
        titles.append(facts.title_tag)
        titles.extend(_title_parts(facts.title_tag))
    descriptions = [article.get("description"), *(facts.first_meta(name) for name in _DESCRIPTION_META)]
    return PageContext(
        titles=_keys(titles),
        headings=_keys(facts.h1),
        descriptions=_keys(descriptions),
        captions=_keys(facts.captions),
        links=_keys(facts.links),
        addresses=_keys([facts.canonical, facts.first_meta("og:url"), url]),
    )


_DESCRIPTION_META = ("og:description", "description", "twitter:description")


def _title_parts(title: str) -> list[str]:
    """A <title> is often "Headline | Site" or "Headline - Site"; the headline part is what repeats."""
    for separator in TITLE_SEPARATORS:
        if separator in title:
            return [part for part in title.split(separator) if part.strip()]
    return []


def _keys(values: list[object]) -> set[str]:
    return {key for value in values if isinstance(value, str) and (key := norm(value))}
