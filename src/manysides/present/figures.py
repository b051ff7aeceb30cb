"""The figures a sentence gives, as it writes them ("12 people", "$3.5 billion", "one-in-three"), what each one
measures, and which of them two reports may give for one thing: the numbers the briefing's figures table shows.
Text only, in any language's digits, so a stored report's statements are enough.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from manysides.extract.marks import ascii_digits
from manysides.extract.words import CALENDAR_WORDS, MONTH_PREFIXES, MONTHS_WIDE
from manysides.understand.dates import WEEKDAYS
from manysides.understand.figures import SPACES, group_symbol, numeral_value, units_after
from manysides.understand.foreign_names import NOUNS_CAPITALISED
from manysides.understand.number_words import any_number_word, spelled_numbers, spelled_value
from manysides.understand.numbers import word_value


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SMALL = "one|two|three|four|five|six|seven|eight|nine"
_NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|hundred|thousands|dozens|dozen"
)
# Digits grouped by threes ("1,200", "1.200", "1 200", Arabic's own group mark) and a decimal part ("5.8", "5,8",
# Arabic's decimal mark): which mark is which is read with the value (`numeral_value`), so "5,8" is one figure.
_FIGURE = re.compile(
    r"(?<![\w.,:/-])(?:[€$£¥]\s?)?(?:\d{1,3}(?:[,.\u00a0\u202f\u2009\u066c]\d{3})+|\d+)(?:[.,\u066b]\d+)?"
    rf"|(?<![\w-])(?:{_NUMBER_WORDS})(?:-(?:{_SMALL}))?(?![\w])",
    re.IGNORECASE,
)
_UNIT = re.compile(
    r"\s?%|\s?(?:bn|m)\b|\s(?:percent|per cent|million|billion|trillion|thousand)\b|-to-\d+\b|(?:-[a-z]+)+",
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(rf"(?:{_NUMBER_WORDS}|{_SMALL}|million|billion|trillion|thousand)", re.IGNORECASE)
_BIG = re.compile(r"million|billion|trillion|thousand|bn|m$", re.IGNORECASE)
_DECADE = re.compile(r"['\u2019]?s\b")
_TIME = re.compile(r"\s?(?:[ap]\.?m\b|:\d\d)", re.IGNORECASE)
# English names and abbreviations, and every CLDR language's full month names: a statement's language is not known
# here, and an abbreviation of one language can be a word of another ("3 out of 10": "out" is Portuguese October).
_MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
) | frozenset(MONTHS_WIDE)
_NEXT_WORDS = re.compile(r"\s+([A-Za-z]+)(?:\s+([a-z][a-z\u2019'-]*)(?:\s+([a-z][a-z\u2019'-]*))?)?")
_LETTERS = r"[^\W\d_]+"
# "5 December", "5. Dezember", "5 de diciembre", "5 בדצמבר", "5 كانون الأول": the words after a day of the month
_MONTH_AFTER = re.compile(rf"\.?\s+(?:(?:de|of)\s+)?({_LETTERS})(?:\s+({_LETTERS}))?", re.IGNORECASE)
_PREVIOUS_WORD = re.compile(rf"({_LETTERS})\.?\s+$")
_COUNTED = frozenset({"people", "children", "men", "women", "staff", "crew"})
_NOT_COUNTED = _words(
    "a an the of to and or but in on at for with from by between as is was were are be been had have has that "
    "which who whom after before since per more than other others times out about over under into so "
    "this his its thus plus less us unless across perhaps whereas besides always"  # an "s" at the end, no plural
)


# "a one-in-three chance", "1 in 5 voters", "3 out of 10 residents": one figure, a share (not "12 in 2019")
_RATIO = re.compile(
    rf"(?<![\w.,-])(?:\d+|one|{_SMALL}|{_NUMBER_WORDS})(?:-in-|\s+in\s+|\s+out\s+of\s+)"
    rf"(?!(?:19|20)\d\d\b)(?:\d{{1,3}}(?:,\d{{3}})*|{_NUMBER_WORDS}|{_SMALL})(?![\w-])",
    re.IGNORECASE,
)


# "40 to 60 hours", "a 40- to 60-hour course", "40-60": one figure given as a range (not "2012-2013", two years)
_RANGE = re.compile(
    r"(?<![\w.,:/$-])(\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?:-?\s+to\s+|\s*[-\u2013]\s*)(\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?!\d|[.,]\d)"
)


def figures(text: str, language: str | None = None) -> list[str]:
    """Numbers, money and percentages as the sentence writes them, with what a bare number counts ("12 people"),
    and odds as one figure ("one-in-three"). In a `language` other than English, its numbers written as words
    ("trente-quatre") too, and digits grouped by plain spaces ("2 300") where the language groups them so.

    Years (in any digits: "٢٠٢٥"), times of day and days of the month are left out: they are dates, not figures."""
    return [figure for _, figure in figures_at(text, language)]


_PLAIN_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?![\d]|[.,]\d{3}))")


def _grouped_by_spaces(text: str, language: str | None) -> str:
    """The text with a plain space between digit groups as a narrow no-break one, in a language that groups
    digits with spaces ("2 300" in French): same length, so offsets hold."""
    if not language or language == "en" or group_symbol(language) not in SPACES:
        return text
    return _PLAIN_GROUP.sub("\u202f", text)


def figures_at(text: str, language: str | None = None) -> list[tuple[int, str]]:
    """`figures` with where each starts in the text, so the words around a figure can say what it counts."""
    text = _grouped_by_spaces(text, language)
    ratios = list(_RATIO.finditer(text)) + list(_RANGE.finditer(text))
    found: list[tuple[int, str]] = []
    for ratio in ratios:
        unit = _UNIT.match(text, ratio.end())
        end = unit.end() if unit else ratio.end()
        after = _NEXT_WORDS.match(text, end)
        counted = _counted(text, after) if after and not unit else ""
        found.append((ratio.start(), _tidy(text[ratio.start() : end] + counted)))
    taken = 0
    for match in _FIGURE.finditer(text):
        if any(r.start() <= match.start() < r.end() for r in ratios) or match.start() < taken:
            continue  # inside a ratio, or the "500" of "2 bin 500" read with the figure before it
        number, end = match.group(), match.end()
        if _DECADE.match(text, end):
            continue  # "in his 30s", "the '80s": an age or an era, not a figure
        unit = _UNIT.match(text, end)
        unit_words = unit.group() if unit else _listed_units(text, end)  # "2,5 Millionen Euro", "8 por ciento"
        number, end = number + unit_words, end + len(unit_words)
        taken = end
        if _TIME.match(text, end) and not unit_words:
            continue
        before = _PREVIOUS_WORD.search(text, 0, match.start())
        after = _NEXT_WORDS.match(text, end)
        month_near = (before and _is_month(before.group(1))) or (not unit_words and _month_after(text, end))
        if month_near or (not unit_words and re.fullmatch(r"(?:19|20)\d\d", ascii_digits(number))):
            continue
        if _RANK.search(text, 0, match.start()) or _ORDINAL.match(text, match.end()):
            continue  # "the No. 2 job", "#1 seed", "Nr. 5", "the 14th Amendment": a place in a list, not an amount
        age = _AGE.search(text, 0, match.start()) and _AFTER_AGE.match(text, end)
        if not unit_words and (age or _in_name(text, match, after)):
            continue  # "Lieberman, 75, ...": an age; "Organization 1", "Guccifer 2.0": part of a name
        big = unit is not None and _BIG.search(unit.group().strip())
        counted = _counted(text, after) if after and (not unit_words or big) else ""
        if not counted and not unit_words and _VAGUE.fullmatch(number):
            of = _OF_PLURAL.match(text, end)
            if of is None or not _plural(of.group(1)) or _VAGUE.fullmatch(of.group(1)):
                continue  # "thousands more watched" says no figure; "dozens of people" does; "hundreds of thousands
                # of people" is read from its second word
            counted = of.group()
        if not counted and not unit_words and not any(c.isdigit() for c in number):
            continue  # "the two met for an hour": a number word that counts nothing named is no figure
        start = match.start()
        if _VAGUE.fullmatch(number) and (tens := _TENS_OF.search(text, 0, start)):
            start = tens.start()  # "tens of thousands of dollars", not "thousands of dollars"
        found.append((start, _tidy(text[start : match.start()] + number + counted)))
    for start, end, _ in spelled_numbers(text, language):  # what they count is in words the table does not read
        if not any(at <= start < at + len(figure) for at, figure in found):
            found.append((start, _tidy(text[start:end] + _listed_units(text, end))))
    return sorted(found)


def _listed_units(text: str, end: int) -> str:
    """The scale and unit words of any listed language right after a figure ("Millionen Euro", "مليون دولار"), as
    written; "" when none follow."""
    stop = units_after(text, end).end
    return text[end:stop] if stop > end else ""


_DIGIT_GROUP_SPACE = re.compile(r"(?<=\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))")


def _tidy(text: str) -> str:
    """White space as single spaces, but a space that groups digits ("1 200") as a narrow no-break one, so the
    figure stays one."""
    return "\u202f".join(" ".join(part.split()) for part in _DIGIT_GROUP_SPACE.split(text))


# A number sign right before the number: English "No." (and "No" capitalised, "No 10 Downing Street"), German and
# Polish "Nr.", the numero sign, "#".
_RANK = re.compile(r"(?:\b(?:No|Nos|Nr|nr|no)\.\s*|\bNo\s+|[\u2116#]\s*|\bN\u00b0\s*)$")
# An ordinal's ending joined to its digits: English "14th", "2nd"; French "1er", "14e"; Spanish "3º", "2ª".
_ORDINAL = re.compile(r"(?:st|nd|rd|th|er|e|\u00e8me|\u00ba|\u00aa)(?![^\W\d_])")
_AGE = re.compile(r"[A-Z][\w.'\u2019-]*,\s*$")  # a name and a comma right before the number
_AFTER_AGE = re.compile(r"\s*(?:[,;)]|\.(?:\s|$))")
_VAGUE = re.compile(r"hundreds|thousands|millions|dozens|dozen", re.IGNORECASE)
_TENS_OF = re.compile(r"(?<![\w-])(?:tens|hundreds) of\s+$", re.IGNORECASE)
_OF_PLURAL = re.compile(r"\s+of\s+([a-z]+)")
_CAPITALISED_BEFORE = re.compile(r"(?:^|[^.!?:\s]\s*)\s([A-Z][\w'\u2019-]*)\s$")


def _in_name(text: str, match: re.Match[str], after: re.Match[str] | None) -> bool:
    """A number written right after a capitalised word inside the sentence, and followed by no word it could
    count ("Organization 1 and", "Guccifer 2.0 in"): part of a name, not a figure. Not "in Lindhof 12 Häuser" nor
    "Karakaya'da 12 ev", which count houses; a month before a day is left to the month rule."""
    before = _CAPITALISED_BEFORE.search(text, 0, match.start())
    if not before or not match.group()[:1].isdigit() or _is_month(before.group(1)):
        return False
    return after is None or after.group(1) in _NOT_COUNTED


def _is_month(word: str) -> bool:
    """A month name, also with a prefix written joined to it (Hebrew "ב": "בדצמבר")."""
    word = word.lower()
    return word in _MONTHS or any(word.startswith(p) and word[len(p) :] in _MONTHS for p in MONTH_PREFIXES)


def _month_after(text: str, end: int) -> bool:
    """Whether a month name follows the number ending at `end`: one word, or two ("كانون الأول")."""
    after = _MONTH_AFTER.match(text, end)
    if after is None:
        return False
    two = f"{after.group(1)} {after.group(2)}" if after.group(2) else ""
    return _is_month(after.group(1)) or (bool(two) and _is_month(two))


def _counted(text: str, after: re.Match[str]) -> str:
    """What a bare number counts, when one of the next three words says it and the words before it describe it:
    "12 people", "two police officers", "a dozen Russian intelligence officers", "14 Republicans"."""
    words = [w for w in after.groups() if w]
    if words[0] in _NOT_COUNTED or words[0].lower() in _CALENDAR:
        return ""
    for k, word in enumerate(words, start=1):
        if _plural(word):
            return text[after.start() : after.end(k)]
        if word in _NOT_COUNTED or (k > 1 and not word.islower()):
            break
    return ""


_MONEY = re.compile(r"[€$£¥]|\b(?:dollars?|euros?|pounds?|yen)\b", re.IGNORECASE)
_PERCENT = re.compile(r"%|\bper ?cent\b", re.IGNORECASE)
_COMPOUND = re.compile(r"\d(-[^\W\d_][\w-]*)$")


def figure_kind(figure: str) -> str:
    """What a figure measures, as far as its words say: money, a share, hours or years, odds ("1 in 3"), a compound
    ("4-page"), or a count of what follows it ("520,000 arrests"; "" when a bare number does not say). Units of
    other languages count as their English ones ("2,5 Millionen Euro" is money, "52,4 Prozent" a share, in any
    script)."""
    unit = _listed_unit(figure)
    if _MONEY.search(figure) or unit in _MONEY_UNITS:
        return "money"
    if _PERCENT.search(figure) or unit == "percent":
        return "percent"
    if unit in ("hour", "year"):
        return unit  # "6 heures", "15.40 horas", "12 ans": a time, an age or a length, never a count of things
    if _RATIO.match(figure):
        return "ratio"
    if span := _RANGE.match(figure):  # "40- to 60-hour" counts hours as "40-60 hours" does
        words = re.findall(r"[^\W\d_]+", figure[span.end() :])
        return "count:" + (words[0].lower().removesuffix("s") if words else "")
    if compound := _COMPOUND.search(ascii_digits(figure)):
        return re.sub(r"\d+", "#", compound.group(1).lower())  # a tally "134-to-63" meets "134-to-62"
    words = re.findall(r"[^\W\d_]+", figure)
    counted = words[-1].lower() if words and not _NUMBER_WORD.fullmatch(words[-1]) else ""
    counted = "" if any_number_word(counted) else counted  # "trente-quatre": a number, not what it counts
    return "count:" + counted.removesuffix("s")


_MONEY_UNITS = frozenset({"USD", "EUR", "GBP"})


def _listed_unit(figure: str) -> str | None:
    """The unit a listed word of any language after the figure's number names ("EUR", "percent"), if any."""
    number = _FIGURE.search(ascii_digits(figure))
    end = number.end() if number else _spelled_end(figure)
    return units_after(figure, end).unit if end else None


_LEADING_WORD = re.compile(r"[\s-]*([^\W\d_]+)")


def _spelled_end(figure: str) -> int:
    """Where the number words a figure opens with end, in any listed language ("acht Jahren", "trente-quatre");
    0 when it opens with none."""
    end = 0
    while (word := _LEADING_WORD.match(figure, end)) and any_number_word(word.group(1)):
        end = word.end()
    return end


_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY"}
_CURRENCY_WORD = re.compile(r"\b(dollar|euro|pound|yen)s?\b", re.IGNORECASE)


def _currency(figure: str) -> str | None:
    """The currency a money figure is in, as far as its sign or words say ("$", "euros", "Millionen Pfund")."""
    unit = _listed_unit(figure)
    if unit in _MONEY_UNITS:
        return unit
    if sign := next((c for c in figure if c in _CURRENCY_SIGNS), None):
        return _CURRENCY_SIGNS[sign]
    word = _CURRENCY_WORD.search(figure)
    return _CURRENCY_WORDS[word.group(1).lower()] if word else None


def kinds_meet(a: str, b: str) -> bool:
    """Two figures that may count one thing: the same kind, or two counts where either leaves the thing unsaid
    (a count in another language names it in other words)."""
    if a == b:
        return True
    return a.startswith("count:") and b.startswith("count:") and ("count:" in {a, b})


def _plural(word: str) -> bool:
    return word in _COUNTED or (word.endswith("s") and not word.endswith("ss") and word not in _NOT_COUNTED)


_CONTEXT_WORDS = 6  # content words either side of a figure that say what it counts ("paid [$44 million] in taxes")
_STEM = 5  # "taxes" / "tax", "earned" / "earnings": a word's first letters stand for it
_MIN_SHARED = 2  # stems two figures' words must share in one language: "rate" alone joins any two rates
_WORD = re.compile(r"[^\W\d_]+")
_PLAIN = _words(
    "the a an and or but of to in on at for with from by as is was were are be been has have had that this it its "
    "he she they his her their said says would will could not about nearly roughly some more than over under"
)
_TENFOLD = math.log(10)  # rival reports of one quantity differ by less than an order of magnitude
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# Days and months are capitalised but name nobody: "on Monday" says when, not whose
_CALENDAR = CALENDAR_WORDS | frozenset(WEEKDAYS)
_SHORT_SCALE = re.compile(r"(\d)\s?(bn|m)\b", re.IGNORECASE)  # "$3.5bn", "€2m"
_NUMBER_PIECE = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+")


@dataclass(frozen=True)
class Period:
    """The years a figure covers, as far as the words say: a year (2014, 2014, 1), a range (2007, 2014, 8), an
    open range "since 2007" (2007, None, None) or a length alone "over eight years" (None, None, 8)."""

    start: int | None
    end: int | None
    years: int | None


_YEAR = r"(?:19|20)\d\d"
_YEAR_RANGE = re.compile(
    rf"\bbetween\s+({_YEAR})\s+and\s+({_YEAR}|\d\d)\b"
    rf"|(?<![\w.,$-])({_YEAR})(?:\s*[-\u2013]\s*|\s+(?:to|through|thru|until)\s+)({_YEAR}|\d\d)\b",
    re.IGNORECASE,
)
_SINCE = re.compile(rf"\bsince\s+({_YEAR})\b", re.IGNORECASE)
_LONE_YEAR = re.compile(rf"(?<![\w.,$-]){_YEAR}(?![\w-]|[.,]\d)")
_ONE_YEAR = re.compile(r"\b(?:last|this|next|past)\s+year\b", re.IGNORECASE)  # which one, the day says
_LENGTH = re.compile(r"(?<![\w-])(\d{1,3}|[a-z]+)[- ](year|decade)s?(?![\w-])(?![- ](?:old|ago)\b)", re.IGNORECASE)


def period(text: str) -> Period | None:
    """The one period a piece of text gives its figures for, or None when it gives none or several that disagree
    ("in 2008 ... in 2013"): a range "from 2007 through 2014", "2007-14", "between 2011 and 2014", "since 2007", a
    length "over the eight year span", "three decades", or one year "for 2014", "last year". Words only, no parse."""
    found: list[Period] = []
    for match in _YEAR_RANGE.finditer(text):
        first, end = match.group(1, 2) if match.group(1) else match.group(3, 4)
        start = int(first)
        stop = int(end) if len(end) == 4 else start - start % 100 + int(end)
        if stop > start:
            found.append(Period(start, stop, stop - start + 1))
    found += [Period(int(m.group(1)), None, None) for m in _SINCE.finditer(text)]
    taken = [m.span() for m in [*_YEAR_RANGE.finditer(text), *_SINCE.finditer(text)]]
    for match in _LONE_YEAR.finditer(text):
        if not any(a <= match.start() < b for a, b in taken):
            found.append(Period(int(match.group()), int(match.group()), 1))
    found += [Period(None, None, 1) for _ in _ONE_YEAR.finditer(text)]
    for match in _LENGTH.finditer(text):
        count = word_value([match.group(1)])
        if count and count == int(count):
            found.append(Period(None, None, int(count) * (10 if match.group(2).lower() == "decade" else 1)))
    if not found or not all(periods_meet(a, b) for a in found for b in found):
        return None
    return max(found, key=lambda p: sum(v is not None for v in (p.start, p.end, p.years)))


def periods_meet(a: Period | None, b: Period | None) -> bool:
    """Two periods a figure of one thing may be for: nothing either says differs ("since 2007" meets "from 2007 to
    2014", a year meets no range, eight years meet no four)."""
    if a is None or b is None:
        return True
    pairs = ((a.start, b.start), (a.end, b.end), (a.years, b.years))
    return all(x is None or y is None or x == y for x, y in pairs)


@dataclass(frozen=True)
class _Read:
    figure: str
    kind: str
    stems: frozenset[str]  # the words around it: what it counts
    names: frozenset[str]  # the capitalised ones: whose it is
    value: float | None
    period: Period | None  # the years it is for, from its own words or else the sentence's one period
    currency: str | None  # "USD", "EUR" ... for money whose sign or words say it


def _read(text: str, language: str | None = None) -> list[_Read]:
    """Each figure with the words around it. The words between two figures go to the nearer one ("donated [$15
    million] to charity, and paid an additional [$13.6 million] in state taxes"). `language` says how its digits
    are grouped ("1.200" is 1,200 in German); English when unknown."""
    found = figures_at(text, language)
    bounds = [(start, start + len(figure)) for start, figure in found]
    read, around = [], []
    for k, (start, figure) in enumerate(found):
        left = (bounds[k - 1][1] + start) // 2 if k else 0
        right = (bounds[k][1] + bounds[k + 1][0]) // 2 if k + 1 < len(found) else len(text)
        around.append(text[left:start] + " ; " + text[bounds[k][1] : right])
        before = [w for w in _WORD.findall(text[left:start]) if _content(w)][-_CONTEXT_WORDS:]
        after = [w for w in _WORD.findall(text[bounds[k][1] : right]) if _content(w)][:_CONTEXT_WORDS]
        kept = before + after
        names = frozenset(
            w.lower()[:_STEM]
            for w in kept
            if w[0].isupper() and w.lower() not in _CALENDAR and language not in NOUNS_CAPITALISED
        )
        stems = frozenset(w.lower()[:_STEM] for w in kept)
        value, currency = figure_value(figure, language), _currency(figure)
        read.append(_Read(figure, figure_kind(figure), stems, names, value, period(around[-1]), currency))
    return [_dated(r, read, around) for r in read]


def _dated(figure: _Read, read: list[_Read], around: list[str]) -> _Read:
    """A figure whose own words give no period takes the one its sentence gives figures of other kinds ("from 2007
    through 2014 the couple paid [$43,885,310] in taxes, for a rate of [31.55 percent]"), not one a figure of its
    own kind has: "his rate was [36 percent], and the Clintons' 2014 rate [30 percent]" sets two periods apart."""
    if figure.period is not None:
        return figure
    others = [text for r, text in zip(read, around, strict=True) if not kinds_meet(r.kind, figure.kind)]
    return replace(figure, period=period(" ; ".join(others))) if others else figure


def _content(word: str) -> bool:
    return len(word) > 2 and word.lower() not in _PLAIN


_NUMERAL = re.compile(r"\d(?:[\d.,\u202f\u066b\u066c]*\d)?")


def figure_value(figure: str, language: str | None = None) -> float | None:
    """ "$13.6 million" -> 13,600,000, "Twelve people" -> 12, "5,8" -> 5.8, "2,5 Millionen" -> 2,500,000,
    "trente-quatre" (in French) -> 34; None when the words say no amount ("dozens")."""
    value = None
    spelt = _SHORT_SCALE.sub(lambda m: m.group(1) + (" billion" if m.group(2).lower() == "bn" else " million"), figure)
    plain = ascii_digits(spelt)
    if numeral := _NUMERAL.search(plain):
        read = numeral_value(numeral.group(), language)
        if read is None:
            return None
        scaled = units_after(plain, numeral.end())
        if scaled.factor != 1:
            return scaled.value(read)  # "2,5 Millionen", "2,5 millones", "2 bin 500"
        plain = plain[: numeral.start()] + f"{read:.10f}".rstrip("0").rstrip(".") + plain[numeral.end() :]
    elif spelled := spelled_value(plain, language):  # "trente-quatre", "otuz dört"
        return units_after(plain, spelled[0]).value(spelled[1])
    words = _NUMBER_PIECE.findall(plain)
    for k in range(1, len(words) + 1):
        if k > 1 and _DIGITS.fullmatch(words[k - 1]):
            break  # "2-1": a score's second number is no part of the first
        so_far = word_value(words[:k])
        if so_far is None:
            break
        value = so_far
    return value


def _apart(x: float | None, y: float | None) -> float:
    """How far apart two values are, by the log of their ratio (0 when either is unknown)."""
    return abs(math.log(x / y)) if x and y else 0.0


def aligned_figures(
    anchor: str, other: str, *, across_languages: bool = False, languages: tuple[str | None, str | None] = (None, None)
) -> list[tuple[str, str]]:
    """The figures of `other` that give what a figure of `anchor` gives: pairs (anchor's, other's) in the anchor's
    order, each figure in one pair at most.

    Two figures pair when they measure the same kind of thing (`kinds_meet`, or one count in other words), within
    an order of magnitude of each other, the words around them name no different people or places ("Bush paid [36
    percent]" / "the Clintons paid [35.7 percent]"), and those words share two stems; across languages, where words
    differ, when each is its sentence's only figure of that kind or of that value. So a fact that joins a statement
    of several figures with another's one figure shows that one beside the figure it answers, not all of them.
    Money in two currencies is never one figure. `languages` are the two texts' languages where known: they say
    how each groups its digits."""
    ours, theirs = _read(anchor, languages[0]), _read(other, languages[1])
    candidates = []
    for i, a in enumerate(ours):
        for j, b in enumerate(theirs):
            same_count = (
                a.kind.startswith("count:")
                and b.kind.startswith("count:")
                and a.value is not None
                and a.value == b.value
            )
            if not (kinds_meet(a.kind, b.kind) or same_count) or _apart(a.value, b.value) > _TENFOLD:
                continue  # "3,000 passengers" / "3,000 travellers" is one count; 1.4 million a year and 3,000 are two
            if a.names and b.names and not a.names & b.names:
                continue
            if a.currency and b.currency and a.currency != b.currency:
                continue  # "33 Millionen Pfund" is no answer to "$39 million", whatever the numbers
            if not periods_meet(a.period, b.period):
                continue  # an eight-year average rate is not the rate of 2014
            shared = len(a.stems & b.stems)
            alone = (
                sum(kinds_meet(a.kind, t.kind) for t in theirs) == sum(kinds_meet(o.kind, b.kind) for o in ours) == 1
            )
            # One value written in both, and only once in each sentence, is one figure, whatever words surround it
            # ("$750,000 in campaign cash" / "his use of $750,000 in campaign money"; across languages "magnitude 5.8"
            # / "magnitud 5,8" beside "41 heridos").
            one_value = (
                a.value is not None
                and a.value == b.value
                and sum(t.value == a.value for t in theirs) == sum(o.value == b.value for o in ours) == 1
            )
            if shared >= _MIN_SHARED or one_value or (across_languages and alone):
                candidates.append((-shared, _apart(a.value, b.value), i, j))
    paired: dict[int, int] = {}
    for *_, i, j in sorted(candidates):
        if i not in paired and j not in paired.values():
            paired[i] = j
    return [(ours[i].figure, theirs[paired[i]].figure) for i in sorted(paired)]
