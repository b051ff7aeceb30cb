# ruff: noqa: RUF001 - the test sentences are Arabic, Hebrew and Turkish by design
"""The briefing's figures outside English: a day of the month beside a month name of any CLDR language is a date,
not a figure. Sentences written for these tests (fictional towns and floods)."""

from __future__ import annotations

import pytest

from manysides.present.briefing import Briefing, spoken
from manysides.present.figures import aligned_figures, figure_kind, figures
from manysides.records.report import Fact, Report, ReportArticle, Statement, StoryInfo


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("El 4 de diciembre se inundaron 12 viviendas en Villa Cardo.", ["12 viviendas"]),
        ("Le 4 décembre, 12 maisons ont été inondées à Saint-Orvin.", ["12 maisons"]),
        ("Am 4. Dezember wurden in Lindhof 12 Häuser überflutet.", ["12"]),
        ("4 Aralık günü Karakaya'da 12 ev su altında kaldı.", ["12"]),
        ("في ٤ ديسمبر غمرت المياه ١٢ منزلاً في وادي السنديان.", ["١٢"]),
        ("في ٤ كانون الأول غمرت المياه ١٢ منزلاً.", ["١٢"]),  # a Levantine month name of two words
        ("في عام ٢٠٣١ غمرت المياه ١٢ منزلاً.", ["١٢"]),  # a year in Arabic-Indic digits is a date
        ("ב-4 בדצמבר הוצפו 12 בתים בגבעת ארז.", ["12"]),  # the month with its joined prefix
        ("The river rose on 4 December and flooded 12 homes.", ["12 homes"]),
        ("Dezember 4: 12 Häuser.", ["12"]),  # month name before the day
    ],
)
def test_days_beside_month_names_are_not_figures(text: str, expected: list[str]) -> None:
    assert figures(text) == expected


def test_abbreviations_of_other_languages_do_not_swallow_figures() -> None:
    """Portuguese "out" (October) or Italian "set" (September) are English words: only full names count."""
    assert figures("3 out of 10 residents of Villa Cardo left.") == ["3 out of 10 residents"]
    assert figures("The 2 set pieces gave 4 goals.") == ["2 set pieces", "4 goals"]


def test_odds_are_one_figure_however_written() -> None:
    """ "a 1 in 3 chance" and "one-in-three" are the same odds, not the figures 1 and 3 against "three"."""
    assert figures("There is a 1 in 3 chance the ferry line closes.") == ["1 in 3"]
    assert figures("Ms. Krell put the odds at one-in-three on Monday, with 40 crews idle.") == [
        "one-in-three",
        "40 crews",
    ]
    assert figure_kind("1 in 3") == figure_kind("one-in-three") == "ratio"
    assert figures("The pier took 12 in 2019.") == ["12"]


def test_figure_rows_of_reports_in_two_languages() -> None:
    """Two outlets' figures for one flood: the days of the month stay out of the row, the counts are in it."""
    statements = [
        Statement(article="a", text="El 4 de diciembre se inundaron 12 viviendas en Villa Cardo.", sentence=0),
        Statement(article="b", text="Am 4. Dezember wurden in Villa Cardo 14 Häuser überflutet.", sentence=0),
    ]
    report = Report(
        story=StoryInfo(title="Inundación en Villa Cardo"),
        articles=[ReportArticle(id="a", outlet="Diario Cardo"), ReportArticle(id="b", outlet="Cardo Bote")],
        facts=[Fact(kind="shared", statements=statements)],
    )
    [row] = Briefing.of(report).figure_rows()
    assert row.values == {"a": ["12 viviendas"], "b": ["14"]}


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("Ein Beben der Stärke 5,8 erschütterte Morvel.", ["5,8"], "count:"),  # a decimal comma, not the figure 5
        ("زلزال بقوة ٥٫٨ درجات ضرب مورفيل.", ["٥٫٨"], "count:"),  # the Arabic decimal separator
        ("Au total, 3\u202f500 personnes ont été évacuées.", ["3\u202f500 personnes"], "count:personne"),
        ("Das Land stellte 2,5 Millionen Euro bereit.", ["2,5 Millionen Euro"], "money"),
        ("وخصصت الحكومة ٢٫٥ مليون يورو للعائلات.", ["٢٫٥ مليون يورو"], "money"),
        ("Sie erhielt 52,4 Prozent der Stimmen.", ["52,4 Prozent"], "percent"),
        ("وحصلت على ٥٢٫٤ في المئة من الأصوات.", ["٥٢٫٤ في المئة"], "percent"),
    ],
)
def test_figures_in_the_digits_and_words_of_other_languages(text: str, expected: list[str], kind: str) -> None:
    found = figures(text)
    assert found == expected
    assert figure_kind(found[0]) == kind


def test_figures_of_two_languages_meet_by_value() -> None:
    """ "5,8" is 5.8 and "2,5 Millionen Euro" is 2.5 million euros, so each sits beside the English figure it
    answers; "2.400" in German is 2,400; a share in Arabic words is no count of years."""
    english = "A magnitude 5.8 quake hit Morvel on Sunday, killing three people."
    assert aligned_figures(english, "Ein Beben der Stärke 5,8 traf Morvel.", across_languages=True) == [("5.8", "5,8")]
    money = aligned_figures(
        "The region set aside 2.5 million euros for families.",
        "Die Region stellte 2,5 Millionen Euro für Familien bereit.",
        across_languages=True,
        languages=("en", "de"),
    )
    assert money == [("2.5 million euros", "2,5 Millionen Euro")]
    evacuated = aligned_figures(
        "Some 2,400 people were evacuated.",
        "Insgesamt 2.400 Menschen wurden evakuiert.",
        across_languages=True,
        languages=("en", "de"),
    )
    assert evacuated == [("2,400 people", "2.400")]
    assert aligned_figures(
        "Ilsa Vane won 52.4 percent, ending Hale's twelve years in office.",
        "وحصلت إيلسا فين على ٥٢٫٤ في المئة.",
        across_languages=True,
    ) == [("52.4 percent", "٥٢٫٤ في المئة")]


def test_money_in_two_currencies_is_not_one_figure() -> None:
    """ "33 Millionen Pfund" beside "$39 million" would read as a disagreement; the same sum in one currency meets."""
    english = "The Varnley fund raised $39 million for the hospital."
    pounds, dollars = "Der Fonds sammelte 33 Millionen Pfund.", "Der Fonds sammelte 39 Millionen Dollar."
    assert aligned_figures(english, pounds, across_languages=True, languages=("en", "de")) == []
    assert aligned_figures(english, dollars, across_languages=True, languages=("en", "de")) == [
        ("$39 million", "39 Millionen Dollar")
    ]


def test_a_figure_is_read_in_its_articles_language() -> None:
    """A statement too short to tell its language is read in its article's: "2.400" in a German report is the
    2,400 of the English one, not 2.4."""
    statements = [
        Statement(article="a", text="Some 2,400 people were hurt in Villa Cardo.", sentence=0),
        Statement(article="b", text="Es gab 2.400 Verletzte.", sentence=0),
    ]
    articles = [ReportArticle(id="a", outlet="Cardo Wire", language="en"), ReportArticle(id="b", outlet="Cardo Bote")]
    report = Report(
        story=StoryInfo(title="Villa Cardo"), articles=articles, facts=[Fact(kind="shared", statements=statements)]
    )
    assert Briefing.of(report).figure_rows() == []  # no language known for b: "2.400" reads as 2.4
    articles[1] = articles[1].model_copy(update={"language": "de"})
    report = report.model_copy(update={"articles": articles})
    [row] = Briefing.of(report).figure_rows()
    assert row.values == {"a": ["Some 2,400 people"], "b": ["2.400"]}  # the word that rounds it stays


def test_a_month_is_said_as_a_month() -> None:
    """A conflict's month value ("2026-05", from "in mid May") reads "May 2026", a day with its weekday."""
    assert spoken("2026-05") == "May 2026"
    assert spoken("2026-04-30") == "Thursday 30 April 2026"
    assert spoken("Krell") == "“Krell”"


def test_a_bound_stays_with_its_figure_and_an_ordinal_is_none() -> None:
    """ "more than $1 million" beside "$1.1 million" is no gap, so the cell keeps "more than"; "the 14th Amendment"
    gives no figure (the editor's read: false gaps in the figures table)."""
    statements = [
        Statement(
            article="a", text="The Harbour Fund raised more than $1 million under the 14th Amendment.", sentence=0
        ),
        Statement(article="b", text="The Harbour Fund raised $1.1 million under the 14th Amendment.", sentence=0),
    ]
    articles = [ReportArticle(id=x, outlet=f"Outlet {x}", language="en") for x in "ab"]
    report = Report(
        story=StoryInfo(title="Harbour Fund"), articles=articles, facts=[Fact(kind="shared", statements=statements)]
    )
    [row] = Briefing.of(report).figure_rows()
    assert row.values == {"a": ["more than $1 million"], "b": ["$1.1 million"]}


def test_one_amount_in_two_scripts_is_one_side_of_a_number_conflict() -> None:
    """ "1.2 million" and the same in Arabic-Indic digits are one value: the conflict's words put their outlets on
    one side (the editor's read: they were listed as three different values). Fictional outlets."""
    from manysides.records.report import Conflict

    statements = [Statement(article=x, text="…", sentence=0) for x in "abc"]
    values = {"a": "1.2 million", "b": "\u0661\u066b\u0662 \u0645\u0644\u064a\u0648\u0646", "c": "1.5 million"}
    conflict = Conflict(type="number", values=values, explanation="")
    articles = [
        ReportArticle(id="a", outlet="Harbour Wire", language="en"),
        ReportArticle(id="b", outlet="Al-Mina", language="ar"),
        ReportArticle(id="c", outlet="Coast Post", language="en"),
    ]
    fact = Fact(kind="conflict", statements=statements, conflict=conflict)
    report = Report(story=StoryInfo(title="Blackout"), articles=articles, facts=[fact])
    words = Briefing.of(report).conflict_words(conflict)
    assert words.count(" say ") == 1 and "1.5 million" in words and "Harbour Wire and Al-Mina" in words


def test_hours_meet_no_count_in_the_figures_table() -> None:
    """ "vers 6 heures" is no answer to "34 pilot whales" (the editor's read: "6 heures" in the whales' row)."""
    french = "Des p\u00eacheurs ont d\u00e9couvert samedi vers 6 heures les globic\u00e9phales sur la plage."
    arabic = (
        "\u062c\u0646\u062d \u0663\u0664 \u062d\u0648\u062a\u0627\u064b "
        "\u0639\u0644\u0649 \u0627\u0644\u0634\u0627\u0637\u0626."
    )
    assert aligned_figures(arabic, french, across_languages=True, languages=("ar", "fr")) == []
    assert aligned_figures(french, "Um 6 Uhr kamen die Fischer.", across_languages=True, languages=("fr", "de")) == [
        ("6 heures", "6 Uhr")
    ]


def test_numbers_in_words_and_years_in_the_figures_table() -> None:
    """A prison term told only in words is a row of its own (the editor's read: the sentence had no row at all):
    "six ans", "acht Jahren" and "six years" are lengths of years and answer one another, not a count; digits a
    language groups with plain spaces ("2 300") stay one figure; "2 bin 500" is one figure. Fictional sentences."""
    french, german = (
        "Il a \u00e9t\u00e9 condamn\u00e9 \u00e0 six ans de prison.",
        "Er wurde zu acht Jahren Haft verurteilt.",
    )
    assert aligned_figures(french, german, across_languages=True, languages=("fr", "de")) == [
        ("six ans", "acht Jahren")
    ]
    english = "He was sentenced to six years in prison."
    assert aligned_figures(english, german, across_languages=True, languages=("en", "de")) == [
        ("six years", "acht Jahren")
    ]
    assert figure_kind("six ans") == figure_kind("six years") == "year"
    assert figures("Le pot contenait 2 300 pi\u00e8ces.", "fr") == ["2\u202f300"]
    assert figures("Le pot contenait 2 300 pi\u00e8ces.") == ["2", "300"]  # English reads "2 300" as two numbers
    assert figures("Kavanozda 2 bin 500 sikke vard\u0131.", "tr") == ["2 bin 500"]


def test_one_value_given_once_by_each_statement_is_one_figure() -> None:
    """ "$750,000 in campaign cash" and "his use of $750,000 in campaign money" share one word around the figure,
    but each gives that value once: one figure (the editor's read: the Times' cell was empty beside the same
    amount). Fictional sentences."""
    first = "Former Rep. Ada Krell pleaded guilty Wednesday to charges that she spent $750,000 in campaign cash."
    second = "Ada Krell admitted on Wednesday to one fraud count over her use of $750,000 in campaign money for rent."
    assert aligned_figures(first, second) == [("$750,000", "$750,000")]


def test_a_figure_takes_neither_stray_words_nor_half_its_amount() -> None:
    """ "$60,000 earlier this year" is "$60,000" ("this" ends in "s" but counts nothing), and "tens of thousands of
    dollars" keeps its "tens of" (the editor's second read: "$60,000 earlier this", "thousands of dollars").
    Fictional sentences."""
    assert figures("She repaid her campaign more than $60,000 earlier this year for improper expenses.") == ["$60,000"]
    assert figures("The pair spent tens of thousands of dollars on ferry tickets.") == ["tens of thousands of dollars"]
    assert figures("Hundreds of thousands of people marched in Varnley.") == ["Hundreds of thousands of people"]
