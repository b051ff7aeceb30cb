"""Given names of the languages read without a parser (`understand/given_names.py`): names from each list, and the
words the list leaves out because they are words before they are names."""

from __future__ import annotations

import pytest

from manysides.understand.given_names import given_sex, is_given_name


@pytest.mark.parametrize("name", ["Jens", "Hélène", "Jakub", "İsmail", "Aylin", "سامر", "עמית", "Nancy"])
def test_given_names_of_every_language_are_known(name: str) -> None:
    assert is_given_name(name)


@pytest.mark.parametrize("word", ["August", "Jordan", "Israel", "Gericht", "der", "مدير"])
def test_months_countries_and_nouns_are_no_given_names(word: str) -> None:
    assert not is_given_name(word)


def test_sex_only_where_one_sex_bears_the_name() -> None:
    assert given_sex("Joanna") == "she" and given_sex("Jens") == "he" and given_sex("Deniz") is None
