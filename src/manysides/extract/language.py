"""Offline language identification (py3langid ships its model in the wheel)."""

from __future__ import annotations

from functools import lru_cache

from py3langid import langid
from py3langid.langid import LanguageIdentifier

_MIN_CHARS = 40
_MIN_CONFIDENCE = 0.5
_SAMPLE_CHARS = 1000  # enough for a confident guess; cost grows with length


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text, or None when it is too short or the model is unsure."""
    sample = text[:_SAMPLE_CHARS]
    if len(sample.strip()) < _MIN_CHARS:
        return None
    code, confidence = _identifier().classify(sample)
    return code if confidence >= _MIN_CONFIDENCE else None
