"""Name conflicts: a different person in the same place of one act, a name spelt differently, and the same quoted
words credited to different people."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from unidecode import unidecode

from manysides.compare.conflict_state import LIGHT, PEOPLE, named_people, per_sentence
from manysides.compare.pairs import quote_ngrams
from manysides.compare.values import Match
from manysides.understand import SentenceInfo
from manysides.understand.document import title_case
from manysides.understand.entities import PLACE_LABELS, same_person
from manysides.understand.gazetteer import known_places
from manysides.understand.names import formal_key, name_key

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_ACT_PLACES = frozenset({"nsubj", "nsubjpass", "dobj"})


_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "agent", "prep"})


def _names(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """The same act with a different named person in the same place ("X was sentenced to ten years" / "Y was
    sentenced to ten years"): the doer or the one done to of one verb, whose other words share a noun. A name in
    the same place of a noun or a preposition ("Rob's record", "the death of X") or of a verb with nothing else in
    common ("X walked" / "Y walked") tells two things, not one thing twice."""
    if title_case(a.text) or title_case(b.text):
        return None  # a heading line's capitalised words are not names ("Charged with Murdering Sheriff's Deputy")
    x, y = named_people(a), named_people(b)
    for place in x.keys() & y.keys():
        if place[0] not in _ACT_PLACES:
            continue
        if same_person(x[place], y[place]) or x[place] in b.text or y[place] in a.text:
            continue
        if _names_person(b, x[place]) or _names_person(a, y[place]):
            continue  # "Vale's move comes a month after Pell moved": the sentence tells both people's acts
        if initialled(x[place], y[place]):
            continue
        p, q = _placed(a, place, x[place]), _placed(b, place, y[place])
        if p is not None and q is not None and _other_words(p) & _other_words(q):
            return x[place], y[place], 1.0
    return None


def _names_person(s: SentenceInfo, name: str) -> bool:
    """Whether a sentence names this person anywhere, in another spelling or length ("Clinton's release" names
    "Hillary Rodham Clinton")."""
    return any(e.label_ in _NAMED and same_person(e.text, name) for e in s.doc.ents)


def initialled(x: str, y: str) -> bool:
    """One name with a word written out in one and as its initial in the other ("Frederick Cheney LaRue" /
    "Frederick C. LaRue"): the same person, not another one in the same role."""
    xs, ys = (_LETTERS.findall(unidecode(t).lower()) for t in (x, y))
    if len(xs) != len(ys) or xs == ys:
        return False
    return all(p == q or (min(len(p), len(q)) == 1 and p[0] == q[0]) for p, q in zip(xs, ys, strict=True))


def _placed(s: SentenceInfo, place: tuple[str, str], text: str) -> Span | None:
    """The person's name where `named_people` found it, when a verb governs it."""
    return next(
        (
            e
            for e in s.doc.ents
            if e.text == text
            and (e.root.dep_, e.root.head.lemma_.lower()) == place
            and e.root.head.pos_ in {"VERB", "AUX"}
        ),
        None,
    )


def _other_words(name: Span) -> set[str]:
    """The nouns of the verb's other arguments than the name ("sentenced to ten years" -> {year})."""
    found: set[str] = set()
    for child in name.root.head.children:
        if child.i != name.root.i and child.dep_ in _ARGUMENTS:
            found |= {
                t.lemma_.lower()
                for t in child.subtree
                if t.pos_ in {"NOUN", "PROPN"} and not name.start <= t.i < name.end
            }
    return found


_NAMED = frozenset({"PERSON", "GPE", "ORG", "LOC", "FAC"})


_SAME_QUOTE = 0.5  # share of the shorter quote's word runs the other must carry to be the same words


_MIN_SPELT = 4  # letters a name word needs before one letter more or less is a misspelling, not another word


_SPELLING = 0.8  # difflib ratio of two name keys: "vincente fox" / "vicente fox" 0.96, "norfolk" / "norwalk" 0.71


@per_sentence
def _names_in(s: SentenceInfo) -> dict[str, tuple[str, str]]:
    """Name key -> (label, text) of the names outside quotation marks; places share one label."""
    return {
        name_key(e.text): ("PLACE" if e.label_ in PLACE_LABELS else e.label_, e.text)
        for e in s.doc.ents
        if e.label_ in _NAMED and name_key(e.text) and not any(a <= e.start_char < b for a, b in s.quotes)
    }


def _other_word(x: str, y: str) -> bool:
    """Two words of a name that are not one word shortened ("ft" / "fort", "mike" / "michael") or a nickname. The
    words are name keys ("dck", "rchrd"), so nicknames are looked up by key."""
    if len(x) < 3 or len(y) < 3 or x.startswith(y[:2]) or formal_key(x) == formal_key(y):
        return False
    return not (set(x) <= set(y) or set(y) <= set(x))


def other_name(x: str, y: str, label: str) -> bool:
    """Two keys that are one name told differently: another first name with the same surname ("Loretta Sanchez"
    / "Linda Sanchez"), or one word spelt differently ("Vincente" / "Vicente")."""
    xs, ys = [w for w in x.split() if len(w) > 1], [w for w in y.split() if len(w) > 1]
    if set(xs) <= set(ys) or set(ys) <= set(xs) or len(xs) != len(ys):
        return False
    differing = [(a, b) for a, b in zip(xs, ys, strict=True) if a != b]
    if len(differing) != 1:
        return False
    a, b = differing[0]
    if a.startswith(b) or b.startswith(a):
        return False  # "Clintons" / "Clinton": a plural or a shortening, not another name
    if one_spelling(a, b):
        return False  # "Organisation" / "Organization", "Kurbanguly" / "Gurbanguly": one name, two spellings
    if label == "PERSON" and len(xs) >= 2 and xs[-1] == ys[-1]:
        return _other_word(a, b) or (SequenceMatcher(None, a, b).ratio() >= _SPELLING and len(a) >= 4)
    return len(a) >= 4 and len(b) >= 4 and SequenceMatcher(None, a, b).ratio() >= _SPELLING


_SOUNDS = str.maketrans("zcqg", "skkk")  # letters that spell one sound in another spelling or transliteration


def _sound_key(key: str) -> str:
    """A word's name key with letters of one sound made one (s/z, c/k/q/g) and an 'h' after the first letter
    dropped, doubled letters read once."""
    folded = key[:1].translate(_SOUNDS) + key[1:].translate(_SOUNDS).replace("h", "")
    return _DOUBLED.sub(r"\1", folded)


def one_spelling(x: str, y: str) -> bool:
    """Two name-word keys that are one name spelt two ways: British and American spelling ("Organisation" /
    "Organization"), transliterations ("Kurbanguly" / "Gurbanguli", "Salahuddin" / "Salaluddin"). Only words
    of `_MIN_SPELT` letters or more: in short words one sound more makes another name ("Greg" / "Craig")."""
    return min(len(x), len(y)) >= _MIN_SPELT and _sound_key(x) == _sound_key(y)


_LETTERS = re.compile(r"[^\W\d_]+")


_DOUBLED = re.compile(r"(.)\1+")  # a letter written twice or more, read as once


def _doubled_letter(x: str, y: str) -> bool:
    """Two spellings of one name that differ only in a letter written once or twice ("Paris" / "Parris" Island):
    the name keys fold that away, as they fold vowels, but unlike a vowel ("Ahmed" / "Ahmad") it is no
    transliteration: one outlet has the name wrong."""
    xs, ys = (_LETTERS.findall(unidecode(t).lower()) for t in (x, y))
    if len(xs) != len(ys):
        return False
    differing = [(p, q) for p, q in zip(xs, ys, strict=True) if p != q]
    if len(differing) != 1:
        return False
    p, q = differing[0]
    return min(len(p), len(q)) >= _MIN_SPELT and _DOUBLED.sub(r"\1", p) == _DOUBLED.sub(r"\1", q)


def _spellings(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """A name one outlet gives that the other gives differently: "Loretta Sanchez" / "Linda T. Sanchez",
    "Vincente Fox" / "Vicente Fox"; only names the other sentence does not also give as they are."""
    if title_case(a.text) or title_case(b.text):
        return None
    x, y = _names_in(a), _names_in(b)
    for key, (label, text) in x.items():
        if key in y:
            if y[key][0] == label and _doubled_letter(text, y[key][1]):
                return text, y[key][1], 1.0
            continue
        for other, (other_label, other_text) in y.items():
            if other not in x and other_label == label and other_name(key, other, label):
                if _of_a_family(a, text) or _of_a_family(b, other_text):
                    continue
                if _names_too(a, text, other_text) or _names_too(b, other_text, text):
                    continue
                return text, other_text, 1.0
    return None


def _speaker(s: SentenceInfo) -> str | None:
    """The person a sentence itself credits its quote to, by name (not one "he said" was resolved to, nor "the
    spokesman", nor "Harry Reid's office": a person's office or staff speaks for them, so its words credited to
    their spokesman are one voice)."""
    people = {e.text for e in s.doc.ents if e.label_ == "PERSON"}
    return next(
        (
            a.speaker
            for a in s.attributions
            if a.kind == "quote"
            and a.named
            and a.speaker in s.text
            and any(p in a.speaker for p in people)
            and (not a.head or any(a.head in p.lower() for p in people))  # headed by the name, not "office"
        ),
        None,
    )


def _attribution(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """The same quoted words (most of the shorter quote) credited to different named people."""
    x, y = quote_ngrams(a), quote_ngrams(b)
    if not x or not y or len(x & y) < _SAME_QUOTE * min(len(x), len(y)):
        return None
    x, y = _speaker(a), _speaker(b)
    if x and y and not same_person(x, y):
        return x, y, 1.0
    return None


def _names_too(s: SentenceInfo, own: str, other: str) -> bool:
    """Whether sentence s, or the people its article names, also has the words by which the other outlet's name
    differs ("As Barack and Michelle Obama depart" beside another's "Barack Obama"): two people, not a name
    told two ways."""
    extra = set(other.split()) - set(own.split())
    people = (PEOPLE.get() or {}).get(id(s))
    named = {w for n in (people.names if people else []) for w in n.split()} | set(re.findall(r"[\w.'-]+", s.text))
    return bool(extra) and extra <= named


def _of_a_family(s: SentenceInfo, name: str) -> bool:
    """Whether the article of sentence s names another person of the name's surname ("Mr. Trump" beside "the first
    lady, Melania Trump"): then another given name in the other outlet may be that person, not a misnaming."""
    people = (PEOPLE.get() or {}).get(id(s))
    return people is not None and people.family(name)


def _located(s: SentenceInfo) -> dict[str, str]:
    """The words each known place is put "in" -> that place, outside quotation marks: "a college student in
    Seattle" -> {student: Seattle}, "was arrested in Miami" -> {arrest: Miami}. Only places the gazetteer knows
    (a city, county or state), so "in Congress" or "in the race" never count; light verbs ("said in") place no
    matter."""
    found = {}
    for ent in s.doc.ents:
        prep = ent.root.head
        if ent.label_ not in PLACE_LABELS or ent.root.dep_ != "pobj" or prep.lower_ != "in":
            continue
        if any(a <= ent.start_char < b for a, b in s.quotes) or ent.text not in known_places():
            continue
        for head in _anchors(prep.head):
            found[head.lemma_.lower()] = ent.text
    return found


def _anchors(head: Token) -> Iterator[Token]:
    """The words a place phrase tells of, up a chain of phrases ("a student at X College in Bellingham": the
    college and the student)."""
    while True:
        if head.pos_ in {"NOUN", "VERB"} and head.lemma_.lower() not in LIGHT:
            yield head
        if head.dep_ != "pobj" or head.head.dep_ != "prep":
            return
        head = head.head.head


def _names_place(s: SentenceInfo, place: str) -> bool:
    """Whether the article of sentence s names the place anywhere (then it knows of it: no contradiction)."""
    people = (PEOPLE.get() or {}).get(id(s))
    words = {w.lower() for w in place.split()}
    return place in s.text or (people is not None and words <= people.things)


def _places(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """The same thing put in two places ("a college student in Seattle" / "a student ... in Bellingham"): one
    word placed "in" a different known place by each outlet, where neither outlet's article names the other's
    place at all (one that names both may tell two moves, or a town and its region)."""
    x, y = _located(a), _located(b)
    for word in x.keys() & y.keys():
        p, q = x[word], y[word]
        if name_key(p) == name_key(q) or _names_place(a, q) or _names_place(b, p):
            continue
        return p, q, 1.0
    return None
