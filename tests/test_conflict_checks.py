"""Each conflict check on pairs of fictional sentences: what is one matter told differently, and what is not."""

from __future__ import annotations

from benchmarks.datasets import make_article

from manysides.compare import (
    conflict_state,
    conflicts,
    date_conflicts,
    name_conflicts,
    number_conflicts,
    status_conflicts,
)
from manysides.compare.pairs import PairScores, score_pairs
from manysides.records.article import Article
from manysides.understand import SentenceInfo, analyse_many
from manysides.understand.entities import same_person
from tests.helpers import two_reports


def _first_sentences(*texts: str, published: str = "2025-03-11") -> list[SentenceInfo]:
    articles = [make_article(f"a{k}", text, outlet=f"outlet{k}", published=published) for k, text in enumerate(texts)]
    return [text.sentences[0] for text in analyse_many(articles)]


def test_one_person_with_a_title_a_middle_initial_or_a_nickname() -> None:
    assert same_person("Senate President Mike Thornbury", "Michael Thornbury")
    assert same_person("Senator Christopher J. Vane", "Chris Vane")
    assert same_person("Ilsa Marrow", "Marrow")
    assert not same_person("Loretta Quill", "Linda T. Quill")
    assert not same_person("Ed Harlow", "Jay Brenner")


def test_a_bare_weekday_after_due_to_is_the_next_one() -> None:
    (sentence,) = _first_sentences("The pair is due to be arraigned in court on Thursday morning.")  # a Tuesday
    assert [d.value for d in sentence.dates] == ["2025-03-13"]


def test_the_price_of_one_thing_is_not_the_total() -> None:
    item, total = _first_sentences(
        "Prosecutors said the purchases included a $43,000 watch and two fur coats.",
        "Prosecutors said the former mayor spent $750,000 of campaign cash on himself.",
    )
    assert number_conflicts._money(item, total) is None
    cost, reserved = _first_sentences(
        "The advertisement is costing the Harbour Trust $1 million, the group confirmed.",
        "The Harbour Trust has reserved $500,000 of airtime for the advertisement.",
    )
    assert number_conflicts._money(cost, reserved) == ("1 million", "500,000", 1.0)


def test_two_named_people_acting_on_two_days_are_two_happenings() -> None:
    mayor, governor = _first_sentences(
        "On Saturday, Mayor Ed Harlow of Port Aldous announced a ban on city-funded travel to Veyra.",
        "Caldmark Gov. Jay Brenner (D) announced Monday that he would ban state-funded travel to Veyra.",
    )
    assert date_conflicts._dates(mayor, governor) is None


def test_two_sentences_naming_only_different_people_are_two_happenings() -> None:
    """No named person is a subject in the first sentence; the people it names still differ from the second's."""
    lawyer, witness = _first_sentences(
        "In a statement issued Thursday, lawyers for Tom Averill said the firm had been retained.",
        "On Sunday, Ms. Quill issued a statement saying prosecutors in Mr. Harlow's office had interviewed her.",
        published="2025-03-17",
    )
    assert date_conflicts._dates(lawyer, witness) is None
    began, walked = _first_sentences(
        "A strike by ferry workers that began on 13 June has halted all sailings, Ilsa Marrow said.",
        "Ferry workers went on strike on 14 June, union leader Ilsa Marrow said.",
    )
    assert date_conflicts._dates(began, walked) is not None


def test_a_shared_participant_alone_does_not_make_one_happening() -> None:
    attacked, tweeted = _first_sentences(
        "President Brenner went after Harlow aide Ilsa Marrow on Tuesday over her handling of the files.",
        "President Brenner posted a tweet lashing out at Ilsa Marrow on Friday.",
    )
    assert date_conflicts._dates(attacked, tweeted) is None


def test_two_different_acts_on_one_thing_are_two_happenings() -> None:
    released, filed = _first_sentences(
        "Court papers released by prosecutors on Wednesday gave new details of how the mayor spent the money.",
        "In court papers filed against the mayor on Friday, prosecutors said he must forfeit the money.",
        published="2025-03-14",
    )
    assert date_conflicts._dates(released, filed) is None


def test_one_happening_dated_twice() -> None:
    began, walked = _first_sentences(
        "A strike by ferry workers that began on 13 June has halted all sailings from Veyra.",
        "Ferry workers in Veyra went on strike on 14 June, halting all sailings.",
    )
    assert date_conflicts._dates(began, walked) is not None


def test_a_day_against_another_month_for_one_happening() -> None:
    """ "held on April 30" against "in mid May" written in March: two months of this year for one vote. "By May"
    is a span that holds the day, and "April 29" beside "early May" may be rounding."""
    day, month = _first_sentences(
        "The harbour primary would be held on April 30.",
        "Both parties will hold harbour primaries in mid May.",
    )
    assert date_conflicts._month_dates(day, month)[:2] == ("2025-04-30", "2025-05")
    assert date_conflicts._month_dates(month, day)[:2] == ("2025-05", "2025-04-30")
    day, span = _first_sentences("The harbour primary would be held on April 30.", "The primary will be held by May.")
    assert date_conflicts._month_dates(day, span) is None
    edge, early = _first_sentences(
        "The harbour primary would be held on April 29.", "Both parties will hold the harbour primary in early May."
    )
    assert date_conflicts._month_dates(edge, early) is None
    same, month = _first_sentences("The harbour primary would be held on May 14.", "The primary is in mid May.")
    assert date_conflicts._month_dates(same, month) is None
    # several disclosures on Friday hold no date of the one filed in May
    filed, among = _first_sentences(
        "In May, Ms. Quill filed a disclosure with the harbour board showing fees of $3 million.",
        "Among Ms. Quill's disclosures on Friday was that she was paid $9 million in 2023.",
        published="2025-07-31",
    )
    assert date_conflicts._month_dates(filed, among) is None
    # "Thursday's announcement" dates the announcement, not the ruling the sentence goes on to (the editor's read)
    announced, ruled = _first_sentences(
        "Thursday's announcement comes on the heels of a decision by the harbour court, which struck down the levy.",
        "It is the broadest rule change to come out of the harbour court decision in February that struck down the"
        " levy.",
        published="2025-03-14",
    )
    assert date_conflicts._month_dates(announced, ruled) is None


def test_one_persons_years_told_differently() -> None:
    """ "Jon Pell, who served from 1967 to 1979" against "since Jon Pell held the seat from 1966 to 1978": one
    person's years; another person's years, or the same years written "1967-1979", are no conflict."""
    served, held = _first_sentences(
        "Tamm will become the second pilot on the board, after Jon Pell, who served from 1967 to 1979.",
        "Tamm will be the board's first pilot since Jon Pell, a ferry captain, held the seat from 1966 to 1978.",
    )
    assert date_conflicts._year_spans(served, held) == ("1967 to 1979", "1966 to 1978", 1.0)
    pell, krell = _first_sentences("Jon Pell served from 1967 to 1979.", "Ada Krell served from 1966 to 1978.")
    assert date_conflicts._year_spans(pell, krell) is None
    same, dashed = _first_sentences("Jon Pell served from 1967 to 1979.", "Jon Pell, who served 1967-1979, died.")
    assert date_conflicts._year_spans(same, dashed) is None
    # a long sentence whose parse takes the apposition for the subject of "held"
    served, held = _first_sentences(
        "Tamm will become the second pilot on the board, after Jon Pell, who served from 1967 to 1979.",
        "Tamm, 43, who is known as Ro, is a former partner in the well-connected law firm of Mintz Arden and will "
        "become the board's first pilot since Jon Pell, a Republican, held the seat from 1966 to 1978.",
    )
    assert date_conflicts._year_spans(served, held) == ("1967 to 1979", "1966 to 1978", 1.0)
    said, operated = _first_sentences(
        "Jon Pell served from 1967 to 1979.", "Ada Krell, the mayor, said the pier operated from 1966 to 1978."
    )
    assert date_conflicts._year_spans(said, operated) is None


def test_a_written_expectation_is_expected_and_a_repayment_told_by_both_is_no_update() -> None:
    (wrote,) = _first_sentences("Council members wrote that they expect the mayor to publish the audit at once.")
    assert wrote.modality != "happened"  # the writing happened; what it tells is still to come
    done, intended = _first_sentences(
        "The mayor's lawyers said in 2023 that he repaid the campaign about $60,000.",
        "His lawyer said that the mayor intended to cooperate fully and had already repaid about $60,000.",
    )
    assert status_conflicts._modality(done, intended) is None


def test_two_shares_that_make_the_whole_are_one_split_told_from_both_sides() -> None:
    """ "a two-in-three chance that we keep the council" / "a one-in-three chance we could lose it" agree; a
    share told as another share is still a conflict."""
    keep, lose, other = _first_sentences(
        "“There is a two-in-three chance that we keep the council,” Mayor Ilsa Marrow said on Monday.",
        "“But there is a one-in-three chance we could lose the council,” Mayor Ilsa Marrow said on Monday.",
        "“There is a one-in-four chance that we keep the council,” Mayor Ilsa Marrow said on Monday.",
    )
    assert number_conflicts._numbers(keep, lose) is None
    assert number_conflicts._numbers(keep, other) is not None


def test_one_act_on_one_named_thing_planned_in_one_outlet_and_done_in_the_other() -> None:
    """ "plans to invoke the Harbour Charter" / "invoked her Harbour Charter right": one act, at two stages, an
    update when the planned report came first; another act on the thing, or another thing, is no match."""
    planned, done, other = _first_sentences(
        "Ilsa Marrow, the ferry board's director, plans to invoke the Harbour Charter during her expected testimony.",
        "She then invoked her Harbour Charter right and declined to testify before the council.",
        "She then read the Harbour Charter aloud and declined to testify before the council.",
    )
    assert status_conflicts._planned_and_done(planned, done) == ("expected", "happened", 1.0)
    assert status_conflicts._planned_and_done(done, planned) == ("happened", "expected", 1.0)
    assert status_conflicts._planned_and_done(planned, other) is None


def test_one_digit_changed_in_a_long_figure() -> None:
    first, second = _first_sentences(
        "The records list a $5,587.75 stay at the Lakeside Retreat in Port Aldous.",
        "The couple charged a $5,687.75 stay at the Lakeside Retreat to the campaign.",
    )
    assert number_conflicts._near_figures(first, second) == ("5,587.75", "5,687.75", 1.0)
    small, other = _first_sentences("Tickets cost $120 at the door.", "Parking cost $130 for the day.")
    assert number_conflicts._near_figures(small, other) is None  # short figures differ in one digit all the time
    files, pages = _first_sentences(
        "Among the 15,000 files they read, none came from the mayor's office.",
        "The archive said it had received 55,000 pages of the mayor's letters.",
    )
    assert number_conflicts._near_figures(files, pages) is None  # two things counted, not one figure misread


def test_a_copied_sentence_with_words_for_one_vague_amount_agrees() -> None:
    first, second = _first_sentences(
        "“All the staff and a dozen other people who were at the party got out safely,” the manager said.",
        "“All the staff and another dozen other people who were at the party got out safely,” the manager said.",
    )
    assert conflicts._copy_values("number")(first, second) is None


def test_two_counts_at_two_places_are_two_events() -> None:
    first, second, same_place = _first_sentences(
        "In February, a gunman killed five people at a shopping mall in Salt Lake City.",
        "A gunman killed three people at an office building in Detroit on Monday.",
        "A gunman killed three people at a shopping mall in Salt Lake City.",
    )
    assert number_conflicts._numbers(first, second) is None
    assert number_conflicts._numbers(first, same_place) is not None


def test_a_heading_line_names_no_one() -> None:
    heading, sentence = _first_sentences(
        "Charged With Murdering Harbour Warden's Deputy",
        "A jury convicted a gang member of murdering Port Alden Warden's Deputy Jon Ruiz in June.",
    )
    assert name_conflicts._spellings(heading, sentence) is None
    assert name_conflicts._names(heading, sentence) is None


def test_years_of_one_act() -> None:
    ends, hinted = _first_sentences(
        "Harlow's second and final term as mayor officially ends in 2027.",
        "Harlow hinted that he may resign before his term ends in 2026.",
    )
    assert date_conflicts._year_dates(ends, hinted) is not None
    elected, ends = _first_sentences("Harlow was first elected in 2019.", "Harlow's term ends in 2027.")
    assert date_conflicts._year_dates(elected, ends) is None
    died, other = _first_sentences("Mr. Harlow died in a Port Aldous prison in 1992.", "Ilsa Marrow died in 2002.")
    assert date_conflicts._year_dates(died, other) is None  # two people's deaths, not one death dated twice
    died, again = _first_sentences("Mr. Harlow died in a Port Aldous prison in 1992.", "Harlow died in 1993.")
    assert date_conflicts._year_dates(died, again) is not None


def test_two_peoples_own_words_are_never_one_fact_but_one_quote_credited_twice_is_checked() -> None:
    from manysides.compare.pairs import score_pairs

    articles = [
        make_article("a", '"We will protect every family in Port Aldous," Mayor Ilsa Marrow said.', outlet="one"),
        make_article("b", '"We will protect every family in Port Aldous," Governor Jay Brenner said.', outlet="two"),
        make_article("c", '"We shall stand by each family of Port Aldous," Governor Jay Brenner said.', outlet="three"),
    ]
    scores = score_pairs(analyse_many(articles), ["one", "two", "three"])
    assert scores.prob[0, 1] > 0.0  # the same words, two speakers: an attribution conflict to check
    assert scores.prob[0, 2] == 0.0  # two people, two statements
    assert scores.prob[1, 2] > 0.0  # one person in two outlets


def test_a_relative_pronoun_is_never_a_speaker() -> None:
    (sentence,) = _first_sentences("Campaign chairman Bill Armand, who said the report was false, left early.")
    assert [(a.speaker, a.named) for a in sentence.attributions] == [("Campaign chairman Bill Armand", True)]


def test_an_article_in_another_language_is_compared_without_noise_and_the_report_says_so() -> None:
    from manysides.compare.engine import compare
    from manysides.present.report_markdown import render_markdown

    english = _in_language(
        "en",
        "Ferry crews in Veyra went on strike on Saturday, halting all 11 vessels of Caldmark Ferries. "
        '"We are asking for crews who are awake," union leader Katarina Voss said.',
    )
    spanish = _in_language(
        "es",
        "Fue una huelga de los tripulantes de los transbordadores de Veyra, que comenzó el sábado. "
        "La empresa Caldmark Ferries tiene 11 buques, según la dirección del puerto.",
    )
    report = compare([english, spanish])
    spanish_names = [e.name for e in report.entities if "es1" in e.mentions]
    assert "Fue" not in spanish_names and not any(i.article == "es1" for i in report.framing)
    # its one attribution is read by the Spanish cue words ("según"), and nothing else becomes a voice
    assert [(v.article, v.speaker) for v in report.voices if v.article == "es1"] == [("es1", "dirección del puerto")]
    assert any("Katarina Voss" in e.name for e in report.entities)  # the English article is read as before
    assert report.notes and "1 article in es" in report.notes[0]
    assert "only its hedges" in render_markdown(report)


def _in_language(language: str, text: str) -> Article:
    article = make_article(f"{language}1", text, outlet=f"{language} outlet", published="2025-06-15")
    return article.model_copy(update={"language": language})


def test_he_said_after_a_titled_speaker_or_a_long_subject() -> None:
    from manysides.understand import analyse_many

    body = (
        "“There will be a review of the ferry contracts,” said Harbour Council Whip Tomas Brennick.\n\n"
        "He added that the mayor was looking into the matter with the port authority.\n\n"
        "Former Speaker of the Assembly Orla Quennell praised the crews in a radio interview.\n\n"
        "She said the strike should not change how ministers meet voters."
    )
    (text,) = analyse_many([make_article("speakers", body, outlet="Harbor Ledger")])
    credited = [[a.speaker for a in s.attributions] for s in text.sentences]
    assert "Tomas Brennick" in credited[1][0]  # a title naming a body ("Harbour Council") is still a person's
    assert credited[3] == ["Orla Quennell"]  # the subject phrase holds the name, with its title


def test_an_outlet_carrying_the_same_sentence_agrees_with_it() -> None:
    from manysides.compare.engine import compare

    copy = "The council's subpoenas to the ferry company are due on 8 February, the clerk said."
    report = compare(
        two_reports(
            f"{copy} The strike entered its third week.",
            f"{copy} The port authority's subpoenas to the ferry company are due on 3 February, the clerk said.",
            "2025-02-01",
        )
    )
    dated = [f for f in report.facts if f.conflict and f.conflict.type == "date"]
    assert not any(copy in s.text for f in dated for s in f.statements), dated


def test_two_statements_a_conflict_sets_side_by_side_are_not_also_a_fact_they_agree_on() -> None:
    from manysides.compare.engine import compare

    first = make_article(
        "x",
        "Governor Marta Quell on Monday named Ronica Tamm to the harbour board seat left empty by Ada Krell.\n\n"
        "Tamm will serve until a special election.\n\nThe primary would be held on April 30.",
        outlet="one",
        published="2026-03-02",
    )
    second = make_article(
        "y",
        "Governor Marta Quell named Ronica Tamm to the harbour board on Monday, filling the seat Ada Krell left.\n\n"
        "Tamm will serve until a special election.\n\nBoth parties will hold special-election primaries in mid May.",
        outlet="two",
        published="2026-03-02",
    )
    report = compare([first, second])
    [conflict] = [f for f in report.facts if f.kind == "conflict"]
    sides = {(s.article, s.sentence) for s in conflict.statements}
    shared = [{(s.article, s.sentence) for s in f.statements} for f in report.facts if f.kind == "shared"]
    assert shared and sides not in shared


def _read(*texts: tuple[str, str]) -> tuple[list[list[SentenceInfo]], PairScores]:
    """Each (text, publication stamp) understood as one outlet's article, with the story's pair scores."""
    articles = [
        make_article(f"a{k}", text, outlet=f"outlet{k}", published=stamp) for k, (text, stamp) in enumerate(texts)
    ]
    understood = analyse_many(articles)
    return [t.sentences for t in understood], score_pairs(understood, [f"outlet{k}" for k in range(len(texts))])


def test_one_act_of_one_person_dated_twice_even_where_the_story_gives_the_day_once() -> None:
    (first, second), scores = _read(
        (
            "In a related step, Caldmark announced on Saturday that it would ship grain to Veyra, as President Ilsa "
            "Marrow welcomed Veyra's foreign minister, Tomas Keld, in Port Aldous.",
            "2025-03-08T18:30:00",
        ),
        (
            "Caldmark and Veyra took steps toward restoring trade on 9 March, with both governments pledging closer "
            "cooperation.\n\nCaldmark President Ilsa Marrow welcomed Veyra's foreign minister Tomas Keld to Port "
            "Aldous in a meeting that marked the first official visit since 2019.",
            "2025-03-09",
        ),
    )
    with conflicts.reading(scores):
        assert date_conflicts._act_dates(first[0], second[1]) == ("2025-03-08", "2025-03-09", 1.0)
        assert date_conflicts.same_act(first[0], second[1])  # one welcome: two days for it are no later development
        # Another host welcoming him that day is another act.
        (other,), _ = _read(("President Jon Avery welcomed Tomas Keld to Norhaven on Sunday.", "2025-03-09"))
        assert date_conflicts._act_dates(first[0], other[0]) is None


def test_a_day_is_carried_only_from_a_sentence_on_the_same_people_and_not_of_what_is_to_come() -> None:
    (article,), scores = _read(
        (
            "Ferry crews in Veyra will strike on 14 June, the union said.\n\n"
            "Union leader Ann Moe met the ferry company's managers in Port Aldous.\n\n"
            "The port authority closed the harbour on 12 June.\n\n"
            "Ilsa Marrow resigned from the council.",
            "2025-06-10",
        )
    )
    with conflicts.reading(scores):
        carried = conflict_state.CARRIED.get() or {}
        assert id(article[1]) not in carried  # the day before is of a strike still to come
        assert id(article[3]) not in carried  # the sentence before names no one she is about


def test_one_persons_words_quoted_as_said_on_two_days() -> None:
    (first, second), scores = _read(
        (
            "And on Saturday, former Senator Ed Harlow charged in Norfolk that the governor \u201csought to hide "
            "the audit from the voters.\u201d",
            "2025-03-10",
        ),
        (
            "Former Senator Ed Harlow, campaigning in Norfolk on Friday night, told reporters that \u201cthe facts "
            "must be laid out.\u201d\n\nMr. Harlow said he believed the governor \u201csought to hide the audit "
            "from voters.\u201d",
            "2025-03-07",
        ),
    )
    with conflicts.reading(scores):
        assert date_conflicts._statement_dates(first[0], second[1]) == ("2025-03-08", "2025-03-07", 1.0)
        # Other words of his, on the other day, may be another statement.
        assert date_conflicts._statement_dates(first[0], second[0]) is None


def test_one_act_of_one_person_is_told_once_but_words_may_be_said_twice() -> None:
    """Two days for one act of one named person are two datings of it, never a later development; a statement may
    be made again the next day."""
    said = _first_sentences(
        "Mayor Ed Harlow said on Tuesday that the ferry strike had cost the port dearly.",
        "Mayor Ed Harlow told reporters on Wednesday that the strike had been costly for the port.",
    )
    assert not date_conflicts.same_act(*said)
    closed = _first_sentences(
        "Mayor Ed Harlow closed the harbour at Port Aldous on Tuesday after the ferry strike.",
        "Mayor Ed Harlow closed the harbour on Wednesday, a week into the ferry strike.",
    )
    assert date_conflicts.same_act(*closed)
    assert date_conflicts._act_dates(*closed) == ("2025-03-11", "2025-03-05", 1.0)  # both out on Tuesday 11 March


def test_another_given_name_is_no_misnaming_where_the_family_shares_the_surname() -> None:
    """ "Loretta Marrow" against "Linda T. Marrow" is a name told two ways, unless the article giving one of them
    also names another Marrow ("Mr. Marrow, the mayor"): then the other outlet may mean that other person."""
    from manysides.compare.engine import compare

    won = "Rep. Loretta Marrow won the race for vice chair of the harbour council, defeating councillor Ilsa Quell."
    family = (
        "Mr. Marrow, the mayor, spoke at the harbour on Monday.\n\nHis wife, Loretta Marrow, said she was proud.\n\n"
    )
    other = make_article(
        "y",
        "In a narrow victory, 98 to 96, Representative Linda T. Marrow was elected vice chair of the harbour council "
        "over Ilsa Quell.",
        outlet="two",
        published="2025-02-03",
    )
    for body, expected in ((won, True), (family + won, False)):
        first = make_article("x", body, outlet="one", published="2025-02-03")
        named = [f.conflict.values for f in compare([first, other]).facts if f.conflict and f.conflict.type == "name"]
        assert bool(named) is expected, named


def test_a_nickname_is_no_other_given_name() -> None:
    """The check holds only name keys ("dck drn"), so nicknames are looked up by key: "Dick Doran" is "Richard J.
    Doran", while "Loretta" and "Linda" are two people."""
    from manysides.understand.names import name_key

    for short, formal in (
        ("Dick Doran", "Richard J. Doran"),
        ("Chuck Vane", "Charles Vane"),
        ("Bob Tull", "Robert Tull"),
    ):
        assert not name_conflicts.other_name(name_key(short), name_key(formal), "PERSON"), short
    assert name_conflicts.other_name(name_key("Loretta Doran"), name_key("Linda T. Doran"), "PERSON")


def test_one_name_spelt_two_ways_is_no_other_name() -> None:
    """British and American spelling, a hyphen and a transliterated sound are one name; a letter more that is
    another sound ("Vincente") and another word ("Distributors") still differ."""
    from manysides.understand.names import name_key

    for x, y in (
        ("the Organisation for Harbour Co-operation", "the Organization for Harbour Cooperation"),
        ("Kurbanmyrat Ovezov", "Gurbanmyrat Ovezov"),
        ("Kurbanmyraty Ovezov", "Gurbanmyrati Ovezov"),
        ("the Selahuddin", "the Selaluddin"),
    ):
        for label in ("PERSON", "ORG"):
            assert not name_conflicts.other_name(name_key(x), name_key(y), label), (x, y)
    assert name_conflicts.other_name(name_key("Vincente Ovezov"), name_key("Vicente Ovezov"), "PERSON")
    assert name_conflicts.other_name(name_key("Brightfield Distribution"), name_key("Brightfield Distributors"), "ORG")
    assert not name_conflicts.one_spelling("grg", "crg")  # "Greg" / "Craig": too short to call one name


def test_a_word_written_as_its_initial_is_the_same_person() -> None:
    assert name_conflicts.initialled("Harold Quentin Vane", "Harold Q. Vane")
    assert not name_conflicts.initialled("Harold Quentin Vane", "Harold R. Vane")
    assert not name_conflicts.initialled("Harold Vane", "Hector Vane")
    assert not name_conflicts.initialled("Harold Vane", "Harold Vane")


def test_none_of_a_counted_thing_against_a_count_of_it() -> None:
    none, two, stranded, had = _first_sentences(
        "None of the ferry passengers were hurt when the boat struck the Veyra pier.",
        "Two passengers were injured when the ferry struck the pier at Veyra.",
        "Two passengers were stranded when the ferry struck the pier at Veyra.",
        "The ferry had no passengers when it struck the pier at Veyra.",
    )
    assert number_conflicts._none_and_count(none, two) == ("None of the ferry passengers", "Two passengers", 1.0)
    assert number_conflicts._none_and_count(two, none) == ("Two passengers", "None of the ferry passengers", 1.0)
    assert number_conflicts._none_and_count(none, stranded) is None  # another action: maybe another count
    assert number_conflicts._none_and_count(had, two) is None  # an empty action ("had no passengers")
    not_hurt = _first_sentences("Two passengers were not hurt when the ferry struck the pier at Veyra.")[0]
    assert number_conflicts._none_and_count(none, not_hurt) is None  # a denied count agrees with none


def test_a_state_told_in_the_past_is_no_event_done_against_an_announced_plan() -> None:
    """ "announced Tuesday he'll run" and "X, who has announced his run, has been outspoken on ..." agree that the
    run was announced; the second sentence's main verb is a state ("has been outspoken"), not the run done."""
    expected, state = _first_sentences(
        "Ada Brook, the harbour pilot who became mayor of Veyra, announced Tuesday she'll run for the senate seat.",
        "Ada Brook, a former mayor of Veyra who has announced her run for the senate on Tuesday, has been outspoken "
        "on a range of matters, particularly ferry fares.",
    )
    assert status_conflicts._modality(expected, state) is None


def test_an_act_set_ahead_in_both_outlets_is_no_update() -> None:
    """ "was admitted and was set to be released on 2 June" tells the release as planned, as "was scheduled to be
    released" does: the admission done is no release done."""
    scheduled, admitted = _first_sentences(
        "Ada Brook was scheduled to be released on 2 June, but suffered a stroke.",
        "Ada Brook had been admitted to the Veyra clinic for a fever and was set to be released and sent home on "
        "2 June when she suffered a stroke.",
    )
    assert status_conflicts._modality(scheduled, admitted) is None


def test_counts_by_two_named_doers_are_two_counts() -> None:
    """ "Ana Reyes scored 11 points" / "Lia Moss scored 23 points" count two players' points; the same player's
    points told as two figures are one count told differently."""
    reyes, moss, again = _first_sentences(
        "Ana Reyes scored 11 points as the Harbor City Herons beat Dunmore on Friday.",
        "Lia Moss scored 23 points as the Harbor City Herons beat Dunmore on Friday.",
        "Ana Reyes scored 15 points as the Harbor City Herons beat Dunmore on Friday.",
    )
    assert number_conflicts._numbers(reyes, moss) is None
    assert number_conflicts._numbers(reyes, again) == ("11 point", "15 point", 1.0)


def test_a_doer_named_by_a_relative_clause_or_as_owner() -> None:
    """ "Ana Reyes, who scored 11 points" and "Lia Moss' 23 points" name their doers as surely as a subject does."""
    reyes, moss, again = _first_sentences(
        "Ana Reyes, who scored 11 points, led the Harbor City Herons past Dunmore on Friday.",
        "The Herons beat Dunmore on Friday behind Lia Moss' 23 points.",
        "Ana Reyes scored 15 points as the Harbor City Herons beat Dunmore on Friday.",
    )
    assert number_conflicts._numbers(reyes, moss) is None
    assert number_conflicts._numbers(moss, again) is None
    assert number_conflicts._numbers(reyes, again) == ("11 point", "15 point", 1.0)


def test_a_doer_shared_by_joined_verbs_and_a_pronoun_doer() -> None:
    """ "Ana Reyes sprained her ankle and missed four games" names who missed them; "She missed two games" is
    someone the sentence does not name, set against the same pronoun only."""
    reyes, moss, she, she_too = _first_sentences(
        "Ana Reyes sprained her ankle in October and missed four games for the Harbor City Herons.",
        "Lia Moss missed two games for the Harbor City Herons after her ankle sprain in October.",
        "She missed two games for the Harbor City Herons after an ankle sprain in October.",
        "She missed three games for the Harbor City Herons after an ankle sprain in October.",
    )
    assert number_conflicts._numbers(reyes, moss) is None
    assert number_conflicts._numbers(reyes, she) is None
    assert number_conflicts._numbers(she, she_too) == ("two game", "three game", 1.0)


def test_a_first_word_surname_the_parser_takes_for_a_common_noun_is_a_doer() -> None:
    """ "Keeling threw for 310 yards": the small parser tags a sentence-initial surname that is also an English
    word as a gerund or common noun; bare and directly before its verb, it still names the doer. A common noun
    doer set against an unnamed one ("The blaze destroyed") keeps the conflict."""
    keeling, reyes, again, fire, blaze = _first_sentences(
        "Keeling threw for 310 yards as the Harbor City Herons beat Dunmore on Friday.",
        "Ana Reyes threw for 290 yards as the Harbor City Herons beat Dunmore on Friday.",
        "Keeling threw for 290 yards as the Harbor City Herons beat Dunmore on Friday.",
        "Fire destroyed 12 homes in Veyra on Friday.",
        "The blaze destroyed 14 homes in Veyra on Friday.",
    )
    assert number_conflicts._numbers(keeling, reyes) is None
    assert number_conflicts._numbers(keeling, again) == ("310 yard", "290 yard", 1.0)
    assert number_conflicts._numbers(fire, blaze) == ("12 home", "14 home", 1.0)


def test_a_part_of_a_count_is_not_the_count() -> None:
    """A sentence giving two figures of one thing by one act ("seven rifles, two other rifles") lists parts, and
    "two more times" adds to a figure told before: neither is set against another outlet's whole count."""
    parts, whole, more, total, other = _first_sentences(
        "The coast guard seized seven assault rifles, two other rifles and a radio from the smugglers' boat.",
        "Nine assault rifles and a radio were seized from the smugglers' boat, the coast guard said.",
        "Ilsa Marrow later married two more times.",
        "Ilsa Marrow was married three times.",
        "The coast guard seized six assault rifles and a radio from the smugglers' boat.",
    )
    assert number_conflicts._numbers(parts, whole) is None
    assert number_conflicts._numbers(more, total) is None
    assert number_conflicts._numbers(other, whole) is not None
    some, more_came = _first_sentences(
        "As many as 35 to 40 volunteer firefighters came to fight the Dunmore fire.",
        "As many as 30 to 40 volunteer firefighters came to fight the Dunmore fire.",
    )
    assert number_conflicts._numbers(some, more_came) is not None  # a range is one count, not two
    listed, relisted = _first_sentences(
        "The coast guard seized seven assault rifles, two other rifles and a radio from the smugglers' boat.",
        "The coast guard seized seven assault rifles, four other rifles and a radio from the smugglers' boat.",
    )
    assert number_conflicts._numbers(listed, relisted) is not None  # the same list: part against part


def test_a_figure_after_its_noun_names_it_and_counts_nothing() -> None:
    """ "Pathfinder 7" names a version; "seven browsers" counts."""
    seven, five, counts = _first_sentences(
        "The flaw was found in Pathfinder 7, the company said on Tuesday.",
        "The flaw was found in Pathfinder 5, the company said on Tuesday.",
        "The flaw was found in seven browsers, the company said on Tuesday.",
    )
    assert number_conflicts._numbers(seven, five) is None
    assert number_conflicts._numbers(counts, five) is None


def test_a_figure_given_without_its_noun_is_given_by_both() -> None:
    """ "32,000 visitors came this year, against 51,000 a decade ago" gives both figures: "51,000 visitors came"
    in the other outlet is the older figure, not another count."""
    both, older, other = _first_sentences(
        "About 32,000 visitors came to the Dunmore fair this year, compared with 51,000 a decade ago.",
        "In all, 51,000 visitors came to the Dunmore fair.",
        "In all, 47,000 visitors came to the Dunmore fair.",
    )
    assert number_conflicts._numbers(both, older) is None
    assert number_conflicts._numbers(other, older) is not None


def test_another_person_in_one_act_needs_the_act_s_other_words_in_common() -> None:
    """ "Mary Collins was sentenced to ten years" / "Susan Baker was sentenced to ten years" name two people for
    one sentence; "Mary Collins walked home" / "Susan Baker walked to the shop" tell two walks, and "Mary
    Collins's record" / "Susan Baker's record" two records."""
    first, second, walked, walked_too, record, record_too = _first_sentences(
        "Mary Collins was sentenced to ten years in prison by the Dunmore court.",
        "Susan Baker was sentenced to ten years in prison by the Dunmore court.",
        "Mary Collins walked home after the game.",
        "Susan Baker walked to the shop after lunch.",
        "The fans cheered when Mary Collins's record fell.",
        "The fans cheered when Susan Baker's record fell.",
    )
    assert name_conflicts._names(first, second) == ("Mary Collins", "Susan Baker", 1.0)
    assert name_conflicts._names(walked, walked_too) is None
    assert name_conflicts._names(record, record_too) is None


def test_one_thing_put_in_two_places() -> None:
    """A known place each outlet puts the same thing "in", and no outlet names both: one of them is wrong. A light
    verb ("said in") places nothing, and an article that names the other place too may tell two moves."""
    seattle, bellingham = _first_sentences(
        "The ferry tickets were sold to a college student in Tacoma, the harbour office said.",
        "The tickets went to Orla Venn, a student at Marrow Community College in Spokane, Wash.",
    )
    assert name_conflicts._places(seattle, bellingham) == ("Tacoma", "Spokane", 1.0)
    said, moved = _first_sentences(
        "The harbour master said in Tacoma that the ferry would run.",
        "The harbour master said in Spokane that the ferry would run.",
    )
    assert name_conflicts._places(said, moved) is None
    both, one = _first_sentences(
        "The student in Tacoma had moved from Spokane in May.",
        "The ferry tickets went to a student in Spokane.",
    )
    assert name_conflicts._places(both, one) is None


def test_two_sizes_of_one_thing_conflict_whoever_acts_on_it() -> None:
    """ "took the 35-word oath" / "administered the 38-word oath": the size of one thing, not two counts."""
    took, gave = _first_sentences(
        "Governor Ilsa Marrow took the 35-word oath of office precisely at noon.",
        "Chief Judge Ed Harlow administered the 38-word oath of office at noon.",
    )
    assert number_conflicts._numbers(took, gave) == ("35-word oath", "38-word oath", 1.0)
    here, there = _first_sentences(
        "Governor Ilsa Marrow, who grew up in Chicago, took the 35-word oath of office.",
        "In Boston, Chief Judge Ed Harlow administered the 38-word oath of office at noon.",
    )
    assert number_conflicts._numbers(here, there) == ("35-word oath", "38-word oath", 1.0)
    harlow, pell = _first_sentences(
        "Ed Harlow filed a 30-page report on the harbour fraud.",
        "Tom Pell filed a 45-page report on the harbour fraud.",
    )
    assert number_conflicts._numbers(harlow, pell) is None  # "a" report each: two people's reports


def test_two_given_names_before_one_surname_are_two_people() -> None:
    """ "As Tom and Ilsa Marrow left" names two Marrows: "Tom Marrow" elsewhere is no misnaming of Ilsa."""
    couple, one = _first_sentences(
        "As Tom and Ilsa Marrow left the harbour office, the crowd cheered.",
        "Harbour master Tom Marrow's plans were debated for hours.",
    )
    assert name_conflicts._spellings(couple, one) is None


def test_a_chief_executive_and_an_executive_director_hold_one_post() -> None:
    from manysides.compare.values import roles

    director, chief = _first_sentences(
        "The plan came from Walter Quell, the ferry union's executive director.",
        "Ferry union CEO Walter Quell called for more crews on the night runs.",
    )
    assert roles(director, chief) is None


def test_a_credit_line_is_no_statement_to_pair() -> None:
    """ "Additional reporting by the Coastal Press Agency." names an agency the other outlet cites, but says nothing
    that happened; "Reporting by the agency showed ..." does."""
    from manysides.compare.pairs import candidate_nodes

    text = (
        "Fourteen people were hurt on Saturday night at the Eastgate terminal.\n\n"
        "Reporting by the agency showed the ferry was late.\n\n"
        "Additional reporting by Coastal Press Agency (CPA)."
    )
    texts = analyse_many([make_article("credit", text, outlet="Meridian Daily")])
    assert [n.sentence.text for n in candidate_nodes(texts)] == [
        "Fourteen people were hurt on Saturday night at the Eastgate terminal.",
        "Reporting by the agency showed the ferry was late.",
    ]


def test_a_rights_notice_in_any_language_is_no_statement() -> None:
    from manysides.compare.pairs import candidate_nodes

    text = (
        "Most na Wiśle w Lipnicy zostanie zamknięty w poniedziałek na dwa tygodnie.\n\n"
        "Copyright 2031 Gazeta Lipnicka, wszelkie prawa zastrzeżone, kopiowanie bez zgody redakcji zabronione.\n\n"
        "Fot. Anna Lis \u00a9 Gazeta Lipnicka archiwum redakcji z ubiegłego roku."
    )
    article = make_article("notice", text, outlet="gazeta.example").model_copy(update={"language": "pl"})
    assert [n.sentence.text for n in candidate_nodes(analyse_many([article]))] == [
        "Most na Wiśle w Lipnicy zostanie zamknięty w poniedziałek na dwa tygodnie."
    ]


def test_expected_against_done_without_publication_times_is_an_update() -> None:
    """Without the outlets' times "will close at 6 p.m." / "closed at 6 p.m." is far likelier one event told before
    and after than a contradiction: an update with no order; with the times, the order decides."""
    from types import SimpleNamespace

    from manysides.compare.facts import _with_timing
    from manysides.records.report import Conflict

    conflict = Conflict(type="modality", values={"a": "expected", "b": "happened"}, explanation="x")

    def texts(*stamps: str | None) -> list:
        ids = ("a", "b")
        return [SimpleNamespace(article=SimpleNamespace(id=i, published=p)) for i, p in zip(ids, stamps, strict=True)]

    undated = _with_timing(conflict, texts(None, None), [])
    assert undated.type == "update" and undated.first is None
    assert _with_timing(conflict, texts("2025-03-11T08:00:00", "2025-03-12T08:00:00"), []).first == "a"
    assert _with_timing(conflict, texts("2025-03-12T08:00:00", "2025-03-11T08:00:00"), []).type == "modality"


def test_figures_for_periods_told_differently_are_not_one_count() -> None:
    """A rate of one year is not the rate of eight; the same period told alike is one count."""
    last_year, eight_years, same_years = _first_sentences(
        "Last year, the Varnley ferry company paid an effective tax rate of 24.5 percent.",
        "From 2015 through 2022 the Varnley ferry company paid an effective tax rate of 19.25 percent.",
        "From 2015 through 2022 the Varnley ferry company paid an effective tax rate of 21.5 percent.",
    )
    assert number_conflicts._numbers(last_year, eight_years) is None
    assert number_conflicts._numbers(eight_years, same_years) is not None


def test_a_sentence_naming_both_people_tells_two_acts_not_one_with_another_doer() -> None:
    """ "Collins's sentence comes a month after Susan Baker was sentenced" names Collins too: not Collins against
    Baker in one role (two people sentenced in one role is the check's own case)."""
    both, one, other = _first_sentences(
        "Collins's sentence comes a month after Susan Baker was sentenced to ten years in prison by the court.",
        "Mary Collins was sentenced to ten years in prison by the Dunmore court.",
        "Susan Baker was sentenced to ten years in prison by the Dunmore court.",
    )
    assert name_conflicts._names(both, one) is None
    assert name_conflicts._names(one, other) is not None


def test_one_act_on_one_thing_denied_in_one_telling_and_affirmed_in_the_other() -> None:
    """The same verb on the same thing, with a negation in one telling only: a quote's words too, and a negated
    condition ("if they don't pass X, Y" / "to pass X would Y") is one."""
    affirmed, denied = _first_sentences(
        '"To pass this levy in the next couple of weeks would sharply increase the risk of a second slump," he said.',
        "\"If they [the councillors] don't pass this levy in the next couple weeks it will sharply increase the risk"
        ' of a second slump," he told reporters.',
    )
    assert status_conflicts._denied_act(affirmed, denied) == ("pass this levy", "don't pass this levy", 1.0)
    none, two = _first_sentences(
        "None of the emergencies spent unappropriated money.", "Two of the emergencies spent unappropriated money."
    )
    assert status_conflicts._denied_act(none, two) == (
        "None of the emergencies spent unappropriated money",
        "Two of the emergencies spent unappropriated money",
        1.0,
    )
    did_not_deny, denied_it = _first_sentences(
        "The Veyra spokesman did not deny the report.", "The Veyra spokesman denied the report."
    )
    assert status_conflicts._denied_act(did_not_deny, denied_it) is not None
    # the parser makes "declared" the main verb of "None of the waivers declared since 1990 cost ...": "None" is
    # still the subject of "cost"
    none_since, two_since = _first_sentences(
        "None of the Veyra waivers declared since 1990 spent unappropriated money.",
        "Two of the Veyra waivers declared since 1990 spent unappropriated money.",
    )
    assert status_conflicts._denied_act(none_since, two_since) is not None
    unless, if_ = _first_sentences(
        "Unless Congress passes the levy, the Veyra economy will stall.",
        "If Congress passes the levy, the Veyra economy will stall.",
    )
    found = status_conflicts._denied_act(unless, if_)
    assert found == ("Unless Congress passes the levy", "Congress passes the levy", 1.0)


def test_a_denial_on_an_unless_condition_is_no_negation_of_the_affirmed_act() -> None:
    """ "would not approve it unless he resigned" says what "would approve it if he resigned" says."""
    unless, if_ = _first_sentences(
        "He said the council would not approve the plan unless the mayor resigned.",
        "He said the council would approve the plan if the mayor resigned.",
    )
    assert status_conflicts._negation(unless, if_) is None
    denied, affirmed = _first_sentences(
        "He said the council would not approve the plan.", "He said the council would approve the plan."
    )
    assert status_conflicts._negation(denied, affirmed) is not None


def test_a_denial_elsewhere_another_doer_or_an_act_on_a_condition_is_no_denied_act() -> None:
    cases = [
        # another verb: "did not deny" is not "confirmed"
        ("The Veyra spokesman did not deny the report.", "The Veyra spokesman confirmed the report."),
        # two doers of one act
        ("The House passed the levy on Friday.", "The Senate did not pass the levy on Friday."),
        # a verb that turns its act round
        ("The councillors failed to pass the levy.", "The councillors did not pass the levy."),
        # the negation raised to the verb above ("I didn't feel we were executing")
        (
            '"I feel we weren\'t executing the plan that we wanted," he said.',
            '"I didn\'t feel we were executing the plan we wanted," he said.',
        ),
        # an act aimed at, not told as done or not
        ("The cause of the fire has not been determined.", "A fire marshal came to help determine the cause."),
        # "not ... until": told as coming, not denied
        (
            "The company said normal service was restored on December 31.",
            "Normal service may not be restored till 31 December.",
        ),
        # a time to wait for, and an act denied only unless something happens
        ("The council will wait until the board approves the plan.", "The board did not approve the plan."),
        (
            "He said the council would not approve the plan unless the mayor resigned.",
            "He said the council would approve the plan if the mayor resigned.",
        ),
        # a passive naming no doer against a person's denial: by whom is unsaid
        ("Mayor Harlow said he did not send the photo.", "The photo was sent from the mayor's account last weekend."),
        # an act told only on a condition
        (
            "Coach Ed Harlow decided the team would place Bush on the list.",
            "Harlow said that if the team were still in contention, then he wouldn't have placed Bush on the list.",
        ),
    ]
    for x, y in cases:
        a, b = _first_sentences(x, y)
        assert status_conflicts._denied_act(a, b) is None, (x, y)


def test_words_from_a_persons_office_and_from_their_adviser_are_one_voice() -> None:
    """ "reads a statement from Mayor Ada Krell's office" / "said Ivo Pell, a top adviser to Ms. Krell": the office
    speaks through its staff, so the same words credited to both are no conflict; two people still are."""
    office, adviser, other = _first_sentences(
        '"The harbour charter protects every berth," reads a statement from Mayor Ada Krell\'s office.',
        '"The harbour charter protects every berth," said Ivo Pell, a top adviser to Ms. Krell.',
        '"The harbour charter protects every berth," said Tomas Berg, the port director.',
    )
    assert name_conflicts._attribution(office, adviser) is None
    assert name_conflicts._attribution(adviser, other) is not None


def test_one_weekday_both_name_is_no_conflict_whichever_week_each_stamp_puts_it_in() -> None:
    """A page stamped Friday that tells of "Saturday" (updated after its stamp) and one stamped Saturday: both say
    "Saturday", which resolves to two Saturdays a week apart; a reader sees no disagreement. Another weekday is."""
    texts = analyse_many(
        [
            make_article(
                "a",
                "In a statement Saturday afternoon, the Veyra port spokesman defended the report.",
                published="2025-03-15",
            ),
            make_article(
                "b", "In a statement on Saturday, the Veyra port spokesman defended the report.", published="2025-03-14"
            ),
            make_article(
                "c", "In a statement on Tuesday, the Veyra port spokesman defended the report.", published="2025-03-14"
            ),
        ]
    )
    saturday, last_saturday, tuesday = (t.sentences[0] for t in texts)
    assert date_conflicts._dates(saturday, last_saturday) is None
    assert date_conflicts._dates(saturday, tuesday) is not None


def test_a_third_outlet_stating_one_sides_value_in_its_own_words_joins_that_side() -> None:
    """The third outlet words the fact otherwise, so its pair with the other side scores low; it pairs with the side
    it agrees with, and the check reads it against the other side with the same two values: it is on that side, not
    shown as silent. The pair scores are set here so that only the third pair is low."""
    from manysides.compare.conflicts import find_conflicts

    _, scores = _read(
        ("Governor Marta Quell named Ronica Tamm to the harbour board on Monday.", "2026-03-03"),
        ("Governor Marta Quell named Veronica Tamm to the harbour board on Monday.", "2026-03-03"),
        ("Quell named Ronica Tamm, a ferry captain of 20 years, to the board that runs the harbour.", "2026-03-03"),
    )
    first, second, third = (n.position for n in scores.nodes)
    scores.prob[:] = 0.0
    scores.prob[first, second] = scores.prob[second, first] = 0.9
    scores.prob[first, third] = scores.prob[third, first] = 0.7
    scores.prob[second, third] = scores.prob[third, second] = 0.05
    bars = {"near": 0.2, "loose": 0.34, "fact": 0.56, "sure": 0.85}
    found = [(c, nodes) for c, nodes in find_conflicts(scores, ["a0", "a1", "a2"], bars) if c.type == "name"]
    assert found, "the misspelt name is a conflict"
    conflict, nodes = found[0]
    assert {n.position for n in nodes} == {first, second, third}
    assert conflict.values["a2"] == conflict.values["a0"] != conflict.values["a1"]


def test_an_act_denied_and_affirmed_of_one_doer_is_no_shared_fact() -> None:
    """ "Mr. Quell did not respond" beside "Dana Quell Jr. did occasionally respond to the messages" are opposite
    claims (the editor's read: such a pair shown as one shared fact); the act denied of one doer and affirmed of
    another is no one fact either (a later read: "could not confirm" / "confirmed"); two denials may be one."""
    from manysides.compare.status_conflicts import opposite_acts

    denied, affirmed, other, both = _first_sentences(
        "Mr. Quell did not respond.",
        "The letters came mostly from the port board, but Dana Quell Jr. did occasionally respond to the letters.",
        "The letters came mostly from the port board, but Ada Krell did occasionally respond to the letters.",
        "Dana Quell Jr. did not respond to either letter from the port board.",
    )
    assert opposite_acts(denied, affirmed)
    assert opposite_acts(denied, other)
    assert not opposite_acts(denied, both)


def test_a_night_named_by_either_of_its_days_is_one_date() -> None:
    """ "overnight on Sunday" and "the night to Monday" are one night, not two dates (the editor's read of the
    multilingual reports); a day apart without a night is still a conflict. Fictional prison."""
    from manysides.compare.date_conflicts import one_night

    sunday, monday, plain = _first_sentences(
        "Three inmates broke out of Varnholt prison overnight on Sunday, the prison service said.",
        "Three inmates broke out of Varnholt prison in the night to Monday, the prison service said.",
        "Three inmates broke out of Varnholt prison on Monday, the prison service said.",
        published="2032-03-15",
    )
    assert one_night(sunday, sunday.dates[0], monday, monday.dates[0])
    assert one_night(sunday, sunday.dates[0], plain, plain.dates[0])  # the night word stands by Sunday
    bare = _first_sentences("Three inmates broke out of Varnholt prison on Sunday.", published="2032-03-15")[0]
    assert not one_night(bare, bare.dates[0], plain, plain.dates[0])


def test_one_quoted_name_of_a_thing_is_not_one_statement_dated_twice() -> None:
    """Two tweets of one mayor that both name "the harbour fee decision" are two statements, not one dated on two
    days (the editor's read: Friday's tweet against Sunday's as a date conflict); the same words said, a verb among
    them, still are. Fictional mayor."""
    from manysides.compare.date_conflicts import _statement_dates

    friday, sunday = _first_sentences(
        "In a tweet on Friday, Mayor Ada Krell said she would put the \u201charbour fee decision on hold.\u201d",
        "\u201cHarbour fee decision will be announced next week,\u201d Mayor Ada Krell wrote on Sunday.",
        published="2031-05-12",
    )
    assert _statement_dates(friday, sunday) is None
    said_friday, said_sunday = _first_sentences(
        "Mayor Ada Krell said on Friday that the board \u201csought to close the harbour for good.\u201d",
        "Mayor Ada Krell said on Sunday that the board \u201csought to close the harbour for good.\u201d",
        published="2031-05-12",
    )
    assert _statement_dates(said_friday, said_sunday) is not None


def test_two_outlets_quoting_the_same_words_share_that_fact() -> None:
    """ "“I will not resign,” said Mr. Vale, who tried to ..." and "“I will not resign,” he said after a meeting
    with ..., according to the Gazette": one quotation, one fact, however the rest of the sentences differ (the
    editor's read found the second listed as only its outlet's). Fictional governor."""
    from manysides.compare.engine import compare

    first = (
        "Gov. Ivo Vale said on Wednesday that he would stay in office.\n\n"
        "\u201cI will not resign,\u201d said Mr. Vale, who tried to put to rest questions about his state of mind."
    )
    second = (
        "Gov. Ivo Vale met the harbour board on Wednesday.\n\n"
        "\u201cI will not resign,\u201d he said after a long meeting with the board, according to the Gazette."
    )
    report = compare(two_reports(first, second, "2031-05-14"))
    quoted = [f for f in report.facts if all("I will not resign" in s.text for s in f.statements)]
    assert [f.kind for f in quoted] == ["shared"] and len(quoted[0].statements) == 2


def test_a_shared_fact_whose_every_two_outlets_conflict_is_not_listed_as_agreement() -> None:
    """One outlet's sentence set against each of two of another's by two conflicts (a place in one, who followed
    whom in the other): the three together say nothing the conflicts do not, so they are no shared fact; with a
    pair no conflict sets apart, they are."""
    from manysides.compare.facts import _all_set_apart

    _, scores = _read(
        ("Ilsa Marrow, a student in Port Aldous, said she followed Mayor Jay Brenner online.", ""),
        ("The photo went to a student in Lindqvist. Mayor Jay Brenner followed the student online.", ""),
    )
    one, place, follow = scores.nodes
    key = {n.position: (n.article, n.sentence.index) for n in scores.nodes}
    both = [
        {key[one.position]: "Port Aldous", key[place.position]: "Lindqvist"},
        {key[one.position]: "she followed him", key[follow.position]: "he followed her"},
    ]
    assert _all_set_apart([one, place, follow], scores, both)
    assert not _all_set_apart([one, place, follow], scores, both[:1])  # "followed" stands agreed beside it
    # a conflict that gives two of its statements one value (37 ships in two outlets, 52 in a third): they agree
    agreed = [{key[one.position]: "37", key[place.position]: "37", key[follow.position]: "52"}]
    assert not _all_set_apart([one, place], scores, agreed)
    assert _all_set_apart([one, place, follow], scores, agreed)  # just the conflict's statements


def test_two_outlets_giving_one_figure_once_state_one_fact() -> None:
    """An editor's read found "$4 billion" to keep police on the streets listed as only one outlet's while another
    gave the same $4 billion for hiring police: one figure each outlet gives in one sentence only ties the two
    sentences into a fact, whatever else they say; a figure an article repeats, or a count under 100, does not."""
    from manysides.compare.pairs import pair_model

    _, scores = _read(
        (
            "As part of its plan, the council called on the state to act on an old proposal to spend $4.2 million to "
            "keep 150 harbour pilots at work.",
            "",
        ),
        ("Plus the mayor wants to commit $4.2 million to hiring more pilots, and to pass new mooring rules.", ""),
    )
    assert scores.prob[0, 1] >= pair_model().threshold
    _, again = _read(
        (
            "As part of its plan, the council called on the state to act on an old proposal to spend $4.2 million to "
            "keep 150 harbour pilots at work.",
            "",
        ),
        (
            "Plus the mayor wants to commit $4.2 million to hiring more pilots, and to pass new mooring rules. "
            "The $4.2 million would come from the port's reserves, the mayor told the council on Monday.",
            "",
        ),
    )
    assert again.prob[0, 1] < pair_model().threshold  # the figure twice in one article tells no one sentence
    # one day each outlet states once, in sentences close enough to be no one's own
    _, day = _read(
        ("The ferry company first warned the port board of cracks in the pier on March 3, 2031.", "2031-03-10"),
        ("Engineers told the board about the damaged pier on March 3, 2031, records show.", "2031-03-10"),
    )
    assert day.prob[0, 1] >= pair_model().threshold


def test_a_short_phrase_in_quotation_marks_is_no_one_s_quote() -> None:
    marked, quoted = _first_sentences(
        'Mayor Ilsa Marrow announced her decision to veto the bill on "harbour freedom" grounds.',
        '"We will veto this bill, whatever the council says," Mayor Ilsa Marrow said.',
    )
    assert not status_conflicts._quoted(marked)
    assert status_conflicts._quoted(quoted)
