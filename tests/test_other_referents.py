"""A speaker told short, as the full name the article gives it (`understand/other_referents.py`): inflected and
shortened names, a body by the first words of its name, a title the article wrote beside one person; and a credit
the fitted confidence does not trust (`understand/other_confidence.py`). Sentences written for these tests
(fictional towns, people and bodies)."""

from __future__ import annotations

import pytest

from manysides.understand.other_confidence import every_credit, model
from manysides.understand.other_referents import full_form, long_names, same_word
from tests.helpers import credited_speakers


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Kowalskiego", "Kowalski"),  # Polish genitive
        ("Marka", "Marek"),
        ("Grabca", "Grabiec"),  # a vowel dropped in the inflection
        ("Theaters", "Stadttheater"),  # the last part of a compound
        ("Anwalt", "Rechtsanwältin"),
        ("Powiatowej", "Powiatowa"),
    ],
)
def test_forms_of_one_word(short: str, full: str) -> None:
    assert same_word(short, full)


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Gewerkschaft", "Gewerkschaftschefin"),  # a union is not its chief: the first part of a compound
        ("mairie", "s'enthousiasmait"),  # a few letters inside a longer word
        ("Polizei", "Politik"),
    ],
)
def test_other_words(short: str, full: str) -> None:
    assert not same_word(short, full)


def test_names_run_through_short_connectors_but_a_person_ends_at_the_surname() -> None:
    sentences = [
        "Sprawą zajmuje się Komenda Powiatowa Policji w Zalesiu Wielkim.",
        "Na miejscu był także Piotr Nowak z Urzędu Gminy.",
    ]
    names = long_names(sentences, "pl")
    assert ["Komenda", "Powiatowa", "Policji", "w", "Zalesiu", "Wielkim"] in names
    assert ["Piotr", "Nowak"] in names
    assert not any(name[:2] == ["Piotr", "Nowak"] and len(name) > 2 for name in names)


def test_german_nouns_do_not_run_through_short_words() -> None:
    names = long_names(["Ein Nachbar hörte in der Nacht zum Sonntag einen Knall."], "de")
    assert not any("zum" in name for name in names)


def test_full_form_needs_one_fitting_name() -> None:
    names = [["Koleje", "Nadwarciańskie"], ["Marek", "Lis"], ["Urząd", "Miasta", "w", "Brzezinie"]]
    assert full_form("Koleje", names, "pl") == "Koleje Nadwarciańskie"
    assert full_form("Marka Lisa", names, "pl") == "Marek Lis"
    assert full_form("Urzędu Miasta", names, "pl") == "Urząd Miasta w Brzezinie"
    assert full_form("Ratusz", names, "pl") is None
    two = [["Koleje", "Nadwarciańskie"], ["Koleje", "Mazowieckie"]]
    assert full_form("Koleje", two, "pl") is None  # two railways: the short name says neither


def test_a_speaker_told_short_is_credited_by_the_full_name() -> None:
    polish = [
        "Od czerwca pociągi przestaną kursować, poinformowała w piątek spółka Koleje Nadwarciańskie.",
        "Według Komendy Powiatowej Policji w Zalesiu Wielkim sprawcy uciekli samochodem.",
        "Komenda Powiatowa Policji w Zalesiu Wielkim prowadzi śledztwo.",
    ]
    assert credited_speakers(polish, "pl")[1] == ["Komenda Powiatowa Policji w Zalesiu Wielkim"]
    german = [
        "Das Stadttheater Altenkamp zeigt im Herbst drei neue Stücke.",
        "Nach Angaben des Theaters sind die ersten Vorstellungen ausverkauft.",
    ]
    assert credited_speakers(german, "de")[1] == ["Stadttheater Altenkamp"]


def test_a_title_is_the_person_written_beside_it_but_not_the_body() -> None:
    german = [
        "Verkehrsministerin Sabine Roth-Eber besuchte am Montag den Bahnhof von Altenkamp.",
        "„Wer auf seinen Zug wartet, muss sich sicher fühlen“, sagte die Ministerin.",
        "Gewerkschaftschefin Marta Ilves sagte, die Beschäftigten forderten mehr Lohn.",
        "Nach Angaben der Gewerkschaft beteiligen sich 1.200 Arbeiter am Streik.",
    ]
    credited = credited_speakers(german, "de")
    assert credited[1] == ["Sabine Roth-Eber"]
    assert credited[3] == ["Gewerkschaft"]


def test_a_credit_likelier_wrong_than_right_is_dropped() -> None:
    """The fitted confidence (`other_confidence`, weights written by `benchmarks.quote_confidence --fit`) keeps the
    minister and drops "according to the official translation", a phrase of the clause, not a second source."""
    sentence = [
        "«No vamos a arriesgar ninguna vida», declaró en rueda de prensa el ministro de Puertos, Aksel Brandt, "
        "según la traducción oficial."
    ]
    with every_credit():
        assert credited_speakers(sentence, "es") == [["Aksel Brandt", "traducción oficial"]]
    assert credited_speakers(sentence, "es") == [["Aksel Brandt"]]
    assert model() is not None
