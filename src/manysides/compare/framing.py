"""Framing per outlet: labels given to actors, scare quotes, loaded terms and hedges, each as an exact span.

Labels are appositions that cast an actor ("Sharaa, a former ISIS commander") and judging descriptors before a name
("interim President", not "former President"); scare quotes are short quoted words that nobody is quoted as saying
("Israel", "peace"), while a short quote after a reporting verb is someone's words and counts only when a word in
it is loaded. Loaded terms are the curated list in `lexicon`, plus, per sentence that the learned model (see
`lexicon`) finds loaded, its best-scoring emotive word (`lexicon.emotive`) as a phrase, shown only when word score x
sentence score passes the sentence threshold, at most `MAX_LOADED` an article. Words a named speaker is quoted or
paraphrased as saying are kept as that speaker's (`in_quote` / `speaker`), never as the outlet's. Hedges are those
of `lexicon.DOUBT_HEDGES`, which doubt a claim. Voices count how often each speaker is quoted or paraphrased.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

import numpy as np

from manysides.compare.lexicon import (
    DOUBT_PATTERN,
    LOADED_PATTERN,
    emotive,
    is_candidate,
    is_cue,
    judging_noun,
    loaded_model,
    model_inputs,
    project,
    sentence_features,
    sentence_vector_inputs,
    sigmoid,
    vader_valence,
    word_features,
)
from manysides.compare.provenance import VAGUE_SPEAKERS, is_source
from manysides.records.report import FramingItem, Voice
from manysides.understand import ArticleText, SentenceInfo
from manysides.understand.document import People
from manysides.understand.entities import clean_name

if TYPE_CHECKING:
    from spacy.tokens import Token

_ACTORS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_MAX_SCARE_WORDS = 3
_CUE_BEFORE = ("said", "says", "told", "called it", "described it as", "as")
# Reporting verbs: a short quote after one of these is someone's words, framing only if the words are loaded.
_REPORTING_WORDS = (
    "say tell call describe claim insist write tweet argue urge vow warn accuse deny add state label term dub "
    "praise criticize decry denounce condemn refer suggest acknowledge admit announce promise pledge predict "
    "complain charge allege testify explain note declare characterize find emphasize stress contend question "
    "dispute quote thank ask deride reply respond recall concede boast brag lament mock hail offer"
)
_REPORTING = frozenset(_REPORTING_WORDS.split())
_DISTANCING = re.compile(r"\bwhat\s+(?:\S+\s+){0,3}(?:calls?|called|describes?|described|dubs?|dubbed|terms?|termed)\b")
# Nouns that introduce a word as a word ("the term 'deep state'"): general English.
_MENTION_NOUNS = frozenset(
    ("term", "word", "phrase", "name", "nickname", "label", "slogan", "hashtag", "moniker", "sign")
)
# Nouns for a work with a title ("the drama 'Homeland'", "a show like 'Today'"): a capitalised quoted word next to
# one names the work. General English.
_WORK_WORDS = (
    "show programme program series sitcom drama comedy film movie documentary book novel memoir song album play "
    "musical episode podcast column magazine newspaper broadcast miniseries painting poem opera"
)
_WORK_NOUNS = frozenset(_WORK_WORDS.split())
_QUOTE_MARK = re.compile(r"[\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]")
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "on", "in", "and", "for", "to", "at", "with"})
# Emotive words beyond the curated list: VADER valence at least this strong, in these parts of speech, and
# whether words inside direct quotes count. `benchmarks.compare --fit` compares settings on BASIL half A; they
# differed by less than 0.02 F1 there, so the middle setting stays.
VADER_MIN = 2.0
VADER_POS = frozenset({"ADJ", "ADV"})
IN_QUOTES = False
# Word-model score (see `lexicon`) a partial quote's word needs to count as loaded; the data file's own value, fitted
# by benchmarks/train_framing, wins.
QUOTE_MIN = 0.7
# Word-model score the word shown for a loaded sentence needs, besides being emotive (`lexicon.emotive`): a report
# should not point at "harbour" or "bilateral".
WORD_MIN = 0.6
# Adjectives before a name that only date or rank a post or give an age ("former President", "teenage striker"): they
# identify, they do not judge, so a descriptor needs some other adjective to count as a label. General English, not
# from any data (bar "presumptive", added after reading a half-A label "presumptive Democratic presidential nominee").
_NEUTRAL_WORDS = (
    "former then late current outgoing incoming presumptive presidential vice senior junior first second third last "
    "next new special full fellow only eventual likely top chief deputy assistant executive general national federal "
    "state local northern southern eastern western longtime veteran retired elected appointed previous future "
    "republican democratic independent congressional legislative judicial military civilian regional royal "
    "public private foreign domestic international prime acting old teenage elderly other another such same own "
    "many several various both few"
)
NEUTRAL_DESCRIPTORS = frozenset(_NEUTRAL_WORDS.split())


def _actor(token: Token) -> str | None:
    """The named actor a token belongs to, if any."""
    if token.ent_type_ in _ACTORS:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return clean_name(ent.text)
    return None


def _item(
    text: ArticleText, sentence: SentenceInfo, kind: str, start: int, end: int, target: str | None
) -> FramingItem:
    body = text.article.body
    quoted = kind != "scare_quotes" and any(q_start < start and end < q_end for q_start, q_end in sentence.quotes)
    named = [a for a in sentence.attributions if a.named or " " in a.speaker]
    speakers = [a.speaker for a in named if a.kind == "quote"] + [a.speaker for a in named if a.kind != "quote"]
    speaker = (speakers[0] if speakers else _quoter(sentence, start)) if quoted else None
    return FramingItem(
        article=text.article.id,
        type=kind,  # type: ignore[arg-type]
        target=target,
        text=body[sentence.start + start : sentence.start + end],
        sentence=sentence.index,
        in_quote=quoted,
        speaker=speaker,
    )


# Verbs whose subject a quoted word after them describes rather than says ("look "crazy"", "seemed "unhinged"").
_LINKING = frozenset({"look", "seem", "appear", "sound", "become", "feel", "remain"})


def _quoter(sentence: SentenceInfo, start: int) -> str | None:
    """Who speaks the quote holding the character at `start`, from the parse when no attribution names them: the
    named subject of the first verb outside the quote that the quoted words hang on ("Sen. Brian Schatz ... called
    the nomination "shocking"", "Boehner chided Obama ..., accusing the president of having "wasted" a week"). Not
    the subject a linking verb describes ("it makes Bachmann look "crazy"": the word is said of Bachmann)."""
    bounds = next(((s, e) for s, e in sentence.quotes if s < start < e), None)
    token = next((t for t in sentence.doc if t.idx >= start), None)
    if bounds is None or token is None:
        return None
    for _ in range(10):
        outside = not bounds[0] <= token.idx < bounds[1]
        subjects = [c for c in token.children if c.dep_ == "nsubj"] if outside and token.pos_ == "VERB" else []
        if subjects and token.lemma_.lower() in _LINKING:
            return None
        if subjects:
            subject = token.head if subjects[0].tag_ in {"WP", "WDT"} and token.dep_ == "relcl" else subjects[0]
            return _actor(subject) if subject.ent_type_ in {"PERSON", "ORG"} else None
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _characterises(words: list[Token]) -> bool:
    """An apposition that casts its actor ("a former ISIS commander", "a firebrand union boss"), not one that
    identifies a post ("the chairman of the committee"): indefinite, with an organisation named or a judging word
    in it. A party or nationality ("a Republican lawmaker") identifies, and a warm noun ("a longtime friend") is no
    judgement: on BASIL such appositions were rarely loaded."""
    if not words or words[0].lower_ not in {"a", "an"}:
        return False
    valence = vader_valence()
    return any(
        t.ent_type_ == "ORG"
        or LOADED_PATTERN.fullmatch(t.text)
        or is_cue(t)
        or (t.pos_ == "ADJ" and abs(valence.get(t.lower_, 0.0)) >= 1.5)
        for t in words
    )


def _appositions(text: ArticleText, sentence: SentenceInfo) -> list[FramingItem]:
    items = []
    for token in sentence.doc:
        if token.dep_ != "appos" or token.pos_ not in {"NOUN"}:
            continue
        target = _actor(token.head) or (token.head.text if token.head.pos_ == "PROPN" else None)
        left = min(t.i for t in token.subtree)
        if target is None or left == 0 or token.doc[left - 1].text != ",":
            continue
        if not _characterises(list(token.doc[left : token.i + 1])):
            continue
        start = token.doc[left].idx
        end = token.idx + len(token.text)
        if end > start:
            items.append(_item(text, sentence, "label", start, end, target))
    return items


def _descriptors(
    text: ArticleText,
    sentence: SentenceInfo,
    scores: dict[int, float] | None = None,
    rows: dict[int, np.ndarray] | None = None,
) -> list[FramingItem]:
    """Descriptors just before a person's name that judge or qualify, not bare job titles: "interim President". A
    nationality, religion or party inside the descriptor does not end it ("foul-mouthed Islamic congresswoman Ilhan
    Omar"): the words before it describe the same person, though it alone judges nothing. With the learned model an
    adjective judges when it is emotive or scores at least `LABEL_MIN` ("rival Sen.", "primary rival", "serious Mr."
    name a role or nothing)."""
    items = []
    doc = sentence.doc
    for ent in doc.ents:
        if ent.label_ != "PERSON" or (ent.root.dep_ == "compound" and ent.root.head.i >= ent.end):
            continue  # "a fake bloody Donald Trump head": the words describe the head, not the person
        i = ent.start - 1
        words: list[Token] = []
        while (
            i >= 0
            and (
                doc[i].pos_ in {"ADJ", "NOUN", "PROPN"}
                or doc[i].text == "-"
                or (doc[i].is_alpha and not doc[i].whitespace_ and doc[i + 1].text == "-")  # "foul-mouthed"
            )
            and (doc[i].ent_type_ not in {"PERSON", "GPE", "NORP"} or (doc[i].ent_type_ == "NORP" and words))
        ):
            words.insert(0, doc[i])
            i -= 1
        if any(
            t.is_lower and t.pos_ == "ADJ" and t.lower_ not in NEUTRAL_DESCRIPTORS and _judges(t, scores, rows)
            for t in words
        ):
            start = words[0].idx
            items.append(
                _item(text, sentence, "label", start, words[-1].idx + len(words[-1].text), clean_name(ent.text))
            )
    return items


def _judges(token: Token, scores: dict[int, float] | None, rows: dict[int, np.ndarray] | None) -> bool:
    """Whether a descriptor's adjective judges: emotive or scored as loaded by the word model (always, without it)."""
    if scores is None or rows is None:
        return True
    row = rows.get(token.i)
    return row is not None and (scores.get(token.i, 0.0) >= LABEL_MIN or bool(emotive(row[None, :])[0]))


def _named_not_doubted(sentence: SentenceInfo, start: int, end: int, inner: str) -> bool:
    """Quoted words that name something rather than doubt it: a capitalised title beside a noun for a work ("a drama
    like 'Homeland'", "the 'Today' show"), a capitalised word inside a sentence that is no actor's name (a show or a
    sign: "Today"; "Israel" is an actor's name, quoted to doubt it), a nickname inside
    a name (William "Mo" Cowan), a term put before the noun it classifies ("yea" votes, "cloture" rule, "Apprentice"-
    style) unless that noun is a person (an epithet: "Crooked" Hillary Clinton), or a word mentioned as a word ("the
    term 'deep state'", "'Rage' is a word")."""
    doc = sentence.doc
    inside = [t for t in doc if start < t.idx < end]
    after = next((t for t in doc if t.idx >= end), None)
    before = [t for t in doc if t.idx + len(t.text) <= start]
    if not inside:
        return False
    if inner[:1].isupper() and any(
        t.lemma_.lower() in _WORK_NOUNS for t in [*before[-3:], *([after] if after else [])]
    ):
        return True  # the title of a work ("a drama like 'Homeland'", "the 'Today' show")
    if len(inside) == 1 and inner[:1].isupper() and not inner.isupper():
        person_next = after is not None and after.ent_type_ == "PERSON"
        if before and before[-1].ent_type_ == "PERSON" and person_next:
            return True  # a nickname inside a name
        if before and not person_next and inside[0].ent_type_ not in _ACTORS:
            return True  # a title or a sign, not a name being doubted
    if after is not None and after.text in {"-", "\u2013"} and after.idx == end:
        return True  # "Apprentice"-style
    if (
        after is not None
        and after.pos_ in {"NOUN", "PROPN"}
        and after.ent_type_ != "PERSON"
        and after.head.i != after.i
        and any(t.head.i == after.i and t.dep_ in {"compound", "amod", "nmod"} for t in inside)
    ):
        return True  # the quoted words classify the noun after them
    if before and before[-1].lemma_.lower() in _MENTION_NOUNS:
        return True
    return bool(
        after is not None
        and after.lemma_ == "be"
        and any(t.lemma_.lower() in _MENTION_NOUNS for t in doc if t.idx > end and t.head.i == after.i)
    )


def quote_spans(sentence: SentenceInfo) -> list[tuple[int, int, bool]]:
    """Short quoted words that are not a whole quotation: (start, end, attributed), where attributed means the
    sentence credits them to someone (a reporting verb anywhere in it or an attribution found for it), so they are
    a partial quote of someone's words rather than the writer's distancing ("what it calls a 'fatigue crisis'" stays
    the writer's). Quoted names, titles and terms are neither (`_named_not_doubted`)."""
    spans = []
    for start, end in sentence.quotes:
        if not (_QUOTE_MARK.match(sentence.text[start]) and _QUOTE_MARK.match(sentence.text[end - 1])):
            continue  # part of a quotation that crosses the sentence's edge: someone's words, not a short quote
        inner = sentence.text[start + 1 : end - 1].strip()
        words = inner.split()
        if not 0 < len(words) <= _MAX_SCARE_WORDS or inner.endswith((".", ",", "?", "!")):
            continue
        if len(words) > 1 and all(w[:1].isupper() or not w[:1].isalpha() or w in _TITLE_SMALL for w in words):
            continue  # a title or name ("Meet the Press"): quoted to mark it, not to doubt it
        before = sentence.text[:start].rstrip().lower()
        if before.endswith(_CUE_BEFORE) and not inner[:1].isupper():
            continue
        if _named_not_doubted(sentence, start, end, inner):
            continue
        attributed = _persons_words(sentence, start, end) or (
            not _DISTANCING.search(before)
            and (
                any(
                    not start <= t.idx < end and t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in _REPORTING
                    for t in sentence.doc
                )
                or any(a.kind in {"quote", "paraphrase"} for a in sentence.attributions)
            )
        )
        spans.append((start, end, attributed))
    return spans


_PERSON_PRONOUNS = frozenset({"he", "she"})


def _persons_words(sentence: SentenceInfo, start: int, end: int) -> bool:
    """Whether short quoted words are a person's, read from the parse: the first clause outside the quote that they
    hang on has a person as its subject, named, or "he" / "she", or the subject's possessor ("Mr. Rubio's first
    priority will be to 'adequately fund'", "what he called the 'drift'", "recommending ... that the country 'start
    a process'"). Such words quote the person; they are no scare quotes. A quoted subject ("'Israel' had been
    striking") or an institution's term ("what it calls a 'fatigue crisis'") stays the outlet's distancing."""
    token = next((t for t in sentence.doc if start < t.idx < end), None)
    for _ in range(10):
        if token is None or token.head.i == token.i:
            return False
        token = token.head
        if start < token.idx < end or token.pos_ not in {"VERB", "AUX"}:
            continue
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects:
            if token.dep_ in _SHARED:
                continue
            return False
        subject = subjects[0]
        if start < subject.idx < end:
            return False
        owners = [c for c in subject.children if c.dep_ == "poss"]
        return any(t.ent_type_ == "PERSON" or t.lower_ in _PERSON_PRONOUNS for t in [subject, *owners])
    return False


def _scare_quotes(
    text: ArticleText, sentence: SentenceInfo, scores: dict[int, float] | None = None
) -> list[FramingItem]:
    """Scare quotes, and partial quotes whose own words are loaded (word score, else VADER or the curated list). A
    partial quote is someone's words, not the outlet's distancing: it is kept as a loaded term inside a quote
    (`in_quote`, with its speaker when the sentence names one), the quoted words without their marks, and the report
    lists it among the words of those the outlet quotes."""
    items = []
    valence = vader_valence()
    needed = (loaded_model() or {}).get("quote_min", QUOTE_MIN)
    for start, end, attributed in quote_spans(sentence):
        inside = [t for t in sentence.doc if start < t.idx < end]
        inner = sentence.text[start + 1 : end - 1].strip()
        if not attributed:
            items.append(_item(text, sentence, "scare_quotes", start, end, re.sub(r"['\u2019]s?$", "", inner)))
            continue
        loaded = [
            t
            for t in inside
            if (scores or {}).get(t.i, 0.0) >= needed
            or (scores is None and abs(valence.get(t.lower_, 0.0)) >= VADER_MIN)
            or LOADED_PATTERN.fullmatch(t.text)
        ]
        if loaded:
            first = sentence.text.index(inner, start)
            target = _target(loaded)
            items.append(_item(text, sentence, "loaded_term", first, first + len(inner), target))
    return items


def _noun_hedge(tokens: list[Token]) -> bool:
    """A hedge word used as a noun ("the claims that ...", "his claims") names what was said; only the verb ("Trump
    claims great wealth") is the outlet keeping its distance from a claim."""
    return len(tokens) == 1 and tokens[0].pos_ in {"NOUN", "PROPN"}


# Entity types of a name: a word inside one is part of what someone or something is called, no word choice
# ("Representative Louise M. Slaughter", "the Sierra Club", "Operation Desert Storm")
_NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


def _in_name(tokens: list[Token]) -> bool:
    return bool(tokens) and all(t.ent_type_ in _NAME_ENTITIES and t.pos_ == "PROPN" for t in tokens)


def _in_long_quote(sentence: SentenceInfo, start: int) -> bool:
    return any(s <= start < e and len(sentence.text[s:e].split()) > _MAX_SCARE_WORDS for s, e in sentence.quotes)


def _lexical(text: ArticleText, sentence: SentenceInfo) -> list[FramingItem]:
    items = []
    found: list[tuple[str, int, int]] = []
    for kind, pattern in (("hedge", DOUBT_PATTERN), ("loaded_term", LOADED_PATTERN)):
        found.extend((kind, m.start(), m.end()) for m in pattern.finditer(sentence.text))
    found = [f for f in found if f[0] != "hedge" or not _noun_hedge(_tokens(sentence, f[1], f[2]))]
    valence = vader_valence()
    for token in sentence.doc if loaded_model() is None else ():
        if token.pos_ in VADER_POS and abs(valence.get(token.lower_, 0.0)) >= VADER_MIN:
            found.append(("loaded_term", token.idx, token.idx + len(token.text)))
    taken: set[int] = set()
    for kind, start, end in sorted(found, key=lambda item: item[1]):
        if start in taken or (kind == "loaded_term" and not IN_QUOTES and _in_long_quote(sentence, start)):
            continue
        if kind == "loaded_term" and _in_name(_tokens(sentence, start, end)):
            continue
        taken.add(start)
        items.append(_item(text, sentence, kind, start, end, _target(_tokens(sentence, start, end))))
    return items


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_SHARED = frozenset({"xcomp", "conj", "advcl"})  # verbs that share the subject of the verb they hang on
# Roles through which a word describes the noun or verb it hangs on: climb them to find what the word is about.
_CLIMB = frozenset({"advmod", "amod", "compound", "prt", "neg", "npadvmod", "conj", "xcomp", "acomp", "attr", "oprd"})


def _named(token: Token, framed: bool = False) -> str | None:
    """The actor a noun names: itself when it is part of a person, organisation or group's name, else its possessor
    or a name compounded with it ("Assad regime", "Trump's tirade"). A place named beside an event noun ("the
    Orlando massacre") is where it happened, not who did it, so places count only as possessors. A group's adjective
    ("Syrian") names the actor only when the noun it modifies is the framing word itself ("the Syrian regime"): a
    noun reached from the word is the actor, not its nationality or party ("the controversial Islamic center", "the
    Republican nominee's boasts")."""
    actor = _actor(token)
    if actor:
        return actor
    groups = {"PERSON", "ORG", "NORP"}
    for child in token.children:
        if child.dep_ == "poss" or (
            child.ent_type_ in groups
            and (child.dep_ == "compound" or (child.dep_ == "amod" and (framed or child.ent_type_ != "NORP")))
        ):
            actor = _actor(child)
            if actor:
                return actor
    return None


def _subject(verb: Token) -> str | None:
    """The actor a clause is about: its subject (a passive's agent when it has one)."""
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return _named(pobj)
    for child in verb.children:
        if child.dep_ == "nsubj":
            return _named(child)
    return None


def _tokens(sentence: SentenceInfo, start: int, end: int) -> list[Token]:
    return [t for t in sentence.doc if start <= t.idx < end]


def _target(tokens: list[Token]) -> str | None:
    """The actor a framing word describes, read from the parse, or None when the sentence does not say: an adjective
    describes the noun it modifies ("brutal regime"), or, as a predicate, its clause's subject ("X was brutal"); a verb
    or hedge describes its subject ("Trump lashed out", "Israel reportedly struck"); a noun describes what it
    names, its possessor, or, as a predicate, the subject ("X is a terrorist"); an adverb what it modifies. Better
    no target than the nearest name in the sentence, which is often another actor ("massacre" -> "White House")."""
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    token = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    for _ in range(6):
        if token.pos_ in {"VERB", "AUX"}:
            if any(c.dep_ in _SUBJECTS or c.dep_ == "agent" for c in token.children) or token.dep_ not in _SHARED:
                return _subject(token)
            token = token.head  # "refused to", "..., saying": the subject is the governing clause's
            continue
        if token.pos_ in {"NOUN", "PROPN", "PRON"}:
            actor = _named(token, token.i in inside)
            if actor or token.dep_ not in {"attr", "oprd", "appos", "conj"}:
                return actor
        if token.dep_ == "oprd":  # "called him a liar": the object is described
            objects = [c for c in token.head.children if c.dep_ == "dobj"]
            return _named(objects[0]) if objects else None
        if token.dep_ in {"attr", "acomp"} and token.head.pos_ in {"AUX", "VERB"}:
            return _subject(token.head)
        if token.dep_ == "appos":
            return _named(token.head)
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            return None
        token = token.head
    return None


def word_rows(text: ArticleText) -> list[tuple[list[Token], np.ndarray]]:
    """Per sentence, its candidate words and their feature rows (one embedding batch for the whole article)."""
    tokens: list[Token] = []
    long_quote: list[bool] = []
    quoted: list[bool] = []
    bounds = []
    for sentence in text.sentences:
        first = len(tokens)
        for token in sentence.doc:
            if is_candidate(token):
                tokens.append(token)
                long_quote.append(_in_long_quote(sentence, token.idx))
                quoted.append(any(s <= token.idx < e for s, e in sentence.quotes))
        bounds.append((first, len(tokens)))
    features = word_features(tokens, long_quote, quoted, (loaded_model() or {}).get("lexicon"))
    return [(tokens[a:b], features[a:b]) for a, b in bounds]


def sentence_inputs(text: ArticleText) -> list[tuple[int, str, int, float]]:
    """Per sentence what `sentence_features` needs besides word scores: index, text, words, share in long quotes."""
    rows = []
    for sentence in text.sentences:
        words = [t for t in sentence.doc if t.is_alpha]
        inside = sum(_in_long_quote(sentence, t.idx) for t in words)
        rows.append((sentence.index, sentence.text, len(words), inside / max(len(words), 1)))
    return rows


def word_scores(text: ArticleText) -> tuple[list[tuple[list[Token], np.ndarray]], list[dict[int, float]]] | None:
    """Per sentence the candidate words with the learned model's score of each (token index -> score)."""
    model = loaded_model()
    if model is None or not text.sentences:
        return None
    weights = np.asarray(model["word"]["weights"])
    rows = word_rows(text)
    if rows and model_inputs(rows[0][1], model).shape[1] != len(weights):
        return None  # a data file from another feature set: fall back rather than guess
    scored = []
    for tokens, features in rows:
        values = sigmoid(model_inputs(features, model) @ weights + model["word"]["bias"]) if tokens else np.zeros(0)
        scored.append({t.i: float(v) for t, v in zip(tokens, values, strict=True)})
    return rows, scored


def sentence_scores(
    text: ArticleText, rows: list[tuple[list[Token], np.ndarray]], scored: list[dict[int, float]]
) -> list[float]:
    """Per sentence the learned model's probability that it holds loaded language (0 without candidate words)."""
    from manysides.compare.embed import embed

    model = loaded_model()
    if model is None:
        return [0.0] * len(text.sentences)
    weights = np.asarray(model["sentence"]["weights"])
    with_vector, axes = sentence_vector_inputs(model)
    vectors = embed([s.text for s in text.sentences]) if with_vector else np.zeros((len(text.sentences), 0))
    if axes is not None:
        vectors = project(vectors, axes)
    found = []
    for scores, inputs, vector, (_, words) in zip(scored, sentence_inputs(text), vectors, rows, strict=True):
        if not scores:
            found.append(0.0)
            continue
        x = np.concatenate([sentence_features(*inputs, list(scores.values()), words), vector])
        found.append(float(sigmoid(x @ weights + model["sentence"]["bias"])))
    return found


def _loaded_words(
    text: ArticleText,
    rows: list[tuple[list[Token], np.ndarray]],
    scored: list[dict[int, float]],
    probabilities: list[float],
) -> dict[int, list[FramingItem]]:
    """Sentence position -> the best-scoring emotive word of each sentence the learned model finds loaded."""
    model = loaded_model()
    if model is None:
        return {}
    found: dict[int, list[FramingItem]] = {}
    for position, (scores, probability, (tokens, words)) in enumerate(zip(scored, probabilities, rows, strict=True)):
        if not scores or probability < model["threshold"]:
            continue
        shown = [
            t.i
            for t, ok, row in zip(tokens, emotive(words), words, strict=True)
            if ok and scores[t.i] >= WORD_MIN and (t.pos_ != "NOUN" or judging_noun(row)) and not _in_name([t])
        ]
        if not shown:
            continue  # a loaded sentence whose words all look neutral: nothing to point at
        best = max(shown, key=lambda i: scores[i])
        sentence = text.sentences[position]
        first, last = _phrase(sentence.doc[best])
        start, end = first.idx, last.idx + len(last.text)
        found[position] = [_item(text, sentence, "loaded_term", start, end, _target(_tokens(sentence, start, end)))]
    return found


# Adverbs that place or repeat an act without judging it: "also lashed out" is the phrase "lashed out".
_PLAIN_ADVERBS = frozenset(
    ("also", "too", "then", "later", "again", "still", "already", "even", "just", "now", "once", "first", "further")
)


def _phrase(token: Token) -> tuple[Token, Token]:
    """The word with what makes it a phrase, so the report shows "far-right", "lashed out", "deeply troubling"
    rather than a fragment: hyphen joins, a verb's particle, an adverb just before it that modifies it."""
    doc = token.doc
    first = last = token
    while last.i + 2 < len(doc) and doc[last.i + 1].text == "-" and not last.whitespace_ and doc[last.i + 2].is_alpha:
        last = doc[last.i + 2]
    while first.i >= 2 and doc[first.i - 1].text == "-" and not doc[first.i - 2].whitespace_:
        first = doc[first.i - 2]
    if last.i + 1 < len(doc) and doc[last.i + 1].dep_ == "prt" and doc[last.i + 1].head.i == last.i:
        last = doc[last.i + 1]
    before = doc[first.i - 1] if first.i >= 1 else None
    if before is not None and before.dep_ == "advmod" and before.head.i == first.i:
        first = first if before.lower_ in _PLAIN_ADVERBS else before
    return first, last


def framing(text: ArticleText) -> list[FramingItem]:
    """Every framing item of one article worth a reader's attention, in reading order: labels that judge, hedges that
    doubt a claim, scare quotes, and at most `MAX_LOADED` distinct loaded terms of the outlet's own and as many of
    the speakers it quotes or paraphrases (marked `in_quote` or with their `speaker`)."""
    items: list[FramingItem] = []
    fitted = word_scores(text)
    scored = fitted[1] if fitted else None
    probabilities = sentence_scores(text, *fitted) if fitted else None
    learned = _loaded_words(text, fitted[0], fitted[1], probabilities or []) if fitted and scored else {}
    # each sentence's word rows by token index: a token's index is its place in its own sentence's parse
    rows = [{t.i: row for t, row in zip(tokens, words, strict=True)} for tokens, words in (fitted[0] if fitted else [])]
    rank: dict[int, float] = {}
    for position, sentence in enumerate(text.sentences):
        scores = scored[position] if scored else None
        probability = probabilities[position] if probabilities else None
        found = _appositions(text, sentence) + _descriptors(text, sentence, scores, rows[position] if rows else None)
        found += _scare_quotes(text, sentence, scores)
        found += _lexical(text, sentence)
        covered = {item.text.lower() for item in found}
        found.extend(i for i in learned.get(position, []) if not any(i.text.lower() in c for c in covered))
        found = _outermost(found)
        for item in found:
            shown = _paraphrased(item, sentence) if _outlets_own(item, sentence) else None
            if shown is not None:
                items.append(shown)
                rank[id(shown)] = _rank(shown, sentence, scores, probability)
    return _best_loaded(items, rank)


def _outermost(items: list[FramingItem]) -> list[FramingItem]:
    """One sentence's items without a loaded term that another item holds in its own words (the partial quote
    "outrageous distortion" and, from the word list, its "outrageous"): a reader would read one phrase twice."""

    def inside(inner: str, outer: str) -> bool:
        return inner != outer and re.search(rf"(?<!\w){re.escape(inner)}(?!\w)", outer) is not None

    texts = [i.text.casefold() for i in items]
    return [
        i for i, t in zip(items, texts, strict=True) if i.type != "loaded_term" or not any(inside(t, o) for o in texts)
    ]


# Distinct loaded terms shown per article at most: a reader reads a few, so the report keeps the curated terms and
# then the best-scoring words (word score times sentence score), and drops the rest.
MAX_LOADED = 4
# Word-model score an adjective before a name needs to make a label when it is not emotive (`lexicon.emotive`): at
# least as likely loaded as not, so "rival Sen." or "serious Mr." label nobody while "interim President" does.
LABEL_MIN = 0.5


def _rank(
    item: FramingItem, sentence: SentenceInfo, scores: dict[int, float] | None, probability: float | None
) -> float:
    """How much a loaded term is worth a reader's attention: a curated term first, else word score x sentence score."""
    if LOADED_PATTERN.fullmatch(item.text):
        return 2.0
    at = sentence.text.find(item.text)
    words = [(scores or {}).get(t.i, 0.0) for t in _tokens(sentence, at, at + len(item.text))] if at >= 0 else []
    return max(words, default=0.0) * (probability if probability is not None else 1.0)


def _best_loaded(items: list[FramingItem], rank: dict[int, float]) -> list[FramingItem]:
    """The items with at most `MAX_LOADED` distinct loaded terms of the outlet's own, and as many of the speakers it
    quotes or paraphrases (one word repeated is one term, kept each time). A word the model found (not a curated
    term) needs word score x sentence score at least the sentence threshold: the word alone must pass the bar its
    sentence passed, so a mildly charged word in a loaded sentence ("congratulated") is not shown."""
    bar = (loaded_model() or {}).get("threshold", 0.0)
    best: dict[tuple[bool, str], float] = {}
    for item in items:
        if item.type == "loaded_term":
            key = (item.in_quote or item.speaker is not None, item.text.casefold())
            best[key] = max(best.get(key, -1.0), rank[id(item)] if rank[id(item)] >= bar else -1.0)
    kept = {
        key
        for whose in (False, True)
        for key in sorted((k for k in best if k[0] == whose and best[k] >= 0), key=lambda k: -best[k])[:MAX_LOADED]
    }
    return [
        i for i in items if i.type != "loaded_term" or (i.in_quote or i.speaker is not None, i.text.casefold()) in kept
    ]


def _outlets_own(item: FramingItem, sentence: SentenceInfo) -> bool:
    """Whether an item is worth showing at all. Words inside a direct quote are the speaker's: a hedge there
    ("allegedly") is the speaker's caution, never the outlet's, so it is dropped. A loaded word or label inside a full
    quotation stays only when its speaker is named (marked `in_quote`, with the speaker), because whose charged words
    an outlet chooses to quote is part of its framing, while an unattributed quotation's words are nobody's to
    compare. A short partial quote woven into the outlet's own sentence ("called the nomination 'shocking'") is the
    outlet's pick of exactly those words, so it stays, marked `in_quote`. The report shows both apart from the
    outlet's own wording, as the words of those it quotes (`present.report_view`)."""
    if not item.in_quote:
        return True
    if item.type == "hedge":
        return False
    at = [m.start() for m in re.finditer(re.escape(item.text), sentence.text)]
    return item.speaker is not None or not all(_in_long_quote(sentence, p) for p in at)


# Clauses and phrases that describe a noun or add a comment: inside reported words they are the outlet's aside ("a
# 2005 tape of him bragging", "Indiana, where a controversial law ...", "..., a surprisingly downbeat assessment").
_ASIDES = frozenset({"relcl", "acl", "appos", "npadvmod"})


def _reported(token: Token) -> Token | None:
    """The named speaker of what a word is reported as saying, when it lies in the clause of a reporting verb ("Varn
    argued that Lyng would be a disastrous premier") or in the "that" clause of a noun ("he made the case that the
    nominee's boasts don't match reality"): the speaker's argument, paraphrased, not the outlet's own judgement.
    Unnamed speakers ("critics say the militant tactics ...") leave the words to the outlet, which chose to voice
    them without a source."""
    current = token
    for _ in range(12):
        head = current.head
        if head.i == current.i:
            return None
        that = any(c.dep_ == "mark" and c.lower_ == "that" for c in current.children)
        if current.dep_ == "ccomp" or (current.dep_ == "acl" and that):
            by_verb = head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in _REPORTING
            by_noun = head.pos_ == "NOUN" and that
            if by_verb or by_noun:
                return _named_speaker(head if by_verb else head.head)
        elif current.dep_ in _ASIDES:
            return None  # the outlet's own aside inside the reported words ("a tape of him bragging", "..., where")
        current = head
    return None


def _named_speaker(verb: Token) -> Token | None:
    """A reporting verb's subject when it is named: a person, organisation or group, or a pronoun standing for one
    (a participle such as "saying" takes the subject of the verb it hangs on)."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            subject = subjects[0]
            named = subject.ent_type_ in _ACTORS or subject.tag_ == "PRP" or _named(subject) is not None
            return subject if named else None
        if verb.dep_ not in _SHARED or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _paraphrased(item: FramingItem, sentence: SentenceInfo) -> FramingItem | None:
    """An item as the outlet's or a speaker's: a loaded term inside a named speaker's paraphrased argument
    (`_reported`) carries that speaker; a hedge there is the speaker's caution and is dropped (None)."""
    if item.type not in {"loaded_term", "hedge"} or item.in_quote:
        return item
    at = sentence.text.find(item.text)
    tokens = _tokens(sentence, at, at + len(item.text)) if at >= 0 else []
    speakers = [_reported(t) for t in tokens]
    if not tokens or any(s is None for s in speakers):
        return item
    if item.type == "hedge":
        return None
    subject = speakers[0]
    named = [a.speaker for a in sentence.attributions if a.named or " " in a.speaker]
    name = (_actor(subject) or _named(subject)) if subject is not None else None
    return item.model_copy(update={"speaker": name or (named[0] if named else subject.text if subject else None)})


def voices(text: ArticleText) -> list[Voice]:
    """How often each speaker is quoted directly or paraphrased in one article, one sentence counting once for a
    speaker ("Reyl said he had warned ..., adding that ..." is one quote of Reyl's, not three); a named person counts
    once under the full name the article gives ("Olsk" and "Dmitry Olsk" are one voice)."""
    people = text.people or People(text.sentences, text.mentions, text.article.body)
    found: list[tuple[int, bool, str, str | None]] = []  # sentence, quoted, name, the phrase naming a person
    for sentence in text.sentences:
        for attribution in sentence.attributions:
            if attribution.speaker.lower() in VAGUE_SPEAKERS or (
                attribution.kind == "citing" and not is_source(attribution)
            ):
                continue  # "citing the Fifth Amendment right": a thing cited speaks no words
            person = people.speaker(attribution) if attribution.named else None
            named = (people.full(person), attribution.speaker) if person else (attribution.speaker, None)
            found.append((sentence.index, attribution.kind == "quote", *named))
    # "Clinton" and "Mrs. Clinton" beside "Hillary Rodham Clinton": one voice when the article credits the full
    # name too and says whose the surname is (`People.credited_full`)
    credited = {name for _, _, name, phrase in found if phrase is not None}
    heard: dict[tuple[int, str], bool] = {}  # (sentence, speaker) -> quoted there (else paraphrased)
    for index, is_quote, name, phrase in found:
        speaker = people.credited_full(name, phrase, credited) if phrase is not None else name
        heard[(index, speaker)] = heard.get((index, speaker), False) or is_quote
    quoted = Counter(speaker for (_, speaker), is_quote in heard.items() if is_quote)
    paraphrased = Counter(speaker for (_, speaker), is_quote in heard.items() if not is_quote)
    return [
        Voice(article=text.article.id, speaker=speaker, quoted=quoted[speaker], paraphrased=paraphrased[speaker])
        for speaker in sorted(quoted.keys() | paraphrased.keys())
    ]
