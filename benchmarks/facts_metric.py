"""Candidate pair signals beside the shipped pair model, cross-validated on basil-facts (issue 14).

    python -m benchmarks.facts_metric             # the rows below
    python -m benchmarks.facts_metric --clauses   # linear, products and shipped form, each clause signal added
    python -m benchmarks.facts_metric --neighbours  # the shipped form, with how well the pair's neighbours match
    python -m benchmarks.facts_metric --models      # the shipped form against gradient-boosted trees

Pair level only (before grouping), 5 folds by triplet as `benchmarks.facts`: every model is fitted on the other
folds' triplets and scored on the fold's. Rows: a linear model over pairs.FEATURES; that model with every
product of two signals (a logistic model on standardised signals and their products); the contextual vectors'
cosine after removing the story's mean vector; a learned similarity over those vectors ([u*v, |u-v|], ridge-like
logistic), alone and stacked into the linear model (its score for the training triplets comes from an inner
cross-validation, so the pair model never sees in-sample scores).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np

from benchmarks import facts, facts_clauses
from manysides.compare import pairs, sentence_vectors

TARGETS = (0.90, 0.85, 0.75, 0.60)
SIMILARITY_C = 0.1  # penalty of the learned similarity (1024 weights on 36 triplets)
PRODUCTS_C = 0.1
# Neighbour signals measured (`--neighbours`): which pair signal of the pairs around, and max or sum of before/after.
VARIANTS = (
    ("overlap", "max"), ("cosine", "max"), ("cosine", "sum"), ("soft", "max"), ("context", "max"), ("context", "sum"),
    ("similarity", "max"),
)  # fmt: skip


def labelled(p: facts.Prepared) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the triplet's labelled cross-outlet pairs (upper triangle)."""
    return np.nonzero(np.triu(p.labels >= 0, 1))


def centred_vectors(p: facts.Prepared) -> np.ndarray:
    """The story's contextual vectors less their mean, unit rows: what sets a sentence apart within its story."""
    texts = [p.triplet.texts[a].sentences[s].text for a, s in p.nodes]
    matrix = sentence_vectors.vectors(texts).astype(np.float64)
    matrix -= matrix.mean(axis=0)
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)


def curve(prepared: list[facts.Prepared], scores: list[np.ndarray]) -> str:
    """Best recall at each precision target over all thresholds (scores over each triplet's labelled pairs)."""
    y = np.concatenate([p.labels[labelled(p)] for p in prepared])
    s = np.concatenate(scores)
    order = np.argsort(-s, kind="stable")
    hits = np.cumsum(y[order])
    precision = hits / np.arange(1, len(y) + 1)
    recall = hits / max(int(y.sum()), 1)
    distinct = np.r_[s[order][1:] != s[order][:-1], True] & (np.arange(1, len(y) + 1) >= 20)
    cells = []
    for target in TARGETS:
        ok = distinct & (precision >= target)
        cells.append(f"P {target:.2f} R {recall[ok].max() if ok.any() else 0.0:.3f}")
    return " | ".join(cells)


Rows = Callable[[facts.Prepared], np.ndarray]


def print_rows(prepared: list[facts.Prepared], rows: dict[str, list[np.ndarray]], width: int = 44) -> None:
    """One line per model: its best pair recall at each precision target."""
    print("  pair level, cross-validated by triplet (best recall at each precision):")
    for name, scores in rows.items():
        print(f"    {name:<{width}} {curve(prepared, scores)}")


def out_of_fold(
    prepared: list[facts.Prepared], rows: Rows, c: float, products: bool = False, scale: bool = True
) -> list[np.ndarray]:
    """Each triplet's decision values from a logistic model fitted on the other folds (folds among `prepared`);
    the vector products are left unscaled (their scale is the cosine's, standardising them lifts noise dimensions)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    result: list[np.ndarray] = [np.zeros(0)] * len(prepared)
    for k in sorted({facts.fold(p.triplet.key) for p in prepared}):
        train = [p for p in prepared if facts.fold(p.triplet.key) != k]
        x = np.concatenate([rows(p) for p in train])
        y = np.concatenate([p.labels[labelled(p)] for p in train])
        steps = [StandardScaler()] if scale else []
        steps += [PolynomialFeatures(2, include_bias=False)] if products else []
        model = make_pipeline(*steps, LogisticRegression(C=c, max_iter=5000)).fit(x, y)
        for i, p in enumerate(prepared):
            if facts.fold(p.triplet.key) == k:
                result[i] = model.decision_function(rows(p))
    return result


def shipped_form(extra: Callable[[facts.Prepared], np.ndarray] | None = None) -> Rows:
    """Rows as the shipped model reads them: FEATURES, and the products of every two CROSSED signals; an extra
    signal (a column per labelled pair) counts alone and through its products with CROSSED."""
    index = [pairs.FEATURES.index(name) for name in pairs.CROSSED]

    def rows(p: facts.Prepared) -> np.ndarray:
        base = p.feats[labelled(p)]
        crossed = base[:, index]
        if extra is not None:
            crossed = np.hstack([crossed, extra(p)[:, None]])
        k = crossed.shape[1]
        products = [crossed[:, a] * crossed[:, b] for a in range(k) for b in range(a, k)]
        columns = [base[:, 1:], np.stack(products, axis=1)]
        if extra is not None:
            columns.insert(1, extra(p)[:, None])
        return np.hstack(columns)

    return rows


def clause_rows(prepared: list[facts.Prepared]) -> dict[str, list[np.ndarray]]:
    """Each clause signal added to the linear model and to the shipped form, out of fold; prints its cost."""
    signals_by_key: dict[str, dict[str, np.ndarray]] = {}
    units = sentences = 0
    seconds = 0.0
    for p in prepared:
        infos = [p.triplet.texts[a].sentences[s] for a, s in p.nodes]
        found = facts_clauses.clause_signals(infos, [a for a, _ in p.nodes])
        signals_by_key[p.triplet.key] = found.matrices
        units += found.units
        sentences += len(infos)
        seconds += found.seconds
    print(
        f"  clause units: {units / max(sentences, 1):.2f} per sentence ({units - sentences} encoder inputs beyond the "
        f"sentences); clause signals {1000 * seconds / max(sentences, 1):.2f} ms CPU per sentence"
    )
    result: dict[str, list[np.ndarray]] = {}
    for name in next(iter(signals_by_key.values())):

        def column(p: facts.Prepared, name: str = name) -> np.ndarray:
            return signals_by_key[p.triplet.key][name][labelled(p)]

        def linear_rows(p: facts.Prepared, column: Callable = column) -> np.ndarray:
            return np.hstack([p.feats[labelled(p)][:, 1:], column(p)[:, None]])

        result[f"{name} alone"] = [column(p) for p in prepared]
        result[f"linear + {name}"] = out_of_fold(prepared, linear_rows, 1.0)
        result[f"shipped form + {name}"] = out_of_fold(prepared, shipped_form(column), facts.PENALTY)
    return result


def neighbour_support(p: facts.Prepared, signal: str, combine: str = "max") -> np.ndarray:
    """How well the sentences around a pair match each other, by one pair signal: the larger of the pair before
    (each sentence's predecessor in its article) and the pair after, or their sum. Outlets tell a story in much
    the same order, so a pair whose neighbours state one proposition may state one too, in other words."""
    if signal == "similarity":
        column = 0.5 * (p.feats[:, :, pairs.FEATURES.index("overlap")] + p.feats[:, :, pairs.FEATURES.index("cosine")])
    else:
        column = p.feats[:, :, pairs.FEATURES.index(signal)]
    articles = np.array([a for a, _ in p.nodes])
    n = len(articles)
    before = np.zeros((n, n))
    after = np.zeros((n, n))
    has_prev = np.r_[False, articles[1:] == articles[:-1]]
    has_next = np.r_[articles[:-1] == articles[1:], False]
    prev, nxt = np.arange(n) - 1, np.arange(n) + 1
    ok = has_prev[:, None] & has_prev[None, :]
    before[ok] = column[np.ix_(prev.clip(0), prev.clip(0))][ok]
    ok = has_next[:, None] & has_next[None, :]
    after[ok] = column[np.ix_(nxt.clip(max=n - 1), nxt.clip(max=n - 1))][ok]
    joined = np.maximum(before, after) if combine == "max" else before + after
    return joined[labelled(p)]


def neighbour_rows(prepared: list[facts.Prepared]) -> dict[str, list[np.ndarray]]:
    """Each neighbour signal added to the shipped form (alone and through its products), out of fold."""
    result: dict[str, list[np.ndarray]] = {}
    for signal, combine in VARIANTS:

        def column(p: facts.Prepared, signal: str = signal, combine: str = combine) -> np.ndarray:
            return neighbour_support(p, signal, combine)

        name = f"shipped form + neighbours' {signal} {combine}"
        result[name] = out_of_fold(prepared, shipped_form(column), facts.PENALTY)
    return result


# Gradient-boosted trees over the same signals, each similarity constrained to raise the score (`--models`): what a
# more flexible model than the shipped products, or a monotone one, makes of them.
MONOTONE = {
    "overlap": 1, "cosine": 1, "numbers": 1, "best_match": 1, "margin": 1, "short": 0, "soft": 1, "clause_soft": 1,
    "context": 1, "names_missing": -1, "rank": 1, "speakers_differ": -1, "doers_differ": -1,
}  # fmt: skip
TREES = (
    {"max_iter": 100, "learning_rate": 0.1, "max_leaf_nodes": 15},
    {"max_iter": 200, "learning_rate": 0.05, "max_leaf_nodes": 7, "min_samples_leaf": 100},
)


def boosted_out_of_fold(prepared: list[facts.Prepared], monotone: bool, settings: dict) -> list[np.ndarray]:
    """Each triplet's scores from gradient-boosted trees fitted on the other folds."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    constraints = [MONOTONE[name] for name in pairs.FEATURES[1:]] if monotone else None
    result: list[np.ndarray] = [np.zeros(0)] * len(prepared)
    for k in sorted({facts.fold(p.triplet.key) for p in prepared}):
        train = [p for p in prepared if facts.fold(p.triplet.key) != k]
        x = np.concatenate([p.feats[labelled(p)][:, 1:] for p in train])
        y = np.concatenate([p.labels[labelled(p)] for p in train])
        model = HistGradientBoostingClassifier(monotonic_cst=constraints, random_state=0, **settings).fit(x, y)
        for i, p in enumerate(prepared):
            if facts.fold(p.triplet.key) == k:
                result[i] = model.decision_function(p.feats[labelled(p)][:, 1:])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clauses", action="store_true", help="the clause signals (issue 14), not the vector rows")
    parser.add_argument("--neighbours", action="store_true", help="how well each pair's neighbours match (issue 14)")
    parser.add_argument("--models", action="store_true", help="the shipped form against gradient-boosted trees")
    args = parser.parse_args()
    started = time.perf_counter()
    prepared = [facts.prepare(t) for t in facts.triplets()]
    if args.models:
        print(f"basil-facts: {len(prepared)} triplets prepared in {time.perf_counter() - started:.1f} s")
        rows = {
            "shipped form (CROSSED products)": out_of_fold(prepared, shipped_form(), facts.PENALTY),
            "linear pair model": out_of_fold(prepared, lambda p: p.feats[labelled(p)][:, 1:], 1.0),
        }
        for settings in TREES:
            size = f"{settings['max_iter']} trees of {settings['max_leaf_nodes']} leaves"
            rows[f"boosted, monotone, {size}"] = boosted_out_of_fold(prepared, True, settings)
            rows[f"boosted, free, {size}"] = boosted_out_of_fold(prepared, False, settings)
        print_rows(prepared, rows)
        return
    if args.neighbours:
        print(f"basil-facts: {len(prepared)} triplets prepared in {time.perf_counter() - started:.1f} s")
        rows = {
            "shipped form (CROSSED products)": out_of_fold(prepared, shipped_form(), facts.PENALTY),
            **neighbour_rows(prepared),
        }
        print_rows(prepared, rows)
        return
    if args.clauses:
        print(f"basil-facts: {len(prepared)} triplets prepared in {time.perf_counter() - started:.1f} s")

        def base(p: facts.Prepared) -> np.ndarray:
            return p.feats[labelled(p)][:, 1:]

        rows = {
            "linear pair model": out_of_fold(prepared, base, 1.0),
            "with products of signals": out_of_fold(prepared, base, PRODUCTS_C, products=True),
            "shipped form (CROSSED products)": out_of_fold(prepared, shipped_form(), facts.PENALTY),
            **clause_rows(prepared),
        }
        print_rows(prepared, rows)
        return
    vectors = {p.triplet.key: centred_vectors(p) for p in prepared}
    print(f"basil-facts: {len(prepared)} triplets prepared in {time.perf_counter() - started:.1f} s")

    def signals(p: facts.Prepared) -> np.ndarray:
        return p.feats[labelled(p)][:, 1:]

    def similarity_rows(p: facts.Prepared) -> np.ndarray:
        i, j = labelled(p)
        u, v = vectors[p.triplet.key][i], vectors[p.triplet.key][j]
        return np.hstack([u * v, np.abs(u - v)])

    rows = {
        "linear pair model": out_of_fold(prepared, signals, 1.0),
        "with products of signals": out_of_fold(prepared, signals, PRODUCTS_C, products=True),
        "centred contextual cosine": [
            (vectors[p.triplet.key] @ vectors[p.triplet.key].T)[labelled(p)] for p in prepared
        ],
        "learned similarity alone": out_of_fold(prepared, similarity_rows, SIMILARITY_C, scale=False),
    }
    outer = rows["learned similarity alone"]  # each triplet's score from a similarity fitted without its fold
    stacked: list[np.ndarray] = [np.zeros(0)] * len(prepared)
    for k in range(facts.FOLDS):
        train = [i for i, p in enumerate(prepared) if facts.fold(p.triplet.key) != k]
        inner = out_of_fold([prepared[i] for i in train], similarity_rows, SIMILARITY_C, scale=False)
        column = {prepared[i].triplet.key: score for i, score in zip(train, inner, strict=True)}
        column |= {p.triplet.key: outer[i] for i, p in enumerate(prepared) if facts.fold(p.triplet.key) == k}

        def stack_rows(p: facts.Prepared, column: dict[str, np.ndarray] = column) -> np.ndarray:
            return np.hstack([signals(p), column[p.triplet.key][:, None]])

        # Folds other than k are scored by models that saw fold k's outer scores; only fold k's are kept.
        for i, score in enumerate(out_of_fold(prepared, stack_rows, 1.0)):
            if facts.fold(prepared[i].triplet.key) == k:
                stacked[i] = score
    rows["linear + stacked learned similarity"] = stacked
    print_rows(prepared, rows, width=36)


if __name__ == "__main__":
    main()
