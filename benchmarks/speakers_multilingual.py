"""Quotes and their speakers outside English: is each statement credited to whoever the article says said it?

    python -m benchmarks.speakers_multilingual                # both sets, both halves
    python -m benchmarks.speakers_multilingual --dev --errors # the dev halves only, with every miss and wrong credit

Two hand-annotated sets, each read blind to the rules (`understand/other_quotes.py`) by a helper session:
- SemEval-2022 (`benchmarks/data/semeval_speakers.json`): 42 real articles in de, es, tr, ar, pl and fr from
  `../shared/datasets/semeval2022`, every attribution of each listed by the offset of its sentence, its speaker
  (null when the text never says who) and its kind; sentences whose quote marks credit nobody are listed too. The
  rules were written and changed looking at the FIT half only; REPORT is what the figures mean.
- Our own fictional articles, in sets written by helper sessions blind to the rules: the first
  (`tests/data/multilingual_quotes/`, a dev and a report half per language), the second
  (`tests/data/multilingual_quotes_holdout/`, written blind to the rules and to the first set), the third
  (`..._holdout2/`), the fourth (`..._holdout3/`), the fifth (`..._holdout4/`) and the sixth (`..._holdout5/`),
  each written blind to the rules and to every earlier set.
  The last is read only for the final figures; each earlier set became development data once its figures were
  taken.

Each article is read alone, as the product reads an article whose story has no other language (its names are not
confirmed by another article). A gold attribution is *found* when the sentence holding it (for SemEval, the
sentence of ours that holds its offset) carries an attribution whose speaker matches: a name by its last word (or
a prefix of five letters and more, "Feld" against "Felds"), a null one by any speaker not named. A credit of ours is
*right* when a gold attribution of its sentence matches it, and *wrong* otherwise (a sentence that credits nobody,
or someone else). English is the control: the English parser reads it (`benchmarks.speakers` measures it on BASIL).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from unidecode import unidecode

from benchmarks.datasets import SHARED, make_article
from manysides.extract.language import detect_language
from manysides.records.article import Article
from manysides.understand import ArticleText, analyse_many
from manysides.understand.quotes import Attribution

REPO = Path(__file__).resolve().parent.parent
SEMEVAL_GOLD = REPO / "benchmarks" / "data" / "semeval_speakers.json"
FIXTURES = REPO / "tests" / "data" / "multilingual_quotes"
HOLDOUT = REPO / "tests" / "data" / "multilingual_quotes_holdout"
HOLDOUT2 = REPO / "tests" / "data" / "multilingual_quotes_holdout2"
HOLDOUT3 = REPO / "tests" / "data" / "multilingual_quotes_holdout3"
HOLDOUT4 = REPO / "tests" / "data" / "multilingual_quotes_holdout4"
HOLDOUT5 = REPO / "tests" / "data" / "multilingual_quotes_holdout5"
PAIRS = SHARED / "datasets" / "semeval2022" / "pairs.jsonl"


def _blind(name: str, earlier: str) -> str:
    return f"Our own {name} set (written blind to the rules and to {earlier}; development since its figures)"


# Our own sets that rules are written on: (short name, table title, half, folder); the held-out one is HOLDOUT5.
DEVELOPMENT_SETS = (
    ("first set, dev half", "Our own fictional articles, dev half", "dev", FIXTURES),
    ("first set, second half", "Our own fictional articles, second half (development since its first figures)",
     "report", FIXTURES),
    ("second set", _blind("second", "the first set"), "holdout", HOLDOUT),
    ("third set", _blind("third", "both earlier sets"), "holdout2", HOLDOUT2),
    ("fourth set", _blind("fourth", "the earlier sets"), "holdout3", HOLDOUT3),
    ("fifth set", _blind("fifth", "the earlier sets"), "holdout4", HOLDOUT4),
)  # fmt: skip
_PREFIX = 5  # letters two spellings of a name may share at the start to match ("Feld" / "Felds")


@dataclass(frozen=True)
class Gold:
    """One credit the annotator read in a sentence: the speaker (None when the text never says who)."""

    speaker: str | None
    kind: str


@dataclass
class Tally:
    """Found / gold and right / credited, per language."""

    found: int = 0
    gold: int = 0
    right: int = 0
    credited: int = 0

    def row(self, name: str) -> str:
        recall = f"{self.found / self.gold:.2f}" if self.gold else "-"
        precision = f"{self.right / self.credited:.2f}" if self.credited else "-"
        return f"| {name} | {self.found} of {self.gold} | {recall} | {self.right} of {self.credited} | {precision} |"


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"\w+", unidecode(name).lower()) if len(w) > 1]


def matches(gold: Gold, ours: Attribution) -> bool:
    """Whether our credit names the gold speaker (by its last word), or is unnamed where the gold one is."""
    if gold.speaker is None:
        return not ours.named
    want, have = _words(gold.speaker), _words(ours.speaker)
    if not want or not have:
        return False
    last = want[-1]
    return any(w == last or (min(len(w), len(last)) >= _PREFIX and w[:_PREFIX] == last[:_PREFIX]) for w in have)


def _score(sentences: list[tuple[list[Gold], list[Attribution], str]], tally: Tally, errors: list[str] | None) -> None:
    for gold, ours, text in sentences:
        said = [g for g in gold if g.kind != "none"]
        for g in said:
            tally.gold += 1
            if any(matches(g, a) for a in ours):
                tally.found += 1
            elif errors is not None:
                got = ", ".join(a.speaker for a in ours) or "nobody"
                errors.append(f"  missed {g.speaker!r} ({g.kind}); credited {got}: {text[:110]!r}")
        for a in ours:
            tally.credited += 1
            if any(matches(g, a) for g in said):
                tally.right += 1
            elif errors is not None:
                want = ", ".join(str(g.speaker) for g in said) or "nobody"
                errors.append(f"  wrong {a.speaker!r} ({a.kind}, cue {a.cue!r}); gold {want}: {text[:110]!r}")


Rows = list[tuple[list[Gold], list[Attribution], str]]  # each sentence's gold, our credits and its text


def semeval_articles(half: str) -> Iterator[tuple[str, ArticleText, Rows]]:
    """Each article of one half of the SemEval annotation: its language, its reading and its sentences' rows."""
    data = json.loads(SEMEVAL_GOLD.read_text(encoding="utf-8"))
    records: dict[str, dict] = {}
    with PAIRS.open(encoding="utf-8") as f:
        for line in f:
            pair = json.loads(line)
            for side in (pair["a"], pair["b"]):
                records.setdefault(side["id"], side)
    by_article: dict[str, list[dict]] = defaultdict(list)
    for item in data["attributions"]:
        if item["half"] == half:
            by_article[item["article_id"]].append(item)
    ids = [i for language_ids in data["articles"][half].values() for i in language_ids]
    articles = []
    for i in ids:
        r = records[i]
        article = make_article(i, r["text"], url=r.get("url"), title=None, published=r.get("published"))
        articles.append(article.model_copy(update={"language": detect_language(r["text"])}))
    for text in _analysed(articles):
        language = next(lang for lang, members in data["articles"][half].items() if text.article.id in members)
        gold_at: dict[int, list[Gold]] = defaultdict(list)
        for item in by_article[text.article.id]:
            at = _sentence_at(text, item["offset"])
            if at is not None:
                gold_at[at].append(Gold(item["speaker"] if item["speaker"] != "-" else None, item["kind"]))
        yield language, text, [(gold_at.get(s.index, []), s.attributions, s.text) for s in text.sentences]


def semeval(half: str, errors: list[str] | None) -> dict[str, Tally]:
    """Tallies per language of one half of the SemEval annotation."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for language, _, rows in semeval_articles(half):
        for tally in (tallies[language], tallies["all"]):
            _score(rows, tally, errors if tally is tallies["all"] else None)
    return tallies


def _sentence_at(text: ArticleText, offset: int) -> int | None:
    """Our sentence holding an annotated sentence's first character (or the first one after it)."""
    for s in text.sentences:
        if s.end > offset:
            return s.index
    return None


def _analysed(articles: list[Article]) -> list[ArticleText]:
    """Each article understood alone (no other article confirms its names)."""
    return [t for article in articles for t in analyse_many([article])]


def fixture_articles(half: str, folder: Path = FIXTURES) -> Iterator[tuple[str, ArticleText, Rows]]:
    """Each article of one half of one of our own fictional sets: its language, reading and sentences' rows."""
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        language = data["language"]
        for item in (a for a in data["articles"] if a["half"] == half):
            body = "\n\n".join(s["text"] for s in item["sentences"])
            article = make_article(item["id"], body, outlet=item.get("outlet"), title=item.get("title"))
            text = _analysed([article.model_copy(update={"language": language})])[0]
            gold = {s["text"]: [Gold(g["speaker"], g["kind"]) for g in s["speakers"]] for s in item["sentences"]}
            yield language, text, [(gold.get(s.text, []), s.attributions, s.text) for s in text.sentences]


def fixtures(half: str, errors: list[str] | None, folder: Path = FIXTURES) -> dict[str, Tally]:
    """Tallies per language of one half of one of our own fictional sets."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for language, _, rows in fixture_articles(half, folder):
        for tally in (tallies[language], tallies["all but en" if language != "en" else "en (control)"]):
            _score(rows, tally, errors if language != "en" and tally is tallies[language] else None)
    return tallies


def _table(title: str, tallies: dict[str, Tally]) -> None:
    print(f"\n{title}")
    print("| language | found | recall | right | precision |")
    print("|---|---|---|---|---|")
    for name in sorted(tallies, key=lambda n: (n.startswith(("all", "en (")), n)):
        print(tallies[name].row(name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list the dev halves' misses and wrong credits")
    parser.add_argument("--dev", action="store_true", help="the dev halves only (what rules are written on)")
    args = parser.parse_args()
    if not PAIRS.exists():
        raise SystemExit(f"{PAIRS} is missing: this benchmark reads ../shared/datasets/semeval2022")
    dev_errors: list[str] | None = [] if args.errors else None
    _table("SemEval-2022, FIT half (the rules were written looking at it)", semeval("FIT", dev_errors))
    if not args.dev:
        _table("SemEval-2022, REPORT half (never looked at)", semeval("REPORT", None))
    for _, title, half, folder in DEVELOPMENT_SETS:
        if folder.exists():
            _table(title, fixtures(half, dev_errors, folder))
    if HOLDOUT5.exists() and not args.dev:
        _table(
            "Our own held-out set (written blind to the rules and to the five earlier sets)",
            fixtures("holdout5", None, HOLDOUT5),
        )
    if dev_errors:
        print("\nErrors on the dev halves:")
        print("\n".join(dev_errors))


if __name__ == "__main__":
    main()
