"""The specifics of an event (who, where, how many) as spelling-tolerant keys, without an NER model.

Names are capitalised words that the text never uses in lower case; each becomes a key that survives
transliteration (Ahmed/Ahmad, Turkey/Türkiye/Turkiye: ASCII, vowels dropped after the first letter,
doubled letters folded). Numbers of two or more digits (ages, counts, years, addresses) are keys too, with
thousands grouped either way ("2,400", "2.400") read as one number, so figures meet across languages.
Adjacent names also form a pair key (a full name is stronger evidence than a surname).
Content words form a second, looser channel for what happened. Full names and ages ("marks") are kept
apart as well: two reports that both name people or give ages, yet share none, are likely different events.
Street numbers ("the 4000 block of") are kept apart too, for the same reason: where exactly.
"""

from __future__ import annotations

import re
from collections import Counter

from manysides.stories.text import ascii_text, stable_hash

MAX_KEYS = 48
MAX_MARKS = 24
# Ages: "27-year-old", "Smith, 27, of", "aged 27".
_AGE = re.compile(r"\b(\d{1,3})[- ](?:years?|yrs?)[- ]old\b|(?<=[a-z]), (\d{1,2}),|\baged? (\d{1,3})\b")
# Street numbers: "the 4000 block of", "4012 Roebling Lane", "2500 N. Pinckney Avenue".
_ADDRESS = re.compile(
    r"\b(\d{2,5}) block of\b|\b(\d{2,5}) (?:[NSEW]\.? |North |South |East |West )?[A-Z][a-z]+ "
    r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Boulevard|Blvd|Court|Ct|Place|Way|Parkway|Highway)\b"
)
MAX_ADDRESSES = 8
_TOKEN = re.compile(r"[A-Za-z][A-Za-z']*|\d+(?:[.,]\d+)?")
_GROUPED = re.compile(r"\d{1,3}[.,]\d{3}")  # 2,400 and 2.400: thousands, whichever mark a language groups with
_VOWELS = re.compile(r"(?<=.)[aeiou]")
_REPEAT = re.compile(r"(.)\1+")
# Capitalised words that name nothing: sentence starters, titles, calendar words.
_COMMON = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "but",
        "and",
        "or",
        "if",
        "as",
        "of",
        "to",
        "after",
        "before",
        "when",
        "while",
        "where",
        "what",
        "who",
        "why",
        "how",
        "not",
        "no",
        "yes",
        "so",
        "then",
        "also",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "sgt",
        "officer",
        "police",
        "sheriff",
        "president",
        "minister",
        "prime",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "today",
        "yesterday",
        "tomorrow",
        "news",
        "said",
        "says",
        "according",
        "read",
        "more",
        "click",
        "photo",
        "video",
        "advertisement",
        "share",
    ]
)
_STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "has",
        "had",
        "were",
        "was",
        "been",
        "being",
        "will",
        "would",
        "could",
        "should",
        "they",
        "them",
        "their",
        "there",
        "what",
        "when",
        "where",
        "which",
        "while",
        "about",
        "after",
        "before",
        "into",
        "over",
        "under",
        "said",
        "says",
        "also",
        "than",
        "then",
        "more",
        "most",
        "some",
        "such",
        "only",
        "other",
        "just",
        "like",
        "been",
        "very",
        "what",
        "your",
        "year",
        "years",
        "told",
        "time",
        "people",
        "including",
        "according",
    ]
)


def name_key(word: str) -> str:
    """Spelling-tolerant form of a name: 'Ahmad' and 'Ahmed' -> 'ahmd', 'Turkiye' and 'Turkey' -> 'trky'."""
    return _ascii_name_key(ascii_text(word))


def _ascii_name_key(word: str) -> str:
    """name_key of a word already in ASCII (the tokens of specifics are)."""
    word = word.lower().removesuffix("'s").replace("'", "")
    if len(word) < 5:
        return word
    return _REPEAT.sub(r"\1", _VOWELS.sub("", word))


def _stem(word: str) -> str:
    """Crude plural folding so 'shootings' meets 'shooting'."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def specifics(text: str, *, converted: bool = False) -> tuple[Counter[int], Counter[int], Counter[int]]:
    """(names and numbers, content words, marks) of a text as hashed key -> count, each capped. `converted`: the
    text has been through ascii_text already (features convert it once for every signal)."""
    text = text if converted else ascii_text(text)
    tokens = _TOKEN.findall(text)
    lower_seen = {t for t in tokens if t.islower()}
    names: Counter[str] = Counter()
    content: Counter[str] = Counter()
    marks: Counter[str] = Counter("age " + next(g for g in m.groups() if g) for m in _AGE.finditer(text))
    previous = ""  # the name just before, so 'Jeffrey Pitts' also counts as one full name
    for token in tokens:
        name = ""
        if token[0].isdigit():
            digits = re.sub(r"[.,]", "", token) if _GROUPED.fullmatch(token) else token.replace(",", "")
            if len(digits.split(".")[0]) >= 2 or "." in digits:
                names["#" + digits] += 1
        elif token[0].isupper():
            low = token.lower()
            if len(low) >= 3 and low not in _COMMON and low.removesuffix("'s") not in lower_seen:
                name = _ascii_name_key(token)
                names[name] += 1
                if previous:
                    names[previous + " " + name] += 1
                    marks[previous + " " + name] += 1
        elif len(token) >= 4 and token not in _STOP:
            content[_stem(token.removesuffix("'s"))] += 1
        previous = name
    return _top(names, "n:"), _top(content, "w:"), _top(marks, "m:", MAX_MARKS)


def street_numbers(text: str, *, converted: bool = False) -> Counter[int]:
    """Street numbers of the addresses a text gives: two shootings in one city on one day differ in these."""
    text = text if converted else ascii_text(text)
    found = Counter(next(g for g in m.groups() if g) for m in _ADDRESS.finditer(text))
    return _top(found, "a:", MAX_ADDRESSES)


def _top(counts: Counter[str], prefix: str, limit: int = MAX_KEYS) -> Counter[int]:
    """The most frequent keys (first seen wins ties, as Counter keeps insertion order), hashed."""
    return Counter({stable_hash(prefix + key): n for key, n in counts.most_common(limit)})


AGE_KEYS = frozenset(stable_hash(f"m:age {n}") for n in range(1000))  # marks keys that are ages
# Content words of follow-up reports (court, sentencing, memorials): keys of `words`.
FOLLOW_UP_KEYS = frozenset(
    stable_hash("w:" + _stem(word))
    for word in (  # noqa: SIM905 - a word list reads best as words
        "trial sentenced sentencing sentence court jury verdict pleaded plea convicted conviction indicted "
        "indictment arraigned arraignment hearing judge prosecutor prison guilty acquitted lawsuit anniversary "
        "vigil memorial funeral"
    ).split()
)
