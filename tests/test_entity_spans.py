"""Entity spans an editor would call junk: brackets, handles, dotless titles and titled pairs (issue 14, point 4)."""

from __future__ import annotations

from benchmarks.datasets import make_article

from manysides.understand import analyse_many
from manysides.understand.document import _handle, _titled_pair
from manysides.understand.entities import Mention, clean_name, merge_mentions
from manysides.understand.name_spans import without_title


def _clusters(body: str) -> dict[str, str]:
    (text,) = analyse_many([make_article("one", body, outlet="Meridian Daily")])
    return {c.name: c.type for c in merge_mentions(text.mentions)}


def test_an_editors_brackets_are_never_inside_a_name() -> None:
    assert clean_name("Tomas] Keld") == "Tomas Keld"
    assert clean_name("[Tomas] Keld") == "Tomas Keld"
    assert clean_name("Tomas Keld") == "Tomas Keld"


def test_a_handle_is_no_entity() -> None:
    body = "Call off this vote, @ilsamarrow, Keld wrote."
    assert _handle(body, "@ilsamarrow", body.index("@"))
    assert _handle(body, "ilsamarrow", body.index("@") + 1)
    assert not _handle(body, "Keld", body.index("Keld"))
    assert not any("ilsamarrow" in name for name in _clusters("Tomas Keld said: Call off this vote, @ilsamarrow."))


def test_a_title_without_its_dot_before_a_given_name_is_no_part_of_the_name() -> None:
    def bare(text: str) -> str:
        return text[without_title(text, 0, len(text)) :]

    assert bare("Sen Mary Quill") == "Mary Quill"
    assert bare("Sen. Mary Quill") == "Mary Quill"
    assert bare("Sen Quill") == "Sen Quill"  # a surname "Sen" before no given name stays
    assert bare("Arvind Sen") == "Arvind Sen"


def test_a_titled_person_and_the_body_are_two_names() -> None:
    assert _titled_pair("President Quill and the Harbour Board", "ORG") == [
        ("Quill", "person"),
        ("Harbour Board", "organisation"),
    ]
    assert _titled_pair("Florence and the Lanterns", "ORG") is None  # no title: one name (a band)
    assert _titled_pair("President Quill", "PERSON") is None


def test_a_name_listed_among_bodies_is_a_body() -> None:
    types = _clusters("Ilsa Marrow has had posts removed by Apple, Facebook, Google and Zentropa.")
    assert types["Zentropa"] == "organisation" and types["Ilsa Marrow"] == "person"
    assert _clusters("Facebook, Google and Ilsa Marrow answered.")["Ilsa Marrow"] == "person"


def test_a_one_word_name_and_a_proper_noun_the_parser_left_unnamed_are_one_name() -> None:
    names = _clusters(
        "A Facebook executive apologized last month for mistreating Hazel and Pepper -- two personalities who have "
        "long claimed they are being censored."
    )
    assert "Hazel and Pepper" in names and "Hazel" not in names


def test_a_name_said_with_which_is_no_person_and_no_entity() -> None:
    from manysides.compare.engine import _entities

    (text,) = analyse_many(
        [
            make_article(
                "one",
                "Ilsa Marrow said her medicines include Corvane Thyroid, which is used to treat tiredness.",
                outlet="Meridian Daily",
            )
        ]
    )
    names = {e.name for e in _entities([text])}
    assert "Ilsa Marrow" in names and "Corvane Thyroid" not in names


def test_a_phrase_capitalised_only_in_quoted_words_and_written_in_lower_case_elsewhere_is_no_name() -> None:
    from manysides.compare.engine import _quoted_common_phrase
    from manysides.understand.entities import Mention

    quoted = "\u201cIf you are chasing Loud Weather, nothing is safe,\u201d Vale wrote."
    told = "Vale often blames \u201cloud weather\u201d for it."
    bodies = {"a": quoted, "b": told}
    (phrase,) = merge_mentions([Mention("Loud Weather", "organisation", "a", 0, quoted.index("Loud"), 0)])
    assert _quoted_common_phrase(phrase, bodies)
    assert not _quoted_common_phrase(phrase, {"a": quoted})  # never written in lower case: left alone
    plain = "Loud Weather, a band, said so."
    (named,) = merge_mentions([Mention("Loud Weather", "organisation", "a", 0, 0, 12)])
    assert not _quoted_common_phrase(named, {"a": plain, "b": told})  # named outside a quote


def test_initials_alone_name_no_person() -> None:
    """ "It's O.K." is typed a person by the parser: initials with no surname name nobody (an editor's read found
    "O.K." seven times in one report's entity table); a body by its initials stays."""
    from manysides.compare.engine import _entities

    (text,) = analyse_many(
        [
            make_article(
                "one",
                "“You might think it\u2019s O.K. that he lied to the F.B.I.,” Mayor Ilsa Marrow said. "
                "“I don\u2019t think it\u2019s O.K.” She said the F.B.I. had asked Jay Brenner, "
                "and he said it was O.K. with him.",
                outlet="Meridian Daily",
            )
        ]
    )
    found = {e.name: e.type for e in _entities([text])}
    assert "O.K." not in found and "Ilsa Marrow" in found and "Jay Brenner" in found


def test_party_tags_lists_and_numbered_bills_are_no_people() -> None:
    """An editor's read found "D-Ill." as a place, "Marriott, Apple and American Airlines" as one body and "Bill
    1062" as a person: a party and state say what someone is, a list is several names, and a number names a thing."""
    from manysides.compare.engine import _LIST_OF_NAMES, _PARTY_TAG, _entities, _numbered_thing

    assert _PARTY_TAG.fullmatch("D-Ill.") and _PARTY_TAG.fullmatch("R-Fla.") and not _PARTY_TAG.fullmatch("DC")
    assert _LIST_OF_NAMES.fullmatch("Harbour Ferries, Alden Bank and Vale Airways")
    assert not _LIST_OF_NAMES.fullmatch("Bureau of Ferries, Bridges and Tunnels")  # one body's own name
    (bill,) = merge_mentions([Mention("Bill 1062", "person", "a", 0, 0, 9)])
    assert _numbered_thing(bill) == "other"
    (text,) = analyse_many(
        [
            make_article(
                "one",
                "Rep. Ivo Pell (D-Ill.) said the ferry plan was sound. Rep. Ada Krell (R-Fla.) disagreed.",
                outlet="Meridian Daily",
            )
        ]
    )
    found = {e.name for e in _entities([text])}
    assert {"Ivo Pell", "Ada Krell"} <= found and not {"D-Ill.", "R-Fla.", "Ill.", "Fla."} & found


def test_an_english_name_ends_on_a_capital_or_on_its_kind() -> None:
    """The parser ran "The San Diego Union-Tribune" into "days" ("told The ... days after the vote"), and the entity
    table showed "Union-Tribune days" (an editor's read); a kind written in lower case ("the Harbour coast", "the
    Republican party") stays part of the name."""
    from manysides.understand.spans import without_trailing_lower

    def cut(text: str) -> str:
        return text[slice(*without_trailing_lower(text, 0, len(text)))]

    assert cut("Port Aldous Ledger-Tribune days") == "Port Aldous Ledger-Tribune"
    assert cut("Navigator of the Harbour cruise") == "Navigator of the Harbour"
    assert cut("Harbour coast") == "Harbour coast"
    assert cut("Republican party") == "Republican party"
    assert cut("Ivo Pell") == "Ivo Pell"
