"""Static sentence and word embeddings from the wordllama wheel (256 dimensions, no download, ~1 ms a sentence)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np


@cache
def _model():
    import wordllama
    from wordllama import WordLlama

    # The package looks for its tokenizer in a cache folder and would download; its own folder holds both files.
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=256)


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors (len(texts), 256): dot products are cosines."""
    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    vectors = np.asarray(_model().embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)
