"""MinHash signatures of word shingles and an LSH table over them: near-duplicate bodies without all pairs."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from manysides.stories.text import stable_hash, words

PERMUTATIONS = 64
SHINGLE = 4
BANDS, ROWS = 21, 3  # P(candidate) is 0.94 at Jaccard 0.5 and 0.999 at 0.7
_PRIME = np.uint64((1 << 61) - 1)
_RNG = np.random.default_rng(20261122)
_A = _RNG.integers(1, 1 << 32, PERMUTATIONS, dtype=np.uint64)
_B = _RNG.integers(0, 1 << 32, PERMUTATIONS, dtype=np.uint64)
_EMPTY = np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)
BUCKET_LIMIT = 64  # a band value shared by more bodies than this is boilerplate, not a copy


def signature(text: str) -> np.ndarray:
    """uint32[PERMUTATIONS] MinHash of the text's word 4-grams (all ones for texts under four words)."""
    return signature_of_words(words(text))


def signature_of_words(tokens: list[str]) -> np.ndarray:
    """signature() of a text already cut by text.words (features cut the body once for every signal)."""
    if len(tokens) < SHINGLE:
        return _EMPTY.copy()
    grams = {stable_hash(" ".join(tokens[i : i + SHINGLE])) for i in range(len(tokens) - SHINGLE + 1)}
    values = np.fromiter(grams, dtype=np.uint64, count=len(grams))
    hashed = (_A[:, None] * values[None, :] + _B[:, None]) % _PRIME
    return (hashed.min(axis=1) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets; 0 when either text was too short."""
    if (a == _EMPTY).all() or (b == _EMPTY).all():
        return 0.0
    return float(np.count_nonzero(a == b)) / PERMUTATIONS


class LshTable:
    """Band buckets: bodies sharing any band are candidates for the exact signature comparison."""

    def __init__(self) -> None:
        self._buckets: defaultdict[bytes, list[int]] = defaultdict(list)

    def _keys(self, sig: np.ndarray) -> list[bytes]:
        return [bytes([band]) + sig[band * ROWS : (band + 1) * ROWS].tobytes() for band in range(BANDS)]

    def add(self, row: int, sig: np.ndarray) -> None:
        """query_and_add() without the query (an index rebuilt from the store)."""
        self._add(row, sig, None)

    def query_and_add(self, row: int, sig: np.ndarray) -> set[int]:
        """Rows sharing a band with sig, then sig is added as row."""
        found: set[int] = set()
        self._add(row, sig, found)
        return found

    def _add(self, row: int, sig: np.ndarray, found: set[int] | None) -> None:
        if (sig == _EMPTY).all():
            return
        for key in self._keys(sig):
            bucket = self._buckets[key]
            if len(bucket) <= BUCKET_LIMIT:
                if found is not None:
                    found.update(bucket)
                bucket.append(row)
