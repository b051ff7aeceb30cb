# ruff: noqa: RUF001, RUF002, RUF003 - the word lists are Turkish, French, Arabic and Hebrew by design
"""Write src/manysides/extract/data/cldr_words.json: month names, minute units and relative-date words from CLDR
(through Babel), and the few byline lead words CLDR does not have.

Run: `python -m benchmarks.cldr_words`. Month names: wide and abbreviated, in the format and the stand-alone
context, of the locales below, lower-cased with a final period dropped; a name that means different months in
two locales is left out (a date with it would be a guess). Minute words: the words of CLDR's minute unit
patterns ("4 min", "4 Minuten", "4 dakika", "٤ دقائق", "4 דקות"), which reading-time lines use.
Relative dates, per language of RELATIVE_LANGUAGES: CLDR's relative day words ("ayer", "gestern", "أمس"), its
"last/this/next <weekday>" phrases turned into templates ("el {0} pasado", "letzten {0}"), its "last/this/next
week/month/year" phrases and its "N days/weeks/months/years ago" patterns ("hace {0} días", "לפני {0} ימים");
beside them the weekday names (wide, both contexts). The hand additions below each say where they come from.
Number words from two to twelve ("drei", "trois", "üç", "ثلاثة", "שלושה") read as the count of those "ago"
patterns ("vor drei Tagen"): CLDR has no spelled-out numbers, so they come from num2words, in both genders where
the language agrees the number with the counted unit (see count_words).
Number words from two to ninety-nine and the round hundreds ("trente-quatre", "treinta y cuatro", "otuz dört"),
per language of NUMBER_LANGUAGES, for reading figures in running text outside English (see number_words); each is
keyed by its letters alone, so "otuzdört" (num2words) meets "otuz dört" (news copy); and the ordinals, so that
"vingt et unième" is not read as twenty (see ordinal_words).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from babel import Locale
from babel.dates import get_day_names, get_month_names
from babel.units import format_unit
from num2words import num2words

OUT = Path(__file__).resolve().parents[1] / "src" / "manysides" / "extract" / "data" / "cldr_words.json"
# English and the languages news pages most often come in here; Levantine (ar_SY) and Maghreb (ar_MA, ar_DZ)
# Arabic name the months differently from the Egyptian and Gulf usage CLDR gives for "ar".
LOCALES = (
    "en", "fr", "de", "de_AT", "es", "es_PE", "it", "pt", "pt_PT", "nl",
    "pl", "tr", "ar", "ar_SY", "ar_MA", "ar_DZ", "he",
)  # fmt: skip
# Written joined to the month name: Hebrew "ב" ("in"): "5 בדצמבר 2026".
PREFIXES = ("ב",)
# In common use but not in CLDR: the French "fév." (CLDR has "févr.").
EXTRA_MONTHS = {"fév": 2}
_NOT_WORD = re.compile(r"[\d\s]+")

# Relative dates are read in these languages (English keeps its own reader in understand/dates.py).
RELATIVE_LANGUAGES = ("es", "fr", "de", "tr", "ar", "he")
UNITS = ("day", "week", "month", "year")
# Not in CLDR, but how news copy says it (grammar references: the "pasado/próximo" and "vergangen/kommend"
# adjectives before the noun, Arabic "المقبل" ("coming") beside CLDR's "القادم", Turkish "önümüzdeki" ("ahead")
# beside CLDR's "gelecek", Arabic "العام" beside CLDR's "السنة" for "year").
EXTRA_WEEKDAY_RELATIVE = {
    "es": {"el pasado {0}": -1},
    "fr": {"{0} passé": -1},
    "de": {"vergangenen {0}": -1, "kommenden {0}": 1},
    "tr": {"önümüzdeki {0}": 1},
    "ar": {"{0} المقبل": 1, "{0} المقبلة": 1, "{0} الماضية": -1},
}
EXTRA_UNITS = {
    "es": {"la semana que viene": ["week", 1], "el mes que viene": ["month", 1], "el año que viene": ["year", 1]},
    "fr": {"la semaine passée": ["week", -1], "l’an dernier": ["year", -1], "l’an prochain": ["year", 1]},
    "de": {
        "vergangene Woche": ["week", -1], "kommende Woche": ["week", 1], "vergangenen Monat": ["month", -1],
        "kommenden Monat": ["month", 1], "vergangenen Jahr": ["year", -1], "vergangenes Jahr": ["year", -1],
        "kommenden Jahr": ["year", 1], "kommendes Jahr": ["year", 1],
    },
    "tr": {"önümüzdeki hafta": ["week", 1], "önümüzdeki ay": ["month", 1], "önümüzdeki yıl": ["year", 1]},
    "ar": {
        "الأسبوع المقبل": ["week", 1], "الشهر المقبل": ["month", 1], "العام الماضي": ["year", -1],
        "العام الحالي": ["year", 0], "العام المقبل": ["year", 1], "العام القادم": ["year", 1],
        "السنة المقبلة": ["year", 1],
    },
}  # fmt: skip
# A bare weekday ("on Tuesday") as news copy writes it, where the name alone would also be a common word: in
# Turkish "pazar" is also "market" and "cuma" the Friday prayer, so the day needs "günü" ("salı günü").
BARE_WEEKDAY = {"tr": "{0} günü"}
# One-letter clitics written joined to the next word: Hebrew "ו" ("and"), "ב" ("on"); Arabic "و", "ف" ("and"),
# "ب"/"بال" ("on", "on the": "بالأمس").
CLITICS = {"he": ["ו", "ב", "וב"], "ar": ["و", "ف", "ب", "بال", "وبال"]}
# Turkish case and relative suffixes a time word takes ("dünkü", "geçen haftanın", "bugünden"), as a regular
# expression; other languages write these words bare.
SUFFIXES = {"tr": "(?:[’']?(?:k[iıuü]|n?[ıiuü]n|[dt][ae]n?))?"}
# A relative day word that is a noun after these words or before these ones: Spanish "esta mañana" ("this
# morning"), Arabic "اليوم التالي" ("the following day"), Hebrew "היום שבו" ("the day when").
NOT_AFTER = {"es": ["la", "esta", "una", "cada", "misma", "media"]}
NOT_BEFORE = {
    "ar": ["التالي", "نفسه", "ذاته", "الأول", "الثاني", "الأخير", "الواحد", "العالمي", "الوطني", "الذي"],
    "he": ["שבו", "שלמחרת", "הראשון", "השני", "האחרון", "שבה"],
}
# Tense cues that a clause speaks of the future, so a bare weekday near one names the coming day (grammar
# references): the future endings of Spanish ("-rá", "-rán") and French ("-era", "-ira", "-ront"...), the
# periphrastic "ir a"/"aller" and French "doit" ("is to"); German "wird/werden", "soll"; the Turkish future suffix
# "-ecek/-acak"; Arabic "سوف" and "من المقرر/المتوقع" ("it is scheduled/expected"); Hebrew "צפוי" ("expected"),
# "עתיד" ("is to"), "אמור" ("supposed to"); and in each the participle "planned/scheduled" ("previsto",
# "prévu", "geplant", "מתוכנן"). Regular expressions, matched case-insensitively.
FUTURE_CUES = {
    "es": r"\b\w{2,}(?:rá|rán)\b|\b(?:va|van|vamos) a\b|\b(?:previst|programad)[oa]s?\b",
    "fr": r"\b\w+(?:e|i|d|u|r)ra\b|\b\w+ront\b|\b(?:va|vont) \w+(?:er|ir|re)\b|\b(?:doit|doivent|prévue?s?)\b",
    "de": r"\b(?:wird|werden|soll|sollen|geplant|angesetzt)\b",
    "tr": r"\b\w{2,}(?:ecek|acak|eceğ|acağ)\w*|\bplanlan\w*",
    "ar": r"سوف|من المقرر|من المتوقع|من المنتظر",
    "he": r"(?<!\w)(?:צפוי|צפויה|צפויים|צפויות|עתיד|עתידה|עתידים|עתידות|אמור|אמורה|אמורים|אמורות|מתוכננ\w*)(?!\w)",
}
# Byline lead words, lower-cased ("By Jane Doe"). Not in CLDR: taken from how news sites in each language sign
# articles (the test pages in tests/data/multilingual_pages follow the same usage): es/pt "por", fr "par",
# de "von", it "di", nl "door", id "oleh"; Turkish "haber" ("news"), "muhabir" ("reporter"; "yazan", "written
# by", is left out: it is also a given name, "Yazan Haddad"); Arabic "بقلم" ("by the pen of"), "كتب"/"كتبت"
# ("wrote"), "بواسطة" ("by"); Hebrew "מאת" ("by").
# A final ":" means the word leads a byline in running text only with its colon: "Haber: X" (but "Haber
# Merkezi", the news desk), "كتب: X" (but "كتب الوزير أن", "the minister wrote that").
BYLINE_WORDS = {
    "en": ["by", "written by", "reported by", "posted by", "words by"],
    "es": ["por", "escrito por"], "pt": ["por"], "fr": ["par"], "de": ["von"], "it": ["di"], "nl": ["door"],
    "id": ["oleh"], "tr": ["haber:", "muhabir:"], "ar": ["بقلم", "كتب:", "كتبت:", "بواسطة"],
    "he": ["מאת"],
}  # fmt: skip


def month_names(widths: tuple[str, ...] = ("wide", "abbreviated")) -> dict[str, int]:
    found: dict[str, set[int]] = {}
    for locale in LOCALES:
        for width in widths:
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


def _weekday_names(locale: str) -> list[list[str]]:
    """Monday first: each weekday's wide names (format and stand-alone), as CLDR writes them."""
    names: list[list[str]] = [[] for _ in range(7)]
    for context in ("format", "stand-alone"):
        for number, name in get_day_names("wide", context, locale).items():
            if name not in names[number]:
                names[number].append(name)
    return names


def _template(phrase: str, names: list[str]) -> str | None:
    """ "el martes pasado" -> "el {0} pasado": the phrase with its weekday name replaced."""
    for name in names:
        found = re.search(re.escape(name), phrase, re.IGNORECASE)
        if found:
            return phrase[: found.start()] + "{0}" + phrase[found.end() :]
    return None


_FIELDS = {0: "mon", 1: "tue", 2: "wed", 3: "thu", 4: "fri", 5: "sat", 6: "sun"}
COUNT_RANGE = range(2, 13)  # "one" is also the article ("un", "ein", "bir"); past twelve, news writes digits


def count_words(language: str) -> dict[str, int]:
    """Spelled-out counts of one language. Hebrew numbers take the counted noun's gender (num2words gives either);
    Arabic three to ten take the opposite gender's ending (ثلاثة أيام, ثلاث سنوات): the form without the ة too."""
    words: dict[str, int] = {}
    for value in COUNT_RANGE:
        forms = [num2words(value, lang=language)]
        if language == "he":
            forms = [num2words(value, lang=language, gender=g) for g in ("m", "f")]
        if language == "ar" and 3 <= value <= 10 and forms[0].endswith("ة"):
            forms.append(forms[0][:-1])
        for form in forms:
            words.setdefault(form, value)
    return words


NUMBER_LANGUAGES = ("fr", "es", "de", "it", "pt", "nl", "pl", "tr", "ar", "he")
NUMBER_RANGE = [*range(2, 100), *range(100, 1000, 100)]  # "one" is an article; news writes larger ones in digits


def number_key(words: str) -> str:
    """A number word's letters alone, lower-cased: "trente-quatre" and "trente quatre" are one key."""
    return "".join(c for c in words.lower() if c.isalpha())


def _arabic_forms(written: str) -> list[str]:
    """An Arabic number as num2words writes it and in the forms running text also takes: three to ten without the
    ة the counted noun's gender drops (ثلاث سنوات), and the tens in the accusative and genitive, -ين for -ون
    (عشرين شخصا)."""
    units = {num2words(v, lang="ar") for v in range(3, 11)}
    forms = [written]
    forms.append(" ".join(w[:-1] if w in units else w for w in written.split()))
    forms += [" ".join(w[:-2] + "ين" if w.endswith("ون") else w for w in f.split()) for f in forms]
    return forms


_TURKISH_FRONT = frozenset("eiöü")
_TURKISH_HARD = frozenset("çfhkpsşt")
# Words of other meanings when a case ending joins them: "ona" (to him), "altında" (under).
_TURKISH_NO_CASES = frozenset({"on", "altı"})


def _turkish_forms(written: str) -> list[str]:
    """A Turkish number as written and with the case endings news gives counts ("ölü sayısı üçe yükseldi", rose to
    three): dative, locative and ablative, in the vowel harmony of its last vowel, with "y" after a vowel and the
    final "t" of "dört" softened before a vowel."""
    last = written.split()[-1]
    if last in _TURKISH_NO_CASES:
        return [written]
    vowels = [c for c in last if c in "aeıioöuü"]
    front = bool(vowels) and vowels[-1] in _TURKISH_FRONT
    e, d = ("e", "d") if front else ("a", "d")
    hard = last[-1] in _TURKISH_HARD
    stem = written[:-1] + "d" if written.endswith("dört") else written
    dative = (written + "y" + e) if last[-1] in "aeıioöuü" else stem + e
    locative = written + ("t" if hard else d) + e
    return [written, dative, locative, locative + "n"]


def number_words(language: str) -> dict[str, int]:
    """Spelled-out numbers of one language, by `number_key`: both genders where num2words gives them (Hebrew),
    Arabic's other forms (`_arabic_forms`) and Turkish's case endings (`_turkish_forms`)."""
    words: dict[str, int] = {}
    for value in NUMBER_RANGE:
        forms = [num2words(value, lang=language)]
        if language == "he":
            forms = [num2words(value, lang=language, gender=g) for g in ("m", "f")]
        if language == "ar":
            forms = _arabic_forms(forms[0])
        if language == "tr":
            forms = _turkish_forms(forms[0])
        for form in forms:
            words.setdefault(number_key(form), value)
    return words


def ordinal_words(language: str) -> list[str]:
    """Ordinals of one language from first to ninety-ninth, by `number_key`, so that a number word that opens one
    ("vingt et unième", Turkish "on ikinci", Arabic "الثانية عشرة") is not read as a count. Arabic ordinals
    take the article and agree in gender (num2words gives the bare masculine): those forms too, up to the teens,
    past which num2words writes Arabic ordinals as cardinals. A form that is also a cardinal stays a cardinal."""
    words = set()
    for value in range(1, 20 if language == "ar" else 100):
        form = num2words(value, lang=language, to="ordinal")
        forms = [form]
        if language == "ar":
            feminine = " ".join(w if w.endswith("ة") else w + "ة" for w in form.split())
            forms += [feminine, *("ال" + f for f in (form, feminine))]
        words.update(number_key(f) for f in forms)
    return sorted(words - set(number_words(language)))


_COUNTS = {"one": 1, "two": 2}  # a plural form without "{0}" ("قبل يومين", "two days ago") says its count


def ago_patterns(language: str) -> dict[str, list[object]]:
    """CLDR's "N days/weeks/months/years ago" patterns of one language, each with its unit and fixed count."""
    fields = Locale.parse(language)._data["date_fields"]
    ago: dict[str, list[object]] = {}
    for unit in UNITS:
        for form, pattern in fields[unit]["past"].items():
            pattern = pattern.replace(" ({0})", "").strip()
            count = None if "{0}" in pattern else _COUNTS.get(form)
            if "{0}" in pattern or count:
                ago.setdefault(pattern, [unit, count])
    return ago


def relative_words(language: str) -> dict[str, object]:
    """The relative-date words of one language (see the module docstring)."""
    fields = Locale.parse(language)._data["date_fields"]
    days = {str(text): offset for offset, text in fields["day"]["relative"].items()}
    weekdays = _weekday_names(language)
    templates: dict[str, int] = {}
    for number, key in _FIELDS.items():
        for offset, phrase in fields[key]["relative"].items():
            template = _template(phrase, weekdays[number])
            if template and template != "{0}":
                templates.setdefault(template, offset)
    templates.update(EXTRA_WEEKDAY_RELATIVE.get(language, {}))
    units = {phrase: [unit, offset] for unit in UNITS[1:] for offset, phrase in fields[unit]["relative"].items()}
    units.update(EXTRA_UNITS.get(language, {}))
    return {
        "days": days,
        "weekdays": weekdays,
        "weekday_relative": templates,
        "units": units,
        "ago": ago_patterns(language),
        "counts": count_words(language),
        "bare_weekday": BARE_WEEKDAY.get(language, "{0}"),
        "clitics": CLITICS.get(language, []),
        "suffix": SUFFIXES.get(language, ""),
        "not_after": NOT_AFTER.get(language, []),
        "not_before": NOT_BEFORE.get(language, []),
        "future": FUTURE_CUES[language],
    }


def main() -> None:
    data = {
        "source": f"CLDR via Babel: {', '.join(LOCALES)}",
        "month_prefixes": list(PREFIXES),
        "months": month_names(),
        # Full names only ("diciembre", "Dezember", "ديسمبر"): running text writes these; an abbreviation can be a
        # word of another language ("out", "set", "ago"), so readers that do not know the language use these.
        "months_wide": month_names(("wide",)),
        "minute_words": minute_words(),
        "relative": {language: relative_words(language) for language in RELATIVE_LANGUAGES},
        # English keeps its own reader, which takes these "N days ago" patterns and counts from here.
        "english_ago": {"ago": ago_patterns("en"), "counts": count_words("en")},
        "byline_words": BYLINE_WORDS,
        "number_words": {language: number_words(language) for language in NUMBER_LANGUAGES},
        "ordinal_words": {language: ordinal_words(language) for language in NUMBER_LANGUAGES},
    }
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['months'])} month names and {len(data['minute_words'])} minute words written to {OUT}")


if __name__ == "__main__":
    main()
