"""The pair model for reports that are not both English: the multilingual lead cosine beside the event specifics
that survive translation (names folded to ASCII, numbers), days apart, and content words when the language is
shared. The English model's signals (word embeddings, English content words, marks) mean little across languages.
Two reports in one script without capitals (Arabic, Hebrew) have no capitalised names: their words rare across the
index stand in for names.

Weights, the joining bar and which pairs the model takes are fitted on the SemEval-2022 fit half by
`python -m benchmarks.semeval --fit`, which writes `data/crosslang.json`.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from manysides.stories.features import Features, language_key
from manysides.stories.score import Idf, Norms, overlap

ENGLISH = language_key("en")
SIGNALS = ("intercept", "lead_cosine", "names", "words", "days_apart", "undated", "cross_language")
# Which pairs take this model: "cross" (languages differ) or "non_english" (also two reports in one language other
# than English, whose content words and word embeddings the English model was not fitted on).
ROUTES = ("cross", "non_english")
# In a script without capitals, a word found in at most this share of the indexed articles stands in for a name.
RARE_SHARE = 0.01


@cache
def model() -> dict[str, Any]:
    """The fitted model as written by the fitting script."""
    text = resources.files("manysides.stories").joinpath("data/crosslang.json").read_text(encoding="utf-8")
    data = json.loads(text)
    if data["route"] not in ROUTES or set(data["weights"]) != set(SIGNALS):
        raise ValueError("data/crosslang.json does not match this version's signals")
    return data


def routes(a: Features, b: Features, route: str | None = None) -> bool:
    """Whether the pair is judged by this model: both languages and multilingual vectors known, and the
    languages differ (or, with the "non_english" route, either is not English)."""
    if not a.language or not b.language or not len(a.multi) or not len(b.multi):
        return False
    if a.language != b.language:
        return True
    return (route or model()["route"]) == "non_english" and a.language != ENGLISH


def signals(a: Features, b: Features, norms_a: Norms, norms_b: Norms, idf: Idf) -> dict[str, float]:
    """The pair's named inputs to the model."""
    dated = a.day is not None and b.day is not None
    same_language = a.language == b.language
    words = overlap(a.words, b.words, norms_a[1], norms_b[1], idf) if same_language else 0.0
    return {
        "intercept": 1.0,
        "lead_cosine": float(a.multi.astype(np.float32) @ b.multi.astype(np.float32)),
        "names": math.sqrt(max(overlap(a.names, b.names, norms_a[0], norms_b[0], idf), _uncased_names(a, b, idf))),
        "words": math.sqrt(words),
        "days_apart": math.log1p(abs(a.day - b.day)) if dated else 0.0,  # type: ignore[operator]
        "undated": 0.0 if dated else 1.0,
        "cross_language": 0.0 if same_language else 1.0,
    }


def _uncased_names(a: Features, b: Features, idf: Idf) -> float:
    """Two reports in one script without capitals (Arabic, Hebrew) name nobody by a capital letter: their words
    that are rare across the indexed articles (a person, a place, an organisation, seldom a common word) are
    compared as names. 0 for any other pair."""
    if not (a.uncased and b.uncased and a.language == b.language):
        return 0.0
    limit = max(2.0, RARE_SHARE * idf.docs)
    rare_a = Counter({k: n for k, n in a.words.items() if idf.df[k] <= limit})
    rare_b = Counter({k: n for k, n in b.words.items() if idf.df[k] <= limit})
    return overlap(rare_a, rare_b, _norm(rare_a, idf), _norm(rare_b, idf), idf)


def _norm(counts: Counter[int], idf: Idf) -> float:
    """Length of a key vector under the log-tf * idf weights overlap() uses."""
    return math.sqrt(sum(((1 + math.log(n)) * idf.weight(k)) ** 2 for k, n in counts.items()))


def log_odds(values: dict[str, float], fitted: dict[str, Any] | None = None) -> float:
    """log(P / (1 - P)) of "same event", less the model's joining bar."""
    fitted = fitted or model()
    weights = fitted["weights"]
    return sum(weights[name] * value for name, value in values.items()) - fitted["bar"]
