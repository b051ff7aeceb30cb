"""Name keys that make spellings of one name compare equal: Ahmed/Ahmad al-Sharaa, Turkiye/Turkey/Türkiye.

A key is the consonant skeleton of each word after transliteration, without Arabic article prefixes, so that
vowel variants of one transliterated name meet while different names stay apart.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from unidecode import unidecode

_PREFIX = re.compile(r"^(?:al|el|ad|ash|as|at|az|ar|an)-", re.IGNORECASE)
_SKIP_WORDS = frozenset({"the", "of", "and", "'s", "s", "mr", "mrs", "ms", "dr"})
_VOWELS = re.compile(r"[aeiouy]")
_DIGRAPHS = re.compile(r"(?<=.)(?:th|ph|kh|gh|dh)")


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """Consonant skeleton of one word, keeping its first letter: ahmed, ahmad -> ahmd; turkiye, turkey -> trk."""
    plain = re.sub(r"[^a-z]", "", unidecode(_PREFIX.sub("", word)).lower())
    plain = _DIGRAPHS.sub(lambda m: m.group()[0], plain)
    if not plain:
        return ""
    skeleton = plain[0] + _VOWELS.sub("", plain[1:])
    return re.sub(r"(.)\1+", r"\1", skeleton)


_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")  # "N.A.A.C.P.", "U.S.": an acronym written with stops


def name_words(name: str) -> list[str]:
    """Keys of the meaningful words of a name, possessives and honorifics dropped. An acronym written with stops
    is one word ("N.R.A." as "NRA"); initials before a name stay initials ("J.R. Ewing")."""
    if _DOTTED.fullmatch(name.strip()):
        name = name.replace(".", "")
    words = re.findall(r"[\w'\u2019-]+", name.replace("\u2019s", "").replace("'s", ""))
    return [key for word in words if word.lower() not in _SKIP_WORDS and (key := word_key(word))]


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Key of a whole name: equal keys mean the same name in another spelling. Cached: the conflict checks and
    entity merging ask for the same few hundred names tens of thousands of times a story."""
    return " ".join(name_words(name))


_FIRST_NAMES = Path(__file__).parent / "data" / "first_names.txt"


@cache
def _first_names() -> dict[str, str]:
    lines = _FIRST_NAMES.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


_NICKNAMES = Path(__file__).parent / "data" / "nicknames.txt"


@cache
def _formal_names() -> dict[str, str]:
    """Short form -> formal given name, lower case ("mitch" -> "mitchell")."""
    lines = _NICKNAMES.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return {short: formal for formal, shorts in rows for short in shorts.split()}


def formal_given_name(word: str) -> str | None:
    """The formal given name a short form stands for ("Mike" -> "michael"), lower case; None for any other word."""
    return _formal_names().get(word.lower())


def formal_first_name(word: str) -> str:
    """The formal first name behind a nickname ("mike" -> "michael"), lower case; the word itself otherwise."""
    return formal_given_name(word) or word.lower()


@cache
def _formal_keys() -> dict[str, str]:
    """The same table by word keys ("dck" -> "rchrd"), for code that holds only the keys of a name."""
    return {word_key(short): word_key(formal) for short, formal in _formal_names().items()}


def formal_key(key: str) -> str:
    """The key of the formal given name behind a nickname's key ("dck" for Dick -> "rchrd"); the key otherwise."""
    return _formal_keys().get(key, key)


def first_name_sex(name: str) -> str | None:
    """ "he" or "she" when the name's first word is a given name that one sex bears far more often
    (`data/first_names.txt`: "Nancy Pelosi" she, "Mike Pence" he, "Mitch McConnell" by "Mitchell"); None for a
    lone surname or an unknown name."""
    words = re.findall(r"[^\W\d_]+", name)
    return given_name_sex(words[0]) if len(words) >= 2 else None


def given_name_sex(word: str) -> str | None:
    """ "he" or "she" for a given name one sex bears far more often ("Michelle" she, "Mitch" he), else None."""
    given = word.lower()
    return _first_names().get(given) or _first_names().get(formal_given_name(given) or "")
