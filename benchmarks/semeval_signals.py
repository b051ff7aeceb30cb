"""Which signals should the cross-language pair model read? Variants scored out of fold on the SemEval fit half.

    python -m benchmarks.semeval_signals                 # every variant
    python -m benchmarks.semeval_signals --only whole    # variants whose name holds "whole"

The shipped model (stories/crosslang.py) reads a 300-character lead's multilingual vector and the 48 most frequent
name and content-word keys of each article. The whole-text baselines of `benchmarks.semeval` read every word. This
script adds whole-article signals beside the shipped ones, without changing the stored features:

- `whole_cosine`: the multilingual encoder's cosine of the two event texts' first WHOLE_CHARS characters;
- `all_words`: the idf-weighted (log-tf) cosine of every content word of the two event texts, uncapped, when the
  languages are shared (0 across languages), square-rooted as `words` is;
- `all_names`: the same over every name and number key, uncapped (across languages too: names fold to ASCII).

Each variant is a list of signals. As `benchmarks.semeval --oof` does, the fit half's labelled pairs fall in five
folds; each fold is scored on the stories of every article indexed together (replayed from the product's stored
features) under weights fitted on the other folds, for every bar. A variant is summarised by (a) the bar whose
out-of-fold figures best meet both targets and (b) the most same-story pairs grouped while keeping the shipped
model's out-of-fold share of unrelated pairs apart. The report half is never read. Nothing is written.
"""

from __future__ import annotations

import argparse
import logging
import math
import time
from collections import Counter

import numpy as np

from benchmarks.semeval import SAME, TARGETS, UNRELATED, Pair, groups, in_fit_half, load
from benchmarks.semeval_diagnosis import stored_features, stored_texts
from benchmarks.semeval_fit import FOLDS, fold
from benchmarks.semeval_second import ArrivalIndex
from manysides.stories import crosslang, entities
from manysides.stories.features import Features
from manysides.stories.multilingual import encode
from manysides.stories.score import Idf, Norms, Prepared
from manysides.stories.text import ascii_text

WHOLE_CHARS = 1000
BARS = [b / 2 for b in range(-3, 6)]
PRIOR_DOCS = 50  # as score.Idf
SHIPPED = ("lead_cosine", "names", "words", "days_apart", "undated", "cross_language")
VARIANTS: dict[str, tuple[str, ...]] = {
    "shipped (6 signals)": SHIPPED,
    "three: lead, names, words": ("lead_cosine", "names", "words"),
    "shipped + all_words": (*SHIPPED, "all_words"),
    "shipped, words -> all_words": ("lead_cosine", "names", "all_words", "days_apart", "undated", "cross_language"),
    "three, words -> all_words": ("lead_cosine", "names", "all_words"),
    "three, names/words -> all": ("lead_cosine", "all_names", "all_words"),
    "whole: lead -> whole_cosine, three": ("whole_cosine", "names", "words"),
    "whole: whole_cosine, names, all_words": ("whole_cosine", "names", "all_words"),
    "whole: lead + whole_cosine, names, all_words": ("lead_cosine", "whole_cosine", "names", "all_words"),
    "whole: whole_cosine, all_words": ("whole_cosine", "all_words"),
    "two: lead, names": ("lead_cosine", "names"),
    "two: lead, all_names": ("lead_cosine", "all_names"),
    "three, names -> all_names": ("lead_cosine", "all_names", "words"),
    "shipped, names -> all_names": ("lead_cosine", "all_names", "words", "days_apart", "undated", "cross_language"),
    "four: lead, names, words, undated": ("lead_cosine", "names", "words", "undated"),
}
# Regularisation of the logistic fit per variant (the shipped fit's C unless named here).
C_SHIPPED = 10.0
STRONGER = {"shipped, C=0.3": (SHIPPED, 0.3), "three, C=0.3": (("lead_cosine", "names", "words"), 0.3)}


class Extras:
    """Whole-text signals of every stored article, by database id."""

    def __init__(self, texts: dict[str, str], languages: dict[str, int]) -> None:
        ids = list(texts)
        started = time.process_time()
        vectors = encode([texts[i][:WHOLE_CHARS] for i in ids])
        self.encode_ms = 1000 * (time.process_time() - started) / max(len(ids), 1)
        self.vectors = dict(zip(ids, vectors, strict=True))
        limit = entities._top.__defaults__
        entities._top.__defaults__ = (10**6,)  # every key, no cap
        started = time.process_time()
        try:
            found = {i: entities.specifics(ascii_text(texts[i]), converted=True)[:2] for i in ids}
        finally:
            entities._top.__defaults__ = limit
        self.words_ms = 1000 * (time.process_time() - started) / max(len(ids), 1)
        self.names = {i: f[0] for i, f in found.items()}
        self.words = {i: f[1] for i, f in found.items()}
        df: Counter[int] = Counter()
        for i in ids:
            df.update(self.names[i].keys())
            df.update(self.words[i].keys())
        self.idf = {k: math.log((len(ids) + PRIOR_DOCS) / (n + 1)) for k, n in df.items()}
        self.name_norms = {i: self._norm(self.names[i]) for i in ids}
        self.word_norms = {i: self._norm(self.words[i]) for i in ids}
        self.languages = languages

    def _norm(self, counts: Counter[int]) -> float:
        return math.sqrt(sum(((1 + math.log(n)) * self.idf[k]) ** 2 for k, n in counts.items()))

    def _cosine(self, a: Counter[int], b: Counter[int], norm_a: float, norm_b: float) -> float:
        if not norm_a or not norm_b:
            return 0.0
        small, large = (a, b) if len(a) <= len(b) else (b, a)
        shared = [(n, large[k], self.idf[k]) for k, n in small.items() if k in large]
        dot = sum((1 + math.log(n)) * (1 + math.log(m)) * w**2 for n, m, w in shared)
        return min(dot / (norm_a * norm_b), 1.0)

    def signals(self, a: str, b: str) -> dict[str, float]:
        same = self.languages[a] == self.languages[b]
        words = self._cosine(self.words[a], self.words[b], self.word_norms[a], self.word_norms[b]) if same else 0.0
        return {
            "whole_cosine": float(self.vectors[a] @ self.vectors[b]),
            "all_words": math.sqrt(words),
            "all_names": math.sqrt(self._cosine(self.names[a], self.names[b], self.name_norms[a], self.name_norms[b])),
        }


def pair_signals(
    extras: Extras, a: str, b: str, fa: Features, fb: Features, norms_a: Norms, norms_b: Norms, idf: object
) -> dict[str, float]:
    """The model's signals, the whole-text ones, and the three the model read before (days apart, undated, whether
    the languages differ)."""
    dated = fa.day is not None and fb.day is not None
    before = {
        "days_apart": math.log1p(abs(fa.day - fb.day)) if dated else 0.0,  # type: ignore[operator]
        "undated": 0.0 if dated else 1.0,
        "cross_language": 0.0 if fa.language == fb.language else 1.0,
    }
    return crosslang.signals(fa, fb, norms_a, norms_b, idf) | extras.signals(a, b) | before  # type: ignore[arg-type]


class Variant(ArrivalIndex):
    """The story index whose cross-language pairs are scored by a variant's weights over its signals."""

    def __init__(self, extras: Extras, names: tuple[str, ...], weights: np.ndarray, intercept: float) -> None:
        super().__init__()
        self.extras, self.names, self.weights, self.intercept = extras, names, weights, intercept
        self.bar = 0.0

    def _log_odds(self, features: Features, norms: Norms, prepared: Prepared, vector: np.ndarray, row: int) -> float:
        other = self._features[row]
        if not crosslang.routes(features, other):
            return super()._log_odds(features, norms, prepared, vector, row)
        values = pair_signals(
            self.extras, self._arriving, self._ids[row], features, other, norms, self._row_norms(row), self._idf
        )
        return float(self.weights @ np.array([values[n] for n in self.names])) + self.intercept - self.bar


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="variants whose name holds this text")
    args = parser.parse_args()
    logging.getLogger("alembic").setLevel(logging.WARNING)
    pairs, articles = load()
    fit = [p for p in pairs if in_fit_half(p.pair_id)]
    order, stored, ids = stored_features(articles)
    texts = stored_texts(articles)
    features = {i: Features.from_bytes(stored[i]) for i in order if i in stored}
    extras = Extras({i: texts[i] for i in features}, {i: f.language for i, f in features.items()})
    print(
        f"whole-text extras: encoder {extras.encode_ms:.1f} ms of CPU an article ({WHOLE_CHARS} characters), "
        f"uncapped keys {extras.words_ms:.1f} ms"
    )
    idf = Idf()
    for f in features.values():
        idf.add(f)
    labelled: list[tuple[Pair, str, str, bool]] = []
    for p in fit:
        a, b = ids.get(p.a), ids.get(p.b)
        if a is None or b is None or a == b or SAME < p.overall < UNRELATED:
            continue
        labelled.append((p, a, b, p.overall <= SAME))
    judged = [(p, a, b, y) for p, a, b, y in labelled if crosslang.routes(features[a], features[b])]
    norms = {i: idf.norms(f) for i, f in features.items()}
    values = {
        p.pair_id: pair_signals(extras, a, b, features[a], features[b], norms[a], norms[b], idf)
        for p, a, b, _ in judged
    }
    print(f"{len(labelled)} labelled fit-half pairs, {len(judged)} judged by the cross-language model")
    print("\nSingle signals over the judged pairs (ROC AUC; in sample, no weights):")
    y_all = np.array([y for *_, y in judged])
    for name in sorted({n for v in VARIANTS.values() for n in v}):
        x = np.array([values[p.pair_id][name] for p, *_ in judged])
        cross = np.array([features[a].language != features[b].language for _, a, b, _ in judged])
        auc = roc_auc_score(y_all, x)
        auc_cross = roc_auc_score(y_all[cross], x[cross]) if len(set(y_all[cross])) == 2 else float("nan")
        print(f"  {name}: all {auc:.3f}, cross-language {auc_cross:.3f}")

    shipped_apart: float | None = None
    summary = []
    specs = {v: (n, C_SHIPPED) for v, n in VARIANTS.items()} | STRONGER
    for variant, (names, c_value) in specs.items():
        if args.only not in variant:
            continue
        counts: dict[float, dict[str, list[int]]] = {bar: {} for bar in BARS}
        oof_scores: dict[str, float] = {}
        for k in range(FOLDS):
            train = [(p, y) for p, _, _, y in judged if fold(p.pair_id) != k]
            x = np.array([[values[p.pair_id][n] for n in names] for p, _ in train])
            model = LogisticRegression(C=c_value, class_weight="balanced", max_iter=5000)
            model.fit(x, [y for _, y in train])
            for p, _, _, _ in judged:
                if fold(p.pair_id) == k:
                    oof_scores[p.pair_id] = float(
                        model.decision_function(np.array([[values[p.pair_id][n] for n in names]]))[0]
                    )
            index = Variant(extras, names, model.coef_[0], float(model.intercept_[0]))
            test = [(p, a, b, y) for p, a, b, y in labelled if fold(p.pair_id) == k]
            for bar in BARS:
                index.__init__(extras, names, model.coef_[0], float(model.intercept_[0]))  # type: ignore[misc]
                index.bar = bar
                for i in order:
                    if i in stored:
                        index.add_features(i, stored[i])
                story = {i: sid for sid, members in index.stories().items() for i in members}
                for group, members in groups([p for p, *_ in test]).items():
                    c = counts[bar].setdefault(group, [0, 0, 0, 0])
                    for p in members:
                        a, b = ids[p.a], ids[p.b]
                        together = story.get(a) is not None and story.get(a) == story.get(b)
                        same = p.overall <= SAME
                        c[0 if same else 2] += together == same
                        c[1 if same else 3] += 1
        auc = roc_auc_score(y_all, [oof_scores[p.pair_id] for p, *_ in judged])
        print(f"\n{variant} ({', '.join(names)}): out-of-fold pair ROC AUC {auc:.3f}")
        rows = []
        for bar, per in counts.items():
            c = per["all"]
            grouped, apart = c[0] / c[1], c[2] / c[3]
            rows.append((bar, grouped, apart))
            cells = [f"{g} {v[0]}/{v[1]} {v[2]}/{v[3]}" for g, v in per.items() if g != "all"]
            print(f"  bar {bar:+.1f}: all {grouped:.3f} / {apart:.3f}  ({', '.join(cells)})")
        best = max(rows, key=lambda r: (min(r[1] - TARGETS[0], r[2] - TARGETS[1]), r[1] + r[2]))
        if shipped_apart is None:  # the shipped signals come first: their share apart at the shipped bar
            shipped_apart = next(r[2] for r in rows if r[0] == crosslang.model()["bar"])
        matched = max((r for r in rows if r[2] >= shipped_apart - 1e-9), key=lambda r: (r[1], r[2]), default=None)
        summary.append((variant, auc, best, matched))
    print("\n| variant | OOF pair AUC | best bar: grouped / apart | most grouped at apart >= shipped's |")
    print("|---|---|---|---|")
    for variant, auc, best, matched in summary:
        m = f"{matched[1]:.3f} / {matched[2]:.3f} (bar {matched[0]:+.1f})" if matched else "none"
        print(f"| {variant} | {auc:.3f} | {best[1]:.3f} / {best[2]:.3f} (bar {best[0]:+.1f}) | {m} |")


if __name__ == "__main__":
    main()
