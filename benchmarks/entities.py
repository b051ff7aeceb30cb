"""Entity lists of BASIL stories with counts of suspect spans, lone names and type changes, to read by hand.

    python -m benchmarks.entities              # development sample (basil-facts triplets of half A)
    python -m benchmarks.entities --half B     # the other sample, for figures only
    python -m benchmarks.entities --list       # also print each story's entity list with types

The stories are the hand-annotated `basil-facts` triplets (and the triplets an editor read in a spot check are left
out, so faults found there are not what a fix is measured on). Each story's articles are compared as a report
would list them (`compare.engine._entities`), and counted:
- suspect spans: a word that starts lower-case (not a particle such as "al-" or "de", nor the noun of a body named
  after a person, "Vale administration"), unbalanced brackets or quotation marks, a possessive inside the name, a
  trailing "of", "v." or "and";
- lone names: a one-word person name that joins no full name though some full name of the story ends with it;
- titled: person names that open with a title ("Representative Ann Vale");
- named after: person entities holding a body named after someone ("Vale" of "the Vale administration");
- type changes: entities whose type differs from the previous run's (`--save` writes a run, `--against` reads one).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from benchmarks.compare import DATA, half
from benchmarks.datasets import make_article
from manysides.compare.engine import _entities
from manysides.records.report import Entity
from manysides.understand import analyse_many
from manysides.understand.entities import merge_mentions
from manysides.understand.name_spans import without_title

_READ_BY_EDITOR = [Path("/tmp/spot15"), Path("/tmp/spot14"), Path("/tmp/spot13")]
_PARTICLES = frozenset({"al", "el", "de", "da", "di", "van", "von", "der", "bin", "ibn", "la", "le", "du", "of", "and"})
_PARTICLES |= {"the", "for", "on", "in", "at", "to", "y", "del", "des", "a"}
# A body named after a person ("Vale administration") ends in such a noun: a name, not a suspect span.
_NAMED_AFTER = frozenset(
    line.strip()
    for line in (Path(__file__).parents[1] / "src/manysides/understand/data/named_after.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
)
_OPEN_CLOSE = ("()", "[]", "\u201c\u201d", "\u2018\u2019")


def _editor_read() -> set[str]:
    return {p.stem for root in _READ_BY_EDITOR if root.exists() for p in root.glob("*.jsonl")}


def sample(which: str) -> list[str]:
    """Triplet ids of the basil-facts set in one hash half, without those an editor read."""
    ids = sorted(p.name.split(".")[0] for p in (DATA / "basil-facts").glob("*.gold.json"))
    return [t for t in ids if half(t) == which and t not in _editor_read()]


def _articles(triplet: str) -> list:
    root = DATA / "basil" / "articles"
    found = []
    for path in sorted(root.glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        if article.get("triplet-uuid") == triplet:
            body = "\n\n".join(" ".join(p) for p in article["body-paragraphs"])
            found.append((article.get("source"), article.get("title"), article.get("date"), body))
    return [
        make_article(f"{triplet}_{n}", body, outlet=src, title=title, published=date)
        for n, (src, title, date, body) in enumerate(found)
    ]


def suspect(name: str) -> str:
    """Why a span looks like no name, or ""."""
    words = re.findall(r"[^\s]+", name)
    if len(words) > 1 and words[-1] in _NAMED_AFTER:
        words = words[:-1]
    if any(
        w[0].islower() and w.lower().strip(".,") not in _PARTICLES and not w.startswith(("al-", "el-")) for w in words
    ):
        return "lower-case word"
    for pair in _OPEN_CLOSE:
        if name.count(pair[0]) != name.count(pair[1]):
            return "unbalanced"
    if name.count('"') % 2:
        return "unbalanced"
    if re.search(r"['\u2019]s\b", name):
        return "possessive"
    if words and words[-1].lower() in {"of", "v.", "vs.", "and", "for", "the"}:
        return "trailing word"
    return ""


def lone_names(entities: list[Entity]) -> list[str]:
    """One-word person names that some full name of the story ends with but did not join."""
    fulls = [e.name for e in entities if e.type == "person" and len(e.name.split()) > 1]
    return [
        e.name for e in entities if len(e.name.split()) == 1 and any(f.split()[-1].strip(".,") == e.name for f in fulls)
    ]


def titled(entities: list[Entity]) -> list[str]:
    """Person names that open with a title ("Representative Ann Vale"): the role, not the name."""
    return [e.name for e in entities if e.type == "person" and without_title(e.name, 0, len(e.name)) > 0]


def named_after(texts: list) -> list[str]:
    """Person entities holding a mention of a body named after someone ("Vale" of "the Vale administration")."""
    bodies = {t.article.id: t.article.body for t in texts}
    found = []
    for cluster in merge_mentions([m for t in texts for m in t.mentions]):
        if cluster.type == "person" and any(_named_noun(bodies[m.article], m.start, m.end) for m in cluster.mentions):
            found.append(cluster.name)
    return found


def _named_noun(body: str, start: int, end: int) -> bool:
    """A name right before a named-after noun, not as its owner ("Vale's campaign" is written as Vale's)."""
    owner = re.search(r"['\u2019]s?$", body[start:end])
    return not owner and any(body.startswith(" " + noun, end) for noun in _NAMED_AFTER)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", default="A")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--triplets", nargs="*", help="these triplet ids instead of a sample (the spot-checked ones)")
    parser.add_argument("--save", type=Path)
    parser.add_argument("--against", type=Path)
    args = parser.parse_args()
    before = json.loads(args.against.read_text()) if args.against else {}
    saved: dict[str, dict[str, str]] = {}
    totals: dict[str, int] = defaultdict(int)
    for triplet in args.triplets or sample(args.half):
        texts = analyse_many(_articles(triplet))
        entities = _entities(texts)
        types = {e.name: e.type for e in entities}
        saved[triplet] = types
        odd = [(e.name, suspect(e.name)) for e in entities if suspect(e.name)]
        lone = lone_names(entities)
        changed = [
            (n, before[triplet][n], t)
            for n, t in types.items()
            if n in before.get(triplet, {}) and before[triplet][n] != t
        ]
        totals["entities"] += len(entities)
        totals["suspect"] += len(odd)
        totals["lone"] += len(lone)
        totals["type changes"] += len(changed)
        odd_people = [(n, "titled") for n in titled(entities)] + [(n, "named after") for n in named_after(texts)]
        totals["titled"] += sum(why == "titled" for _, why in odd_people)
        totals["named after"] += sum(why == "named after" for _, why in odd_people)
        print(f"## {triplet}: {len(entities)} entities, {len(odd)} suspect, {len(lone)} lone, {len(changed)} retyped")
        for name, why in odd:
            print(f"   suspect ({why}): {name}")
        for name in lone:
            print(f"   lone: {name}")
        for name, why in odd_people:
            print(f"   person ({why}): {name}")
        for name, was, now in changed:
            print(f"   type: {name} {was} -> {now}")
        if args.list:
            for e in entities:
                print(f"   {sum(e.mentions.values()):3d} {e.type[:5]:5s} {e.name}  | {', '.join(e.aliases)[:120]}")
    print("TOTAL " + ", ".join(f"{k} {v}" for k, v in totals.items()))
    if args.save:
        args.save.write_text(json.dumps(saved, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
