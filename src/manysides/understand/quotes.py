"""Quotes and attributions: who the article says said something, with which cue ("said", "according to", "citing").

Speakers come from the dependency parse (subject of a speech verb, object of "according to" or "citing"), trimmed
of relative clauses so "the source, who requested anonymity, said" gives "the source".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


CUE_VERBS = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "say tell state add note emphasize emphasise stress announce confirm reveal report claim insist warn "
        "explain deny describe acknowledge write tweet argue accuse quote assert declare allege suggest indicate "
        "admit ask reply respond"
    ).split()
)
_ALWAYS_SPEECH = frozenset({"say", "tell"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this"})
_TRIM_DEPS = frozenset({"relcl", "acl", "punct", "appos", "advcl", "cc", "conj", "prep"})
_QUOTE = re.compile(
    r"\"[^\"\n]{2,}?\"|\u201c[^\u201d\n]{2,}?\u201d|(?<![\w])['\u2018][^'\u2019\n]{2,80}?['\u2019](?![\w])"
)


@dataclass(frozen=True)
class Attribution:
    """One attribution: speaker phrase, cue word and kind (quote, paraphrase, according_to, citing).

    `head` is the lemma of the speaker's head word and `named` says whether the speaker has a proper name, so that
    "the source" or "Katarina Voss" can be told from "these crews" when listing whom an article cites.
    """

    speaker: str
    cue: str
    kind: str
    head: str = ""
    named: bool = False


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of quoted passages in the text, quote marks included."""
    return [m.span() for m in _QUOTE.finditer(text)]


def _phrase(head: Token) -> str:
    """The noun phrase of a speaker, without relative clauses, appositions or trailing punctuation."""
    keep = [head]
    for child in head.children:
        if child.dep_ not in _TRIM_DEPS or (child.dep_ == "prep" and child.i > head.i and child.lower_ in {"of", "in"}):
            keep.extend(child.subtree)
        elif child.dep_ == "appos" and child.pos_ == "PROPN" and child.left_edge.i == head.i + 1:
            # a name right after its title ("Senate Democratic Leader Chuck Schumer (D-N.Y.)"): the name, no more
            keep.extend(t for t in child.subtree if t.i <= child.i)
    tokens = sorted(keep, key=lambda t: t.i)
    start, end = tokens[0].i, tokens[-1].i
    span = head.doc[start : end + 1]
    return span.text.strip(" ,")


def _named(head: Token) -> bool:
    """A proper name heads the speaker or qualifies it ("Israel's broadcaster", "officials of the Bar Association");
    a name further down ("concerns about Gorsuch's record") does not make the speaker a named source."""
    if head.pos_ == "PROPN":
        return True
    for child in head.children:
        if child.dep_ in {"compound", "poss", "nmod", "appos"} and child.pos_ == "PROPN":
            return True
        of_name = child.dep_ == "prep" and child.lower_ == "of"
        if of_name and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children):
            return True
    return False


def _attribution(head: Token, cue: str, kind: str) -> Attribution:
    return Attribution(_phrase(head), cue, kind, head.lemma_.lower(), _named(head))


def _speech(token: Token, quoted: bool) -> bool:
    """Whether a cue verb reports words: "say" and "tell" always; others need a reported clause or a quote.

    Keeps "Passengers can claim a refund" and "describes a series of incidents" out of the attributions.
    """
    if token.lemma_.lower() in _ALWAYS_SPEECH:
        return True
    if any(c.dep_ in {"ccomp", "parataxis"} for c in token.children):
        return True
    return quoted and (token.dep_ in {"ROOT", "parataxis"} or _opens_quote(token))


def _opens_quote(token: Token) -> bool:
    """ "Warren added on Twitter: “...”": a colon and an opening quote shortly after the verb, however parsed."""
    after = token.doc[token.i + 1 : token.i + 6]
    return any(t.text == ":" and t.i + 1 < len(t.doc) and t.nbor().text in {'"', "\u201c"} for t in after)


def _in_spans(token: Token, spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether a token starts inside one of the quoted spans (offsets relative to the sentence)."""
    return any(start <= token.idx - offset < end for start, end in spans)


def _name_beside(cue: Token, spans: list[tuple[int, int]], offset: int) -> list[Token]:
    """The proper name right before or after a cue verb, outside quotation marks: "...,” Bloomberg said."""
    near = [cue.doc[i] for i in (cue.i - 1, cue.i + 1) if cue.sent.start <= i < cue.sent.end]
    for token in near:
        if token.pos_ == "PROPN" and not _in_spans(token, spans, offset):
            return [token]
    return []


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def attributions(sentence: Span) -> list[Attribution]:
    """Every attribution in a parsed sentence, the governing one first ("X, who told Y, said" gives X's first).

    Cue words inside quotation marks are the quoted person's words ("these crews say they serve"), not attributions.
    """
    found: list[tuple[int, int, Attribution]] = []
    spans = quote_spans(sentence.text)
    quoted = any(len(sentence.doc.text[s:e].split()) >= 4 for s, e in spans)
    offset = sentence[0].idx if len(sentence) else 0
    for token in sentence:
        if any(start < token.idx - offset < end for start, end in spans):
            continue
        lemma = token.lemma_.lower()
        if token.lower_ == "according" and token.i + 1 < sentence.end and token.nbor().lower_ == "to":
            objects = [c for c in token.nbor().children if c.dep_ == "pobj"]
            if objects:
                found.append((_depth(token), token.i, _attribution(objects[0], "according to", "according_to")))
        elif lemma == "cite" and token.pos_ == "VERB":
            objects = [c for c in token.children if c.dep_ in {"dobj", "obj"}]
            agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            for obj in objects + agents:
                found.append((_depth(token), token.i, _attribution(obj, token.text, "citing")))
        elif lemma in CUE_VERBS and token.pos_ == "VERB" and _speech(token, quoted):
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects and _in_spans(subjects[0], spans, offset):
                # the parser took a word of the quote for the speaker ("...thousands of lawsuits," Bloomberg said)
                subjects = _name_beside(token, spans, offset)
            kind = "quote" if quoted else "paraphrase"
            if subjects and subjects[0].lower_ not in _PRONOUNS | {"that"}:
                found.append((_depth(token), token.i, _attribution(subjects[0], token.text, kind)))
            elif subjects:
                found.append((_depth(token), token.i, Attribution(subjects[0].text, token.text, kind)))
    return [attribution for _, _, attribution in sorted(found, key=lambda item: (item[0], item[1]))]
