"""Recognise the short metadata lines around an article: byline, source, date, counters, captions.

Patterns are about the shape of such lines on any site ("By X", "Source: Y", "4 Min Read"),
never about one site's wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from manysides.extract.marks import ascii_digits
from manysides.extract.textdump.dates import find_date
from manysides.extract.words import MINUTE_WORDS, byline_lead

MAX_META_WORDS = 14
MAX_CAPTION_CHARS = 400
WIRES = ("AFP", "AP", "Reuters", "dpa", "ANSA", "EFE", "Xinhua", "TASS", "Anadolu", "IANS", "PTI", "UPI")
_WIRE = re.compile(r"\b(" + "|".join(WIRES) + r")\b|\bAssociated Press\b|\bAgence France-Presse\b")
_BYLINE = re.compile("^" + byline_lead(colon_needed=True) + r"(?P<names>.+)$", re.I)  # "By X", "بقلم X", "Haber: X"
_ROLE_BYLINE = re.compile(
    r"^(?P<names>[^|,]{3,60}?)\s*[|,\u2013-]\s*(?:staff |senior |chief )?"
    r"(?:reporter|writer|correspondent|editor|journalist|contributor)\b",
    re.I,
)
_DESK = re.compile(
    r"^(?:[\w ]{0,30} )?(?:news desk|web desk|staff|staff writer|staff reporter|editorial team|agencies)$", re.I
)
_SOURCE = re.compile(
    r"^(?:source|sources|via|credit|courtesy|originally published (?:at|by|in)|quelle|fuente|fonte)"
    r"\s*:\s*(?P<value>.+)$",
    re.I,
)
_URL = re.compile(r"https?://\S+|www\.\S+", re.I)
_COUNTER = re.compile(
    r"^(?:[\d.,]+[km]?\s*(?:shares?|comments?|views?|reads?|likes?)|\d+\s*(?:-\s*)?min(?:ute)?s?\.?(?:\s+read)?"
    r"|reading time:?\s*\d+\s*min(?:ute)?s?|listen(?: to (?:this )?(?:article|story))?|print|share|x|\d+)$",
    re.I,
)
_CREDIT = re.compile(  # "(AP)", "(AP Photo/Jane Doe)", "(Photo by X/Getty Images)", "Photo: X", ".../Reuters"
    r"\([^()]{0,60}?\b(?:"
    + "|".join(WIRES)
    + r"|photos?|images?|press|credit|getty|shutterstock|file|pool)\b[^()]{0,60}\)$"
    r"|^(?:photo|image|picture|credit|foto)s?\s*:|^(?:file photo|image caption|photo caption)\b"
    r"|\b(?:photo|image) credit\b|\bGetty Images\b|\b(?:AP|AFP|Reuters|EPA)\s*/\s*[\w .'-]{0,40}$"
    # any language: a one-word label and a short credit in brackets closing a line, "... (Foto: J. W.)"
    r"|\S\s\(\w+ ?: ?[^():]{1,50}\)$",
    re.I,
)
_CAPTION_STARTS = ("photo", "image", "picture", "credit", "foto", "file photo")
_DATELINE = re.compile(r"^[^a-z]{2,60}?\((?P<wire>" + "|".join(WIRES) + r")\)\s*[\u2014\u2013-]")
_SOCIAL = re.compile(
    r"\b(?:facebook|twitter|whatsapp|e-?mail|print|linkedin|reddit|pinterest|telegram|share|copy link|x)\b", re.I
)
_MINUTES = re.compile(r"\d+\s?(?:" + "|".join(map(re.escape, MINUTE_WORDS)) + r")(?!\w)", re.I)
MAX_READING_WORDS = 6
_SEGMENT = re.compile(r"\s+[|•·]\s+")
MAX_ABBREVIATION = 3
_SPLIT_NAMES = re.compile(r"\s*(?:,|&|\band\b|\by\b|\bund\b|\bet\b)\s*", re.I)


@dataclass
class Meta:
    """Fields gathered from metadata lines."""

    authors: list[str] = field(default_factory=list)
    byline_outlet: str | None = None
    published: str | None = None
    cited_sources: list[str] = field(default_factory=list)
    republished_from: str | None = None


def is_caption(text: str) -> bool:
    """A line ending in a photo credit, or labelled as a photo (captions are short)."""
    if len(text) > MAX_CAPTION_CHARS:
        return False
    lowered = text.lower()
    maybe = (
        text.endswith(")")
        or lowered.startswith(_CAPTION_STARTS)
        or "/" in text[-45:]
        or "credit" in lowered
        or "getty" in lowered
    )
    return maybe and _CREDIT.search(text) is not None  # the plain tests first: most lines fail them


def is_social(text: str) -> bool:
    """Share buttons and social network names."""
    return _SOCIAL.search(text) is not None


def is_counter(text: str) -> bool:
    """Share/comment counters, reading time, 'Listen', lone icons and numbers."""
    return _COUNTER.match(text.strip()) is not None or is_reading_time(text)


def is_reading_time(text: str) -> bool:
    """A short line giving minutes in any language ("Lesezeit: 4 Min.", "Okuma süresi: 4 dk"), not a sentence."""
    if len(text.split()) > MAX_READING_WORDS:
        return False
    text = ascii_digits(text.rstrip())
    found = _MINUTES.search(text)  # the minutes end the line: "30 minutes before bed" is no reading time
    if found is None or found.end() < len(text) - 1:
        return False
    # a final period may close the unit's abbreviation ("4 Min."); any other sentence end makes it a sentence
    abbreviated = len(found.group().lstrip("0123456789 ")) <= MAX_ABBREVIATION
    return found.end() == len(text) or (text.endswith(".") and abbreviated)


def read_meta(text: str, words: int, meta: Meta, site: str | None) -> bool:
    """If `text` is a metadata line, record what it says in `meta` and return True."""
    if words > MAX_META_WORDS:
        return _read_segments(text, meta, site)
    if is_counter(text):
        return True
    source = _SOURCE.match(text)
    if source:
        _record_source(source.group("value").strip(), meta)
        return True
    byline = _BYLINE.match(text) or _ROLE_BYLINE.match(text)
    if byline:
        _record_byline(byline.group("names"), meta, site)
        return True
    if _DESK.match(text):
        _add(meta.authors if not text.lower().endswith("agencies") else meta.cited_sources, text.strip())
        return True
    found = find_date(text)
    if found and words <= 8:
        meta.published = meta.published or found
        return True
    return False


def _read_segments(text: str, meta: Meta, site: str | None) -> bool:
    """A long meta line of short parts, "By X · Published <date> · Updated <date>": each part read on its own."""
    parts = _SEGMENT.split(text)
    if len(parts) < 2 or any(len(part.split()) > MAX_META_WORDS for part in parts) or find_date(text) is None:
        return False
    for part in parts:
        read_meta(part, len(part.split()), meta, site)
    return True


def _record_source(value: str, meta: Meta) -> None:
    """'Source: <URL>' means the text is another site's; 'Source: AFP' cites an agency."""
    url = _URL.search(value)
    if url:
        meta.republished_from = meta.republished_from or url.group(0).rstrip(".,;)")
        return
    for name in re.split(r"\s*[,/;&]\s*|\s+and\s+", value):
        if name:
            _add(meta.cited_sources, name)


def _record_byline(names: str, meta: Meta, site: str | None) -> None:
    """Split 'A, B and C'; a wire or the site's own name is a source/outlet, not a person."""
    found = find_date(names)  # "By X | 5 May 2025" or "Por X · Publicado el 28/11/2026"
    names = re.split(r"\s*[|•·]\s*|\s+-\s+", names)[0]
    if found:
        meta.published = meta.published or found
        names = re.split(r"\s+(?:on|at|updated|published)\b|\d", names, maxsplit=1)[0]
    if site and names.strip().lower() == site.lower():
        meta.byline_outlet = site
        return
    for name in _SPLIT_NAMES.split(names):
        name = name.strip(" .:")
        if not name:
            continue
        if _WIRE.fullmatch(name):
            _add(meta.cited_sources, name)
        else:
            _add(meta.authors, name)


def dateline_wires(paragraph: str) -> list[str]:
    """Wires credited in a dateline opening the body: 'WASHINGTON (AP) — ...'."""
    match = _DATELINE.match(paragraph)
    return [match.group("wire")] if match else []


def _add(items: list[str], value: str) -> None:
    if value and value not in items:
        items.append(value)
