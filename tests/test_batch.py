"""Batch ingest on Dask (`--workers`, `--cluster`): real LocalClusters, real BASIL articles and extraction pages.

The stories of a batch run are compared with a serial run of the same inputs; workers are killed for real
(SIGKILL to the worker process, or to the whole `ingest` process group) and the database checked afterwards.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from benchmarks.batch_data import story_docs, write_shards
from benchmarks.stories import bcubed
from sqlalchemy import create_engine, text

from manysides.cluster.run import dask_client, ingest_on_cluster
from manysides.ingest.sources import ReadOptions
from manysides.jobs import Summary
from manysides.store.repository import Store
from tests.helpers import run_cli, scalar

REPO = Path(__file__).resolve().parents[1]
ARTICLES = 150  # BASIL articles (50 events, three outlets each) in the comparisons: enough stories, quick
SHARDS = 3
HTML_PAGES = 6  # real pages of the extraction benchmark, one shard each


def _stories(url: str) -> dict[str, str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return dict(connection.execute(text("SELECT article_id, story_id FROM article_stories")).tuples().all())
    finally:
        engine.dispose()


def _consistent(url: str) -> None:
    """Every page has its article and every article its page; no feature row outlives its article's wait."""
    pages = scalar(url, "SELECT COUNT(*) FROM pages")
    assert scalar(url, "SELECT COUNT(*) FROM articles") == pages
    assert scalar(url, "SELECT COUNT(DISTINCT page_id) FROM articles") == pages
    assigned = "SELECT COUNT(*) FROM article_features f JOIN article_stories s ON s.article_id = f.article_id"
    assert scalar(url, assigned) == 0


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory, datasets_dir: Path) -> list[str]:
    folder = tmp_path_factory.mktemp("shards")
    docs = story_docs(ARTICLES)
    shards = write_shards(folder, [d.article for d in docs], SHARDS)
    html = sorted((datasets_dir / "article-extraction" / "html").glob("*.html.gz"))[:HTML_PAGES]
    return [*map(str, shards), *map(str, html)]


@pytest.fixture(scope="module")
def serial(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict]]:
    """The same inputs ingested by one process, the reference every batch run is held to."""
    url = f"sqlite:///{tmp_path_factory.mktemp('serial') / 'serial.db'}"
    run = run_cli("ingest", *inputs, "--db", url, "--json")
    assert run.exit_code == 0, run.stderr
    yield url, run.json()


def _items(report: dict) -> list[tuple[str, str, str | None]]:
    return sorted((item["source"], item["status"], item["article_id"]) for item in report["items"])


def test_two_local_workers_store_every_page_once_and_group_as_one_process_does(
    inputs: list[str], serial: tuple[str, dict], db_url: str
) -> None:
    serial_url, serial_report = serial
    run = run_cli("ingest", *inputs, "--db", db_url, "--workers", "2", "--json")
    assert run.exit_code == 0, run.stderr
    report = run.json()
    assert report["counts"] == serial_report["counts"] and report["counts"]["failed"] == 0
    assert _items(report) == _items(serial_report)
    assert report["stories_assigned"] == report["stored_articles"] == ARTICLES + HTML_PAGES
    _consistent(db_url)
    ours, theirs = _stories(db_url), _stories(serial_url)
    assert ours.keys() == theirs.keys()
    assert bcubed(ours, theirs)[2] >= 0.99


def test_one_worker_gives_exactly_the_stories_of_one_process(
    inputs: list[str], serial: tuple[str, dict], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'one.db'}"
    run = run_cli("ingest", *inputs, "--db", url, "--workers", "1", "--json")
    assert run.exit_code == 0, run.stderr
    assert _stories(url) == _stories(serial[0])


def test_a_worker_killed_in_the_middle_of_a_shard_loses_and_duplicates_no_page(db_url: str, tmp_path: Path) -> None:
    docs = story_docs(300)
    shard = write_shards(tmp_path / "one", [d.article for d in docs], 1)[0]
    store = Store(db_url)
    done: dict[str, Summary] = {}
    try:
        with dask_client(1, None) as client:
            (worker_pid,) = client.run(os.getpid).values()
            thread = threading.Thread(
                target=lambda: done.update(summary=ingest_on_cluster(client, store, [str(shard)], ReadOptions()))
            )
            thread.start()
            deadline = time.monotonic() + 120
            while store.count() == 0 and time.monotonic() < deadline:
                time.sleep(0.02)
            stored_before = store.count()
            os.kill(worker_pid, signal.SIGKILL)  # the worker process itself; its nanny starts a new one
            thread.join(timeout=300)
            assert not thread.is_alive()
            assert worker_pid not in client.run(os.getpid).values()
        assert 0 < stored_before < len(docs), "the shard must be killed part way"
        summary = done["summary"]
        assert summary.failed == 0
        assert summary.counts["new"] + summary.counts["unchanged"] == len(docs)
        assert summary.counts["unchanged"] >= stored_before  # the retried shard skipped what was stored
        assert store.count() == len(docs)
        _consistent(db_url)
    finally:
        store.close()


def test_a_killed_run_leaves_the_database_consistent_and_the_next_run_resumes(
    inputs: list[str], serial: tuple[str, dict], db_url: str, tmp_path: Path
) -> None:
    command = [sys.executable, "-m", "manysides", "ingest", *inputs, "--db", db_url, "--workers", "2"]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tmp_path, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline and _count_or_zero(db_url) == 0:
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # client, scheduler and workers at once: all of this run
        process.wait()
    stored = _count_or_zero(db_url)
    assert 0 < stored < ARTICLES + HTML_PAGES, "the run must be killed part way"
    _consistent(db_url)
    run = run_cli("ingest", *inputs, "--db", db_url, "--workers", "2", "--json")
    assert run.exit_code == 0, run.stderr
    report = run.json()
    assert report["counts"]["unchanged"] >= stored and report["counts"]["failed"] == 0
    assert report["stored_articles"] == ARTICLES + HTML_PAGES
    assert scalar(db_url, "SELECT COUNT(*) FROM article_stories") == ARTICLES + HTML_PAGES
    _consistent(db_url)
    assert bcubed(_stories(db_url), _stories(serial[0]))[2] >= 0.99


def _count_or_zero(url: str) -> int:
    try:
        return scalar(url, "SELECT COUNT(*) FROM articles")
    except Exception:  # the run has not created the tables yet
        return 0


def test_an_existing_cluster_is_used_by_its_address(inputs: list[str], serial: tuple[str, dict], db_url: str) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        run = run_cli("ingest", *inputs, "--db", db_url, "--cluster", cluster.scheduler_address, "--json")
    assert run.exit_code == 0, run.stderr
    assert _stories(db_url) == _stories(serial[0])


def test_without_the_distributed_extra_workers_is_one_error_line(tmp_path: Path, inputs: list[str]) -> None:
    blocked = tmp_path / "no-dask" / "distributed"
    blocked.mkdir(parents=True)
    (blocked / "__init__.py").write_text("raise ImportError('distributed is not installed here')\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocked.parent), str(REPO / "src")])}
    db = tmp_path / "never.db"
    command = [sys.executable, "-m", "manysides", "ingest", inputs[0], "--db", str(db), "--workers", "2"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: --workers") and "distributed" in lines[0], done.stderr
    assert not db.exists()  # nothing was started or created
