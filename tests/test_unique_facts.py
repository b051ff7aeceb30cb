"""Unique facts mean "no other outlet says this": a lead sentence that joins two of another outlet's sentences is
not unique, a sentence with news of its own is (fictional articles)."""

from __future__ import annotations

import numpy as np
from benchmarks.datasets import make_article

from manysides.compare.engine import compare_texts
from manysides.compare.pairs import pair_model
from manysides.compare.unique import UNIQUE_FEATURES, unique_probabilities
from manysides.present.briefing import Briefing
from manysides.understand import analyse_many

FIRST = (
    "The Varnley city council voted on Tuesday to close the Osterby ferry terminal after inspectors found cracks "
    "in its main pier. "
    "The vote was seven to two. "
    "Mayor Ilse Brandvik said the closure would last at least six months. "
    "Commuters will be carried by a temporary bus line along the coastal road. "
    "A local bakery owner, Tomas Feld, said his morning trade had already fallen by half since the pier was fenced."
)
SECOND = (
    "Inspectors found cracks in the main pier of the Osterby ferry terminal last month. "
    "On Tuesday, the Varnley city council voted to close the terminal. "
    "Mayor Ilse Brandvik said the closure would last at least six months. "
    "Commuters will ride a temporary bus line on the coastal road instead. "
    "The harbour authority plans to hire an outside engineering firm to design a new pier."
)


def _report():  # type: ignore[no-untyped-def]
    articles = [
        make_article("first", FIRST, outlet="varnley-post"),
        make_article("second", SECOND, outlet="coast-herald"),
    ]
    return compare_texts(analyse_many(articles))


def _kinds(report, words: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.kind for f in report.facts if any(words in s.text for s in f.statements)]


def test_a_joined_lead_is_not_unique_and_own_news_is() -> None:
    report = _report()
    # The first outlet's lead states what the second says in two sentences: not "only this outlet reports it".
    assert "unique" not in _kinds(report, "voted on Tuesday to close the Osterby")
    assert "unique" not in _kinds(report, "Inspectors found cracks in the main pier")
    # Each outlet's own material stays its own.
    assert _kinds(report, "Tomas Feld") == ["unique"]
    assert _kinds(report, "outside engineering firm") == ["unique"]


def test_shipped_unique_model_reads_its_features() -> None:
    model = pair_model().unique
    assert model is not None and len(model.weights) == len(UNIQUE_FEATURES) and 0.0 < model.bar < 1.0
    # A sentence with no close sentence elsewhere and none of its words covered is surely unique.
    alone = np.array([[1.0, -6.0, 0.1, 0.1, 0.0, 0.0, 1.0, 2.5]])
    assert unique_probabilities(alone, model)[0] >= model.bar


def test_a_fact_is_headed_by_its_shortest_full_sentence() -> None:
    """A fragment is short but says nothing of the fact: the shortest full sentence heads it."""
    from manysides.compare.facts import headline_of
    from manysides.records.report import Statement

    fragment = Statement(article="a", text="But no less a ferry.", sentence=3)
    full = Statement(article="b", text="The Veyra ferry stopped running on Monday.", sentence=1)
    longer = Statement(article="c", text="The ferry between Veyra and Lindhof stopped running on Monday morning.")
    assert headline_of([fragment, full, longer], [False, True, True]) == full
    assert headline_of([fragment, longer], [False, False]) == fragment
    assert headline_of([longer, full]) == full


def test_a_claim_on_a_condition_does_not_head_a_fact() -> None:
    """A claim on a condition ("if the council agrees, the pier would reopen") states no fact: another heads."""
    from manysides.compare.facts import conditional

    said = [
        "If the council agrees to the loan, it would be a major relief for the ferry's commuters.",
        "Officials said the pier would reopen in May if the repairs were paid for.",
    ]
    stated = [
        "The council agreed to the loan on Monday, officials said.",
        "If anything, the vote showed the council is split.",
        "The mayor said she would resign.",
    ]
    sentences = analyse_many([make_article("c", " ".join(said + stated), outlet="varnley-post")])[0].sentences
    assert [conditional(s) for s in sentences] == [True, True, False, False, False]


def test_a_sentence_an_article_repeats_is_one_unique_fact() -> None:
    repeated = "A second tug has been ordered for the winter season."
    articles = [
        make_article("first", FIRST + " " + repeated + " The ferry board meets again in March. " + repeated),
        make_article("second", SECOND, outlet="coast-herald"),
    ]
    report = compare_texts(analyse_many(articles))
    assert _kinds(report, "second tug") == ["unique"]
    # ... and the repeat is not counted among the sentences no list holds
    once = [make_article("first", FIRST + " " + repeated + " The ferry board meets again in March."), articles[1]]
    unplaced = [[o.unplaced for o in Briefing.of(r).outlets()] for r in (report, compare_texts(analyse_many(once)))]
    assert unplaced[0] == unplaced[1]


def test_someones_short_words_state_something_and_a_short_fragment_does_not() -> None:
    """Five words of someone's ("Everything but the pier, he added.") are a statement an outlet may have alone; five
    words of nobody's are a fragment or a heading."""
    from manysides.compare.facts import states_something

    text = (
        "\u201cThe board will pay for every repair,\u201d Oskar Pell said on Monday. "
        "Everything but the pier, he added. "
        "Then came the storm season."
    )
    sentences = analyse_many([make_article("c", text, outlet="varnley-post")])[0].sentences
    assert [states_something(s) for s in sentences] == [True, True, False]


def test_a_long_sentence_before_a_colon_states_something_and_a_short_lead_in_does_not() -> None:
    """ "The Ledger reported last week that ... a first in the port's history:" says something of its own and an
    editor's read found it in no list; "The Ledger reported:" only leads in to the quotation after it."""
    from manysides.compare.facts import states_something

    text = (
        "The Varnley Ledger reported last week that closing the old pier for a whole winter appears to be a first "
        "in the port's long history:\n\n"
        "\u201cNo one alive remembers the harbour this quiet.\u201d\n\n"
        "The Osterby Post reported:\n\n"
        "\u201cThe ferries will be back by March, the board says.\u201d"
    )
    sentences = analyse_many([make_article("d", text, outlet="varnley-post")])[0].sentences
    assert [states_something(s) for s in sentences] == [True, True, False, True]


def test_a_body_cut_short_still_states_its_last_sentence() -> None:
    """A text cut off before its last stop, or ending on an agency's initials, keeps its last sentence among its
    statements (and so in a list): only there does a missing stop not mark a heading or a fragment."""
    from manysides.compare.facts import states_something

    english = (
        "Ferry Strike Ends\n\nThe Varnley council reopened the Osterby ferry terminal on Friday. "
        "On the same day the harbour board renamed the old pier after Mayor Ilse Brandvik"
    )
    german = (
        "Der Stadtrat von Varnley hat am Freitag den Fähranleger von Osterby wieder geöffnet. "
        "Am selben Tag benannte der Hafenrat den alten Pier nach Bürgermeisterin Ilse Brandvik. ( ab/cd"
    )
    texts = analyse_many([make_article("en", english, outlet="varnley-post"), make_article("de", german)])
    assert [states_something(s) for s in texts[0].sentences] == [False, True, True]
    assert [states_something(s) for s in texts[1].sentences] == [True, True]
    report = compare_texts(texts[:1])
    assert any(f.kind == "unique" and "renamed the old pier" in f.statements[0].text for f in report.facts)


def test_sentences_no_fact_holds_are_counted_from_the_sentences_themselves() -> None:
    """A heading or fragment some fact holds does not stand in for a statement none holds: the count is of the
    article's statements left out (a repeat once), not of statements less the sentences placed."""
    from manysides.compare.engine import _unplaced
    from manysides.records.report import Fact, Statement

    text = analyse_many([make_article("first", "Ferry Strike\n\n" + FIRST, outlet="varnley-post")])[0]
    heading = next(s for s in text.sentences if s.text.startswith("Ferry Strike"))
    vote = next(s for s in text.sentences if s.text.startswith("The vote"))
    placed = [Statement(article="first", text=s.text, sentence=s.index) for s in (heading, vote)]
    left = _unplaced(text, [Fact(kind="shared", statements=placed)])
    assert len(left) == 4 and not any("vote was" in s.text.lower() for s in left)


def test_a_fact_is_headed_from_its_strongest_pair_not_a_shorter_statement_that_joined_it_later() -> None:
    """A statement that joined a fact at a weaker match may share only its topic; a reader takes the heading for
    the fact, so it comes from the two statements that match best."""
    import numpy as np

    from manysides.compare.facts import _strongest_pair
    from manysides.compare.pairs import Node, PairScores

    texts = analyse_many(
        [
            make_article("a", "The Varnley council closed the Osterby pier on Tuesday after inspectors found cracks."),
            make_article("b", "Inspectors found cracks, and the council closed the Osterby pier on Tuesday."),
            make_article("c", "The pier is old."),
        ]
    )
    nodes = [Node(k, t.sentences[0], k) for k, t in enumerate(texts)]
    prob = np.array([[0.0, 0.95, 0.6], [0.95, 0.0, 0.6], [0.6, 0.6, 0.0]])
    scores = PairScores(nodes=nodes, prob=prob, sources=["a", "b", "c"])
    assert _strongest_pair(scores, nodes, ["a", "b", "c"]) == {("a", 0), ("b", 0)}


def test_a_short_sentence_closed_by_any_languages_quotation_mark_states_something() -> None:
    """German closes a quotation on U+201C ("„Er muss gehen.“"), and a short sentence of a language without a parse
    ("Treize n'ont pas survécu.") still states a fact: neither may vanish from every list (the editor's read of
    the multilingual reports). Fictional sentences."""
    from manysides.compare.facts import states_something

    german_body = (
        "Drei H\u00e4ftlinge sind in der Nacht aus dem Gef\u00e4ngnis von Dravenholt geflohen. Die Polizei sucht "
        "seit dem Morgen mit Hunden nach den M\u00e4nnern. Die Gr\u00fcnen fordern den R\u00fccktritt des "
        "Ministers.\n\nKern sagte: \u201eDer Minister muss jetzt gehen.\u201c"
    )
    french_body = (
        "Trente-quatre globic\u00e9phales se sont \u00e9chou\u00e9s samedi sur la plage de Tazrit. Les "
        "p\u00eacheurs les ont d\u00e9couverts \u00e0 l'aube et ont alert\u00e9 les secours.\n\n"
        "Treize n'ont pas surv\u00e9cu."
    )
    german, french = analyse_many(
        [
            make_article("de", german_body, outlet="Nordpost").model_copy(update={"language": "de"}),
            make_article("fr", french_body, outlet="La Vigie").model_copy(update={"language": "fr"}),
        ]
    )
    assert german.article.language == "de" and french.article.language == "fr"
    assert states_something(german.sentences[-1])
    assert states_something(french.sentences[-1])


def test_a_short_statement_is_in_some_list() -> None:
    """ "Zginęło dwóch górników." (two miners died) is three words: too short to stand as an outlet's own fact,
    yet the report lists it among what the article states that no fact holds, never in no list at all (the
    editor's multilingual read). Fictional mine."""
    from manysides.compare.engine import compare

    polish = make_article(
        "pl", "W kopalni Wierzbno doszło w nocy do wybuchu metanu.\n\nZginęło dwóch górników.", outlet="gornik.example"
    )
    english = make_article("en", "A methane blast hit the Wierzbno mine overnight.", outlet="ledger.example")
    report = compare([polish.model_copy(update={"language": "pl"}), english])
    listed = {s.text for a in report.articles for s in a.unplaced_statements}
    listed |= {s.text for f in report.facts for s in f.statements}
    assert "Zginęło dwóch górników." in listed
