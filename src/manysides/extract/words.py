"""Language data the extractors and readers use: CLDR month names, minute units and relative-date words, and byline
lead words (written by benchmarks/cldr_words.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TypedDict


class RelativeWords(TypedDict):
    """One language's relative-date data (benchmarks/cldr_words.py says what each holds and where it comes from)."""

    days: dict[str, int]  # "ayer" -> -1
    weekdays: list[list[str]]  # Monday first, as CLDR writes them
    weekday_relative: dict[str, int]  # "el {0} pasado" -> -1
    units: dict[str, tuple[str, int]]  # "el mes pasado" -> ("month", -1)
    ago: dict[str, tuple[str, int | None]]  # "hace {0} días" -> ("day", None); "قبل يومين" -> ("day", 2)
    counts: dict[str, int]  # spelled-out counts for "{0}": "drei" -> 3
    bare_weekday: str  # "{0}", or "{0} günü"
    clitics: list[str]  # joined to the next word: Hebrew "ב"
    suffix: str  # a regular expression for suffixes the words take (Turkish)
    not_after: list[str]  # a day word after these is a noun ("esta mañana")
    not_before: list[str]  # ... and before these ("اليوم التالي")
    future: str  # a regular expression for future-tense cues


_DATA = json.loads((Path(__file__).with_name("data") / "cldr_words.json").read_text(encoding="utf-8"))
MONTHS: dict[str, int] = _DATA["months"]  # lower-cased name or abbreviation -> month number
MONTHS_WIDE: dict[str, int] = _DATA["months_wide"]  # full names only: safe in a text of unknown language
MONTH_PREFIXES: tuple[str, ...] = tuple(_DATA["month_prefixes"])  # joined to the name: Hebrew "ב"
MINUTE_WORDS: tuple[str, ...] = tuple(_DATA["minute_words"])  # "min", "Minuten", "dakika", "دقائق", "דקות"
# Per language (es, fr, de, tr, ar, he): CLDR's relative day words, "last <weekday>" templates, "last week" phrases,
# "N days ago" patterns and weekday names, with the few hand additions benchmarks/cldr_words.py documents.
RELATIVE: dict[str, RelativeWords] = _DATA["relative"]
# English "N days ago" patterns from CLDR and the counts written as words ("two" .. "twelve"), for the English reader.
ENGLISH_AGO: dict[str, dict] = _DATA["english_ago"]
# Per language: the words a byline opens with ("by", "por", "von", "بقلم", "מאת"); not CLDR, see the script. A final
# ":" means the colon is needed in running text ("Haber: X").
BYLINE_WORDS: dict[str, list[str]] = _DATA["byline_words"]
# Per language (fr, es, de, it, pt, nl, pl, tr, ar, he): numbers two to ninety-nine and the round hundreds written
# as words, keyed by their letters alone ("trentequatre", "otuzdört"); from num2words, see the script.
NUMBER_WORDS: dict[str, dict[str, int]] = _DATA["number_words"]
# ... and their ordinals, first to ninety-ninth, keyed the same way: "vingt et unième" is not twenty of something.
ORDINAL_WORDS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _DATA["ordinal_words"].items()}
# Full month names and weekday names of every language above, lower-cased: capitalised in some ("Şubat", "Cuma",
# "Monday"), they name a day, not anyone.
CALENDAR_WORDS: frozenset[str] = frozenset(MONTHS_WIDE) | {
    w.lower() for words in RELATIVE.values() for day in words["weekdays"] for w in day
}


def byline_lead(colon_needed: bool) -> str:
    """A regular expression for a byline's lead word in any language, with its colon and the space after it.

    `colon_needed`: words marked with ":" lead only with their colon (a text line); in an author field, where the
    words can only be a byline's, the colon is optional."""
    forms = []
    for word in sorted({w for words in BYLINE_WORDS.values() for w in words}, key=len, reverse=True):
        colon = r"\s*:" if word.endswith(":") and colon_needed else r"\s*:?"
        forms.append(r"\s+".join(re.escape(part) for part in word.rstrip(":").split()) + colon)
    return "(?:" + "|".join(forms) + r")\s+"
