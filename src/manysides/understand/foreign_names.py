"""Names in articles the English parser cannot read, kept only where another language's article gives them too.

No named-entity model for other languages ships in a wheel, so a name is found by its shape and confirmed across
languages: in Latin (and other cased) scripts a run of capitalised words, its language's stop words set aside
("Fue", "Die"); in Arabic and Hebrew, which have no capitals, any run of up to three words. A candidate becomes a
name only when its transliteration skeleton (`script_key`) meets a name of an article in another language: an
English entity, or a candidate of another language. German nouns, sentence-initial words and function words
rarely meet a name, so they do not become entities; names no other language gives are not read (the report's
notes say so).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from unidecode import unidecode

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
CONNECTORS = frozenset({"al", "el", "de", "del", "la", "von", "van", "der", "da", "di", "du", "bin", "ben", "ibn"})
_UNCASED = re.compile(r"[\u0590-\u06ff]")  # Hebrew and Arabic letters
_ARABIC_PREFIX = re.compile(r"^(?:[\u0648\u0641\u0628\u0644\u0643]?\u0627\u0644|[\u0648\u0641\u0628\u0644\u0643])")
_ARABIC_ARTICLE = re.compile(r"^\u0627\u0644")
_LATIN_ARTICLE = re.compile(r"^(?:al|el|ad|ash|as|at|az|ar|an)-")
# Spellings that transliterations of one sound vary between; folded on both sides: "Charaa" / "Scharaa" /
# "Sharaa", "Marcu" / "ماركو" (mrkw), "Soltavik" / "سولتافيك" (swltfyk).
_FOLDS = (("sch", "s"), ("ch", "s"), ("sh", "s"), ("kh", "k"), ("ph", "f"), ("th", "t"), ("dh", "d"), ("gh", "g"))
_LETTERS = str.maketrans({"c": "k", "q": "k", "v": "f", "p": "b"})
_MIN_KEY = 3  # letters a name's skeleton must have: shorter ones ("ln", Elena) meet words by chance
# One word in Arabic or Hebrew needs a longer skeleton: the letters left out of a skeleton (short vowels, "ع") make
# three-letter ones meet common words ("العبارات", the ferries, meets Beirut, brt; "طارق" Turkey, "بدأنا" Biden);
# places come through the exonym list instead (`exonyms`).
_MIN_UNCASED_WORD_KEY = 4
_MAX_WORDS = 3
# Languages that capitalise every noun: two of their articles share capitalised nouns, not only names, and a
# capital there names nobody in particular.
NOUNS_CAPITALISED = frozenset({"de", "lb"})


def _word_key(word: str) -> str:
    """Consonant skeleton of one word across scripts: Youssef, Yusuf and يوسف -> "sf"; al-Haddad, الحداد -> "hd"."""
    if word.lower() in CONNECTORS:
        return ""
    word = _ARABIC_ARTICLE.sub("", word)
    plain = re.sub(r"[^a-z]", "", _LATIN_ARTICLE.sub("", unidecode(word).lower()))
    for a, b in _FOLDS:
        plain = plain.replace(a, b)
    plain = re.sub(r"[aeiouwy]", "", plain.translate(_LETTERS))
    plain = re.sub(r"(?<=[^h])h", "", plain)  # a breathing after a consonant: "Rehn" / "رين"
    return re.sub(r"(.)\1+", r"\1", plain)


def script_key(name: str) -> str:
    """Key of a name in any script; equal keys mean one name in two scripts or transliterations."""
    return " ".join(k for w in _WORD.findall(name) if (k := _word_key(w)))


@cache
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop-word list for the language (shipped with spaCy), empty where it has none."""
    if not re.fullmatch(r"[a-z]{2,3}", language):
        return frozenset()
    try:
        module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(w.lower() for w in module.STOP_WORDS)


@dataclass(frozen=True)
class Candidate:
    """A run of words that may be a name: its span in the sentence and its key."""

    start: int
    end: int
    text: str
    key: str


def _runs(text: str, language: str) -> list[list[re.Match[str]]]:
    """Runs of capitalised words, connectors inside them ("Yusuf al Haddad"), stop words left out. A word with a
    case ending ends its run: the ending closes the name it is written on ("Hasan Demir'in Konya'da" is Hasan
    Demir's, in Konya: two names)."""
    stops = stop_words(language.split("-")[0].lower())
    runs: list[list[re.Match[str]]] = [[]]
    for match in _WORD.finditer(text):
        word = match.group()
        capital = _LATIN_ARTICLE.sub("", word)[:1].isupper() and word.lower() not in stops
        adjacent = (
            bool(runs[-1])
            and not text[runs[-1][-1].end() : match.start()].strip()
            and _name_end(runs[-1][-1]) == runs[-1][-1].end()
        )
        if capital or (adjacent and word.lower() in CONNECTORS):
            if not adjacent:
                runs.append([])
            runs[-1].append(match)
        elif runs[-1]:
            runs.append([])
    trimmed = []
    for run in runs:
        while run and run[-1].group().lower() in CONNECTORS:
            run = run[:-1]
        if run:
            trimmed.append(run)
    return trimmed


def uncased(text: str) -> bool:
    """Whether the text is written in a script without capitals (Arabic, Hebrew)."""
    return bool(_UNCASED.search(text))


def _uncased_runs(text: str) -> list[list[re.Match[str]]]:
    """Every word of an uncased script, as one run (names are found as sub-runs of it)."""
    words = [m for m in _WORD.finditer(text) if _UNCASED.search(m.group())]
    return [words] if words else []


def _arabic_key(word: str, stops: frozenset[str]) -> list[str]:
    """Keys of an Arabic word as written and without a leading conjunction, preposition or article; none for a
    stop word ("في", "على") or a word that leaves no consonant."""
    forms = (word, _ARABIC_PREFIX.sub("", word))
    if any(form in stops for form in forms):
        return []
    return list(dict.fromkeys(k for form in forms if (k := _word_key(form))))


def candidates(text: str, language: str) -> list[Candidate]:
    """Every sub-run of up to three words of the sentence's possible names, with each key it may have."""
    caseless = uncased(text)
    stops = stop_words(language.split("-")[0].lower())
    found = []
    for run in _uncased_runs(text) if caseless else _runs(text, language):
        ends = [m.end() if caseless else _name_end(m) for m in run]
        keys = [
            _arabic_key(m.group(), stops) if caseless else [_word_key(text[m.start() : e])]
            for m, e in zip(run, ends, strict=True)
        ]
        for i in range(len(run)):
            for j in range(i + 1, min(i + _MAX_WORDS, len(run)) + 1):
                if not caseless and {run[i].group().lower(), run[j - 1].group().lower()} & CONNECTORS:
                    continue
                if caseless and not all(keys[i:j]):
                    continue
                for key in _combinations(keys[i:j]):
                    shortest = _MIN_UNCASED_WORD_KEY if caseless and j == i + 1 else _MIN_KEY
                    if len(key.replace(" ", "")) >= shortest:
                        span = text[run[i].start() : ends[j - 1]]
                        found.append(Candidate(run[i].start(), ends[j - 1], span, key))
    return found


_CASE_ENDING = re.compile(r"['\u2019][^\W\d_]{1,5}$")  # Turkish "Dilek'in", English "Feld's"


def case_ended(word: str) -> bool:
    """Whether a name's word carries a case ending or possessive after an apostrophe, in lower case ("Dilek'in",
    "Konya'da"; not "O'Brien"): the ending closes the name."""
    ending = _CASE_ENDING.search(word)
    return ending is not None and ending.group()[1:].islower() and ending.start() >= 2


def _name_end(word: re.Match[str]) -> int:
    """Where a name's word ends: before a case ending or possessive written after an apostrophe in lower case
    ("Dilek'in" is Dilek), so the name keys and shows as itself ("O'Brien", "D'Alema" keep theirs)."""
    if not case_ended(word.group()):
        return word.end()
    return word.start() + _CASE_ENDING.search(word.group()).start()


def _combinations(keys: list[list[str]]) -> Iterable[str]:
    combos = [""]
    for options in keys:
        combos = [f"{c} {k}".strip() for c in combos for k in options or [""]]
    combos = [" ".join(c.split()) for c in combos]
    return combos


def confirmed(found: list[Candidate], known: set[str]) -> list[Candidate]:
    """The longest non-overlapping candidates whose key meets a known name's key."""
    hits = sorted((c for c in found if c.key in known), key=lambda c: (-(c.end - c.start), c.start))
    kept: list[Candidate] = []
    for c in hits:
        if not any(c.start < k.end and k.start < c.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)
