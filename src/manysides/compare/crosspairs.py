"""Sentence pairs that are not both English: one small model over the signals that survive translation.

The English pair model reads lemmas and English word embeddings, which say nothing about a German or Arabic
sentence. A pair with a sentence the English parse cannot read is scored instead from the multilingual sentence
encoder's cosine (the one the story index uses), whether the two are each other's best match between their
articles and by how much, the figures and dates they share, and the names they share (keys that meet across scripts,
`understand/other_languages.py`). Its weights and
its own fact and unique bars are fitted by `python -m benchmarks.compare_multilingual --fit` on a set of our own
(`data/crosslang_pairs.json`); its log-odds are mapped so that those bars land on the English model's, so every
later step (cliques, unique facts, conflict checks) reads one probability scale.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from manysides.compare.pairs import Node, PairModel, PairScores, best_match, idf_matrix, pair_model
from manysides.understand import ArticleText, SentenceInfo

FEATURES = ("bias", "cosine", "best_match", "margin", "figures", "names")


@dataclass(frozen=True)
class CrossModel:
    """Logistic weights over FEATURES and the model's own bars on the fit half: `fact` (best pair F1) and `unique`
    (the bar that keeps 99% of the gold pairs, never above `fact`): a sentence is "only this outlet's" only when no
    other outlet's sentence pairs with it even at that bar."""

    weights: np.ndarray
    fact: float
    unique: float


@cache
def shipped_model() -> CrossModel:
    text = resources.files("manysides.compare").joinpath("data/crosslang_pairs.json").read_text("utf-8")
    data = json.loads(text)
    weights = np.array([data["weights"][name] for name in FEATURES], dtype=np.float64)
    return CrossModel(weights, data["bars"]["fact"], data["bars"]["unique"])


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def _values(sentence: SentenceInfo) -> set[str]:
    """Figures and days written with digits, as comparable strings. A day read from words ("on Tuesday",
    "yesterday") or a small count in words ("two", "deux") is shared by many sentences of one story, so it says
    little about which two state one thing."""
    days = {d.value for d in sentence.dates if d.day and any(c.isdigit() for c in d.text)}
    return {f"{n.value:g}" for n in sentence.numbers if any(c.isdigit() for c in n.text)} | days


def cross_features(sentences: list[SentenceInfo], articles: list[int]) -> np.ndarray:
    """Feature tensor (n, n, len(FEATURES)); `articles[i]` is sentence i's article."""
    from manysides.stories.multilingual import encode

    n = len(sentences)
    result = np.zeros((n, n, len(FEATURES)))
    if n == 0:
        return result
    result[:, :, 0] = 1.0
    vectors = encode([s.text for s in sentences]).astype(np.float64)
    cosine = vectors @ vectors.T
    result[:, :, 1] = cosine
    best, margin = best_match(cosine, np.array(articles))
    result[:, :, 2] = best
    result[:, :, 3] = margin
    values = [_values(s) for s in sentences]
    result[:, :, 4] = [[1.0 if x & y else 0.0 for y in values] for x in values]
    names = idf_matrix([s.entity_keys for s in sentences])
    result[:, :, 5] = names @ names.T
    return result


def cross_probabilities(
    feats: np.ndarray, model: CrossModel | None = None, english: PairModel | None = None
) -> np.ndarray:
    """Pair probabilities on the English model's scale, so every later step reads one scale: log-odds mapped
    piecewise-linearly so that the model's own fact bar lands on the English fact bar (shifted above it) and its own
    unique bar on the English unique bar (shifted below it, interpolated between)."""
    model = model or shipped_model()
    english = english or pair_model()
    logits = feats @ model.weights
    own_unique, own_fact = _logit(model.unique), _logit(model.fact)
    unique, fact = _logit(english.unique_bar), _logit(english.threshold)
    mapped = np.where(logits >= own_fact, logits - own_fact + fact, logits - own_unique + unique)
    if own_fact > own_unique:
        between = unique + (logits - own_unique) * (fact - unique) / (own_fact - own_unique)
        mapped = np.where((logits >= own_unique) & (logits < own_fact), between, mapped)
    return 1.0 / (1.0 + np.exp(-mapped))


def crossing(nodes: list[Node]) -> np.ndarray:
    """Which pairs the cross-language model scores: those with a sentence the English parse did not read."""
    unread = np.array([not n.sentence.parsed for n in nodes], dtype=bool)
    return unread[:, None] | unread[None, :]


def score_across_languages(scores: PairScores, texts: list[ArticleText]) -> None:
    """Replace, in place, the English model's probability of every pair that is not both English (pairs of one
    outlet stay 0)."""
    nodes = scores.nodes
    if not nodes or all(n.sentence.parsed for n in nodes):
        return
    feats = cross_features([n.sentence for n in nodes], [n.article for n in nodes])
    mask = crossing(nodes) & (scores.prob > 0)
    scores.prob[mask] = cross_probabilities(feats)[mask]
