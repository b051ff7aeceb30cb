"""Merge precision and recall of names across languages on our own fictional stories
(tests/data/multilingual_places/stories.json): each story in English, Arabic, Hebrew, French, Spanish, German and
Turkish, with the groups of spellings that name one place or person.

    python -m benchmarks.place_merges

A pair of spellings is merged when one entity of the story's report holds both (as its name or an alias). Gold
pairs: every two spellings of one group. A merged pair is right when both spellings are of one group; a spelling
of no group merged with another ("العبارات" with Beirut) is a wrong merge.
"""

from __future__ import annotations

import json
import time
from itertools import combinations
from pathlib import Path

from manysides.compare.engine import compare
from manysides.records.article import Article, body_hash

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "multilingual_places" / "stories.json"


def story_articles(story: dict) -> list[Article]:
    """The story's articles, one per language."""
    return [
        Article(
            id=f"{story['name']}-{language}",
            title=None,
            body=body,
            language=language,
            outlet=f"{language}.example",
            published=story["published"],
            content_hash=body_hash(body),
            method="provided",
            confidence=1.0,
        )
        for language, body in story["articles"].items()
    ]


def main() -> None:
    stories = json.loads(DATA.read_text(encoding="utf-8"))["stories"]
    right = merged = gold = 0
    wrong: list[tuple[str, str]] = []
    missing: set[str] = set()
    started, count = time.perf_counter(), 0
    for story in stories:
        articles = story_articles(story)
        count += len(articles)
        report = compare(articles)
        alone = {s for group in story["groups"] for s in group}
        group_of = {spelling: i for i, group in enumerate(story["groups"]) for spelling in group}
        gold += sum(len(group) * (len(group) - 1) // 2 for group in story["groups"])
        for entity in report.entities:
            for a, b in combinations(sorted({entity.name, *entity.aliases}), 2):
                merged += 1
                alone -= {a, b}
                if a in group_of and group_of.get(a) == group_of.get(b):
                    right += 1
                else:
                    wrong.append((a, b))
        missing |= alone
    print(f"merged pairs {merged}, right {right}, gold {gold}")
    print(f"precision {right / max(merged, 1):.3f}  recall {right / max(gold, 1):.3f}")
    print(f"wrong merges: {wrong}")
    print(f"spellings merged with none: {sorted(missing)}")
    print(f"{(time.perf_counter() - started) / count:.3f} s an article (parse included)")


if __name__ == "__main__":
    main()
