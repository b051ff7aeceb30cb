"""Entity types from the name itself and from known names: a gazetteer pass beside the parser (issue 14)."""

from __future__ import annotations

from benchmarks.datasets import make_article

from manysides.understand import analyse_many
from manysides.understand.entities import Mention, merge_mentions
from manysides.understand.gazetteer import head_type, known_places
from manysides.understand.name_finding import misspelt_calendar_word


def _types(mentions: list[Mention]) -> dict[str, str]:
    return {c.name: c.type for c in merge_mentions(mentions)}


def _found(body: str) -> dict[str, str]:
    (text,) = analyse_many([make_article("one", body, outlet="Meridian Daily")])
    return {m.text: m.type for m in text.mentions}


def test_well_known_names_the_parser_missed_are_found_and_joined_names_split() -> None:
    found = _found(
        "Facebook removed the posts on Tuesday, and Vice News reported it. Ads ran on CNN & MSNBC last week. "
        "Following Brandt's remarks, Ilsa Marrow spoke to Denver Fox affiliate KDVR-TV on Wednedsay."
    )
    assert found["Facebook"] == found["Vice News"] == "organisation"
    assert found["CNN"] == found["MSNBC"] == "organisation" and "CNN & MSNBC" not in found
    assert found["Denver"] == "place" and found["Fox"] == "organisation"
    assert "Brandt" in found and not any(name.startswith("Following") for name in found)
    assert "Wednedsay" not in found


def test_a_name_inside_or_beside_another_name_is_not_taken_for_a_known_one() -> None:
    found = _found("Ilsa Marrow streamed it on Facebook Live, and Tomas Keld said so.")
    assert "Facebook" not in found


def test_a_names_last_word_types_it_unless_it_is_a_given_name_and_a_surname() -> None:
    assert head_type("Caldmark Ferries") == "organisation" and head_type("Capitol Hill") == "place"
    assert head_type("Hill") == ""
    types = _types(
        [
            Mention("Caldmark Ferries", "person", "a", 0, 0, 16),
            Mention("Log Cabin Republicans", "person", "a", 1, 0, 21, evidence="speaker"),  # a group speaks too
            Mention("Capitol Hill", "organisation", "a", 2, 0, 12),
            Mention("Anita Hill", "person", "a", 3, 0, 10),
        ]
    )
    assert types["Caldmark Ferries"] == types["Log Cabin Republicans"] == "organisation"
    assert types["Capitol Hill"] == "place" and types["Anita Hill"] == "person"


def test_a_known_place_is_a_place_only_without_a_persons_evidence() -> None:
    assert known_places()["Lincoln"] >= 100_000  # data/places.tsv
    types = _types(
        [
            Mention("Lincoln", "organisation", "a", 0, 0, 7),  # a large place the parser typed an organisation
            Mention("Florissant", "person", "a", 1, 0, 10, evidence="locative"),  # "protests in Florissant"
            Mention("Clayton", "person", "a", 2, 0, 7),  # nothing in the text says it is a place
            Mention("Warren", "person", "b", 3, 0, 6, evidence="speaker"),
            Mention("Warren", "person", "b", 4, 0, 6, evidence="locative"),
        ]
    )
    assert types["Lincoln"] == types["Florissant"] == "place"
    assert types["Clayton"] == types["Warren"] == "person"


def test_a_misspelt_weekday_or_month_is_no_name() -> None:
    assert misspelt_calendar_word("Wednedsay") and misspelt_calendar_word("Thrusday")
    assert not any(misspelt_calendar_word(w) for w in ("Wednesday", "Augustin", "Frida", "Mondale", "Septimus"))


def test_a_surname_two_full_names_of_one_article_end_with_stays_its_own() -> None:
    types = _types(
        [
            Mention("Hedda Quarry", "person", "a", 0, 0, 12),
            Mention("Ines Quarry", "person", "a", 1, 0, 11),
            Mention("Quarry", "person", "a", 2, 0, 6),
        ]
    )
    assert set(types) == {"Hedda Quarry", "Ines Quarry", "Quarry"}


def test_a_speaker_the_parser_typed_a_place_is_a_body_unless_a_place_is_so_named() -> None:
    types = _types(
        [
            Mention("Skerrow", "place", "a", 0, 0, 7, evidence="speaker"),  # "Skerrow said": no known place
            Mention("Lincoln", "place", "a", 1, 0, 7, evidence="speaker"),  # a city speaks for its council
        ]
    )
    assert types["Skerrow"] == "organisation" and types["Lincoln"] == "place"


def test_a_kind_noun_beside_a_name_types_it() -> None:
    (text,) = analyse_many(
        [
            make_article(
                "kinds",
                "Ilsa Marrow hired the law firm Brask Holm on Monday. Leda Vinter, the director of the group "
                "Harbour Hub, said so. Later, Skerrow founder Tomas Keld agreed.",
                outlet="Meridian Daily",
            )
        ]
    )
    evidence = {m.text: m.evidence for m in text.mentions}
    assert evidence["Brask Holm"] == evidence["Harbour Hub"] == evidence["Skerrow"] == "organisation"
    types = {c.name: c.type for c in merge_mentions(text.mentions)}
    assert types["Brask Holm"] == types["Harbour Hub"] == types["Skerrow"] == "organisation"


def test_a_state_abbreviation_is_not_the_known_name_it_starts_with() -> None:
    found = _found("Leda Vinter flew home to Wichita, Kan. on Monday, the broadcaster Kan reported.")
    assert found["Kan"] == "organisation" and found.get("Kan.", "place") == "place"
    (text,) = analyse_many([make_article("kan", "Leda Vinter flew home to Wichita, Kan. on Monday.", outlet="M")])
    assert not [m for m in text.mentions if m.text == "Kan"]


def test_a_name_ending_in_an_institution_is_no_person_and_takes_no_lone_word() -> None:
    """ "the Dana White House" (an administration) starts with a given name, but its last word names a body: it is
    no person, and "the House" does not join it as a surname would."""
    (text,) = analyse_many(
        [
            make_article(
                "one",
                "Veterans of the Dana White House met on Monday. The House will vote on the ferry bill next week, "
                "and the House speaker said the votes were there.",
                outlet="Meridian Daily",
            )
        ]
    )
    entities = {e.name: e for e in merge_mentions(text.mentions)}
    assert entities["Dana White House"].type == "organisation"
    assert "House" in entities and "House" not in entities["Dana White House"].aliases


def test_a_state_abbreviation_is_a_state_only_where_one_is_written() -> None:
    """ "Clayton, Mo." and "(R-Mo.)" name Missouri; "nothing on Mo." is a man's nickname."""
    (text,) = analyse_many(
        [
            make_article(
                "one",
                "“They have nothing on Mo.” Tamm said he would serve.\n\nVoters in Clayton, Mo. agreed.",
                outlet="Meridian Daily",
            )
        ]
    )
    states = [m for m in text.mentions if m.text == "Mo."]
    assert len(states) == 1 and text.article.body[states[0].start - 2 : states[0].start] == ", "


def test_an_acronym_with_stops_is_the_acronym_and_its_name() -> None:
    """ "H.P.A.", "HPA" and "Harbour Pilots Association" are one organisation."""
    (text,) = analyse_many(
        [
            make_article(
                "hpa",
                "The Harbour Pilots Association met on Monday. The H.P.A. said crews were short, and the HPA "
                "asked the port for help.",
                outlet="Meridian Daily",
            )
        ]
    )
    entities = {e.name: e for e in merge_mentions(text.mentions)}
    pilots = next(e for e in entities.values() if "Harbour Pilots Association" in [e.name, *e.aliases])
    assert {"H.P.A.", "HPA"} <= {pilots.name, *pilots.aliases}


def test_given_names_of_the_two_sexes_are_two_people() -> None:
    """ "his wife, Michelle" and "his son, Michael" share a consonant key, not a person."""
    (text,) = analyse_many(
        [
            make_article(
                "kin",
                "Tom Pell arrived with his wife, Michelle, on Monday. Ilsa Marrow came with her son, Michael.",
                outlet="Meridian Daily",
            )
        ]
    )
    names = [{e.name, *e.aliases} for e in merge_mentions(text.mentions)]
    assert not any({"Michelle", "Michael"} <= n for n in names)


def test_a_bodys_last_word_alone_joins_the_one_name_ending_with_it_or_is_dropped() -> None:
    one = merge_mentions(
        [
            Mention("Dunmore Evening Times", "organisation", "a", 0, 0, 21),
            Mention("Times", "organisation", "b", 1, 0, 5),  # "the Times reported"
            Mention("Velk Harbour Committee", "organisation", "a", 2, 0, 22),
            Mention("Orrin Sands Committee", "organisation", "b", 3, 0, 21),
            Mention("Committee", "organisation", "b", 4, 0, 9),  # which of the two: no entity of its own
            Mention("House", "organisation", "a", 5, 0, 5),  # alone, a chamber, not the "Marrow House"
            Mention("Marrow House", "organisation", "b", 6, 0, 12),
        ]
    )
    names = {c.name: sorted(c.aliases) for c in one}
    assert names["Dunmore Evening Times"] == ["Times"]
    assert "Committee" not in names and "House" in names and names["Marrow House"] == []


def test_a_person_named_like_a_bodys_word_is_kept() -> None:
    one = merge_mentions([Mention("Post", "person", "a", 0, 0, 4, evidence="speaker")])
    assert [c.name for c in one] == ["Post"]


def test_an_apposition_that_says_a_names_kind_types_it() -> None:
    (text,) = analyse_many(
        [
            make_article(
                "one",
                "“It will not pass,” said Orla Venn, a spokeswoman for Third Harbor, a centrist research group, "
                "on Monday. Carl Dunmore, a co-founder of the company, declined to comment.",
                outlet="Meridian Daily",
            )
        ]
    )
    types = _types(text.mentions)
    assert types["Third Harbor"] == "organisation"
    assert types["Carl Dunmore"] == "person"


def test_an_acronym_of_a_thing_written_out_in_lower_case_is_no_entity() -> None:
    from manysides.compare.engine import _common_acronym
    from manysides.understand.entities import EntityCluster

    body = (
        "Retirees fear cuts to cost-of-living adjustments; the COLA rose. The Velk Savings League (VSL) met, "
        "and the FBI for being in charge said a tiny retail output (TRO) fell."
    )
    found = {
        name: _common_acronym(EntityCluster(name, [Mention(name, "organisation", "a", 0, 0, len(name))]), {"a": body})
        for name in ("COLA", "VSL", "FBI", "TRO")
    }
    assert found == {"COLA": True, "VSL": False, "FBI": False, "TRO": True}


def test_a_company_suffix_alone_is_no_entity() -> None:
    one = merge_mentions(
        [
            Mention("Vask Marine Group", "organisation", "a", 0, 0, 17),  # "Vask Marine Group LLC", cut
            Mention("LLC", "organisation", "a", 0, 18, 21),
            Mention("Inc.", "organisation", "b", 1, 0, 4),
        ]
    )
    assert [c.name for c in one] == ["Vask Marine Group"]


def test_an_adjective_the_parser_spanned_as_a_name_is_no_entity() -> None:
    """ "Judicial ethics", "a Congressional staff member": capitalised adjectives, never names, wherever they stand."""
    from manysides.compare.engine import compare
    from tests.helpers import provided_article

    first = provided_article(
        "a",
        "Judicial ethics require that a judge step aside when his impartiality is in doubt. Judge Ann Vale said so.",
        outlet="Harbor Ledger",
    )
    second = provided_article(
        "b", "Judge Ann Vale stepped aside on Monday. She asked a Congressional staff member to sell it.", outlet="Post"
    )
    names = [e.name for e in compare([first, second]).entities]
    assert "Ann Vale" in names and "Judicial" not in names and "Congressional" not in names


def test_a_countrys_abbreviation_and_a_body_glossed_with_its_country_are_one_entity() -> None:
    """ "U.S." is the United States, and "U.S. Harbour Pilots Service" the "Harbour Pilots Service" named without its
    country (the editor's read: one body in three rows); a town before a body's name makes a local body of its own
    ("Varnley Harbour Pilots Service" stays apart). Fictional bodies."""
    (text,) = analyse_many(
        [
            make_article(
                "glossed",
                "The United States sent a ship on Monday, and the U.S. said more would follow. The U.S. Harbour "
                "Pilots Service said crews were short, "
                "and the Harbour Pilots Service asked the U.S. Navy for help. The Varnley Harbour Pilots Service "
                "was not asked.",
                outlet="Meridian Daily",
            )
        ]
    )
    entities = merge_mentions(text.mentions)
    names = [{e.name, *e.aliases} for e in entities]
    assert any({"United States", "U.S."} <= n for n in names)
    assert any({"U.S. Harbour Pilots Service", "Harbour Pilots Service"} <= n for n in names)
    assert not any({"Varnley Harbour Pilots Service", "Harbour Pilots Service"} <= n for n in names)


def test_a_report_naming_only_the_son_means_him_by_his_surname() -> None:
    """One report names "Tomas Brandt Jr." and then "Mr. Brandt", never his father; another names both. The first
    report's "Mr. Brandt" is the son (the editor's read: the Times' "Mr. Trump" credited to the president); a
    report that gives the surname a title ("Governor Brandt") still means the father. Fictional people."""
    son_only = make_article(
        "son",
        "Tomas Brandt Jr. wrote to the port board on Monday. Mr. Brandt said the pier was unsafe. "
        "Mr. Brandt did not say who had told him.",
        outlet="Meridian Daily",
    )
    both = make_article(
        "both",
        "Governor Tomas Brandt said on Monday that his son, Tomas Brandt Jr., had written to the port board. "
        "Governor Brandt said he had not read the letter.",
        outlet="Coastline Digest",
    )
    texts = analyse_many([son_only, both])
    clusters = merge_mentions([m for t in texts for m in t.mentions])
    son = next(c for c in clusters if c.name == "Tomas Brandt Jr.")
    father = next(c for c in clusters if c.name == "Tomas Brandt")
    assert son.counts().get("son", 0) >= 3 and "son" not in father.counts()
    assert father.counts().get("both", 0) >= 2
