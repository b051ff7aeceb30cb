"""Given names in any of the languages read without a parser: Faker's lists of German, French, Spanish, Polish,
Turkish, Arabic and Hebrew names and the English census list, less words that are words before they are names
("August", "Israel"; `data/given_names_other.tsv`, written by `python -m benchmarks.given_names`). A known given
name is what tells "sagte Albrecht" (a person) from "sagte Gericht" where every noun takes a capital, and "עמית
שגיא" (a person) from "המאמן" (the coach) where no word does."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_LIST = Path(__file__).parent / "data" / "given_names_other.tsv"
_MARKS = re.compile(r"[\u064b-\u0652\u0670\u0640]")  # Arabic vowel marks and tatweel


def _key(word: str) -> str:
    """Lower case, Turkish dotted capital I folded ("İsmail" -> "ismail"), Arabic vowel marks taken off."""
    return _MARKS.sub("", word.replace("İ", "I")).lower()


@cache
def _other_names() -> dict[str, str]:
    rows = (line.split("\t") for line in _LIST.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return {_key(name): sex for name, sex in rows}


def is_given_name(word: str) -> bool:
    """Whether the word is a given name in English or one of the languages read without a parser."""
    return _key(word) in _other_names()


def given_sex(word: str) -> str | None:
    """ "he" or "she" for a given name one sex bears, else None."""
    sex = _other_names().get(_key(word))
    return sex if sex in ("he", "she") else None
