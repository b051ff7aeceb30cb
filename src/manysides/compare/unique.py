"""Which sentences only one outlet reports: a sentence-level judgement, not the absence of one close pair.

A lead sentence is often two sentences of another outlet joined, and a sentence can restate another outlet's
in other words; neither pairs strongly with any one sentence, yet neither is news only its outlet has. So
whether a sentence is unique is scored from a few signals of the whole story: its closest pair of another
outlet (pair probability, contextual cosine, word-to-word similarity), how much of its rare words another
outlet's article states anywhere, or in its two closest sentences together, how many words it has (a long
sentence more often shares one of its propositions), and the names, figures and years it gives that no other
outlet mentions. A logistic model over these, fitted on
annotated coverage by `python -m benchmarks.facts --fit` (weights and bar in `data/fact_pairs.json`), keeps the
sentences it is sure of: fewer unique facts, each one an editor can rely on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from manysides.understand import SentenceInfo

UNIQUE_FEATURES = ("bias", "closest", "context", "soft", "covered", "covered_two", "novel", "words")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_NOVEL_CAP = 3


@dataclass(frozen=True)
class UniqueModel:
    """Logistic weights over UNIQUE_FEATURES and the bar a sentence's probability of being unique must reach."""

    weights: np.ndarray
    bar: float


def specifics(sentence: SentenceInfo) -> set[str]:
    """The names, figures and years a sentence gives (as keys)."""
    years = set(_YEAR.findall(sentence.text))
    return sentence.entity_keys | {f"{n.value:g}" for n in sentence.numbers} | years


def _idf(term_sets: list[set[str]]) -> dict[str, float]:
    """Rarity of each word over the story's sentences (words the whole story uses say little)."""
    counts: dict[str, int] = {}
    for items in term_sets:
        for item in items:
            counts[item] = counts.get(item, 0) + 1
    n = len(term_sets)
    return {item: float(np.log((1 + n) / (1 + c)) + 1.0) for item, c in counts.items()}


def _covered(weights: dict[str, float], words: set[str]) -> float:
    total = sum(weights.values())
    return sum(v for w, v in weights.items() if w in words) / total if total else 0.0


def unique_features(
    sentences: Sequence[SentenceInfo],
    sources: Sequence[str],
    prob: np.ndarray,
    feats: np.ndarray,
    term_sets: list[set[str]],
) -> np.ndarray:
    """(n, len(UNIQUE_FEATURES)) for every sentence against the sentences of other outlets; `sources[i]` is
    sentence i's outlet, `prob` the pair probabilities, `feats` the pair features (pairs.FEATURES)."""
    from manysides.compare.pairs import FEATURES  # here: pairs imports this module for the model's shape

    context, soft, overlap = (FEATURES.index(name) for name in ("context", "soft", "overlap"))
    n = len(sentences)
    result = np.zeros((n, len(UNIQUE_FEATURES)))
    if n == 0:
        return result
    keys = np.array(sources, dtype=object)
    idf = _idf(term_sets)
    outlet_words: dict[str, set[str]] = {}
    outlet_specifics: dict[str, set[str]] = {}
    for i, key in enumerate(sources):
        outlet_words.setdefault(key, set()).update(term_sets[i])
        outlet_specifics.setdefault(key, set()).update(specifics(sentences[i]))
    for i in range(n):
        other = keys != keys[i]
        result[i, 0] = 1.0
        if not other.any():
            continue
        closest = float(np.clip(prob[i, other].max(), 1e-4, 1 - 1e-4))
        result[i, 1] = np.log(closest / (1 - closest))
        result[i, 2] = feats[i, other, context].max()
        result[i, 3] = feats[i, other, soft].max()
        weights = {w: idf[w] for w in term_sets[i]}
        covered = covered_two = 0.0
        elsewhere: set[str] = set()
        for key, words in outlet_words.items():
            if key == keys[i]:
                continue
            elsewhere |= outlet_specifics[key]
            covered = max(covered, _covered(weights, words))
            rows = np.flatnonzero(keys == key)
            best = rows[np.argsort(-feats[i, rows, overlap], kind="stable")[:2]]
            covered_two = max(covered_two, _covered(weights, set().union(*(term_sets[k] for k in best))))
        result[i, 4] = covered
        result[i, 5] = covered_two
        result[i, 6] = min(len(specifics(sentences[i]) - elsewhere), _NOVEL_CAP)
        result[i, 7] = np.log1p(len(term_sets[i]))
    return result


def unique_probabilities(features: np.ndarray, model: UniqueModel) -> np.ndarray:
    """Probability that no other outlet states the sentence."""
    return 1.0 / (1.0 + np.exp(-(features @ model.weights)))
