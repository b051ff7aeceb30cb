"""Body cleanup on top of trafilatura: drop the boilerplate blocks its main-content pick still carries.

trafilatura finds the right container on almost every news page, but keeps what sits inside it beside
the story: the headline and standfirst again, bylines and timestamps, captions, "Read more" teasers,
newsletter and app prompts, contact lines, related-article lists. Each rule below removes one such kind
of block, judged on the block's own text, its links and where it sits; the rules know no site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml.etree import _Element
from trafilatura.xml import xmltotxt

BLOCK_TAGS = ("p", "head", "quote", "item", "cell")
# The rules for short lines (labels, contacts, datelines) only look at blocks up to this long: no real short
# line is longer, and it bounds their regular expressions on hostile text (one 100,000-letter "word").
SHORT_BLOCK_CHARS = 1000
_WORD = re.compile(r"\w+", re.UNICODE)


def norm(text: str) -> str:
    """Lower-case word tokens joined by single spaces, so that markup and punctuation do not matter."""
    return " ".join(_WORD.findall(text.lower()))


@dataclass
class PageContext:
    """What the page says about itself elsewhere, to recognise it when it is repeated in the body."""

    titles: set[str] = field(default_factory=set)
    headings: set[str] = field(default_factory=set)
    descriptions: set[str] = field(default_factory=set)
    captions: set[str] = field(default_factory=set)
    links: set[str] = field(default_factory=set)
    addresses: set[str] = field(default_factory=set)
    link_lengths: dict[str, list[int]] = field(default_factory=dict, init=False)
    linked_lists: dict[_Element, bool] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        for link in self.links:
            words = link.split()
            self.link_lengths.setdefault(words[0], []).append(len(words))
        for lengths in self.link_lengths.values():
            lengths.sort(reverse=True)

    def link_share(self, key: str) -> float:
        """Share of a block's words that sit inside link texts of the page (greedy, longest link first)."""
        tokens = key.split()
        covered = i = 0
        while i < len(tokens):
            step = next(
                (
                    n
                    for n in self.link_lengths.get(tokens[i], ())
                    if i + n <= len(tokens) and " ".join(tokens[i : i + n]) in self.links
                ),
                0,
            )
            covered += step
            i += step or 1
        return covered / max(1, len(tokens))


@dataclass
class Block:
    """One paragraph-like element of trafilatura's output with the facts the rules look at."""

    element: _Element
    text: str
    key: str
    words: int
    leading: bool = False
    trailing: bool = False

    @property
    def tag(self) -> str:
        return str(self.element.tag)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def word_count(key: str) -> int:
    """Words of a normalised text; Chinese and Japanese count one word per two characters, since they are
    written without spaces and would otherwise count as one "word" per sentence."""
    return sum(max(1, len(_CJK.findall(token)) // 2) for token in key.split())


def _make_block(element: _Element) -> Block:
    text = " ".join("".join(element.itertext()).split())
    key = norm(text)
    return Block(element, text, key, word_count(key))


def blocks_of(body: _Element) -> list[Block]:
    """The outermost paragraph-like elements in document order.

    A table cell that holds paragraphs is page layout, not data: its paragraphs are the blocks.
    """
    found = [
        _make_block(element)
        for element in body.iter(*BLOCK_TAGS)
        if not (element.tag == "cell" and _is_layout_cell(element)) and not _inside_block(element, body)
    ]
    _mark_positions(found)
    return found


def _inside_block(element: _Element, body: _Element) -> bool:
    """Nested in another block (a paragraph in a list item, say), so already counted with it."""
    parent = element.getparent()
    while parent is not None and parent is not body:
        if parent.tag in BLOCK_TAGS and not (parent.tag == "cell" and _is_layout_cell(parent)):
            return True
        parent = parent.getparent()
    return False


def _is_layout_cell(cell: _Element) -> bool:
    return any(child.tag in ("p", "head", "list") for child in cell)


def _is_prose(block: Block) -> bool:
    """A real paragraph of the story: the landmark that boilerplate sits before or after."""
    return block.tag == "p" and block.words >= 20


def _mark_positions(blocks: list[Block]) -> None:
    """Leading blocks come before the first prose paragraph, trailing ones after the last."""
    prose = [i for i, block in enumerate(blocks) if _is_prose(block)]
    first, last = (prose[0], prose[-1]) if prose else (len(blocks), -1)
    for i, block in enumerate(blocks):
        block.leading, block.trailing = i < first, i > last


def drop(element: _Element) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


Rule = Callable[[Block, PageContext], bool]


def is_title(block: Block, ctx: PageContext) -> bool:
    """The headline again (the gold body and readers both start after it)."""
    if block.key in ctx.titles:
        return True
    return block.leading and (block.key in ctx.headings or (block.tag == "head" and block.element.get("rend") == "h1"))


def is_standfirst(block: Block, ctx: PageContext) -> bool:
    """The summary shown above the story, repeated from the page's description."""
    return block.leading and block.tag == "head" and block.key in ctx.descriptions


def is_caption(block: Block, ctx: PageContext) -> bool:
    """A figcaption's text; captions are returned apart and must not be counted as story text."""
    return block.key in ctx.captions


_LABEL = re.compile(
    r"^\W*(related|recommended|trending|more from|top stories|most (read|popular|viewed|shared)"
    r"|explore further|you (may|might) also like|tags?|topics|categories|filed (under|in)|(\d+ )?comments?"
    r"|advertisement|watch|listen|leggi anche|leia (também|mais)|lea también|lire aussi|lesen sie auch)\b"
    r"([^.!?:]{0,60}:|(\W+\w+){0,4}\W*$)",
    re.IGNORECASE,
)
_CALL = re.compile(
    r"^\W*(read (more|also|next|this)|see (more|also)|more\b[^.!?:]{0,40}:|also read|click here|tap here"
    r"|sign up|subscribe|follow(?!-)\b|like us on|download the|get the .{0,30}app|watch the video"
    r"|(all )?rights reserved|copyright\b|©"
    r"|tell us what you think|don'?t miss|if you enjoyed this article|get (full |unlimited |instant )?access"
    r"|leave a (comment|reply)|post a comment|(image|photo|slide|picture) \d+ (of|/) \d+)",
    re.IGNORECASE,
)
_SHARE_WORDS = frozenset(
    {"share", "facebook", "twitter", "email", "e", "mail", "print", "whatsapp", "linkedin", "pinterest", "reddit"}
    | {"copy", "link", "tweet", "comments", "messenger"}
)
_PROMPT_ANYWHERE = re.compile(
    r"to your inbox|newsletter|follow (us|him|her|them|me) on|sign up|subscribe to|click here", re.IGNORECASE
)


def is_prompt(block: Block, ctx: PageContext) -> bool:
    """Section labels ("Related: ...", "Most read") and calls to action ("Sign up", "Follow us")."""
    if len(block.text) > SHORT_BLOCK_CHARS:
        return False
    if block.words <= 30 and _PROMPT_ANYWHERE.search(block.text):
        return True
    if 0 < block.words <= 8 and set(block.key.split()) <= _SHARE_WORDS:
        return True
    return block.words <= 60 and bool(_LABEL.match(block.text) or _CALL.match(block.text))


def is_link_teaser(block: Block, ctx: PageContext) -> bool:
    """A paragraph or list item that is nothing but a link to another page (a printed URL is a citation),
    or a label of a few words and then such a link, in any language ("Lee también: <a>...</a>")."""
    if block.tag == "cell" or (block.tag == "item" and not block.trailing) or block.text.startswith("http"):
        return False
    if 8 <= block.words <= 60 and ctx.link_share(block.key) >= 0.9:
        return True
    label, colon, rest = block.text.partition(":")
    if not colon or word_count(norm(label)) > MAX_LABEL_WORDS or block.words > 60:
        return False
    linked = norm(rest)
    return word_count(linked) >= MIN_LABELLED_LINK_WORDS and ctx.link_share(linked) >= 0.9


MAX_LABEL_WORDS = 3
MIN_LABELLED_LINK_WORDS = 4


def is_link_list(block: Block, ctx: PageContext) -> bool:
    """An item of a list made only of links: a related-stories or navigation list."""
    parent = block.element.getparent()
    if block.tag != "item" or parent is None:
        return False
    if parent not in ctx.linked_lists:
        items = [_make_block(item) for item in parent.iterchildren("item")]
        ctx.linked_lists[parent] = len(items) >= 2 and all(
            item.words and ctx.link_share(item.key) >= 0.9 for item in items
        )
    return ctx.linked_lists[parent]


_CONTACT = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|(^|\s)@\w{2,}|twitter\.com/|\b(email|e-mail|write to|reach)\b", re.I
)


def is_contact(block: Block, ctx: PageContext) -> bool:
    """Short "write to the reporter at" and social-handle lines at the end (embedded posts excepted)."""
    if not block.trailing or block.words > 40 or len(block.text) > SHORT_BLOCK_CHARS:
        return False
    if block.tag == "quote" or "pic.twitter.com" in block.text:
        return False
    return bool(_CONTACT.search(block.text))


def is_own_address(block: Block, ctx: PageContext) -> bool:
    """The page's own URL printed as a line (share or print widgets)."""
    return block.key in ctx.addresses


_DATE = re.compile(
    r"\b(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"\s+\d{1,2}|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d{1,2}:\d{2})",
    re.I,
)
_SENTENCE_END = re.compile(r"[^\W\d_]{3}[.!?]$")  # {3}, not {3,}: the same test, in linear time
_BYLINE = re.compile(r"^\W*(by|posted|published|updated|last updated|written by)\b", re.I)


def is_dateline(block: Block, ctx: PageContext) -> bool:
    """Short lines that only carry the date, time or byline."""
    if block.words > 15 or len(block.text) > SHORT_BLOCK_CHARS or not (block.leading or block.trailing):
        return False
    if _SENTENCE_END.search(block.text):
        return False
    return bool(_DATE.search(block.text) or _BYLINE.match(block.text))


RULES: tuple[Rule, ...] = (
    is_title,
    is_standfirst,
    is_caption,
    is_link_teaser,
    is_contact,
    is_dateline,
    is_own_address,
    is_link_list,
)


def is_teaser(block: Block, ctx: PageContext) -> bool:
    """A block that may belong to a list of links announced by a "Related"/"Don't miss" label."""
    return not _is_prose(block) and ctx.link_share(block.key) >= 0.5


_SECTION_LABEL = re.compile(
    r"^\W*(related|top stories|most (read|popular|viewed|shared)|more (from|news|stories|on)|recommended"
    r"|you (may|might) also like|trending|partner news|latest news|popular|read next|see also)\b",
    re.IGNORECASE,
)


def _section_end(blocks: list[Block]) -> int:
    """Index of a "Top stories"/"Related" label that closes the article, or len(blocks) when none does.

    A short label counts only when most of the text comes before it, so a related box high on the page
    cuts nothing.
    """
    total = sum(block.words for block in blocks)
    before = 0
    for i, block in enumerate(blocks):
        if block.words <= 5 and _SECTION_LABEL.match(block.text) and before >= max(100, 0.6 * total):
            return i
        before += block.words
    return len(blocks)


def clean_body(body: _Element | None, ctx: PageContext) -> str:
    """Drop boilerplate blocks from trafilatura's body tree and render the rest as text.

    Everything after a closing "Top stories" label goes; a prompt such as "Related:" or "DON'T MISS"
    also takes the teaser links right after it.
    """
    if body is None:
        return ""
    blocks = blocks_of(body)
    end = _section_end(blocks)
    for block in blocks[end:]:
        drop(block.element)
    in_teasers = False
    for block in blocks[:end]:
        prompt = is_prompt(block, ctx)
        if prompt or (in_teasers and is_teaser(block, ctx)) or any(rule(block, ctx) for rule in RULES):
            drop(block.element)
            in_teasers = in_teasers or prompt
        else:
            in_teasers = False
    text = xmltotxt(body, include_formatting=False)
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
