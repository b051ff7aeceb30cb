"""Facts from sentence pairs: shared (2+ outlets state it), conflict (they state it differently) or unique.

A shared fact is a clique: every two of its statements from different outlets are a pair the model scores at the
fact bar, so no sentence rides in on the strength of the others (chaining is what made long analytic stories one
topic-wide "fact"). One sentence may state several propositions, so it may sit in several facts. A sentence is a
unique fact only when no other outlet has a sentence even loosely like it, so "only this outlet reports it" stays a
claim the reader can rely on. Every statement is a sentence exactly as it stands in its article's body.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from itertools import combinations

import numpy as np

from manysides.compare.conflicts import Found, find_conflicts, reading, same_act
from manysides.compare.count_updates import moved_count
from manysides.compare.date_conflicts import one_day, one_night
from manysides.compare.pairs import Node, PairModel, PairScores, page_notice, pair_model
from manysides.compare.provenance import VAGUE_SPEAKERS, cited_elsewhere, is_source, same_wording
from manysides.compare.published import published_at, published_day
from manysides.compare.status_conflicts import opposite_acts
from manysides.compare.unique import specifics, unique_features, unique_probabilities
from manysides.records.report import Conflict, Fact, Statement
from manysides.understand import ArticleText, SentenceInfo
from manysides.understand.name_spans import is_person_title
from manysides.understand.quotes import Attribution
from manysides.understand.speech_words import speech_words

_MIN_UNIQUE_WORDS = 6
_MIN_VERBLESS_WORDS = 8  # a closed sentence this long states something though the parse found no verb in it
# ("The 49-year-old teaches at ...", "teaches" tagged a plural noun): no heading runs so long and ends on a stop
_MIN_LISTED_WORDS = 3  # a subject, a verb and one more word: a statement an article's lists must not leave out
_MIN_COLON_WORDS = 12  # a sentence ending with a colon this long states something of its own, not only a lead-in
_MIN_SAID_WORDS = 4  # someone's words told in a short sentence ("Everything but immunity, he added.") still state
CAP = 3  # sentences of one article in one fact
_VOICE_NOUNS = speech_words("voice_nouns")  # "leader", "spokesman": a title before a name


def statement(text: ArticleText, sentence: SentenceInfo) -> Statement:
    """The sentence as the report shows it, credited to whoever speaks in it, or to the source it cites when that
    is a source ("citing officials"), not any thing cited ("cited the case of a florist")."""
    credited = (
        a
        for a in sentence.attributions
        if (a.kind in {"quote", "paraphrase"} or is_source(a) or cited_elsewhere(a, sentence))
        and a.speaker.lower() not in VAGUE_SPEAKERS  # "he", "Many": no one a reader can tell
    )
    attribution = next((_name_only(text, a) for a in credited), None)
    return Statement(article=text.article.id, text=sentence.text, attribution=attribution, sentence=sentence.index)


def _name_only(text: ArticleText, attribution: Attribution) -> str:
    """A speaker phrase headed by a person's full name as that name alone: the reader wants who, and the title or
    description before it ("senior adviser David Axelrod") is the article's wording, not a name. Not when the name
    is not the head ("A spokesman for Mayor Ada Krell" is the spokesman) or the word before may be part of the
    name (a capitalised word that is no title: "Deanell Reece Tacha")."""
    speaker = attribution.speaker
    person = text.people.person_in(speaker) if text.people else None
    if not person or not speaker.endswith(person) or len(person.split()) < 2:
        return speaker
    before = speaker[: len(speaker) - len(person)].split()
    if person.split()[-1].lower() != attribution.head or (before and not _title_word(before[-1])):
        return speaker
    return person


def _title_word(word: str) -> bool:
    """A word that ends a title or description before a name, not a given name: lower case, an abbreviation
    ("Sen.", "CEO"), a possessive ("Twitter's") or a title or voice noun ("Secretary", "Leader")."""
    lower = word.lower()
    return (
        word == lower
        or word.endswith((".", "'s", "\u2019s", ","))
        or word.isupper()
        or is_person_title(lower)
        or lower in _VOICE_NOUNS
    )


def words_of(sentence: SentenceInfo) -> str:
    """A sentence's words, lower case, without punctuation: the same for a sentence an article repeats."""
    return " ".join(re.findall(r"\w+", sentence.text.lower()))


def states_something(sentence: SentenceInfo, listed: bool = False) -> bool:
    """A full sentence with a verb, not a heading or fragment (the verb as the English parse tags it; in other
    languages the closing stop alone). A shorter sentence states something when it tells someone's words. The
    body's last sentence needs no stop: a text cut short, or one that ends on an agency's initials ("... zusammenkam.
    ( sho/sda"), still says what it says, and leaving it out would drop it from every list without a word.
    `listed`: for an article's count of statements and its "not placed" list, where a short sentence ("Zginęło
    dwóch górników.", "He is egocentric.") counts too, so nothing an article states is left out of every list."""
    if page_notice(sentence):  # "An earlier version of this post said ...": of the page, not the news
        return False
    shortest, shortest_said = (_MIN_LISTED_WORDS, _MIN_LISTED_WORDS) if listed else (_MIN_UNIQUE_WORDS, _MIN_SAID_WORDS)
    if not sentence.parsed:
        closed = sentence.text.rstrip(_CLOSING).endswith((".", "!", "?", "\u061f", "\u06d4"))
        return len(sentence.text.split()) >= shortest_said and (closed or sentence.ends_body)
    said = any(a.kind in {"quote", "paraphrase"} for a in sentence.attributions)
    words = len(sentence.text.split())
    # a long sentence before a colon states what it says ("The Post reported that ... a first in its history:");
    # a short one only leads in to what follows ("Politics Daily reported:")
    stops = (".", "!", "?", ":") if words >= _MIN_COLON_WORDS else (".", "!", "?")
    closed = sentence.text.rstrip(_CLOSING).endswith(stops)
    return (
        words >= (shortest_said if said else shortest)
        and (closed or sentence.ends_body)
        and (words >= _MIN_VERBLESS_WORDS or any(t.pos_ in {"VERB", "AUX"} for t in sentence.doc))
    )


# Marks that may close a sentence after its stop: quotation marks of every language (German quotes close on U+201C
# and U+2018, French and Russian on U+00BB, Danish on U+00AB), brackets.
_CLOSING = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2039\u203a\u300d\u300f)]"
_CONDITIONS = {"if", "unless"}


def conditional(sentence: SentenceInfo) -> bool:
    """Whether the sentence's claim hangs on a condition ("If AARP is open to cuts, it would be a boost"; "officials
    said the bridge would close if ..."): a modal main or reported clause with an if/unless clause. It states no
    fact of its own, so it heads a fact only when nothing else can."""
    if not sentence.parsed:
        return False
    for root in (t for t in sentence.doc if t.dep_ == "ROOT"):
        for clause in [root, *(c for c in root.children if c.dep_ == "ccomp")]:
            children = list(clause.children)
            modal = any(c.tag_ == "MD" for c in children)
            hinge = any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)
                for c in children
            )
            if modal and hinge:
                return True
    return False


def cliques(scores: PairScores, bar: float) -> list[list[Node]]:
    """Facts as cliques over pairs at or above `bar`, strongest pair first: each pair not yet inside a fact seeds
    one, which then takes every sentence that pairs at the bar with all its members of other outlets."""
    prob, nodes = scores.prob, scores.nodes
    i_all, j_all = np.nonzero(np.triu(prob >= bar, 1))
    order = np.argsort(-prob[i_all, j_all], kind="stable")
    facts: list[list[int]] = []
    for i, j in zip(i_all[order], j_all[order], strict=True):
        if any(i in f and j in f for f in facts):
            continue
        members = [int(i), int(j)]
        others = np.flatnonzero((prob[i] >= bar) | (prob[j] >= bar))
        for k in sorted(others, key=lambda k: -float(prob[k, members].mean())):
            if k in members or sum(nodes[m].article == nodes[k].article for m in members) >= CAP:
                continue
            across = [m for m in members if scores.source(nodes[m]) != scores.source(nodes[k])]
            if across and all(prob[k, m] >= bar for m in across):
                members.append(int(k))
        facts.append(members)
    kept = [f for f in facts if not any(set(f) < set(g) for g in facts)]
    return [sorted((nodes[k] for k in f), key=lambda n: (n.article, n.sentence.index)) for f in kept]


def _without_contrary_pairs(scores: PairScores, bar: float, published: list[str | None]) -> PairScores:
    """The scores with every pair at the bar that tells two claims set to 0, so no shared fact holds both, whatever
    words they share: one sentence denies an act the other affirms (`opposite_acts`: "Mr. Trump did not respond" /
    "Trump Jr. did occasionally respond", "he could not confirm" / "his son confirmed"), the two give other days
    (`_other_days`), or one tells news from after the other's article was published (`_later_news`; `published`:
    each article's stamp)."""
    prob = scores.prob.copy()
    days = [published_day(stamp) for stamp in published]
    for i, j in zip(*np.nonzero(np.triu(prob >= bar, 1)), strict=True):
        x, y = scores.nodes[i], scores.nodes[j]
        a, b = x.sentence, y.sentence
        if opposite_acts(a, b) or _other_days(a, b) or _later_news(a, days[x.article], b, days[y.article]):
            prob[i, j] = prob[j, i] = 0.0
    return replace(scores, prob=prob)


def _later_news(a: SentenceInfo, a_day: str | None, b: SentenceInfo, b_day: str | None) -> bool:
    """Whether the sentence of the later article tells a happening dated after the earlier article was published
    and by its own publication day, which the earlier one cannot state unless it names that day too (a plan: "they
    will meet on Friday"): "La Fiscalía anunció el viernes que recurrirá" in Friday's report is no fact of
    Thursday's "the court sentenced him on Thursday", whatever names they share. As for `_other_days`, not where
    the English parse reads both: there a day may belong to another clause, and the date checks read which act each
    dates."""
    if a_day is None or b_day is None or a_day == b_day or (a.parsed and b.parsed):
        return False
    (early, early_day), (late, late_day) = sorted(((a, a_day), (b, b_day)), key=lambda pair: pair[1])
    after = {d.value for d in late.dates if d.day and early_day < d.value <= late_day}
    return bool(after) and not after & {d.value for d in early.dates if d.day}


def _other_days(a: SentenceInfo, b: SentenceInfo) -> bool:
    """Whether each sentence gives days and they share none, not even one night (`one_night`), where the English
    parse does not read both: "dos barrios volvieron a quedarse sin luz el jueves" beside "the city went dark on
    Wednesday" tells a later happening. With both parsed the days may belong to other clauses ("Trump on Saturday
    said he appreciates Mueller's statement" about Friday's), and the date checks read which act each dates."""
    if a.parsed and b.parsed:
        return False
    xs, ys = [d for d in a.dates if d.day], [d for d in b.dates if d.day]
    if not xs or not ys or {d.value for d in xs} & {d.value for d in ys}:
        return False
    return not any(one_night(a, x, b, y) or one_day(x, y) for x in xs for y in ys)


def _own_days(conflict: Conflict, texts: list[ArticleText], nodes: list[Node]) -> Conflict:
    """Two dates where each outlet reports what happened on its own publication day or the day before ("said
    Tuesday" in Tuesday's paper, "said Wednesday" in Wednesday's): a later development, not two datings of one
    happening. An update, with the earlier report first; not when two outlets tell one act of one named doer
    (`same_act`: "Aliyev welcomed Sharaa"), which happens once."""
    if any(x.article != y.article and same_act(x.sentence, y.sentence) for x in nodes for y in nodes):
        return conflict
    published = {t.article.id: published_at(t.article.published) for t in texts}
    days: dict[str, date] = {}
    for article, value in conflict.values.items():
        when = published.get(article)
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return conflict
        if when is None or not 0 <= (when.date() - day).days <= 1:
            return conflict
        days[article] = day
    if len({published[a].date() for a in days}) < 2 or len(set(days.values())) < 2:  # type: ignore[union-attr]
        return conflict
    first = min(days, key=lambda a: published[a])  # type: ignore[arg-type, return-value]
    stamps = {t.article.id: t.article.published for t in texts}
    note = f"a later report: each outlet reports its own day, the earliest on {stamps[first]}"
    return conflict.model_copy(update={"type": "update", "explanation": note, "first": first})


def _counts_of_own_days(conflict: Conflict, texts: list[ArticleText], nodes: list[Node]) -> Conflict:
    """Two figures each told of its own report's day ("37 ships by Monday evening" in Monday's report, "52 on
    Tuesday" in Tuesday's): a count that moved on, an update with the earlier report first (`_own_days` on the days
    the statements give), not a contradiction. A statement that gives no day tells its report's own; the latest
    report must say its day."""
    told: dict[str, set[str]] = {}
    for node in nodes:
        article = texts[node.article].article.id
        if article in conflict.values:
            told.setdefault(article, set()).update(d.value for d in node.sentence.dates if d.day)
    days = {t.article.id: published_day(t.article.published) for t in texts}
    latest = max(conflict.values, key=lambda a: days.get(a) or "")
    if set(told) != set(conflict.values) or any(len(d) > 1 for d in told.values()) or not told[latest]:
        return conflict
    values = {a: next(iter(d)) if d else days[a] for a, d in told.items()}
    if any(v is None for v in values.values()):
        return conflict
    timed = _own_days(conflict.model_copy(update={"values": values}), texts, nodes)
    if timed.type != "update":
        return conflict
    return conflict.model_copy(update={"type": "update", "explanation": timed.explanation, "first": timed.first})


def _without_repeated_updates(facts: list[Fact]) -> list[Fact]:
    """The conflicts without an update whose statements another update holds: "a later report" is said once, with
    the figures it moved ("37" -> "52") rather than only the days the two reports tell."""

    def held(fact: Fact) -> frozenset[tuple[str, int]]:
        return frozenset((s.article, s.sentence) for s in fact.statements)

    def days_only(fact: Fact) -> bool:
        return fact.conflict is not None and all(_ISO_DAY.fullmatch(v) for v in fact.conflict.values.values())

    def repeated(fact: Fact, other: Fact) -> bool:
        """Whether `other` says what `fact` says and more: all its statements, and figures where it has days."""
        mine, theirs = held(fact), held(other)
        return other is not fact and mine <= theirs and (mine < theirs or (days_only(fact) and not days_only(other)))

    updates = [f for f in facts if f.conflict is not None and f.conflict.type == "update"]
    return [f for f in facts if f not in updates or not any(repeated(f, g) for g in updates)]


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _undated_update(conflict: Conflict) -> Conflict:
    """A modality conflict where an outlet's publication time is unknown: "will close at 6 p.m." against "closed at
    6 p.m." is one event told before and after it far more often than two outlets contradicting each other, and
    without the times nothing shows it is not. An update whose order the report cannot give."""
    note = "likely a later report: one outlet tells as expected what another tells as done (publication times unknown)"
    return conflict.model_copy(update={"type": "update", "explanation": note})


def _with_timing(conflict: Conflict, texts: list[ArticleText], nodes: list[Node]) -> Conflict:
    """A modality conflict where every "expected" report came out before every "happened" one is time passing,
    not disagreement: an update, which says which report came first (dates: see `_own_days`)."""
    if conflict.type == "date":
        return _own_days(conflict, texts, nodes)
    if conflict.type == "number":
        return moved_count(_counts_of_own_days(conflict, texts, nodes), texts, nodes)
    if conflict.type != "modality":
        return conflict
    published = {t.article.id: published_at(t.article.published) for t in texts}
    expected = [a for a, v in conflict.values.items() if v == "expected"]
    happened = [a for a, v in conflict.values.items() if v == "happened"]
    times = [published.get(a) for a in expected + happened]
    if not expected or not happened:
        return conflict
    if any(t is None for t in times):
        return _undated_update(conflict)
    last_expected = max(expected, key=lambda a: published[a])  # type: ignore[arg-type, return-value]
    first_happened = min(happened, key=lambda a: published[a])  # type: ignore[arg-type, return-value]
    if published[last_expected] >= published[first_happened]:  # type: ignore[operator]
        return conflict
    stamps = {t.article.id: t.article.published for t in texts}
    note = (
        f"a later report: the 'expected' one came out first ({stamps[last_expected]}, before "
        f"{stamps[first_happened]}), the 'happened' one supersedes it"
    )
    return conflict.model_copy(update={"type": "update", "explanation": note, "first": last_expected})


def _maybe_shared(texts: list[ArticleText], scores: PairScores, bar: float) -> set[tuple[int, int]]:
    """Sentences pairing at `bar` with another outlet's sentence, unless they give a name, figure or year that no
    other outlet's article mentions at all and are not their closest sentence's own best match in their article,
    or that closest sentence also gives a name no other outlet mentions (then the loose pair shares the topic or
    the phrasing, not the proposition: "occupied Mount Hermon" / "the oil fields are occupied by the SDF")."""
    mentioned: dict[str, set[str]] = {}
    for a, text in enumerate(texts):
        found = mentioned.setdefault(scores.sources[a], set())
        for sentence in text.sentences:
            found |= specifics(sentence)
    result = set()
    elsewhere = {s: set().union(*(v for other, v in mentioned.items() if other != s)) for s in mentioned}

    def novel(node: Node) -> set[str]:
        return specifics(node.sentence) - elsewhere[scores.source(node)]

    best = scores.prob.max(axis=1) if len(scores.nodes) else np.zeros(0)
    articles = np.array([n.article for n in scores.nodes])
    for k in np.flatnonzero(best >= bar):
        node = scores.nodes[k]
        partner = scores.nodes[int(scores.prob[k].argmax())]
        if not novel(node) or (_mutual_best(scores.prob, articles, int(k)) and not novel(partner)):
            result.add((node.article, node.sentence.index))
    return result


def _mutual_best(prob: np.ndarray, articles: np.ndarray, k: int) -> bool:
    """Whether sentence k's closest sentence of another outlet has no closer sentence in k's article than k."""
    partner = int(prob[k].argmax())
    own = np.flatnonzero(articles == articles[k])
    return int(own[prob[partner, own].argmax()]) == k


def unique_sureness(scores: PairScores, model: PairModel) -> dict[tuple[int, int], float]:
    """(article, sentence) -> how sure the comparison is that no other outlet states the sentence, 0 to 1: the unique
    model's probability (`unique.py`) for English sentences with an English article of another outlet beside them,
    else one less the sentence's closest pair."""
    nodes = scores.nodes
    if not nodes:
        return {}
    sure = 1.0 - scores.prob.max(axis=1)
    modelled = _modelled(scores, model)
    if model.unique is not None and modelled.any():
        sources = [scores.source(n) for n in nodes]
        features = unique_features([n.sentence for n in nodes], sources, scores.prob, scores.feats, scores.terms)
        sure = np.where(modelled, unique_probabilities(features, model.unique), sure)
    return {(n.article, n.sentence.index): float(p) for n, p in zip(nodes, sure, strict=True)}


def _modelled(scores: PairScores, model: PairModel) -> np.ndarray:
    """Which sentences the unique model judges: English ones with an English article of another outlet beside them."""
    nodes = scores.nodes
    if model.unique is None or scores.feats is None or scores.terms is None:
        return np.zeros(len(nodes), dtype=bool)
    sources = [scores.source(n) for n in nodes]
    read = {sources[k] for k, n in enumerate(nodes) if n.sentence.parsed}
    return np.array([bool(n.sentence.parsed and read - {sources[k]}) for k, n in enumerate(nodes)], dtype=bool)


def not_unique(
    texts: list[ArticleText],
    scores: PairScores,
    model: PairModel,
    sureness: dict[tuple[int, int], float] | None = None,
) -> set[tuple[int, int]]:
    """Sentences another outlet may state as well, so they are not shown as "only this outlet reports it": those
    close to another outlet's sentence (`_maybe_shared`), and, of the sentences the unique model judges, those it is
    not sure no other outlet states (`sureness`: `unique_sureness`, computed here when not given)."""
    result = _maybe_shared(texts, scores, model.unique_bar)
    if model.unique is None or not scores.nodes:
        return result
    sureness = unique_sureness(scores, model) if sureness is None else sureness
    for node, modelled in zip(scores.nodes, _modelled(scores, model), strict=True):
        key = (node.article, node.sentence.index)
        if modelled and sureness[key] < model.unique.bar:
            result.add(key)
    return result


_ABOUT_WORDS = 8


def _about(nodes: list[Node]) -> str | None:
    """What a conflict is about, in the articles' own words: the content words every side's statement shares,
    in the order the shortest statement gives them ("people injured Saturday police cleared blockade")."""
    shortest = min(nodes, key=lambda n: len(n.sentence.text)).sentence
    shared = set.intersection(*({t.lemma_.lower() for t in n.sentence.doc} for n in nodes))
    words: list[str] = []
    for token in shortest.doc:
        lemma = token.lemma_.lower()
        content = token.pos_ in {"NOUN", "PROPN", "VERB", "ADJ"} and not token.is_stop
        if lemma in shared and content and token.text not in words:
            words.append(token.text)
    return " ".join(words[:_ABOUT_WORDS]) or None


def _strongest_pair(scores: PairScores, fact: list[Node], ids: list[str]) -> set[tuple[str, int]]:
    """(article id, sentence) of the two statements of different outlets in a fact that match best: the pair the
    fact was grown from."""
    pairs = [(x, y) for x, y in combinations(fact, 2) if scores.source(x) != scores.source(y)]
    if not pairs:
        return set()
    best = max(pairs, key=lambda p: float(scores.prob[p[0].position, p[1].position]))
    return {(ids[n.article], n.sentence.index) for n in best}


def headline_of(statements: list[Statement], full: list[bool] | None = None) -> Statement:
    """The shortest statement, among those that are full sentences (`full`, in order) when any is: a fragment such
    as "But no less a theology." is short but tells a reader nothing of the fact."""
    whole = [s for s, ok in zip(statements, full, strict=True) if ok] if full else []
    return min(whole or statements, key=lambda s: (len(s.text), s.article))


def _own_words(sentence: SentenceInfo) -> str:
    """The sentence's words that are its outlet's own: none when it carries someone's quoted words (a quotation
    may run over several sentences, each without its marks), else the text outside its quotation marks."""
    if any(a.kind == "quote" for a in sentence.attributions):
        return ""
    text = sentence.text
    for first, last in sorted(sentence.quotes, reverse=True):  # offsets within the sentence
        text = text[:first] + " " + text[last:]
    return text


def _fact(kind: str, statements: list[Statement], conflict: Conflict | None = None) -> Fact:
    return Fact(kind=kind, statements=statements, conflict=conflict, headline=headline_of(statements))  # type: ignore[arg-type]


def _told_value(value: str | None) -> str | None:
    """A conflict's value as compared between its statements: "2300" and "2.300" (German, Spanish) are one."""
    return None if value is None else _SEPARATORS.sub("", value.lower())


_SEPARATORS = re.compile(r"[\s.,'\u00a0\u202f\u066c]")


def _all_set_apart(group: list[Node], scores: PairScores, set_apart: list[dict[tuple[int, int], str | None]]) -> bool:
    """Whether every two outlets' statements of a shared fact are set against each other by a conflict, each with
    its own value: the fact then says nothing the conflicts do not, and would read as agreement where they disagree
    ("Bellingham" and "Seattle" in one conflict, "she followed him" and "he followed her" in another, the three in
    one fact), or it holds just one conflict's statements. Two statements a conflict gives one value ("37 ships" in two
    outlets, "52" in a third) agree beside others."""
    keys = [(n.article, n.sentence.index) for n in group]
    if any(set(keys) == values.keys() for values in set_apart):
        return True  # just the statements of one conflict
    pairs = [
        (x, y)
        for (x, m), (y, n) in combinations(zip(keys, group, strict=True), 2)
        if scores.source(m) != scores.source(n)
    ]

    def apart(x: tuple[int, int], y: tuple[int, int]) -> bool:
        return any(x in values and y in values and values[x] != values[y] for values in set_apart)

    return bool(pairs) and all(apart(x, y) for x, y in pairs)


def build_facts(texts: list[ArticleText], scores: PairScores) -> list[Fact]:
    """Conflicts and updates, then shared facts (most outlets first), then unique facts in article order.

    A conflict holds just the statements that disagree; a shared fact with other statements beside them stays a
    shared fact too (they agree on the rest), one of just those statements is not listed again."""
    model = pair_model()
    ids = [t.article.id for t in texts]
    bars = {"near": model.unique_bar, "loose": model.loose_bar, "fact": model.conflict_bar, "sure": model.sure_bar}
    conflicts = []
    with reading(scores, [t.people for t in texts]):  # the timing reads each conflict's sentences as the checks did
        found: list[Found] = find_conflicts(scores, ids, bars)  # type: ignore[arg-type]
        for conflict, nodes in found:
            conflict = _with_timing(conflict, texts, nodes).model_copy(update={"about": _about(nodes)})
            conflicts.append(_fact("conflict", [statement(texts[n.article], n.sentence) for n in nodes], conflict))
    conflicts = _without_repeated_updates(conflicts)
    # Statements a conflict or an update sets side by side are shown there, not again as a fact they agree on; a
    # shared fact with more statements than the conflict's stays (the others agree with both).
    set_apart = [
        {(n.article, n.sentence.index): _told_value(conflict.values.get(ids[n.article])) for n in nodes}
        for conflict, nodes in found
    ]
    groups = [
        g
        for g in cliques(
            _without_contrary_pairs(scores, model.threshold, [t.article.published for t in texts]), model.threshold
        )
        if not _all_set_apart(g, scores, set_apart)
    ]
    groups.sort(key=lambda g: (-len({scores.source(n) for n in g}), g[0].article, g[0].sentence.index))
    shared, headed = [], set()
    for g in groups:
        statements = [statement(texts[n.article], n.sentence) for n in g]
        full = [states_something(n.sentence) and not conditional(n.sentence) for n in g]
        # A sentence in several facts heads only the first: the same heading twice reads as one fact listed twice.
        # A full sentence heads before a fragment cut from a quotation ("Rise to the occasion.") or a claim on a
        # condition, even if it heads another fact too.
        every = list(zip(statements, full, strict=True))
        fresh = [(s, ok) for s, ok in every if (s.article, s.sentence) not in headed]
        if not any(ok for _, ok in fresh):
            fresh = every if any(ok for _, ok in every) else fresh or every
        # The fact's strongest pair heads it when it can: a statement that joined later, at a weaker match, may
        # share only the topic, and as the heading it would tell a reader another fact.
        core = _strongest_pair(scores, g, ids)
        cored = [(s, ok) for s, ok in fresh if ok and (s.article, s.sentence) in core]
        fresh = cored or fresh
        headline = headline_of([s for s, _ in fresh], [ok for _, ok in fresh])
        headed.add((headline.article, headline.sentence))
        copied = all(
            same_wording(_own_words(x.sentence), _own_words(y.sentence))
            for x, y in combinations(g, 2)
            if scores.source(x) != scores.source(y)
        )
        fact = Fact(kind="shared", statements=statements, headline=headline, word_for_word=copied or None)
        shared.append(fact)
    grouped = {(n.article, n.sentence.index) for g in groups for n in g}
    sureness = unique_sureness(scores, model)
    paired = grouped | not_unique(texts, scores, model, sureness)
    unique, told = [], set()
    for a, text in enumerate(texts):
        for sentence in text.sentences:
            said = (a, words_of(sentence))  # a sentence the article repeats is one fact, however it is quoted
            if (a, sentence.index) not in paired and states_something(sentence) and said not in told:
                told.add(said)
                fact = _fact("unique", [statement(text, sentence)])
                sure = sureness.get((a, sentence.index))
                unique.append(fact.model_copy(update={"confidence": None if sure is None else round(sure, 3)}))
    in_conflict = {(s.article, s.sentence) for f in conflicts for s in f.statements}
    unplaced = {(a, i) for a, i in paired - grouped if (ids[a], i) not in in_conflict}
    related = []
    for a, b in closest_unplaced(scores, unplaced, model.loose_bar):
        pair = [statement(texts[a.article], a.sentence), statement(texts[b.article], b.sentence)]
        related.append(Fact(kind="related", statements=pair, headline=pair[0]))
    return conflicts + shared + unique + related


def closest_unplaced(scores: PairScores, unplaced: set[tuple[int, int]], bar: float) -> list[tuple[Node, Node]]:
    """Each sentence no fact holds (`unplaced`: too close to another outlet's to be its own, too loose to share a
    fact) with its closest sentence of another outlet, when that pair scores at least `bar`; closest pairs first,
    each sentence in one pair at most (a headline repeated in a body is the closest sentence of many, and says it
    once). An editor checks these by eye rather than never seeing them."""
    found: dict[frozenset[int], tuple[float, int, int]] = {}
    for k, node in enumerate(scores.nodes):
        if (node.article, node.sentence.index) not in unplaced or not states_something(node.sentence):
            continue
        j = int(scores.prob[k].argmax())
        if scores.prob[k, j] >= bar:
            found.setdefault(frozenset({k, j}), (float(scores.prob[k, j]), k, j))
    used: set[int] = set()
    result = []
    for _, k, j in sorted(found.values(), key=lambda f: (-f[0], f[1])):
        if not {k, j} & used:
            used |= {k, j}
            result.append((scores.nodes[k], scores.nodes[j]))
    return result
