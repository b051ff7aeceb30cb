"""Sentences of articles the English parser cannot read: figures, dates and names read without it.

The parse of a German or Arabic sentence by the English model gives function words as names ("Fue", "de la") and
misreads "2.400" as two point four, so for those articles what the comparison needs is read again here:
figures and stated dates with readers that know every script and decimal convention, and names only where another
language's article gives them too (`foreign_names`); places also by their names in other languages ("Damas",
"دمشق" -> Damascus, `exonyms`), where another article of the story names the place. Attributions, negation and
modality stay unread: their cue words are English.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from manysides.understand.dates import find_dates_any, parse_published
from manysides.understand.entities import Mention
from manysides.understand.exonyms import PlaceHit, exonyms, find_places, place_key
from manysides.understand.figures import find_figures
from manysides.understand.foreign_names import Candidate, candidates, confirmed, script_key, uncased
from manysides.understand.names import name_key

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


def _language(text: ArticleText) -> str:
    return (text.article.language or "").lower().split("-")[0]


def read_other_languages(texts: list[ArticleText]) -> None:
    """Re-read, in place, the sentences of the articles not in English (see the module docstring).

    Names in cased scripts are confirmed by an English name or a candidate of another cased language; names in
    Arabic or Hebrew only by an English name or a name confirmed in a cased language."""
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
        names[id(t)] = [confirmed(sentence_candidates, elsewhere) for sentence_candidates in found[id(t)]]
    in_cased = set(known) | {c.key for t in cased for sentence in names[id(t)] for c in sentence}
    spellings = {key: known.get(key, (first_spelling.get(key, ""), "other")) for key in in_cased}
    places = _places(texts, others)
    spellings |= {_place_key(english): spelling for english, spelling in places[1].items()}
    for t in others:
        if id(t) not in names:
            names[id(t)] = [confirmed(sentence_candidates, in_cased) for sentence_candidates in found[id(t)]]
        names[id(t)] = [_with_places(n, p) for n, p in zip(names[id(t)], places[0][id(t)], strict=True)]
        _reread(t, names[id(t)], spellings)


def _place_key(english: str) -> str:
    return f"place:{english}"


def _places(
    texts: list[ArticleText], others: list[ArticleText]
) -> tuple[dict[int, list[list[PlaceHit]]], dict[str, tuple[str, str]]]:
    """Place names spelled as in another language, per sentence of each article not in English, kept where the
    story names the place too: an English article's mention of it (not a person's), or a spelling of it in an
    article of another language. Also the spelling and type each kept place takes (the English mention's)."""
    english: dict[str, tuple[str, str]] = {}
    for text in texts:
        if parsed_language(text.article.language):
            for mention in text.mentions:
                if mention.type != "person":  # "Türkiye" and "Turkey" are one place (exonyms: Türkiye -> Turkey)
                    name = exonyms().get(place_key(mention.text), mention.text)
                    english.setdefault(place_key(name), (mention.text, mention.type))
    hits = {id(t): [find_places(s.text) for s in t.sentences] for t in others}
    languages: dict[str, set[str]] = defaultdict(set)
    for t in others:
        for hit in (h for sentence in hits[id(t)] for h in sentence):
            languages[hit.english].add(_language(t))
    spelling = {
        name: english.get(place_key(name), (name, "place"))
        for name, where in languages.items()
        if place_key(name) in english or len(where) > 1
    }
    kept = {id(t): [[h for h in sentence if h.english in spelling] for sentence in hits[id(t)]] for t in others}
    return kept, spelling


def _with_places(names: list[Candidate], places: list[PlaceHit]) -> list[Candidate]:
    """A sentence's confirmed names with its confirmed places; a place replaces a name it overlaps."""
    found = [Candidate(p.start, p.end, p.text, _place_key(p.english)) for p in places]
    found += [c for c in names if not any(c.start < p.end and p.start < c.end for p in places)]
    return sorted(found, key=lambda c: c.start)


def _reread(text: ArticleText, names: list[list[Candidate]], spellings: dict[str, tuple[str, str]]) -> None:
    """Figures, dates and confirmed names of each sentence; English cue readings cleared."""
    language = _language(text)
    published = parse_published(text.article.published)
    mentions = []
    for sentence, confirmed_names in zip(text.sentences, names, strict=True):
        spelling = {c.key: (spellings[c.key][0] or c.text, spellings[c.key][1]) for c in confirmed_names}
        mentions += [_mention(text, sentence.index, sentence.start, c, *spelling[c.key]) for c in confirmed_names]
        dates = find_dates_any(sentence.text, published, language)
        sentence.dates = dates
        sentence.numbers = find_figures(sentence.text, language, [(d.start, d.end) for d in dates])
        sentence.entity_keys = {name_key(spelling[c.key][0]) for c in confirmed_names} - {""}
        sentence.attributions = []
        sentence.negated = False
        sentence.modality = "stated"
        sentence.subject = sentence.subject_text = ""
        sentence.predicates = []
        sentence.parsed = False
    text.mentions[:] = mentions


def _mention(text: ArticleText, index: int, offset: int, found: Candidate, spelling: str, kind: str) -> Mention:
    """A confirmed name as a mention that keys (and merges) with the spelling it met."""
    return replace(
        Mention(found.text, kind, text.article.id, index, offset + found.start, offset + found.end),
        matched=spelling if spelling != found.text else "",
    )
