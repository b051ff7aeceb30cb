"""One article understood: its sentences with entities, numbers, dates, attributions, quotes and modality.

All articles of a comparison are parsed in one spaCy batch (one Doc per sentence), which is what keeps the
per-article cost low; every offset is an offset into the article body.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from manysides.record import Article
from manysides.understand.dates import DateMention, find_dates, looking_ahead, parse_published
from manysides.understand.entities import ENTITY_TYPES, Mention, clean_name
from manysides.understand.modality import Modality, clause_verb, future_clause, main_verb, modality, negated
from manysides.understand.names import name_key
from manysides.understand.nlp import load_nlp
from manysides.understand.numbers import NumberMention, find_numbers
from manysides.understand.quotes import Attribution, attributions, quote_spans
from manysides.understand.sentences import Sentence, split_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
_LIGHT_VERBS = frozenset({"be", "have", "do", "make", "take", "say", "tell", "report", "get", "give", "go"})


@dataclass
class SentenceInfo:
    """What alignment, conflicts and framing need to know about one sentence."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str
    doc: Doc
    content: set[str] = field(default_factory=set)
    predicates: list[str] = field(default_factory=list)
    subject: str = ""
    subject_text: str = ""
    entity_keys: set[str] = field(default_factory=set)
    numbers: list[NumberMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    negated: bool = False
    modality: Modality = "stated"


@dataclass
class ArticleText:
    """An article with its understood sentences and entity mentions."""

    article: Article
    sentences: list[SentenceInfo]
    mentions: list[Mention]


def _light_object(token: Token) -> bool:
    """A noun that carries the event after a light verb: "held talks", "took steps"."""
    head = token.head
    return (
        token.pos_ == "NOUN"
        and token.dep_ in {"dobj", "nsubj", "pobj", "attr"}
        and head.pos_ == "VERB"
        and (head.lemma_.lower() in _LIGHT_VERBS)
    )


def _subject(doc: Doc) -> tuple[str, str]:
    """Who acts in the main event (subject or passive agent of the main verb): a name key or noun lemma, and text."""
    verb = main_verb(doc[:])
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass", "agent"}:
            head = next((g for g in child.children if g.dep_ == "pobj"), child) if child.dep_ == "agent" else child
            if head.pos_ == "PROPN":
                text = " ".join(t.text for t in head.subtree if t.pos_ == "PROPN")
                return name_key(text), text
            return ("", "") if head.pos_ == "PRON" else (head.lemma_.lower(), head.text)
    return "", ""


def _predicates(doc: Doc) -> list[str]:
    """Lemmas naming the event: the main verb first, then other full verbs and their nominal objects."""
    verb = main_verb(doc[:])
    found = [] if verb.lemma_.lower() in _LIGHT_VERBS else [verb.lemma_.lower()]
    for token in doc:
        lemma = token.lemma_.lower()
        full_verb = token.pos_ == "VERB" and lemma not in _LIGHT_VERBS
        if (full_verb or _light_object(token)) and lemma not in found:
            found.append(lemma)
    return found


_AHEAD = re.compile(r"\b(?:as soon as|as early as|no later than)\s+$", re.IGNORECASE)


def _dates(text: str, doc: Doc, published: date | None) -> list[DateMention]:
    """Dates of the sentence; a bare weekday in a future clause looks ahead of publication instead of back."""
    found = find_dates(text, published)
    if published is None:
        return found
    result = []
    for mention in found:
        verb = clause_verb(doc, mention.start, mention.end) if mention.bare_weekday else None
        ahead = _AHEAD.search(text[max(0, mention.start - 16) : mention.start]) is not None
        future = ahead or (verb is not None and future_clause(verb))
        result.append(looking_ahead(mention, published) if mention.bare_weekday and future else mention)
    return result


_SMALL_WORDS = frozenset({"a", "an", "the", "of", "on", "in", "and", "or", "for", "to", "at", "with", "by", "as", "vs"})


def title_case(text: str) -> bool:
    """A heading line set in title case ("Obama Willing to Use Executive Orders on Guns"): no closing stop and
    every word but the small ones capitalised. The parser reads most of such a line as names."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", text) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 3 and not text.rstrip().endswith((".", "!", "?")) and all(w[0].isupper() for w in words)


def _sentence_info(article: Article, sentence: Sentence, doc: Doc) -> tuple[SentenceInfo, list[Mention]]:
    published = parse_published(article.published)
    span = doc[:]
    heading = title_case(sentence.text)
    mentions = [
        Mention(
            clean_name(ent.text),
            ENTITY_TYPES[ent.label_],
            article.id,
            sentence.index,
            sentence.start + ent.start_char,
            sentence.start + ent.end_char,
            heading,
        )
        for ent in doc.ents
        if ent.label_ in ENTITY_TYPES and clean_name(ent.text)
    ]
    keys = {name_key(ent.text) for ent in doc.ents if ent.label_ in {*ENTITY_TYPES, "NORP"}} - {""}
    subject = _subject(doc)
    info = SentenceInfo(
        index=sentence.index,
        paragraph=sentence.paragraph,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        doc=doc,
        content={t.lemma_.lower() for t in doc if t.pos_ in _CONTENT_POS and not t.is_stop},
        predicates=_predicates(doc),
        subject=subject[0],
        subject_text=subject[1],
        entity_keys=keys,
        numbers=find_numbers(span),
        dates=_dates(sentence.text, doc, published),
        attributions=attributions(span),
        quotes=quote_spans(sentence.text),
        negated=negated(span),
        modality=modality(span),
    )
    return info, mentions


_HE_SHE = frozenset({"he", "she"})
_HE_SHE_WORD = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)


def _quoted(info: SentenceInfo, offset: int) -> bool:
    """Whether an offset into the sentence lies inside quotation marks."""
    return any(a <= offset < b for a, b in info.quotes)


def _pronoun_outside_quotes(info: SentenceInfo) -> int | None:
    """Offset in the sentence of the first "he" or "she" outside quotation marks."""
    return next((m.start() for m in _HE_SHE_WORD.finditer(info.text) if not _quoted(info, m.start())), None)


def _resolve_pronoun_speakers(infos: list[SentenceInfo], mentions: list[Mention]) -> None:
    """ "he told Fox News" names no one. The speaker is taken to be, in this order: the sentence's own subject
    when it is a name before the pronoun ("Gorsuch, who worked for Bush, ... he stated"); a person named before
    the pronoun ("Sen. Mazie Hirono blasted ..., she said"); the latest named speaker up to three sentences back
    (in journalism "he said" after a quote is most often the last speaker); the first person the sentence before
    names. Names inside quotation marks are never taken. Otherwise "he" stays."""
    people: dict[int, list[tuple[int, str]]] = {}
    for mention in mentions:
        quoted = _quoted(infos[mention.sentence], mention.start - infos[mention.sentence].start)
        if mention.type == "person" and not mention.headline and not quoted:
            people.setdefault(mention.sentence, []).append((mention.start, mention.text))

    def speaker_in(j: int) -> str | None:
        named = [a.speaker for a in infos[j].attributions if a.named and a.speaker.lower() not in _HE_SHE]
        found = [text for _, text in people.get(j, [])]
        return next((p for p in found if p in named[0]), named[0]) if named else None

    for k, info in enumerate(infos):
        at = _pronoun_outside_quotes(info)
        if at is None or not any(a.speaker.lower() in _HE_SHE for a in info.attributions):
            continue
        subject, where = info.subject_text, info.text.find(info.subject_text)
        own = subject if subject[:1].isupper() and 0 <= where < at and not _quoted(info, where) else None
        before = [text for start, text in people.get(k, []) if start < info.start + at]
        earlier = (speaker_in(j) for j in range(k - 1, max(k - 4, -1), -1))
        first_before = (text for _, text in people.get(k - 1, [])[:1])
        person = next((c for c in itertools.chain([own], before[:1], earlier, first_before) if c), None)
        if person:
            info.attributions = [
                replace(a, speaker=person, head=person.split()[-1].lower(), named=True)
                if a.speaker.lower() in _HE_SHE
                else a
                for a in info.attributions
            ]


def analyse_many(articles: Sequence[Article]) -> list[ArticleText]:
    """Understand several articles in one parsing batch."""
    nlp = load_nlp()
    split = [split_sentences(article.body) for article in articles]
    docs = iter(nlp.pipe([s.text for sentences in split for s in sentences], batch_size=256))
    result = []
    for article, sentences in zip(articles, split, strict=True):
        infos, mentions = [], []
        for sentence in sentences:
            info, found = _sentence_info(article, sentence, next(docs))
            infos.append(info)
            mentions.extend(found)
        _resolve_pronoun_speakers(infos, mentions)
        result.append(ArticleText(article, infos, mentions))
    return result


def analyse(article: Article) -> ArticleText:
    """Understand one article."""
    return analyse_many([article])[0]
