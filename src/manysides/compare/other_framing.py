"""Framing outside English: hedges, the words by which an outlet keeps a claim at a distance.

English framing reads labels, loaded terms, scare quotes and hedges through the parse and lists fitted on BASIL.
None of that exists for other languages, but a reportative hedge is a closed set of words each language's news
uses ("angeblich", "présumé", "presuntamente", "rzekomo", "iddia edilen", "المزعوم", "לכאורה"), listed by hand in
`data/hedges_other.json`. A hedge inside a quotation, or in a sentence that reports someone's words, is the
speaker's caution, not the outlet's, and is left out, as in English.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from manysides.records.report import FramingItem
from manysides.understand import ArticleText


@cache
def _lists() -> dict[str, list[str]]:
    text = resources.files("manysides.compare").joinpath("data/hedges_other.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def hedge_example(language: str) -> str | None:
    """The first hedge listed for the language ("angeblich"), to show a reader what is read; None if none."""
    words = _lists().get(language)
    return words[0] if words else None


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    lists = _lists()
    return {
        language: re.compile(
            r"(?<![\w\u0600-\u06ff])(?:[\u0648\u0641\u05d5]?)("
            + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            + r")(?![\w\u0600-\u06ff])",
            re.IGNORECASE,
        )
        for language, words in lists.items()
    }


def hedge_languages() -> frozenset[str]:
    """The languages whose hedges are read here."""
    return frozenset(_patterns())


def hedges(text: ArticleText, language: str) -> list[FramingItem]:
    """The outlet's own hedges in one article not in English, in reading order."""
    pattern = _patterns().get(language)
    if pattern is None:
        return []
    items = []
    for sentence in text.sentences:
        if any(a.kind in {"paraphrase", "quote"} for a in sentence.attributions):
            continue  # what a speaker said: the caution is theirs
        for match in pattern.finditer(sentence.text):
            if any(a <= match.start(1) < b for a, b in sentence.quotes):
                continue
            start = sentence.start + match.start(1)
            items.append(
                FramingItem(
                    article=text.article.id,
                    type="hedge",
                    text=text.article.body[start : start + len(match.group(1))],
                    sentence=sentence.index,
                )
            )
    return items
