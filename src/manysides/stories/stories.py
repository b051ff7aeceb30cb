"""Story membership with merges: which articles form which story, and stable ids for stories."""

from __future__ import annotations

import hashlib


def story_id(first_article_id: str) -> str:
    """Deterministic id from the article that opened the story."""
    return "s-" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:12]


class Stories:
    """Rows grouped into stories; merging keeps the oldest story's id so ids stay stable."""

    def __init__(self) -> None:
        self.of_row: list[str] = []
        self.members: dict[str, list[int]] = {}
        self._opened: dict[str, int] = {}  # story id -> row that opened it, to order stories by age

    def open(self, row: int, article_id: str) -> str:
        sid = story_id(article_id)
        while sid in self.members:  # the same article id twice would collide; rows never repeat
            sid = story_id(sid)
        self.members[sid] = [row]
        self._opened[sid] = row
        self.of_row.append(sid)
        return sid

    def restore(self, row: int, sid: str) -> None:
        """Add row to a story known from the store (opening it under that id if new), without any decision."""
        if sid in self.members:
            self.members[sid].append(row)
        else:
            self.members[sid] = [row]
            self._opened[sid] = row
        self.of_row.append(sid)

    def join(self, row: int, sids: list[str]) -> tuple[str, tuple[str, ...]]:
        """Add row to the oldest of sids, merging the others into it; returns (story, absorbed)."""
        ordered = sorted(set(sids), key=self._opened.__getitem__)
        target, absorbed = ordered[0], tuple(ordered[1:])
        for sid in absorbed:
            for member in self.members.pop(sid):
                self.of_row[member] = target
                self.members[target].append(member)
            del self._opened[sid]
        self.members[target].append(row)
        self.of_row.append(target)
        return target, absorbed
