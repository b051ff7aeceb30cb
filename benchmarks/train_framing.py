"""Fit the loaded-language model shipped in `manysides/compare/data/loaded_terms.json` from BASIL `lex` spans.

    python -m benchmarks.train_framing                  # fit on half A, report half B, write the data file
    python -m benchmarks.train_framing --train B        # the reverse split, to see that it transfers (no write)
    python -m benchmarks.train_framing --no-write       # fit and report only

Words: each content word of each sentence is one example, positive when it lies inside an annotated lex span.
Features are general (`lexicon.word_features`: the word's wordllama vector, VADER valence, rarity, part of speech
and role, quote position, curated-list hit, cue-list kind, superlative or intensified) so the model scores words it
never saw, plus a small learned lexicon
(`build_lexicon`: frequency thresholds and smoothing, counted out-of-fold by triplet while fitting). Sentences: a
second logistic regression over `lexicon.sentence_features` (best out-of-fold word scores, cue counts, position,
length, quote share, the sentence vector) predicts whether a sentence holds a lex span; a flagged sentence counts
only if it has a word the runtime would show (`pointable`). Its threshold, and the word score a partial quote needs,
are chosen for F1 on the training half, counting what is shown anyway (labels, scare quotes, curated terms) as the
benchmark does. scikit-learn is used here only; the runtime reads the weights with numpy.
Only weights, thresholds and the few lexicon words are written: no sentence or span text.
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
from manysides.compare.lexicon import emotive, sentence_features

CACHE = Path("/tmp/manysides_basil_framing.pkl")
OUT = Path(__file__).parents[1] / "src" / "manysides" / "compare" / "data" / "loaded_terms.json"
FOLDS = 5
LEXICON_MIN = 2
LEXICON_PRIOR = 20.0
LEXICON_MIN_LOG_ODDS = 2.25  # smoothed rate in spans at least ~9.5 times the average word's


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


def word_scores(
    docs: list[Doc], train: str, c: float
) -> tuple[list[list[np.ndarray]], LogisticRegression, dict[str, float]]:
    """Word scores per sentence: out-of-fold (by triplet) on the training half, from the full fit elsewhere. The
    lexicon column is out-of-fold too, so the model does not learn to trust a word for its own occurrences. Also
    returns the model fitted on the whole training half and its lexicon: the pair the runtime uses."""
    fold = [int(hashlib.md5(d.key.encode()).hexdigest(), 16) % FOLDS if d.half == train else -1 for d in docs]
    x = np.vstack([s.words for d in docs for s in d.sentences])
    y = np.concatenate([s.labels for d in docs for s in d.sentences]).astype(bool)
    words = [w for d in docs for s in d.sentences for w in s.lowers]
    events = [d.key for d in docs for s in d.sentences for _ in s.lowers]
    owner = np.concatenate([np.full(len(s.labels), i) for i, d in enumerate(docs) for s in d.sentences])
    part = np.array(fold)[owner]
    for k in [*range(FOLDS), -1]:
        source = (part >= 0) & (part != k)
        lexicon = build_lexicon(
            [w for w, m in zip(words, source, strict=True) if m],
            y[source],
            [e for e, m in zip(events, source, strict=True) if m],
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


def sentence_matrix(docs: list[Doc], scores: list[list[np.ndarray]]) -> np.ndarray:
    return np.array(
        [
            np.concatenate([sentence_features(*s.inputs, list(w), s.words), s.vector])
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", choices=["A", "B"], default="A")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--word-c", type=float, default=0.1)
    parser.add_argument("--sentence-c", type=float, default=0.3)
    args = parser.parse_args()
    started = time.perf_counter()
    docs = extract()
    print(f"{len(docs)} articles in {time.perf_counter() - started:.1f} s")
    scores, word, lexicon = word_scores(docs, args.train, args.word_c)
    x = sentence_matrix(docs, scores)
    y = np.array([s.gold is not None and s.gold in d.gold_lex for d in docs for s in d.sentences])
    mask = np.array([d.half == args.train for d in docs for s in d.sentences])
    model = _fit(x[mask], y[mask], args.sentence_c, False)
    prob = np.where(pointable(docs, scores), model.predict_proba(x)[:, 1], 0.0)
    train = [d for d in docs if d.half == args.train]
    test = [d for d in docs if d.half != args.train]
    train_scores = [w for d, w in zip(docs, scores, strict=True) if d.half == args.train]
    grid = [(t, q) for t in np.arange(0.05, 0.5, 0.01) for q in (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)]
    best, quote_min = max(grid, key=lambda g: f1(train, list(prob[mask] >= g[0]), shown(train, train_scores, g[1]))[0])
    forced = np.array(shown(docs, scores, quote_min))
    for name, part, m in (("train", train, mask), ("held out", test, ~mask), ("all", docs, mask | ~mask)):
        score, precision, recall, per_article = f1(part, list(prob[m] >= best), list(forced[m]))
        row = f"lex F1 {score:.3f} (P {precision:.3f} R {recall:.3f}), {per_article:.1f} lex sentences/article"
        print(f"  {name:8s} {row}")
    only = f1(docs, [False] * len(prob), list(forced))[0]
    print(f"  threshold {best:.2f}, quote_min {quote_min:.2f}; shown without the sentence model: all F1 {only:.3f}")
    if args.no_write or args.train != "A":
        return
    data = {
        "about": "Fitted by benchmarks/train_framing.py on BASIL half A lex spans: weights, thresholds, lexicon.",
        "word": {"weights": [round(float(w), 5) for w in word.coef_[0]], "bias": round(float(word.intercept_[0]), 5)},
        "sentence": {
            "weights": [round(float(w), 5) for w in model.coef_[0]],
            "bias": round(float(model.intercept_[0]), 5),
        },
        "threshold": round(float(best), 3),
        "quote_min": round(float(quote_min), 3),
        "lexicon": lexicon,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data) + "\n", encoding="utf-8")
    print(f"  wrote {OUT}")


if __name__ == "__main__":
    main()
