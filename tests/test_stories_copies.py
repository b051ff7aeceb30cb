"""Copies across one outlet's pages: a shared site template (a consent notice, a paywall prompt) around two
articles is not one article told twice."""

from __future__ import annotations

from manysides.records.article import Article, body_hash
from manysides.stories import StoryIndex

NOTICE = (
    "To improve the functioning of our website and show you the most relevant news and advertising we collect "
    "technical anonymised information about you including through the tools of our partners. Detailed information "
    "about the data we process is given in our privacy statement. By clicking accept and close you expressly agree "
    "to the processing of your personal data for the purpose described. You may withdraw your consent at any time "
    "in the way the privacy policy describes. "
)


def _record(id: str, lead: str, url: str, title: str | None = None) -> Article:
    text = f"{lead} {NOTICE}"
    return Article(
        id=id, body=text, content_hash=body_hash(text), method="provided", confidence=1.0, url=url, title=title
    )


def test_one_outlets_pages_sharing_a_notice_are_not_copies() -> None:
    index = StoryIndex()
    index.add(_record("a", "Harbour board limits exports of rope nets", "https://courier.example/business/1"))
    second = index.add(_record("b", "Rickshaw driver hands out soap to riders", "https://courier.example/video/2"))
    assert second.duplicate_of is None


def test_the_same_body_twice_on_one_outlet_is_a_copy() -> None:
    index = StoryIndex()
    lead = "Harbour board limits exports of rope nets"
    index.add(_record("a", lead, "https://courier.example/business/1"))
    assert index.add(_record("b", lead, "https://courier.example/amp/business/1")).duplicate_of == "a"


def test_another_outlets_near_copy_without_headline_is_still_a_copy() -> None:
    index = StoryIndex()
    index.add(_record("a", "Harbour board limits exports of rope nets", "https://courier.example/business/1"))
    copy = _record("b", "Harbour board limits exports of rope nets today", "https://aggregator.example/7")
    assert index.add(copy).duplicate_of == "a"
