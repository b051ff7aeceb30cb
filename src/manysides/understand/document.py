"""One article understood: its sentences with entities, numbers, dates, attributions, quotes and modality.

All articles of a comparison are parsed in one spaCy batch (one Doc per sentence), which is what keeps the
per-article cost low; every offset is an offset into the article body.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from manysides.records.article import Article
from manysides.understand.dates import DateMention, find_dates, looking_ahead, parse_published
from manysides.understand.described_speakers import resolve_described_speakers
from manysides.understand.entities import (
    ENTITY_TYPES,
    NAME_SUFFIXES,
    STATE_ABBREVIATIONS,
    US_STATES,
    Mention,
    clean_name,
    known_by_suffix,
    known_countries,
    known_organisations,
)
from manysides.understand.gazetteer import kind_apposition, kind_nouns, known_places
from manysides.understand.modality import Modality, clause_verb, future_clause, main_verb, modality, negated
from manysides.understand.name_finding import (
    headed_names,
    known_names,
    known_parts,
    misspelt_calendar_word,
    opening_word,
)
from manysides.understand.name_spans import (
    after_title,
    before_and,
    is_person_title,
    named_after_end,
    purpose_end,
    title_before,
    without_title,
)
from manysides.understand.names import first_name_sex, given_name_sex, name_key
from manysides.understand.nlp import load_nlp
from manysides.understand.numbers import NumberMention, find_numbers
from manysides.understand.other_languages import read_other_languages
from manysides.understand.quotes import (
    BODY_NOUNS,
    CUE_VERBS,
    SPEAKING_DOCUMENTS,
    Attribution,
    agreed_with,
    attributions,
    dateline_end,
    quote_spans,
    scan_quotes,
    time_clause,
)
from manysides.understand.sentences import Sentence, split_sentences
from manysides.understand.spans import owner_split, repair, title_case_quotes, without_trailing_lower
from manysides.understand.speech_words import speech_words
from manysides.understand.title_speakers import TITLE_SPEAKER, TITLES, TitleHolders, resolve_title_speakers

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

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
    ends_body: bool = False  # the body's last sentence: a text cut short or left without a stop still ends here


@dataclass
class ArticleText:
    """An article with its understood sentences and entity mentions."""

    article: Article
    sentences: list[SentenceInfo]
    mentions: list[Mention]
    people: People | None = None  # who the article names and their sex, built once for speakers and sources


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
                aside = {t.i for a in head.subtree if a is not head and _aside(a) for t in a.subtree}
                text = " ".join(t.text for t in head.subtree if t.pos_ == "PROPN" and t.i not in aside)
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


@lru_cache(maxsize=1 << 14)
def title_case(text: str) -> bool:
    """A heading line set in title case ("Obama Willing to Use Executive Orders on Guns"): no closing stop and
    every word but the small ones capitalised. The parser reads most of such a line as names."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", text) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 3 and not text.rstrip().endswith((".", "!", "?")) and all(w[0].isupper() for w in words)


@cache
def _town_state() -> re.Pattern[str]:
    """ ", Ark." or ", Arkansas" right after a name: the name is a town ("Hope, Ark.")."""
    states = sorted(US_STATES, key=len, reverse=True)
    names = "|".join(re.escape(s) for s in states)
    return re.compile(r", (?:" + names + r")(?:(?<=\.)|(?=[.,;:!?)]|$))")  # not "Steny Hoyer, Maryland Democrat"


def _stray_abbreviation(body: str, text: str, start: int) -> bool:
    """A state's abbreviation not where one is written ("Clayton, Mo.", "R-Mo.", "(Mo.)"): "nothing on Mo." is a
    nickname, not Missouri."""
    written = body[max(0, start - 2) : start] == ", " or body[start - 1 : start] in {"-", "("}
    return text in STATE_ABBREVIATIONS and not written


def _titled_pair(text: str, label: str) -> list[tuple[str, str]] | None:
    """The two names of a span that joins a titled person to a name with "and the" ("President Vale and the Harbour
    Board sought to calm ..."): a title opens a person's name, and no body's name goes on from one; None when the
    span is no such pair ("Florence and the Machine" opens with no title and stays one name)."""
    first, joint, second = text.partition(" and the ")
    start = without_title(first, 0, len(first)) if joint else 0
    if not start or not second:
        return None
    return [(first[start:], "person"), (second, ENTITY_TYPES[label])]


def _listed_with_bodies(root: Token) -> bool:
    """Whether a name stands in a list ("Apple, Facebook, Google and Spotify") whose other names, two or more, are
    each an organisation by the parser's label or by the known list: a list joins names of one kind, so the one
    the parser typed a place is a body like the rest."""
    others = root.conjuncts
    if len(others) < 2:
        return False
    known = known_organisations()
    for token in others:
        span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if not (span is not None and span.label_ == "ORG") and token.text not in known:
            return False
    return True


def _pair_end(ent: Span) -> int | None:
    """Where a one-word name ends that goes on with "and" and a second proper noun the parser found no name in
    ("mistreating Diamond and Silk --"): the pair is one name (a duo's, a firm's), and its first word alone would
    be an entity cut from it. None when the second word is a name of its own, a given name, or runs on into more
    capitalised words ("Vale and Harbour Board")."""
    doc = ent.doc
    if len(ent) != 1 or ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "and":
        return None
    other = doc[ent.end + 1]
    after = doc[other.i + 1] if other.i + 1 < len(doc) else None
    if other.dep_ != "conj" or other.head.i != ent.root.i or other.pos_ != "PROPN" or other.ent_type_:
        return None
    if not other.text[:1].isupper() or given_name_sex(other.text) or (after is not None and after.text[:1].isupper()):
        return None
    return other.idx + len(other.text)


def _handle(body: str, text: str, start: int) -> bool:
    """Whether a span is a social-media handle ("Call off this summit, @annvale"): an address, not a name. Its
    owner is named in the story where the handle is quoted; a handle kept apart would be a second entity for them,
    typed by guess, and joining it would mean reading a name out of run-together words."""
    return text.startswith("@") or body[max(0, start - 1) : start] == "@"


def _type_evidence(body: str, start: int, end: int, ent: Span, speakers: tuple[str, ...] = ()) -> str:
    """What the text around a span says of its type, whatever the parser typed it: "person" after a title only a
    person bears ("Mr. Weiner"), "place" before a state ("Hope, Ark."; unless typed a person), "speaker" as the
    subject of a speech verb ("Fiorina said") or the one a sentence's attribution credits ("Yvette Saunders
    called the meeting “wonderful” and said ...": a person or a body, no place); else ""."""
    if after_title(body, start):  # "Mr. Weiner", "Senator Quill" (understand/data/person_titles.txt)
        return "person"
    if (
        ent.label_ == "PERSON"
        and re.match(r",? which\b", body[end : end + 8])
        and first_name_sex(body[start:end]) is None
    ):
        return "thing"  # "include Armour Thyroid, which is used to treat ...": "which" is never said of a person
    if _town_state().match(body, end) and ent.label_ != "PERSON":  # "Reps. Steny Hoyer, Maryland, kept ..."
        return "place"
    before, after, kinds = kind_nouns()
    said = before.search(body, max(0, start - 20), start) or after.match(body, end)
    if said:
        return kinds[said.group(1)]  # "the law firm Patton Boggs", "Facebook founder Mark Zuckerberg"
    told = kind_apposition().match(body, end)
    if told and ent.label_ != "PERSON":
        return kinds[told.group(1)]  # "Third Way, a left-leaning research group,"
    root = ent.root
    listed = _listed_with_bodies(root) and body[start:end] not in known_places()
    if listed and first_name_sex(body[start:end]) is None:  # not "Facebook, Google and Ann Vale"
        return "organisation"  # "removed by Apple, Facebook, Google and Spotify": Spotify is one of the companies
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in CUE_VERBS:
        return "speaker"
    if any(body[start:end] == speaker or speaker.endswith(" " + body[start:end]) for speaker in speakers):
        return "speaker"
    if _town_state().match(body, end) or _locative(root):
        return "locative"  # "Clayton, Mo." or "protests in Florissant": a place if a place is so named
    return ""


_LOCATIVE = frozenset({"in", "near", "outside", "across", "throughout", "around"})


def _locative(root: Token) -> bool:
    """Whether a name is the object of a preposition of place, or a name joined to one by "and" ("in Ferguson
    and Florissant"), and owns nothing ("in Clinton's campaign" is no place)."""
    if any(child.dep_ == "case" for child in root.children):
        return False
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE


def _inside(mention: Mention, other: Mention) -> bool:
    """Whether a mention lies within a longer one of the same sentence ("House" of "House Oversight and Harbour
    Reform Committee", once that span was set right)."""
    return (
        other is not mention
        and other.start <= mention.start
        and mention.end <= other.end
        and (other.end - other.start > mention.end - mention.start)
    )


def _reframed(body: str, start: int, end: int, label: str) -> tuple[tuple[int, int], str]:
    """A span's edges and label set by what it names: a person's name without the titles before it, a body named
    after a person ("the Vale administration") with its noun and as an organisation, a committee cut at "and" or "to"
    with the words before the conjunction or after "to"."""
    if label == "PERSON":
        start = without_title(body, start, end)
    if label in {"PERSON", "ORG"} and (named := named_after_end(body, start, end, label == "PERSON")):
        return (start, named), "ORG"
    if label == "ORG":
        start, end = before_and(body, start, end), purpose_end(body, start, end)
    return (start, end), label


def _sentence_info(
    article: Article, sentence: Sentence, doc: Doc, spans: list[tuple[int, int]] | None = None
) -> tuple[SentenceInfo, list[Mention]]:
    published = parse_published(article.published)
    span = doc[:]
    heading = title_case(sentence.text)
    dateline = dateline_end(sentence.text)  # "WASHINGTON —" says where the reporter filed from: no one named
    titles = title_case_quotes(sentence.text)  # a quoted title or slogan: its capitalised words are no names
    mentions = []
    credited = attributions(span, spans)
    speakers = tuple(a.speaker for a in credited if a.named)
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES or ent.start_char < dateline:
            continue
        first = opening_word(ent)
        repaired = repair(article.body, sentence.start + first, sentence.start + ent.end_char, sentence.end)
        label = ent.label_
        if repaired and repaired[1] == sentence.start + ent.end_char and (pair := _pair_end(ent)):
            repaired = (repaired[0], sentence.start + pair)  # "Diamond and Silk", a duo's one name
        if repaired and article.language in (None, "en"):
            repaired = without_trailing_lower(article.body, *repaired)
        if repaired:
            repaired, label = _reframed(article.body, *repaired, label)
        text = clean_name(article.body[repaired[0] : repaired[1]]) if repaired else ""
        if _handle(article.body, text, repaired[0] if repaired else 0):
            continue
        if text and not misspelt_calendar_word(text) and not _stray_abbreviation(article.body, text, repaired[0]):
            quoted = any(a <= ent.start_char < b for a, b in titles) and first_name_sex(text) is None
            evidence = _type_evidence(article.body, *repaired, ent, speakers)
            for part, kind in known_parts(text) or _titled_pair(text, label) or [(text, ENTITY_TYPES[label])]:
                start = article.body.find(part, *repaired) if part != text else repaired[0]
                end = start + len(part) if part != text else repaired[1]
                title = title_before(article.body, start)
                mentions.append(
                    Mention(part, kind, article.id, sentence.index, start, end, heading or quoted, "", evidence, title)
                )
    for start, end, kind in known_names(sentence.text, doc, dateline) + headed_names(sentence.text, doc, dateline):
        text = sentence.text[start:end]
        found = Mention(text, kind, article.id, sentence.index, sentence.start + start, sentence.start + end)
        mentions.append(replace(found, headline=heading, evidence="known"))
    mentions.sort(key=lambda m: m.start)
    mentions = [m for m in mentions if not any(_inside(m, other) for other in mentions)]
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
        attributions=credited,
        quotes=spans if spans is not None else quote_spans(sentence.text),
        negated=negated(span),
        modality=modality(span),
    )
    return info, mentions


_HE_SHE = frozenset({"he", "she"})
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019"
_HE_SHE_WORD = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
# "his campaign said", "her office said": a voice that speaks for the person "his" or "her" stands for
_OWNED_VOICE = re.compile(r"(his|her) (\w+)", re.IGNORECASE)
_OWNED_VOICE_NOUNS = speech_words("owned_voice_nouns") | speech_words("voice_for_nouns")
# "Mr. Ryan" and "Ms. Pelosi": the honorifics some outlets give every person tell "he" from "she".
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms)\.? ((?:[A-Z][\w'\u2019-]+ )*[A-Z][\w'\u2019-]+)")
_GENDER = {"Mr": "he", "Mrs": "she", "Ms": "she"}
_REFLEXIVE = {"himself": "he", "herself": "she"}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})
_BACK = 3  # sentences a "he said" looks back for its person


def honorific_sex(name: str) -> str | None:
    """ "he" for "Mr. Trump", "she" for "Mrs."/"Ms." before a name; None without an honorific."""
    found = _HONORIFIC.search(name)
    return _GENDER[found.group(1)] if found else None


def _surname(name: str) -> str:
    """Key of a name's last word, suffixes left out ("Jesse Jackson Jr." -> "jcksn"); "" for no name."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", name) if w.lower().strip(".") not in NAME_SUFFIXES]
    return name_key(words[-1]) if words else ""


def _mention_root(info: SentenceInfo, mention: Mention) -> Token | None:
    """The parse's head word of a mention, or None where the parse has no span for it."""
    span = info.doc.char_span(mention.start - info.start, mention.end - info.start, alignment_mode="expand")
    return span.root if span is not None else None


# A candidate the pronoun's search stops at, unresolved: one of several people listed together, or a title speaker
# no name was found for ("the new president told ...": the "he said" after it is that one too).
_LISTED = "\x00listed"
_DESCRIBED = "\x00described"  # a speaker told as "The Idaho congressman" (a place's name in it), whom no name resolves


def _listed(root: Token) -> bool:
    """Whether a person's name is one of two or more names joined in a list ("Tom Pell, and Jon Hask and Eli
    Brandt"): a later "he" may stand for any of them."""
    joined = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
    return any(_name_word(t) for t in joined)


def _in_aside(root: Token) -> bool:
    """Whether a mention's head sits inside a clause that describes a noun ("Stone ― who worked for Nixon ―
    took"), not in a name set beside one ("the mayor's wife, Anouk Quell,")."""
    return any(a.dep_ in _CLAUSE_DEPS for a in (root, *root.ancestors))


def _object_of_a_told_act(root: Token) -> bool:
    """Whether a name is only the object of a verb whose subject is something else ("The closure would cost Mr.
    Brandt his seat"), not one a sentence brings in ("Enter Ms. Reyes", no subject)."""
    verb = root.head
    if root.dep_ not in {"dobj", "dative"} or verb.pos_ not in {"VERB", "AUX"}:
        return False
    return any(c.dep_ in _SUBJECT_DEPS and c.ent_type_ != "PERSON" for c in verb.children)


def _name_word(token: Token) -> bool:
    """A word of a name: a proper noun, or a word the parser puts in a person's name ("O'Rourke" tagged a noun)."""
    return token.pos_ == "PROPN" or token.ent_type_ == "PERSON"


def _aside(token: Token) -> bool:
    """A clause or a description set off by a comma inside a noun phrase ("James Carafano, an expert who worked
    for Mr. Trump,"), not a name in apposition to a title ("Former Speaker of the House Newt Gingrich")."""
    if token.dep_ in _CLAUSE_DEPS:
        return True
    left = token.left_edge.i
    return token.dep_ == "appos" and left > 0 and token.doc[left - 1].text == ","


def _root_subject(info: SentenceInfo) -> tuple[int, str] | None:
    """Offset (in the sentence) and text of the subject of the sentence's root verb, the words around its head
    without its clauses, when a name is in it: whom the sentence is about ("Gowdy said Friday that Clinton ..."
    is about Gowdy, not Clinton; "Former Speaker of the House Newt Gingrich lauded ..." about Gingrich)."""
    root = info.doc[:].root
    subject = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None:
        return None
    if subject.ent_type_ != "PERSON":  # "the first lady, Melania Trump, ...", "One Democrat, Rep. Stephen Lynch, ..."
        subject = next((c for c in subject.children if c.dep_ == "appos" and _name_word(c)), subject)
    aside = [t for t in subject.subtree if t is not subject and _aside(t)]
    kept = {t.i for t in subject.subtree} - {t.i for a in aside for t in a.subtree}
    start, end = subject.i, subject.i
    while start - 1 in kept:
        start -= 1
    while end + 1 in kept:
        end += 1
    span = info.doc[start : end + 1]
    owners = {t.i for c in subject.children if c.dep_ == "poss" for t in c.subtree}
    if not any(_name_word(t) and (t.i not in owners or _name_word(subject)) for t in span):
        return None  # "Trump's hardline approach drew fire" is about an approach: "he" next is not Trump
    return span.start_char, span.text.strip(" ,")


def _titled_subject(info: SentenceInfo) -> tuple[int, str] | None:
    """Offset and text of the root verb's subject when it is "the" and a title, perhaps qualified ("the governor",
    "the Republican governor"): a person the article may have named with that title."""
    root = info.doc[:].root
    subject = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None or subject.pos_ != "NOUN":
        return None
    words = [t for t in subject.subtree if t.i <= subject.i]
    if words[0].lower_ != "the" or any(t.dep_ not in _TITLE_WORDS for t in words[1:-1]):
        return None
    span = info.doc[words[0].i : subject.i + 1]
    return span.start_char, span.text


_TITLE_WORDS = frozenset({"amod", "compound"})  # words of a qualified title: "the Republican governor"


@lru_cache(maxsize=4096)
def _whole_words(name: str) -> re.Pattern[str]:
    """A name found only as whole words: "Campa" is no name in "Mr. Campa-Najjar", nor "Lee" in "Leeds"."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


class People:
    """The people an article names, and what it says of each one's sex.

    A name is a person's when the parser types it so anywhere in the article, or when it is the surname of such
    a name ("Gowdy" typed as an organisation after "Rep. Trey Gowdy"), or follows "Mr."/"Ms.". A person's sex is
    read, per surname, from strong local evidence only: the honorifics the outlet gives ("Mr. Ryan"), a given name
    one sex bears far more often ("Nancy Pelosi"), a reflexive bound to the name as subject ("Clinton defended
    herself") and "he"/"she" as the subject of what the name said ("Pelosi said she would run"). Each honorific
    and given name counts two, the others one; the evidence decides when one side has at least two and twice the
    other, and conflicts when both have some and neither wins.
    """

    def __init__(self, infos: list[SentenceInfo], mentions: list[Mention], body: str) -> None:
        self.names: list[str] = sorted(
            {m.text for m in mentions if m.type == "person" and not m.headline}, key=len, reverse=True
        )
        honorific = list(_HONORIFIC.finditer(body))
        self.things = {
            w.lower() for info in infos for ent in info.doc.ents if ent.label_ != "PERSON" for w in ent.text.split()
        }
        self.surnames = {_surname(n) for n in self.names} | {_surname(m.group(2)) for m in honorific}
        self.surnames.discard("")
        votes: dict[str, Counter[str]] = {}

        def vote(name: str, sex: str, weight: int) -> None:
            votes.setdefault(_surname(name), Counter())[sex] += weight

        for match in honorific:
            vote(match.group(2), _GENDER[match.group(1)], 2)
        for name in {n for n in self.names if first_name_sex(n)}:
            vote(name, first_name_sex(name) or "", 2)
        for info in infos:
            for name, sex in _bound_pronouns(info):
                if self.is_person(name):
                    vote(name, sex, 1)
        self._sexes = {key: _decide(count) for key, count in votes.items()}
        # "the first lady, Melania Trump": what the article calls one person is hers alone, not her family's
        self._described: dict[str, str] = {}
        for info in infos:
            for name, sex in _described_people(info):
                if len(name.split()) > 1 and self.is_person(name):
                    self._described[name] = "both" if self._described.get(name, sex) != sex else sex

    def person_in(self, text: str) -> str | None:
        """The person a phrase names, the one nearest its end (the head of an English noun phrase: "Pence press
        secretary Alyssa Farah" is Farah), or the capitalised words that end it when the last is a person's
        surname ("The 76-year-old Pelosi" is Pelosi); else None."""
        found = [(m.end(), len(n), n) for n in self.names if n in text for m in _whole_words(n).finditer(text)]
        if found:
            return max(found)[2]
        if _surname(text) not in self.surnames:
            return None
        words = re.findall(r"[^\W\d_][\w'\u2019.-]*", text)
        start = len(words) - 1
        while start > 0 and words[start - 1][0].isupper():
            start -= 1
        return " ".join(words[start:]) if words[-1][0].isupper() else None

    def is_person(self, text: str) -> bool:
        return self.person_in(text) is not None

    def full(self, name: str, sex: str | None = None) -> str:
        """A lone surname as the one full name the article gives it ("Bloomberg" -> "Michael Bloomberg"), when that
        name's given name has a sex (`first_name_sex`) that `sex` and what the article says of the surname do not
        contradict: a family shares a surname ("Trump" stays where the one full name is "Melania Trump", a given
        name the list lacks). A name its bearer is known by with a suffix ("Donald Trump Jr.") is never a lone
        surname's: the son is written with his suffix, so a bare "Trump" is the father the article never names."""
        if len(name.split()) > 1:
            return name
        full = {n for n in self.names if len(n.split()) > 1 and _surname(n) == _surname(name)}
        if len(full) != 1:
            return name
        found = full.pop()
        if known_by_suffix(found):
            return name
        given, said = first_name_sex(found), sex or self._sexes.get(_surname(name))
        return found if given and said in {None, given} else name

    def credited_full(self, name: str, phrase: str, credited: set[str]) -> str:
        """A lone surname as the full name the article itself credits with words, when `full` cannot tell because
        the given name says no sex ("Hillary"): "Mrs. Clinton" and "Clinton" are "Hillary Rodham Clinton" when she
        is the only full name of the surname, or when the phrase or the article says she and every other full name
        of the surname is his ("Bill Clinton"). Evidence of both sexes (a family), or a full name the phrase's sex
        rules out ("Melania Trump" told as the first lady, against "Mr. Trump"), keeps the surname as written."""
        if len(name.split()) > 1:
            return name
        sex = self.sex(phrase)
        same = [n for n in self.names if len(n.split()) > 1 and _surname(n) == _surname(name)]
        if sex == "both" or (sex is None and len(same) != 1):
            return name  # a family, or nothing to tell two full names apart
        fits = [n for n in same if not known_by_suffix(n) and (sex is None or self.sex(n) in {None, sex})]
        return fits[0] if len(fits) == 1 and fits[0] in credited and first_name_sex(fits[0]) is None else name

    def speaker(self, attribution: Attribution) -> str | None:
        """The person a named speaker is: the person it names at its head; the name at its head when the person
        it names only qualifies it ("Twitter's Adam Sharp" where the parser saw "Twitter" as a person), or when
        its head is a capitalised word no entity of another kind has; None for "Democrats", "Earlier Friday" or
        "The Guardian"."""
        found = self.person_in(attribution.speaker)
        words = re.findall(r"[^\W\d_][\w'\u2019-]*", attribution.speaker)
        at = next((i for i in range(len(words) - 1, -1, -1) if _is_head(words[i], attribution.head)), None)
        if at is None or (found and (words[at] in found.split() or attribution.speaker.endswith(found))):
            return found  # the name is the head, or follows its title ("House Minority Whip Steny Hoyer")
        if not words[at][0].isupper() or (not found and words[at].lower() in self.things):
            return None
        start = at
        while start > 0 and words[start - 1][0].isupper() and not words[start - 1].endswith(("'s", "\u2019s")):
            start -= 1
        return " ".join(words[start : at + 1])

    def sex(self, text: str) -> str | None:
        """ "he", "she", "both" (the evidence conflicts) or None, for a phrase naming a person: what the phrase
        itself says (an honorific, a given name) before what the article says of the surname, which family
        members share ("Mrs. Trump" beside "Mr. Trump")."""
        honorific = _HONORIFIC.search(text)
        if honorific:
            return _GENDER[honorific.group(1)]
        described = [sex for name, sex in self._described.items() if name in text]
        if len(described) == 1:
            return described[0]
        person = self.person_in(text) or text
        given = first_name_sex(person)
        if given or (len(person.split()) > 1 and self._kin(person)):
            return given  # the surname's evidence is not this person's when others of the family are named
        return self._sexes.get(_surname(person))

    def family(self, name: str) -> bool:
        """Whether the article names another person of this person's surname: a full name with another given
        name, or the surname with evidence of the other sex ("Mr. Trump" beside "the first lady, Melania Trump")."""
        if len(name.split()) < 2:
            return False
        own = self._described.get(name) or first_name_sex(name)
        said = self._sexes.get(_surname(name))
        return self._kin(name) or bool(own and said and said != own)

    def _kin(self, name: str) -> bool:
        """Whether the article names another person of the same surname ("Melania Trump" beside "Donald Trump")."""
        first = name.split()[0]
        return any(len(n.split()) > 1 and _surname(n) == _surname(name) and n.split()[0] != first for n in self.names)


def _is_head(word: str, head: str) -> bool:
    """Whether a word of a speaker phrase is its head, given as a lemma ("operatives" is "operative"): the head of
    "Romney operatives" is no name, so the operatives are not Romney."""
    lower = word.lower()
    return lower == head or (bool(head) and lower.startswith(head) and len(lower) - len(head) <= _INFLECTION)


_INFLECTION = 2  # letters an English plural or verb form adds to its lemma ("operatives", "watches")


def _decide(count: Counter[str]) -> str | None:
    he, she = count["he"], count["she"]
    if he >= 2 and he >= 2 * she:
        return "he"
    if she >= 2 and she >= 2 * he:
        return "she"
    return "both" if he and she else None


# Nouns that say a person's sex when the article sets them beside the name ("the first lady, Melania Trump",
# "Ivo Brandt, her husband,", "Congresswoman Nora Varga").
_SHE_NOUNS, _HE_NOUNS = speech_words("she_nouns"), speech_words("he_nouns")
_SEXED_NOUNS = {**dict.fromkeys(_SHE_NOUNS, "she"), **dict.fromkeys(_HE_NOUNS, "he")}


def _described_people(info: SentenceInfo) -> list[tuple[str, str]]:
    """(name, sex) pairs where a noun that says a person's sex stands beside a name outside quotation marks: in
    apposition either way round, or as the title before it (`People` keeps those names that are people's)."""
    found = []
    for token in info.doc:
        if token.pos_ != "PROPN" or any(a <= token.idx < b for a, b in info.quotes):
            continue
        if token.dep_ == "compound" and token.head.pos_ == "PROPN":
            continue  # only the name's last word speaks for it
        beside = [token.head] if token.dep_ == "appos" else []
        beside += [c for c in token.children if c.dep_ in {"appos", "compound"}]
        sexes = {_SEXED_NOUNS[t.lemma_.lower()] for t in beside if t.lemma_.lower() in _SEXED_NOUNS}
        if len(sexes) == 1:
            name = " ".join(t.text for t in token.subtree if t.pos_ == "PROPN" and t.i <= token.i)
            found.append((name, sexes.pop()))
    return found


def _bound_pronouns(info: SentenceInfo) -> list[tuple[str, str]]:
    """(name, sex) pairs where the grammar binds a pronoun to a name outside quotation marks: a reflexive whose
    clause has the name as subject ("Clinton defended herself"), and "he"/"she" as subject of the clause a name
    reports ("Pelosi said she would run")."""
    found = []
    quoted = info.quotes
    for token in info.doc:
        if any(a <= token.idx < b for a, b in quoted):
            continue
        lower = token.lower_
        if lower in _REFLEXIVE:
            verb = token.head
            sex = _REFLEXIVE[lower]
        elif lower in _HE_SHE and token.dep_ in _SUBJECT_DEPS and token.head.dep_ == "ccomp":
            verb = token.head.head
            sex = lower
            if verb.lemma_.lower() not in CUE_VERBS:
                continue
        else:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ == "PROPN" and not any(a <= subject.idx < b for a, b in quoted):
            name = " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN" and t.i <= subject.i)
            found.append((name, sex))
    return found


def _given_name_subject(text: str) -> str | None:
    """A subject that is a name of capitalised words opening with a given name one sex bears ("Noah Nathan, 47,
    lives nearby"), whatever type the parser gave it: a person a later "he" can stand for, so the search for
    the pronoun's person stops there rather than passing on to someone named before."""
    words = re.findall(r"[^\W\d_][\w'\u2019.-]*", text)
    return text if len(words) >= 2 and all(w[0].isupper() for w in words) and first_name_sex(text) else None


def _resolve_pronoun_speakers(
    infos: list[SentenceInfo],
    mentions: list[Mention],
    people: People,
    quotes: list[list[tuple[int, int]]] | None = None,
    holders: TitleHolders | None = None,
) -> None:
    """ "he told Fox News" names no one. Its person is the nearest one the pronoun can stand for, looking in
    this order (subjects first, as a reader does): a person the sentence has as a subject before the pronoun
    ("Sen. Mazie Hirono blasted ..., she said"); then, up to three sentences back, each sentence's named speaker
    (in journalism "he said" after a quote is most often the last speaker) and the person its main clause is
    about ("Dana Loesch accused the NAACP ..."); then the first person the sentence before names. Only a person
    is taken (not "People are losing ...", an outlet, a party or a date), never one inside quotation marks
    (`quotes`: each sentence's quoted passages, a quotation crossing sentences included), and never one of the
    other sex by what the article says (`People`). An unresolved "he" on the way back, or a person whose sex the
    article gives both ways, ends the search: the speaker stays "he", crediting nobody rather than a guess."""
    spans = quotes if quotes is not None else [info.quotes for info in infos]

    def quoted(j: int, offset: int) -> bool:
        return any(a <= offset < b for a, b in spans[j])

    by_sentence: dict[int, list[tuple[int, str, bool]]] = {}
    owners: set[tuple[int, str]] = set()  # a person named only as the owner of a thing ("Pell's plan")
    aside: set[tuple[int, str]] = set()  # a person named inside an aside ("Stone ― who worked for Nixon ― took")
    listed: set[tuple[int, str]] = set()  # one of several people named in a list ("Pell, Hask and Brandt")
    timed: set[tuple[int, str]] = set()  # the subject of a clause that says when ("When Mr. Quill said he had")
    objects: set[tuple[int, str]] = set()  # a person named only as an object ("would cost Mr. Brandt his seat")
    sources: set[tuple[int, str]] = set()  # a person named as whom words came from ("a reply from Lena Vos")
    for mention in mentions:
        info = infos[mention.sentence]
        offset = mention.start - info.start
        if not mention.headline and not quoted(mention.sentence, offset) and people.is_person(mention.text):
            # a subject of a clause ("Sen. Mazie Hirono blasted ..."), not an object or an apposition
            root = _mention_root(info, mention)
            subject = root is not None and root.dep_ in _SUBJECT_DEPS
            by_sentence.setdefault(mention.sentence, []).append((offset, mention.text, subject))
            if root is not None and root.dep_ == "poss":
                owners.add((mention.sentence, mention.text))
            if root is not None and _in_aside(root):
                aside.add((mention.sentence, mention.text))
            if root is not None and _listed(root):
                listed.add((mention.sentence, mention.text))
            if root is not None and subject and time_clause(root.head):
                timed.add((mention.sentence, mention.text))
            if root is not None and _object_of_a_told_act(root):
                objects.add((mention.sentence, mention.text))
            if root is not None and root.dep_ == "pobj" and root.head.lower_ == "from":
                sources.add((mention.sentence, mention.text))

    def speaker_in(j: int) -> str | None:
        """The person sentence j credits, "he" when it credits an unresolved pronoun, else None. A source the
        sentence's subject cites ("Trump cited Reince Priebus' concerns") is not who speaks there."""
        for a in infos[j].attributions:
            if agreed_with(a) or a.kind == "citing":
                continue
            if a.speaker.lower() in _HE_SHE:
                return a.speaker.lower()
            person = people.speaker(a) if a.named else None
            if person:
                return person
            if _described_person(a):
                return _DESCRIBED
            title = None if a.named else TITLE_SPEAKER.fullmatch(a.speaker.strip())
            if title and title.group(1).lower() in TITLES:
                return _LISTED
        return None

    def subject_in(j: int) -> str | None:
        """The person sentence j's main clause is about: named, or given by a title only one person holds in the
        article ("the governor identified himself and went on to curse ..." after "Gov. Paul LePage")."""
        found = _root_subject(infos[j])
        if found is None:
            titled = _titled_subject(infos[j])
            if titled is None or holders is None or quoted(j, titled[0]):
                return None
            person = holders.person(titled[1])
            return people.full(person) if person else None
        if quoted(j, found[0]):
            return None
        return people.person_in(found[1]) or _given_name_subject(found[1])

    def all_quoted(j: int) -> bool:
        """A sentence wholly inside a quotation: part of the quote "he said" closes, not a sentence to count."""
        text = infos[j].text
        first = len(text) - len(text.lstrip(_QUOTE_MARKS))
        last = len(text.rstrip(_QUOTE_MARKS + " .,!?")) - 1
        return last >= first and quoted(j, first) and quoted(j, last)

    def about_pronoun(j: int, pronoun: str) -> bool:
        """Sentence j's main clause is about "he" (or "she") too: the same person carried on, not a sentence to
        count ("He previously received threats ... As for the shoot, he doesn't regret it. '...,' he said.")."""
        root = infos[j].doc[:].root
        return any(c.dep_ in _SUBJECT_DEPS and c.lower_ == pronoun and not quoted(j, c.idx) for c in root.children)

    def earlier(k: int, pronoun: str) -> Iterator[tuple[int, bool]]:
        """Up to `_BACK` sentences before k, each with whether it is the first outside k's quotation; when k closes
        a quotation that began sentences before, the quoted sentences leading up to it are not counted (a
        quotation of four sentences and then "he said"), nor are sentences about the same pronoun."""
        opening = len(infos[k].text) - len(infos[k].text.lstrip(_QUOTE_MARKS))
        j = k - 1
        if quoted(k, opening):
            while j >= 0 and all_quoted(j):
                yield j, False
                j -= 1
        outside = j  # the first sentence before k that is not part of k's quotation
        counted = 0
        while j >= 0 and counted < _BACK:
            yield j, j == outside
            counted += not about_pronoun(j, pronoun)
            j -= 1

    def named_once(j: int, pronoun: str) -> set[str]:
        """The one person of the pronoun's sex (by what the article says of them) that sentence j names, when its
        subject is neither a person nor the same pronoun ("He also referred to reports about Trump associates"
        carries its "he" on; Trump is only mentioned)."""
        named = {
            text for _, text, _ in by_sentence.get(j, []) if people.sex(text) == pronoun and (j, text) not in owners
        }
        if j < 0 or len(named) != 1 or subject_in(j) is not None or about_pronoun(j, pronoun):
            return set()
        return named

    def introduced(j: int, pronoun: str) -> Iterator[str]:
        """The person a sentence with no person as subject brings in ("Enter Ms. Lauten, a former aide ..." before
        "..., she wrote")."""
        named = named_once(j, pronoun)
        if not {(j, text) for text in named} <= objects:
            yield from named

    def introduced_object(j: int, pronoun: str) -> Iterator[str]:
        """`introduced`'s one person when the sentence names them only as an object: a speaker before comes first."""
        named = named_once(j, pronoun)
        if named and {(j, text) for text in named} <= objects:
            yield from named

    def candidates(k: int, at: int, pronoun: str) -> Iterator[str | None]:
        here = [(text, subject) for start, text, subject in by_sentence.get(k, []) if start < at]
        # "When Mr. Quill said he had, Mr. Brandt produced records that he said ...": the main clause's person
        yield from (text for text, subject in here if subject and (k, text) not in timed)
        # "Labrador supports a path ..., he has said": the main clause's subject, where the parser found no name
        found = _root_subject(infos[k])
        if found is not None and found[0] < at:
            yield subject_in(k)
        # "a fiery response from Lena Vos, also on Twitter, as she called on ...": whom the words came from
        yield from (text for text, _ in here if (k, text) in sources)
        for j, first in earlier(k, pronoun):
            yield speaker_in(j)
            subject = subject_in(j)
            yield _LISTED if (j, subject) in listed else subject
            yield from (
                _LISTED if (j, text) in listed else text for _, text, subject in by_sentence.get(j, []) if subject
            )
            if first:  # the sentence before, or before the quotation "he said" closes
                yield from introduced(j, pronoun)
        # a person named only as an object ("would cost Mr. Brandt his seat") after the speakers before
        yield from introduced_object(k - 1, pronoun)
        yield from (text for _, text, _ in by_sentence.get(k - 1, [])[:1] if (k - 1, text) not in aside)

    def named_after_list(k: int, pronoun: str) -> str | None:
        """One of the people listed just before "he said" whom the next sentence that is not his quotation's
        credits by name ("Pell, Hask and Brandt are crafting a letter. '...,' he told the Ledger. '...' Pell said
        ..."): the article says which of them spoke."""
        names = {text for j, text in listed if k - _BACK <= j < k}
        j = k + 1
        while j < len(infos) and j <= k + _BACK and all_quoted(j):
            j += 1
        person = speaker_in(j) if j < len(infos) and j <= k + _BACK else None
        if person is None or person == _LISTED or person in _HE_SHE or people.sex(person) not in {None, pronoun}:
            return None
        same = [n for n in names if _surname(n) == _surname(person)]
        return people.full(person, pronoun) if len(same) == 1 else None

    def antecedent(k: int, at: int, pronoun: str) -> str | None:
        for candidate in candidates(k, at, pronoun):
            if candidate is None:
                continue
            if candidate == _DESCRIBED:
                return None  # "The Idaho congressman ... has said that ... Obama must ... He has said": him, unnamed
            if candidate == _LISTED:
                # "Pell, Hask and Brandt are crafting a letter. ... he told the Ledger": which of them? The article
                # may say right after ("Pell said ..."); else no one
                return named_after_list(k, pronoun)
            if candidate in _HE_SHE:
                if candidate == pronoun:
                    return None
                continue
            sex = people.sex(candidate)
            if sex == "both":
                return None
            if sex in {None, pronoun}:
                return people.full(candidate, pronoun)
        return None

    for k, info in enumerate(infos):
        at = next((m.start() for m in _HE_SHE_WORD.finditer(info.text) if not quoted(k, m.start())), None)
        if at is None or not any(a.speaker.lower() in _HE_SHE for a in info.attributions):
            continue
        # the pronoun that speaks, when the parse says which ("When Mr. Quill said he had, ... he said")
        cues = {a.cue for a in info.attributions if a.speaker.lower() in _HE_SHE}
        speaking = (
            t.idx
            for t in info.doc
            if t.lower_ in _HE_SHE and t.dep_ in _SUBJECT_DEPS and t.head.text in cues and not quoted(k, t.idx)
        )
        at = next(speaking, at)
        pronoun = "she" if info.text[at : at + 3].lower() == "she" else "he"
        person = antecedent(k, at, pronoun)
        if person:
            info.attributions = [
                replace(a, speaker=person, head=person.split()[-1].lower(), named=True)
                if a.speaker.lower() in _HE_SHE
                else a
                for a in info.attributions
            ]
    for k, info in enumerate(infos):
        owner = lambda at, p, k=k: antecedent(k, at, p)  # noqa: E731
        info.attributions = [_owned_voice(a, info.text, owner) for a in info.attributions]


def _owned_voice(attribution: Attribution, text: str, antecedent: Callable[[int, str], str | None]) -> Attribution:
    """ "his campaign said" after "Former Gov. Ivo Pell has also opposed the deal." is Pell's campaign: the one
    "his" stands for, found as for "he said", named in the speaker ("Ivo Pell's campaign"); else left as it is."""
    owned = _OWNED_VOICE.fullmatch(attribution.speaker.strip())
    if owned is None or owned.group(2).lower() not in _OWNED_VOICE_NOUNS:
        return attribution
    at = text.find(owned.group(0))
    if at < 0:
        return attribution
    # "Pell's campaign disputed ..., according to his campaign": the owner the sentence names before
    before = list(re.finditer(rf"((?:[A-Z][\w.-]* )*[A-Z][\w-]*)['\u2019]s {re.escape(owned.group(2))}\b", text[:at]))
    pronoun = "he" if owned.group(1).lower() == "his" else "she"
    person = before[-1].group(1) if before else antecedent(at, pronoun)
    if not person:
        return attribution
    return replace(attribution, speaker=f"{person}'s {owned.group(2)}", named=True)


def _name_known_people(infos: list[SentenceInfo], people: People) -> None:
    """A speaker that is only the name of a person the article names ("..., Suthers said" after "Attorney General
    John Suthers") is a named person, though the parser read the surname as a plural noun ("suther") or a verb
    ("brune"): so the quotation after it is his, and he is counted as named among the sources."""
    for info in infos:
        info.attributions = [
            replace(a, named=True, head=a.speaker.split()[-1].lower(), head_type="PERSON")
            if not a.named and _bare_name(a.speaker) and people.person_in(a.speaker) == a.speaker
            else a
            for a in info.attributions
        ]


def _bare_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _NAME_WORDS and all(w[:1].isupper() and w.lower() not in _HE_SHE for w in words)


_NAME_WORDS = 3  # words of a person's name told bare ("Suthers", "John Suthers", "John W. Suthers")


def _resolve_it_speakers(infos: list[SentenceInfo]) -> None:
    """ "It recommended that ..." names no one; right after a sentence crediting a body or a document ("The
    commission's report also called for ..."), "it" is that one. After a person, or nothing, it stays "It"."""
    for previous, info in itertools.pairwise(infos):
        before = previous.attributions[:1]
        # "It" opening the sentence: a lower-case "it" has its noun in its own sentence ("when Slate ..., it said")
        if not before or not any(a.speaker == "It" for a in info.attributions):
            continue
        body = before[0].head_type == "ORG" or before[0].head in BODY_NOUNS | SPEAKING_DOCUMENTS
        if body:
            voice = before[0]
            info.attributions = [
                replace(a, speaker=voice.speaker, head=voice.head, named=voice.named, head_type=voice.head_type)
                if a.speaker == "It"
                else a
                for a in info.attributions
            ]


# Nouns that describe a person, not a body: "the spokesman said" after "Twitter said" is someone of Twitter's.
_PERSON_NOUNS = speech_words("voice_nouns") | _SHE_NOUNS | _HE_NOUNS | frozenset(TITLES)
_DEFINITE = re.compile(r"the(?: [a-z][\w-]*){1,3}")
_LOOK_BACK = 3  # sentences a description may look back for the body it stands for


def _described_person(attribution: Attribution) -> bool:
    """A speaker told as "the" and a person's title or noun ("The Idaho congressman", "the senator") that no pass
    resolved to a name: "he" after it is most likely this person, not someone the sentence mentions."""
    words = attribution.speaker.split()
    head = words[-1].lower() if words else ""
    return words[:1] in (["the"], ["The"]) and (head in _PERSON_NOUNS or is_person_title(head))


def _definite_description(attribution: Attribution) -> bool:
    """A speaker given as "the" and a few lower-case words whose head is no person's noun ("the tech giant", "the
    statement"): it stands for a voice the article named before, as "the senator" does for a titled person."""
    head = attribution.head
    return (
        not attribution.named
        and _DEFINITE.fullmatch(attribution.speaker) is not None
        and attribution.speaker.split()[-1] == head
        and head not in _PERSON_NOUNS
        and not is_person_title(head)
    )


def _bodies(mentions: list[Mention], people: People) -> set[str]:
    """Names the article gives a body: known as one by name ("Twitter", which the parser often types a person),
    or typed an organisation more often than a person and no person's name ("Stone" after "Roger Stone")."""
    types = Counter((m.text, m.type) for m in mentions if not m.headline)
    known = {m.text for m in mentions if m.type == "organisation" and m.evidence == "known"}
    typed = {text for (text, kind), n in types.items() if kind == "organisation" and n > types[text, "person"]}
    return known | {text for text in typed if not people.is_person(text)}


def _names_body(speaker: str, body: str) -> bool:
    """Whether a speaker phrase is the body's name, with or without "the" ("The U.S. Fish and Wildlife Service")."""
    return speaker.endswith(body) and speaker[: len(speaker) - len(body)].strip().lower() in {"", "the"}


def _names_document(info: SentenceInfo, head: str) -> bool:
    """Whether a sentence names a document of the kind a description's head gives ("in a statement", "a letter
    from"): a noun of the same lemma outside quotation marks."""
    return head in SPEAKING_DOCUMENTS and any(
        t.lemma_.lower() == head and t.pos_ == "NOUN" and not any(a <= t.idx < b for a, b in info.quotes)
        for t in info.doc
    )


def _resolve_definite_speakers(infos: list[SentenceInfo], mentions: list[Mention], people: People) -> None:
    """ "the tech giant said in a statement" names no one, but right after "Twitter at the time said ..." a reader
    takes it for Twitter: a definite description credits the voice a sentence of the last few credits by name when
    that voice is a body (not a person: "the statement" after "Pell said" may be anyone's), or a person the
    sentence just before credits with that very document ("Zinke said in a statement ... “...,” the statement
    said"). Sentences credited to the same description carry it on, so "the statement said" after "the tech giant
    said" is Twitter's too."""
    bodies = _bodies(mentions, people)
    for k, info in enumerate(infos):
        described = next((a for a in info.attributions if _definite_description(a)), None)
        if described is None:
            continue
        voice = None
        for j in range(k - 1, max(-1, k - 1 - _LOOK_BACK), -1):
            voice = next((a for a in infos[j].attributions if a.kind in {"quote", "paraphrase"}), None)
            if voice is not None:
                break
        if voice is None:
            continue
        own_document = j == k - 1 and voice.named and _names_document(infos[j], described.head)
        if not own_document and not any(_names_body(voice.speaker, body) for body in bodies):
            continue
        info.attributions = [
            replace(a, speaker=voice.speaker, head=voice.head, named=True, head_type=voice.head_type or "ORG")
            if _definite_description(a)
            else a
            for a in info.attributions
        ]


_OPENING_MARKS = ('"', "\u201c")
# What a sentence credits to a named speaker that the quotation right after it goes on with: their quote, their
# words told indirectly ("Lenahan says he sees a bigger issue. “There is a culture war ...”"), or a source named by
# "according to".
_CONTINUED = frozenset({"quote", "paraphrase", "according_to"})


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


def _described(attribution: Attribution) -> bool:
    """A speaker given by a description, its head a lower-case word ("a representative for the photographer")."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", attribution.speaker)
    return any(w.lower() == attribution.head and w[0].islower() for w in words)


def _described_quote(members: list[SentenceInfo]) -> Attribution | None:
    """A quotation's speaker given by a description in one of its sentences ("...,” a representative for Shields
    told HuffPost), when none names one."""
    return next((a for m in members for a in m.attributions[:1] if a.kind == "quote" and _described(a)), None)


def _described_before(info: SentenceInfo) -> Attribution | None:
    """The description a sentence credits its quote to first ("the statement", "a senior official"), not a bare
    "he"/"she"."""
    first = info.attributions[:1]
    return next((a for a in first if a.kind == "quote" and _described(a) and a.speaker.lower() not in _HE_SHE), None)


def _leads_in(info: SentenceInfo) -> bool:
    """A sentence that announces the quotation after it: it ends with a colon ("Trump responded in a statement:"),
    or its main verb is a speech verb with nothing said in the sentence ("Trump noted so helpfully in a tweet.")."""
    if info.text.rstrip().endswith(":"):
        return True
    root = info.doc[:].root
    said = {"ccomp", "dobj", "xcomp", "parataxis", "advcl"}
    return root.lemma_.lower() in CUE_VERBS and root.pos_ == "VERB" and not any(c.dep_ in said for c in root.children)


def _resolve_quote_runs(infos: list[SentenceInfo], states: list[tuple[object, bool, bool]]) -> None:
    """A sentence that is all quotation and names no speaker takes the speaker of its quotation: a sentence of the
    same quotation that names one (""...anymore. ...it," Pence wrote" over several sentences); else the sentence
    just before, when that one credits a quote to a named speaker (""Pic of your wife not from us," Cruz said.
    "Donald, if you try to attack Heidi ..."") or, naming none, to a description (""...," the statement said.
    "We must ..."") or leads in to the quote (`_leads_in`); else a description the
    quotation is credited to in one of its sentences ("a representative for Shields told ...")."""
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
            if credited and (credited.kind in _CONTINUED or previous.text.rstrip().endswith(":")):
                found = credited
            elif credited is None and (described := _described_before(previous)) is not None:
                # "“...,” the statement said. “We must also ...”": the statement goes on, unless the quotation
                # names its own speaker further on
                found = _described_quote(members) or described
            elif _leads_in(previous) and previous.subject_text[:1].isupper() and previous.subject:
                name = previous.subject_text
                found = Attribution(name, "", "quote", name.split()[-1].lower(), True)
        found = found or _described_quote(members)
        if found is None:
            continue
        for k, member in zip(run, members, strict=True):
            pure = states[k][1] or member.text.lstrip().startswith(_OPENING_MARKS)
            if not member.attributions and pure:
                member.attributions = [replace(found, kind="quote")]


# Characters the parser's training text seldom holds, each as the one it knows that is written in its place; one
# character for one, so offsets into the parse are offsets into the sentence. HuffPost's horizontal bar "―" around
# an aside is otherwise parsed as a noun and taken as a subject ("Stone ― who worked for Nixon, Bob Dole ― took").
_FOR_PARSER = str.maketrans({"\u2015": "\u2014", "\u2012": "\u2013"})


def _joined_given_names(mentions: list[Mention], body: str) -> list[Mention]:
    """A lone given name the parser split from the surname right after it ("Clarence" an organisation, "Thomas" a
    person, of "the contentious Clarence Thomas hearing") joined to one person mention; also when the parser
    left the surname out, if the article names a person by it elsewhere ("Thomas")."""
    surnames = {m.text.split()[-1] for m in mentions if m.type == "person"}
    joined: list[Mention] = []
    for mention in mentions:
        after = re.match(r" ([A-Z][\w'\u2019-]+)", body[mention.end : mention.end + 40])
        if (
            after
            and len(mention.text.split()) == 1
            and after.group(1) in surnames
            and first_name_sex(f"{mention.text} {after.group(1)}")
            and mention.text not in known_countries()
        ):
            mention = replace(
                mention, text=f"{mention.text} {after.group(1)}", type="person", end=mention.end + after.end()
            )
        last = joined[-1] if joined else None
        if last is not None and last.start <= mention.start and mention.end <= last.end:
            continue  # the surname a given name before it was joined with
        if (
            last is not None
            and last.sentence == mention.sentence
            and body[last.end : mention.start] == " "
            and len(last.text.split()) == 1
            and first_name_sex(f"{last.text} {mention.text}")
        ):
            joined[-1] = replace(last, text=f"{last.text} {mention.text}", type="person", end=mention.end)
        else:
            joined.append(mention)
    return joined


def _without_owners(mentions: list[Mention]) -> list[Mention]:
    """Mentions with a person's possessive before the thing owned cut to the thing ("Trump's Supreme Court" ->
    "Supreme Court") or dropped when the thing is no name ("Zinke's 2014"); owners are the article's full person
    names, their surnames and the lone names it types a person more than once ("President Trump")."""
    plain = [m for m in mentions if m.type == "person" and owner_split(m.text, set()) is None]
    full = [m.text for m in plain if len(m.text.split()) > 1]
    lone = Counter(m.text for m in plain if len(m.text.split()) == 1)
    people = {*full, *(n.split()[-1] for n in full), *(n for n, count in lone.items() if count > 1)}
    kept = []
    for mention in mentions:
        thing = owner_split(mention.text, people)
        if thing is None:
            kept.append(mention)
        elif thing:
            start = mention.start + max(0, mention.text.find(thing))
            kept.append(replace(mention, text=thing, start=start, end=start + len(thing)))
    return kept


def _parsed(nlp: Language, texts: list[str]) -> Iterator[Doc]:
    """A parse of each text, each distinct text parsed once: a story's outlets often carry the same sentence (a wire
    copy, a quote, a boilerplate line), and the parser reads each sentence on its own. A repeat gets a copy of the
    first parse, so that no two sentences share one Doc."""
    distinct = list(dict.fromkeys(texts))
    first = dict(zip(distinct, nlp.pipe(distinct, batch_size=256), strict=True))
    given: set[str] = set()
    for text in texts:
        yield first[text].copy() if text in given else first[text]
        given.add(text)


def analyse_many(articles: Sequence[Article]) -> list[ArticleText]:
    """Understand several articles in one parsing batch."""
    nlp = load_nlp()
    split = [split_sentences(article.body, article.language) for article in articles]
    docs = iter(_parsed(nlp, [s.text.translate(_FOR_PARSER) for sentences in split for s in sentences]))
    result = []
    for article, sentences in zip(articles, split, strict=True):
        infos, mentions = [], []
        states = _quote_states(sentences)
        for sentence, (spans, _, _) in zip(sentences, states, strict=True):
            info, found = _sentence_info(article, sentence, next(docs), spans)
            infos.append(info)
            mentions.extend(found)
        mentions = _without_owners(_joined_given_names(mentions, article.body))
        quotes = [s if s is not None else info.quotes for info, (s, _, _) in zip(infos, states, strict=True)]
        holders = resolve_title_speakers(infos, mentions, article.body)
        people = People(infos, mentions, article.body)  # reads the parse and the names, not who is credited
        _name_known_people(infos, people)
        resolve_described_speakers(infos, people.full)
        _resolve_it_speakers(infos)
        _resolve_definite_speakers(infos, mentions, people)
        for _ in range(2):  # a quote credited in one pass lets "he said" after it be read in the next, and back
            _resolve_pronoun_speakers(infos, mentions, people, quotes, holders)
            _resolve_quote_runs(infos, states)
        if infos:
            infos[-1].ends_body = True
        result.append(ArticleText(article, infos, mentions, people))
    read_other_languages(result)
    return result


def analyse(article: Article) -> ArticleText:
    """Understand one article."""
    return analyse_many([article])[0]
