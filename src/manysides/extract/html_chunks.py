"""Recall for articles split into sibling chunks (ads or embeds between equal containers).

Some templates cut one story into several containers with the same tag and class under one parent;
trafilatura keeps the best-scoring one. The paragraphs of the other chunks are the same story, so they
are added back before or after, in page order. Only prose paragraphs (enough words, few links) come back.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from manysides.extract.html_body import norm, word_count

MIN_WORDS = 12


def sibling_chunks(tree: HtmlElement, body: str) -> tuple[list[str], list[str]]:
    """Paragraphs from chunks before and after the one trafilatura took, missing from `body`."""
    first = next((p for p in body.split("\n\n") if word_count(norm(p)) >= 20), None)
    anchor = _paragraph_starting(tree, first) if first else None
    container = anchor.getparent() if anchor is not None else None
    holder = _ancestor(container, 2)
    if container is None or holder is None or not container.get("class"):
        return [], []
    chunks = [el for el in holder.iter(container.tag) if el.get("class") == container.get("class")]
    present = {norm(p) for p in body.split("\n\n")}
    before: list[str] = []
    after: list[str] = []
    target = before
    for chunk in chunks:
        if chunk is container:
            target = after
        elif not _related(chunk, container):
            target.extend(t for t in _prose(chunk) if norm(t) not in present)
    return before, after


def _paragraph_starting(tree: HtmlElement, text: str) -> HtmlElement | None:
    start = norm(text)[:80]
    return next((p for p in tree.iter("p") if norm(p.text_content()).startswith(start)), None)


def _ancestor(element: HtmlElement | None, levels: int) -> HtmlElement | None:
    for _ in range(levels):
        element = element.getparent() if element is not None else None
    return element


def _related(a: HtmlElement, b: HtmlElement) -> bool:
    """True when one element contains the other."""
    return any(x is b for x in a.iterancestors()) or any(x is a for x in b.iterancestors())


def _prose(chunk: HtmlElement) -> list[str]:
    texts = []
    for paragraph in chunk.iter("p"):
        text = " ".join(paragraph.text_content().split())
        link_chars = sum(len(a.text_content()) for a in paragraph.iter("a"))
        if word_count(norm(text)) >= MIN_WORDS and link_chars < 0.5 * len(text):
            texts.append(text)
    return texts
