"""Conflicts inside one aligned fact: different dates, counts, names, negation or modality between outlets.

Values are compared after normalisation (dates resolved against each article's publication day, numbers with what
they count and whether they are approximate), so "about 3,000" vs "nearly 3,000" is no conflict while
"Twelve people were injured" vs "Fourteen people were hurt" is one. The checks of each kind live in their own
module (`date_conflicts`, `number_conflicts`, `name_conflicts`, `status_conflicts`); this one runs them over a
story's pairs, and `reading` holds the story's state (`conflict_state`) while it does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from difflib import SequenceMatcher
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

import numpy as np

from manysides.compare.conflict_state import (
    ACTS,
    CARRIED,
    COPY,
    MASKS,
    PEOPLE,
    READS,
    THINGS,
    masked,
    page_time,
)
from manysides.compare.crossconflicts import closest_pair, dates_across, figures_across
from manysides.compare.date_conflicts import (
    _act_dates,
    _dates,
    _month_dates,
    _statement_dates,
    _year_dates,
    _year_spans,
    carried_days,
    same_act,
)
from manysides.compare.direction_conflicts import direction
from manysides.compare.name_conflicts import _attribution, _names, _places, _spellings, other_name
from manysides.compare.number_conflicts import _money, _money_by_act, _near_figures, _none_and_count, _numbers
from manysides.compare.pairs import Node, PairScores
from manysides.compare.status_conflicts import _denied_act, _modality, _negation, _planned_and_done
from manysides.compare.values import (
    Match,
    denied_wording,
    departures,
    held_no_longer,
    roles,
    stages,
    titles,
    wording,
)
from manysides.records.report import Conflict, ConflictType
from manysides.understand import SentenceInfo
from manysides.understand.dates import RELATIVE_DAYS
from manysides.understand.document import People
from manysides.understand.entities import same_person
from manysides.understand.names import name_key
from manysides.understand.numbers import NumberMention

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Found", "find_conflicts", "reading", "same_act"]


_MIN_SUPPORT = 1.0  # a conflict needs one pair sharing an event word or participant, not just a modifier


Found = tuple[Conflict, list[Node]]


def _copy_values(kind: str) -> Callable[[SentenceInfo, SentenceInfo], Match | None]:
    """Two tellings of one sentence (a wire copy, a quote both carry) whose words agree once values are masked
    out: the values are compared in order, and a figure, date or name that differs is a conflict, whatever the
    rest of the story says."""

    def check(a: SentenceInfo, b: SentenceInfo) -> Match | None:
        (x_words, x_values), (y_words, y_values) = masked(a), masked(b)
        if kind == "name" and [k for k, _ in x_values] != [k for k, _ in y_values]:
            (x_words, x_values), (y_words, y_values) = masked(a, broad=True), masked(b, broad=True)
        if [k for k, _ in x_values] != [k for k, _ in y_values] or not x_values:
            return None
        if SequenceMatcher(None, x_words, y_words, autojunk=False).ratio() < COPY:
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
        if (len(xs) < 2 and len(ys) < 2) or same_person(x, y) or not _both_people(x, y, a, b):
            return True
        # One surname with two first names: another person unless one is the other's nickname ("Chris" Dodd).
        return xs[-1:] == ys[-1:] and not other_name(name_key(x), name_key(y), "PERSON")
    if kind == "number":
        xs = [n for n in a.numbers if n.text in x or x in n.text]
        ys = [n for n in b.numbers if n.text in y or y in n.text]
        if not xs and not ys:
            return True  # neither side reads as a quantity ("a dozen" / "another dozen"): nothing to compare
        if xs and ys and (converted := _in_one_unit(xs[0], ys[0])) is not None:
            return converted
        return bool(xs and ys and (xs[0].agrees(ys[0]) or _other_units(xs[0], ys[0], a, b)))
    if kind == "date":
        return _same_day(x, y, a, b)
    return False


_PEOPLE_LABELS = frozenset({"PERSON", "ORG"})  # the parser may call an unfamiliar person an organisation


def _both_people(x: str, y: str, a: SentenceInfo, b: SentenceInfo) -> bool:
    """Whether two names told in one place of a copied sentence may both be people: a place or a people against
    a person ("the former Southern California star" / "Bush finished ...") is one outlet's other wording."""
    labels = [{e.label_ for e in s.doc.ents if e.text == v} for v, s in ((x, a), (y, b))]
    return all(not found or found & _PEOPLE_LABELS for found in labels)


_CLOCK = re.compile(r"(\d{1,2})(?::\s*(\d\d))?\s*([ap])\.?\s*m\b", re.IGNORECASE)


def _clock(text: str) -> tuple[int, int] | None:
    """Hour (0-23) and minute of a time of day written with am or pm ("6 p.m.", "6:00 p.m.", "7:35 am")."""
    found = _CLOCK.search(text)
    if found is None:
        return None
    hour = int(found.group(1)) % 12 + (12 if found.group(3).lower() == "p" else 0)
    return hour, int(found.group(2) or 0)


def _other_units(x: NumberMention, y: NumberMention, a: SentenceInfo, b: SentenceInfo) -> bool:
    """Whether two figures are in two units, so their values do not compare: two currencies ("£88m" / "103
    million euros"), two measures ("24km" / "15 miles")."""
    if x.unit and y.unit and x.unit != y.unit:
        return True
    measures = [token.ent_type_ == "QUANTITY" for token in (_first_token(a, x), _first_token(b, y))]
    return all(measures) and x.counted != y.counted


@cache
def _units() -> dict[str, tuple[str, float]]:
    """Unit word -> (kind of measure, size in the kind's base unit), from `data/units.json`."""
    listed = json.loads(resources.files("manysides.compare").joinpath("data/units.json").read_text("utf-8"))
    return {unit: (kind, size) for kind, units in listed.items() if kind != "about" for unit, size in units.items()}


MEASURE_SLACK = 0.1  # how far two conversions of one figure may differ: both are rounded ("about 200ft" / "60m")


def _in_one_unit(x: NumberMention, y: NumberMention) -> bool | None:
    """For two figures measured in two units of one kind ("200ft" / "60m", "5 miles" / "8 km"), whether they are
    one measure once converted; None when they are not two such units."""
    units = _units()
    p, q = units.get((x.counted or "").lower()), units.get((y.counted or "").lower())
    if p is None or q is None or x.counted == y.counted or p[0] != q[0]:
        return None
    low, high = sorted((x.value * p[1], y.value * q[1]))
    return high - low <= MEASURE_SLACK * high


def _first_token(s: SentenceInfo, n: NumberMention) -> Token | None:
    span = s.doc.char_span(n.start, n.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _same_day(x: str, y: str, a: SentenceInfo, b: SentenceInfo) -> bool:
    """Dates told differently but the same: one time of day ("6 p.m." / "6:00 p.m."), one value with a word more
    ("Saturday" / "earlier Saturday"), or two words for one day ("yesterday" / "Thursday", each resolved on its
    own article's publication day)."""
    if _clock(x) is not None and _clock(x) == _clock(y):
        return True
    xs = {d.value for d in a.dates if d.text in x or x in d.text}
    ys = {d.value for d in b.dates if d.text in y or y in d.text}
    if (RELATIVE_DAYS.search(x) and not xs) or (RELATIVE_DAYS.search(y) and not ys):
        return True  # "yesterday" with no publication day to count from: any day the other gives may be it
    xw, yw = set(re.findall(r"\w+", x.lower())), set(re.findall(r"\w+", y.lower()))
    if xw <= yw or yw <= xw:
        return True
    return bool(xs) and xs == ys and "?" not in "".join(xs)


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
    ("date", _month_dates, "the outlets put the same event in different months", "fact"),
    ("date", _act_dates, "the outlets date one act by one named doer differently", "fact"),
    ("date", _statement_dates, "the outlets date one person's statement differently", "fact"),
    ("date", _year_dates, "the outlets give different years for the same happening", "near"),
    ("date", _year_spans, "the outlets give one person's years differently", "fact"),
    ("name", _names, "the outlets name different people in the same role", "fact"),
    ("name", _spellings, "the outlets give this name differently", "near"),
    ("name", _places, "the outlets put the same thing in different places", "fact"),
    ("attribution", _attribution, "the outlets credit the same quoted words to different people", "loose"),
    ("other", wording, "the outlets quote the same words with a word changed", "fact"),
    ("other", denied_wording, "the outlets quote the same words, one copy with a denial the other lacks", "fact"),
    ("other", direction, "the outlets tell one act between two parties the other way round", "fact"),
    ("negation", _negation, "one outlet affirms what another denies", "sure"),
    ("negation", _none_and_count, "one outlet says none of these had it done, another gives a count", "sure"),
    ("negation", _denied_act, "one outlet affirms an act on one thing another denies", "sure"),
    ("modality", stages, "the outlets tell one act on one thing at different stages", "loose"),
    ("modality", departures, "the outlets tell this person leaving a post in different ways", "loose"),
    ("name", roles, "the outlets give this person titles that cannot both be right", "any"),
    ("other", held_no_longer, "one outlet gives this person's title as held no longer, another as held now", "near"),
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


Edge = tuple[Node, Node, Match]


def _agreeing(
    component: list[Edge],
    check: Callable[[SentenceInfo, SentenceInfo], Match | None],
    scores: PairScores,
    bar: float,
    kept: list[bool],
) -> list[Edge]:
    """A third outlet's sentence on one side of a conflict: it states the same matter as a side's sentence (their
    pair scores `bar`, the check's own, at least the loose one) and the check reads it against the other side with
    the same two values. Its own pair with the other side may score low (it words the matter otherwise), yet
    leaving it out shows the outlet as silent, or on no side at all."""
    sides: dict[int, tuple[Node, str]] = {}  # position -> (node, its value)
    for x, y, (first, second, _) in component:
        sides.setdefault(x.position, (x, first.lower()))
        sides.setdefault(y.position, (y, second.lower()))
    sources = {scores.source(node) for node, _ in sides.values()}
    added: list[Edge] = []
    for node, value in list(sides.values()):
        for k in np.flatnonzero(scores.prob[node.position] >= bar).tolist():
            third = scores.nodes[k]
            if not kept[k] or scores.source(third) in sources:
                continue
            for other, against in sides.values():
                if against == value:
                    continue
                pair = check(third.sentence, other.sentence)
                if pair and pair[2] >= _MIN_SUPPORT and pair[0].lower() == value and pair[1].lower() == against:
                    added.append((third, other, pair))
                    sources.add(scores.source(third))
                    break
            if scores.source(third) in sources:
                break
    return added


def _components(edges: list[Edge]) -> list[list[Edge]]:
    """Edges joined when they read the same value in the same sentence: three outlets giving three dates for one
    happening are one conflict, while two disagreements that only share a sentence (its death toll with one outlet,
    its village count with another) are two, so each conflict's values are those of the pairs that fired."""
    parent: dict[tuple[int, str], tuple[int, str]] = {}

    def root(k: tuple[int, str]) -> tuple[int, str]:
        while parent.setdefault(k, k) != k:
            k = parent[k]
        return k

    for x, y, (first, second, _) in edges:
        parent[root((x.position, first.lower()))] = root((y.position, second.lower()))
    groups: dict[tuple[int, str], list[Edge]] = {}
    for edge in edges:
        groups.setdefault(root((edge[0].position, edge[2][0].lower())), []).append(edge)
    return [part for group in groups.values() for part in _one_value_each(group)]


def _one_value_each(group: list[Edge]) -> list[list[Edge]]:
    """The group split, strongest edge first, into parts where each outlet gives one value: when one outlet's two
    sentences give two values, a single row per outlet cannot show them both."""
    parts: list[tuple[list[Edge], dict[int, str]]] = []
    for edge in sorted(group, key=lambda e: -e[2][2]):
        x, y, (first, second, _) = edge
        wanted = {x.article: first.lower(), y.article: second.lower()}
        for members, values in parts:
            if all(values.get(article, value) == value for article, value in wanted.items()):
                members.append(edge)
                values.update(wanted)
                break
        else:
            parts.append(([edge], dict(wanted)))
    return [members for members, _ in parts]


def _carried(scores: PairScores) -> set[tuple[int, int]]:
    """(sentence, article) where the article also carries that very sentence, values included (a wire copy or a
    quote both give): that outlet agrees with it, so none of its other sentences is set against it. A sentence of a
    quotation counts even without values: a speaker's next sentence often repeats its words with one changed."""
    texts = {node.position: masked(node.sentence) for node in scores.nodes}
    result = set()
    for i, j in zip(*np.nonzero(np.triu(scores.prob > 0, 1)), strict=True):
        x, y = scores.nodes[int(i)], scores.nodes[int(j)]
        (x_words, x_values), (y_words, y_values) = texts[x.position], texts[y.position]
        told = bool(x_values) or bool(x.sentence.quotes and y.sentence.quotes)
        same_values = told and [v.lower() for _, v in x_values] == [v.lower() for _, v in y_values]
        if same_values and SequenceMatcher(None, x_words, y_words, autojunk=False).ratio() >= COPY:
            result |= {(x.position, y.article), (y.position, x.article)}
    return result


_ANY = 1e-6  # a title is the person's, whatever else the two sentences say: any two outlets' sentences


# What a sentence must hold for a check that reads every pair to be worth asking (a titled person).
_NEEDS: dict[Callable[[SentenceInfo, SentenceInfo], Match | None], Callable[[SentenceInfo], bool]] = {
    roles: lambda s: bool(titles(s)),
    held_no_longer: lambda s: bool(titles(s)),
}


def find_conflicts(
    scores: PairScores, article_ids: list[str], bars: dict[Bar, float], people: Sequence[People | None] = ()
) -> list[Found]:
    """Each conflict between two outlets' sentences that state the same matter, whose values differ. The pair must
    score the fact bar; `loose` for checks that carry their own evidence of one matter (the same counted thing, the
    same quoted words), `sure` for checks that need more than one fact (a bare amount, negation, modality).
    `people[a]` are the people article a names, when known (a family shares a surname). Inside `reading` (the
    caller reads the same story on), the story's state is kept, not read again."""
    if CARRIED.get() is not None:
        return _find_conflicts(scores, article_ids, bars)
    with reading(scores, people):
        return _find_conflicts(scores, article_ids, bars)


@contextmanager
def reading(scores: PairScores, people: Sequence[People | None] = ()) -> Iterator[None]:
    """The story's masked sentences, carried days and each sentence's article's people, kept while its pairs are
    checked (the checks read them)."""
    token, carried, acts = MASKS.set({}), CARRIED.set(carried_days(scores.nodes)), ACTS.set({})
    things, reads = THINGS.set({}), READS.set({})
    named = PEOPLE.set({id(n.sentence): people[n.article] for n in scores.nodes if n.article < len(people)})
    try:
        yield
    finally:
        MASKS.reset(token)
        CARRIED.reset(carried)
        ACTS.reset(acts)
        THINGS.reset(things)
        READS.reset(reads)
        PEOPLE.reset(named)


def _find_conflicts(scores: PairScores, article_ids: list[str], bars: dict[Bar, float]) -> list[Found]:
    found: list[Found] = []
    seen: set[tuple[str, int, int]] = set()  # a pair already in a conflict of this kind (several checks per kind)
    carried = _carried(scores)
    stated = np.array([not (node.sentence.parsed and page_time(node.sentence)) for node in scores.nodes], dtype=bool)
    above: dict[float, list[tuple[int, int]]] = {}  # the pairs scoring each bar, found once for all its checks
    for kind, check, explanation, level in _CHECKS + _ACROSS:
        bar = _ANY if level == "any" else bars[level]
        edges = []
        needs = _NEEDS.get(check)
        keep = stated & np.array([needs(node.sentence) for node in scores.nodes], dtype=bool) if needs else stated
        kept = keep.tolist()
        if bar not in above:
            rows, cols = np.nonzero(np.triu(scores.prob >= bar, 1))
            above[bar] = list(zip(rows.tolist(), cols.tolist(), strict=True))
        for i, j in above[bar]:
            if kept[i] and kept[j]:
                x, y = scores.nodes[i], scores.nodes[j]
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
            component = component + _agreeing(component, check, scores, max(bar, bars["loose"]), kept)
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
