"""The comparison report for the terminal (Rich). Page text only ever goes in as `Text`, never as markup, and only
after every string of the report is made one printable line (no escape sequences, no forged line breaks)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from manysides.present.briefing import (
    NO_CONFLICT,
    Briefing,
    attribution,
    conflict_title,
    echo,
    headline,
    only_here,
    quoted,
    short_date,
    shown_before,
    truncate,
)
from manysides.present.coverage import print_coverage
from manysides.present.report_view import FRAMING_TITLES, RELATED_NOTE, SECTION_TITLES
from manysides.present.safe_text import one_line
from manysides.records.report import Fact, Report, Statement


def print_report(report: Report, console: Console) -> None:
    report = _printable(report)
    brief = Briefing.of(report)
    console.print(Text(report.story.title, style="bold"))
    console.print(Text(brief.summary(), style="dim"))
    for note in report.notes:
        console.print(Text(note, style="yellow"))
    console.print(_headlines(brief))
    _section(console, "Who shares what")
    for line in _overlap(brief):
        console.print(line)
    facts = brief.view.facts("conflict")
    _section(console, f"{SECTION_TITLES['conflict']} ({len(facts)})")
    for fact in facts:
        console.print(_conflict(brief, fact))
    if not facts:
        console.print(Padding(Text(NO_CONFLICT, style="dim"), (0, 0, 0, 2)))
    figures = _figures(brief)
    if figures is not None:
        _section(console, "Figures each outlet gives")
        console.print(figures)
    facts = brief.view.facts("shared")
    _section(console, f"{SECTION_TITLES['shared']} ({len(facts)})")
    first = brief.shown_in()
    for number, fact in enumerate(facts, start=1):
        console.print(_shared(brief, fact, number, first))
    if not facts:
        console.print(Padding(Text(NO_CONFLICT, style="dim"), (0, 0, 0, 2)))
    _unique(console, brief)
    _related(console, brief)
    _section(console, "Framing")
    for article_id, kinds in brief.view.framing_by_article().items():
        console.print(Text(f"  {brief.label(article_id)}", style="bold"))
        for kind, spans in kinds.items():
            console.print(Text(f"    {FRAMING_TITLES.get(kind, kind)}: " + "; ".join(f"“{s}”" for s in spans)))
    if voices := brief.voices_by_article():
        _section(console, "Voices")
        for article_id, heard in voices.items():
            console.print(Text(f"  {brief.label(article_id)}: " + "; ".join(heard)))
    _section(console, "Entities")
    for entity in report.entities:
        aliases = f" (also: {', '.join(entity.aliases)})" if entity.aliases else ""
        counts = ", ".join(f"{brief.short_label(a)} {n}" for a, n in entity.mentions.items())
        console.print(Text(f"  {entity.name} [{entity.type}]{aliases} — {counts}"))
    if report.coverage is not None:
        print_coverage(console, report.coverage)


def _printable(report: Report) -> Report:
    """The report with every string, dict keys included (article ids), made one printable line: cleaning it once
    here covers every field a section prints, and ids stay consistent between facts and articles."""
    return Report.model_validate(_one_line_strings(report.model_dump()))


def _one_line_strings(value: Any) -> Any:
    if isinstance(value, str):
        return one_line(value)
    if isinstance(value, dict):
        return {_one_line_strings(k): _one_line_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_one_line_strings(v) for v in value]
    return value


def _section(console: Console, title: str) -> None:
    console.print(Text(f"\n{title}", style="bold underline"))


def _quote(statement: Statement, said: bool = True) -> Text:
    line = Text(quoted(statement.text))
    who = attribution(statement) if said else None
    if who:
        line.append(f" — {who}", style="dim")
    return line


def _headlines(brief: Briefing) -> Table:
    table = Table(title=Text("Headlines"), title_justify="left", header_style="bold")
    copies = any(a.republished_from for a in brief.report.articles)
    for column in ("outlet", "published", "headline", *(["republishes"] if copies else [])):
        table.add_column(Text(column), overflow="fold", ratio=2 if column == "headline" else 1)
    for article in brief.report.articles:
        cells = [brief.label(article.id), short_date(article.published), article.title or "—"]
        if copies:
            cells.append(article.republished_from or "—")
        table.add_row(*(Text(c) for c in cells))
    return table


def _overlap(brief: Briefing) -> list[RenderableType]:
    """Per report: how many facts it shares with each other report, and what only it gives."""
    lines: list[RenderableType] = []
    for summary in brief.outlets():
        line = Text(brief.label(summary.article), style="bold")
        shares = ", ".join(f"{n} with {brief.short_label(a)}" for a, n in summary.shares.items())
        line.append(f": shares {shares or 'no fact'}; ", style="")
        line.append(f"only here {only_here(summary.unique, len(summary.telling))}", style="bold")
        lines.append(Padding(line, (0, 0, 0, 2)))
        article = brief.view.article(summary.article)
        if article and article.cited_sources:
            lines.append(Padding(Text("cites: " + ", ".join(article.cited_sources), style="dim"), (0, 0, 0, 4)))
        for statement in summary.telling:
            lines.append(Padding(Text("· ").append_text(_quote(statement, said=False)), (0, 0, 0, 4)))
    if note := brief.unplaced_note():
        lines.append(Padding(Text(note, style="dim"), (0, 0, 0, 2)))
    return lines


def _conflict(brief: Briefing, fact: Fact) -> RenderableType:
    conflict = fact.conflict
    if conflict is None:
        return Text("")
    body: list[RenderableType] = [Text(conflict.explanation, style="dim")]
    for article, statements in brief.statements_by_article(fact).items():
        value = conflict.values.get(article)
        for statement in statements:
            line = Text(f"{brief.label(article)}", style="bold")
            if value:
                line.append(f" ({value})", style="bold red")
            line.append(": ").append_text(_quote(statement))
            body.append(line)
    title = Text(f"{conflict_title(conflict)}. ", style="bold red").append(brief.conflict_words(conflict), style="")
    return Panel(Group(title, *body), border_style="red")


def _figures(brief: Briefing) -> Table | None:
    rows = brief.figure_rows()
    if not rows:
        return None
    table = Table(header_style="bold", show_lines=True, expand=True)
    table.add_column(Text("fact"), ratio=3, overflow="fold")
    for article in brief.columns:
        table.add_column(Text(brief.short_label(article)), ratio=1, overflow="fold")
    for row in rows:
        fact = Text(f"“{truncate(row.shown, 70)}” ({brief.short_label(row.headline.article)})")
        table.add_row(fact, *(Text("; ".join(row.values.get(a, [])) or "—") for a in brief.columns))
    return table


def _shared(brief: Briefing, fact: Fact, number: int, first: Mapping[tuple[str, int], int]) -> RenderableType:
    top = headline(fact)
    lines: list[RenderableType] = []
    for article, statements in brief.statements_by_article(fact).items():
        for statement in statements:
            if statement == top:
                continue
            earlier = shown_before(first, statement, number)
            said = (
                Text(f"as in {earlier}: {quoted(echo(statement.text, top.text if top else ''))}", style="dim")
                if earlier
                else _quote(statement)
            )
            lines.append(Text(f"{brief.label(article)}: ", style="bold").append_text(said))
    title = Text(f"{number}. ", style="bold")
    if top is not None:  # the headline goes inside the panel: a border title would be cut to one line
        who = attribution(top)
        source = f"{who}, in {brief.label(top.article)}" if who else brief.label(top.article)
        title.append_text(_quote(top, said=False)).append(f" — {source}", style="bold green")
    return Panel(Group(title, *lines), border_style="green")


def _related(console: Console, brief: Briefing) -> None:
    facts = brief.view.facts("related")
    if not facts:
        return
    _section(console, f"{SECTION_TITLES['related']} ({len(facts)})")
    console.print(Padding(Text(RELATED_NOTE, style="dim"), (0, 0, 0, 2)))
    for fact in facts:
        lines = [Text(f"{brief.label(s.article)}: ", style="bold").append_text(_quote(s)) for s in fact.statements]
        console.print(Padding(Group(*lines), (0, 0, 1, 4)))


def _unique(console: Console, brief: Briefing) -> None:
    facts = brief.view.facts("unique")
    _section(console, f"{SECTION_TITLES['unique']} ({len(facts)})")
    by_article: dict[str, list[Statement]] = {}
    for fact in facts:
        for article, statements in brief.statements_by_article(fact).items():
            by_article.setdefault(article, []).extend(statements)
    for article in brief.columns:
        if article in by_article:
            console.print(Text(f"  Only in {brief.label(article)}", style="bold blue"))
            for statement in by_article[article]:
                console.print(Padding(Text("· ").append_text(_quote(statement)), (0, 0, 0, 4)))
    if not facts:
        console.print(Padding(Text(NO_CONFLICT, style="dim"), (0, 0, 0, 2)))
