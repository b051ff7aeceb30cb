"""Choosing each metadata field among the page's declarations, most explicit source first.

Order everywhere: the JSON-LD article object, then OpenGraph/meta tags, then page structure
(h1, <title>, bylines via trafilatura), then content-based guesses (htmldate, py3langid). The slower
guesses run only when nothing explicit was declared.
"""

from __future__ import annotations

import re

import py3langid
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.metadata import extract_metainfo, extract_sitename, normalize_authors
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

from manysides.extract.fields import Extracted
from manysides.extract.html_metadata import DASHES, TITLE_SEPARATORS, PageFacts, clean_text, iso_date, names
from manysides.extract.words import byline_lead

_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "byl", "dc.creator")


def fill_metadata(extracted: Extracted, facts: PageFacts, tree: HtmlElement) -> None:
    """Set title, subtitle, authors, dates and the rest on `extracted` from the page facts.

    The tree's last user: the byline search prunes it in place (a full copy would cost ~4 ms a page).
    """
    article = facts.article()
    extracted.outlet = _outlet(facts, article, tree)
    extracted.title = _title(facts, article, extracted.outlet)
    extracted.subtitle = _first_text(
        article.get("description"),
        facts.first_meta("og:description"),
        facts.first_meta("description"),
        facts.first_meta("twitter:description"),
    )
    extracted.published = _published(facts, article, tree, extracted.url)
    extracted.language = facts.lang or _detect_language(extracted.body)
    extracted.tags = _tags(facts, article)
    extracted.canonical_url = _first_text(facts.canonical, facts.first_meta("og:url"), _url_of(article))
    extracted.captions = list(dict.fromkeys(c for c in facts.captions if c))
    organisations = {name.lower() for name in [extracted.outlet or "", *names(article.get("publisher"))]}
    bylines, extracted.authors = _authors(facts, article, tree, organisations)
    extracted.cited_sources = cited_sources([*bylines, *_credit_lines(extracted.body)])
    extracted.republished_from = _republished_from(article, extracted.body)


def _first_text(*values: object) -> str | None:
    return next((clean_text(v) for v in values if isinstance(v, str) and v.strip()), None)


def _outlet(facts: PageFacts, article: dict[str, object], tree: HtmlElement) -> str | None:
    """Declared site name, else the publisher, else trafilatura's guess from the <title> (a domain-like part)."""
    publisher = names(article.get("publisher"))
    declared = _first_text(facts.first_meta("og:site_name"), *publisher, facts.first_meta("application-name"))
    return re.sub(r"^(@|https?://)", "", declared) if declared else extract_sitename(tree)


def _title(facts: PageFacts, article: dict[str, object], outlet: str | None) -> str | None:
    """The headline as declared, without a trailing " | Outlet" or " - Section" that the <h1> lacks."""
    title = _first_text(
        article.get("headline"),
        facts.first_meta("og:title"),
        facts.first_meta("twitter:title"),
        *facts.h1[:1],
        facts.title_tag,
    )
    if not title:
        return None
    suffixes = [outlet] if outlet else []
    if facts.h1 and title.startswith(facts.h1[0]) and len(title[len(facts.h1[0]) :].split()) <= 5:
        suffixes.append(title[len(facts.h1[0]) :].lstrip(" |:-" + DASHES))
    for separator in TITLE_SEPARATORS:
        for suffix in suffixes:
            if suffix and title.endswith(separator + suffix):
                return title[: -len(separator + suffix)].strip()
    return title


def _authors(
    facts: PageFacts, article: dict[str, object], tree: HtmlElement, organisations: set[str]
) -> tuple[list[str], list[str]]:
    """The first source that names a person wins: JSON-LD, meta tags, then trafilatura's byline search.

    Returns the raw bylines too, because an agency named there is a cited source, not an author.
    """
    sources = (
        lambda: names(article.get("author")) or names(article.get("creator")),
        lambda: [v for name in _AUTHOR_META for v in facts.meta.get(name, []) if v and not _is_address(v)],
        lambda: [found] if (found := _byline(tree)) else [],
    )
    bylines: list[str] = []
    for source in sources:
        bylines = source()
        people = [name for name in clean_authors(bylines) if not _is_organisation(name, organisations)]
        if people:
            return bylines, people
    return bylines, []


def _byline(tree: HtmlElement) -> str | None:
    """trafilatura's byline search (its extract_author) without the defensive deep copy: prunes `tree`."""
    found = extract_metainfo(prune_unwanted_nodes(tree, AUTHOR_DISCARD_XPATHS), AUTHOR_XPATHS, len_limit=120)
    return normalize_authors(None, found) if found else None


_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URL = re.compile(r"https?://\S+|www\.\S+")
_BY = re.compile(r"^\W*([a-z]+\s+)?" + byline_lead(colon_needed=False), re.I)  # "By", "Por", "بقلم", "מאת"
_SPLIT = re.compile(r"\s+(?:and|&|und|et|y|e)\s+|\s*[,;|/]\s*|\s+\u00b7\s+", re.I)
_NOT_NAME = re.compile(
    r"\d|@|\b(staff|editor|editors|editorial|team|desk|reporter|correspondent|updated|published|news|commented)\b", re.I
)
_CALENDAR = (
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july"
    r"|august|september|october|november|december)"
)
_CALENDAR_TAIL = re.compile(rf"(\s+{_CALENDAR}\b.*)?$", re.I)


def _is_address(value: str) -> bool:
    return bool(_URL.match(value)) or bool(_EMAIL.search(value))


def clean_authors(raw: list[str]) -> list[str]:
    """Person names only: no "By", no e-mail or URL, "A and B" split, agencies and roles left out."""
    people: dict[str, str] = {}
    for value in raw:
        value = _BY.sub("", _URL.sub(" ", _EMAIL.sub(" ", value)))
        for part in _SPLIT.split(value):
            name = _CALENDAR_TAIL.sub("", clean_text(_BY.sub("", part))).strip(" .:-" + DASHES)
            if _looks_like_name(name):
                name = name.title() if name.isupper() else name
                people.setdefault(name.lower(), name)
    return list(people.values())


def _looks_like_name(name: str) -> bool:
    """Two to five words, no digits, roles, agencies or calendar words: mononyms are mostly handles or brands."""
    words = name.split()
    return 2 <= len(words) <= 5 and not _NOT_NAME.search(name) and not cited_sources([name]) and " - " not in name


def _is_organisation(name: str, organisations: set[str]) -> bool:
    """The outlet or publisher credited as author ("CNN Business" on CNN, "Business Insider" on its .de edition)."""
    lowered = name.lower()
    return any(org and (org in lowered or lowered in org) for org in organisations)


def _published(facts: PageFacts, article: dict[str, object], tree: HtmlElement, url: str | None) -> str | None:
    """Declared publication time first; htmldate's extensive search only when nothing is declared."""
    for value in (article.get("datePublished"), article.get("dateCreated"), *(facts.first_meta(n) for n in _DATE_META)):
        if isinstance(value, str) and (date := iso_date(value)):
            return date
    found = _htmldate(tree, url, extensive=False) or _htmldate(tree, url, extensive=True)
    if not found:
        return None
    return iso_date(found[:10]) if found[11:19] == "00:00:00" else iso_date(found)


def _htmldate(tree: HtmlElement, url: str | None, extensive: bool) -> str | None:
    """htmldate; the extensive search (slow: free-text date parsing) only runs when the quick one finds nothing.

    A guess, so a page it cannot handle has no date rather than no article: htmldate copies page text into new
    elements, which lxml refuses when a character reference made it a control character (&#x7;).
    """
    try:
        return find_date(
            tree, extensive_search=extensive, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S%z", url=url
        )
    except ValueError:
        return None


def _detect_language(body: str) -> str | None:
    """Offline guess from the body when the page does not declare its language."""
    if len(body) < 40:
        return None
    language, _ = py3langid.classify(body[:5000])
    return str(language)


def _tags(facts: PageFacts, article: dict[str, object]) -> list[str]:
    keywords = article.get("keywords")
    declared = [*facts.meta.get("article:tag", []), *(keywords if isinstance(keywords, list) else [keywords])]
    tags = [clean_text(tag) for value in declared if isinstance(value, str) for tag in value.split(",")]
    unique: dict[str, str] = {}
    for tag in tags:
        if tag and len(tag) <= 80:
            unique.setdefault(tag.lower(), tag)
    return list(unique.values())


def _url_of(article: dict[str, object]) -> str | None:
    entity = article.get("mainEntityOfPage")
    url = entity.get("@id") if isinstance(entity, dict) else article.get("url")
    return url if isinstance(url, str) and url.startswith("http") else None


_AGENCIES = {
    "AP": r"AP|Associated Press",
    "Reuters": r"Reuters|Thomson Reuters",
    "AFP": r"AFP|Agence France[- ]Presse",
    "dpa": r"dpa|Deutsche Presse-Agentur",
    "EFE": r"EFE",
    "ANSA": r"ANSA",
    "PTI": r"PTI|Press Trust of India",
    "IANS": r"IANS",
    "Xinhua": r"Xinhua",
    "PA": r"PA Media|Press Association",
    "UPI": r"UPI|United Press International",
    "Bloomberg": r"Bloomberg News",
    "Agencies": r"(News )?[Aa]gencies|[Ww]ire services|[Ww]ire reports",
}
_AGENCY = {name: re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])") for name, pattern in _AGENCIES.items()}
_CREDIT = re.compile(
    r"contributed|reporting by|source:|sources:|agencies|wire|writers?|\(\w+\)\s*[-\u2013\u2014]", re.I
)


def cited_sources(texts: list[str]) -> list[str]:
    """Wire agencies named in bylines or credit lines; case-sensitive so "ap" or "apt" never match."""
    return [name for name, pattern in _AGENCY.items() if any(pattern.search(text) for text in texts)]


def _credit_lines(body: str) -> list[str]:
    """The dateline ("WASHINGTON (AP) —") and short credit lines at the end that name a source."""
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    lines = [p for p in paragraphs[-3:] if len(p.split()) <= 30 and _CREDIT.search(p)]
    if paragraphs and (dateline := re.match(r"^[^()]{0,60}\(([^)]{2,40})\)\s*[-\u2013\u2014]", paragraphs[0])):
        lines.append(dateline.group(1))
    return lines


_REPUBLISHED = re.compile(
    r"\b(?:originally|first) (?:published|appeared|ran)\s+(?:on|in|at|by)\s+(.{2,120}?)[.)]?$", re.I
)


def _republished_from(article: dict[str, object], body: str) -> str | None:
    """Where a republished article came from: JSON-LD isBasedOn, else an "originally published" line."""
    based_on = article.get("isBasedOn") or article.get("isBasedOnUrl")
    if isinstance(based_on, dict):
        based_on = based_on.get("url") or based_on.get("name")
    if isinstance(based_on, str) and based_on.strip():
        return based_on.strip()
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    for paragraph in [*paragraphs[:2], *paragraphs[-3:]]:
        if len(paragraph.split()) <= 40 and (found := _REPUBLISHED.search(paragraph)):
            return found.group(1).strip()
    return None
