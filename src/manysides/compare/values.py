"""Values that are not figures: how far an act on one thing has gone (its stage), and the title a person holds.

Like a figure, these are read from each sentence apart from the rest of its words, so two outlets' sentences that
align once they are masked out can be set side by side: "is considering an executive order" / "was preparing an
executive order" (one order, two stages), "would abandon a deal to expand" / "put on hold plans to expand", "CEO
Dan Kell" / "president Dan Kell". Only stages a stage word names are compared: an act told as expected in one
outlet and done in another was tried too, and on coverage it had not been fitted on it was mostly two different
acts on one topic's thing (or time passing). The word lists are in `data/status_words.json` (hand-listed
general English).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from manysides.compare.conflict_state import per_sentence
from manysides.understand import SentenceInfo
from manysides.understand.entities import same_person
from manysides.understand.names import name_key

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# (value in the first sentence, value in the second, how surely both name one happening: 1.0 is sure)
Match = tuple[str, str, float]
_THING_DEPS = frozenset({"dobj", "nsubjpass"})
_MIN_THING = 4  # letters a noun needs for "suit" to be the end of "lawsuit"


@cache
def _words() -> dict:
    return json.loads(resources.files("manysides.compare").joinpath("data/status_words.json").read_text("utf-8"))


@cache
def status_words(name: str) -> frozenset[str]:
    """One hand list of `data/status_words.json` (its 'about' says what each holds)."""
    return frozenset(_words()[name])


@cache
def _stage_of_lemma() -> dict[str, str]:
    return {lemma: stage for stage, lemmas in _words()["stages"].items() for lemma in lemmas}


@dataclass(frozen=True)
class Act:
    """An act on a thing as one sentence tells it: its verb, how far it has gone, the things it is done to (the
    object's lemma, and what the object is for: "plans to expand" -> {plan, expand}) and the words shown."""

    verb: str
    stage: str
    things: frozenset[str]
    text: str
    main: bool  # the sentence's own news, not a clause describing someone or something
    actor: str | None  # who does it: a name, "~" and a common noun's lemma, or None (a pronoun, no subject)


def _quoted(s: SentenceInfo, token: Token) -> bool:
    return any(a <= token.idx < b for a, b in s.quotes)


def _stage(verb: Token) -> str | None:
    """How far the verb's act has gone, when a stage word says it ("considering", "put on hold")."""
    lemma = verb.lemma_.lower()
    if lemma in _stage_of_lemma():
        return _stage_of_lemma()[lemma]
    return "halted" if _on_hold(verb) else None


def _on_hold(verb: Token) -> bool:
    """ "put (plans) on hold", however the parser hangs "hold"."""
    return verb.lemma_.lower() in {"put", "place"} and any(
        t.lemma_.lower() == "hold" for c in verb.children if c.dep_ == "prep" for t in c.subtree
    )


def _objects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in _THING_DEPS]
    if _on_hold(verb):  # "put on hold plans to expand": the parser makes the plans the object of "on"
        found += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return found


def _purpose(token: Token) -> set[str]:
    """The verb and object of a clause a word is for ("plans to expand its headquarters" -> {expand, headquarters})."""
    found = set()
    for clause in (c for c in token.children if c.dep_ in {"acl", "relcl", "advcl"} and c.pos_ == "VERB"):
        found.add(clause.lemma_.lower())
        found |= {g.lemma_.lower() for g in clause.children if g.dep_ == "dobj" and g.pos_ == "NOUN"}
    return found


def _reported(verb: Token) -> bool:
    """Whether the verb tells the sentence's own news: the root, or a clause the root reports or goes on to
    ("said it would sign", "vowed to sign and signed"), not a clause that describes a person or thing ("a florist
    who denied service")."""
    token = verb
    while token.dep_ != "ROOT":
        if token.dep_ not in {"ccomp", "xcomp", "conj"}:
            return False
        token = token.head
    return True


_DOERS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _actor(verb: Token) -> str | None:
    """Who does an act: the subject of its verb or of the verbs it hangs on, as a name ("Brenner") or, when it is
    a common noun, as "~" and its lemma ("~council"); None for a pronoun or no subject."""
    for token in (verb, *verb.ancestors):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            names = [e.text for e in subject.doc.ents if e.label_ in _DOERS and e.root == subject]
            if names:
                return names[0]
            return f"~{subject.lemma_.lower()}" if subject.pos_ == "NOUN" else None
        if token.dep_ not in {"xcomp", "conj"}:
            return None
    return None


def _other_doers(x: str | None, y: str | None) -> bool:
    """Two doers told apart: two names of different people, or two different common nouns ("council" /
    "lawmakers"); a name against a noun may be one doer ("Brenner" / "the governor")."""
    if not x or not y or x.startswith("~") != y.startswith("~"):
        return False
    return x != y if x.startswith("~") else not same_person(x, y)


def _things(verb: Token) -> set[str]:
    """What the act is done to: its object's lemma, and the verb and object of a clause the object is for."""
    found = set()
    generic = set(_words()["generic"])
    for obj in (c for c in _objects(verb) if c.pos_ == "NOUN"):
        found.add(obj.lemma_.lower())
        found |= _purpose(obj)
    if found:
        found |= _purpose(verb)  # "abandon a deal with the city to expand": the clause may hang on the verb
    return found - generic


@per_sentence
def acts(s: SentenceInfo) -> list[Act]:
    """The acts of a sentence outside quotation marks, with their stage and things; denied acts are left to the
    negation check."""
    result = []
    for verb in s.doc:
        if verb.pos_ != "VERB" or _quoted(s, verb) or any(c.dep_ == "neg" for c in verb.children):
            continue
        stage = _stage(verb)
        things = _things(verb) if stage else set()
        if stage and things:
            objects = _objects(verb)
            last = max([verb.i, *[o.i for o in objects]])
            first = min([verb.i, *[o.left_edge.i for o in objects]])
            text = s.doc[first : last + 1].text if last - first < 8 else verb.text
            result.append(Act(verb.lemma_.lower(), stage, frozenset(things), text, _reported(verb), _actor(verb)))
    return result


def _same_thing(x: frozenset[str], y: frozenset[str]) -> bool:
    if x & y:
        return True
    return any(len(a) >= _MIN_THING and len(b) >= _MIN_THING and (a.endswith(b) or b.endswith(a)) for a in x for b in y)


def _paired_acts(a: SentenceInfo, b: SentenceInfo) -> list[tuple[Act, Act]]:
    """Acts of the two sentences' own news on one thing, at two stages, by doers not named as two different ones."""
    found = []
    for x in acts(a):
        for y in acts(b):
            if x.stage == y.stage or not x.main or not y.main or not _same_thing(x.things, y.things):
                continue
            if _other_doers(x.actor, y.actor):
                continue  # "the legislature will consider the bill" / "the governor's aides drafted the bill"
            found.append((x, y))
    return found


def stages(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One thing at two stages, both told by stage words: "considering" / "preparing" an order, "put on hold" /
    "abandon" plans."""
    pairs = _paired_acts(a, b)
    return (pairs[0][0].text, pairs[0][1].text, 1.0) if pairs else None


@cache
def _departure_of_lemma() -> dict[str, str]:
    return {lemma: way for way, lemmas in _words()["departures"].items() for lemma in lemmas}


_LEAVERS = {"resigned": ("nsubj",), "retired": ("nsubj",), "dismissed": ("dobj", "nsubjpass")}


@per_sentence
def _departures(s: SentenceInfo) -> dict[str, tuple[str, str, str]]:
    """Name key -> (name, way, words shown) of the people a sentence tells leaving a post, outside quotation marks
    and as its own news: "Tom Averill resigned" -> resigned, "Averill is retiring" -> retired, "the board fired
    Averill" -> dismissed. Not a denied leaving, nor one that is only pressed for, threatened or expected ("forced
    to resign")."""
    found: dict[str, tuple[str, str, str]] = {}
    unsettled = set(_words()["unsettled"])
    for verb in s.doc:
        way = _departure_of_lemma().get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
        if way is None or _quoted(s, verb) or any(c.dep_ == "neg" for c in verb.children) or not _reported(verb):
            continue
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in unsettled:
            continue
        for person in (c for c in verb.children if c.dep_ in _LEAVERS[way]):
            names = [e.text for e in s.doc.ents if e.label_ == "PERSON" and e.root == person and name_key(e.text)]
            if names:
                first = min([verb.i, *[c.i for c in verb.children if c.dep_ in {"aux", "auxpass"}]])
                told = s.doc[first : verb.i + 1].text
                shown = f"{told} {names[0]}" if person.dep_ == "dobj" else f"{names[0]} {told}"
                found[name_key(names[0])] = (names[0], way, shown)
    return found


def departures(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One person leaving a post in two different ways: "resigned in protest" / "is retiring", "resigned" / "was
    fired"."""
    x, y = _departures(a), _departures(b)
    for name, way, shown in x.values():
        for other_name, other_way, other_shown in y.values():
            if way != other_way and same_person(name, other_name):
                return shown, other_shown, 1.0
    return None


@cache
def _role_of_word() -> dict[str, str]:
    return {word: role for role, words in _words()["roles"].items() for word in words}


@dataclass(frozen=True)
class Title:
    """A title given to a person: its family ("executive" for "CEO"), whether it is no longer held, its words."""

    role: str
    former: bool
    text: str
    told: str = ""  # the title as the sentence sets it beside the name, when it says what the person is now
    body: tuple[str, ...] = ()  # the capitalised words of the body the title is held in ("Harbour", "Freight")


def _title(token: Token) -> Title | None:
    roles = _role_of_word()
    word = token.lower_
    # "chief executive", "executive director": a modifier that makes the title another one
    rank = next((c.text for c in token.children if f"{c.lower_} {word}" in roles and c.i == token.i - 1), "")
    role = roles.get(f"{rank.lower()} {word}") if rank else None
    role = role or roles.get(word) or roles.get(token.lemma_.lower())
    if role is None:
        return None
    formers = set(_words()["former"])
    former = any(c.lower_ in formers for c in token.children)
    return Title(role, former, ("former " if former else "") + (f"{rank} " if rank else "") + token.text)


_SEEN: dict[int, tuple[SentenceInfo, dict[str, tuple[str, list[Title]]]]] = {}
_SEEN_MAX = 20000


def titles(s: SentenceInfo) -> dict[str, tuple[str, list[Title]]]:
    """`_titles`, kept per sentence: the check reads every two sentences of a story (the sentence is held with its
    entry, so its id is not reused while the entry lives)."""
    if id(s) not in _SEEN:
        if len(_SEEN) >= _SEEN_MAX:
            _SEEN.clear()
        _SEEN[id(s)] = (s, _titles(s))
    return _SEEN[id(s)][1]


def _titles(s: SentenceInfo) -> dict[str, tuple[str, list[Title]]]:
    """Name key -> (name, titles) of the people a sentence gives a title, outside quotation marks: "CEO Dan Kell",
    "Dan Kell, the company's president", "the president, Dan T. Kell", "former executive Ann Moe". A name the
    parser calls an organisation counts when a person's title is set beside it ("Kell, the chief executive of
    Kell Foods,"): an organisation is not a chief executive."""
    found: dict[str, tuple[str, list[Title]]] = {}
    for ent in s.doc.ents:
        if ent.label_ not in {"PERSON", "ORG"} or not name_key(ent.text):
            continue
        if any(a <= ent.start_char < b for a, b in s.quotes):
            continue
        root = ent.root
        near = [c for c in root.children if c.dep_ == "appos" or (c.dep_ in {"compound", "amod"} and c.i < ent.start)]
        near += [t for t in ent if t.lower_ in _role_of_word() and t.i < root.i]
        if root.dep_ == "appos":
            near.append(root.head)
        held = [_beside(t, token, root, ent) for token in near if (t := _title(token))]
        if ent.label_ != "PERSON":
            held = [t for t in held if t.told]
        if held:
            found[name_key(ent.text)] = (ent.text, held)
    return found


_TOLD_MAX = 8  # words of an appositive shown as the title told ("the chief executive of Harbour Freight")


def _beside(title: Title, token: Token, root: Token, name: Span) -> Title:
    """The title with the body it is held in, and with its appositive's words when it is set beside the name as
    what the person is ("Ann Moe, the chief executive of Harbour Freight," / "the president, Dan Kell"): that says
    the title is held now, where a title before the name ("President Kell") is often kept after the person has
    left the post."""
    body = tuple(t.text for t in token.subtree if t.text[:1].isupper() and t.i != token.i and t not in name)
    title = Title(title.role, title.former, title.text, title.told, body)
    if title.former or not ((token.dep_ == "appos" and token.head.i == root.i) or root.dep_ == "appos"):
        return title
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return title
    words = list(token.subtree) if token.dep_ == "appos" else [t for t in token.subtree if t.i < root.left_edge.i]
    words = [t for t in words if not t.is_punct] or [token]
    if len(words) > _TOLD_MAX:
        return title
    return Title(title.role, title.former, title.text, token.doc[words[0].i : words[-1].i + 1].text, body)


def held_no_longer(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One person's title told as held no longer in one outlet ("former executive Ann Moe") and as held now in the
    other ("Moe, the chief executive of Harbour Freight, is running"): a title set beside the name with "the" says
    what the person is now, unlike a bare title before the name, which outlets keep after a person leaves."""
    x, y = titles(a), titles(b)
    for name, held in x.values():
        for other_name, other_held in y.values():
            if not same_person(name, other_name):
                continue
            found = _former_and_now(held, other_held)
            if found:
                return f"{found[0].text} {name}", f"{other_name}, {found[1].told}", 1.0
            found = _former_and_now(other_held, held)
            if found:
                return f"{name}, {found[1].told}", f"{found[0].text} {other_name}", 1.0
    return None


def _former_and_now(first: list[Title], second: list[Title]) -> tuple[Title, Title] | None:
    """A title of `first` held no longer whose role `second` tells held now, neither side giving the other's."""
    for former in (t for t in first if t.former):
        if any(t.role == former.role and not t.former for t in first):
            continue
        for now in (t for t in second if t.role == former.role and t.told and _one_body(former.body, t.body)):
            if not any(t.role == former.role and t.former for t in second):
                return former, now
    return None


def _one_body(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether two titles name one body: a capitalised word in common, or one's initials the other's abbreviation
    ("WWE" / "World Wrestling Entertainment"). A title that names no body may be held in another ("former
    president" / "the president of the foundation")."""
    if not x or not y:
        return False
    if {w.lower() for w in x} & {w.lower() for w in y}:
        return True
    initials = ["".join(w[0] for w in side if w.lower() not in _NOT_INITIAL) for side in (x, y)]
    return any(w.isupper() and len(w) > 1 and w in initials for w in (*x, *y))


_NOT_INITIAL = frozenset({"the", "of", "and", "for"})


def _exclusive(x: str, y: str) -> bool:
    return any(x in group and y in group for group in _words()["exclusive"])


def roles(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One person with two titles that cannot both be right: two offices one person does not hold at once in one
    body ("CEO" / "president"). One outlet giving both titles agrees with the other, and a title held no longer
    ("former president") sets nothing against a title held now. "Former" against no "former" is no conflict
    here either: an outlet that leaves out "former" seldom means the title is still held (a title set beside the
    name as what the person is now is `held_no_longer`'s)."""
    x, y = titles(a), titles(b)
    for name, held in x.values():
        for other_name, other_held in y.values():
            if not same_person(name, other_name):
                continue
            mine = {t.role for t in held if not t.former}
            theirs = {t.role for t in other_held if not t.former}
            if not mine or not theirs or mine & theirs:
                continue
            if all(_exclusive(p, q) for p in mine for q in theirs):
                shown = next(t for t in held if not t.former), next(t for t in other_held if not t.former)
                return f"{shown[0].text} {name}", f"{shown[1].text} {other_name}", 1.0
    return None


_QUOTE_RUN = 6  # words a quotation needs, and the words it must share with the other around a change
_QUOTE_SHARE = 0.8  # share of the shorter quotation's words the other must carry in order to be the same words
_LIST = frozenset({",", "and", "or", "&"})  # words that part the items of a list of people
_FULL_NAME = 2  # words of a person's name dropped from a quotation: a lone word may be a title or a surname told twice
_REWORDED = 3  # most words on either side of a change: more is another passage, not a word misquoted
_VARIANT = 0.8  # string similarity of two spellings of one word ("realise" / "realize")
_EMPHASIS = frozenset({"ADJ", "ADV", "INTJ"})
_NOT_WORDING = frozenset({"PERSON", "ORG", "GPE", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _quotations(s: SentenceInfo) -> list[list[Token]]:
    """The word tokens of each quotation of a sentence, with a bracketed insertion ("[the senator]") left out."""
    found = []
    for start, end in s.quotes:
        words, depth = [], 0
        for token in s.doc:
            if not start <= token.idx < end:
                continue
            depth += (token.text == "[") - (token.text == "]")
            if depth == 0 and (token.is_alpha or token.like_num):
                words.append(token)
        if len(words) >= _QUOTE_RUN:
            found.append(words)
    return found


def _reworded(x: list[Token], y: list[Token]) -> bool:
    """Whether two runs of quoted words differ in a word that changes what was said: a content word on each side,
    no figure or name (those have their own checks), not one word's inflection or another spelling of it."""
    if not x or not y or len(x) > _REWORDED or len(y) > _REWORDED:
        return False
    if any(t.like_num or t.ent_type_ in _NOT_WORDING or t.text[:1].isupper() for t in x + y):
        return False
    # Another adjective or adverb is emphasis, not another statement (the annotators' guidelines say as much).
    content = [[t for t in run if not t.is_stop and t.pos_ not in _EMPHASIS] for run in (x, y)]
    if not content[0] or not content[1]:
        return False
    lemmas = [" ".join(t.lemma_.lower() for t in run) for run in content]
    texts = [" ".join(t.lower_ for t in run) for run in (x, y)]
    return lemmas[0] != lemmas[1] and SequenceMatcher(None, *texts).ratio() < _VARIANT


def _misquote(x: list[Token], y: list[Token]) -> tuple[str, str] | None:
    """One quotation told with a word changed: most words shared, in order, and a short run replaced after words
    both carry ("closer to a nuclear bomb" / "closer to nuclear arms")."""
    a, b = [t.lower_ for t in x], [t.lower_ for t in y]
    if _contains(a, b) or _contains(b, a):
        return None  # one carries the other's words as they are: a quotation of two sentences split otherwise
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    if shared < max(_QUOTE_RUN, _QUOTE_SHARE * min(len(a), len(b))):
        return None
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace" and i1 > 0 and j1 > 0 and _reworded(x[i1:i2], y[j1:j2]):
            return _shown(x, i1 - 1, i2), _shown(y, j1 - 1, j2)
        inside = 0 < i1 < len(a) and 0 < j1 < len(b)  # between words both carry, not where one copy stops
        if op in {"insert", "delete"} and inside and (_person_name(x[i1:i2]) or _person_name(y[j1:j2])):
            return _shown(x, i1 - 1, max(i2, i1)), _shown(y, j1 - 1, max(j2, j1))
    return None


def _person_name(run: list[Token]) -> bool:
    """Whether a run of quoted words is a person's full name ("Sherrod Brown"): a name one copy of a quotation
    drops from a list of people changes who the speaker named."""
    if len(run) < _FULL_NAME or not all(t.ent_type_ == "PERSON" and t.text[:1].isupper() for t in run):
        return False
    # One item of a list ("Warren, Sherrod Brown and"), not more words of a name the other copy has ("this mayor"
    # / "Mayor Ilsa Marrow") nor a name in apposition ("the defendant, Jermayne Timmons, pedaled"): a separator on
    # each side, one of them a conjunction.
    doc, first, last = run[0].doc, run[0].i, run[-1].i
    if first == 0 or last + 1 >= len(doc):
        return False
    sides = {doc[first - 1].lower_, doc[last + 1].lower_}
    return sides <= _LIST and bool(sides - {","})


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[k : k + n] == shorter for k in range(len(longer) - n + 1))


def _shown(words: list[Token], first: int, end: int) -> str:
    """The changed words with a word of context on each side, as the article has them."""
    last = min(end, len(words) - 1)
    return words[first].doc[words[first].i : words[last].i + 1].text


def _speakers_differ(a: SentenceInfo, b: SentenceInfo) -> bool:
    x = {q.speaker for q in a.attributions if q.kind == "quote" and q.named}
    y = {q.speaker for q in b.attributions if q.kind == "quote" and q.named}
    return bool(x and y) and not any(same_person(p, q) for p in x for q in y)


def wording(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """The same quotation with a word changed in one outlet's copy ("closer to a nuclear bomb" / "closer to nuclear
    arms"): a misquote an editor would check against the source. Words credited to two different people are
    the attribution check's."""
    return _in_quotations(a, b, _misquote)


def _in_quotations(
    a: SentenceInfo, b: SentenceInfo, compare: Callable[[list[Token], list[Token]], tuple[str, str] | None]
) -> Match | None:
    """The first two values `compare` reads in a quotation of each sentence; none where words are credited to two
    different people (the attribution check's)."""
    if not a.quotes or not b.quotes or _speakers_differ(a, b):
        return None
    for x in _quotations(a):
        for y in _quotations(b):
            found = compare(x, y)
            if found:
                return found[0], found[1], 1.0
    return None


_DENIAL_SHARE = 0.6  # share of the shorter quotation's words (denials aside) the other must carry, in order
_DENIALS = frozenset({"not", "n't", "n\u2019t", "never"})
_DENIAL_SHOWN = 8  # words of each copy shown from the word one copy denies


def denied_wording(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One quotation told with a denial in one outlet's copy that the other's lacks ("I used money I shouldn't
    have used" / "I used money that should have been used"): the same words in order around one verb, denied in
    one copy only. Read at face value the two copies say opposite things, so an editor checks the quote against
    the source rather than the reader taking the two for one statement. Words credited to two people are not
    compared (the attribution check's)."""
    return _in_quotations(a, b, _denied_copy)


def _denied_copy(x: list[Token], y: list[Token]) -> tuple[str, str] | None:
    """The words of each copy from the verb one copy denies and the other does not, when the two share most of
    their words (denials aside) in order: a quotation of two sentences, one carrying the other, is not read."""
    if _denials(x) == _denials(y):
        return None  # as many denials in each, hung on other words ("aren't written" / "aren't combined, written")
    xs, ys = ([t for t in run if t.lower_ not in _DENIALS] for run in (x, y))
    a, b = [t.lower_ for t in xs], [t.lower_ for t in ys]
    if _contains(a, b) or _contains(b, a):
        return None
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    blocks = matcher.get_matching_blocks()
    if sum(block.size for block in blocks) < max(_QUOTE_RUN, _DENIAL_SHARE * min(len(a), len(b))):
        return None
    for block in blocks:
        for k in range(block.size):
            p, q = xs[block.a + k], ys[block.b + k]
            if p.pos_ in {"VERB", "AUX"} and _denied_here(p) != _denied_here(q):
                start_p, start_q = _denial_start(p), _denial_start(q)
                return _words_from(start_p, _DENIAL_SHOWN), _words_from(start_q, _DENIAL_SHOWN)
    return None


def _denials(words: list[Token]) -> int:
    """How many denials a quotation carries, "n't" too (not one of its words: it has no letters of its own)."""
    doc = words[0].doc
    return sum(t.lower_ in _DENIALS for t in doc[words[0].i : words[-1].i + 1])


def _denied_here(verb: Token) -> bool:
    """Whether a verb carries its own denial ("shouldn't have used", "never paid")."""
    return any(c.dep_ == "neg" and c.lower_ in _DENIALS for c in verb.children)


def _denial_start(verb: Token) -> Token:
    """Where a verb's telling starts: its first auxiliary ("should have been used"), else the verb."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < verb.i]
    return min(auxiliaries, key=lambda t: t.i) if auxiliaries else verb


def _words_from(token: Token, words: int) -> str:
    """A token and the words after it in its sentence, up to `words` words, before any punctuation."""
    doc, end, told = token.doc, token.i, 0
    while end < len(doc) and told < words and not doc[end].is_punct:
        told += doc[end].is_alpha
        end += 1
    return doc[token.i : end].text
