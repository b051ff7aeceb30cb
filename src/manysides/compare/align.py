"""Alignment of sentences across articles: which sentences report the same fact, in whatever words.

A pair of sentences from different articles is scored from what happened (the event predicates, compared as
word embeddings so "meet" meets "meeting"), to whom and where (shared entity keys), with which numbers and dates,
and how similar the sentences are as a whole. A logistic model over these few features turns them into a
probability; its weights and the grouping threshold were fitted on one half of the ECB+ topics
(`python -m benchmarks.compare --fit`) and are checked on the other half. Sentences are then grouped by
average linkage with a floor on every pair, so one loose pair cannot chain two different facts together, and a
cap on the sentences one article may put in a group; in a fact many outlets report, the cap keeps each article's
best-aligned sentences instead of refusing the merge, which had left such facts split in pieces.
Two sentences that quote different named people are never one fact (their pair is held under the floor): two
people's words are two statements, however alike their topic (ECB+ facts P/R unchanged, 0.900 / 0.500).
Sentence length and story-wide word frequency raised ECB+ scores but were left out: they make long sentences of one
story look alike, which groups different facts in a two-article story.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from manysides.compare.embed import embed
from manysides.understand import ArticleText, SentenceInfo
from manysides.understand.names import name_key

FEATURES = ("bias", "cosine", "predicate", "entities", "content", "numbers", "dates", "verbs", "main", "agents")
# Fitted on ECB+ topics of hash half A (benchmarks/compare.py --fit): THRESHOLD, FLOOR (no pair in a group below it)
# and CAP (sentences of one article in one group): with CAP kept at 3, the highest recall with P >= 0.91 there (a
# point of margin: half B has run 1-2 points lower); the cap and floor stop chaining, so a group stays one fact
# instead of a whole two-article story. With eviction the floor matters little between 0 and 0.3; 0.5 costs ~3 points
# of recall, and CAP 4 trades ~1.5 points of precision for ~2 of recall.
WEIGHTS = np.array([-0.72, 4.07, 0.68, -0.39, 2.29, 0.76, 0.18, -0.88, 0.07, 0.23], dtype=np.float32)
THRESHOLD = 0.76
FLOOR = 0.3
CAP = 3
# Groups of at least this many outlets drop an article's weakest sentences to stay under the cap; smaller ones
# refuse the merge, since between two articles dropping sentences only reshuffles their topics.
EVICT_SOURCES = 3
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


def _voice(sentence: SentenceInfo) -> str | None:
    """The name key of the person whose words a quoting sentence gives, or None."""
    speaker = next((a.speaker for a in sentence.attributions if a.kind == "quote" and a.named), "")
    return name_key(speaker).split()[-1] if name_key(speaker) else None


def _different_voices(nodes: list[Node]) -> np.ndarray:
    """True where both sentences quote a named person and the people differ: two people's words are two
    statements, however alike their topic ("We will do what is necessary" / "I cannot support")."""
    voices = np.array([_voice(node.sentence) or "" for node in nodes], dtype=object)
    known = voices != ""
    return np.outer(known, known) & ~np.equal.outer(voices, voices)


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


class _Linkage:
    """Sums, counts and minima of cross-source pair probabilities between groups, updated as groups change."""

    def __init__(self, prob: np.ndarray, sources: list[str]) -> None:
        n = len(sources)
        cross = ~np.equal.outer(np.array(sources, dtype=object), np.array(sources, dtype=object))
        self.pair_prob = np.where(cross, prob, 0.0).astype(np.float64)
        self.pair_count = cross.astype(np.float64)
        self.pair_low = np.where(cross, prob, np.inf).astype(np.float64)
        self.total = self.pair_prob.copy()
        self.count = self.pair_count.copy()
        self.lowest = self.pair_low.copy()
        self.blocked = np.zeros((n, n), dtype=bool)
        self.label = np.arange(n)
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        for matrix, empty in ((self.total, 0.0), (self.count, 0.0), (self.lowest, np.inf)):
            np.fill_diagonal(matrix, empty)

    def mean(self, floor: float) -> np.ndarray:
        """Mean cross-source probability between every two groups; -1 where the floor or a block forbids a merge."""
        with np.errstate(invalid="ignore", divide="ignore"):
            allowed = (self.count > 0) & (self.lowest >= floor) & ~self.blocked
            mean = np.where(allowed, self.total / np.maximum(self.count, 1), -1.0)
        np.fill_diagonal(mean, -1.0)
        return mean

    def place(self, groups: dict[int, list[int]]) -> None:
        """Make each `groups[key]` the group `key`, then recompute those groups' rows from the pair matrices."""
        n = len(self.label)
        for key, items in groups.items():
            self.members[key] = items
            self.label[items] = key
        for key, items in groups.items():
            total = np.bincount(self.label, weights=self.pair_prob[items].sum(axis=0), minlength=n)
            count = np.bincount(self.label, weights=self.pair_count[items].sum(axis=0), minlength=n)
            lowest = np.full(n, np.inf)
            np.minimum.at(lowest, self.label, self.pair_low[items].min(axis=0))
            rows = ((self.total, total, 0.0), (self.count, count, 0.0), (self.lowest, lowest, np.inf))
            for matrix, row, empty in rows:
                matrix[key, :] = row
                matrix[:, key] = row
                matrix[key, key] = empty

    def drop(self, key: int) -> None:
        del self.members[key]
        self.total[key, :] = self.total[:, key] = 0.0
        self.count[key, :] = self.count[:, key] = 0.0
        self.lowest[key, :] = self.lowest[:, key] = np.inf
        self.blocked[key, :] = self.blocked[:, key] = False


def _over_cap(linkage: _Linkage, merged: list[int], articles: list[int], cap: int) -> list[int]:
    """Sentences beyond `cap` of one article in a merged group: those least aligned with the rest of it."""
    extra: list[int] = []
    for article, size in Counter(articles[k] for k in merged).items():
        if size <= cap:
            continue
        own = [k for k in merged if articles[k] == article]
        others = [k for k in merged if articles[k] != article]
        support = {k: linkage.pair_prob[k, others].sum() / max(linkage.pair_count[k, others].sum(), 1.0) for k in own}
        extra.extend(sorted(own, key=lambda k: -support[k])[cap:])
    return extra


def group(
    prob: np.ndarray,
    sources: list[str],
    threshold: float = THRESHOLD,
    floor: float = FLOOR,
    articles: list[int] | None = None,
    cap: int = CAP,
) -> list[list[int]]:
    """Groups over pairs from different sources: mean pair probability >= threshold and every pair >= floor.

    With `articles`, no group takes more than `cap` sentences of one article. A merge that would exceed the cap is
    not refused outright (that split one fact reported by many outlets into pieces, since an article's other
    sentences filled its slots first): the group keeps the `cap` sentences of that article best aligned with the
    rest and sends the others back as single sentences, which may join another group but not this one.
    """
    linkage = _Linkage(prob, sources)
    members = linkage.members
    while len(members) > 1:
        mean = linkage.mean(floor)
        i, j = (int(x) for x in np.unravel_index(int(np.argmax(mean)), mean.shape))
        if mean[i, j] < threshold:
            break
        merged = members[i] + members[j]
        extra = set(_over_cap(linkage, merged, articles, cap)) if articles is not None else set()
        if extra and len({sources[k] for k in merged}) < EVICT_SOURCES:
            linkage.blocked[i, j] = linkage.blocked[j, i] = True
            continue
        kept = [k for k in merged if k not in extra]
        outlets = {sources[k] for k in kept}
        if len(outlets) < 2 or not set(kept) & set(members[i]) or not set(kept) & set(members[j]):
            linkage.blocked[i, j] = linkage.blocked[j, i] = True
            continue
        # The merged group inherits both parts' blocks; the sentences it sent back may not rejoin it.
        blocked = linkage.blocked[i] | linkage.blocked[j]
        blocked[[i, j]] = False
        linkage.drop(j)
        free = [k for k in range(len(sources)) if k not in members][: len(extra)]
        linkage.place({i: kept} | {key: [k] for key, k in zip(free, sorted(extra), strict=True)})
        blocked[free] = True
        linkage.blocked[i, :] = linkage.blocked[:, i] = blocked
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
    prob = np.where(_different_voices(nodes), np.minimum(prob, FLOOR / 2), prob)
    groups = group(prob, [sources[node.article] for node in nodes], threshold, FLOOR, [node.article for node in nodes])
    return Alignment([[nodes[i] for i in g] for g in groups], prob)
