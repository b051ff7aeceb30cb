"""Stage 3, understanding: sentences, name keys and entity merging, dates, numbers, attributions, modality."""

from __future__ import annotations

from datetime import date

import pytest

from manysides.understand.dates import find_dates
from manysides.understand.document import title_case
from manysides.understand.entities import Mention, merge_mentions
from manysides.understand.modality import modality, negated
from manysides.understand.names import name_key
from manysides.understand.nlp import load_nlp
from manysides.understand.numbers import find_numbers, word_value
from manysides.understand.quotes import attributions
from manysides.understand.sentences import split_sentences


def test_sentences_survive_abbreviations_and_quotes() -> None:
    body = (
        'Mr. Smith met U.S. officials at 6 a.m. on Saturday. He said: "I am here. I will stay." Then he left.\n\n'
        "“We are not asking for luxury. We are asking for crews who are awake,” Katarina Voss said. Dr. J. Doe agreed."
    )
    sentences = split_sentences(body)
    assert [s.text for s in sentences] == [
        "Mr. Smith met U.S. officials at 6 a.m. on Saturday.",
        'He said: "I am here.',
        'I will stay."',
        "Then he left.",
        "“We are not asking for luxury.",
        "We are asking for crews who are awake,” Katarina Voss said.",
        "Dr. J. Doe agreed.",
    ]
    assert all(body[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 0, 0, 1, 1, 1]


def test_a_quotation_split_at_its_sentences_keeps_its_speaker() -> None:
    from benchmarks.datasets import make_article

    from manysides.understand import analyse_many

    body = "“We are not asking for luxury. We are asking for crews who are awake,” Katarina Voss said."
    (text,) = analyse_many([make_article("voss", body, outlet="Meridian Daily")])
    assert [s.text for s in text.sentences] == [
        "“We are not asking for luxury.",
        "We are asking for crews who are awake,” Katarina Voss said.",
    ]
    for sentence in text.sentences:
        assert [(a.speaker, a.kind) for a in sentence.attributions] == [("Katarina Voss", "quote")]
        assert sentence.quotes


def test_name_keys_fold_spellings() -> None:
    assert name_key("Ahmed al-Sharaa") == name_key("Ahmad al-Sharaa")
    assert name_key("Turkiye") == name_key("Turkey") == name_key("Türkiye")
    assert name_key("Katarina Voss") == name_key("Katharina Voss")
    assert name_key("Syria") != name_key("Iran")


def test_entity_mentions_merge_across_spellings_and_surnames() -> None:
    mentions = [
        Mention("Ahmad al-Sharaa", "person", "a", 0, 0, 15),
        Mention("Ahmed al-Sharaa", "person", "a", 1, 20, 35),
        Mention("Sharaa", "person", "b", 0, 0, 6),
        Mention("Turkiye", "place", "b", 1, 10, 17),
        Mention("Türkiye", "place", "a", 2, 40, 47),
        Mention("Turkey", "place", "c", 0, 0, 6),
    ]
    clusters = {c.name: c for c in merge_mentions(mentions)}
    assert set(clusters) == {"Ahmad al-Sharaa", "Turkiye"} or set(clusters) == {"Ahmed al-Sharaa", "Turkiye"}
    sharaa = next(c for c in clusters.values() if c.type == "person")
    assert set(sharaa.aliases) | {sharaa.name} == {"Ahmad al-Sharaa", "Ahmed al-Sharaa", "Sharaa"}
    assert sharaa.counts() == {"a": 2, "b": 1}
    assert clusters["Turkiye"].counts() == {"b": 1, "a": 1, "c": 1}


def test_dates_resolve_against_publication_and_check_weekdays() -> None:
    published = date(2025, 7, 12)  # a Saturday
    [saturday] = find_dates("officials are expected to meet in Baku on Saturday evening", published)
    assert saturday.value == "2025-07-12"
    [explicit] = find_dates("took steps toward restoring relations on 13 July, with", published)
    assert explicit.value == "2025-07-13"
    [month] = find_dates("In late last month, the minister said", published)
    assert month.value == "2025-06"
    assert find_dates("on Sunday", date(2025, 6, 16))[0].value == "2025-06-15"
    [wrong] = find_dates("on Friday, July 12, 2025", None)
    assert wrong.weekday_mismatch and wrong.value == "2025-07-12"
    assert find_dates("on 13.07.2025", None)[0].value == "2025-07-13"
    # a month without its year is read as a day would be: near months of this year, far ones of the last
    assert find_dates("primaries will be held in mid September", published)[0].value == "2025-09"
    assert find_dates("the pier closed in December", date(2025, 3, 11))[0].value == "2024-12"


def test_english_counts_ago_in_digits_or_words() -> None:
    """CLDR's "{0} days ago" patterns with the count in digits or words; a week has no calendar value."""
    published = date(2031, 12, 5)
    found = find_dates(
        "The Lindhof ferry stopped three days ago, its rival 4 years ago and a pier two weeks ago.", published
    )
    assert [(m.text, m.value) for m in found] == [("three days ago", "2031-12-02"), ("4 years ago", "2027")]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_numbers_with_units_and_what_they_count(nlp) -> None:
    doc = nlp("Twelve people were injured and some 3,000 travellers were stuck; the union wants a 9 percent rise.")
    found = {n.text: n for n in find_numbers(doc[:])}
    assert found["Twelve"].value == 12 and found["Twelve"].counted == "people"
    assert found["3,000"].value == 3000 and found["3,000"].counted == "traveller" and found["3,000"].approximate
    assert found["9"].unit == "percent"
    fourteen = find_numbers(nlp("Fourteen people were hurt.")[:])[0]
    assert not fourteen.agrees(found["Twelve"])
    nearly = find_numbers(nlp("nearly 3,000 passengers")[:])[0]
    assert nearly.agrees(found["3,000"])
    assert word_value(["2.3", "million"]) == 2_300_000
    assert word_value(["two", "dozen"]) == 24


def test_a_ratio_is_one_figure_not_two(nlp) -> None:
    """ "a one-in-three chance" is a share of one chance, not the counts one and three; a year or a span after
    "in" is no ratio."""
    (ratio,) = find_numbers(nlp("The mayor gave the ferry a one-in-three chance of sailing.")[:])
    assert ratio.text == "one-in-three" and ratio.unit == "ratio" and abs(ratio.value - 1 / 3) < 1e-9
    assert ratio.counted == "chance"
    (share,) = find_numbers(nlp("One in five voters in Port Alden backed the plan.")[:])
    assert share.text == "One in five" and share.counted == "voter"
    assert [n.text for n in find_numbers(nlp("Police arrested 12 in 2019.")[:])] == ["12"]


def test_attributions_find_speakers_and_cues(nlp) -> None:
    doc = nlp(
        "A Syrian official and an Israeli representative are expected to meet in Baku, AFP reported, "
        "citing a diplomatic source in Damascus familiar with the matter."
    )
    found = attributions(doc[:])
    assert ("AFP", "paraphrase") in {(a.speaker, a.kind) for a in found}
    assert any(a.kind == "citing" and a.speaker.startswith("a diplomatic source in Damascus") for a in found)
    quote = nlp('"There will be a meeting," the source, who requested anonymity, said.')
    assert [(a.speaker, a.kind) for a in attributions(quote[:])] == [("the source", "quote")]
    according = nlp("Aliyev welcomed the visit, according to the Azerbaijani presidency.")
    assert attributions(according[:])[0].speaker == "the Azerbaijani presidency"


def test_modality_and_negation(nlp) -> None:
    assert modality(nlp("Syrian and Israeli officials are expected to meet in Baku.")[:]) == "expected"
    assert modality(nlp("A meeting between Syrian and Israeli officials took place in Baku.")[:]) == "happened"
    assert negated(nlp("Sharaa did not attend the meeting.")[:])
    assert not negated(nlp("Sharaa attended the meeting.")[:])


def _dates_of(text: str, published: date) -> list[str]:
    from manysides.understand.document import _dates

    return [d.value for d in _dates(text, load_nlp()(text), published)]


def test_weekdays_in_future_clauses_look_ahead() -> None:
    monday = date(2025, 6, 16)
    assert _dates_of("Harbour pilots said they would stop work for 24 hours on Tuesday.", monday) == ["2025-06-17"]
    assert _dates_of("The company will run a reduced timetable from Wednesday.", monday) == ["2025-06-18"]
    assert _dates_of("Ferries stopped sailing on Tuesday.", monday) == ["2025-06-10"]
    assert _dates_of("The talks ended on Sunday.", monday) == ["2025-06-15"]
    assert _dates_of("A vote could come as soon as Wednesday.", monday) == ["2025-06-18"]


def test_cue_words_inside_quotes_are_not_attributions() -> None:
    nlp = load_nlp()
    quoted = nlp("\u201cIt is hurting the very communities these crews say they serve,\u201d the chief executive said.")
    assert [a.speaker for a in attributions(quoted[:])] == ["the chief executive"]
    refund = nlp("Passengers holding tickets can claim a refund at the terminal, the company said.")
    assert [a.speaker for a in attributions(refund[:])] == ["the company"]
    governing = nlp("The minister, who told reporters she was hopeful, said talks would resume.")
    assert attributions(governing[:])[0].speaker == "The minister"


def test_full_names_merge_across_initials_and_nicknames() -> None:
    mentions = [
        Mention("Michael R. Bloomberg", "person", "nyt", 0, 0, 20),
        Mention("Mike Bloomberg", "person", "fox", 0, 0, 14),
        Mention("Michael Bloomberg", "person", "fox", 1, 20, 37),
        Mention("Michael Bloomberg", "person", "hpo", 1, 20, 37),  # the most frequent full spelling names it
        Mention("Bloomberg", "person", "hpo", 0, 0, 9),
        Mention("Merrick Garland", "person", "nyt", 2, 40, 55),
        Mention("Garland", "place", "fox", 2, 40, 47),  # spaCy typed the surname alone as a place
        Mention("Mitch McConnell", "person", "fox", 3, 0, 15),
        Mention("Mitch", "person", "fox", 4, 0, 5),
        Mention("Thomas R. Carper", "person", "nyt", 3, 0, 16),
        Mention("Thomas", "person", "hpo", 3, 0, 6),  # another article: maybe another Thomas
    ]
    clusters = {c.name: c for c in merge_mentions(mentions)}
    assert set(clusters) == {"Michael Bloomberg", "Merrick Garland", "Mitch McConnell", "Thomas R. Carper", "Thomas"}
    assert set(clusters["Michael Bloomberg"].aliases) == {"Michael R. Bloomberg", "Mike Bloomberg", "Bloomberg"}
    assert clusters["Merrick Garland"].type == "person"
    assert clusters["Mitch McConnell"].aliases == ["Mitch"]


def test_acronyms_surnames_of_any_type_and_shorter_full_names_merge() -> None:
    mentions = [
        Mention("Joseph R. Biden Jr.", "person", "nyt", 0, 0, 19),
        Mention("Joe Biden", "person", "fox", 0, 0, 9),
        Mention("Biden", "person", "hpo", 0, 0, 5),
        Mention("National Rifle Association", "organisation", "nyt", 1, 0, 26),
        Mention("NRA", "place", "fox", 1, 0, 3),  # spaCy's type for the acronym varies
        Mention("Michele Bachmann", "person", "nyt", 2, 0, 16),
        Mention("Bachmann", "organisation", "fox", 2, 0, 8),
        Mention("Byron Todd Jones", "person", "nyt", 3, 0, 16),
        Mention("Todd Jones", "person", "fox", 3, 0, 10),
    ]
    clusters = {c.key: c for c in merge_mentions(mentions)}
    assert len(clusters) == 4
    names = {frozenset({c.name, *c.aliases}) for c in clusters.values()}
    assert frozenset({"Joseph R. Biden Jr.", "Joe Biden", "Biden"}) in names
    assert frozenset({"National Rifle Association", "NRA"}) in names
    assert frozenset({"Michele Bachmann", "Bachmann"}) in names
    assert frozenset({"Byron Todd Jones", "Todd Jones"}) in names


def test_a_name_known_by_its_suffix_is_not_the_fathers() -> None:
    mentions = [
        Mention("Harold Vance", "person", "nyt", 0, 0, 12),
        Mention("Harold T. Vance", "person", "fox", 0, 0, 15),
        Mention("Harold Vance Jr.", "person", "nyt", 1, 0, 16),
        Mention("Vance", "person", "hpo", 2, 0, 5),
        Mention("Peter L. Okafor Jr.", "person", "nyt", 3, 0, 19),
        Mention("Peter Okafor", "person", "fox", 3, 0, 12),
    ]
    names = {frozenset({c.name, *c.aliases}) for c in merge_mentions(mentions)}
    assert frozenset({"Harold Vance Jr."}) in names  # the son, named with his suffix
    assert any({"Harold Vance", "Harold T. Vance", "Vance"} <= group for group in names)
    assert any({"Peter L. Okafor Jr.", "Peter Okafor"} <= group for group in names)  # the formal form of one man


def test_an_honorific_surname_is_the_first_full_name_of_its_sex_in_that_article() -> None:
    mentions = [
        Mention("Paul Darrow Jr.", "person", "nyt", 0, 0, 15),  # the story's subject, named first
        Mention("Darrow", "person", "nyt", 1, 100, 106, title="mr."),
        Mention("Marta Darrow", "person", "nyt", 2, 200, 212),  # his wife
        Mention("Darrow", "person", "nyt", 3, 300, 306, title="mrs."),
        Mention("Paul Darrow", "person", "nyt", 4, 400, 411),  # his father, named in full
        Mention("Darrow", "person", "nyt", 5, 500, 506, title="mr."),
        Mention("Darrow", "person", "fox", 0, 0, 6, title="president"),  # the surname is someone's before any name
        Mention("Paul Darrow Jr.", "person", "fox", 1, 100, 115),
        Mention("Darrow", "person", "fox", 2, 200, 206, title="mr."),
        Mention("Darrow", "person", "hpo", 0, 0, 6),
    ]
    clusters = {c.name: c for c in merge_mentions(mentions)}
    son = [m for m in clusters["Paul Darrow Jr."].mentions if m.title == "mr."]
    assert [(m.article, m.sentence) for m in son] == [("nyt", 1), ("nyt", 5)]
    assert clusters["Paul Darrow"].aliases == []  # "Mr. Darrow" is the son's, after him; "Mrs." never a man's
    assert {(m.article, m.title) for m in clusters["Darrow"].mentions} == {
        ("nyt", "mrs."),
        ("fox", "president"),
        ("fox", "mr."),
        ("hpo", ""),
    }


def test_entity_mentions_merge_abbreviations_nicknames_and_descriptors() -> None:
    mentions = [
        Mention("Connecticut", "place", "a", 0, 0, 11),
        Mention("Conn.", "place", "b", 0, 0, 5),
        Mention("Joseph R. Biden Jr.", "person", "a", 1, 20, 39),
        Mention("Joe", "person", "a", 2, 0, 3),
        Mention("Sharron Angle", "person", "b", 1, 0, 13),
        Mention("Republican Sharron Angle", "organisation", "a", 3, 0, 24),
        Mention("Obama Willing", "person", "a", 4, 0, 13, headline=True),
        Mention("Centers for Disease Control", "organisation", "a", 5, 0, 27),
        Mention("Centers for Disease Control and Prevention", "organisation", "b", 2, 0, 42),
    ]
    assert title_case("Obama Willing to Use Executive Orders on Guns")
    assert not title_case("Obama Is Willing to Use Executive Orders.") and not title_case("Senate Votes")
    clusters = {c.name: c for c in merge_mentions(mentions)}
    cdc = "Centers for Disease Control and Prevention"
    assert set(clusters) == {"Connecticut", "Joseph R. Biden Jr.", "Sharron Angle", cdc}
    assert clusters["Connecticut"].aliases == ["Conn."]
    assert clusters["Joseph R. Biden Jr."].aliases == ["Joe"]
    assert clusters["Sharron Angle"].counts() == {"b": 1, "a": 1}


def test_a_name_cut_short_and_a_body_named_in_other_words_join_their_entity() -> None:
    mentions = [
        Mention("Mateo Ib\u00e1\u00f1ez Robles", "person", "nyt", 0, 0, 20),
        Mention("Mateo Ibanez", "person", "fox", 0, 0, 12),  # the parser cut "Mateo Ibanez Robles" short
        Mention("Ib\u00e1\u00f1ez", "person", "hpo", 1, 0, 6),
        Mention("Mateo Ibanez Jr.", "person", "hpo", 2, 0, 16),  # known by his suffix: another man
        Mention("Harbour Committee on Ferries and Bridges", "organisation", "nyt", 1, 0, 39),
        Mention("Harbour Ferries and Bridges Committee", "organisation", "fox", 1, 0, 37),
        Mention("Federal Ferries Board", "organisation", "nyt", 2, 0, 21),
        Mention("Federal Ferry Board", "organisation", "fox", 2, 0, 19),
        Mention("Ferry Boards", "organisation", "hpo", 3, 0, 12),
        Mention("Ferry Board", "organisation", "hpo", 4, 0, 11),
        Mention("Vale campaign", "organisation", "nyt", 3, 0, 13),
        Mention("Vale administration", "organisation", "nyt", 4, 0, 19),
    ]
    names = {frozenset({c.name, *c.aliases}) for c in merge_mentions(mentions)}
    assert {"Mateo Ib\u00e1\u00f1ez Robles", "Mateo Ibanez", "Ib\u00e1\u00f1ez"} in names
    assert frozenset({"Mateo Ibanez Jr."}) in names
    assert {"Harbour Committee on Ferries and Bridges", "Harbour Ferries and Bridges Committee"} in names
    assert {"Federal Ferries Board", "Federal Ferry Board"} in names
    # several boards are not one board; a campaign is not an administration
    assert {frozenset({"Ferry Boards"}), frozenset({"Vale campaign"}), frozenset({"Vale administration"})} <= names


def test_a_quoted_question_stays_with_its_speaker() -> None:
    body = "“Why now?” Sen. A. Jones, R-Ky., asked on Tuesday. Nobody answered. “Go!” Then the crowd ran."
    assert [s.text for s in split_sentences(body)] == [
        "“Why now?” Sen. A. Jones, R-Ky., asked on Tuesday.",
        "Nobody answered.",
        "“Go!”",
        "Then the crowd ran.",
    ]


def test_well_known_agencies_are_organisations_with_or_without_dots() -> None:
    mentions = [
        Mention("F.B.I.", "place", "nyt", 0, 0, 6),  # the small model types the dotted acronym a place
        Mention("Pentagon", "place", "fox", 1, 0, 8),
        Mention("Ostrava", "place", "hpo", 2, 0, 7),
    ]
    types = {c.name: c.type for c in merge_mentions(mentions)}
    assert types == {"F.B.I.": "organisation", "Pentagon": "organisation", "Ostrava": "place"}


def test_a_given_name_the_parser_typed_a_place_joins_its_full_name_but_kin_stay_apart() -> None:
    mentions = [
        Mention("Talia Brennock", "person", "a", 0, 0, 14),
        Mention("Talia", "place", "a", 3, 0, 5),  # an unfamiliar given name, typed a place by the small parser
        Mention("Georgia Wendt", "person", "a", 1, 0, 13),
        Mention("Georgia", "place", "a", 4, 0, 7),  # a state stays a place
        Mention("Idris Kamal Noor Haddou", "person", "b", 0, 0, 23),
        Mention("Idris Haddou", "person", "c", 0, 0, 12),
        Mention("Noor Haddou", "person", "c", 5, 0, 11),  # the same article names Idris: Noor is his father
    ]
    names = {frozenset({c.name, *c.aliases}) for c in merge_mentions(mentions)}
    assert frozenset({"Talia Brennock", "Talia"}) in names
    assert frozenset({"Georgia"}) in names
    assert frozenset({"Idris Kamal Noor Haddou", "Idris Haddou"}) in names
    assert frozenset({"Noor Haddou"}) in names


def test_lower_case_spans_are_no_names_and_never_join_one() -> None:
    mentions = [
        Mention("Yasmin Ali", "person", "a", 0, 0, 10),
        Mention("al", "person", "a", 1, 30, 32),  # "et al." misread by the parser
        Mention("n't", "place", "a", 2, 5, 8),
        Mention("يوسف الحداد", "person", "b", 0, 0, 11),  # no case in Arabic script: kept
    ]
    names = {frozenset({c.name, *c.aliases}) for c in merge_mentions(mentions)}
    assert names == {frozenset({"Yasmin Ali"}), frozenset({"يوسف الحداد"})}


def test_a_dateline_names_no_entity() -> None:
    """ "PORT ALDEN, Me. —" says where the reporter filed from; the place the story names in its text stays."""
    from benchmarks.datasets import make_article

    from manysides.understand import analyse

    body = (
        "PORT ALDEN, Me. \u2014 Mayor Ilsa Marrow closed the harbour in Port Alden on Tuesday.\n\n"
        "WASHINGTON \u2014 The board met."
    )
    text = analyse(make_article("a", body, outlet="one", published="2025-03-11"))
    assert [(m.text, m.type) for m in text.mentions] == [("Ilsa Marrow", "person"), ("Port Alden", "place")]
    assert text.mentions[1].start > body.index("harbour")


def test_an_initialism_ends_a_sentence_only_before_a_word_that_opens_one() -> None:
    texts = [
        "The rally was outside of R.F.K. Stadium in Port Alden on Thursday. It rained.",
        "She moved to Washington, D.C. The rent was high.",
        "The U.S. Senate voted. The House did not.",
    ]
    assert [[s.text for s in split_sentences(t)] for t in texts] == [
        ["The rally was outside of R.F.K. Stadium in Port Alden on Thursday.", "It rained."],
        ["She moved to Washington, D.C.", "The rent was high."],
        ["The U.S. Senate voted.", "The House did not."],
    ]


def test_an_ap_state_abbreviation_ends_a_sentence_only_before_a_word_that_opens_one() -> None:
    """ "Ariz. Gov. Jan Brewer": AP style abbreviates a state before a title or a name (the editor's read found
    "Prominent Republicans are calling for Ariz." cut off as a statement of its own). Fictional sentences."""
    texts = [
        "Republicans urged Ariz. Gov. Ada Venn to veto the bill. She has until Saturday.",
        "He lives in Tucson, Ariz. His wife works there.",
    ]
    assert [[s.text for s in split_sentences(t)] for t in texts] == [
        ["Republicans urged Ariz. Gov. Ada Venn to veto the bill.", "She has until Saturday."],
        ["He lives in Tucson, Ariz.", "His wife works there."],
    ]


def test_a_roman_ordinal_before_a_name_ends_no_sentence() -> None:
    """Turkish and German write an ordinal before the name it numbers ("III. Gordianus", Gordian III: the editor's
    read found a hoard's era cut in two there); after a capitalised word the numeral may end the sentence. Fictional
    sentences."""
    texts = [
        "Sikkeler, hüküm süren III. Gordianus döneminden kalma. Çiftçi buldu.",
        "Sie trafen sich auf dem XVI. Parteitag in Lindhof. Dann reisten sie ab.",
        "He served in World War II. The war changed him.",
        "The shares are owned by the holding LLC. All rights are reserved.",
    ]
    assert [len(split_sentences(t)) for t in texts] == [2, 2, 2, 2]
    assert split_sentences(texts[0])[0].text.endswith("döneminden kalma.")


def test_a_sentence_end_with_no_space_after_it_still_ends_the_sentence() -> None:
    """Pages and feeds that drop the space between paragraphs glue two sentences ("hogares.Ello"); an
    abbreviation or an initialism glued to a name goes on."""
    texts = [
        "Unas 900 familias dejaron sus hogares.Ello obligó a abrir dos albergues en Valdemora.",
        "Mr.Hale met the U.S.Army team in St.Alden on Friday.",
    ]
    assert [[s.text for s in split_sentences(t)] for t in texts] == [
        ["Unas 900 familias dejaron sus hogares.", "Ello obligó a abrir dos albergues en Valdemora."],
        ["Mr.Hale met the U.S.Army team in St.Alden on Friday."],
    ]
    # a script without capitals: two words of it either side; one letter and a period ("د." doctor) goes on
    arabic = "غادر 31 مريضا المستشفى هذا الأسبوع.وأعلن الطبيب د.سامر حداد أن الحالات مستقرة."
    assert [s.text for s in split_sentences(arabic, "ar")] == [
        "غادر 31 مريضا المستشفى هذا الأسبوع.",
        "وأعلن الطبيب د.سامر حداد أن الحالات مستقرة.",
    ]


def test_a_short_cry_inside_a_quotation_goes_on_with_it() -> None:
    texts = [
        "\u201cMy man! Hold it!\u201d the ferryman recalled. Then he left.",
        "Why? Because we can. \u201cWhy?\u201d he asked.",
        "\u201cNo! Not the pier, not now, not ever!\u201d she cried.",
    ]
    assert [[s.text for s in split_sentences(t)] for t in texts] == [
        ["\u201cMy man! Hold it!\u201d the ferryman recalled.", "Then he left."],
        ["Why?", "Because we can.", "\u201cWhy?\u201d he asked."],
        ["\u201cNo! Not the pier, not now, not ever!\u201d she cried."],
    ]


def test_a_few_closing_words_of_a_quotation_and_its_speaker_go_with_the_quotation() -> None:
    texts = [
        "\u201cClose the harbour. Now,\u201d the mayor of Vellin tweeted Friday. The council met.",
        '"Sell the ferry. Today," Ms. Orr said.',
        "\u201cWe will rebuild the pier. We will rebuild it by spring,\u201d she said.",
    ]
    assert [[s.text for s in split_sentences(t)] for t in texts] == [
        ["\u201cClose the harbour. Now,\u201d the mayor of Vellin tweeted Friday.", "The council met."],
        ['"Sell the ferry. Today," Ms. Orr said.'],
        ["\u201cWe will rebuild the pier.", "We will rebuild it by spring,\u201d she said."],
    ]


def test_titles_with_a_prefix_or_in_the_plural_and_a_spoken_no_split_right() -> None:
    texts = [
        "The bill was backed by then-Rep. Mark Holt of Ohio. It passed.",
        "Sens. Ada Brook and Ivo Lem voted no. The rest agreed.",
        "It ranked No. 5 in the poll. Nos. 3 and 4 fell.",
    ]
    assert [[s.text for s in split_sentences(t)] for t in texts] == [
        ["The bill was backed by then-Rep. Mark Holt of Ohio.", "It passed."],
        ["Sens. Ada Brook and Ivo Lem voted no.", "The rest agreed."],
        ["It ranked No. 5 in the poll.", "Nos. 3 and 4 fell."],
    ]


def test_entity_spans_cut_badly_are_repaired_or_dropped() -> None:
    from manysides.understand.spans import owner_split, repair, title_case_quotes

    body = "[B]y noon the Marlow School v. Ostrander Board case and Pim-fal-Q opened."
    assert repair(body, 1, 4) is None  # "B]y"
    start = body.index("Marlow")
    assert body[slice(*repair(body, start, body.index("v.") + 2))] == "Marlow School v. Ostrander Board"
    chick = body.index("Pim")
    assert body[slice(*repair(body, chick, chick + 3))] == "Pim-fal-Q"
    memo = "It was a Harbour Trust memo."
    assert memo[slice(*repair(memo, 7, 22))] == "Harbour Trust"
    people = {"Ivka Harlan", "Harlan"}
    assert owner_split("Harlan's Tide Party", people) == "Tide Party"
    assert owner_split("Harlan\u2019s 2014", people) == ""
    assert owner_split("Mabel's Diner", people) is None  # no person of the article owns it
    signs = "Interns held signs: \u201cBrandt Strong,\u201d and \u201cI told Ivo Lem,\u201d she said."
    assert [signs[a:b] for a, b in title_case_quotes(signs)] == ["\u201cBrandt Strong,\u201d"]


def test_a_person_is_typed_by_a_given_name_and_a_shared_surname_goes_to_the_one_the_story_names_most() -> None:
    mentions = [
        Mention("Laura Venn", "person", "a", 0, 0, 9),
        Mention("Laura Venn", "organisation", "b", 0, 0, 9),  # typed by her company's name elsewhere
        Mention("Venn", "organisation", "b", 1, 0, 4),
        Mention("Venn", "organisation", "c", 1, 0, 4),
        Mention("Tomas Quarry", "person", "a", 2, 0, 12),
        *[Mention("Tomas Quarry", "person", "b", k, 0, 12) for k in range(3, 6)],
        Mention("Ines Quarry", "person", "b", 6, 0, 11),  # his wife, named once
        *[Mention("Quarry", "person", art, 7, 0, 6) for art in "abc"],
        Mention("Quarry Jr.", "person", "c", 8, 0, 10),
        Mention("Tomas Quarry Jr.", "person", "a", 9, 0, 16),
        Mention("Ned Barr", "person", "a", 10, 0, 8),
        Mention("Lu Burr", "person", "b", 10, 0, 7),  # one key ("br"), another spelling
        Mention("Barr", "person", "c", 10, 0, 4),
    ]
    clusters = {c.name: c for c in merge_mentions(mentions)}
    assert clusters["Laura Venn"].type == "person" and set(clusters["Laura Venn"].aliases) == {"Venn"}
    assert set(clusters["Tomas Quarry"].aliases) == {"Quarry"}
    assert clusters["Ines Quarry"].aliases == []
    assert set(clusters["Tomas Quarry Jr."].aliases) == {"Quarry Jr."}  # the son, not the father
    assert clusters["Ned Barr"].aliases == ["Barr"]


def test_a_given_name_the_parser_split_from_its_surname_is_one_person() -> None:
    from benchmarks.datasets import make_article

    from manysides.understand import analyse

    body = (
        "Justice Clement Okoro wrote the ruling. The contentious Clement Okoro hearing in 1991 was long.\n\n"
        "Okoro said little. The Ostrander Board backed Rep. Ivo Lem's Tide Party plan."
    )
    names = {(m.text, m.type) for m in analyse(make_article("a", body, outlet="one")).mentions}
    assert ("Clement", "organisation") not in names and ("Clement", "person") not in names


def test_a_town_before_its_state_is_a_place_and_kin_of_a_named_person_are_people() -> None:
    from benchmarks.datasets import make_article

    from manysides.understand import analyse_many

    mentions = [
        Mention("Mercy", "place", "a", 0, 0, 5, evidence="place"),  # "Mercy, Ark."
        *[Mention("Mercy", "person", "b", k, 0, 5) for k in range(1, 4)],  # the parser's vote
        Mention("Ivo Quell", "person", "a", 1, 0, 9),
        Mention("Karen Quell", "organisation", "a", 2, 0, 11),  # his wife, typed an organisation
    ]
    types = {c.name: c.type for c in merge_mentions(mentions)}
    assert types == {"Mercy": "place", "Ivo Quell": "person", "Karen Quell": "person"}
    (text,) = analyse_many([make_article("a", "He was born in Mercy, Ark., in 1955. Mr. Quell said so.", outlet="one")])
    evidence = {m.text: m.evidence for m in text.mentions}
    assert evidence.get("Quell") == "person"


def test_a_repeated_sentence_gets_its_own_copy_of_one_parse() -> None:
    """Outlets that carry the same sentence: it is parsed once, and each telling keeps a Doc of its own."""
    from benchmarks.datasets import make_article

    from manysides.understand import analyse_many

    line = "The ferry union called off its strike on Monday after talks with the port."
    texts = analyse_many([make_article("a", line, outlet="one"), make_article("b", line, outlet="two")])
    first, second = (t.sentences[0].doc for t in texts)
    assert first is not second
    assert first.to_json() == second.to_json()
    assert [e.text for e in first.ents] == [e.text for e in second.ents]
