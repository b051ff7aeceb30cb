"""Date expressions resolved against the article's publication date ("on Saturday", "last month", "13 July").

Each mention gets a calendar value (a day, or a month when no day is given), so that two outlets' dates for one
fact can be compared; a stated weekday that does not fall on the stated date is flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from manysides.extract.words import MONTH_PREFIXES
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
            day = published + timedelta(days=offsets[rel])
            found.append(DateMention(match.start(), match.end(), match.group(), day.year, day.month, day.day))
        elif rel.endswith("month"):
            shift = {"last": -1, "this": 0, "next": 1}[rel.split()[0]]
            index = published.year * 12 + published.month - 1 + shift
            found.append(DateMention(match.start(), match.end(), match.group(), index // 12, index % 12 + 1, None))
        elif rel.endswith("year"):
            shift = {"last": -1, "this": 0, "next": 1}[rel.split()[0]]
            found.append(DateMention(match.start(), match.end(), match.group(), published.year + shift, None, None))
    for match in _MONTH_ONLY.finditer(text):
        if free(match.start("month")):
            month = _month_number(match.group("month"))
            year = int(match.group("year")) if match.group("year") else None
            if year is None:
                year = published.year if month <= published.month else published.year - 1
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


def find_dates_any(text: str, published: date | None) -> list[DateMention]:
    """Stated calendar dates in a text in any language, digits of any script: a day and a CLDR month name, or the
    numeric forms. Relative dates and weekdays are read in English only (find_dates)."""
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
    return sorted(found, key=lambda m: m.start)
