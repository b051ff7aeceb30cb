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
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from manysides.understand import SentenceInfo
from manysides.understand.entities import same_person
from manysides.understand.names import name_key

if TYPE_CHECKING:
    from spacy.tokens import Token

# (value in the first sentence, value in the second, how surely both name one happening: 1.0 is sure)
Match = tuple[str, str, float]
_THING_DEPS = frozenset({"dobj", "nsubjpass"})
_MIN_THING = 4  # letters a noun needs for "suit" to be the end of "lawsuit"


@cache
def _words() -> dict:
    return json.loads(resources.files("manysides.compare").joinpath("data/status_words.json").read_text("utf-8"))


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
def _role_of_word() -> dict[str, str]:
    return {word: role for role, words in _words()["roles"].items() for word in words}


@dataclass(frozen=True)
class Title:
    """A title given to a person: its family ("executive" for "CEO"), whether it is no longer held, its words."""

    role: str
    former: bool
    text: str


def _title(token: Token) -> Title | None:
    roles = _role_of_word()
    word = token.lower_
    chief = any(c.lower_ == "chief" for c in token.children)
    role = roles.get(f"chief {word}") if chief else None
    role = role or roles.get(word) or roles.get(token.lemma_.lower())
    if role is None:
        return None
    formers = set(_words()["former"])
    former = any(c.lower_ in formers for c in token.children)
    return Title(role, former, ("former " if former else "") + ("chief " if chief else "") + token.text)


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
    "Dan Kell, the company's president", "the president, Dan T. Kell", "former executive Ann Moe"."""
    found: dict[str, tuple[str, list[Title]]] = {}
    for ent in s.doc.ents:
        if ent.label_ != "PERSON" or not name_key(ent.text) or any(a <= ent.start_char < b for a, b in s.quotes):
            continue
        root = ent.root
        near = [c for c in root.children if c.dep_ == "appos" or (c.dep_ in {"compound", "amod"} and c.i < ent.start)]
        near += [t for t in ent if t.lower_ in _role_of_word() and t.i < root.i]
        if root.dep_ == "appos":
            near.append(root.head)
        held = [t for t in (_title(token) for token in near) if t]
        if held:
            found[name_key(ent.text)] = (ent.text, held)
    return found


def _exclusive(x: str, y: str) -> bool:
    return any(x in group and y in group for group in _words()["exclusive"])


def roles(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One person with two titles that cannot both be right: two offices one person does not hold at once in one
    body ("CEO" / "president"). One outlet giving both titles agrees with the other, and a title held no longer
    ("former president") sets nothing against a title held now. "Former" against no "former" is no conflict
    either: an outlet that leaves out "former" seldom means the title is still held."""
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
