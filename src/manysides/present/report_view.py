"""What every report format needs beside the Report itself: short article labels and fact ordering."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from manysides.records.report import Fact, Report, ReportArticle

SECTION_TITLES = {
    "conflict": "Conflicts",
    "shared": "Shared facts",
    "unique": "Unique facts",
    "related": "Close but not matched",
    "unplaced": "Not placed",
}
# Under "Voices": what the counts are.
VOICES_NOTE = (
    "Whom each report lets speak, most heard first: sentences quoting them, and sentences telling their words."
)
# Under "Close but not matched": what the pairs are and what a reader should do with them.
RELATED_NOTE = (
    "Sentences no fact holds, each beside the closest sentence of another report: too alike to call either "
    "report's own, too loosely matched to call one fact. Some state one fact in other words, some only share a "
    "topic; check them against each other."
)
# Under "Not placed": what these sentences are, so a reader knows nothing was dropped without a word.
UNPLACED_NOTE = (
    "Statements no list above holds: another report has a sentence too close to call them only this report's, "
    "or nothing shows that no other report states them, and none matches closely enough to call them shared."
)
_UNPLACED_RELATED = ' Those beside a close sentence of another report are under "Close but not matched".'


def unplaced_note(has_related: bool) -> str:
    """`UNPLACED_NOTE`, pointing to "Close but not matched" only when the report has that section."""
    return UNPLACED_NOTE + (_UNPLACED_RELATED if has_related else "")


# An empty framing section when some articles' framing is not read (see the report's notes): not a clean result.
NO_FRAMING = "None found in what is read: the note at the top says which framing is read in which language."
# An empty entity table when some articles' names are read only where another article confirms them (the notes).
NO_ENTITIES = "None found in what is read: the note at the top says where names are read outside English."


@dataclass(frozen=True)
class ReportView:
    """Labels like "Meridian Daily" (or "Meridian Daily #2" when an outlet has several articles)."""

    report: Report
    labels: dict[str, str]

    @classmethod
    def of(cls, report: Report) -> ReportView:
        labels: dict[str, str] = {}
        seen: dict[str, int] = {}
        for article in report.articles:
            name = article.outlet or article.title or article.id
            seen[name] = seen.get(name, 0) + 1
            labels[article.id] = name if seen[name] == 1 else f"{name} #{seen[name]}"
        return cls(report, labels)

    def label(self, article_id: str) -> str:
        return self.labels.get(article_id, article_id)

    def article(self, article_id: str) -> ReportArticle | None:
        return next((a for a in self.report.articles if a.id == article_id), None)

    def facts(self, kind: str) -> list[Fact]:
        return [fact for fact in self.report.facts if fact.kind == kind]

    def framing_by_article(self) -> dict[str, dict[str, list[str]]]:
        """article id -> framing type -> spans (with their target when known), in report order. The same words on
        the same actor are shown once with how often the article uses them ("occupied (→ Israel), 3 times"): a list of
        repeats reads as many findings where there is one habit. A speaker's words (in a quote or a paraphrase) are
        listed last, apart from the outlet's own wording, so that an editor does not read them as the outlet's."""
        everyone = self.story_words()
        counted: dict[str, dict[str, Counter[str]]] = {}
        for item in self.report.framing:
            span = f"{item.text} (→ {item.target})" if item.target and item.target not in item.text else item.text
            if item.in_quote:
                span += f" [quoting {item.speaker}]" if item.speaker else " [in a quote]"
            elif item.speaker:
                span += f" [paraphrasing {item.speaker}]"
            kind = "story_word" if item.type == "loaded_term" and _plain(item.text) in everyone else item.type
            if item.in_quote or item.speaker:
                kind = "speakers_word"  # a speaker's words, quoted or paraphrased: not the outlet's own wording
            counts = counted.setdefault(item.article, {}).setdefault(kind, Counter())
            same = next((seen for seen in counts if _plain(seen) == _plain(span)), span)
            counts[same] += 1
        shown: dict[str, dict[str, list[str]]] = {}
        for article, kinds in counted.items():
            for kind, counts in sorted(kinds.items(), key=lambda k: (k[0] == "speakers_word", k[0] == "story_word")):
                spans = [f"{span}, {n} times" if n > 1 else span for span, n in counts.items()]
                shown.setdefault(article, {})[kind] = spans
        return shown

    def story_words(self) -> set[str]:
        """Loaded words every report of the story uses ("massacre" in every report of a massacre): the story's own
        vocabulary rather than one outlet's choice, shown apart from each outlet's loaded terms."""
        if len(self.report.articles) < 2:
            return set()
        used: dict[str, set[str]] = {}
        for item in self.report.framing:
            if item.type == "loaded_term":
                used.setdefault(item.article, set()).add(_plain(item.text))
        words = [used.get(a.id, set()) for a in self.report.articles]
        return set.intersection(*words)


def _plain(span: str) -> str:
    """A span as it compares with another: "a martyr" and "Martyr" are one word shown twice."""
    folded = span.casefold().strip()
    for article in ("a ", "an ", "the "):
        folded = folded.removeprefix(article)
    return folded


FRAMING_TITLES = {
    "label": "labels",
    "scare_quotes": "scare quotes",
    "loaded_term": "loaded terms",
    "hedge": "hedges",
    "story_word": "loaded words every report uses",
    "speakers_word": "charged words of those it quotes or paraphrases",
}
