# ruff: noqa: RUF001, RUF003 - the prefixes are Arabic and Hebrew by design
"""Place names in other languages and scripts read as the English name an article of the story gives.

"Damas", "دمشق", "בדמשק" and "Bağdat'ta" do not share a transliteration skeleton with their English names, and the short
skeleton of "بيروت" (brt) meets words by chance ("العبارات"), so places are matched by a list instead:
`data/exonyms.tsv`, written by `python -m benchmarks.geonames_exonyms` from CLDR territory names and GeoNames
alternate names of large cities. A spelling becomes a place only where another article of the story names that
place (in English, or by an exonym in another language), so a noisy alternate cannot make a place of a stray word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "exonyms.tsv"
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_UNCASED = re.compile(r"[\u0590-\u06ff]")
# Letters written joined to a word: Arabic "و" (and), "ف", "ب" (in), "ل" (to), "ك" with or without the article
# "ال" ("ولبنان", "بدمشق", "للبنان"); Hebrew "ו", "ה", "ב", "ל", "מ", "ש", "כ", up to two ("ובדמשק").
_ARABIC_PREFIX = re.compile(r"^(?:[وفبلك]?ال|لل|[وف]?[بلك]|[وف])")
_HEBREW_PREFIX = re.compile(r"^[והבלמשכ]{1,2}")
# French and Italian elision before a name ("d'Allemagne", "l'Irak"); Turkish case endings after one ("Şam'da").
_ELISION = re.compile(r"^(?:[dlDL]|qu|Qu)['\u2019](?=\w)")
_SUFFIX = re.compile(r"['\u2019]\w+$")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك"})
MAX_WORDS = 3


def place_key(text: str) -> str:
    """A spelling compared without case, accents, Arabic vowel marks, alef and yeh variants or the article."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    plain = " ".join(plain.translate(_FOLD).casefold().replace("\u2019", "'").split())
    return re.sub(r"^ال(?=\S)", "", plain) if _UNCASED.search(plain) else plain


@cache
def exonyms() -> dict[str, str]:
    """Place key of a spelling in another language -> the English name (`data/exonyms.tsv`)."""
    found: dict[str, str] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            spelling, english = line.split("\t")
            found[place_key(spelling)] = english
    for english in set(found.values()):  # "İstanbul'da", "Aleppo'da": the English spelling with a Turkish ending
        found.setdefault(place_key(english), english)
    return found


@dataclass(frozen=True)
class PlaceHit:
    """A run of words of a sentence that spells a place in another language, and the English name."""

    start: int
    end: int
    text: str
    english: str


def _first_forms(word: str) -> list[str]:
    """The first word of a run as written and without the letters joined before it (prefixes, elision)."""
    if _UNCASED.search(word):
        prefix = _HEBREW_PREFIX if re.search(r"[\u0590-\u05ff]", word) else _ARABIC_PREFIX
        match = prefix.match(word)
        return [word] + ([word[j:] for j in range(1, len(match.group()) + 1)] if match else [])
    bare = _ELISION.sub("", word)
    if not bare[:1].isupper():
        return []  # a place is capitalised in a cased script: "damas" (damask) is not Damascus
    return list(dict.fromkeys([word, bare]))


def _last_forms(word: str) -> list[str]:
    """The last word of a run as written and without a Turkish case ending ("Şam'da", "Suriye'nin")."""
    return list(dict.fromkeys([word, _SUFFIX.sub("", word)]))


def _english(words: list[str]) -> tuple[str, int, int]:
    """The English name a run of words spells, and the letters joined before and after it (or "", 0, 0)."""
    table = exonyms()
    for first in _first_forms(words[0]):
        for last in _last_forms(first) if len(words) == 1 else _last_forms(words[-1]):
            run = [last] if len(words) == 1 else [first, *words[1:-1], last]
            if (key := place_key(" ".join(run))) in table:
                lead = len(words[0]) - len(first)
                return table[key], lead, len(words[-1]) - len(last) - (lead if len(words) == 1 else 0)
    return "", 0, 0


def find_places(sentence: str) -> list[PlaceHit]:
    """Every longest run of up to three words that spells a place of the list (not yet confirmed)."""
    words = list(_WORD.finditer(sentence))
    hits: list[PlaceHit] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            run = words[i : i + n]
            if any(sentence[a.end() : b.start()].strip() for a, b in pairwise(run)):
                continue
            english, lead, trail = _english([w.group() for w in run])
            if english:
                start, end = run[0].start() + lead, run[-1].end() - trail
                hits.append(PlaceHit(start, end, sentence[start:end], english))
                i += n
                break
        else:
            i += 1
    return hits
