"""The comparison report as Markdown: shareable, readable as plain text too. Every page string goes through `_md`."""

from __future__ import annotations

from collections.abc import Mapping

from manysides.present.briefing import (
    NO_CONFLICT,
    ONCE_NOTE,
    WORD_FOR_WORD,
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
from manysides.present.coverage import coverage_markdown
from manysides.present.report_view import (
    FRAMING_TITLES,
    NO_ENTITIES,
    NO_FRAMING,
    RELATED_NOTE,
    SECTION_TITLES,
    VOICES_NOTE,
    unplaced_note,
)
from manysides.present.safe_text import markdown_text
from manysides.records.report import Fact, Report, Statement


def render_markdown(report: Report) -> str:
    brief = Briefing.of(report)
    lines = [f"# {_md(report.story.title)}", "", f"*{_md(brief.summary())}*", ""]
    lines += [line for note in report.notes for line in (f"> {_md(note)}", "")]
    lines += _headlines(brief)
    lines += _overlap(brief)
    lines += _conflicts(brief)
    lines += _figures(brief)
    for kind in ("shared", "unique"):
        facts = brief.view.facts(kind)
        lines += [f"## {SECTION_TITLES[kind]} ({len(facts)})", ""]
        if kind == "shared":
            first = brief.shown_in()
            for number, fact in enumerate(facts, start=1):
                lines += _shared(brief, fact, number, first)
        else:
            lines += _unique(brief, facts)
        if not facts:
            lines += ["None found.", ""]
    lines += _related(brief)
    lines += _unplaced(brief)
    lines += _framing(brief)
    lines += _voices(brief)
    lines += _entities(brief)
    if report.coverage is not None:
        lines += coverage_markdown(report.coverage)
    return "\n".join(lines).rstrip() + "\n"


def _headlines(brief: Briefing) -> list[str]:
    lines = [
        "## Headlines",
        "",
        "| outlet | published | headline | republished from | cites |",
        "|---|---|---|---|---|",
    ]
    for article in brief.report.articles:
        cells = (
            brief.label(article.id),
            short_date(article.published),
            article.title or "—",
            article.republished_from or "—",
            ", ".join(article.cited_sources) or "—",
        )
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    return [*lines, ""]


def _overlap(brief: Briefing) -> list[str]:
    """Shared facts per pair of reports, then what only each report gives, with its most telling lines."""
    outlets = brief.outlets()
    heads = [_md(brief.short_label(a)) for a in brief.columns]
    lines = ["## Who shares what", "", "Shared facts each pair of reports has in common, and facts no other gives.", ""]
    lines += ["| | " + " | ".join(heads) + " | only here |", "|---" * (len(heads) + 2) + "|"]
    for summary in outlets:
        cells = [("·" if a == summary.article else str(summary.shares.get(a, 0))) for a in brief.columns]
        lines.append(f"| **{_md(brief.label(summary.article))}** | " + " | ".join(cells) + f" | **{summary.unique}** |")
    lines.append("")
    for summary in outlets:
        if not summary.unique:
            continue
        counted = only_here(summary.unique, len(summary.telling))
        lines += [f"**Only in {_md(brief.label(summary.article))}** ({counted}):", ""]
        lines += [f"- {_quote(s)}" for s in summary.telling]
        lines.append("")
    if note := brief.unplaced_note():
        lines += [f"*{_md(note)}*", ""]
    return lines


def _conflicts(brief: Briefing) -> list[str]:
    facts = brief.view.facts("conflict")
    lines = [f"## {SECTION_TITLES['conflict']} ({len(facts)})", ""]
    if not facts:
        return [*lines, NO_CONFLICT, ""]
    for number, fact in enumerate(facts, start=1):
        conflict = fact.conflict
        if conflict is None:
            continue
        lines.append(f"{number}. **{conflict_title(conflict)}.** {_md(brief.conflict_words(conflict))}  ")
        lines.append(f"   *{_md(conflict.explanation)}*")
        for article, statements in brief.statements_by_article(fact).items():
            value = conflict.values.get(article)
            given = f" ({_md(value)})" if value else ""
            for statement in statements:
                lines.append(f"   - **{_md(brief.label(article))}**{given}: {_quote(statement)}")
        lines.append("")
    return lines


def _figures(brief: Briefing) -> list[str]:
    rows = brief.figure_rows()
    if not rows:
        return []
    heads = [_md(brief.short_label(a)) for a in brief.columns]
    lines = [
        "## Figures each outlet gives",
        "",
        "| fact | " + " | ".join(heads) + " |",
        "|---" * (len(heads) + 1) + "|",
    ]
    for row in rows:
        fact = f"“{_md(truncate(row.shown, 90))}” ({_md(brief.short_label(row.headline.article))})"
        cells = [_md("; ".join(row.values.get(a, [])) or "—") for a in brief.columns]
        lines.append(f"| {fact} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _shared(brief: Briefing, fact: Fact, number: int, first: Mapping[tuple[str, int], int]) -> list[str]:
    top = headline(fact)
    grouped = brief.statements_by_article(fact)
    outlets = ", ".join(_md(brief.label(a)) for a in grouped)
    if top is None:
        return [f"### {number}. {outlets}", ""]
    lines = [
        f"### {number}. {_quote(top, said=False)} — {_spoken_in(top, brief.label(top.article))}",
        "",
        f"Reported by {outlets}{WORD_FOR_WORD if fact.word_for_word else ''}.",
        "",
    ]
    for article, statements in grouped.items():
        for statement in statements:
            if statement == top:
                continue
            earlier = shown_before(first, statement, number)
            said = f"as in {earlier}: {_md(quoted(echo(statement.text, top.text)))}" if earlier else _quote(statement)
            lines.append(f"- **{_md(brief.label(article))}**: {said}")
    return [*lines, ""]


def _unique(brief: Briefing, facts: list[Fact]) -> list[str]:
    by_article: dict[str, list[Statement]] = {}
    for fact in facts:
        for article, statements in brief.statements_by_article(fact).items():
            by_article.setdefault(article, []).extend(statements)
    lines: list[str] = []
    for article in brief.columns:
        if article in by_article:
            lines += [f"### Only in {_md(brief.label(article))}", ""]
            lines += [f"- {_quote(s)}" for s in by_article[article]]
            lines.append("")
    return lines


def _related(brief: Briefing) -> list[str]:
    facts = brief.view.facts("related")
    if not facts:
        return []
    lines = [f"## {SECTION_TITLES['related']} ({len(facts)})", "", f"*{_md(RELATED_NOTE)}*", ""]
    for fact in facts:
        sides = [f"**{_md(brief.label(s.article))}**: {_quote(s)}" for s in fact.statements]
        lines.append("- " + "  \n  ".join(sides))
    return [*lines, ""]


def _unplaced(brief: Briefing) -> list[str]:
    by_article = brief.unplaced_statements()
    if not by_article:
        return []
    count = sum(len(v) for v in by_article.values())
    lines = [
        f"## {SECTION_TITLES['unplaced']} ({count})",
        "",
        f"*{_md(unplaced_note(bool(brief.view.facts('related'))))}*",
        "",
    ]
    for article, statements in by_article.items():
        lines += [f"### {_md(brief.label(article))}", "", *(f"- {_quote(s)}" for s in statements), ""]
    return lines


def _framing(brief: Briefing) -> list[str]:
    grouped = brief.view.framing_by_article()
    lines = ["## Framing", ""]
    if not grouped:
        return [*lines, _md(NO_FRAMING if brief.report.notes else "None found."), ""]
    for article_id, kinds in grouped.items():
        lines.append(f"- **{_md(brief.label(article_id))}**")
        for kind, spans in kinds.items():
            lines.append(f"  - {FRAMING_TITLES.get(kind, kind)}: " + "; ".join(f"“{_md(s)}”" for s in spans))
    return [*lines, ""]


def _voices(brief: Briefing) -> list[str]:
    voices = brief.voices_by_article()
    if not voices:
        return []
    lines = ["## Voices", "", f"*{VOICES_NOTE}*", ""]
    lines += [f"- **{_md(brief.label(a))}**: {_md('; '.join(heard))}" for a, heard in voices.items()]
    return [*lines, ""]


def _entities(brief: Briefing) -> list[str]:
    lines = ["## Entities", ""]
    if not brief.report.entities:
        return [*lines, _md(NO_ENTITIES if brief.report.notes else "None found."), ""]
    rows, once = brief.entity_groups()
    heads = [_md(brief.short_label(a)) for a in brief.columns]
    if rows:
        lines += ["| entity | type | " + " | ".join(heads) + " |", "|---" * (len(heads) + 2) + "|"]
    for entity in rows:
        aliases = f" (also: {', '.join(_md(a) for a in entity.aliases)})" if entity.aliases else ""
        counts = [str(entity.mentions.get(a, "")) or "—" for a in brief.columns]
        lines.append(f"| **{_md(entity.name)}**{aliases} | {_md(entity.type)} | " + " | ".join(counts) + " |")
    if once:
        lines += ["", f"*{ONCE_NOTE}*", ""]
        lines += [f"- **{_md(brief.label(a))}**: {_md(', '.join(names))}" for a, names in once.items()]
    return [*lines, ""]


def _quote(statement: Statement, said: bool = True) -> str:
    return _md(quoted(statement.text)) + (f" — *{_md(who)}*" if said and (who := attribution(statement)) else "")


def _spoken_in(statement: Statement, outlet: str) -> str:
    """A heading's source: the outlet, after the speaker when the statement is someone's words (a heading is read
    on its own, so "And if we don't get it, there should be no deal." needs its "Clinton" there too)."""
    who = attribution(statement)
    return f"*{_md(who)}*, in {_md(outlet)}" if who else _md(outlet)


def _md(text: str) -> str:
    """Escape what Markdown would read as markup, so page text can't inject links, HTML or tables."""
    return markdown_text(text)
