"""Stored comparisons: a story's report is computed once and reused while its articles and the engine stay the same.

A cached report is valid when its `articles_key` equals the story summary's (the digest of the story's articles,
store/summaries.py) and its engine version is the current one; otherwise it is recomputed and replaced. Beside
each report sits a small digest per outlet (sources cited, framing used), so outlet pages aggregate cached
comparisons in SQL without parsing reports or computing any.
"""

from __future__ import annotations

import zlib
from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from manysides.records.report import Report
from manysides.store.models import ComparisonRow, StoryOutletRow, StorySummaryRow

TOP_ITEMS = 10  # an outlet page shows this many cited sources and framing terms


def cached_report(engine: Engine, story_id: str, engine_version: str) -> Report | None:
    """The stored comparison of a story, if it was made from the story's current articles by this engine."""
    query = (
        select(ComparisonRow.report)
        .join(StorySummaryRow, StorySummaryRow.story_id == ComparisonRow.story_id)
        .where(
            ComparisonRow.story_id == story_id,
            ComparisonRow.engine_version == engine_version,
            ComparisonRow.articles_key == StorySummaryRow.articles_key,
        )
    )
    with Session(engine) as session:
        packed = session.scalar(query)
    return None if packed is None else Report.model_validate_json(zlib.decompress(packed))


def store_report(engine: Engine, story_id: str, articles_key: str, engine_version: str, report: Report) -> None:
    """Keep a story's comparison, replacing any older one."""
    row = ComparisonRow(
        story_id=story_id,
        articles_key=articles_key,
        engine_version=engine_version,
        report=zlib.compress(report.model_dump_json().encode("utf-8"), 6),
        outlet_digest=outlet_digest(report),
        computed_at=datetime.now(UTC),
    )
    with Session(engine) as session, session.begin():
        session.execute(delete(ComparisonRow).where(ComparisonRow.story_id == story_id))
        session.add(row)


def outlet_digest(report: Report) -> dict[str, dict[str, dict[str, int]]]:
    """Per outlet: how often each source is credited, and each framing term used in the outlet's own words."""
    outlet_of = {a.id: a.outlet for a in report.articles if a.outlet}
    digest: dict[str, dict[str, Counter[str]]] = {}
    for article in report.articles:
        if article.outlet:
            entry = digest.setdefault(article.outlet, {"cites": Counter(), "framing": Counter()})
            entry["cites"].update(article.cited_sources)
    for item in report.framing:
        outlet = outlet_of.get(item.article)
        if outlet and not item.in_quote and item.speaker is None:  # a quoted or paraphrased word is the speaker's
            digest[outlet]["framing"][item.text.casefold()] += 1
    return {name: {kind: dict(counts) for kind, counts in entry.items()} for name, entry in digest.items()}


def outlet_cites_and_framing(
    engine: Engine, outlet: str, engine_version: str
) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Whom an outlet cites and the framing it uses most, summed over its stories' valid cached comparisons."""
    query = (
        select(ComparisonRow.outlet_digest)
        .join(StorySummaryRow, StorySummaryRow.story_id == ComparisonRow.story_id)
        .join(StoryOutletRow, StoryOutletRow.story_id == ComparisonRow.story_id)
        .where(
            StoryOutletRow.outlet == outlet,
            ComparisonRow.engine_version == engine_version,
            ComparisonRow.articles_key == StorySummaryRow.articles_key,
        )
    )
    cites: Counter[str] = Counter()
    framing: Counter[str] = Counter()
    with Session(engine) as session:
        for digest in session.scalars(query):
            entry = (digest or {}).get(outlet, {})
            cites.update(entry.get("cites", {}))
            framing.update(entry.get("framing", {}))
    return _top(cites), _top(framing)


def _top(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_ITEMS]
