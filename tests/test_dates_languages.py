# ruff: noqa: RUF001 - the test sentences are Arabic and Hebrew by design
"""Relative dates and weekdays outside English (find_dates_any with a language), on sentences written for these
tests: fictional ministers, towns and meetings. The publication day is Friday 5 December 2031."""

from __future__ import annotations

from datetime import date

import pytest

from manysides.understand.dates import find_dates_any

FRIDAY = date(2031, 12, 5)


def _values(text: str, language: str) -> dict[str, str]:
    return {m.text: m.value for m in find_dates_any(text, FRIDAY, language)}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "Ayer el alcalde de Villa Cardo habló; hoy calla y mañana viaja.", ["Ayer", "hoy", "mañana"]),
        ("fr", "Hier, la maire de Saint-Orvin a parlé ; aujourd’hui elle se tait, demain elle part.", None),
        ("de", "Gestern sprach die Bürgermeisterin von Lindhof, heute schweigt sie, morgen reist sie ab.", None),
        ("tr", "Dün Karakaya belediye başkanı konuştu; bugün sessiz, yarın yola çıkıyor.", None),
        ("ar", "تحدث رئيس بلدية وادي السنديان أمس، واليوم صمت، ويسافر غدًا.", None),
        ("he", "אתמול דיבר ראש המועצה של גבעת ארז, היום שתק, ומחר ייסע.", None),
    ],
)
def test_yesterday_today_tomorrow(language: str, text: str, expected: list[str] | None) -> None:
    values = sorted(m.value for m in find_dates_any(text, FRIDAY, language))
    assert values == ["2031-12-04", "2031-12-05", "2031-12-06"]
    if expected:
        assert sorted(_values(text, language)) == sorted(expected)


@pytest.mark.parametrize(
    ("language", "last", "next_"),
    [
        ("es", "El martes pasado se reunió la junta de Villa Cardo.", "El próximo martes votará el presupuesto."),
        ("es", "El pasado martes se reunió la junta.", "La junta votará el próximo martes."),
        ("fr", "Mardi dernier, le conseil de Saint-Orvin s'est réuni.", "Il votera mardi prochain."),
        ("de", "Am vergangenen Dienstag tagte der Rat von Lindhof.", "Am kommenden Dienstag stimmt er ab."),
        ("de", "Letzten Dienstag tagte der Rat.", "Nächsten Dienstag stimmt er ab."),
        ("tr", "Geçen salı Karakaya meclisi toplandı.", "Önümüzdeki salı bütçeyi oylayacak."),
        ("ar", "اجتمع مجلس وادي السنديان الثلاثاء الماضي.", "ويصوت المجلس على الميزانية الثلاثاء المقبل."),
        ("he", "המועצה של גבעת ארז התכנסה ביום שלישי שעבר.", "ביום שלישי הבא היא תצביע על התקציב."),
    ],
)
def test_last_and_next_weekday(language: str, last: str, next_: str) -> None:
    assert [m.value for m in find_dates_any(last, FRIDAY, language)] == ["2031-12-02"]
    assert [m.value for m in find_dates_any(next_, FRIDAY, language)] == ["2031-12-09"]


@pytest.mark.parametrize(
    ("language", "past", "future"),
    [
        ("es", "La comisión de Villa Cardo se reunió el martes.", "La comisión se reunirá el martes."),
        ("fr", "Le conseil de Saint-Orvin s'est réuni mardi.", "Le conseil se réunira mardi."),
        ("de", "Der Rat von Lindhof tagte am Dienstag.", "Der Rat wird am Dienstag tagen."),
        ("tr", "Karakaya meclisi salı günü toplandı.", "Karakaya meclisi salı günü toplanacak."),
        ("ar", "اجتمع مجلس وادي السنديان يوم الثلاثاء.", "سوف يجتمع مجلس وادي السنديان يوم الثلاثاء."),
        ("he", "המועצה של גבעת ארז התכנסה ביום שלישי.", "המועצה של גבעת ארז צפויה להתכנס ביום שלישי."),
    ],
)
def test_bare_weekday_looks_ahead_in_a_future_clause(language: str, past: str, future: str) -> None:
    [before] = find_dates_any(past, FRIDAY, language)
    [after] = find_dates_any(future, FRIDAY, language)
    assert before.bare_weekday and before.value == "2031-12-02"
    assert after.value == "2031-12-09"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Hace 3 días cerró el puerto; el mes pasado, el aeropuerto; el año pasado, la estación."),
        ("fr", "Il y a 3 jours le port a fermé ; le mois dernier, l’aéroport ; l’année dernière, la gare."),
        ("de", "Vor 3 Tagen schloss der Hafen, letzten Monat der Flughafen, letztes Jahr der Bahnhof."),
        ("tr", "3 gün önce liman kapandı; geçen ay havalimanı, geçen yıl istasyon."),
        ("ar", "أغلق الميناء قبل ٣ أيام، والمطار الشهر الماضي، والمحطة العام الماضي."),
        ("he", "הנמל נסגר לפני 3 ימים, שדה התעופה בחודש שעבר והתחנה בשנה שעברה."),
    ],
)
def test_days_ago_last_month_last_year(language: str, text: str) -> None:
    assert [m.value for m in find_dates_any(text, FRIDAY, language)] == ["2031-12-02", "2031-11", "2030"]


@pytest.mark.parametrize(
    ("language", "text", "years"),
    [
        ("es", "Hace tres días cerró el puerto de Villa Cardo; hace dos años, la estación.", "2029"),
        ("fr", "Il y a trois jours le port de Saint-Orvin a fermé ; il y a deux ans, la gare.", "2029"),
        ("de", "Vor drei Tagen schloss der Hafen von Lindhof, vor zwei Jahren der Bahnhof.", "2029"),
        ("tr", "Üç gün önce Karakaya limanı kapandı; iki yıl önce istasyon.", "2029"),
        ("ar", "أغلق ميناء وادي السنديان قبل ثلاثة أيام، والمحطة قبل ثلاث سنوات.", "2028"),
        ("he", "הנמל של גבעת ארז נסגר לפני שלושה ימים, והתחנה לפני שלוש שנים.", "2028"),
    ],
)
def test_counts_written_as_words(language: str, text: str, years: str) -> None:
    """ "vor drei Tagen" as "vor 3 Tagen": the number words come from num2words, in both genders where they agree."""
    assert [m.value for m in find_dates_any(text, FRIDAY, language)] == ["2031-12-02", years]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "La semana pasada la junta de Villa Cardo no se reunió."),
        ("de", "Vergangene Woche tagte der Rat von Lindhof nicht."),
        ("ar", "لم يجتمع المجلس الأسبوع الماضي."),
        ("he", "המועצה לא התכנסה בשבוע שעבר."),
    ],
)
def test_weeks_are_read_but_give_no_calendar_value(language: str, text: str) -> None:
    """As in English: a week is not a day, a month or a year, so it is no date to compare."""
    assert find_dates_any(text, FRIDAY, language) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Am Morgen sprach der Bürgermeister von Lindhof, heute Morgen nicht."),  # "Morgen": morning
        ("es", "Esta mañana llovió en Villa Cardo; por la mañana hubo niebla."),  # "mañana": morning
        ("es", "El tenor Domingo Ferrán cantó en Villa Cardo."),  # a name, not Sunday
        ("tr", "Dünya kupası için Karakaya'da pazar yeri kuruldu."),  # "dünya", "pazar": not dün, not Sunday
        ("ar", "في اليوم التالي عاد الوفد إلى وادي السنديان."),  # "the following day"
    ],
)
def test_words_that_only_look_like_dates(language: str, text: str) -> None:
    found = find_dates_any(text, FRIDAY, language)
    assert [m.text for m in found if m.text.lower() != "heute"] == []


def test_weekday_beside_a_stated_date_is_part_of_it() -> None:
    """No second mention for the weekday; a weekday that does not fall on the date is flagged."""
    [right] = find_dates_any("El martes 2 de diciembre llovió en Villa Cardo.", FRIDAY, "es")
    [wrong] = find_dates_any("El miércoles, 2 de diciembre, llovió.", FRIDAY, "es")
    assert right.value == wrong.value == "2031-12-02"
    assert not right.weekday_mismatch and wrong.weekday_mismatch
    [turkish] = find_dates_any("2 Aralık Salı günü Karakaya'da kar yağdı.", FRIDAY, "tr")
    assert turkish.value == "2031-12-02" and not turkish.weekday_mismatch


def test_without_a_language_or_a_day_only_stated_dates() -> None:
    text = "Ayer, 3 de diciembre, llovió."
    assert [m.value for m in find_dates_any(text, FRIDAY)] == ["2031-12-03"]
    assert [m.value for m in find_dates_any(text, None, "es")] == ["????-12-03"]
    assert sorted(m.value for m in find_dates_any(text, FRIDAY, "es-AR")) == ["2031-12-03", "2031-12-04"]


def test_a_future_cue_governs_its_own_clause_only() -> None:
    """ "será" speaks of the future, but Sunday's election lies in another clause: it stays the last Sunday."""
    text = "Olga Ferrán será la primera alcaldesa de Villa Cardo tras ganar las elecciones del domingo."
    assert [m.value for m in find_dates_any(text, FRIDAY, "es")] == ["2031-11-30"]
    assert [m.value for m in find_dates_any("La ministra doit se rendre mardi à Saint-Orvin.", FRIDAY, "fr")] == [
        "2031-12-09"
    ]
    assert [m.value for m in find_dates_any("Gespräche sind für Montag geplant.", FRIDAY, "de")] == ["2031-12-08"]
