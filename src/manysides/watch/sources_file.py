"""The sources file `manysides watch` follows: TOML of our design, or OPML as feed readers export it.

TOML::

    [defaults]              # optional; each source may override these
    min_interval = "5m"     # the learned poll interval stays within these bounds
    max_interval = "6h"

    [[source]]
    name = "Harbor Ledger: news"    # optional; defaults to the outlet (then the URL)
    outlet = "The Harbor Ledger"
    url = "https://harborledger.example/feed.rss"
    kind = "feed"                   # feed, sitemap or page; optional: recognised from the content

OPML: each `<outline xmlUrl="..." text="...">` is a feed whose `text` (else `title`) names its outlet.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from lxml import etree

from manysides.errors import InputError, first_line
from manysides.ingest.sources import is_url
from manysides.paths import read_settings_file
from manysides.records.source import MAX_INTERVAL, MIN_INTERVAL, SourceSpec

KINDS = ("feed", "sitemap", "page")
MAX_FILE_BYTES = 5 * 1024 * 1024
FLOOR = 60  # no source is polled more than once a minute, whatever the file says
CEILING = 7 * 86400
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.IGNORECASE)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def read_sources(path: Path) -> tuple[list[SourceSpec], list[InputError]]:
    """The sources in file order, and one error per entry that could not be taken."""
    try:
        data = read_settings_file(path, MAX_FILE_BYTES, "sources file")
    except InputError as error:
        return [], [error]
    if data.lstrip().startswith(b"<"):
        entries, errors = _opml_entries(data, str(path))
    else:
        entries, errors = _toml_entries(data, str(path))
    return _unique(entries, errors)


def parse_duration(value: Any, what: str) -> int:
    """Seconds from `90`, `"90s"`, `"15m"`, `"2h"` or `"1d"`, within a minute and a week."""
    if isinstance(value, bool):
        raise ValueError(f"{what} must be a duration like 15m")
    match = _DURATION.match(str(value)) if isinstance(value, int | float | str) else None
    if match is None:
        raise ValueError(f"{what} must be a duration like 90s, 15m, 2h or 1d")
    seconds = int(float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()])
    return max(FLOOR, min(CEILING, seconds))


def _toml_entries(data: bytes, source: str) -> tuple[list[tuple[str, SourceSpec]], list[InputError]]:
    try:
        document = tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return [], [InputError(source, f"not valid TOML or OPML ({first_line(error)})")]
    defaults = document.get("defaults", {})
    tables = document.get("source", [])
    if not isinstance(tables, list) or not tables or not isinstance(defaults, dict):
        return [], [InputError(source, "no [[source]] tables found")]
    entries: list[tuple[str, SourceSpec]] = []
    errors: list[InputError] = []
    for n, table in enumerate(tables, start=1):
        where = f"{source}: source #{n}"
        try:
            entries.append((where, _spec(table, defaults)))
        except ValueError as error:
            errors.append(InputError(where, str(error)))
    return entries, errors


def _spec(table: Any, defaults: dict[str, Any]) -> SourceSpec:
    if not isinstance(table, dict):
        raise ValueError("a source must be a table of fields")
    unknown = sorted(set(table) - {"name", "url", "outlet", "kind", "min_interval", "max_interval"})
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r}")
    url = _line(table.get("url"), "url")
    if not is_url(url):
        raise ValueError("url must be an http(s) URL")
    outlet = _line(table.get("outlet"), "outlet")
    if not outlet:
        raise ValueError("a source needs the name of its outlet (outlet = ...)")
    kind = _line(table.get("kind"), "kind").lower() or None
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    low = parse_duration(table.get("min_interval", defaults.get("min_interval", MIN_INTERVAL)), "min_interval")
    high = parse_duration(table.get("max_interval", defaults.get("max_interval", MAX_INTERVAL)), "max_interval")
    if low > high:
        raise ValueError("min_interval is longer than max_interval")
    name = _line(table.get("name"), "name") or outlet
    return SourceSpec(name=name, url=url, outlet=outlet, kind=kind, min_interval=low, max_interval=high)


def _opml_entries(data: bytes, source: str) -> tuple[list[tuple[str, SourceSpec]], list[InputError]]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return [], [InputError(source, f"not valid OPML ({first_line(error)})")]
    entries: list[tuple[str, SourceSpec]] = []
    errors: list[InputError] = []
    for n, outline in enumerate(root.iter("outline"), start=1):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if url is None:
            continue  # a folder of feeds, not a feed
        where = f"{source}: outline #{n}"
        outlet = (outline.get("text") or outline.get("title") or "").strip() or url
        taken = sum(1 for _, spec in entries if spec.outlet.casefold() == outlet.casefold())
        name = f"{outlet} #{taken + 1}" if taken else outlet  # one outlet's several feeds
        try:
            entries.append((where, _spec({"url": url, "outlet": outlet, "name": name, "kind": "feed"}, {})))
        except ValueError as error:
            errors.append(InputError(where, str(error)))
    if not entries and not errors:
        errors.append(InputError(source, "no <outline xmlUrl=...> feeds found"))
    return entries, errors


def _unique(
    entries: list[tuple[str, SourceSpec]], errors: list[InputError]
) -> tuple[list[SourceSpec], list[InputError]]:
    """One source per name and per URL: a second one is an error, so `sources enable NAME` is never ambiguous."""
    specs: list[SourceSpec] = []
    names: set[str] = set()
    urls: set[str] = set()
    for where, spec in entries:
        if spec.name.casefold() in names:
            errors.append(InputError(where, f"another source is already named {spec.name!r}; give it a name"))
        elif spec.url in urls:
            errors.append(InputError(where, "this URL is listed twice"))
        else:
            names.add(spec.name.casefold())
            urls.add(spec.url)
            specs.append(spec)
    return specs, errors


def _line(value: Any, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{what} must be text")
    text = " ".join(value.split())
    if len(text) > 2000 or not text.isprintable():
        raise ValueError(f"{what} must be one printable line")
    return text
