"""One shard on a worker: read one input file or archive, extract, embed and store its pages in batches.

Nothing here holds more than a batch of pages: archives are streamed by the readers, and a shard's pages are
written as they come (`jobs.ingest_pages`). Killed part way, a shard is run again by the scheduler; its pages
already stored are found by their bytes and skipped, so none is lost or stored twice.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from manysides.ingest.quiet import quiet_libraries
from manysides.ingest.sources import ReadOptions, iter_pages
from manysides.jobs import ItemResult, ingest_pages
from manysides.store.repository import Store

_STORES: dict[str, Store] = {}  # one engine (and connection pool) per database per worker process


@dataclass
class ShardResult:
    """What a shard did: counts of every page, and the items worth showing (all of them with `keep_items`)."""

    shard: str
    counts: Counter[str] = field(default_factory=Counter)
    items: list[ItemResult] = field(default_factory=list)


def run_shard(shard: str, url: str, options: ReadOptions, features: bool, keep_items: bool) -> ShardResult:
    """Ingest one input on this worker. Without `keep_items` only failed and doubtful pages are kept, so the
    result stays small however many pages an archive holds."""
    quiet_libraries()
    store = _STORES.get(url)
    if store is None:
        store = _STORES[url] = Store(url)
    result = ShardResult(shard)
    for item in ingest_pages(store, iter_pages([shard], options), features):
        result.counts[item.status] += 1
        if keep_items or item.status == "failed" or item.warning:
            result.items.append(item)
    return result
