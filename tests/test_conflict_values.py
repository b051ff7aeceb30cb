"""Status and title values (compare/values.py) on fictional sentences: one thing at two stages, one person with two
titles, and what is not a conflict."""

from __future__ import annotations

from benchmarks.datasets import make_article

from manysides.compare import conflicts, values
from manysides.understand import SentenceInfo, analyse_many
from manysides.understand.numbers import NumberMention


def _first_sentences(*texts: str, published: str = "2025-03-11") -> list[SentenceInfo]:
    articles = [make_article(f"a{k}", text, outlet=f"outlet{k}", published=published) for k, text in enumerate(texts)]
    return [text.sentences[0] for text in analyse_many(articles)]


def test_one_order_at_two_stages() -> None:
    considering, preparing = _first_sentences(
        "Governor Ilsa Marrow said she is considering an executive order to close the Veyra port.",
        "Governor Marrow said she was preparing an executive order that would close the port at Veyra.",
    )
    found = values.stages(considering, preparing)
    assert found is not None
    assert "considering" in found[0] and "preparing" in found[1]


def test_plans_put_on_hold_against_a_deal_abandoned() -> None:
    held, abandoned = _first_sentences(
        "Harbour Freight this week put on hold plans to expand its Port Aldous warehouse.",
        "The chief executive said the company would abandon a deal with the city to expand its warehouse.",
    )
    assert values.stages(held, abandoned) is not None


def test_expected_against_done_is_left_alone() -> None:
    signed, approve = _first_sentences(
        "The governor signed the harbour bill on Tuesday.",
        "The governor is expected to approve the harbour bill this week.",
    )
    assert values.stages(signed, approve) is None


def test_two_doers_are_two_acts() -> None:
    considering, drafting = _first_sentences(
        "The Port Aldous council is considering a ban on night flights.",
        "Caldmark lawmakers drafted a ban on night flights.",
    )
    assert values.stages(considering, drafting) is None


def test_one_stage_twice_is_no_conflict() -> None:
    first, second = _first_sentences(
        "The council is considering a ban on night flights over Port Aldous.",
        "Council members said they were considering a ban on night flights.",
    )
    assert values.stages(first, second) is None


def test_one_person_with_two_exclusive_titles() -> None:
    ceo, president = _first_sentences(
        "Shoppers lined up at Kell Foods stores after CEO Dan Kell said in an interview that he backs the plan.",
        "The rush came after Kell Foods president Dan Kell said the company was proud of the plan.",
    )
    assert values.roles(ceo, president) == ("CEO Dan Kell", "president Dan Kell", 1.0)


def test_titles_one_person_may_hold_together_are_no_conflict() -> None:
    senator, chairman = _first_sentences(
        "Sen. Ann Moe said the bill would pass.",
        "Committee chairman Ann Moe said the committee would hold hearings.",
    )
    assert values.roles(senator, chairman) is None
    former, current = _first_sentences(
        "Former president Dan Kell now runs a bakery.",
        "CEO Dan Kell opened the bakery on Monday.",
    )
    assert values.roles(former, current) is None


def test_a_place_spelt_differently_across_place_labels() -> None:
    one, other = _first_sentences(
        "He trained for six months on Harrow Island and six years in the reserves.",
        "He joined the reserves in 1970 and served for six months in Harrrow Island, SC.",
    )
    names = {label for label, _ in conflicts._names_in(one).values()} | {
        label for label, _ in conflicts._names_in(other).values()
    }
    assert "GPE" not in names and "LOC" not in names


def _figure(value: float, *, approximate: bool = False, lower_bound: bool = False) -> NumberMention:
    return NumberMention(0, 1, f"{value:g}", value, None, "ship", "sink", approximate, lower_bound)


def test_a_rounding_keeps_the_figure_close() -> None:
    assert _figure(1_375_000_000).agrees(_figure(1_400_000_000))
    assert _figure(520_000).agrees(_figure(500_000))
    assert not _figure(130).agrees(_figure(100))
    assert not _figure(1_375_000_000).agrees(_figure(1_000_000_000))


def test_two_bounds_are_two_figures() -> None:
    assert _figure(7).agrees(_figure(5, lower_bound=True))
    assert not _figure(7, lower_bound=True).agrees(_figure(5, lower_bound=True))
    assert _figure(5, lower_bound=True).agrees(_figure(5, lower_bound=True))


def test_a_copy_with_another_name_the_parser_calls_an_organisation() -> None:
    first, copy = _first_sentences(
        "Harbour Party spokesman Tim Miller called the mayor “reckless.”",
        "Harbour Party spokesman Sabine Thornbury called the mayor “reckless.”",
    )
    found = conflicts._copy_values("name")(first, copy)
    assert found is not None and found[:2] == ("Tim Miller", "Sabine Thornbury")
    one, other = _first_sentences(
        "The Harbour Party said the vote was delayed.",
        "The Harbour Party said the vote was delayed.",
    )
    assert conflicts._copy_values("name")(one, other) is None


def test_a_figure_both_sentences_give_is_not_told_two_ways() -> None:
    """ "300,000 residents ... 700,000 visitors" against "300,000 residents": two figures of two things agree."""
    from manysides.compare.engine import compare

    first = "The mayor of Port Alden offered to restore ferry permits for 300,000 residents"
    more = ", and said he would extend passes to 700,000 visitors."
    a = make_article("a1", f"{first}{more}\n\nThe council met.", outlet="A")
    b = make_article("b1", f"{first} on the islands.\n\nThe council met.", outlet="B")
    assert [f for f in compare([a, b]).facts if f.kind == "conflict"] == []
