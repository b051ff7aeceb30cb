"""Write src/manysides/understand/data/given_names_other.tsv: given names of the languages whose quotes are read
without a parser, so "sagte Albrecht" after "Richter Jens Albrecht", or "סיפר המאמן, עמית שגיא" can tell a
person's name from a noun or a title.

Run: `pip install -e '.[given-names]'` in the venv, then `python -m benchmarks.given_names`. Faker (MIT licence)
carries given names per locale for its fake people; its lists are public and written by hand, and no article of
any evaluation set was read to write this one. wordfreq's counts only test Arabic and Hebrew names (below). The
product reads only the file written here (neither package is a dependency). The English census list
(`first_names.txt`) is taken in too, under the same filters, so the readers outside English consult one list.

Kept: one-word names of three letters or more (Arabic vowel marks taken off), with the sex that bears each in the
lists ("he", "she", or "-" where both do). Left out: words that are stop words of any of these languages (spaCy's
lists), month and weekday names, and names of countries, territories and languages (CLDR through Babel: "August",
"Jordan", "Israel", "Georgia"), since those are words before they are names; and in Arabic and Hebrew, which
have no capitals to tell a name by, a frequent word about as common with the definite article as without it
(wordfreq: "رئيس" head / "الرئيس", "ים" sea / "הים"), since a noun takes the article and a given name does not.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from babel import Locale
from babel.dates import get_day_names, get_month_names

from manysides.understand.foreign_names import stop_words

DATA = Path(__file__).resolve().parents[1] / "src" / "manysides" / "understand" / "data"
OUT = DATA / "given_names_other.tsv"
CENSUS = DATA / "first_names.txt"
# Faker locales per language read without a parser (understand/data/speech_words_other.json)
LOCALES = {
    "de": ("de_DE", "de_AT", "de_CH"),
    "fr": ("fr_FR", "fr_BE", "fr_CH", "fr_CA"),
    "es": ("es_ES", "es_MX", "es_AR", "es_CO", "es_CL"),
    "pl": ("pl_PL",),
    "tr": ("tr_TR",),
    "ar": ("ar_AA", "ar_SA", "ar_PS", "ar_DZ"),
    "he": ("he_IL",),
}
_MARKS = re.compile(r"[\u064b-\u0652\u0670\u0640]")  # Arabic vowel marks, shadda, sukun, tatweel
_MIN_LETTERS = 3
ARTICLES = {"ar": "\u0627\u0644", "he": "\u05d4"}  # the definite article, written joined to its noun
_NOUN_MARGIN = 0.15  # zipf units: a word this close to its definite form's frequency is a noun
_FREQUENT = 5.0  # zipf: only a word this common is tested (a rare name's counts are too small to tell)


def faker_names(locale: str) -> dict[str, set[str]]:
    """Given name -> the sexes Faker's person provider of one locale gives it."""
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    found: dict[str, set[str]] = {}
    for attribute, sex in (("first_names_male", "he"), ("first_names_female", "she")):
        for name in getattr(provider, attribute, ()):
            found.setdefault(name, set()).add(sex)
    return found


def takes_the_article(word: str, language: str) -> bool:
    """Whether the word is about as common with the definite article as without it: a noun ("رئيس", head)."""
    from wordfreq import zipf_frequency

    bare = zipf_frequency(word, language)
    return bare >= _FREQUENT and zipf_frequency(ARTICLES[language] + word, language) >= bare - _NOUN_MARGIN


def common_words() -> set[str]:
    """Lower-cased words that are words before they are names: stop words, months, weekdays, countries, languages."""
    words: set[str] = set()
    for language in (*LOCALES, "en"):
        words |= stop_words(language)
        locale = Locale.parse(language)
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                words |= {m.lower() for m in get_month_names(width, context, language).values()}
                words |= {d.lower() for d in get_day_names(width, context, language).values()}
        for table in (locale.territories, locale.languages):
            words |= {w.lower() for name in table.values() for w in name.split() if len(name.split()) == 1}
    return words


def census_names() -> dict[str, set[str]]:
    """The English list the parser's readers use (`understand/data/first_names.txt`), capitalised."""
    rows = (line.split("\t") for line in CENSUS.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return {name.capitalize(): {sex} for name, sex in rows}


def main() -> None:
    common = common_words()
    sexes: dict[str, set[str]] = {}
    for name, found in census_names().items():
        if name.lower() not in common:
            sexes[name] = set(found)
    for language, locales in LOCALES.items():
        for locale in locales:
            for name, found in faker_names(locale).items():
                plain = _MARKS.sub("", name).strip()
                if " " in plain or len(plain) < _MIN_LETTERS or not plain.isalpha() or plain.lower() in common:
                    continue
                if language in ARTICLES and takes_the_article(plain, language):
                    continue
                sexes.setdefault(plain, set()).update(found)
    lines = [
        '# Given names of the languages read without a parser, and the sex that bears each ("-": both), from',
        "# Faker's person lists (MIT) and the English census list.",
        "# Written by `python -m benchmarks.given_names`; read by understand/given_names.py.",
    ]
    lines += [f"{name}\t{next(iter(s)) if len(s) == 1 else '-'}" for name, s in sorted(sexes.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(sexes)} names")


if __name__ == "__main__":
    main()
