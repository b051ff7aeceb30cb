"""Statements that contradict each other are no shared fact: an act denied beside it affirmed, a quotation with a
denial one copy lacks. Fictional outlets, people and places."""

from __future__ import annotations

from benchmarks.datasets import make_article

from manysides.compare import conflicts
from manysides.compare.status_conflicts import opposite_acts
from manysides.compare.values import denied_wording
from manysides.understand import SentenceInfo, analyse_many


def _first_sentences(*texts: str, published: str = "2031-04-08") -> list[SentenceInfo]:
    articles = [make_article(f"a{k}", text, outlet=f"outlet{k}", published=published) for k, text in enumerate(texts)]
    return [text.sentences[0] for text in analyse_many(articles)]


def test_an_act_one_doer_could_not_confirm_and_another_confirmed_is_no_shared_fact() -> None:
    """ "could not confirm whether they had met" beside "confirmed the meeting" (the editor's read: the two shown as
    one shared fact): another doer, yet no one fact; both denied, or the verb told only in some way, still may be."""
    unconfirmed, confirmed, also_unconfirmed = _first_sentences(
        "Harbour board spokeswoman Ilsa Marrow said on Monday that she could not confirm whether the board had met.",
        "Councillor Bram Tove, a board member, confirmed the meeting on Monday night in a post on his website.",
        "Councillor Bram Tove said he could not confirm whether the board had met on Monday.",
    )
    assert opposite_acts(unconfirmed, confirmed)
    assert not opposite_acts(unconfirmed, also_unconfirmed)
    only, denied = _first_sentences(
        "The port charter can be amended only by a vote of the whole town of Lindhof.",
        "The port charter, which cannot be amended by the mayor, dates from 1911.",
    )
    assert not opposite_acts(only, denied)  # "only by a vote" denies it for the mayor too
    doubted, held, sent, unsent = _first_sentences(
        "\u201cI don\u2019t think the harbour plan is fair,\u201d said Councillor Bram Tove.",
        "\u201cI think the harbour plan is unfair to fishermen,\u201d Tove said.",
        "Last week a copy of the harbour plan was sent to a reporter from the council\u2019s own account.",
        "Tove said he was sure he did not send a copy of the harbour plan to any reporter.",
    )
    assert not opposite_acts(doubted, held)  # "don't think it is fair" thinks it is not
    assert not opposite_acts(sent, unsent)  # sent by whom, unsaid


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
