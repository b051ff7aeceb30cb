"""Clause units that the issue-14 clause signals are measured on (benchmarks.facts_clauses)."""

from __future__ import annotations

from benchmarks.datasets import make_article
from benchmarks.facts_clauses import clause_units

from manysides.understand import analyse_many


def _sentences(body: str):  # type: ignore[no-untyped-def]
    return analyse_many([make_article("fictional", body, outlet="Harbour Post")])[0].sentences


def test_a_relative_clause_is_a_unit_of_its_own_and_a_one_clause_sentence_is_one_unit() -> None:
    first, second = _sentences(
        "Governor Ana Velt defended the harbour levy, which she signed into law on Thursday. "
        "The ferry left the harbour."
    )
    texts = [u.text for u in clause_units(first)]
    assert texts[0] == first.text
    assert any(t.startswith("which she signed into law") for t in texts[1:])
    assert [u.kind for u in clause_units(second)] == ["sentence"]


def test_odd_input_gives_the_sentence_itself() -> None:
    for sentence in _sentences("!!! ... ??? —— 12 34."):
        assert clause_units(sentence)[0].text == sentence.text
