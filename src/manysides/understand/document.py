"""One article understood: its sentences with entities, numbers, dates, attributions, quotes and modality.

All articles of a comparison are parsed in one spaCy batch (one Doc per sentence), which is what keeps the
per-article cost low; every offset is an offset into the article body.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from manysides.records.article import Article
from manysides.understand.dates import DateMention, find_dates, looking_ahead, parse_published
from manysides.understand.entities import ENTITY_TYPES, Mention, clean_name
from manysides.understand.modality import Modality, clause_verb, future_clause, main_verb, modality, negated
from manysides.understand.names import name_key
from manysides.understand.nlp import load_nlp
from manysides.understand.numbers import NumberMention, find_numbers
from manysides.understand.other_languages import read_other_languages
from manysides.understand.quotes import Attribution, attributions, dateline_end, quote_spans, scan_quotes
from manysides.understand.sentences import Sentence, split_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
_LIGHT_VERBS = frozenset({"be", "have", "do", "make", "take", "say", "tell", "report", "get", "give", "go"})


@dataclass
class SentenceInfo:
    """What alignment, conflicts and framing need to know about one sentence."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str
    doc: Doc
    content: set[str] = field(default_factory=set)
    predicates: list[str] = field(default_factory=list)
    subject: str = ""
    subject_text: str = ""
    entity_keys: set[str] = field(default_factory=set)
    numbers: list[NumberMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    negated: bool = False
    modality: Modality = "stated"
    parsed: bool = True  # read by the English parse; False in other languages (other_languages.py)


@dataclass
class ArticleText:
    """An article with its understood sentences and entity mentions."""

    article: Article
    sentences: list[SentenceInfo]
    mentions: list[Mention]


def _light_object(token: Token) -> bool:
    """A noun that carries the event after a light verb: "held talks", "took steps"."""
    head = token.head
    return (
        token.pos_ == "NOUN"
        and token.dep_ in {"dobj", "nsubj", "pobj", "attr"}
        and head.pos_ == "VERB"
        and (head.lemma_.lower() in _LIGHT_VERBS)
    )


def _subject(doc: Doc) -> tuple[str, str]:
    """Who acts in the main event (subject or passive agent of the main verb): a name key or noun lemma, and text."""
    verb = main_verb(doc[:])
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass", "agent"}:
            head = next((g for g in child.children if g.dep_ == "pobj"), child) if child.dep_ == "agent" else child
            if head.pos_ == "PROPN":
                text = " ".join(t.text for t in head.subtree if t.pos_ == "PROPN")
                return name_key(text), text
            return ("", "") if head.pos_ == "PRON" else (head.lemma_.lower(), head.text)
    return "", ""


def _predicates(doc: Doc) -> list[str]:
    """Lemmas naming the event: the main verb first, then other full verbs and their nominal objects."""
    verb = main_verb(doc[:])
    found = [] if verb.lemma_.lower() in _LIGHT_VERBS else [verb.lemma_.lower()]
    for token in doc:
        lemma = token.lemma_.lower()
        full_verb = token.pos_ == "VERB" and lemma not in _LIGHT_VERBS
        if (full_verb or _light_object(token)) and lemma not in found:
            found.append(lemma)
    return found


_AHEAD = re.compile(r"\b(?:as soon as|as early as|no later than)\s+$", re.IGNORECASE)


def _dates(text: str, doc: Doc, published: date | None) -> list[DateMention]:
    """Dates of the sentence; a bare weekday in a future clause looks ahead of publication instead of back."""
    found = find_dates(text, published)
    if published is None:
        return found
    result = []
    for mention in found:
        verb = clause_verb(doc, mention.start, mention.end) if mention.bare_weekday else None
        ahead = _AHEAD.search(text[max(0, mention.start - 16) : mention.start]) is not None
        future = ahead or (verb is not None and future_clause(verb))
        result.append(looking_ahead(mention, published) if mention.bare_weekday and future else mention)
    return result


_SMALL_WORDS = frozenset({"a", "an", "the", "of", "on", "in", "and", "or", "for", "to", "at", "with", "by", "as", "vs"})


def title_case(text: str) -> bool:
    """A heading line set in title case ("Obama Willing to Use Executive Orders on Guns"): no closing stop and
    every word but the small ones capitalised. The parser reads most of such a line as names."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", text) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 3 and not text.rstrip().endswith((".", "!", "?")) and all(w[0].isupper() for w in words)


def _sentence_info(
    article: Article, sentence: Sentence, doc: Doc, spans: list[tuple[int, int]] | None = None
) -> tuple[SentenceInfo, list[Mention]]:
    published = parse_published(article.published)
    span = doc[:]
    heading = title_case(sentence.text)
    mentions = [
        Mention(
            clean_name(ent.text),
            ENTITY_TYPES[ent.label_],
            article.id,
            sentence.index,
            sentence.start + ent.start_char,
            sentence.start + ent.end_char,
            heading,
        )
        for ent in doc.ents
        if ent.label_ in ENTITY_TYPES and clean_name(ent.text)
    ]
    keys = {name_key(ent.text) for ent in doc.ents if ent.label_ in {*ENTITY_TYPES, "NORP"}} - {""}
    subject = _subject(doc)
    info = SentenceInfo(
        index=sentence.index,
        paragraph=sentence.paragraph,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        doc=doc,
        content={t.lemma_.lower() for t in doc if t.pos_ in _CONTENT_POS and not t.is_stop},
        predicates=_predicates(doc),
        subject=subject[0],
        subject_text=subject[1],
        entity_keys=keys,
        numbers=find_numbers(span),
        dates=_dates(sentence.text, doc, published),
        attributions=attributions(span, spans),
        quotes=spans if spans is not None else quote_spans(sentence.text),
        negated=negated(span),
        modality=modality(span),
    )
    return info, mentions


_HE_SHE = frozenset({"he", "she"})
_HE_SHE_WORD = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
# "Mr. Ryan" and "Ms. Pelosi": the honorifics some outlets give every person tell "he" from "she".
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms)\.? ((?:[A-Z][\w'\u2019-]+ )*[A-Z][\w'\u2019-]+)")
_GENDER = {"Mr": "he", "Mrs": "she", "Ms": "she"}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _genders(body: str) -> dict[str, str]:
    """Surname -> "he" or "she" from the honorifics the article uses; a surname given both is left out."""
    found: dict[str, set[str]] = {}
    for match in _HONORIFIC.finditer(body):
        found.setdefault(match.group(2).split()[-1], set()).add(_GENDER[match.group(1)])
    return {name: next(iter(g)) for name, g in found.items() if len(g) == 1}


def _is_subject(info: SentenceInfo, mention: Mention) -> bool:
    """Whether a mention is the subject of a clause ("Sen. Mazie Hirono blasted ..."), not an object or an
    apposition ("has a daughter, Bella, ... and he said")."""
    span = info.doc.char_span(mention.start - info.start, mention.end - info.start, alignment_mode="expand")
    return span is not None and span.root.dep_ in _SUBJECT_DEPS


def _resolve_pronoun_speakers(
    infos: list[SentenceInfo],
    mentions: list[Mention],
    body: str = "",
    quotes: list[list[tuple[int, int]]] | None = None,
) -> None:
    """ "he told Fox News" names no one. The speaker is taken to be, in this order: the sentence's own subject
    when it is a name before the pronoun ("Gorsuch, who worked for Bush, ... he stated"); a person named as a
    subject before the pronoun ("Sen. Mazie Hirono blasted ..., she said"); the latest named speaker up to three
    sentences back (in journalism "he said" after a quote is most often the last speaker) when that speaker is a
    person, not an outlet or a country, or else the person a sentence on the way back has as its subject ("Dana
    Loesch accused the NAACP ... "...," she told Fox News"); the first person the sentence before names. Names
    inside quotation marks (`quotes`: each sentence's quoted passages, a quotation crossing sentences included)
    are never taken, nor a person the article calls "Mr." for "she" or "Ms." for "he". Otherwise "he" stays."""
    spans = quotes if quotes is not None else [info.quotes for info in infos]

    def quoted(j: int, offset: int) -> bool:
        return any(a <= offset < b for a, b in spans[j])

    people: dict[int, list[tuple[int, str, bool]]] = {}
    others: dict[int, list[str]] = {}
    # The parser types one name differently from sentence to sentence ("Trump" an organisation once): a name the
    # article gives as a person anywhere is a person everywhere.
    person_names = {name_key(m.text) for m in mentions if m.type == "person"}
    for mention in mentions:
        info = infos[mention.sentence]
        inside = quoted(mention.sentence, mention.start - info.start)
        person = mention.type == "person" or name_key(mention.text) in person_names
        if person and not mention.headline and not inside:
            people.setdefault(mention.sentence, []).append((mention.start, mention.text, _is_subject(info, mention)))
        elif not person:
            others.setdefault(mention.sentence, []).append(mention.text)
    genders = _genders(body)

    def fits(name: str | None, pronoun: str) -> bool:
        return bool(name) and genders.get(name.split()[-1], pronoun) == pronoun  # type: ignore[union-attr]

    def speaker_in(j: int) -> str | None:
        named = [a.speaker for a in infos[j].attributions if a.named and a.speaker.lower() not in _HE_SHE]
        if not named:
            return None
        found = [text for _, text, _ in people.get(j, [])]
        person = next((p for p in found if p in named[0]), None)
        head = named[0].split()[-1]
        if person is None and any(head in o.split() for o in others.get(j, [])):
            return None  # "The Guardian reported ..." then "he said": an outlet or a place is not "he" (but "House
            # Minority Whip Steny Hoyer" is a person whose title names an organisation)
        return person or named[0]

    def subject_in(j: int) -> str | None:
        """The person the sentence's main clause is about ("Pelosi did not agree ..."), not one in a clause below."""
        main = infos[j].subject_text
        return next((text for _, text, _ in people.get(j, []) if main and (main in text or text in main)), None)

    for k, info in enumerate(infos):
        at = next((m.start() for m in _HE_SHE_WORD.finditer(info.text) if not quoted(k, m.start())), None)
        if at is None or not any(a.speaker.lower() in _HE_SHE for a in info.attributions):
            continue
        pronoun = "she" if info.text[at : at + 3].lower() == "she" else "he"
        subject, where = info.subject_text, info.text.find(info.subject_text)
        placed = dateline_end(info.text) <= where < at and not quoted(k, where)
        own = subject if subject[:1].isupper() and placed else None
        before = [text for start, text, subj in people.get(k, []) if start < info.start + at and subj]
        earlier = (speaker_in(j) or subject_in(j) for j in range(k - 1, max(k - 4, -1), -1))
        first_before = (text for _, text, _ in people.get(k - 1, [])[:1])
        chain = itertools.chain([own], before[:1], earlier, first_before)
        person = next((c for c in chain if fits(c, pronoun)), None)
        if person:
            info.attributions = [
                replace(a, speaker=person, head=person.split()[-1].lower(), named=True)
                if a.speaker.lower() in _HE_SHE
                else a
                for a in info.attributions
            ]


# A title a person is named with ("Gov. Mike Pence", "Sen. Rubio") and the speaker phrase that stands for them
# later ("the governor said"). Keys are the phrase's head word; values the forms written before a name.
_TITLES = {
    "governor": ("gov.", "governor"),
    "senator": ("sen.", "senator"),
    "congressman": ("rep.", "representative", "congressman"),
    "congresswoman": ("rep.", "representative", "congresswoman"),
    "lawmaker": ("rep.", "representative", "sen.", "senator"),
    "president": ("president",),
    "mayor": ("mayor",),
    "speaker": ("speaker",),
    "secretary": ("secretary",),
    "minister": ("minister",),
    "chancellor": ("chancellor",),
    "judge": ("judge",),
    "justice": ("justice",),
}
_TITLE_SPEAKER = re.compile(r"(?:the )?(?:former |then-|new |state's |city's )?(\w+)(?: himself| herself)?", re.I)


def _titled_people(body: str, mentions: list[Mention]) -> dict[str, set[str]]:
    """Title word -> the full names of people the article names with that title right before the name."""
    found: dict[str, set[str]] = {}
    people = {name_key(m.text): m.text for m in mentions if m.type == "person" and not m.headline}
    for mention in mentions:
        if name_key(mention.text) not in people:
            continue
        before = body[max(0, mention.start - 24) : mention.start].lower().split()
        if not before:
            continue
        for key, forms in _TITLES.items():
            if before[-1] in forms:
                found.setdefault(key, set()).add(people[name_key(mention.text)])
    return found


def _resolve_title_speakers(infos: list[SentenceInfo], mentions: list[Mention], body: str) -> None:
    """ "the governor said" names no one, but an article that called one person "Gov. Mike Pence" means him: a
    speaker that is only a title takes the one person the article gives that title (two such people: left as
    it is). Full names of one person ("Mike Pence", "Pence") count once."""
    titled = _titled_people(body, mentions)
    for info in infos:
        changed = []
        for a in info.attributions:
            match = _TITLE_SPEAKER.fullmatch(a.speaker.strip())
            names = titled.get(match.group(1).lower(), set()) if match and not a.named else set()
            full = {n for n in names if not any(n != o and n in o for o in names)}
            if len({name_key(n).split()[-1] if name_key(n) else n for n in full}) == 1:
                person = max(full, key=len)
                a = replace(a, speaker=person, head=person.split()[-1].lower(), named=True)
            changed.append(a)
        info.attributions = changed


_OPENING_MARKS = ('"', "\u201c")


def _quote_states(sentences: list[Sentence]) -> list[tuple[list[tuple[int, int]] | None, bool, bool]]:
    """Per sentence: its quoted passages when a quotation crosses its edges (else None: the sentence's own reading
    holds), whether it starts inside a quotation opened earlier in its paragraph, and whether one is open at its end.
    """
    states = []
    open_now, paragraph = False, -1
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            open_now, paragraph = False, sentence.paragraph
        spans, open_end = scan_quotes(sentence.text, open_now)
        crosses = open_now or open_end
        own = quote_spans(sentence.text)
        merged = sorted({*own, *spans}) if crosses else None
        states.append((merged, open_now, open_end))
        open_now = open_end
    return states


def _named_quote(info: SentenceInfo) -> Attribution | None:
    return next((a for a in info.attributions if a.named and a.speaker.lower() not in _HE_SHE), None)


def _resolve_quote_runs(infos: list[SentenceInfo], states: list[tuple[object, bool, bool]]) -> None:
    """A sentence that is all quotation and names no speaker takes the speaker of its quotation: a sentence of the
    same quotation that names one (""...anymore. ...it," Pence wrote" over several sentences); else the sentence
    just before, when that one credits a quote to a named speaker (""Pic of your wife not from us," Cruz said.
    "Donald, if you try to attack Heidi ..."") or leads in to the quote with a colon ("Trump responded in a
    statement:")."""
    runs: list[list[int]] = []
    for k, (_, starts_open, _) in enumerate(states):
        if starts_open and runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    for run in runs:
        members = [infos[k] for k in run]
        found = next((a for a in (_named_quote(m) for m in members) if a and a.kind == "quote"), None)
        first = members[0]
        if found is None and first.text.lstrip().startswith(_OPENING_MARKS) and run[0] > 0:
            previous = infos[run[0] - 1]
            credited = _named_quote(previous)
            if credited and (credited.kind == "quote" or previous.text.rstrip().endswith(":")):
                found = credited
            elif previous.text.rstrip().endswith(":") and previous.subject_text[:1].isupper() and previous.subject:
                name = previous.subject_text
                found = Attribution(name, "", "quote", name.split()[-1].lower(), True)
        if found is None:
            continue
        for k, member in zip(run, members, strict=True):
            pure = states[k][1] or member.text.lstrip().startswith(_OPENING_MARKS)
            if not member.attributions and pure:
                member.attributions = [replace(found, kind="quote")]


def analyse_many(articles: Sequence[Article]) -> list[ArticleText]:
    """Understand several articles in one parsing batch."""
    nlp = load_nlp()
    split = [split_sentences(article.body) for article in articles]
    docs = iter(nlp.pipe([s.text for sentences in split for s in sentences], batch_size=256))
    result = []
    for article, sentences in zip(articles, split, strict=True):
        infos, mentions = [], []
        states = _quote_states(sentences)
        for sentence, (spans, _, _) in zip(sentences, states, strict=True):
            info, found = _sentence_info(article, sentence, next(docs), spans)
            infos.append(info)
            mentions.extend(found)
        quotes = [s if s is not None else info.quotes for info, (s, _, _) in zip(infos, states, strict=True)]
        _resolve_title_speakers(infos, mentions, article.body)
        for _ in range(2):  # a quote credited in one pass lets "he said" after it be read in the next, and back
            _resolve_pronoun_speakers(infos, mentions, article.body, quotes)
            _resolve_quote_runs(infos, states)
        result.append(ArticleText(article, infos, mentions))
    read_other_languages(result)
    return result


def analyse(article: Article) -> ArticleText:
    """Understand one article."""
    return analyse_many([article])[0]
