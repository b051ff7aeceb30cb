"""The changed-copies benchmark (issue 14) runs end to end on a few BASIL triplets and gives well-formed figures.

Structure only for now: the quality floor (found >= 0.90 per kind, no false conflict) comes with the new
conflict code."""

from __future__ import annotations

from pathlib import Path

from benchmarks.changed_copies import KINDS, changed_number, changed_number_word, run


def test_changed_number_keeps_format_and_is_clearly_different() -> None:
    assert changed_number("3.5") == "4.6"
    assert changed_number("520,000") == "680,000"
    assert changed_number("100") == "130"
    assert changed_number("1") == "2"
    assert changed_number_word("Three") == "Four"


def test_changed_copies_runs_on_three_triplets(datasets_dir: Path) -> None:
    figures = run(limit=1, triplets=3, datasets=datasets_dir)
    assert figures["triplets"] == 3
    assert figures["kinds"]["all"]["cases"] > 0
    assert set(figures["kinds"]) == {*KINDS, "all"}
    for row in figures["kinds"].values():
        for key in ("found", "paired", "type_right", "control_false_conflict", "control_more_conflicts"):
            assert row[key] is None or 0.0 <= row[key] <= 1.0, (key, row)
    assert len(figures["details"]) == figures["kinds"]["all"]["cases"]
    for case in figures["details"]:
        assert case["old"] != case["new"]
        assert case["new"] in case["sentence"]
