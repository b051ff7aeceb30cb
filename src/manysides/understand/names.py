"""Name keys that make spellings of one name compare equal: Ahmed/Ahmad al-Sharaa, Turkiye/Turkey/Türkiye.

A key is the consonant skeleton of each word after transliteration, without Arabic article prefixes, so that
vowel variants of one transliterated name meet while different names stay apart.
"""

from __future__ import annotations

import re

from unidecode import unidecode

_PREFIX = re.compile(r"^(?:al|el|ad|ash|as|at|az|ar|an)-", re.IGNORECASE)
_SKIP_WORDS = frozenset({"the", "of", "and", "'s", "s", "mr", "mrs", "ms", "dr"})
_VOWELS = re.compile(r"[aeiouy]")
_DIGRAPHS = re.compile(r"(?<=.)(?:th|ph|kh|gh|dh)")


def word_key(word: str) -> str:
    """Consonant skeleton of one word, keeping its first letter: ahmed, ahmad -> ahmd; turkiye, turkey -> trk."""
    plain = re.sub(r"[^a-z]", "", unidecode(_PREFIX.sub("", word)).lower())
    plain = _DIGRAPHS.sub(lambda m: m.group()[0], plain)
    if not plain:
        return ""
    skeleton = plain[0] + _VOWELS.sub("", plain[1:])
    return re.sub(r"(.)\1+", r"\1", skeleton)


def name_words(name: str) -> list[str]:
    """Keys of the meaningful words of a name, possessives and honorifics dropped."""
    words = re.findall(r"[\w'\u2019-]+", name.replace("\u2019s", "").replace("'s", ""))
    return [key for word in words if word.lower() not in _SKIP_WORDS and (key := word_key(word))]


def name_key(name: str) -> str:
    """Key of a whole name: equal keys mean the same name in another spelling."""
    return " ".join(name_words(name))
