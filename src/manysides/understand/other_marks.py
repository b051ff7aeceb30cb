"""Quote marks and words of sentences the English parser cannot read: which passages are quoted in each
language's marks („...“, »...«, «...», curly and straight), over the sentences of one paragraph, and where a word
stands beside a mark or a comma. Shared by the cue and speaker readers (`other_cues`, `other_speakers`)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

# A word; a straight double mark between two letters is Hebrew's gershayim (in an abbreviation
# such as the one for "chairman"), part of the word.
WORD = re.compile(r"[^\W\d_](?:[\w'\u2019-]|\"(?=[^\W\d_]))*")
# Opening quote marks and the marks that may close each: German „...“ and »...«, French and Spanish «...»,
# English-style curly and straight marks.
_CLOSERS = {"\u201e": '\u201c\u201d"', "\u201c": "\u201d\u201c", "\u00ab": "\u00bb", "\u00bb": "\u00ab", '"': '"'}
QUOTE_MARKS = frozenset('\u201e\u201c\u201d\u00ab\u00bb"')
STOPS = frozenset(",.;:!?()[]\u2013\u2014\u060c\u061b\u061f") | QUOTE_MARKS  # with Arabic comma, semicolon, "?"
_OPEN_SENTENCES = 3  # a quote mark left open longer than this many sentences is a stray mark
_ABBREVIATION = 4  # letters of a word a period inside a sentence shortens ("Prof. Dr. Aylin Şener", "prof. Ewy")


def quoted_passages(text: str, open_mark: str | None = None) -> tuple[list[tuple[int, int]], str | None]:
    """(start, end) of each passage in quote marks, marks included, and the mark of a quote still open at the end.
    `open_mark` is the mark of a quote opened in an earlier sentence: its passage starts at 0."""
    spans: list[tuple[int, int]] = []
    i, mark, start = 0, open_mark, 0
    while True:
        if mark is None:
            at = next((j for j in range(i, len(text)) if _opens(text, j)), None)
            if at is None:
                return spans, None
            mark, start, i = text[at], at, at + 1
        end = next((j for j in range(i, len(text)) if text[j] in _CLOSERS[mark] and not _inside_word(text, j)), None)
        if end is None:
            if len(text) - start > 3:
                spans.append((start, len(text)))
            return spans, mark
        if end - start > 2 or start == 0:
            spans.append((start, end + 1))
        i, mark = end + 1, None


def _opens(text: str, i: int) -> bool:
    """Whether the mark at i opens a quotation (a straight one only after a space or a bracket)."""
    mark = text[i]
    return mark in _CLOSERS and (mark != '"' or i == 0 or not text[i - 1].isalnum())


def _inside_word(text: str, i: int) -> bool:
    """Whether a straight double mark stands between two letters (Hebrew's gershayim, in an abbreviation)."""
    return text[i] == '"' and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str


def words_in(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def skip_back(text: str, at: int, chars: str) -> int:
    """The index after the last character before `at` that is not one of `chars` (0 when there is none)."""
    while at > 0 and text[at - 1] in chars:
        at -= 1
    return at


def char_before(text: str, at: int) -> str:
    """The last character before `at` that is not a space, or "" at the start."""
    at = skip_back(text, at, " \t\n\u00a0\u202f")
    return text[at - 1] if at else ""


def in_quote(quoted: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` lies inside one of the sentence's quoted passages (sorted, not overlapping)."""
    k = bisect.bisect_right(quoted, (at, len(quoted) and quoted[-1][1] + 1)) - 1
    return k >= 0 and quoted[k][0] <= at < quoted[k][1]


def after_stop(text: str, at: int) -> bool:
    """Whether a quote mark or a comma is what stands before `at`."""
    before = char_before(text, at)
    return before in QUOTE_MARKS or before in ",\u060c"


def after_quote(text: str, at: int) -> bool:
    """Whether a closing quote mark (and a comma) is all that stands before `at`: „...“, so Feld."""
    at = skip_back(text, at, " \t\n\u00a0")
    if at and text[at - 1] == ",":
        at = skip_back(text, at - 1, " \t\n\u00a0,")
    return at > 0 and text[at - 1] in QUOTE_MARKS


def joined(text: str, left: Word, right: Word) -> bool:
    """Whether nothing but spaces (or a hyphen or apostrophe) stands between two tokens, or the period of a short
    word before a capital inside one sentence: a title's abbreviation, since the splitter did not end it there."""
    between = text[left.end : right.start]
    if between.strip() == "." and len(left.text) <= _ABBREVIATION and left.text.isalpha() and right.text[:1].isupper():
        return True
    return not any(ch in STOPS for ch in between)


def sentence_passages(
    sentences: Sequence[str], paragraphs: Sequence[int]
) -> tuple[list[list[tuple[int, int]]], list[bool]]:
    """Each sentence's quoted passages, and whether it ends inside a quote that a later sentence closes. A quote
    runs over sentences of one paragraph only, and a mark left open for more than _OPEN_SENTENCES sentences is a
    stray mark (a garbled text, a mismatched closing mark): its passages are read again without it."""
    spans: list[list[tuple[int, int]]] = []
    open_at: list[bool] = []
    mark: str | None = None
    opened = 0  # the sentence the open quote started in
    for index, text in enumerate(sentences):
        if mark is not None and (
            index - opened > _OPEN_SENTENCES or (paragraphs and paragraphs[index] != paragraphs[index - 1])
        ):
            mark = None
            for back in range(opened, index):  # the stray mark's passages: each sentence alone
                spans[back] = [span for span in quoted_passages(sentences[back])[0] if span[1] < len(sentences[back])]
                open_at[back] = False
        was_open = mark is not None
        found, mark = quoted_passages(text, mark)
        if mark is not None and not was_open:
            opened = index
        spans.append(found)
        open_at.append(mark is not None)
    if mark is not None:  # never closed: a stray mark
        for back in range(opened, len(sentences)):
            spans[back] = [span for span in quoted_passages(sentences[back])[0] if span[1] < len(sentences[back])]
            open_at[back] = False
    return spans, open_at
