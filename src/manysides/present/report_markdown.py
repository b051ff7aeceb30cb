"""The comparison report as Markdown: shareable, readable as plain text too."""

from __future__ import annotations

from manysides.compare.report import Fact, Report
from manysides.present.report_view import FRAMING_TITLES, SECTION_TITLES, ReportView


def render_markdown(report: Report) -> str:
    view = ReportView.of(report)
    lines = [f"# {_md(report.story.title)}", ""]
    lines += _coverage(view)
    for kind in ("conflict", "shared", "unique"):
        facts = view.facts(kind)
        lines += [f"## {SECTION_TITLES[kind]} ({len(facts)})", ""]
        for number, fact in enumerate(facts, start=1):
            lines += _fact(view, fact, number)
        if not facts:
            lines += ["None found.", ""]
    lines += _framing(view)
    lines += _entities(view)
    return "\n".join(lines).rstrip() + "\n"


def _coverage(view: ReportView) -> list[str]:
    lines = ["## Coverage", "", "| outlet | published | title | republished from | cites |", "|---|---|---|---|---|"]
    for article in view.report.articles:
        lines.append(
            f"| {_md(view.label(article.id))} | {_md(article.published or '—')} | {_md(article.title or '—')} "
            f"| {_md(article.republished_from or '—')} | {_md(', '.join(article.cited_sources) or '—')} |"
        )
    return [*lines, ""]


def _fact(view: ReportView, fact: Fact, number: int) -> list[str]:
    lines = []
    if fact.conflict is not None:
        values = "; ".join(f"{view.label(a)}: {v}" for a, v in fact.conflict.values.items())
        lines.append(f"{number}. **{fact.conflict.type}** — {_md(fact.conflict.explanation)} ({_md(values)})")
    else:
        lines.append(f"{number}. " + ", ".join(sorted({view.label(s.article) for s in fact.statements})))
    for statement in fact.statements:
        said = f" — *{_md(statement.attribution)}*" if statement.attribution else ""
        lines.append(f"   - **{_md(view.label(statement.article))}**: “{_md(statement.text)}”{said}")
    return [*lines, ""]


def _framing(view: ReportView) -> list[str]:
    grouped = view.framing_by_article()
    lines = ["## Framing", ""]
    if not grouped:
        return [*lines, "None found.", ""]
    for article_id, kinds in grouped.items():
        lines.append(f"- **{_md(view.label(article_id))}**")
        for kind, spans in kinds.items():
            lines.append(f"  - {FRAMING_TITLES.get(kind, kind)}: " + "; ".join(f"“{_md(s)}”" for s in spans))
    return [*lines, ""]


def _entities(view: ReportView) -> list[str]:
    lines = ["## Entities", ""]
    for entity in view.report.entities:
        aliases = f" (also: {', '.join(_md(a) for a in entity.aliases)})" if entity.aliases else ""
        counts = ", ".join(f"{view.label(a)} {n}" for a, n in entity.mentions.items())
        lines.append(f"- **{_md(entity.name)}** ({entity.type}){aliases} — {_md(counts)}")
    return [*lines, ""]


def _md(text: str) -> str:
    """Escape what Markdown would read as markup, so page text can't inject links, HTML or tables."""
    out = text.replace("\\", "\\\\")
    for char in "`*_[]<>|#":
        out = out.replace(char, "\\" + char)
    return " ".join(out.split())
