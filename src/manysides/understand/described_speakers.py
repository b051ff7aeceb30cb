"""Speakers given by a description ("a lawyer for Mrs. Clinton said") joined to the one person the article names
with that description ("The lawyer for Mrs. Clinton, David Kendall, said"), so one voice is one cited source.
Speakers given by a title ("the governor said") are `title_speakers`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from manysides.understand.names import name_key
from manysides.understand.speech_words import speech_words

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from spacy.tokens import Token

    from manysides.understand.document import SentenceInfo
    from manysides.understand.quotes import Attribution

# Words of a description that say nothing of whose it is: articles, and a pronoun's "for her" (the name the
# description is given elsewhere says more).
_EMPTY = frozenset({"a", "an", "the", "this", "that", "his", "her", "its", "their", "him", "them", "for", "of"})
# Heads of a description of one who speaks for someone, whom outlets name in one place and describe in another.
# Not an aide, an adviser or an official: those are often unnamed on purpose, and another than the one named.
_VOICE_FOR = speech_words("voice_for_nouns")
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")


def _words(text: str) -> set[str]:
    """The words a description is told by, lower-cased, without articles and pronouns."""
    return {w.lower().strip(".") for w in _WORD.findall(text)} - _EMPTY


def _name_of(token: Token) -> str:
    """A name's words up to its head ("David Kendall" of "The lawyer for Mrs. Clinton, David Kendall")."""
    words = [t for t in token.subtree if t.pos_ == "PROPN" and t.i <= token.i]
    return " ".join(t.text for t in words if t == token or t.dep_ != "appos")


def _description(noun: Token) -> str:
    """A description's own words: the noun and what it keeps before and after, without the name set beside it,
    clauses or punctuation."""
    skip = {t.i for c in noun.children if c.dep_ in {"appos", "relcl", "acl", "punct"} for t in c.subtree}
    return " ".join(t.text for t in noun.subtree if t.i not in skip and not t.is_punct)


def named_descriptions(doc_tokens: Sequence[Token], quoted: Callable[[int], bool]) -> list[tuple[str, str, str]]:
    """(head lemma, description, person name) where a description of one person stands beside the name outside
    quotation marks: "the lawyer for Mrs. Clinton, David Kendall", "Nick Merrill, a spokesman for her", "spokesman
    Chris Fleming"."""
    found = []
    for noun in doc_tokens:
        if noun.pos_ != "NOUN" or not noun.text[:1].islower() or quoted(noun.idx):
            continue
        # the name after the description, or after whom it is of ("The lawyer for Mrs. Clinton, David Kendall,")
        objects = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in {"for", "of"} for o in p.children]
        names = [
            c
            for holder in (noun, *objects)
            for c in holder.children
            if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.pos_ == "PROPN" and c.i > holder.i
        ]
        if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON" and noun.head.pos_ == "PROPN":
            names.append(noun.head)
        if noun.dep_ == "compound" and noun.head.ent_type_ == "PERSON" and noun.head.pos_ == "PROPN":
            names.append(noun.head)
        found.extend((noun.lemma_.lower(), _description(noun), _name_of(n)) for n in names if _name_of(n))
    return found


def _described(attribution: Attribution) -> bool:
    """A speaker given by a description of one who speaks for someone, its head a lower-case word ("a
    representative for the photographer"); not "the presidential hopeful", whom the story names before."""
    words = _WORD.findall(attribution.speaker)
    return attribution.head in _VOICE_FOR and any(w.lower() == attribution.head and w[0].islower() for w in words)


def resolve_described_speakers(infos: Sequence[SentenceInfo], full: Callable[[str], str]) -> None:
    """A speaker that is a description takes the one person the article names with a description of the same head
    holding all its words ("a lawyer for Mrs. Clinton" in "The lawyer for Mrs. Clinton, David Kendall"; "a
    spokesman for her" in "the spokesman, Nick Merrill"). Two such people, or none: left as it is. `full` gives a
    name as the article's full name of that person."""
    described: list[tuple[str, set[str], str]] = []
    for info in infos:
        spans = info.quotes
        for head, words, name in named_descriptions(info.doc, lambda i, s=spans: any(a <= i < b for a, b in s)):
            described.append((head, _words(words), full(name)))
    if not described:
        return
    for info in infos:
        changed = []
        for a in info.attributions:
            if _described(a):
                words = _words(a.speaker)
                people = {name for head, told, name in described if head == a.head and words <= told}
                surnames = {name_key(n.split()[-1]) for n in people}
                if len(surnames) == 1:
                    person = max(people, key=len)
                    a = replace(a, speaker=person, head=person.split()[-1].lower(), named=True, head_type="PERSON")
            changed.append(a)
        info.attributions = changed
