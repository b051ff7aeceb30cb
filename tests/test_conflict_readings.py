"""Misreadings that made conflicts of agreeing reports (found reading ECB+ conflicts by hand), each pinned on
fictional sentences: a figure and its conversion, a weight in pounds, a time of day, a page's time stamp, a
score, a part of a whole, a measure of a thing, a measure in another unit, a day told two ways, two events at two
stages."""

from __future__ import annotations

from benchmarks.datasets import make_article

from manysides.compare import conflict_state, conflicts, date_conflicts, number_conflicts, status_conflicts
from manysides.understand import SentenceInfo, analyse_many
from manysides.understand.dates import DateMention


def _first_sentences(*texts: str, published: str | None = "2025-03-11") -> list[SentenceInfo]:
    articles = [make_article(f"a{k}", text, outlet=f"outlet{k}", published=published) for k, text in enumerate(texts)]
    return [text.sentences[0] for text in analyse_many(articles)]


def _figures(sentence: SentenceInfo) -> list[tuple[float, str | None]]:
    return [(n.value, n.unit) for n in sentence.numbers]


def test_a_figure_and_its_conversion_in_parentheses_are_one_figure() -> None:
    money, miles, dollars, part = _first_sentences(
        "Repairs to the Kestrel Hall were put at $US3 million ($4.1 million), the trust said.",
        "The ferry ran aground 7 miles (11 km) south of Port Alden.",
        "The Orvel Group lost A$5m (US$3.4m) on the venture.",
        "Twelve people were hurt (four children) when the stand gave way.",
    )
    assert _figures(money) == [(3_000_000, "USD")]
    assert [n.value for n in miles.numbers] == [7]
    assert _figures(dollars) == [(5_000_000, "AUD")]
    assert [n.value for n in part.numbers] == [12, 4]  # a part in parentheses is no conversion


def test_pounds_are_money_only_when_the_parser_reads_money() -> None:
    weight, prize = _first_sentences(
        "The missing hiker is 6 feet tall, weighing 150 pounds, with grey hair.",
        "The Quill Prize was raised to 40,000 pounds sterling this year.",
    )
    assert [(n.value, n.unit, n.counted) for n in weight.numbers if n.value == 150] == [(150, None, "pound")]
    assert _figures(prize) == [(40_000, "GBP")]


def test_a_time_of_day_is_no_count() -> None:
    (spaced,) = _first_sentences("The alarm at the Kestrel depot was raised at 4: 15 p. m. by a guard.")
    assert spaced.numbers == []


def test_a_scale_letter_after_money_multiplies() -> None:
    (sentence,) = _first_sentences("Thieves took paintings worth £45m from the Orvel gallery.")
    assert _figures(sentence) == [(45_000_000, "GBP")]


def test_a_page_time_stamp_is_no_statement() -> None:
    stamps = _first_sentences(
        "Updated: March 3, 2019 4: 12 PM ET",
        "PUBLISHED: TUESDAY, JUNE 9, 2020, 8: 40 AM",
        "Last updated at 17: 05 GMT",
    )
    assert all(conflict_state.page_time(s) for s in stamps)
    told, headline = _first_sentences(
        "Mayor Lina Ortiz resigned on May 4, 2021.",
        "Ferry service to Port Alden resumes on June 9, 2020 after a long strike by its crews",
    )
    assert not conflict_state.page_time(told)
    assert not conflict_state.page_time(headline)


def test_two_time_stamps_are_no_conflict() -> None:
    """Two pages' stamps differ by when each went up: no date or figure conflict is read from them."""
    from manysides.compare.engine import compare

    body = "The Kestrel Bridge reopened to traffic after a week of repairs, the county said."
    a = make_article("a1", f"Updated: March 3, 2019 4:12 PM ET\n\n{body}", outlet="A")
    b = make_article("b1", f"Updated: March 4, 2019 9:30 AM ET\n\n{body}", outlet="B")
    assert [f for f in compare([a, b]).facts if f.kind == "conflict"] == []


def test_a_score_a_range_and_a_whole_are_no_counts() -> None:
    score, lead = _first_sentences(
        "The Harbour Gulls beat the Orvel Rams 28-21 on Sunday.",
        "The Harbour Gulls took a 14-7 lead over the Orvel Rams on Sunday.",
    )
    assert number_conflicts._numbers(score, lead) is None
    part, whole = _first_sentences(
        "Two of the three climbers died on the ridge.",
        "One climber died on the ridge.",
    )
    assert number_conflicts._numbers(part, whole) is None
    three, four = _first_sentences(
        "The port authority closed two of the three ferry ramps on Sunday.",
        "The port authority closed two of the four ferry ramps on Sunday.",
    )
    assert number_conflicts._numbers(three, four) == ("three ramp", "four ramp", 1.0)


def test_a_measure_of_a_thing_is_not_a_count_of_its_unit() -> None:
    run, gained = _first_sentences(
        "Teo Marsh ran for a 60-yard touchdown in the first quarter.",
        "Teo Marsh ran for 45 yards in the first quarter.",
    )
    assert number_conflicts._numbers(run, gained) is None
    told, told_again = _first_sentences(
        "Teo Marsh ran for 180 yards against the Rams.",
        "Teo Marsh ran for 160 yards against the Rams.",
    )
    assert number_conflicts._numbers(told, told_again) == ("180 yard", "160 yard", 1.0)


def test_shares_of_two_wholes_are_two_counts() -> None:
    voters, residents = _first_sentences(
        "Some 61 percent of voters backed the Kestrel levy, the poll found.",
        "Some 78 percent of residents backed the Kestrel levy, the poll found.",
    )
    assert number_conflicts._numbers(voters, residents) is None


def test_a_count_of_things_done_by_an_act_is_not_its_objects() -> None:
    """ "catching 40 passes for 310 yards and three scores": the scores are counted by catching, not caught."""
    scores, catches = _first_sentences(
        "Ana Brill played in eight games, catching 40 passes for 310 yards and three scores.",
        "Ana Brill had 40 catches for 310 yards and three touchdowns in eight games.",
    )
    assert number_conflicts._numbers(scores, catches) is None


def test_one_time_or_one_day_told_two_ways_in_a_copy() -> None:
    six, six_again = _first_sentences(
        "The suspect gave himself up to the Orvel police just after 6 p.m., the chief said.",
        "The suspect gave himself up to the Orvel police just after 6:00 p.m., the chief said.",
    )
    assert conflicts._copy_values("date")(six, six_again) is None
    day, earlier = _first_sentences(
        "Shoppers returned to central Port Alden on Saturday, but many shops stayed shut.",
        "Shoppers returned to central Port Alden earlier on Saturday, but many shops stayed shut.",
    )
    assert conflicts._copy_values("date")(day, earlier) is None
    other, changed = _first_sentences(
        "Shoppers returned to central Port Alden on Saturday, but many shops stayed shut.",
        "Shoppers returned to central Port Alden on Sunday, but many shops stayed shut.",
    )
    assert conflicts._copy_values("date")(other, changed) is not None


def test_a_measure_in_another_unit_in_a_copy_is_compared_converted() -> None:
    feet, metres, far, miles = _first_sentences(
        "On Friday, a climber died after falling about 200ft from a ridge near the Orvel Glacier.",
        "On Friday, a climber died after falling about 60m from a ridge near the Orvel Glacier.",
        "On Friday, a climber died after falling about 150m from a ridge near the Orvel Glacier.",
        "On Friday, a climber died after falling about 2 miles from a ridge near the Orvel Glacier.",
    )
    assert conflicts._copy_values("number")(feet, metres) is None  # 200 feet is 61 metres
    assert conflicts._copy_values("number")(feet, far) is not None
    assert conflicts._copy_values("number")(metres, miles) is not None


def test_yesterday_without_a_publication_day_may_be_any_day() -> None:
    yesterday, friday = _first_sentences(
        "A former clerk opened fire at the Orvel depot yesterday, killing one person.",
        "A former clerk opened fire at the Orvel depot Friday, killing one person.",
        published=None,
    )
    assert conflicts._copy_values("date")(yesterday, friday) is None


def test_a_day_without_its_year_may_be_the_same_day_of_a_known_year() -> None:
    bare, full = DateMention(0, 6, "May 14", None, 5, 14), DateMention(0, 12, "May 14, 2021", 2021, 5, 14)
    assert date_conflicts.one_day(bare, full)
    assert not date_conflicts.one_day(bare, DateMention(0, 12, "May 15, 2021", 2021, 5, 15))
    assert not date_conflicts.one_day(DateMention(0, 4, "2020", 2020, None, None), full)


def test_a_place_in_a_copy_is_not_another_person() -> None:
    person, place = _first_sentences(
        "Robert Hughes finished his third season in New Orleans with 510 yards on 98 carries.",
        "The former North Dakota star finished his third season in New Orleans with 510 yards on 98 carries.",
    )
    assert conflicts._copy_values("name")(person, place) is None


def test_expected_and_done_must_be_one_event() -> None:
    placed, miss = _first_sentences(
        "The Gulls placed Teo Marsh on injured reserve, meaning he will miss the last two games.",
        "Teo Marsh will miss the last two games of the season.",
    )
    assert status_conflicts._modality(placed, miss) is None
    held, expect = _first_sentences(
        "The services would be held on Sunday in the Orvel school hall.",
        "Church officials said they expect to hold services in the Orvel school hall.",
    )
    assert status_conflicts._modality(held, expect) is None
    will, did = _first_sentences(
        "The Kestrel council will approve the harbour budget on Monday.",
        "The Kestrel council approved the harbour budget on Monday.",
    )
    assert status_conflicts._modality(will, did) == ("expected", "happened", 1.0)


def test_a_decade_is_no_year() -> None:
    decade, year = _first_sentences(
        "The Kestrel mill dates back to the mid 1930's, when the valley was settled.",
        "The Kestrel mill dates to 1935, when the valley was settled.",
    )
    assert date_conflicts._year_dates(decade, year) is None


def test_a_name_read_as_will_and_an_expected_noun_in_a_clause_of_its_own() -> None:
    name, other = _first_sentences(
        "Will Darrow scored 18 points off the bench for the Orvel Rams.",
        "The Orvel Rams also got 18 points from backup forward Will Darrow.",
    )
    assert name.modality == "happened"
    assert status_conflicts._modality(name, other) is None
    done, expected = _first_sentences(
        "Regarding the vote in the Kestrel council, which is scheduled for May 4, a decision was taken on the wards.",
        "The vote in the Kestrel council that is scheduled for May 4 will be held on a new basis.",
    )
    assert status_conflicts._modality(done, expected) is None


def test_each_reports_own_today_is_not_set_against_another_day() -> None:
    first, later = _first_sentences(
        "Cable operator Orvel Net announced today (14 March 2025) that it has restored service to its customers.",
        "Cable operator Orvel Net announced today (2 April 2025) that it has restored service to all customers.",
    )
    assert date_conflicts._dates(first, later) is None
    assert date_conflicts._act_dates(first, later) is None
    first, later = _first_sentences(
        "Cable operator Orvel Net announced on 14 March 2025 that it has restored service to its customers.",
        "Cable operator Orvel Net announced on 2 April 2025 that it has restored service to its customers.",
    )
    assert date_conflicts._dates(first, later)[:2] == ("2025-03-14", "2025-04-02")
    assert date_conflicts._act_dates(first, later) == ("2025-03-14", "2025-04-02", 1.0)


def test_a_total_is_set_only_against_a_total() -> None:
    part, total = _first_sentences(
        "Six rifles, 12 magazines and 300 rounds were seized from the skiffs.",
        "The Orvel navy has seized a total of 14 rifles, 31 magazines and 923 rounds during its five patrols.",
    )
    assert number_conflicts._numbers(part, total) is None
    one, other = _first_sentences(
        "The Orvel navy has seized a total of 12 rifles during its patrols.",
        "The Orvel navy has seized a total of 14 rifles during its patrols.",
    )
    assert number_conflicts._numbers(one, other) == ("12 rifle", "14 rifle", 1.0)


def test_a_count_owned_by_a_name_is_that_names_whoever_else_is_named() -> None:
    team, player = _first_sentences(
        "The Harbour Gulls rushed for 350 yards on Sunday.",
        "The Harbour Gulls lost 20-13 despite Teo Marsh's 226 yards rushing.",
    )
    assert number_conflicts._numbers(team, player) is None


def test_a_story_reads_each_sentence_once_with_the_same_answers() -> None:
    """The checks' per-sentence readings kept while a story is checked give what a fresh reading gives."""
    first, second = _first_sentences(
        "Port director Ann Vale said on Monday that 14 workers were hurt in the clashes.",
        "Port director Anne Vale said on Tuesday that 12 workers were hurt in the clashes.",
    )
    fresh = [check(first, second) for _, check, _, _ in conflicts._CHECKS]
    token = conflict_state.READS.set({})
    try:
        kept = [check(first, second) for _, check, _, _ in conflicts._CHECKS]
        again = [check(first, second) for _, check, _, _ in conflicts._CHECKS]
    finally:
        conflict_state.READS.reset(token)
    assert kept == fresh == again
    assert number_conflicts._numbers(first, second) == ("14 worker", "12 worker", 1.0)
