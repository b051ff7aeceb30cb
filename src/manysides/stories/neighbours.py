"""Nearest vectors within a time window, at a cost per query that does not grow with the store.

Rows are kept in buckets of BUCKET_DAYS days (one more bucket holds the undated rows), per group (the word
embeddings are one group; multilingual lead vectors are grouped by language, so a query names the languages it may
meet). A window query reads only the buckets it overlaps. A small bucket is searched exactly with numpy; once it
outgrows EXACT_ROWS it gets its own usearch (HNSW) index, whose search cost grows with the logarithm of the
bucket, not with the store. A query whose buckets are all small gets exactly the rows and tie order of a
dot product over the window, so small stores group exactly as before. An undated query may meet every row: past
EXACT_ROWS rows in all, it reads one more bucket holding every row of its group, made at the first such query and
kept up to date after.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

BUCKET_DAYS = 45  # a dated row lives in bucket day // BUCKET_DAYS: a ±45-day window reads three
EXACT_ROWS = 1024  # buckets up to this many rows are searched exactly; a numpy product is cheaper there
EDGE_FACTOR = 4  # a bucket only partly in the window is asked for this many times more neighbours, then filtered
_UNDATED = None


class _Bucket:
    """One bucket's rows, their days and vectors: a growable float32 matrix while small, an HNSW index after."""

    def __init__(self, dim: int) -> None:
        self.count = 0
        self.rows = np.zeros(16, dtype=np.int64)
        self.days = np.zeros(16, dtype=np.int32)
        self.vectors: np.ndarray | None = np.zeros((16, dim), dtype=np.float32)
        self.index = None  # usearch.index.Index once the bucket is large

    def add(self, row: int, day: int, vector: np.ndarray) -> None:
        if self.count == len(self.rows):
            self.rows = np.resize(self.rows, 2 * self.count)
            self.days = np.resize(self.days, 2 * self.count)
            if self.vectors is not None:
                grown = np.zeros((2 * self.count, self.vectors.shape[1]), dtype=np.float32)
                grown[: self.count] = self.vectors
                self.vectors = grown
        self.rows[self.count] = row
        self.days[self.count] = day
        if self.index is not None:
            self.index.add(row, vector)
        else:
            assert self.vectors is not None
            self.vectors[self.count] = vector
        self.count += 1
        if self.index is None and self.count > EXACT_ROWS:
            self._build()

    @classmethod
    def of(cls, rows: np.ndarray, days: np.ndarray, vectors: np.ndarray) -> _Bucket:
        """A bucket holding the given rows (in increasing order) at once."""
        bucket = cls(vectors.shape[1])
        bucket.count, bucket.rows, bucket.days, bucket.vectors = len(rows), rows, days, vectors
        if bucket.count > EXACT_ROWS:
            bucket._build()
        return bucket

    def contents(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows, days, float32 vectors) of the bucket."""
        rows = self.rows[: self.count]
        if self.index is None:
            assert self.vectors is not None
            return rows, self.days[: self.count], self.vectors[: self.count]
        return rows, self.days[: self.count], np.asarray(self.index.get(rows, dtype=np.float32))

    def _build(self) -> None:
        """Move the bucket's vectors into an HNSW index (half-precision: the stored embeddings are float16)."""
        from usearch.index import Index

        assert self.vectors is not None
        self.index = Index(ndim=self.vectors.shape[1], metric="ip", dtype="f16")
        self.index.add(self.rows[: self.count], self.vectors[: self.count], threads=1)
        self.vectors = None

    def exact(self, vector: np.ndarray, low: int | None, high: int | None) -> tuple[np.ndarray, np.ndarray]:
        """(rows, similarities) of every row in [low, high] (all rows when low is None)."""
        assert self.vectors is not None
        sims = self.vectors[: self.count] @ vector
        rows = self.rows[: self.count]
        if low is None:
            return rows, sims
        days = self.days[: self.count]
        keep = (days >= low) & (days <= high)
        return rows[keep], sims[keep]

    def approximate(
        self, vector: np.ndarray, k: int, low: int | None, high: int | None, whole: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """(rows, similarities) of the approximate k nearest rows in [low, high]."""
        assert self.index is not None
        found = self.index.search(vector, k if whole else EDGE_FACTOR * k, threads=1)
        rows = np.asarray(found.keys, dtype=np.int64)
        sims = 1.0 - np.asarray(found.distances, dtype=np.float32)
        if whole or low is None:
            return rows, sims
        position = np.searchsorted(self.rows[: self.count], rows)
        days = self.days[position]
        keep = (days >= low) & (days <= high)
        return rows[keep], sims[keep]


class WindowedVectors:
    """Unit vectors by row, searchable for the nearest ones within a time window."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[int, int | None], _Bucket] = {}
        self._numbers: dict[int, set[int]] = {}  # group -> its dated bucket numbers (undated queries read all)
        self._sizes: dict[int, int] = {}  # group -> rows
        self._everything: dict[int, _Bucket] = {}  # group -> all its rows, once an undated query needed them

    def add(self, row: int, day: int | None, vector: np.ndarray, group: int = 0) -> None:
        """Index a row; rows must come in increasing order (each bucket's rows stay sorted)."""
        vector = vector.astype(np.float32, copy=False)
        number = _UNDATED if day is None else day // BUCKET_DAYS
        bucket = self._buckets.get((group, number))
        if bucket is None:
            bucket = self._buckets[(group, number)] = _Bucket(len(vector))
            if number is not None:
                self._numbers.setdefault(group, set()).add(number)
        bucket.add(row, 0 if day is None else day, vector)
        self._sizes[group] = self._sizes.get(group, 0) + 1
        if group in self._everything:
            self._everything[group].add(row, 0 if day is None else day, vector)

    def nearest(
        self, vector: np.ndarray, day: int | None, window: int, k: int, groups: Iterable[int] = (0,)
    ) -> set[int]:
        """The k rows most similar to vector among undated rows and rows within `window` days of `day` (all rows
        when day is None), in the given groups."""
        vector = vector.astype(np.float32, copy=False)
        low = None if day is None else day - window
        high = None if day is None else day + window
        parts: list[tuple[np.ndarray, np.ndarray]] = []
        for group in groups:
            if day is None and self._sizes.get(group, 0) > EXACT_ROWS:
                parts.append(self._all_rows(group).approximate(vector, k, None, None, True))
                continue
            for number in self._overlapping(group, low, high):
                bucket = self._buckets.get((group, number))
                if bucket is None:
                    continue
                if bucket.index is None:
                    # The undated bucket is wholly in every window; a dated one is filtered by day.
                    parts.append(bucket.exact(vector, low if number is not None else None, high))
                else:
                    whole = number is None or low is None or _inside(number, low, high)
                    parts.append(bucket.approximate(vector, k, low if number is not None else None, high, whole))
        if not parts:
            return set()
        rows = np.concatenate([rows for rows, _ in parts])
        sims = np.concatenate([sims for _, sims in parts])
        if len(rows) == 0:
            return set()
        order = np.argsort(rows, kind="stable")  # row order, as a product over the window would give
        rows, sims = rows[order], sims[order]
        k = min(k, len(rows))
        return {int(rows[i]) for i in np.argpartition(-sims, k - 1)[:k]}

    def _all_rows(self, group: int) -> _Bucket:
        """One bucket with every row of the group (built from the time buckets the first time)."""
        if group not in self._everything:
            found = [self._buckets[(g, n)].contents() for g, n in self._buckets if g == group]
            rows, days, vectors = (np.concatenate(parts) for parts in zip(*found, strict=True))
            order = np.argsort(rows)
            self._everything[group] = _Bucket.of(rows[order], days[order], vectors[order])
        return self._everything[group]

    def _overlapping(self, group: int, low: int | None, high: int | None) -> list[int | None]:
        """Bucket numbers a window reads: the undated bucket, and the dated ones it overlaps."""
        if low is None or high is None:
            return [_UNDATED, *sorted(self._numbers.get(group, ()))]
        return [_UNDATED, *range(low // BUCKET_DAYS, high // BUCKET_DAYS + 1)]


def _inside(number: int, low: int, high: int) -> bool:
    """Whether bucket `number` lies wholly within [low, high]."""
    return low <= number * BUCKET_DAYS and (number + 1) * BUCKET_DAYS - 1 <= high
