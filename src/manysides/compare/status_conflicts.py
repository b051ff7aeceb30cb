"""Status conflicts: negation (one outlet denies what another affirms) and modality (one reports done what the
other reports expected or planned)."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from manysides.compare.conflict_state import COPY, LIGHT, THINGS, masked, per_sentence, told_acts
from manysides.compare.embed import embed
from manysides.compare.values import Match, status_words
from manysides.understand import SentenceInfo
from manysides.understand.modality import EXPECT, future_clause, main_verb

if TYPE_CHECKING:
    from spacy.tokens import Token


_SAME_EVENT = 0.5  # meet~meeting 0.85; meet~visit 0.18, begin~restore 0.01


_EVENT_PREDICATES = 3  # cosine of two verbs' static embeddings: injure~hurt 0.44, strand~carry -0.03


_MARKED_WORDS = 3  # a quoted phrase this short inside a sentence marks words ("on 'religious freedom' grounds")


def _quoted(s: SentenceInfo) -> bool:
    """A sentence that mostly reports someone's words: its tense and modality are the speaker's, not the event's.
    Not one whose only quoted words are a short phrase inside the writer's own sentence ("announced her decision
    to veto the bill on 'religious freedom' grounds"): the phrase is marked, and the tense is the writer's."""
    if not any(a.kind == "quote" for a in s.attributions):
        return False
    return not s.quotes or any(start == 0 or len(s.text[start:end].split()) > _MARKED_WORDS for start, end in s.quotes)


_NEGATORS = frozenset({"not", "n't", "never", "no"})


def _negation(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One telling of a sentence affirms what the other denies: their words agree once values and negators are
    set aside ("the law does not apply to..." / "the law applies only to..." share a verb, not a sentence)."""
    if _quoted(a) or _quoted(b):
        return None
    x, y = ([w for w in masked(s)[0] if w not in _NEGATORS] for s in (a, b))
    if SequenceMatcher(None, x, y, autojunk=False).ratio() < COPY:
        return None
    if a.negated != b.negated and a.predicates[:1] and a.predicates[:1] == b.predicates[:1]:
        if any(t.lower_ in _ONLY_IF for t in (a if a.negated else b).doc):
            return None  # "would not approve it unless he resigned" says "would approve it if he resigned"
        verb = a.predicates[0]
        return ("not " + verb if a.negated else verb), ("not " + verb if b.negated else verb), 1.0
    return None


_OBJECTS = frozenset({"dobj", "nsubjpass", "attr"})  # what an act is done to, as the parser hangs it
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})  # where "none" or "nobody" denies the act
_CONDITIONS = frozenset({"advcl", "ccomp", "csubj", "conj", "ROOT"})  # clauses whose acts are told, not named


def _denied_act(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One act on one thing, denied in one outlet's telling and affirmed in the other's: "If they don't pass this
    bill ... it will increase the risk" / "To pass this bill ... would increase the risk", "None of the emergencies
    spent unappropriated money" / "Two of the emergencies spent unappropriated money". The verb and its object
    align the two tellings (a quote's words too: a speaker does not say both), and a verb told more than once, a
    double negation or a verb under "failed to" or "denied" leaves the polarity unsure, so it is not read."""
    if a.text.rstrip().endswith("?") or b.text.rstrip().endswith("?"):
        return None
    if _negators(a) == _negators(b):
        return None  # as many denials in each: the other's may sit elsewhere ("I didn't feel we were executing")
    x, y = _polar_acts(a), _polar_acts(b)
    for key in x.keys() & y.keys():
        (p, p_words, p_subject), (q, q_words, q_subject) = x[key], y[key]
        if p is None or q is None or p == q:
            continue
        if p_subject and q_subject and p_subject != q_subject:
            continue  # "the House passed the bill" / "the Senate did not pass the bill": two doers
        if _UNSAID in {p_subject, q_subject} and {p_subject, q_subject} != {_UNSAID}:
            continue  # "he did not send the photo" / "the photo was sent from his account": by whom, unsaid
        return p_words, q_words, 1.0
    return None


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ANY_SUBJECT = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_ONLY_IF = frozenset({"unless", "until", "till"})  # a condition that turns a denied act into one affirmed on it


@per_sentence
def _negators(s: SentenceInfo) -> int:
    """How many denying words a sentence has ("not", "n't", "none", "unless")."""
    denying = status_words("denying")
    return sum(t.lower_ in denying for t in s.doc)


_IF = frozenset({"if", "unless", "provided"})  # marks of a condition an act is told on
_OPENING, _CLOSING = frozenset("[("), frozenset("])")
_UNSAID = "~"  # the doer of a passive act that names none
PolarAct = tuple[bool | None, str, str | None]  # denied (None: unsure), the words shown, the subject's lemma


@per_sentence
def _polar_acts(s: SentenceInfo) -> dict[tuple[str, str], PolarAct]:
    """(verb lemma, object lemma) -> whether the act is denied, for each act on a thing the sentence tells once.
    An act told twice is unsure (which telling is the other outlet's?)."""
    found: dict[tuple[str, str], PolarAct] = {}
    for verb in s.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in LIGHT or verb.dep_ not in _CONDITIONS:
            continue
        if any(c.tag_ == "TO" for c in verb.children) and verb.dep_ != "csubj":
            continue  # an act aimed at or struggled for ("to help determine the cause"), not told as done or not
        thing = next((c for c in verb.children if c.dep_ in _OBJECTS and c.pos_ in {"NOUN", "PROPN"}), None)
        if thing is None:
            continue
        key = (verb.lemma_.lower(), thing.lemma_.lower())
        found[key] = (None, "", None) if key in found else (_denied(verb), _act_words(verb, thing), _subject(verb))
    return found


def _arguments(verb: Token) -> list[Token]:
    """A verb's subjects and objects, with the subject of a reduced relative the parser made the main verb: in "None
    of the emergencies declared since 1976 spent money", "declared" takes "None" as its subject and "spent" as a
    clause with no subject of its own, and "None" is the subject of "spent". Only a share ("none of", "two of")
    right before the participle is borrowed: elsewhere a clause without a subject is the parser's other readings
    ("said there was", "said the offices were closed")."""
    own = [c for c in verb.children if c.dep_ in _ARGUMENTS]
    head = verb.head
    if verb.dep_ != "ccomp" or verb.i < head.i or any(c.dep_ in _ANY_SUBJECT | {"mark"} for c in verb.children):
        return own
    if any(c.dep_ in _OBJECTS | {"aux", "auxpass"} for c in head.children):
        return own  # "has declared", "told them": a clause the head verb really governs
    if any(t.is_punct or t.is_quote for t in head.doc[head.i + 1 : verb.i]):
        return own  # 'he declared: "stop it"': an order quoted, its doer unsaid
    shares = [
        c
        for c in head.children
        if c.dep_ == "nsubj"
        and c.right_edge.i + 1 == head.i
        and any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children)
    ]
    return own + shares


def _denied(verb: Token) -> bool | None:
    """Whether a verb's act is denied: a negator on it ("did not pass", "never passed", "unless they pass") or a
    denying word as its subject or object ("none of them spent", "spent nothing"). None when unsure: two
    negations, or the act under a verb that reverses it ("failed to pass", "denied passing")."""
    denying, reversing = status_words("denying"), status_words("reversing")
    if any(t.lemma_.lower() in reversing for t in verb.ancestors):
        return None
    if any(_only_if(c) for c in verb.children):
        return None  # "would not approve it unless he resigned" is "would approve it if he resigned"
    if _on_condition(verb):
        return None  # "if still in contention, he wouldn't have placed Bush on IR": an act on a condition
    if any(c.dep_ == "neg" for t in verb.ancestors for c in t.children):
        return None  # a denial above it may be its own ("I didn't feel we were executing", "not true that")
    heads = [verb, *[c for c in verb.children if c.dep_ in {"aux", "auxpass"}]]  # "wouldn't have placed"
    marks = [c for h in heads for c in h.children if c.dep_ in {"neg", "mark"} and c.lower_ in denying]
    for c in _arguments(verb):
        marks += [t for t in (c, *c.children) if (t is c or t.dep_ == "det") and t.lower_ in denying]
    if len(marks) > 1:
        return None
    return bool(marks)


def _only_if(child: Token) -> bool:
    """Whether a verb's child makes it a condition or a time to wait for ("until they pass", "not restored till
    December", "would not approve it unless he resigned"), so its denial is no denial of the act. A verb's own
    "unless" is its denial ("unless they pass the bill": if they do not pass it)."""
    if child.dep_ == "mark":
        return child.lower_ in _ONLY_IF - {"unless"}
    if child.dep_ == "prep":
        return child.lower_ in _ONLY_IF
    return child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _ONLY_IF for m in child.children)


def _on_condition(verb: Token) -> bool:
    """Whether a verb's act is told only on a condition ("would have placed him on IR if they were still in
    contention"): an if-clause on the verb or a clause above it, other than the one the verb itself is in."""
    own = {verb, *verb.ancestors}
    heads = own | {c for c in verb.children if c.dep_ in {"aux", "auxpass"}}  # "wouldn't have [if ...] placed"
    return any(
        c.dep_ == "advcl"
        and c.pos_ in {"VERB", "AUX"}  # "If they [Democrats] don't pass": a bracket the parser calls a clause
        and c not in own
        and any(m.dep_ == "mark" and m.lower_ in _IF for m in c.children)
        for t in heads
        for c in t.children
    )


def _act_words(verb: Token, thing: Token) -> str:
    """The words of an act as the sentence gives them, from its subject or negator to its object ("Democrats don't
    pass this bill", "None of the emergencies spent unappropriated money")."""
    told = [c for c in verb.children if c.dep_ in {"neg", "aux"} and c.i < verb.i and c.tag_ != "TO"]
    told += [c for c in verb.children if c.dep_ == "mark" and c.lower_ in status_words("denying")]  # "unless"
    nominal = {"NOUN", "PROPN", "NUM"}
    subject = [t for c in _arguments(verb) if c.dep_ in _SUBJECTS and c.pos_ in nominal for t in c.subtree]
    tokens = [*subject, *told, verb, *[t for t in thing.subtree if t.i <= thing.i]]
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    if start and verb.doc[start - 1].text in _OPENING and any(t.text in _CLOSING for t in verb.doc[start:end]):
        start -= 1  # "[Democrats] don't pass": the bracket the span closes
    return verb.doc[start:end].text


def _subject(verb: Token) -> str | None:
    """The lemma of a verb's named or common-noun doer (its subject, or its agent in the passive: "shots were
    fired by police"); `_UNSAID` for a passive that names none ("the photo was sent"); None for a pronoun, a
    denying word or no subject."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    subject = next((c for c in _arguments(verb) if c.dep_ == "nsubj"), None) or next(iter(agents), None)
    if subject is None and any(c.dep_ == "nsubjpass" for c in verb.children):
        return _UNSAID
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"} or subject.lower_ in status_words("denying"):
        return None
    return subject.lemma_.lower()


_NAME_ENDS = frozenset({"jr", "sr", "ii", "iii", "mr", "mrs", "ms", "dr"})


@per_sentence
def _doer_acts(s: SentenceInfo) -> dict[tuple[str, str], bool | None]:
    """(verb lemma, doer) -> whether the sentence denies the act (None: unsure), for every act of a named or
    common-noun doer, with or without an object ("Trump Jr. did not respond"). A name is its last word that is no
    title or suffix, so "Mr. Trump" and "Trump Jr." are one doer."""
    if not s.parsed:
        return {}
    found: dict[tuple[str, str], bool | None] = {}
    for verb in s.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in LIGHT or _subject(verb) in {None, _UNSAID}:
            continue
        subject = next((c for c in _arguments(verb) if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        names = [t for t in subject.subtree if t.pos_ == "PROPN" and t.lower_.rstrip(".") not in _NAME_ENDS]
        key = (verb.lemma_.lower(), (names[-1] if subject.pos_ == "PROPN" and names else subject).lemma_.lower())
        found[key] = None if key in found else _denied(verb)
    return found


@per_sentence
def _told_verbs(s: SentenceInfo) -> dict[str, bool | None]:
    """Verb lemma -> whether the sentence denies it (None: unsure, or told more than once), for every act it tells
    in a finite verb, whoever the doer ("he could not confirm whether", "of which his son confirmed"); not a
    participle or an infinitive ("posting screenshots", "to confirm"), which tell no act as done or not. Not a
    verb that carries its denial over to its clause ("I don't think that's okay"), nor a passive that names no
    doer ("the photo was sent" beside "he did not send the photo": by whom, unsaid)."""
    if not s.parsed:
        return {}
    found: dict[str, bool | None] = {}
    raising = status_words("neg_raising")
    for verb in s.doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma in LIGHT | raising or not _finite(verb) or _subject(verb) == _UNSAID:
            continue
        found[lemma] = None if lemma in found or _restricted(verb) else _denied(verb)
    return found


def _restricted(verb: Token) -> bool:
    """Whether an act is told as done only in some way ("can be changed or undone only by Congress"), which denies
    it in every other ("cannot be changed by presidential order"): its polarity is no evidence of another fact."""
    return any(t.lower_ == "only" for t in verb.subtree)


def _finite(verb: Token) -> bool:
    """Whether a verb tells its act in a tense of its own: past or present, or with an auxiliary other than "to"."""
    told = verb.tag_ in {"VBD", "VBZ", "VBP"}
    return told or any(c.dep_ in {"aux", "auxpass"} and c.tag_ != "TO" for c in verb.children)


def opposite_acts(a: SentenceInfo, b: SentenceInfo) -> bool:
    """Whether one sentence denies an act of a doer that the other affirms ("Mr. Trump did not respond" / "Trump
    Jr. did occasionally respond"), or denies an act that the other affirms of anyone ("he could not confirm
    whether they had corresponded" / "his son confirmed the correspondence"): whatever else they share, they do
    not state one fact. Another doer denied the act is another fact; the same doer, a contradiction."""
    x, y = _doer_acts(a), _doer_acts(b)
    if any(x[k] is not None and y[k] is not None and x[k] != y[k] for k in x.keys() & y.keys()):
        return True
    p, q = _told_verbs(a), _told_verbs(b)
    return any(p[k] is not None and q[k] is not None and p[k] != q[k] for k in p.keys() & q.keys())


_STATES = frozenset({"be", "remain", "seem"})  # verbs of a state held, never an event done
_OCCUR = frozenset({"take", "happen", "occur", "hold", "begin", "start", "end"})  # verbs that say an event was
_UNDONE = frozenset({"would", "could", "should", "might", "must", "may", "can"})  # "would be held": not done yet


def _modality(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One event, done in one outlet and still expected in the other. The two sentences' own events must be one
    event (the verb whose state each gives: "has placed him on injured reserve, meaning he will miss two games"
    is done placing, not expected missing), and the done one must not be told under "would" or "could"."""
    if _quoted(a) or _quoted(b):
        return None
    if {a.modality, b.modality} == {"happened", "expected"} and _same_event(a, b):
        done, expected = (a, b) if a.modality == "happened" else (b, a)
        verb = main_verb(done.doc[:])
        if verb.lemma_.lower() in _STATES or _also_done(expected, verb.lemma_.lower()):
            return None  # "has been outspoken": a state held, no event done
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _UNDONE for c in verb.children):
            return None
        wanted = event_verb(expected)
        # The done sentence's own event may itself sit under an expecting word ("was admitted and was set to be
        # released"): that one is still to come there too, not told as done.
        own = event_verb(done)
        events = [*([] if future_clause(own) else [own]), *_done_events(done)]
        told = any(_one_verb(event, wanted) for event in events)
        if not told and not _named_as_noun(done, wanted):
            return None
        return a.modality, b.modality, 1.0
    return None


def event_verb(s: SentenceInfo) -> Token:
    """The verb of the event whose state a sentence gives: its main verb, or the clause an expecting word governs
    ("is expected to remain closed" -> remain, "plans to send a ship" -> send)."""
    verb = main_verb(s.doc[:])
    for token in (verb, *[c for c in verb.children if c.lemma_.lower() in EXPECT]):
        if token.lemma_.lower() in EXPECT:
            clause = next((c for c in token.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
            if clause is not None:
                return clause
    if verb.lemma_.lower() in _OCCUR:  # "the meeting took place", "talks were held": the event is the subject
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"), None)
        if subject is not None:
            return subject
    return verb


def _done_events(s: SentenceInfo) -> list[Token]:
    """The events a sentence tells as done in any clause: verbs in the past ("visited", "has met"), and the
    subject of a verb that only says an event happened ("as a rare meeting ... took place" -> meeting). Not what
    it tells ahead ("meaning he will miss two games")."""
    found = []
    for token in s.doc:
        if token.pos_ != "VERB" or future_clause(token):
            continue
        past = token.tag_ == "VBD" or (token.tag_ == "VBN" and any(c.lemma_ == "have" for c in token.children))
        if not past:
            continue
        found.append(token)
        if token.lemma_.lower() in _OCCUR:
            found.extend(c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN")
    return found


def _named_as_noun(s: SentenceInfo, verb: Token) -> bool:
    """Whether a sentence names the event as a noun made from its verb ("expected to meet" / "as a rare meeting
    ... took place", however the parser hangs the noun)."""
    stem = verb.lemma_.lower()
    return len(stem) >= 3 and any(
        t.pos_ == "NOUN" and t.lemma_.lower().startswith(stem) and not _noun_ahead(t) for t in s.doc
    )


def _noun_ahead(noun: Token) -> bool:
    """Whether a noun's own phrase tells its event as still to come ("the election of deputies, which is
    scheduled for December 15"): a relative or participle clause in the phrase that expects it belongs to the
    noun, not to the sentence's main event, which may be done."""
    return any(
        t.dep_ in {"relcl", "acl"} and (t.lemma_.lower() in EXPECT or future_clause(t))
        for t in noun.subtree
        if t.pos_ in {"VERB", "AUX", "ADJ"}
    )


def _one_verb(x: Token, y: Token) -> bool:
    """Whether two verbs tell one event: the same lemma or close kin ("meet" / "meeting", "fire" / "dismiss")."""
    p, q = x.lemma_.lower(), y.lemma_.lower()
    if p == q:
        return True
    vectors = embed([p, q])
    return float(vectors[0] @ vectors[1]) >= _SAME_EVENT


def _acts_on_things(s: SentenceInfo, planned: bool) -> list[tuple[str, frozenset[str], Token]]:
    """`_read_acts_on_things`, kept per sentence while a story is read (every pair check asks it of both)."""
    memo = THINGS.get()
    if memo is None:
        return _read_acts_on_things(s, planned)
    if (id(s), planned) not in memo:
        memo[id(s), planned] = _read_acts_on_things(s, planned)
    return memo[id(s), planned]


def _read_acts_on_things(s: SentenceInfo, planned: bool) -> list[tuple[str, frozenset[str], Token]]:
    """(verb lemma, proper-noun lemmas of its object, verb) of each act a sentence tells outside quotation marks on
    a named thing, still to come (`planned`: "plans to invoke the Fifth Amendment") or done ("invoked her Fifth
    Amendment right"); not denied, not a light verb, not reported speech's own verb."""
    found = []
    for verb in told_acts(s):
        lemma = verb.lemma_.lower()
        if future_clause(verb) != planned:
            continue
        if not planned and not (verb.tag_ == "VBD" and verb.dep_ in {"ROOT", "conj"}):
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        names = frozenset(t.lemma_.lower() for o in objects for t in o.subtree if t.pos_ == "PROPN")
        if names:
            found.append((lemma, names, verb))
    return found


def _planned_and_done(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One act on one named thing, still to come in one outlet and done in the other ("plans to invoke the Fifth
    Amendment during her expected testimony" / "invoked her Fifth Amendment right and declined to testify"): the
    same verb on the same named thing is the evidence of one matter. Which report came first makes it an update."""
    for planned, done, first in ((a, b, True), (b, a, False)):
        for lemma, names, _ in _acts_on_things(planned, True):
            if any(lemma == other and names & other_names for other, other_names, _ in _acts_on_things(done, False)):
                return ("expected", "happened", 1.0) if first else ("happened", "expected", 1.0)
    return None


def _also_done(sentence: SentenceInfo, lemma: str) -> bool:
    """Whether a sentence whose main event is still expected also tells, in the past, the act the other outlet
    reports done ("intended to cooperate fully and had already repaid"): then both report it done."""
    return any(t.lemma_.lower() == lemma and t.tag_ in {"VBD", "VBN"} and t.pos_ == "VERB" for t in sentence.doc)


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
