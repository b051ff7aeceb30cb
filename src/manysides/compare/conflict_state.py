"""What the conflict checks share: the story's state while one story is read (masked sentences, carried days,
dated acts, acts on things, each article's people), and the sentence readers more than one kind of check uses.

The state lives in ContextVars set by `conflicts.reading` for the length of one story, per context, so concurrent
reports keep theirs; outside it every reader computes afresh.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from manysides.compare.embed import embed
from manysides.understand import SentenceInfo
from manysides.understand.dates import DateMention
from manysides.understand.document import People
from manysides.understand.names import name_key

if TYPE_CHECKING:
    from spacy.tokens import Token


LIGHT = frozenset({"be", "have", "do", "make", "take", "say", "tell", "report", "get", "give", "go"})


_SAME_ACTION = 0.3


def same_action(a: str | None, b: str | None) -> bool:
    """Whether two numbers count the outcome of the same action ("injured" / "hurt", not "stranded" / "carry")."""
    if a == b:
        return True
    if a is None or b is None or a in LIGHT or b in LIGHT:
        return False  # one count's action is unknown or empty ("had 41 votes"): it may count something else
    vectors = embed([a, b])
    return float(vectors[0] @ vectors[1]) >= _SAME_ACTION


def told_acts(s: SentenceInfo) -> Iterator[Token]:
    """The verbs of the acts a sentence tells in its own words: outside quotation marks, not denied, not light."""
    for verb in s.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in LIGHT or any(a <= verb.idx < b for a, b in s.quotes):
            continue
        if not any(c.dep_ == "neg" for c in verb.children):
            yield verb


_STAMP_WORDS = 4  # words besides the date and time a page's time stamp has ("Last updated on:", "Posted at")
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_CLOCK_TIME = re.compile(r"\b\d{1,2} ?: ?\d\d\b")


def page_time(s: SentenceInfo) -> bool:
    """Whether a sentence is a page's own time stamp rather than a statement: "Updated: May 2, 2013 1:35 pm ET",
    "PUBLISHED: TUESDAY, MARCH 12, 2013, 9:36 AM", "Posted on January 5, 2011". It gives a full date or a clock
    time, has no clause with a subject, and has at most a few other words. Two outlets' stamps differ by when each
    page went up, not by what they report, so no conflict is read from one."""
    ents = s.doc.ents
    timed = any(d.year and d.day for d in s.dates) or any(e.label_ == "TIME" and re.search(r"\d", e.text) for e in ents)
    if not (timed or _CLOCK_TIME.search(s.text)):
        return False
    valued = {t.i for e in ents if re.search(r"\d", e.text) for t in e}  # the parser may call "Sep 10" a law
    if any(t.dep_ in _SUBJECTS and not t.is_stop and t.i not in valued for t in s.doc):
        return False  # "Obama won on Nov. 6, 2012": a statement ("Last updated at": "last" is no subject)
    dated = valued | {t.i for e in ents if e.label_ in {"DATE", "TIME", "CARDINAL"} for t in e}
    # A time zone or "PM" the parser left outside the time ("GMT", "EDT") is part of the stamp.
    words = [t for t in s.doc if t.is_alpha and t.i not in dated and not (t.is_upper and len(t) <= 4)]
    return len(words) <= _STAMP_WORDS


# What the checks read of one sentence, by (reader, id of the sentence), for the length of one find_conflicts
# call (see `MASKS`): every pair check reads both sentences again, and a story has thousands of pairs.
READS: ContextVar[dict[tuple[Callable[..., Any], int], Any] | None] = ContextVar("reads", default=None)

_Read = TypeVar("_Read")


def per_sentence(reader: Callable[[SentenceInfo], _Read]) -> Callable[[SentenceInfo], _Read]:
    """A reader of one sentence whose answer is kept while a story is checked (`READS`); its answer is shared,
    so it must not be changed by whoever reads it."""

    @wraps(reader)
    def read(s: SentenceInfo) -> _Read:
        memo = READS.get()
        if memo is None:
            return reader(s)
        key = (reader, id(s))
        if key not in memo:
            memo[key] = reader(s)
        return memo[key]

    return read


@per_sentence
def named_people(s: SentenceInfo) -> dict[tuple[str, str], str]:
    """Named people outside quotation marks, by their place in the sentence (dependency role and the word they
    hang on): "X was sentenced" and "Y was sentenced" put two names in one place."""
    found = {}
    for ent in s.doc.ents:
        inside = any(a <= ent.start_char < b for a, b in s.quotes)
        if ent.label_ == "PERSON" and not inside and name_key(ent.text):
            found[(ent.root.dep_, ent.root.head.lemma_.lower())] = ent.text
    return found


_VALUE_LABELS = {
    "CARDINAL": "number",
    "MONEY": "number",
    "PERCENT": "number",
    "QUANTITY": "number",
    "DATE": "date",
    "TIME": "date",
    "PERSON": "name",
}


_RANGE = frozenset({"to", "through", "-", "\u2013", "and"})


_BROAD_LABELS = _VALUE_LABELS | dict.fromkeys(("ORG", "GPE", "NORP", "LOC", "FAC"), "name")


Masked = tuple[list[str], list[tuple[str, str]]]


# The masked sentences of the story find_conflicts is checking, by (id of the sentence, broad): every pair check
# reads both sentences' masks, and a parse's entity spans are built anew at each read. Set only for the length
# of one find_conflicts call (the sentences are alive throughout), per context, so concurrent reports keep theirs.
MASKS: ContextVar[dict[tuple[int, bool], Masked] | None] = ContextVar("masks", default=None)


def masked(s: SentenceInfo, broad: bool = False) -> Masked:
    """The sentence's words with every value (figure, date, person) replaced by its kind, and the values in order;
    `broad` masks every named thing as a name (the parser may call an unfamiliar person an organisation)."""
    memo = MASKS.get()
    if memo is None:
        return _masking(s, broad)
    key = (id(s), broad)
    if key not in memo:
        memo[key] = _masking(s, broad)
    return memo[key]


def _masking(s: SentenceInfo, broad: bool) -> Masked:
    labels = _BROAD_LABELS if broad else _VALUE_LABELS
    starts = {e.start: e for e in s.doc.ents if e.label_ in labels}
    inside = {t for e in starts.values() for t in range(e.start + 1, e.end)}
    words: list[str] = []
    spans: list[tuple[str, int, int]] = []
    for token in s.doc:
        if token.i in starts:
            kind, ent = labels[starts[token.i].label_], starts[token.i]
            if kind != "name" and len(words) >= 2 and words[-2] == f"<{kind}>" and words[-1] in _RANGE and spans:
                # "from 2016 to 2018" may be one value or two as the parser reads it: a range is one value
                words.pop()
                spans[-1] = (kind, spans[-1][1], ent.end_char)
                continue
            words.append(f"<{kind}>")
            spans.append((kind, ent.start_char, ent.end_char))
        elif token.i not in inside:
            words.append(token.lower_)
    text = s.doc.text  # a Doc joins its tokens anew at each .text: once per sentence, not once per value
    return words, [(kind, text[a:b]) for kind, a, b in spans]


DatedAct = tuple[str, str, str | None, str]


# The dated acts of the story's sentences, by id of the sentence, for the length of one find_conflicts call.
ACTS: ContextVar[dict[int, list[DatedAct]] | None] = ContextVar("acts", default=None)


# The acts on named things of the story's sentences, by (id of the sentence, planned), likewise.
THINGS: ContextVar[dict[tuple[int, bool], list[tuple[str, frozenset[str], Token]]] | None] = ContextVar(
    "things", default=None
)


# Days carried by sentences with none of their own from the sentence before them, by id of the sentence: set for
# the length of one find_conflicts call (see `MASKS`).
CARRIED: ContextVar[dict[int, DateMention] | None] = ContextVar("carried", default=None)


# The people each sentence's article names, by id of the sentence, for the length of one find_conflicts call.
PEOPLE: ContextVar[dict[int, People | None] | None] = ContextVar("people", default=None)


COPY = 0.85  # share of the masked word sequences two sentences must have in common to be one sentence's copies
