"""Number conflicts: one count of one thing, or one amount of money, given with different values (rounding and
approximate figures agree: `NumberMention.agrees`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from manysides.compare.conflict_state import LIGHT, per_sentence, same_action
from manysides.compare.date_conflicts import YEAR
from manysides.compare.values import Match, status_words
from manysides.understand import SentenceInfo
from manysides.understand.entities import PLACE_LABELS, same_person
from manysides.understand.numbers import NumberMention

if TYPE_CHECKING:
    from spacy.tokens import Token


_PERIOD_WORDS = frozenset({"year", "years", "month", "months", "week", "weeks", "decade", "decades", "quarter"})
_PERIOD_FILLER = frozenset({"the", "a", "an", "of", "over", "in", "on", "from", "through", "to", "between", "and"})


@per_sentence
def _periods(s: SentenceInfo) -> frozenset[str]:
    """The words of the periods a sentence's figures are for: its date phrases that give a year or span a year,
    month, week or decade ("last year", "from 2007 through 2014", "those three decades"), fillers left out."""
    words: set[str] = set()
    for e in s.doc.ents:
        if e.label_ == "DATE" and any(YEAR.fullmatch(t.text) or t.lower_ in _PERIOD_WORDS for t in e):
            words |= {t.lower_ for t in e if not t.is_punct and t.lower_ not in _PERIOD_FILLER}
    return frozenset(words)


def _other_periods(a: SentenceInfo, b: SentenceInfo) -> bool:
    """Two sentences that give their figures for periods told differently ("last year" / "from 2007 through
    2014"): a rate or a total of one period is not the other's, whoever pays it. A period only one gives says
    nothing."""
    x, y = _periods(a), _periods(b)
    return bool(x) and bool(y) and x != y


_NOT_MONEY = frozenset({"percent", "compound"})  # units that are no currency: a share, "41-jährige"


def _money(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """Each sentence gives one amount of money, and they differ: asked only of pairs the model is sure state the
    same thing with the values masked out ("costing $1 million" / "reserved $500,000 of airtime")."""
    if _other_periods(a, b):
        return None
    money = [[n for n in s.numbers if n.unit and n.unit not in _NOT_MONEY] for s in (a, b)]
    if len(money[0]) == len(money[1]) == 1 and money[0][0].unit == money[1][0].unit:
        x, y = money[0][0], money[1][0]
        if x.counted != y.counted:
            return None  # the price of one thing ("a $43,000 Rolex") is not the amount the other gives in all
        if not x.agrees(y):
            return x.text, y.text, 1.0
    return None


def _money_by_act(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """Each sentence gives one amount of money, moved by one act told by the same or a kindred verb, and the
    amounts differ ("will divert $3.6 billion" / "diverts $3.5 billion", "redirects $3.5 billion"): the act is the
    evidence of one amount that `_money` asks of the pair model alone (two verbs far apart, "costing" / "reserved",
    may move two amounts)."""
    money = [[n for n in s.numbers if n.unit and n.unit not in _NOT_MONEY] for s in (a, b)]
    if len(money[0]) != 1 or len(money[1]) != 1 or _other_periods(a, b):
        return None
    x, y = money[0][0], money[1][0]
    if x.unit != y.unit or x.counted != y.counted or not x.verb or x.verb in LIGHT or not same_action(x.verb, y.verb):
        return None
    return None if x.agrees(y) else (x.text, y.text, 1.0)


_NEAR_DIGITS = 4  # a figure must have this many digits for one changed digit to mean a figure told differently


def _near_figures(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """Two figures of one unit that differ in a single digit ("$5,587.75" / "$5,687.75"): one figure misread or
    mistyped by one outlet, since two different amounts rarely share all their other digits. Years are dates, and
    two counts of named things count one thing only when they name the same ("15,000 documents" / "55,000 pages")."""
    for x in a.numbers:
        for y in b.numbers:
            dx, dy = re.sub(r"\D", "", x.text), re.sub(r"\D", "", y.text)
            if x.unit != y.unit or len(dx) != len(dy) or len(dx) < _NEAR_DIGITS or YEAR.fullmatch(dx):
                continue
            if x.counted and y.counted and x.counted != y.counted:
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
        return same_action(x.verb, y.verb)
    return x.unit is None and (_act_counted(x, y) or _act_counted(y, x))


def _act_counted(x: NumberMention, y: NumberMention) -> bool:
    return bool(x.counted) and x.counted == y.verb and (x.verb is None or x.verb in LIGHT)


def _numbers(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """The same count of the same thing by the same action, for the same period, with different values."""
    if _other_periods(a, b):
        return None
    xs = [x for x, several in _counts(a) if not several or _listed(a, x, b)]
    ys = [y for y, several in _counts(b) if not several or _listed(b, y, a)]
    for x in xs:
        for y in ys:
            size = _one_size(a, x, b, y)
            same_count = (size or _one_count(x, y)) and _one_measured(a, x, b, y) and _one_share(a, x, b, y)
            # the size of the one thing both name ("the 35-word oath"), whoever acts on it and wherever; "a 10-year
            # sentence" and "a 15-year sentence" may be two people's
            size = size and _definite(a, x) and _definite(b, y)
            # A whole a part is taken from is set only against another whole ("two of the three lanes").
            same_count = same_count and _whole(a, x) == _whole(b, y)
            # A total of several is set only against another total ("a total of 14 rifles" / "six rifles were
            # seized from the boats": maybe one part of the fourteen).
            same_count = same_count and _total(a, x) == _total(b, y)
            if same_count and x.counted != y.counted and not _acts_object(a, x, b, y):
                continue
            # A figure given without a noun counts the noun before it ("32 million viewers, against 55 million a
            # decade ago"): the other sentence's figure is then one the first gives too.
            given_by_both = any(x.agrees(z) for z in b.numbers if z.counted in (x.counted, None)) or any(
                _gives(z, y) for z in a.numbers if z.counted in (y.counted, None)
            )
            if same_count and not given_by_both and not x.agrees(y) and not _complementary(x, y):
                if not size and (_other_doers(a, x, b, y) or _other_places(a, b)):
                    continue
                if size:
                    return f"{x.text}-{_sized(a, x)}", f"{y.text}-{_sized(b, y)}", 1.0
                return f"{x.text} {x.counted}", f"{y.text} {y.counted}", 1.0
    return None


_DASHES = frozenset({"-", "\u2013", "\u2014"})


def _sized(s: SentenceInfo, n: NumberMention) -> str | None:
    """What a hyphenated measure gives the size of: "the 35-word oath" -> "word oath", whatever the verb."""
    token = _token(s, n)
    if token is None or token.dep_ != "nummod" or token.i + 2 >= len(token.doc):
        return None
    unit, thing = token.doc[token.i + 2], token.head.head
    if token.head != unit or token.doc[token.i + 1].text not in _DASHES or unit.dep_ not in {"compound", "amod"}:
        return None
    return f"{unit.lemma_.lower()} {thing.lemma_.lower()}" if thing.pos_ == "NOUN" and unit.head == thing else None


def _definite(s: SentenceInfo, n: NumberMention) -> bool:
    """Whether a hyphenated measure's noun is one thing named with "the" ("the 35-word oath")."""
    token = _token(s, n)
    thing = token.head.head if token is not None else None
    return thing is not None and any(c.dep_ == "det" and c.lower_ == "the" for c in thing.children)


def _one_size(a: SentenceInfo, x: NumberMention, b: SentenceInfo, y: NumberMention) -> bool:
    """Two hyphenated measures of one thing ("the 35-word oath" / "the 38-word oath"): one size told twice."""
    size = _sized(a, x)
    return size is not None and size == _sized(b, y)


def _not_a_count(s: SentenceInfo, n: NumberMention) -> bool:
    """Whether a figure is no count of its own: one side of a score or a range ("won 31-24", "a 20-13 lead",
    "10-15 people")."""
    token = _token(s, n)
    if token is None:
        return False
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text in _DASHES and doc[token.i - 2].like_num:
        return True
    last = doc.char_span(n.start, n.end, alignment_mode="expand")
    after = last.end if last is not None else token.i + 1
    return after + 1 < len(doc) and doc[after].text in _DASHES and doc[after + 1].like_num


def _one_of_several(s: SentenceInfo, n: NumberMention) -> bool:
    """Whether a figure's counted thing and act do not tell which count it is, or it is a part of one: its sentence
    gives another figure of the same thing by the same act ("seized seven assault rifles, two other rifles"
    against "nine rifles"; "rushed for 226 yards, and Hill rushed for 101 yards"), or the figure adds to an
    earlier one ("married two more times")."""
    if n.counted is None:
        return False
    others = [m for m in s.numbers if m.start != n.start and m.counted == n.counted and m.unit == n.unit]
    if any(same_action(m.verb, n.verb) and m.value != n.value and not _range(s, m, n) for m in others):
        return True
    span = s.doc.char_span(n.start, n.end, alignment_mode="expand")
    if span is None or not len(span) or span[0].idx != n.start:
        return False
    return span.end < len(s.doc) and s.doc[span.end].lower_ in status_words("increments")


@per_sentence
def _counts(s: SentenceInfo) -> list[tuple[NumberMention, bool]]:
    """The sentence's figures that count something (no label, no side of a score or range), each with whether it
    is one of several (`_one_of_several`): read once a story, whatever sentence it is set against."""
    return [(n, _one_of_several(s, n)) for n in s.numbers if not _label(s, n) and not _not_a_count(s, n)]


def _listed(s: SentenceInfo, n: NumberMention, other: SentenceInfo) -> bool:
    """Whether a figure that is one of several can still be set against the other sentence's: the other sentence
    gives the same list (another figure of the thing with a value in common: part against part)."""
    mine = {m.value for m in s.numbers if m.counted == n.counted and m.start != n.start}
    theirs = [m for m in other.numbers if m.counted == n.counted]
    return len(theirs) >= 2 and any(m.value in mine for m in theirs)


_RANGE_WORDS = _DASHES | {"to", "and", "or"}


def _range(s: SentenceInfo, m: NumberMention, n: NumberMention) -> bool:
    """Whether two figures are the ends of one range ("35 to 40 firefighters", "between 50 and 70 percent"), or
    one figure a tokenised text split at its thousands separator ("26, 000 people")."""
    first, second = sorted((m, n), key=lambda k: k.start)
    gap = s.text[first.end : second.start].strip()
    return gap in _RANGE_WORDS or (gap == "," and len(second.text) == 3 and second.text.isdigit())


def _whole(s: SentenceInfo, n: NumberMention) -> bool:
    """Whether a figure is the whole a part is taken from ("two of the three victims died": two died, of three)."""
    token = _token(s, n)
    if token is None or token.i < 2:
        return False
    doc = token.doc
    of = token.i - 1 if doc[token.i - 1].lower_ == "of" else token.i - 2
    return of >= 1 and doc[of].lower_ == "of" and doc[of - 1].like_num


def _total(s: SentenceInfo, n: NumberMention) -> bool:
    """Whether a figure is told as the total of several ("a total of 14 rifles", "14 rifles altogether", "a
    combined 30 points"): the words just before it, or just after the noun it counts; in a list, the marker on
    its first figure covers the rest ("a total of 14 rifles, 31 magazines and 923 rounds")."""
    token = _token(s, n)
    if token is None:
        return False
    noun = token.head if token.dep_ == "nummod" else token
    while noun.dep_ == "conj" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head
    figure = next((c for c in noun.children if c.dep_ == "nummod"), token)
    doc, totals = token.doc, status_words("totals")
    near = [*doc[max(0, figure.i - 3) : figure.i], *doc[noun.i + 1 : noun.i + 3]]
    return any(t.lower_ in totals for t in near)


def _measured(s: SentenceInfo, n: NumberMention) -> str | None:
    """The thing a figure measures when figure and unit are joined into a modifier ("an 86-yard run" -> run, "a
    three-point play" -> play, "a four-by-four car" -> car): a run 86 yards long, not 86 yards gained."""
    token = _token(s, n)
    if token is None or token.i + 2 >= len(token.doc) or token.doc[token.i + 1].text not in _DASHES:
        return None
    unit = token.doc[token.i + 2]
    head = unit.head
    return head.lemma_.lower() if head.i > unit.i and head.pos_ in {"NOUN", "PROPN"} else None


def _one_measured(a: SentenceInfo, x: NumberMention, b: SentenceInfo, y: NumberMention) -> bool:
    """Whether two figures are one kind of quantity: both of the thing they are counted in ("226 yards"), or both
    measures of one kind of thing ("an 86-yard run" / "an 84-yard scamper"), not one of each ("a 200-yard game" /
    "2 yards")."""
    p, q = _measured(a, x), _measured(b, y)
    if p is None or q is None:
        return p is None and q is None
    return same_action(p, q)


def _share_of(s: SentenceInfo, n: NumberMention) -> str | None:
    """What a share is of ("62 percent of respondents" -> respondent)."""
    token = _token(s, n)
    if token is None or n.unit != "percent":
        return None
    percent = next((t for t in token.doc[token.i + 1 : token.i + 3] if t.lemma_.lower() in {"percent", "%"}), None)
    of = [c for c in percent.children if c.dep_ == "prep" and c.lower_ == "of"] if percent is not None else []
    whole = next((g for c in of for g in c.children if g.dep_ == "pobj"), None)
    return whole.lemma_.lower() if whole is not None else None


def _one_share(a: SentenceInfo, x: NumberMention, b: SentenceInfo, y: NumberMention) -> bool:
    """Whether two shares may be of one whole: not when both say of what, and they say two different things
    ("62 percent of respondents" / "83 percent of Greeks" are two polls)."""
    p, q = _share_of(a, x), _share_of(b, y)
    return p is None or q is None or p == q


def _acts_object(a: SentenceInfo, x: NumberMention, b: SentenceInfo, y: NumberMention) -> bool:
    """For a count of an act told as a noun against the act's verb ("made 520,000 arrests" / "arrested 400,000
    migrants"): whether the verb's figure counts its object, what each act is done to. "Catching 52 passes for
    440 yards and four scores" counts the scores by catching, but they are not what was caught."""
    token = _token(b, y) if x.counted == y.verb else _token(a, x)
    noun = token.head if token is not None else None
    return noun is not None and noun.dep_ in {"dobj", "nsubjpass"}


def _token(s: SentenceInfo, n: NumberMention) -> Token | None:
    """The token the figure starts at (looked up by offset: asked for every figure of every candidate pair)."""
    span = s.doc.char_span(n.start, n.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].idx == n.start else None


def _label(s: SentenceInfo, n: NumberMention) -> bool:
    """Whether a figure names its noun rather than counts it: it comes after the noun it hangs on ("Internet
    Explorer 7", "Flight 370", "Amendment 64"); a count comes before ("seven browsers")."""
    token = _token(s, n)
    return token is not None and token.head.i < token.i and token.head.lemma_.lower() == n.counted


_DOERS = frozenset({"PERSON", "ORG"})


def _doer(s: SentenceInfo, n: NumberMention) -> str | None:
    """The named subject of the verb a figure hangs on ("Ana Reyes scored 23 points" -> Ana Reyes), the noun a
    relative clause's "who" stands for ("Ana Reyes, who scored 23 points"), or the owner of the counted thing
    ("Reyes' 23 points")."""
    token = _token(s, n)
    if token is None:
        return None
    owner = next((c for c in token.head.children if c.dep_ == "poss"), None) if token.dep_ == "nummod" else None
    if owner is not None and (named := _named(s, owner)):
        return named
    verb = next((t for t in token.ancestors if t.pos_ == "VERB"), None)
    while verb is not None:
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        for child in subjects:
            if child.tag_ == "WP" and verb.dep_ == "relcl":
                child = verb.head  # "Ana Reyes, who scored 23 points"
            if named := _named(s, child):
                return named
        if subjects or verb.dep_ not in _SUBJECT_SHARED:
            return None
        # "Reyes fouled out and missed four games", "finished after completing 17 passes": the subject of the verb
        # this one is joined to or hangs on
        verb = next((t for t in verb.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    return None


_SUBJECT_SHARED = frozenset({"conj", "advcl", "pcomp", "xcomp"})  # a verb with no subject of its own takes its head's


def _named(s: SentenceInfo, token: Token) -> str | None:
    """The person or organisation name a token is part of; a proper noun the small parser found no entity in
    ("Manning completed 17 passes") with its compound words; a personal pronoun as itself ("He caught five
    passes"), so that it is known to be someone the sentence does not name."""
    ent = next((e for e in s.doc.ents if e.start <= token.i < e.end), None)  # entities never overlap
    if ent is not None:
        return ent.text if ent.label_ in _DOERS else None
    if token.pos_ == "PROPN" or _bare_initial_subject(token):
        return " ".join(t.text for t in token.subtree if t.dep_ == "compound" or t is token)
    return token.lower_ if token.tag_ == "PRP" else None


def _bare_initial_subject(token: Token) -> bool:
    """A capitalised first word with no determiner, directly followed by the verb it is the subject of: a surname
    the small parser tags as a common noun or a gerund ("Hansbrough finished with 20 points", "Manning threw")."""
    return (
        token.i == 0
        and token.is_title
        and token.tag_ in {"NN", "VBG"}
        and token.dep_ in {"nsubj", "nsubjpass"}
        and token.head.i == 1
        and not any(c.dep_ in {"det", "poss", "amod", "nummod"} for c in token.children)
    )


def _other_doers(a: SentenceInfo, x: NumberMention, b: SentenceInfo, y: NumberMention) -> bool:
    """Two figures done by two doers count two things ("Ana Reyes scored 11 points" / "Lia Moss scored 23
    points"), unless either sentence names the other's doer too. A pronoun is set against the same pronoun only:
    "He caught five passes" is not Wayne's five catches."""
    p, q = _doer(a, x), _doer(b, y)
    if not p or not q:
        return False
    if p.islower() or q.islower():
        return p != q
    if same_person(p, q):
        return False
    # A count owned by a name ("despite Charles' 226 yards") is that name's, whoever else the sentence names
    # ("Chiefs lose ... despite Charles' 226 yards" against "The Chiefs rushed for 350 yards").
    return _owned(a, x) or _owned(b, y) or (p not in b.text and q not in a.text)


def _owned(s: SentenceInfo, n: NumberMention) -> bool:
    """Whether a figure's counted thing has a named owner ("Reyes' 23 points")."""
    token = _token(s, n)
    if token is None or token.dep_ != "nummod":
        return False
    return any(c.dep_ == "poss" and _named(s, c) for c in token.head.children)


def _other_places(a: SentenceInfo, b: SentenceInfo) -> bool:
    """Two sentences that each name a place and neither names the other's ("killed five people at a mall in Salt
    Lake City" / "shot three people at an office building in Detroit") count at two places: two events."""
    p, q = ({e.text for e in s.doc.ents if e.label_ in PLACE_LABELS} for s in (a, b))
    return bool(p and q and not p & q and not any(x in b.text for x in p) and not any(y in a.text for y in q))


def _complementary(x: NumberMention, y: NumberMention) -> bool:
    """Two ratios that make up the whole: one split told from its two sides ("a two-in-three chance that we win" /
    "a one-in-three chance we could lose"), not two tellings of one share. Percentages are left out: "49 percent
    to 44" against "49 percent to 57" sum near 100 by chance."""
    return x.unit == y.unit == "ratio" and abs(x.value + y.value - 1.0) < 1e-9


_NONE = frozenset({"no", "none"})


def _zero_counts(s: SentenceInfo) -> list[tuple[str, str | None, str]]:
    """(counted noun, verb, words shown) of each count a sentence gives as none, outside quotation marks: "no
    passengers were hurt" -> (passenger, hurt, "no passengers"), "none of the crew was hurt" -> (crew, hurt, "none
    of the crew"). Not under a denied verb ("no passengers were not searched" says nothing of how many were)."""
    found = []
    for token in s.doc:
        if token.lower_ not in _NONE or any(a <= token.idx < b for a, b in s.quotes):
            continue
        if token.lower_ == "none":
            of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
            noun = next((g for c in of for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
            anchor = token
        else:
            noun = token.head if token.dep_ == "det" and token.head.pos_ == "NOUN" else None
            anchor = noun
        if noun is None or anchor is None:
            continue
        verb = next((t for t in anchor.ancestors if t.pos_ == "VERB"), None)
        if verb is not None and any(c.dep_ == "neg" for c in verb.children):
            continue
        first, last = min(token.i, noun.i), max(token.i, noun.i)
        found.append(
            (noun.lemma_.lower(), verb.lemma_.lower() if verb is not None else None, s.doc[first : last + 1].text)
        )
    return found


def _none_and_count(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One outlet says none of a counted thing had something done ("none of the passengers was hurt"), the other
    gives a count of it by the same action ("two passengers were injured"): one affirms what the other denies."""
    for zero, other, first in ((a, b, True), (b, a, False)):
        for noun, verb, shown in _zero_counts(zero):
            for y in other.numbers:
                if y.counted != noun or y.unit or y.value <= 0 or verb in LIGHT or not same_action(verb, y.verb):
                    continue  # an empty action ("had no touchdowns") may count something else
                if _denied(other, y):
                    continue
                counted = _count_words(other, y)
                return (shown, counted, 1.0) if first else (counted, shown, 1.0)
    return None


def _denied(s: SentenceInfo, n: NumberMention) -> bool:
    """Whether the verb a figure hangs on is denied ("two passengers were not hurt")."""
    token = next((t for t in s.doc if t.idx == n.start), None)
    verb = next((t for t in token.ancestors if t.pos_ == "VERB"), None) if token is not None else None
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def _count_words(s: SentenceInfo, n: NumberMention) -> str:
    """A count with its counted noun as the sentence words them ("two passengers"), else the figure and the noun's
    lemma."""
    noun = next((t for t in s.doc if t.idx >= n.end and t.lemma_.lower() == n.counted), None)
    if noun is not None and len(s.text[n.end : noun.idx].split()) <= _COUNT_GAP:
        return s.text[n.start : noun.idx + len(noun.text)]
    return f"{n.text} {n.counted}"


_COUNT_GAP = 3  # words between a figure and its counted noun for both to be shown as one phrase
