"""JSON Schemas of the records ManySides prints, generated from the models so they cannot drift."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from manysides.record import Article

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"


def article_schema() -> dict[str, Any]:
    schema = Article.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/manysides/manysides/schemas/article.schema.json"
    return schema


SCHEMAS = {"article": article_schema}


def render(name: str) -> str:
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    for schema_name in SCHEMAS:
        (SCHEMA_DIR / f"{schema_name}.schema.json").write_text(render(schema_name), encoding="utf-8")
        print(f"wrote schemas/{schema_name}.schema.json")
