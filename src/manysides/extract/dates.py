"""Normalising stated dates to ISO 8601 without inventing precision."""

from __future__ import annotations

from datetime import datetime

from dateutil import parser as date_parser

from manysides.extract.textdump.dates import find_date

_DEFAULT_A = datetime(2000, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2001, 2, 2, 13, 37, 59)
MAX_LOCAL_DATE_CHARS = 200  # a stated date is short; a longer value is read from its start only


def to_iso(value: str | None, dayfirst: bool = False) -> str | None:
    """'Mon, 02 Jan 2019 10:00 GMT' -> '2019-01-02T10:00:00+00:00'; '2 Jan 2019' -> '2019-01-02'.

    A value with no time of day stays a date: parsing it against two different defaults shows which parts
    the text itself supplied. Anything unparseable or without a full date is None, never a guess.
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        a = date_parser.parse(text, default=_DEFAULT_A, dayfirst=dayfirst)
        b = date_parser.parse(text, default=_DEFAULT_B, dayfirst=dayfirst)
        if (a.year, a.month, a.day) != (b.year, b.month, b.day):
            return None  # the year, month or day came from the default: not a full date
        if (a.hour, a.minute) != (b.hour, b.minute):
            return a.date().isoformat()
        return a.isoformat()  # seconds not stated come out as :00
    # dateutil on hostile text: "+32:00" is an offset no datetime holds (ValueError at isoformat), and a
    # 30-digit number overflows its decimal arithmetic (decimal.InvalidOperation, an ArithmeticError)
    except (ValueError, OverflowError, TypeError, ArithmeticError):
        # dateutil knows English month names only: "5 de diciembre de 2026", Arabic or Turkish months
        return find_date(text[:MAX_LOCAL_DATE_CHARS])
