"""Split a text dump into lines with the layout facts every later step needs.

Text browsers and inscriptis mark list items with an indented bullet ("  * ", "    + ", "  • ");
paragraphs are separated by blank lines. Both carry most of the page structure left in a dump.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from manysides.extract.marks import DIRECTION_MARKS, trim

_BULLET_CHARS = frozenset("*+•o◦▪·‣-")
_BULLET = re.compile(r"[*+•o◦▪·‣-]\s+")
_WORD = re.compile(r"\w+")
# Scripts written without spaces: one \w+ run can be a whole sentence, so such characters count
# as half a word each to keep line lengths comparable across languages.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f]")
MAX_LINE_CHARS = 20_000  # one absurd line (minified data, base64) is cut, not scanned in full
# Characters that end a sentence in any script (Unicode's Sentence_Terminal property: the Devanagari danda, the
# Armenian, Ethiopic, Myanmar and Khmer full stops, the CJK and Arabic ones, ...) and the colon and semicolon.
# A page whose full stop was missing here had no line read as prose, and its body came out empty.
_SENTENCE_TERMINALS = (
    ".!?"
    "\u0589\u061d\u061e\u061f\u06d4\u0700\u0701\u0702\u07f9\u0837\u0839\u083d\u083e\u0964\u0965\u104a"
    "\u104b\u1362\u1367\u1368\u166e\u1735\u1736\u17d4\u17d5\u1803\u1809\u1944\u1945\u1aa8\u1aa9\u1aaa"
    "\u1aab\u1b4e\u1b4f\u1b5a\u1b5b\u1b5e\u1b5f\u1b7d\u1b7e\u1b7f\u1c3b\u1c3c\u1c7e\u1c7f\u2024\u203c"
    "\u203d\u2047\u2048\u2049\u2cf9\u2cfa\u2cfb\u2e2e\u2e3c\u2e53\u2e54\u2e60\u2e61\u3002\ua4ff\ua60e"
    "\ua60f\ua6f3\ua6f7\ua876\ua877\ua8ce\ua8cf\ua92f\ua9c8\ua9c9\uaa5d\uaa5e\uaa5f\uaaf0\uaaf1\uabeb"
    "\ufe12\ufe15\ufe16\ufe52\ufe56\ufe57\uff01\uff0e\uff1f\uff61"
)
_FINAL = frozenset(_SENTENCE_TERMINALS + ":;\u0f0d")  # and the Tibetan shad
ELLIPSES = ("...", "\u2026", "[\u2026]", "[...]")  # a teaser's cut-off excerpt
_CLOSERS = frozenset(
    "\"')]\u201d\u2019\u00bb\u201c\u2018\u00ab\u203a\u2039"
)  # quotes and brackets (German quotes close with U+201C and U+2018; guillemets point either way)
# A page written without full stops: at least UNMARKED_MIN_LINES lines of UNMARKED_MIN_WORDS words or more, at
# most UNMARKED_SHARE of them ending with a mark; its lines of UNMARKED_LINE_WORDS words or more are sentences.
UNMARKED_MIN_WORDS, UNMARKED_MIN_LINES, UNMARKED_SHARE, UNMARKED_LINE_WORDS = 20, 3, 0.1, 12


@dataclass(slots=True)
class Line:
    """One non-blank line of the dump."""

    index: int  # position among non-blank lines
    text: str  # stripped, bullet marker removed
    indent: int
    bullet: bool
    words: int  # \w+ tokens, as the benchmark metric counts them
    gap_before: bool  # a blank line precedes it (it starts a paragraph)
    gap_after: bool
    cut: bool = False  # longer than MAX_LINE_CHARS: the rest of the line was dropped
    final: bool = False  # ends like a sentence (or is long, on a page written without full stops)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with indentation, bullet and paragraph-gap facts."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[Line] = []
    gap = True
    for chunk in raw:
        lstripped = chunk.lstrip()
        if lstripped and (lstripped[0] in DIRECTION_MARKS or lstripped.rstrip()[-1] in DIRECTION_MARKS):
            lstripped = trim(lstripped)  # copied along with right-to-left text; invisible on the page
        if not lstripped:
            if out:
                out[-1].gap_after = True
            gap = True
            continue
        indent = len(chunk) - len(lstripped)
        stripped = lstripped.rstrip()
        cut = len(stripped) > MAX_LINE_CHARS
        if cut:
            stripped = cut_at_word(stripped, MAX_LINE_CHARS)
        marker = _BULLET.match(stripped) if indent and stripped[0] in _BULLET_CHARS else None
        if marker and marker.end() < len(stripped):
            stripped = stripped[marker.end() :]
        else:
            marker = None
        if stripped.isascii():
            words = len(stripped.split())  # close to the \w+ count, several times faster
        else:
            words = len(_WORD.findall(stripped)) + len(_UNSPACED.findall(stripped)) // 2
        final = sentence_final(stripped)
        out.append(Line(len(out), stripped, indent, marker is not None, words, gap, False, cut, final))
        gap = False
    if out:
        out[-1].gap_after = True
    _unmarked_prose(out)
    return out


def sentence_final(text: str) -> bool:
    """Ends like a sentence, also behind a closing quote or bracket; a cut-off excerpt does not."""
    end = text.rstrip()
    while end and end[-1] in _CLOSERS:
        end = end[:-1]
    return bool(end) and end[-1] in _FINAL and not end.endswith(ELLIPSES)


def _unmarked_prose(lines: list[Line]) -> None:
    """Long lines count as sentences on a page whose long lines hardly ever end with a mark (Thai, Lao).

    Without it such a page has no prose line at all: every feature and rule built on prose says nothing, and
    the body came out empty or cut to its one line that happened to end with a mark.
    """
    long = [line.final for line in lines if line.words >= UNMARKED_MIN_WORDS]
    if len(long) < UNMARKED_MIN_LINES or sum(long) > UNMARKED_SHARE * len(long):
        return
    for line in lines:
        line.final = line.final or line.words >= UNMARKED_LINE_WORDS


def cut_at_word(text: str, limit: int) -> str:
    """At most `limit` characters, ending at a word boundary when there is one in the last half."""
    space = max(text.rfind(" ", limit // 2, limit + 1), text.rfind("\n", limit // 2, limit + 1))
    return text[:space].rstrip() if space > 0 else text[:limit]
