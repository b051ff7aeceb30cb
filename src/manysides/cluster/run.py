"""The client side of a batch ingest: shards to a Dask cluster (local or given), the rest read here.

Every input file (a folder's files, a glob's matches) is a shard run by `shards.run_shard` on a worker; `-` and
URLs cannot be shipped and are read by this process meanwhile. A shard whose worker dies is run again by the
scheduler (up to `distributed.scheduler.allowed-failures` times); past that, or when the scheduler is gone, the
shard is one failed input and what its worker stored stays: the next run resumes it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from manysides.cluster.shards import ShardResult, run_shard
from manysides.errors import InputError
from manysides.ingest.sources import ReadOptions, expand_inputs, is_url
from manysides.jobs import ItemResult, Summary, ingest
from manysides.store.repository import Store

if TYPE_CHECKING:
    from distributed import Client

CONNECT_SECONDS = 30
SHARD_RETRIES = 1  # an exception inside a shard (the database gone for a moment, say) is tried once more
# A worker samples its own stack every 10 ms for the dashboard, which a local batch run does not show.
LOCAL_CONFIG = {"distributed.worker.profile.enabled": False}
EXTRA_HINT = "install the 'distributed' extra: pip install 'manysides[distributed]'"


class ClusterUnavailable(Exception):
    """No Dask installed, or no scheduler at the address given: one line for the user."""


@contextmanager
def dask_client(workers: int | None, address: str | None) -> Iterator[Client]:
    """A client of the scheduler at `address`, or of a LocalCluster of `workers` processes of one thread."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterUnavailable(f"--workers and --cluster need Dask: {EXTRA_HINT}") from None
    if address:
        try:
            client = Client(address, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError, ValueError) as error:
            raise ClusterUnavailable(f"cannot reach the Dask scheduler at {address} ({error})") from None
        with client:
            yield client
        return
    import dask

    with dask.config.set(LOCAL_CONFIG):
        cluster = LocalCluster(
            n_workers=workers or 1,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    with cluster, Client(cluster) as client:
        yield client


def split_inputs(inputs: Iterable[str], follow_symlinks: bool) -> tuple[list[str], list[str], list[InputError]]:
    """(shards: one per file, inputs read by the client: `-` and URLs, inputs that name nothing readable)."""
    shards: list[str] = []
    local: list[str] = []
    errors: list[InputError] = []
    for item in expand_inputs(inputs, follow_symlinks):
        if isinstance(item, InputError):
            errors.append(item)
        elif item == "-" or is_url(item):
            local.append(item)
        else:
            shards.append(item)
    return shards, local, errors


def ingest_on_cluster(
    client: Client,
    store: Store,
    inputs: Iterable[str],
    options: ReadOptions,
    on_result: Callable[[ItemResult], None] = lambda _result: None,
    on_pages: Callable[[int], None] = lambda _pages: None,
    features: bool = True,
    keep_items: bool = True,
) -> Summary:
    """Run every shard on the cluster and merge what they did; `on_result` sees each kept item, `on_pages`
    the number of a finished shard's other pages (for a progress bar)."""
    from distributed import as_completed

    shards, local, errors = split_inputs(inputs, options.follow_symlinks)
    summary = Summary()
    for error in errors:
        _add(summary, on_result, ItemResult(error.source, "failed", problem=error.problem))
    futures = client.map(
        run_shard,
        shards,
        url=store.url,
        options=options,
        features=features,
        keep_items=keep_items,
        pure=False,
        retries=SHARD_RETRIES,
    )
    shard_of = dict(zip(futures, shards, strict=True))
    if local:
        for result in ingest(store, local, options, features=features).results:
            _add(summary, on_result, result)
    for future in as_completed(futures):
        try:
            done: ShardResult = future.result()
        except Exception as error:  # the worker died too often, the scheduler went away: the shard fails
            _add(summary, on_result, ItemResult(shard_of[future], "failed", problem=shard_failure(error)))
            continue
        finally:
            future.release()
        for item in done.items:
            _add(summary, on_result, item)
        kept = {status: sum(1 for item in done.items if item.status == status) for status in done.counts}
        for status, count in done.counts.items():
            summary.counts[status] += count - kept[status]
        on_pages(sum(done.counts.values()) - len(done.items))
    return summary


def shard_failure(error: Exception) -> str:
    """One line for a shard that did not finish; pages it stored stay and a new run skips them."""
    name = type(error).__name__
    if name == "KilledWorker":
        why = "the worker reading it died each time it was tried (out of memory?)"
    else:
        why = f"it did not finish ({name}: {str(error).splitlines()[0][:200] if str(error) else ''})"
    return f"{why}; its pages stored so far stay, and running the same ingest again resumes it"


def _add(summary: Summary, on_result: Callable[[ItemResult], None], result: ItemResult) -> None:
    summary.add(result)
    on_result(result)
