"""A measured design, not in the product: a story split in two when its latest articles tell two events.

    python -m benchmarks.stories --split --no-baseline --sizes    # each set's halves with and without it

Two look-alike events (two quakes in one region, one boxer's two title fights) can share a story when an early
report of the second joins the first on the topic they share; every later report of either then fits the mixed
story (ECB+'s precision errors, `benchmarks.stories_diagnosis`). The event-specific part of a report stands out
once the story's common part is taken away: at a join into a story that reached SPLIT_FROM articles (and again
each time it has grown by SPLIT_GROWTH), the embeddings of its latest articles, centred on their mean, are grouped
in two by average linkage, and the story splits when the pair model scores the pairs across the groups under
SPLIT_CROSS_BAR and SPLIT_MARGIN under those within each group. Older members go to the group whose centred mean
is nearer; the group holding the story's first article keeps its id. Bars chosen on the fit half of ECB+; the
index's own story rules are unchanged. Costs about a hundred pair scores a check.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from manysides.records.article import Article
from manysides.stories.batch import add_all, date_order
from manysides.stories.features import Features
from manysides.stories.index import STORY_SAMPLE, Assignment, StoryIndex
from manysides.stories.score import prepare
from manysides.stories.stories import story_id

SPLIT_FROM = 10  # a story is first checked for two events when it reaches this many articles
SPLIT_GROWTH = 1.25  # and again each time it has grown by this factor
SPLIT_SIDE = 3  # each group holds at least this many of the sampled articles
SPLIT_CROSS_BAR = 1.0  # the mean log-odds of pairs across the two groups must be under this
SPLIT_MARGIN = 1.0  # and under the mean within each group by at least this much


def split_due(size: int) -> bool:
    """At SPLIT_FROM articles, then at each SPLIT_GROWTH-fold growth: O(log n) checks for a story of n."""
    mark = float(SPLIT_FROM)
    while int(mark) < size:
        mark *= SPLIT_GROWTH
    return int(mark) == size


def two_groups(distances: np.ndarray) -> list[list[int]]:
    """Average linkage (Lance-Williams updates) down to two groups of the rows of a distance matrix."""
    d = distances.astype(np.float64)
    np.fill_diagonal(d, np.inf)
    groups = [[i] for i in range(len(d))]
    alive = list(range(len(d)))
    while len(alive) > 2:
        flat = int(np.argmin(d[np.ix_(alive, alive)]))
        i, j = sorted((alive[flat // len(alive)], alive[flat % len(alive)]))
        ni, nj = len(groups[i]), len(groups[j])
        d[i, :] = d[:, i] = (ni * d[i, :] + nj * d[j, :]) / (ni + nj)
        d[i, i] = np.inf
        groups[i] += groups[j]
        alive.remove(j)
    return [sorted(groups[k]) for k in alive]


class SplitIndex(StoryIndex):
    """The story index with the split check after each join; `stories()` gives the stories after splits (the
    assignments it returns name each article's story at its arrival, before later splits)."""

    def __init__(self, backend: str = "default") -> None:
        super().__init__(backend)
        self.checks = 0
        self.splits = 0

    def _insert(self, article_id: str, features: Features) -> Assignment:
        assignment = super()._insert(article_id, features)
        sid = self._stories.of_row[-1]
        if split_due(len(self._stories.members[sid])):
            self._split_if_two_events(sid)
        return assignment

    def _split_if_two_events(self, sid: str) -> None:
        self.checks += 1
        members = self._stories.members[sid]
        sample = members[-STORY_SAMPLE:]
        vectors = np.stack([self._features[r].vector.astype(np.float32) for r in sample])
        mean = vectors.mean(axis=0)
        centred = vectors - mean
        centred /= np.linalg.norm(centred, axis=1, keepdims=True) + 1e-9
        sides = two_groups(np.clip(1.0 - centred @ centred.T, 0.0, None))
        if min(len(side) for side in sides) < SPLIT_SIDE:
            return
        z = np.zeros((len(sample), len(sample)))
        for j in range(1, len(sample)):  # each later sampled article against the earlier ones, as it would join
            f = self._features[sample[j]]
            norms, prepared, vector = self._idf.norms(f), prepare(f, self._idf), f.vector.astype(np.float32)
            for i in range(j):
                z[i, j] = z[j, i] = self._log_odds(f, norms, prepared, vector, sample[i])
        within = [z[np.ix_(side, side)][np.triu_indices(len(side), 1)].mean() for side in sides]
        across = z[np.ix_(sides[0], sides[1])].mean()
        if across >= SPLIT_CROSS_BAR or min(within) - across < SPLIT_MARGIN:
            return
        self.splits += 1
        side_of = {sample[i]: k for k, side in enumerate(sides) for i in side}
        means = [centred[side].mean(axis=0) for side in sides]
        for r in members[: -len(sample)]:
            offset = self._features[r].vector.astype(np.float32) - mean
            side_of[r] = int(np.argmax([offset @ m for m in means]))
        moved = [r for r in members if side_of[r] != side_of[members[0]]]
        new = story_id(self._ids[min(moved)])
        while new in self._stories.members:
            new = story_id(new)
        self._stories.members[sid] = [r for r in members if side_of[r] == side_of[members[0]]]
        self._stories.members[new] = moved
        self._stories._opened[new] = min(moved)
        for r in moved:
            self._stories.of_row[r] = new


def split_stories(articles: Sequence[Article], backend: str = "default") -> dict[str, str]:
    """Article id -> story id after every join and split, the articles added in date order as `group` does."""
    index = SplitIndex(backend)
    for _ in add_all(index, sorted(articles, key=date_order)):
        pass
    return {article_id: sid for sid, ids in index.stories().items() for article_id in ids}
