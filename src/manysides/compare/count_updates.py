"""A figure a later report gives with words saying the count moved ("the toll has risen to four", "auf vier
gestiegen") against an earlier report's figure: a later development, not two outlets disagreeing.

The day-by-day check in `facts` (`_counts_of_own_days`) needs both reports to say the day of their count; a later
report often says instead that the count has moved. The words are hand-listed per language in
`data/count_changes.json`.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from manysides.compare.pairs import Node
from manysides.compare.published import published_day
from manysides.records.report import Conflict
from manysides.understand import ArticleText

_WORD = re.compile(r"[^\W\d_]+")
_JOINED_SCRIPTS = frozenset({"ar"})  # prepositions and conjunctions join the word they precede


@cache
def _change_words() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files("manysides.compare").joinpath("data/count_changes.json").read_text("utf-8"))
    return {language: frozenset(words) for language, words in data.items() if language != "about"}


def _says_moved(text: str, language: str | None) -> bool:
    """Whether a sentence says a count moved, in its article's language."""
    listed = _change_words().get(language or "", frozenset())
    words = [w.lower() for w in _WORD.findall(text)]
    if language in _JOINED_SCRIPTS:
        return any(form in word for word in words for form in listed)
    return any(word in listed for word in words)


def moved_count(conflict: Conflict, texts: list[ArticleText], nodes: list[Node]) -> Conflict:
    """A number conflict as an update when the reports published last (on a later day than every other report in
    it) say their figure moved and every earlier report gives one figure: the earliest report is first."""
    if conflict.type != "number":
        return conflict
    by_id = {t.article.id: t for t in texts}
    days = {article: published_day(by_id[article].article.published) for article in conflict.values if article in by_id}
    if len(days) != len(conflict.values) or any(d is None for d in days.values()):
        return conflict
    last = max(d for d in days.values() if d)
    later = [a for a, d in days.items() if d == last]
    earlier = [a for a, d in days.items() if d != last]
    if not earlier or not _one_figure(conflict, earlier, texts, nodes):
        return conflict
    told = {a: [n.sentence.text for n in nodes if texts[n.article].article.id == a] for a in later}
    if not all(any(_says_moved(text, by_id[a].article.language) for text in told[a]) for a in later):
        return conflict
    first = min(earlier, key=lambda a: days[a] or "")
    note = f"a later report: the count moved after the earliest report ({by_id[first].article.published})"
    return conflict.model_copy(update={"type": "update", "explanation": note, "first": first})


def _one_figure(conflict: Conflict, articles: list[str], texts: list[ArticleText], nodes: list[Node]) -> bool:
    """Whether the reports give one figure, read as numbers ("Three", "Trois" and "ثلاثة" agree), or as written
    where a figure is not found among its statements' numbers."""
    figures = []
    for article in articles:
        value = conflict.values[article]
        numbers = [n for node in nodes if texts[node.article].article.id == article for n in node.sentence.numbers]
        figures.append(next((n for n in numbers if n.text == value), value))
    first = figures[0]
    return all(
        (f.agrees(first) if not isinstance(f, str) and not isinstance(first, str) else f == first) for f in figures
    )
