"""The published JSON Schema matches the record, and every record we print validates against it."""

from __future__ import annotations

import json
from pathlib import Path

from manysides.schemas import SCHEMA_DIR, render
from tests.helpers import run_cli


def test_committed_schema_is_current() -> None:
    committed = (SCHEMA_DIR / "article.schema.json").read_text(encoding="utf-8")
    assert committed == render("article"), "run `python -m manysides.schemas` and commit the result"


def test_extract_output_has_exactly_the_schema_keys(demo_dir: Path) -> None:
    schema = json.loads(render("article"))
    records = run_cli("extract", demo_dir / "articles.jsonl", "--json").json_lines()
    assert records
    for record in records:
        assert set(record) == set(schema["properties"])
        assert set(schema["required"]) <= set(record)
        assert all(isinstance(record[key], list) for key in ("authors", "tags", "captions", "cited_sources"))


def test_schema_command_prints_it() -> None:
    run = run_cli("schema", "article")
    assert run.exit_code == 0 and json.loads(run.stdout)["title"] == "Article"
