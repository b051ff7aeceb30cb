"""Stories benchmark: B-cubed quality on BASIL (+ distractors), ECB+ and GVA, a TF-IDF baseline, throughput.

    python -m benchmarks.stories              # quality tables, then throughput at 10k and 100k
    python -m benchmarks.stories --fit        # refit on the fit half, write stories/data/story_pairs.json
    python -m benchmarks.stories --sizes 10000 30000 --backend minilm
    python -m benchmarks.stories --split --no-baseline --sizes   # also with stories split in two (story_split.py)

Stories are split in halves by a hash of (dataset, story id): weights and threshold are fitted on the
"fit" half only; the "held" half shows how that transfers. Gold fields are read only for scoring.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from benchmarks.datasets import SHARED, make_article
from manysides.extract.outlet import outlet_from_url
from manysides.records.article import Article
from manysides.stories import Assignment, StoryIndex, group
from manysides.stories import index as story_index
from manysides.stories import score as pair_model
from manysides.stories.batch import date_order
from manysides.stories.embed import embed_articles, embedder

STORY_PAIRS = Path(__file__).resolve().parents[1] / "src" / "manysides" / "stories" / "data" / "story_pairs.json"

DATA = SHARED / "datasets"


@dataclass(frozen=True)
class Doc:
    """An article with its gold story (never shown to ManySides)."""

    article: Article
    story: str


def basil(dated: bool = True) -> list[Doc]:
    docs = []
    for path in sorted((DATA / "basil" / "articles").glob("*/*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        text = "\n\n".join(" ".join(p) for p in d["body-paragraphs"])
        art = make_article(
            path.stem, text, d.get("url"), d["source"].lower(), d.get("title"), d.get("date") if dated else None
        )
        docs.append(Doc(art, "basil:" + d["triplet-uuid"]))
    return docs


def distractors() -> list[Doc]:
    truth = json.loads((DATA / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    return [Doc(make_article("x-" + k, v["articleBody"], v.get("url")), "x:" + k) for k, v in sorted(truth.items())]


def _jsonl(name: str) -> list[dict]:
    with (DATA / name / "docs.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def ecbplus() -> list[Doc]:
    return [
        Doc(make_article(d["id"], d["text"], None if d["url"] in (None, "None") else d["url"]), "ecb:" + d["story"])
        for d in _jsonl("ecbplus")
    ]


def gva() -> list[Doc]:
    return [
        Doc(make_article(d["id"], d["text"], d["url"], None, d.get("title"), d.get("published")), "gva:" + d["story"])
        for d in _jsonl("gva")
    ]


def in_fit_half(story: str) -> bool:
    """Deterministic half of the stories (by hash), the only part the weights are fitted on.

    ECB+ is split by topic, so both look-alike events of a topic land in the same half."""
    unit = story.rsplit("_", 1)[0] if story.startswith("ecb:") else story
    return hashlib.sha1(unit.encode()).digest()[0] % 2 == 0


def bcubed(
    pred: dict[str, str], gold: dict[str, str], items: Iterable[str] | None = None
) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 averaged over items (default: all of gold); clusters span all of gold."""
    by_pred: defaultdict[str, set[str]] = defaultdict(set)
    by_gold: defaultdict[str, set[str]] = defaultdict(set)
    for item in gold:
        by_pred[pred[item]].add(item)
        by_gold[gold[item]].add(item)
    chosen = list(gold if items is None else items)
    p = r = 0.0
    for item in chosen:
        both = len(by_pred[pred[item]] & by_gold[gold[item]])
        p += both / len(by_pred[pred[item]])
        r += both / len(by_gold[gold[item]])
    p, r = p / len(chosen), r / len(chosen)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def manysides(docs: list[Doc], backend: str) -> dict[str, str]:
    """Each article's story at the end, as the store keeps it: an assignment that merges stories moves every
    earlier member of the absorbed ones (reading each article's story at its arrival would miss those merges)."""
    return final_stories(group([d.article for d in docs], backend))


def final_stories(assignments: Iterable[Assignment]) -> dict[str, str]:
    """Article id -> its story once every later merge is applied."""
    story: dict[str, str] = {}
    members: defaultdict[str, list[str]] = defaultdict(list)
    for a in assignments:
        for absorbed in a.merged:
            for member in members.pop(absorbed, []):
                story[member] = a.story_id
                members[a.story_id].append(member)
        story[a.article_id] = a.story_id
        members[a.story_id].append(a.article_id)
    return story


def tfidf_single_link(docs: list[Doc]) -> tuple[dict[str, str], float]:
    """Baseline: TF-IDF cosine, single-link at the one threshold that scores best on these very docs."""
    from scipy.sparse.csgraph import connected_components
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{d.article.title or ''}\n{d.article.body}" for d in docs]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(texts)
    sims = (matrix @ matrix.T).toarray()
    gold = {d.article.id: d.story for d in docs}
    scored = [d.article.id for d in docs if not d.story.startswith("x:")]
    best: tuple[float, dict[str, str], float] = (-1.0, {}, 0.0)
    for threshold in np.arange(0.1, 0.95, 0.025):
        _, labels = connected_components(sims >= threshold, directed=False)
        pred = {d.article.id: str(label) for d, label in zip(docs, labels, strict=True)}
        f1 = bcubed(pred, gold, scored)[2]
        if f1 > best[0]:
            best = (f1, pred, float(threshold))
    return best[1], best[2]


def _row(name: str, system: str, half: str, scores: tuple[float, float, float], n: int) -> None:
    print(f"| {name} | {system} | {half} | {n} | {scores[0]:.3f} | {scores[1]:.3f} | {scores[2]:.3f} |")


def report(name: str, docs: list[Doc], backend: str, baseline: bool = True, split: bool = False) -> None:
    """ManySides on all docs, scored over the gold stories' articles (distractors are scored separately); with
    `split`, also the index that splits a story telling two events (`benchmarks.story_split`, not the product's)."""
    gold = {d.article.id: d.story for d in docs}
    scored = [d.article.id for d in docs if not d.story.startswith("x:")]
    start = time.perf_counter()
    pred = manysides(docs, backend)
    rate = len(docs) / (time.perf_counter() - start)
    halves = {
        "all": scored,
        "fit": [i for i in scored if in_fit_half(gold[i])],
        "held": [i for i in scored if not in_fit_half(gold[i])],
    }
    for half, items in halves.items():
        _row(name, f"ManySides ({backend})", half, bcubed(pred, gold, items), len(items))
    if split:
        from benchmarks.story_split import split_stories

        parted = split_stories([d.article for d in docs], backend)
        for half, items in halves.items():
            _row(name, f"ManySides ({backend}), stories split", half, bcubed(parted, gold, items), len(items))
    if len(scored) < len(docs):
        members = defaultdict(list)
        for d in docs:
            members[pred[d.article.id]].append(d.story.startswith("x:"))
        merged = sum(1 for d in docs if d.story.startswith("x:") and not all(members[pred[d.article.id]]))
        grouped = sum(1 for flags in members.values() if all(flags) and len(flags) > 1)
        _row(name, "ManySides, distractors as singletons", "all+x", bcubed(pred, gold), len(docs))
        print(
            f"|   {merged} distractors merged into a gold story; {grouped} groups of distractors formed "
            f"(some distractors really share an event) | {rate:.0f} articles/s |"
        )
    if baseline:
        base, threshold = tfidf_single_link(docs)
        _row(
            name,
            f"TF-IDF single-link @ {threshold:.3f} (best on these docs)",
            "all",
            bcubed(base, gold, scored),
            len(scored),
        )


def quality(backend: str, baseline: bool, split: bool = False) -> None:
    print("| data | system | half | articles | B3 precision | B3 recall | B3 F1 |\n|---|---|---|---|---|---|---|")
    report("BASIL+distractors, dated", basil(True) + distractors(), backend, baseline, split)
    report("BASIL+distractors, undated", basil(False) + distractors(), backend, baseline, split)
    report("ECB+", ecbplus(), backend, baseline, split)
    report("GVA", gva(), backend, baseline, split)


class _Recorder(StoryIndex):
    """Index that links only copies and records every scored candidate pair with its gold label."""

    def __init__(self, backend: str, gold: dict[str, str], rows: list[tuple[list[float], int]]) -> None:
        super().__init__(backend)
        self._gold, self._out = gold, rows

    def _linked_stories(self, features, vector, copies):  # type: ignore[no-untyped-def]
        me = self._gold[self._current]
        for row, values in self._scored(features, vector, copies):
            self._out.append((values, int(self._gold[self._ids[row]] == me)))
        return []

    def add_vector(self, article, vector, title_vector=None):  # type: ignore[no-untyped-def]
        self._current = article.id
        return super().add_vector(article, vector, title_vector)


def _offset_fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray, columns: list[int]) -> np.ndarray:
    """Weights of `columns` for a logistic model whose other weights stay fixed (their log-odds an offset),
    class-balanced and lightly L2-penalised like the main fit: a late signal then corrects, not re-balances."""
    from scipy.optimize import minimize

    offset, z = x @ weights, x[:, columns]
    balance = np.where(y == 1, len(y) / (2 * y.sum()), len(y) / (2 * (len(y) - y.sum())))

    def loss(b: np.ndarray) -> float:
        t = offset + z @ b
        return float(np.sum(balance * (np.logaddexp(0, t) - y * t)) + 0.005 * b @ b)

    return minimize(loss, np.zeros(len(columns)), method="BFGS").x


def fit(backend: str) -> None:
    """Two logistic regressions (pairs with both dates, pairs without) on candidate pairs of the fit half
    (the dated one's same-outlet, follow-up and addresses weights, then both models' headline weights, fitted last,
    in turn, with the rest held), then
    the story linkage share and joining bars (one per model) that maximise the mean fit-half F1."""
    from sklearn.linear_model import LogisticRegression

    sets = {
        "basil": basil(True) + distractors(),
        "basil-undated": basil(False) + distractors(),
        "ecb": ecbplus(),
        "gva": gva(),
    }
    rows: list[tuple[list[float], int]] = []
    for docs in sets.values():
        part = [d for d in docs if in_fit_half(d.story)]
        index = _Recorder(backend, {d.article.id: d.story for d in part}, rows)
        ordered = sorted(part, key=lambda d: date_order(d.article))
        vectors, titles = embed_articles(embedder(backend), [d.article for d in ordered])
        for d, v, t in zip(ordered, vectors, titles, strict=True):
            index.add_vector(d.article, v, t)
    x = np.array([values for values, _ in rows])
    y = np.array([label for _, label in rows])
    undated = x[:, pair_model.UNDATED_SIGNAL] == 1
    for name, mask in (("DATED", ~undated), ("UNDATED", undated)):
        used = [1, 2, 3, 4, 5] if name == "UNDATED" else [1, 2, 3, 4, 5, 6, 8, *pair_model.MARKS]
        model = LogisticRegression(C=100.0, class_weight="balanced", max_iter=5000).fit(x[mask][:, used], y[mask])
        weights = [0.0] * x.shape[1]
        weights[0] = float(model.intercept_[0])
        for column, weight in zip(used, model.coef_[0], strict=True):
            weights[column] = float(weight)
        lates = (pair_model.SAME_OUTLET, pair_model.FOLLOW_UP, pair_model.ADDRESSES) if name == "DATED" else ()
        for late in (*lates, pair_model.HEADLINES):
            fitted = _offset_fit(x[mask], y[mask], np.array(weights), list(late))
            for column, weight in zip(late, fitted, strict=True):
                weights[column] = float(weight)
        setattr(pair_model, name, tuple(round(w, 2) for w in weights))
        print(f"{name} = {getattr(pair_model, name)}  # {int(mask.sum())} pairs, {int(y[mask].sum())} same-story")
    best: tuple[float, float, float, float] | None = None
    for share, dated_bar, undated_bar in itertools.product((0.75, 1.0), (2.5, 3.0, 3.5), (0.5, 1.0, 1.5)):
        story_index.LINK_SHARE, pair_model.DATED_BAR, pair_model.UNDATED_BAR = share, dated_bar, undated_bar
        scores = []
        for docs in sets.values():
            part = [d for d in docs if in_fit_half(d.story)]
            gold = {d.article.id: d.story for d in part}
            items = [i for i, s in gold.items() if not s.startswith("x:")]
            scores.append(bcubed(manysides(part, backend), gold, items)[2])
        print(
            f"LINK_SHARE {share} DATED_BAR {dated_bar} UNDATED_BAR {undated_bar}: fit-half F1",
            " ".join(f"{s:.3f}" for s in scores),
            f"mean {np.mean(scores):.4f}",
        )
        if best is None or np.mean(scores) > best[0]:
            best = (float(np.mean(scores)), share, dated_bar, undated_bar)
    assert best is not None
    _, share, dated_bar, undated_bar = best
    data = {
        "fitted_on": "the fit half of BASIL (+ distractors), ECB+ and GVA stories: python -m benchmarks.stories --fit",
        "dated": dict(zip(pair_model.FEATURES, pair_model.DATED, strict=True)),
        "undated": dict(zip(pair_model.FEATURES, pair_model.UNDATED, strict=True)),
        "bars": {"dated": dated_bar, "undated": undated_bar},
        "link_share": share,
    }
    STORY_PAIRS.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"written to {STORY_PAIRS}: LINK_SHARE {share} DATED_BAR {dated_bar} UNDATED_BAR {undated_bar}")


_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def volume(size: int, seed: int = 7) -> list[Article]:
    """size articles from GVA and BASIL: each copy of a story gets its own date shift (whole story moved by
    up to ±5 years), random outlets, and light edits (each article keeps a random 40% of its sentences and
    loses 2% of its words), so copies are new look-alike events rather than exact reposts."""
    rng = random.Random(seed)
    docs = gva() + basil(True)
    outlets = sorted({d.article.outlet or outlet_from_url(d.article.url) or "unknown" for d in docs})
    by_story = defaultdict(list)
    for d in docs:
        by_story[d.story].append(d.article)
    stories = sorted(by_story)
    out: list[Article] = []
    copy = 0
    while len(out) < size:
        shift = rng.randint(-1826, 1826)
        for story in stories:
            for a in by_story[story]:
                sentences = [s for s in _SENTENCE.split(a.body) if rng.random() < 0.4] or [a.body]
                text = " ".join(w for w in " ".join(sentences).split(" ") if rng.random() >= 0.02)
                published = None
                if a.published:
                    published = (date.fromisoformat(a.published[:10]) + timedelta(days=shift)).isoformat()
                out.append(make_article(f"v{copy}-{a.id}", text, None, rng.choice(outlets), a.title, published))
                if len(out) == size:
                    return out
            shift = rng.randint(-1826, 1826)
        copy += 1
    return out


def throughput(size: int, backend: str) -> None:
    """Articles/s of group() (embedding included) and the process's peak resident memory."""
    articles = volume(size)
    embedder(backend)  # model loading is a one-off, not per article
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    out = group(articles, backend)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    dups = sum(1 for a in out if a.duplicate_of)
    n_stories = len(set(final_stories(out).values()))
    print(
        f"| {size} | {backend} | {size / seconds:.0f} | {seconds:.0f} | {peak:.0f} (before: {before / 1024:.0f}) "
        f"| {n_stories} | {dups} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", default="default")
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--split", action="store_true", help="also with stories split in two (story_split.py)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--volume", type=int, help=argparse.SUPPRESS)  # one throughput run, in a fresh process
    args = parser.parse_args()
    if args.volume:
        throughput(args.volume, args.backend)
        return
    if args.fit:
        fit(args.backend)
        return
    quality(args.backend, not args.no_baseline, args.split)
    print("\n| articles | backend | articles/s | seconds | peak RSS MB | stories | duplicates |")
    print("|---|---|---|---|---|---|---|")
    for size in args.sizes:
        cmd = [sys.executable, "-m", "benchmarks.stories", "--volume", str(size), "--backend", args.backend]
        subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
