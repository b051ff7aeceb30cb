"""The comparison report as one self-contained HTML file: no external assets, every page string escaped."""

from __future__ import annotations

from html import escape

from manysides.compare.report import Fact, Report
from manysides.present.report_view import FRAMING_TITLES, SECTION_TITLES, ReportView

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;
vertical-align:top}blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.7rem;border-left:3px solid #ccc}
.outlet{font-weight:600}.kind{font-variant:small-caps;color:#a33}.muted{color:#666}.fact{margin:1rem 0}
"""


def render_html(report: Report) -> str:
    view = ReportView.of(report)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{escape(report.story.title)} — ManySides</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(report.story.title)}</h1>",
        _coverage(view),
    ]
    for kind in ("conflict", "shared", "unique"):
        facts = view.facts(kind)
        parts.append(f"<h2>{SECTION_TITLES[kind]} ({len(facts)})</h2>")
        parts.extend(_fact(view, fact) for fact in facts)
        if not facts:
            parts.append('<p class="muted">None found.</p>')
    parts.append(_framing(view))
    parts.append(_entities(view))
    parts.append('<p class="muted">Made by ManySides.</p></body></html>')
    return "\n".join(parts) + "\n"


def _coverage(view: ReportView) -> str:
    rows = []
    for article in view.report.articles:
        cells = [
            view.label(article.id),
            article.published or "—",
            article.title or "—",
            article.republished_from or "—",
            ", ".join(article.cited_sources) or "—",
        ]
        rows.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("outlet", "published", "title", "republished from", "cites"))
    return f"<h2>Coverage</h2><table><tr>{head}</tr>{''.join(rows)}</table>"


def _fact(view: ReportView, fact: Fact) -> str:
    header = ""
    if fact.conflict is not None:
        values = "; ".join(f"{view.label(a)}: {v}" for a, v in fact.conflict.values.items())
        header = (
            f'<p><span class="kind">{escape(fact.conflict.type)}</span> {escape(fact.conflict.explanation)} '
            f'<span class="muted">({escape(values)})</span></p>'
        )
    quotes = []
    for statement in fact.statements:
        said = f' <span class="muted">— {escape(statement.attribution)}</span>' if statement.attribution else ""
        quotes.append(
            f'<blockquote><span class="outlet">{escape(view.label(statement.article))}</span>: '
            f"“{escape(statement.text)}”{said}</blockquote>"
        )
    return f'<div class="fact">{header}{"".join(quotes)}</div>'


def _framing(view: ReportView) -> str:
    grouped = view.framing_by_article()
    if not grouped:
        return '<h2>Framing</h2><p class="muted">None found.</p>'
    items = []
    for article_id, kinds in grouped.items():
        inner = "".join(
            f"<li>{escape(FRAMING_TITLES.get(kind, kind))}: " + "; ".join(f"“{escape(s)}”" for s in spans) + "</li>"
            for kind, spans in kinds.items()
        )
        items.append(f'<li><span class="outlet">{escape(view.label(article_id))}</span><ul>{inner}</ul></li>')
    return f"<h2>Framing</h2><ul>{''.join(items)}</ul>"


def _entities(view: ReportView) -> str:
    items = []
    for entity in view.report.entities:
        aliases = f" (also: {escape(', '.join(entity.aliases))})" if entity.aliases else ""
        counts = escape(", ".join(f"{view.label(a)} {n}" for a, n in entity.mentions.items()))
        items.append(
            f'<li><b>{escape(entity.name)}</b> <span class="muted">{escape(entity.type)}</span>'
            f"{aliases} — {counts}</li>"
        )
    return f"<h2>Entities</h2><ul>{''.join(items)}</ul>"
