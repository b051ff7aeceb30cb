"""Conflicts inside one aligned fact: different dates, counts, names, negation or modality between outlets.

Values are compared after normalisation (dates resolved against each article's publication day, numbers with what
they count and whether they are approximate), so "about 3,000" vs "nearly 3,000" is no conflict while
"Twelve people were injured" vs "Fourteen people were hurt" is one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from manysides.compare.align import Alignment, Node
from manysides.compare.embed import embed
from manysides.compare.report import Conflict
from manysides.understand import SentenceInfo
from manysides.understand.dates import DateMention
from manysides.understand.modality import clause_verb

_EVENT_POS = frozenset({"NOUN", "PROPN", "VERB"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
_PREPOSITIONS = frozenset({"prep", "agent"})
_MODIFIER = 0.5
_MIN_SUPPORT = 1.0  # a conflict needs one pair sharing an event word or participant, not just a modifier
_LIGHT = frozenset({"be", "have", "do", "make", "take", "say", "tell", "report", "get", "give"})
# (value in the first sentence, value in the second, how surely both name one happening: 1.0 is sure)
Match = tuple[str, str, float]
_SAME_ACTION = 0.3
_SAME_EVENT = 0.5  # meet~meeting 0.85; meet~visit 0.18, begin~restore 0.01
_EVENT_PREDICATES = 3  # cosine of two verbs' static embeddings: injure~hurt 0.44, strand~carry -0.03


def _clause_words(sentence: SentenceInfo, mention: DateMention) -> dict[str, float]:
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
    head = verb.head if verb.dep_ == "relcl" else None
    while head is not None and head.pos_ in _EVENT_POS:
        nouns.append(head)
        head = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else None
    modifiers = [c for n in nouns for c in n.children if c.dep_ == "compound"]
    weights = {t.lemma_.lower(): _MODIFIER for t in modifiers if t.pos_ in _EVENT_POS and t.i not in inside}
    weights.update({t.lemma_.lower(): 1.0 for t in nouns if t.pos_ in _EVENT_POS and t.i not in inside})
    weights.update({v.lemma_.lower(): 1.0 for v in verbs if v.lemma_.lower() not in _LIGHT})
    return weights


def _dates(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """Different days for one happening, with how much the dates' clauses share (their event or a participant)."""
    if {d.value for d in a.dates if d.day} & {d.value for d in b.dates if d.day}:
        return None
    best, found = 0.0, None
    for x in (d for d in a.dates if d.day):
        words = _clause_words(a, x)
        for y in (d for d in b.dates if d.day):
            other = _clause_words(b, y)
            shared = sum(min(weight, other[word]) for word, weight in words.items() if word in other)
            if shared > best:
                best, found = shared, (x.value, y.value, shared)
    return found


def _same_action(a: str | None, b: str | None) -> bool:
    """Whether two numbers count the outcome of the same action ("injured" / "hurt", not "stranded" / "carry")."""
    if a == b:
        return True
    if a is None or b is None or a in _LIGHT or b in _LIGHT:
        return False  # one count's action is unknown or empty ("had 41 votes"): it may count something else
    vectors = embed([a, b])
    return float(vectors[0] @ vectors[1]) >= _SAME_ACTION


def _numbers(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    for x in a.numbers:
        for y in b.numbers:
            same_count = x.counted and x.counted == y.counted and x.unit == y.unit and _same_action(x.verb, y.verb)
            if same_count and not any(x.agrees(z) for z in b.numbers if z.counted == x.counted):
                return f"{x.text} {x.counted}", f"{y.text} {y.counted}", 1.0
    return None


def _names(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """The same event with a different named actor ("X was sentenced" vs "Y was sentenced")."""
    if not (a.predicates[:1] and a.predicates[:1] == b.predicates[:1] and a.subject and b.subject):
        return None
    names = {ent.label_ for s in (a, b) for ent in s.doc.ents}
    named = a.subject_text[:1].isupper() and b.subject_text[:1].isupper()
    if named and "PERSON" in names and not set(a.subject.split()) & set(b.subject.split()):
        return a.subject_text, b.subject_text, 1.0
    return None


def _quoted(s: SentenceInfo) -> bool:
    """A sentence that mostly reports someone's words: its tense and modality are the speaker's, not the event's."""
    return any(a.kind == "quote" for a in s.attributions)


def _negation(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    if _quoted(a) or _quoted(b):
        return None
    if a.negated != b.negated and a.predicates[:1] and a.predicates[:1] == b.predicates[:1]:
        verb = a.predicates[0]
        return ("not " + verb if a.negated else verb), ("not " + verb if b.negated else verb), 1.0
    return None


def _modality(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    if _quoted(a) or _quoted(b):
        return None
    if {a.modality, b.modality} == {"happened", "expected"} and _same_event(a, b):
        return a.modality, b.modality, 1.0
    return None


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
# counted thing and action, the others only say "same event" through the alignment itself.
_CHECKS: list[tuple[str, Callable[[SentenceInfo, SentenceInfo], Match | None], str, bool]] = [
    ("number", _numbers, "the outlets give different numbers for the same count", False),
    ("date", _dates, "the outlets date the same event differently (relative dates resolved against publication)", True),
    ("name", _names, "the outlets name different people in the same role", True),
    ("negation", _negation, "one outlet affirms what another denies", True),
    ("modality", _modality, "one outlet reports as done what another reports as expected", True),
]


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


def find_conflicts(
    nodes: list[Node], article_ids: list[str], sources: list[str], alignment: Alignment
) -> list[tuple[Conflict, list[Node]]]:
    """Each kind of conflict between directly aligned statements of different outlets, with the statements in it."""
    found = []
    for kind, check, explanation, strict in _CHECKS:
        values: dict[str, str] = {}
        involved: dict[int, Node] = {}
        support = 0.0
        for i, x in enumerate(nodes):
            for y in nodes[i + 1 :]:
                if sources[x.article] == sources[y.article] or not alignment.close(x, y, strict):
                    continue
                pair = check(x.sentence, y.sentence)
                if pair:
                    support = max(support, pair[2])
                    values.setdefault(article_ids[x.article], pair[0])
                    values.setdefault(article_ids[y.article], pair[1])
                    involved.update({x.position: x, y.position: y})
        if support < _MIN_SUPPORT:
            continue  # only modifiers shared ("Senate" Democrats / "Senate" leader): no pair names one happening
        if len(set(values.values())) >= 2:
            if kind == "date":
                explanation = _date_explanation(explanation, values, list(involved.values()))
            conflict = Conflict(type=kind, values=values, explanation=explanation)  # type: ignore[arg-type]
            found.append((conflict, sorted(involved.values(), key=lambda n: n.position)))
    return found
