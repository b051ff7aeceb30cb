"""Negation and modality of a sentence's main event: did it happen, is it expected, possible, or denied?

"expected to meet" and "met" report one event in different states; telling them apart is what makes a modality
conflict between outlets visible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


Modality = Literal["happened", "ongoing", "expected", "possible", "stated"]

EXPECT = frozenset({"expect", "set", "due", "schedule", "plan", "slate", "poise", "intend", "prepare", "aim", "hope"})
_PLAN_NOUNS = frozenset({"plan", "proposal", "intention", "bid", "pledge", "promise", "offer", "readiness"})
_FUTURE = frozenset({"will", "shall", "'ll", "wo", "going"})
_POSSIBLE = frozenset({"may", "might", "could", "can"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_CUES = frozenset({"say", "tell", "report", "state", "add", "note", "announce", "confirm", "reveal", "write"})


def modal(aux: Token, verb: Token) -> bool:
    """Whether a word the parser hangs on a verb as a modal ("will", "may") is one: a modal takes the bare verb
    ("will score") or "have"/"be" before the participle ("will have scored", "will be held"). Before a past form
    with neither ("Will Artino scored 14 points", "May Lee won"), the word is a name, and the event is done."""
    if verb.tag_ not in {"VBD", "VBN"}:
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() in {"have", "be"} for c in verb.children)


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


def _planned(noun: Token) -> bool:
    """A noun that announces an event still to come: "plans to", "a proposal to", "an intention to"."""
    return noun.lemma_.lower() in _PLAN_NOUNS and any(c.dep_ in {"acl", "relcl"} for c in noun.children)


def modality(sentence: Span) -> Modality:
    """State of the main event: happened (past), ongoing, expected (future or planned), possible, or stated."""
    verb = main_verb(sentence)
    children = list(verb.children)
    auxes = [c for c in children if c.dep_ in {"aux", "auxpass"}]
    if verb.lemma_.lower() in EXPECT and any(c.dep_ == "xcomp" for c in children):
        return "expected"
    if verb.lemma_.lower() in _CUES | EXPECT and any(_planned(c) for c in children if c.dep_ == "dobj"):
        return "expected"  # "announced plans to begin exporting gas": the exporting has not happened
    if verb.lemma_.lower() in {"be"} and any(c.lemma_.lower() in EXPECT | {"due"} for c in children):
        return "expected"
    if any(a.lower_ in _FUTURE and modal(a, verb) for a in auxes):
        return "expected"
    if any(a.lower_ in _POSSIBLE and modal(a, verb) for a in auxes):
        return "possible"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or (verb.tag_ == "VBN" and auxes):
        return "happened"
    if verb.tag_ == "VBG" and auxes:
        return "ongoing"
    return "stated"


def clause_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb whose clause holds the characters start..end (a date, a number): what that phrase is about."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    return next((t for t in (span.root, *span.root.ancestors) if t.pos_ in {"VERB", "AUX"}), None)


def future_clause(verb: Token) -> bool:
    """Whether a clause speaks of what is still to come ("will resume", "would begin", "is due to start")."""
    # "Is due to be arraigned": the expecting word may be an adjective ("due") between the verb and its clause.
    for token in (verb, *[a for a in verb.ancestors if a.pos_ in {"VERB", "AUX", "ADJ"}][:2]):
        children = list(token.children)
        if any(
            c.dep_ in {"aux", "auxpass"} and c.lower_ in _FUTURE | _POSSIBLE | {"would"} and modal(c, token)
            for c in children
        ):
            return True
        if token.lemma_.lower() in EXPECT and any(c.dep_ == "xcomp" for c in children):
            return True
        if token.dep_ != "xcomp":
            break
    return False
