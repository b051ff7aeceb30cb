"""Page models for the story page: the headlines, the timeline and the comparison grid, ready for a template.

The comparison reuses present/briefing.py (labels, headlines, conflict wording, figures) so the web page says
exactly what the static HTML report says; templates only lay out these plain values and escape them.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

from manysides.present.briefing import (
    NO_CONFLICT,
    ONCE_NOTE,
    WORD_FOR_WORD,
    Briefing,
    attribution,
    conflict_title,
    echo,
    headline,
    quoted,
    short_date,
    shown_before,
)
from manysides.present.report_view import (
    FRAMING_TITLES,
    NO_ENTITIES,
    NO_FRAMING,
    RELATED_NOTE,
    SECTION_TITLES,
    unplaced_note,
)
from manysides.present.safe_text import printable, safe_href
from manysides.records.article import published_utc
from manysides.records.report import Fact, Report, Statement
from manysides.records.story import Story, StoryArticle


def article_href(article_id: str, sentence: int | None = None) -> str:
    """/articles/ID or /articles/ID#s-N; the id is percent-encoded, so any id is one path segment of text."""
    href = "/articles/" + quote(article_id, safe="")
    return href if sentence is None else f"{href}#s-{sentence}"


def outlet_href(name: str) -> str:
    return "/outlets/" + quote(name, safe="")


def story_href(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def outlet_color(name: str) -> int:
    """One of the stylesheet's eight outlet colours, the same for a name on every page."""
    return zlib.crc32(name.encode("utf-8", "replace")) % 8


def web_link(url: str | None) -> str | None:
    """An href only for an absolute http(s) URL (never javascript:, data: or file:); autoescape does the rest."""
    return printable(url).strip() if url and safe_href(url) else None


@dataclass(frozen=True)
class StatementView:
    text: str
    href: str
    said_by: str | None = None
    headline: bool = False
    again: int | None = None  # the earlier shared fact that shows this statement in full ("as in 2")


@dataclass(frozen=True)
class Column:
    article: str
    outlet: str
    label: str


@dataclass(frozen=True)
class Row:
    label: str
    cells: dict[str, list[StatementView]] = field(default_factory=dict)  # article id -> statements
    values: dict[str, list[str]] = field(default_factory=dict)  # article id -> plain values (figures, counts)
    note: str | None = None  # a line above the row: the fact's headline or the conflict in words
    kind: str | None = None  # the conflict's title
    explanation: str | None = None
    headline: StatementView | None = None


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    rows: list[Row]
    count: int | None = None
    empty: str = "None found."  # what an empty section says
    intro: str | None = None  # what the rows are, said above them


@dataclass(frozen=True)
class Headline:
    article: str
    outlet: str
    title: str
    published: str
    href: str


@dataclass(frozen=True)
class TimelineEntry:
    article: str
    when: str
    outlet: str
    title: str
    href: str
    first: bool
    duplicate_of: str | None  # label of the article it duplicates
    republishes: str | None  # what the page says it republishes (URL or outlet), as text


@dataclass(frozen=True)
class Comparison:
    summary: str
    columns: list[Column]
    sections: list[Section]
    notes: list[str] = field(default_factory=list)  # what the comparison could not read (report.notes)


def headlines(story: Story) -> list[Headline]:
    return [
        Headline(a.id, a.outlet or "—", a.title or a.id, short_date(a.published), article_href(a.id))
        for a in story.articles
    ]


def timeline(story: Story, report: Report | None) -> list[TimelineEntry]:
    """Articles in publication order (undated last): who reported first, who duplicated or republished whom."""
    republished = {a.id: a.republished_from for a in report.articles} if report else {}
    labels = {a.id: a.outlet or a.title or a.id for a in story.articles}

    def order(article: StoryArticle) -> tuple[int, object, str]:
        instant = published_utc(article.published)
        return (0, instant, article.id) if instant else (1, "", article.id)

    ordered = sorted(story.articles, key=order)
    first = ordered[0].id if ordered and published_utc(ordered[0].published) else None
    return [
        TimelineEntry(
            article=a.id,
            when=short_date(a.published),
            outlet=a.outlet or "—",
            title=a.title or a.id,
            href=article_href(a.id),
            first=a.id == first,
            duplicate_of=labels.get(a.duplicate_of, a.duplicate_of) if a.duplicate_of else None,
            republishes=republished.get(a.id),
        )
        for a in ordered
    ]


def comparison(report: Report) -> Comparison:
    """The report's findings in its own order, each as rows whose cells are the outlets' columns."""
    brief = Briefing.of(report)
    columns = [
        Column(a.id, a.outlet or a.title or a.id, brief.label(a.id)) for a in report.articles if a.id in brief.columns
    ]
    sections = [
        _conflicts(brief),
        _facts(brief, "shared"),
        _figures(brief),
        _unique(brief),
        _related(brief),
        _unplaced(brief),
        _framing(brief),
        _cites(brief),
        _entities(brief),
    ]
    notes = [*brief.report.notes, *filter(None, [brief.unplaced_note()])]
    return Comparison(brief.summary(), columns, [s for s in sections if s is not None], notes)


def _statement(brief: Briefing, statement: Statement, top: Statement | None = None, said: bool = True) -> StatementView:
    return StatementView(
        text=quoted(statement.text),
        href=article_href(statement.article, statement.sentence),
        said_by=attribution(statement) if said else None,
        headline=top is not None and statement == top,
    )


def _cells(
    brief: Briefing,
    fact: Fact,
    top: Statement | None,
    first: Mapping[tuple[str, int], int] | None = None,
    number: int = 0,
) -> dict[str, list[StatementView]]:
    """Each outlet's statements of a fact; one an earlier shared fact shows in full points back to it (`first`)."""

    def view(statement: Statement) -> StatementView:
        earlier = shown_before(first, statement, number) if first and statement != top else None
        if earlier is None:
            return _statement(brief, statement, top)
        href = article_href(statement.article, statement.sentence)
        return StatementView(quoted(echo(statement.text, top.text if top else "")), href, again=earlier)

    return {article: [view(s) for s in statements] for article, statements in brief.statements_by_article(fact).items()}


def _conflicts(brief: Briefing) -> Section:
    rows = []
    facts = brief.view.facts("conflict")
    for fact in facts:
        conflict = fact.conflict
        if conflict is None:
            continue
        rows.append(
            Row(
                label="says",
                cells=_cells(brief, fact, None),
                values={a: [v] for a, v in conflict.values.items()},
                note=brief.conflict_words(conflict),
                kind=conflict_title(conflict),
                explanation=conflict.explanation,
            )
        )
    return Section("conflicts", SECTION_TITLES["conflict"], rows, len(facts), NO_CONFLICT)


def _facts(brief: Briefing, kind: str) -> Section:
    rows = []
    facts = brief.view.facts(kind)
    first = brief.shown_in() if kind == "shared" else None
    for number, fact in enumerate(facts, start=1):
        top = headline(fact)
        cells = _cells(brief, fact, top, first, number)
        rows.append(
            Row(
                label=f"{len(cells)} reports" + (WORD_FOR_WORD if fact.word_for_word else ""),
                cells=cells,
                headline=_statement(brief, top, said=False) if top else None,
                note=brief.label(top.article) if top else None,
            )
        )
    return Section(kind, SECTION_TITLES[kind], rows, len(facts))


def _figures(brief: Briefing) -> Section | None:
    figure_rows = brief.figure_rows()
    if not figure_rows:
        return None
    rows = [
        Row(label="figures", values=row.values, headline=_statement(brief, row.headline, said=False))
        for row in figure_rows
    ]
    return Section("figures", "Figures each outlet gives", rows, len(rows))


def _unique(brief: Briefing) -> Section:
    facts = brief.view.facts("unique")
    cells: dict[str, list[StatementView]] = {}
    for fact in facts:
        for article, statements in brief.statements_by_article(fact).items():
            cells.setdefault(article, []).extend(_statement(brief, s) for s in statements)
    return Section("unique", SECTION_TITLES["unique"], [Row("only here", cells)] if facts else [], len(facts))


def _related(brief: Briefing) -> Section | None:
    facts = brief.view.facts("related")
    if not facts:
        return None
    rows = [Row("closest", _cells(brief, fact, None)) for fact in facts]
    return Section("related", SECTION_TITLES["related"], rows, len(facts), intro=RELATED_NOTE)


def _unplaced(brief: Briefing) -> Section | None:
    by_article = brief.unplaced_statements()
    if not by_article:
        return None
    cells = {article: [_statement(brief, s) for s in statements] for article, statements in by_article.items()}
    count = sum(len(v) for v in by_article.values())
    return Section(
        "unplaced",
        SECTION_TITLES["unplaced"],
        [Row("not placed", cells)],
        count,
        intro=unplaced_note(bool(brief.view.facts("related"))),
    )


def _framing(brief: Briefing) -> Section:
    grouped = brief.view.framing_by_article()
    rows = []
    for kind, title in FRAMING_TITLES.items():
        values = {a: [f"“{span}”" for span in kinds[kind]] for a, kinds in grouped.items() if kind in kinds}
        if values:
            rows.append(Row(title, values=values))
    return Section("framing", "Framing", rows, empty=NO_FRAMING if brief.report.notes else "None found.")


def _cites(brief: Briefing) -> Section:
    """Whom each article credits (agencies, media) and whom it lets speak (quoted / paraphrased)."""
    report = brief.report
    cites = {a.id: list(a.cited_sources) for a in report.articles if a.cited_sources}
    republished = {a.id: [a.republished_from] for a in report.articles if a.republished_from}
    voices = brief.voices_by_article()
    rows = [
        Row(label, values=values)
        for label, values in (("cites", cites), ("republishes", republished), ("voices", voices))
    ]
    return Section("cites", "Cites and voices", [r for r in rows if r.values])


def _entities(brief: Briefing) -> Section:
    entities, once = brief.entity_groups()
    rows = []
    for entity in entities:
        label = entity.name + (f" ({entity.type})" if entity.type else "")
        if entity.aliases:
            label += " — also " + ", ".join(entity.aliases)
        rows.append(Row(label, values={a: [str(n)] for a, n in entity.mentions.items()}))
    if once:
        rows.append(Row(ONCE_NOTE, values={a: [", ".join(names)] for a, names in once.items()}))
    empty = NO_ENTITIES if brief.report.notes else "None found."
    return Section("entities", "Entities", rows, len(brief.report.entities), empty=empty)
