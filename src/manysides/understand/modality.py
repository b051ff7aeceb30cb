"""Negation and modality of a sentence's main event: did it happen, is it expected, possible, or denied?

"expected to meet" and "met" report one event in different states; telling them apart is what makes a modality
conflict between outlets visible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


Modality = Literal["happened", "ongoing", "expected", "possible", "stated"]

_EXPECT = frozenset({"expect", "set", "due", "schedule", "plan", "slate", "poise", "intend", "prepare", "aim", "hope"})
_FUTURE = frozenset({"will", "shall", "'ll", "wo", "going"})
_POSSIBLE = frozenset({"may", "might", "could", "can"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_CUES = frozenset({"say", "tell", "report", "state", "add", "note", "announce", "confirm", "reveal"})


def main_verb(sentence: Span) -> Token:
    """The event verb: the root, or the clause it reports when the root is a speech verb ("X said that ...")."""
    root = sentence.root
    if root.lemma_.lower() in _CUES:
        for child in root.children:
            if child.dep_ in {"ccomp", "xcomp"} and child.pos_ in {"VERB", "AUX"}:
                return child
    return root


def negated(sentence: Span) -> bool:
    """Whether the main event is denied ("did not attend", "would not participate")."""
    verb = main_verb(sentence)
    heads = {verb, *[c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]}
    return any(c.dep_ == "neg" or (c.lower_ in _NEGATIONS and c.dep_ == "det") for h in heads for c in h.children)


def modality(sentence: Span) -> Modality:
    """State of the main event: happened (past), ongoing, expected (future or planned), possible, or stated."""
    verb = main_verb(sentence)
    children = list(verb.children)
    auxes = [c for c in children if c.dep_ in {"aux", "auxpass"}]
    if verb.lemma_.lower() in _EXPECT and any(c.dep_ == "xcomp" for c in children):
        return "expected"
    if verb.lemma_.lower() in {"be"} and any(c.lemma_.lower() in _EXPECT | {"due"} for c in children):
        return "expected"
    if any(a.lower_ in _FUTURE for a in auxes):
        return "expected"
    if any(a.lower_ in _POSSIBLE for a in auxes):
        return "possible"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or (verb.tag_ == "VBN" and auxes):
        return "happened"
    if verb.tag_ == "VBG" and auxes:
        return "ongoing"
    return "stated"
