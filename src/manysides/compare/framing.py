"""Framing per outlet: labels given to actors, scare quotes, loaded terms and hedges, each as an exact span.

Labels are appositions ("Sharaa, a former ISIS commander") and descriptors before a name ("interim President");
scare quotes are short quoted words that nobody is quoted as saying ("Israel", "peace"); loaded terms and hedges
come from the lists in `lexicon`. Voices count how often each speaker is quoted or paraphrased.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from manysides.compare.lexicon import HEDGE_PATTERN, LOADED_PATTERN, vader_valence
from manysides.compare.report import FramingItem, Voice
from manysides.understand import ArticleText, SentenceInfo
from manysides.understand.entities import clean_name

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_ACTORS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_MAX_SCARE_WORDS = 3
_CUE_BEFORE = ("said", "says", "told", "called it", "described it as", "as")
_NOT_SPEAKERS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "the statement", "statement"})
# Emotive words beyond the curated list: VADER valence at least this strong, in these parts of speech, and
# whether words inside direct quotes count. `benchmarks.compare --fit` compares settings on BASIL half A; they
# differed by less than 0.02 F1 there, so the middle setting stays.
VADER_MIN = 2.0
VADER_POS = frozenset({"ADJ", "ADV"})
IN_QUOTES = False


def _actor(token: Token) -> str | None:
    """The named actor a token belongs to, if any."""
    if token.ent_type_ in _ACTORS:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return clean_name(ent.text)
    return None


def _item(
    text: ArticleText, sentence: SentenceInfo, kind: str, start: int, end: int, target: str | None
) -> FramingItem:
    body = text.article.body
    return FramingItem(
        article=text.article.id,
        type=kind,  # type: ignore[arg-type]
        target=target,
        text=body[sentence.start + start : sentence.start + end],
        sentence=sentence.index,
    )


def _appositions(text: ArticleText, sentence: SentenceInfo) -> list[FramingItem]:
    items = []
    for token in sentence.doc:
        if token.dep_ != "appos" or token.pos_ not in {"NOUN"}:
            continue
        target = _actor(token.head) or (token.head.text if token.head.pos_ == "PROPN" else None)
        left = min(t.i for t in token.subtree)
        if target is None or left == 0 or token.doc[left - 1].text != ",":
            continue
        start = token.doc[left].idx
        end = token.idx + len(token.text)
        if end > start:
            items.append(_item(text, sentence, "label", start, end, target))
    return items


def _descriptors(text: ArticleText, sentence: SentenceInfo) -> list[FramingItem]:
    """Descriptors just before a person's name that judge or qualify, not bare job titles: "interim President"."""
    items = []
    doc = sentence.doc
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        i = ent.start - 1
        words: list[Token] = []
        while (
            i >= 0
            and (doc[i].pos_ in {"ADJ", "NOUN", "PROPN"} or doc[i].text == "-")
            and doc[i].ent_type_ not in {"PERSON", "GPE", "NORP"}
        ):
            words.insert(0, doc[i])
            i -= 1
        if any(t.is_lower and t.pos_ == "ADJ" for t in words):
            start = words[0].idx
            items.append(
                _item(text, sentence, "label", start, words[-1].idx + len(words[-1].text), clean_name(ent.text))
            )
    return items


def _scare_quotes(text: ArticleText, sentence: SentenceInfo) -> list[FramingItem]:
    items = []
    for start, end in sentence.quotes:
        inner = sentence.text[start + 1 : end - 1].strip()
        words = inner.split()
        if not 0 < len(words) <= _MAX_SCARE_WORDS or inner.endswith((".", ",", "?", "!")):
            continue
        before = sentence.text[:start].rstrip().lower()
        if before.endswith(_CUE_BEFORE) and not inner[:1].isupper():
            continue
        items.append(_item(text, sentence, "scare_quotes", start, end, re.sub(r"['\u2019]s?$", "", inner)))
    return items


def _in_long_quote(sentence: SentenceInfo, start: int) -> bool:
    return any(s <= start < e and len(sentence.text[s:e].split()) > _MAX_SCARE_WORDS for s, e in sentence.quotes)


def _lexical(text: ArticleText, sentence: SentenceInfo) -> list[FramingItem]:
    items = []
    found: list[tuple[str, int, int]] = []
    for kind, pattern in (("hedge", HEDGE_PATTERN), ("loaded_term", LOADED_PATTERN)):
        found.extend((kind, m.start(), m.end()) for m in pattern.finditer(sentence.text))
    valence = vader_valence()
    for token in sentence.doc:
        if token.pos_ in VADER_POS and abs(valence.get(token.lower_, 0.0)) >= VADER_MIN:
            found.append(("loaded_term", token.idx, token.idx + len(token.text)))
    taken: set[int] = set()
    for kind, start, end in sorted(found, key=lambda item: item[1]):
        if start in taken or (kind == "loaded_term" and not IN_QUOTES and _in_long_quote(sentence, start)):
            continue
        taken.add(start)
        items.append(_item(text, sentence, kind, start, end, _target(sentence.doc[:], start)))
    return items


def _target(span: Span, start: int) -> str | None:
    """The actor a framing word is about: the named entity nearest to it in its sentence."""
    best = None
    for ent in span.ents:
        if ent.label_ in _ACTORS:
            distance = abs(ent.start_char - start)
            if best is None or distance < best[0]:
                best = (distance, clean_name(ent.text))
    return best[1] if best else None


def framing(text: ArticleText) -> list[FramingItem]:
    """Every framing item of one article, in reading order."""
    items: list[FramingItem] = []
    for sentence in text.sentences:
        for finder in (_appositions, _descriptors, _scare_quotes, _lexical):
            items.extend(finder(text, sentence))
    return items


def voices(text: ArticleText) -> list[Voice]:
    """How often each speaker is quoted directly or paraphrased in one article."""
    quoted: Counter[str] = Counter()
    paraphrased: Counter[str] = Counter()
    for sentence in text.sentences:
        for attribution in sentence.attributions:
            if attribution.speaker.lower() in _NOT_SPEAKERS:
                continue
            counter = quoted if attribution.kind == "quote" else paraphrased
            counter[attribution.speaker] += 1
    return [
        Voice(article=text.article.id, speaker=speaker, quoted=quoted[speaker], paraphrased=paraphrased[speaker])
        for speaker in sorted(quoted.keys() | paraphrased.keys())
    ]
