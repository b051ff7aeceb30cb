"""Conflicts inside one aligned fact: different dates, counts, names, negation or modality between outlets.

Values are compared after normalisation (dates resolved against each article's publication day, numbers with what
they count and whether they are approximate), so "about 3,000" vs "nearly 3,000" is no conflict while
"Twelve people were injured" vs "Fourteen people were hurt" is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Literal

import numpy as np
from unidecode import unidecode

from manysides.compare.crossconflicts import closest_pair, dates_across, figures_across
from manysides.compare.embed import embed
from manysides.compare.pairs import Node, PairScores, quote_ngrams
from manysides.compare.values import Match, departures, roles, stages, titles, wording
from manysides.records.report import Conflict, ConflictType
from manysides.understand import SentenceInfo
from manysides.understand.dates import DateMention
from manysides.understand.document import People
from manysides.understand.entities import formal_first_name, same_person
from manysides.understand.modality import clause_verb, future_clause, main_verb
from manysides.understand.names import name_key
from manysides.understand.numbers import NumberMention

if TYPE_CHECKING:
    from spacy.tokens import Token

_EVENT_POS = frozenset({"NOUN", "PROPN", "VERB"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
_PREPOSITIONS = frozenset({"prep", "agent"})
_MODIFIER = 0.5
_MIN_SUPPORT = 1.0  # a conflict needs one pair sharing an event word or participant, not just a modifier
_LIGHT = frozenset({"be", "have", "do", "make", "take", "say", "tell", "report", "get", "give", "go"})
Found = tuple[Conflict, list[Node]]
_SAME_ACTION = 0.3
_SAME_EVENT = 0.5  # meet~meeting 0.85; meet~visit 0.18, begin~restore 0.01
_EVENT_PREDICATES = 3  # cosine of two verbs' static embeddings: injure~hurt 0.44, strand~carry -0.03


def _clause_words(sentence: SentenceInfo, mention: DateMention) -> dict[str, float]:
    """Lemma -> weight of the words of a date's clause (see `_clause_tokens`)."""
    words: dict[str, float] = {}
    for token, weight in _clause_tokens(sentence, mention).items():
        words[token.lemma_.lower()] = max(weight, words.get(token.lemma_.lower(), 0.0))
    return words


def _event_nouns(sentence: SentenceInfo, mention: DateMention) -> set[str]:
    """Common nouns at full weight in a date's clause ("strike" in "a strike that began on 13 June"): what happened,
    where a name ("Abedin", "Republicans") only says who took part."""
    return {
        t.lemma_.lower()
        for t, weight in _clause_tokens(sentence, mention).items()
        if weight == 1.0 and t.pos_ == "NOUN" and not t.ent_type_
    }


def _clause_tokens(sentence: SentenceInfo, mention: DateMention) -> dict[Token, float]:
    """What a date is the date of: its clause's verb, with the nouns of its subject, object and prepositions.

    "Ferry crews went on strike on Saturday" -> {go, ferry, crew, strike}; "a strike by ferry workers that began
    on 13 June" -> {begin, ferry, worker, strike}: a shared word says the two dates belong to one happening.
    Noun modifiers ("ferry" in "ferry crews") weigh half: they name the story's topic more than the happening.
    """
    verb = clause_verb(sentence.doc, mention.start, mention.end)
    if verb is None:
        return {}
    span = sentence.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    inside = {t.i for t in span} if span is not None else set()
    verbs = [verb]
    if verb.tag_ in {"VBG", "VB", "VBN"} and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        # A non-finite verb ("took steps toward restoring ties on 13 July") happens to the clause that governs it.
        verbs += [next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}), verb)]
    nouns = [c for v in verbs for c in v.children if c.dep_ in _ARGUMENTS]
    nouns += [g for v in verbs for c in v.children if c.dep_ in _PREPOSITIONS for g in c.children if g.dep_ == "pobj"]
    nouns += _described(verb)
    modifiers = [c for n in nouns for c in n.children if c.dep_ == "compound"]
    weights = {t: _MODIFIER for t in modifiers if t.pos_ in _EVENT_POS and t.i not in inside}
    weights.update({t: 1.0 for t in nouns if t.pos_ in _EVENT_POS and t.i not in inside})
    weights.update({v: 1.0 for v in verbs if v.lemma_.lower() not in _LIGHT})
    return weights


def _described(verb: Token) -> list[Token]:
    """The nouns a relative clause describes, up through "of" and "by" phrases: "a strike by crews who walked out
    on June 14" -> [crews, strike]. The clause tells of that thing, so it may be the happening itself."""
    found = []
    head = verb.head if verb.dep_ == "relcl" else None
    while head is not None and head.pos_ in _EVENT_POS:
        found.append(head)
        head = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else None
    return found


def _described_nouns(sentence: SentenceInfo, mention: DateMention) -> set[str]:
    verb = clause_verb(sentence.doc, mention.start, mention.end)
    described = _described(verb) if verb is not None else []
    return {t.lemma_.lower() for t in described if t.pos_ == "NOUN" and not t.ent_type_}


def _different_actors(a: SentenceInfo, b: SentenceInfo) -> bool:
    """Both sentences name who acts, and they are different people ("Murray announced on Saturday" / "Inslee
    announced Monday": two announcements, not one dated twice)."""
    named = a.subject_text[:1].isupper() and b.subject_text[:1].isupper()
    if named and not same_person(a.subject_text, b.subject_text):
        return True
    x, y = _named_subjects(a), _named_subjects(b)  # the parser may miss a subject the entities still show
    if x and y and not any(same_person(p, q) for p in x for q in y):
        return True
    # Nor may it find a subject at all ("In a statement issued Thursday, Mark Sheridan ... said"): two sentences
    # that each name people, none of them the same, tell of two people's acts.
    x, y = list(_people(a).values()), list(_people(b).values())
    return bool(x and y) and not any(same_person(p, q) for p in x for q in y)


def _named_subjects(s: SentenceInfo) -> list[str]:
    """People named as the subject of one of the sentence's verbs, outside quotation marks."""
    return [text for (role, _), text in _people(s).items() if role in {"nsubj", "nsubjpass"}]


def _dates(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """Different days for one happening, by two outlets that do not name two different actors: the dates' clauses
    share their act or the thing that happened ("a strike that began on 13 June" / "went on strike on 14 June")."""
    if _different_actors(a, b):
        return None
    return _dates_of(a, b, [d for d in a.dates if d.day], [d for d in b.dates if d.day], same_act=True)


_AT_ONCE = frozenset({"as", "while", "when"})  # a clause these introduce happens when its governing clause does


def _act_day(s: SentenceInfo, verb: Token) -> str | None:
    """The day of one act: a day in its own clause, or in the clause it happens at once with ("announced on
    Saturday ..., as Aliyev welcomed Sharaa"), through the clauses that govern that one; for a sentence with no day
    at all whose own news is told done, the day the sentence before it gives (`_carried_days`). Not the day of a
    clause that reports it ("said on Monday that he had resigned": the resigning may be older)."""
    days = [d for d in s.dates if d.day]
    held = [(clause_verb(s.doc, d.start, d.end), d) for d in days]
    token, first = verb, True
    while True:
        found = next((d for v, d in held if v is not None and v.i == token.i), None)
        if found is not None:
            return found.value
        at_once = token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _AT_ONCE for c in token.children)
        if not (token.dep_ == "conj" or at_once or (not first and token.dep_ in _CLAUSES)) or token.head is token:
            break
        token, first = token.head, False
    carried = (_CARRIED.get() or {}).get(id(s))
    if not days and carried is not None and verb.dep_ == "ROOT" and verb.tag_ == "VBD":
        return carried.value
    return None


_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "conj"})
_DOER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _named(token: Token) -> str | None:
    """The name a subject or object word is the head of (or the name set beside it: "Syria's president, Ahmad
    al-Sharaa")."""
    for word in (token, *[c for c in token.children if c.dep_ == "appos"]):
        names = [e.text for e in token.doc.ents if e.label_ in _DOER_LABELS and e.root.i == word.i]
        if names:
            return names[0]
    return None


def _same_name(x: str, y: str) -> bool:
    return name_key(x) == name_key(y) or same_person(x, y)


DatedAct = tuple[str, str, str | None, str]
# The dated acts of the story's sentences, by id of the sentence, for the length of one find_conflicts call.
_ACTS: ContextVar[dict[int, list[DatedAct]] | None] = ContextVar("acts", default=None)
# The acts on named things of the story's sentences, by (id of the sentence, planned), likewise.
_THINGS: ContextVar[dict[tuple[int, bool], list[tuple[str, frozenset[str], Token]]] | None] = ContextVar(
    "things", default=None
)


def _dated_acts(s: SentenceInfo) -> list[DatedAct]:
    """`_read_acts`, kept per sentence while a story is read: every pair check asks it of both sentences."""
    memo = _ACTS.get()
    if memo is None:
        return _read_acts(s)
    if id(s) not in memo:
        memo[id(s)] = _read_acts(s)
    return memo[id(s)]


def _told_acts(s: SentenceInfo) -> Iterator[Token]:
    """The verbs of the acts a sentence tells in its own words: outside quotation marks, not denied, not light."""
    for verb in s.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in _LIGHT or any(a <= verb.idx < b for a, b in s.quotes):
            continue
        if not any(c.dep_ == "neg" for c in verb.children):
            yield verb


def _read_acts(s: SentenceInfo) -> list[DatedAct]:
    """(verb lemma, named doer, named thing or None, day) of each act a sentence tells outside quotation marks,
    done by a named subject, not denied, with a day (`_act_day`)."""
    found = []
    for verb in _told_acts(s):
        lemma = verb.lemma_.lower()
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        doer = _named(subject) if subject is not None else None
        if doer is None:
            continue
        day = _act_day(s, verb)
        if day is None:
            continue
        thing = next((_named(c) for c in verb.children if c.dep_ == "dobj"), None)
        found.append((lemma, doer, thing, day))
    return found


def _act_dates(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One act by one doer on two days: the same verb with the same named subject (and the same named object when
    both name one): "Aliyev welcomed Sharaa" on Saturday 12 July in one outlet, on 13 July in the other."""
    for lemma, doer, thing, day in _dated_acts(a):
        for other_lemma, other_doer, other_thing, other_day in _dated_acts(b):
            if lemma != other_lemma or day == other_day or not _same_name(doer, other_doer):
                continue
            if thing and other_thing and not _same_name(thing, other_thing):
                continue
            return day, other_day, 1.0
    return None


def same_act(a: SentenceInfo, b: SentenceInfo) -> bool:
    """Whether two sentences tell one act of one named doer, each with a day (see `_act_dates`): one happening,
    so two days for it are two datings, not a later report of a later development."""
    return any(
        x[0] == y[0] and _same_name(x[1], y[1]) and not (x[2] and y[2] and not _same_name(x[2], y[2]))
        for x in _dated_acts(a)
        for y in _dated_acts(b)
    )


def _name_in_common(a: SentenceInfo, b: SentenceInfo) -> bool:
    """Whether two sentences name one person or thing, a surname alone counting ("Beto O'Rourke" / "O'Rourke")."""
    last = {k: k.split()[-1] for k in a.entity_keys | b.entity_keys if k.split()}
    return any(x in last and last[x] == last.get(y) for x in a.entity_keys for y in b.entity_keys)


def _statement_day(s: SentenceInfo) -> tuple[str, str] | None:
    """(named speaker, day) of a sentence that quotes a named person's words (its subject's, or those it credits to
    a named person), with one day outside the quotation (or carried from the sentence before: `_carried_days`)."""
    if not s.quotes or not any(e.label_ == "PERSON" for e in s.doc.ents):
        return None
    named = [a.speaker for a in s.attributions if a.kind == "quote" and a.named]
    speaker = s.subject_text if s.subject_text[:1].isupper() else next(iter(named), None)
    if speaker is None:
        return None
    days = [d for d in s.dates if d.day and not any(a <= d.start < b for a, b in s.quotes)]
    if len(days) > 1 or any(d.day for d in s.dates if d not in days):
        return None
    carried = (_CARRIED.get() or {}).get(id(s))
    day = days[0] if days else carried if main_verb(s.doc[:]).tag_ == "VBD" else None
    return (speaker, day.value) if day is not None else None


def _statement_dates(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One person's words, quoted by both outlets as said on two different days ("O'Rourke charged on Saturday
    that ... 'sought to ... collude with the Russian government'" / "O'Rourke, campaigning on Friday night, ...
    said he believed ... 'sought to collude with the Russian government'"): both must quote some of the same
    words, and the pair must be one fact to the model, since a speaker may say much the same on two days."""
    x, y = _statement_day(a), _statement_day(b)
    if x is None or y is None or x[1] == y[1] or not same_person(x[0], y[0]):
        return None
    if not quote_ngrams(a) & quote_ngrams(b):
        return None  # no run of the same quoted words: maybe two statements ("said Saturday" / "clarified Sunday")
    return x[1], y[1], 1.0


# Days carried by sentences with none of their own from the sentence before them, by id of the sentence: set for
# the length of one find_conflicts call (see `_MASKS`).
_CARRIED: ContextVar[dict[int, DateMention] | None] = ContextVar("carried", default=None)


def _carried_days(nodes: list[Node]) -> dict[int, DateMention]:
    """The day a sentence with no day of its own carries from the sentence just before it: a story gives the day
    of a happening once and goes on to tell it ("Azerbaijan and Syria took steps toward restoring relations on
    13 July. Aliyev welcomed Sharaa to Baku ..."). Only when that sentence gives one day, outside quotation marks
    and not of something still to come, and the two name someone or something in common."""
    by_place = {(n.article, n.sentence.index): n.sentence for n in nodes}
    result = {}
    for node in nodes:
        s = node.sentence
        before = by_place.get((node.article, s.index - 1))
        if before is None or not s.parsed or any(d.day for d in s.dates) or not _name_in_common(s, before):
            continue
        days = [d for d in before.dates if d.day]
        if len(days) != 1 or any(a <= days[0].start < b for a, b in before.quotes):
            continue
        verb = clause_verb(before.doc, days[0].start, days[0].end)
        if verb is None or not future_clause(verb):
            result[id(s)] = days[0]
    return result


def _dated_act(a: SentenceInfo, x: DateMention, b: SentenceInfo, y: DateMention) -> tuple[str | None, str | None]:
    """The verbs two dates belong to, as lemmas."""
    verbs = [clause_verb(s.doc, m.start, m.end) for s, m in ((a, x), (b, y))]
    return verbs[0].lemma_.lower() if verbs[0] else None, verbs[1].lemma_.lower() if verbs[1] else None


def _year_dates(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """Different years for one happening, when each gives just one year ("has led since 2002" / "since 2003"; a
    span "from 1977 through 2006" is not one year set against another)."""
    xs, ys = _years(a), _years(b)
    return _dates_of(a, b, xs, ys, same_act=True) if len(xs) == len(ys) == 1 else None


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _years(s: SentenceInfo) -> list[DateMention]:
    """Years standing alone ("has led since 2002"), outside any fuller date of the sentence; not a year that names
    which of a kind of thing ("the 2016 election", "a 2014 ban"): that is no date of the sentence's happening."""
    taken = [(d.start, d.end) for d in s.dates]
    return [
        DateMention(m.start(), m.end(), m.group(), int(m.group()), None, None)
        for m in _YEAR.finditer(s.text)
        if not any(a <= m.start() < b for a, b in taken) and not _names_a_kind(s, m.start(), m.end())
    ]


def _names_a_kind(s: SentenceInfo, start: int, end: int) -> bool:
    span = s.doc.char_span(start, end, alignment_mode="expand")
    token = span.root if span is not None else None
    return token is not None and token.dep_ in {"compound", "nummod", "amod"} and token.head.pos_ == "NOUN"


def _dates_of(
    a: SentenceInfo, b: SentenceInfo, xs: list[DateMention], ys: list[DateMention], same_act: bool = False
) -> Match | None:
    """The best-supported pair of different dates; with `same_act`, only dates whose clauses' verbs name one act
    or share a common noun of the clause, the happening itself ("strike"); sharing just a named participant
    ("Abedin", "Republicans") is as often two happenings on two days."""
    if {d.value for d in xs} & {d.value for d in ys}:
        return None
    best, found = 0.0, None
    for x in xs:
        words = _clause_words(a, x)
        for y in ys:
            other = _clause_words(b, y)
            if same_act and not _one_happening(a, x, b, y):
                continue
            shared = sum(min(weight, other[word]) for word, weight in words.items() if word in other)
            if shared > best:
                best, found = shared, (x.value, y.value, shared)
    return found


def _one_happening(a: SentenceInfo, x: DateMention, b: SentenceInfo, y: DateMention) -> bool:
    """Whether two dates are dates of one happening: their verbs name one act, or, when either verb says little
    ("said", "was", none), their clauses share the thing that happened. Two different acts ("papers released on
    Wednesday" / "papers filed on Friday") are two happenings unless both clauses describe one thing ("a strike
    that began on 13 June" / "a strike by crews who walked out on June 14")."""
    acts = _dated_act(a, x, b, y)
    if _same_action(*acts):
        return True
    if all(act is not None and act not in _LIGHT for act in acts):
        return bool(_described_nouns(a, x) & _described_nouns(b, y))
    return bool(_event_nouns(a, x) & _event_nouns(b, y))


def _same_action(a: str | None, b: str | None) -> bool:
    """Whether two numbers count the outcome of the same action ("injured" / "hurt", not "stranded" / "carry")."""
    if a == b:
        return True
    if a is None or b is None or a in _LIGHT or b in _LIGHT:
        return False  # one count's action is unknown or empty ("had 41 votes"): it may count something else
    vectors = embed([a, b])
    return float(vectors[0] @ vectors[1]) >= _SAME_ACTION


def _money(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """Each sentence gives one amount of money, and they differ: asked only of pairs the model is sure state the
    same thing with the values masked out ("costing $1 million" / "reserved $500,000 of airtime")."""
    money = [[n for n in s.numbers if n.unit and n.unit != "percent"] for s in (a, b)]
    if len(money[0]) == len(money[1]) == 1 and money[0][0].unit == money[1][0].unit:
        x, y = money[0][0], money[1][0]
        if x.counted != y.counted:
            return None  # the price of one thing ("a $43,000 Rolex") is not the amount the other gives in all
        if not x.agrees(y):
            return x.text, y.text, 1.0
    return None


def _money_by_act(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """Each sentence gives one amount of money, moved by one and the same act, and the amounts differ ("will divert
    $3.6 billion" / "diverts $3.5 billion"): the act is the evidence of one amount that `_money` asks of the pair
    model alone."""
    money = [[n for n in s.numbers if n.unit and n.unit != "percent"] for s in (a, b)]
    if len(money[0]) != 1 or len(money[1]) != 1:
        return None
    x, y = money[0][0], money[1][0]
    if x.unit != y.unit or x.counted != y.counted or not x.verb or x.verb != y.verb or x.verb in _LIGHT:
        return None
    return None if x.agrees(y) else (x.text, y.text, 1.0)


_NEAR_DIGITS = 4  # a figure must have this many digits for one changed digit to mean a figure told differently


def _near_figures(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """Two figures of one unit that differ in a single digit ("$5,587.75" / "$5,687.75"): one figure misread or
    mistyped by one outlet, since two different amounts rarely share all their other digits. Years are dates."""
    for x in a.numbers:
        for y in b.numbers:
            dx, dy = re.sub(r"\D", "", x.text), re.sub(r"\D", "", y.text)
            if x.unit != y.unit or len(dx) != len(dy) or len(dx) < _NEAR_DIGITS or _YEAR.fullmatch(dx):
                continue
            # Either figure given by both sentences: they give two figures of two things ("300,000 people and
            # 700,000 Dreamers" / "300,000 people"), not one figure told two ways.
            given_by_both = any(x.agrees(z) for z in b.numbers) or any(_gives(z, y) for z in a.numbers)
            if sum(p != q for p, q in zip(dx, dy, strict=True)) == 1 and not given_by_both:
                return x.text, y.text, 1.0
    return None


def _gives(z: NumberMention, y: NumberMention) -> bool:
    """Whether figure z gives y's quantity itself (a bound only says y fits under it: "more than $300")."""
    return not (z.lower_bound or y.lower_bound) and z.agrees(y)


def _one_count(x: NumberMention, y: NumberMention) -> bool:
    """Whether two figures count one thing: the same counted noun by the same action, or a count of an act told
    as a noun against the act's verb ("made 520,000 arrests" / "arrested 400,000 migrants")."""
    if x.unit != y.unit:
        return False
    if x.counted and x.counted == y.counted:
        return _same_action(x.verb, y.verb)
    return x.unit is None and (_act_counted(x, y) or _act_counted(y, x))


def _act_counted(x: NumberMention, y: NumberMention) -> bool:
    return bool(x.counted) and x.counted == y.verb and (x.verb is None or x.verb in _LIGHT)


def _numbers(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """The same count of the same thing by the same action, with different values."""
    for x in a.numbers:
        for y in b.numbers:
            same_count = _one_count(x, y)
            given_by_both = any(x.agrees(z) for z in b.numbers if z.counted == x.counted) or any(
                _gives(z, y) for z in a.numbers if z.counted == y.counted
            )
            if same_count and not given_by_both and not x.agrees(y) and not _complementary(x, y):
                return f"{x.text} {x.counted}", f"{y.text} {y.counted}", 1.0
    return None


def _complementary(x: NumberMention, y: NumberMention) -> bool:
    """Two ratios that make up the whole: one split told from its two sides ("a two-in-three chance that we win" /
    "a one-in-three chance we could lose"), not two tellings of one share. Percentages are left out: "49 percent
    to 44" against "49 percent to 57" sum near 100 by chance."""
    return x.unit == y.unit == "ratio" and abs(x.value + y.value - 1.0) < 1e-9


def _people(s: SentenceInfo) -> dict[tuple[str, str], str]:
    """Named people outside quotation marks, by their place in the sentence (dependency role and the word they
    hang on): "X was sentenced" and "Y was sentenced" put two names in one place."""
    found = {}
    for ent in s.doc.ents:
        inside = any(a <= ent.start_char < b for a, b in s.quotes)
        if ent.label_ == "PERSON" and not inside and name_key(ent.text):
            found[(ent.root.dep_, ent.root.head.lemma_.lower())] = ent.text
    return found


def _names(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """The same act with a different named person in the same place ("X was sentenced" / "Y was sentenced")."""
    x, y = _people(a), _people(b)
    for place in x.keys() & y.keys():
        if place[0] in {"compound", "conj", "appos"}:
            continue
        if not same_person(x[place], y[place]) and x[place] not in b.text and y[place] not in a.text:
            return x[place], y[place], 1.0
    return None


_NAMED = frozenset({"PERSON", "GPE", "ORG", "LOC", "FAC"})
_SAME_QUOTE = 0.5  # share of the shorter quote's word runs the other must carry to be the same words
_MIN_SPELT = 4  # letters a name word needs before one letter more or less is a misspelling, not another word
_SPELLING = 0.8  # difflib ratio of two name keys: "vincente fox" / "vicente fox" 0.96, "norfolk" / "norwalk" 0.71


_PLACES = frozenset({"GPE", "LOC", "FAC"})  # the parser tells one place's kinds apart unsurely ("Parris Island")


def _names_in(s: SentenceInfo) -> dict[str, tuple[str, str]]:
    """Name key -> (label, text) of the names outside quotation marks; places share one label."""
    return {
        name_key(e.text): ("PLACE" if e.label_ in _PLACES else e.label_, e.text)
        for e in s.doc.ents
        if e.label_ in _NAMED and name_key(e.text) and not any(a <= e.start_char < b for a, b in s.quotes)
    }


def _other_word(x: str, y: str) -> bool:
    """Two words of a name that are not one word shortened ("ft" / "fort", "mike" / "michael") or a nickname."""
    if len(x) < 3 or len(y) < 3 or x.startswith(y[:2]) or formal_first_name(x) == formal_first_name(y):
        return False
    return not (set(x) <= set(y) or set(y) <= set(x))


def _other_name(x: str, y: str, label: str) -> bool:
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
    if label == "PERSON" and len(xs) >= 2 and xs[-1] == ys[-1]:
        return _other_word(a, b) or (SequenceMatcher(None, a, b).ratio() >= _SPELLING and len(a) >= 4)
    return len(a) >= 4 and len(b) >= 4 and SequenceMatcher(None, a, b).ratio() >= _SPELLING


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
    x, y = _names_in(a), _names_in(b)
    for key, (label, text) in x.items():
        if key in y:
            if y[key][0] == label and _doubled_letter(text, y[key][1]):
                return text, y[key][1], 1.0
            continue
        for other, (other_label, other_text) in y.items():
            if other not in x and other_label == label and _other_name(key, other, label):
                if _of_a_family(a, text) or _of_a_family(b, other_text):
                    continue
                return text, other_text, 1.0
    return None


_VALUE_LABELS = {
    "CARDINAL": "number",
    "MONEY": "number",
    "PERCENT": "number",
    "QUANTITY": "number",
    "DATE": "date",
    "TIME": "date",
    "PERSON": "name",
}
_COPY = 0.85  # share of the masked word sequences two sentences must have in common to be one sentence's copies


_RANGE = frozenset({"to", "through", "-", "\u2013", "and"})
_BROAD_LABELS = _VALUE_LABELS | dict.fromkeys(("ORG", "GPE", "NORP", "LOC", "FAC"), "name")


Masked = tuple[list[str], list[tuple[str, str]]]
# The masked sentences of the story find_conflicts is checking, by (id of the sentence, broad): every pair check
# reads both sentences' masks, and a parse's entity spans are built anew at each read. Set only for the length
# of one find_conflicts call (the sentences are alive throughout), per context, so concurrent reports keep theirs.
_MASKS: ContextVar[dict[tuple[int, bool], Masked] | None] = ContextVar("masks", default=None)


def _masked(s: SentenceInfo, broad: bool = False) -> Masked:
    """The sentence's words with every value (figure, date, person) replaced by its kind, and the values in order;
    `broad` masks every named thing as a name (the parser may call an unfamiliar person an organisation)."""
    memo = _MASKS.get()
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


def _copy_values(kind: str) -> Callable[[SentenceInfo, SentenceInfo], Match | None]:
    """Two tellings of one sentence (a wire copy, a quote both carry) whose words agree once values are masked
    out: the values are compared in order, and a figure, date or name that differs is a conflict, whatever the
    rest of the story says."""

    def check(a: SentenceInfo, b: SentenceInfo) -> Match | None:
        (x_words, x_values), (y_words, y_values) = _masked(a), _masked(b)
        if kind == "name" and [k for k, _ in x_values] != [k for k, _ in y_values]:
            (x_words, x_values), (y_words, y_values) = _masked(a, broad=True), _masked(b, broad=True)
        if [k for k, _ in x_values] != [k for k, _ in y_values] or not x_values:
            return None
        if SequenceMatcher(None, x_words, y_words, autojunk=False).ratio() < _COPY:
            return None
        for (k, x), (_, y) in zip(x_values, y_values, strict=True):
            if k == kind and x.lower() != y.lower() and not _same_value(k, x, y, a, b):
                return x, y, 1.0
        return None

    return check


def _same_value(kind: str, x: str, y: str, a: SentenceInfo, b: SentenceInfo) -> bool:
    """Values told differently but the same: "Obama" / "Barack Obama", "12" / "twelve", "$1.4bn" / "$1.375bn"."""
    if kind == "name":
        # A lone word on both sides ("Trump" / "Twitter") is as often the parser's mistake as another person.
        xs, ys = name_key(x).split(), name_key(y).split()
        if (len(xs) < 2 and len(ys) < 2) or same_person(x, y):
            return True
        # One surname with two first names: another person unless one is the other's nickname ("Chris" Dodd).
        return xs[-1:] == ys[-1:] and not _other_name(name_key(x), name_key(y), "PERSON")
    if kind == "number":
        xs = [n for n in a.numbers if n.text in x or x in n.text]
        ys = [n for n in b.numbers if n.text in y or y in n.text]
        return bool(xs and ys and xs[0].agrees(ys[0]))
    return False


def _speaker(s: SentenceInfo) -> str | None:
    """The person a sentence itself credits its quote to, by name (not one "he said" was resolved to, nor "the
    spokesman")."""
    people = {e.text for e in s.doc.ents if e.label_ == "PERSON"}
    return next(
        (
            a.speaker
            for a in s.attributions
            if a.kind == "quote" and a.named and a.speaker in s.text and any(p in a.speaker for p in people)
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


def _quoted(s: SentenceInfo) -> bool:
    """A sentence that mostly reports someone's words: its tense and modality are the speaker's, not the event's."""
    return any(a.kind == "quote" for a in s.attributions)


_NEGATORS = frozenset({"not", "n't", "never", "no"})


def _negation(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One telling of a sentence affirms what the other denies: their words agree once values and negators are
    set aside ("the law does not apply to..." / "the law applies only to..." share a verb, not a sentence)."""
    if _quoted(a) or _quoted(b):
        return None
    x, y = ([w for w in _masked(s)[0] if w not in _NEGATORS] for s in (a, b))
    if SequenceMatcher(None, x, y, autojunk=False).ratio() < _COPY:
        return None
    if a.negated != b.negated and a.predicates[:1] and a.predicates[:1] == b.predicates[:1]:
        verb = a.predicates[0]
        return ("not " + verb if a.negated else verb), ("not " + verb if b.negated else verb), 1.0
    return None


def _modality(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    if _quoted(a) or _quoted(b):
        return None
    if {a.modality, b.modality} == {"happened", "expected"} and _same_event(a, b):
        done, expected = (a, b) if a.modality == "happened" else (b, a)
        if _also_done(expected, main_verb(done.doc[:]).lemma_.lower()):
            return None
        return a.modality, b.modality, 1.0
    return None


def _acts_on_things(s: SentenceInfo, planned: bool) -> list[tuple[str, frozenset[str], Token]]:
    """`_read_acts_on_things`, kept per sentence while a story is read (every pair check asks it of both)."""
    memo = _THINGS.get()
    if memo is None:
        return _read_acts_on_things(s, planned)
    if (id(s), planned) not in memo:
        memo[id(s), planned] = _read_acts_on_things(s, planned)
    return memo[id(s), planned]


def _read_acts_on_things(s: SentenceInfo, planned: bool) -> list[tuple[str, frozenset[str], Token]]:
    """(verb lemma, proper-noun lemmas of its object, verb) of each act a sentence tells outside quotation marks on
    a named thing, still to come (`planned`: "plans to invoke the Fifth Amendment") or done ("invoked her Fifth
    Amendment right"); not denied, not a light verb, not reported speech's own verb."""
    found = []
    for verb in _told_acts(s):
        lemma = verb.lemma_.lower()
        if future_clause(verb) != planned:
            continue
        if not planned and not (verb.tag_ == "VBD" and verb.dep_ in {"ROOT", "conj"}):
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        names = frozenset(t.lemma_.lower() for o in objects for t in o.subtree if t.pos_ == "PROPN")
        if names:
            found.append((lemma, names, verb))
    return found


def _planned_and_done(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One act on one named thing, still to come in one outlet and done in the other ("plans to invoke the Fifth
    Amendment during her expected testimony" / "invoked her Fifth Amendment right and declined to testify"): the
    same verb on the same named thing is the evidence of one matter. Which report came first makes it an update."""
    for planned, done, first in ((a, b, True), (b, a, False)):
        for lemma, names, _ in _acts_on_things(planned, True):
            if any(lemma == other and names & other_names for other, other_names, _ in _acts_on_things(done, False)):
                return ("expected", "happened", 1.0) if first else ("happened", "expected", 1.0)
    return None


def _also_done(sentence: SentenceInfo, lemma: str) -> bool:
    """Whether a sentence whose main event is still expected also tells, in the past, the act the other outlet
    reports done ("intended to cooperate fully and had already repaid"): then both report it done."""
    return any(t.lemma_.lower() == lemma and t.tag_ in {"VBD", "VBN"} and t.pos_ == "VERB" for t in sentence.doc)


def _same_event(a: SentenceInfo, b: SentenceInfo) -> bool:
    """Whether two sentences name one happening: a shared or closely related predicate ("meet" / "meeting").

    Alignment says two sentences tell one fact; a modality conflict claims more (that one outlet has the event
    done and the other still expected), so the events themselves must match, not just their participants.
    """
    x, y = a.predicates[:_EVENT_PREDICATES], b.predicates[:_EVENT_PREDICATES]
    if not x or not y:
        return False
    if set(x) & set(y):
        return True
    vectors = embed(x + y)
    return float((vectors[: len(x)] @ vectors[len(x) :].T).max()) >= _SAME_EVENT


# Kind, check, explanation, and whether the pair must be strongly aligned: a number conflict already needs the same
# counted thing and action, an attribution conflict the same quoted words; the others only say "the same matter"
# through the pair model itself.
Bar = Literal["any", "near", "loose", "fact", "sure"]
_CHECKS: list[tuple[ConflictType, Callable[[SentenceInfo, SentenceInfo], Match | None], str, Bar]] = [
    ("number", _copy_values("number"), "one sentence in both outlets, with different figures", "loose"),
    ("date", _copy_values("date"), "one sentence in both outlets, with different dates", "loose"),
    ("name", _copy_values("name"), "one sentence in both outlets, naming different people", "loose"),
    ("number", _numbers, "the outlets give different numbers for the same count", "loose"),
    ("number", _near_figures, "the outlets give one figure with a digit changed", "loose"),
    ("number", _money, "the outlets give different amounts of money for the same thing", "sure"),
    ("number", _money_by_act, "the outlets give different amounts of money for the same act", "fact"),
    ("date", _dates, "the outlets date the same event differently (relative dates resolved on publication)", "loose"),
    ("date", _act_dates, "the outlets date one act by one named doer differently", "fact"),
    ("date", _statement_dates, "the outlets date one person's statement differently", "fact"),
    ("date", _year_dates, "the outlets give different years for the same happening", "near"),
    ("name", _names, "the outlets name different people in the same role", "fact"),
    ("name", _spellings, "the outlets give this name differently", "near"),
    ("attribution", _attribution, "the outlets credit the same quoted words to different people", "loose"),
    ("other", wording, "the outlets quote the same words with a word changed", "fact"),
    ("negation", _negation, "one outlet affirms what another denies", "sure"),
    ("modality", stages, "the outlets tell one act on one thing at different stages", "loose"),
    ("modality", departures, "the outlets tell this person leaving a post in different ways", "loose"),
    ("name", roles, "the outlets give this person titles that cannot both be right", "any"),
    ("modality", _modality, "one outlet reports as done what another reports as expected", "sure"),
    (
        "modality",
        _planned_and_done,
        "one outlet reports as done an act on one thing another reports as planned",
        "loose",
    ),
]
# Pairs with a statement the English parse did not read (another language) are checked on their values alone.
_ACROSS: list[tuple[ConflictType, Callable[[SentenceInfo, SentenceInfo], Match | None], str, Bar]] = [
    (
        "number",
        figures_across,
        "the outlets give different figures in one statement (compared as values, across languages)",
        "fact",
    ),
    (
        "date",
        dates_across,
        "the outlets give different days in one statement (compared as values, across languages)",
        "fact",
    ),
]
_ACROSS_CHECKS = frozenset(check for _, check, _, _ in _ACROSS)


def _date_explanation(base: str, values: dict[str, str], nodes: list[Node]) -> str:
    """The explanation with each day's weekday, and any stated weekday that does not fall on its date."""
    days = []
    for value in sorted(set(values.values())):
        try:
            days.append(f"{value} was a {date.fromisoformat(value).strftime('%A')}")
        except ValueError:
            continue
    mismatched = {d for n in nodes for d in n.sentence.dates if d.weekday_mismatch}
    wrong = sorted(f'"{d.text}" names a weekday that {d.value} was not' for d in mismatched)
    return "; ".join([base, *days, *wrong])


def _components(edges: list[tuple[Node, Node, Match]]) -> list[list[tuple[Node, Node, Match]]]:
    """Edges joined when they share a sentence: three outlets giving three dates for one happening are one
    conflict, two unrelated date disagreements are two."""
    parent: dict[int, int] = {}

    def root(k: int) -> int:
        while parent.setdefault(k, k) != k:
            k = parent[k]
        return k

    for x, y, _ in edges:
        parent[root(x.position)] = root(y.position)
    groups: dict[int, list[tuple[Node, Node, Match]]] = {}
    for edge in edges:
        groups.setdefault(root(edge[0].position), []).append(edge)
    return list(groups.values())


def _carried(scores: PairScores) -> set[tuple[int, int]]:
    """(sentence, article) where the article also carries that very sentence, values included (a wire copy or a
    quote both give): that outlet agrees with it, so none of its other sentences is set against it. A sentence of a
    quotation counts even without values: a speaker's next sentence often repeats its words with one changed."""
    texts = {node.position: _masked(node.sentence) for node in scores.nodes}
    result = set()
    for i, j in zip(*np.nonzero(np.triu(scores.prob > 0, 1)), strict=True):
        x, y = scores.nodes[int(i)], scores.nodes[int(j)]
        (x_words, x_values), (y_words, y_values) = texts[x.position], texts[y.position]
        told = bool(x_values) or bool(x.sentence.quotes and y.sentence.quotes)
        same_values = told and [v.lower() for _, v in x_values] == [v.lower() for _, v in y_values]
        if same_values and SequenceMatcher(None, x_words, y_words, autojunk=False).ratio() >= _COPY:
            result |= {(x.position, y.article), (y.position, x.article)}
    return result


_ANY = 1e-6  # a title is the person's, whatever else the two sentences say: any two outlets' sentences
# What a sentence must hold for a check that reads every pair to be worth asking (a titled person).
_NEEDS: dict[Callable[[SentenceInfo, SentenceInfo], Match | None], Callable[[SentenceInfo], bool]] = {
    roles: lambda s: bool(titles(s))
}


def find_conflicts(
    scores: PairScores, article_ids: list[str], bars: dict[Bar, float], people: Sequence[People | None] = ()
) -> list[Found]:
    """Each conflict between two outlets' sentences that state the same matter, whose values differ. The pair must
    score the fact bar; `loose` for checks that carry their own evidence of one matter (the same counted thing, the
    same quoted words), `sure` for checks that need more than one fact (a bare amount, negation, modality).
    `people[a]` are the people article a names, when known (a family shares a surname). Inside `reading` (the
    caller reads the same story on), the story's state is kept, not read again."""
    if _CARRIED.get() is not None:
        return _find_conflicts(scores, article_ids, bars)
    with reading(scores, people):
        return _find_conflicts(scores, article_ids, bars)


@contextmanager
def reading(scores: PairScores, people: Sequence[People | None] = ()) -> Iterator[None]:
    """The story's masked sentences, carried days and each sentence's article's people, kept while its pairs are
    checked (the checks read them)."""
    token, carried, acts = _MASKS.set({}), _CARRIED.set(_carried_days(scores.nodes)), _ACTS.set({})
    things = _THINGS.set({})
    named = _PEOPLE.set({id(n.sentence): people[n.article] for n in scores.nodes if n.article < len(people)})
    try:
        yield
    finally:
        _MASKS.reset(token)
        _CARRIED.reset(carried)
        _ACTS.reset(acts)
        _THINGS.reset(things)
        _PEOPLE.reset(named)


# The people each sentence's article names, by id of the sentence, for the length of one find_conflicts call.
_PEOPLE: ContextVar[dict[int, People | None] | None] = ContextVar("people", default=None)


def _of_a_family(s: SentenceInfo, name: str) -> bool:
    """Whether the article of sentence s names another person of the name's surname ("Mr. Trump" beside "the first
    lady, Melania Trump"): then another given name in the other outlet may be that person, not a misnaming."""
    people = (_PEOPLE.get() or {}).get(id(s))
    return people is not None and people.family(name)


def _find_conflicts(scores: PairScores, article_ids: list[str], bars: dict[Bar, float]) -> list[Found]:
    found: list[Found] = []
    n = len(scores.nodes)
    seen: set[tuple[str, int, int]] = set()  # a pair already in a conflict of this kind (several checks per kind)
    carried = _carried(scores)
    for kind, check, explanation, level in _CHECKS + _ACROSS:
        bar = _ANY if level == "any" else bars[level]
        edges = []
        needs = _NEEDS.get(check)
        keep = np.array([needs(node.sentence) for node in scores.nodes], dtype=bool) if needs else np.ones(n, bool)
        for i in map(int, np.flatnonzero(keep)):
            for j in np.flatnonzero(scores.prob[i, i + 1 :] >= bar) + i + 1:
                if not keep[j]:
                    continue
                x, y = scores.nodes[i], scores.nodes[int(j)]
                if (kind, x.position, y.position) in seen or (x.position, y.article) in carried:
                    continue
                across = check in _ACROSS_CHECKS  # the English checks read the parse; these serve the other pairs
                if (x.sentence.parsed and y.sentence.parsed) == across or (across and not closest_pair(scores, i, j)):
                    continue
                if (y.position, x.article) in carried:
                    continue
                pair = check(x.sentence, y.sentence)
                if pair and pair[2] >= _MIN_SUPPORT and pair[0] != pair[1]:
                    edges.append((x, y, pair))
                    seen.add((kind, x.position, y.position))
        for component in _components(edges):
            values: dict[str, str] = {}
            involved: dict[int, Node] = {}
            for x, y, (first, second, _) in component:
                values.setdefault(article_ids[x.article], first)
                values.setdefault(article_ids[y.article], second)
                involved.update({x.position: x, y.position: y})
            if len(set(values.values())) < 2:
                continue
            nodes = sorted(involved.values(), key=lambda node: node.position)
            text = _date_explanation(explanation, values, nodes) if kind == "date" else explanation
            found.append((Conflict(type=kind, values=values, explanation=text), nodes))
    return found
