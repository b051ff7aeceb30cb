"""Statements that contradict each other are no shared fact: a quotation with a denial one copy lacks. Fictional
outlets, people and places."""

from __future__ import annotations

from benchmarks.datasets import make_article

from manysides.compare import conflicts
from manysides.compare.values import denied_wording
from manysides.understand import SentenceInfo, analyse_many


def _first_sentences(*texts: str, published: str = "2031-04-08") -> list[SentenceInfo]:
    articles = [make_article(f"a{k}", text, outlet=f"outlet{k}", published=published) for k, text in enumerate(texts)]
    return [text.sentences[0] for text in analyse_many(articles)]


def test_a_quotation_one_copy_denies_is_a_wording_conflict() -> None:
    """One quotation told "I spent money I shouldn't have spent" in one outlet and "I spent money that should have
    been spent" in another: read as they stand, opposite admissions, so a conflict of wording the reader sees;
    two copies with a denial each, hung on other words, are not."""
    plain, denied = _first_sentences(
        "Varn told the judge: \u201cI spent money that should have been spent on the harbour school.\u201d",
        "Varn said in court: \u201cI spent money I shouldn\u2019t have spent on my own boat.\u201d",
    )
    found = denied_wording(plain, denied)
    assert found is not None
    assert found[0].startswith("should have been spent") and found[1].startswith("shouldn\u2019t have spent")
    assert any(check is denied_wording and kind == "other" for kind, check, _, _ in conflicts._CHECKS)
    one, other = _first_sentences(
        "Varn said: \u201cThe harbour rules aren\u2019t written yet, but I think they will allow night fishing.\u201d",
        "Varn said: \u201cThe harbour rules aren\u2019t agreed, written out yet, but I think they will allow night "
        "fishing.\u201d",
    )
    assert denied_wording(one, other) is None
