"""How likely two articles report the same event: a logistic model over a handful of pair signals.

Signals: embedding cosine (what happened), IDF-weighted overlap of names and numbers (who, where, how many),
IDF-weighted overlap of content words, and the distance in days when both are dated. Weights were fitted
once on half of the stories of BASIL, ECB+ and GVA (`python -m benchmarks.stories --fit`), the same for all data.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from manysides.stories.features import Features

# Intercept; cosine; names, words; their square roots (the model wants a concave response to overlap);
# log(1 + days apart); either undated; names * log(1 + days apart). One model for pairs with both dates,
# one for pairs without (its time terms are zero): "dates known or not" is the only switch.
DATED = (-5.29, -2.99, -14.74, -11.54, 29.33, 10.02, -0.94, 0.0, 0.17)
UNDATED = (-6.6, 4.44, 7.07, -5.48, 6.63, 3.42, 0.0, 0.0, 0.0)
# An article joins a story when its mean log-odds over the story's latest articles, less this bar, is >= 0.
DATED_BAR = 2.5
UNDATED_BAR = 1.0
_PRIOR_DOCS = 50  # pseudo-documents so the first few articles still weigh rare keys highly
_EPOCH_GROWTH = 1.1
UNDATED_SIGNAL = 7


class Idf:
    """Document frequencies of name and word keys over the indexed articles.

    Norms of stored articles are cached per epoch; an epoch ends when the collection has grown by a tenth,
    so each article's norm is recomputed O(log n) times instead of at every comparison.
    """

    def __init__(self) -> None:
        self.docs = 0
        self.df: Counter[int] = Counter()
        self.epoch = 0
        self._epoch_docs = 0

    def add(self, features: Features) -> None:
        self.docs += 1
        self.df.update(features.names.keys())
        self.df.update(features.words.keys())
        if self.docs > _EPOCH_GROWTH * self._epoch_docs:
            self.epoch += 1
            self._epoch_docs = self.docs

    def weight(self, key: int) -> float:
        return math.log((self.docs + _PRIOR_DOCS) / (self.df[key] + 1))

    def norms(self, features: Features) -> tuple[float, float]:
        """Lengths of the names and words vectors under log-tf * idf weights."""
        return _norm(features.names, self), _norm(features.words, self)


def overlap(a: Counter[int], b: Counter[int], norm_a: float, norm_b: float, idf: Idf) -> float:
    """Cosine of the two key sets with log-tf * idf weights, given both vectors' lengths."""
    if not norm_a or not norm_b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = 0.0
    for key, n in small.items():
        m = large.get(key)
        if m:
            dot += (1 + math.log(n)) * (1 + math.log(m)) * idf.weight(key) ** 2
    return min(dot / (norm_a * norm_b), 1.0)


def _norm(counts: Counter[int], idf: Idf) -> float:
    return math.sqrt(sum(((1 + math.log(n)) * idf.weight(key)) ** 2 for key, n in counts.items()))


def signals(
    a: Features, b: Features, norms_a: tuple[float, float], norms_b: tuple[float, float], cosine: float, idf: Idf
) -> list[float]:
    """The pair's inputs to the model, in the weights' order."""
    dated = a.day is not None and b.day is not None
    days = abs(a.day - b.day) if dated else 0  # type: ignore[operator]
    names = overlap(a.names, b.names, norms_a[0], norms_b[0], idf)
    words = overlap(a.words, b.words, norms_a[1], norms_b[1], idf)
    apart = math.log1p(days)
    return [1.0, cosine, names, words, math.sqrt(names), math.sqrt(words), apart, 0.0 if dated else 1.0, names * apart]


def log_odds(values: list[float]) -> float:
    """log(P / (1 - P)) of "same event" for a pair's signals, less the joining bar of its model."""
    if values[UNDATED_SIGNAL]:
        return float(np.dot(UNDATED, values)) - UNDATED_BAR
    return float(np.dot(DATED, values)) - DATED_BAR
