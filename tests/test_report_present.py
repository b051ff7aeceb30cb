"""The report as an editor's briefing, in all three formats, on the fictional demo corpus (answer key in its README).

Hostile page text (a site name or title carrying `<script>` or Rich markup) must stay inert in every format.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import lxml.html
import pytest
from rich.console import Console

from manysides.compare.engine import compare, distinct
from manysides.ingest.sources import ReadOptions
from manysides.jobs import extracted
from manysides.present.briefing import Briefing, attribution, echo, headline, quoted, stands_alone
from manysides.present.figures import figures
from manysides.present.report_html import render_html
from manysides.present.report_markdown import render_markdown
from manysides.present.report_text import print_report
from manysides.present.report_view import ReportView
from manysides.records.article import Article
from manysides.records.report import Conflict, Entity, Fact, FramingItem, Report, Statement
from manysides.understand.sentences import split_sentences
from tests.helpers import run_cli, two_outlet_jsonl, two_reports

HOSTILE = "<script>alert('x')</script> [/] [bold]b[/bold] [click](javascript:alert(1)) <img src=x onerror=y> | #"


@pytest.fixture(scope="module")
def demo(demo_dir: Path) -> tuple[Report, list[Article]]:
    pages = [item[1] for item in extracted([str(demo_dir)], ReadOptions()) if isinstance(item, tuple)]
    strike = distinct([a for a in pages if "ferry" in a.body.lower() and "Veyra" in a.body])
    return compare(strike), strike


def _text(report: Report) -> str:
    buffer = io.StringIO()
    print_report(report, Console(file=buffer, width=100, color_system=None, highlight=False))
    return buffer.getvalue()


def _label(report: Report, outlet: str) -> str:
    return next(a.id for a in report.articles if a.outlet == outlet)


def test_statement_sentence_is_the_split_sentences_index(demo: tuple[Report, list[Article]]) -> None:
    """The HTML anchors rely on it: Statement.sentence indexes split_sentences(body, language)."""
    report, articles = demo
    bodies = {a.id: (a.body, a.language) for a in articles}
    checked = 0
    for fact in report.facts:
        for statement in fact.statements:
            assert statement.sentence is not None
            assert statement.text in split_sentences(*bodies[statement.article])[statement.sentence].text
            checked += 1
    assert checked > 20


def test_every_shared_fact_is_headed_by_its_headline(demo: tuple[Report, list[Article]]) -> None:
    report, articles = demo
    brief = Briefing.of(report)
    shared = brief.view.facts("shared")
    assert shared
    markdown = render_markdown(report)
    page = lxml.html.fromstring(render_html(report, articles))
    heads = [" ".join(td.text_content().split()) for td in page.cssselect("#sec-shared tr.head td")]
    assert len(heads) == len(shared)
    for number, fact in enumerate(shared, start=1):
        top = headline(fact)
        assert top is not None and top in fact.statements
        if fact.headline is None:  # the fallback: the fact's shortest statement
            assert len(top.text) == min(len(s.text) for s in fact.statements)
        assert f"### {number}. {quoted(top.text)[:30]}" in markdown.replace("\\", "")
        assert top.text[:40] in heads[number - 1] and brief.label(top.article) in heads[number - 1]


def test_a_fact_heading_that_is_someones_words_names_them(demo: tuple[Report, list[Article]]) -> None:
    """A heading is read on its own: "“We will sail on Monday,” she said." needs its speaker beside the outlet."""
    report, articles = demo
    fact = next(f for f in Briefing.of(report).view.facts("shared") if headline(f) is not None)
    top = headline(fact)
    assert top is not None
    said = top.model_copy(update={"text": "\u201cWe will sail on Monday,\u201d she said.", "attribution": "Ada Quell"})
    spoken = fact.model_copy(
        update={"headline": said, "statements": [said if s == top else s for s in fact.statements]}
    )
    report = report.model_copy(update={"facts": [spoken if f is fact else f for f in report.facts]})
    label = Briefing.of(report).label(top.article)
    assert f"she said. — *Ada Quell*, in {label}" in render_markdown(report).replace("\\", "")
    assert f"Ada Quell, in {label}" in " ".join(_text(report).split())
    page = lxml.html.fromstring(render_html(report, articles))
    assert any(f"Ada Quell, in {label}" in td.text_content() for td in page.cssselect("#sec-shared tr.head td"))


@pytest.mark.parametrize(
    ("text", "who", "shown"),
    [
        # the name is in the quoted words only: the reader still needs the tag
        ("\u201cSpeaking for the Quell Administration, we won\u2019t let that happen,\u201d she added.", "Quell", True),
        # the sentence names the speaker outside the quote: no tag
        ("\u201cWe sail on Monday,\u201d said harbour master Ada Quell.", "Ada Quell", False),
        ("Ms. Quell said the pier would reopen.", "Ada Quell", False),
        # a sentence closing a quotation opened before it starts inside the quotation
        ("Quell\u2019s pier is ready,\u201d she said.", "Quell", True),
        # a word that only contains the name is not the name
        ("\u201cWe sail,\u201d the Quellmann crew said.", "Quell", True),
    ],
)
def test_a_tag_is_left_out_only_when_the_sentence_names_the_speaker_outside_quotes(
    text: str, who: str, shown: bool
) -> None:
    statement = Statement(article="a", text=text, attribution=who, sentence=0)
    assert (attribution(statement) == who) is shown


def test_html_outlets_are_named_columns(demo: tuple[Report, list[Article]]) -> None:
    report, articles = demo
    brief = Briefing.of(report)
    page = lxml.html.fromstring(render_html(report, articles))
    table = page.cssselect("#sec-shared table")[0]
    names = [th.text_content() for th in table.cssselect("thead th")][1:]
    assert names == [brief.label(a.id) for a in report.articles]
    rows = [tr for tr in table.cssselect("tr") if tr.get("class") != "head" and tr.getparent().tag != "thead"]
    first = brief.shown_in()
    for number, (fact, row) in enumerate(zip(brief.view.facts("shared"), rows, strict=True), start=1):
        cells = row.cssselect("td")
        for statement in fact.statements:
            column = cells[brief.column(statement.article)]
            earlier = first[(statement.article, statement.sentence)]
            said = statement.text if earlier == number else echo(statement.text, headline(fact).text).strip("…")
            assert " ".join(said.split()) in " ".join(column.text_content().split())  # a repeat shows a few words
        for k, article in enumerate(report.articles):  # an outlet without a statement shows a dash
            if not any(s.article == article.id for s in fact.statements):
                assert cells[k].text_content() == "—"
    assert page.cssselect("details.sec > summary h2")  # collapsible sections


def test_html_statements_link_to_their_highlighted_sentence(demo: tuple[Report, list[Article]]) -> None:
    report, articles = demo
    html = render_html(report, articles)
    page = lxml.html.fromstring(html)
    ids = {el.get("id"): el for el in page.cssselect("span.s[id]")}
    assert "a0-s0" in ids and ".s:target" in html
    links = page.cssselect("a.q")
    assert len(links) >= sum(len(f.statements) for f in report.facts)
    for link in links:
        target = ids[link.get("href").removeprefix("#")]  # every link lands on a sentence of the page
        # A repeat shows a few of its words; a sentence cut from a quotation is shown with both its marks.
        quoted = link.text_content().strip('“”"').strip("…").strip('“”"')
        assert " ".join(quoted.split()) in " ".join(target.text_content().split())
    # The sentence a statement links to is that statement's own sentence in its own article.
    first = report.facts[0].statements[0]
    k = [a.id for a in report.articles].index(first.article)
    assert first.text in ids[f"a{k}-s{first.sentence}"].text_content()
    assert "<script" not in html.lower() and "Content-Security-Policy" in html
    # The same anchors from a plain mapping of id -> body.
    assert render_html(report, {a.id: a.body for a in articles}) == html


def test_html_without_bodies_has_no_dangling_links(demo: tuple[Report, list[Article]]) -> None:
    report, _ = demo
    html = render_html(report)
    assert 'href="#a' not in html and 'id="a0-s' not in html
    assert "Shared facts" in html


def test_who_shares_what_and_only_here(demo: tuple[Report, list[Article]]) -> None:
    report, _ = demo
    brief = Briefing.of(report)
    outlets = {o.article: o for o in brief.outlets()}
    shared = [{s.article for s in f.statements} for f in report.facts if f.kind == "shared"]
    for a in outlets:
        for b in outlets:
            if a != b:
                expected = sum(1 for ids in shared if {a, b} <= ids)
                assert outlets[a].shares.get(b, 0) == expected == outlets[b].shares.get(a, 0)
        unique = [f for f in report.facts if f.kind == "unique" and f.statements[0].article == a]
        assert outlets[a].unique == len(unique)
        assert len(outlets[a].telling) == min(3, sum(len(f.statements) for f in unique))
        own = [s for f in unique for s in f.statements]
        assert all(s in own for s in outlets[a].telling)
    meridian, digest = _label(report, "Meridian Daily"), _label(report, "Coastline Digest")
    assert outlets[meridian].shares[digest] >= 1  # the republication carries the original's facts
    for a, outlet in outlets.items():  # lines that stand alone, surest first: a line another outlet tells misleads
        own = [f for f in report.facts if f.kind == "unique" and f.statements[0].article == a]
        assert all(f.confidence is not None and 0.0 <= f.confidence <= 1.0 for f in own)
        band = {
            f.statements[0].sentence: (stands_alone(f.statements[0]), round((f.confidence or 0.0) / 0.05)) for f in own
        }
        shown = [band[s.sentence] for s in outlet.telling]
        left = [band[f.statements[0].sentence] for f in own if f.statements[0] not in outlet.telling]
        assert shown == sorted(shown, reverse=True) and all(x >= y for x in shown for y in left)
    markdown = render_markdown(report)
    assert "## Who shares what" in markdown and "| only here |" in markdown
    assert "Who shares what" in _text(report)


def test_conflicts_in_plain_words(demo: tuple[Report, list[Article]]) -> None:
    report, articles = demo
    brief = Briefing.of(report)
    numbers = next(f.conflict for f in report.facts if f.conflict and f.conflict.type == "number")
    words = brief.conflict_words(numbers)
    assert re.search(
        r"(Meridian Daily and Coastline Digest|Coastline Digest and Meridian Daily) say “Fourteen people”", words
    )
    assert "“Twelve people / 12 people”" in words  # one amount, written two ways: one side
    ledger, meridian = _label(report, "The Harbor Ledger"), _label(report, "Meridian Daily")
    update = Conflict(
        type="update",
        values={meridian: "happened", ledger: "expected"},
        explanation="a later report",
        about="the minister's talks",
        first=ledger,
    )
    said = brief.conflict_words(update)
    assert said.startswith("The Harbor Ledger reported “expected” first (2025-06-15 11:20)")
    assert "minister's talks" not in said  # `about` is a word list for machines; the sentences follow below
    assert "Meridian Daily later reports “happened”" in said
    without_first = brief.conflict_words(update.model_copy(update={"first": None}))
    assert "The Harbor Ledger reported “expected” first" in without_first  # from the articles' dates
    for rendered in (render_markdown(report), _text(report), render_html(report, articles)):
        assert "Fourteen people" in rendered and "Numbers differ" in rendered
    dates = next(f.conflict for f in report.facts if f.conflict and f.conflict.type == "date")
    assert "say Friday 13 June 2025" in brief.conflict_words(dates)  # a day as a reader says it, not 2025-06-13


def test_figures_each_outlet_gives(demo: tuple[Report, list[Article]]) -> None:
    report, _ = demo
    assert figures("Twelve people, including two police officers, were hurt at 6 a.m. on 13 June 2025.") == [
        "Twelve people",
        "two police officers",
    ]
    assert figures("a 9% rise, nine per cent, €2.3 million a day, 3,000 passengers at 12:30") == [
        "9%",
        "nine per cent",
        "€2.3 million",
        "3,000 passengers",
    ]
    rows = Briefing.of(report).figure_rows()
    pay = next(r for r in rows if any("nine per cent" in v for v in r.values.values()))
    assert any("9%" in v for v in pay.values.values()) and len(pay.values) >= 3
    html = render_html(report)
    assert "Figures each outlet gives" in html and '<span class="fig">nine per cent</span>' in html
    assert "| fact |" in render_markdown(report)


def _hostile(report: Report) -> Report:
    """The demo report with hostile strings wherever page text reaches a renderer."""
    first = report.articles[0]
    articles = [first.model_copy(update={"outlet": HOSTILE, "title": HOSTILE}), *report.articles[1:]]
    evil = Statement(article=first.id, text="Claim " + HOSTILE, attribution=HOSTILE, sentence=0)
    other = Statement(article=report.articles[1].id, text="Other " + HOSTILE, sentence=0)
    facts = [
        Fact(kind="shared", statements=[evil, other], headline=evil),
        Fact(
            kind="conflict",
            statements=[evil, other],
            conflict=Conflict(
                type="update", values={first.id: HOSTILE, other.article: "b"}, explanation=HOSTILE, about=HOSTILE
            ),
        ),
        Fact(kind="unique", statements=[evil.model_copy(update={"text": "Only " + HOSTILE + " 12 people"})]),
        *report.facts,
    ]
    entities = [Entity(name=HOSTILE, type="person", aliases=[HOSTILE], mentions={first.id: 2}), *report.entities]
    story = report.story.model_copy(update={"title": HOSTILE})
    return report.model_copy(update={"articles": articles, "facts": facts, "entities": entities, "story": story})


def test_hostile_outlet_title_and_text_stay_inert_in_every_format(demo: tuple[Report, list[Article]]) -> None:
    report, articles = demo
    hostile = _hostile(report)
    html = render_html(hostile, [a.model_copy(update={"body": HOSTILE + "\n\n" + a.body}) for a in articles])
    lowered = html.lower()
    assert "<script" not in lowered and "<img" not in lowered and "javascript:alert(1)</a" not in lowered
    assert "&lt;script&gt;" in html and 'href="javascript' not in lowered
    assert len(lxml.html.fromstring(html).cssselect("#sec-shared thead th")) == len(report.articles) + 1

    markdown = render_markdown(hostile)
    assert not re.search(r"(?<!\\)<(?:script|img)|(?<!\\)\[click", markdown)  # only escaped: \<script
    headers = [line for line in markdown.splitlines() if line.startswith("### ")]
    assert any("\\<script\\>" in line for line in headers)  # the outlet name in a fact header is escaped
    assert not any(re.search(r"(?<!\\)<script", line) for line in headers)
    for line in markdown.splitlines():  # every hostile string in a table stays inside its own cell
        if line.startswith("|") and "script" in line:
            assert "\\|" in line

    text = _text(hostile)  # Rich markup in page text would raise or vanish: it must print as written
    assert "[/]" in text and "[bold]b[/bold]" in text and "<script>" in text and "\x1b[" not in text


def test_cli_html_carries_the_articles(tmp_path: Path) -> None:
    source = two_outlet_jsonl(tmp_path)
    out = tmp_path / "r.html"
    run = run_cli("compare", source, "--format", "html", "-o", out)
    assert run.exit_code == 0, run.stderr
    html = out.read_text(encoding="utf-8")
    targets = set(re.findall(r'href="#(a\d+-s\d+)"', html))
    assert targets and all(f'id="{t}"' in html for t in targets)
    assert 'id="a0-s0"' in html and 'id="a1-s0"' in html


def test_repeated_framing_words_are_shown_once_with_a_count(demo: tuple[Report, list[Article]]) -> None:
    """The same loaded word on the same actor three times is one habit, not three findings."""
    report, _ = demo
    article = report.articles[0].id
    item = FramingItem(article=article, type="loaded_term", text="seized", target="Veyra Lines")
    repeated = report.model_copy(update={"framing": [item, item, item.model_copy(update={"text": "Seized"})]})
    shown = ReportView.of(repeated).framing_by_article()[article]["loaded_term"]
    assert shown == ["seized (→ Veyra Lines), 3 times"]


def test_a_loaded_word_every_report_uses_is_the_storys_not_one_outlets(demo: tuple[Report, list[Article]]) -> None:
    """ "rampage" in every report of a rampage is the story's word; "a martyr" and "martyr" are one word."""
    report, _ = demo
    ids = [a.id for a in report.articles]
    items = [FramingItem(article=a, type="loaded_term", text="rampage") for a in ids]
    items += [
        FramingItem(article=ids[0], type="loaded_term", text="a martyr"),
        FramingItem(article=ids[0], type="loaded_term", text="martyr"),
    ]
    shown = ReportView.of(report.model_copy(update={"framing": items})).framing_by_article()
    assert shown[ids[0]] == {"loaded_term": ["a martyr, 2 times"], "story_word": ["rampage"]}
    assert all(shown[a] == {"story_word": ["rampage"]} for a in ids[1:])
    assert "loaded words every report uses" in render_markdown(report.model_copy(update={"framing": items}))


def test_a_vote_tally_is_one_figure() -> None:
    assert figures("The council backed the ferry plan by a 134-to-63 vote.") == ["134-to-63"]
    assert figures("The council backed it, 134 to 63.") == ["134 to 63"]
    # a range is one figure however written ("40 to 60 hours", "a 40- to 60-hour course"), two years are none
    assert figures("Crews train for 40 to 60 hours.") == ["40 to 60 hours"]
    assert figures("Crews take a 40- to 60-hour course.") == ["40- to 60-hour"]
    assert figures("The 2012-2013 season ended.") == []
    from manysides.present.figures import figure_kind

    assert figure_kind("40- to 60-hour") == figure_kind("40 to 60 hours") == "count:hour"
    assert figures("The pilot, in his 30s, has sailed since the '90s with 12 crew members.") == ["12 crew"]
    assert figures("The two met for an hour; the ferry carried 40 on its first run.") == ["40"]
    # an age, a number inside a name and a vague amount with nothing counted are no figures to set side by side
    assert figures("Captain Orla Venn, 57, has sailed three routes.") == ["three routes"]
    assert figures("The filing names Vessel 1 and Pier 2.0 in 12 places.") == ["12 places"]
    assert figures("Dozens of people waited, and thousands more watched.") == ["Dozens of people"]
    # what a figure counts may come after the words that describe it, a capitalised one too
    assert figures("The Veyra court charged a dozen Orsian border officers.") == ["dozen Orsian border officers"]
    assert figures("Three senior harbour officials and 14 Republicans met.") == [
        "Three senior harbour officials",
        "14 Republicans",
    ]
    assert figures("On 5 Monday crews met.") == ["5"]


def test_a_place_in_a_list_or_a_label_is_no_figure() -> None:
    """A rank or a label ("the No. 2 job", "the #1 seed", "Nr. 12") is no amount: the figures table showed "2"
    and "3 spot as" beside real amounts."""
    assert figures("Hoyer kept the No. 2 job, and Clyburn the No. 3 spot as assistant leader.") == []
    assert figures("The #1 seed lost 3 games at No 10 Downing Street.") == ["3 games"]
    assert figures("Gesetz Nr. 12 betrifft 300 Menschen.") == ["300"]


def test_a_figures_row_needs_figures_that_may_measure_one_thing() -> None:
    """A 4-page letter beside "four other candidates" compares nothing; $3.5 billion beside $3.6 billion does."""
    from manysides.present.figures import aligned_figures, figure_kind

    assert figure_kind("$3.6 billion") == figure_kind("€2 million") == "money"
    assert figure_kind("134-to-63") == figure_kind("130-to-67")
    assert aligned_figures("Ms. Venn sent a 4-page letter to the board.", "Four other candidates sent letters.") == []
    budget = "The council approved a $3.5 billion budget for the harbour on Monday."
    rival = "Councillors approved a harbour budget of $3.6 billion and bought 12 ferries."
    assert aligned_figures(budget, rival) == [("$3.5 billion", "$3.6 billion")]  # the ferries count nothing else
    assert aligned_figures("Four years of talks ended.", "12 people were hurt.") == []


def test_a_figures_row_reads_across_one_quantity() -> None:
    """A statement of several figures gives, beside another's figure, only the one that answers it: the words
    around each figure say what it counts, and whose it is."""
    from manysides.present.figures import aligned_figures

    ledger = "The Venns paid $4,885,310 in federal taxes and $1,625,777 in state taxes, and gave $1,959,450 to charity."
    post = "They also gave $2 million to charity and paid an additional $1.6 million in state taxes."
    assert aligned_figures(post, ledger) == [("$2 million", "$1,959,450"), ("$1.6 million", "$1,625,777")]
    # one rate is Orla Venn's, the other the Krells': no row sets them side by side
    assert (
        aligned_figures(
            "Orla Venn paid an effective tax rate of 36 percent.",
            "The Krells paid an effective tax rate of 31 percent.",
        )
        == []
    )
    # a yearly total and a day's count differ by more than tenfold: two quantities, whatever the words share
    assert (
        aligned_figures(
            "Ferries carry 1.4 million passengers a year.", "Strikes left 3,000 ferry passengers stranded a year ago."
        )
        == []
    )
    # one count in other words: "passengers" and "travellers"
    assert aligned_figures(
        "The strike stranded 3,000 passengers at Veyra port.", "Some 3,000 travellers were stranded at Veyra port."
    ) == [("3,000 passengers", "3,000 travellers")]


def test_one_quantity_two_facts_tell_is_one_figures_row() -> None:
    """ "$200,000" of outlets a and b in one shared fact, of b and c in another: one row with all three, not two
    rows that both say $200,000 (the editor's read). Fictional harbour race."""
    from manysides.present.briefing import Briefing
    from manysides.records.report import ReportArticle, StoryInfo

    a = Statement(article="a", text="Ivo Pell raised just over $200,000 for his harbour race.", sentence=0)
    b = Statement(article="b", text="Pell won although he raised only $200,000 for the harbour race.", sentence=0)
    b2 = Statement(article="b", text="Pell raised $200,000 and still beat the harbour master.", sentence=1)
    c = Statement(article="c", text="Pell raised more than $200,000 for the harbour race, filings show.", sentence=0)
    report = Report(
        story=StoryInfo(title="Harbour race"),
        articles=[ReportArticle(id=x, outlet=f"Outlet {x}") for x in "abc"],
        facts=[
            Fact(kind="shared", statements=[a, b], headline=a),
            Fact(kind="shared", statements=[b2, c], headline=b2),
        ],
    )
    rows = Briefing.of(report).figure_rows()
    assert [sorted(row.values) for row in rows] == [["a", "b", "c"]]


def test_a_figure_of_one_period_is_not_set_beside_one_of_another() -> None:
    """A rate or a total is for the years its sentence says: one year's rate does not answer an eight-year average,
    an eight-year total does not answer a four-year one, but "since 2009" and "from 2009 to 2016" may be one span."""
    from manysides.present.figures import Period, aligned_figures, period, periods_meet

    assert period("from 2009 through 2016 the Venns paid") == Period(2009, 2016, 8)
    assert period("between 2013 and 2016") == period("2013-16") == Period(2013, 2016, 4)
    assert period("since 2009") == Period(2009, None, None)
    assert period("over the eight year span") == Period(None, None, 8)
    assert period("for 2016 was") == Period(2016, 2016, 1)
    assert period("last year") == Period(None, None, 1)
    assert period("a 35-year-old skipper, five years ago") is None  # an age and a day long past are no spans
    assert period("in 2010, 2014 and 2016") is None  # several years: no one period
    assert periods_meet(period("since 2009"), period("from 2009 to 2016"))
    assert not periods_meet(period("in 2016"), period("from 2009 to 2016"))
    assert not periods_meet(period("over the eight year span"), period("between 2013 and 2016"))
    assert periods_meet(period("last year"), period("for 2016"))

    average = (
        "From 2009 through 2016 the Venns paid $4,885,310 in harbour taxes, for an effective tax rate of 31.2 percent."
    )
    one_year = "The Venns' effective harbour tax rate for 2016 was 34.1 percent."
    assert aligned_figures(one_year, average) == []
    assert aligned_figures("The Venns paid an effective harbour tax rate of 34.1 percent last year.", one_year) == [
        ("34.1 percent", "34.1 percent")
    ]
    since = "The returns show the Venns have paid $4.9 million in harbour taxes since 2009."
    assert aligned_figures(since, average) == [("$4.9 million", "$4,885,310")]
    total = "The Marlowes earned $12,412,800 over the eight year span, mostly from ferry fares."
    part = "Mr. Marlowe earned nearly $2 million between 2013 and 2016 from ferry fares and charters."
    assert aligned_figures(total, part) == []
    # a rate of another figure's kind takes the sentence's years; one of its own kind does not
    contrast = (
        "Ms. Krell said her average harbour tax rate was 34 percent, and the Venns' 2016 harbour tax rate 30 percent."
    )
    assert aligned_figures(
        "Ms. Krell paid an average harbour tax rate of 34 percent over three decades.", contrast
    ) == [("34 percent", "34 percent")]


def test_the_story_is_named_by_the_headline_the_others_agree_with() -> None:
    from manysides.compare.engine import central_title

    titles = [
        "Did the Harbour Board Cross the Line?",
        "Harbour board closes Port Alden ferry pier after storm",
        "Storm damage: ferry pier at Port Alden closed by harbour board",
    ]
    assert central_title(titles) == titles[1]
    assert central_title(["Only a question?"]) == "Only a question?"
    assert central_title([]) is None
    # No words shared between headlines: the one the other articles' bodies tell, not the first page's
    odd = ["Mayor Venn flies to Ostend for trade talks", "Pier closed by harbour board after storm damage"]
    bodies = [
        "The mayor flew to Ostend. The harbour board closed the pier after the storm caused damage.",
        "The harbour board closed the pier on Monday after storm damage to its piles.",
    ]
    assert central_title(odd, bodies) == odd[1]


def test_a_story_without_headlines_is_named_by_its_lead() -> None:
    """Records without a title (a feed's or a data set's) name the story by the lead sentence the others tell, cut
    to a headline's length, not "Untitled story"."""
    from benchmarks.datasets import make_article

    from manysides.compare.engine import compare_texts
    from manysides.understand import analyse_many

    first = (
        "The harbour board closed the Port Alden ferry pier on Monday after storm damage to its piles and its "
        "old loading ramp. Repairs will take a month."
    )
    second = "Port Alden's ferry pier was closed by the harbour board after the storm. Commuters will take buses."
    texts = analyse_many([make_article("a", first, outlet="a.example"), make_article("b", second, outlet="b.example")])
    assert compare_texts(texts).story.title == second.split(" Commuters")[0]
    long_lead = "The harbour board closed the Port Alden ferry pier on Monday after storm damage…"
    assert compare_texts(texts[:1]).story.title == long_lead


def test_a_selection_of_unique_facts_says_it_is_one_and_no_conflict_says_what_was_checked() -> None:
    from manysides.present.briefing import NO_CONFLICT, only_here

    assert only_here(11, 3) == "11 facts, the 3 most telling shown"
    assert only_here(1, 1) == "1 fact"
    assert NO_CONFLICT.startswith("None found.") and "dates" in NO_CONFLICT


def test_sentences_no_list_holds_are_counted_not_silently_dropped() -> None:
    from manysides.records.report import ReportArticle, StoryInfo

    shared = [Statement(article="a", text="The pier closed.", sentence=0)]
    shared.append(Statement(article="b", text="The pier was closed.", sentence=2))
    report = Report(
        story=StoryInfo(title="Pier"),
        articles=[ReportArticle(id="a", outlet="Ledger", statements=4), ReportArticle(id="b", outlet="Bote")],
        facts=[Fact(kind="shared", statements=shared)],
    )
    brief = Briefing.of(report)
    assert [o.unplaced for o in brief.outlets()] == [3, None]  # an older report without the count says nothing
    note = brief.unplaced_note()
    assert note is not None and note.startswith("Not placed: Ledger 3 sentences.")
    assert "Not placed: Ledger 3 sentences" in render_markdown(report)


def test_close_pairs_no_fact_holds_are_shown_to_check_in_every_format() -> None:
    from manysides.present.report_html import render_html
    from manysides.records.report import ReportArticle, StoryInfo
    from manysides.web.views import comparison

    pair = [
        Statement(article="a", text="The <b>pier</b> reopened for cargo.", sentence=1),
        Statement(article="b", text="Cargo ships may dock again soon.", sentence=3),
    ]
    report = Report(
        story=StoryInfo(title="Pier"),
        articles=[ReportArticle(id="a", outlet="Ledger", statements=2), ReportArticle(id="b", outlet="Bote")],
        facts=[Fact(kind="related", statements=pair, headline=pair[0])],
    )
    brief = Briefing.of(report)
    assert brief.summary().endswith("0 facts only one report gives, 1 close pair to check.")
    assert [o.unplaced for o in brief.outlets()] == [1, None]  # a close pair places its sentences
    markdown = render_markdown(report)
    assert "## Close but not matched (1)" in markdown and "Cargo ships may dock again soon." in markdown
    html = render_html(report)
    assert 'id="sec-related"' in html and "<b>pier</b>" not in html and "&lt;b&gt;pier&lt;/b&gt;" in html
    section = next(s for s in comparison(report).sections if s.key == "related")
    assert section.intro and [sorted(r.cells) for r in section.rows] == [["a", "b"]]


def test_a_headline_loses_its_outlets_suffix_and_nothing_else() -> None:
    from manysides.compare.engine import headline_without_outlet

    assert (
        headline_without_outlet("Pier closed after storm | Harbour Ledger", "Harbour Ledger")
        == "Pier closed after storm"
    )
    assert headline_without_outlet("Harbour Ledger", "Harbour Ledger") == "Harbour Ledger"
    assert headline_without_outlet("Pier closed - for now", "Harbour Ledger") == "Pier closed - for now"
    assert headline_without_outlet(None, "Harbour Ledger") is None


def test_a_statement_in_two_shared_facts_is_shown_in_full_once_in_every_format() -> None:
    """One long sentence in two shared facts: the second fact points back to the first ("as in 1") with the few
    words that tie it to this fact's heading, so the reader does not read it twice; the JSON keeps every statement
    of every fact."""
    from manysides.records.report import ReportArticle, StoryInfo
    from manysides.web.views import comparison

    lede = Statement(
        article="a",
        text="The harbour board voted on Monday to reopen the north pier and to raise ferry fares.",
        sentence=0,
    )
    pier = Statement(article="b", text="The north pier will reopen, the board decided.", sentence=1)
    fares = Statement(article="b", text="Ferry fares will rise, the board said.", sentence=2)
    report = Report(
        story=StoryInfo(title="Pier"),
        articles=[ReportArticle(id="a", outlet="Ledger"), ReportArticle(id="b", outlet="Bote")],
        facts=[
            Fact(kind="shared", statements=[lede, pier], headline=pier),
            Fact(kind="shared", statements=[lede, fares], headline=fares),
        ],
    )
    markdown = render_markdown(report)
    assert markdown.count(lede.text) == 1
    assert "as in 1: “…to reopen the north pier and to raise ferry fares.”" in markdown  # the words of fact 2
    assert _text(report).count(lede.text) == 1 and "as in 1:" in _text(report)
    html = render_html(report)
    assert html.count("harbour board voted on Monday") == 1 and 'class="st again"' in html
    shared = next(s for s in comparison(report).sections if s.key == "shared")
    assert [v.again for v in shared.rows[1].cells["a"]] == [1] and shared.rows[0].cells["a"][0].again is None
    assert [len(f.statements) for f in report.facts] == [2, 2]


def test_a_sentence_of_a_longer_quotation_is_shown_with_both_its_marks() -> None:
    """Statements are exact sentences, so one cut from a quotation of several holds only one of its marks."""
    assert quoted('And the pier can be saved."') == '"And the pier can be saved."'
    assert quoted("\u201cClose the harbour.") == "\u201cClose the harbour.\u201d"
    assert quoted("No one I have asked.\u201d") == "\u201cNo one I have asked.\u201d"
    assert quoted("Last of it,\u201d she said.") == "\u201cLast of it,\u201d she said."
    assert quoted("\u201cAll of it,\u201d she said.") == "\u201cAll of it,\u201d she said."
    assert quoted("The ferry sails.") == "\u201cThe ferry sails.\u201d"
    mixed = '"The pier is lost,\u201d the mayor said.'  # a page that opens with one mark and closes with another
    assert quoted(mixed) == mixed
    # Arabic joins a one-letter prefix to the quoted word with a tatweel: the mark after it opens the quotation
    arabic = '\u062a\u0648\u0641\u064a \u0628\u0640"\u0641\u064a\u0631\u0648\u0633" \u0627\u0644\u064a\u0648\u0645.'
    assert quoted(arabic) == f"\u201c{arabic}\u201d"
    other_way = '\u201cBecause the pier is lost," the mayor said.'  # the other mix: no mark added on either side
    assert quoted(other_way) == other_way
    assert quoted("\u201eJa\u201c, sagte sie.") == "\u201eJa\u201c, sagte sie."
    assert quoted("Ende.\u201c") == "\u201eEnde.\u201c"


def test_a_figures_row_reads_across_one_quantity_and_names_whose_claim_a_figure_is() -> None:
    """A statement of two amounts answered by two outlets gives a row per amount; a figure an outlet tells as
    someone's words is shown with that speaker. Fictional harbour and people."""
    from manysides.present.briefing import Briefing
    from manysides.records.report import ReportArticle, StoryInfo

    both = Statement(
        article="a",
        text="Harbour owners earned roughly $141 million and paid nearly $44 million in port fees from 2019 to 2024.",
        sentence=0,
    )
    earned = Statement(
        article="b", text="The harbour owners earned $139 million in port income from 2019 to 2024.", sentence=0
    )
    paid = Statement(
        article="c",
        text="Mayor Ada Krell said the harbour owners paid $43 million in port fees from 2019 to 2024.",
        attribution="Ada Krell",
        sentence=0,
    )
    report = Report(
        story=StoryInfo(title="Harbour fees"),
        articles=[ReportArticle(id=x, outlet=f"Outlet {x}") for x in "abc"],
        facts=[Fact(kind="shared", statements=[both, earned, paid], headline=both)],
    )
    rows = Briefing.of(report).figure_rows()
    assert [row.values for row in rows] == [
        {"a": ["roughly $141 million"], "b": ["$139 million"]},  # the words that round a figure stay with it
        {"a": ["nearly $44 million"], "c": ["$43 million (Ada Krell)"]},
    ]
    assert "$44 million" in rows[1].shown and rows[1].shown.startswith("…")


def test_statements_no_list_holds_are_listed_and_marked(demo: tuple[Report, list[Article]]) -> None:
    """What no fact and no close pair holds is still shown: counted, listed under "Not placed" and marked in the
    article's text, so nothing an article states is lost without a word."""
    report, articles = demo
    placed = {(s.article, s.sentence) for f in report.facts for s in f.statements}
    listed = [s for a in report.articles for s in a.unplaced_statements or []]
    assert listed, "the demo story leaves some statements unplaced"
    for article in report.articles:
        assert article.unplaced == len(article.unplaced_statements or [])
    assert all((s.article, s.sentence) not in placed for s in listed)
    markdown = render_markdown(report)
    assert f"## Not placed ({len(listed)})" in markdown
    page = lxml.html.fromstring(render_html(report, articles))
    marked = {span.get("id") for span in page.xpath('//span[contains(@class, "np")]')}
    index = {a.id: k for k, a in enumerate(report.articles)}
    assert marked == {f"a{index[s.article]}-s{s.sentence}" for s in listed}


def test_the_not_placed_note_points_to_close_pairs_only_when_there_are_some(demo: tuple[Report, list[Article]]) -> None:
    report, articles = demo
    pointer = 'are under "Close but not matched"'
    assert any(f.kind == "related" for f in report.facts)
    assert pointer in render_markdown(report) and pointer.replace('"', "&quot;") in render_html(report, articles)
    alone = report.model_copy(update={"facts": [f for f in report.facts if f.kind != "related"]})
    assert "Close but not matched" not in render_markdown(alone)
    assert "Close but not matched" not in render_html(alone, articles)


def test_an_unplaced_statement_is_escaped_in_every_format() -> None:
    hostile = Statement(article="a", text=HOSTILE, sentence=0)
    report = Report.model_validate(
        {
            "story": {"title": "t"},
            "articles": [
                {"id": "a", "outlet": "one", "unplaced": 1, "unplaced_statements": [hostile.model_dump()]},
                {"id": "b", "outlet": "two"},
            ],
            "facts": [],
        }
    )
    assert "<script>" not in render_html(report) and "&lt;script&gt;" in render_html(report)
    assert "<script>" not in render_markdown(report)


def test_names_given_once_by_one_report_are_listed_apart_from_the_story_actors() -> None:
    """The entities table holds who the story is about; a name one report gives once goes in a line per report
    below it, so a long list of one-off names (and fragments) does not bury the actors."""
    report = Report.model_validate(
        {
            "story": {"title": "t"},
            "articles": [{"id": "a", "outlet": "one"}, {"id": "b", "outlet": "two"}],
            "entities": [
                {"name": "Ada Krell", "type": "person", "mentions": {"a": 3, "b": 2}},
                {"name": "Harbour Board", "type": "organisation", "mentions": {"a": 1, "b": 1}},
                {"name": "Tomas Brennick", "type": "person", "mentions": {"b": 1}},
            ],
            "facts": [],
        }
    )
    rows, once = Briefing.of(report).entity_groups()
    assert [e.name for e in rows] == ["Ada Krell", "Harbour Board"] and once == {"b": ["Tomas Brennick"]}
    markdown = render_markdown(report)
    assert "| **Ada Krell** |" in markdown and "| **Tomas Brennick**" not in markdown
    assert "- **two**: Tomas Brennick" in markdown
    assert "Tomas Brennick" in render_html(report)


def test_one_text_in_two_outlets_own_words_is_marked_word_for_word() -> None:
    """A passage one outlet copies from another (or both from one wire) agrees because it is one text: the report
    says so rather than count it as two reports. Two outlets quoting one speaker's words are two reports."""
    from manysides.compare.provenance import same_wording

    copied = "The harbour board voted on Tuesday to close the old ferry pier for two years of repairs to its pilings."
    assert same_wording(copied, copied.replace("pilings.", "pilings ."))
    assert not same_wording('"We close the pier for two years," said Ada Krell.', '"We close the pier for two years."')
    assert not same_wording("The pier closes.", "The pier closes.")
    report = compare(
        two_reports(
            f"{copied}\n\nCrews begin in May, the board said.",
            f'{copied}\n\nThe board chair, Ada Krell, told reporters: "We have waited long enough."',
            "2026-03-03",
        )
    )
    marked = [f for f in report.facts if f.kind == "shared" and f.word_for_word]
    assert marked and all(copied in s.text for f in marked for s in f.statements)
    assert "word for word" in render_markdown(report) and "word for word" in render_html(report)


def test_a_name_conflict_about_a_place_or_a_title_says_so() -> None:
    """Places ("Seattle" against "Bellingham") and titles ("CEO" against "president") are no people's names."""
    from manysides.compare.conflicts import _ACROSS, _CHECKS
    from manysides.present.briefing import _NAME_TITLES, conflict_title

    explanations = {explanation for _, _, explanation, _ in _CHECKS + _ACROSS}
    assert set(_NAME_TITLES) <= explanations  # the titles follow the checks' own words
    place = Conflict(type="name", values={"a": "Seattle", "b": "Bellingham"}, explanation=next(iter(_NAME_TITLES)))
    people = Conflict(type="name", values={"a": "Ada Krell", "b": "Ida Krell"}, explanation="the outlets name ...")
    assert conflict_title(place) == "Places differ" and conflict_title(people) == "Names differ"


def test_a_speaker_that_names_no_one_is_not_shown() -> None:
    """A speaker that names no one ("Many said", "Some argued", an unresolved "he said") tells a reader nothing,
    so the statement shows none and the voices list leaves it out."""
    from benchmarks.datasets import make_article

    from manysides.compare.facts import statement
    from manysides.compare.framing import voices
    from manysides.understand import analyse_many

    body = (
        'Many said the old pier should stay open. "It is our history," he said. Some argued the repairs cost too much.'
    )
    text = analyse_many([make_article("a", body, outlet="one")])[0]
    assert [a.speaker for s in text.sentences for a in s.attributions] == ["Many", "he", "Some"]
    assert all(statement(text, s).attribution is None for s in text.sentences)
    assert voices(text) == []


def test_a_line_that_leans_on_its_neighbours_does_not_stand_alone() -> None:
    """The top of a report shows lines a reader understands alone (the editor's read: "We have guessed the
    password." and "She has declined to comment ..." as an outlet's most telling items). Fictional lines."""

    def line(text: str, who: str | None = None) -> Statement:
        return Statement(article="a", text=text, attribution=who, sentence=0)

    assert stands_alone(line("The Varnley harbour board voted on Monday to close the north pier for a year."))
    assert not stands_alone(line("We have guessed the password."))
    assert not stands_alone(line("She has declined to comment on the harbour board's decision to close the pier."))
    quote = "\u201cVarnley does not need a pier of this kind, not now and not ever,\u201d he said."
    assert not stands_alone(line(quote))
    assert stands_alone(line(quote, "Ada Krell"))
    # the editor's second read: a line joined to the one before, or pointing back at what it named
    assert not stands_alone(line("Moreover, it would leave the fishing fleet of Varnley without a berth all winter."))
    assert not stands_alone(line("But the harbour board said the north pier had been unsafe for several years."))
    assert not stands_alone(line("The other two piers of the harbour are all but vacant during the winter months."))


def test_every_format_lists_whom_each_report_lets_speak(demo: tuple[Report, list[Article]]) -> None:
    """The voices (whom each report quotes or paraphrases, how often) were only in the JSON and the web app; the
    briefing formats list them too, most heard first, escaped like all page text."""
    report, articles = demo
    voices = Briefing.of(report).voices_by_article()
    assert voices and all(heard for heard in voices.values())
    for heard in voices.values():
        counts = [sum(int(n) for n in re.findall(r"(\d+) (?:quoted|paraphrased)", h)) for h in heard]
        assert counts == sorted(counts, reverse=True)
    first = next(iter(voices.values()))[0]
    assert "## Voices" in render_markdown(report) and first.split(" (")[0] in render_markdown(report)
    assert 'id="voices"' in render_html(report, articles) or "Voices" in render_html(report, articles)
    assert "Voices" in _text(report)
    hostile = report.model_copy(
        update={"voices": [report.voices[0].model_copy(update={"speaker": "<script>x</script> [b]Bold[/b] *Ann*"})]}
    )
    assert "<script>" not in render_html(hostile, articles) and "<script>" not in render_markdown(hostile)


_ARABIC_SENTENCE = "\u0623\u063a\u0644\u0642\u062a \u0627\u0644\u0645\u064a\u0646\u0627\u0621."  # the port closed


def test_statements_and_article_text_carry_their_language_and_direction() -> None:
    """An Arabic statement lays out right to left only when the page says its direction may differ from the page's
    (the editor's read: punctuation on the wrong side of Arabic sentences). Fictional statements."""
    from manysides.records.report import ReportArticle, StoryInfo

    arabic = Statement(article="b", text=_ARABIC_SENTENCE, sentence=0)
    english = Statement(article="a", text="The port closed on Saturday.", sentence=0)
    report = Report(
        story=StoryInfo(title="Port"),
        articles=[
            ReportArticle(id="a", outlet="Harbour Wire", language="en"),
            ReportArticle(id="b", outlet="Al-Mina", language="ar"),
        ],
        facts=[Fact(kind="shared", statements=[english, arabic], headline=english)],
    )
    page = render_html(report, {"a": english.text, "b": arabic.text})
    assert 'lang="ar" dir="auto"' in page and 'lang="en" dir="auto"' in page
    titled = report.model_copy(
        update={"articles": [report.articles[0], report.articles[1].model_copy(update={"title": _ARABIC_SENTENCE})]}
    )
    assert '<span class="title" lang="ar" dir="auto">' in render_html(titled, {"a": english.text, "b": arabic.text})
    # a shared fact headed by the Arabic statement, and a page titled in Arabic, lay out the same way
    headed = report.model_copy(
        update={
            "story": StoryInfo(title=_ARABIC_SENTENCE),
            "facts": [Fact(kind="shared", statements=[english, arabic], headline=arabic)],
        }
    )
    page = render_html(headed, {"a": english.text, "b": arabic.text})
    assert '<h1 dir="auto">' in page and '. <span class="title" lang="ar" dir="auto">' in page
    hostile = report.model_copy(
        update={"articles": [report.articles[0], report.articles[1].model_copy(update={"language": '"><script>'})]}
    )
    assert "<script>" not in render_html(hostile, {"a": english.text, "b": arabic.text})
