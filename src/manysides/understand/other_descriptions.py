"""A speaker told by a definite description ("reconnaît la chercheuse", "justificó el regidor", "sagt die
44-Jährige") as the one person of that sex the article named before it.

News names a person once, often with a title ("la biologiste Claire Devaux"), then tells them by another noun
("la chercheuse"), and annotators credit the person. The rule is kept narrow, since crediting the wrong person is
worse than keeping the description: the words must be a definite article and a person's noun (an agent noun's
ending, or a title the article wrote beside a name), a sex must follow from the article or the noun's ending (and
not contradict the cue's own, "a-t-elle"), and the article must have named exactly one person of that sex so far,
recently. A second person of that sex, or none, leaves the description as it is ("un militant associatif" has no
definite article: someone new).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from manysides.understand.foreign_names import stop_words
from manysides.understand.given_names import given_sex, is_given_name
from manysides.understand.other_marks import Word, in_quote, joined
from manysides.understand.other_referents import Forms, fold

_GRAMMAR = Path(__file__).parent / "data" / "person_descriptions_other.json"
_PHRASE_WORDS = 2  # an adjective and a noun at most ("la nouvelle maire", "le jeune éleveur")
RECENT_SENTENCES = 6  # the person must have been named or credited this few sentences back
_ELIDED = ("l'", "l\u2019")


@dataclass(frozen=True)
class Person:
    """A person the article named (a known given name and a surname) or credited, and where."""

    index: int
    name: str
    sex: str


@cache
def _grammar(language: str) -> dict[str, dict[str, str]] | None:
    data = json.loads(_GRAMMAR.read_text(encoding="utf-8"))
    return data.get(language)


def description_sex(
    speaker: str,
    text: str,
    tokens: Sequence[Word],
    language: str,
    titles: Forms | None = None,
    cue_sex: str | None = None,
) -> str | None:
    """ "he" or "she" when the speaker's words are a definite description of one person in the sentence ("la
    chercheuse" -> she, "el regidor" -> he, "die 44-Jährige" -> she), else None: no definite article before them,
    no person's noun, no sex to read, or the article and the noun's ending disagree. `titles`: the titles the
    article wrote beside names, which count as person nouns too ("maire"). Polish has no article: a capitalised
    noun the article wrote as a title in any case ("Położna" after "położnej Renata Piżanowska"), of the sex the
    cue's verb gives (`cue_sex`: "skarżyła")."""
    grammar = _grammar(language)
    if grammar is None:
        return None
    if grammar.get("bare"):
        words = speaker.split()  # the noun alone, or before a preposition ("Położna we wpisie"), not "Zarząd spółki"
        head = words[0] if len(words) == 1 or words[1].lower() in stop_words(language) else ""
        inflected = titles is not None and bool(titles.of(head))
        return cue_sex if head[:1].isupper() and inflected else None
    stops = stop_words(language)
    phrase: list[str] = []
    for word in speaker.split():
        if word.lower() in stops or len(phrase) == _PHRASE_WORDS:
            break
        phrase.append(word)
    if not phrase:
        return None
    found = _article_before(phrase, tokens, grammar["definite"])
    if found is None:
        return None
    article, after = found
    nouns = [_without_elision(w) for w in phrase]
    endings = [_ending_sex(noun, grammar["endings"]) for noun in nouns]
    titled = [_is_title(noun, titles) for noun in nouns]
    person = [i for i, sex in enumerate(endings) if sex is not None or titled[i]]
    if not person or (_complement(tokens, after, grammar["of"]) and not titled[person[-1]]):
        return None  # "le directeur de l'hôpital": someone the words say, not the one named before
    noun_sex = endings[person[-1]] or ""
    sexes = {s for s in (grammar["definite"][article], noun_sex) if s}
    return sexes.pop() if len(sexes) == 1 else None


def _without_elision(word: str) -> str:
    return word[2:] if word.lower().startswith(_ELIDED) and len(word) > 2 else word


def _article_before(phrase: list[str], tokens: Sequence[Word], definite: dict[str, str]) -> tuple[str, int] | None:
    """The definite article right before the phrase in the sentence (or elided onto its first word), and the
    index of the token after the phrase."""
    elided = phrase[0][:2].lower()
    for at, token in enumerate(tokens):
        if token.text != phrase[0] or [t.text for t in tokens[at : at + len(phrase)]] != phrase:
            continue
        before = tokens[at - 1].text.lower() if at else ""
        if elided in _ELIDED and elided in definite:
            return elided, at + len(phrase)
        if before in definite:
            return before, at + len(phrase)
    return None


def _complement(tokens: Sequence[Word], at: int, of: Sequence[str]) -> bool:
    """Whether the token at `at` opens a complement of the noun before it ("de l'hôpital", "der Stadt")."""
    if at >= len(tokens):
        return False
    word = tokens[at].text.lower()
    return word in of or any(word.startswith(o) for o in of if o.endswith(("'", "\u2019")))


def _ending_sex(noun: str, endings: dict[str, str]) -> str | None:
    """The sex a person's noun ending gives ('' for either), or None when the noun has no person's ending."""
    folded = noun.lower()
    found = [end for end in endings if folded == end or (folded.endswith(end) and len(folded) > len(end) + 1)]
    return endings[max(found, key=len)] if found else None


def _is_title(noun: str, titles: Forms | None) -> bool:
    """Whether the article wrote the noun beside a name as a title ("maire" in "le maire Gilles Prigent")."""
    return titles is not None and any(fold(titles.words[i]) == fold(noun) for i in titles.of(noun))


def persons_in(index: int, text: str, tokens: Sequence[Word], quoted: list[tuple[int, int]]) -> list[Person]:
    """The people a sentence names outside its quotes, by a given name one sex bears and the capitalised word
    after it."""
    outside = [t for t in tokens if not in_quote(quoted, t.start)]
    found = []
    for first, second in itertools.pairwise(outside):
        sex = given_sex(first.text)
        if sex and second.text[:1].isupper() and joined(text, first, second) and not is_given_name(second.text):
            found.append(Person(index, f"{first.text} {second.text}", sex))
    return found


def described_person(sex: str, index: int, people: Sequence[Person], cue_sex: str | None = None) -> str | None:
    """The one person of `sex` the article named or credited before sentence `index`, when they were named or
    credited within `RECENT_SENTENCES`; None when the cue says the other sex, or when two people of that sex or
    none were named."""
    if cue_sex not in (None, sex):
        return None
    same = [p for p in people if p.sex == sex and p.index < index]
    if not same or index - same[-1].index > RECENT_SENTENCES:
        return None
    longest = max((p.name for p in same), key=len)
    return longest if all(_one_person(p.name, longest) for p in same) else None


def _one_person(a: str, b: str) -> bool:
    """Whether two names are one person's: the same last name, or one the start of the other ("Julián Serrano" /
    "Julián Serrano Bermejo", a second surname left off)."""
    x, y = [fold(w) for w in a.split()], [fold(w) for w in b.split()]
    return x[-1] == y[-1] or x == y[: len(x)] or y == x[: len(y)]
