"""The story index, remembering what it saw at each arrival: for the diagnosis benchmarks (why a pair was missed or
merged), never for the product."""

from __future__ import annotations

from dataclasses import dataclass

from manysides.stories.index import STORY_SAMPLE, StoryIndex, _story_score
from manysides.stories.score import prepare


@dataclass
class Arrival:
    """What the index saw when one article arrived: its candidate rows with their stories then, every
    candidate story's score, the story it went to, the page it was taken to copy (None when scored) and the
    stories it merged."""

    row: int
    candidates: dict[int, str]  # candidate row -> its story at arrival
    scores: dict[str, float]  # candidate story -> story score at arrival
    story: str
    copy_of: str | None = None
    merged: tuple[str, ...] = ()


class Watched(StoryIndex):
    """The story index, remembering each arrival's candidates and story scores."""

    def __init__(self) -> None:
        super().__init__()
        self.arrivals: dict[str, Arrival] = {}
        self._last: tuple[dict[int, str], dict[str, float]] = ({}, {})

    def _linked_stories(self, features, vector, copies):  # type: ignore[no-untyped-def]
        norms, prepared = self._idf.norms(features), prepare(features, self._idf)
        rows = self._candidates(features, vector, copies)
        of_row = self._stories.of_row
        scores = {}
        for sid in sorted({of_row[row] for row in rows}):
            members = self._stories.members[sid][-STORY_SAMPLE:]
            scores[sid] = _story_score([self._log_odds(features, norms, prepared, vector, row) for row in members])
        self._last = ({row: of_row[row] for row in rows}, scores)
        return sorted(((s, z) for s, z in scores.items() if z >= 0.0), key=lambda fit: -fit[1])

    def add_features(self, article_id: str, data: bytes):  # type: ignore[no-untyped-def]
        self._last = ({}, {})
        a = super().add_features(article_id, data)
        self.arrivals[article_id] = Arrival(self._rows[article_id], *self._last, a.story_id, a.duplicate_of, a.merged)
        return a
