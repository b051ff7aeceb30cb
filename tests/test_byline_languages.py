# ruff: noqa: RUF001 - the bylines are Arabic, Hebrew and Turkish by design
"""Bylines in other languages come out as the name only, as "By Jane Doe" does: in an author field (HTML) and on a
line of a whole-page text dump. Names, outlets and text are fictional, written for these tests."""

from __future__ import annotations

import pytest

from manysides.extract.article import extract_page
from manysides.extract.html_fields import clean_authors
from manysides.records.page import Page


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("Por Lucía Ferrán", "Lucía Ferrán"),
        ("Par Odile Marchetti", "Odile Marchetti"),
        ("Von Henrike Stauder", "Henrike Stauder"),
        ("Haber: Selin Arıkan", "Selin Arıkan"),
        ("Muhabir: Kerem Yücel", "Kerem Yücel"),
        ("بقلم أحمد السنديان", "أحمد السنديان"),
        ("كتب: سلمى الوادي", "سلمى الوادي"),
        ("מאת דנה גבעוני", "דנה גבעוני"),
    ],
)
def test_author_field_loses_its_lead_word(byline: str, name: str) -> None:
    assert clean_authors([byline]) == [name]


def test_a_given_name_that_is_also_a_lead_word_is_kept() -> None:
    """ "Yazan" ("written by" in Turkish) is also a given name, so it is no lead word."""
    assert clean_authors(["Yazan Haddad"]) == ["Yazan Haddad"]


_PAGES = {
    "ar": (
        "صوت السهل\nالرئيسية\nاقتصاد\n\nافتتاح سوق جديد للخضار في مدينة السنديان\n\n{byline}\n"
        "الخميس ٤ ديسمبر ٢٠٣١\n\n"
        "افتتحت بلدية السنديان صباح الخميس سوقاً جديداً للخضار في وسط المدينة بعد عامين من أعمال البناء.\n\n"
        "ويضم السوق أربعين محلاً ومرآباً يتسع لمئتي سيارة، بحسب ما قاله رئيس البلدية للصحفيين.\n\n"
        "وقال التجار إن السوق الجديد سيخفف الازدحام في الشوارع القديمة خلال أيام العطلة.\n"
    ),
    "he": (
        "קול השרון\nראשי\nכלכלה\n\nשוק ירקות חדש נפתח בעיר גבעת ארז\n\n{byline}\n04.12.2031\n\n"
        "עיריית גבעת ארז פתחה ביום חמישי שוק ירקות חדש במרכז העיר, אחרי שנתיים של עבודות בנייה.\n\n"
        "בשוק ארבעים דוכנים וחניון לכמאתיים מכוניות, כך אמר ראש העירייה לעיתונאים.\n\n"
        "הסוחרים אמרו כי השוק החדש יקל על העומס ברחובות הישנים בימי החופשה.\n"
    ),
    "tr": (
        "Ova Postası\nGündem\nEkonomi\n\nKarakaya'da yeni sebze pazarı açıldı\n\n{byline}\n04.12.2031\n\n"
        "Karakaya Belediyesi perşembe sabahı şehir merkezinde iki yıllık inşaatın ardından yeni bir sebze "
        "pazarı açtı.\n\n"
        "Pazarda kırk dükkan ve iki yüz araçlık bir otopark bulunduğunu belediye başkanı gazetecilere söyledi.\n\n"
        "Esnaf, yeni pazarın tatil günlerinde eski sokaklardaki yoğunluğu azaltacağını belirtti.\n"
    ),
}


@pytest.mark.parametrize(
    ("language", "byline", "name"),
    [
        ("ar", "بقلم سلمى الوادي", "سلمى الوادي"),
        ("he", "מאת דנה גבעוני", "דנה גבעוני"),
        ("tr", "Haber: Selin Arıkan", "Selin Arıkan"),
        ("he", "מאת דנה גבעוני · יום חמישי, 4 בדצמבר 2031", "דנה גבעוני"),  # byline and date on one line
    ],
)
def test_text_dump_byline_gives_the_name_only(language: str, byline: str, name: str) -> None:
    text = _PAGES[language].format(byline=byline)
    article = extract_page(Page(source=f"{language}-byline", kind="text", raw=text.encode("utf-8")))
    assert article.authors == [name]
    assert byline.split(" · ")[0] not in article.body


def test_a_desk_or_a_sentence_opening_with_a_lead_word_is_no_byline() -> None:
    """Without their colon, "Haber" (Turkish "Haber Merkezi", the news desk) and "كتب" ("wrote": "كتب الوزير أن")
    do not lead a byline line."""
    page = _PAGES["tr"].format(byline="Haber Merkezi")
    article = extract_page(Page(source="tr-desk", kind="text", raw=page.encode("utf-8")))
    assert "Merkezi" not in article.authors
