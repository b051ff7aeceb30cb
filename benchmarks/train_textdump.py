"""Train the text-dump line classifier from the shared article-extraction pages.

Run: `python -m benchmarks.train_textdump` (writes src/manysides/extract/textdump/weights.json).
Each line is labelled by how many of its 4-token shingles occur in the gold body (the benchmark's
own unit), a short line by being a whole gold paragraph. Two logistic models are fitted by Newton's
method with an L2 penalty; pages weigh equally and lines by the square root of their length, since
the metric counts shingles. Before fitting on all pages it reports cross-validation (even/odd
halves and a few seeded random halves, each both ways, and their mean), so the figure to trust is
the one on pages the model did not see.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from benchmarks.datasets import ExtractionPage, extraction_pages
from benchmarks.metric import score, shingles
from manysides.extract.textdump.extract import extract_with_model
from manysides.extract.textdump.features import NAMES, line_features, title_index
from manysides.extract.textdump.lines import Line, split_lines
from manysides.extract.textdump.model import STAGE2_NAMES, WEIGHTS, linear, stage2_features

_TOKEN = re.compile(r"\w+")
KEEP, REGION = 0.3, 0.3  # decision thresholds; 0.3 favours recall, which the region step pays back
L2 = 1.0
SPLIT_SEEDS = (1, 2, 3, 4, 5)  # random 2-fold splits on top of even/odd, fixed so runs compare


class PageData:
    """One page's lines, stage-1 features, labels and sample weights."""

    def __init__(self, page: ExtractionPage) -> None:
        self.page = page
        self.text = page.text()
        self.lines = split_lines(self.text)
        self.title = title_index(self.lines, page.url)
        self.features = line_features(self.lines, self.title)
        self.labels = _labels(self.lines, page.gold_body)
        total = sum(math.sqrt(line.words + 1) for line in self.lines) or 1.0
        self.weights = [100 * math.sqrt(line.words + 1) / total for line in self.lines]


def _labels(lines: list[Line], gold: str) -> list[float]:
    """1 for a line whose shingles are mostly in the gold body (short lines: a whole gold paragraph)."""
    gold_shingles = shingles(gold)
    gold_lines = {" ".join(_TOKEN.findall(p)) for p in gold.split("\n") if p.strip()}
    out = []
    for line in lines:
        tokens = _TOKEN.findall(line.text)
        if len(tokens) >= 4:
            own = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
            out.append(float(sum(s in gold_shingles for s in own) >= 0.5 * len(own)))
        else:
            out.append(float(" ".join(tokens) in gold_lines))
    return out


def fit(rows: list[list[float]], labels: list[float], weights: list[float]) -> list[float]:
    """Weighted L2-penalised logistic regression by Newton's method (small, convex: converges fast)."""
    x, y, s = np.asarray(rows), np.asarray(labels), np.asarray(weights)
    w = np.zeros(x.shape[1])
    penalty = L2 * np.eye(x.shape[1])
    for _ in range(30):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ ((p - y) * s) + L2 * w
        hessian = (x * (p * (1 - p) * s)[:, None]).T @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return [round(float(v), 4) for v in w]


def _stage1_scores(data: PageData, stage1: list[float]) -> list[float]:
    return [linear(stage1, f) for f in data.features]


def train(pages: Sequence[PageData]) -> dict[str, Any]:
    """Both stages on these pages; stage 2 sees stage-1 scores of the same pages."""
    rows, labels, weights = _stack(pages, lambda d: d.features)
    stage1 = fit(rows, labels, weights)
    rows, labels, weights = _stack(pages, lambda d: stage2_features(d.lines, _stage1_scores(d, stage1), d.title))
    stage2 = fit(rows, labels, weights)
    return {
        "names1": list(NAMES),
        "names2": list(STAGE2_NAMES),
        "stage1": stage1,
        "stage2": stage2,
        "keep": KEEP,
        "region": REGION,
    }


def _stack(
    pages: Sequence[PageData], features: Callable[[PageData], list[list[float]]]
) -> tuple[list[list[float]], list[float], list[float]]:
    """Feature rows, labels and sample weights of all these pages, concatenated."""
    rows: list[list[float]] = []
    labels: list[float] = []
    weights: list[float] = []
    for data in pages:
        rows.extend(features(data))
        labels.extend(data.labels)
        weights.extend(data.weights)
    return rows, labels, weights


def evaluate(model: dict[str, Any], pages: Sequence[PageData]) -> tuple[float, float, float]:
    """Precision, recall, F1 of the whole extractor's body with this model, by the benchmark's metric."""
    pairs = [(d.page.gold_body, extract_with_model(d.text, d.page.url, model).body) for d in pages]
    result = score(pairs)
    return result.precision, result.recall, result.f1


def cross_validate(data: Sequence[PageData] | None = None) -> dict[str, float]:
    """F1 on pages the model did not see: even/odd halves and a few seeded random halves, both ways.

    The "mean" entry averages every direction of every split: the figure to expect on new pages.
    """
    data = data or [PageData(page) for page in extraction_pages()]
    splits = {"even/odd": (data[0::2], data[1::2])}
    for seed in SPLIT_SEEDS:
        shuffled = list(data)
        random.Random(seed).shuffle(shuffled)
        half = len(shuffled) // 2
        splits[f"seed {seed}"] = (shuffled[:half], shuffled[half:])
    result = {}
    for name, (first, second) in splits.items():
        result[f"{name} a->b"] = evaluate(train(first), second)[2]
        result[f"{name} b->a"] = evaluate(train(second), first)[2]
    result["mean"] = sum(result.values()) / len(result)
    return result


def main() -> None:
    data = [PageData(page) for page in extraction_pages()]
    for name, f1 in cross_validate(data).items():
        print(f"{name}: F1 {f1:.4f} on unseen pages")
    model = train(data)
    WEIGHTS.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    p, r, f = evaluate(model, data)
    print(f"all (in-sample): precision {p:.3f} recall {r:.3f} F1 {f:.4f}; wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
