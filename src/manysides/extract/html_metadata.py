"""Page metadata from what publishers declare for search engines and social cards.

JSON-LD (schema.org NewsArticle and kin) and OpenGraph/meta tags are written by the publisher for
machines, so they beat guessing from the layout; trafilatura and htmldate fill the gaps. Everything
is read from the one parsed tree, before trafilatura prunes it.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from dateutil import parser as dateparser
from lxml.html import HtmlElement

DASHES = "\u2013\u2014"  # en and em dash
TITLE_SEPARATORS = (" | ", " - ", " \u2013 ", " \u2014 ", " :: ")
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|Posting|Review", re.I)
_SPACE = re.compile(r"\s+")


@dataclass
class PageFacts:
    """Raw declarations found in one page, before choosing among them."""

    jsonld: list[dict[str, object]] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)
    title_tag: str | None = None
    h1: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    lang: str | None = None
    canonical: str | None = None

    def first_meta(self, *names: str) -> str | None:
        """The first non-empty content among meta tags named (property or name) as given, in that order."""
        for name in names:
            for value in self.meta.get(name, []):
                if value:
                    return value
        return None

    def article(self) -> dict[str, object]:
        """The JSON-LD object describing the article (an Article type first, else any with a headline)."""
        for item in self.jsonld:
            if any(_ARTICLE_TYPES.search(t) for t in _types(item)):
                return item
        return next((item for item in self.jsonld if "headline" in item), {})


def clean_text(value: object) -> str:
    """Collapse whitespace and undo HTML entities that some sites double-escape in meta tags."""
    return _SPACE.sub(" ", html.unescape(str(value))).strip()


def read_facts(tree: HtmlElement) -> PageFacts:
    """Collect JSON-LD, meta tags, title, h1, figcaptions, lang and canonical link in one pass each."""
    facts = PageFacts()
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            facts.jsonld.extend(_json_objects(script.text or ""))
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if name:
            facts.meta.setdefault(name, []).append(clean_text(meta.get("content") or ""))
    title = next(tree.iter("title"), None)
    facts.title_tag = clean_text(title.text_content()) if title is not None else None
    facts.h1 = [clean_text(h.text_content()) for h in tree.iter("h1")][:3]
    facts.captions = [clean_text(c.text_content()) for c in tree.iter("figcaption")]
    _resolve_references(facts.jsonld)
    facts.links = [clean_text(a.text_content()) for a in tree.iter("a") if not a.get("href", "").startswith("#")]
    facts.lang = _html_lang(tree)
    facts.canonical = _canonical(tree)
    return facts


def _json_objects(text: str) -> Iterator[dict[str, object]]:
    """Every JSON object in one ld+json script, flattening lists and @graph; broken JSON is skipped."""
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
            yield item


_REFERENCED = ("author", "creator", "publisher", "isBasedOn")


def _resolve_references(objects: list[dict[str, object]]) -> None:
    """Replace {"@id": ...} stubs (Yoast-style @graph) in people and publisher fields by the objects named."""
    by_id = {str(item["@id"]): item for item in objects if "@id" in item and len(item) > 1}

    def resolve(value: object) -> object:
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if isinstance(value, dict) and set(value) == {"@id"}:
            return by_id.get(str(value["@id"]), value)
        return value

    for item in objects:
        for key in _REFERENCED:
            if key in item:
                item[key] = resolve(item[key])


def _types(item: dict[str, object]) -> list[str]:
    kind = item.get("@type")
    return [str(k) for k in kind] if isinstance(kind, list) else [str(kind or "")]


def _html_lang(tree: HtmlElement) -> str | None:
    """The primary subtag of <html lang> ("en" from "en-US"), or None when absent or malformed."""
    root = tree.getroottree().getroot()
    lang = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
    primary = re.fullmatch(r"([A-Za-z]{2,3})([_-][A-Za-z0-9]{1,8})*", lang)
    return primary.group(1).lower() if primary else None


def _canonical(tree: HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (link.get("href") or "").startswith("http"):
            return link.get("href", "").strip()
    return None


def names(value: object) -> list[str]:
    """Names from a JSON-LD person/organisation value: a string, an object with name, or a list of them."""
    if isinstance(value, list):
        return [name for item in value for name in names(item)]
    if isinstance(value, dict):
        return names(value.get("name")) if value.get("name") else []
    return [clean_text(value)] if isinstance(value, str) and value.strip() else []


def iso_date(value: str | None) -> str | None:
    """ISO 8601 with the time and offset when the source states them, the bare date when it states only that."""
    value = (value or "").strip()
    if not re.search(r"\b\d{4}", value):
        return None
    try:
        parsed = dateparser.isoparse(value)
    except (ValueError, OverflowError):
        try:
            parsed = dateparser.parse(value, fuzzy=False)
        except (ValueError, OverflowError, TypeError):
            return None
    if not 1990 <= parsed.year <= datetime.now().year + 1:
        return None
    has_time = bool(re.search(r"\d{1,2}:\d{2}", value))
    return parsed.isoformat(timespec="seconds") if has_time else parsed.date().isoformat()
