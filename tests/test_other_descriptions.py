"""A speaker told by a definite description ("reconnaît la chercheuse", "justificó el regidor", "sagt die
44-Jährige") is the one person of that sex the article named before, and no one else: two people of that sex, a
description of the other sex, someone new ("un militant associatif") or a noun of a thing keep the words as written.
The sentences are our own fictional writing."""

from __future__ import annotations

from manysides.understand.other_descriptions import description_sex
from manysides.understand.other_marks import words_in
from tests.helpers import credited_speakers


def test_a_description_is_the_one_person_of_its_sex_named_before() -> None:
    french = [
        "La biologiste Margaux Lerouge étudie depuis dix ans les abeilles du plateau de Valmont.",
        "Son équipe a compté les ruches de quarante communes.",
        "« Les colonies ont fondu de moitié », reconnaît la chercheuse, jointe par téléphone.",
    ]
    assert credited_speakers(french, "fr")[2] == ["Margaux Lerouge"]
    spanish = [
        "El alcalde, Rogelio Fuentes Arbós, anunció el miércoles nuevos cortes de agua.",
        "«No podemos jugar a la ruleta con el embalse», justificó el regidor.",
    ]
    assert credited_speakers(spanish, "es")[1] == ["Rogelio Fuentes Arbós"]
    german = [
        "Wenn Wiebke Albers über ihr neues Buch spricht, schaut sie aufs Wasser.",
        "„Ich schreibe über Menschen, die bleiben“, sagt die 51-Jährige.",
    ]
    assert credited_speakers(german, "de")[1] == ["Wiebke Albers"]


def test_the_sex_of_a_description_passes_over_a_title_of_the_other_sex() -> None:
    """ "la nouvelle maire" is the woman elected, not the man written beside "maire" before."""
    french = [
        "Le maire sortant Yannick Guéguen a perdu dimanche face à l'infirmière Sylvie Kerhervé.",
        "« C'est la victoire de tout un quartier », a lancé la nouvelle maire devant la mairie.",
    ]
    assert credited_speakers(french, "fr")[1] == ["Sylvie Kerhervé"]


def test_two_people_of_that_sex_leave_the_description_as_written() -> None:
    french = [
        "La biologiste Margaux Lerouge et la botaniste Hélène Pradier ont compté les ruches.",
        "« Les colonies ont fondu de moitié », reconnaît la chercheuse.",
    ]
    assert credited_speakers(french, "fr")[1] == ["chercheuse"]


def test_the_other_sex_or_someone_new_is_not_the_person_named() -> None:
    french = [
        "La biologiste Margaux Lerouge étudie les abeilles du plateau de Valmont.",
        "« Les ruches se vident », s'inquiète le chercheur.",
        "« On nous ignore », affirme un militant associatif.",
    ]
    credited = credited_speakers(french, "fr")
    assert credited[1] == ["chercheur"]
    assert "Margaux Lerouge" not in credited[2]


def test_a_noun_of_a_thing_or_an_indefinite_is_no_description_of_a_person() -> None:
    text = "Dans un communiqué, l'entreprise affirme avoir proposé une hausse."
    assert description_sex("entreprise", text, words_in(text), "fr") is None
    text = "«Esta lluvia no es ordinaria», comunicó la referida agencia."
    assert description_sex("referida agencia", text, words_in(text), "es") is None
    text = "« On nous ignore », affirme un militant associatif."
    assert description_sex("militant associatif", text, words_in(text), "fr") is None
    text = "« On nous ignore », affirme la sprinteuse."
    assert description_sex("sprinteuse", text, words_in(text), "fr") == "she"


def test_an_object_pronoun_before_the_cue_leaves_the_name_set_off_before_it() -> None:
    """ "Son entraîneur, Paul Agbodjan, la décrit": "la" is whom he describes, the name set off is the speaker."""
    french = [
        "La sprinteuse Inès Morvan court le 100 mètres en onze secondes.",
        "« Le chrono ne ment pas », sourit la sprinteuse.",
        "Son entraîneur depuis dix ans, Paul Agbodjan, la décrit comme « la plus perfectionniste » du groupe.",
    ]
    credited = credited_speakers(french, "fr")
    assert credited[1] == ["Inès Morvan"]
    assert credited[2] == ["Paul Agbodjan"]


def test_a_polish_noun_opening_the_sentence_is_the_person_its_title_stood_beside() -> None:
    """Polish has no article: "Pielęgniarka" is the nurse written, in another case, beside Joanna Wrzos, and the
    verb ("skarżyła") says a woman; a headline run into the sentence leaves the noun capitalised mid-sentence,
    which the article also writes in lower case, so it is no name."""
    polish = [
        "Szpital w Zalesiu przywróci do pracy zwolnioną pielęgniarkę Joanna Wrzos, jeśli usunie wpis.",
        "Pielęgniarka we wpisie skarżyła się na warunki pracy na oddziale.",
        "Zwolniona pielęgniarka bez pracy Pielęgniarka we wpisie skarżyła się na brak sprzętu.",
        "Pielęgniarka we wpisie skarżył się na warunki pracy na oddziale.",
    ]
    credited = credited_speakers(polish, "pl")
    assert credited[1] == ["Joanna Wrzos"]
    assert credited[2] == ["Joanna Wrzos"]
    assert credited[3] != ["Joanna Wrzos"]  # the verb says a man


def test_a_description_with_its_own_complement_is_someone_else() -> None:
    """ "le directeur de l'hôpital" says by itself who speaks: not the mayor named before."""
    french = [
        "Le maire Gilles Prigent a inauguré lundi l'aile neuve de l'hôpital de Kerlann.",
        "« Nous manquons encore de lits », a déclaré le directeur de l'hôpital.",
    ]
    assert "Gilles Prigent" not in credited_speakers(french, "fr")[1]
