"""A page's text without a tree, in linear time: the fallback for pages the tree extractor cannot take.

The result looks like a text browser's dump of the page (block elements on lines of their own, blank lines
between paragraphs), so the text-dump extractor can pick the article out of it. Every scan moves forward
only, so a hostile page costs time in proportion to its size, whatever its markup.
"""

from __future__ import annotations

import html
import re


def _any_case(word: str) -> str:
    """ "ab" -> "[aA][bB]": re.IGNORECASE makes a scan over a whole page several times slower."""
    return "".join(f"[{c.lower()}{c.upper()}]" for c in word)


# Elements whose content is never page text; they are skipped up to their closing tag.
_SKIPPED_NAMES = ("script", "style", "noscript", "template", "svg", "math", "title")
_SKIPPED = re.compile(r"<!--|<(" + "|".join(_any_case(name) for name in _SKIPPED_NAMES) + r")\b")
_PARAGRAPH_TAGS = re.compile(
    r"</?(?:p|h[1-6]|blockquote|figcaption|pre|table|ul|ol|dl|article|section|header|footer|nav|aside|main|hr)\b"
    r"[^<>]*>?",
    re.IGNORECASE,
)
_LINE_TAGS = re.compile(r"</?(?:div|br|li|tr|dt|dd|figure|form)\b[^<>]*>?", re.IGNORECASE)
# "<" starts a tag only before a letter, "/", "!" or "?"; [^<>]* stops at the next "<", so each
# character is scanned once however many tags are left unclosed.
_ANY_TAG = re.compile(r"<[a-zA-Z/!?][^<>]*>?")
_TITLE = re.compile(r"<title\b[^<>]*>([^<]{1,2000})", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\f\v\r\u00a0]+")
_LINE_ENDS = re.compile(r" ?\n ?")
_GAPS = re.compile(r"\n{3,}")


def page_text(markup: str) -> str:
    """The visible text of an HTML page, paragraphs separated by blank lines."""
    text = _without_skipped(markup)
    text = _PARAGRAPH_TAGS.sub("\n\n", text)
    text = _LINE_TAGS.sub("\n", text)
    text = html.unescape(_ANY_TAG.sub("", text))
    text = _LINE_ENDS.sub("\n", _SPACES.sub(" ", text))
    return _GAPS.sub("\n\n", text).strip()


def page_title(markup: str) -> str | None:
    """The <title>, found without parsing."""
    match = _TITLE.search(markup)
    title = " ".join(html.unescape(match.group(1)).split()) if match else ""
    return title or None


def _without_skipped(markup: str) -> str:
    """The markup minus comments, scripts, styles and the title; an unclosed one runs to the end, as in browsers."""
    kept: list[str] = []
    position = 0
    while (found := _SKIPPED.search(markup, position)) is not None:
        kept.append(markup[position : found.start()])
        closing = "-->" if found.group(1) is None else f"</{found.group(1).lower()}"
        end = _find_closing(markup, closing, found.end())
        if end < 0:
            return "".join(kept)
        position = end
    kept.append(markup[position:])
    return "".join(kept)


def _find_closing(markup: str, closing: str, start: int) -> int:
    """Where the text after `closing` (and its ">") starts, or -1; case-insensitive without lowering the page."""
    pattern = re.compile(re.escape(closing) + r"[^<>]*>?" if closing != "-->" else "-->", re.IGNORECASE)
    match = pattern.search(markup, start)
    return match.end() if match else -1
