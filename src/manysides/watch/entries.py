"""What a source lists: a feed's entries, a news sitemap's URLs or a section page's article links, as pages.

A feed entry carries its content (a teaser is fetched later, as `ingest` does); a sitemap URL or a page link is
a page with no content yet, its stated title and date kept as given fields. Each poll reads at most
MAX_ENTRIES entries: feeds and sitemaps list the newest first, and a source that lists 10,000 costs no more
than one that lists 500.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from manysides.errors import InputError, first_line
from manysides.ingest.detect import detect_format
from manysides.ingest.feed import read_feed
from manysides.ingest.fetch import Fetched
from manysides.records.article import published_utc
from manysides.records.domains import candidates, url_domain
from manysides.records.page import Page

MAX_ENTRIES = 500
_ENTRY_END = re.compile(rb"</(?:[a-z0-9_-]+:)?(?:item|entry)\s*>", re.IGNORECASE)
_SITEMAP_ROOT = re.compile(rb"<(?:[a-z0-9_-]+:)?(urlset|sitemapindex)[\s>]", re.IGNORECASE)
_ARTICLE_PATH = re.compile(r"/(?:\d{4}/\d{1,2}/|[^/]*[a-z0-9]+-[a-z0-9]+-[a-z0-9]+[^/]*/?$|[^/]*\d{5,}[^/]*/?$)", re.I)
_NOT_ARTICLE = re.compile(r"/(?:tag|tags|category|categories|author|authors|topic|topics|page|search|login)/", re.I)


@dataclass
class Listing:
    """The entries of one poll, the errors of single entries, and the entries' stated publication times."""

    kind: str
    entries: list[tuple[str, Page]] = field(default_factory=list)  # (entry key, page)
    errors: list[InputError] = field(default_factory=list)
    published: list[datetime] = field(default_factory=list)


def recognise(fetched: Fetched) -> str:
    """feed, sitemap or page, from the content (the content type only breaks ties)."""
    head = fetched.content[:8192]
    if detect_format(head, "") == "feed":
        return "feed"
    if _SITEMAP_ROOT.search(head):
        return "sitemap"
    return "page"


def list_entries(fetched: Fetched, kind: str | None, source: str, outlet: str) -> Listing:
    """The entries of a fetched source; a body that is not what the source should be is one InputError."""
    kind = kind or recognise(fetched)
    listing = Listing(kind)
    if kind == "feed":
        items: Iterator[Page | InputError] = read_feed(_first_entries(fetched.content), source, None)
    elif kind == "sitemap":
        items = _sitemap(fetched.content, source)
    else:
        items = _links(fetched, source)
    for item in items:
        if isinstance(item, InputError):
            listing.errors.append(item)
            continue
        given = {**item.given, "outlet": outlet}  # the sources file names the outlet; a feed's title may not
        page = replace(item, given=given)
        listing.entries.append((entry_key(page), page))
        moment = published_utc(given.get("published"))
        if moment is not None:
            listing.published.append(moment.replace(tzinfo=None))
    return listing


def entry_key(page: Page) -> str:
    """What makes an entry the same entry on the next poll: its link, else its content."""
    basis = page.url.encode("utf-8", "replace") if page.url else page.raw
    return hashlib.sha256(basis).hexdigest()[:32]


def _first_entries(data: bytes) -> bytes:
    """The feed cut after its MAX_ENTRIES-th entry (feedparser's loose mode reads the unclosed rest)."""
    for count, match in enumerate(_ENTRY_END.finditer(data), start=1):
        if count == MAX_ENTRIES:
            return data[: match.end()]
    return data


def _sitemap(data: bytes, source: str) -> Iterator[Page | InputError]:
    """A news sitemap's URLs, newest first by their stated dates; a sitemap index is named as such."""
    parser_events = etree.iterparse(
        io.BytesIO(data), events=("end",), resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    found: list[tuple[float, str, dict[str, object]]] = []
    try:
        for _event, element in parser_events:
            tag = etree.QName(element).localname if isinstance(element.tag, str) else ""
            if tag == "sitemapindex":
                raise InputError(source, "a sitemap index, not a sitemap: list the sitemaps it names as sources")
            if tag != "url":
                continue
            fields = {
                etree.QName(child).localname: (child.text or "").strip()
                for child in element.iter()
                if isinstance(child.tag, str)
            }
            element.clear()
            loc = fields.get("loc", "")
            if not loc.lower().startswith(("http://", "https://")):
                continue
            given: dict[str, object] = {"url": loc}
            if fields.get("title"):
                given["title"] = fields["title"]
            stated = fields.get("publication_date") or fields.get("lastmod")
            moment = published_utc(stated) if stated else None
            if moment is not None:
                given["published"] = stated
            found.append((-moment.timestamp() if moment else 0.0, loc, given))
            if len(found) >= 50_000:  # the sitemap protocol's own limit
                break
    except etree.XMLSyntaxError as error:
        if not found:
            raise InputError(source, f"not a valid sitemap ({first_line(error)})") from None
    if not found:
        raise InputError(source, "sitemap lists no URLs")
    found.sort(key=lambda item: item[0])
    for _key, loc, given in found[:MAX_ENTRIES]:
        yield Page(source=f"{source}#{loc}", kind="html", raw=b"", url=loc, given=given, feed_entry=True)


def _links(fetched: Fetched, source: str) -> Iterator[Page | InputError]:
    """A section page's links that look like articles of the same site, in page order."""
    try:
        document = lxml.html.fromstring(fetched.content)
    except (etree.ParserError, ValueError) as error:
        raise InputError(source, f"section page could not be parsed ({first_line(error)})") from None
    site = url_domain(fetched.final_url)
    seen: set[str] = set()
    for anchor in document.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        try:
            url = urljoin(fetched.final_url, href).split("#", 1)[0]
            path = urlsplit(url).path
        except ValueError:
            continue
        domain = url_domain(url)
        if domain is None or site is None or site not in candidates(domain) or url in seen:
            continue
        if not _ARTICLE_PATH.search(path) or _NOT_ARTICLE.search(path):
            continue
        seen.add(url)
        title = " ".join(anchor.text_content().split())[:300]
        given: dict[str, object] = {"url": url, **({"title": title} if title else {})}
        yield Page(source=f"{source}#{url}", kind="html", raw=b"", url=url, given=given, feed_entry=True)
        if len(seen) >= MAX_ENTRIES:
            return
    if not seen:
        raise InputError(source, "section page links to no articles of its own site")
