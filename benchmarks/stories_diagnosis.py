"""Why English story pairs are missed or merged on ECB+ and GVA: each wrong pair of one half, tallied by cause.

    python -m benchmarks.stories_diagnosis                 # the fit half (the half changes are decided on)
    python -m benchmarks.stories_diagnosis --examples 5    # with a few examples of each cause
    python -m benchmarks.stories_diagnosis --held          # the held half (figures only: never tune on it)

Each set's half is grouped alone, as the fit of `benchmarks.stories` sees it (features computed once per run, then
the index is replayed from them in date order, watching each article arrive). For a same-story pair the later
article of the two is the one that could have joined the other's story; for an unrelated pair, whether it was
joined by its own score or through other articles. Causes, as in `benchmarks.semeval_diagnosis`:

- missed, as a copy: the later article was taken for a copy of a third page and joined that page's story;
- missed, not a candidate: the earlier article was not among the later one's candidates (retrieval);
- missed, pair below the bar: a candidate whose pair log-odds were below the bar (the pair model);
- missed, story below the bar: the pair cleared the bar but the mean over the earlier one's story did not;
- missed, joined a better story: both fitted, another story by more than the merge gap;
- merged, direct / through others (a chain) / as a copy; for ECB+, whether the two are one topic's two events.

A pair missed by retrieval whose stories never met at all is worse than one another member bridges: the table also
counts articles none of whose earlier story mates was a candidate, and where mixed stories come from: the arrival
that first put two gold stories in one story, and the wrong pairs joins add to stories already mixed. Order: the
half replayed in a shuffled order (a seeded shuffle) against the date order, B-cubed F1 between the two groupings.
Ceilings (`--ceilings`): the half replayed with the gold stories refusing some joins, as a perfect check at the join
would: joins into a one-article story of another event, or any join that would mix a story of one event. They bound
what a signal judging one join can win (figures in the CHANGELOG, session 18).
"""

from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict

import numpy as np

from benchmarks.stories import Doc, bcubed, ecbplus, gva, in_fit_half
from benchmarks.watched_index import Watched as WatchedIndex
from manysides.stories.batch import date_order, embedded
from manysides.stories.features import compute
from manysides.stories.score import FEATURES, prepare


class Watched(WatchedIndex):
    """The index with what the diagnosis asks of a pair."""

    def pair(self, later: str, earlier: str) -> tuple[float, list[float]]:
        """(log-odds less the bar, signals) of a pair under the idf as it stands now."""
        f = self._features[self._rows[later]]
        norms, prepared = self._idf.norms(f), prepare(f, self._idf)
        vector = f.vector.astype(np.float32)
        row = self._rows[earlier]
        return self._log_odds(f, norms, prepared, vector, row), self._signals(f, norms, prepared, vector, row)


class Ceiling(Watched):
    """The index with a perfect check at the join: it refuses stories the gold says the article is not of, when
    `mode` is "single" only stories of one article, when "pure" any story still of one gold event."""

    def __init__(self, gold: dict[str, str], mode: str) -> None:
        super().__init__()
        self._gold, self._mode, self._current = gold, mode, ""

    def add_features(self, article_id: str, data: bytes):  # type: ignore[no-untyped-def]
        self._current = article_id
        return super().add_features(article_id, data)

    def _linked_stories(self, features, vector, copies):  # type: ignore[no-untyped-def]
        me = self._gold[self._current]

        def refused(sid: str) -> bool:
            rows = self._stories.members[sid]
            golds = {self._gold[self._ids[row]] for row in rows}
            small = len(rows) == 1 if self._mode == "single" else len(golds) == 1
            return small and me not in golds

        return [(sid, z) for sid, z in super()._linked_stories(features, vector, copies) if not refused(sid)]


def ceilings(order: list[str], features: dict[str, bytes], gold: dict[str, str]) -> None:
    """B-cubed of the replay with a perfect check at the join (see Ceiling)."""
    for mode, what in (("single", "into a one-article story"), ("pure", "that mixes a one-event story")):
        index = Ceiling(gold, mode)
        for article_id in order:
            index.add_features(article_id, features[article_id])
        pred = {i: index._stories.of_row[index._rows[i]] for i in order}
        p, r, f1 = bcubed(pred, gold)
        print(f"ceiling, no wrong join {what}: B3 P {p:.3f} R {r:.3f} F1 {f1:.3f}")


def features_of(docs: list[Doc]) -> dict[str, bytes]:
    ordered = sorted(docs, key=lambda d: date_order(d.article))
    return {a.id: compute(a, v, t, m).to_bytes() for a, v, t, m in embedded([d.article for d in ordered])}


def replay(order: list[str], features: dict[str, bytes]) -> Watched:
    index = Watched()
    for article_id in order:
        index.add_features(article_id, features[article_id])
    return index


def cause(index: Watched, gold: dict[str, str], a: str, b: str) -> str:
    first, later = sorted((a, b), key=lambda i: index.arrivals[i].row)
    arrival = index.arrivals[later]
    if gold[a] == gold[b]:
        if arrival.copy_of is not None:
            return "missed, as a copy"
        row = index.arrivals[first].row
        if row not in arrival.candidates:
            return "missed, not a candidate"
        if index.pair(later, first)[0] < 0:
            return "missed, pair below the bar"
        if arrival.scores[arrival.candidates[row]] < 0:
            return "missed, story below the bar"
        return "missed, joined a better story"
    topic = "one topic, " if gold[a].startswith("ecb:") and gold[a].split("_")[0] == gold[b].split("_")[0] else ""
    if arrival.copy_of is not None:
        return f"merged, {topic}as a copy"
    return f"merged, {topic}{'direct' if index.pair(later, first)[0] >= 0 else 'through others'}"


def lead(doc: Doc, n: int = 110) -> str:
    text = (doc.article.title or "") + " | " + " ".join(doc.article.body.split())
    return text[:n]


def describe(index: Watched, docs: dict[str, Doc], a: str, b: str) -> str:
    first, later = sorted((a, b), key=lambda i: index.arrivals[i].row)
    z, values = index.pair(later, first)
    s = dict(zip(FEATURES, values, strict=True))
    fa, fb = index._features[index._rows[first]], index._features[index._rows[later]]
    days = "undated" if fa.day is None or fb.day is None else f"{abs(fa.day - fb.day)}d"
    head = f"z={z:+.2f} cos={s['cosine']:.2f} names={s['names']:.2f} words={s['words']:.2f} {days}"
    head += f" head={s['headline_cosine']:.2f} marks={s['marks_sqrt']:.2f}"
    return f"  {head}\n    {docs[first].story} {lead(docs[first])}\n    {docs[later].story} {lead(docs[later])}"


def pair_shapes(index: Watched, pairs: list[tuple[str, str]]) -> str:
    """How the missed pairs below the bar look: shares with no shared name, weeks apart, low cosine."""
    if not pairs:
        return "-"
    rows = []
    for a, b in pairs:
        first, later = sorted((a, b), key=lambda i: index.arrivals[i].row)
        _, values = index.pair(later, first)
        s = dict(zip(FEATURES, values, strict=True))
        days = np.expm1(s["log_days_apart"])
        rows.append((s["names"] == 0, days > 14, s["cosine"] < 0.5, s["names"] < 0.1, s["undated"] == 1))
    m = np.array(rows, dtype=float).mean(axis=0)
    return (
        f"no shared name {m[0]:.0%}, names<0.1 {m[3]:.0%}, >14 days apart {m[1]:.0%}, cosine<0.5 {m[2]:.0%}, "
        f"undated {m[4]:.0%}"
    )


def events(index: Watched, gold: dict[str, str], ids: list[str]) -> None:
    """Wrong pairs made at each arrival: by the article joining a story, or by stories merged through it."""
    members: dict[str, list[str]] = {}
    made: Counter[str] = Counter()
    margins: list[float] = []
    for a in ids:
        arrival = index.arrivals[a]
        joined = list(members.get(arrival.story, []))
        absorbed = [m for s in arrival.merged for m in members.pop(s, [])]
        wrong_join = sum(1 for m in joined + absorbed if gold[m] != gold[a])
        wrong_merge = sum(1 for m in joined for n in absorbed if gold[m] != gold[n])
        kind = "copy" if arrival.copy_of else ("merge" if arrival.merged else "join")
        made[f"{kind}: article to other-story members"] += wrong_join
        made[f"{kind}: across merged stories"] += wrong_merge
        if wrong_join and kind == "join" and arrival.story in arrival.scores:
            majority = Counter(gold[m] for m in joined).most_common(1)[0][0]
            if majority != gold[a]:
                margins.append(arrival.scores[arrival.story])
        members[arrival.story] = joined + absorbed + [a]
    print("wrong pairs made, by event:", {k: v for k, v in made.items() if v})
    mixing(index, gold, ids)
    if margins:
        cuts = np.histogram(margins, bins=[0, 0.5, 1, 2, 99])[0]
        print(
            f"joins into a story of another event: {len(margins)}; story score 0-0.5 {cuts[0]}, 0.5-1 {cuts[1]}, "
            f"1-2 {cuts[2]}, >=2 {cuts[3]}"
        )


def mixing(index: Watched, gold: dict[str, str], ids: list[str]) -> None:
    """Where mixed stories come from: the arrivals that first put two gold stories in one story (the article
    joining, stories merged through it, or a copy), and the wrong pairs made later by articles joining a story
    that was already mixed (a mixed story keeps drawing both events' articles)."""
    golds: dict[str, Counter[str]] = {}
    first: Counter[str] = Counter()
    later = 0
    for a in ids:
        arrival = index.arrivals[a]
        g = golds.get(arrival.story, Counter()).copy()
        parts = [golds.pop(s, Counter()) for s in arrival.merged]
        sizes = [len(g)] + [len(p) for p in parts]
        already_mixed = max(sizes) > 1
        later += sum(n for k, n in g.items() if k != gold[a]) if already_mixed and not parts else 0
        for p in parts:
            g.update(p)
        g[gold[a]] += 1
        golds[arrival.story] = g
        if len(g) > max(sizes) and (sizes[0] or parts):
            kind = "copy" if arrival.copy_of else ("merge" if arrival.merged else "join")
            size = sum(g.values()) - 1
            first[f"{kind} into a story of {'1' if size == 1 else '2-4' if size < 5 else '5+'}"] += 1
    print(f"first mixing arrivals: {dict(first)}")
    print(f"wrong pairs from arrivals (joins and copies) into stories already mixed: {later}")


def diagnose(name: str, docs: list[Doc], examples: int, shuffles: int, ceiling: bool = False) -> None:
    by_id = {d.article.id: d for d in docs}
    gold = {d.article.id: d.story for d in docs}
    features = features_of(docs)
    order = [d.article.id for d in sorted(docs, key=lambda d: date_order(d.article))]
    index = replay(order, features)
    pred = {i: index._stories.of_row[index._rows[i]] for i in order}
    p, r, f1 = bcubed(pred, gold)
    print(f"\n## {name}: {len(docs)} articles, {len(set(gold.values()))} stories; B3 P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    if ceiling:
        ceilings(order, features, gold)
    tally: Counter[str] = Counter()
    found: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
    ids = list(order)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            same_gold, same_pred = gold[a] == gold[b], pred[a] == pred[b]
            if same_gold != same_pred:
                c = cause(index, gold, a, b)
                tally[c] += 1
                found[c].append((a, b))
    total_same = sum(n * (n - 1) // 2 for n in Counter(gold.values()).values())
    print(f"same-story pairs {total_same}; wrong pairs by cause:")
    for c, n in sorted(tally.items()):
        print(f"| {c} | {n} |")
    # Articles none of whose earlier mates were candidates (retrieval lost the article outright).
    lost, alone = 0, 0
    for a in ids:
        mates = [m for m in ids if gold[m] == gold[a] and index.arrivals[m].row < index.arrivals[a].row]
        if not mates:
            continue
        cands = index.arrivals[a].candidates
        if not any(index.arrivals[m].row in cands for m in mates):
            lost += 1
            if pred[a] != pred[mates[0]] and all(pred[m] != pred[a] for m in mates):
                alone += 1
    print(f"articles with earlier mates none of which was a candidate: {lost} ({alone} ended apart from all)")
    below = found.get("missed, pair below the bar", [])
    print("missed below the bar:", pair_shapes(index, below))
    for c in ("missed, not a candidate", "missed, pair below the bar"):
        zs = [index.pair(*sorted(ab, key=lambda i: -index.arrivals[i].row))[0] for ab in found.get(c, [])]
        if zs:
            cuts = np.histogram(zs, bins=[-99, -4, -2, -1, 0, 99])[0]
            print(f"{c}: pair z <-4 {cuts[0]}, -4..-2 {cuts[1]}, -2..-1 {cuts[2]}, -1..0 {cuts[3]}, >=0 {cuts[4]}")
    events(index, gold, ids)
    merges = Counter()
    for a in ids:
        arrival = index.arrivals[a]
        if arrival.merged:
            stories = {gold[m] for m in ids if pred[m] == pred[a]}
            merges["merge events" if len(stories) == 1 else "merge events joining >1 gold story"] += 1
    print("merges at arrival:", dict(merges))
    for c, pairs in sorted(found.items()):
        if not examples:
            break
        print(f"\n### {c} ({len(pairs)} pairs)")
        seen: set[str] = set()
        shown = 0
        for a, b in random.Random(0).sample(pairs, len(pairs)):
            key = min(gold[a], gold[b]) + max(gold[a], gold[b])
            if key in seen:
                continue
            seen.add(key)
            print(describe(index, by_id, a, b))
            shown += 1
            if shown >= examples:
                break
    for seed in range(shuffles):
        shuffled = list(order)
        random.Random(seed).shuffle(shuffled)
        other = replay(shuffled, features)
        alt = {i: other._stories.of_row[other._rows[i]] for i in order}
        print(f"order: shuffled #{seed} vs date order B3 F1 {bcubed(alt, pred)[2]:.3f}; vs gold {bcubed(alt, gold)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--held", action="store_true", help="the held half (figures only)")
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--shuffles", type=int, default=1)
    parser.add_argument("--only", choices=("ecb", "gva"))
    parser.add_argument("--ceilings", action="store_true", help="B-cubed with a perfect check at the join")
    args = parser.parse_args()
    for name, loader in (("ecb", ecbplus), ("gva", gva)):
        if args.only and args.only != name:
            continue
        docs = [d for d in loader() if in_fit_half(d.story) != args.held]
        diagnose(name, docs, args.examples, args.shuffles, args.ceilings)


if __name__ == "__main__":
    main()
