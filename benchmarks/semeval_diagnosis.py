"""Why SemEval-2022 pairs are missed or merged: each wrong pair of one half, tallied by cause.

    python -m benchmarks.semeval_diagnosis            # the fit half (the half changes are decided on)
    python -m benchmarks.semeval_diagnosis --report   # the report half (to report only)

The articles are ingested once through the product's path (the features stored at ingest are cached in a JSON
file in the temporary folder, named by a digest of the stories code), then the story index is replayed from
those features in the order `assign_stories` uses, watching each article arrive. For a same-story pair the later
article of the two is the one that could have joined the other's story; for an unrelated pair, whether it was
joined by its own score or through other articles. Causes:

- missed, joined as a copy: the later article was taken for a copy of a third page and joined that page's story
  unscored;
- missed, not a candidate: the earlier article was not among the later one's candidates;
- missed, pair below the bar: a candidate whose pair log-odds were below its model's bar;
- missed, story below the bar: the pair cleared the bar but the mean over the earlier article's story did not
  (other members pulled it down: a chain or order effect);
- missed, joined a better story: the story fitted, but another fitted better by more than the merge gap;
- merged, as a copy: the later article was taken for a copy of the other (or of a page in its story);
- merged, direct: the later article's score against the other cleared the bar;
- merged, through others: they met through third articles (a chain).

Each cause is tallied per language group as well, beside the TF-IDF baseline of `benchmarks.semeval` (its
threshold fitted on the fit half): how many of the pairs ManySides gets wrong the baseline gets right, and the
other way round, so a group where the baseline wins shows which of its pairs make the difference. With
`--verbose`, every wrong pair is listed with its cross-language signals and its TF-IDF cosine.

With `--separation`, the pairs of the half are also judged one by one, out of any story: how well the pair
model's log-odds, the lead cosine it reads and the whole-text encoder cosine of the baseline separate same-story
from unrelated pairs (ROC AUC, and the share of same-story pairs above the threshold that keeps 97% of the
unrelated ones apart), per route: whether the raw vectors hold pairs the model loses (on the fit half the
cross-language model is judged on the pairs it was fitted on).

With `--variants`, the index is replayed under looser story rules (a story judged by its best member alone, three
times the candidates, a ten-year window, every fitting story merged) and both halves are scored: whether the
linkage or the candidate search, rather than the pair score, keeps same-story pairs apart.

Pair log-odds are read under the idf at the end of the replay, close to (not always equal to) the one at arrival;
candidates and story scores are those at arrival.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

from benchmarks.semeval import (
    SAME,
    TARGETS,
    UNRELATED,
    Pair,
    cosine_baseline,
    groups,
    in_fit_half,
    load,
    records,
    shares,
    tfidf_matrix,
    use_matrix,
)
from benchmarks.watched_index import Watched as WatchedIndex
from manysides import stories as stories_package
from manysides.ingest.sources import ReadOptions
from manysides.jobs import ingest
from manysides.store.repository import Store
from manysides.store.stories import StoryStore
from manysides.stories import crosslang
from manysides.stories import index as story_index
from manysides.stories.features import Features
from manysides.stories.index import MERGE_GAP, StoryIndex
from manysides.stories.multilingual import LEAD_CHARS
from manysides.stories.score import prepare
from manysides.stories.text import event_text


def _cache() -> Path:
    """The cache file, named by the stories code it was computed with (any change there computes anew)."""
    digest = hashlib.sha1()
    package = Path(stories_package.__file__).parent
    for path in sorted([*package.glob("*.py"), *package.glob("data/*")]):
        digest.update(path.read_bytes())
    return Path(tempfile.gettempdir()) / f"manysides-semeval-features-{digest.hexdigest()[:12]}.json"


def stored_features(articles: dict[str, dict]) -> tuple[list[str], dict[str, bytes], dict[str, str]]:
    """(database ids in assignment order, features by database id, record id -> database id), cached."""
    cached = _cached(articles)
    return cached["order"], {k: bytes.fromhex(v) for k, v in cached["features"].items()}, cached["ids"]


def stored_texts(articles: dict[str, dict]) -> dict[str, str]:
    """Each stored article's event text (headline and body prose, as every story signal reads it), by database
    id, from the same cached ingest."""
    return _cached(articles)["texts"]


def _cached(articles: dict[str, dict]) -> dict:
    """The cached ingest (computed when missing, or when a cache of an earlier version lacks the texts)."""
    cache = _cache()
    if cache.exists():
        cached = json.loads(cache.read_text())
        if "texts" in cached:
            return cached
    order = list(articles)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in records(articles, order)), encoding="utf-8")
        store = Store(f"sqlite:///{Path(folder) / 'semeval.db'}")
        try:
            summary = ingest(store, [str(source)], ReadOptions())
            stories = StoryStore(store)
            pending = stories.pending()
            features = stories.stored_features(pending)
            texts = {a.id: event_text(a) for a in store.articles_by_id(pending)}
        finally:
            store.close()
    ids = {r: res.article_id for r, res in zip(order, summary.results, strict=True) if res.article_id}
    found = {"order": pending, "features": {k: v.hex() for k, v in features.items()}, "ids": ids, "texts": texts}
    cache.write_text(json.dumps(found))
    return found


class Watched(WatchedIndex):
    """The index with what the diagnosis asks of a pair."""

    def pair_log_odds(self, later: str, earlier: str) -> float:
        """The pair's log-odds less its bar, under the idf as it stands now (close to the one at arrival)."""
        f = self._features[self._rows[later]]
        norms = self._idf.norms(f)
        return self._log_odds(f, norms, prepare(f, self._idf), f.vector.astype("float32"), self._rows[earlier])

    def story_of(self, article_id: str) -> str:
        return self._stories.of_row[self._rows[article_id]]

    def feature(self, article_id: str) -> Features:
        return self._features[self._rows[article_id]]


def replay(order: list[str], features: dict[str, bytes], index: Watched | None = None) -> Watched:
    index = index or Watched()
    for article_id in order:
        if article_id in features:
            index.add_features(article_id, features[article_id])
    return index


def cause_missed(index: Watched, a: str, b: str) -> str:
    """Why a same-story pair ended in two stories."""
    first, later = sorted((a, b), key=lambda i: index.arrivals[i].row)
    arrival = index.arrivals[later]
    earlier_row = index.arrivals[first].row
    if arrival.copy_of is not None:
        return "joined as a copy"
    if earlier_row not in arrival.candidates:
        return "not a candidate"
    if index.pair_log_odds(later, first) < 0:
        return "pair below the bar"
    score = arrival.scores[arrival.candidates[earlier_row]]
    if score < 0:
        return "story below the bar (other members)"
    return "joined a better story (merge gap)"


def cause_merged(index: Watched, a: str, b: str) -> str:
    first, later = sorted((a, b), key=lambda i: index.arrivals[i].row)
    if index.arrivals[later].copy_of is not None:
        return "as a copy"
    if index.pair_log_odds(later, first) >= 0:
        return "direct"
    return "through others"


def describe(index: Watched, pair: Pair, a: str, b: str, tfidf: float) -> str:
    fa, fb = index.feature(a), index.feature(b)
    route = "cross" if crosslang.routes(fa, fb) else "english"
    days = "undated" if fa.day is None or fb.day is None else f"{abs(fa.day - fb.day)}d"
    same_outlet = "same outlet" if fa.outlet and fa.outlet == fb.outlet else ""
    first, later = sorted((a, b), key=lambda i: index.arrivals[i].row)
    z = index.pair_log_odds(later, first)
    signals = ""
    if route == "cross":
        f = index.feature(later)
        values = crosslang.signals(
            f, index.feature(first), index._idf.norms(f), index._row_norms(index._rows[first]), index._idf
        )
        signals = " ".join(f"{k}={values[k]:.2f}" for k in ("lead_cosine", "names", "words"))
    head = f"{pair.pair_id} {pair.group} {pair.overall:.2f} {route} {days} {same_outlet}"
    return f"{head} z={z:+.2f} {signals} tfidf={tfidf:.2f}"


def by_group(rows: list[tuple[Pair, str, bool]]) -> None:
    """Per language group: pairs, ManySides' wrong ones by cause, and how the TF-IDF baseline fares on them."""
    print("| group | kind | pairs | ManySides wrong | causes | baseline right where ManySides is wrong |", end="")
    print(" baseline wrong where ManySides is right |")
    print("|---|---|---|---|---|---|---|")
    for group in groups([p for p, _, _ in rows]):
        if group == "all":
            continue
        for kind, label in (("same", "same story"), ("unrelated", "unrelated")):
            ours = [(cause, base) for p, cause, base in rows if p.group == group and _kind(p) == kind]
            if not ours:
                continue
            wrong = Counter(cause for cause, _ in ours if cause)
            causes = ", ".join(f"{n} {c}" for c, n in wrong.most_common()) or "-"
            rescued = sum(1 for cause, base in ours if cause and base)
            lost = sum(1 for cause, base in ours if not cause and not base)
            print(f"| {group} | {label} | {len(ours)} | {sum(wrong.values())} | {causes} | {rescued} | {lost} |")


def _kind(p: Pair) -> str:
    return "same" if p.overall <= SAME else "unrelated"


def _grouped_at_apart(same: list[float], unrelated: list[float]) -> float:
    """Share of same-story scores at or above the lowest threshold that keeps TARGETS[1] of unrelated ones below."""
    ordered = sorted(unrelated)
    threshold = np.nextafter(ordered[math.ceil(TARGETS[1] * len(ordered)) - 1], np.inf)
    return float(np.mean(np.array(same) >= threshold))


def separation(index: Watched, half: list[Pair], ids: dict[str, str], articles: dict[str, dict]) -> None:
    """Per route, how the model's pair log-odds and two raw encoder cosines separate the half's labelled pairs."""
    from sklearn.metrics import roc_auc_score

    use, rows_of = use_matrix(articles)
    scored: dict[str, list[tuple[bool, float, float, float]]] = {"cross": [], "english": []}
    for p in half:
        a, b = ids.get(p.a), ids.get(p.b)
        if a is None or b is None or a == b or a not in index.arrivals or b not in index.arrivals:
            continue
        if SAME < p.overall < UNRELATED:
            continue
        fa, fb = index.feature(a), index.feature(b)
        first, later = sorted((a, b), key=lambda i: index.arrivals[i].row)
        lead = (
            float(fa.multi.astype(np.float32) @ fb.multi.astype(np.float32)) if len(fa.multi) and len(fb.multi) else 0.0
        )
        whole = float(use[rows_of[p.a]] @ use[rows_of[p.b]])
        route = "cross" if crosslang.routes(fa, fb) else "english"
        scored[route].append((p.overall <= SAME, index.pair_log_odds(later, first), lead, whole))
    print("\n| route | same / unrelated | signal | ROC AUC | grouped where 97% of unrelated stay apart |")
    print("|---|---|---|---|---|")
    for route, rows in scored.items():
        labels = [same for same, *_ in rows]
        if all(labels) or not any(labels):
            continue
        signals = ("pair model log-odds", f"lead cosine ({LEAD_CHARS} chars)", "whole-text cosine")
        for column, name in enumerate(signals, start=1):
            values = [row[column] for row in rows]
            same = [v for v, label in zip(values, labels, strict=True) if label]
            unrelated = [v for v, label in zip(values, labels, strict=True) if not label]
            auc = roc_auc_score(labels, values)
            counts = f"{len(same)} / {len(unrelated)}"
            print(f"| {route} | {counts} | {name} | {auc:.3f} | {_grouped_at_apart(same, unrelated):.3f} |")


VARIANTS: dict[str, dict[str, object]] = {
    "as shipped": {},
    "story judged by its best member": {"_story_score": max},
    "three times the candidates": {
        "NEIGHBOURS": 3 * story_index.NEIGHBOURS,
        "NAME_MATCHES": 3 * story_index.NAME_MATCHES,
    },
    "ten-year window": {"WINDOW_DAYS": 3650},
    "every fitting story merged": {"MERGE_GAP": 1e9},
}


def variants(pairs: list[Pair], order: list[str], features: dict[str, bytes], ids: dict[str, str]) -> None:
    """Both halves' shares when the index is replayed under each variant of its story rules."""
    print("\n| story rules | fit grouped | fit apart | report grouped | report apart |\n|---|---|---|---|---|")
    for name, changes in VARIANTS.items():
        saved = {key: getattr(story_index, key) for key in changes}
        try:
            for key, value in changes.items():
                setattr(story_index, key, value)
            index = StoryIndex()  # not Watched: its own story score would not see the change
            for article_id in order:
                if article_id in features:
                    index.add_features(article_id, features[article_id])
        finally:
            for key, value in saved.items():
                setattr(story_index, key, value)
        found = {i: sid for sid, members in index.stories().items() for i in members}
        stories = {record: found[i] for record, i in ids.items() if i in found}
        cells = []
        for fit_half in (True, False):
            half = [p for p in pairs if in_fit_half(p.pair_id) == fit_half]
            grouped, _, apart, _ = shares(half, lambda p, s=stories: p.a in s and s[p.a] == s.get(p.b))
            cells += [f"{grouped:.3f}", f"{apart:.3f}"]
        print(f"| {name} | {' | '.join(cells)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report", action="store_true", help="diagnose the report half instead of the fit half")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong pair")
    parser.add_argument("--separation", action="store_true", help="judge the pairs one by one, beside raw cosines")
    parser.add_argument("--variants", action="store_true", help="replay under looser story rules, score both halves")
    args = parser.parse_args()
    logging.getLogger("alembic").setLevel(logging.WARNING)
    pairs, articles = load()
    half = [p for p in pairs if in_fit_half(p.pair_id) != args.report]
    order, features, ids = stored_features(articles)
    index = replay(order, features)
    matrix, rows_of = tfidf_matrix(articles)
    baseline_name, baseline = cosine_baseline("TF-IDF", matrix, rows_of, [p for p in pairs if in_fit_half(p.pair_id)])
    tallies: dict[str, Counter[str]] = {"missed": Counter(), "merged": Counter()}
    totals: Counter[str] = Counter()
    rows: list[tuple[Pair, str, bool]] = []  # (pair, ManySides' cause when wrong else "", baseline right)
    for p in half:
        a, b = ids.get(p.a), ids.get(p.b)
        if a is None or b is None or a not in index.arrivals or b not in index.arrivals:
            continue
        if SAME < p.overall < UNRELATED:
            continue
        together = index.story_of(a) == index.story_of(b)
        fa, fb = index.feature(a), index.feature(b)
        kind = "cross" if crosslang.routes(fa, fb) else "english"
        cause = ""
        if p.overall <= SAME:
            totals[f"same/{kind}"] += 1
            if not together:
                cause = "same article (one copy)" if a == b else cause_missed(index, a, b)
                tallies["missed"][f"{kind}: {cause}"] += 1
        else:
            totals[f"unrelated/{kind}"] += 1
            if together:
                cause = cause_merged(index, a, b)
                tallies["merged"][f"{kind}: {cause}"] += 1
        base_right = baseline(p) == (p.overall <= SAME)
        rows.append((p, cause, base_right))
        if cause and args.verbose:
            cosine = float(matrix[rows_of[p.a]] @ matrix[rows_of[p.b]])
            verdict = "baseline right" if base_right else "baseline wrong"
            what = "missed" if p.overall <= SAME else "merged"
            print(f"{what} {cause} | {describe(index, p, a, b, cosine)} ({verdict})")
    print(f"{'report' if args.report else 'fit'} half: labelled pairs by route {dict(totals)}")
    print(f"merge gap {MERGE_GAP}; baseline: {baseline_name}")
    for what, tally in tallies.items():
        print(f"\n{what}: {sum(tally.values())}")
        for cause, n in tally.most_common():
            print(f"  {n:4d}  {cause}")
    print()
    by_group(rows)
    if args.separation:
        separation(index, half, ids, articles)
    if args.variants:
        variants(pairs, order, features, ids)


if __name__ == "__main__":
    main()
