"""Stories against the order pages arrive in: GVA's dated articles ingested week by week, some of them late.

    python -m benchmarks.arrival_order            # B-cubed against one ingest, with and without replay
    python -m benchmarks.arrival_order --late 0.3 --weeks 4

Feeds deliver pages out of date order: a page dated Monday may come a week after Friday's. Each week's run
ingests the pages dated that week that are on time, and the late pages whose arrival week it is; then it assigns
stories as `manysides ingest` does. The final stories are scored by B-cubed F1 against one ingest of every page
(the stories `restory` builds), once with the replay of newer articles after an older one and once without.
Nothing is fitted here; gold stories are not read.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from benchmarks.stories import DATA, bcubed
from manysides.ingest.sources import ReadOptions
from manysides.jobs import assign_stories, ingest
from manysides.store.repository import Store
from manysides.store.stories import StoryStore


def records() -> list[dict]:
    """GVA's articles as a feed gives them: id, URL, headline, date and text."""
    with (DATA / "gva" / "docs.jsonl").open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    keys = ("id", "url", "title", "published", "text")
    return [{k: row[k] for k in keys if row.get(k)} for row in rows]


def week(record: dict) -> int:
    year, number, _ = date.fromisoformat(record["published"][:10]).isocalendar()
    return year * 53 + number


def arrivals(rows: list[dict], late: float, weeks: int, seed: int = 16) -> list[list[dict]]:
    """The runs, in order: each run's pages are those dated its week and on time, plus late pages arriving."""
    rng = random.Random(seed)
    runs: defaultdict[int, list[dict]] = defaultdict(list)
    for row in rows:
        delay = rng.randint(1, weeks) if rng.random() < late else 0
        runs[week(row) + delay].append(row)
    return [runs[k] for k in sorted(runs)]


def stories_after(runs: list[list[dict]], replay: bool) -> tuple[dict[str, str], float]:
    """Article id -> story id after ingesting the runs one after another; CPU seconds spent assigning."""
    spent = 0.0
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'order.db'}")
        try:
            for k, run in enumerate(runs):
                source = Path(folder) / f"run-{k}.jsonl"
                source.write_text("".join(json.dumps(r) + "\n" for r in run), encoding="utf-8")
                ingest(store, [str(source)], ReadOptions())
                started = time.process_time()
                assign_stories(store, replay=replay)
                spent += time.process_time() - started
            found = {article.id: sid for sid, _, article in StoryStore(store).memberships()}
        finally:
            store.close()
    return found, spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--late", type=float, default=0.2, help="share of pages that arrive late (default 0.2)")
    parser.add_argument("--weeks", type=int, default=2, help="a late page comes 1 to this many weeks late")
    args = parser.parse_args()
    logging.getLogger("alembic").setLevel(logging.WARNING)
    rows = records()
    reference, one_cpu = stories_after([rows], replay=True)
    runs = arrivals(rows, args.late, args.weeks)
    print(
        f"GVA, {len(rows)} articles in {len(runs)} weekly runs, {args.late:.0%} of them 1-{args.weeks} weeks late; "
        f"B-cubed against one ingest (assignment CPU of one ingest {one_cpu:.1f} s)"
    )
    for replay in (False, True):
        found, spent = stories_after(runs, replay)
        shared = {k: v for k, v in reference.items() if k in found}
        p, r, f1 = bcubed(found, shared)
        name = "replay newer articles after a late one" if replay else "no replay (before session 16)"
        print(f"  {name:<42} P {p:.3f} R {r:.3f} F1 {f1:.3f}   assignment CPU {spent:.1f} s")


if __name__ == "__main__":
    main()
