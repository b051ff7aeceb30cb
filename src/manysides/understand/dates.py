"""Date expressions resolved against the article's publication date ("on Saturday", "last month", "13 July").

Each mention gets a calendar value (a day, or a month when no day is given), so that two outlets' dates for one
fact can be compared; a stated weekday that does not fall on the stated date is flagged. English is read by
`find_dates`; other languages by `find_dates_any`, whose relative words ("ayer", "letzten Dienstag", "قبل يومين")
come from CLDR (extract/words.py RELATIVE).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from manysides.extract.words import ENGLISH_AGO, MONTH_PREFIXES, RELATIVE
from manysides.extract.words import MONTHS as CLDR_MONTHS
from manysides.understand.figures import ascii_digits

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(WEEKDAYS) + r"),?\s+(?:the\s+)?)?"
_PATTERNS = [
    re.compile(r"\b" + _WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + _YEAR + r"\b", re.IGNORECASE),
    re.compile(r"\b" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r"\b" + _YEAR, re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
]
_BARE_WEEKDAY = re.compile(
    r"\b(?P<rel>last|this|next|on|late on|early on|by)?\s*(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE
)
_MONTH_ONLY = re.compile(r"\b(?:in|since|during|by|until|late|early|mid-?)\s+" + _MONTH + _YEAR + r"\b", re.IGNORECASE)
_RELATIVE = re.compile(
    r"\b(?P<rel>today|yesterday|tomorrow|tonight|(?:last|this|next) (?:week|month|year))\b", re.IGNORECASE
)
RELATIVE_DAYS = _RELATIVE  # a day told from the publication day: the conflict checks cannot place it without one


_COUNT_WORDS = ENGLISH_AGO["counts"]
_COUNT = r"(?P<count>\d{1,3}|" + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True)) + ")"
_AGO = [
    (re.compile(r"\b" + re.escape(template).replace(re.escape("{0}"), _COUNT) + r"\b", re.IGNORECASE), unit)
    for template, (unit, _) in sorted(ENGLISH_AGO["ago"].items(), key=lambda kv: -len(kv[0]))
]


@dataclass(frozen=True)
class DateMention:
    """A date in the text: its span (relative to the text given), its value and how precise it is."""

    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    weekday_mismatch: bool = False
    bare_weekday: bool = False  # "on Tuesday": resolved backwards unless its clause speaks of the future

    @property
    def value(self) -> str:
        """ISO-like value at the precision known: 2025-07-12, 2025-07 or 2025."""
        parts = [f"{self.year:04d}" if self.year else "????"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower().rstrip(".")]


def _year_for(month: int, day: int, published: date | None) -> int | None:
    """The year of a date stated without one: the publication year, or the one before if that lies far ahead."""
    if published is None:
        return None
    try:
        candidate = date(published.year, month, day)
    except ValueError:
        return published.year
    return published.year - 1 if candidate - published > timedelta(days=183) else published.year


def _weekday_date(weekday: int, relation: str, published: date) -> date:
    """The date a bare weekday names: the latest such day on or before publication ('next' looks ahead)."""
    back = (published.weekday() - weekday) % 7
    if relation == "next":
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if relation == "last" and back == 0:
        back = 7
    return published - timedelta(days=back)


def _explicit(text: str, published: date | None) -> list[DateMention]:
    found: list[DateMention] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(m.start <= match.start() < m.end for m in found):
                continue
            month = _month_number(match.group("month"))
            day = int(match.group("day"))
            year = int(match.group("year")) if match.group("year") else _year_for(month, day, published)
            mismatch = False
            weekday = match.groupdict().get("weekday")
            if weekday and year:
                try:
                    mismatch = date(year, month, day).weekday() != WEEKDAYS.index(weekday.lower())
                except ValueError:
                    mismatch = True
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.append(DateMention(match.start(), match.end(), match.group(), year, month, day, mismatch))
    return found


def _relative(text: str, published: date | None, taken: list[DateMention]) -> list[DateMention]:
    found: list[DateMention] = []

    def free(start: int) -> bool:
        return not any(m.start <= start < m.end for m in taken + found)

    if published is None:
        return found
    for match in _BARE_WEEKDAY.finditer(text):
        if free(match.start("weekday")):
            relation = (match.group("rel") or "").lower()
            day = _weekday_date(WEEKDAYS.index(match.group("weekday").lower()), relation, published)
            start = match.start() if relation else match.start("weekday")
            bare = relation not in {"last", "next", "this"}
            found.append(
                DateMention(start, match.end(), text[start : match.end()], day.year, day.month, day.day, False, bare)
            )
    for match in _RELATIVE.finditer(text):
        rel = match.group("rel").lower()
        offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
        if rel in offsets:
            unit, shift = "day", offsets[rel]
        elif rel.endswith(("month", "year")):
            unit, shift = rel.split()[-1], {"last": -1, "this": 0, "next": 1}[rel.split()[0]]
        else:
            continue
        value = _shifted(published, unit, shift)
        if value is not None:
            found.append(replace(value, start=match.start(), end=match.end(), text=match.group()))
    for pattern, unit in _AGO:  # "three days ago", "4 years ago"; weeks read but dateless, as "last week"
        for match in pattern.finditer(text):
            if free(match.start()):
                count = match.group("count").lower()
                value = _shifted(published, unit, -(_COUNT_WORDS.get(count) or int(count)))
                if value is not None:
                    found.append(replace(value, start=match.start(), end=match.end(), text=match.group()))
    for match in _MONTH_ONLY.finditer(text):
        if free(match.start("month")):
            month = _month_number(match.group("month"))
            year = int(match.group("year")) if match.group("year") else None
            if year is None:  # as a day without its year: "in mid May" written in March looks ahead
                year = _year_for(month, 15, published)
            found.append(DateMention(match.start(), match.end(), match.group(), year, month, None))
    return found


def parse_published(published: str | None) -> date | None:
    """The calendar day of an ISO 8601 publication stamp, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in the text, resolved against the publication day where it is relative."""
    explicit = _explicit(text, published)
    return sorted(explicit + _relative(text, published, explicit), key=lambda m: m.start)


def looking_ahead(mention: DateMention, published: date) -> DateMention:
    """A bare weekday in a future clause ("will resume on Tuesday") names the next such day, not the last one."""
    if not (mention.bare_weekday and mention.year and mention.month and mention.day):
        return mention
    day = date(mention.year, mention.month, mention.day)
    if day < published:
        day += timedelta(days=7)
    return replace(mention, year=day.year, month=day.month, day=day.day)


@cache
def _any_language() -> re.Pattern[str]:
    """A day before a month name of any language CLDR names ("5. Dezember", "5 de diciembre 2031", "5 בדצמבר"),
    with an optional year."""
    names = "|".join(re.escape(name) for name in sorted(CLDR_MONTHS, key=len, reverse=True))
    prefixes = "|".join(re.escape(p) for p in MONTH_PREFIXES)
    return re.compile(
        rf"(?<!\d)(?P<day>\d{{1,2}})\.?\s+(?:de\s+|of\s+)?(?:{prefixes})?(?P<month>{names})(?!\w)"
        rf"(?:,?\s+(?:de\s+)?(?P<year>(?:19|20)\d\d)(?!\d))?",
        re.IGNORECASE,
    )


def find_dates_any(text: str, published: date | None, language: str | None = None) -> list[DateMention]:
    """Stated calendar dates in a text in any language, digits of any script: a day and a CLDR month name, or the
    numeric forms. Given the text's language (one of extract/words.py RELATIVE), relative dates and weekdays too."""
    plain = ascii_digits(text)
    found: list[DateMention] = []
    for pattern in (_any_language(), *_PATTERNS[2:]):
        for match in pattern.finditer(plain):
            if any(m.start <= match.start() < m.end for m in found):
                continue
            raw = match.group("month")
            month = int(raw) if raw.isdigit() else CLDR_MONTHS.get(raw.lower(), 0)  # "MAYIS" lowers to "mayis"
            day = int(match.group("day"))
            year = int(match.group("year")) if match.group("year") else _year_for(month, day, published)
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.append(
                    DateMention(match.start(), match.end(), text[match.start() : match.end()], year, month, day)
                )
    words = _relative_words((language or "").lower().split("-")[0].split("_")[0])
    if words is not None and published is not None:
        found += _relative_any(text, plain, published, words, found)
    return sorted(found, key=lambda m: m.start)


# Arabic short vowels, tanween and the tatweel: written or not ("غدًا", "غداً", "غدا"), they never change the word.
_MARKS = "\u0640\u064b-\u0652"
_ARABIC = re.compile("[\u0621-\u064a]")
_STARTS_SENTENCE = re.compile('(?:^|[.!?:;"\u00ab\u00bb\u201c\u201d\u201e(\n\u2013\u2014-])\\s*$')


def _fold(phrase: str) -> str:
    """The lookup form of a phrase: lower case, no Arabic marks, one space, one apostrophe."""
    phrase = re.sub(f"[{_MARKS}]", "", unicodedata.normalize("NFC", phrase)).replace("'", "\u2019")
    return " ".join(phrase.lower().split())


def _pattern(phrase: str) -> str:
    """A phrase as a regular expression that tolerates Arabic marks, any white space and either apostrophe."""
    parts = []
    for char in _fold(phrase):
        if char == " ":
            parts.append(r"\s+")
        elif char == "\u2019":
            parts.append("['\u2019]")
        else:
            parts.append(re.escape(char) + (f"[{_MARKS}]*" if _ARABIC.match(char) else ""))
    return "".join(parts)


@dataclass(frozen=True)
class _Kind:
    """One pattern of relative dates: "ago" (its unit and, for "قبل يومين", its count; else digits or a number
    word), "weekday" (its offset: -1 last, 0 this, 1 next, None bare), "unit" or "day" (values looked up)."""

    kind: str
    pattern: re.Pattern[str]
    offset: int | None = None
    unit: str = ""


@dataclass(frozen=True)
class _Reader:
    """One language's relative-date patterns, compiled once (see benchmarks/cldr_words.py for the data)."""

    language: str
    casing: dict[str, str]  # folded phrase or weekday name -> as CLDR writes it
    counts: dict[str, int]  # folded number word -> its value ("drei" -> 3)
    weekdays: dict[str, int]  # folded name -> 0 (Monday) .. 6
    days: dict[str, int]  # folded word -> offset in days
    units: dict[str, tuple[str, int]]  # folded phrase -> (unit, offset)
    patterns: list[_Kind]  # longer phrases first
    not_after: re.Pattern[str] | None
    not_before: re.Pattern[str] | None
    future: re.Pattern[str]


@cache
def _relative_words(language: str) -> _Reader | None:
    data = RELATIVE.get(language)
    if data is None:
        return None
    clitics = "|".join(re.escape(c) for c in sorted(data["clitics"], key=len, reverse=True))
    head = rf"(?<!\w)(?:{clitics})?" if clitics else r"(?<!\w)"
    tail = f"{data['suffix']}(?!\\w)"

    def compiled(body: str) -> re.Pattern[str]:
        return re.compile(head + "(?P<phrase>" + body + ")" + tail, re.IGNORECASE)

    def alternation(phrases: Iterable[str]) -> str:
        return "|".join(_pattern(p) for p in sorted(phrases, key=len, reverse=True))

    names = {name: number for number, forms in enumerate(data["weekdays"]) for name in forms}
    weekday = "(?P<weekday>" + alternation(names) + ")"
    patterns: list[_Kind] = []
    count_words = data.get("counts", {})
    number = r"(?P<count>\d{1,3}" + ("|" + alternation(count_words) if count_words else "") + ")"
    for template, (unit, count) in data["ago"].items():
        body = _pattern(template).replace(re.escape("{0}"), number)
        patterns.append(_Kind("ago", compiled(body), count, unit))
    for template, offset in sorted(data["weekday_relative"].items(), key=lambda kv: -len(kv[0])):
        patterns.append(_Kind("weekday", compiled(_pattern(template).replace(re.escape("{0}"), weekday)), offset))
    patterns.append(_Kind("unit", compiled(alternation(data["units"]))))
    patterns.append(_Kind("day", compiled(alternation(data["days"]))))
    bare = _pattern(data["bare_weekday"]).replace(re.escape("{0}"), weekday)
    patterns.append(_Kind("weekday", compiled(bare)))
    casing = {_fold(p): p for p in [*data["days"], *data["units"], *names]}
    not_after, not_before = data["not_after"], data["not_before"]
    return _Reader(
        language,
        casing,
        {_fold(w): value for w, value in count_words.items()},
        {_fold(n): number for n, number in names.items()},
        {_fold(w): offset for w, offset in data["days"].items()},
        {_fold(p): (unit, offset) for p, (unit, offset) in data["units"].items()},
        patterns,
        re.compile(rf"(?<!\w)(?:{alternation(not_after)})\s+$", re.IGNORECASE) if not_after else None,
        re.compile(rf"\s+(?:{alternation(not_before)})(?!\w)") if not_before else None,
        re.compile(data["future"], re.IGNORECASE),
    )


def _cased_right(match: re.Match[str], group: str, text: str, reader: _Reader) -> bool:
    """A word CLDR writes in lower case is that word only in lower case, or capitalised opening a sentence: German
    "Morgen" mid-sentence is "morning", not "morgen" ("tomorrow"); Spanish "Domingo" is a name."""
    written = match.group(group)
    cldr = reader.casing.get(_fold(written), written)
    if not written[:1].isupper() or not cldr[:1].islower():
        return True
    return _STARTS_SENTENCE.search(text, 0, match.start()) is not None


def _noun_use(match: re.Match[str], text: str, reader: _Reader) -> bool:
    """A day word used as a noun ("esta mañana", "اليوم التالي"): not a date."""
    before = reader.not_after is not None and reader.not_after.search(text, 0, match.start("phrase"))
    after = reader.not_before is not None and reader.not_before.match(text, match.end())
    return bool(before or after)


def _relative_matches(text: str, reader: _Reader) -> Iterator[tuple[_Kind, re.Match[str]]]:
    """Each relative expression once, longer kinds first, none overlapping another."""
    spans: list[tuple[int, int]] = []
    for kind in reader.patterns:
        for match in kind.pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in spans):
                continue
            group = "weekday" if kind.kind == "weekday" else "phrase"
            cased = kind.kind == "ago" or _cased_right(match, group, text, reader)
            if cased and (kind.kind != "day" or not _noun_use(match, text, reader)):
                spans.append((match.start(), match.end()))
                yield kind, match


def _relative_any(
    text: str, plain: str, published: date, reader: _Reader, taken: list[DateMention]
) -> list[DateMention]:
    """Relative dates of one language: "N days ago", "last Tuesday", "last month", "yesterday", a bare weekday.

    A bare weekday names the latest such day on or before publication, the coming one when a future cue of its
    language stands in its clause ("se reunirá el martes"). Weeks have no calendar value here, as in English: the
    phrase is read so that no part of it is misread, and gives no mention."""
    found: list[DateMention] = []
    cues = [(cue.start(), cue.end()) for cue in reader.future.finditer(plain)]
    for kind, match in _relative_matches(plain, reader):
        if any(m.start < match.end() and match.start() < m.end for m in taken):
            continue
        mention = _relative_mention(kind, match, published, reader)
        if mention is None or (mention.bare_weekday and _names_a_stated_date(match, plain, taken, reader)):
            continue
        start, end = match.start("phrase"), match.end()
        mention = replace(mention, start=start, end=end, text=text[start:end])
        ahead = mention.bare_weekday and _near_a_cue(match, plain, cues)
        found.append(looking_ahead(mention, published) if ahead else mention)
    return found


CLAUSE_REACH = 40  # characters between a future cue and the weekday it governs: a clause, not the whole sentence
_CLAUSE_END = re.compile(r"[.;:!?\u061b\u061f]")


def _near_a_cue(match: re.Match[str], text: str, cues: list[tuple[int, int]]) -> bool:
    """A future cue in the weekday's clause: close by on either side (Turkish puts the verb last), no stop between.
    "será alcaldesa tras ganar las elecciones del domingo": the cue governs another clause."""
    for start, end in cues:
        between = (end, match.start()) if end <= match.start() else (match.end(), start)
        near = 0 <= between[1] - between[0] <= CLAUSE_REACH
        if near and not _CLAUSE_END.search(text, between[0], between[1]):
            return True
    return False


_BEFORE_DATE = re.compile(r"[\s,،]*(?:\w{1,3}\s+)?")  # "martes, 2 de", "Dienstag, den 2.", "mardi 2"
_AFTER_DATE = re.compile(r"[\s,،]*")  # Turkish: the weekday after the date


def _names_a_stated_date(match: re.Match[str], text: str, stated: list[DateMention], reader: _Reader) -> bool:
    """A bare weekday written next to a stated date is part of it: no mention of its own, and the stated date is
    flagged when the weekday does not fall on it ("martes 3 de diciembre" when the 3rd is a Wednesday)."""
    for i, mention in enumerate(stated):
        gap_before = _BEFORE_DATE.fullmatch(text, match.end(), mention.start) if match.end() <= mention.start else None
        gap_after = _AFTER_DATE.fullmatch(text, mention.end, match.start()) if mention.end <= match.start() else None
        if gap_before or gap_after:
            if mention.year and mention.month and mention.day:
                weekday = reader.weekdays[_fold(match.group("weekday"))]
                mismatch = date(mention.year, mention.month, mention.day).weekday() != weekday
                stated[i] = replace(mention, weekday_mismatch=mismatch)
            return True
    return False


def _relative_mention(kind: _Kind, match: re.Match[str], published: date, reader: _Reader) -> DateMention | None:
    """The calendar value of one relative expression (span filled in by the caller)."""
    if kind.kind == "ago":
        count = match.group("count")
        return _shifted(published, kind.unit, -(kind.offset or reader.counts.get(_fold(count)) or int(count)))
    if kind.kind == "weekday":
        number = reader.weekdays[_fold(match.group("weekday"))]
        relation = {-1: "last", 0: "this", 1: "next"}.get(kind.offset, "") if kind.offset is not None else ""
        day = _weekday_date(number, relation, published)
        return DateMention(0, 0, "", day.year, day.month, day.day, False, kind.offset is None)
    if kind.kind == "unit":
        unit, offset = reader.units[_fold(match.group("phrase"))]
        return _shifted(published, unit, offset)
    return _shifted(published, "day", reader.days[_fold(match.group("phrase"))])


def _shifted(published: date, unit: str, offset: int) -> DateMention | None:
    """The day, month or year `offset` units from publication; None for weeks (no calendar value)."""
    if unit == "day":
        day = published + timedelta(days=offset)
        return DateMention(0, 0, "", day.year, day.month, day.day)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        return DateMention(0, 0, "", index // 12, index % 12 + 1, None)
    if unit == "year":
        return DateMention(0, 0, "", published.year + offset, None, None)
    return None
