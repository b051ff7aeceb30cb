"""Would a second stage help the cross-language pair model? The whole text's encoder cosine, asked only for the
borderline pairs of that model, decides them; every other pair keeps its first-stage score.

    python -m benchmarks.semeval_second

The first stage is the shipped pair model (stories/crosslang.py), its log-odds z less its bar. A pair whose z lies
in a band around the bar takes a second-stage score a * z + b * w + c - shift instead, where w is the multilingual
encoder's cosine of the two event texts' first WHOLE_CHARS characters (the headline-and-lead vector reads 300).
a, b and c come from a class-balanced logistic regression over the labelled fit-half pairs the model judges, with
z taken out of fold (the model's weights refitted without each fold), since z is in-sample on the fit half and
would otherwise drown w. The band, the scope (every pair the model judges, or two reports in one language only)
and the shift are chosen on the fit half by replaying the whole index from the product's stored features, as
`semeval_fit` chooses the bar; the report half is only scored. Nothing is written: the script measures whether a
second stage would be worth shipping, and how many articles it would need to encode.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from benchmarks.semeval import SAME, TARGETS, UNRELATED, Pair, groups, in_fit_half, load, shares
from benchmarks.semeval_diagnosis import replay, stored_features, stored_texts
from manysides.stories import crosslang
from manysides.stories.features import Features
from manysides.stories.index import StoryIndex
from manysides.stories.multilingual import encode
from manysides.stories.score import Norms, Prepared

WHOLE_CHARS = 1000
BANDS = ((-1.0, 1.0), (-2.0, 2.0))
SHIFTS = (-0.5, 0.0, 0.5, 1.0)
SCOPES = ("every judged pair", "one language")
FOLDS, REPEATS = 5, 5


@dataclass(frozen=True)
class Rule:
    """A second stage: which first-stage scores it takes over, and its score."""

    low: float
    high: float
    scope: str
    weights: tuple[float, float, float]  # of z, w, 1
    shift: float

    def asks(self, z: float, a: Features, b: Features) -> bool:
        return self.low <= z < self.high and (self.scope != "one language" or a.language == b.language)

    def score(self, z: float, w: float) -> float:
        return self.weights[0] * z + self.weights[1] * w + self.weights[2] - self.shift


class ArrivalIndex(StoryIndex):
    """The story index, knowing which article is arriving: a benchmark's pair score may need both ids."""

    def __init__(self) -> None:
        super().__init__()
        self._arriving = ""

    def add_features(self, article_id: str, data: bytes):  # type: ignore[no-untyped-def]
        self._arriving = article_id
        return super().add_features(article_id, data)


class SecondStage(ArrivalIndex):
    """The story index with the second stage in front of the cross-language model's borderline pairs."""

    def __init__(self, rule: Rule, whole: dict[str, np.ndarray]) -> None:
        super().__init__()
        self.rule, self.whole = rule, whole
        self.encoded: set[str] = set()

    def _log_odds(self, features: Features, norms: Norms, prepared: Prepared, vector: np.ndarray, row: int) -> float:
        other = self._features[row]
        if not crosslang.routes(features, other):
            return super()._log_odds(features, norms, prepared, vector, row)
        z = crosslang.log_odds(crosslang.signals(features, other, norms, self._row_norms(row), self._idf))
        if not self.rule.asks(z, features, other):
            return z
        pair = (self._arriving, self._ids[row])
        self.encoded.update(pair)
        return self.rule.score(z, float(self.whole[pair[0]] @ self.whole[pair[1]]))


def labelled_rows(index: StoryIndex, pairs: list[Pair], ids: dict[str, str]) -> list[tuple[bool, list[float], str]]:
    """(same story, the model's signals, record id pair key) of the labelled pairs the model judges."""
    rows = []
    for p in pairs:
        a, b = ids.get(p.a), ids.get(p.b)
        if a is None or b is None or a == b or SAME < p.overall < UNRELATED:
            continue
        fa, fb = index._features[index._rows[a]], index._features[index._rows[b]]
        if crosslang.routes(fa, fb):
            values = crosslang.signals(fa, fb, index._idf.norms(fa), index._idf.norms(fb), index._idf)
            rows.append((p.overall <= SAME, [values[k] for k in crosslang.SIGNALS[1:]], f"{a} {b}"))
    return rows


def out_of_fold_z(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Each pair's log-odds less the bar from a model fitted without its fold (the mean of REPEATS splits)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    z = np.zeros(len(y))
    for seed in range(REPEATS):
        for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(x, y):
            model = LogisticRegression(C=10.0, class_weight="balanced", max_iter=5000).fit(x[train], y[train])
            z[test] += (model.decision_function(x[test]) - crosslang.model()["bar"]) / REPEATS
    return z


def second_weights(z: np.ndarray, w: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """Weights of z, w and 1 of a class-balanced logistic regression."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=10.0, class_weight="balanced", max_iter=5000).fit(np.c_[z, w], y)
    return float(model.coef_[0][0]), float(model.coef_[0][1]), float(model.intercept_[0])


def stories_under(
    rule: Rule | None, order: list[str], stored: dict[str, bytes], whole: dict[str, np.ndarray]
) -> tuple[dict[str, str], int]:
    """(story by database id, articles the second stage encoded) of the whole index replayed under a rule."""
    index = StoryIndex() if rule is None else SecondStage(rule, whole)
    for article_id in order:
        if article_id in stored:
            index.add_features(article_id, stored[article_id])
    found = {i: sid for sid, members in index.stories().items() for i in members}
    return found, len(index.encoded) if isinstance(index, SecondStage) else 0


def figures(found: dict[str, str], ids: dict[str, str], pairs: list[Pair]) -> dict[str, tuple[float, float]]:
    """(grouped, apart) per language group of the pairs."""
    stories = {record: found[i] for record, i in ids.items() if i in found}

    def together(p: Pair) -> bool:
        return p.a in stories and stories[p.a] == stories.get(p.b)

    return {g: shares(m, together)[::2] for g, m in groups(pairs).items()}


def main() -> None:
    logging.getLogger("alembic").setLevel(logging.WARNING)
    pairs, articles = load()
    fit = [p for p in pairs if in_fit_half(p.pair_id)]
    report = [p for p in pairs if not in_fit_half(p.pair_id)]
    order, stored, ids = stored_features(articles)
    texts = stored_texts(articles)
    known = [i for i in order if i in texts]
    whole = dict(zip(known, encode([texts[i][:WHOLE_CHARS] for i in known]), strict=True))
    index = replay(order, stored)
    rows = labelled_rows(index, fit, ids)
    y = np.array([same for same, _, _ in rows])
    z = out_of_fold_z(np.array([x for _, x, _ in rows]), y)
    w = np.array([float(whole[key.split()[0]] @ whole[key.split()[1]]) for _, _, key in rows])
    weights = second_weights(z, w, y)
    print(
        f"{len(rows)} labelled fit-half pairs judged by the model; second stage {weights[0]:.3f} z "
        f"+ {weights[1]:.3f} w + {weights[2]:.3f} (whole text: {WHOLE_CHARS} characters)"
    )

    def key(found: dict[str, str]) -> tuple[float, float]:
        grouped, apart = figures(found, ids, fit)["all"]
        return min(grouped - TARGETS[0], apart - TARGETS[1]), grouped + apart

    first, _ = stories_under(None, order, stored, whole)
    best: tuple[tuple[float, float], Rule | None, dict[str, str], int] = (key(first), None, first, 0)
    print("\n| band | scope | shift | fit grouped | fit apart | articles encoded |\n|---|---|---|---|---|---|")
    for (low, high), scope, shift in ((b, s, t) for b in BANDS for s in SCOPES for t in SHIFTS):
        rule = Rule(low, high, scope, weights, shift)
        found, encoded = stories_under(rule, order, stored, whole)
        grouped, apart = figures(found, ids, fit)["all"]
        print(f"| {low:+.0f}..{high:+.0f} | {scope} | {shift:+.1f} | {grouped:.3f} | {apart:.3f} | {encoded} |")
        if key(found) > best[0]:
            best = (key(found), rule, found, encoded)
    _, rule, chosen, encoded = best
    name = (
        "none (the first stage alone)"
        if rule is None
        else f"{rule.low:+.0f}..{rule.high:+.0f}, {rule.scope}, shift {rule.shift:+.1f}"
    )
    print(f"\nChosen on the fit half: {name}; {encoded} of {len(known)} articles encoded")
    print("\n| half | group | first stage grouped / apart | with the second stage grouped / apart |\n|---|---|---|---|")
    for half, members in (("fit", fit), ("report", report)):
        before, after = figures(first, ids, members), figures(chosen, ids, members)
        for group in before:
            (g0, a0), (g1, a1) = before[group], after[group]
            print(f"| {half} | {group} | {g0:.3f} / {a0:.3f} | {g1:.3f} / {a1:.3f} |")


if __name__ == "__main__":
    main()
