"""The hand-listed words that tell who said something (`data/speech_words.json`): cue verbs, speaking documents,
bodies, nouns that say a person's sex. Kept in a data file, not in code, so a list is read and changed in one place."""

from __future__ import annotations

import json
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "speech_words.json"
_LISTS: dict[str, list[str]] = {
    key: words for key, words in json.loads(_DATA.read_text(encoding="utf-8")).items() if not key.startswith("_")
}


def speech_words(name: str) -> frozenset[str]:
    """One named list of the file ("cue_verbs", "speaking_documents", ...); a missing name is a KeyError."""
    return frozenset(_LISTS[name])
