"""The text-dump extractor on the real seed pages, every supported date form, and hostile input."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from benchmarks.metric import score

from manysides.extract.textdump import extract_text_dump
from manysides.extract.textdump.dates import find_date

MEAN_F1_FLOOR = 0.93  # reached: 0.944 on all dev pages (in-sample), 0.939 cross-validated; lower is a regression


def _seed(seeds_dir: Path, prefix: str) -> str:
    (path,) = sorted(seeds_dir.glob(f"{prefix}*.txt"))
    return path.read_text(encoding="utf-8")


def test_outlet_page_fields(seeds_dir: Path) -> None:
    found = extract_text_dump(_seed(seeds_dir, "000_"))
    assert found.title == "Syrian, Israeli officials to meet in Baku: Damascus source"
    assert found.subtitle is not None and found.subtitle.startswith("Syrian and Israeli officials are set to meet")
    assert found.outlet == "Al Mayadeen English"
    assert found.authors == []  # the byline names the outlet, not a person
    assert found.published == "2025-07-12T18:30:00"
    assert found.tags == ["Syria", "Azerbaijan", "Ahmad al-Sharaa", "Ilham Aliyev", "Israel"]
    assert len(found.captions) == 1 and found.captions[0].endswith("(AP)")
    assert found.cited_sources == ["Agencies"]  # "AFP reported" in the body is attribution, not a source line
    assert found.republished_from is None
    assert 0.5 < found.confidence <= 1.0


def test_outlet_page_body(seeds_dir: Path) -> None:
    body = extract_text_dump(_seed(seeds_dir, "000_")).body
    paragraphs = body.split("\n\n")
    assert paragraphs[0].startswith("A Syrian official and an Israeli representative are expected to meet")
    assert paragraphs[-1].startswith("After overthrowing Bashar al-Assad in December")
    for subheading in (
        "'Israel' and Syria: normalization's newest chapter",
        "Normalization talks in exchange for gas?",
    ):
        assert subheading in paragraphs
    for junk in (
        "Related News",
        "Tensions ease in Sweida",
        "Fierce clashes breakout in Syria's Sweida",
        "Most Read",
        "Read Next",
        "BREAKING",
        "Settlers storm Al-Aqsa",
        "Politics",
        "Privacy Policy",
        "All Rights Reserved",
        "4 Min Read",
        "1 Shares",
        "Listen",
        "(AP)",
        "Ilham Aliyev\n",
    ):
        assert junk not in body, junk
    assert "Syria" not in paragraphs and "Azerbaijan" not in paragraphs  # tags stay out


def test_republished_page(seeds_dir: Path) -> None:
    found = extract_text_dump(_seed(seeds_dir, "003_"))
    assert found.title == "Syria, Azerbaijan renew ties amid secret talks with Israel"
    assert found.subtitle == (
        "Talks between Syrian and Israeli officials reportedly do not involve any Israeli withdrawal "
        "from the occupied Golan Heights"
    )
    assert found.published == "2025-07-13"
    assert found.authors == ["News Desk"]
    assert found.outlet == "kcdme.com"  # no URL given: the bare domain line in the page header names the site
    assert found.republished_from == (
        "https://thecradle.co/articles/syria-azerbaijan-renew-ties-amid-secret-talks-with-israel"
    )
    assert found.tags == [] and found.captions == []
    paragraphs = found.body.split("\n\n")
    assert paragraphs[0].startswith("Azerbaijan and Syria took steps toward restoring bilateral relations")
    assert paragraphs[-1].startswith("At the same time, informal security arrangements")
    for junk in ("Kurdistan Center", "Accueil", "www.kcdme.com", "News Desk", "Source:", "13.07.2025"):
        assert junk not in found.body, junk


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Jul 2025 18:30", "2025-07-12T18:30:00"),
        ("13.07.2025", "2025-07-13"),
        ("13.07.2025 09:05", "2025-07-13T09:05:00"),
        ("July 12, 2025", "2025-07-12"),
        ("Jul. 12, 2025 at 6:30 pm", "2025-07-12T18:30:00"),
        ("2025-07-12", "2025-07-12"),
        ("2025-07-12T18:30:00Z", "2025-07-12T18:30:00"),  # a stated zone is dropped, never invented
        ("2025/07/12", "2025-07-12"),
        ("Saturday 12 July 2025", "2025-07-12"),
        ("Sat, 12th of July 2025, 06:30 AM", "2025-07-12T06:30:00"),
        ("12/07/2025", "2025-07-12"),  # ambiguous: day-first
        ("07/13/2025", "2025-07-13"),  # only month-first is possible
        ("Updated 12 July 2025 | 18:30 GMT", "2025-07-12T18:30:00"),
        ("segunda-feira, 22 de janeiro de 2018 às 0:13", "2018-01-22T00:13:00"),  # pt
        ("20 de diciembre de 2019", "2019-12-20"),  # es
        ("1er janvier 2025 à 18:30", "2025-01-01T18:30:00"),  # fr
        ("13. Dez. 2024 um 14:05", "2024-12-13T14:05:00"),  # de
        ("3 settembre 2019", "2019-09-03"),  # it
        ("5 maart 2020", "2020-03-05"),  # nl
        ("März 3, 2021", "2021-03-03"),
    ],
)
def test_dates(text: str, expected: str) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize("text", ["31.02.2025", "no date here", "12 Jul", "2025", "13/13/2025", "1 Jan 1850"])
def test_not_dates(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t\n  ", "x" * 5_000_000, "\n".join(["ab"] * 200_000), "\x00\xff\ufffd" * 10_000, "• \n" * 1000],
)
def test_hostile_input(text: str) -> None:
    start = time.perf_counter()
    found = extract_text_dump(text)
    assert time.perf_counter() - start < 10
    assert isinstance(found.body, str)
    assert 0.0 <= found.confidence <= 1.0
    if not text.strip():
        assert found.body == "" and found.confidence == 0.0 and found.title is None


def test_long_text_is_linear() -> None:
    """Twice the lines should take about twice the time, not four times.

    CPU time, best of three: the wall clock on a shared machine measures the neighbours too."""
    para = "This is a sentence of an ordinary paragraph, long enough to count as prose for the model.\n\n"
    timings = []
    for copies in (2_000, 4_000):
        runs = []
        for _ in range(3):
            start = time.process_time()
            extract_text_dump(para * copies)
            runs.append(time.process_time() - start)
        timings.append(min(runs))
    assert timings[1] < 3.5 * timings[0] + 0.05


def test_mean_f1_on_dev_pages(extraction_dir: Path) -> None:
    import json

    truth = json.loads((extraction_dir / "ground-truth.json").read_text(encoding="utf-8"))
    pairs = []
    for page_id, entry in sorted(truth.items()):
        text = (extraction_dir / "text" / f"{page_id}.txt").read_text(encoding="utf-8", errors="replace")
        pairs.append((entry["articleBody"], extract_text_dump(text, entry.get("url")).body))
    assert score(pairs).f1 >= MEAN_F1_FLOOR


def test_article_below_its_headline_beats_teasers() -> None:
    """Teasers that outweigh a short article lose when the URL names the article's headline."""
    teasers = "".join(
        f"Another Story Headline Here\nJane Roe\nMonday July 14, 2025\n"
        f"Teaser {i} has many words about another story, told at length so it reads like prose.\n"
        for i in range(12)
    )
    article = (
        "Council approves the new riverside park\n\n"
        "The city council approved the riverside park on Monday after a long debate about its cost and size.\n\n"
        "Work on the park is due to start in the spring, and the first paths should open before the summer.\n"
    )
    text = f"Home\nNews\nSport\n{teasers}{article}Contact\nPrivacy Policy\n"
    found = extract_text_dump(text, "https://example.org/news/council-approves-new-riverside-park")
    assert found.body.startswith("The city council approved the riverside park")
    assert "Teaser" not in found.body


def _wrapped(text: str, width: int) -> str:
    """The dump as a text browser writes it: every line folded at `width` columns."""
    import textwrap

    return "\n".join(textwrap.fill(line, width) if line.strip() else line for line in text.split("\n"))


def test_a_hard_wrapped_dump_gives_the_same_article(seeds_dir: Path) -> None:
    """lynx and w3m fold every paragraph at a fixed width; no line then ends like a sentence."""
    page = _seed(seeds_dir, "000_")
    whole = extract_text_dump(page)
    for width in (72, 80, 100):
        folded = extract_text_dump(_wrapped(page, width))
        assert folded.title == whole.title
        assert folded.body.split() == whole.body.split()


def test_a_dump_that_is_not_wrapped_passes_unchanged(extraction_dir: Path) -> None:
    from manysides.extract.textdump.unwrap import unwrap

    pages = sorted((extraction_dir / "text").glob("*.txt"))[:40]
    assert pages
    for path in pages:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert unwrap(text) == text, path.name


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def test_a_page_written_with_the_danda_gives_the_same_article(seeds_dir: Path) -> None:
    """Hindi, Bengali and others end sentences with '।': every script's full stop ends a sentence."""
    page = _seed(seeds_dir, "000_")
    words = re.findall(r"\w+", extract_text_dump(page).body)
    assert re.findall(r"\w+", extract_text_dump(_SENTENCE_END.sub("\u0964", page)).body) == words


def test_a_page_without_full_stops_keeps_its_article(seeds_dir: Path) -> None:
    """Thai and Lao mark no sentence ends: long lines are then the prose, and the body is not empty."""
    page = _seed(seeds_dir, "000_")
    words = re.findall(r"\w+", extract_text_dump(page).body)
    bare = re.findall(r"\w+", extract_text_dump(_SENTENCE_END.sub("", page)).body)
    assert set(words) <= set(bare) and len(bare) < 2 * len(words)


_STORY = (
    "Home\nNews\nSport\n\n"
    "Qualifying ends with four places still open\n\n"
    "    The group stage of qualifying finished on Tuesday, and twenty teams have booked their places so far.\n\n"
    "    The last four places go to the winners of the play-offs in March, drawn from the group winners.\n\n"
)


def test_a_list_the_last_paragraph_announces_is_kept() -> None:
    """A closing list under a short heading (no paragraph after it) belongs to the article."""
    groups = ("AE", "BF", "CG", "DH")
    teams = "".join(f"      * Team {name} (Group {group}): third appearance\n" for name, group in groups)
    text = f"{_STORY}    Qualified teams\n{teams}\nContact\nPrivacy Policy\n"
    body = extract_text_dump(text, "https://example.org/news/qualifying-ends-with-four-places-still-open").body
    assert body.endswith("Team D (Group H): third appearance")
    assert "Privacy" not in body


def test_an_unbulleted_list_laid_out_as_the_paragraphs_is_kept() -> None:
    """Tour dates or a meal plan set as lines at the paragraphs' indent, scored low, follow the last paragraph."""
    from manysides.extract.textdump.lines import split_lines
    from manysides.extract.textdump.region import select_body

    towns = ("Tampa", "Austin", "Denver", "Boston")
    dates = "".join(f"    June {day} - {town} @ Arena\n" for day, town in enumerate(towns, 6))
    lines = split_lines(f"{_STORY}{dates}\n  Related\n  Another story about football\n")
    probs = [0.9 if line.words > 12 else 0.05 for line in lines]  # the items score as low as the menu
    kept = select_body(lines, probs, {"keep": 0.3, "region": 0.3}, title=3)
    assert [lines[i].text for i in kept][-1] == "June 9 - Boston @ Arena"
    assert all(lines[i].indent == 4 for i in kept)


def test_ingredients_between_the_headline_and_the_method_are_kept() -> None:
    """A recipe with no paragraph before its ingredients: the list under its heading starts the body."""
    menu = "".join(f"  * {word}\n" for word in ("Home", "Recipes", "Desserts", "Contact"))
    items = "".join(f"      * {item}\n" for item in ("225g butter, softened", "225g caster sugar", "4 large eggs"))
    steps = (
        "    1. Heat the oven to 180C and line a loaf tin with baking paper, then set it aside while you mix.\n"
        "    2. Beat the butter and sugar together until pale and creamy, then add the eggs slowly, mixing well.\n"
    )
    text = f"{menu}\n    Lemon drizzle cake\n\n    By Ann Cook\n\n    Ingredients\n{items}    Method\n{steps}"
    found = extract_text_dump(text, "https://example.org/recipes/lemon-drizzle-cake")
    assert found.title == "Lemon drizzle cake"
    assert found.body.startswith("Ingredients\n\n225g butter, softened\n\n225g caster sugar\n\n4 large eggs\n\nMethod")
    assert "Recipes" not in found.body and "Ann Cook" not in found.body
