"""The article-extraction benchmark's metric, as its README defines it.

Text is split into \\w+ tokens; 4-token shingles of gold and prediction are counted as multisets;
per page tp/fp/fn are the overlap, the extra and the missed shingles. Precision and recall are
means over pages; a page with fp = fn = 0 scores 1 on both.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(max(0, len(tokens) - SHINGLE + 1)))


def page_precision_recall(gold: str, predicted: str) -> tuple[float, float]:
    g, p = shingles(gold), shingles(predicted)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


@dataclass
class Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def score(pairs: Iterable[tuple[str, str]]) -> Score:
    """Mean precision and recall over (gold, predicted) pairs."""
    ps, rs = [], []
    for gold, predicted in pairs:
        p, r = page_precision_recall(gold, predicted)
        ps.append(p)
        rs.append(r)
    n = len(ps) or 1
    return Score(sum(ps) / n, sum(rs) / n)
