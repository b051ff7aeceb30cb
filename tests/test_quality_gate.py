"""Quality floor on the dev data (as trafilatura gates its own evaluation): the comparison's facts and conflicts,
scored by basil-facts' own scorer, must not fall clearly below what the shipped model reached.

The floor sits a few points under the figures measured when it was set (tests/data/quality_baseline.json, with a
digest of the gold files they were measured on); `make bench` prints the full, cross-validated figures.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

BASELINE = Path(__file__).parent / "data" / "quality_baseline.json"


def _digest(folder: Path) -> str:
    hashed = hashlib.sha256()
    for path in sorted(folder.glob("*.gold.json")):
        hashed.update(path.name.encode() + path.read_bytes())
    return hashed.hexdigest()[:16]


@pytest.mark.usefixtures("datasets_dir")
def test_facts_and_conflicts_hold_their_floor() -> None:
    from benchmarks import facts

    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert _digest(facts.GOLD) == baseline["gold_digest"], "basil-facts changed: re-measure and update the baseline"
    data = facts.triplets()
    scores = facts.score_reports(data, facts.reports_with(data, None))
    for name, floor in baseline["floors"].items():
        assert (scores[name] or 0.0) >= floor, f"{name} {scores[name]} fell below its floor {floor}"
