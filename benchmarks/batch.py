"""Batch ingest benchmark: `manysides ingest` (stories included) serially, on 1 and on 2 local Dask workers, into
SQLite and PostgreSQL; then the serial path's articles per CPU-second before and after bulk inserts.

    python -m benchmarks.batch                      # 2000 articles in 8 shards; before/after on 1000
    python -m benchmarks.batch --articles 4000 --shards 16 --before 01ded85 --cpu-articles 1500

The articles are real (GVA and BASIL, from ../shared/datasets) made into a volume the way the stories benchmark
makes one (`benchmarks.stories.volume`: each copy of a story shifted in time by up to five years, given random
outlets, keeping a random 40% of its sentences and losing 2% of its words), written as JSON Lines shards.

Every run is a fresh `python -m manysides ingest ... --json` process on a fresh database, so each figure counts
everything a user waits for: start-up, model loading, the cluster's start, extraction, embedding, storage and
story assignment. CPU time is user + system of that process and all its descendants (the Dask scheduler and
workers included), read from `wait4`; peak memory is the largest single process's. Before/after compares the
code of two revisions (`git archive`), run in alternating passes (A B, B A, A B) with the median kept, as
`benchmarks/timing.py` does for extractors. PostgreSQL: MANYSIDES_TEST_PG_URL, else a throwaway server from
`.ci/postgres.sh`, else those rows are skipped with a line saying why.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.batch_data import write_shards
from benchmarks.stories import bcubed, volume

REPO = Path(__file__).resolve().parents[1]
PG_VARIABLE = "MANYSIDES_TEST_PG_URL"
BEFORE = "01ded85"  # the last revision storing each page in its own ORM transaction
PASSES = 3
SMALL = 40  # articles of the small run whose cost the marginal rates leave out


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float
    stored: int
    assigned: int


def ingest(shards: list[Path], db: str, *extra: str, src: Path = REPO / "src") -> Run:
    """One `manysides ingest` process tree; its wall time, CPU time (descendants included) and peak memory."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-m", "manysides", "ingest", *map(str, shards), "--db", db, "--json", *extra]
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env, cwd=REPO)
        _, status, usage = os.wait4(process.pid, 0)  # reaped here, so its descendants' rusage comes with it
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        if process.returncode not in (0, 1):  # 1: some input failed, said in the counts
            raise RuntimeError(f"ingest failed: {stderr.read().decode(errors='replace')[-2000:]}")
        report = json.loads(stdout.read())
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, usage.ru_maxrss / 1024, report["stored_articles"], report.get("stories_assigned", 0))


def stories_of(db: str) -> dict[str, str]:
    """Article id -> story id, as stored."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT article_id, story_id FROM article_stories"))
            return {article_id: story_id for article_id, story_id in rows}
    finally:
        engine.dispose()


@contextmanager
def sqlite_db() -> Iterator[str]:
    folder = Path(tempfile.mkdtemp(prefix="manysides-batch-"))
    try:
        yield f"sqlite:///{folder / 'bench.db'}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def postgres_server() -> Iterator[str | None]:
    """The PostgreSQL server to use, or None (said on stdout) when there is none."""
    given = os.environ.get(PG_VARIABLE)
    if given:
        yield given
        return
    script = REPO / ".ci" / "postgres.sh"
    done = subprocess.run([str(script), "start"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"PostgreSQL rows skipped: no {PG_VARIABLE} and `.ci/postgres.sh start` failed: {done.stderr.strip()}")
        yield None
        return
    exports = dict(line.removeprefix("export ").split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    folder = exports["MANYSIDES_TEST_PG_DIR"].strip("'")
    try:
        yield exports[PG_VARIABLE].strip("'")
    finally:
        subprocess.run([str(script), "stop", folder], check=False)


@contextmanager
def postgres_db(server: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"manysides_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


MODES = {"serial": (), "1 worker": ("--workers", "1"), "2 workers": ("--workers", "2")}


def row(backend: str, mode: str, n: int, run: Run, small: Run, n_small: int) -> str:
    """The whole run, then its marginal rates: (n - n_small) articles over the time above the small run's."""
    extra_wall, extra_cpu = max(run.wall - small.wall, 1e-9), max(run.cpu - small.cpu, 1e-9)
    return (
        f"| {backend} | {mode} | {n} | {run.wall:.1f} | {run.cpu:.1f} | {n / run.wall:.0f} | {n / run.cpu:.0f} "
        f"| {(n - n_small) / extra_wall:.0f} | {(n - n_small) / extra_cpu:.0f} | {run.peak_mb:.0f} "
        f"| {run.stored} | {run.assigned} |"
    )


def throughput(shards: list[Path], n: int, small: list[Path], n_small: int, pg_server: str | None) -> None:
    """Serial, 1 and 2 local workers on SQLite, then on PostgreSQL; the scaling ratios per backend."""
    print(f"\n### Ingest + story assignment, {n} articles in {len(shards)} shards (one fresh process tree each)\n")
    print(
        f"Marginal: the articles beyond a run of {n_small} (one shard) over the time beyond that run's, so start-up, "
        "model loading and the cluster's start drop out. Load average at start:",
        " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "\n",
    )
    print(
        "| database | mode | articles | wall s | CPU s | articles/s | articles/CPU-s | marginal articles/s "
        "| marginal articles/CPU-s | peak MB | stored | assigned |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    backends: list[tuple[str, Callable[[], AbstractContextManager[str]]]] = [("SQLite", sqlite_db)]
    if pg_server:
        backends.append(("PostgreSQL", lambda: postgres_db(pg_server)))
    ratios = []
    grouped: dict[tuple[str, str], dict[str, str]] = {}
    for backend, opener in backends:
        runs: dict[str, tuple[Run, Run]] = {}
        for mode, extra in MODES.items():
            with opener() as db:
                few = ingest(small, db, *extra)
            with opener() as db:
                runs[mode] = (ingest(shards, db, *extra), few)
                grouped[backend, mode] = stories_of(db)
            print(row(backend, mode, n, *runs[mode], n_small), flush=True)
        marginal = {mode: (big.wall - few.wall) for mode, (big, few) in runs.items()}
        ratios.append(
            f"{backend}: 2 workers / 1 worker: whole run {runs['1 worker'][0].wall / runs['2 workers'][0].wall:.2f}, "
            f"marginal {marginal['1 worker'] / marginal['2 workers']:.2f}; "
            f"2 workers / serial: whole run {runs['serial'][0].wall / runs['2 workers'][0].wall:.2f}, "
            f"marginal {marginal['serial'] / marginal['2 workers']:.2f}"
        )
    print("\nScaling (wall-clock throughput ratios; this machine has", os.cpu_count(), "cores):")
    for line in ratios:
        print("  " + line)
    reference = grouped["SQLite", "serial"]
    print("\nStories against the serial SQLite run (B-cubed F1 over all articles; identical = same story ids):")
    for (backend, mode), found in grouped.items():
        same = "identical" if found == reference else "different"
        print(f"  {backend} {mode}: {bcubed(found, reference)[2]:.4f} ({same})")


def _worker_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _load_model() -> None:
    from manysides.stories.embed import embedder

    embedder("default")


def phases(shards: list[Path], n: int) -> None:
    """Where a run's wall time goes, in this process (SQLite): the cluster's start, the shards (workers extract,
    embed and store; CPU summed over the workers), and story assignment on the client, which no worker shares."""
    from manysides.cluster.run import dask_client, ingest_on_cluster
    from manysides.ingest.quiet import quiet_libraries
    from manysides.ingest.sources import ReadOptions
    from manysides.jobs import assign_stories
    from manysides.jobs import ingest as ingest_serially
    from manysides.store.repository import Store

    quiet_libraries()
    print(f"\n### Phases, {n} articles in {len(shards)} shards, SQLite, models loaded before timing\n")
    print("Load average at start:", " ".join(f"{x:.1f}" for x in os.getloadavg()), "\n")
    print("| mode | cluster start s | shards wall s | shards CPU s | articles/s in shards | assignment s |")
    print("|---|---|---|---|---|---|")
    inputs = [str(path) for path in shards]
    shard_wall: dict[int, float] = {}
    for workers in (0, 1, 2):
        with sqlite_db() as db:
            store = Store(db)
            started = time.perf_counter()
            if workers == 0:
                _load_model()
                begun, cpu = time.perf_counter(), time.process_time()
                ingest_serially(store, inputs, ReadOptions())
                done, cpu = time.perf_counter(), time.process_time() - cpu
                start_cost = 0.0
            else:
                with dask_client(workers, None) as client:
                    start_cost = time.perf_counter() - started
                    client.run(_load_model)
                    before = sum(client.run(_worker_cpu).values())
                    begun = time.perf_counter()
                    ingest_on_cluster(client, store, inputs, ReadOptions())
                    done = time.perf_counter()
                    cpu = sum(client.run(_worker_cpu).values()) - before
            assigning = time.perf_counter()
            assign_stories(store)
            assigned = time.perf_counter() - assigning
            store.close()
        shard_wall[workers] = done - begun
        mode = "serial (in process)" if workers == 0 else f"{workers} worker{'s' if workers > 1 else ''}"
        print(
            f"| {mode} | {start_cost:.1f} | {done - begun:.1f} | {cpu:.1f} | {n / (done - begun):.0f} "
            f"| {assigned:.1f} |",
            flush=True,
        )
    print(f"\nShards: 2 workers / 1 worker throughput {shard_wall[1] / shard_wall[2]:.2f}")


@contextmanager
def revision_source(revision: str) -> Iterator[Path]:
    """The `src` folder of a git revision, unpacked into a temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="manysides-rev-"))
    try:
        archive = subprocess.run(["git", "archive", revision, "src"], cwd=REPO, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
        yield folder / "src"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


PROBE = """
import inspect, json, sys, tempfile, time
from manysides.ingest.quiet import quiet_libraries
from manysides.ingest.sources import ReadOptions
from manysides.jobs import assign_stories, ingest
from manysides.store.repository import Store

quiet_libraries()
shards, warm = json.loads(sys.argv[1]), sys.argv[2]
storage_only = {"features": False} if "features" in inspect.signature(ingest).parameters else {}
folder = tempfile.mkdtemp()
warmed = Store(f"sqlite:///{folder}/warm.db")
ingest(warmed, [warm], ReadOptions())
assign_stories(warmed)
plain = Store(f"sqlite:///{folder}/plain.db")
started = time.process_time()
ingest(plain, shards, ReadOptions(), **storage_only)
storage = time.process_time() - started
full = Store(f"sqlite:///{folder}/full.db")
started = time.process_time()
ingest(full, shards, ReadOptions())
stored = time.process_time()
assign_stories(full)
done = time.process_time()
print(json.dumps({"plain": storage, "ingest": stored - started, "stories": done - stored, "n": full.count()}))
"""


def probe(shards: list[Path], warm: Path, src: Path) -> dict[str, float]:
    """CPU seconds of one revision's serial path, in a process of its own, after a warm-up (models loaded)."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-c", PROBE, json.dumps([str(p) for p in shards]), str(warm)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def before_after(shards: list[Path], warm: Path, n: int, before: str, after: str) -> None:
    """Articles per CPU-second of the serial path at two revisions, alternating passes, median kept."""
    print(f"\n### Serial path, {n} articles, revision {before} (page by page) against {after}, SQLite\n")
    print(f"CPU seconds in the process, models loaded, median of {PASSES} alternating passes:\n")
    print(
        "| revision | ingest without story features | articles/CPU-s | ingest | stories | ingest + stories "
        "| articles/CPU-s |"
    )
    print("|---|---|---|---|---|---|---|")
    with revision_source(before) as old, revision_source(after) as new:
        sources = {before: old, after: new}
        found: dict[str, list[dict[str, float]]] = {before: [], after: []}
        order = [before, after]
        for k in range(PASSES):
            for revision in order[k % 2 :] + order[: k % 2]:
                found[revision].append(probe(shards, warm, sources[revision]))
        for revision in order:
            plain, ingest_cpu, stories = (
                statistics.median(p[key] for p in found[revision]) for key in ("plain", "ingest", "stories")
            )
            total = ingest_cpu + stories
            print(
                f"| {revision} | {plain:.2f} | {n / plain:.0f} | {ingest_cpu:.2f} | {stories:.2f} | {total:.2f} "
                f"| {n / total:.0f} |",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--cpu-articles", type=int, default=1000, help="articles in the before/after passes")
    parser.add_argument("--before", default=BEFORE, help="revision of the page-by-page serial path")
    parser.add_argument("--after", default="HEAD", help="revision with bulk inserts")
    parser.add_argument("--skip-before-after", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="manysides-shards-"))
    try:
        articles = [a for a in volume(args.articles) if a.body.strip()]
        shards = write_shards(folder / "all", articles, args.shards)
        small = write_shards(folder / "small", articles[:SMALL], 1)
        phases(shards, len(articles))
        if not args.skip_throughput:
            with postgres_server() as pg_server:
                throughput(shards, len(articles), small, SMALL, pg_server)
        if not args.skip_before_after:
            few = write_shards(folder / "few", articles[: args.cpu_articles], max(1, args.shards // 2))
            before_after(few, small[0], min(args.cpu_articles, len(articles)), args.before, args.after)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
