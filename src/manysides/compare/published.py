"""A report's publication stamp read as a time and as a day, for the checks that set one report's news after
another's (later news, updates)."""

from __future__ import annotations

from datetime import UTC, datetime


def published_at(published: str | None) -> datetime | None:
    """A publication stamp as an aware datetime (a date alone or a naive time read as UTC)."""
    if not published:
        return None
    try:
        when = datetime.fromisoformat(published)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def published_day(published: str | None) -> str | None:
    """The publication day, as dates' values are written ("2032-05-14")."""
    when = published_at(published)
    return when.date().isoformat() if when else None
