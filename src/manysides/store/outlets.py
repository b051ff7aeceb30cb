"""Outlet profiles in the database, and whose coverage each article counts as (`article_outlets`).

A profile is found by domain (the article's canonical URL or URL, a parent domain too) and else by name (the
profile's name or an alias, as `outlet_key` folds them). A republication (`republished_from`) counts for the
original's profile (else, for the outlet of the stored article at that URL); the site that carried it is kept
as `republished_by`. Rows are filled for articles that have none on every read (and a copy's row is looked at
again until its original is found), and rebuilt whole when profiles are loaded, so any ingest path is covered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, Select, delete, func, select
from sqlalchemy.orm import Session

from manysides.records.domains import candidates, url_domain
from manysides.records.outlet import OutletListing, OutletProfile
from manysides.store.models import (
    ArticleOutletRow,
    ArticleRow,
    ArticleStoryRow,
    OutletLabelRow,
    OutletMatchRow,
    OutletProfileRow,
)
from manysides.store.repository import outlet_key

_CHUNK = 500


@dataclass(frozen=True)
class Credit:
    """Whose coverage one article is: `outlet` (a profile's name; for a copy of an unprofiled outlet, its name; None
    when nothing matches), and for a republication who carried it."""

    article_id: str
    outlet: str | None
    republished_by: str | None


def replace_profiles(engine: Engine, profiles: list[OutletProfile]) -> int:
    """Make `profiles` the whole set (the file is the truth) and recompute every article's outlet; returns how
    many articles count for a profile now."""
    with Session(engine) as session, session.begin():
        for table in (ArticleOutletRow, OutletLabelRow, OutletMatchRow, OutletProfileRow):
            session.execute(delete(table))
        session.flush()
        for position, profile in enumerate(profiles):
            session.add(OutletProfileRow(position=position, **profile.model_dump()))
        session.flush()
        matches: dict[str, str] = {}
        for profile in profiles:
            for domain in profile.domains:
                matches.setdefault(f"domain:{domain}", profile.name)
            for name in (profile.name, *profile.aliases):
                matches.setdefault(f"name:{outlet_key(name)}", profile.name)
            for key, values in profile.label_values().items():
                for value in dict.fromkeys(values):
                    session.add(OutletLabelRow(outlet=profile.name, key=key, value=value))
        session.add_all(OutletMatchRow(match=match, outlet=name) for match, name in matches.items())
    refresh_credits(engine)
    with Session(engine) as session:
        return session.scalar(select(func.count()).where(ArticleOutletRow.outlet.is_not(None))) or 0


def profiles(engine: Engine) -> list[OutletProfile]:
    with Session(engine) as session:
        rows = session.scalars(select(OutletProfileRow).order_by(OutletProfileRow.position))
        return [_profile(row) for row in rows]


def listing(engine: Engine) -> list[OutletListing]:
    """Every profile with the number of stored articles that count for it, in the file's order."""
    refresh_credits(engine)
    counts = (
        select(ArticleOutletRow.outlet, func.count(), func.count(ArticleOutletRow.republished_by))
        .where(ArticleOutletRow.outlet.is_not(None))
        .group_by(ArticleOutletRow.outlet)
    )
    with Session(engine) as session:
        counted = {name: (n, copies) for name, n, copies in session.execute(counts)}
    return [
        OutletListing(profile=p, articles=counted.get(p.name, (0, 0))[0], republished=counted.get(p.name, (0, 0))[1])
        for p in profiles(engine)
    ]


def refresh_credits(engine: Engine) -> int:
    """Give every article without an `article_outlets` row its row; returns how many were added."""
    query = (
        select(ArticleRow.id, ArticleRow.url, ArticleRow.canonical_url, ArticleRow.outlet, ArticleRow.republished_from)
        .outerjoin(ArticleOutletRow, ArticleOutletRow.article_id == ArticleRow.id)
        .where(
            ArticleOutletRow.article_id.is_(None)
            # a copy whose original was not known yet: it may have arrived since
            | (ArticleRow.republished_from.is_not(None) & ArticleOutletRow.republished_by.is_(None))
        )
    )
    with Session(engine) as session, session.begin():
        pending = list(session.execute(query))
        if not pending:
            return 0
        stale = [row.id for row in pending]
        for start in range(0, len(stale), _CHUNK):
            chunk = stale[start : start + _CHUNK]
            session.execute(delete(ArticleOutletRow).where(ArticleOutletRow.article_id.in_(chunk)))
        matches = {m: o for m, o in session.execute(select(OutletMatchRow.match, OutletMatchRow.outlet))}
        for start in range(0, len(pending), _CHUNK):
            session.add_all(
                ArticleOutletRow(article_id=c.article_id, outlet=c.outlet, republished_by=c.republished_by)
                for c in (_credit(session, matches, *row) for row in pending[start : start + _CHUNK])
            )
            session.flush()
    return len(pending)


def credits(engine: Engine, article_ids: Iterable[str]) -> dict[str, Credit]:
    """The credit of each of these articles (filled first when missing)."""
    refresh_credits(engine)
    ids = sorted(set(article_ids))
    found: dict[str, Credit] = {}
    with Session(engine) as session:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            rows = session.scalars(select(ArticleOutletRow).where(ArticleOutletRow.article_id.in_(chunk)))
            found.update((r.article_id, Credit(r.article_id, r.outlet, r.republished_by)) for r in rows)
    return found


def stories_with_label(key: str, value: str) -> Select[tuple[str]]:
    """Ids of stories with an article counting for an outlet that has label `key` = `value` (case as stored)."""
    return (
        select(ArticleStoryRow.story_id)
        .join(ArticleOutletRow, ArticleOutletRow.article_id == ArticleStoryRow.article_id)
        .join(OutletLabelRow, OutletLabelRow.outlet == ArticleOutletRow.outlet)
        .where(OutletLabelRow.key == key, OutletLabelRow.value == value)
    )


def blindspot_stories(key: str) -> Select[tuple[str]]:
    """Ids of stories whose outlets carrying label `key` all share one value of it, and are at least two outlets
    (one outlet alone is not a blindspot, only a scoop)."""
    return (
        select(ArticleStoryRow.story_id)
        .join(ArticleOutletRow, ArticleOutletRow.article_id == ArticleStoryRow.article_id)
        .join(OutletLabelRow, OutletLabelRow.outlet == ArticleOutletRow.outlet)
        .where(OutletLabelRow.key == key)
        .group_by(ArticleStoryRow.story_id)
        .having(func.count(OutletLabelRow.value.distinct()) == 1, func.count(ArticleOutletRow.outlet.distinct()) >= 2)
    )


def _credit(
    session: Session,
    matches: dict[str, str],
    article_id: str,
    url: str | None,
    canonical_url: str | None,
    outlet: str | None,
    republished_from: str | None,
) -> Credit:
    own = _find(matches, canonical_url or url, outlet) or (_find(matches, url, None) if canonical_url else None)
    if republished_from:
        original = _find(matches, republished_from, republished_from) or _stored_original(
            session, matches, republished_from
        )
        if original is not None and original not in (own, outlet):
            return Credit(article_id, original, own or outlet or url_domain(canonical_url or url))
    return Credit(article_id, own, None)


def _stored_original(session: Session, matches: dict[str, str], reference: str) -> str | None:
    """The outlet of a stored article at the URL a republication names (its profile, else its name); a
    `republished_from` that is a name and no URL is that name."""
    if url_domain(reference) is None:
        return " ".join(reference.split())[:300] or None
    for column in (ArticleRow.canonical_url, ArticleRow.url):
        found = session.execute(select(ArticleRow.url, ArticleRow.outlet).where(column == reference).limit(1)).first()
        if found is not None:
            return _find(matches, found.url, found.outlet) or found.outlet
    return None


def _find(matches: dict[str, str], url: str | None, name: str | None) -> str | None:
    domain = url_domain(url)
    if domain:
        for candidate in candidates(domain):
            if (found := matches.get(f"domain:{candidate}")) is not None:
                return found
    if name:
        return matches.get(f"name:{outlet_key(name)}")
    return None


def _profile(row: OutletProfileRow) -> OutletProfile:
    return OutletProfile(
        name=row.name,
        domains=list(row.domains or []),
        aliases=list(row.aliases or []),
        country=row.country,
        languages=list(row.languages or []),
        owner=row.owner,
        kind=row.kind,
        labels=dict(row.labels or {}),
    )
