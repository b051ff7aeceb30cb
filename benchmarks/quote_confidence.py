"""Fit and measure how far to trust a speaker credited outside English (`understand/other_confidence.py`).

    python -m benchmarks.quote_confidence          # leave-one-set-out figures on the development sets (no write)
    python -m benchmarks.quote_confidence --fit    # the same, then fit on every development set and write the model

Every credit the cue-word reader makes on our development quotes sets (the first set's two halves, the second to
fifth sets) and on the SemEval-2022 FIT half is one example: right when it names a gold speaker of its sentence (the
`benchmarks.speakers_multilingual` matching). Each set is scored by a model fitted on the others (a class-balanced
logistic regression over `other_confidence.FEATURES`), and the bar on P(right) is the one that gives the best F1 of
found and right credits over those out-of-set scores. The held-out sixth set and the SemEval REPORT half are never
read here: `python -m benchmarks.speakers_multilingual` gives their figures with the written model.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from benchmarks import speakers_multilingual as sm
from manysides.understand.other_confidence import FEATURES, every_credit, features
from manysides.understand.other_referents import fold

OUT = Path(__file__).resolve().parents[1] / "src" / "manysides" / "understand" / "data" / "quote_confidence.json"
PENALTY = 1.0  # inverse L2 penalty on the few standardised-free signals (14 weights on some 700 credits)
BARS = np.round(np.arange(0.05, 0.96, 0.025), 3)


@dataclass
class Sentence:
    """One sentence's gold speakers and our credits: each credit's signals and which gold credits it matches."""

    gold: int
    rows: np.ndarray  # (credits, FEATURES)
    matched: list[set[int]]  # per credit, the indices of the gold credits it names


def _sentences(articles: sm.Iterator[tuple[str, sm.ArticleText, sm.Rows]]) -> list[Sentence]:
    found = []
    for language, text, rows in articles:
        if language == "en":
            continue  # the English parser reads English; this model judges the cue-word reader only
        sentences = [s.text for s in text.sentences]
        article = fold(" ".join(sentences))
        for gold, credits, sentence in rows:
            said = [g for g in gold if g.kind != "none"]
            signals = [features(a, fold(sentence), article, len(credits), language) for a in credits]
            matched = [{i for i, g in enumerate(said) if sm.matches(g, a)} for a in credits]
            found.append(Sentence(len(said), np.array(signals).reshape(-1, len(FEATURES)), matched))
    return found


def development_sets() -> dict[str, list[Sentence]]:
    """Every development set's sentences, read with every credit kept."""
    with every_credit():
        sets = {name: _sentences(sm.fixture_articles(half, folder)) for name, _, half, folder in sm.DEVELOPMENT_SETS}
        sets["SemEval FIT half"] = _sentences(sm.semeval_articles("FIT"))
    return sets


def _xy(sentences: list[Sentence]) -> tuple[np.ndarray, np.ndarray]:
    rows = [s.rows for s in sentences if len(s.rows)]
    labels = [float(bool(m)) for s in sentences for m in s.matched]
    return np.vstack(rows), np.array(labels)


def fit(sentences: list[Sentence]) -> np.ndarray:
    """Weights over FEATURES (the bias column is the intercept)."""
    x, y = _xy(sentences)
    model = LogisticRegression(C=PENALTY, class_weight="balanced", fit_intercept=False, max_iter=2000)
    model.fit(x, y)
    return model.coef_[0]


def tally(sentences: list[Sentence], scores: list[np.ndarray], bar: float) -> tuple[int, int, int, int]:
    """(found, gold, right, credited) when credits scored under `bar` are dropped."""
    found = gold = right = credited = 0
    for s, p in zip(sentences, scores, strict=True):
        kept = [m for m, q in zip(s.matched, p, strict=True) if q >= bar]
        gold += s.gold
        found += len(set().union(*kept)) if kept else 0
        right += sum(bool(m) for m in kept)
        credited += len(kept)
    return found, gold, right, credited


def f1(counts: tuple[int, int, int, int]) -> float:
    found, gold, right, credited = counts
    recall, precision = found / max(gold, 1), right / max(credited, 1)
    return 2 * recall * precision / max(recall + precision, 1e-9)


def _scores(sentences: list[Sentence], weights: np.ndarray) -> list[np.ndarray]:
    return [1.0 / (1.0 + np.exp(-(s.rows @ weights))) if len(s.rows) else np.zeros(0) for s in sentences]


def _row(name: str, counts: tuple[int, int, int, int]) -> str:
    found, gold, right, credited = counts
    recall, precision = found / max(gold, 1), right / max(credited, 1)
    return f"| {name} | {found} of {gold} | {recall:.2f} | {right} of {credited} | {precision:.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fit", action="store_true", help="fit on every development set and write the model")
    args = parser.parse_args()
    sets = development_sets()
    held = {
        name: _scores(sentences, fit([s for o, ss in sets.items() if o != name for s in ss]))
        for name, sentences in sets.items()
    }
    pooled = [s for ss in sets.values() for s in ss]
    pooled_scores = [p for name in sets for p in held[name]]
    by_bar = {float(bar): tally(pooled, pooled_scores, float(bar)) for bar in BARS}
    bar = max(by_bar, key=lambda b: (round(f1(by_bar[b]), 4), -b))
    print(f"leave-one-set-out, bar {bar:.3f} (best F1 of found and right over all development sets)")
    print("| set | found, every credit | recall | right | precision | found, trusted | recall | right | precision |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, sentences in sets.items():
        every, kept = tally(sentences, held[name], 0.0), tally(sentences, held[name], bar)
        print(_row(name, every) + _row("", kept)[4:])
    print(_row("all", tally(pooled, pooled_scores, 0.0)) + _row("", by_bar[bar])[4:])
    if args.fit:
        weights = fit(pooled)
        data = {
            "fitted_on": "our development quotes sets (first to fifth) and the SemEval-2022 FIT half, every credit of "
            "the cue-word reader outside English; class-balanced logistic regression; bar: best F1 of found and right "
            "credits, leave-one-set-out",
            "features": list(FEATURES),
            "weights": {name: round(float(w), 4) for name, w in zip(FEATURES, weights, strict=True)},
            "bar": bar,
        }
        OUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
