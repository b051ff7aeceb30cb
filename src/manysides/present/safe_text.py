"""Page text made safe to show: in a terminal, in Markdown, in HTML and in JSON printed to a terminal.

Every string a page supplies (title, outlet, byline, body, URL, even a file name) may be hostile. A terminal obeys
escape sequences (retitle the window, clear the screen, write hyperlinks), Rich reads `[...]` as markup, Markdown
reads `[x](javascript:...)` as a link and `<script>` as HTML. These helpers are the one place that decides what of
such a string is shown: its printable characters, literally. Rich markup needs no escaping here because page text
only ever reaches Rich as a `Text` object, which Rich never parses (neither markup nor `:emoji:` codes).
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlsplit

from rich.text import Text

# Whole escape sequences go, so that no "[2J" or "]0;title" remnant is left behind: CSI (cursor, colour, clear),
# OSC/DCS/SOS/PM/APC strings up to their terminator (window title, hyperlinks, clipboard), other two-byte escapes.
_ESCAPE_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC, DCS, SOS, PM, APC with their terminator
    r"|\x1b[ -/]*[0-~]"  # nF and Fp/Fe/Fs escapes
)
# What remains and is not printable: C0 and C1 controls (ESC, BEL, CR, backspace, 8-bit CSI...), DEL, and the
# bidirectional overrides and isolates that reorder what a reader sees ("gnp.exe" shown as "exe.png"), and lone
# surrogates, which no output encoding can write.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]+")
# Characters other than \n that end a line, wherever a terminal or a Markdown table might honour them.
_LINE_BREAKS = str.maketrans(dict.fromkeys("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", "\n"))
# Every whitespace run str.split() would split on, when it is more than a single space.
_SPACE_RUNS = re.compile(r"\s{2,}|[^\S ]")
# Markdown (CommonMark and GitHub's) reads these as markup anywhere in a line; `&` starts entity references.
_MARKDOWN_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#&~"})
# ...and these only at the start of a line: list items ("- ", "+ ", "1. ", "1) ") and setext underlines ("===").
_MARKDOWN_LINE_START = re.compile(r"^(?:\d+[.)]|[-+=])")
# In JSON, C1 controls, bidi overrides and the two Unicode line separators are legal as raw characters but act on a
# terminal, and a lone surrogate can't be encoded at all: printing them as \u escapes keeps the same data.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_WEB_SCHEMES = frozenset({"http", "https"})


def printable(text: str) -> str:
    """The text without escape sequences, control characters (tab and newline stay), bidi overrides or lone
    surrogates."""
    if "\x1b" in text:
        text = _ESCAPE_SEQUENCES.sub("", text)
    return _UNPRINTABLE.sub("", text.replace("\r\n", "\n").translate(_LINE_BREAKS))


def one_line(text: str, limit: int | None = None) -> str:
    """Printable text on one line: line breaks and tabs become spaces, so a value can't forge a line of output.

    `limit` cuts at that many characters with an ellipsis, for listings where one value must not fill a screen;
    only a bounded head of a huge value is cleaned then."""
    head = text if limit is None else text[: 8 * limit]
    line = printable(head).replace("\n", " ").replace("\t", " ")
    if limit is None or (len(line) <= limit and len(head) == len(text)):
        return line
    return line[: limit - 1] + "…"


def terminal_text(text: str, style: str = "", limit: int | None = None) -> Text:
    """Page text for Rich: one printable line in a `Text`, which Rich shows as written, never as markup."""
    return Text(one_line(text, limit), style=style)


def markdown_text(text: str) -> str:
    """Page text for Markdown: one line, every character Markdown would act on backslash-escaped.

    Without an unescaped `[`, `<`, `` ` `` or `&` no link, raw HTML, code span or entity can start, so
    `<script>`, `<img onerror=...>` and `[x](javascript:...)` stay text in any renderer; `|` can't end a table
    cell; a leading "-", "+", "=" or "1." can't start a list or underline a heading. Whitespace runs collapse to one
    space: a line break would end a table row or start a block."""
    line = _SPACE_RUNS.sub(" ", printable(text).translate(_MARKDOWN_ESCAPES)).strip()
    return _MARKDOWN_LINE_START.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], line)


def html_text(text: str) -> str:
    """Page text for HTML element content or a quoted attribute value."""
    return escape(printable(text), quote=True)


def safe_href(url: str | None) -> str | None:
    """The URL escaped for an href attribute when it is an absolute http(s) URL, else None (no javascript:, data:,
    file: or relative links out of page text)."""
    if not url:
        return None
    cleaned = printable(url).strip()
    if not cleaned or any(c.isspace() for c in cleaned):
        return None
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES or not parts.netloc:
        return None
    return escape(cleaned, quote=True)


def json_text(dumped: str) -> str:
    """Already-serialised JSON with the characters that act on a terminal written as \\u escapes (same data).

    json.dumps and pydantic escape C0 controls themselves; these few they leave raw. They can only occur inside
    JSON strings, where a \\u escape means the same character."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
