"""Site templates: boilerplate repeated across a site's pages is learned, stored, and removed from later pages."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_cli

PROMO = "Sign up for the Quayside Courier morning briefing and never miss a story from the harbour"
FOOTER = "Quayside Courier is an independent newspaper serving the northern coast since 1921"


def _dump(title: str, paragraphs: list[str]) -> str:
    """A text dump of a fictional site whose template puts a promo line inside the article body."""
    menu = "\n".join(f"  • {item}" for item in ("News", "Harbour", "Sport", "Opinion", "Weather"))
    body = "\n\n".join([*paragraphs[:2], PROMO, *paragraphs[2:]])
    return (
        f"Quayside Courier\n\n{menu}\n\n{title}\n\n  • By Quayside Courier staff\n  • 3 Jun 2025 09:15\n\n"
        f"{body}\n\n{FOOTER}\n\n  • Privacy Policy\n  • Contact Us\n"
    )


def _paragraphs(topic: str) -> list[str]:
    return [
        f"The council voted on Tuesday to approve the {topic} after a long debate in the town hall chamber.",
        f"Supporters of the {topic} said it would bring work to the harbour district within two years.",
        f"Opponents argued that the {topic} had not been costed properly and asked for an independent review.",
        f"The mayor said the first contracts for the {topic} would be signed before the end of the summer.",
    ]


def test_repeated_body_line_is_learned_and_removed(tmp_path: Path, db_url: str) -> None:
    topics = ["new ferry terminal", "sea wall repairs", "fish market upgrade", "lighthouse museum"]
    for index, topic in enumerate(topics):
        page = _dump(f"Council backs {topic}", _paragraphs(topic))
        (tmp_path / f"page{index}.txt").write_text(page, encoding="utf-8")
    db = db_url
    assert run_cli("ingest", *sorted(tmp_path.glob("page*.txt")), "--db", db).exit_code == 0
    articles = {a["path"].rsplit("/", 1)[-1]: a for a in run_cli("articles", "--db", db, "--json").json()}
    # the first two pages taught the template; later pages of the site no longer carry the promo line
    assert all(PROMO not in articles[f"page{i}.txt"]["body"] for i in (2, 3))
    assert all("approve the" in a["body"] for a in articles.values())
    # re-extraction applies what every other page of the site taught, so the first pages are cleaned too
    assert run_cli("reextract", "--db", db).exit_code == 0
    bodies = [a["body"] for a in run_cli("articles", "--db", db, "--json").json()]
    assert all(PROMO not in body and "approve the" in body for body in bodies)


def test_extract_learns_templates_within_one_run(tmp_path: Path) -> None:
    for index, topic in enumerate(["harbour crane", "bus station", "quay repaving"]):
        page = _dump(f"Council backs {topic}", _paragraphs(topic))
        (tmp_path / f"p{index}.txt").write_text(page, encoding="utf-8")
    records = run_cli("extract", *sorted(tmp_path.glob("p*.txt")), "--json").json_lines()
    assert PROMO not in records[2]["body"]
