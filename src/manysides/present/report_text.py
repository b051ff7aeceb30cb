"""The comparison report for the terminal (Rich)."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from manysides.compare.report import Fact, Report
from manysides.present.report_view import FRAMING_TITLES, SECTION_TITLES, ReportView


def print_report(report: Report, console: Console) -> None:
    view = ReportView.of(report)
    console.print(Text(report.story.title, style="bold"))
    console.print(_coverage(view))
    for kind in ("conflict", "shared", "unique"):
        facts = view.facts(kind)
        console.print(Text(f"\n{SECTION_TITLES[kind]} ({len(facts)})", style="bold underline"))
        for fact in facts:
            console.print(_fact(view, fact))
        if not facts:
            console.print(Text("  none found", style="dim"))
    console.print(Text("\nFraming", style="bold underline"))
    for article_id, kinds in view.framing_by_article().items():
        console.print(Text(f"  {view.label(article_id)}", style="bold"))
        for kind, spans in kinds.items():
            console.print(Text(f"    {FRAMING_TITLES.get(kind, kind)}: " + "; ".join(f"“{s}”" for s in spans)))
    console.print(Text("\nEntities", style="bold underline"))
    for entity in report.entities:
        aliases = f" (also: {', '.join(entity.aliases)})" if entity.aliases else ""
        counts = ", ".join(f"{view.label(a)} {n}" for a, n in entity.mentions.items())
        console.print(Text(f"  {entity.name} [{entity.type}]{aliases} — {counts}"))


def _coverage(view: ReportView) -> Table:
    table = Table(title="Coverage", title_justify="left", header_style="bold")
    for column in ("outlet", "published", "title", "republished from", "cites"):
        table.add_column(column, overflow="fold")
    for article in view.report.articles:
        table.add_row(
            view.label(article.id),
            article.published or "—",
            article.title or "—",
            article.republished_from or "—",
            ", ".join(article.cited_sources) or "—",
        )
    return table


def _fact(view: ReportView, fact: Fact) -> RenderableType:
    lines: list[RenderableType] = []
    for statement in fact.statements:
        line = Text(f"{view.label(statement.article)}: ", style="bold")
        line.append(f"“{statement.text}”", style="")
        if statement.attribution:
            line.append(f" — {statement.attribution}", style="dim")
        lines.append(line)
    title = None
    if fact.conflict is not None:
        values = "; ".join(f"{view.label(a)}: {v}" for a, v in fact.conflict.values.items())
        title = Text(f"{fact.conflict.type}: {fact.conflict.explanation} ({values})")  # Text: page text is no markup
    style = "red" if fact.kind == "conflict" else ("green" if fact.kind == "shared" else "blue")
    return Panel(Group(*lines), title=title, title_align="left", border_style=style)
