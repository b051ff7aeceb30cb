"""Score lines with the learnt two-stage logistic model and pick the article's lines.

Stage 1 scores each line from its own features; stage 2 rescores it from its stage-1 score,
the stage-1 scores of its neighbours and of lines laid out alike, and whether it sits in the
best region: smoothing that lets a weak line inside the article in and a strong one outside out. The article is
then the contiguous region with the largest word-weighted score margin, minus the low-scoring
lines inside it (teaser blocks, captions, share bars).
"""

from __future__ import annotations

import json
import math
import operator
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from manysides.extract.textdump.features import is_prose, line_features, window_means
from manysides.extract.textdump.lines import Line

# A comments heading ends the article for good (unlike "Related", which also sits inside bodies).
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:comments?|replies|responses|leave a (?:reply|comment)|join the (?:discussion|conversation)"
    r"|post a comment|add a comment)\b.{0,60}$",
    re.IGNORECASE,
)
_THREAD = re.compile(
    r"^(?:comments|discussion|leave a (?:reply|comment)|join the (?:discussion|conversation)"
    r"|\d+ (?:comments|responses|replies|thoughts) (?:to|on) .{1,120})\s*:?$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"\b(?:says|said|wrote|writes|replied|replies)\s*:?$", re.IGNORECASE)
COMMENTS_LOOKAHEAD = 20
MIN_SIGNED_COMMENTS = 2
MIN_WORDS_BEFORE_COMMENTS = 50
EDGE_GAP = 5  # lines an edge paragraph may sit away from the region
EDGE_KEEP = 0.15
MAX_HEADING_WORDS = 12
COMMENTS_LOOKBACK = 8  # a region starting this soon after a comments heading is the thread
WEIGHTS = Path(__file__).with_name("weights.json")
CONTEXT_RADII = (1, 3, 10)
STAGE2_NAMES = ("bias", "logit_p1", "ctx1", "ctx3", "ctx10", "style_p1", "in_region")
_BIT = (0.0, 1.0)


@cache
def load_weights() -> dict[str, Any]:
    """The shipped weights (trained by benchmarks/train_textdump.py)."""
    return json.loads(WEIGHTS.read_text(encoding="utf-8"))


def logistic(weights: list[float], features: list[float]) -> float:
    """1 / (1 + e^-(w . x)); math.exp overflows only far beyond any useful score."""
    z = sum(map(operator.mul, weights, features))
    return 1.0 / (1.0 + math.exp(-z)) if z > -700.0 else 0.0


def best_region(lines: list[Line], probs: list[float], threshold: float) -> tuple[int, int]:
    """[start, end) maximising sum of (words + 1) * (p - threshold): Kadane's scan, linear time."""
    best = current = 0.0
    start = best_start = best_end = 0
    for i, (line, p) in enumerate(zip(lines, probs, strict=True)):
        if current <= 0:
            current, start = 0.0, i
        current += (line.words + 1) * (p - threshold)
        if current > best:
            best, best_start, best_end = current, start, i + 1
    return best_start, best_end


def stage2_features(lines: list[Line], probs: list[float]) -> list[list[float]]:
    """A line's own stage-1 score and the stage-1 scores around it and of lines laid out alike."""
    weights = [line.words + 1.0 for line in lines]
    weighted = [w * p for w, p in zip(weights, probs, strict=True)]
    context = []
    for radius in CONTEXT_RADII:
        num, den = window_means(weighted, radius), window_means(weights, radius)
        context.append([a / b for a, b in zip(num, den, strict=True)])
    total: dict[tuple[int, bool], float] = {}
    good: dict[tuple[int, bool], float] = {}
    for line, w, p in zip(lines, weights, probs, strict=True):
        key = (line.indent, line.bullet)
        total[key] = total.get(key, 0.0) + w
        good[key] = good.get(key, 0.0) + w * p
    style = [good[key] / total[key] for key in ((line.indent, line.bullet) for line in lines)]
    start, end = best_region(lines, probs, 0.5)
    near, mid, wide = context
    return [[1.0, _logit(p), near[i], mid[i], wide[i], style[i], _BIT[start <= i < end]] for i, p in enumerate(probs)]


def _logit(p: float) -> float:
    """Log-odds, scaled to the range of the other stage-2 features."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p)) / 5


def line_scores(lines: list[Line], weights: dict[str, Any]) -> list[float]:
    """Probability that each line belongs to the article body."""
    if not lines:
        return []
    probs = [logistic(weights["stage1"], f) for f in line_features(lines)]
    return [logistic(weights["stage2"], f) for f in stage2_features(lines, probs)]


def select_body(lines: list[Line], probs: list[float], weights: dict[str, Any]) -> list[int]:
    """Indices of the body lines: inside the best region, before comments, scoring above `keep`."""
    keep, region = weights["keep"], weights["region"]
    start, end = best_region(lines, probs, region)
    heading = _thread_heading(lines, max(0, start - COMMENTS_LOOKBACK), start)
    if heading and _signed_comments(lines[start : start + COMMENTS_LOOKAHEAD]) >= MIN_SIGNED_COMMENTS:
        # The best region is the comment thread: the article is the best region above it,
        # even if it scores lower than the discussion it started.
        threshold = min(region, max(probs[:heading]) / 2)
        start, end = best_region(lines[:heading], probs[:heading], threshold)
        keep = min(keep, threshold)
    kept_words = 0
    for i in range(start, end):
        if kept_words >= MIN_WORDS_BEFORE_COMMENTS and _is_comments_heading(lines[i]):
            end = i
            break
        kept_words += lines[i].words if probs[i] > keep else 0
    kept = [i for i in range(start, end) if probs[i] > keep]
    return _repair_edges(lines, probs, kept)


def _repair_edges(lines: list[Line], probs: list[float], kept: list[int]) -> list[int]:
    """Take back paragraphs just outside the region that look like the ones inside.

    A table or an ad between the lede and the rest (or before the last line) can cut a paragraph
    off the region; one laid out like the body (same indent), sentence-like and not scored
    clearly negative, within a few lines of the edge, belongs to it.
    """
    if not kept:
        return kept
    style: Counter[tuple[int, bool]] = Counter()
    for i in kept:
        style[(lines[i].indent, lines[i].bullet)] += lines[i].words + 1
    main = style.most_common(1)[0][0]
    extra = []
    for step, edge in ((-1, kept[0]), (1, kept[-1])):
        i, last = edge + step, edge
        while 0 <= i < len(lines) and abs(i - last) <= EDGE_GAP:
            line = lines[i]
            if (line.indent, line.bullet) == main and probs[i] >= EDGE_KEEP and is_prose(line):
                extra.append(i)
                last = i
            i += step
    return sorted(kept + extra)


def _is_comments_heading(line: Line) -> bool:
    return line.words <= MAX_HEADING_WORDS and _COMMENTS.match(line.text) is not None


def _thread_heading(lines: list[Line], lo: int, hi: int) -> int | None:
    """Index of the last heading of a comment thread in lines[lo:hi] ("Comments", not "3 Comments")."""
    found = (i for i in range(hi - 1, lo - 1, -1) if not lines[i].bullet and _THREAD.match(lines[i].text))
    return next(found, None)


def _signed_comments(lines: list[Line]) -> int:
    """Lines signing a comment: "Alex on September 17, 2018 at 6:34 am said:"."""
    return sum(1 for line in lines if line.words <= MAX_HEADING_WORDS * 2 and _SIGNATURE.search(line.text))
