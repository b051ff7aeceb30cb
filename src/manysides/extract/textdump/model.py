"""Score lines with the learnt two-stage logistic model.

Stage 1 scores each line from its own features; stage 2 rescores it from its stage-1 score, the
stage-1 scores of its neighbours and of lines laid out alike, whether it sits in the best region
(anchored below the headline when that is known) and whether it shares that region's layout:
smoothing that lets a weak line inside the article (a list item, a table row laid out like the
paragraphs) in and a strong one outside out.
"""

from __future__ import annotations

import json
import math
import operator
from functools import cache
from pathlib import Path
from typing import Any

from manysides.extract.textdump.features import line_features, window_means
from manysides.extract.textdump.lines import Line
from manysides.extract.textdump.region import article_region

WEIGHTS = Path(__file__).with_name("weights.json")
CONTEXT_RADII = (3, 10)
STAGE2_NAMES = ("bias", "logit_p1", "ctx3", "ctx10", "style_p1", "in_region", "region_style")
_BIT = (0.0, 1.0)
LOGIT_CAP = 14.0  # stage-1 log-odds beyond +-14 (p within 1e-6 of 0 or 1) say nothing more


@cache
def load_weights() -> dict[str, Any]:
    """The shipped weights (trained by benchmarks/train_textdump.py)."""
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))


def linear(weights: list[float], features: list[float]) -> float:
    """The score w . x (log-odds of the line being article text)."""
    return sum(map(operator.mul, weights, features))


def sigmoid(z: float) -> float:
    """1 / (1 + e^-z); math.exp overflows only far beyond any useful score."""
    return 1.0 / (1.0 + math.exp(-z)) if z > -700.0 else 0.0


def stage2_features(lines: list[Line], scores: list[float], title: int | None = None) -> list[list[float]]:
    """A line's own stage-1 score and the stage-1 probabilities around it and of lines laid out alike.

    `title` is the headline's index when known: the region the line may sit in is then anchored below it.
    """
    probs = [sigmoid(z) for z in scores]
    weights = [line.words + 1.0 for line in lines]
    weighted = [w * p for w, p in zip(weights, probs, strict=True)]
    context = []
    for radius in CONTEXT_RADII:
        num, den = window_means(weighted, radius), window_means(weights, radius)
        context.append([a / b for a, b in zip(num, den, strict=True)])
    keys = [line.indent * 2 + line.bullet for line in lines]
    total: dict[int, float] = {}
    good: dict[int, float] = {}
    for key, w, p in zip(keys, weights, probs, strict=True):
        total[key] = total.get(key, 0.0) + w
        good[key] = good.get(key, 0.0) + w * p
    start, end = article_region(lines, probs, 0.5, title)
    main = _main_key(keys[start:end], weights[start:end])
    near, wide = context
    return [
        [
            1.0,
            max(-LOGIT_CAP, min(LOGIT_CAP, z)) / 5,
            near[i],
            wide[i],
            good[key] / total[key],
            _BIT[start <= i < end],
            _BIT[key == main],
        ]
        for i, (z, key) in enumerate(zip(scores, keys, strict=True))
    ]


def _main_key(keys: list[int], weights: list[float]) -> int | None:
    """The layout (indent, bullet) holding most words of the region: the article's paragraphs."""
    total: dict[int, float] = {}
    for key, w in zip(keys, weights, strict=True):
        total[key] = total.get(key, 0.0) + w
    return max(total, key=total.__getitem__) if total else None


def line_scores(lines: list[Line], weights: dict[str, Any], title: int | None = None) -> list[float]:
    """Probability that each line belongs to the article body."""
    if not lines:
        return []
    stage1 = weights["stage1"]
    scores = [linear(stage1, f) for f in line_features(lines, title)]
    stage2 = weights["stage2"]
    return [sigmoid(linear(stage2, f)) for f in stage2_features(lines, scores, title)]
