"""Date conflicts: one happening dated differently by two outlets (its day, its year, one named doer's act, one
person's statement), and the days a sentence carries from the one before it."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from manysides.compare.conflict_state import (
    ACTS,
    CARRIED,
    LIGHT,
    DatedAct,
    named_people,
    per_sentence,
    same_action,
    told_acts,
)
from manysides.compare.pairs import Node, quote_ngrams
from manysides.compare.values import Match
from manysides.understand import SentenceInfo
from manysides.understand.dates import DateMention
from manysides.understand.entities import same_person
from manysides.understand.modality import clause_verb, future_clause, main_verb
from manysides.understand.names import name_key

if TYPE_CHECKING:
    from spacy.tokens import Token


_EVENT_POS = frozenset({"NOUN", "PROPN", "VERB"})


_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


_PREPOSITIONS = frozenset({"prep", "agent"})


_MODIFIER = 0.5


def _clause_words(sentence: SentenceInfo, mention: DateMention) -> dict[str, float]:
    """Lemma -> weight of the words of a date's clause (see `_clause_tokens`)."""
    words: dict[str, float] = {}
    for token, weight in _clause_tokens(sentence, mention).items():
        words[token.lemma_.lower()] = max(weight, words.get(token.lemma_.lower(), 0.0))
    return words


def _event_nouns(sentence: SentenceInfo, mention: DateMention) -> set[str]:
    """Common nouns at full weight in a date's clause ("strike" in "a strike that began on 13 June"): what happened,
    where a name ("Abedin", "Republicans") only says who took part. A plural tells several happenings ("among her
    disclosures Friday"), each on a day of its own, so its date is no date of one of them ("filed a disclosure in
    May")."""
    return {
        t.lemma_.lower()
        for t, weight in _clause_tokens(sentence, mention).items()
        if weight == 1.0 and t.pos_ == "NOUN" and not t.ent_type_ and "Plur" not in t.morph.get("Number")
    }


def _clause_tokens(sentence: SentenceInfo, mention: DateMention) -> dict[Token, float]:
    """What a date is the date of: its clause's verb, with the nouns of its subject, object and prepositions.

    "Ferry crews went on strike on Saturday" -> {go, ferry, crew, strike}; "a strike by ferry workers that began
    on 13 June" -> {begin, ferry, worker, strike}: a shared word says the two dates belong to one happening.
    Noun modifiers ("ferry" in "ferry crews") weigh half: they name the story's topic more than the happening.
    """
    owner = _date_owner(sentence, mention)
    if owner is not None:
        return {owner: 1.0}
    span = sentence.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    inside = {t.i for t in span} if span is not None else set()
    verb = clause_verb(sentence.doc, mention.start, mention.end)
    if verb is None:
        return {}
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
    weights.update({v: 1.0 for v in verbs if v.lemma_.lower() not in LIGHT})
    return weights


def _date_owner(sentence: SentenceInfo, mention: DateMention) -> Token | None:
    """The noun a possessive date dates ("Thursday's announcement comes after a June decision": the announcement),
    not what its clause tells of that noun."""
    span = sentence.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    owner = span.root.head if span is not None and span.root.dep_ == "poss" else None
    return owner if owner is not None and owner.pos_ == "NOUN" else None


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
    if _different_subjects(a, b):
        return True
    # The parser may find no subject at all ("In a statement issued Thursday, Mark Sheridan ... said"): two sentences
    # that each name people, none of them the same, tell of two people's acts.
    x, y = list(named_people(a).values()), list(named_people(b).values())
    return bool(x and y) and not any(same_person(p, q) for p in x for q in y)


def _different_subjects(a: SentenceInfo, b: SentenceInfo) -> bool:
    """Both sentences name who acts as a verb's subject, and they are different people or bodies."""
    named = a.subject_text[:1].isupper() and b.subject_text[:1].isupper()
    if named and not same_person(a.subject_text, b.subject_text):
        return True
    x, y = _named_subjects(a), _named_subjects(b)  # the parser may miss a subject the entities still show
    return bool(x and y) and not any(same_person(p, q) for p in x for q in y)


@per_sentence
def _named_subjects(s: SentenceInfo) -> list[str]:
    """People named as the subject of one of the sentence's verbs, outside quotation marks."""
    return [text for (role, _), text in named_people(s).items() if role in {"nsubj", "nsubjpass"}]


def _dates(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """Different days for one happening, by two outlets that do not name two different actors: the dates' clauses
    share their act or the thing that happened ("a strike that began on 13 June" / "went on strike on 14 June")."""
    if _different_actors(a, b):
        return None
    return _dates_of(a, b, [d for d in a.dates if d.day], [d for d in b.dates if d.day], same_act=True)


def _month_dates(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """A day against a month for one happening ("held on April 30" / "primaries in mid May"): different months
    of one year. "By May" or "since May" is a span, not a month set against a day; a day at the edge of the month
    beside "early"/"late" ("April 29" / "early May") may be rounding, not another month."""
    if _different_actors(a, b):
        return None
    found = _day_against_month(a, b)
    if found is not None:
        return found
    swapped = _day_against_month(b, a)
    return (swapped[1], swapped[0], swapped[2]) if swapped is not None else None


def _day_against_month(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """`_month_dates` with the day in `a` and the month in `b`."""
    days = [d for d in a.dates if d.day and d.year]
    months = [m for m in b.dates if m.day is None and m.month and m.year and _IN_MONTH.match(m.text)]
    if any(x.year == y.year and x.month == y.month for x in days for y in months):
        return None  # the day is in the month the other names: one happening agreed on
    for x in days:
        for y in months:
            if x.year == y.year and not _edge(x, y) and _one_happening(a, x, b, y):
                other = _clause_words(b, y)
                return x.value, y.value, sum(1.0 for word in _clause_words(a, x) if word in other)
    return None


_IN_MONTH = re.compile(r"(?:in|mid-?|early|late)\b", re.IGNORECASE)


def _edge(day: DateMention, month: DateMention) -> bool:
    """A day within a week of the month a vague "early" or "late" month could stretch to ("April 29" / "early
    May")."""
    text = month.text.lower()
    if month.month is None or day.month is None or day.day is None:
        return False
    before = (month.month - day.month) % 12 == 1 and day.day >= 24 and text.startswith("early")
    after = (day.month - month.month) % 12 == 1 and day.day <= 7 and text.startswith("late")
    return before or after


_AT_ONCE = frozenset({"as", "while", "when"})  # a clause these introduce happens when its governing clause does


def _act_day(s: SentenceInfo, verb: Token) -> str | None:
    """The day of one act: a day in its own clause, or in the clause it happens at once with ("announced on
    Saturday ..., as Aliyev welcomed Sharaa"), through the clauses that govern that one; for a sentence with no day
    at all whose own news is told done, the day the sentence before it gives (`carried_days`). Not the day of a
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
    carried = (CARRIED.get() or {}).get(id(s))
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


def _dated_acts(s: SentenceInfo) -> list[DatedAct]:
    """`_read_acts`, kept per sentence while a story is read: every pair check asks it of both sentences."""
    memo = ACTS.get()
    if memo is None:
        return _read_acts(s)
    if id(s) not in memo:
        memo[id(s)] = _read_acts(s)
    return memo[id(s)]


def _read_acts(s: SentenceInfo) -> list[DatedAct]:
    """(verb lemma, named doer, named thing or None, day) of each act a sentence tells outside quotation marks,
    done by a named subject, not denied, with a day (`_act_day`)."""
    found = []
    for verb in told_acts(s):
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
            if lemma != other_lemma or one_value(day, other_day) or not _same_name(doer, other_doer):
                continue
            if thing and other_thing and not _same_name(thing, other_thing):
                continue
            if _told_today(a, day) and _told_today(b, other_day):
                continue  # "Seacom announced today (14 October)" / "... today (4 November)": two days' news
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
    """(named speaker, day) of a sentence that quotes a named person's words (the person it credits them to, else
    its subject), with one day outside the quotation (or carried from the sentence before: `carried_days`)."""
    if not s.quotes or not any(e.label_ == "PERSON" for e in s.doc.ents):
        return None
    named = [a.speaker for a in s.attributions if a.kind == "quote" and a.named]
    speaker = next(iter(named), None) or (s.subject_text if s.subject_text[:1].isupper() else None)
    if speaker is None:
        return None
    days = [d for d in s.dates if d.day and not any(a <= d.start < b for a, b in s.quotes)]
    if len(days) > 1 or any(d.day for d in s.dates if d not in days):
        return None
    carried = (CARRIED.get() or {}).get(id(s))
    day = days[0] if days else carried if main_verb(s.doc[:]).tag_ == "VBD" else None
    return (speaker, day.value) if day is not None else None


def _statement_dates(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One person's words, quoted by both outlets as said on two different days ("O'Rourke charged on Saturday
    that ... 'sought to ... collude with the Russian government'" / "O'Rourke, campaigning on Friday night, ...
    said he believed ... 'sought to collude with the Russian government'"): both must quote some of the same
    words, a verb among them, and the pair must be one fact to the model, since a speaker may say much the same on
    two days."""
    x, y = _statement_day(a), _statement_day(b)
    if x is None or y is None or x[1] == y[1] or not same_person(x[0], y[0]):
        return None
    shared = quote_ngrams(a) & quote_ngrams(b)
    if not shared:
        return None  # no run of the same quoted words: maybe two statements ("said Saturday" / "clarified Sunday")
    verbs = {t.lower_ for s in (a, b) for t in s.doc if t.pos_ == "VERB" and any(p <= t.idx < q for p, q in s.quotes)}
    if not any(verbs & set(gram) for gram in shared):
        return None  # the same quoted name of a thing ("big game trophy decision"), not the same words said of it
    return x[1], y[1], 1.0


def carried_days(nodes: list[Node]) -> dict[int, DateMention]:
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
    """The verbs two dates belong to, as lemmas (the noun a possessive date dates: "Thursday's announcement")."""
    verbs = [_date_owner(s, m) or clause_verb(s.doc, m.start, m.end) for s, m in ((a, x), (b, y))]
    return verbs[0].lemma_.lower() if verbs[0] else None, verbs[1].lemma_.lower() if verbs[1] else None


def _year_dates(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """Different years for one happening, when each gives just one year ("has led since 2002" / "since 2003"; a
    span "from 1977 through 2006" is not one year set against another), by two outlets that do not name two
    different subjects ("Smith died in 1992" / "Jones died in 2002"). Only named subjects: a year's sentence
    names people by the way more often than a day's, and the parse takes places for them ("Old Tappan")."""
    if _different_subjects(a, b):
        return None
    xs, ys = _years(a), _years(b)
    return _dates_of(a, b, xs, ys, same_act=True) if len(xs) == len(ys) == 1 else None


YEAR = re.compile(r"\b(?:19|20)\d\d\b(?!['\u2019]s\b)")  # not a decade ("the mid 1930's")
_YEAR_SPAN = re.compile(
    r"\b(?:from|between)\s+((?:19|20)\d\d)\s+(?:to|until|through|and)\s+((?:19|20)\d\d)\b"
    r"|\b((?:19|20)\d\d)\s?[-\u2013]\s?((?:19|20)\d\d)\b"
)


def _year_spans(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One named person's years told differently ("Edward Brooke, who served from 1967 to 1979" / "since Edward
    Brooke held the seat from 1966 to 1978"): each sentence gives one span of years, its clause is about the same
    person, and an end differs."""
    spans = [list(_YEAR_SPAN.finditer(s.text)) for s in (a, b)]
    if any(len(found) != 1 for found in spans):
        return None
    years = [tuple(y for y in m.groups() if y) for m in (spans[0][0], spans[1][0])]
    if years[0] == years[1]:
        return None
    people = [_span_person(s, found[0]) for s, found in zip((a, b), spans, strict=True)]
    if not all(people) or not same_person(people[0], people[1]):  # type: ignore[arg-type]
        return None
    return " to ".join(years[0]), " to ".join(years[1]), 1.0


def _span_person(s: SentenceInfo, span: re.Match[str]) -> str | None:
    """The named person a span of years is about: the subject of its clause, or the noun a "who" clause hangs on."""
    verb = clause_verb(s.doc, span.start(), span.end())
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects:
        subject = verb.head if subjects[0].lower_ in {"who", "that"} and verb.dep_ == "relcl" else subjects[0]
        ent = next((e for e in s.doc.ents if e.start <= subject.i < e.end and e.label_ == "PERSON"), None)
        if ent is not None:
            return ent.text
    # "since Edward Brooke, a Republican, held the seat": the parser took the apposition for the subject, or lost
    # it; the person named right before the verb, with no other verb between, is who held it
    before = [e for e in s.doc.ents if e.label_ == "PERSON" and e.end <= verb.i]
    between = s.doc[before[-1].end : verb.i] if before else None
    return before[-1].text if between is not None and not any(t.pos_ in {"VERB", "AUX"} for t in between) else None


@per_sentence
def _years(s: SentenceInfo) -> list[DateMention]:
    """Years standing alone ("has led since 2002"), outside any fuller date of the sentence; not a year that names
    which of a kind of thing ("the 2016 election", "a 2014 ban"): that is no date of the sentence's happening."""
    taken = [(d.start, d.end) for d in s.dates]
    return [
        DateMention(m.start(), m.end(), m.group(), int(m.group()), None, None)
        for m in YEAR.finditer(s.text)
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
    if any(one_day(x, y) for x in xs for y in ys):
        return None
    best, found = 0.0, None
    for x in xs:
        words = _clause_words(a, x)
        for y in ys:
            if _report_day(a, x) and _report_day(b, y):
                continue  # each report's own "today": reports of two days tell two days' news
            if one_night(a, x, b, y):
                continue
            other = _clause_words(b, y)
            if same_act and not _one_happening(a, x, b, y):
                continue
            shared = sum(min(weight, other[word]) for word, weight in words.items() if word in other)
            if shared > best:
                best, found = shared, (x.value, y.value, shared)
    return found


_TODAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\W{0,3}$", re.IGNORECASE)


def _report_day(s: SentenceInfo, mention: DateMention) -> bool:
    """Whether a date is the day the report was written: "today", or a day the writer gives as today ("announced
    today (14 October 2011)"). Two reports each telling what happened on their own day differ in date because they
    were written on different days ("Seacom announced today ..." in three reports of three days), not because
    they disagree about one happening."""
    if mention.text.lower() in {"today", "tonight"}:
        return True
    return bool(_TODAY.search(s.text[max(0, mention.start - 20) : mention.start]))


def _told_today(s: SentenceInfo, value: str) -> bool:
    """Whether a sentence gives a day as the report's own (`_report_day`)."""
    return any(d.value == value and _report_day(s, d) for d in s.dates)


def one_day(x: DateMention, y: DateMention) -> bool:
    """`one_value` of two dates, or one weekday both name bare ("on Saturday" / "Saturday afternoon"): which week it
    falls in comes from each report's publication stamp, and a stamp can be older than the page's last update, so
    two weeks apart is no disagreement a reader would see."""
    if one_value(x.value, y.value):
        return True
    if not (x.bare_weekday and y.bare_weekday and x.day and y.day and x.month and y.month and x.year and y.year):
        return False
    return (date(x.year, x.month, x.day) - date(y.year, y.month, y.day)).days % 7 == 0


# Words for a night in the languages the reports read: a night spans two dates, and outlets name either ("overnight
# on Sunday", "in der Nacht zum Montag", "w nocy z niedzieli na poniedziałek").
_NIGHT = re.compile(
    r"night|overnight|nacht|nuit|noche|madrugada|notte|noc[yi]?\b|gece|\u0644\u064a\u0644|\u05dc\u05d9\u05dc\u05d4",
    re.IGNORECASE,
)
_NIGHT_REACH = 30  # characters either side of a date a night word may stand at


def one_night(a: SentenceInfo, x: DateMention, b: SentenceInfo, y: DateMention) -> bool:
    """Whether two dates a day apart name one night: a night word stands near either date ("overnight on Sunday"
    / "in der Nacht zum Montag" is the night from Sunday to Monday)."""
    if not (x.day and y.day and x.month and y.month and x.year and y.year):
        return False
    if abs((date(x.year, x.month, x.day) - date(y.year, y.month, y.day)).days) != 1:
        return False
    return any(
        _NIGHT.search(s.text[max(0, d.start - _NIGHT_REACH) : d.end + _NIGHT_REACH]) for s, d in ((a, x), (b, y))
    )


def one_value(p: str, q: str) -> bool:
    """Whether two date values may name one day: equal, or the same month and day where one gives no year and
    none could be found for it ("Feb. 22" in an article with no publication day against "February 22, 2009")."""
    if p == q:
        return True
    unknown = p.startswith("????") or q.startswith("????")
    return unknown and len(p) == len(q) and p[4:] == q[4:] and len(p) > len("????")


def _one_happening(a: SentenceInfo, x: DateMention, b: SentenceInfo, y: DateMention) -> bool:
    """Whether two dates are dates of one happening: their verbs name one act, or, when either verb says little
    ("said", "was", none), their clauses share the thing that happened. Two different acts ("papers released on
    Wednesday" / "papers filed on Friday") are two happenings unless both clauses describe one thing ("a strike
    that began on 13 June" / "a strike by crews who walked out on June 14")."""
    acts = _dated_act(a, x, b, y)
    if same_action(*acts):
        return True
    if all(act is not None and act not in LIGHT for act in acts):
        return bool(_described_nouns(a, x) & _described_nouns(b, y))
    return bool(_event_nouns(a, x) & _event_nouns(b, y))
