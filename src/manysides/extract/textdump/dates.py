"""Find a publication date in a short line and write it as ISO 8601, never inventing precision.

Forms understood: "12 Jul 2025 18:30", "Saturday 12 July 2025", "July 12, 2025 6:30 pm",
"2025-07-12", "2025-07-12T18:30", "2025/07/12", "13.07.2025", "12/07/2025", "10h32" for a time, and CLDR's
month names in English, French, German, Spanish, Italian, Portuguese, Dutch, Turkish, Arabic (Egyptian, Levantine
and Maghreb names) and Hebrew ("12. Juli 2025", "22 de janeiro de 2018", the Hebrew month with its joined "in").
Direction marks are ignored and Arabic-Indic digits read as digits.
Day/month order of all-numeric dates: year-first forms are year-month-day; dotted dates are
day-first (the convention everywhere dots are used); slashed or dashed dates are day-first
unless only month-first is possible (second number above 12). "07/12/2025" therefore reads as
7 December: ambiguous, and day-first is the majority convention. A time is kept when stated
(seconds default to :00); a time zone is never added, and a stated one is dropped.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from manysides.extract.marks import ascii_digits, strip_marks
from manysides.extract.words import MONTH_PREFIXES, MONTHS

_NAMES = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in sorted(MONTHS, key=len, reverse=True))
_PREFIX = "(?:" + "|".join(map(re.escape, MONTH_PREFIXES)) + ")?"
_MONTH = _PREFIX + "(?P<month>" + _NAMES + r")\.?(?!\w)"
_TIME = (  # optional: ", 18:30", " at 6:30 pm", "T18:30:00", " | 18:30", " às 0:13", " um 18:30"
    r"(?:(?:\s*,\s*|\s+|\s*(?:at|à|às|a las|alle|um|om|@|-|\|)\s*|T)"
    r"(?P<hour>\d{1,2})[:h](?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?)?"
)
_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"\b(?P<year>\d{{4}})-(?P<mon>\d{{1,2}})-(?P<day>\d{{1,2}}){_TIME}",
        rf"\b(?P<year>\d{{4}})/(?P<mon>\d{{1,2}})/(?P<day>\d{{1,2}}){_TIME}",
        # "12 July 2025", "12th of July 2025", "12. Juli 2025", "1er janvier 2025", "22 de janeiro de 2018"
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?(?P<year>\d{{4}}){_TIME}",
        rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}",
        rf"\b(?P<day>\d{{1,2}})\.(?P<mon>\d{{1,2}})\.(?P<year>\d{{4}}){_TIME}",
        rf"\b(?P<first>\d{{1,2}})[/-](?P<second_n>\d{{1,2}})[/-](?P<year>\d{{4}}){_TIME}",
    )
]
_YEAR = re.compile(r"\d{4}")
MIN_YEAR, MAX_YEAR = 1990, 2100


def find_date(text: str) -> str | None:
    """The first well-formed date in `text` as ISO 8601 ('2025-07-12T18:30:00' or '2025-07-12')."""
    text = ascii_digits(strip_marks(text))
    if _YEAR.search(text) is None:  # every form has a four-digit year: a cheap test first
        return None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found = _to_iso(match)
            if found:
                return found
    return None


def _to_iso(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    year = int(parts["year"])
    if parts.get("month"):
        month, day = MONTHS[" ".join(parts["month"].lower().split())], int(parts["day"])
    elif parts.get("first"):
        day, month = _day_month(int(parts["first"]), int(parts["second_n"]))
    else:
        month, day = int(parts["mon"]), int(parts["day"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        day_only = date(year, month, day)
    except ValueError:
        return None
    if parts.get("hour") is None:
        return day_only.isoformat()
    hour, minute = int(parts["hour"]), int(parts["minute"])
    ampm = (parts.get("ampm") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return day_only.isoformat()
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    try:
        moment = datetime(year, month, day, hour, minute, int(parts.get("second") or 0))
    except ValueError:
        return day_only.isoformat()
    return moment.isoformat()


def _day_month(first: int, second: int) -> tuple[int, int]:
    """Day-first, unless the second number cannot be a month (then the first one is)."""
    return (second, first) if second > 12 >= first else (first, second)
