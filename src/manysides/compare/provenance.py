"""Provenance: who republished whom, which outlet a statement counts for, and which sources each article cites.

A page that states its original (`republished_from`) or whose body is near-identical to an earlier article's is a
republication. Decision: a republication counts as its original's outlet, so a copy never turns one outlet's
fact into a "shared" one. Cited sources extend the article's own credits with the sources named in its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlparse

from manysides.records.article import Article
from manysides.understand import ArticleText, SentenceInfo
from manysides.understand.document import People
from manysides.understand.entities import acronym
from manysides.understand.names import name_key
from manysides.understand.quotes import Attribution

AGENCIES = {
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "reuters": "Reuters",
    "anadolu": "Anadolu Agency",
    "anadolu agency": "Anadolu Agency",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "upi": "UPI",
    "bloomberg": "Bloomberg",
    "sana": "SANA",
    "irna": "IRNA",
    "wafa": "WAFA",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "pti": "PTI",
    "interfax": "Interfax",
    "ria novosti": "RIA Novosti",
}
# "Anadolu" alone with a Turkish case ending ("Anadolu'daki", in Anatolia) is the region, not the agency.
_AGENCY_IN_TEXT = re.compile(
    r"\b(AFP|Agence France-Presse|Associated Press|Reuters|Anadolu Agency|Anadolu(?!['\u2019]\w)|Xinhua|TASS|dpa|EFE|"
    r"ANSA|UPI|SANA|IRNA|WAFA|Kyodo|Yonhap|Interfax|RIA Novosti|\(AP\)|AP(?= reported| said| news))"
)
# Speakers that name no one: a pronoun the parse could not resolve ("he said") or a bare quantifier ("Many said",
# "Some argue"). A report shows no speaker rather than one of these.
VAGUE_SPEAKERS = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "he she it they we i you this that many some others most few several both all someone somebody anyone "
        "everyone everybody"
    ).split()
) | {"the statement", "statement"}
_GENERIC_SPEAKERS = frozenset({"statement", "the statement", "report", "reports", "the report", "it", "this"})
_NEAR_IDENTICAL = 0.8
# Documents an outlet can cite by "according to" or "citing" ("according to a poll", "citing court filings").
DOCUMENT_NOUNS = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "report poll survey study article statement document data record filing analysis estimate figure release "
        "memo letter tweet post transcript indictment complaint lawsuit ruling census"
    ).split()
)
# Speakers that are sources even without a name ("a diplomatic source", "police", "the company"); other unnamed
# speakers ("these crews", "both sides", "passengers") are voices in the story, not whom the outlet cites.
SOURCE_NOUNS = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "source official spokesman spokeswoman spokesperson police minister ministry government presidency president "
        "agency media broadcaster newspaper authority council court union company office department military army "
        "prosecutor witness analyst expert diplomat lawyer attorney investigator officer embassy commission "
        "committee administration white house spokesmen medium representative aide adviser advisor envoy campaign"
    ).split()
)


def _shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + size]) for i in range(max(len(words) - size + 1, 0))}


def _domain(value: str) -> str:
    host = urlparse(value).netloc if "://" in value else value
    return host.lower().removeprefix("www.")


def near_identical(a: str, b: str, size: int = 5) -> bool:
    """Whether two texts are the same text (Jaccard of `size`-word shingles >= 0.8)."""
    sa, sb = _shingles(a, size), _shingles(b, size)
    return bool(sa and sb) and len(sa & sb) / len(sa | sb) >= _NEAR_IDENTICAL


_QUOTED = re.compile('"[^"]*"|\u201c[^\u201d]*\u201d|\u00ab[^\u00bb]*\u00bb|\u201e[^\u201c\u201d]*[\u201c\u201d]')
_OWN_WORDS = 8  # words outside quotation marks a sentence needs for its wording to be the outlet's own


def same_wording(a: str, b: str) -> bool:
    """Whether two outlets' sentences are one text in the outlets' own words, outside any quotation: a copied
    passage, wire copy or press release, not two reports of one fact (two outlets quoting one speaker's words
    are both reporting). Jaccard of 4-word shingles >= 0.8 over at least `_OWN_WORDS` unquoted words each."""
    own = [_QUOTED.sub(" ", text) for text in (a, b)]
    if any(len(re.findall(r"\w+", text)) < _OWN_WORDS for text in own):
        return False
    return near_identical(*own, size=4)


def _label(article: Article) -> str:
    return article.url or article.outlet or article.id


def republications(articles: Sequence[Article]) -> dict[str, str]:
    """article id -> what it republishes: its stated original, else an earlier near-identical article here."""
    found = {a.id: a.republished_from for a in articles if a.republished_from}
    ordered = sorted(enumerate(articles), key=lambda item: (item[1].published or "9999", item[0]))
    for rank, (_, later) in enumerate(ordered):
        if later.id in found:
            continue
        for _, earlier in ordered[:rank]:
            if earlier.id not in found and near_identical(earlier.body, later.body):
                found[later.id] = _label(earlier)
                break
    return found


def outlet_keys(articles: Sequence[Article], republished: dict[str, str]) -> list[str]:
    """The outlet each article counts for: its original's for republications, else its own (or its id)."""
    by_label = {label: a for a in articles for label in (a.url, a.canonical_url, a.outlet, a.id) if label}
    keys = []
    for article in articles:
        original = republished.get(article.id)
        if original and original in by_label and by_label[original].outlet:
            keys.append("outlet:" + by_label[original].outlet.lower())
        elif original:
            keys.append("outlet:" + _domain(original))
        elif article.outlet:
            keys.append("outlet:" + article.outlet.lower())
        else:
            keys.append("article:" + article.id)
    return keys


# A speaker opened by one of these is a group of people in the story ("Some leading Democrats", "other
# Republicans", "many residents", "Even political figures"), a voice rather than a source the outlet cites.
_GROUP_WORDS = frozenset({"some", "other", "many", "several", "few", "both", "all", "most", "more", "fellow", "even"})


# Heads of a description that points back at a person the article names elsewhere when it is definite ("the
# president", "its editor", "the committee's chairman"): a second name for a voice, not another source.
PERSON_NOUNS = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "source official spokesman spokeswoman spokesperson president minister prosecutor witness analyst expert "
        "diplomat lawyer attorney investigator officer representative aide adviser advisor envoy host editor "
        "chairman chairwoman governor senator leader secretary director author writer candidate mayor"
    ).split()
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my"})


# Entity labels of a head that is no source: a party's or a nation's members are voices ("Democrats", "one
# Democrat", "The California Democrat"), and a date the parser took for a subject says nothing.
_NOT_SOURCE_TYPES = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "LAW"})
# Heads of a law or a right someone invokes ("citing the Fifth Amendment right", "according to the Constitution"):
# what is cited is a text of law, not a source of the story.
_LAW_NOUNS = frozenset(
    "amendment act constitution clause law statute treaty right rights code rule rules".split()  # noqa: SIM905
)
# "Taylor's letter", "Ms. Reyes's statement": the document of a person the article names stands for that person.
_PERSONS_DOCUMENT = re.compile(r"^(.+?)['\u2019]s? (\w+)$")


def _head_is_name(attribution: Attribution) -> bool:
    """Whether the speaker's head word is a name (capitalised in the phrase): "Twitter's Adam Sharp" is, "Romney's
    remarks" and "A majority of Democrats in the room" are not, though a name qualifies them."""
    words = re.findall(r"[^\W\d_][\w'\u2019.-]*", attribution.speaker)
    head = attribution.head.strip(".")
    return any(w[0].isupper() and head in {w.lower().strip("."), *w.lower().split("-")} for w in words)


def cited_elsewhere(attribution: Attribution, sentence: SentenceInfo) -> bool:
    """Outside English, where `is_source`'s English head nouns say nothing: a named speaker (told without capitals
    in Arabic) or whatever follows an "according to" word ("laut Behörden", "selon le syndicat", "بحسب الدفاع
    المدني") is a source."""
    return not sentence.parsed and (attribution.named or attribution.kind == "according_to")


def is_source(attribution: Attribution) -> bool:
    """A speaker whose head is a name, or whose head noun marks a source or a document ("a diplomatic source",
    "a poll").

    A definite description of a person ("the president", "its editor") or a bare definite document ("the letter")
    points back at something named elsewhere and is left out, and so are a party's members and dates.
    """
    words = attribution.speaker.strip().lower().split()
    if not words or " ".join(words) in _GENERIC_SPEAKERS or words[0] in _GROUP_WORDS:
        return False
    if attribution.head_type in _NOT_SOURCE_TYPES or attribution.head in _LAW_NOUNS:
        return False
    named = attribution.named and _head_is_name(attribution)
    nameless = not any(w[:1].isupper() for w in attribution.speaker.split()[1:])
    anaphoric = (
        attribution.head in PERSON_NOUNS
        or (attribution.head in DOCUMENT_NOUNS and nameless)  # "the joint statement", not "the Mueller report"
        or (attribution.head == "campaign" and nameless)  # "his campaign", not "The Clinton campaign"
    )
    if not named and words[0] in _DEFINITE and anaphoric:
        return False
    return named or attribution.head in SOURCE_NOUNS or attribution.head in DOCUMENT_NOUNS


def _author(speaker: str, people: People) -> str:
    """A person's document as its author ("Taylor's letter" is Taylor), so the person is cited once."""
    match = _PERSONS_DOCUMENT.match(speaker)
    if match and match.group(2).lower().rstrip("s") in DOCUMENT_NOUNS and people.is_person(match.group(1)):
        return people.person_in(match.group(1)) or speaker
    return speaker


_AUTHOR_WORDS = 8  # longest "by" phrase taken as a document's author ("a study by the Harbour Institute")


def _document_author(sentence: SentenceInfo, attribution: Attribution) -> str | None:
    """Who wrote a cited document the sentence names with "by" ("according to a new analysis by Fix the Court, a
    group that ...": Fix the Court), when the author is a name; the document alone says less than its author."""
    if attribution.named or attribution.head not in DOCUMENT_NOUNS:
        return None
    for token in sentence.doc:
        if token.lemma_.lower() != attribution.head or token.text not in attribution.speaker:
            continue
        for by in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"):
            author = next((c for c in by.children if c.dep_ == "pobj"), None)
            if author is None or author.pos_ != "PROPN":
                continue
            words = []
            for t in author.subtree:
                if t.is_punct or t.dep_ in {"appos", "relcl", "acl"} or (words and t.head.dep_ in {"appos", "relcl"}):
                    break
                words.append(t)
            if 0 < len(words) <= _AUTHOR_WORDS:
                return sentence.doc[words[0].i : words[-1].i + 1].text
    return None


_OWNED = re.compile(r"\w['\u2019]s\s")


def cited_sources(text: ArticleText) -> list[str]:
    """The article's credited sources plus agencies, officials, media and anonymous sources named in its text.

    A lone surname is given as the one full name the article gives it ("Long" -> "David Long"), and a source already
    listed is left out: a shorter mention of it ("Manley" after "Spokesman Jim Manley"), or another phrase for the
    same person ("Senate Majority Leader McConnell" after "Mitch McConnell").
    """
    found: list[str] = list(text.article.cited_sources)
    people = text.people or People(text.sentences, text.mentions, text.article.body)
    for sentence in text.sentences:
        for match in _AGENCY_IN_TEXT.finditer(sentence.text):
            found.append(AGENCIES.get(match.group(1).strip("()").lower(), match.group(1).strip("()")))
        for attribution in sentence.attributions:
            if is_source(attribution) or cited_elsewhere(attribution, sentence):
                person = people.speaker(attribution) if attribution.named else None
                speaker = people.full(person or _author(attribution.speaker.strip(), people))
                speaker = _document_author(sentence, attribution) or speaker
                found.append(AGENCIES.get(speaker.lower(), speaker))
    keyed = [(source, set(name_key(source).split())) for source in found]
    spelt_out = {acronym(source) for source in found} - {""}  # "NRA" beside "The National Rifle Association"
    result: list[str] = []
    keys: set[str] = set()
    for source, words in keyed:
        key = name_key(source)
        if not key or key in keys or source.lower() in _GENERIC_SPEAKERS:
            continue
        letters = re.sub(r"^the\s+", "", source, flags=re.IGNORECASE).replace(".", "")
        if letters.isupper() and letters in spelt_out:
            continue
        # a shorter mention is left out, but not the owner of a voice listed ("Ann Vale" beside "Ann Vale's office")
        owner = source[:1].isupper()
        if any(words < other for other_source, other in keyed if not (owner and _OWNED.search(other_source))):
            continue
        person = people.person_in(source)
        person_key = name_key(people.full(person.split()[-1])) if person and source.endswith(person) else ""
        if person_key and person_key != name_key(person.split()[-1]) and person_key in keys:
            continue
        keys.update({key, person_key} - {""})
        result.append(source)
    return result
