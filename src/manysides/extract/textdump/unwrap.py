"""Join hard-wrapped paragraphs back into one line each.

Text browsers (lynx, w3m, links) and `fold` wrap every paragraph at a fixed width, so no line of the article
ends like a sentence and the line classifier, which reads a paragraph as one line, finds no article at all.
A dump is taken as wrapped when its longer lines pile up just under one width and hardly any line passes it;
then a line is joined to the next when the next one's first word would not have fitted on it (the wrapper
moved that word down), unless the line ends a sentence or the next one opens a list item. Dumps that are not
wrapped pass unchanged.
"""

from __future__ import annotations

import re

from manysides.extract.textdump.lines import sentence_final

MIN_WIDTH = 40  # narrower than this, the "width" is a column of short items, not a wrap
MAX_WIDTH = 160
_MIN_FULL_LINES = 6  # lines at the width needed before a dump counts as wrapped
_FULL_SHARE = 0.2  # of the lines of 20+ characters, this share must sit within _SLACK of the width
_SLACK = 15
_OVER_SHARE = 0.03  # lines longer than the width (unbreakable addresses) this share at most
_ITEM = re.compile(r"(?:[*+•◦▪·‣-]|\d{1,3}[.)]|\[\d+\])\s")


def wrap_width(lines: list[str]) -> int | None:
    """The width the dump is wrapped at, or None when it does not look wrapped: the narrowest width that all but
    a few lines keep to, when enough lines fill it."""
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) >= 20)
    if len(lengths) < _MIN_FULL_LINES:
        return None
    width = lengths[len(lengths) - 1 - int(_OVER_SHARE * len(lengths))]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    full = sum(1 for length in lengths if width - _SLACK <= length <= width)
    return width if full >= max(_MIN_FULL_LINES, _FULL_SHARE * len(lengths)) else None


def _first_word(line: str) -> str:
    """What a wrapper moves as one piece: up to the first breakable space (a no-break space holds words together)."""
    return re.split(r"[ \t]", line.strip(), maxsplit=1)[0]


def unwrap(text: str) -> str:
    """The dump with wrapped paragraphs joined; unchanged when it is not wrapped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    result: list[str] = []
    previous = ""  # the last physical line, when it was not blank
    for line in lines:
        stripped = line.strip()
        end = previous.rstrip()
        # A wrapper may break after a hyphen ("al-" / "Sharaa"): no space is then needed, nor put back.
        hyphen = len(end) > 1 and end[-1] == "-" and end[-2].isalpha()
        word = _first_word(stripped).split("-")[0] + "-" if hyphen else _first_word(stripped)
        moved = len(end) + (0 if hyphen else 1) + len(word) > width
        # A line ending a sentence is left as it is: joining could glue two separate lines (items, teasers) that
        # only happen to fill the width, and a paragraph split at a full stop keeps all its words.
        if previous and stripped and moved and not sentence_final(end) and not _ITEM.match(stripped):
            result[-1] = f"{result[-1].rstrip()}{'' if hyphen else ' '}{stripped}"
        else:
            result.append(line)
        previous = line if stripped else ""
    return "\n".join(result)
