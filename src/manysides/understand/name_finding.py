"""Names the small parser misses or joins wrongly, found by what is known of them before reading the text.

Well-known organisations and countries where the parser found nothing ("posts on Facebook"), runs of proper nouns
ending in a word that names an organisation ("Vice News"), spans that join two known names ("CNN & MSNBC",
"Denver Fox"), a sentence-opening word taken into a name ("Following Romney") and a misspelt weekday read as a
name ("Wednedsay").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from manysides.understand.entities import US_STATES, known_countries, known_organisations
from manysides.understand.gazetteer import find_names, known_places, name_heads
from manysides.understand.names import first_name_sex

_OPENING_POS = frozenset({"VERB", "AUX", "ADP", "ADV", "SCONJ", "CCONJ", "PRON", "DET", "PART", "INTJ"})


def opening_word(ent: Span) -> int:
    """Where a name starts in its sentence, without a word that opens the sentence and is no name ("Following
    Romney's remarks": the parser took the capitalised verb into the person)."""
    if ent.start == 0 and len(ent) > 1 and ent[0].pos_ in _OPENING_POS:
        return ent[1].idx
    return ent.start_char


_CALENDAR_WORDS = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March"}
    | {"April", "June", "July", "August", "September", "October", "November", "December"}
)


def misspelt_calendar_word(text: str) -> bool:
    """A weekday or month with two letters swapped or one mistyped ("Wednedsay"), which the parser reads as a name:
    only long words, of the same length and first letter, so "Augustin" or "Frida" are not taken for one."""
    if len(text) < 7 or " " in text or text in _CALENDAR_WORDS:
        return False
    for word in _CALENDAR_WORDS:
        if len(word) == len(text) and word[0] == text[0]:
            mistyped = sum(a != b for a, b in zip(word, text, strict=True)) == 1
            if mistyped or sorted(word) == sorted(text):
                return True
    return False


@cache
def _known_types() -> dict[str, str]:
    """Well-known organisations and countries (and US states), each with its type, that are no given name too
    ("Jordan", "Georgia" may be people)."""
    known = {name: "place" for name in known_countries()} | {name: "organisation" for name in known_organisations()}
    return {name: kind for name, kind in known.items() if not first_name_sex(f"{name} X")}


@cache
def _known_names_set() -> frozenset[str]:
    return frozenset(_known_types())


def known_parts(text: str) -> list[tuple[str, str]] | None:
    """The known names a span joins, each with its type: "CNN & MSNBC" two outlets, "Denver Fox" a place and an
    outlet; None when the span is no such join."""
    known = _known_types()
    for joint in (" & ", " and "):
        parts = text.split(joint)
        if len(parts) > 1 and all(p in known for p in parts):
            return [(p, known[p]) for p in parts]
    words = text.split()
    for k in range(1, len(words)):
        place, rest = " ".join(words[:k]), " ".join(words[k:])
        if known.get(rest) == "organisation" and (known.get(place) == "place" or place in known_places()):
            return [(place, "place"), (rest, "organisation")]
    return None


_TITLE_WORD_BEFORE = re.compile(r"(?:^|\s)[A-Z][\w.'\u2019-]* $")
_TITLE_WORD_AFTER = re.compile(r" [A-Z][a-z]")


def known_names(text: str, doc: Doc, dateline: int) -> list[tuple[int, int, str]]:
    """Well-known organisations and countries the parser found nothing at ("Facebook" of "posts on Facebook"),
    as (start, end, type) in the sentence: not inside or beside another name ("Facebook Live", "Mr. Jordan"),
    nor in the dateline."""
    taken = [(e.start_char, e.end_char) for e in doc.ents]
    known = _known_types()
    found = []
    for start, end in find_names(text, _known_names_set()):
        if start < dateline or any(a < end and start < b for a, b in taken):
            continue
        before = _TITLE_WORD_BEFORE.search(text, 0, start)
        beside = (before and before.start() > 0) or _TITLE_WORD_AFTER.match(text, end)
        if beside or text[max(0, start - 1) : start] in {"#", "@"} or text[start : end + 1] in US_STATES:
            continue  # "Wichita, Kan." names Kansas, not the broadcaster Kan
        found.append((start, end, known[text[start:end]]))
    return found


_TITLE_RUN = re.compile(r"(?<![\w.'\u2019-])[A-Z][\w'\u2019-]*(?: (?:and )?[A-Z][\w'\u2019-]*)+")


def headed_names(text: str, doc: Doc, dateline: int) -> list[tuple[int, int, str]]:
    """Runs of proper nouns the parser found nothing at that end in a word naming an organisation ("Vice News",
    "House Oversight and Harbour Reform Committee", whole, not cut at "and"), as (start, end, type) in the sentence;
    not one opening the sentence, where any word is capitalised."""
    taken = [(e.start_char, e.end_char) for e in doc.ents]
    found = []
    for run in _TITLE_RUN.finditer(text):
        start, end = run.span()
        if start <= dateline or start == 0 or any(a < end and start < b for a, b in taken):
            continue
        span = doc.char_span(start, end)
        kind = name_heads().get(run.group().split()[-1], "")
        if kind == "organisation" and span is not None and all(t.pos_ == "PROPN" or t.lower_ == "and" for t in span):
            found.append((start, end, kind))
    return found
