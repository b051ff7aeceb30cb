"""Sentences of articles the English parser cannot read: figures, dates and names read without it.

The parse of a German or Arabic sentence by the English model gives function words as names ("Fue", "de la") and
misreads "2.400" as two point four, so for those articles what the comparison needs is read again here:
figures and stated dates with readers that know every script and decimal convention, and names only where another
language's article gives them too (`foreign_names`), or another outlet's article in the same language where only
names take capitals (Spanish, French, Turkish; not German); places also by their names in other languages ("Damas",
"دمشق" -> Damascus, `exonyms`), where another article of the story names the place. Attributions, negation and
modality stay unread: their cue words are English.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from manysides.extract.words import CALENDAR_WORDS
from manysides.records.article import Article
from manysides.understand.dates import find_dates_any, parse_published
from manysides.understand.entities import Mention
from manysides.understand.exonyms import PlaceHit, exonyms, find_places, place_key
from manysides.understand.figures import find_figures
from manysides.understand.foreign_names import (
    NOUNS_CAPITALISED,
    Candidate,
    candidates,
    confirmed,
    script_key,
    stop_words,
    uncased,
)
from manysides.understand.given_names import is_given_name
from manysides.understand.names import name_key
from manysides.understand.other_quotes import attributions

if TYPE_CHECKING:
    from manysides.understand.document import ArticleText

PARSED_LANGUAGE = "en"  # the language of the parser (en_core_web_sm) and of the attribution and framing word lists


def parsed_language(language: str | None) -> bool:
    """Whether the English parse reads an article in this language (English, or a language not known)."""
    return not language or language.lower().startswith(PARSED_LANGUAGE)


def _known_names(texts: list[ArticleText]) -> dict[str, tuple[str, str]]:
    """Script key -> (spelling, type) of the names the parser found in English articles (most given spelling)."""
    spellings: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for text in texts:
        if parsed_language(text.article.language):
            for mention in text.mentions:
                if key := script_key(mention.text):
                    spellings[key][(mention.text, mention.type)] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}


def language_code(article: Article) -> str:
    """The article's language as its primary subtag ("de" for "de-AT"), "" when not known."""
    return (article.language or "").lower().split("-")[0]


def _language(text: ArticleText) -> str:
    return language_code(text.article)


def read_other_languages(texts: list[ArticleText]) -> None:
    """Re-read, in place, the sentences of the articles not in English (see the module docstring).

    Names in cased scripts are confirmed by an English name, a candidate of another cased language or, where only
    names take capitals, another outlet's candidate in the same language; names in Arabic or Hebrew only by an
    English name or a name confirmed in a cased language."""
    others = [t for t in texts if not parsed_language(t.article.language)]
    if not others:
        return
    known = _known_names(texts)
    found = {id(t): [candidates(s.text, _language(t)) for s in t.sentences] for t in others}
    cased = [t for t in others if not uncased(t.article.body)]
    by_language: dict[str, set[str]] = defaultdict(set)
    first_spelling: dict[str, str] = {}
    for t in cased:
        for c in (c for sentence_candidates in found[id(t)] for c in sentence_candidates):
            by_language[_language(t)].add(c.key)
            first_spelling.setdefault(c.key, c.text)
    names: dict[int, list[list[Candidate]]] = {}
    for t in cased:
        elsewhere = set(known).union(*(keys for other, keys in by_language.items() if other != _language(t)))
        elsewhere |= _named_in_one_language(t, cased, found) | _people_by_given_name(found[id(t)], _language(t))
        names[id(t)] = [confirmed(sentence_candidates, elsewhere) for sentence_candidates in found[id(t)]]
    in_cased = set(known) | {c.key for t in cased for sentence in names[id(t)] for c in sentence}
    spellings = {key: known.get(key, _typed(first_spelling.get(key, ""))) for key in in_cased}
    places = _places(texts, others)
    spellings |= {_place_key(english): spelling for english, spelling in places[1].items()}
    for t in others:
        if id(t) not in names:
            names[id(t)] = [confirmed(sentence_candidates, in_cased) for sentence_candidates in found[id(t)]]
        names[id(t)] = [_with_places(n, p) for n, p in zip(names[id(t)], places[0][id(t)], strict=True)]
        _reread(t, names[id(t)], spellings)


def _typed(spelling: str) -> tuple[str, str]:
    """A name no English article gives, with the type its words tell: a person when it opens with a known given
    name of any language read here ("Daniel Quintero", "Jens Albrecht"), else other (the parser that types names
    reads English only)."""
    words = spelling.split()
    return spelling, "person" if len(words) >= 2 and is_given_name(words[0]) else "other"


def _people_by_given_name(found: list[list[Candidate]], language: str) -> set[str]:
    """Keys of full names a person's shape gives away, with no other article needed: a known given name of any
    language read here, then one or two capitalised words that are no stop words ("Mark Esper", "Jens Albrecht"),
    so a German-only story lists its people too."""
    stops = stop_words(language)
    return {
        c.key
        for sentence in found
        for c in sentence
        if len(words := c.text.split()) >= 2
        and is_given_name(words[0])
        and not any(w.lower() in stops for w in words)
        and all(w[:1].isupper() for w in words)
    }


def _named_in_one_language(
    text: ArticleText, cased: list[ArticleText], found: dict[int, list[list[Candidate]]]
) -> set[str]:
    """Keys of names another outlet's article in the same language gives too, in a language that capitalises
    names only: two Spanish reports of one flood both write "Yakarta" and "Java Occidental". At least one of the two
    must write it inside a sentence, where only a name takes a capital ("Según" opening both is no name)."""
    language = _language(text)
    if language in NOUNS_CAPITALISED:
        return set()

    def keys(t: ArticleText, inside: bool) -> set[str]:
        """The article's candidate keys; with `inside`, only those after a word of their sentence."""
        return {
            c.key
            for sentence, sentence_candidates in zip(t.sentences, found[id(t)], strict=True)
            for c in sentence_candidates
            if not _calendar(c.text) and (not inside or any(ch.isalnum() for ch in sentence.text[: c.start]))
        }

    outlet = text.article.outlet
    others = [u for u in cased if u is not text and _language(u) == language and u.article.outlet != outlet]
    ours, ours_inside = keys(text, False), keys(text, True)
    shared: set[str] = set()
    for other in others:
        shared |= ours & keys(other, False) & (ours_inside | keys(other, True))
    return shared


def _calendar(text: str) -> bool:
    """A run of month or weekday names, a suffix after an apostrophe set aside ("Mart'ta", in March)."""
    return all(re.split(r"['\u2019]", w)[0].lower() in CALENDAR_WORDS for w in text.split())


def _place_key(english: str) -> str:
    return f"place:{english}"


def _places(
    texts: list[ArticleText], others: list[ArticleText]
) -> tuple[dict[int, list[list[PlaceHit]]], dict[str, tuple[str, str]]]:
    """Place names spelled as in another language, per sentence of each article not in English, kept where the
    story names the place too: an English article's mention of it (not a person's), a spelling of it in an
    article of another language, or another outlet's article in the same language where only names take capitals
    (two Spanish reports' "Yakarta"; not German, whose "Essen" may be a meal). Also the spelling and type each
    kept place takes (the English mention's)."""
    english: dict[str, tuple[str, str]] = {}
    for text in texts:
        if parsed_language(text.article.language):
            for mention in text.mentions:
                if mention.type != "person":  # "Türkiye" and "Turkey" are one place (exonyms: Türkiye -> Turkey)
                    name = exonyms().get(place_key(mention.text), mention.text)
                    english.setdefault(place_key(name), (mention.text, mention.type))
    hits = {id(t): [find_places(s.text) for s in t.sentences] for t in others}
    languages: dict[str, set[str]] = defaultdict(set)
    outlets: dict[tuple[str, str], set[str | None]] = defaultdict(set)  # (place, language) -> outlets naming it
    for t in others:
        for hit in (h for sentence in hits[id(t)] for h in sentence):
            languages[hit.english].add(_language(t))
            outlets[(hit.english, _language(t))].add(t.article.outlet)
    spelling = {
        name: english.get(place_key(name), (name, "place"))
        for name, where in languages.items()
        if place_key(name) in english
        or len(where) > 1
        or any(len(outlets[(name, w)]) > 1 and w not in NOUNS_CAPITALISED for w in where)
    }
    kept = {id(t): [[h for h in sentence if h.english in spelling] for sentence in hits[id(t)]] for t in others}
    return kept, spelling


def _with_places(names: list[Candidate], places: list[PlaceHit]) -> list[Candidate]:
    """A sentence's confirmed names with its confirmed places; a place replaces a name it overlaps."""
    found = [Candidate(p.start, p.end, p.text, _place_key(p.english)) for p in places]
    found += [c for c in names if not any(c.start < p.end and p.start < c.end for p in places)]
    return sorted(found, key=lambda c: c.start)


def _reread(text: ArticleText, names: list[list[Candidate]], spellings: dict[str, tuple[str, str]]) -> None:
    """Figures, dates, confirmed names and attributions (`other_quotes`) of each sentence; the English parse's
    negation, modality and subjects cleared."""
    language = _language(text)
    published = parse_published(text.article.published)
    mentions = []
    # a place is no speaker ("Oppositionsabgeordnete in Dresk kritisierten"): speakers are read among the rest
    voices = [[c for c in found if spellings[c.key][1] != "place"] for found in names]
    said = attributions([s.text for s in text.sentences], voices, language, [s.paragraph for s in text.sentences])
    for sentence, confirmed_names, (credited, quoted) in zip(text.sentences, names, said, strict=True):
        spelling = {c.key: (spellings[c.key][0] or c.text, spellings[c.key][1]) for c in confirmed_names}
        mentions += [_mention(text, sentence.index, sentence.start, c, *spelling[c.key]) for c in confirmed_names]
        dates = find_dates_any(sentence.text, published, language)
        sentence.dates = dates
        sentence.numbers = find_figures(sentence.text, language, [(d.start, d.end) for d in dates])
        sentence.entity_keys = {name_key(spelling[c.key][0]) for c in confirmed_names} - {""}
        sentence.attributions = credited
        sentence.quotes = quoted
        sentence.negated = False
        sentence.modality = "stated"
        sentence.subject = sentence.subject_text = ""
        sentence.predicates = []
        sentence.parsed = False
    text.mentions[:] = mentions
    text.people = None  # read again from these names when asked: the English parse's people were of its noise


def _mention(text: ArticleText, index: int, offset: int, found: Candidate, spelling: str, kind: str) -> Mention:
    """A confirmed name as a mention that keys (and merges) with the spelling it met."""
    return replace(
        Mention(found.text, kind, text.article.id, index, offset + found.start, offset + found.end),
        matched=spelling if spelling != found.text else "",
    )
