"""Clean the selected body lines: drop link blocks, page furniture, metadata and captions; read tags after it.

"Related"/"Read more" headings inside the body introduce lists of links to other stories:
the heading and every line up to the next prose paragraph go. A real subheading is kept: it
is followed by prose straight away, not by link lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from manysides.extract.textdump.features import is_prose
from manysides.extract.textdump.furniture import page_furniture
from manysides.extract.textdump.lines import Line
from manysides.extract.textdump.meta import Meta, is_caption, is_counter, is_social, read_meta

_LINK_HEADING = re.compile(
    r"^(?:related(?: \w+){0,2}|read (?:more|also|next)|also read|see also|more (?:on|from|about) .{1,40}"
    r"|you (?:may|might) also (?:like|be interested in)|recommended(?: for you)?|more stories|related articles?"
    r"|further reading|watch|popular|trending|most (?:read|popular|viewed))\s*:?$",
    re.IGNORECASE,
)
_TAG_HEADING = re.compile(r"^(?:tags?|topics?|keywords?|tagged(?: with| in)?|filed under)\s*:\s*(?P<inline>.*)$", re.I)
# An author's bio or a contributors' note closing the text: "Jane Doe is a freelance writer ...".
_TRAILER = re.compile(
    r"^(?:[A-Z][\w.'-]+ ){1,3}(?:\([^)]{0,60}\) )?is (?:a|an|the) [^.]{0,100}?\b(?:writer|editor|reporter|journalist"
    r"|author|correspondent|contributor|columnist|publisher|educator|founder)\b"
    r"|\bcontributed (?:to )?this (?:report|story|article)\b"
)
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+(?=\S)")
MAX_TRAILER_PARAGRAPHS = 3  # looked for among the last paragraphs only
MAX_TAG_WORDS = 5
MIN_ECHO_WORDS = 4
ECHO_RADIUS = 2
ECHO_CHAR_SLACK = 6  # the two copies differ in a comma or two at most
MIN_TAGS = 2
_NORMAL = re.compile(r"\W+")


@dataclass
class Body:
    """The body paragraphs and what was taken out of them."""

    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


def is_link_heading(text: str) -> bool:
    """A heading over links to other stories ("Related", "Read more"), not a subheading of the article."""
    return _LINK_HEADING.match(text) is not None


def _key(text: str) -> str:
    return _NORMAL.sub("", text.lower())


def _echoed(lines: list[Line], i: int) -> bool:
    """The same text (punctuation aside) right next to it: an image's alt text and its caption."""
    line = lines[i]
    if line.words < MIN_ECHO_WORDS:
        return False
    near = lines[max(0, i - ECHO_RADIUS) : i] + lines[i + 1 : i + 1 + ECHO_RADIUS]
    similar = [other for other in near if abs(len(other.text) - len(line.text)) <= ECHO_CHAR_SLACK]
    if not similar:
        return False
    key = _key(line.text)
    return any(_key(other.text) == key for other in similar)


def clean_body(lines: list[Line], kept: list[int], meta: Meta, site: str | None) -> Body:
    """Paragraphs of the kept lines minus link blocks, meta lines and captions."""
    body = Body()
    if not kept:
        return body
    keep = set(kept) - page_furniture(lines, kept)
    in_links = False
    for i in range(kept[0], kept[-1] + 1):
        line = lines[i]
        if line.words <= 6 and _LINK_HEADING.match(line.text):
            in_links = True
            continue
        if in_links and not is_prose(line):
            continue
        in_links = False
        if i not in keep:
            continue
        if is_caption(line.text) or _echoed(lines, i):
            body.captions.append(line.text)
        elif not read_meta(line.text, line.words, meta, site):
            body.paragraphs.append(_unnumbered(lines, i))
    _drop_trailers(body.paragraphs)
    return body


def _unnumbered(lines: list[Line], i: int) -> str:
    """An item of a numbered list without its number, as a bulleted item loses its bullet.

    A line starting "1. " is an item only when a neighbour is numbered too: a list, not a sentence.
    """
    text = lines[i].text
    match = _NUMBERED.match(text)
    if match is None:
        return text
    near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return text[match.end() :] if any(_NUMBERED.match(n.text) for n in near) else text


def _drop_trailers(paragraphs: list[str]) -> None:
    """Remove author bios and contributor notes from the last paragraphs (never the first one)."""
    start = max(1, len(paragraphs) - MAX_TRAILER_PARAGRAPHS)
    paragraphs[start:] = [p for p in paragraphs[start:] if not _TRAILER.search(p)]


def read_tags(lines: list[Line], last: int) -> list[str]:
    """Short list items right after the body (or a 'Tags:' line): the article's tags."""
    tags: list[str] = []
    for line in lines[last + 1 : last + 40]:
        heading = _TAG_HEADING.match(line.text)
        if heading and not tags:
            tags.extend(t.strip() for t in re.split(r"\s*[,;|]\s*", heading.group("inline")) if t.strip())
            if tags:
                break
            continue
        if is_counter(line.text) and not tags:
            continue
        if not line.bullet or line.words > MAX_TAG_WORDS or is_social(line.text):
            break
        tags.append(line.text)
    return tags if len(tags) >= MIN_TAGS else []
