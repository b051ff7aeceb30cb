"""Title and standfirst: the headline-shaped lines just above the body, among the meta lines.

Walking up from the first body line, metadata lines (byline, date, source, counters) and
captions are read and skipped; a sentence-like line met before the headline is the standfirst
(lede); the first headline-shaped line is the title. A shorter headline directly above it makes
that one the title and the longer one the standfirst ("Title" / "Talks between ... Heights").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from manysides.extract.textdump.lines import Line
from manysides.extract.textdump.meta import Meta, is_caption, is_social, read_meta

MAX_WALK = 14  # lines above the body that can still belong to its header
MAX_TITLE_WORDS = 30
MIN_STANDFIRST_WORDS = 6
MAX_STANDFIRST_WORDS = 45  # longer is the first paragraph itself
MAX_NAME_WORDS = 3  # a byline of a name alone
MAX_BUTTON_WORDS = 3


@dataclass
class Header:
    """What the header block held, and which lines it used up."""

    title: str | None = None
    subtitle: str | None = None
    captions: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)


def headline_shaped(line: Line) -> bool:
    """A few words, no sentence-final punctuation, not a list item nor a share bar."""
    return 2 <= line.words <= MAX_TITLE_WORDS and not line.bullet and not line.final and not is_social(line.text)


def read_header(lines: list[Line], first: int, meta: Meta, site: str | None, title: int | None = None) -> Header:
    """Fields of the block above line `first` (the first body line).

    `title` is the headline's index when the URL's slug found it: every line between it and the body is then
    header (bylines, dates, share bars, captions), whatever its language.
    """
    if title is not None and title < first <= title + MAX_WALK:
        return _below_title(lines, title, first, meta, site)
    header = Header()
    for i in range(first - 1, max(-1, first - 1 - MAX_WALK), -1):
        line = lines[i]
        if read_meta(line.text, line.words, meta, site) or (line.bullet and line.words <= MAX_BUTTON_WORDS):
            header.used.add(i)
        elif is_caption(line.text):
            header.captions.append(line.text)
            header.used.add(i)
        elif line.words == 1 or _in_button_row(lines, i):
            header.used.add(i)  # a button or a label ("Share", "Compartir", "شارك"): never a headline
        elif headline_shaped(line) and line.text != site:
            _take_title(lines, i, header, meta)
            break
        elif MIN_STANDFIRST_WORDS <= line.words <= MAX_STANDFIRST_WORDS and header.subtitle is None and not line.bullet:
            header.subtitle = line.text
            header.used.add(i)
        else:
            break
    return header


def _in_button_row(lines: list[Line], i: int) -> bool:
    """A line of a few words next to a one-word line: a row of buttons ("Facebook", "X", "Copy link")."""
    if lines[i].words > MAX_BUTTON_WORDS:
        return False
    return any(0 <= j < len(lines) and lines[j].words == 1 and not lines[j].bullet for j in (i - 1, i + 1))


def _below_title(lines: list[Line], title: int, first: int, meta: Meta, site: str | None) -> Header:
    """The header when the headline is known: meta lines, captions and the standfirst between it and the body."""
    header = Header(title=lines[title].text, used={title})
    for i in range(title + 1, first):
        line = lines[i]
        if read_meta(line.text, line.words, meta, site):
            header.used.add(i)
        elif is_caption(line.text):
            header.captions.append(line.text)
            header.used.add(i)
        elif MIN_STANDFIRST_WORDS <= line.words <= MAX_STANDFIRST_WORDS and header.subtitle is None and not line.bullet:
            header.subtitle = line.text
            header.used.add(i)
    return header


def _take_title(lines: list[Line], i: int, header: Header, meta: Meta) -> None:
    """Line i is the title, unless a shorter headline right above makes it the standfirst.

    A line of a few words right under a longer headline is the author's name set on its own line
    ("Inés Calvo", "بقلم ليلى الحسيني") above the date, not the title.
    """
    line = lines[i]
    above = lines[i - 1] if i > 0 else None
    if above is None or not headline_shaped(above):
        header.title = line.text
        header.used.add(i)
    elif line.words <= MAX_NAME_WORDS and above.words > line.words + 1:
        _add_author(meta, line.text)
        header.title = above.text
        header.used.update((i - 1, i))
    elif header.subtitle is None and above.words < line.words and above.gap_after and above.gap_before:
        # the line above stands alone (a menu's last item does not): a short title over a long standfirst
        header.title, header.subtitle = above.text, line.text
        header.used.update((i - 1, i))
    else:
        header.title = line.text
        header.used.add(i)


def _add_author(meta: Meta, name: str) -> None:
    if name not in meta.authors:
        meta.authors.append(name)
