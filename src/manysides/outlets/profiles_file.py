"""Read the user's outlet profile file, TOML or CSV, into profiles; each bad entry is one InputError, the rest load.

TOML: one `[[outlet]]` table each (`name`, `domains`, `aliases`, `country`, `languages`, `owner`, `kind` and a
`labels` table). CSV: a header row with those columns (lists separated by `;`); every other column is a label.
"""

from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path
from typing import Any

from manysides.errors import InputError, first_line
from manysides.paths import read_settings_file
from manysides.records.domains import normal_domain
from manysides.records.outlet import FIELD_LABELS, OutletProfile

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_TEXT = 300  # a name, owner, label or value longer than this is a mistake, not a name
_FIELDS = frozenset({"name", "domains", "aliases", "country", "languages", "language", "owner", "kind", "labels"})
_LISTS = ("domains", "aliases", "languages")


def read_profiles(path: Path) -> tuple[list[OutletProfile], list[InputError]]:
    """Profiles in file order, and one error per entry that could not be taken (or one for an unreadable file)."""
    try:
        data = read_settings_file(path, MAX_FILE_BYTES, "profile file")
    except InputError as error:
        return [], [error]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [InputError(str(path), "profile file is not UTF-8 text")]
    if path.suffix.lower() == ".csv":
        entries = _csv_entries(text, str(path))
    else:
        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            return [], [InputError(str(path), f"not valid TOML ({first_line(error)}); CSV files must end in .csv")]
        tables = document.get("outlet", [])
        if not isinstance(tables, list) or not tables:
            return [], [InputError(str(path), "no [[outlet]] tables found")]
        entries = [(f"{path}: outlet #{n}", table) for n, table in enumerate(tables, start=1)]
    return _profiles(entries)


def _csv_entries(text: str, source: str) -> list[tuple[str, Any]]:
    rows = csv.DictReader(io.StringIO(text, newline=""))
    entries: list[tuple[str, Any]] = []
    for row in rows:
        where = f"{source}: line {rows.line_num}"
        if None in row:
            entries.append((where, "row has more cells than the header"))
            continue
        fields: dict[str, Any] = {"labels": {}}
        for column, cell in row.items():
            key, value = (column or "").strip().lower(), (cell or "").strip()
            if not value:
                continue
            if key in _LISTS or key == "language":
                fields[key] = [part.strip() for part in value.split(";") if part.strip()]
            elif key in _FIELDS:
                fields[key] = value
            else:
                fields["labels"][(column or "").strip()] = value
        entries.append((where, fields))
    return entries


def _profiles(entries: list[tuple[str, Any]]) -> tuple[list[OutletProfile], list[InputError]]:
    profiles: list[OutletProfile] = []
    errors: list[InputError] = []
    names: set[str] = set()
    owners: dict[str, str] = {}  # domain -> outlet that claimed it first
    for where, fields in entries:
        try:
            profile = _profile(fields)
        except ValueError as error:
            errors.append(InputError(where, str(error)))
            continue
        if profile.name.casefold() in names:
            errors.append(InputError(where, f"outlet {profile.name!r} is listed twice"))
            continue
        clash = next((d for d in profile.domains if d in owners), None)
        if clash is not None:
            errors.append(InputError(where, f"domain {clash} already belongs to {owners[clash]!r}"))
            continue
        names.add(profile.name.casefold())
        owners.update((domain, profile.name) for domain in profile.domains)
        profiles.append(profile)
    return profiles, errors


def _profile(fields: Any) -> OutletProfile:
    if isinstance(fields, str):
        raise ValueError(fields)
    if not isinstance(fields, dict):
        raise ValueError("an outlet must be a table of fields")
    unknown = sorted(set(fields) - _FIELDS)
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r}; your own labels go in a [outlet.labels] table")
    name = _text(fields.get("name"), "name")
    if not name:
        raise ValueError("an outlet needs a name")
    domains = []
    for given in _list(fields.get("domains"), "domains"):
        domain = normal_domain(given)
        if domain is None:
            raise ValueError(f"{given[:80]!r} is not a domain")
        domains.append(domain)
    labels = fields.get("labels", {})
    if not isinstance(labels, dict):
        raise ValueError("labels must be a table of names and values")
    clean_labels: dict[str, str] = {}
    for key, value in labels.items():
        label = _text(key, "a label name")
        if label in FIELD_LABELS:
            raise ValueError(f"label {label!r} has the name of a field; give it as the field")
        clean_labels[label] = _text(value, f"label {label!r}")
    return OutletProfile(
        name=name,
        domains=list(dict.fromkeys(domains)),
        aliases=_list(fields.get("aliases"), "aliases"),
        country=_text(fields.get("country"), "country") or None,
        languages=[lang.lower() for lang in _list(fields.get("languages", fields.get("language")), "languages")],
        owner=_text(fields.get("owner"), "owner") or None,
        kind=(_text(fields.get("kind"), "kind") or "").lower() or None,
        labels=clean_labels,
    )


def _text(value: Any, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise ValueError(f"{what} must be text")
    text = " ".join(str(value).split())
    if len(text) > MAX_TEXT or not text.isprintable():
        raise ValueError(f"{what} must be one printable line of at most {MAX_TEXT} characters")
    return text


def _list(value: Any, what: str) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [text for text in (_text(item, what) for item in items) if text]
