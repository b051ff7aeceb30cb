"""Real articles as JSON Lines shards, for the batch benchmark and the batch tests.

BASIL and ECB+ (read in place from ../shared/datasets) become records with only the keys a feed gives (id, url,
outlet, title, published, text). Records are dealt round-robin into the shards, so every shard spans the whole
date range and the order stories are built in cannot follow the shards.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from benchmarks.stories import Doc, basil, ecbplus
from manysides.records.article import Article


def story_docs(limit: int | None = None) -> list[Doc]:
    """BASIL's triplets then ECB+'s documents, each with its gold story (for B-cubed only)."""
    docs = basil() + ecbplus()
    return docs[:limit] if limit else docs


def write_shards(folder: Path, articles: Sequence[Article], shards: int) -> list[Path]:
    """The articles as `shards` JSON Lines files in `folder`, dealt round-robin; one whose edits left no text
    is left out (a record without text is refused, not an article)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"shard-{n:03d}.jsonl" for n in range(shards)]
    handles = [path.open("w", encoding="utf-8") for path in paths]
    try:
        for k, article in enumerate(a for a in articles if a.body.strip()):
            record = {
                "id": article.id,
                "url": article.url,
                "outlet": article.outlet,
                "title": article.title,
                "published": article.published,
                "text": article.body,
            }
            handles[k % shards].write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        for handle in handles:
            handle.close()
    return paths
