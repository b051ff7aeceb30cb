"""Shared facts and conflicts against hand-annotated BASIL coverage (../shared/datasets/basil-facts).

    python -m benchmarks.facts            # cross-validated figures, beside the TF-IDF pair baseline
    python -m benchmarks.facts --fit      # refit the pair model on all dev triplets, write compare/data/fact_pairs.json

Every figure is cross-validated by triplet (5 folds by a hash of the triplet id): the pair model is fitted on the
other folds' triplets and the fold's reports are made with it, then all reports are scored together by the
dataset's own scorer (score.py beside the gold: pairs of sentences in one shared or conflict fact, facts found,
conflicts found and right). The shipped model (fitted on all dev triplets) is also scored, marked "in-sample".
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib.util
import json
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from types import ModuleType

import numpy as np

from benchmarks.datasets import SHARED, make_article
from manysides.compare import pairs, unique
from manysides.compare.facts import states_something
from manysides.present.briefing import Briefing, stands_alone
from manysides.records.report import Report
from manysides.understand import ArticleText, analyse_many

GOLD = SHARED / "datasets" / "basil-facts"
BASIL = SHARED / "datasets" / "basil" / "articles"
LETTER = {"fox": "F", "nyt": "N", "hpo": "H"}
FOLDS = 5
PENALTY = 0.1  # inverse L2 penalty of the pair model on standardised terms (about a hundred on 36 triplets)
PRECISION = 0.80  # pair precision the fact bar keeps on fitting data (the 0.85 / 0.80 / 0.75 trade-off: CHANGELOG)
UNIQUE_RECALL = 0.5
CONFLICT_SLACK = 0.0
LOOSE_PRECISION = 0.60  # pair precision of the bar for conflict checks that carry their own evidence of one matter
SURE = 0.85
UNIQUE_PRECISION = 0.70  # share of training sentences shown as unique that no other outlet states
UNIQUE_TARGETS = (0.70, 0.75, 0.80)  # the trade-off the benchmark prints
DATA_FILE = Path(__file__).resolve().parents[1] / "src" / "manysides" / "compare" / "data" / "fact_pairs.json"
_TOKEN = re.compile(r"\w+")


def scorer() -> ModuleType:
    """The dataset's own scorer, loaded in place (never copied)."""
    spec = importlib.util.spec_from_file_location("basil_facts_score", GOLD / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fold(key: str) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % FOLDS


@dataclass
class Triplet:
    """One annotated triplet: its three understood articles, gold facts and conflicts, sentence texts by id."""

    key: str
    texts: list[ArticleText]
    letters: list[str]
    gold: dict
    sentences: dict[str, str]


def triplets(limit: int | None = None) -> list[Triplet]:
    result = []
    for path in sorted(GOLD.glob("*.gold.json"))[:limit]:
        key = path.name.removesuffix(".gold.json")
        articles, letters = [], []
        for file in sorted(BASIL.glob(f"*/{key}_*.json")):
            data = json.loads(file.read_text(encoding="utf-8"))
            body = "\n\n".join(" ".join(p) for p in data["body-paragraphs"])
            source = (data.get("source") or "").lower()
            articles.append(
                make_article(file.stem, body, outlet=source, title=data.get("title"), published=data.get("date"))
            )
            letters.append(LETTER[source])
        gold = json.loads(path.read_text(encoding="utf-8"))
        sentences = json.loads((GOLD / f"{key}.sentences.json").read_text(encoding="utf-8"))
        result.append(Triplet(key, analyse_many(articles), letters, gold, sentences))
    return result


def _mapper(triplet: Triplet) -> Callable[[str, str], set[str]]:
    return scorer().mapper(triplet.sentences)


@dataclass
class Prepared:
    """A triplet's candidate sentences, their pair features and gold labels (None: sentence maps to no gold)."""

    triplet: Triplet
    nodes: list[tuple[int, int]]  # (article, sentence index)
    feats: np.ndarray
    labels: np.ndarray  # (n, n) 1 same fact, 0 not, -1 unknown or same outlet
    alone: np.ndarray  # (n,) 1 in no gold fact, 0 in one, -1 unknown or never shown as a fact
    terms: list[set[str]]

    def letters(self) -> list[str]:
        """Each node's outlet."""
        return [self.triplet.letters[a] for a, _ in self.nodes]


def prepare(triplet: Triplet) -> Prepared:
    to_ids = _mapper(triplet)
    nodes, infos, ids = [], [], []
    for a, text in enumerate(triplet.texts):
        for s in text.sentences:
            nodes.append((a, s.index))
            infos.append(s)
            ids.append(to_ids(triplet.letters[a], s.text))
    feats = pairs.pair_features(infos, [a for a, _ in nodes])
    fact_sets = [set(f["sentences"]) for f in triplet.gold["facts"]]
    n = len(nodes)
    labels = np.full((n, n), -1, dtype=np.int8)
    for i, j in combinations(range(n), 2):
        if nodes[i][0] == nodes[j][0] or not ids[i] or not ids[j]:
            continue
        same = any(ids[i] & f and ids[j] & f for f in fact_sets)
        labels[i, j] = labels[j, i] = int(same)
    in_facts = set().union(*fact_sets)
    alone = np.array(
        [int(not x & in_facts) if x and states_something(s) else -1 for x, s in zip(ids, infos, strict=True)]
    )
    return Prepared(triplet, nodes, feats, labels, alone, [pairs.terms(s) for s in infos])


def pair_scores(p: Prepared, weights: np.ndarray) -> pairs.PairScores:
    """The triplet's pair scores as the engine makes them (every sentence a node, one outlet per article)."""
    sources = [p.triplet.letters[a] for a, _ in p.nodes]
    prob = pairs.pair_probabilities(p.feats, weights)
    prob = np.where(np.equal.outer(np.array(sources), np.array(sources)), 0.0, prob)
    nodes = [pairs.Node(a, p.triplet.texts[a].sentences[s], k) for k, (a, s) in enumerate(p.nodes)]
    return pairs.PairScores(nodes, prob, p.triplet.letters, p.feats, p.terms)


def unique_rows(prepared: list[Prepared], model: pairs.PairModel) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The unique model's features of every sentence that could be shown, whether it is in no gold fact, and
    whether the report would show it without the unique model (in no clique, not close to another outlet's:
    `facts.not_unique`)."""
    from manysides.compare.facts import cliques, not_unique

    model = dataclasses.replace(model, unique=None)
    xs, ys, shown = [], [], []
    for p in prepared:
        scores = pair_scores(p, model.weights)
        rows = unique.unique_features([n.sentence for n in scores.nodes], p.letters(), scores.prob, p.feats, p.terms)
        hidden = not_unique(p.triplet.texts, scores, model)
        hidden |= {(n.article, n.sentence.index) for g in cliques(scores, model.threshold) for n in g}
        keep = p.alone >= 0
        xs.append(rows[keep])
        ys.append(p.alone[keep])
        shown.append(np.array([node not in hidden for node in p.nodes])[keep])
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(shown)


def unique_bar(weights: np.ndarray, rows: tuple[np.ndarray, np.ndarray, np.ndarray], target: float) -> float:
    """The lowest probability at which the sentences shown as unique keep `target` precision on these rows."""
    x, y, candidate = rows
    scores = unique.unique_probabilities(x[candidate], unique.UniqueModel(weights, 0.0))
    order = np.argsort(-scores, kind="stable")
    precision = np.cumsum(y[candidate][order]) / np.arange(1, int(candidate.sum()) + 1)
    kept = np.flatnonzero(precision >= target)
    return round(float(scores[order][kept.max()]), 4) if len(kept) else 1.0


def fit_unique(prepared: list[Prepared], model: pairs.PairModel) -> unique.UniqueModel:
    """The unique model on these triplets (every sentence that could be shown), with its bar at UNIQUE_PRECISION."""
    from sklearn.linear_model import LogisticRegression

    rows = unique_rows(prepared, model)
    fitted = LogisticRegression(C=1.0, max_iter=3000).fit(rows[0][:, 1:], rows[1])
    weights = np.concatenate([fitted.intercept_, fitted.coef_[0]])
    return unique.UniqueModel(weights, unique_bar(weights, rows, UNIQUE_PRECISION))


def unique_tradeoff(prepared: list[Prepared], models: list[pairs.PairModel]) -> str:
    """How many sentences would be shown as unique, and how many rightly, at other precision targets for the bar
    (cross-validated at the sentence level: bars fitted on the other folds)."""
    cells = []
    for target in UNIQUE_TARGETS:
        right = total = 0
        for k in range(FOLDS):
            inside = [i for i, p in enumerate(prepared) if fold(p.triplet.key) == k]
            if not inside:
                continue
            model = models[inside[0]]
            assert model.unique is not None
            train = unique_rows([p for p in prepared if fold(p.triplet.key) != k], model)
            bar = unique_bar(model.unique.weights, train, target)
            x, y, candidate = unique_rows([prepared[i] for i in inside], model)
            shown = candidate & (unique.unique_probabilities(x, model.unique) >= bar)
            right += int(y[shown].sum())
            total += int(shown.sum())
        cells.append(f"target {target:.2f}: {right / max(total, 1):.2f} of {total}")
    return "  unique facts at other bars (sentences, cross-validated): " + " | ".join(cells)


def training_rows(prepared: list[Prepared]) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for p in prepared:
        i, j = np.nonzero(np.triu(p.labels >= 0, 1))
        xs.append(p.feats[i, j])
        ys.append(p.labels[i, j])
    return np.concatenate(xs), np.concatenate(ys)


def fit_weights(prepared: list[Prepared], c: float = PENALTY) -> np.ndarray:
    """Logistic weights over pairs.TERMS: fitted on standardised terms (the products' scales differ widely, and
    one penalty should weigh them alike), then folded back so the engine applies them to the raw terms."""
    from sklearn.linear_model import LogisticRegression

    x, y = training_rows(prepared)
    terms = pairs.expand(x)[:, 1:]
    mean, scale = terms.mean(axis=0), terms.std(axis=0) + 1e-9
    model = LogisticRegression(C=c, max_iter=5000).fit((terms - mean) / scale, y)
    coef = model.coef_[0] / scale
    return np.concatenate([[model.intercept_[0] - float(coef @ mean)], coef])


def out_of_fold(prepared: list[Prepared]) -> list[np.ndarray]:
    """Each triplet's pair probabilities from weights fitted on the other folds among `prepared`."""
    probs: list[np.ndarray] = [np.zeros(0)] * len(prepared)
    for k in sorted({fold(p.triplet.key) for p in prepared}):
        weights = fit_weights([p for p in prepared if fold(p.triplet.key) != k])
        for i, p in enumerate(prepared):
            if fold(p.triplet.key) == k:
                probs[i] = pairs.pair_probabilities(p.feats, weights)
    return probs


def pair_pr(prepared: list[Prepared], probs: list[np.ndarray], threshold: float) -> tuple[float, float]:
    tp = fp = fn = 0
    for p, prob in zip(prepared, probs, strict=True):
        mask = np.triu(p.labels >= 0, 1)
        predicted = (prob >= threshold) & mask
        gold = (p.labels == 1) & mask
        tp += int((predicted & gold).sum())
        fp += int((predicted & ~gold).sum())
        fn += int((gold & ~predicted).sum())
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def choose_bars(prepared: list[Prepared]) -> dict[str, float]:
    """Bars on pair probability, chosen on the fitting triplets' out-of-fold probabilities (a model scores the
    pairs it was fitted on too well, so a bar chosen on them comes out too low): the fact bar is the lowest that
    keeps pair precision at PRECISION; a sentence is not "unique" when it pairs above the bar that recalls
    UNIQUE_RECALL of the gold pairs; conflicts are checked from the fact bar down by CONFLICT_SLACK, and checks that
    carry their own evidence of one matter from the lowest bar that keeps pair precision at LOOSE_PRECISION."""
    probs = out_of_fold(prepared)
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    scored = [(float(t), *pair_pr(prepared, probs, float(t))) for t in grid]
    fact = min((t for t, p, _ in scored if p >= PRECISION), default=0.9)
    loose = min((t for t, p, _ in scored if p >= LOOSE_PRECISION), default=0.3)
    unique = max((t for t, _, r in scored if r >= UNIQUE_RECALL), default=0.1)
    return {
        "fact": fact,
        "conflict": round(fact - CONFLICT_SLACK, 2),
        "loose_conflict": loose,
        "unique": unique,
        "sure": max(SURE, fact),
    }


def fitted_model(prepared: list[Prepared]) -> pairs.PairModel:
    weights = fit_weights(prepared)
    bars = choose_bars(prepared)
    model = pairs.PairModel.from_bars(weights, bars)
    return dataclasses.replace(model, unique=fit_unique(prepared, model))


def cross_validated(prepared: list[Prepared]) -> tuple[list[np.ndarray], list[pairs.PairModel]]:
    """Out-of-fold pair probabilities, and for each triplet the model fitted without its fold."""
    probs: list[np.ndarray] = [np.zeros(0)] * len(prepared)
    by_fold: dict[int, pairs.PairModel] = {}
    for k in range(FOLDS):
        by_fold[k] = fitted_model([p for p in prepared if fold(p.triplet.key) != k])
        for i, p in enumerate(prepared):
            if fold(p.triplet.key) == k:
                probs[i] = pairs.pair_probabilities(p.feats, by_fold[k].weights)
    return probs, [by_fold[fold(p.triplet.key)] for p in prepared]


def tfidf_baseline(prepared: list[Prepared]) -> list[np.ndarray]:
    """Plain TF-IDF cosine over each triplet's sentences (the issue's reference)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    result = []
    for p in prepared:
        texts = [p.triplet.texts[a].sentences[s].text for a, s in p.nodes]
        matrix = TfidfVectorizer().fit_transform(texts)
        result.append((matrix @ matrix.T).toarray())
    return result


def score_reports(triplets_: list[Triplet], reports: dict[str, Report]) -> dict:
    """The dataset's scorer over reports written to a temporary folder, as `compare --format json` writes them."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        with (root / "articles.jsonl").open("w", encoding="utf-8") as out:
            for t in triplets_:
                for text in t.texts:
                    out.write(json.dumps({"id": text.article.id, "outlet": text.article.outlet}) + "\n")
        (root / "reports").mkdir()
        for key, report in reports.items():
            (root / "reports" / f"{key}.json").write_text(report.model_dump_json(), encoding="utf-8")
        gold = root / "gold"
        gold.mkdir()
        for t in triplets_:
            for suffix in ("gold", "sentences"):
                name = f"{t.key}.{suffix}.json"
                (gold / name).write_bytes((GOLD / name).read_bytes())
        return scorer().score(str(gold), str(root / "articles.jsonl"), str(root / "reports"))


def _row(name: str, s: dict) -> str:
    return (
        f"  {name:<34} facts P {s['facts_P']:.3f} R {s['facts_R']:.3f} found {s['fact_recall']:.0%}"
        f" | conflicts found {s['conflict_recall'] or 0:.2f} right {s['conflict_precision'] or 0:.2f}"
        f" ({s['conflicts_reported']} reported, {s['conflicts_gold']} gold)"
    )


def reports_with(triplets_: list[Triplet], models: list[pairs.PairModel] | None) -> dict[str, Report]:
    from manysides.compare.engine import compare_texts

    reports = {}
    for k, t in enumerate(triplets_):
        with pairs.model_override(None if models is None else models[k]):
            reports[t.key] = compare_texts(t.texts)
    return reports


def unique_precision(triplets_: list[Triplet], reports: dict[str, Report]) -> tuple[float, int]:
    """Share of reported unique facts whose sentence is in no gold fact (the annotation is exhaustive)."""
    right = total = 0
    for t in triplets_:
        to_ids = _mapper(t)
        in_facts = {sid for f in t.gold["facts"] for sid in f["sentences"]}
        letters = {text.article.id: letter for text, letter in zip(t.texts, t.letters, strict=True)}
        for fact in reports[t.key].facts:
            if fact.kind == "unique":
                ids = to_ids(letters[fact.statements[0].article], fact.statements[0].text)
                if ids:
                    total += 1
                    right += not (ids & in_facts)
    return right / max(total, 1), total


def telling_precision(triplets_: list[Triplet], reports: dict[str, Report]) -> tuple[float, int, float]:
    """Share of the lines the briefing shows first as what only one outlet reports (its "most telling", a few per
    outlet) whose sentence is in no gold fact: what an editor reads at the top of the report; with how many lines
    there are, and the share of them that stand alone (`briefing.stands_alone`: no fragment, no "she said")."""
    right = total = alone = 0
    for t in triplets_:
        to_ids = _mapper(t)
        in_facts = {sid for f in t.gold["facts"] for sid in f["sentences"]}
        letters = {text.article.id: letter for text, letter in zip(t.texts, t.letters, strict=True)}
        for outlet in Briefing.of(reports[t.key]).outlets():
            for line in outlet.telling:
                ids = to_ids(letters[line.article], line.text)
                if ids:
                    total += 1
                    right += not (ids & in_facts)
                    alone += stands_alone(line)
    return right / max(total, 1), total, alone / max(total, 1)


def related_precision(triplets_: list[Triplet], reports: dict[str, Report]) -> tuple[float, int]:
    """Share of reported close pairs ("related": placed in no fact, shown to check by eye) whose two sentences
    share a gold fact."""
    right = total = 0
    for t in triplets_:
        to_ids = _mapper(t)
        gold = [set(f["sentences"]) for f in t.gold["facts"]]
        letters = {text.article.id: letter for text, letter in zip(t.texts, t.letters, strict=True)}
        for fact in reports[t.key].facts:
            if fact.kind == "related":
                a, b = (to_ids(letters[s.article], s.text) for s in fact.statements)
                if a and b:
                    total += 1
                    right += any(a & g and b & g for g in gold)
    return right / max(total, 1), total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit the pair model on all dev triplets and save it")
    parser.add_argument("--limit", type=int, help="only the first N triplets (quick runs)")
    args = parser.parse_args()
    started = time.perf_counter()
    data = triplets(args.limit)
    prepared = [prepare(t) for t in data]
    _, y = training_rows(prepared)
    print(
        f"basil-facts: {len(data)} triplets analysed in {time.perf_counter() - started:.1f} s; "
        f"{len(y)} labelled cross-outlet pairs, {int(y.sum())} in one gold fact"
    )
    probs, fold_models = cross_validated(prepared)
    baseline = tfidf_baseline(prepared)
    print("  pair level (before grouping), cross-validated by triplet:")
    for name, values in (("pair model", probs), ("TF-IDF cosine", baseline)):
        cells = []
        for precision_wanted in (0.9, 0.85, 0.75, 0.6):
            best = None
            for threshold in np.arange(0.05, 0.96, 0.01):
                p, r = pair_pr(prepared, values, float(threshold))
                if p >= precision_wanted and (best is None or r > best[1]):
                    best = (p, r, threshold)
            cells.append(f"P {best[0]:.2f} R {best[1]:.2f} @ {best[2]:.2f}" if best else "-")
        print(f"    {name:<14} " + " | ".join(cells))
    if args.fit:
        model = fitted_model(prepared)
        bars = {
            "fact": model.threshold,
            "conflict": model.conflict_bar,
            "loose_conflict": model.loose_bar,
            "unique": model.unique_bar,
            "sure": model.sure_bar,
        }
        assert model.unique is not None
        DATA_FILE.write_text(
            json.dumps(
                {
                    "fitted_on": f"basil-facts dev triplets ({len(data)}): python -m benchmarks.facts --fit",
                    "weights": dict(zip(pairs.TERMS, np.round(model.weights, 4).tolist(), strict=True)),
                    "bars": bars,
                    "unique_model": {
                        "weights": dict(
                            zip(unique.UNIQUE_FEATURES, np.round(model.unique.weights, 4).tolist(), strict=True)
                        ),
                        "bar": model.unique.bar,
                    },
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
        pairs.shipped_model.cache_clear()
        print(f"  wrote {DATA_FILE}: bars {bars}")
    print("  reports (the dataset's scorer):")
    for name, models in (("ManySides, cross-validated", fold_models), ("shipped model (in-sample)", None)):
        reports = reports_with(data, models)
        share, count = unique_precision(data, reports)
        close, pairs_shown = related_precision(data, reports)
        telling, lines, alone = telling_precision(data, reports)
        print(
            _row(name, score_reports(data, reports))
            + f" | unique facts right {share:.2f} of {count} (the briefing's first lines {telling:.2f} of {lines},"
            + f" {alone:.2f} standing alone)"
            + f" | close pairs sharing a fact {close:.2f} of {pairs_shown}"
        )
    print(unique_tradeoff(prepared, fold_models))
    print("  references: TF-IDF pair threshold P 0.90 @ R 0.09, P 0.74 @ R 0.20, P 0.58 @ R 0.30;")
    print("              two annotators P 0.79 R 0.92 (F1 0.85); the report before this model P 0.32 R 0.29, 63% found")
    print("  targets: facts P >= 0.85 at R >= 0.50, >= 70% found; conflicts found >= 0.60, right >= 0.75")


if __name__ == "__main__":
    main()
