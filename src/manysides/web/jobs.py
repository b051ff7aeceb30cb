"""Ingest jobs started from the browser or the API: one at a time, in a background thread, with progress.

A job holds what a person watching needs: pages done, the counts, and one line per bad input (as the CLI prints
them). Uploaded files live in a private temporary folder that is removed when the job ends.
"""

from __future__ import annotations

import secrets
import shutil
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from manysides.ingest.sources import ReadOptions
from manysides.jobs import ItemResult
from manysides.present.safe_text import one_line
from manysides.service import Service

JobState = Literal["queued", "running", "done", "failed"]
KEPT_JOBS = 100  # finished jobs remembered for their pages; older ones are forgotten
LINE_CHARS = 500


@dataclass
class Job:
    id: str
    inputs: int
    state: JobState = "queued"
    pages_done: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {"new": 0, "unchanged": 0, "updated": 0, "failed": 0})
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    stories_assigned: int = 0
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    finished: str | None = None

    @property
    def running(self) -> bool:
        return self.state in ("queued", "running")

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "state": self.state,
            "inputs": self.inputs,
            "pages_done": self.pages_done,
            "counts": dict(self.counts),
            "errors": list(self.errors),
            "warnings": list(self.warnings),
            "article_ids": list(self.article_ids),
            "stories_assigned": self.stories_assigned,
            "created": self.created,
            "finished": self.finished,
        }


class JobRunner:
    """Runs ingest jobs one after another on a single worker thread."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="manysides-ingest")

    def submit(
        self, inputs: list[str], options: ReadOptions, workdir: Path | None = None, refused: list[str] | None = None
    ) -> Job:
        """Queue an ingest of `inputs`; `workdir` (uploaded files) is shown by file name and removed afterwards.

        `refused` are the lines already turned down (not a URL, too many): they count as failed inputs."""
        refused = refused or []
        job = Job(id=secrets.token_urlsafe(12), inputs=len(inputs) + len(refused), errors=list(refused))
        job.counts["failed"] = len(refused)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEPT_JOBS:
                oldest = next(iter(self._jobs))
                if self._jobs[oldest].running:
                    break
                del self._jobs[oldest]
        self._worker.submit(self._run, job, inputs, options, workdir)
        return job

    def get(self, job_id: str) -> dict[str, object] | None:
        """A snapshot of the job, safe to read while the worker updates it."""
        with self._lock:
            job = self._jobs.get(job_id)
            return job.as_json() if job else None

    def close(self) -> None:
        self._worker.shutdown(wait=False, cancel_futures=True)

    def _run(self, job: Job, inputs: list[str], options: ReadOptions, workdir: Path | None) -> None:
        shown = _display(workdir)
        with self._lock:
            job.state = "running"

        def progress(result: ItemResult) -> None:
            with self._lock:
                job.pages_done += 1
                job.counts[result.status] = job.counts.get(result.status, 0) + 1
                source = shown(result.source)
                if result.status == "failed":
                    job.errors.append(one_line(f"{source}: {result.problem or 'failed'}", LINE_CHARS))
                elif result.warning:
                    job.warnings.append(one_line(f"{source}: {result.warning}", LINE_CHARS))
                if result.article_id and result.status in ("new", "updated"):
                    job.article_ids.append(result.article_id)

        try:
            _summary, assigned = self.service.ingest(inputs, options, on_result=progress)
            state: JobState = "done"
        except Exception as error:  # a job that breaks says so on its page; the server goes on
            assigned, state = 0, "failed"
            with self._lock:
                job.errors.append(one_line(f"ingest stopped: {type(error).__name__}: {error}", LINE_CHARS))
        finally:
            if workdir is not None:
                shutil.rmtree(workdir, ignore_errors=True)
        with self._lock:
            job.stories_assigned = assigned
            job.state = state
            job.finished = datetime.now(UTC).isoformat(timespec="seconds")


def _display(workdir: Path | None) -> Callable[[str], str]:
    """Sources inside the upload folder are shown by their uploaded name, never the server's temp path."""
    if workdir is None:
        return lambda source: source
    prefix = str(workdir) + "/"

    def shown(source: str) -> str:
        if not source.startswith(prefix):
            return source
        name = source[len(prefix) :]
        return name.split("-", 1)[1] if "-" in name else name

    return shown
