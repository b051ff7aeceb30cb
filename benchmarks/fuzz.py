"""Fuzz campaign (issue 19): hostile and damaged inputs through every reader and renderer; crashes by cause.

    python -m benchmarks fuzz                               # 100,000 cases on every core
    python -m benchmarks.fuzz --cases 2000 --jobs 2         # a shorter campaign
    python -m benchmarks.fuzz --minutes 20                  # as many cases as fit in 20 minutes
    python -m benchmarks.fuzz --replay 1234                 # case 1234 again, with its traceback

Case i is made from the seed and i alone (benchmarks/fuzz_cases.py: generated markup, character references,
feeds, WARC, JSON Lines, text dumps, random bytes, and mutated real pages of ../shared/datasets), so any case
found here replays. Every case goes through reading, extraction and the store; one in `--listing-every` also
through stories and the CLI listings; one in `--compare-every` is a pair of cases compared by the real engine and
rendered as text, Markdown and HTML (benchmarks/fuzz_oracle.py says what each stage must never do). A crash
is any case that breaks that contract. Crashes are grouped by stage, exception and the innermost ManySides
function; the first case of each cause is shrunk to a small reproducer. Target (issue 19): 0 crashes in 100,000
cases.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import random
import re
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path

from benchmarks.datasets import SHARED
from benchmarks.fuzz_cases import Case, Corpus, make_case
from benchmarks.fuzz_oracle import CaseTimeout, Finding, Workbench, check_case, check_pair, library_logging

CASES = 100_000
SEED = 19
COMPARE_EVERY = 25  # a compared pair costs ~20 single cases
LISTING_EVERY = 4  # the CLI listings cost ~4 times reading and extracting a generated page
SHRINK_SECONDS = 60.0  # per cause
CASE_SECONDS = 30  # a case still running after this is stopped and counted: no page may take that long
_SRC = re.compile(r".*/(src/manysides/|site-packages/)")


@dataclass(frozen=True)
class Crash:
    """One case that broke the contract: where, why, and the bytes that did it."""

    index: int
    cause: str  # stage, exception or problem, and the innermost ManySides function: the grouping key
    location: str  # innermost ManySides frame, then the innermost frame of all when that is a library's
    problem: str
    cases: tuple[Case, ...]


@dataclass(frozen=True)
class Outcome:
    index: int
    kind: str
    seconds: float
    crash: Crash | None = None


@dataclass
class Tally:
    outcomes: int = 0
    seconds: float = 0.0
    kinds: Counter[str] = field(default_factory=Counter)
    kind_crashes: Counter[str] = field(default_factory=Counter)
    causes: dict[str, list[Crash]] = field(default_factory=lambda: defaultdict(list))
    slowest: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.outcomes += 1
        self.kinds[outcome.kind] += 1
        if outcome.crash is not None:
            self.kind_crashes[outcome.kind] += 1
            self.causes[outcome.crash.cause].append(outcome.crash)
        self.slowest = sorted([*self.slowest, outcome], key=lambda o: -o.seconds)[:3]


def case_at(seed: int, index: int, corpus: Corpus, part: str = "") -> Case:
    return make_case(random.Random(f"{seed}/{index}{part}"), corpus)


def is_pair(index: int, compare_every: int) -> bool:
    return compare_every > 0 and index % compare_every == compare_every - 1


def _frame_name(frame: traceback.FrameSummary) -> str:
    return f"{_SRC.sub('', frame.filename)}:{frame.lineno} {frame.name}"


def describe(finding: Finding) -> tuple[str, str]:
    """(cause, location): a crash by its exception and innermost ManySides function; a broken rule by its rule."""
    error = finding.__cause__
    if error is None:
        rule = re.sub(r"\d+", "N", finding.problem.split(": ", 1)[0] if finding.stage != "stderr" else finding.problem)
        return f"{finding.stage}: {rule[:90]}", ""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/manysides/" in f.filename and "/benchmarks/" not in f.filename]
    inner = frames[-1] if frames else None
    location = _frame_name(ours[-1]) if ours else ""
    if inner is not None and (not ours or inner is not ours[-1]):
        location += f" -> {_frame_name(inner)}"
    function = f"{_SRC.sub('', ours[-1].filename)} {ours[-1].name}" if ours else location
    return f"{finding.stage}: {type(error).__name__} in {function}", location.strip(" ->")


@dataclass
class Worker:
    """What a worker process keeps between cases: made once by the pool's initializer."""

    bench: Workbench
    corpus: Corpus
    case_seconds: int
    logging_reported: bool = False


_WORKER: list[Worker] = []  # this process's Worker, once started


def _too_slow(_signum: int, _frame: object) -> None:
    raise CaseTimeout(f"still running after {_WORKER[0].case_seconds} s")


def _start_worker(folder: str, case_seconds: int = CASE_SECONDS) -> None:
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - what a library prints past the oracle must not flood the report
    signal.signal(signal.SIGALRM, _too_slow)
    corpus = Corpus.load(SHARED / "datasets" if (SHARED / "datasets").is_dir() else None)
    _WORKER.append(Worker(Workbench(Path(folder) / str(os.getpid())), corpus, case_seconds))


def _cases(worker: Worker, seed: int, index: int, compare_every: int) -> tuple[Case, ...]:
    if is_pair(index, compare_every):
        return case_at(seed, index, worker.corpus, "a"), case_at(seed, index, worker.corpus, "b")
    return (case_at(seed, index, worker.corpus),)


def run_index(seed: int, index: int, compare_every: int, listing_every: int) -> Outcome:
    worker = _WORKER[0]
    cases = _cases(worker, seed, index, compare_every)
    kind = "pair" if len(cases) == 2 else cases[0].kind.split("+")[0]
    started = time.perf_counter()
    signal.alarm(worker.case_seconds)
    try:
        if len(cases) == 2:
            check_pair(cases[0], cases[1], worker.bench)
        else:
            check_case(cases[0], worker.bench, listings=listing_every > 0 and index % listing_every == 0)
        if not worker.logging_reported:
            worker.logging_reported = True  # once a library configured logging it stays so: report it once
            library_logging()
            worker.logging_reported = False
        crash = None
    except Finding as finding:
        cause, location = describe(finding)
        crash = Crash(index, cause, location, finding.problem[:300], cases)
    except CaseTimeout as error:  # between two stages: the oracle's own checks
        crash = Crash(index, "timeout: CaseTimeout in the oracle's checks", "", str(error), cases)
    finally:
        signal.alarm(0)
    return Outcome(index, kind, time.perf_counter() - started, crash)


def _run_star(args: tuple[int, int, int, int]) -> Outcome:
    return run_index(*args)


def shrink(data: bytes, fails: Callable[[bytes], bool], deadline: float) -> bytes:
    """Delete chunks, halving their size, while the same cause still shows: a short reproducer, in a budget."""
    chunk = max(len(data) // 2, 1)
    while time.perf_counter() < deadline:
        at, removed = 0, False
        while at < len(data) and time.perf_counter() < deadline:
            candidate = data[:at] + data[at + chunk :]
            if candidate and fails(candidate):
                data, removed = candidate, True
            else:
                at += chunk
        if chunk == 1 and not removed:
            break
        chunk = max(chunk // 2, 1) if not removed else chunk
    return data


def shrink_crash(crash: Crash, bench: Workbench, seconds: float) -> tuple[Case, str]:
    """The first case of a cause, shrunk; a gzipped case is shrunk inside its gzip. With how to rebuild it."""
    case = crash.cases[0]
    zipped = case.kind.endswith("+gzip")
    pack: Callable[[bytes], bytes] = (lambda data: gzip.compress(data, 1)) if zipped else (lambda data: data)

    def fails(data: bytes) -> bool:
        try:
            check_case(Case(case.kind, case.name, pack(data)), bench)
        except Finding as finding:
            return describe(finding)[0] == crash.cause
        return False

    inner = gzip.decompress(case.data) if zipped else case.data
    with open(os.devnull, "w") as devnull, contextlib.redirect_stderr(devnull):
        small = Case(case.kind, case.name, shrink(inner, fails, time.perf_counter() + seconds))
    return small, "gzip.compress of " if zipped else ""


def run(args: argparse.Namespace) -> Tally:
    tally = Tally()
    stop_at = time.perf_counter() + args.minutes * 60 if args.minutes else None
    with tempfile.TemporaryDirectory(prefix="manysides-fuzz-") as folder:
        tasks = ((args.seed, index, args.compare_every, args.listing_every) for index in range(args.cases))
        with Pool(args.jobs, initializer=_start_worker, initargs=(folder, args.case_seconds)) as pool:
            for outcome in pool.imap_unordered(_run_star, tasks, chunksize=4):
                tally.add(outcome)
                if tally.outcomes % 1000 == 0:
                    found = sum(tally.kind_crashes.values())
                    print(f"  ... {tally.outcomes} cases, {found} crashes", flush=True)
                if stop_at and time.perf_counter() > stop_at:
                    pool.terminate()
                    break
    return tally


def report(tally: Tally, seconds: float, settings: str, shrink_seconds: float) -> None:
    crashes = sum(tally.kind_crashes.values())
    print(f"Fuzz campaign: {tally.outcomes} cases ({settings}) in {seconds:.0f} s")
    print(f"  cases per second: {tally.outcomes / seconds:.1f}")
    print(f"  crashes: {crashes} in {tally.outcomes} cases, {len(tally.causes)} causes (target: 0 in 100,000)")
    rows = [f"{kind} {tally.kinds[kind]}/{tally.kind_crashes[kind]}" for kind in sorted(tally.kinds)]
    print("  cases/crashes by generator: " + ", ".join(rows))
    print("  slowest: " + ", ".join(f"#{o.index} {o.kind} {o.seconds:.1f} s" for o in tally.slowest))
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  largest worker process: {largest:.0f} MB (peak resident, models loaded)")
    with tempfile.TemporaryDirectory(prefix="manysides-fuzz-shrink-") as folder:
        bench = Workbench(Path(folder))
        for number, (cause, found) in enumerate(sorted(tally.causes.items(), key=lambda c: -len(c[1])), start=1):
            first = min(found, key=lambda c: c.index)
            print(f"\ncause {number}: {cause} — {len(found)} cases, first #{first.index}")
            if first.location:
                print(f"  at {first.location}")
            print(f"  problem: {first.problem[:240]}")
            if first.cause.startswith("logging"):
                print(f"  state of the worker process, first seen after case #{first.index} (not of its bytes)")
            elif "CaseTimeout" in first.cause:
                print(f"  (not shrunk: slow) replay with --replay {first.index}")
            elif len(first.cases) == 1 and shrink_seconds > 0:
                small, how = shrink_crash(first, bench, shrink_seconds)
                size = f"{len(small.data)} of {len(first.cases[0].data)} bytes"
                print(f"  reproducer ({small.name}, {how}{size}):")
                print(f"    {small.literal(600)}")
            else:
                for case in first.cases:
                    print(f"  case ({case.kind}, {case.name}): {case.literal(300)}")
        bench.close()


def replay(seed: int, index: int, compare_every: int) -> None:
    """One case in this process; a Finding is raised with its whole traceback."""
    with tempfile.TemporaryDirectory(prefix="manysides-fuzz-") as folder:
        _start_worker(folder)
        sys.stderr = sys.__stderr__
        worker = _WORKER[0]
        cases = _cases(worker, seed, index, compare_every)
        for case in cases:
            print(f"case #{index}: {case.kind} {case.name}\n  {case.literal(2000)}")
        if len(cases) == 2:
            check_pair(cases[0], cases[1], worker.bench)
        else:
            check_case(cases[0], worker.bench)
        print("no finding")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=CASES, help="how many cases (a compared pair counts as one)")
    parser.add_argument("--minutes", type=float, help="stop after this long, whatever --cases says")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--compare-every", type=int, default=COMPARE_EVERY, help="0: never compare")
    parser.add_argument("--listing-every", type=int, default=LISTING_EVERY, help="0: never run the CLI listings")
    parser.add_argument("--case-seconds", type=int, default=CASE_SECONDS, help="stop and count a slower case")
    parser.add_argument("--shrink-seconds", type=float, default=SHRINK_SECONDS, help="per cause; 0: no shrinking")
    parser.add_argument("--replay", type=int, metavar="INDEX", help="run one case here, with its traceback")
    args = parser.parse_args()
    if args.replay is not None:
        replay(args.seed, args.replay, args.compare_every)
        return
    started = time.perf_counter()
    tally = run(args)
    settings = (
        f"seed {args.seed}, {args.jobs} jobs, 1 in {args.listing_every} with the CLI listings,"
        f" 1 in {args.compare_every} a compared pair"
    )
    report(tally, time.perf_counter() - started, settings, args.shrink_seconds)


if __name__ == "__main__":
    main()
