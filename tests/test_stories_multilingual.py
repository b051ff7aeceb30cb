"""One story across languages: fictional reports of one event in English, German and Spanish form one story, an
unrelated report in each of two of those languages stays apart, and the stored features keep what it takes."""

from __future__ import annotations

import numpy as np

from manysides.records.article import Article, body_hash
from manysides.stories import StoryIndex, crosslang, group
from manysides.stories.features import Features, compute, language_key
from manysides.stories.score import Idf

# A fictional event (the town, the people and the figures are made up) and two fictional unrelated ones.
REPORTS = {
    "flood-en": (
        "en",
        "Floods force 2,400 from their homes in Varnholm",
        "Floods forced 2,400 people from their homes in the town of Varnholm on Tuesday after the river Oskla burst "
        "its banks. Mayor Ilse Brekke said 214 houses were under water and that the town hall had become a shelter. "
        "Rescue teams from Tarrow brought 37 people to safety by boat. Brekke said the water was still rising.",
    ),
    "flood-de": (
        "de",
        "Hochwasser: 2.400 Menschen in Varnholm müssen ihre Häuser verlassen",
        "In der Stadt Varnholm mussten am Dienstag 2.400 Menschen ihre Häuser verlassen, nachdem der Fluss Oskla über "
        "die Ufer getreten war. Bürgermeisterin Ilse Brekke sagte, 214 Häuser stünden unter Wasser und das Rathaus "
        "sei zur Notunterkunft geworden. Rettungsteams aus Tarrow brachten 37 Menschen mit Booten in Sicherheit.",
    ),
    "flood-es": (
        "es",
        "Las inundaciones obligan a 2.400 personas a dejar sus casas en Varnholm",
        "Las inundaciones obligaron el martes a 2.400 personas a abandonar sus casas en la ciudad de Varnholm, después "
        "de que el río Oskla se desbordara. La alcaldesa Ilse Brekke dijo que 214 casas estaban bajo el agua y que el "
        "ayuntamiento se había convertido en un refugio. Equipos de rescate de Tarrow pusieron a salvo a 37 personas.",
    ),
    "chess-en": (
        "en",
        "Teenager wins the Quorvath chess open",
        "Sixteen-year-old Amara Wendt won the Quorvath chess open on Sunday, beating the defending champion Piet "
        "Lannick in the final round. Wendt finished with 8.5 points out of 9 and takes home the prize of 12,000 "
        "euros. Organisers said 312 players from 41 countries took part this year.",
    ),
    "budget-de": (
        "de",
        "Stadtrat von Elmsbruck beschließt neuen Haushalt",
        "Der Stadtrat von Elmsbruck hat am Donnerstag den Haushalt für das kommende Jahr beschlossen. Kämmerer Jonas "
        "Pfeil sagte, die Stadt wolle 58 Millionen Euro in Schulen und Radwege investieren. Die Opposition kritisierte "
        "die geplante Erhöhung der Grundsteuer und stimmte gegen den Entwurf.",
    ),
}


def reports() -> list[Article]:
    return [
        Article(
            id=key,
            title=title,
            body=body,
            language=language,
            published="2031-03-04",
            content_hash=body_hash(body),
            method="provided",
            confidence=1.0,
        )
        for key, (language, title, body) in REPORTS.items()
    ]


def stories_of(articles: list[Article]) -> dict[str, str]:
    return {a.article_id: a.story_id for a in group(articles)}


def test_reports_of_one_event_in_three_languages_form_one_story() -> None:
    story = stories_of(reports())
    assert story["flood-en"] == story["flood-de"] == story["flood-es"]
    assert len({story["flood-en"], story["chess-en"], story["budget-de"]}) == 3


def test_the_grouping_does_not_depend_on_which_language_arrives_first() -> None:
    forward = stories_of(reports())
    index = StoryIndex()
    backward = {a.id: index.add(a).story_id for a in reversed(reports())}
    assert {k for k in forward if forward[k] == forward["flood-de"]} == {
        k for k in backward if backward[k] == backward["flood-de"]
    }


def test_stored_features_keep_language_and_multilingual_vector() -> None:
    index = StoryIndex()
    articles = reports()
    assignments = [index.add(a) for a in articles]
    rebuilt = StoryIndex()
    assert [rebuilt.add_features(a.id, index.features(a.id)) for a in articles] == assignments
    german = Features.from_bytes(index.features("flood-de"))
    assert german.language == language_key("de") == language_key("DE-at")
    assert len(german.multi) == 512


def test_an_article_without_a_language_brings_no_multilingual_vector() -> None:
    index = StoryIndex()
    article = reports()[0].model_copy(update={"language": None})
    index.add(article)
    features = Features.from_bytes(index.features(article.id))
    assert features.language == 0 and len(features.multi) == 0


# Fictional Arabic reports: two of one event (a made-up minister opens a made-up bridge), one unrelated.
ARABIC = {
    "bridge-1": "افتتح وزير النقل سليم القرناوي اليوم جسر الزمردة الجديد فوق نهر البرقان بحضور عدد من المسؤولين.",
    "bridge-2": "قال الوزير سليم القرناوي إن جسر الزمردة سيخدم آلاف السكان على ضفتي نهر البرقان بعد افتتاحه.",
    "rain-1": "توقعت الأرصاد الجوية هطول أمطار غزيرة على المناطق الساحلية خلال الأيام المقبلة مع انخفاض الحرارة.",
}


def _features(key: str, text: str, language: str) -> Features:
    article = Article(
        id=key, body=text, language=language, content_hash=body_hash(text), method="provided", confidence=1.0
    )
    return compute(article, np.zeros(4, np.float32), multi=np.ones(4, np.float32) / 2)


def test_a_script_without_capitals_is_flagged_and_the_flag_is_stored() -> None:
    arabic = _features("bridge-1", ARABIC["bridge-1"], "ar")
    german = _features("budget-de", REPORTS["budget-de"][2], "de")
    assert arabic.uncased and not german.uncased
    assert Features.from_bytes(arabic.to_bytes()).uncased
    assert not Features.from_bytes(german.to_bytes()).uncased
    previous = b"MSF5" + arabic.to_bytes()[4:]  # the format before the flag: its rows bring none
    assert not Features.from_bytes(previous).uncased


def test_rare_words_shared_in_a_script_without_capitals_count_as_names() -> None:
    features = {key: _features(key, text, "ar") for key, text in ARABIC.items()}
    idf = Idf()
    for f in features.values():
        idf.add(f)
    a, b, rain = features["bridge-1"], features["bridge-2"], features["rain-1"]

    def names(x: Features, y: Features) -> float:
        return crosslang.signals(x, y, idf.norms(x), idf.norms(y), idf)["names"]

    assert names(a, b) > 0.3
    assert names(a, rain) == 0.0


# A consent notice delivered as the body of a report (fictional site text).
CONSENT_NOTICE = (
    "Wir verwenden auf unserer Webseite Cookies und Analysetechniken, um unser Angebot benutzerfreundlich zu "
    "gestalten. Zudem messen und werten wir die Besuche aus, um Ihnen auf unserer Webseite und in verbundenen "
    "Werbenetzwerken passende Angebote zu zeigen. Dafür arbeiten wir mit Partnern und Dienstleistern zusammen, "
    "welche die Informationen zu Ihrer Nutzung unserer Webseite erhalten. Weitere Hinweise, auch zur Deaktivierung "
    "von Cookies, finden Sie in unserer Datenschutzerklärung."
)


def test_a_body_that_tells_another_story_leaves_the_headline_alone() -> None:
    from manysides.stories.text import event_text, tells_another_story

    title = REPORTS["flood-de"][1]
    assert tells_another_story(title, CONSENT_NOTICE)
    assert not tells_another_story(title, REPORTS["flood-de"][2])
    # A headline that shares no word with its body is still its article when it tells the same: the encoder
    # meets the paraphrase, in another language too.
    assert not tells_another_story("Families escape deluge", REPORTS["flood-en"][2])
    assert not tells_another_story("Familien entkommen der Sintflut", REPORTS["flood-en"][2])
    # The longest part of a title may be the site's name: the body is checked against every word of the title.
    site_title = "Floods in Varnholm - Northern Plains Daily Courier, Weather and Sports Coverage"
    assert not tells_another_story(site_title, REPORTS["flood-en"][2])
    notice = Article(
        id="notice",
        title=title,
        body=CONSENT_NOTICE,
        language="de",
        content_hash=body_hash(CONSENT_NOTICE),
        method="provided",
        confidence=1.0,
    )
    assert event_text(notice) == title


def test_a_batch_decides_its_headline_checks_as_one_page_at_a_time_does() -> None:
    from manysides.stories import text

    def page(key: str, title: str, body: str) -> Article:
        return Article(
            id=key,
            title=title,
            body=body,
            language="de",
            content_hash=body_hash(body),
            method="provided",
            confidence=1.0,
        )

    pages = [
        page("notice", REPORTS["flood-de"][1], CONSENT_NOTICE),
        page("report", REPORTS["flood-de"][1], REPORTS["flood-de"][2]),
        page("paraphrase", "Familien entkommen der Sintflut", REPORTS["flood-en"][2]),
        page("untitled", "", CONSENT_NOTICE),
    ]
    alone = []
    for article in pages:
        text._DECIDED.clear()
        alone.append(text.tells_another_story(article.title or "", text.prose(article.body)))
    text.check_headlines(pages)
    batched = [text.tells_another_story(a.title or "", text.prose(a.body)) for a in pages]
    assert batched == alone == [True, False, False, False]


def test_the_encoder_reads_page_text_as_its_model_was_trained_to() -> None:
    """A run of Arabic-Indic digits is one unknown piece, as the reference library makes it (the port made one per
    digit), and a literal "<s>" in a page is text, not the sentence-start token."""
    from manysides.stories.multilingual import _encoder

    tokenizer = _encoder()._sp
    unknown, start = 0, 1
    digits = tokenizer.encode("الساعة ٢٤", out_type=int, add_bos=False, add_eos=False)
    assert digits.count(unknown) == 1
    marked = tokenizer.encode("members. <s> Los", out_type=int, add_bos=False, add_eos=False)
    assert start not in marked
