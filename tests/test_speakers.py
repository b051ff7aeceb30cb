"""Speakers, cited sources and entity types on real text: the seed pages and BASIL articles (issue 14, items 3-4)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from benchmarks.datasets import make_article

from manysides.compare.framing import voices
from manysides.compare.provenance import cited_sources
from manysides.understand import ArticleText, analyse_many
from manysides.understand.entities import merge_mentions
from tests.helpers import dump_article


@cache
def _basil(root: Path, words: str) -> ArticleText:
    """The BASIL article whose body holds the words, understood."""
    for path in sorted((root / "basil" / "articles").glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(p) for p in article["body-paragraphs"])
        if words in body:
            return analyse_many([make_article(path.stem, body, outlet=article.get("source"))])[0]
    pytest.fail(f"no BASIL article holds {words!r}")


def _speakers(text: ArticleText, words: str) -> list[str]:
    return next([a.speaker for a in s.attributions] for s in text.sentences if words in s.text)


def test_a_quote_continued_in_its_own_sentence_keeps_its_speaker(datasets_dir: Path) -> None:
    text = _basil(datasets_dir, "if you try to attack Heidi")
    assert _speakers(text, "if you try to attack Heidi") == ["Cruz"]


def test_a_quote_hung_on_a_name_below_the_main_verb_is_that_persons(datasets_dir: Path) -> None:
    """The parser makes "released" the main verb of "..., one day before Barr released a summary, ... O'Rourke
    charged ... that you "have a president ..."" and hangs the quote on O'Rourke: the words are his, not Barr's."""
    text = _basil(datasets_dir, "ham-handedly")
    assert [s.split()[-1] for s in _speakers(text, "ham-handedly")] == ["O\u2019Rourke"]


def test_mixed_quote_marks_do_not_swallow_the_speaker(datasets_dir: Path) -> None:
    """“...for everyone," Inslee said: a curly opening and a straight closing mark still enclose one quote."""
    text = _basil(datasets_dir, "Inslee cited the case of")
    assert _speakers(text, "I find Indiana")[:1] == ["Inslee"]


def test_a_partial_quote_without_a_cue_word_is_its_subjects(datasets_dir: Path) -> None:
    text = _basil(datasets_dir, "Santorum had dismissed Obama")
    assert _speakers(text, "Santorum had dismissed Obama") == ["Santorum"]


def test_a_speaker_named_in_apposition_is_credited_by_name(datasets_dir: Path) -> None:
    text = _basil(datasets_dir, "said the spokesman, Nick Merrill")
    assert _speakers(text, "said the spokesman, Nick Merrill") == ["Nick Merrill"]


def test_datelines_and_descriptions_are_not_cited_sources(datasets_dir: Path) -> None:
    text = _basil(datasets_dir, "Obama on Friday forcefully defended revelations")
    sources = cited_sources(text)
    assert "WASHINGTON" not in sources
    assert not [s for s in sources if s.lower() in {"the president", "the spokesman", "its editor"}]


def test_seed_entities_keep_distinct_names_apart_and_typed(seeds_dir: Path) -> None:
    """ "Syria" and "Saar" share the consonant key "sr"; they are two entities, and the broadcaster Kan is no
    person."""
    articles = [dump_article(p) for p in sorted(seeds_dir.glob("*.txt"))]
    texts = analyse_many(articles)
    clusters = merge_mentions([m for t in texts for m in t.mentions])
    syria = next(c for c in clusters if c.name == "Syria")
    assert syria.type == "place" and not any("Saar" in m.text for m in syria.mentions)
    assert next(c for c in clusters if c.name == "Gideon Saar").type == "person"
    assert next(c for c in clusters if c.name == "Kan").type == "organisation"


def _fictional(body: str) -> ArticleText:
    return analyse_many([make_article("title-speaker", body, outlet="The Harbour Ledger")])[0]


def test_a_speaker_named_only_by_title_is_the_one_person_given_that_title() -> None:
    """ "the governor said" after "Gov. Marta Quell" or "Ms. Quell, the islands' first elected governor" credits
    Quell; with two governors it stays as written."""
    text = _fictional(
        "Gov. Marta Quell signed the ferry bill on Tuesday in Port Alden.\n\n"
        "“This bill keeps the islands connected,” the governor said."
    )
    assert _speakers(text, "keeps the islands connected") == ["Marta Quell"]
    two = _fictional(
        "Gov. Marta Quell met Gov. Ivo Brandt on Tuesday in Port Alden.\n\n"
        "“This bill keeps the islands connected,” the governor said."
    )
    assert _speakers(two, "keeps the islands connected") == ["the governor"]
    # ... unless the sentence before credits one of the two: the title goes on naming that one
    told = _fictional(
        "Gov. Marta Quell met Gov. Ivo Brandt on Tuesday in Port Alden.\n\n"
        "Later, Brandt said he would not sign the ferry bill.\n\n"
        "“This bill cuts the islands off,” the governor said."
    )
    assert _speakers(told, "cuts the islands off") == ["Ivo Brandt"]
    apposed = _fictional(
        "Ronica Tamm is a former aide to Ms. Quell, the islands' first elected governor.\n\n"
        "“I'm not that cool,” the governor replied.\n\n"
        "Tom Pell, the governor's aide, said nothing."
    )
    assert _speakers(apposed, "not that cool") == ["Quell"]


def test_a_statement_is_credited_to_a_cited_source_not_to_any_thing_cited() -> None:
    from manysides.compare.facts import statement

    text = _fictional(
        "Councillor Ivo Brandt cited the case of a florist who was fined by the port authority last year.\n\n"
        "The council delayed the vote, citing officials at the harbour office."
    )
    assert [statement(text, s).attribution for s in text.sentences] == [None, "officials"]


def test_she_said_goes_to_the_woman_the_outlet_names_without_an_honorific() -> None:
    """ "she said" after a man was named last is the woman's: her given name says so (no "Ms." in the text)."""
    text = _fictional(
        "Rep. Helen Marsh has led the harbour caucus for a decade.\n\n"
        "“We lost the valley because we stopped listening,” Rep. Walter Crane said last week.\n\n"
        "Marsh did not agree with Crane\u2019s reading of the vote in an interview on Monday.\n\n"
        "“He did not even carry his own district,” she said."
    )
    assert _speakers(text, "carry his own district") == ["Helen Marsh"]


def test_he_said_is_never_a_group_a_date_or_a_thing() -> None:
    """A capitalised subject that is no person ("Voters are tired ..., he said") leaves the pronoun to the person
    named before it."""
    text = _fictional(
        "Mayor Paul Ostrander spoke for an hour at the ferry terminal on Friday.\n\n"
        "Voters are tired of waiting for the new pier, he said."
    )
    assert _speakers(text, "Voters are tired") == ["Paul Ostrander"]


def test_he_after_an_aside_in_horizontal_bars_is_the_subject_not_a_name_in_the_aside() -> None:
    """HuffPost sets asides off with "―" (U+2015), which the parser reads as a noun and a subject; it is parsed
    as the dash it stands for, so the aside's names are no candidates for "he"."""
    text = _fictional(
        "Orrin Vale, a longtime adviser to the mayor, was charged on Friday.\n\n"
        "Vale \u2015 who worked on campaigns for Ada Crane, Tom Pell and others \u2015 took credit for the plan.\n\n"
        "He has repeatedly said it was \u201ca possibility\u201d that he would be charged."
    )
    assert _speakers(text, "a possibility") == ["Vale"]


def test_he_is_no_name_inside_an_aside_of_the_sentence_before() -> None:
    """ "Stone ― who worked on campaigns for Richard Nixon and others ― took credit": when the parser reads "Stone"
    as a common noun, "he" next is nobody rather than Nixon, named only inside the aside."""
    text = _fictional(
        "Stone \u2015 who worked on campaigns for Richard Nixon, Ronald Reagan and others \u2015 took credit for the "
        "plan.\n\n"
        "He repeatedly has said it was \u201ca possibility\u201d that he would be charged."
    )
    assert "Richard Nixon" not in _speakers(text, "a possibility")


def test_a_person_named_only_as_an_owner_is_not_who_he_stands_for() -> None:
    """ "Governor Tom Pell's hardline approach drew ..." is about an approach: "He deemed ..." next is the man
    the story follows, not Pell."""
    text = _fictional(
        "Walter Marrow, the former mayor, spoke at the harbour convention on Tuesday night.\n\n"
        "Marrow said the port could not wait.\n\n"
        "Governor Tom Pell's hardline approach to the strike drew some of the sharpest criticism.\n\n"
        "He deemed the governor's plan \u201ca con\u201d that would cost the port its ferries."
    )
    assert _speakers(text, "a con") == ["Walter Marrow"]


def test_a_bare_surname_is_not_the_son_known_by_his_suffix() -> None:
    """The one full name "Tom Pell Jr." does not make "Pell" the son: the son is written with his suffix."""
    text = _fictional(
        "Tom Pell Jr. told reporters the ferry plan was sound.\n\n"
        "Pell attacked the harbour inquiry again on Monday.\n\n"
        "\u201cThe greatest harbour hoax in history,\u201d he wrote on Twitter."
    )
    assert _speakers(text, "harbour hoax") == ["Pell"]


def test_a_person_whose_sex_the_article_gives_both_ways_is_credited_nothing() -> None:
    """Two Quells, "Mr." and "Ms.": a bare "Quell" cannot be told apart, so "he said" after it credits nobody
    rather than a guess."""
    text = _fictional(
        "Mr. Quell and Ms. Quell both sit on the port board.\n\n"
        "Quell voted against the dredging plan on Tuesday.\n\n"
        "“The channel is deep enough,” he said."
    )
    assert _speakers(text, "deep enough") == ["he"]


def test_first_names_give_a_sex_only_when_one_sex_bears_them_far_more_often() -> None:
    from manysides.understand.names import first_name_sex

    assert first_name_sex("Nora Vance") == "she"
    assert first_name_sex("Walter Crane") == "he"
    assert first_name_sex("Lindsey Crane") is None  # borne by both, if mostly by women
    assert first_name_sex("Crane") is None  # a surname alone says nothing
    assert first_name_sex("Mitch Crane") == "he"  # a short form has the sex of its formal name ("Mitchell")


def test_a_short_quote_and_a_lead_in_pass_their_speaker_to_the_quotation_after_them() -> None:
    """ "“Stop stalling!” Ms. Varga wrote." credits her, and so the quotation after it; "Brandt replied in a
    post on Sunday." announces the quotation that follows it."""
    text = _fictional(
        "“Stop stalling!” Councillor Nora Varga wrote.\n\n"
        "“The ferry belongs to the islands, not to the port board.”\n\n"
        "Councillor Ivo Brandt replied in a post on Sunday.\n\n"
        "“The board has never stalled a single vote on the ferry.”"
    )
    assert _speakers(text, "Stop stalling") == ["Councillor Nora Varga"]
    assert _speakers(text, "belongs to the islands") == ["Councillor Nora Varga"]
    assert _speakers(text, "never stalled") == ["Councillor Ivo Brandt"]


def test_cited_sources_are_whole_names_and_sources_not_groups_or_things() -> None:
    """A surname is cited as the full name the article gives it; a party's members and a thing a name qualifies
    are no sources; two companies' spokesmen stay two."""
    text = _fictional(
        "Mayor Peter Brandt of Port Alden announced the ferry plan on Tuesday.\n\n"
        "“The pier will open in May,” Brandt said.\n\n"
        "Democrats said the plan would cost the islands too much.\n\n"
        "The council delayed its vote, citing Brandt\u2019s remarks on the budget.\n\n"
        "A spokesman for the Harbour Authority said dredging would start in June.\n\n"
        "A spokesman for Alden Ferries said tickets would cost $4."
    )
    sources = cited_sources(text)
    assert "Peter Brandt" in sources and "Brandt" not in sources
    assert not [s for s in sources if "Democrats" in s or "remarks" in s]
    assert "A spokesman for the Harbour Authority" in sources and "A spokesman for Alden Ferries" in sources


def test_a_speech_verb_that_governs_a_quote_credits_its_subject() -> None:
    """ "accusing the board of “wasting another summer”" are the words of whoever accuses, even where the
    sentence's main clause is about something else."""
    text = _fictional(
        "The delay came after Councillor Nora Varga chided the port board, accusing it of “wasting another summer.”"
    )
    assert _speakers(text, "wasting another summer") == ["Councillor Nora Varga"]


def test_a_description_of_whom_someone_works_for_gives_way_to_the_name_after_it() -> None:
    """ "The lawyer for Ms. Varga, Peter Quell, said ..." is Quell's; "he said" after it too."""
    text = _fictional(
        "The lawyer for Ms. Varga, Peter Quell, said the ferry contract had been signed in March.\n\n"
        "Then, he said, the board changed the terms."
    )
    assert _speakers(text, "contract had been signed") == ["Peter Quell"]
    assert _speakers(text, "changed the terms") == ["Peter Quell"]


def test_a_verb_of_naming_with_a_quoted_complement_credits_its_subject() -> None:
    """ "calling the plan "a pier to nowhere"" is the phrase of whoever calls it so."""
    text = _fictional(
        "The vote came after Councillor Nora Varga spoke at the terminal, calling the plan “a pier to nowhere.”"
    )
    assert _speakers(text, "a pier to nowhere") == ["Councillor Nora Varga"]


def test_a_person_in_apposition_to_the_subject_is_the_he_who_speaks_next() -> None:
    """ "One Liberal, Councillor Daniel K. Marsh of Lowmere, ..." introduces Marsh; the quotation and "he said"
    after it are his, not those of the speaker quoted before him."""
    text = _fictional(
        "“The ferry will run at a loss,” said Councillor Peter Quell, a Conservative.\n\n"
        "One Liberal, Councillor Daniel K. Marsh of Lowmere, even raised the idea of a public inquiry.\n\n"
        "“We know where that leads. It leads to an inquiry,” he said."
    )
    assert _speakers(text, "It leads to an inquiry") == ["Daniel K. Marsh"]


def test_he_said_after_a_quotation_of_several_sentences_looks_past_them() -> None:
    """A quotation of four sentences closed by "he said": the sentences inside it do not use up the look-back,
    so the person named before the quotation is found."""
    text = _fictional(
        "Councillor Peter Quell suggested Sunday that the board had left the islands to negotiate alone.\n\n"
        "“He has been to Lowmere. Tomorrow he goes to Port Alden. It is time to decide. The summer is over,” he "
        "said on Radio Alden."
    )
    assert _speakers(text, "The summer is over") == ["Peter Quell"]


def test_a_speaker_set_off_inside_the_clause_he_reports_is_credited() -> None:
    """ "The ferry board, Mr. Hale said on Radio Alden, was beginning to realize “...”": Hale's words, though the
    parser gives "said" both "board" and "Hale" as subjects."""
    text = _fictional(
        'The ferry board, Mr. Hale said on Radio Alden, was beginning to realize "that we don\'t have a lot of cards."'
    )
    assert _speakers(text, "have a lot of cards") == ["Mr. Hale"]


def test_a_law_cited_is_no_source_and_a_persons_letter_is_the_person() -> None:
    """ "citing the Fifth Amendment right" cites a text of law, neither a source nor a voice; "according to
    Quell's letter" cites Peter Quell, listed once."""
    text = _fictional(
        "Peter Quell, the ferry operator's lawyer, wrote to the port board on Monday.\n\n"
        "Citing the Fifth Amendment right against self-incrimination, the operator declined to testify.\n\n"
        "The board will meet again in June, according to Quell's letter."
    )
    sources = cited_sources(text)
    assert "Peter Quell" in sources
    assert not [s for s in sources if "Amendment" in s or "letter" in s]
    assert not [v.speaker for v in voices(text) if "Amendment" in v.speaker or v.speaker == "right"]


def test_a_noun_beside_a_name_says_whose_she_it_is() -> None:
    """ "the mayor's wife, Anouk Quell," is a woman though the article calls her husband "Mr. Quell": her "she
    said" is hers, where the surname alone would say "he"."""
    text = _fictional(
        "Mr. Quell, the mayor of Port Alden, announced the ferry plan on Tuesday.\n\n"
        "In a statement later in the day, the mayor's wife, Anouk Quell, questioned the port board's figures.\n\n"
        "“As a mother and a sailor, I find these numbers very troubling,” she said."
    )
    assert _speakers(text, "very troubling") == ["Anouk Quell"]


def test_sentences_about_the_same_he_carry_him_to_his_quote() -> None:
    """Two sentences about "he" between the named photographer and his "he said": still his words."""
    text = _fictional(
        "The portrait was taken by Tomas Vell, a photographer from Port Alden.\n\n"
        "He later told Radio Alden that the first print had been lost.\n\n"
        "This is not the first time his pictures have caused an uproar.\n\n"
        "He previously received angry letters over a photo of the old pier.\n\n"
        "As for the portrait, he does not regret it.\n\n"
        "“I knew the board would hate it,” he said."
    )
    assert _speakers(text, "board would hate it") == ["Tomas Vell"]


def test_cited_people_are_listed_by_name_and_bare_documents_are_not_sources() -> None:
    """ "Sen. Ada Brook of Vermont said" cites Ada Brook, as a reader would list her; "the joint statement" points
    back at a statement named elsewhere and is no source of its own."""
    text = _fictional(
        "“The harbour must stay open,” Sen. Ada Brook of Vermont said on Monday.\n\n"
        "The ferry operators disagreed, according to the joint statement released by the port."
    )
    sources = cited_sources(text)
    assert "Ada Brook" in sources
    assert not [s for s in sources if "Vermont" in s or "statement" in s]


def test_she_said_after_a_sentence_that_introduces_one_woman_is_hers() -> None:
    """A sentence with no person as subject that names one woman ("Enter Ms. Reyes, ...") is whom the next
    "she wrote" means, not the girl quoted three sentences before."""
    text = _fictional(
        "“No,” Emily said quickly.\n\n"
        "The ferry ceremony drew its share of attention across the islands.\n\n"
        "Enter Ms. Reyes, a former harbour board aide who describes herself online as loving boats and tides.\n\n"
        "“Try showing a little respect for the harbour,” she wrote above a picture of the crowd."
    )
    assert _speakers(text, "showing a little respect") == ["Reyes"]


def test_he_said_after_a_sentence_about_he_is_the_speaker_before_not_a_man_it_mentions() -> None:
    """ "He also referred to reports about Dunn associates" carries its "he" on: the next "he said" is still the
    speaker before, not Dunn, whom the sentence only mentions."""
    text = _fictional(
        "Mayor Victor Dunn spoke on Monday.\n\n"
        "“That could be evidence of pressure on the inquiry,” Pell said of Dunn\u2019s request to the board.\n\n"
        "He also referred to reports that the town hall asked allies to refute stories about Dunn associates.\n\n"
        "“If this is a pattern, it is something we have to stop,” he said."
    )
    assert _speakers(text, "something we have to stop") == ["Pell"]


def test_people_told_by_what_they_say_do_not_speak_the_outlets_sentence() -> None:
    """ "a boost for harbour reformers who say the fund is too generous" is the outlet's own sentence; "heard from
    Ann Vale, who said ..." is what Vale said."""
    text = _fictional(
        "If the union is open to cuts, it would be a boost for harbour reformers who say the pier fund is too "
        "generous.\n\n"
        "The board heard from Ann Vale, who said the pier plan was dead."
    )
    assert _speakers(text, "boost for harbour reformers") == []
    assert _speakers(text, "heard from Ann Vale") == ["Ann Vale"]


def test_even_a_group_of_people_is_no_cited_source() -> None:
    text = _fictional(
        "Even local figures and harbour columnists who might agree swiftly said the vote was rushed.\n\n"
        "“The pier stays shut,” Mayor Ivo Brandt said on Monday."
    )
    sources = cited_sources(text)
    assert "Ivo Brandt" in sources
    assert not [s for s in sources if s.startswith("Even")]


def test_a_document_by_a_named_author_cites_its_author() -> None:
    text = _fictional(
        "Ferries ran late 40 times last year, according to a new study by the Harbour Institute, a group that "
        "tracks the port."
    )
    assert cited_sources(text) == ["the Harbour Institute"]


def test_an_affiliation_after_a_comma_is_not_the_speaker_and_one_person_is_one_voice() -> None:
    """ "said Olsk, of the Marlow School of Law" credits Olsk, who is the Daniel Olsk the article named before:
    one voice, not two."""
    text = _fictional(
        "Daniel Olsk, a professor at the Marlow School of Law, said the remarks were unusual.\n\n"
        "“There is little precedent for this,” said Olsk, of the Marlow School of Law."
    )
    assert _speakers(text, "little precedent") == ["Olsk"]
    assert [(v.speaker, v.quoted, v.paraphrased) for v in voices(text)] == [("Daniel Olsk", 1, 1)]


def test_a_surname_whose_given_name_says_no_sex_is_the_credited_full_name() -> None:
    """ "Hillary Marrow said", then "Mrs. Marrow said" and "Marrow added": one voice under the full name, though the
    given name says no sex, when the article credits that name and no other Marrow fits."""
    text = _fictional(
        "Hillary Marrow said on Monday that the pier would open in May.\n\n"
        "Mrs. Marrow said the ferry would follow.\n\n"
        "\u201cWe have waited long enough for this pier,\u201d Marrow added."
    )
    assert [(v.speaker, v.quoted, v.paraphrased) for v in voices(text)] == [("Hillary Marrow", 1, 2)]


def test_a_surname_another_of_the_family_may_bear_stays_as_written() -> None:
    """ "Mr. Marrow" beside "Hillary Marrow" and her husband "Tomas Marrow" is not hers; "Mrs. Marrow" is."""
    text = _fictional(
        "Hillary Marrow said on Monday that the pier would open in May. Her husband, Tomas Marrow, runs the ferry.\n\n"
        "Mr. Marrow said the ferry would follow.\n\n"
        "Mrs. Marrow said the pier was long overdue."
    )
    assert [(v.speaker, v.quoted, v.paraphrased) for v in voices(text)] == [("Hillary Marrow", 0, 2), ("Marrow", 0, 1)]


def test_a_short_end_of_a_quotation_still_names_its_speaker() -> None:
    """ "“Reopen the harbour road. Today,” Vask wrote": the carried-in end of a quotation is quoted words however
    short, so both sentences are Vask's."""
    text = _fictional("“Reopen the harbour road. Today,” Mayor Lena Vask wrote on Sunday.")
    assert _speakers(text, "Reopen the harbour") == ["Mayor Lena Vask"]
    assert _speakers(text, "Today,") == ["Mayor Lena Vask"]


def test_a_quotation_credited_to_a_description_keeps_it_in_every_sentence() -> None:
    """A quotation over two sentences that ends "..., a representative for Oskar Brenn told the Ledger": its first
    sentence is the representative's too, not nobody's."""
    text = _fictional(
        "The ferry photographs drew wide attention on Monday.\n\n"
        "“Mila is all about the open sea and she sailed past every buoy on this one. Now we just hope she stays "
        "ashore,” a representative for Oskar Brenn told the Ledger."
    )
    assert _speakers(text, "all about the open sea") == ["a representative for Oskar Brenn"]


def test_a_surname_the_parser_takes_for_a_noun_still_carries_the_next_quote() -> None:
    """ "...," Sanders said. "However, ...": "Sanders" typed a person but tagged a common noun is a name, so the
    quotation that follows in its own sentence is credited to Sanders."""
    text = _fictional(
        '“Like most sailors, the captain believes we cannot let one storm, however fierce, sink a whole fleet," '
        'Sanders said. "However, the captain also believes that if the hull is cracked, the ferry will stay in port."'
    )
    assert _speakers(text, "However, the captain") == ["Sanders"]


def test_a_witness_the_parser_types_an_organisation_is_the_he_who_speaks_next() -> None:
    """ "Noah Vantree, 47, lives nearby ... He said ...": the parser types the witness an organisation, but a name
    opening with a man's given name is a person, so "he" is Vantree, not the senator named before him."""
    text = _fictional(
        "Sen. Arlo Venn, who was at the pier, said the crowd ran for cover.\n\n"
        "Noah Vantree, 47, lives in a nearby apartment building and was at the ferry landing when the fire began.\n\n"
        "He said he heard at least ten blasts and got down on the ground.\n\n"
        "“There was no place I could go,” he said."
    )
    assert _speakers(text, "ten blasts") == ["Noah Vantree"]
    assert _speakers(text, "no place I could go") == ["Noah Vantree"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Councillor Ina Rosk urged the mayor to call off the ferry auction.", "Councillor Ina Rosk"),
        ("The mayor castigated Pia Lund, the singer, for posing with a broken oar.", "The mayor"),
        (
            "Several harbour councillors called on him to step aside if the reports are true.",
            "Several harbour councillors",
        ),
        ("Harbour spokeswoman Tilda Marr also cautioned against a rush to judgment.", "Harbour spokeswoman Tilda Marr"),
        ("Others, including the club chairman, dismissed the story as a rival trick.", "Others"),
        ("He also took a swipe at the governor for declining to fund the pier.", "He"),
        ("The captain questioned the sailor for an hour.", None),
        ("The firm dismissed the clerk on Friday.", None),
        ("The plan calls for three new piers to be built.", None),
        ("Marrow vowed to keep the ferries running through the winter.", "Marrow"),
        ("Governor Ilsa Quell blasted the mayor's budget in a radio interview.", "Governor Ilsa Quell"),
        ("Quell likened the plan to a raid on the port's reserves.", "Quell"),
        ("Councillor Tom Pell made the case that the pier should close.", "Councillor Tom Pell"),
        ("The storm slammed into the coast on Friday.", None),
        ("Pell promised a review of the harbour accounts.", None),
        ("The Harbour Ledger is told the vote will be delayed.", None),
        ("On Friday it was revealed that the harbour board had met in secret.", None),
        ("Asked whether he would run again, Marrow replied, \u201cYes.\u201d", "Marrow"),
        ("When Mr. Pell announced that he was running, Mr. Krell was the first to join his campaign.", None),
        (
            "The mayor made clear he would not stand aside, even as Councillor Tom Pell vows to stay in the race.",
            "The mayor",
        ),
        (
            "Mr. Dunn appears to be the official described in the filing as \u201cthe senior harbour official.\u201d",
            None,
        ),
    ],
)
def test_a_speech_act_told_without_its_words_credits_its_subject(sentence: str, speaker: str | None) -> None:
    """ "urged the mayor to ...", "castigated X for ...", "called on him to ...", "cautioned against ...",
    "dismissed X as ...": someone said something though no clause gives the words; questioning a sailor,
    dismissing a clerk or a plan calling for piers is no one speaking."""
    found = _speakers(_fictional(sentence), sentence[:20])
    assert (found[0] if found else None) == speaker


def test_a_title_with_an_of_phrase_keeps_the_name_after_it() -> None:
    """ "Former Speaker of the Harbour Board Martin Brandt lauded ...": the speaker is Brandt with his title, so the
    "he said" after it is Brandt's."""
    text = _fictional(
        "Former Speaker of the Harbour Board Martin Brandt lauded the ferry system.\n\n"
        "He said the threat of one storm should not change that."
    )
    assert _speakers(text, "lauded") == ["Former Speaker of the Harbour Board Martin Brandt"]
    assert _speakers(text, "one storm") == ["Martin Brandt"]


def test_he_is_not_the_woman_the_article_calls_a_wife_though_her_given_name_is_unlisted() -> None:
    """ "the mayor's wife, Ottilie Quarn" and later "Mr. Quarn ... he said": "he" is Mr. Quarn, not the only full
    name of that surname, whose given name the first-name list lacks but whom the article calls a wife."""
    text = _fictional(
        "The mayor's wife, Ottilie Quarn, opened the regatta on Saturday.\n\n"
        "Mr. Quarn spoke at the pier later that day.\n\n"
        "“The ferries are starving,” he said."
    )
    assert _speakers(text, "ferries are starving") != ["Ottilie Quarn"]


def test_a_relative_clause_hung_on_a_time_phrase_credits_no_time() -> None:
    """ "sailors who were cadets at the time who claimed ...": the parser hangs "who claimed" on "the time"; the
    time said nothing, so nothing is credited rather than "the time"."""
    text = _fictional(
        "The Ledger interviewed three other sailors who were cadets at the time who claimed the captain shouted at "
        "them."
    )
    assert "the time" not in _speakers(text, "cadets at the time")


def test_made_clear_by_a_person_described_after_the_name_credits_the_name() -> None:
    """ "by Ada Krell, the harbour master, who made clear ... that ...": a speech act, and the relative pronoun
    stands for the name the description is in apposition to."""
    text = _fictional(
        "The fines were announced on Friday by Ada Krell, the harbour master, who made clear during a news "
        "conference that the port views the delays as serious.\n\n"
        "The rain made the water clear by noon."
    )
    assert _speakers(text, "made clear") == ["Ada Krell"]
    assert _speakers(text, "The rain") == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Harbour master Ada Krell on Monday reiterated that the pier will stay closed.", "Harbour master Ada Krell"),
        ("The treasurer tried to explain that the fund had never been audited.", "The treasurer"),
        ("The treasurer declined to say whether the fund had been audited.", None),
        ("The board hired a lawyer to explain that the fund was safe.", None),
        (
            "One of the sharpest exchanges came when Ms. Krell answered the council by saying the pier was unsafe.",
            "Ms. Krell",
        ),
        ("A ferry worker, Noor Halvik, noted to a reporter that her shift had been cut twice.", "Noor Halvik"),
        ("As Mayor Ilsa Quell put it, the pier is finished.", "Mayor Ilsa Quell"),
        (
            "Still, then-Deputy Assistant Secretary for Harbour Security Ada Krell testified in October that the size "
            "of the crowd was the issue.",
            "then-Deputy Assistant Secretary for Harbour Security Ada Krell",
        ),
        ("The lawyer for Mrs. Krell said the pier was unsafe.", "The lawyer for Mrs. Krell"),
        ("As she put it in the box, the alarm rang.", None),
        (
            "The review found that it was impossible to say what caused the blaze, harbour master Ada Krell revealed "
            "Monday.",
            "harbour master Ada Krell",
        ),
        (
            "Councillor Tom Pell on Monday repeated that the vote will go ahead, a day after the mayor said it would "
            "not.",
            "Councillor Tom Pell",
        ),
        (
            "The dispute grew last week when the Harbour Ledger reported the closures, saying that two piers were "
            "unsafe.",
            "the Harbour Ledger",
        ),
        ("The mayor defended the plan on Sunday after critics attacked it, saying that it works.", "The mayor"),
        ("Councillor Tom Pell is expected to announce Thursday that he will run for mayor.", None),
        (
            "Ada Krell has not said what she will do, but the Harbour Ledger reported that she is leaning toward a "
            "run.",
            "the Harbour Ledger",
        ),
        ("It promises to be another bruising campaign for the harbour seat.", None),
        ("Pollster Jan Ivers projected that the council would lose two seats.", "Pollster Jan Ivers"),
        ("Harbour master Ada Krell rejected claims that the pier was unsafe.", "Harbour master Ada Krell"),
        ("Harbour master Ada Krell rejected the plan.", None),
    ],
)
def test_a_speaker_the_parse_hides_is_still_found(sentence: str, speaker: str | None) -> None:
    """A repeated claim, an infinitive of speech under a verb its subject controls ("tried to explain that"), a
    speech verb reached through a preposition ("by saying"), a clause the parser hangs on the listener, and a
    sentence that closes with ", X revealed Monday." A participle after a report goes with the report ("when the
    Ledger reported ..., saying"), not with the main clause's subject. Declining to say, not saying, being expected
    to announce and a campaign that "promises to be" bruising are no one's words, and the one urged to explain is
    not the one urging."""
    found = _speakers(_fictional(sentence), sentence[:20])
    assert (found[0] if found else None) == speaker


def test_a_hyphenated_name_or_one_the_parser_reads_as_a_verb_is_a_cited_person() -> None:
    """ "Yvette Townsend-Saunders ... said" and "Rev. Jon Paul Hopping ... told" are people the article quotes: the
    parser types the first an organisation and tags "Hopping" a verb, whose lemma "hop" is no name."""
    text = _fictional(
        "Yvette Townsend-Saunders called the ferry meeting “wonderful” and said she was thankful the minister came.\n\n"
        "“He said there need to be some changes made,” Townsend-Saunders said.\n\n"
        "“We didn\u2019t know it was the minister coming,” Rev. Jon Paul Hopping of Our Lady of the Harbour, told the "
        "Ledger."
    )
    sources = cited_sources(text)
    assert any("Townsend-Saunders" in s for s in sources)
    assert any("Hopping" in s for s in sources)
    [entity] = [e for e in merge_mentions(text.mentions) if e.name == "Yvette Townsend-Saunders"]
    assert entity.type == "person"


def test_an_abbreviation_is_no_given_name_of_a_person() -> None:
    """ "RNC" and "Ronica" share a consonant key ("rnc"), but an all-capitals word abbreviates a body: it is not the
    first name of "Ronica Tamm"."""
    text = _fictional(
        "The Harbour Council chose Ronica Tamm on Monday. The RNC, the ferry crews' union, called the choice a "
        "mistake. Tamm said the RNC would be heard."
    )
    entities = {e.name: e for e in merge_mentions(text.mentions)}
    assert "RNC" in entities
    assert "RNC" not in entities["Ronica Tamm"].aliases


def test_he_after_a_list_of_people_credits_none_of_them() -> None:
    """ "Tom Pell, and Jon Hask and Eli Brandt are crafting a letter. “...,” he told the Ledger": any of the three
    may be "he"; the report says "he" rather than guess the last one listed. One subject alone is still taken."""
    listed = _fictional(
        "Liberal council members, among them Tom Pell of Alden, and Jon Hask and Eli Brandt, are crafting a letter "
        "to the mayor.\n\n"
        "“There does not seem to be a majority of the members who support the deal,” he told the Ledger."
    )
    assert _speakers(listed, "There does not seem") == ["he"]
    single = _fictional("Tom Pell met Jon Hask on Monday.\n\n“It was a good meeting,” he said.")
    assert _speakers(single, "It was a good") == ["Tom Pell"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Pilots Association called Tuesday for ports to hire more crews.", "The Pilots Association"),
        ("Ilsa Marrow weighed in to defend the ferry plan.", "Ilsa Marrow"),
        ("Ferry workers disputed claims of unsafe crossings.", "Ferry workers"),
        ("The plan drew immediate criticism from harbour pilots.", "harbour pilots"),
        ("A new pier, Marrow argued, would cut the waiting times.", "Marrow"),
        ("The report recommended that crews take a longer course.", "The report"),
    ],
)
def test_calls_rebuttals_criticism_and_asides_credit_their_source(sentence: str, speaker: str) -> None:
    """ "called for", "weighed in", "disputed claims", "criticism from X" and an aside set off by commas report
    someone's words though no clause follows a speech verb."""
    found = _speakers(_fictional(sentence), sentence[:20])
    assert found and found[0] == speaker


def test_a_short_term_in_quotes_deep_in_a_phrase_is_nobody_s_words() -> None:
    """Two quoted words set apart in a phrase ("an ad by a “harbour PAC”") are a term, not the subject's words;
    as the verb's own complement ("deemed the plan “a con”") they are."""
    sentence = (
        "All week, Mr. Pell escalated a war of words against Senator Ilsa Marrow of Caldmark, based on an ad by "
        "a \u201charbour PAC\u201d started by people who oppose him."
    )
    assert _speakers(_fictional(sentence), sentence[:20]) == []
    own = "Ilsa Marrow outlined a grim picture of a port worn down by \u201cthe ravages\u201d of the long strike."
    assert _speakers(_fictional(own), own[:20]) == ["Ilsa Marrow"]


def test_a_vice_president_is_not_the_president() -> None:
    """ "Vice President Tom Pell" gives no one the title "president": "the new president said" stays unresolved
    rather than credited to Pell, and so does the "he said" after it."""
    text = (
        "Governor Ilsa Marrow was sworn in as president on Friday.\n\n"
        "Vice President Tom Pell was sworn in first.\n\n"
        "In a short speech, the new president told the crowd they would \u201cnever be ignored again.\u201d\n\n"
        "\u201cThe time for empty talk is over,\u201d he said."
    )
    article = _fictional(text)
    assert "Tom Pell" not in _speakers(article, "never be ignored")
    assert "Tom Pell" not in _speakers(article, "empty talk")


def test_an_acronym_beside_its_full_name_is_one_cited_source() -> None:
    """ "The HPA said" after "The Harbour Pilots Association called for" cites one body, listed once."""
    text = _fictional(
        "The Harbour Pilots Association called Tuesday for ports to hire more crews.\n\n"
        "The HPA said crews were short, and the H.P.A. asked the port for help."
    )
    assert cited_sources(text) == ["The Harbour Pilots Association"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The 90-page report also called for new training for harbour pilots.", "The 90-page report"),
        ("A panel of pilots released a 90-page report on Monday that called for stricter ferry rules.", "A panel"),
        ("The commission recommended properly trained crews on every ferry.", "The commission"),
        ("The union demanded an apology from the mayor.", "The union"),
        ("The council called for a review of the port contracts.", "The council"),
        (
            "A group called the Alden Pier League issued its own resolution Friday calling on the board to resign.",
            "Alden Pier League",
        ),
        (
            "The Pier League has drafted a resolution of its own condemning the board for its silence.",
            "The Pier League",
        ),
        ("Every harbour councillor has signed onto a letter vowing to block the budget.", "Every harbour councillor"),
        ("Pier League members have challenged claims that the group is biased.", "Pier League members"),
        ("Tom Pell also contested the allegations.", "Tom Pell"),
    ],
)
def test_calls_demands_and_documents_credit_who_issued_them(sentence: str, speaker: str) -> None:
    """A report or a resolution that calls for something speaks for whoever issued it (the issuer when the sentence
    names one); "recommended X", "demanded X", a body's "called for" and "challenged claims" report words."""
    found = _speakers(_fictional(sentence), sentence[:20])
    assert found and found[0].startswith(speaker)


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan calls for three new piers along the river.",
        "The bill calls for new piers and a ferry terminal.",
        "The job demands patience and a steady hand.",
        "Councillor Tom Pell asked if the mayor should demand a refund from the builders.",
    ],
)
def test_a_plan_or_a_bill_that_calls_for_piers_credits_no_one(sentence: str) -> None:
    """A plan or a bill holds what it calls for, and a demand asked about was not made: no one is credited (a
    question's asker is, not the one asked about)."""
    found = _speakers(_fictional(sentence), sentence[:20])
    assert not found or found == ["Councillor Tom Pell"]


def test_a_lawyer_described_in_one_sentence_is_the_one_named_in_the_next() -> None:
    """ "a lawyer for Ms. Marrow said" and "The lawyer for Ms. Marrow, Tom Pell, said" are one voice, cited once;
    "a spokesman for her" is the one spokesman the article names."""
    text = _fictional(
        "In a letter on Friday, a lawyer for Ms. Marrow said there was no need to hand over the ledgers.\n\n"
        "The lawyer for Ms. Marrow, Tom Pell, said the ledgers had been checked twice.\n\n"
        "A spokesman for her said she was ready to testify.\n\n"
        "\u201cShe has nothing to hide,\u201d said the spokesman, Jon Hask."
    )
    assert _speakers(text, "no need to hand over") == ["Tom Pell"]
    assert _speakers(text, "ready to testify")[0] == "Jon Hask"
    sources = cited_sources(text)
    assert "Tom Pell" in sources and "Jon Hask" in sources
    assert not any("lawyer" in s or "spokesman" in s for s in sources)


def test_a_described_hopeful_is_not_joined_to_another_named_hopeful() -> None:
    """Only one who speaks for someone (a lawyer, a spokesman) is joined to the name another sentence gives that
    description: "the presidential hopeful" is whom the story is about, not the other hopeful it names."""
    text = _fictional(
        "Senator Tom Pell laid out his harbour plan on Monday.\n\n"
        "Democratic presidential hopeful Ilsa Marrow has a plan of her own.\n\n"
        "In his speech, the presidential hopeful said he was guided by three principles."
    )
    assert "Ilsa Marrow" not in _speakers(text, "guided by three")


def test_it_after_a_document_or_a_body_is_that_voice() -> None:
    """ "It recommended that ..." right after "The 90-page report also called for ..." is the report's; after a
    person or a plan that credits no one, "It" stays as written."""
    text = _fictional(
        "The 90-page report also called for new training for harbour pilots.\n\n"
        "It recommended that officers carry radios at all times.\n\n"
        "The mayor said the pier would close. It said nothing else.\n\n"
        "The plan calls for new piers. It recommended that crews rest."
    )
    assert _speakers(text, "carry radios") == ["The 90-page report"]
    assert _speakers(text, "nothing else") == ["It"]
    assert _speakers(text, "crews rest") == ["It"]


def test_x_said_closing_a_sentence_after_an_apposition_is_x() -> None:
    """ "The panel will summon Ms. Orr, the former harbour master, the panel's senior member said": the parser joins
    "said" to "summon" with no "and", and the speaker is the descriptor before it, not the panel that summons."""
    text = _fictional(
        "The Harbour Panel will summon Greta Orr, the former harbour master, the panel's senior member said on "
        "Tuesday, deepening her troubles.\n\n"
        "The Democrat, Councillor Ivo Brandt of Port Aldous, said Ms. Orr had refused."
    )
    assert _speakers(text, "will summon") == ["the panel's senior member"]
    assert _speakers(text, "had refused") == ["Councillor Ivo Brandt"]


def test_whose_before_a_body_is_not_part_of_its_name() -> None:
    """ "Ada Krell, the union boss, whose Harbour Pilots' Union is demanding a rise": the union, not "whose ..."."""
    text = _fictional(
        "The stoppage is led by Ada Krell, a former pilot turned union boss, whose Harbour Pilots\u2019 Union is "
        "demanding a 9% rise."
    )
    assert _speakers(text, "9% rise") == ["Harbour Pilots\u2019 Union"]


def test_a_letter_that_reads_is_the_letters_not_the_outlet_relaying_it() -> None:
    """ "The letter reads, according to the Harbour Times, ..." is the letter's words first; "reads" says words only
    of a speaking document ("Nobody reads the letter" credits no one)."""
    text = _fictional(
        "Ilsa Vane wrote to the harbour board on Monday.\n\n"
        "The letter reads, according to the Harbour Times, \u201cWe will not reopen the pier until the board "
        "pays.\u201d\n\nNobody reads the letter that the pier is closed."
    )
    assert _speakers(text, "reopen the pier")[0] == "The letter"
    assert not _speakers(text, "Nobody reads")


def test_who_through_a_clause_stands_for_its_noun() -> None:
    """ "Ivo Pell - who went on a tear declaring the plan dead - left": the one who declared is Pell, never "who"."""
    text = _fictional("Ivo Pell - who went on a tear declaring the plan dead - left the harbour board.")
    assert _speakers(text, "declaring the plan") == ["Ivo Pell"]


def test_he_said_in_a_main_clause_after_a_when_clause_is_the_main_clauses_person() -> None:
    """ "When Mr. Quill said he had, Mr. Brandt produced records that he said ...": the second "he" is Brandt."""
    text = _fictional(
        "The harbour board met on Monday.\n\n"
        "When Mr. Quill said he had, Mr. Brandt produced records that he said indicated payments."
    )
    assert _speakers(text, "produced records") == ["Brandt"]


def test_she_after_a_reply_from_someone_is_that_one() -> None:
    """ "This drew a sharp reply from Lena Vos, ..., as she called on Dunn to apologize": she is Vos, the one the
    reply came from, not the previous sentence's speaker."""
    text = _fictional(
        "Mara Dunn wrote on Twitter that the pier was unsafe.\n\n"
        "This drew a sharp reply from Lena Vos, also on Twitter, as she called on Dunn to apologize."
    )
    assert _speakers(text, "sharp reply") == ["Lena Vos"]


def test_he_said_after_a_man_named_only_as_an_object_is_the_last_speaker() -> None:
    """ "The closure would cost Mr. Jonas Brandt his seat" names Brandt only as whom it touches: the "he said" after
    it is the speaker before, Pell."""
    text = _fictional(
        "\u201cThe harbour must stay open,\u201d Oskar Pell said on Monday.\n\n"
        "The closure would cost Mr. Jonas Brandt his seat on the board.\n\n"
        "\u201cIt is a disgrace,\u201d he said."
    )
    assert _speakers(text, "a disgrace") == ["Oskar Pell"]


def test_states_the_parser_reads_as_part_of_a_name_is_a_cue() -> None:
    """ "The letter from Taylor states that ...": the parser reads "Taylor States" as a name and has no verb; the
    main word "states" with a subject and a "that" clause is the cue, and the letter speaks."""
    text = _fictional("The letter from Taylor states that the agency erred.")
    assert _speakers(text, "agency erred") == ["The letter"]


def test_an_organisation_speaking_is_named_whole_not_cut_at_its_preposition(datasets_dir: Path) -> None:
    """ "The Center on Budget and Policy Priorities, a ... think tank, estimates that ...": the centre, not "The
    Center", which would read as any centre in the story."""
    text = _basil(datasets_dir, "The Center on Budget and Policy Priorities, a progressive")
    assert _speakers(text, "The Center on Budget and Policy Priorities, a progressive") == [
        "The Center on Budget and Policy Priorities"
    ]


def test_words_closed_by_a_comma_and_a_speech_verb_are_the_speakers() -> None:
    """ "Everything but the pier, he added.": the words before the comma are what he said, however parsed; "In the
    morning, he added salt." tells no words."""
    text = _fictional(
        "\u201cThe board will pay for every repair,\u201d Oskar Pell said on Monday.\n\n"
        "Everything but the pier, he added.\n\n"
        "In the morning, he added salt to the soup."
    )
    assert _speakers(text, "Everything but the pier") == ["Oskar Pell"]
    assert not _speakers(text, "added salt")


def test_a_day_or_a_dateline_is_no_speaker() -> None:
    """ "PORT ALDEN - Ann Vale on Sunday urged ...": the dateline's place is the verb's first subject as parsed, and
    "Sunday" stands right before the verb; the speaker is Ann Vale."""
    text = _fictional("PORT ALDEN \u2013 Ann Vale on Sunday urged the harbour board to listen to the ferry crews.")
    assert _speakers(text, "urged the harbour board") == ["Ann Vale"]


def test_a_view_held_by_someone_the_sentence_mentions_is_not_its_speaker() -> None:
    """ "a contrast with Ivo Pell, ..., who has argued ...": a view Pell has held, told to say who he is; the
    sentence is the outlet's. Words Pell once said ("who had asserted") or told someone ("who has told aides that")
    stay his, and so does a view on the sentence's subject."""
    text = _fictional(
        "Her aides hope to set up a contrast with former Gov. Ivo Pell of Alden, who has argued he is more "
        "open than she is.\n\n"
        "Mr. Quill skirted a question about why he had not picked Lena Vos, who had asserted that she would have "
        "loved the post.\n\n"
        "Ivo Pell, a farmer who has long argued the tax is unfair, said it must go."
    )
    assert not _speakers(text, "more open than she is")
    assert _speakers(text, "would have loved")[:1] == ["Lena Vos"]
    assert _speakers(text, "must go")[:1] == ["Ivo Pell"]


def test_one_criticized_for_saying_is_not_the_speaker() -> None:
    """ "Ann Vale has been criticized by the unions for saying little": the unions speak, not the one blamed."""
    text = _fictional("Ann Vale has been criticized by the unions and some farmers for saying little about the pier.")
    assert _speakers(text, "saying little") == ["the unions", "some farmers"]


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        ("Mayor Ivo Pell has been criticized by Harbour Democrats and some farmers for saying little about it.",
         ["Harbour Democrats", "some farmers"]),
        ("The ferry plan drew sharp criticism from the dockers' union and Councillor Tom Pell.",
         ["the dockers' union", "Councillor Tom Pell"]),
        ("The ferry plan has come under criticism from farmers, dockers and shop owners in Alden.",
         ["farmers", "dockers", "shop owners"]),
    ],
)  # fmt: skip
def test_critics_joined_by_and_are_each_a_voice(sentence: str, speakers: list[str]) -> None:
    """ "criticized by X and Y", "criticism from X and Y": the words are the critics', each of them, and never the
    one criticised."""
    found = _speakers(_fictional(sentence), sentence[:20])
    assert found == speakers


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Councillor Tom Pell offered the mayor an ultimatum for the harbour vote: fund the pier, or resign.",
         "Councillor Tom Pell"),
        ("Ann Vale, head of the dockers' union, offered Pell an ultimatum for the vote: fund the pier, or resign.",
         "Ann Vale"),
        ("A day before the vote, Ann Vale repeated her challenge to him to debate the ferry plan.", "Ann Vale"),
        ("The dockers' union issued a warning that the new ferries would be late.", "The dockers' union"),
        ("Mayor Ivo Pell renewed his call for a ban on night fishing.", "Mayor Ivo Pell"),
    ],
)  # fmt: skip
def test_a_speech_noun_after_a_light_verb_makes_its_subject_the_speaker(sentence: str, speaker: str) -> None:
    """ "offered an ultimatum: ...", "repeated her challenge to him to ...", "issued a warning that ...", "renewed
    his call for ...": the subject says what follows the speech noun."""
    found = _speakers(_fictional(sentence), sentence[:20])
    assert found[:1] == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "The dockers repeated their demand in person during a hearing on Thursday.",
        "Mayor Ivo Pell made a call to the harbour master on Tuesday.",
        "The builders offered the council a challenge it could not refuse.",
    ],
)
def test_a_light_verb_with_a_speech_noun_and_no_words_credits_no_one(sentence: str) -> None:
    """A demand repeated, a telephone call or a challenge told by what it was: no words follow, so no one is
    credited with the sentence."""
    assert not _speakers(_fictional(sentence), sentence[:20])


def test_a_speech_verb_after_a_contrasting_while_is_its_subjects() -> None:
    """ "Ivo Pell had no reaction, while a spokeswoman for Ann Vale said ...": the spokeswoman's words, not Pell's;
    a "while" clause that opens the sentence still only tells when."""
    text = _fictional(
        "Mayor Ivo Pell did not have any immediate reaction, while a spokeswoman for Ann Vale said simply that "
        "Ms. Vale was \u201cglad these crews are being held to account.\u201d"
    )
    assert _speakers(text, "glad these crews")[:1] != ["Mayor Ivo Pell"]
    assert "spokeswoman" in _speakers(text, "glad these crews")[0]


def test_a_participle_after_a_relative_clause_or_a_purpose_is_not_the_main_subjects() -> None:
    """ "Pell traveled to a meeting with farmers who are resisting the deal, saying ...": the farmers' view or
    Pell's, not told; "To counter criticism from some farmers, the board circulated ...": the board's act."""
    text = _fictional(
        "Mayor Ivo Pell traveled to the harbour Wednesday for a private meeting with dock workers who are "
        "resisting the deal, saying it gives away too much to the owners.\n\n"
        "To counter condemnations from some farmers in Alden, the harbour board circulated a series of letters."
    )
    assert not _speakers(text, "gives away too much")
    assert not _speakers(text, "series of letters")


def test_pressing_someone_to_act_is_a_speech_act() -> None:
    """ "pressured the mayor to consider", "encouraged the mayor to listen": asked in words, as "urged" is."""
    text = _fictional(
        "Top Republicans on Friday swiftly pressured Mayor Ivo Pell to consider cancelling the fair.\n\n"
        "Ann Vale encouraged Mayor Ivo Pell on Sunday to listen to the ferry crews."
    )
    assert _speakers(text, "cancelling the fair") == ["Top Republicans"]
    assert _speakers(text, "listen to the ferry crews") == ["Ann Vale"]


def test_a_quotation_after_a_described_speakers_line_is_theirs() -> None:
    """ "“...,” the statement said. “We must also ...”": the next all-quoted sentence goes on in the statement's
    words when no name credits the line before."""
    text = _fictional(
        "\u201cWe have always been open about our rules and we enforce them fairly,\u201d the statement said. "
        "\u201cWe must also address bad-faith actors who game the system.\u201d"
    )
    assert _speakers(text, "bad-faith actors") == ["the statement"]


def test_a_quotation_after_a_speakers_told_words_is_theirs() -> None:
    """ "Lenahan says he sees a bigger issue. “There is a culture war ...”": the all-quoted sentence after someone's
    words told indirectly, or a source named by "according to", goes on in that speaker's words."""
    text = _fictional(
        "Mara Quill says she sees a wider problem in the harbour board.\n\n"
        "\u201cThere is a feud going on and nobody is listening to the ferry crews.\u201d\n\n"
        "According to Ivo Pell of the Ledger, the repairs will cost about $2 million. "
        "\u201cThe figure I get is nearly $2 million, give or take.\u201d"
    )
    assert _speakers(text, "There is a feud") == ["Mara Quill"]
    assert _speakers(text, "The figure I get") == ["Ivo Pell of the Ledger"]


def test_he_closing_a_quotation_of_several_sentences_is_the_one_introduced_before_it() -> None:
    """ "... drew a sharp reply from Rev. Tomas Brandt. “... . It is a disgrace. ...,” he told reporters.": the
    person the sentence before the quotation brings in, however many sentences the quotation runs."""
    text = _fictional(
        "The remarks drew a sharp reply from Rev. Tomas Brandt of the harbour council.\n\n"
        "\u201cSome people are saying that they do not want the ferries in their towns. It is a disgrace. It is the "
        "same thing that happened when they closed the bridge,\u201d he told reporters in Port Alden."
    )
    assert _speakers(text, "It is a disgrace") == ["Tomas Brandt"]
    assert _speakers(text, "closed the bridge") == ["Tomas Brandt"]


def test_the_statement_after_a_person_said_in_a_statement_is_theirs() -> None:
    """ "Ada Krell said in a statement ... “...,” the statement said. “...”": the statement the sentence before
    credits to a person; after a person who names no statement, "the statement" stays as written."""
    text = _fictional(
        "Ada Krell, the harbour commissioner, said in a statement on Friday that the ferries would run again.\n\n"
        "\u201cThe crews and I have talked, and we agree the boats are safe,\u201d the statement said.\n\n"
        "Tom Pell said the council would meet on Monday.\n\n"
        "\u201cThe bridge stays closed until the survey is done,\u201d the statement said."
    )
    assert _speakers(text, "The crews and I") == ["Ada Krell"]
    assert _speakers(text, "The bridge stays closed") == ["the statement"]


def test_he_after_a_list_is_the_one_listed_the_next_sentence_names() -> None:
    """ "Pell, Hask and Brandt are crafting a letter. “...,” he told the Ledger. “...” Pell said ...": the article
    says which of the three spoke, so "he" and the quotation after it are Pell's; one not listed names no one."""
    body = (
        "Liberal council members, among them Tom Pell of Alden, and Jon Hask and Eli Brandt, are crafting a letter "
        "to the mayor.\n\n"
        "“There does not seem to be a majority of the members who support the deal,” he told the Ledger.\n\n"
        "“So we want to have a record vote in the council on a resolution that says it should wait.”\n\n"
        "{} said council members are not going to keep approving deals they don't like."
    )
    named = _fictional(body.format("Pell"))
    assert _speakers(named, "There does not seem") == ["Tom Pell"]
    assert _speakers(named, "So we want to have") == ["Tom Pell"]
    other = _fictional(body.format("Mayor Ada Krell"))
    assert _speakers(other, "There does not seem") == ["he"]


def test_a_description_after_a_named_body_is_that_body() -> None:
    """ "Twitter said ... “...,” the tech giant said in a statement. “...,” the statement said": both stand for
    Twitter, which the article named just before; after a person, or as a person's noun, they stay as written."""
    text = _fictional(
        "Twitter at the time said it was a glitch that has since been fixed.\n\n"
        "“We do not hide accounts for their views,” the tech giant said in a statement.\n\n"
        "“We do rank posts and search results,” the statement said.\n\n"
        "“We must also address bad-faith actors,” the spokesman said."
    )
    assert _speakers(text, "We do not hide") == ["Twitter"]
    assert _speakers(text, "We do rank posts") == ["Twitter"]
    assert _speakers(text, "bad-faith actors") == ["the spokesman"]
    person = _fictional(
        "Mayor Ada Krell said on Monday that the pier would open in May.\n\n"
        "“We will not wait any longer,” the statement said."
    )
    assert _speakers(person, "We will not wait") == ["the statement"]


def test_a_quote_led_in_by_a_verb_before_the_name_is_that_persons() -> None:
    """ "Added Gibbs: “...”" (the parser may read "Added Gibbs" as one noun phrase) credits Gibbs, and the
    quotation's next sentence too."""
    text = _fictional(
        "The mayor's aides briefed reporters on Monday.\n\n"
        "Added Gibbs: “I think you would have to ask somebody who says we should fight for eight more weeks. "
        "No one I have ever talked to.”"
    )
    assert _speakers(text, "I think you would") == ["Gibbs"]
    assert _speakers(text, "No one I have ever") == ["Gibbs"]


def test_a_quote_after_a_name_and_a_speech_verb_read_as_an_adjective_is_that_persons() -> None:
    """ "Trumble accused ..." where the parser makes "Trumble" an adjective and "accused" an adjective of the noun after
    it: the quoted words are still Trumble's."""
    text = _fictional(
        "Harbour Mayor Ilsa Trumble spoke on Saturday.\n\n"
        "Trumble accused ferry giants of “closing down the opinions of many people on the QUAY, while at the same "
        "time doing nothing to others.”"
    )
    assert _speakers(text, "closing down the opinions") == ["Trumble"]


def test_a_statement_shows_the_speakers_name_without_the_title_before_it() -> None:
    """ "said senior adviser David Axelrod": the report tags the statement "David Axelrod", the name alone."""
    from manysides.compare.facts import statement

    text = _fictional(
        "“I guess the question back for those who ask is where does this go,” said senior adviser Tomas Vell."
    )
    assert [statement(text, s).attribution for s in text.sentences] == ["Tomas Vell"]


def test_a_name_that_is_not_the_speakers_head_keeps_its_phrase() -> None:
    """ "A spokesman for Mayor Ada Krell said" is the spokesman's word, not Krell's: the tag stays as written."""
    from manysides.compare.facts import statement

    text = _fictional("A spokesman for Mayor Ada Krell said the pier would reopen in May.")
    assert [statement(text, s).attribution for s in text.sentences] == ["A spokesman for Mayor Ada Krell"]


def test_a_statement_or_reply_from_a_named_sender_is_the_senders() -> None:
    """ "the statement on her health, from Dr. Ada Venn, said" and "A terse response from the Harbour Guild only
    said" credit who the words are from, not the paper they came on."""
    text = _fictional(
        "The statement on her health, from Dr. Ada Venn, an internist at the Port Alden Clinic, said the mayor "
        "has mild allergies.\n\n"
        "A terse response from the Harbour Guild only said: “No comment on the pier.”"
    )
    assert _speakers(text, "mild allergies") == ["Dr. Ada Venn"]
    assert _speakers(text, "No comment") == ["the Harbour Guild"]


def test_a_name_set_off_after_a_title_is_the_speaker() -> None:
    """ "The chairman of the Harbour Committee, Representative Ivo Pell, said" (the name parsed as a list's second
    item) is Pell's."""
    text = _fictional(
        "The chairman of the Harbour Oversight and Pier Reform Committee, Representative Ivo Pell, Republican of "
        "North Quay, said he intends to hold a hearing on ferry security."
    )
    assert _speakers(text, "hearing on ferry security") == ["Representative Ivo Pell"]


def test_a_two_word_name_set_off_after_a_description_is_the_speaker_whatever_its_type() -> None:
    """ "One of its members, Demetrios Minor, said": a name of two capitalised words in apposition is the speaker
    even where the parser gives it no type; a party tag there ("(D-Nev.)") is no name."""
    text = _fictional(
        "Among the groups is Harbour 21, a ferry riders' league. One of its members, Demetrios Lesser, said critics of "
        "the board have taken its plan out of context."
    )
    assert _speakers(text, "out of context") == ["Demetrios Lesser"]
    tagged = _fictional("\u201cThe pier belongs to all,\u201d reads a statement from Sen. Ivo Pell's office (D-Nev.).")
    assert "D-Nev." not in _speakers(tagged, "The pier belongs")


def test_one_of_a_group_who_signed_a_letter_is_that_one() -> None:
    """ "He was one of several members of the committee who signed a letter calling on ..." is his act."""
    text = _fictional(
        "Councillor Tomas Vell also called for the pier to close.\n\n"
        "He was one of several members of the Harbour Works Committee who signed a letter calling on Mayor Krell "
        "to cancel the sale."
    )
    assert _speakers(text, "signed a letter") == ["Councillor Tomas Vell"]


def test_the_subject_of_a_passive_verb_is_not_the_quotes_speaker() -> None:
    """ "she was found to have a “...”": words someone else wrote about her, not hers."""
    text = _fictional(
        "Mayor Ilsa Trumble fell ill in March.\n\n"
        "During Trumble's follow-up visits, she was found to have a “small harbour fever” and started “a rest "
        "cure” to end it."
    )
    assert "Trumble" not in " ".join(_speakers(text, "follow-up visits"))


def test_words_quoted_in_a_time_clause_are_the_speakers() -> None:
    """ "after Mrs. Quell said last year that she was “dead broke”": the quoted words are Quell's, though the
    clause only says when."""
    text = _fictional(
        "That effort was made urgent after Mrs. Quell said last year that she and her husband were “dead broke” "
        "when they left the harbour office."
    )
    assert _speakers(text, "dead broke") == ["Mrs. Quell"]


def test_words_the_subject_agrees_with_are_whom_she_agrees_with() -> None:
    """ "appeared to agree with Ms. Vale that “...”" credits Vale; a "she said" after it is still the subject's."""
    text = _fictional(
        "Mayor Ilsa Trumble spoke at the pier on Sunday.\n\n"
        "Mrs. Trumble invoked Ms. Vale's name twice during her remarks and appeared to agree with Ms. Vale that "
        "“there are some specifics in there that could and should be changed.”\n\n"
        "“Let's take the nets and mend them,” she said."
    )
    assert _speakers(text, "some specifics") == ["Ms. Vale"]
    assert _speakers(text, "mend them") == ["Trumble"]


def test_the_president_is_the_one_titled_without_a_nationality() -> None:
    """ "the president" beside "President Ivo Pell" and "Russian President Tomas Vell" (or "President Tomas Vell of
    Russia") is Pell; "Gov. Ivo Pell of Indiana" is as much a governor as "Gov. Tomas Vell"."""
    text = _fictional(
        "Senators called on President Ivo Pell to cancel his meeting with Russian President Tomas Vell in Port "
        "Alden on Monday.\n\n"
        "The president has said he plans to meet with the Russian leader alone."
    )
    assert _speakers(text, "plans to meet") == ["Ivo Pell"]
    after = _fictional(
        "Senators called on President Ivo Pell to cancel his meeting with President Tomas Vell of Russia.\n\n"
        "The president has said he plans to meet with the Russian leader alone."
    )
    assert _speakers(after, "plans to meet") == ["Ivo Pell"]
    states = _fictional(
        "Gov. Ivo Pell of Indiana met Gov. Tomas Vell on Monday.\n\nThe governor said he plans to sign the bill."
    )
    assert _speakers(states, "plans to sign") == ["The governor"]  # a US state qualifies no governor


def test_a_title_of_two_words_or_its_initials_is_the_one_person_given_it() -> None:
    """ "the attorney general said" after "Attorney General Ilsa Marrow" credits Marrow, and so does "The A.G."
    after "Democratic Attorney General Ilsa Marrow"; with two attorneys general it stays as written."""
    text = _fictional(
        "Attorney General Ilsa Marrow of Harbour spoke at the pier on Monday.\n\n"
        "In an interview, the attorney general said that she had misspoken about the ferry contract."
    )
    assert _speakers(text, "misspoken") == ["Ilsa Marrow"]
    initials = _fictional(
        "Democratic Attorney General Ilsa Marrow is running for the Senate.\n\n"
        "The A.G., according to the Ledger, said she had misspoken about the ferry contract."
    )
    assert _speakers(initials, "misspoken")[:1] == ["Ilsa Marrow"]
    two = _fictional(
        "Attorney General Ilsa Marrow met Attorney General Tom Pell on Monday.\n\n"
        "In an interview, the attorney general said that she had misspoken about the ferry contract."
    )
    assert _speakers(two, "misspoken") == ["the attorney general"]


def test_a_party_and_state_is_the_one_person_named_of_both() -> None:
    """ "The California Democrat said" after "Rep. Ilsa Marrow (D-Calif.)" or "California Democratic Rep. Ilsa
    Marrow" (beside "Ohio Rep. Tom Pell") credits Marrow; with two Democrats of California it stays as written."""
    tagged = _fictional(
        "Rep. Ilsa Marrow (D-Calif.) won the harbour vote on Wednesday.\n\n"
        "The California Democrat said she was “exhilarated” by the result."
    )
    assert _speakers(tagged, "exhilarated") == ["Ilsa Marrow"]
    before = _fictional(
        "California Democratic Rep. Ilsa Marrow won the harbour vote on Wednesday, beating Ohio Rep. Tom Pell.\n\n"
        "The California Democrat said she was “exhilarated” by the result."
    )
    assert _speakers(before, "exhilarated") == ["Ilsa Marrow"]
    two = _fictional(
        "Rep. Ilsa Marrow (D-Calif.) and Rep. Ada Venn (D-Calif.) won the harbour vote on Wednesday.\n\n"
        "The California Democrat said she was “exhilarated” by the result."
    )
    assert _speakers(two, "exhilarated") == ["The California Democrat"]


def test_a_qualified_title_is_the_one_holder_the_article_tells_apart() -> None:
    """ "The Vermont senator" is the one senator tagged of Vermont when he is the only senator, and "the House
    speaker" the one named "House Speaker"; beside another senator whose state the article does not give, it stays
    as written (that one may be of Vermont too). "The governor" opening a sentence is the one governor."""
    one = _fictional(
        "Sen. Ivo Brandt (I-Vt.) met Gov. Tom Pell on Tuesday.\n\n"
        "The Vermont senator said he still plans to compete in the primary."
    )
    assert _speakers(one, "still plans") == ["Ivo Brandt"]
    unknown = _fictional(
        "Sen. Ivo Brandt (I-Vt.) met Sen. Tom Pell on Tuesday.\n\n"
        "The Vermont senator said he still plans to compete in the primary."
    )
    assert _speakers(unknown, "still plans") == ["The Vermont senator"]
    speaker = _fictional(
        "House Speaker Ivo Brandt (Wis.) warned against the order.\n\n"
        "“You cannot end the ferry subsidy with an order,” the House speaker said Tuesday."
    )
    assert _speakers(speaker, "cannot end") == ["Ivo Brandt"]
    governor = _fictional(
        "Gov. Marta Quell of Harbour signed the bill.\n\n"
        "The governor, a Republican, told the Ledger on Saturday that she was taken aback."
    )
    assert _speakers(governor, "taken aback") == ["Marta Quell"]


def test_the_attorney_general_and_the_california_democrat_are_named_in_basil(datasets_dir: Path) -> None:
    """The editor's read: NYT's "the attorney general" and Fox's "The A.G." are Richard Blumenthal, and "The
    California Democrat" beside "California Democratic Rep. Nancy Pelosi" is Pelosi: one voice each, by name."""
    nyt = _basil(datasets_dir, "In an interview on Monday, the attorney general said")
    assert _speakers(nyt, "In an interview on Monday, the attorney general said") == ["Richard Blumenthal"]
    fox = _basil(datasets_dir, "The A.G., according to the Times")
    assert _speakers(fox, "The A.G., according to the Times")[:1] == ["Richard Blumenthal"]
    pelosi = _basil(datasets_dir, "The California Democrat spoke briefly")
    assert _speakers(pelosi, "The California Democrat spoke briefly") == ["Nancy Pelosi"]


def test_his_campaign_is_the_campaign_of_whom_his_stands_for() -> None:
    """ "his campaign noted" after "Former Gov. Ivo Pell has also opposed the deal." is Pell's campaign; "according
    to his campaign" after "Vell's campaign disputed" is Vell's."""
    text = _fictional(
        "Former Harbour Gov. Ivo Pell has also opposed the deal. In a sign of its reach, his campaign noted in an "
        "email to supporters Saturday that the mayor's speech did not “weigh in on the secret pier deal.”\n\n"
        "Vell's campaign disputed a report in the Ledger as an “outrageous distortion” of his service, according "
        "to his campaign."
    )
    assert _speakers(text, "weigh in") == ["Ivo Pell's campaign"]
    assert _speakers(text, "outrageous distortion")[-1] == "Vell's campaign"


def test_her_doctor_is_the_doctor_the_article_names() -> None:
    """ "a statement from her doctor declaring “...”" and "her doctor said" credit the one Dr. the article names."""
    text = _fictional(
        "Mayor Ilsa Trumble's campaign on Friday released a statement from her doctor declaring she is in "
        "“excellent physical condition and fit to serve as mayor of the harbour.”\n\n"
        "The statement, from Dr. Ada Venn, an internist at the Port Alden Clinic, said the mayor has mild allergies."
        "\n\nShe also swims and walks daily, her doctor said."
    )
    assert _speakers(text, "excellent physical") == ["Ada Venn"]
    assert _speakers(text, "swims and walks") == ["Ada Venn"]


def test_a_person_and_her_office_are_both_cited_sources() -> None:
    """ "Ann Vale's office said" does not hide Vale herself, who speaks in her own words too."""
    text = _fictional(
        "Sen. Ann Vale said on Friday that the pier would reopen in May.\n\n"
        "Ann Vale's office said the ferry would resume on the same day."
    )
    sources = cited_sources(text)
    assert "Ann Vale's office" in sources and "Ann Vale" in sources


def test_a_participle_after_while_takes_no_other_speaker() -> None:
    """ "Krell said lawmakers “...,” while also suggesting “...”": Krell's words; the clause's participle gives no
    second speaker."""
    text = _fictional(
        "Councillor Ada Krell said lawmakers “may need to rethink public events at the pier,” while also suggesting "
        "“tighter security” at harbour meetings."
    )
    assert _speakers(text, "rethink public events") == ["Councillor Ada Krell"]


def test_a_pronoun_in_a_time_clause_gives_its_quote_to_no_one() -> None:
    """ "Pell grabbed the student after he asked the councillor if he “...”": "he" may be either man, so the
    quoted question is credited to no one rather than to Pell."""
    text = _fictional(
        "Councillor Ivo Pell appeared unreceptive to a reporter this weekend, when he grabbed the self-identified "
        "“student” after he asked the councillor if he “fully supported the pier agenda.”"
    )
    assert "Ivo Pell" not in " ".join(_speakers(text, "pier agenda"))


def test_a_relative_pronoun_is_the_subject_not_the_occasion_the_parser_took_for_one() -> None:
    """ "Krell, who in a March 3 interview with the Varnley Ledger claimed ...": the parser gives "claimed" two
    subjects; the interview is when, the relative pronoun who (the editor's read: "interview" listed as a voice).
    Fictional people and paper."""
    body = (
        "Mayor Ada Krell, who in a March 3 interview with the Varnley Ledger claimed the pier was safe, said on "
        "Monday that she had not seen the survey."
    )
    (text,) = analyse_many([make_article("krell-interview", body, outlet="Meridian Daily")])
    speakers = {a.speaker for s in text.sentences for a in s.attributions}
    assert not any("interview" in s.lower() for s in speakers)
    assert any("Krell" in s for s in speakers)


def test_a_tweet_quoted_after_when_it_was_sent_is_its_senders(datasets_dir: Path) -> None:
    """ "Rep. Steve King (R-Iowa), tweeted on Friday "#Labrador is ...": the parser hangs "tweeted" below the
    quoted words' verb, but a quote that opens right after the verb and when it was said is its words (the
    editor's read: the tweet's three sentences were shown as the outlet's own)."""
    text = _basil(datasets_dir, "#Labrador is pro amnesty")
    assert _speakers(text, "#Labrador is pro amnesty") == ["Rep. Steve King"]
    assert _speakers(text, "No fair trying to redefine amnesty") == ["Rep. Steve King"]


def test_he_after_a_described_speaker_is_not_someone_the_sentence_mentions(datasets_dir: Path) -> None:
    """ "The Idaho congressman ... has said that ... President Obama must ... He has said he will not back ...":
    "he" is the congressman, whom no name resolves, not Obama (the editor's read); "Labrador supports ..., he has
    said" is Labrador, the sentence's own subject, though the parser found no name there."""
    text = _basil(datasets_dir, "He has said he will not back a version of the Senate reform bill")
    assert _speakers(text, "He has said he will not back a version of the Senate reform bill") == ["He"]
    assert _speakers(text, "Labrador supports a path to legal status") == ["Labrador"]


def test_he_after_someone_citing_a_source_is_the_one_who_cited(datasets_dir: Path) -> None:
    """ "Trump on Tuesday specifically cited ... Reince Priebus' concerns ... He said he does not expect Newsmax to
    follow through": "he" is Trump, who cited, not Priebus, whose concerns were cited (the editor's second read)."""
    text = _basil(datasets_dir, "He said he does not expect Newsmax to follow through")
    assert _speakers(text, "He said he does not expect Newsmax to follow through") == ["Donald Trump"]


def test_a_hyphenated_surname_is_not_cut_at_its_hyphen(datasets_dir: Path) -> None:
    """ "Mr. Campa-Najjar said" named "Campa" among the cited sources, from a name found inside the hyphenated one
    (the editor's second read); a name is found only as whole words."""
    text = _basil(datasets_dir, "Mr. Campa-Najjar said in a statement")
    cited = cited_sources(text)
    assert "Campa" not in cited and any("Campa-Najjar" in source for source in cited)


def test_a_name_a_determiner_opens_is_a_description_of_the_name_beside_it(datasets_dir: Path) -> None:
    """ "Another leading Dem, Sen. Kristen Gillibrand of New York, ... said": the speaker is Gillibrand, not "Dem"
    (the editor's read: "Dem" was cited and counted a voice)."""
    text = _basil(datasets_dir, "Another leading Dem, Sen. Kristen Gillibrand")
    assert _speakers(text, "Another leading Dem, Sen. Kristen Gillibrand") == ["Sen. Kristen Gillibrand"] * 2
    assert "Dem" not in cited_sources(text)


def test_a_correction_of_the_page_is_no_voice_and_no_statement() -> None:
    """ "An earlier version of this post said ...": the outlet correcting its own page. "this post" is cited by no
    one and the line states nothing of the event (the editors' reads: "This article" and "an earlier version of
    this post" were listed as voices, and the correction ranked among an outlet's most telling lines)."""
    from manysides.compare.facts import states_something

    text = _fictional(
        "The harbour board voted on Monday to close the east pier for repairs.\n\n"
        "CORRECTION: This article originally said the pier would close on Tuesday.\n\n"
        "Because of an editing error, an earlier version of this post said that Ada Venn chairs the board.\n\n"
        "A version of this article appears in print on May 2, 2031, on page A16 of the Harbour edition."
    )
    assert [s.attributions for s in text.sentences[1:3]] == [[], []]
    assert [states_something(s) for s in text.sentences] == [True, False, False, False]
    assert cited_sources(text) == []


def test_comments_that_drew_fire_are_the_words_of_whoever_offered_them() -> None:
    """ "Pell offered more comments that have drawn fire, saying, ..." credits Pell, not "more comments" (the
    editor's read: the comments were listed as a voice); a word set off after the name is no part of it ("Pell,
    aware of this, told")."""
    text = _fictional(
        'During a news conference Friday, Ivo Pell offered more charged comments that have drawn fire, saying, "A '
        'bad pier is a bad pier."\n\nAda Venn, aware of this, told voters they should be wary of the pier plan.'
    )
    assert _speakers(text, "charged comments") == ["Ivo Pell"]
    assert _speakers(text, "aware of this") == ["Ada Venn"]


def test_a_title_only_one_person_holds_is_who_she_is_after_a_long_quote() -> None:
    """ "the governor identified herself ... “... Thank you,” she said": "she" is the one governor the article
    names, and so is every sentence of her quotation (the editor's read: a voicemail of six sentences credited no
    one)."""
    text = _fictional(
        "Gov. Ada Venn signed the pier bill on Tuesday.\n\n"
        "During a radio interview, the governor apologized for a message she left for the harbour board.\n\n"
        "Earlier, the governor had refused to apologize for the message.\n\n"
        "In a recording of the message, the governor identified herself and went on to scold the harbour board.\n\n"
        "\u201cI would like to talk to you about the pier. I want you to fix it. Thank you,\u201d she said in the "
        "message."
    )
    assert [[a.speaker for a in s.attributions] for s in text.sentences[4:]] == [["Ada Venn"]] * 3


def test_a_surname_the_parser_reads_as_a_noun_is_still_a_named_speaker(datasets_dir: Path) -> None:
    """ "..., Suthers said." after "Attorney General John Suthers": the parser reads the surname as a plural noun,
    yet it is his name, so the quotation running on in the next sentences is his too (the editor's read)."""
    text = _basil(datasets_dir, "We believe this suit is without merit")
    for words in ("it appears the plaintiffs", "We believe this suit is without merit"):
        (speaker,) = _speakers(text, words)
        assert speaker.endswith("Suthers")


def test_a_clause_inside_a_speakers_phrase_is_no_part_of_it() -> None:
    """ "One of the highest-profile members of the harbour board -- where the pier plan will live or die this year
    -- said ...": the speaker is the member, not the board's relative clause (the editor's read listed the whole
    clause as a voice). Fictional sentence."""
    text = _fictional(
        "One of the highest-profile members of the Harbour Board \u2013 where the pier plan will live or die this "
        "year \u2013 said he supports the repairs."
    )
    assert _speakers(text, "highest-profile") == ["One of the highest-profile members of the Harbour Board"]


def test_whose_words_a_sentence_tells_by_their_owner_tag_or_relative_clause() -> None:
    """What an editor's read found credited to a phrase, not a person: "as Mr. Pell's monologue indicated" is
    Pell's; "That world view, Venn continued, suggests ..." is Venn's (the verb inside the words is no cue, and
    "continued" is one only as such a tag); "Ivo Pell, a candidate in Port Aldous's 16th District, who said ..." is
    Pell, not the district the parser hung "who" on."""
    text = _fictional(
        "Many want the inquiry to go on, and as Mr. Pell's monologue indicated they will not let go.\n\n"
        "That world view, Ada Venn continued, suggests that the pier could harm the harbour.\n\n"
        "It is troubling, said Ivo Pell, a candidate in Port Aldous's 16th District, who said voters were furious."
        "\n\nThe ferry company continued the work on the pier."
    )
    assert _speakers(text, "monologue") == ["Mr. Pell"]
    assert _speakers(text, "world view") == ["Ada Venn"]
    assert set(_speakers(text, "troubling")) == {"Ivo Pell"}
    assert _speakers(text, "continued the work") == []


def test_a_hyphenated_name_in_apposition_is_credited_whole(datasets_dir: Path) -> None:
    """ "first reported ... by a California newspaper, The Press-Enterprise" was credited to "Enterprise" and
    listed as a cited source so (an editor's read)."""
    text = _basil(datasets_dir, "cabin rabbit transport fees")
    assert _speakers(text, "first reported in January 2017") == ["Press-Enterprise"]


def test_a_speaker_and_the_word_that_stresses_him_are_one_voice(datasets_dir: Path) -> None:
    """ "Trump himself said" was the voice "Trump himself", apart from Trump (an editor's read): the parser takes
    the name for a verb and "himself" for its object."""
    text = _basil(datasets_dir, "Trump himself said Friday evening")
    assert _speakers(text, "Trump himself said Friday evening") == ["Trump"]
    text = _fictional("Ivo Pell himself said the pier plan was a hoax.\n\nThe mayor herself told reporters it was not.")
    assert _speakers(text, "pier plan") == ["Ivo Pell"]
    assert _speakers(text, "told reporters") == ["The mayor"]


def test_what_a_plan_holds_and_who_notes_are_no_phrase_voices() -> None:
    """An editor's read found "The president's plan" and "the effort" listed as voices, and "those" as a source:
    a plan that "calls on" someone tells what it holds; "groups say the effort is misguided, noting ..." is the
    groups' noting; "those briefed on the effort" and "messages obtained by ..." are who they are (to the comma)."""
    text = _fictional(
        "The governor's plan also calls on the council to fund the pier.\n\n"
        "Ferry groups say the effort to close the pier is misguided, noting that few boats use it.\n\n"
        "The fund will grow, according to those briefed on the plan.\n\n"
        "According to messages obtained by The Harbour Ledger's Ada Venn, Ivo Pell wrote to the council in May."
    )
    assert _speakers(text, "calls on the council") == []
    assert set(_speakers(text, "noting that")) == {"Ferry groups"}
    assert _speakers(text, "according to those") == ["those briefed on the plan"]
    assert _speakers(text, "According to messages") == ["messages obtained by The Harbour Ledger's Ada Venn"]
