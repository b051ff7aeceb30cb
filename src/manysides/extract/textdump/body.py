"""Clean the selected body lines: drop link blocks, metadata and captions; read tags after it.

"Related"/"Read more" headings inside the body introduce lists of links to other stories:
the heading and every line up to the next prose paragraph go. A real subheading is kept: it
is followed by prose straight away, not by link lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import takewhile

from manysides.extract.textdump.dates import find_date
from manysides.extract.textdump.features import PROSE_WORDS, is_prose, sentence_final
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
MAX_TRAILER_PARAGRAPHS = 3  # looked for among the last paragraphs only
MAX_TAG_WORDS = 5
MIN_ECHO_WORDS = 4
ECHO_RADIUS = 2
ECHO_CHAR_SLACK = 6  # the two copies differ in a comma or two at most
MIN_TAGS = 2
TEASER_MIN_WORDS, TEASER_MAX_WORDS = 5, 30
MAX_LABEL_WORDS = 3
MENU_LINES = 2
MAX_STAMP_WORDS = 8
MAX_BOX_HEADING_WORDS = 4
MIN_BOX_ITEMS, MAX_BOX_ITEMS = 2, 20
# one to three words, a colon, a headline of five words or more
_LABELLED = re.compile(r"^[^\s:]+(?:\s[^\s:]+){0,2} ?: +\w+(?:\s+\S+){4}")
_NORMAL = re.compile(r"\W+")


@dataclass
class Body:
    """The body paragraphs and what was taken out of them."""

    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


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
    keep = set(kept) - _page_furniture(lines, kept)
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
            body.paragraphs.append(line.text)
    _drop_trailers(body.paragraphs)
    return body


def _page_furniture(lines: list[Line], kept: list[int]) -> set[int]:
    """Kept lines that are the page's, not the article's, told by shape alone (any language).

    - after the article's last paragraph, a heading or button of a few words and all that follows it (a tags
      heading, a share bar, "Most read" and its headlines), and a short sentence stranded after such buttons
      (a newsletter or app blurb); at the very end, headlines each stamped with a date or a reading time;
    - a "Label: Headline" line alone between paragraphs ("Read also: ...", "Lee también: "); a run of
      such lines is a list;
    - a box of links between paragraphs: a short heading over lines the page repeats elsewhere (the same
      headlines in its "Most read" or "Related" lists), where an article's own list says things once.
    """
    found = {i for k, i in enumerate(kept) if _inline_teaser(lines[i]) and not _in_run(lines, kept, k)}
    ordered = [i for i in kept if i not in found]
    last_prose = max((k for k, i in enumerate(ordered) if _article_prose(lines, i)), default=len(ordered))
    label = next((k for k in range(last_prose + 1, len(ordered)) if _is_label(lines[ordered[k]])), None)
    if label is not None:  # "Most read", "Share", "Lo más leído": what follows the article's last paragraph
        found.update(ordered[label:])
        del ordered[label:]
    while len(ordered) > 1:
        last = lines[ordered[-1]]
        above = lines[ordered[-1] - 1]
        stranded = last.words < PROSE_WORDS and _is_label(above)
        after = lines[ordered[-1] + 1] if ordered[-1] + 1 < len(lines) else None
        card = _is_short(last) and after is not None and _is_stamp(after)
        if not (_is_label(last) or is_counter(last.text) or card or (stranded and sentence_final(last.text))):
            break
        found.add(ordered.pop())
    return found | _link_boxes(lines, ordered)


def _link_boxes(lines: list[Line], kept: list[int]) -> set[int]:
    """Headings of a few words followed by at least two short lines, most of them repeated outside the body."""
    if not kept:
        return set()
    seen = Counter(line.text for j, line in enumerate(lines) if not kept[0] <= j <= kept[-1])
    found: set[int] = set()
    for i in kept:
        if lines[i].words > MAX_BOX_HEADING_WORDS or lines[i].bullet or sentence_final(lines[i].text):
            continue
        items = list(takewhile(lambda j: _is_short(lines[j]), range(i + 1, min(len(lines), i + 1 + MAX_BOX_ITEMS))))
        repeated = sum(seen[lines[j].text] > 0 for j in items)
        if len(items) >= MIN_BOX_ITEMS and 2 * repeated >= len(items):
            found.update((i, *items))
    return found


def _article_prose(lines: list[Line], i: int) -> bool:
    """A paragraph, unless it stands alone right after a menu (two short lines or more): a box's blurb.

    One that the text goes on from (a sentence follows) is the article resuming after a box of links.
    """
    if not is_prose(lines[i]) or (i + 1 < len(lines) and sentence_final(lines[i + 1].text)):
        return is_prose(lines[i])
    return not (i >= MENU_LINES and all(_is_short(lines[j]) for j in range(i - MENU_LINES, i)))


def _is_stamp(line: Line) -> bool:
    """A reading time or a date on a line of its own: under each headline of a list of other stories."""
    return is_counter(line.text) or (line.words <= MAX_STAMP_WORDS and find_date(line.text) is not None)


def _is_short(line: Line) -> bool:
    return line.words < PROSE_WORDS and not sentence_final(line.text)


def _is_label(line: Line) -> bool:
    """A heading or button of a few words: not a sentence, not a list item."""
    return line.words <= MAX_LABEL_WORDS and not line.bullet and not sentence_final(line.text)


def _in_run(lines: list[Line], kept: list[int], k: int) -> bool:
    """A labelled line next to another one: items of a list ("Path A: ...", "Path B: ..."), not a teaser."""
    return any(
        _LABELLED.match(lines[j].text) for j in (kept[k - 1] if k else None, *kept[k + 1 : k + 2]) if j is not None
    )


def _inline_teaser(line: Line) -> bool:
    """A short label, a colon, then a headline: a link to another story set between paragraphs."""
    return (
        TEASER_MIN_WORDS <= line.words <= TEASER_MAX_WORDS
        and not sentence_final(line.text)
        and _LABELLED.match(line.text) is not None
    )


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
