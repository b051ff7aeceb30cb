"""Sentence splitting that keeps quotations and abbreviations whole and keeps exact offsets into the body.

Statements must be exact substrings of the article body, so sentences are (start, end) spans, never rebuilt text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Tokens that end with a period without ending a sentence (lower-cased, period stripped).
ABBREVIATIONS = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "mr mrs ms dr prof sen rep gov gen lt col capt sgt maj adm cmdr st mt ft jr sr inc corp co ltd jan feb "
        "mar apr jun jul aug sep sept oct nov dec no nos vs etc e.g i.e u.s u.k u.n a.m p.m approx dept est fig "
        "rev hon pres supt insp det ave blvd"
    ).split()
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9À-Þ])")
_MAX_QUOTE = 600  # a quote left open longer than this is a stray mark, not a quotation
# A quoted question or exclamation whose speaker follows: "...be approved?” Senate leader Mitch McConnell asked."
_QUOTE_CLOSE = re.compile(r"[?!][\"\u201d]$")
# A period inside the speaker's phrase: before a comma ("R-Ky., asked"), after an initial or a title.
_ABBREVIATED = (
    r"(?:\.(?=\s*,)|(?<=\b[A-Z])\.|"
    + "|".join(rf"(?<={title})\." for title in ("Sen", "Rep", "Gov", "Gen", "Dr", "Mr", "Mrs", "Ms", "St"))
    + ")"
)
_SPEAKER_TAIL = re.compile(
    r"\s+(?:[^.!?\"\u201c\u201d]|"
    + _ABBREVIATED
    + r"){0,100}?\b(?:said|says|asked|asks|added|adds|told|wrote|writes|tweeted|replied|"
    r"responded|continued|declared|insisted|argued|explained|wondered|shouted|exclaimed)\b[^!?\"\u201c\u201d]{0,80}?"
    r"(?<!\b[A-Z])(?<!\bSen)(?<!\bRep)(?<!\bGov)[.!?](?=\s|$)"
)


@dataclass(frozen=True)
class Sentence:
    """One sentence: its index in the article, its paragraph and its exact span in the body."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


def _in_quote(block: str, pos: int) -> bool:
    """Whether pos lies inside a double quotation that closes later in the block."""
    plain = block[:pos].count('"')
    if plain % 2 == 1 and '"' in block[pos:]:
        return True
    opened, closed = block[:pos].count("\u201c"), block[:pos].count("\u201d")
    return opened > closed and "\u201d" in block[pos : pos + _MAX_QUOTE]


def _is_abbreviation(block: str, end: int) -> bool:
    """Whether the period at `end - 1` closes an abbreviation or an initial rather than a sentence."""
    word = re.search(r"(\S+)\.$", block[:end])
    if not word:
        return False
    token = word.group(1).lstrip("\"'\u201c\u2018([").lower()
    return token in ABBREVIATIONS or bool(re.fullmatch(r"[a-z]", token))


def _split_block(block: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _BOUNDARY.finditer(block):
        end = match.end()
        if match.group().startswith(".") and _is_abbreviation(block, match.start() + 1):
            continue
        if _in_quote(block, end):
            continue  # inside a quotation that goes on: "I am here. I will stay," he said.
        if _QUOTE_CLOSE.search(match.group()) and _SPEAKER_TAIL.match(block, end):
            continue  # the quoted question's speaker comes next: one sentence
        spans.append((start, end))
        start = end
    spans.append((start, len(block)))
    return spans


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of a body whose paragraphs (or lines) are separated by newlines."""
    sentences: list[Sentence] = []
    paragraph = -1
    for block in re.finditer(r"[^\n]+", body):
        if not block.group().strip():
            continue
        paragraph += 1
        for start, end in _split_block(block.group()):
            text = block.group()[start:end]
            left = len(text) - len(text.lstrip())
            text = text.strip()
            if text:
                begin = block.start() + start + left
                sentences.append(Sentence(len(sentences), paragraph, begin, begin + len(text), text))
    return sentences
