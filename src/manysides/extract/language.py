"""Offline language identification (py3langid ships its model in the wheel)."""

from __future__ import annotations

from functools import lru_cache

from py3langid import langid
from py3langid.langid import LanguageIdentifier

_MIN_CHARS = 40
_MIN_CONFIDENCE = 0.5
# A shorter text (a headline, a brief) is named only when the model is nearly sure: a Hebrew headline or one
# with Turkish letters says its language in a few words, a short phrase several languages share does not.
_SHORT_MIN_CHARS = 15
_SHORT_MIN_CONFIDENCE = 0.9
_SAMPLE_CHARS = 1000  # enough for a confident guess; cost grows with length


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text, or None when it is too short or the model is unsure."""
    sample = text[:_SAMPLE_CHARS]
    size = len(sample.strip())
    if size < _SHORT_MIN_CHARS:
        return None
    code, confidence = _identifier().classify(sample)
    return code if confidence >= (_MIN_CONFIDENCE if size >= _MIN_CHARS else _SHORT_MIN_CONFIDENCE) else None
