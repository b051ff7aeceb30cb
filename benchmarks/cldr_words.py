"""Write src/manysides/extract/data/cldr_words.json: month names and minute units from CLDR (through Babel).

Run: `python -m benchmarks.cldr_words`. Month names: wide and abbreviated, in the format and the stand-alone
context, of the locales below, lower-cased with a final period dropped; a name that means different months in
two locales is left out (a date with it would be a guess). Minute words: the words of CLDR's minute unit
patterns ("4 min", "4 Minuten", "4 dakika", "٤ دقائق", "4 דקות"), which reading-time lines use.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from babel.dates import get_month_names
from babel.units import format_unit

OUT = Path(__file__).resolve().parents[1] / "src" / "manysides" / "extract" / "data" / "cldr_words.json"
# English and the languages news pages most often come in here; Levantine (ar_SY) and Maghreb (ar_MA, ar_DZ)
# Arabic name the months differently from the Egyptian and Gulf usage CLDR gives for "ar".
LOCALES = (
    "en", "fr", "de", "de_AT", "es", "es_PE", "it", "pt", "pt_PT", "nl",
    "tr", "ar", "ar_SY", "ar_MA", "ar_DZ", "he",
)  # fmt: skip
# Written joined to the month name: Hebrew "ב" ("in"): "5 בדצמבר 2026".
PREFIXES = ("ב",)
# In common use but not in CLDR: the French "fév." (CLDR has "févr.").
EXTRA_MONTHS = {"fév": 2}
_NOT_WORD = re.compile(r"[\d\s]+")


def month_names() -> dict[str, int]:
    found: dict[str, set[int]] = {}
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    key = " ".join(name.lower().rstrip(".").split())
                    found.setdefault(key, set()).add(number)
    for name, number in EXTRA_MONTHS.items():
        found.setdefault(name, set()).add(number)
    return {name: next(iter(months)) for name, months in sorted(found.items()) if len(months) == 1}


def minute_words() -> list[str]:
    """Words of the minute unit in every length and plural form; one-letter abbreviations ("m", "د") left out."""
    words: set[str] = set()
    for locale in LOCALES:
        for length in ("long", "short", "narrow"):
            for count in (1, 2, 3, 5, 11, 100):
                text = format_unit(count, "duration-minute", length=length, locale=locale)
                if not re.search(r"\d", text):
                    continue  # a spelled-out count ("שתי דקות"): its words are not the unit's
                for word in _NOT_WORD.split(text):
                    word = word.lower().rstrip(".")
                    if len(word) > 1:
                        words.add(word)
    return sorted(words)


def main() -> None:
    data = {
        "source": f"CLDR via Babel: {', '.join(LOCALES)}",
        "month_prefixes": list(PREFIXES),
        "months": month_names(),
        "minute_words": minute_words(),
    }
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['months'])} month names and {len(data['minute_words'])} minute words written to {OUT}")


if __name__ == "__main__":
    main()
