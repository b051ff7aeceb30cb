"""Fit the loaded-language model shipped in `manysides/compare/data/loaded_terms.json` from BASIL `lex` spans.

    python -m benchmarks.train_framing                  # fit on half A, report half B, write the data file
    python -m benchmarks.train_framing --train B        # the reverse split, to see that it transfers (no write)
    python -m benchmarks.train_framing --no-write       # fit and report only
    python -m benchmarks.train_framing --compare old pca8-s8-in --splits 3   # variants both ways, other halvings

Words: each content word of each sentence is one example, positive when it lies inside an annotated lex span.
Features are general (`lexicon.word_features`: VADER valence, rarity, part of speech and role, quote position,
curated-list hit, cue-list kind, superlative or intensified, and the word's wordllama vector on its first few
principal axes over the training words) so the model scores words it never saw, plus a small learned lexicon
(`build_lexicon`: frequency thresholds and smoothing, counted out-of-fold by triplet while fitting). Sentences: a
second logistic regression over `lexicon.sentence_features` (best out-of-fold word scores, cue counts, position,
length, quote share, the sentence vector on a few principal axes) predicts whether a sentence holds a lex span; a
flagged sentence counts only if it has a word the runtime would show (`pointable`). Its threshold, and the word
score a partial quote needs, are chosen for F1 on the training half, averaged over neighbouring thresholds, counting
what is shown anyway (labels, scare quotes, curated terms) as the benchmark does.

The whole 256-dimensional word and sentence vectors (the design before) gave some 540 weights that learn one
story's vocabulary; `--compare` fits each variant on each half and reports the other, so a design is chosen by its
held-out figure in both directions and over other halvings by triplet, not by its in-sample figure.
scikit-learn is used here only; the runtime reads the weights with numpy.
Only weights, projections, thresholds and the few lexicon words are written: no sentence or span text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from manysides.compare.framing import WORD_MIN
from manysides.compare.lexicon import SENTENCE_FEATURES, VECTOR_DIMS, WORD_FEATURES, emotive, project, sentence_features

CACHE = Path("/tmp/manysides_basil_framing.pkl")
OUT = Path(__file__).parents[1] / "src" / "manysides" / "compare" / "data" / "loaded_terms.json"
FOLDS = 5
LEXICON_MIN = 2
LEXICON_PRIOR = 20.0
LEXICON_MIN_LOG_ODDS = 2.25  # smoothed rate in spans at least ~9.5 times the average word's
DEFAULT = "pca8-s8-in"


@dataclass
class Sentence:
    """One of our sentences: the gold sentence it maps to, word features and labels, and sentence inputs."""

    gold: int | None
    words: np.ndarray
    labels: np.ndarray
    inputs: tuple[int, str, int, float]
    vector: np.ndarray
    lowers: list[str]  # the candidate words, lower-cased, for the learned lexicon
    forced: bool  # a label, unattributed scare quote or curated loaded term is shown whatever the model says
    quotes: list[list[int]]  # per partial quote of someone's words, its candidate words (positions in `words`)


@dataclass
class Doc:
    key: str
    half: str
    n_gold: int
    gold_lex: set[int]
    sentences: list[Sentence] = field(default_factory=list)


def _spans(sentence_text: str, spans: list[str]) -> list[tuple[int, int]]:
    """Character ranges of annotated spans inside one of our sentences."""
    ranges = []
    lowered = sentence_text.lower()
    for span in spans:
        core = span.strip().strip("\"'\u201c\u201d\u2018\u2019().,").strip()
        at = lowered.find(core.lower()) if core else -1
        if at >= 0:
            ranges.append((at, at + len(core)))
    return ranges


def extract() -> list[Doc]:
    """Analyse BASIL once through the runtime feature code; cached in /tmp because parsing takes a minute."""
    if CACHE.exists():
        return pickle.loads(CACHE.read_bytes())
    from benchmarks.compare import DATA, _find_sentence, basil_triplets, half, map_sentences
    from manysides.compare import framing
    from manysides.compare.embed import embed

    framing.loaded_model = lambda: {}  # the curated list only, as when a model is shipped
    spans_by_article: dict[str, dict[int, list[str]]] = {}
    root = DATA / "basil"
    for path in sorted((root / "annotations").glob("*/*_ann.json")):
        ann = json.loads(path.read_text(encoding="utf-8"))
        art = json.loads((root / "articles" / path.parent.name / path.name.replace("_ann", "")).read_text("utf-8"))
        sentences = [s for p in art["body-paragraphs"] for s in p]
        spans: dict[int, list[str]] = defaultdict(list)
        for phrase in ann.get("phrase-level-annotations", []):
            index = _find_sentence(phrase["txt"], sentences) if phrase.get("bias") == "lex" else None
            if index is not None:
                spans[index].append(phrase["txt"])
        spans_by_article[" ".join(sentences[:3])] = spans
    docs = []
    for triplet in basil_triplets():
        for text, gold, lex in zip(triplet.texts, triplet.gold_sentences, triplet.lex, strict=True):
            spans = spans_by_article.get(" ".join(gold[:3]), {})
            mapping, _ = map_sentences([s.text for s in text.sentences], gold)
            vectors = embed([s.text for s in text.sentences])
            doc = Doc(triplet.key, half(triplet.key), len(gold), set(lex))
            for sentence, g, (tokens, words), inputs, vector in zip(
                text.sentences, mapping, framing.word_rows(text), framing.sentence_inputs(text), vectors, strict=True
            ):
                ranges = _spans(sentence.text, spans.get(g, [])) if g is not None else []
                labels = np.array([any(s < t.idx + len(t.text) and t.idx < e for s, e in ranges) for t in tokens])
                partial = framing.quote_spans(sentence)
                forced = bool(
                    framing._appositions(text, sentence)
                    or framing._descriptors(text, sentence)
                    or any(i.type == "loaded_term" for i in framing._lexical(text, sentence))
                    or any(not attributed for _, _, attributed in partial)
                    or framing._scare_quotes(text, sentence, {})  # partial quotes with a curated word
                )
                quotes = [
                    [k for k, t in enumerate(tokens) if start < t.idx < end]
                    for start, end, attributed in partial
                    if attributed
                ]
                lowers = [t.lower_ for t in tokens]
                doc.sentences.append(Sentence(g, words, labels, inputs, vector, lowers, forced, quotes))
            docs.append(doc)
    CACHE.write_bytes(pickle.dumps(docs))
    return docs


def _fit(x: np.ndarray, y: np.ndarray, c: float, balanced: bool) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=4000, class_weight="balanced" if balanced else None).fit(x, y)


def build_lexicon(words: list[str], labels: np.ndarray, events: list[str]) -> dict[str, float]:
    """Words inside lex spans in at least LEXICON_MIN different events (triplets), so that one story's wording is
    not learnt: smoothed log-odds of lying in a span against the average word (LEXICON_PRIOR pseudo-counts at the
    base rate); common words that are in spans only as part of a phrase ("so far" vs "went too far") fall under
    LEXICON_MIN_LOG_ODDS."""
    base = max(float(labels.mean()), 1e-6)
    seen: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    spread: dict[str, set[str]] = defaultdict(set)
    for word, label, event in zip(words, labels, events, strict=True):
        seen[word][0] += int(label)
        seen[word][1] += 1
        if label:
            spread[word].add(event)
    odds = {
        word: round(float(np.log((hits + LEXICON_PRIOR * base) / (total + LEXICON_PRIOR) / base)), 3)
        for word, (hits, total) in sorted(seen.items())
        if len(spread[word]) >= LEXICON_MIN
    }
    return {word: value for word, value in odds.items() if value >= LEXICON_MIN_LOG_ODDS}


def word_inputs(docs: list[Doc], train: str, dims: int | None) -> tuple[list[np.ndarray], np.ndarray | None]:
    """Per sentence the word model's inputs: the scalar features with the 256-dimensional word vector kept whole
    (dims None), dropped (0) or projected on its first `dims` principal axes over the training half's words (the
    projection, mean in the last row, is returned for the runtime). Fewer dimensions, fewer story-specific weights."""
    rows = [s.words for d in docs for s in d.sentences]
    if dims is None:
        return rows, None
    if dims == 0:
        return [r[:, VECTOR_DIMS:] for r in rows], None
    train_rows = np.vstack([s.words[:, :VECTOR_DIMS] for d in docs if d.half == train for s in d.sentences])
    mean = train_rows.mean(axis=0)
    axes = np.linalg.svd(train_rows - mean, full_matrices=False)[2][:dims]
    projection = np.vstack([axes, mean])
    return [np.hstack([project(r[:, :VECTOR_DIMS], projection), r[:, VECTOR_DIMS:]]) for r in rows], projection


def folds(docs: list[Doc], train: str) -> list[int]:
    """Fold of each article of the training half by its triplet (-1 for the other half)."""
    return [int(hashlib.md5(d.key.encode()).hexdigest(), 16) % FOLDS if d.half == train else -1 for d in docs]


def word_scores(
    docs: list[Doc], train: str, c: float, inputs: list[np.ndarray], use_lexicon: bool = True
) -> tuple[list[list[np.ndarray]], LogisticRegression, dict[str, float]]:
    """Word scores per sentence: out-of-fold (by triplet) on the training half, from the full fit elsewhere. The
    lexicon column is out-of-fold too, so the model does not learn to trust a word for its own occurrences. Also
    returns the model fitted on the whole training half and its lexicon: the pair the runtime uses."""
    fold = folds(docs, train)
    x = np.vstack(inputs).copy()
    y = np.concatenate([s.labels for d in docs for s in d.sentences]).astype(bool)
    words = [w for d in docs for s in d.sentences for w in s.lowers]
    events = [d.key for d in docs for s in d.sentences for _ in s.lowers]
    owner = np.concatenate([np.full(len(s.labels), i) for i, d in enumerate(docs) for s in d.sentences])
    part = np.array(fold)[owner]
    lexicon: dict[str, float] = {}
    for k in [*range(FOLDS), -1]:
        source = (part >= 0) & (part != k)
        lexicon = (
            build_lexicon(
                [w for w, m in zip(words, source, strict=True) if m],
                y[source],
                [e for e, m in zip(events, source, strict=True) if m],
            )
            if use_lexicon
            else {}
        )
        target = part == k
        x[target, -1] = [lexicon.get(w, 0.0) for w, m in zip(words, target, strict=True) if m]
    scores = np.zeros(len(y))
    for k in [*range(FOLDS), -1]:
        fit = (part >= 0) & (part != k)
        apply = part == k
        model = _fit(x[fit], y[fit], c, True)
        scores[apply] = model.predict_proba(x[apply])[:, 1]
    out, at = [], 0
    for d in docs:
        rows = []
        for s in d.sentences:
            rows.append(scores[at : at + len(s.labels)])
            at += len(s.labels)
        out.append(rows)
    return out, model, lexicon


def sentence_matrix(docs: list[Doc], scores: list[list[np.ndarray]], vector: bool) -> np.ndarray:
    return np.array(
        [
            np.concatenate([sentence_features(*s.inputs, list(w), s.words), s.vector if vector else []])
            for d, ws in zip(docs, scores, strict=True)
            for s, w in zip(d.sentences, ws, strict=True)
        ]
    )


def pointable(docs: list[Doc], scores: list[list[np.ndarray]]) -> np.ndarray:
    """Per sentence whether it has a word the runtime would show if the sentence model flagged it: an emotive word
    (`lexicon.emotive`) scoring at least `framing.WORD_MIN`. Without one a flagged sentence shows nothing."""
    return np.array(
        [
            bool(len(w) and (emotive(s.words) & (w >= WORD_MIN)).any())
            for d, ws in zip(docs, scores, strict=True)
            for s, w in zip(d.sentences, ws, strict=True)
        ]
    )


def shown(docs: list[Doc], scores: list[list[np.ndarray]], quote_min: float) -> list[bool]:
    """Per sentence whether a label, scare quote, loaded partial quote or curated term is shown anyway."""
    return [
        s.forced or any(len(q) and max(w[q]) >= quote_min for q in s.quotes)
        for d, ws in zip(docs, scores, strict=True)
        for s, w in zip(d.sentences, ws, strict=True)
    ]


def f1(docs: list[Doc], flagged: list[bool], forced: list[bool]) -> tuple[float, float, float, float]:
    """Gold-sentence F1 (as benchmarks.compare scores lex) of forced items plus flagged sentences; items/article."""
    tp = fp = fn = 0
    at = 0
    for d in docs:
        predicted = set()
        for s in d.sentences:
            if (forced[at] or flagged[at]) and s.gold is not None:
                predicted.add(s.gold)
            at += 1
        tp += len(predicted & d.gold_lex)
        fp += len(predicted - d.gold_lex)
        fn += len(d.gold_lex - predicted)
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return 2 * tp / max(2 * tp + fp + fn, 1), p, r, (tp + fp) / max(len(docs), 1)


@dataclass
class Variant:
    """One design of the model: how much of the word vector it sees, how hard each part is regularised, whether the
    sentence vector and the learned lexicon are used, and whether the threshold is chosen out-of-fold."""

    name: str
    dims: int | None = 0
    word_c: float = 0.1
    sentence_c: float = 0.3
    sentence_vector: bool = False
    sentence_dims: int = 0
    lexicon: bool = True
    cv_threshold: bool = True
    window: int = 3


VARIANTS = {
    "old": Variant("old", dims=None, sentence_vector=True, cv_threshold=False, window=0),
    "old-w3": Variant("old-w3", dims=None, sentence_vector=True, cv_threshold=False),
    "old-cv": Variant("old-cv", dims=None, sentence_vector=True),
    "full-vec": Variant("full-vec", dims=None),
    "pca16": Variant("pca16", dims=16),
    "pca8": Variant("pca8", dims=8),
    "pca4": Variant("pca4", dims=4),
    "novec": Variant("novec", dims=0),
    "novec-c.01": Variant("novec-c.01", dims=0, word_c=0.01, sentence_c=0.03),
    "novec-c1": Variant("novec-c1", dims=0, word_c=1.0, sentence_c=1.0),
    "novec-nolex": Variant("novec-nolex", dims=0, lexicon=False),
    "novec-s8": Variant("novec-s8", dims=0, sentence_dims=8),
    "novec-s16": Variant("novec-s16", dims=0, sentence_dims=16),
    "pca8-s8": Variant("pca8-s8", dims=8, sentence_dims=8),
    "pca8-s8-in": Variant("pca8-s8-in", dims=8, sentence_dims=8, cv_threshold=False),
    "novec-in": Variant("novec-in", dims=0, cv_threshold=False),
    "pca8-s8-in-w5": Variant("pca8-s8-in-w5", dims=8, sentence_dims=8, cv_threshold=False, window=5),
    "pca8-s8-in-w0": Variant("pca8-s8-in-w0", dims=8, sentence_dims=8, cv_threshold=False, window=0),
    "pca8-s8-in-nolex": Variant("pca8-s8-in-nolex", dims=8, sentence_dims=8, cv_threshold=False, lexicon=False),
    "pca8-s8-in-c.03": Variant(
        "pca8-s8-in-c.03", dims=8, sentence_dims=8, cv_threshold=False, word_c=0.03, sentence_c=0.1
    ),
    "pca8-s8-in-c1": Variant("pca8-s8-in-c1", dims=8, sentence_dims=8, cv_threshold=False, word_c=1.0, sentence_c=1.0),
    "novec-s8-in": Variant("novec-s8-in", dims=0, sentence_dims=8, cv_threshold=False),
    "pca4-s4": Variant("pca4-s4", dims=4, sentence_dims=4),
    "pca8-s4": Variant("pca8-s4", dims=8, sentence_dims=4),
    "pca16-s16": Variant("pca16-s16", dims=16, sentence_dims=16),
    "pca8-s8-c.03": Variant("pca8-s8-c.03", dims=8, sentence_dims=8, word_c=0.03, sentence_c=0.1),
}


@dataclass
class Fitted:
    """What one variant fitted on one half gives: figures on each part and what the runtime needs."""

    figures: dict[str, tuple[float, float, float, float]]
    threshold: float
    quote_min: float
    word: LogisticRegression
    sentence: LogisticRegression
    lexicon: dict[str, float]
    projection: np.ndarray | None
    sentence_projection: np.ndarray | None


def choose(docs: list[Doc], prob: np.ndarray, scores: list[list[np.ndarray]], window: int) -> tuple[float, float]:
    """The sentence threshold and partial-quote word score with the best F1 on these articles, F1 averaged over
    `window` neighbouring thresholds each side: on a hundred articles the F1 curve is jagged, and its single highest
    point is mostly luck."""
    thresholds = np.round(np.arange(0.03, 0.62, 0.01), 2)
    best = (-1.0, 0.5, 1.01)
    for q in (0.5, 0.6, 0.7, 0.8, 0.9, 1.01):
        forced = shown(docs, scores, q)
        curve = np.array([f1(docs, list(prob >= t), forced)[0] for t in thresholds])
        for i in range(window, len(thresholds) - window):
            score = float(curve[i - window : i + window + 1].mean())
            if score > best[0]:
                best = (score, float(thresholds[i]), q)
    return best[1], best[2]


def fit_variant(docs: list[Doc], train: str, v: Variant) -> Fitted:
    """Fit a variant on one half. Word scores on the training half are out-of-fold by triplet; with `cv_threshold`
    so are its sentence probabilities, so the threshold is chosen on scores like those of unseen coverage rather
    than on the sentence model's own (overconfident) training fit."""
    inputs, projection = word_inputs(docs, train, v.dims)
    scores, word, lexicon = word_scores(docs, train, v.word_c, inputs, v.lexicon)
    x = sentence_matrix(docs, scores, v.sentence_vector)
    y = np.array([s.gold is not None and s.gold in d.gold_lex for d in docs for s in d.sentences])
    mask = np.array([d.half == train for d in docs for s in d.sentences])
    sentence_projection = None
    if v.sentence_dims:
        vectors = np.array([s.vector for d in docs for s in d.sentences])
        mean = vectors[mask].mean(axis=0)
        axes = np.linalg.svd(vectors[mask] - mean, full_matrices=False)[2][: v.sentence_dims]
        sentence_projection = np.vstack([axes, mean])
        x = np.hstack([x, project(vectors, sentence_projection)])
    part = np.array([f for f, d in zip(folds(docs, train), docs, strict=True) for _ in d.sentences])
    can = pointable(docs, scores)
    model = _fit(x[mask], y[mask], v.sentence_c, False)
    prob = np.where(can, model.predict_proba(x)[:, 1], 0.0)
    chosen = prob.copy()
    if v.cv_threshold:
        for k in range(FOLDS):
            rest = mask & (part != k)
            held = part == k
            fold_model = _fit(x[rest], y[rest], v.sentence_c, False)
            chosen[held] = np.where(can[held], fold_model.predict_proba(x[held])[:, 1], 0.0)
    train_docs = [d for d in docs if d.half == train]
    train_scores = [w for d, w in zip(docs, scores, strict=True) if d.half == train]
    threshold, quote_min = choose(train_docs, chosen[mask], train_scores, v.window)
    forced = np.array(shown(docs, scores, quote_min))
    figures = {}
    for name, m in (("train", mask), ("held", ~mask), ("all", mask | ~mask)):
        part_docs = [d for d in docs if (d.half == train) == (name == "train")] if name != "all" else docs
        figures[name] = f1(part_docs, list(prob[m] >= threshold), list(forced[m]))
    return Fitted(figures, threshold, quote_min, word, model, lexicon, projection, sentence_projection)


def _row(f: tuple[float, float, float, float]) -> str:
    return f"F1 {f[0]:.3f} (P {f[1]:.3f} R {f[2]:.3f}, {f[3]:.1f}/article)"


def resplit(docs: list[Doc], salt: int) -> list[Doc]:
    """The same articles split in other halves by triplet (salt 0: the benchmark's own halves)."""
    if salt == 0:
        return docs
    return [
        Doc(
            d.key,
            "AB"[int(hashlib.sha256(f"{salt}:{d.key}".encode()).hexdigest(), 16) % 2],
            d.n_gold,
            d.gold_lex,
            d.sentences,
        )
        for d in docs
    ]


def compare_variants(docs: list[Doc], names: list[str], splits: int) -> None:
    """Each variant fitted on A and on B: the held half's F1 both ways, their gap, and the in-sample figure; with
    more splits, also the mean and spread of the held F1 over other halvings by triplet (one split is noisy)."""
    print(f"  {'variant':12s} {'A->B held':>10s} {'B->A held':>10s} {'gap':>6s} {'A train':>8s} {'B train':>8s}")
    for name in names:
        held = []
        for salt in range(splits):
            split = resplit(docs, salt)
            a, b = fit_variant(split, "A", VARIANTS[name]), fit_variant(split, "B", VARIANTS[name])
            ha, hb = a.figures["held"][0], b.figures["held"][0]
            held += [ha, hb]
            print(
                f"  {name:12s} {ha:10.3f} {hb:10.3f} {abs(ha - hb):6.3f} {a.figures['train'][0]:8.3f}"
                f" {b.figures['train'][0]:8.3f}  thresholds {a.threshold:.2f}/{b.threshold:.2f}  split {salt}",
                flush=True,
            )
        if splits > 1:
            print(f"  {name:12s} held F1 over {len(held)} directions: mean {np.mean(held):.3f} sd {np.std(held):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", choices=["A", "B"], default="A")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--variant", choices=sorted(VARIANTS), default=DEFAULT)
    parser.add_argument("--compare", nargs="*", metavar="VARIANT", help="fit these variants both ways and compare")
    parser.add_argument("--splits", type=int, default=1, help="with --compare: halvings by triplet to average over")
    args = parser.parse_args()
    started = time.perf_counter()
    docs = extract()
    print(f"{len(docs)} articles in {time.perf_counter() - started:.1f} s")
    if args.compare is not None:
        compare_variants(docs, args.compare or sorted(VARIANTS), args.splits)
        return
    variant = VARIANTS[args.variant]
    fitted = fit_variant(docs, args.train, variant)
    for name, figures in fitted.figures.items():
        print(f"  {name:8s} lex {_row(figures)}")
    print(f"  variant {variant.name}, threshold {fitted.threshold:.2f}, quote_min {fitted.quote_min:.2f}")
    if args.no_write or args.train != "A":
        return
    write(fitted, variant)


def write(fitted: Fitted, variant: Variant) -> None:
    """The data file the runtime reads: named word and sentence weights, the vector projection, bars, lexicon."""
    word_names = [f"vector_{i}" for i in range(VECTOR_DIMS)] if variant.dims is None else []
    word_names += [f"vector_axis_{i}" for i in range(variant.dims or 0)]
    word_names += list(WORD_FEATURES)
    sentence_names = list(SENTENCE_FEATURES)
    sentence_names += [f"vector_{i}" for i in range(VECTOR_DIMS)] if variant.sentence_vector else []
    sentence_names += [f"vector_axis_{i}" for i in range(variant.sentence_dims)]
    data = {
        "about": f"Fitted by benchmarks/train_framing.py (variant {variant.name}) on BASIL half A lex spans.",
        "word": {
            "features": word_names,
            "weights": [round(float(w), 5) for w in fitted.word.coef_[0]],
            "bias": round(float(fitted.word.intercept_[0]), 5),
        },
        "sentence": {
            "features": sentence_names,
            "weights": [round(float(w), 5) for w in fitted.sentence.coef_[0]],
            "bias": round(float(fitted.sentence.intercept_[0]), 5),
        },
        "threshold": round(fitted.threshold, 3),
        "quote_min": round(fitted.quote_min, 3),
        "lexicon": fitted.lexicon,
    }
    for name, projection in (
        ("word_projection", fitted.projection),
        ("sentence_projection", fitted.sentence_projection),
    ):
        if projection is not None:
            data[name] = [[round(float(v), 5) for v in row] for row in projection]
    assert len(word_names) == len(data["word"]["weights"]) and len(sentence_names) == len(data["sentence"]["weights"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data) + "\n", encoding="utf-8")
    print(f"  wrote {OUT}")


if __name__ == "__main__":
    main()
