"""The comparison report as one self-contained HTML file: no external assets, no script, every page string escaped.

Outlets are columns: a fact's row shows each outlet's wording in that outlet's column. Given the articles' bodies,
the page carries each article split into sentences, and every quoted statement links to its sentence there
(CSS `:target` highlights it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from manysides.present.briefing import (
    NO_CONFLICT,
    ONCE_NOTE,
    WORD_FOR_WORD,
    Briefing,
    attribution,
    bodies_of,
    conflict_title,
    echo,
    headline,
    only_here,
    quoted,
    short_date,
    shown_before,
)
from manysides.present.coverage import coverage_html
from manysides.present.report_view import (
    FRAMING_TITLES,
    NO_ENTITIES,
    NO_FRAMING,
    RELATED_NOTE,
    SECTION_TITLES,
    VOICES_NOTE,
    unplaced_note,
)
from manysides.present.safe_text import html_text, safe_href
from manysides.records.article import Article
from manysides.records.report import Fact, Report, Statement
from manysides.understand.sentences import split_sentences

_NONE = '<span class="none">—</span>'
_PALETTE = ("#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777")
_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:100rem;margin:1.5rem auto;padding:0 1rem;color:#1d1d1f;
background:#fafaf9}
h1{font-size:1.7rem;margin:.2rem 0}.lede{color:#555;margin:.2rem 0 1rem}
.note{background:#fff6d6;padding:.4rem .6rem;border-radius:4px}
details.sec{background:#fff;border:1px solid #e5e5e5;border-radius:8px;margin:1rem 0;padding:.3rem 1rem .8rem}
details.sec>summary{cursor:pointer;padding:.4rem 0}summary h2{display:inline;font-size:1.2rem;margin:0}
summary .n{color:#777;font-weight:normal}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{padding:.4rem .5rem;text-align:left;
vertical-align:top;border-bottom:1px solid #eee}
table.cols{table-layout:fixed}col.lab{width:8rem}
thead th{position:sticky;top:0;background:#fff;border-bottom:2px solid #ccc;font-size:.9rem;z-index:1}
th.row{font-weight:600;color:#555;font-size:.85rem}
tr.head td{background:#f5f5f4;border-top:2px solid #ddd;font-weight:500}
.st{margin:0 0 .5rem;font-size:.9rem}.st.hl{background:#fff7d6;border-radius:4px;padding:.1rem .3rem}
.st.again{color:#666;font-size:.8rem}
a.q{color:inherit;text-decoration:none;border-bottom:1px dotted #999}a.q:hover{background:#eef2ff}
.muted,.said{color:#666}.said{font-size:.85rem}.none{color:#bbb}.val{font-weight:700}.kind{color:#a33;font-weight:600}
.title{font-weight:600}.small{font-size:.85rem;color:#444}ul.tell{margin:.3rem 0;padding-left:1.1rem;font-size:.88rem}
.fig{display:inline-block;background:#eef2ff;border-radius:4px;padding:0 .35rem;margin:0 .2rem .2rem 0}
.article{margin:1rem 0;padding:.2rem 0 .2rem 1rem;border-left:4px solid #ddd}.article p{max-width:48rem}
.np{text-decoration:underline dotted #94a3b8}
.s{scroll-margin-top:3rem}.s:target{background:#fde68a;box-shadow:0 0 0 3px #fde68a;border-radius:2px}
.num{text-align:center}.h1{background:#eff6ff}.h2{background:#dbeafe}.h3{background:#bfdbfe}.h4{background:#93c5fd}th.factcol{width:30%}td.self{color:#bbb;text-align:center}
""" + "".join(f".c{k}{{border-top:4px solid {c}}}.b{k}{{border-left-color:{c}}}" for k, c in enumerate(_PALETTE))


def render_html(report: Report, articles: Mapping[str, str] | Sequence[Article] | None = None) -> str:
    """The report page; `articles` (id -> body, or Article records) adds each article's text for the links."""
    page = _Page(Briefing.of(report), bodies_of(articles))
    title = html_text(report.story.title)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{title} — ManySides</title><style>{_STYLE}</style></head><body>",
        f'<h1 dir="auto">{title}</h1><p class="lede">{html_text(page.brief.summary())}</p>',
        "".join(f'<p class="note">{html_text(note)}</p>' for note in report.notes),
        page.glance(),
        page.overlap(),
        page.conflicts(),
        page.figures(),
        page.facts("shared"),
        page.unique(),
        page.related(),
        page.unplaced(),
        page.framing(),
        page.voices(),
        page.entities(),
        coverage_html(report.coverage) if report.coverage is not None else "",
        page.articles(),
        '<p class="muted">Made by ManySides.</p></body></html>',
    ]
    return "\n".join(p for p in parts if p) + "\n"


_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?")


def _lang(language: str | None) -> str:
    """The attributes that let a browser lay out a statement in its own language: its language when known, and
    the direction read from its own letters, so Arabic and Hebrew run right to left with their punctuation."""
    code = f' lang="{language}"' if language and _LANGUAGE_CODE.fullmatch(language) else ""
    return f'{code} dir="auto"'


def _section(key: str, title: str, body: str, count: int | None = None, is_open: bool = True) -> str:
    n = f' <span class="n">({count})</span>' if count is not None else ""
    return (
        f'<details class="sec" id="sec-{key}"{" open" if is_open else ""}><summary><h2>{title}{n}</h2></summary>'
        f"{body}</details>"
    )


class _Page:
    def __init__(self, brief: Briefing, bodies: dict[str, str]) -> None:
        self.brief = brief
        languages = {a.id: a.language for a in brief.report.articles}
        self.sentences = {
            k: split_sentences(bodies[article], languages.get(article))
            for k, article in enumerate(brief.columns)
            if article in bodies
        }

    # --- building blocks -------------------------------------------------------------------------------------

    def anchor(self, statement: Statement) -> str | None:
        k = self.brief.column(statement.article)
        n = statement.sentence
        if k in self.sentences and n is not None and 0 <= n < len(self.sentences[k]):
            return f"a{k}-s{n}"
        return None

    def link(self, statement: Statement) -> str:
        """The statement quoted, linked to its sentence in the article's text when the page carries it."""
        text = html_text(quoted(statement.text))
        target = self.anchor(statement)
        return f'<a class="q" href="#{target}">{text}</a>' if target else text

    def quote(self, statement: Statement, css: str = "st", said: bool = True) -> str:
        who = attribution(statement) if said else None
        who = f' <span class="said">— {html_text(who)}</span>' if who else ""
        article = self.brief.view.article(statement.article)
        return f'<p class="{css}"{_lang(article.language if article else None)}>{self.link(statement)}{who}</p>'

    def table(self, rows: list[str], label: str = "") -> str:
        """A table whose columns are the outlets, after one narrow label column."""
        cols = '<colgroup><col class="lab">' + "<col>" * len(self.brief.columns) + "</colgroup>"
        labels = [html_text(self.brief.label(a)) for a in self.brief.columns]
        heads = "".join(f'<th class="c{k % len(_PALETTE)}" title="{n}">{n}</th>' for k, n in enumerate(labels))
        return f'<table class="cols">{cols}<thead><tr><th>{label}</th>{heads}</tr></thead>{"".join(rows)}</table>'

    def short_heads(self) -> str:
        """Column heads with the outlets' short names (the full name on hover), for narrow number columns."""
        brief = self.brief
        return "".join(
            f'<th title="{html_text(brief.label(a))}">{html_text(brief.short_label(a))}</th>' for a in brief.columns
        )

    def row(self, label: str, cells: Mapping[str, str]) -> str:
        tds = "".join(f"<td>{cells.get(a) or _NONE}</td>" for a in self.brief.columns)
        return f'<tr><th class="row">{label}</th>{tds}</tr>'

    def head(self, content: str) -> str:
        return f'<tr class="head"><td colspan="{len(self.brief.columns) + 1}">{content}</td></tr>'

    def fact_cells(
        self, fact: Fact, top: Statement | None, first: Mapping[tuple[str, int], int] | None = None, number: int = 0
    ) -> dict[str, str]:
        """Each outlet's statements of a fact; one a shared fact before showed in full points back to it (`first`)."""

        def cell(statement: Statement) -> str:
            earlier = shown_before(first, statement, number) if first and statement != top else None
            if earlier is None:
                return self.quote(statement, "st hl" if statement == top else "st")
            text = html_text(quoted(echo(statement.text, top.text if top else "")))
            target = self.anchor(statement)
            linked = f'<a class="q" href="#{target}">{text}</a>' if target else text
            return f'<p class="st again">as in {earlier}: {linked}</p>'

        return {
            article: "".join(cell(s) for s in statements)
            for article, statements in self.brief.statements_by_article(fact).items()
        }

    # --- sections ----------------------------------------------------------------------------------------------

    def glance(self) -> str:
        report, brief = self.brief.report, self.brief
        summaries = {o.article: o for o in brief.outlets()}
        titles, dates, sources, only = {}, {}, {}, {}
        for article in report.articles:
            title = html_text(article.title or "—")
            titles[article.id] = f'<span class="title"{_lang(article.language)}>{title}</span>'
            dates[article.id] = html_text(short_date(article.published))
            cites = html_text(", ".join(article.cited_sources)) or _NONE
            copied = article.republished_from
            sources[article.id] = f'<span class="small">{cites}</span>' + (
                f'<p class="said">republishes {html_text(copied)}</p>' if copied else ""
            )
            summary = summaries[article.id]
            tell = "".join(f"<li>{self.quote(s, 'st')}</li>" for s in summary.telling)
            counted = html_text(only_here(summary.unique, len(summary.telling)))
            only[article.id] = counted + (f'<ul class="tell">{tell}</ul>' if tell else "")
        rows = [
            self.row("Headline", titles),
            self.row("Published", dates),
            self.row("Only here", only),
            self.row("Cites", sources),
        ]
        return _section("headlines", "Headlines", self.table(rows))

    def overlap(self) -> str:
        brief = self.brief
        summaries = {o.article: o for o in brief.outlets()}
        most = max((n for o in summaries.values() for n in o.shares.values()), default=0) or 1
        rows = []
        for article in brief.columns:
            shares = summaries[article].shares
            cells = "".join(
                '<td class="self">·</td>'
                if other == article
                else f'<td class="num h{round(4 * shares.get(other, 0) / most)}">{shares.get(other, 0)}</td>'
                for other in brief.columns
            )
            only = f'<td class="num"><b>{summaries[article].unique}</b></td>'
            rows.append(f'<tr><th class="row">{html_text(brief.label(article))}</th>{cells}{only}</tr>')
        table = f"<table><thead><tr><th></th>{self.short_heads()}<th>only here</th></tr></thead>{''.join(rows)}</table>"
        note = (
            '<p class="muted">Shared facts each pair of reports has in common; '
            "the last column counts the facts no other report gives.</p>"
        )
        if unplaced := brief.unplaced_note():
            table += f'<p class="muted">{html_text(unplaced)}</p>'
        return _section("overlap", "Who shares what", note + table)

    def conflicts(self) -> str:
        facts = self.brief.view.facts("conflict")
        if not facts:
            none = f'<p class="muted">{html_text(NO_CONFLICT)}</p>'
            return _section("conflicts", SECTION_TITLES["conflict"], none, 0)
        rows = []
        for fact in facts:
            conflict = fact.conflict
            if conflict is None:
                continue
            words = html_text(self.brief.conflict_words(conflict))
            rows.append(
                self.head(
                    f'<span class="kind">{html_text(conflict_title(conflict))}.</span> {words}'
                    f'<br><span class="muted">{html_text(conflict.explanation)}</span>'
                )
            )
            rows.append(
                self.row("says", {a: f'<span class="val">{html_text(v)}</span>' for a, v in conflict.values.items()})
            )
            rows.append(self.row("in its words", self.fact_cells(fact, None)))
        return _section("conflicts", SECTION_TITLES["conflict"], self.table(rows), len(facts))

    def figures(self) -> str:
        rows = self.brief.figure_rows()
        if not rows:
            return ""
        body = []
        for row in rows:
            cells = "".join(
                "<td>"
                + ("".join(f'<span class="fig">{html_text(f)}</span>' for f in row.values.get(a, [])) or _NONE)
                + "</td>"
                for a in self.brief.columns
            )
            said = html_text(self.brief.label(row.headline.article))
            fact = f'{self.quote(row.headline, "st", said=False)}<span class="said">{said}</span>'
            body.append(f"<tr><td>{fact}</td>{cells}</tr>")
        table = (
            f'<table><thead><tr><th class="factcol">fact</th>{self.short_heads()}</tr></thead>{"".join(body)}</table>'
        )
        return _section("figures", "Figures each outlet gives", table, len(rows))

    def facts(self, kind: str) -> str:
        facts = self.brief.view.facts(kind)
        if not facts:
            return _section(kind, SECTION_TITLES[kind], '<p class="muted">None found.</p>', 0)
        rows = []
        first = self.brief.shown_in() if kind == "shared" else None
        for number, fact in enumerate(facts, start=1):
            top = headline(fact)
            if top is not None:
                label = f"<b>{html_text(self.brief.label(top.article))}</b>"
                if who := attribution(top):
                    label = f'<span class="said">{html_text(who)}</span>, in {label}'
                article = self.brief.view.article(top.article)
                lang = _lang(article.language if article else None)
                rows.append(self.head(f'{number}. <span class="title"{lang}>{self.link(top)}</span> — {label}'))
            outlets = len(self.brief.statements_by_article(fact))
            copied = html_text(WORD_FOR_WORD.removeprefix(", ")) if fact.word_for_word else ""
            label = f"{outlets} reports" + (f'<br><span class="said">{copied}</span>' if copied else "")
            rows.append(self.row(label, self.fact_cells(fact, top, first, number)))
        return _section(kind, SECTION_TITLES[kind], self.table(rows), len(facts))

    def unique(self) -> str:
        facts = self.brief.view.facts("unique")
        cells: dict[str, str] = {}
        for fact in facts:
            for article, statements in self.brief.statements_by_article(fact).items():
                cells[article] = cells.get(article, "") + "".join(self.quote(s) for s in statements)
        body = self.table([self.row("only here", cells)]) if facts else '<p class="muted">None found.</p>'
        return _section("unique", SECTION_TITLES["unique"], body, len(facts))

    def related(self) -> str:
        facts = self.brief.view.facts("related")
        if not facts:
            return ""
        rows = [self.row("closest", self.fact_cells(fact, None)) for fact in facts]
        body = f'<p class="muted">{html_text(RELATED_NOTE)}</p>' + self.table(rows)
        return _section("related", SECTION_TITLES["related"], body, len(facts), is_open=False)

    def unplaced(self) -> str:
        by_article = self.brief.unplaced_statements()
        if not by_article:
            return ""
        cells = {article: "".join(self.quote(s) for s in statements) for article, statements in by_article.items()}
        note = unplaced_note(bool(self.brief.view.facts("related")))
        body = f'<p class="muted">{html_text(note)}</p>' + self.table([self.row("not placed", cells)])
        count = sum(len(v) for v in by_article.values())
        return _section("unplaced", SECTION_TITLES["unplaced"], body, count, is_open=False)

    def framing(self) -> str:
        grouped = self.brief.view.framing_by_article()
        if not grouped:
            empty = NO_FRAMING if self.brief.report.notes else "None found."
            return _section("framing", "Framing", f'<p class="muted">{html_text(empty)}</p>')
        rows = []
        for kind, title in FRAMING_TITLES.items():
            cells = {
                a: "; ".join(f"“{html_text(span)}”" for span in kinds[kind])
                for a, kinds in grouped.items()
                if kind in kinds
            }
            if cells:
                rows.append(self.row(html_text(title), cells))
        return _section("framing", "Framing", self.table(rows))

    def voices(self) -> str:
        voices = self.brief.voices_by_article()
        if not voices:
            return ""
        cells = {a: "<br>".join(html_text(v) for v in heard) for a, heard in voices.items()}
        body = f'<p class="muted">{html_text(VOICES_NOTE)}</p>' + self.table([self.row("voices", cells)])
        return _section("voices", "Voices", body, sum(len(v) for v in voices.values()), is_open=False)

    def entities(self) -> str:
        entities, once = self.brief.entity_groups()
        rows = []
        for entity in entities:
            aliases = (
                f'<br><span class="said">also {html_text(", ".join(entity.aliases))}</span>' if entity.aliases else ""
            )
            label = f'{html_text(entity.name)} <span class="said">{html_text(entity.type)}</span>{aliases}'
            rows.append(self.row(label, {a: str(n) for a, n in entity.mentions.items()}))
        if once:
            rows.append(self.row(html_text(ONCE_NOTE), {a: html_text(", ".join(names)) for a, names in once.items()}))
        empty = NO_ENTITIES if self.brief.report.notes else "None found."
        body = self.table(rows, "mentions") if rows else f'<p class="muted">{html_text(empty)}</p>'
        return _section("entities", "Entities", body, len(self.brief.report.entities), is_open=False)

    def articles(self) -> str:
        if not self.sentences:
            return ""
        parts = []
        for k, sentences in self.sentences.items():
            article = self.brief.report.articles[k]
            unplaced = {s.sentence for s in article.unplaced_statements or []}
            paragraphs: dict[int, list[str]] = {}
            for s in sentences:
                css = "s np" if s.index in unplaced else "s"  # no list holds it: marked, never silently lost
                paragraphs.setdefault(s.paragraph, []).append(
                    f'<span class="{css}" id="a{k}-s{s.index}">{html_text(s.text)}</span>'
                )
            text = "".join(f"<p>{' '.join(p)}</p>" for p in paragraphs.values())
            lang = _lang(article.language)
            meta = html_text(f"{self.brief.label(article.id)} · {short_date(article.published)}")
            if article.url:
                href = safe_href(article.url)  # a link only to the web: never javascript:, data: or file:
                url = html_text(article.url)
                meta += f' · <a href="{href}" rel="noopener noreferrer nofollow">{url}</a>' if href else f" · {url}"
            title = f'<span class="title">{html_text(article.title or article.id)}</span>'
            parts.append(
                f'<details open class="article b{k % len(_PALETTE)}" id="a{k}">'
                f'<summary>{title} <span class="muted">{meta}</span></summary><div{lang}>{text}</div></details>'
            )
        legend = '<p class="muted">Dotted underline: a statement no list holds (see "Not placed").</p>'
        return _section("articles", "The articles", legend + "".join(parts))
