"""What a page sets around and inside an article's text, told by the shape of its lines in any language.

A dump keeps the page's furniture (share bars, "Most read" boxes, newsletter blurbs, teaser links) among
the article's lines; words like "Related" exist in every language, but the shapes do not change: short
labels that are not sentences, headlines stamped with dates, lines the page repeats outside the article.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import takewhile

from manysides.extract.textdump.dates import find_date
from manysides.extract.textdump.features import PROSE_WORDS, is_prose
from manysides.extract.textdump.lines import Line
from manysides.extract.textdump.meta import is_counter

TEASER_MIN_WORDS, TEASER_MAX_WORDS = 5, 30
MAX_LABEL_WORDS = 3
MENU_LINES = 2
MAX_STAMP_WORDS = 8
MAX_BOX_HEADING_WORDS = 4
MIN_BOX_ITEMS, MAX_BOX_ITEMS = 2, 20
# one to three words, a colon, a headline of five words or more
_DIGITS = re.compile(r"\d+")
_LABELLED = re.compile(r"^[^\s:]+(?:\s[^\s:]+){0,2} ?: +\w+(?:\s+\S+){4}")


def page_furniture(lines: list[Line], kept: list[int]) -> set[int]:
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
    if label is not None and _heads_closing_list(lines, ordered[label:]):
        label = None  # "Qualified teams" over the article's own closing list
    if label is not None:  # "Most read", "Share", "Lo más leído": what follows the article's last paragraph
        found.update(ordered[label:])
        del ordered[label:]
    while len(ordered) > 1:
        last = lines[ordered[-1]]
        above = lines[ordered[-1] - 1]
        stranded = last.words < PROSE_WORDS and _is_label(above)
        after = lines[ordered[-1] + 1] if ordered[-1] + 1 < len(lines) else None
        card = _is_short(last) and after is not None and _is_stamp(after)
        if not (_is_label(last) or is_counter(last.text) or card or (stranded and last.final)):
            break
        found.add(ordered.pop())
    return found | _link_boxes(lines, ordered)


def _heads_closing_list(lines: list[Line], tail: list[int]) -> bool:
    """A heading straight above the items that end the body, each said once on the page: the article's list.

    A "Most read" box below an article is a list too, but the region step keeps a list after the last
    paragraph only when the line above announces it (region._trailing_list).
    """
    items = tail[1:]
    if len(items) < MIN_BOX_ITEMS or items != list(range(tail[0] + 1, tail[0] + 1 + len(items))):
        return False
    texts = Counter(line.text for line in lines)
    return all(lines[i].bullet and texts[lines[i].text] == 1 for i in items)


def _shape(text: str) -> str:
    """The line with its numbers blanked: a price, a date or a reading time repeats in shape, not in text."""
    return _DIGITS.sub("0", text)


def _link_boxes(lines: list[Line], kept: list[int]) -> set[int]:
    """Headings of a few words over at least two short lines, half of them or more repeated outside the body.

    A line counts as repeated when its shape (numbers blanked) is: a product box's price and button repeat
    those of the shop's other boxes, with other prices.
    """
    if not kept:
        return set()
    seen = Counter(_shape(line.text) for j, line in enumerate(lines) if not kept[0] <= j <= kept[-1])
    found: set[int] = set()
    for i in kept:
        if lines[i].words > MAX_BOX_HEADING_WORDS or lines[i].bullet or lines[i].final:
            continue
        items = list(takewhile(lambda j: _is_short(lines[j]), range(i + 1, min(len(lines), i + 1 + MAX_BOX_ITEMS))))
        repeated = sum(seen[_shape(lines[j].text)] > 0 for j in items)
        if len(items) >= MIN_BOX_ITEMS and 2 * repeated >= len(items):
            found.update((i, *items))
    return found


def _article_prose(lines: list[Line], i: int) -> bool:
    """A paragraph, unless it stands alone right after a menu (two short lines or more): a box's blurb.

    One that the text goes on from (a sentence follows) is the article resuming after a box of links.
    """
    if not is_prose(lines[i]) or (i + 1 < len(lines) and lines[i + 1].final):
        return is_prose(lines[i])
    return not (i >= MENU_LINES and all(_is_short(lines[j]) for j in range(i - MENU_LINES, i)))


def _is_stamp(line: Line) -> bool:
    """A reading time or a date on a line of its own: under each headline of a list of other stories."""
    return is_counter(line.text) or (line.words <= MAX_STAMP_WORDS and find_date(line.text) is not None)


def _is_short(line: Line) -> bool:
    return line.words < PROSE_WORDS and not line.final


def _is_label(line: Line) -> bool:
    """A heading or button of a few words: not a sentence, not a list item."""
    return line.words <= MAX_LABEL_WORDS and not line.bullet and not line.final


def _in_run(lines: list[Line], kept: list[int], k: int) -> bool:
    """A labelled line next to another one: items of a list ("Path A: ...", "Path B: ..."), not a teaser."""
    return any(
        _LABELLED.match(lines[j].text) for j in (kept[k - 1] if k else None, *kept[k + 1 : k + 2]) if j is not None
    )


def _inline_teaser(line: Line) -> bool:
    """A short label, a colon, then a headline: a link to another story set between paragraphs."""
    return (
        TEASER_MIN_WORDS <= line.words <= TEASER_MAX_WORDS and not line.final and _LABELLED.match(line.text) is not None
    )
