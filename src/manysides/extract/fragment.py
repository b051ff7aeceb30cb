"""Article HTML fragments (a feed entry's content) to paragraphs: the fragment is the article itself."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_BLOCKS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "figcaption",
        "dd",
        "dt",
        "br",
        "tr",
    }
)
_DROP = ("script", "style", "noscript", "iframe", "form", "button", "svg")
_BREAK = "\n\n"
_PARAGRAPHS = re.compile(r"\n\s*\n")


def fragment_text(fragment: str) -> str:
    """Every block boundary becomes a paragraph break; inline markup is flattened into its paragraph."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(fragment.split())
    etree.strip_elements(root, *_DROP, with_tail=False)
    for element in root.iterdescendants():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.text = _BREAK + (element.text or "")
            element.tail = _BREAK + (element.tail or "")
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPHS.split(root.text_content()))
    return _BREAK.join(p for p in paragraphs if p)
