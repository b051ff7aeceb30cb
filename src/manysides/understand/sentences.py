"""Sentence splitting that keeps abbreviations whole and keeps exact offsets into the body.

Statements must be exact substrings of the article body, so sentences are (start, end) spans, never rebuilt text.
A quotation of several sentences is split at its sentences, as news annotation splits it: each is one statement
that another outlet's copy of the same words can pair with, and `understand.document` carries the quotation and
its speaker across the sentences (a quote kept whole paired two outlets' quotes by all their sentences at once).
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
# A quoted question or exclamation whose speaker follows: "...be approved?” Senate leader Mitch McConnell asked."
_QUOTE_CLOSE = re.compile(r"[?!][\"\u201d]$")
_SPEECH_WORD = re.compile(
    r"\b(?:said|says|asked|asks|added|adds|told|wrote|writes|tweeted|replied|responded|continued|declared|"
    r"insisted|argued|explained|wondered|shouted|exclaimed)\b"
)
# Characters before and after the speech word in such a sentence: "Senate Majority Leader Mitch McConnell, R-Ky.,"
# and "on Tuesday." fit; a sentence that goes on about something else does not.
_SPEAKER_BEFORE, _SPEAKER_AFTER = 100, 80


@dataclass(frozen=True)
class Sentence:
    """One sentence: its index in the article, its paragraph and its exact span in the body."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


def _is_abbreviation(block: str, end: int) -> bool:
    """Whether the period at `end - 1` closes an abbreviation or an initial rather than a sentence."""
    word = re.search(r"(\S+)\.$", block[:end])
    if not word:
        return False
    token = word.group(1).lstrip("\"'\u201c\u2018([").lower()
    return token in ABBREVIATIONS or bool(re.fullmatch(r"[a-z]", token))


def _names_speaker(tail: str) -> bool:
    """Whether the sentence after a quote only says who spoke it ("Mitch McConnell, R-Ky., asked on Tuesday.")."""
    speech = _SPEECH_WORD.search(tail)
    if speech is None or any(mark in tail for mark in '"\u201c\u201d'):
        return False
    return speech.start() <= _SPEAKER_BEFORE and len(tail.rstrip()) - speech.end() <= _SPEAKER_AFTER


def _split_block(block: str) -> list[tuple[int, int]]:
    ends = [
        m
        for m in _BOUNDARY.finditer(block)
        if not (m.group().startswith(".") and _is_abbreviation(block, m.start() + 1))
    ]
    spans, start = [], 0
    for k, match in enumerate(ends):
        end = match.end()
        tail = block[end : ends[k + 1].end() if k + 1 < len(ends) else len(block)]
        if _QUOTE_CLOSE.search(match.group()) and _names_speaker(tail):
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
