"""How far to trust a speaker the cue-word reader (`other_quotes`) credits outside English: a logistic model over a
few general signals of the credit, so that a credit more likely wrong than right is dropped (the quote then shows
no speaker) rather than shown beside someone else's words.

The rules find a speaker by where a name or a noun phrase stands beside a cue word; on text no rule was written
from, about three credits in ten name the wrong one. What tells a wrong credit is seldom the rule that made it but
the shape of what it credits: lowercase words of a clause ("gesto y"), a phrase far from its cue, a name met
nowhere else in the article, a speaker carried over from an earlier sentence. The weights and the bar are fitted
on our development quotes sets by `python -m benchmarks.quote_confidence --fit`, which writes
`data/quote_confidence.json`; figures are in its output and the CHANGELOG.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import resources

import numpy as np

from manysides.understand.foreign_names import stop_words, uncased
from manysides.understand.given_names import is_given_name
from manysides.understand.other_referents import fold
from manysides.understand.quotes import Attribution

FEATURES = (
    "bias",
    "named",
    "continued",
    "in_sentence",
    "words",
    "repeated",
    "according",
    "quote",
    "given",
    "uncased",
    "shared_sentence",
    "lowercase_share",
    "stop_share",
    "cue_distance",
)
_WORDS_CAP = 6  # a speaker of this many words or more counts as long
_DISTANCE_SCALE = 5.0  # log1p(characters between speaker and cue) over this is about 1 at 150 characters
_CONTINUED = frozenset({"", ":"})  # a credit carried on from the sentence before, or an interview's answer
_LETTERS = re.compile(r"[^\W\d_]+")
_EVERY: ContextVar[bool] = ContextVar("every_credit", default=False)


@cache
def model() -> tuple[np.ndarray, float] | None:
    """The fitted weights (in FEATURES order) and the bar on P(right); None before a model is fitted."""
    path = resources.files("manysides.understand").joinpath("data/quote_confidence.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError("data/quote_confidence.json does not match this version's features")
    return np.array([data["weights"][name] for name in FEATURES]), float(data["bar"])


def features(attribution: Attribution, text: str, article: str, credits_here: int, language: str) -> np.ndarray:
    """The credit's signals: what it credits, where, and how it was read. `text` and `article` are the sentence's
    and the article's text folded (`fold`, once for all their credits), `credits_here` how many credits the
    sentence has."""
    words = _LETTERS.findall(attribution.speaker)
    stops = stop_words(language)
    folded = fold(attribution.speaker)
    at = text.find(folded) if folded else -1
    cue = text.find(fold(attribution.cue)) if attribution.cue.strip() else -1
    last = fold(words[-1]) if words else ""
    cased = not uncased(text)
    values = {
        "bias": 1.0,
        "named": float(attribution.named),
        "continued": float(attribution.cue in _CONTINUED),
        "in_sentence": float(at >= 0),
        "words": min(len(words), _WORDS_CAP) / _WORDS_CAP,
        "repeated": float(len(last) >= 3 and article.count(last) > text.count(last)),
        "according": float(attribution.kind == "according_to"),
        "quote": float(attribution.kind == "quote"),
        "given": float(bool(words) and is_given_name(words[0])),
        "uncased": float(not cased),
        "shared_sentence": float(credits_here > 1),
        "lowercase_share": sum(w[:1].islower() for w in words) / len(words) if words and cased else 0.0,
        "stop_share": sum(w.lower() in stops for w in words) / len(words) if words else 0.0,
        "cue_distance": min(1.0, math.log1p(abs(at - cue)) / _DISTANCE_SCALE) if at >= 0 and cue >= 0 else 1.0,
    }
    return np.array([values[name] for name in FEATURES])


def probability(row: np.ndarray, weights: np.ndarray) -> float:
    """P(the credit names the right speaker) under the weights."""
    return float(1.0 / (1.0 + math.exp(-float(row @ weights))))


@contextmanager
def every_credit() -> Iterator[None]:
    """Keep every credit while inside (the fitting script reads the credits the model is fitted to judge)."""
    token = _EVERY.set(True)
    try:
        yield
    finally:
        _EVERY.reset(token)


def trusted(credits: list[list[Attribution]], sentences: Sequence[str], language: str) -> list[list[Attribution]]:
    """Each sentence's credits without those the fitted model trusts less than its bar (all kept before a model is
    fitted, or inside `every_credit`)."""
    if _EVERY.get() or not any(credits):
        return credits
    fitted = model()
    if fitted is None:
        return credits
    weights, bar = fitted
    article = fold(" ".join(sentences))
    kept = []
    for found, sentence in zip(credits, sentences, strict=True):
        text = fold(sentence) if found else ""
        kept.append([a for a in found if probability(features(a, text, article, len(found), language), weights) >= bar])
    return kept
