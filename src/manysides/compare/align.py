"""Alignment of sentences across articles: which sentences report the same fact, in whatever words.

A pair of sentences from different articles is scored from what happened (the event predicates, compared as
word embeddings so "meet" meets "meeting"), to whom and where (shared entity keys), with which numbers and dates,
and how similar the sentences are as a whole. A logistic model over these few features turns them into a
probability; its weights and the grouping threshold were fitted on one half of the ECB+ topics
(`python -m benchmarks.compare --fit`) and are checked on the other half. Sentences are then grouped by
average linkage with a floor on every pair, so one loose pair cannot chain two different facts together.
Sentence length and story-wide word frequency raised ECB+ scores but were left out: they make long sentences of one
story look alike, which groups different facts in a two-article story.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from manysides.compare.embed import embed
from manysides.understand import ArticleText, SentenceInfo

FEATURES = ("bias", "cosine", "predicate", "entities", "content", "numbers", "dates", "verbs", "main", "agents")
# Fitted on ECB+ topics of hash half A (benchmarks/compare.py --fit): THRESHOLD, FLOOR (no pair in a group below it)
# and CAP (sentences of one article in one group) give the highest recall with P >= 0.9 there among the capped
# settings; the cap and floor stop chaining, so a group stays one fact instead of a whole two-article story.
WEIGHTS = np.array([-0.72, 4.07, 0.68, -0.39, 2.29, 0.76, 0.18, -0.88, 0.07, 0.23], dtype=np.float32)
THRESHOLD = 0.7
FLOOR = 0.5
CAP = 3
# A conflict claims more than a shared fact: only pairs aligned at least this strongly are checked for one.
CONFLICT_MIN = 0.85
_MIN_WORDS = 4


@dataclass(frozen=True)
class Node:
    """One sentence of one article, as alignment sees it."""

    article: int
    sentence: SentenceInfo
    position: int


def _incidence(sets: list[set[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Shared-item counts between every two sets, and each set's size (as float arrays)."""
    vocabulary = {item: k for k, item in enumerate(sorted({x for s in sets for x in s}))}
    matrix = np.zeros((len(sets), max(len(vocabulary), 1)), dtype=np.float32)
    for i, items in enumerate(sets):
        matrix[i, [vocabulary[x] for x in items]] = 1.0
    return matrix @ matrix.T, matrix.sum(axis=1)


def _overlap(sets: list[set[str]]) -> np.ndarray:
    """|A & B| / min(|A|, |B|) for every pair (0 when either is empty)."""
    shared, size = _incidence(sets)
    smaller = np.minimum.outer(size, size)
    return np.where(smaller > 0, shared / np.maximum(smaller, 1), 0.0)


def _jaccard(sets: list[set[str]]) -> np.ndarray:
    shared, size = _incidence(sets)
    union = np.add.outer(size, size) - shared
    return np.where(union > 0, shared / np.maximum(union, 1), 0.0)


def _predicate_similarity(nodes: list[Node]) -> tuple[np.ndarray, np.ndarray]:
    """Best cosine between the event predicates of two sentences, and cosine between their main predicates."""
    lemmas = sorted({p for node in nodes for p in node.sentence.predicates[:4]})
    n = len(nodes)
    if not lemmas:
        return np.zeros((n, n), dtype=np.float32), np.zeros((n, n), dtype=np.float32)
    index = {lemma: i for i, lemma in enumerate(lemmas)}
    vectors = embed(lemmas)
    word_sim = vectors @ vectors.T
    ids = [[index[p] for p in node.sentence.predicates[:4]] for node in nodes]
    # Row i: for every lemma, its best cosine with one of sentence i's predicates.
    reach = np.stack([word_sim[i_ids].max(axis=0) if i_ids else np.full(len(lemmas), -1.0) for i_ids in ids])
    best = np.stack([reach[:, j_ids].max(axis=1) if j_ids else np.zeros(n) for j_ids in ids], axis=1)
    heads = np.array([i_ids[0] if i_ids else 0 for i_ids in ids])
    has = np.array([bool(i_ids) for i_ids in ids])
    main = np.where(np.outer(has, has), word_sim[np.ix_(heads, heads)], 0.0)
    best = np.where(np.outer(has, has), best, 0.0)
    return best.astype(np.float32), main.astype(np.float32)


def _numbers_agree(nodes: list[Node]) -> np.ndarray:
    """1 where two sentences give the same count of the same thing."""
    n = len(nodes)
    result = np.zeros((n, n), dtype=np.float32)
    counted = [i for i, node in enumerate(nodes) if node.sentence.numbers]
    for k, i in enumerate(counted):
        for j in counted[k + 1 :]:
            a, b = nodes[i].sentence.numbers, nodes[j].sentence.numbers
            if any(x.counted == y.counted and x.agrees(y) for x in a for y in b):
                result[i, j] = result[j, i] = 1.0
    return result


def features(nodes: list[Node]) -> np.ndarray:
    """Feature tensor (n, n, len(FEATURES)) for every pair of nodes."""
    n = len(nodes)
    sentences = [node.sentence for node in nodes]
    vectors = embed([s.text for s in sentences])
    result = np.zeros((n, n, len(FEATURES)), dtype=np.float32)
    result[:, :, 0] = 1.0
    result[:, :, 1] = vectors @ vectors.T
    result[:, :, 2], result[:, :, 8] = _predicate_similarity(nodes)
    result[:, :, 3] = _overlap([s.entity_keys for s in sentences])
    result[:, :, 4] = _jaccard([s.content for s in sentences])
    result[:, :, 5] = _numbers_agree(nodes)
    result[:, :, 6] = np.minimum(_incidence([{d.value for d in s.dates} for s in sentences])[0], 1.0)
    result[:, :, 7] = _overlap([set(s.predicates) for s in sentences])
    subjects = [s.subject for s in sentences]
    known = np.array([bool(x) for x in subjects])
    result[:, :, 9] = np.outer(known, known) & ~np.equal.outer(np.array(subjects, dtype=object), subjects)
    return result


def probabilities(pair_features: np.ndarray, weights: np.ndarray = WEIGHTS) -> np.ndarray:
    """Probability that two sentences report the same fact."""
    return 1.0 / (1.0 + np.exp(-(pair_features @ weights)))


def candidate_nodes(texts: list[ArticleText]) -> list[Node]:
    """Sentences worth aligning: those with at least a few words."""
    pairs = [
        (a, sentence)
        for a, text in enumerate(texts)
        for sentence in text.sentences
        if len(sentence.text.split()) >= _MIN_WORDS
    ]
    return [Node(a, sentence, position) for position, (a, sentence) in enumerate(pairs)]


def group(
    prob: np.ndarray,
    sources: list[str],
    threshold: float = THRESHOLD,
    floor: float = FLOOR,
    articles: list[int] | None = None,
    cap: int = CAP,
) -> list[list[int]]:
    """Groups over pairs from different sources: mean pair probability >= threshold and every pair >= floor.

    With `articles`, no group takes more than `cap` sentences of one article.
    """
    n = len(sources)
    cross = np.array([[sources[i] != sources[j] for j in range(n)] for i in range(n)], dtype=bool)
    total = np.where(cross, prob, 0.0).astype(np.float64)
    count = cross.astype(np.float64)
    lowest = np.where(cross, prob, np.inf).astype(np.float64)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    np.fill_diagonal(count, 0)
    while len(members) > 1:
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where((count > 0) & (lowest >= floor), total / np.maximum(count, 1), -1.0)
        np.fill_diagonal(mean, -1.0)
        i, j = np.unravel_index(int(np.argmax(mean)), mean.shape)
        if mean[i, j] < threshold:
            break
        if articles is not None:
            merged = Counter(articles[k] for k in members[i] + members[j])
            if max(merged.values()) > cap:
                lowest[i, j] = lowest[j, i] = -np.inf
                continue
        members[i].extend(members.pop(j))
        total[i, :] += total[j, :]
        total[:, i] = total[i, :]
        count[i, :] += count[j, :]
        count[:, i] = count[i, :]
        lowest[i, :] = np.minimum(lowest[i, :], lowest[j, :])
        lowest[:, i] = lowest[i, :]
        total[j, :] = total[:, j] = 0
        count[j, :] = count[:, j] = 0
        total[i, i] = count[i, i] = 0
    return [sorted(m) for m in members.values()]


@dataclass
class Alignment:
    """Groups of sentences that report one fact, and the pair probabilities behind them."""

    groups: list[list[Node]]
    prob: np.ndarray

    def close(self, x: Node, y: Node, strict: bool = False) -> bool:
        """Whether two sentences are aligned directly (strict: strongly), not only through the rest of their group."""
        return bool(self.prob[x.position, y.position] >= (CONFLICT_MIN if strict else THRESHOLD))


def align(texts: list[ArticleText], sources: list[str], threshold: float = THRESHOLD) -> Alignment:
    """Sentences grouped by the fact they report; `sources[a]` is the outlet key of article a."""
    nodes = candidate_nodes(texts)
    if not nodes:
        return Alignment([], np.zeros((0, 0), dtype=np.float32))
    prob = probabilities(features(nodes))
    groups = group(prob, [sources[node.article] for node in nodes], threshold, FLOOR, [node.article for node in nodes])
    return Alignment([[nodes[i] for i in g] for g in groups], prob)
