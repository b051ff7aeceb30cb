"""Numbers written as words of a language other than English ("trente-quatre", "treinta y cuatro", "otuz dört",
"أربعة وثلاثون"): the figures reader (`figures.py`) and the figures table (`present/figures.py`) read them beside
digits. The words, two to ninety-nine and the round hundreds with their ordinals, are written from num2words by
`benchmarks/cldr_words.py` (`extract.words.NUMBER_WORDS`, `ORDINAL_WORDS`); English numbers are read by the parse.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection

from manysides.extract.words import NUMBER_WORDS, ORDINAL_WORDS

_LETTERS = re.compile(r"[^\W\d_]+")
_NUMBER_JOINT = re.compile(r"[ \u00a0-]")  # what parts the words of one number: "trente-quatre", "otuz dört"
_NUMBER_PARTS = 4  # most words one number is written in ("quatre-vingt-dix-neuf")


def _spelled(text: str, language: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of each number written as words in the language's own words, longest first; the words
    of an ordinal ("vingt et unième", "on ikinci", "الثانية عشرة") are passed over."""
    code = language.split("-")[0].lower()
    table, ordinals = NUMBER_WORDS.get(code), ORDINAL_WORDS.get(code, frozenset())
    if not table:
        return []
    words = list(_LETTERS.finditer(text))
    found, i = [], 0
    while i < len(words):
        most = min(_NUMBER_PARTS, len(words) - i)
        if skip := next((n for n in range(most, 1, -1) if _number_run(text, words[i : i + n], ordinals)), 0):
            i += skip
            continue
        size = next((n for n in range(most, 0, -1) if _number_run(text, words[i : i + n], table)), 0)
        if size and not _name_or_compound(text, words[i].start(), words[i + size - 1].end()):
            found.append((words[i].start(), words[i + size - 1].end(), float(table[_key(words[i : i + size])])))
        i += size or 1
    return found


_COUNTED_NEXT = re.compile(r"\s+[^\W\d_]")


def _name_or_compound(text: str, start: int, end: int) -> bool:
    """Whether number words are no figure: capitalised inside the sentence, a name ("Tres Cantos"); joined by a
    hyphen to a word no number has, a compound ("Pont-Neuf"); with no word after them to count, most often
    another sense of the word ("un bâtiment neuf.", Turkish "yemek yedi.", ate)."""
    inside = bool(re.search(r"\w", text[:start]))
    compound = text[start - 1 : start] == "-" or text[end : end + 1] == "-"
    return (inside and text[start].isupper()) or compound or not _COUNTED_NEXT.match(text, end)


def spelled_value(figure: str, language: str | None) -> tuple[int, float] | None:
    """(end, value) of the number a figure opens with in words of its language ("trente-quatre" -> 34), or None."""
    table = NUMBER_WORDS.get((language or "").split("-")[0].lower(), {})
    words = list(_LETTERS.finditer(figure))[:_NUMBER_PARTS]
    if not words or words[0].start() != 0:
        return None
    size = next((n for n in range(len(words), 0, -1) if _number_run(figure, words[:n], table)), 0)
    return (words[size - 1].end(), float(table[_key(words[:size])])) if size else None


def any_number_word(word: str) -> bool:
    """Whether a word is a number of two to ninety-nine written in any listed language ("quatre", "dört")."""
    return _key_of(word) in _ALL_NUMBER_WORDS


def _key_of(word: str) -> str:
    return word.replace("İ", "i").lower()


_ALL_NUMBER_WORDS = frozenset(key for table in NUMBER_WORDS.values() for key in table)


def spelled_numbers(text: str, language: str | None) -> list[tuple[int, int, float]]:
    """(start, end, value) of each number the text writes as words of its language ("trente-quatre", "otuz
    dört"); none for English, which the parse reads, or a language without a list."""
    return _spelled(text, language) if language and language != "en" else []


def _key(run: list[re.Match[str]]) -> str:
    return _key_of("".join(w.group() for w in run))


def _number_run(text: str, run: list[re.Match[str]], table: Collection[str]) -> bool:
    """Whether the words form one entry of the table, parted only by spaces or hyphens."""
    parted = all(_NUMBER_JOINT.fullmatch(text[a.end() : b.start()]) for a, b in itertools.pairwise(run))
    return parted and _key(run) in table
