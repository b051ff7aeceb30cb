"""The comparison engine: articles about one story in, a `Report` out (coverage, entities, facts, framing).

Understanding (stage 3) parses every article once; alignment groups sentences that report one fact; conflicts,
framing and provenance read those groups and parses. No rendering, storage or I/O happens here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from threadpoolctl import ThreadpoolController

from manysides.compare.crosspairs import score_across_languages
from manysides.compare.facts import build_facts, statement, states_something, words_of
from manysides.compare.framing import framing, voices
from manysides.compare.other_framing import hedge_example, hedge_languages, hedges
from manysides.compare.pairs import score_pairs
from manysides.compare.provenance import cited_sources, outlet_keys, republications
from manysides.extract.html_metadata import TITLE_SEPARATORS
from manysides.records.article import Article
from manysides.records.report import Entity, Fact, FramingItem, Report, ReportArticle, StoryInfo, Voice
from manysides.understand import ArticleText, SentenceInfo, analyse_many
from manysides.understand.document import honorific_sex
from manysides.understand.entities import EntityCluster, known_organisations, lone_heads, mention_counts, merge_mentions
from manysides.understand.gazetteer import name_heads
from manysides.understand.name_spans import modifies_next, without_title
from manysides.understand.names import first_name_sex, name_key
from manysides.understand.other_cues import cue_example, read_languages
from manysides.understand.other_languages import PARSED_LANGUAGE, language_code, parsed_language

# Bump whenever a change to the engine (or its data files, models or weights) changes its output for the same
# articles: stored comparisons made by another version are recomputed (store/cache.py).
COMPARE_ENGINE_VERSION = "45"
READ_LANGUAGE = PARSED_LANGUAGE


def _entities(texts: list[ArticleText]) -> list[Entity]:
    bodies = {t.article.id: t.article.body for t in texts}
    clusters = [c for c in merge_mentions([m for t in texts for m in t.mentions]) if not _common_acronym(c, bodies)]
    clusters = [c for c in clusters if not _name_piece(c, clusters, bodies)]
    clusters = [c for c in clusters if not all(m.evidence == "thing" for m in c.mentions)]  # a drug, a product
    clusters = [c for c in clusters if not _quoted_common_phrase(c, bodies)]
    clusters = [c for c in clusters if not _adjective_only(c, texts)]
    clusters = [c for c in clusters if not (c.type == "person" and _INITIALS_ONLY.fullmatch(c.name))]
    clusters = [c for c in clusters if not (_party_tag(c, bodies) or _LIST_OF_NAMES.fullmatch(c.name))]
    counts = mention_counts(clusters, bodies)
    entities = [
        Entity(name=c.name, type=_numbered_thing(c), aliases=c.aliases, mentions=n)
        for c, n in zip(clusters, counts, strict=True)
    ]
    return sorted(entities, key=lambda e: -sum(e.mentions.values()))


# A "person" whose name is initials alone ("O.K." in "it's O.K.", as the parser types it): no one is named by
# initials without a surname in news text ("J.K. Rowling" has one), while a body by its initials ("F.B.I.") is an
# organisation, never a person.
_INITIALS_ONLY = re.compile(r"(?:[A-Z]\.\s?)+")
# A party and state after a name ("D-Ill.", "R-Fla."): what the person is, not an entity of its own.
_PARTY_TAG = re.compile(r"[DRI]-[A-Z][A-Za-z.]*")


def _party_tag(cluster: EntityCluster, bodies: dict[str, str]) -> bool:
    """Whether every mention is a party tag, or the state of one (the parser takes "Fla." out of "(R-Fla.)")."""
    return all(
        _PARTY_TAG.fullmatch(m.text)
        or (m.article in bodies and _PARTY_TAG.fullmatch(bodies[m.article][max(0, m.start - 2) : m.end]))
        for m in cluster.mentions
    )


# Several names the parser took as one ("Marriott, Apple and American Airlines"): capitalised words, commas and one
# "and", no other lower-case word (a body's own name has one: "Bureau of Alcohol, Tobacco, Firearms and Explosives").
_NAME_RUN = r"[A-Z][\w.&'\u2019-]*(?: [A-Z][\w.&'\u2019-]*)*"
_LIST_OF_NAMES = re.compile(rf"{_NAME_RUN}(?:, {_NAME_RUN})+,? and [A-Z].*")


def _numbered_thing(cluster: EntityCluster) -> str:
    """The cluster's type, but no person is named by a number ("Bill 1062", "Proposition 8"): a thing."""
    if cluster.type == "person" and cluster.name.split()[-1].isdigit():
        return "other"
    return cluster.type


def _in_quote(body: str, start: int) -> bool:
    """Whether a place in a body lies inside quotation marks of its paragraph (more opening marks than closing
    ones before it, or an odd number of straight ones)."""
    line = body.rfind("\n", 0, start) + 1
    before = body[line:start]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _quoted_common_phrase(cluster: EntityCluster, bodies: dict[str, str]) -> bool:
    """Whether a name of two or more words is only ever capitalised inside someone's quoted words and the story
    writes the same words in lower case ("If you are weeding out Fake News" beside "“fake news” CNN"): a phrase
    capitalised for emphasis, not a name. A person's given name or a known body keeps it a name."""
    name = cluster.name
    if len(name.split()) < 2 or cluster.type == "person" or name in known_organisations():
        return False
    if not all(m.article in bodies and _in_quote(bodies[m.article], m.start) for m in cluster.mentions):
        return False
    lower = re.compile(r"(?<![\w-])" + re.escape(name.lower()) + r"(?![\w-])")
    return any(lower.search(body) for body in bodies.values())


_ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})


def _adjective_only(cluster: EntityCluster, texts: list[ArticleText]) -> bool:
    """Whether a one-word name is an adjective wherever it stands ("Bombastic" opening a quote, "Judicial" before
    a committee the parser split off): the English parser's entity span without a name's part of speech."""
    if any(" " in m.text for m in cluster.mentions):
        return False
    sentences = {(t.article.id, s.index): s for t in texts for s in t.sentences}
    for mention in cluster.mentions:
        sentence = sentences.get((mention.article, mention.sentence))
        if sentence is None or not sentence.parsed:
            return False
        at = mention.start - sentence.start
        token = next((t for t in sentence.doc if t.idx == at), None)
        if token is None or token.tag_ not in _ADJECTIVE_TAGS:
            return False
    return True


def _common_acronym(cluster: EntityCluster, bodies: dict[str, str]) -> bool:
    """Whether a name is only ever an acronym of a thing the story writes out in lower case ("COLA" beside
    "cost-of-living adjustments"): a common noun shortened, no person, place or body. The written-out words must
    hold a hyphen or stand right before the acronym in brackets, so that no chance run of initials counts."""
    spellings = {m.text.replace(".", "") for m in cluster.mentions}
    if len(spellings) != 1:
        return False
    (letters,) = spellings
    if not (letters.isalpha() and letters.isupper() and len(letters) >= 3):
        return False
    words = r"[\s-]+".join(re.escape(c.lower()) + r"[a-z'\u2019]*" for c in letters)
    pattern = re.compile(r"(?<![\w-])(" + words + r")(?![\w-])(\s*\(" + letters + r"\))?")
    return any("-" in m.group(1) or m.group(2) for body in bodies.values() for m in pattern.finditer(body))


def _name_piece(cluster: EntityCluster, clusters: list[EntityCluster], bodies: dict[str, str]) -> bool:
    """Whether a body's name is only ever a piece of a longer name or role the parser cut: every mention is followed
    by a title or a body's head word ("National Harbour" of "National Harbour Adviser Ann Vale"; "Harbour" of
    "Harbour committee chairman") and its words stand inside another name of the story ("National Harbour
    Agency", "Senate Harbour Committee"). A name that says what it is ("Harbour Agency"), an acronym or a known
    body is its own name whatever follows it ("FBI Director")."""
    name = cluster.name
    words = name.split()
    if cluster.type == "person" or name in known_organisations() or name.isupper() or words[-1] in name_heads():
        return False
    inside = re.compile(r"(?<!\S)" + re.escape(name) + r"(?!\S)")
    if not any(c is not cluster and c.name != name and inside.search(c.name) for c in clusters):
        return False
    heads = lone_heads()
    read = [modifies_next(bodies[m.article], m.start, m.end, heads) for m in cluster.mentions if m.article in bodies]
    return bool(read) and all(read)


@dataclass(frozen=True)
class StoryNames:
    """Each spelling's key to its entity's name, the most mentioned entity winning a spelling two share, and which
    entities are no person (a lone word of theirs, "the Journal", needs no given name to be theirs)."""

    by_key: dict[str, str]
    bodies: frozenset[str]

    def get(self, key: str, default: str) -> str:
        return self.by_key.get(key, default)


def _entity_names(entities: list[Entity]) -> StoryNames:
    by_key = {name_key(alias): e.name for e in reversed(entities) for alias in (e.name, *e.aliases)}
    return StoryNames(by_key, frozenset(e.name for e in entities if e.type != "person"))


def _canonical_targets(items: list[FramingItem], names: StoryNames) -> list[FramingItem]:
    """Framing targets and speakers named as their entity ("Sharaa" -> "Ahmad al-Sharaa"; "Sen. Vale" and "Vale"
    one actor), so renderers can group by actor."""
    found = []
    for item in items:
        if item.target:
            item = item.model_copy(update={"target": names.get(name_key(item.target), item.target)})
        if item.speaker:
            item = item.model_copy(update={"speaker": _speaker_entity(item.speaker, names)})
        found.append(item)
    return found


def _speaker_entity(speaker: str, names: StoryNames) -> str:
    """A speaker named as its entity; a title the attribution kept ("Sen. Vale", "President Vale") left out
    when the titled name is no entity's, so the titled and the bare name are one actor. An honorific stays: it is
    what tells "Mr. Vale" from the story's "Ann Vale" (`_as_entity`). A home told after the name ("Ann Vale of
    Ohio") is left out when the name before it is an entity's."""
    speaker = speaker.strip()
    person, _, home = speaker.partition(" of ")
    bare = person[without_title(person, 0, len(person)) :].strip()
    if home and bare and name_key(bare) in names.by_key:  # not "Secretary of State Ann Vale", whose title is all
        speaker = person
    named = _as_entity(speaker, names)
    start = without_title(speaker, 0, len(speaker))
    if named != speaker or not start or honorific_sex(speaker) is not None:
        return named
    return _as_entity(speaker[start:], names)


def _as_entity(name: str, names: StoryNames) -> str:
    """A person or body named as its entity across the story ("Mr. Obama" in one outlet, "Obama" in another: both
    "Barack Obama"); as written when that is the entity's name already ("the Coastal Press Agency") or no entity
    has it. A lone surname takes a full name only when its given name says a sex that an honorific does not
    contradict: "Mr. Harlan" is not the "Ivka Harlan" the story happens to name in full (a family shares a
    surname, and a given name the list lacks says nothing). A body's lone word needs none ("the Journal")."""
    key = name_key(name)
    entity = names.get(key, name)
    if name_key(entity) == key:
        return name
    if len(key.split()) == 1 and entity not in names.bodies:
        sex, said = first_name_sex(entity), honorific_sex(name)
        if sex is None or said not in {None, sex}:
            return name
    return entity


def _canonical_sources(sources: list[str], names: StoryNames) -> list[str]:
    """Cited sources named as their entities, so the outlets' columns compare."""
    return list(dict.fromkeys(_as_entity(source, names) for source in sources))


def _canonical_voices(found: list[Voice], names: StoryNames) -> list[Voice]:
    """Speakers named as their entity, one voice per article and entity with the counts added up ("The Wall Street
    Journal" and "the Journal" are one voice, under the first spelling)."""
    merged: dict[tuple[str, str], Voice] = {}
    for voice in found:
        speaker = _as_entity(voice.speaker, names)
        key = (voice.article, name_key(speaker))
        if key in merged:
            seen = merged[key]
            merged[key] = seen.model_copy(
                update={"quoted": seen.quoted + voice.quoted, "paraphrased": seen.paraphrased + voice.paraphrased}
            )
        else:
            merged[key] = voice.model_copy(update={"speaker": speaker})
    return list(merged.values())


def _coverage(
    texts: list[ArticleText], republished: dict[str, str], names: StoryNames, facts: list[Fact]
) -> list[ReportArticle]:
    return [
        ReportArticle(
            id=t.article.id,
            path=t.article.path,
            url=t.article.url,
            outlet=t.article.outlet,
            title=headline_without_outlet(t.article.title, t.article.outlet),
            published=t.article.published,
            republished_from=republished.get(t.article.id),
            language=t.article.language,
            cited_sources=_canonical_sources(cited_sources(t), names) if reads_voices(t.article) else [],
            statements=len({words_of(s) for s in t.sentences if states_something(s, listed=True)}),  # a repeat once
            unplaced=len(unplaced := _unplaced(t, facts)),
            unplaced_statements=[statement(t, s) for s in unplaced],
        )
        for t in texts
    ]


def _unplaced(text: ArticleText, facts: list[Fact]) -> list[SentenceInfo]:
    """The article's statements that no fact holds under any of their repeats, in order (a repeat counts once, by
    its first telling). Counted from the sentences themselves: a heading or a fragment a fact holds
    does not stand in for a statement it leaves out."""
    placed = {s.sentence for f in facts for s in f.statements if s.article == text.article.id}
    stated = [s for s in text.sentences if states_something(s, listed=True)]
    held = {words_of(s) for s in stated if s.index in placed}
    first: dict[str, SentenceInfo] = {}
    for s in stated:
        first.setdefault(words_of(s), s)
    return [s for words, s in first.items() if words not in held]


def headline_without_outlet(title: str | None, outlet: str | None) -> str | None:
    """A headline without the " | Fox News" a feed or an archive left on it, as HTML extraction drops it."""
    if not title or not outlet:
        return title
    for separator in TITLE_SEPARATORS:
        if title.endswith(separator + outlet) and len(title) > len(separator + outlet):
            return title[: -len(separator + outlet)].strip()
    return title


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]{4,}", text.lower()))


def central_title(titles: list[str], bodies: list[str] | None = None) -> str | None:
    """The headline that tells what the others tell: not a question ("Did X cross the line?"), sharing the most
    words with the other headlines, and then the one whose words the other articles' bodies tell most (`bodies`,
    one per title), so the story is not named after whichever page came first, nor after the odd one out."""

    keyed = [_words(t) for t in titles]
    told = [_words(b) for b in bodies] if bodies is not None and len(bodies) == len(titles) else None

    def score(i: int) -> tuple[bool, int, float, int]:
        others = [j for j in range(len(titles)) if j != i]
        shared = sum(len(keyed[i] & keyed[j]) for j in others)
        covered = sum(len(keyed[i] & told[j]) for j in others) / max(len(keyed[i]), 1) if told else 0.0
        return (not titles[i].rstrip().endswith("?"), shared, covered, -i)

    return titles[max(range(len(titles)), key=score)] if titles else None


_LEAD_TITLE_WORDS = 14


def _lead_title(texts: list[ArticleText]) -> str:
    """A name for a story none of whose articles has a headline: the lead sentence that tells what the others tell
    (`central_title` over each article's first sentence), cut to a headline's length. Records without a title are
    common in feeds and data sets, and "Untitled story" tells a reader nothing."""
    leads = [(t.sentences[0].text, t.article.body) for t in texts if t.sentences]
    lead = central_title([text for text, _ in leads], [body for _, body in leads])
    if not lead:
        return "Untitled story"
    words = lead.split()
    return " ".join(words[:_LEAD_TITLE_WORDS]) + ("…" if len(words) > _LEAD_TITLE_WORDS else "")


def _story(texts: list[ArticleText], title: str | None) -> StoryInfo:
    dates = sorted(t.article.published for t in texts if t.article.published)
    source = None
    if title is None:
        # The report reads in English: an English headline names the story when there is one, else any language's
        # (two Spanish outlets share more headline words than the one English outlet shares with either).
        english = [t for t in texts if t.article.language == "en" and t.article.title]
        named = english or texts
        headed = [(headline_without_outlet(t.article.title, t.article.outlet), t) for t in named]
        headed = [(h, t) for h, t in headed if h]
        title = central_title([h for h, _ in headed], [t.article.body for _, t in headed])
        source = next((t.article.id for h, t in headed if h == title), None)  # whose words the title is
        title = title or _lead_title(texts)
    return StoryInfo(
        title=title,
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        title_from=source,
    )


def compare_texts(texts: list[ArticleText], title: str | None = None) -> Report:
    """compare() for articles already understood (benchmarks reuse one parse for several settings)."""
    articles = [t.article for t in texts]
    republished = republications(articles)
    sources = outlet_keys(articles, republished)
    scores = score_pairs(texts, sources)
    score_across_languages(scores, texts)
    read = [t for t in texts if reads_names(t.article)]
    voiced = [t for t in texts if reads_voices(t.article)]
    entities = _entities(texts)
    names = _entity_names(entities)
    facts = build_facts(texts, scores)
    return Report(
        story=_story(texts, title),
        articles=_coverage(texts, republished, names, facts),
        entities=entities,
        facts=facts,
        framing=_canonical_targets(
            [item for t in read for item in framing(t)]
            + [item for t in texts if not reads_names(t.article) for item in hedges(t, language_code(t.article))],
            names,
        ),
        voices=_canonical_voices([voice for t in voiced for voice in voices(t)], names),
        notes=_notes(texts),
    )


def reads_names(article: Article) -> bool:
    """Whether framing (and the English parse's names) can be read in this article: its language is English (or
    unknown), the language of the parser and of the word lists. Elsewhere they would be noise ("Fue" as a name);
    names in other languages are read only where another language's article gives them (other_languages.py)."""
    return parsed_language(article.language)


def reads_voices(article: Article) -> bool:
    """Whether quotes, their speakers and cited sources are read in this article: in English by the parse, in the
    languages with listed cue words by those words (`understand/other_quotes.py`)."""
    return reads_names(article) or language_code(article) in read_languages()


def _notes(texts: list[ArticleText]) -> list[str]:
    others = [t for t in texts if not reads_names(t.article)]
    if not others:
        return []
    unread = sorted({language_code(t.article) for t in others})
    voiced = sorted({language_code(t.article) for t in others if reads_voices(t.article)})
    count = len(others)
    cue_words = _examples(voiced, cue_example)
    quotes = (
        f"Quotes and their speakers are read in {', '.join(voiced)} from listed cue words ({cue_words}), without a "
        "parser: a speaker is the name or phrase beside the cue. "
        if voiced
        else ""
    )
    silent = sorted(set(unread) - set(voiced))
    hedged = sorted({language_code(t.article) for t in others} & hedge_languages())
    framed = (
        f"Framing is read in English, and in {', '.join(hedged)} only its hedges ({_examples(hedged, hedge_example)}: "
        "hand-listed words by which the outlet keeps a claim at a distance): labels, loaded terms and "
        "scare quotes are not read in"
        if hedged
        else "Framing is read in English only: not read in"
    )
    return [
        f"{framed} {count} article{'s' if count > 1 else ''} in "
        f"{', '.join(unread)}, which are compared on their sentences (by a multilingual sentence encoder), figures, "
        "dates and names; a name there is read only where an article in another language gives it too, or another "
        "outlet's in the same language where only names take capitals (not German). "
        + quotes
        + (f"Quotes and cited sources are not read in {', '.join(silent)}. " if silent else "")
        + "Statements are shown in their own language, untranslated."
    ]


def _examples(languages: Sequence[str], example: Callable[[str], str | None]) -> str:
    """One listed word of each of the report's languages, quoted ("sagte", "قال"), so the note shows what it reads
    in the languages the reader has in front of them."""
    return ", ".join(f'"{word}"' for language in languages if (word := example(language)))


def distinct(articles: Sequence[Article]) -> list[Article]:
    """One article per id (the same page read from a feed and an archive): the one with the longest body."""
    best: dict[str, Article] = {}
    for article in articles:
        if article.id not in best or len(article.body) > len(best[article.id].body):
            best[article.id] = article
    return list(best.values())


@cache
def _threads() -> ThreadpoolController:
    """The process's thread pools, found once: finding them walks every loaded library."""
    return ThreadpoolController()


def compare(articles: Sequence[Article], title: str | None = None) -> Report:
    """Compare articles as one story; every statement links to its article and sentence.

    Runs with one BLAS thread: its matrices are a story's sentences and words, too small for a second thread to
    gain time, and an idle BLAS thread spins on the CPU that other stories (or requests) could use."""
    with _threads().limit(limits=1, user_api="blas"):
        return compare_texts(analyse_many(distinct(articles)), title)
