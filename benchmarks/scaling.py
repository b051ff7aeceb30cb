"""Story assignment as the store grows: CPU time per article and peak memory at 10k, 100k and 1M articles, and
ingest throughput (embedding, features and assignment) per core.

    python -m benchmarks.scaling              # 10k and 100k stores (a few minutes)
    python -m benchmarks.scaling --full       # also the 1M store (several times longer, several GB of memory)
    python -m benchmarks.scaling --sizes 10000 300000

How the stores are built (printed with the table):
- A seed of real article copies made as `benchmarks.stories volume()` makes them (GVA and BASIL stories, each copy
  of a story moved by up to five years, random outlets, each article keeping a random 40% of its sentences and
  losing 2% of its words) is embedded and its story features computed, as an ingest does.
- PROBES of the seed articles, drawn at random over the whole date range, are held out. A store of N articles is
  the rest of the seed, then more copies made at the level of stored features (building a million from text
  would take hours of embedding): each copy of a seed article gets its story's new date shift (up to five years
  from the original date, as in volume()), a random outlet, new URLs and body hash, 80% of its names and content
  words, three quarters of its MinHash values redrawn (another 40% sample of the same sentences), and an embedding
  nudged to cosine ~0.95 with its source. Store articles are loaded with the story their copy belongs to
  (`StoryIndex.restore`, what an ingest run does to rebuild its index from the store), in date order.
- The held-out articles are then assigned one by one (`StoryIndex.add_features`: candidates, scoring, joins and
  merges): that CPU time per article is the figure, one pass per size in a fresh process.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from benchmarks.stories import basil, gva, volume
from manysides.stories import StoryIndex
from manysides.stories.batch import date_order
from manysides.stories.embed import embed_articles, embedder
from manysides.stories.features import Features, compute
from manysides.stories.multilingual import lead_vectors
from manysides.stories.text import day_number

SEED = 12_000
PROBES = 2_000
SIZES = (10_000, 100_000)
FULL_SIZES = (10_000, 100_000, 1_000_000)
TARGET_RATIO = 1.5
TARGET_RATE = 300  # articles per CPU-second, embedding included
SHIFT_DAYS = 1826
KEEP_KEYS = 0.8
KEEP_MINHASH = 0.25  # two volume() copies keep 40% of the sentences each: shingle Jaccard ~0.25
NUDGE = 0.33  # noise norm added to a unit embedding: cosine ~0.95 with the source


def build_seed(path: Path) -> None:
    """Embed and compute the seed's features (as an ingest does), and time ingest per article on it."""
    articles = sorted(volume(SEED), key=date_order)
    model = embedder("default")
    lead_vectors([articles[0].model_copy(update={"language": "en"})])  # load the multilingual model untimed
    started = time.process_time()
    vectors, titles = embed_articles(model, articles)
    embedding = time.process_time() - started
    started = time.process_time()
    features = [compute(a, v, t) for a, v, t in zip(articles, vectors, titles, strict=True)]
    computing = time.process_time() - started
    index = StoryIndex()
    started = time.process_time()
    for a, f in zip(articles, features, strict=True):
        index.add_features(a.id, f.to_bytes())
    assigning = time.process_time() - started
    sample = [a.model_copy(update={"language": "en"}) for a in articles[:1000]]
    started = time.process_time()
    lead_vectors(sample)
    leads = (time.process_time() - started) / len(sample)
    originals = {d.article.id: day_number(d.article) for d in gva() + basil(True)}
    seed = {
        "ids": [a.id for a in articles],
        "features": [f.to_bytes() for f in features],
        "original_days": [originals[_story_of_id(a.id)] for a in articles],
        "stories": [_story_key(a.id, d.story) for a, d in zip(articles, _docs_for(articles), strict=True)],
        "ingest": {"embed": embedding / len(articles), "features": computing / len(articles)},
        "assign": assigning / len(articles),
        "lead": leads,
    }
    path.write_bytes(pickle.dumps(seed))


def _story_of_id(article_id: str) -> str:
    """volume() names copies 'v{copy}-{original id}'."""
    return article_id.split("-", 1)[1]


def _docs_for(articles: list) -> list:  # type: ignore[type-arg]
    gold = {d.article.id: d for d in gva() + basil(True)}
    return [gold[_story_of_id(a.id)] for a in articles]


def _story_key(article_id: str, story: str) -> str:
    """A copy's story: the gold story within its copy (volume() gives each copy of a story one date shift)."""
    return article_id.split("-", 1)[0] + ":" + story


def _copies(seed: dict, count: int, rng: random.Random, held: set[int]) -> Iterator[tuple[str, Features, str]]:  # type: ignore[type-arg]
    """`count` feature-level copies of the store's seed articles (not of the held-out ones), story by story, each
    copy of a story with its own shift."""
    base = [Features.from_bytes(data) for data in seed["features"]]
    outlets = sorted({f.outlet for f in base})
    by_story: dict[str, list[int]] = {}
    for i, story in enumerate(seed["stories"]):
        if i in held:
            continue
        by_story.setdefault(story.split(":", 1)[1], []).append(i)
    nprng = np.random.default_rng(rng.randrange(1 << 30))
    made, copy = 0, 0
    while True:
        copy += 1
        for story, members in by_story.items():
            shift = rng.randint(-SHIFT_DAYS, SHIFT_DAYS)
            for i in members:
                f = base[i]
                original = seed["original_days"][i]
                yield f"c{copy}-{seed['ids'][i]}", _edited(f, original, shift, rng, nprng, outlets), f"c{copy}:{story}"
                made += 1
                if made == count:
                    return


def _edited(
    f: Features, original: int | None, shift: int, rng: random.Random, nprng: np.random.Generator, outlets: list[int]
) -> Features:
    """Another light edit of the same article, as stored features."""
    vector = f.vector.astype(np.float32) + nprng.normal(0, NUDGE / 16, len(f.vector)).astype(np.float32)
    vector /= np.linalg.norm(vector)
    signature = f.signature.copy()
    redrawn = nprng.random(len(signature)) >= KEEP_MINHASH
    signature[redrawn] = nprng.integers(0, 1 << 32, int(redrawn.sum()), dtype=np.uint64).astype(np.uint32)

    def keep(counts):  # type: ignore[no-untyped-def]
        return type(counts)({k: n for k, n in counts.items() if rng.random() < KEEP_KEYS})

    return dataclasses.replace(
        f,
        day=None if original is None else original + shift,
        content=rng.randbytes(8),
        url=rng.getrandbits(32),
        canonical=0,
        outlet=rng.choice(outlets),
        vector=vector.astype(np.float16),
        signature=signature,
        names=keep(f.names),
        words=keep(f.words),
        marks=keep(f.marks),
    )


def measure(seed_path: Path, size: int) -> dict[str, float]:
    """In a fresh process: build a store of `size` articles, then assign the held-out probes; CPU and memory."""
    seed = pickle.loads(seed_path.read_bytes())
    rng = random.Random(size)
    n = len(seed["ids"])
    probes = set(random.Random(0).sample(range(n), PROBES))
    rows = [(seed["ids"][i], Features.from_bytes(seed["features"][i]), seed["stories"][i]) for i in range(n)]
    base = [row for i, row in enumerate(rows) if i not in probes]
    held = sorted((row for i, row in enumerate(rows) if i in probes), key=lambda r: _day_order(r[1]))
    rss_before = _rss_now_mb()
    index = _Counting()
    started = time.process_time()
    stored = base[:size]
    if size > len(base):
        stored += _copies(seed, size - len(base), rng, probes)
        stored.sort(key=lambda r: _day_order(r[1]))  # a store rebuilt in ingest (date) order
    for article_id, features, story in stored:
        index._restore(article_id, features, story)
    building = time.process_time() - started
    del stored
    index_mb = _rss_now_mb() - rss_before
    started = time.process_time()
    for article_id, features, _ in held:
        index._insert(article_id, features)
    assigning = time.process_time() - started
    return {
        "size": size,
        "assign_ms": 1000 * assigning / len(held),
        "build_s": building,
        "peak_rss_mb": _rss_mb(),
        "index_mb": index_mb,
        "pairs": index.pairs / len(held),
        "lookup_ms": 1000 * index.lookup / len(held),
    }


def _day_order(f: Features) -> tuple[int, int]:
    return (0, f.day) if f.day is not None else (1, 0)


class _Counting(StoryIndex):
    """Counts the pairs scored (the work that candidate search hands on to scoring) and times the candidate
    lookups (nearest embeddings, name postings, LSH buckets) apart from scoring."""

    pairs = 0
    lookup = 0.0

    def _log_odds(self, *args):  # type: ignore[no-untyped-def]
        self.pairs += 1
        return super()._log_odds(*args)

    def _candidates(self, *args):  # type: ignore[no-untyped-def]
        started = time.process_time()
        found = super()._candidates(*args)
        self.lookup += time.process_time() - started
        return found


def _rss_mb() -> float:
    """Peak resident memory of this process."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_now_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="also the 1M store")
    parser.add_argument("--sizes", type=int, nargs="*")
    parser.add_argument("--seed", type=Path, help="keep the embedded seed in this file and reuse it when it exists")
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)  # seed path, size: one size, in a fresh process
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure[0]), int(args.measure[1]))))
        return
    sizes = args.sizes or (FULL_SIZES if args.full else SIZES)
    with tempfile.TemporaryDirectory() as folder:
        seed_path = args.seed or Path(folder) / "seed.pickle"
        if not seed_path.exists():
            build_seed(seed_path)
        seed = pickle.loads(seed_path.read_bytes())
        results = []
        for size in sizes:
            cmd = [sys.executable, "-m", "benchmarks.scaling", "--measure", str(seed_path), str(size)]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
    print(__doc__.split("How the stores are built", 1)[1].split("\n", 1)[1])
    print(f"Story assignment, CPU ms per article ({PROBES} held-out articles assigned into a store of N):")
    print(
        "| articles in store | assign CPU ms/article | of which candidate lookup | pairs scored/article "
        "| ms per scored pair | restore s | index MB | peak RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        per_pair = (r["assign_ms"] - r["lookup_ms"]) / max(r["pairs"], 1)
        print(
            f"| {r['size']:,} | {r['assign_ms']:.2f} | {r['lookup_ms']:.2f} | {r['pairs']:.0f} | {per_pair:.3f} "
            f"| {r['build_s']:.0f} | {r['index_mb']:.0f} | {r['peak_rss_mb']:.0f} |"
        )
    first, last = results[0], results[-1]
    ratio = last["assign_ms"] / first["assign_ms"]
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(f"\nratio {last['size']:,} / {first['size']:,}: {ratio:.2f} (target <= {TARGET_RATIO}: {verdict})")
    ingest = seed["ingest"]
    per_article = ingest["embed"] + ingest["features"] + seed["assign"]
    print(
        f"\nIngest of the {SEED:,}-article seed, CPU ms per article: embedding {1000 * ingest['embed']:.2f}, "
        f"features {1000 * ingest['features']:.2f}, assignment into the growing index {1000 * seed['assign']:.2f}: "
        f"{1 / per_article:.0f} articles per CPU-second (target {TARGET_RATE}); with the multilingual lead vector "
        f"that every article of known language also gets ({1000 * seed['lead']:.2f} ms): "
        f"{1 / (per_article + seed['lead']):.0f}. Extraction and storage are not included."
    )


if __name__ == "__main__":
    main()
