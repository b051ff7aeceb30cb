"""The incremental story index: each new article joins a story, opens one, or merges several.

Candidates come from five cheap lookups instead of all pairs: the nearest embeddings among articles
within a time window (all articles when undated), the nearest headline embeddings (same window: a page whose body
is mostly a site's furniture is found by its headline), the nearest multilingual lead vectors among the articles a
report in another language would be compared with (same window), articles sharing a rare name or number (any
date, so trials months later still meet the incident), and MinHash LSH buckets (copies). Only candidates are
scored: two English reports by the English pair model (score.py), others by the cross-language one (crosslang.py).
Each lookup reads a bounded number of rows (time buckets with their own ANN index, postings of rare names only,
capped LSH buckets), so the cost of an article stays flat as the store grows.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from manysides.records.article import Article
from manysides.stories import crosslang, minhash
from manysides.stories.embed import embed_articles, embedder
from manysides.stories.features import Features, compute
from manysides.stories.multilingual import lead_vectors
from manysides.stories.neighbours import WindowedVectors
from manysides.stories.score import FITTED_LINK_SHARE, Idf, Norms, Prepared, log_odds, prepare, signals
from manysides.stories.stories import Stories

WINDOW_DAYS = 45  # embedding neighbours are looked for this many days either side of a dated article
NEIGHBOURS = 10  # nearest embeddings scored per article
HEADLINE_NEIGHBOURS = 5  # nearest headline embeddings scored per article with a headline
NAME_MATCHES = 10  # best name-sharing articles scored per article
NAME_DF_LIMIT = 100  # names in more articles than this are too common to retrieve by
MERGE_GAP = 1.0  # other fitting stories within this many log-odds of the best are merged into one
LINK_SHARE = FITTED_LINK_SHARE  # share of a story's sampled members whose log-odds count (fitted)
TRIM_FROM = 5  # stories with fewer sampled members are judged by all of them
STORY_SAMPLE = 16  # a story is compared through its latest articles, at most this many
DUPLICATE_JACCARD = 0.5  # estimated shingle overlap from which a body is a (lightly edited) copy
SOURCE_COSINE = 0.8  # a page naming an outlet as its source copies that outlet's closest article if this close


@dataclass(frozen=True)
class Assignment:
    """Where one article went."""

    article_id: str
    story_id: str
    duplicate_of: str | None
    merged: tuple[str, ...]


def _same_headline(a: Features, b: Features) -> bool:
    """Copies keep the headline (or drop it); equal bodies under unrelated headlines are site furniture. Two
    pages of one outlet without both headlines are not near-copies either: what their bodies share is more likely
    the site's template (a consent notice, a paywall prompt) around two articles than one article told twice."""
    if not a.headline or not b.headline:
        return a.content == b.content or not (a.outlet and a.outlet == b.outlet)
    shared = len(set(a.headline) & set(b.headline))
    return shared >= 0.5 * min(len(a.headline), len(b.headline))


def _english_headline(features: Features) -> bool:
    """Whether the article has a headline embedding and is English or of unknown language."""
    return bool(len(features.title_vector)) and features.language in (0, crosslang.ENGLISH)


def _story_score(scores: list[float]) -> float:
    """Mean of the article's log-odds against a story's sampled members; in a larger story only the best
    LINK_SHARE count, so the outlying angles a long story accumulates do not keep its own follow-ups out."""
    share = LINK_SHARE if len(scores) >= TRIM_FROM else 1.0
    best = sorted(scores, reverse=True)[: max(1, math.ceil(share * len(scores)))]
    return float(np.add.reduce(np.array(best))) / len(best)  # np.mean's sum and division, without its overhead


class StoryIndex:
    """Incremental: add articles one by one; each joins a story, starts one, or merges two."""

    def __init__(self, backend: str = "default") -> None:
        self.backend = backend
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._features: list[Features] = []
        self._norms: list[tuple[int, Norms]] = []  # (idf epoch, names, words and marks norms) per row
        self._dim = 0  # the embedding backend's, set by the first article
        self._vectors = WindowedVectors()  # word embeddings
        self._titles = WindowedVectors()  # headline embeddings of the articles that have a headline
        self._leads = WindowedVectors()  # multilingual lead vectors, one group per language
        self._lead_languages: set[int] = set()
        self._idf = Idf()
        self._postings: defaultdict[int, list[int]] = defaultdict(list)  # only names still under NAME_DF_LIMIT
        self._lsh = minhash.LshTable()
        self._by_content: dict[bytes, int] = {}
        self._by_url: dict[int, int] = {}
        self._by_outlet: defaultdict[int, list[int]] = defaultdict(list)
        self._stories = Stories()

    def add(self, article: Article) -> Assignment:
        """Index one article (embedding it) and say where it went."""
        vectors, titles = embed_articles(embedder(self.backend), [article])
        return self.add_vector(article, vectors[0], titles[0], lead_vectors([article])[0])

    def add_vector(
        self,
        article: Article,
        vector: np.ndarray,
        title_vector: np.ndarray | None = None,
        multi: np.ndarray | None = None,
    ) -> Assignment:
        """add() with the embeddings already computed (batch callers embed many texts at once)."""
        return self._insert(article.id, compute(article, vector, title_vector, multi))

    def features(self, article_id: str) -> bytes:
        """The article's compact state (~1.9 KB) for the store; add_features() takes it back."""
        return self._features[self._rows[article_id]].to_bytes()

    def add_features(self, article_id: str, data: bytes) -> Assignment:
        """Index an article from stored features: the same assignment as add() gave, no model needed."""
        return self._insert(article_id, Features.from_bytes(data))

    def restore(self, article_id: str, data: bytes, story_id: str) -> None:
        """Index a stored article under the story the store gives it, scoring nothing: rebuilding the index of a
        large store this way costs a small fraction of replaying every assignment through add_features()."""
        self._restore(article_id, Features.from_bytes(data), story_id)

    def _restore(self, article_id: str, features: Features, story_id: str) -> None:
        if article_id in self._rows:
            raise ValueError(f"article {article_id!r} is already in the index")
        row = len(self._ids)
        self._lsh.add(row, features.signature)
        self._idf.add(features)
        self._stories.restore(row, story_id)
        self._remember(article_id, row, features, features.vector.astype(np.float32))

    def stories(self) -> dict[str, list[str]]:
        """Story id -> article ids, in the order they were added."""
        return {sid: [self._ids[row] for row in rows] for sid, rows in self._stories.members.items()}

    def _insert(self, article_id: str, features: Features) -> Assignment:
        if article_id in self._rows:
            raise ValueError(f"article {article_id!r} is already in the index")
        row = len(self._ids)
        vector = features.vector.astype(np.float32)
        if row and len(vector) != self._dim:
            raise ValueError(f"features of {article_id!r} come from another embedding backend")
        copies = self._lsh.query_and_add(row, features.signature)
        original = self._original(features, copies)
        self._idf.add(features)
        if original is not None:
            sid, merged = self._stories.join(row, [self._stories.of_row[original]])
        else:
            linked = self._linked_stories(features, vector, copies)
            if linked:
                best = linked[0][1]
                sid, merged = self._stories.join(row, [s for s, z in linked if z >= best - MERGE_GAP])
            else:
                sid, merged = self._stories.open(row, article_id), ()
        self._remember(article_id, row, features, vector)
        return Assignment(article_id, sid, None if original is None else self._ids[original], merged)

    def _original(self, features: Features, copies: set[int]) -> int | None:
        """The earliest indexed article this one copies: same body, near-same body, or named as its source."""
        found: list[int] = []
        if features.content != bytes(8) and features.content in self._by_content:
            found.append(self._by_content[features.content])
        if copies:  # one comparison of all the LSH candidates' signatures (up to BANDS * BUCKET_LIMIT of them)
            rows = list(copies)
            shared = (np.stack([self._features[r].signature for r in rows]) == features.signature).sum(axis=1)
            found += [r for r, n in zip(rows, shared, strict=True) if n / minhash.PERMUTATIONS >= DUPLICATE_JACCARD]
        found = [r for r in found if _same_headline(features, self._features[r])]
        if features.source_url in self._by_url:
            found.append(self._by_url[features.source_url])
        elif features.source_outlet and features.source_outlet != features.outlet:
            rows = self._by_outlet.get(features.source_outlet, [])
            best = max(rows, key=lambda r: self._cosine(features, r), default=None)
            if best is not None and self._cosine(features, best) >= SOURCE_COSINE:
                found.append(best)
        return min(found) if found else None

    def _cosine(self, features: Features, row: int) -> float:
        return float(self._features[row].vector.astype(np.float32) @ features.vector.astype(np.float32))

    def _linked_stories(self, features: Features, vector: np.ndarray, copies: set[int]) -> list[tuple[str, float]]:
        """(story, mean log-odds) of stories this article fits, best first.

        A story fits when the article's average log-odds over its latest articles clears the model's bar:
        average, not single link, so one look-alike article cannot pull a new incident in.
        """
        norms, prepared = self._idf.norms(features), prepare(features, self._idf)
        fits: list[tuple[str, float]] = []
        for sid in sorted({self._stories.of_row[row] for row in self._candidates(features, vector, copies)}):
            members = self._stories.members[sid][-STORY_SAMPLE:]
            z = _story_score([self._log_odds(features, norms, prepared, vector, row) for row in members])
            if z >= 0.0:
                fits.append((sid, z))
        return sorted(fits, key=lambda fit: -fit[1])

    def _log_odds(self, features: Features, norms: Norms, prepared: Prepared, vector: np.ndarray, row: int) -> float:
        """The pair's log-odds less its model's bar: the English model, or the cross-language one."""
        other = self._features[row]
        if crosslang.routes(features, other):
            return crosslang.log_odds(crosslang.signals(features, other, norms, self._row_norms(row), self._idf))
        return log_odds(self._signals(features, norms, prepared, vector, row))

    def _signals(
        self, features: Features, norms: Norms, prepared: Prepared, vector: np.ndarray, row: int
    ) -> list[float]:
        other = self._features[row]
        cosine = float(other.vector.astype(np.float32) @ vector)
        return signals(features, other, norms, self._row_norms(row), cosine, self._idf, prepared)

    def _row_norms(self, row: int) -> Norms:
        epoch, norms = self._norms[row]
        if epoch != self._idf.epoch:
            norms = self._idf.norms(self._features[row])
            self._norms[row] = (self._idf.epoch, norms)
        return norms

    def _scored(self, features: Features, vector: np.ndarray, copies: set[int]) -> list[tuple[int, list[float]]]:
        """Candidate rows with their pair signals (the fitting benchmark reads these)."""
        norms, prepared = self._idf.norms(features), prepare(features, self._idf)
        rows = self._candidates(features, vector, copies)
        return [(row, self._signals(features, norms, prepared, vector, row)) for row in rows]

    def _candidates(self, features: Features, vector: np.ndarray, copies: set[int]) -> list[int]:
        found = self._neighbours(features, vector) | self._name_matches(features) | copies
        return sorted(found | self._headline_neighbours(features) | self._multilingual_neighbours(features))

    def _neighbours(self, features: Features, vector: np.ndarray) -> set[int]:
        """Nearest embeddings among the articles within the time window (all articles when undated)."""
        return self._vectors.nearest(vector, features.day, WINDOW_DAYS, NEIGHBOURS)

    def _headline_neighbours(self, features: Features) -> set[int]:
        """Nearest headline embeddings within the time window: a page whose body is mostly furniture (a video
        playlist, a sign-up prompt) sits far from its story by its body's embedding, but not by its headline.
        English reports and reports of unknown language only: the English model judges such pairs, and the
        headline embeddings are English word vectors."""
        if not _english_headline(features):
            return set()
        return self._titles.nearest(features.title_vector, features.day, WINDOW_DAYS, HEADLINE_NEIGHBOURS)

    def _multilingual_neighbours(self, features: Features) -> set[int]:
        """Nearest multilingual lead vectors among the window's rows the cross-language model would judge
        against this article: the word embeddings place a German and an English report far apart."""
        if not features.language or not len(features.multi):
            return set()
        judged = self._lead_languages - {features.language}
        if features.language != crosslang.ENGLISH and crosslang.model()["route"] == "non_english":
            judged |= self._lead_languages & {features.language}
        if not judged:
            return set()
        return self._leads.nearest(features.multi, features.day, WINDOW_DAYS, NEIGHBOURS, sorted(judged))

    def _name_matches(self, features: Features) -> set[int]:
        """Articles sharing the most (idf-weighted) rare names and numbers, whatever their dates."""
        postings, weights = [], []
        for key in features.names:
            if self._idf.df[key] <= NAME_DF_LIMIT and self._postings.get(key):
                postings.append(self._postings[key])
                weights.append(self._idf.weight(key))
        if not postings:
            return set()
        rows = np.fromiter(itertools.chain.from_iterable(postings), np.int64)
        # Summed in the order of the names, as a loop would: ties then break by row alone.
        rows, at = np.unique(rows, return_inverse=True)
        shared = np.bincount(at, weights=np.repeat(weights, [len(p) for p in postings]))
        return {int(rows[i]) for i in np.lexsort((rows, -shared))[:NAME_MATCHES]}

    def _remember(self, article_id: str, row: int, features: Features, vector: np.ndarray) -> None:
        self._ids.append(article_id)
        self._rows[article_id] = row
        self._features.append(features)
        self._norms.append((-1, ()))
        self._dim = len(vector)
        self._vectors.add(row, features.day, vector)
        if _english_headline(features):
            self._titles.add(row, features.day, features.title_vector)
        if len(features.multi):
            self._leads.add(row, features.day, features.multi, features.language)
            self._lead_languages.add(features.language)
        for key in features.names:
            if self._idf.df[key] <= NAME_DF_LIMIT:
                self._postings[key].append(row)
            else:  # never read again (document frequencies only grow): keep memory flat too
                self._postings.pop(key, None)
        self._by_content.setdefault(features.content, row)
        if features.url:
            self._by_url.setdefault(features.url, row)
        if features.canonical:
            self._by_url.setdefault(features.canonical, row)
        if features.outlet:
            self._by_outlet[features.outlet].append(row)
