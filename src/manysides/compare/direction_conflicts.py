"""Direction conflicts: one act between two parties told the other way round ("Weiner was a follower of the
student" / "she followed him"), where one outlet has a person doing what the other has done to that person."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from manysides.compare.conflict_state import LIGHT, per_sentence
from manysides.compare.values import Match
from manysides.understand import SentenceInfo
from manysides.understand.entities import same_person
from manysides.understand.names import name_key

if TYPE_CHECKING:
    from spacy.tokens import Token

# (doer, verb lemma, done to): a party is a name, "~" and a common noun's lemma, or None (not read)
Act = tuple[str | None, str, str | None]

_MALE, _FEMALE = frozenset({"he", "him"}), frozenset({"she", "her"})
_AGENT_ENDINGS = ("er", "r", "or")  # "follower" is one who follows


@cache
def _reciprocal() -> frozenset[str]:
    """Acts two parties do to each other at once ("met"): either way round they say one thing."""
    words = json.loads(resources.files("manysides.compare").joinpath("data/status_words.json").read_text("utf-8"))
    return frozenset(words["reciprocal"])


def _sex(pronoun: str) -> frozenset[str] | None:
    word = pronoun.lower()
    return _MALE if word in _MALE else _FEMALE if word in _FEMALE else None


def _speaker_pronoun(s: SentenceInfo) -> frozenset[str] | None:
    """The pronoun family of the sentence's speaker when it is told by a pronoun ("He said ...")."""
    for token in s.doc:
        if token.dep_ == "nsubj" and token.head.lemma_.lower() == "say" and _sex(token.text):
            return _sex(token.text)
    return None


def _party(s: SentenceInfo, token: Token) -> str | None:
    """Who a subject or object is: a proper name (its whole run of proper nouns), a pronoun resolved in the
    sentence (the named speaker for the speaker's own pronoun, else the nearest person named before it), or "~"
    and a common noun's lemma."""
    if token.pos_ == "PROPN":
        words = [t for t in token.subtree if t.pos_ == "PROPN" and (t.dep_ == "compound" or t.i == token.i)]
        return " ".join(t.text for t in words) if name_key(token.text) else None
    sex = _sex(token.text)
    if sex is not None:
        speakers = [a.speaker for a in s.attributions if a.named]
        told = _speaker_pronoun(s)
        if sex == told:
            return speakers[0] if len(speakers) == 1 else None
        if speakers and told is None and token.dep_ != "nsubj":
            return None  # "Comey said Trump fired him": the speaker may be the one meant
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"] if token.dep_ != "nsubj" else []
        beside = {_party(s, c) for c in subjects}
        named = [e.text for e in s.doc.ents if e.label_ == "PERSON" and e.end <= token.i]
        others = {
            n for n in named if not any(same_person(n, x) for x in speakers) and not any(_one(n, x) for x in beside)
        }
        return others.pop() if len(others) == 1 else None
    if token.pos_ == "NOUN":
        return "~" + token.lemma_.lower()
    return None


@per_sentence
def _acts(s: SentenceInfo) -> list[Act]:
    """The acts between two parties a sentence tells outside quotation marks and not denied: an active verb with
    subject and object, a passive one with its "by" agent, and "X was a follower of Y"."""
    found: list[Act] = []
    for token in s.doc:
        if any(a <= token.idx < b for a, b in s.quotes) or any(c.dep_ == "neg" for c in token.children):
            continue
        children = {c.dep_: c for c in token.children}
        if token.pos_ == "VERB" and "nsubj" in children and "dobj" in children:
            obj = children["dobj"]
            if obj.tag_ in {"WDT", "WP"} and token.dep_ == "relcl":
                obj = token.head  # "people that Weiner follows"
            found.append((_party(s, children["nsubj"]), token.lemma_.lower(), _party(s, obj)))
        elif token.pos_ == "VERB" and "nsubjpass" in children and "agent" in children:
            by = next((c for c in children["agent"].children if c.dep_ == "pobj"), None)
            if by is not None:
                found.append((_party(s, by), token.lemma_.lower(), _party(s, children["nsubjpass"])))
        elif token.pos_ == "NOUN" and token.dep_ == "attr" and token.head.lemma_ == "be":
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            of = next((g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            lemma = token.lemma_.lower()
            verb = next((lemma[: -len(e)] for e in _AGENT_ENDINGS if lemma.endswith(e)), None)
            if subject is not None and of is not None and verb:
                found.append((_party(s, subject), verb, _party(s, of)))
    return [(x, v, y) for x, v, y in found if x and y and not _one(x, y) and v not in LIGHT | _reciprocal()]


def _told(doer: str | None, verb: str, done: str | None) -> str:
    """An act in words a reader takes in at once: "Ada Krell follows Tom Vale" (the verb's lemma in the present)."""
    return f"{(doer or '').lstrip('~')} {_present(verb)} {(done or '').lstrip('~')}"


def _present(lemma: str) -> str:
    """A verb's third person singular in the present ("follows", "watches", "carries")."""
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _one(x: str | None, y: str | None) -> bool:
    """One named party in both places (a common noun is not known to be anyone)."""
    return bool(x and y and not x.startswith("~") and not y.startswith("~") and same_person(x, y))


def _verb_match(p: str, q: str) -> bool:
    return p == q or (len(p) >= 4 and len(q) >= 4 and (p.startswith(q) or q.startswith(p)))


def direction(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One act told with its parties the other way round: a named person does it in one outlet and has it done to
    them in the other, by someone else."""
    for doer, verb, done in _acts(a):
        for other_doer, other_verb, other_done in _acts(b):
            if not _verb_match(verb, other_verb):
                continue
            for (p, q), (r, t) in (((doer, done), (other_doer, other_done)), ((other_doer, other_done), (doer, done))):
                if _one(p, t) and not _one(p, r) and not _one(q, t):
                    return _told(doer, verb, done), _told(other_doer, other_verb, other_done), 1.0
    return None
