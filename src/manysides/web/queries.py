"""The stories listing's query string, read the same way for the page and its JSON twin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from manysides.service import MAX_PAGE_SIZE, PAGE_SIZE, StoryQuery


@dataclass(frozen=True)
class ListingParams:
    q: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""
    language: str = ""
    limit: int = PAGE_SIZE
    offset: int = 0

    def query(self) -> tuple[StoryQuery, list[str]]:
        """The service query and a line for each value that could not be read (that filter is then left out)."""
        problems: list[str] = []
        since = _day(self.since, "since", problems)
        until = _day(self.until, "until", problems)
        query = StoryQuery(
            search=self.q.strip() or None,
            outlet=self.outlet.strip() or None,
            since=since,
            until=until,
            language=self.language.strip().lower() or None,
            limit=max(1, min(self.limit, MAX_PAGE_SIZE)),
            offset=max(0, self.offset),
        )
        return query, problems

    def url(self, base: str, offset: int | None) -> str:
        """The same listing at another offset, with only the filters that are set."""
        values = {"q": self.q, "outlet": self.outlet, "since": self.since, "until": self.until}
        values["language"] = self.language
        params = {k: v for k, v in values.items() if v}
        if self.limit != PAGE_SIZE:
            params["limit"] = str(self.limit)
        if offset:
            params["offset"] = str(offset)
        return base + ("?" + urlencode(params) if params else "")


def _day(value: str, name: str, problems: list[str]) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(f"{name}: not a date (YYYY-MM-DD)")
        return None
