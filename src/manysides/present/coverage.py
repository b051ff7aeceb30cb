"""A story's coverage distribution as a section of the story view and of the report, in every format.

The lines are built once as plain text (`coverage_lines`); each format only escapes them its own way, so the
terminal, Markdown and HTML say the same thing. Names come from the user's profile file or from pages: hostile.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from manysides.present.safe_text import html_text, markdown_text, one_line
from manysides.records.outlet import Coverage, CoverageArticle

TITLE = "Coverage"
_SHOWN = 20  # outlets named in the "not covered by" line; JSON has them all


def coverage_lines(coverage: Coverage) -> list[str]:
    """Who covered the story: outlets, first report, each label's split, and republication chains."""
    outlets = " · ".join(
        f"{o.outlet} {o.articles}"
        + (f" (copies on {', '.join(o.republished_by)})" if o.republished_by else "")
        + ("" if o.profiled else " (no profile)")
        for o in coverage.outlets
    )
    lines = [f"Outlets ({len(coverage.outlets)}): {outlets}"]
    if coverage.first is not None:
        lines.append(f"First: {_article(coverage.first)}")
    for label in coverage.labels:
        parts = [
            f"{v.value}: {len(v.outlets)} outlet{'s' if len(v.outlets) != 1 else ''}, {v.articles} "
            f"article{'s' if v.articles != 1 else ''} ({', '.join(v.outlets)})"
            for v in label.values
        ]
        if label.unlabelled:
            parts.append(f"no {label.label}: {', '.join(label.unlabelled)}")
        lines.append(f"By {label.label}: " + " · ".join(parts))
    if coverage.not_covered_by:
        shown = coverage.not_covered_by[:_SHOWN]
        more = len(coverage.not_covered_by) - len(shown)
        lines.append("Not covered by: " + ", ".join(shown) + (f" and {more} more" if more else ""))
    for chain in coverage.chains:
        lines.append(f"Republished: {_article(chain.original)} → " + ", ".join(_article(c) for c in chain.copies))
    if not any(outlet.profiled for outlet in coverage.outlets):
        lines.append("No outlet profiles match: `manysides outlets load FILE` adds them.")
    return lines


def print_coverage(console: Console, coverage: Coverage) -> None:
    console.print(Text(TITLE, style="bold underline"))
    for line in coverage_lines(coverage):
        console.print(Text("  " + one_line(line)))


def coverage_markdown(coverage: Coverage) -> list[str]:
    return [f"## {TITLE}", "", *(f"- {markdown_text(line)}" for line in coverage_lines(coverage)), ""]


def coverage_html(coverage: Coverage) -> str:
    items = "".join(f"<li>{html_text(line)}</li>" for line in coverage_lines(coverage))
    return f'<details class="sec" id="sec-coverage" open><summary><h2>{TITLE}</h2></summary><ul>{items}</ul></details>'


def _article(entry: CoverageArticle) -> str:
    when = f", {entry.published}" if entry.published else ""
    which = f" [{entry.article}]" if entry.article else " (not stored)"
    return f"{entry.outlet}{when}{which}"
