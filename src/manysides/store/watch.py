"""The watch schedule in the database: sources as the sources file lists them, their state, and seen entries.

Each change commits on its own, so a run killed at any point resumes from what was last written.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from manysides.records.source import SourceHealth, SourceSpec
from manysides.store.columns import byte_order
from manysides.store.models import WatchEntryRow, WatchSourceRow

FIRST_INTERVAL = 15 * 60
_CHUNK = 500


def sync(engine: Engine, specs: list[SourceSpec], now: datetime) -> None:
    """Make the stored sources the file's: new ones are due now, a changed URL starts afresh, and sources no
    longer listed are dropped with what they had seen (their articles stay)."""
    with Session(engine) as session, session.begin():
        rows = {row.name: row for row in session.scalars(select(WatchSourceRow))}
        wanted = {spec.name for spec in specs}
        for name in set(rows) - wanted:
            session.execute(delete(WatchEntryRow).where(WatchEntryRow.source == name))
            session.delete(rows[name])
        for spec in specs:
            row = rows.get(spec.name)
            if row is None:
                row = WatchSourceRow(
                    name=spec.name, url=spec.url, next_fetch=now, interval=FIRST_INTERVAL, failures=0,
                    failure_weight=0.0, disabled=False, polls=0, not_modified=0, articles=0,
                )  # fmt: skip
                session.add(row)
            elif row.url != spec.url:
                row.url, row.next_fetch, row.etag, row.last_modified, row.body_sha256 = spec.url, now, None, None, None
                row.failures, row.failure_weight, row.disabled, row.disabled_reason = 0, 0.0, False, None
                session.execute(delete(WatchEntryRow).where(WatchEntryRow.source == spec.name))
            row.outlet, row.kind = spec.outlet, spec.kind or row.kind or "auto"
            row.min_interval, row.max_interval = spec.min_interval, spec.max_interval
            row.interval = max(spec.min_interval, min(spec.max_interval, row.interval))


def due(engine: Engine, now: datetime, force: bool = False) -> list[WatchSourceRow]:
    """Enabled sources whose next fetch has come (all enabled ones when `force`), earliest first, detached."""
    query = select(WatchSourceRow).where(WatchSourceRow.disabled.is_(False))
    if not force:
        query = query.where(WatchSourceRow.next_fetch <= now)
    with Session(engine, expire_on_commit=False) as session:
        rows = list(session.scalars(query.order_by(WatchSourceRow.next_fetch, byte_order(WatchSourceRow.name))))
        session.expunge_all()
        return rows


def next_due(engine: Engine) -> datetime | None:
    with Session(engine) as session:
        query = select(WatchSourceRow.next_fetch).where(WatchSourceRow.disabled.is_(False))
        return session.scalar(query.order_by(WatchSourceRow.next_fetch).limit(1))


def save(engine: Engine, row: WatchSourceRow) -> None:
    """Write a source's new state (schedule, validators, counters) in its own transaction."""
    with Session(engine) as session, session.begin():
        session.merge(row)


def seen(engine: Engine, source: str, keys: Iterable[str]) -> set[str]:
    """Which of these entry keys the source already gave."""
    wanted = sorted(set(keys))
    found: set[str] = set()
    with Session(engine) as session:
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            keys_in = WatchEntryRow.entry_key.in_(chunk)
            query = select(WatchEntryRow.entry_key).where(WatchEntryRow.source == source, keys_in)
            found.update(session.scalars(query))
    return found


def mark_seen(engine: Engine, source: str, key: str, now: datetime) -> None:
    with Session(engine) as session, session.begin():
        if session.get(WatchEntryRow, (source, key)) is None:
            session.add(WatchEntryRow(source=source, entry_key=key, seen_at=now))


def health(engine: Engine) -> list[SourceHealth]:
    with Session(engine) as session:
        rows = session.scalars(select(WatchSourceRow).order_by(byte_order(WatchSourceRow.name)))
        return [_health(row) for row in rows]


def enable(engine: Engine, name: str, now: datetime) -> bool:
    """Put a disabled source back, due now with its failures forgiven; False when no source has that name."""
    with Session(engine) as session, session.begin():
        row = session.get(WatchSourceRow, name)
        if row is None:  # names are unique regardless of case (see the sources file)
            rows = session.scalars(select(WatchSourceRow))
            row = next((r for r in rows if r.name.casefold() == name.casefold()), None)
        if row is None:
            return False
        row.disabled, row.disabled_reason, row.failures, row.failure_weight, row.next_fetch = False, None, 0, 0.0, now
        return True


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.replace(microsecond=0).isoformat() + "Z"


def _health(row: WatchSourceRow) -> SourceHealth:
    return SourceHealth(
        name=row.name,
        url=row.url,
        outlet=row.outlet,
        kind=row.kind,
        interval_seconds=row.interval,
        next_fetch=_iso(row.next_fetch) or "",
        last_success=_iso(row.last_success),
        last_error=row.last_error,
        last_error_at=_iso(row.last_error_at),
        failures=row.failures,
        polls=row.polls,
        not_modified=row.not_modified,
        articles=row.articles,
        disabled=row.disabled,
        disabled_reason=row.disabled_reason,
    )
