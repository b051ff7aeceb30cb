"""How likely two articles report the same event: a logistic model over a handful of pair signals.

Signals: embedding cosine (what happened), IDF-weighted overlap of names and numbers (who, where, how many),
IDF-weighted overlap of content words, the distance in days when both are dated, and for dated pairs full
names and ages (two reports naming different people or ages are most often two look-alike events), whether the
later of two reports weeks apart tells of a trial, sentencing or memorial (a follow-up), whether both give street
numbers and none agree (two incidents in one city), whether one outlet wrote both (a local outlet's articles
share its city's names, so shared names prove less), and the cosine of the two headlines alone when both have
one (a headline distils the event; the body's background paragraphs make related stories look alike).
Weights and bars are fitted on half of the stories of BASIL, ECB+ and GVA and written to
`data/story_pairs.json` by `python -m benchmarks.stories --fit`; the same for all data.
"""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter
from dataclasses import dataclass
from importlib import resources

import numpy as np

from manysides.stories.entities import AGE_KEYS, FOLLOW_UP_KEYS
from manysides.stories.features import Features

# The pair's signals, in the order signals() returns them. "both_marked" alone means the two articles name
# people or ages and share none of them (two look-alike events).
FEATURES = (
    "bias", "cosine", "names", "words", "names_sqrt", "words_sqrt", "log_days_apart", "undated", "names_x_days",
    "marks_sqrt", "both_marked", "ages_disjoint", "same_outlet", "same_outlet_x_names", "follow_up",
    "addresses_disjoint", "headline_cosine", "both_headlines",
)  # fmt: skip
_MODEL = json.loads(resources.files("manysides.stories").joinpath("data/story_pairs.json").read_text("utf-8"))
# One model for pairs with both dates, one for pairs without (its time terms are zero): "dates known or not" is
# the only switch. Weights and bars are written by `python -m benchmarks.stories --fit` (fit half only).
DATED = tuple(float(_MODEL["dated"][name]) for name in FEATURES)
UNDATED = tuple(float(_MODEL["undated"][name]) for name in FEATURES)
# An article joins a story when its (trimmed) mean log-odds over the story's latest articles, less its bar, is >= 0.
DATED_BAR = float(_MODEL["bars"]["dated"])
UNDATED_BAR = float(_MODEL["bars"]["undated"])
FITTED_LINK_SHARE = float(_MODEL["link_share"])  # share of a story's sampled members whose log-odds count
_PRIOR_DOCS = 50  # pseudo-documents so the first few articles still weigh rare keys highly
_EPOCH_GROWTH = 1.1
UNDATED_SIGNAL = FEATURES.index("undated")


def _columns(*names: str) -> tuple[int, ...]:
    return tuple(FEATURES.index(name) for name in names)


# How the fit treats the signals (benchmarks/stories.py). The marks signals are fitted for dated pairs only
# (undated sets, ECB+ above all, lost F1 with them).
MARKS = _columns("marks_sqrt", "both_marked", "ages_disjoint")
# The same-outlet signals: dated pairs only (undated sets mostly lack outlets), fitted after the rest with the
# other weights held, so they only correct one outlet's pairs (fitted jointly, they made cross-outlet name
# matches more lenient and merged look-alike events years apart).
SAME_OUTLET = _columns("same_outlet", "same_outlet_x_names")
# log(1 + the later article's follow-up words: trial, sentenced, vigil...) * log(days apart beyond two weeks):
# dated pairs only, fitted last with the other weights held. A report months on that tells of the court case or
# the memorial follows the event up; one that tells of a shooting again in the same city is a new incident.
# Within two weeks it says nothing (a political story and the indictment a week later are two stories).
FOLLOW_UP = _columns("follow_up")
FOLLOW_UP_FROM = math.log1p(14)
# Both give street numbers, none shared: dated pairs only, fitted last with the other weights held. Two shootings
# in one city name the same city and police, but not the same block.
ADDRESSES = _columns("addresses_disjoint")
# Headline cosine and "both have a headline": fitted last with the other weights held, for both models (the
# undated fit sees titled pairs from BASIL and the distractors only: ECB+ has no titles).
HEADLINES = _columns("headline_cosine", "both_headlines")


Norms = tuple[float, ...]


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
        self.df.update(features.marks.keys())
        if self.docs > _EPOCH_GROWTH * self._epoch_docs:
            self.epoch += 1
            self._epoch_docs = self.docs

    def weight(self, key: int) -> float:
        return math.log((self.docs + _PRIOR_DOCS) / (self.df[key] + 1))

    def norms(self, features: Features) -> Norms:
        """Lengths of the names, words and marks vectors under log-tf * idf weights. Vectorised over all three:
        each stored article's norms are recomputed once per epoch, the index's most frequent step."""
        parts = (features.names, features.words, features.marks)
        count = sum(map(len, parts))
        if not count:
            return (0.0, 0.0, 0.0)
        tfs = np.fromiter(itertools.chain.from_iterable(p.values() for p in parts), np.float64, count)
        dfs = np.fromiter(map(self.df.__getitem__, itertools.chain.from_iterable(parts)), np.float64, count)
        weighted = (1.0 + np.log(tfs)) * np.log((self.docs + _PRIOR_DOCS) / (dfs + 1.0))
        found, at = [], 0
        for part in parts:
            piece = weighted[at : at + len(part)]
            found.append(math.sqrt(float(piece @ piece)))
            at += len(part)
        return tuple(found)


_LOG_TF = tuple(1 + math.log(n) if n else 0.0 for n in range(256))  # stored counts are capped at 255


def _log_tf(n: int) -> float:
    return _LOG_TF[n] if n < 256 else 1 + math.log(n)


Table = dict[int, tuple[float, float]]  # key -> (log-tf, squared idf weight)


@dataclass(frozen=True)
class Prepared:
    """One article's names, words and marks with their log-tf and squared idf weights: a new article is scored
    against tens of candidates under one idf, so its weights are looked up once, not once per pair."""

    names: Table
    words: Table
    marks: Table
    title: np.ndarray  # the headline vector as float32 (empty without a headline)


def prepare(features: Features, idf: Idf) -> Prepared:
    """The article's tables under the idf as it stands (it changes only when the next article is added)."""
    total, df, log = idf.docs + _PRIOR_DOCS, idf.df, math.log

    def table(counts: Counter[int]) -> Table:
        return {key: (_log_tf(n), log(total / (df[key] + 1)) ** 2) for key, n in counts.items()}

    title = features.title_vector.astype(np.float32)
    return Prepared(table(features.names), table(features.words), table(features.marks), title)


def _prepared_overlap(a: Counter[int], table: Table, b: Counter[int], norm_a: float, norm_b: float) -> float:
    """overlap() with a's weights from its table: the shared keys are found by one set intersection in C, and
    only they are visited (most keys of a pair are not shared)."""
    if not norm_a or not norm_b:
        return 0.0
    dot, log_tf = 0.0, _LOG_TF
    for key in table.keys() & b.keys():
        tf_a, squared = table[key]
        m = b[key]
        dot += tf_a * (log_tf[m] if m < 256 else 1 + math.log(m)) * squared
    return min(dot / (norm_a * norm_b), 1.0)


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


def signals(
    a: Features, b: Features, norms_a: Norms, norms_b: Norms, cosine: float, idf: Idf, prepared: Prepared | None = None
) -> list[float]:
    """The pair's inputs to the model, in the weights' order (`prepared`: a's tables, when a meets many)."""
    dated = a.day is not None and b.day is not None
    days = abs(a.day - b.day) if dated else 0  # type: ignore[operator]
    p = prepared or prepare(a, idf)
    names = _prepared_overlap(a.names, p.names, b.names, norms_a[0], norms_b[0])
    words = _prepared_overlap(a.words, p.words, b.words, norms_a[1], norms_b[1])
    apart = math.log1p(days)
    marks = _prepared_overlap(a.marks, p.marks, b.marks, norms_a[2], norms_b[2])
    both = float(bool(a.marks) and bool(b.marks))
    same = float(bool(a.outlet) and a.outlet == b.outlet)
    beyond = apart - FOLLOW_UP_FROM
    return [
        *(1.0, cosine, names, words, math.sqrt(names), math.sqrt(words), apart, 0.0 if dated else 1.0, names * apart),
        *(math.sqrt(marks), both, _ages_disjoint(a.marks, b.marks), same, same * names),
        _follow_up(a, b) * beyond if beyond > 0.0 else 0.0,
        _disjoint(a.addresses, b.addresses),
        *_headlines(p.title, b),
    ]


def _headlines(title: np.ndarray, b: Features) -> tuple[float, float]:
    """(cosine of the two headlines' own embeddings, 1) when both have one, else (0, 0). Both come from the
    index's one backend (it refuses features of another), so a present vector always has the other's length."""
    if not len(title) or not len(b.title_vector):
        return 0.0, 0.0
    cosine = float(title @ b.title_vector.astype(np.float32))
    return cosine, 1.0


def _ages_disjoint(a: Counter[int], b: Counter[int]) -> float:
    """1 when both give ages and none agree: '16-year-old boy' and '14-year-old girl' are two shootings."""
    ages_a, ages_b = AGE_KEYS.intersection(a), AGE_KEYS.intersection(b)
    return float(bool(ages_a) and bool(ages_b) and not ages_a & ages_b)


def _disjoint(a: Counter[int], b: Counter[int]) -> float:
    """1 when both give keys of a kind and none agree."""
    return float(bool(a) and bool(b) and not a.keys() & b.keys())


def _follow_up(a: Features, b: Features) -> float:
    """log(1 + the later article's follow-up words): what a report weeks after an event is about."""
    later = a if a.day >= b.day else b  # type: ignore[operator]  # only called for dated pairs
    return math.log1p(len(FOLLOW_UP_KEYS.intersection(later.words)))


def log_odds(values: list[float]) -> float:
    """log(P / (1 - P)) of "same event" for a pair's signals, less the joining bar of its model."""
    if values[UNDATED_SIGNAL]:
        return float(np.dot(UNDATED, values)) - UNDATED_BAR
    return float(np.dot(DATED, values)) - DATED_BAR
