"""JSON Schemas of the records ManySides prints, generated from the models so they cannot drift."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from manysides.records.article import Article
from manysides.records.outlet import OutletListing
from manysides.records.report import Report
from manysides.records.source import SourceHealth, WatchRun
from manysides.records.story import Story, StoryWithCoverage

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"


def _published(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://github.com/manysides/manysides/schemas/{name}.schema.json",
        **schema,
    }


def _model(name: str, model: type[BaseModel]) -> dict[str, Any]:
    return _published(name, model.model_json_schema())


SCHEMAS = {
    "article": lambda: _model("article", Article),
    "stories": lambda: _published("stories", {"title": "Stories", **TypeAdapter(list[Story]).json_schema()}),
    "report": lambda: _model("report", Report),
    "story": lambda: _model("story", StoryWithCoverage),
    "outlets": lambda: _published("outlets", {"title": "Outlets", **TypeAdapter(list[OutletListing]).json_schema()}),
    "sources": lambda: _published("sources", {"title": "Sources", **TypeAdapter(list[SourceHealth]).json_schema()}),
    "watch": lambda: _model("watch", WatchRun),
}


def render(name: str) -> str:
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    for schema_name in SCHEMAS:
        (SCHEMA_DIR / f"{schema_name}.schema.json").write_text(render(schema_name), encoding="utf-8")
        print(f"wrote schemas/{schema_name}.schema.json")
