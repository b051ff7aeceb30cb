"""What a page would cost the HTML extractor, judged before and right after parsing, both in linear time.

trafilatura's cost grows faster than linearly with the number of elements (so a page of tiny elements
under the size cap took minutes), and libxml2 stops building the tree at resource limits (nesting deeper
than 255 levels, one text or comment over 10 MB), silently dropping the rest of the page. Either way the
tree is not a fair reading of the page, so the caller reads it as plain text instead (html_text).
"""

from __future__ import annotations

from lxml.etree import _ListErrorLog
from lxml.html import HtmlElement
from trafilatura.utils import HTML_PARSER

# Real article pages have a few thousand elements (the heaviest benchmark page about 1,800); past this bound the
# worst markup tried takes more than a few seconds in the tree extractor (measured cases: docs/limits.md).
MAX_ELEMENTS = 30_000
# Text costs too (date and language search and the boilerplate rules all scan it); a long article is about
# 200,000 characters.
MAX_TEXT_CHARS = 1_000_000
_NOT_TEXT = frozenset({"script", "style", "noscript", "template"})


def too_many_elements(html: str) -> str | None:
    """Why the page has too many elements for the tree extractor, or None.

    Counts "<" not followed by "/" (str.count: milliseconds over 20 MB); a "<" inside a script counts
    too, so this is an upper bound on start tags.
    """
    elements = html.count("<") - html.count("</")
    if elements <= MAX_ELEMENTS:
        return None
    return f"about {elements:,} elements, more than the {MAX_ELEMENTS:,} the HTML extractor takes"


def too_much_text(tree: HtmlElement) -> str | None:
    """Why the page's text is too long for the tree extractor, or None (one pass, elements already bounded)."""
    chars = sum(len(el.tail or "") + (0 if el.tag in _NOT_TEXT else len(el.text or "")) for el in tree.iter())
    if chars <= MAX_TEXT_CHARS:
        return None
    return f"about {chars:,} characters of text, more than the {MAX_TEXT_CHARS:,} the HTML extractor takes"


def parse_stopped_early() -> str | None:
    """Why the last parse (trafilatura's parser) stopped before the end of the page, or None."""
    log: _ListErrorLog = HTML_PARSER.error_log
    for entry in log:
        limit = entry.type_name == "ERR_RESOURCE_LIMIT" or "XML_PARSE_HUGE" in entry.message
        if entry.level_name == "FATAL" and limit:
            what = "markup nested too deep" if "depth" in entry.message.lower() else "one text or comment too large"
            return f"the HTML parser stopped part way ({what})"
    return None
