"""Quotes and attributions: who the article says said something, with which cue ("said", "according to", "citing").

Speakers come from the dependency parse (subject of a speech verb, object of "according to" or "citing"), trimmed
of relative clauses so "the source, who requested anonymity, said" gives "the source".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


CUE_VERBS = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "say tell state add note emphasize emphasise stress announce confirm reveal report claim insist warn "
        "explain deny describe acknowledge write tweet argue accuse quote assert declare allege suggest indicate "
        "admit"
    ).split()
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this"})
_TRIM_DEPS = frozenset({"relcl", "acl", "punct", "appos", "advcl", "cc", "conj", "prep"})
_QUOTE = re.compile(
    r"\"[^\"\n]{2,}?\"|\u201c[^\u201d\n]{2,}?\u201d|(?<![\w])['\u2018][^'\u2019\n]{2,80}?['\u2019](?![\w])"
)


@dataclass(frozen=True)
class Attribution:
    """One attribution: speaker phrase, cue word and kind (quote, paraphrase, according_to, citing)."""

    speaker: str
    cue: str
    kind: str


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of quoted passages in the text, quote marks included."""
    return [m.span() for m in _QUOTE.finditer(text)]


def _phrase(head: Token) -> str:
    """The noun phrase of a speaker, without relative clauses, appositions or trailing punctuation."""
    keep = [head]
    for child in head.children:
        if child.dep_ not in _TRIM_DEPS or (child.dep_ == "prep" and child.i > head.i and child.lower_ in {"of", "in"}):
            keep.extend(child.subtree)
    tokens = sorted(keep, key=lambda t: t.i)
    start, end = tokens[0].i, tokens[-1].i
    span = head.doc[start : end + 1]
    return span.text.strip(" ,")


def attributions(sentence: Span) -> list[Attribution]:
    """Every attribution in a parsed sentence, in order of appearance."""
    found: list[tuple[int, Attribution]] = []
    quoted = any(len(sentence.doc.text[s:e].split()) >= 4 for s, e in quote_spans(sentence.text))
    for token in sentence:
        lemma = token.lemma_.lower()
        if token.lower_ == "according" and token.i + 1 < sentence.end and token.nbor().lower_ == "to":
            objects = [c for c in token.nbor().children if c.dep_ == "pobj"]
            if objects:
                found.append((token.i, Attribution(_phrase(objects[0]), "according to", "according_to")))
        elif lemma == "cite" and token.pos_ == "VERB":
            objects = [c for c in token.children if c.dep_ in {"dobj", "obj"}]
            agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            for obj in objects + agents:
                found.append((token.i, Attribution(_phrase(obj), token.text, "citing")))
        elif lemma in CUE_VERBS and token.pos_ == "VERB":
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects and subjects[0].lower_ not in _PRONOUNS | {"that"}:
                kind = "quote" if quoted else "paraphrase"
                found.append((token.i, Attribution(_phrase(subjects[0]), token.text, kind)))
            elif subjects:
                found.append((token.i, Attribution(subjects[0].text, token.text, "quote" if quoted else "paraphrase")))
    return [attribution for _, attribution in sorted(found, key=lambda item: item[0])]
