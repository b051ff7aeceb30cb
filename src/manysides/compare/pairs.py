"""Whether two sentences of different outlets state the same proposition: a few general pair signals, one model.

Long coverage of one story shares its topic in almost every sentence, so what two sentences share only counts
for as much as it is rare *within the story*: words are weighted by their inverse frequency over the story's own
sentences. Beside that lexical overlap (whole sentences, word to nearest word, and the best pair of clauses) come
the sentence embeddings (static wordllama, and a contextual encoder: `sentence_vectors`), shared numbers, and
whether the two sentences are each other's best match between their two articles (a sentence that has a closer
match in the other article is less likely to state the same thing, and its rank among each side's candidates).
Names one sentence gives that the other lacks tell a proposition about other people or places, and two named
speakers who are not one person tell two people's statements (`speakers_differ`, any attribution, not only
quotes: "Jealous said ..." / "Tea Party groups say ..." are two claims however alike their words); so do two named
doers of the main verb with two surnames (`doers_differ`: "Trump fired back" / "Fox fired back"). The similarity
signals also count through their products (a logistic model over every two of them). Values (numbers, dates,
weekdays) are masked out of the overlap, so a changed figure does not hide the pair: the conflict checks need
exactly those pairs. The weights live in `data/fact_pairs.json`, written by `python -m benchmarks.facts --fit`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import combinations, combinations_with_replacement
from typing import Any

import numpy as np

from manysides.compare.embed import embed
from manysides.compare.sentence_vectors import cosine as context_cosine
from manysides.compare.unique import UNIQUE_FEATURES, UniqueModel
from manysides.understand import ArticleText, SentenceInfo
from manysides.understand.entities import same_person
from manysides.understand.names import name_key

FEATURES = (
    "bias",
    "overlap",
    "cosine",
    "numbers",
    "best_match",
    "margin",
    "short",
    "soft",
    "clause_soft",
    "context",
    "names_missing",
    "rank",
    "speakers_differ",
    "doers_differ",
)
# The similarity signals whose every product of two (and square) the model also weighs: how much one signal counts
# depends on the others (word overlap says more when the contextual vectors agree). The rest count alone.
# Fewer signals than before (session 17): shared names, quoted words, one-clause overlap, the squared overlap, the
# share of rare words uncovered and the main verbs' agreement added no cross-validated recall, and the verbs' and
# names' signals fired on one shared verb or a name inside an aside (figures in the CHANGELOG).
CROSSED = FEATURES[1:10]
PRODUCTS = tuple(combinations_with_replacement(CROSSED, 2))
TERMS = FEATURES + tuple(f"{a}*{b}" for a, b in PRODUCTS)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_VALUE_WORDS = frozenset(
    line
    for line in resources.files("manysides.compare").joinpath("data/value_words.txt").read_text("utf-8").splitlines()
    if line and not line.startswith("#")
)
_QUOTE_NGRAM = 4
# Entity types whose words are values: a changed figure, day or person must not hide that two sentences say the
# same thing. (Masking names as well was tried: pair recall at P 0.85 fell from 0.17 to 0.13.)
_VALUE_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


@dataclass(frozen=True)
class PairModel:
    """Logistic weights over TERMS (FEATURES and their products) and the bars on pair probability: one fact
    (`threshold`), checked for a conflict (`conflict_bar`; `loose_bar` for checks with their own evidence of one
    matter), and too close for either sentence to be "only this outlet" (`unique_bar`, the fallback where `unique`
    cannot read a sentence); `sure_bar` for conflicts that claim more than one fact; `unique` judges which
    sentences only one outlet states."""

    weights: np.ndarray
    threshold: float
    conflict_bar: float
    loose_bar: float
    unique_bar: float
    sure_bar: float
    unique: UniqueModel | None = None

    @classmethod
    def from_bars(cls, weights: np.ndarray, bars: dict[str, float], unique: UniqueModel | None = None) -> PairModel:
        """A model from its weights and its bars as `compare/data/fact_pairs.json` names them."""
        return cls(
            weights,
            bars["fact"],
            bars["conflict"],
            bars["loose_conflict"],
            bars["unique"],
            bars["sure"],
            unique,
        )


_OVERRIDE: list[PairModel] = []


@contextmanager
def model_override(model: PairModel | None) -> Iterator[None]:
    """Use another model inside the block (cross-validation scores each fold with a model fitted without it)."""
    if model is not None:
        _OVERRIDE.append(model)
    try:
        yield
    finally:
        if model is not None:
            _OVERRIDE.pop()


def pair_model() -> PairModel:
    return _OVERRIDE[-1] if _OVERRIDE else shipped_model()


@cache
def shipped_model() -> PairModel:
    data = json.loads(resources.files("manysides.compare").joinpath("data/fact_pairs.json").read_text("utf-8"))
    weights = np.array([data["weights"][name] for name in TERMS], dtype=np.float64)
    bars = data["bars"]
    unique = None
    if "unique_model" in data:
        fitted = data["unique_model"]
        unique = UniqueModel(np.array([fitted["weights"][name] for name in UNIQUE_FEATURES]), fitted["bar"])
    return PairModel.from_bars(weights, bars, unique)


def terms(sentence: SentenceInfo) -> set[str]:
    """Content lemmas with values masked out: what the sentence is about, not which figure or day it gives."""
    return {
        t.lemma_.lower()
        for t in sentence.doc
        if t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ", "ADV"}
        and not t.is_stop
        and t.ent_type_ not in _VALUE_ENTITIES
        and t.lemma_.lower() not in _VALUE_WORDS
        and _WORD.fullmatch(t.text)
    }


def _indicators(sets: list[set[str]] | list[list[str]]) -> np.ndarray:
    """Rows of 0/1 indicators over the items of all the sets, in sorted order."""
    vocabulary = {item: k for k, item in enumerate(sorted({x for s in sets for x in s}))}
    matrix = np.zeros((len(sets), max(len(vocabulary), 1)))
    for i, items in enumerate(sets):
        matrix[i, [vocabulary[x] for x in items]] = 1.0
    return matrix


def _weighted(sets: list[set[str]]) -> np.ndarray:
    """Rows of IDF-weighted indicator vectors; IDF counted over these sets (the story)."""
    matrix = _indicators(sets)
    df = matrix.sum(axis=0)
    return matrix * (np.log((1 + len(sets)) / (1 + df)) + 1.0)


def idf_matrix(sets: list[set[str]]) -> np.ndarray:
    """Rows of IDF-weighted, L2-normalised indicator vectors."""
    matrix = _weighted(sets)
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)


def _soft_overlap(sets: list[set[str]]) -> np.ndarray:
    """How well each sentence's words are matched by the other's, word to nearest word by embedding, weighted by
    rarity in the story: "packed" meets "crowded", which plain overlap misses (symmetric mean of both ways)."""
    words = sorted({x for s in sets for x in s})
    if not words:
        return np.zeros((len(sets), len(sets)))
    weights = _weighted(sets)
    vectors = embed(words).astype(np.float64)
    similar = np.clip(vectors @ vectors.T, 0.0, 1.0)
    present = weights > 0
    reach = np.stack([similar[row].max(axis=0) if row.any() else np.zeros(len(words)) for row in present])
    share = weights / np.maximum(weights.sum(axis=1, keepdims=True), 1e-9)
    matched = reach @ share.T  # [i, j]: how much of j's weight sentence i covers
    return 0.5 * (matched + matched.T)


def _clauses(sentence: SentenceInfo, allowed: set[str]) -> list[set[str]]:
    """The terms (of `allowed`) of each clause: a verb with its own dependents, not those of verbs under it."""
    result = []
    governing = _governing_verbs(sentence)
    for verb in (t for t in sentence.doc if t.pos_ in {"VERB", "AUX"} and t.dep_ != "aux"):
        # Only words with no verb at or above them count, so only a clause of an auxiliary under no verb: the pair
        # model was fitted on this reading (the test it was fitted with compared Tokens by identity, and spaCy
        # makes a new Token at each read, so a verb never matched itself).
        if governing[verb.i] is not None:
            continue
        own = [t for t in verb.subtree if governing[t.i] is None]
        found = {t.lemma_.lower() for t in own} & allowed
        if len(found) >= 2:
            result.append(found)
    return result or [allowed]


def _governing_verbs(sentence: SentenceInfo) -> list[int | None]:
    """Per token, the index of the nearest verb among itself and its heads (None: no verb above it), read once a
    sentence rather than once a token of each clause."""
    governing: list[int | None] = []
    for token in sentence.doc:
        above = token
        while above.pos_ != "VERB" and above.head.i != above.i:
            above = above.head
        governing.append(above.i if above.pos_ == "VERB" else None)
    return governing


def _best_of_clauses(clauses: list[list[set[str]]], similar: np.ndarray) -> np.ndarray:
    """For every two sentences, the best `similar` value between a clause of one and a clause of the other
    (`similar` over all the clauses, in order)."""
    owner = np.array([i for i, c in enumerate(clauses) for _ in c])
    best = np.full((len(clauses), len(clauses)), -1.0)
    np.maximum.at(best, (owner[:, None], owner[None, :]), similar)
    return best


def _clause_soft(clauses: list[list[set[str]]]) -> np.ndarray:
    """Best cosine between the static embeddings of a clause's terms in one sentence and in the other: the shared
    proposition of `_clause_overlap` told in other words ("the church burned" / "the building went up in flames")."""
    bags = [" ".join(sorted(c)) for cs in clauses for c in cs]
    said = [k for k, bag in enumerate(bags) if bag]  # an empty bag (a sentence of no terms) matches nothing
    found = embed([bags[k] for k in said]).astype(np.float64)
    vectors = np.zeros((len(bags), found.shape[1]))
    vectors[said] = found
    return np.maximum(_best_of_clauses(clauses, vectors @ vectors.T), 0.0)


def quote_ngrams(sentence: SentenceInfo) -> set[tuple[str, ...]]:
    """Runs of words inside quotation marks: the same quote in two outlets shares them."""
    grams: set[tuple[str, ...]] = set()
    for start, end in sentence.quotes:
        words = [w.lower() for w in _WORD.findall(sentence.text[start:end])]
        grams.update(tuple(words[k : k + _QUOTE_NGRAM]) for k in range(len(words) - _QUOTE_NGRAM + 1))
    return grams


def _number_values(sentence: SentenceInfo) -> set[float]:
    return {n.value for n in sentence.numbers}


def speakers_differ(a: SentenceInfo, b: SentenceInfo) -> bool:
    """Both sentences credit a named speaker and none of one's is one of the other's: two people's statements."""
    x = [t.speaker for t in a.attributions if t.named]
    y = [t.speaker for t in b.attributions if t.named]
    return bool(x and y) and not any(same_person(p, q) for p in x for q in y)


def doer(sentence: SentenceInfo) -> str | None:
    """The name that is the subject of a parsed sentence's main verb ("Mr. Fox" of "Mr. Fox fired back"), with the
    proper nouns compounded before it; None when the subject is no proper noun (a pronoun, "the committee")."""
    if not sentence.parsed:
        return None
    root = next((t for t in sentence.doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if root is not None else None
    if subject is None or subject.pos_ != "PROPN":
        return None
    words = [c for c in subject.lefts if c.dep_ in {"compound", "flat"} and c.pos_ == "PROPN"]
    return " ".join(t.text for t in [*words, subject])


def doers_differ(a: str | None, b: str | None) -> bool:
    """Both sentences' main verbs have a named doer and the two are not one person, not even one family (a title
    or a given name may stand before a surname): two acts, however alike."""
    if not (a and b):
        return False
    return name_key(a.split()[-1]) != name_key(b.split()[-1]) and not same_person(a, b)


def _article_blocks(articles: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Row and column indices of every ordered pair of two different articles' sentences."""
    for a in np.unique(articles):
        for b in np.unique(articles):
            if a != b:
                yield np.flatnonzero(articles == a), np.flatnonzero(articles == b)


def best_match(similarity: np.ndarray, articles: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For every pair, whether each is the other's best match in its article (0, 0.5 or 1), and the margin of
    the pair's similarity over each side's next-best alternatives in the other article (mean of both sides)."""
    n = len(articles)
    best = np.zeros((n, n))
    margin = np.zeros((n, n))
    for rows, cols in _article_blocks(articles):
        block = similarity[np.ix_(rows, cols)]
        row_best = block.max(axis=1, keepdims=True)
        col_best = block.max(axis=0, keepdims=True)
        best[np.ix_(rows, cols)] = 0.5 * (block >= row_best) + 0.5 * (block >= col_best)
        # Mean of the top three in each row and column: how much this pair stands out from the topic.
        k = min(3, block.shape[1])
        row_top = -np.sort(-block, axis=1)[:, :k].mean(axis=1, keepdims=True)
        k = min(3, block.shape[0])
        col_top = -np.sort(-block, axis=0)[:k, :].mean(axis=0, keepdims=True)
        margin[np.ix_(rows, cols)] = block - 0.5 * (row_top + col_top)
    return best, margin


def _names_missing(sentences: list[SentenceInfo]) -> np.ndarray:
    """How many names one sentence gives that the other lacks, the larger side, capped: a proposition about
    other people or places is another proposition."""
    names = _indicators([s.entity_keys for s in sentences])
    counts = names.sum(axis=1)
    shared = names @ names.T
    missing = counts[:, None] - shared  # [i, j]: i's names that j lacks
    return np.minimum(np.maximum(missing, missing.T), 3.0) / 3.0


def match_rank(similarity: np.ndarray, articles: np.ndarray) -> np.ndarray:
    """Mean over both sides of 1 / the rank of the pair among each sentence's candidates in the other article."""
    n = len(articles)
    result = np.zeros((n, n))
    for rows, cols in _article_blocks(articles):
        block = similarity[np.ix_(rows, cols)]
        row_rank = np.argsort(np.argsort(-block, axis=1, kind="stable"), axis=1, kind="stable") + 1
        col_rank = np.argsort(np.argsort(-block, axis=0, kind="stable"), axis=0, kind="stable") + 1
        result[np.ix_(rows, cols)] = 0.5 / row_rank + 0.5 / col_rank
    return result


def pair_features(sentences: list[SentenceInfo], articles: list[int]) -> np.ndarray:
    """Feature tensor (n, n, len(FEATURES)) for every two sentences; `articles[i]` is sentence i's article."""
    n = len(sentences)
    result = np.zeros((n, n, len(FEATURES)))
    if n == 0:
        return result
    column = {name: k for k, name in enumerate(FEATURES)}
    result[:, :, column["bias"]] = 1.0
    term_sets = [terms(s) for s in sentences]
    overlap = idf_matrix(term_sets)
    overlap = overlap @ overlap.T
    result[:, :, column["overlap"]] = overlap
    vectors = embed([s.text for s in sentences]).astype(np.float64)
    cosine = vectors @ vectors.T
    result[:, :, column["cosine"]] = cosine
    values = [_number_values(s) for s in sentences]
    for i in range(n):
        for j in range(i + 1, n):
            if values[i] and values[j] and values[i] & values[j]:
                result[i, j, column["numbers"]] = result[j, i, column["numbers"]] = 1.0
    similarity = 0.5 * (overlap + cosine)
    best, margin = best_match(similarity, np.array(articles))
    result[:, :, column["best_match"]] = best
    result[:, :, column["margin"]] = margin
    lengths = np.array([len(s.text.split()) for s in sentences], dtype=np.float64)
    result[:, :, column["short"]] = 1.0 / np.sqrt(np.minimum.outer(lengths, lengths).clip(1))
    result[:, :, column["soft"]] = _soft_overlap(term_sets)
    clauses = [_clauses(s, allowed) for s, allowed in zip(sentences, term_sets, strict=True)]
    result[:, :, column["clause_soft"]] = _clause_soft(clauses)
    # No signal of the articles' sizes: on basil-facts it added no recall (figures in the CHANGELOG, session 13),
    # while short wire reports (ECB+) lie far outside the sizes it was fitted on, where its products lifted every
    # pair of a short story.
    result[:, :, column["context"]] = context_cosine([s.text for s in sentences])
    result[:, :, column["names_missing"]] = _names_missing(sentences)
    result[:, :, column["rank"]] = match_rank(similarity, np.array(articles))
    named = [k for k, s in enumerate(sentences) if any(a.named for a in s.attributions)]
    for i, j in combinations(named, 2):
        if speakers_differ(sentences[i], sentences[j]):
            result[i, j, column["speakers_differ"]] = result[j, i, column["speakers_differ"]] = 1.0
    doers = [doer(s) for s in sentences]
    for i, j in combinations([k for k, name in enumerate(doers) if name], 2):
        if doers_differ(doers[i], doers[j]):
            result[i, j, column["doers_differ"]] = result[j, i, column["doers_differ"]] = 1.0
    return result


def expand(rows: np.ndarray) -> np.ndarray:
    """Rows of FEATURES (last axis) with the PRODUCTS appended: the model's terms, for fitting."""
    index = {name: k for k, name in enumerate(FEATURES)}
    crossed = [rows[..., index[a]] * rows[..., index[b]] for a, b in PRODUCTS]
    return np.concatenate([rows, np.stack(crossed, axis=-1)], axis=-1)


def _quadratic(weights: np.ndarray) -> np.ndarray:
    """The product weights as a symmetric matrix over FEATURES, so the logit is f.w + f.Q.f without the terms."""
    index = {name: k for k, name in enumerate(FEATURES)}
    quadratic = np.zeros((len(FEATURES), len(FEATURES)))
    for w, (a, b) in zip(weights[len(FEATURES) :], PRODUCTS, strict=True):
        quadratic[index[a], index[b]] += 0.5 * w
        quadratic[index[b], index[a]] += 0.5 * w
    return quadratic


def pair_probabilities(feats: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """Probability that two sentences state the same proposition (`weights` over TERMS)."""
    w = pair_model().weights if weights is None else weights
    logits = feats @ w[: len(FEATURES)] + ((feats @ _quadratic(w)) * feats).sum(axis=-1)
    return 1.0 / (1.0 + np.exp(-logits))


_MIN_WORDS = 4


@dataclass(frozen=True)
class Node:
    """One sentence of one article, as the pair model sees it; `position` is its row in the pair matrices."""

    article: int
    sentence: SentenceInfo
    position: int


@dataclass
class PairScores:
    """The story's candidate sentences and, for every two, the probability that they state one proposition
    (0 between sentences of one outlet), with the pair features and each sentence's terms it was scored from."""

    nodes: list[Node]
    prob: np.ndarray
    sources: list[str]
    feats: np.ndarray | None = None
    terms: list[set[str]] | None = None

    def source(self, node: Node) -> str:
        return self.sources[node.article]


# A credit line at a story's foot says who helped write it, not what happened: "Additional reporting by the Coastal
# Press Agency.", "Editing by ...", "The Associated Press contributed to this report."
_CREDITED_BY = re.compile(r"^(?:(?:additional|further) )?(?:reporting|writing|editing)(?: and \w+)? by\b", re.I)
_CONTRIBUTED = re.compile(r"\bcontributed (?:reporting )?to this (?:report|article|story)\W*$", re.I)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# An outlet's correction of its own page ("CORRECTION: This article originally said ...", "An earlier version of this
# post misstated ...") or its print-edition line: of the page, not the event, and "this article" is no one's voice.
_PAGE = r"(?:article|post|story|report|column|review)"
_CORRECTION = re.compile(
    rf"^(?:correction|clarification)s?\b\W|\b(?:earlier|previous|original|prior) version of this {_PAGE}\b|"
    rf"\bthis {_PAGE} (?:originally|previously|incorrectly|mistakenly|has been (?:revised|updated|corrected))\b|"
    rf"^a version of this {_PAGE} appear(?:s|ed) in print\b",  # a print edition's credit line
    re.I,
)


_NOTICES = tuple(
    line
    for line in resources.files("manysides.compare").joinpath("data/page_notices.txt").read_text("utf-8").splitlines()
    if line and not line.startswith("#")
)


def page_notice(sentence: SentenceInfo) -> bool:
    """A line about the page, not the news: "Additional reporting by X." (no finite verb: "Reporting by the agency
    showed ..." is a statement), "X contributed to this report.", a correction of the page, or its rights notice in
    any language ("© 2024 Gazeta. Wszelkie prawa zastrzeżone.")."""
    text = sentence.text.strip()
    if _CONTRIBUTED.search(text) or _CORRECTION.search(text) or "\u00a9" in text:
        return True
    if any(notice in text.lower() for notice in _NOTICES):
        return True
    return bool(_CREDITED_BY.search(text)) and not (sentence.parsed and any(t.tag_ in _FINITE for t in sentence.doc))


def candidate_nodes(texts: list[ArticleText]) -> list[Node]:
    """Sentences worth pairing: those with at least a few words that are not a credit line."""
    found = [
        (a, s)
        for a, text in enumerate(texts)
        for s in text.sentences
        if len(s.text.split()) >= _MIN_WORDS and not page_notice(s)
    ]
    return [Node(a, sentence, position) for position, (a, sentence) in enumerate(found)]


def score_pairs(texts: list[ArticleText], sources: list[str]) -> PairScores:
    """Pair probabilities for every two candidate sentences of different outlets; `sources[a]` is article a's
    outlet key (a republication counts as its original's outlet)."""
    nodes = candidate_nodes(texts)
    if not nodes:
        return PairScores([], np.zeros((0, 0)), sources)
    feats = pair_features([n.sentence for n in nodes], [n.article for n in nodes])
    prob = pair_probabilities(feats)
    keys = np.array([sources[n.article] for n in nodes], dtype=object)
    prob = np.where(np.equal.outer(keys, keys), 0.0, prob)
    # Two people's own words are two statements, however alike; the same words credited to two people stay a pair
    # (an attribution conflict).
    speakers = [quoted_speaker(n.sentence) for n in nodes]
    quoting = [k for k, s in enumerate(speakers) if s]
    words = [quote_ngrams(n.sentence) for n in nodes]
    for i, j in combinations(quoting, 2):
        if not same_person(speakers[i], speakers[j]) and not words[i] & words[j]:  # type: ignore[arg-type]
            prob[i, j] = prob[j, i] = 0.0
    _same_quotes_pair(prob, nodes, keys, words)
    _same_value_pair(prob, nodes, keys, [_figures(n.sentence) for n in nodes], 0.0)
    # a day is told more loosely ("on Tuesday" of several happenings): only pairs close enough to be no one's own
    _same_value_pair(prob, nodes, keys, [_days(n.sentence) for n in nodes], pair_model().unique_bar)
    return PairScores(nodes, prob, sources, feats, [terms(n.sentence) for n in nodes])


_FIGURE_UNITS = frozenset({"USD", "EUR", "GBP", "percent"})
_MIN_FIGURE = 100  # a smaller bare count ("24 points", "ten") recurs in a story too often to tell one fact


def _figures(sentence: SentenceInfo) -> set[tuple[float, str | None]]:
    """The figures of a sentence that can tell one fact apart: money, a share, or a count of 100 or more, not a
    year."""
    found = set()
    for n in sentence.numbers:
        year = n.unit is None and n.value.is_integer() and 1900 <= n.value <= 2100
        if (n.unit in _FIGURE_UNITS or n.value >= _MIN_FIGURE) and not year:
            found.add((round(n.value, 6), n.unit))
    return found


def _days(sentence: SentenceInfo) -> set[tuple[int | None, int | None, int | None]]:
    """The days a sentence states (year, month, day), relative ones resolved on the article's publication."""
    return {(d.year, d.month, d.day) for d in sentence.dates if d.day}


def _same_value_pair(
    prob: np.ndarray, nodes: list[Node], keys: np.ndarray, values: list[set[Any]], floor: float
) -> None:
    """Two outlets giving the same figure or day, each in just one of its sentences, credited to no two different
    people, state one fact however else their sentences differ ("... to spend $4 billion to keep 15,000 cops on
    the streets" / "the president wants to commit $4 billion to hiring more police officers"): the pair, if it
    scores `floor` at least, is lifted to the fact bar. A value an article gives in two sentences or more says
    less about which one. `values`: each node's."""
    told = Counter((n.article, v) for n, found in zip(nodes, values, strict=True) for v in found)
    bar = pair_model().threshold
    for i, j in combinations([k for k, found in enumerate(values) if found], 2):
        if keys[i] == keys[j] or prob[i, j] >= bar or prob[i, j] < floor:
            continue
        a, b = nodes[i], nodes[j]
        once = any(told[(a.article, v)] == told[(b.article, v)] == 1 for v in values[i] & values[j])
        if once and not speakers_differ(a.sentence, b.sentence):
            prob[i, j] = prob[j, i] = bar


_SAME_QUOTE = 0.5  # share of the shorter quotation's runs of words the other quotation holds


def _same_quotes_pair(prob: np.ndarray, nodes: list[Node], keys: np.ndarray, words: list[set[tuple[str, ...]]]) -> None:
    """Two outlets quoting the same words, credited to no two different people, state one fact however the rest
    of their sentences differ ("“I will not resign,” said Mr. Vale, who tried to ..." / "“I will not resign,” he
    said after a meeting ..."): the pair is lifted to the fact bar. `words`: each node's `quote_ngrams`."""
    grams = {k: g for k, g in enumerate(words) if g}
    bar = pair_model().threshold
    for i, j in combinations(sorted(grams), 2):
        if keys[i] == keys[j] or prob[i, j] >= bar:
            continue
        shared = len(grams[i] & grams[j]) / min(len(grams[i]), len(grams[j]))
        if shared >= _SAME_QUOTE and not speakers_differ(nodes[i].sentence, nodes[j].sentence):
            prob[i, j] = prob[j, i] = bar


def quoted_speaker(sentence: SentenceInfo) -> str | None:
    """The named person whose own words the sentence quotes, if any."""
    return next((a.speaker for a in sentence.attributions if a.kind == "quote" and a.named), None)
