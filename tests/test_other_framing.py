# ruff: noqa: RUF001 - the test sentences are Turkish by design
"""Hedges outside English (`compare/other_framing.py`): the outlet's own distance from a claim is listed, a
speaker's caution is not, and the report's note says what framing is read. Sentences written for these tests
(fictional towns and people)."""

from __future__ import annotations

from manysides.compare.engine import compare
from manysides.present.report_markdown import render_markdown
from tests.helpers import provided_article


def test_outlets_own_hedges_are_listed_in_each_language() -> None:
    bodies = {
        "de": "Der angebliche Brandstifter wurde in Lindhof festgenommen.",
        "es": "El presunto autor del incendio fue detenido en Villa Cardo.",
        "ar": "اعتقلت الشرطة المشتبه به في الحريق المزعوم في وادي السنديان.",
        "he": "החשוד לכאורה בהצתה נעצר בגבעת ארז.",
    }
    articles = [provided_article(lang, body, language=lang, outlet=f"{lang}.example") for lang, body in bodies.items()]
    found = {(item.article, item.text) for item in compare(articles).framing if item.type == "hedge"}
    assert found == {("de", "angebliche"), ("es", "presunto"), ("ar", "المزعوم"), ("he", "לכאורה")}


def test_a_speakers_caution_is_not_the_outlets() -> None:
    """Inside a quotation, or in a sentence reporting someone's words, the hedge is the speaker's."""
    body = (
        "„Der angebliche Täter ist unschuldig“, sagte Anwältin Karin Feld.\n\n"
        "Karin Feld sagte, der mutmaßliche Täter sei zur Tatzeit in Lindhof gewesen."
    )
    report = compare([provided_article("de", body, language="de", outlet="tagesbote.example")])
    assert [item for item in report.framing if item.type == "hedge"] == []


def test_the_note_says_which_framing_is_read() -> None:
    report = compare(
        [provided_article("tr", "Sözde uzman Karakaya'da yakalandı.", language="tr", outlet="haber.example")]
    )
    assert any("only its hedges" in note and "tr" in note for note in report.notes)
    assert [item.text for item in report.framing] == ["Sözde"]


def test_the_note_gives_examples_in_the_reports_own_languages() -> None:
    """A Polish report shows a Polish hedge and speech verb, not German or Arabic ones; its empty framing section
    says what was read rather than looking like a clean result."""
    body = "Burmistrz Anna Lis powiedziała, że most zostanie otwarty w maju."
    report = compare([provided_article("pl", body, language="pl", outlet="gazeta.example")])
    (note,) = report.notes
    assert '"rzekomo"' in note and '"powiedział"' in note
    assert "angeblich" not in note and "sagte" not in note
    assert "None found in what is read" in render_markdown(report)


def test_an_empty_entity_table_outside_english_says_where_names_are_read() -> None:
    """A German-only story whose names no other article confirms lists no entity: the section points to the note
    rather than looking like a story about no one (an editor's read)."""
    from manysides.present.report_html import render_html

    body = "Die Feuerwehr löschte den Brand in der Hafenstraße am Montag nach zwei Stunden."
    report = compare([provided_article("de", body, language="de", outlet="tagesbote.example")])
    assert not report.entities and report.notes
    assert "where names are read outside English" in render_markdown(report)
    assert "where names are read outside English" in render_html(report)
