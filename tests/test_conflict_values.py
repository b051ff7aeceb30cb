"""Status and title values (compare/values.py) on fictional sentences: one thing at two stages, one person with two
titles, and what is not a conflict."""

from __future__ import annotations

from benchmarks.datasets import make_article

from manysides.compare import conflict_state, conflicts, name_conflicts, number_conflicts, values
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
    names = {label for label, _ in name_conflicts._names_in(one).values()} | {
        label for label, _ in name_conflicts._names_in(other).values()
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


def test_a_letter_doubled_in_one_outlet_is_a_misspelling_but_a_vowel_is_a_transliteration() -> None:
    single, double = _first_sentences(
        "He served for six months on Marrow Island before the war.",
        "He served six months at Marow Island, records show.",
    )
    found = name_conflicts._spellings(single, double)
    assert found is not None and {found[0], found[1]} == {"Marrow Island", "Marow Island"}
    ahmed, ahmad = _first_sentences(
        "Foreign minister Ahmed Sulani arrived in Veyra on Monday.",
        "Foreign minister Ahmad Sulani arrived in Veyra on Monday.",
    )
    assert name_conflicts._spellings(ahmed, ahmad) is None
    assert not name_conflicts._doubled_letter("Tolan's", "Tolan")


def test_one_quotation_with_a_word_changed() -> None:
    said, misquoted = _first_sentences(
        "“Every week that passes, the river comes closer and closer to the dam,” Mayor Ilsa Marrow said.",
        "“Every week that passes, the river comes closer and closer to the bridge,” Ms. Marrow said.",
    )
    found = values.wording(said, misquoted)
    assert found is not None and found[:2] == ("the dam", "the bridge")
    old, new = _first_sentences(
        "“Every week that passes, the river comes closer and closer to the old dam,” Mayor Ilsa Marrow said.",
        "“Every week that passes, the river comes closer and closer to the new dam,” Ms. Marrow said.",
    )
    assert values.wording(old, new) is None  # another adjective: emphasis, not another statement


def test_one_quotation_with_a_named_person_dropped() -> None:
    """A full name one copy of a quotation leaves out of a list changes whom the speaker named; "this mayor" for
    "Mayor Ilsa Marrow" names the same person and is no misquote (a synonym, not a change)."""
    listed, dropped = _first_sentences(
        "“I would hope the mayor joins Loretta Quill, Jay Brenner and the vast majority of the council in saying no,”"
        " Tolan said.",
        "“I would hope the mayor joins Loretta Quill, and vast majority of the council in saying no,” Tolan said.",
    )
    found = values.wording(listed, dropped)
    assert found is not None and found[:2] == ("Quill, Jay Brenner and", "Quill, and")
    this, named = _first_sentences(
        "“There should be no private meeting between this mayor and Brenner,” Tolan said.",
        "“There should be no private meeting between Mayor Ilsa Marrow and Jay Brenner,” Tolan told reporters.",
    )
    assert values.wording(this, named) is None
    plain, apposed = _first_sentences(
        "“As the girl lay on the sidewalk, this defendant pedaled off and got rid of the evidence,” Rossi said.",
        "“As the girl lay on the sidewalk, the defendant, Jermayne Timmons, pedaled off and got rid of the evidence.”"
        " Rossi said.",
    )
    assert values.wording(plain, apposed) is None  # a name in apposition: the same person told fuller


def test_a_quotation_cut_shorter_inflected_or_spelt_otherwise_is_the_same_quotation() -> None:
    full, cut = _first_sentences(
        "“We will rebuild every bridge in the county before the winter comes,” Mayor Tolan said.",
        "“We will rebuild every bridge in the county,” Tolan told reporters.",
    )
    assert values.wording(full, cut) is None
    spelt, other = _first_sentences(
        "“We realise the harbour needs every dollar the council can find,” Mayor Tolan said.",
        "“We realize the harbour needs every dollar the council can find,” Tolan said.",
    )
    assert values.wording(spelt, other) is None
    bracket, plain = _first_sentences(
        "“He knows the harbour needs every dollar the council can find,” Mayor Tolan said.",
        "“[Brenner] knows the harbour needs every dollar the council can find,” Tolan said.",
    )
    assert values.wording(bracket, plain) is None


def test_a_quotation_split_into_two_sentences_by_one_outlet_is_carried_word_for_word() -> None:
    both, second = _first_sentences(
        "“I am not going to say that I am leaving the harbour board. I am not saying that I am staying on it,” "
        "Tolan said.",
        "“I am not saying that I am staying on it,” Tolan said.",
    )
    assert values.wording(both, second) is None


def test_a_quotation_the_other_outlet_carries_word_for_word_is_not_set_against_its_next_sentence() -> None:
    """A speaker's next sentence repeating the words with one changed is not a misquote of the first."""
    from manysides.compare.engine import compare

    quote = (
        "“I am not going to say that I am going to close the harbour wall. "
        "I am not saying that I am going to open the harbour wall,” Mayor Tolan said."
    )
    a = make_article("a1", f"The council met on Monday.\n\n{quote}\n\nThe vote is next week.", outlet="A")
    b = make_article("b1", f"The council met on Monday.\n\n{quote}\n\nNo vote was set.", outlet="B")
    assert [f for f in compare([a, b]).facts if f.kind == "conflict"] == []


def test_one_person_leaving_a_post_in_two_ways() -> None:
    resigned, retiring = _first_sentences(
        "Harbour Secretary Tom Averill resigned in protest on Thursday.",
        "Harbour Secretary Tom Averill is retiring at the end of February.",
    )
    assert values.departures(resigned, retiring) == ("Tom Averill resigned", "Tom Averill is retiring", 1.0)
    fired, quit_ = _first_sentences(
        "The board fired Tom Averill on Thursday.", "Tom Averill quit the board on Thursday."
    )
    assert values.departures(fired, quit_) is not None


def test_a_leaving_pressed_for_denied_or_told_of_someone_else_is_no_conflict() -> None:
    forced, fired = _first_sentences(
        "Tom Averill was forced to resign on Thursday.", "The board fired Tom Averill on Thursday."
    )
    assert values.departures(forced, fired) is None
    denied, retired = _first_sentences("Tom Averill did not resign.", "Tom Averill retired last year.")
    assert values.departures(denied, retired) is None
    other, resigned = _first_sentences("Ilsa Marrow retired in 2004.", "Tom Averill resigned on Monday.")
    assert values.departures(other, resigned) is None


def test_a_count_of_acts_against_the_act_counted_by_its_verb() -> None:
    arrests, arrested = _first_sentences(
        "Border agents made 520,000 arrests at the southern crossing last year.",
        "Agents arrested 400,000 migrants at the southern crossing last year.",
    )
    assert number_conflicts._numbers(arrests, arrested) == ("520,000 arrest", "400,000 migrant", 1.0)
    same, rounded = _first_sentences(
        "Border agents made 520,000 arrests at the southern crossing last year.",
        "Agents arrested about 500,000 migrants at the southern crossing last year.",
    )
    assert number_conflicts._numbers(same, rounded) is None


def test_two_amounts_moved_by_one_act() -> None:
    divert, diverts = _first_sentences(
        "The ministry will divert $3.6 billion from harbour projects to the sea wall.",
        "The plan diverts $3.5 billion in harbour money to the sea wall.",
    )
    assert number_conflicts._money_by_act(divert, diverts) == ("3.6 billion", "3.5 billion", 1.0)
    rounded, exact = _first_sentences(
        "The ministry will divert $1.4 billion from harbour projects to the sea wall.",
        "The plan diverts $1.375 billion in harbour money to the sea wall.",
    )
    assert number_conflicts._money_by_act(rounded, exact) is None
    cost, reserved = _first_sentences(
        "The advertisement is costing the Harbour Trust $1 million, the group confirmed.",
        "The Harbour Trust has reserved $500,000 of airtime for the advertisement.",
    )
    assert number_conflicts._money_by_act(cost, reserved) is None


def test_a_range_of_years_the_parser_reads_as_one_date_or_two_is_one_value() -> None:
    one, copy = _first_sentences(
        "The ministry said it would issue fishing permits for boats registered from 2016 to 2018, two per owner.",
        "The ministry said it would issue fishing permits for boats registered from 2014 to 2018, two per owner.",
    )
    assert conflict_state.masked(copy)[1][0] == ("date", "2014 to 2018")  # read as two dates, told as one range
    assert conflicts._copy_values("date")(one, copy) == ("2016 to 2018", "2014 to 2018", 1.0)
    same, again = _first_sentences(
        "The ministry said it would issue fishing permits for boats registered from 2016 to 2018, two per owner.",
        "The ministry said it would issue fishing permits for boats registered from 2016 to 2018, two per owner.",
    )
    assert conflicts._copy_values("date")(same, again) is None


def test_a_title_held_no_longer_against_one_told_as_held_now() -> None:
    former, now, bare = _first_sentences(
        "The senator will face either former state lawmaker Rob Vance or former Harbour Freight executive Ann Moe.",
        "Ann Moe, the chief executive of Harbour Freight, is one of the candidates running against the senator.",
        "Harbour Freight CEO Ann Moe said she would run against the senator.",
    )
    assert values.held_no_longer(former, now) == (
        "former executive Ann Moe",
        "Ann Moe, the chief executive of Harbour Freight",
        1.0,
    )
    assert values.held_no_longer(now, former) == (
        "Ann Moe, the chief executive of Harbour Freight",
        "former executive Ann Moe",
        1.0,
    )
    # A bare title before the name is often kept after the person has left: no conflict.
    assert values.held_no_longer(former, bare) is None


def test_two_amounts_moved_by_one_act_told_by_kindred_verbs() -> None:
    awarded, granted = _first_sentences(
        "The ministry awarded $3.6 million to the Veyra harbour trust on Monday.",
        "The ministry granted $3.5 million to the harbour trust in Veyra.",
    )
    assert number_conflicts._money_by_act(awarded, granted) == ("3.6 million", "3.5 million", 1.0)
    # A title held no longer in no named body, or in another body, may be another post than the one held now.
    unnamed, guild, other_body = _first_sentences(
        "Former president Dan Kell now runs a bakery in Veyra.",
        "Dan Kell, the president of the Veyra Bakers Guild, opened a bakery on Monday.",
        "Former Harbour Freight president Dan Kell now runs a bakery in Veyra.",
    )
    assert values.held_no_longer(unnamed, guild) is None
    assert values.held_no_longer(other_body, guild) is None
    abbreviated = _first_sentences("The senator will face former VBG president Dan Kell in the fall.")[0]
    assert values.held_no_longer(abbreviated, guild) == (
        "former president Dan Kell",
        "Dan Kell, the president of the Veyra Bakers Guild",
        1.0,
    )
