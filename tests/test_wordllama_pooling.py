"""The wordllama embedder's own token-mean pooling gives the library's `embed` bit for bit: stored features and
so every story depend on those exact bytes, and the library's padded batch arrays were ingest's costliest step."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from manysides.stories.embed import WordLlamaEmbedder, _unit

TEXTS = [
    "Five surfers died off the Dutch coast on Monday, the coastguard said.",
    "Fünf Surfer vor niederländischer Küste ums Leben gekommen",
    "Türkiye'de deprem: 12 kişi hayatını kaybetti",  # noqa: RUF001 - Turkish dotless i
    "مقتل خمسة راكبي أمواج قبالة السواحل الهولندية",
    "",  # no tokens: the library's zero vector
    " ",
    "a",
    " ".join(["word"] * 3000),  # far longer than the rest of its batch
]


def test_pooling_matches_the_library_bit_for_bit() -> None:
    import wordllama
    from wordllama import WordLlama

    library = WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=WordLlamaEmbedder.dim
    )
    texts = TEXTS * 40 + [""] * 70  # over one library batch of 64, and a batch of empty texts only
    expected = _unit(np.asarray(library.embed(texts), dtype=np.float32))
    found = WordLlamaEmbedder().embed(texts)
    assert found.dtype == expected.dtype and found.shape == expected.shape
    assert found.tobytes() == expected.tobytes()
