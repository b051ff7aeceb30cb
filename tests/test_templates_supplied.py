"""Site templates for records given as JSON: a record with a URL is read under its site, and a body given as one
long line loses the site's repeated sentences (a consent notice run into the article), not the article."""

from __future__ import annotations

import json
from pathlib import Path

from manysides.extract.templates import LONG_PARAGRAPH_CHARS
from manysides.ingest.sources import ReadOptions
from manysides.jobs import extracted

CONSENT = (
    "We use cookies and similar tools on the Quayside Courier to measure our audience and show you offers. "
    "By clicking accept you agree to the processing of your data by our partners as the notice explains."
)


def _story(topic: str) -> str:
    return (
        f"The council voted on Tuesday to approve the {topic} after a long debate in the town hall chamber. "
        f"Supporters of the {topic} said it would bring work to the harbour district within two years. "
        f"Opponents argued that the {topic} had not been costed properly and asked for an independent review. "
        f"The mayor said the first contracts for the {topic} would be signed before the end of the summer."
    )


def _records(tmp_path: Path, url: bool) -> list[str]:
    """One JSON Lines file of four records of one fictional site, each body one line with the consent inside."""
    topics = ["new ferry terminal", "sea wall repairs", "fish market upgrade", "lighthouse museum"]
    lines = []
    for n, topic in enumerate(topics):
        record = {"id": f"qc{n}", "title": f"Council backs {topic}", "text": f"{CONSENT} {_story(topic)}"}
        if url:
            record["url"] = f"https://www.quayside-courier.example/news/{n}"
        lines.append(json.dumps(record))
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [item[1].body for item in extracted([str(path)], ReadOptions()) if isinstance(item, tuple)]


def test_supplied_records_with_a_url_learn_their_site_template(tmp_path: Path) -> None:
    bodies = _records(tmp_path, url=True)
    assert len(bodies[0]) > LONG_PARAGRAPH_CHARS  # read by sentence, as one line
    # The first two records taught the site its consent notice; later ones lose it and keep the article.
    assert all("We use cookies" in body for body in bodies[:2])
    assert all("We use cookies" not in body and "By clicking accept" not in body for body in bodies[2:])
    assert all("The council voted on Tuesday" in body and "end of the summer" in body for body in bodies)


def test_supplied_records_without_a_url_keep_their_text(tmp_path: Path) -> None:
    assert all("We use cookies" in body for body in _records(tmp_path, url=False))
