"""`manysides compare`: the JSON contract, three report formats, and hostile page text kept inert."""

from __future__ import annotations

from pathlib import Path

import pytest

from manysides.records.report import Report
from tests.helpers import run_cli, two_outlet_jsonl

HOSTILE = "<script>alert('x')</script> [bold]markup[/bold] [click](javascript:alert(1)) <img src=x onerror=y>"


def _articles(tmp_path: Path) -> Path:
    """Two outlets reporting one (fictional) event, one of them with hostile text in its body."""
    return two_outlet_jsonl(tmp_path, HOSTILE)


def test_json_report_follows_the_contract(tmp_path: Path) -> None:
    source = _articles(tmp_path)
    run = run_cli("compare", source, "--json")
    assert run.exit_code == 0, run.stderr
    report = Report.model_validate(run.json())
    assert report.schema_version == 1
    assert [a.id for a in report.articles] == ["a1", "b1"]
    bodies = {r["id"]: r["body"] for r in run_cli("extract", source, "--json").json_lines()}
    for fact in report.facts:
        outlets = {s.article for s in fact.statements}
        assert len(outlets) >= 2 if fact.kind in ("shared", "conflict") else len(outlets) == 1
        for statement in fact.statements:
            assert statement.text in bodies[statement.article]
    for item in report.framing:
        assert item.text in bodies[item.article]
    assert not Path("manysides.db").exists() or Path("manysides.db").stat().st_size > 0  # no stray default db


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_format_renders_and_keeps_page_text_inert(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"report.{fmt}"
    run = run_cli("compare", _articles(tmp_path), "--format", fmt, "-o", out)
    assert run.exit_code == 0, run.stderr
    rendered = out.read_text(encoding="utf-8")
    assert "Karsa" in rendered
    if fmt == "html":
        assert rendered.startswith("<!DOCTYPE html>") and "<script" not in rendered.lower()
        assert "<img" not in rendered.lower() and "<link" not in rendered.lower() and "&lt;img src=x" in rendered
        assert "&lt;script&gt;" in rendered
    if fmt == "markdown":
        assert "[click](javascript:" not in rendered and "<script>" not in rendered
    if fmt == "text":
        assert "\x1b[" not in rendered


def test_output_dash_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_cli("compare", _articles(tmp_path), "--format", "markdown", "-o", "-")
    assert run.exit_code == 0, run.stderr
    assert "Karsa" in run.stdout and not (tmp_path / "-").exists()


def test_compare_a_stored_story(demo_dir: Path, db_url: str) -> None:
    db = db_url
    run_cli("ingest", demo_dir, "--db", db)
    stories = run_cli("stories", "--db", db, "--json").json()
    biggest = max(stories, key=lambda s: len(s["articles"]))
    run = run_cli("compare", "--story", biggest["id"], "--db", db, "--json")
    assert run.exit_code == 0, run.stderr
    report = Report.model_validate(run.json())
    assert {a.id for a in report.articles} == {a["id"] for a in biggest["articles"]}
    assert any(f.kind == "shared" for f in report.facts)
    assert any(f.kind == "conflict" for f in report.facts)


def test_compare_needs_inputs_or_a_story(tmp_path: Path, db_url: str) -> None:
    assert run_cli("compare").exit_code == 2
    db = db_url
    assert run_cli("ingest", _articles(tmp_path), "--db", db, "--no-stories").exit_code == 0
    assert run_cli("compare", "--story", "s-x", "--db", db).exit_code == 1
