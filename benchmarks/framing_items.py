"""Framing items as an editor reads them, scored against BASIL's hand-annotated lexical-bias spans.

    python -m benchmarks.framing_items              # figures per half (A: development, B: held out)
    python -m benchmarks.framing_items --dump FILE  # also every half-A item with its verdict, to read by hand

The sentence-level lexical F1 in `benchmarks.compare` asks whether a sentence holding a lex span gets some framing
item; it does not ask whether the item points at the right words, nor how many items a reader has to wade through.
Here an item of a report is right when one of its words lies inside a lex span annotated in the gold sentence it
maps to (sentences are mapped as in `benchmarks.compare`); precision is the share of shown items that are right,
items per report counts what a reader sees (the same words on the same actor in one article once, as the report
view shows them), and recall is the share of annotated lex spans that some shown item points into, apart for
spans in the outlet's own words and spans inside quotes (BASIL's `quote` field). The outlet's own items (labels,
scare quotes, loaded terms, hedges) are counted apart from the words of the speakers it quotes or paraphrases,
which the report lists on their own line. Hedges count as shown items though BASIL marks none, so precision is
also given without them. Half B is reported as figures only.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import pickle
import re
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks.compare import _find_sentence, annotated_basil, half, map_sentences
from benchmarks.datasets import make_article
from manysides.understand import analyse_many

CACHE = Path("/tmp/manysides_framing_items.pkl")
_WORD = re.compile(r"[a-z0-9]+(?:['\u2019-][a-z0-9]+)*")
_SMALL = frozenset(
    ("a", "an", "the", "of", "to", "in", "on", "and", "or", "for", "with", "at", "by", "as", "is", "was")
)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def load(refresh: bool = False) -> list[dict]:
    """Per triplet its key, half, understood articles and per article the gold sentences and their lex spans."""
    if CACHE.exists() and not refresh:
        return pickle.loads(CACHE.read_bytes())
    triplets = []
    for key, items in sorted(annotated_basil().items()):
        articles, golds = [], []
        for n, (article, ann) in enumerate(items):
            sentences = [s for paragraph in article["body-paragraphs"] for s in paragraph]
            body = "\n\n".join(" ".join(p) for p in article["body-paragraphs"])
            articles.append(
                make_article(f"{key}_{n}", body, outlet=article.get("source"), published=article.get("date"))
            )
            spans: dict[int, list[str]] = defaultdict(list)
            quoted: dict[int, list[bool]] = defaultdict(list)
            for phrase in ann.get("phrase-level-annotations", []):
                index = _find_sentence(phrase["txt"], sentences)
                if index is not None and phrase.get("bias") == "lex":
                    spans[index].append(phrase["txt"])
                    quoted[index].append(phrase.get("quote") == "yes")
            golds.append({"sentences": sentences, "lex": dict(spans), "quoted": dict(quoted)})
        triplets.append({"key": key, "half": half(key), "texts": analyse_many(articles), "gold": golds})
    with contextlib.suppress(Exception):  # a cache is a convenience
        CACHE.write_bytes(pickle.dumps(triplets))
    return triplets


def _right(item_text: str, spans: list[str]) -> bool:
    words = [w for w in _words(item_text) if w not in _SMALL] or _words(item_text)
    return any(w in set(_words(span)) for span in spans for w in words)


def score(triplet: dict) -> tuple[list[dict], Counter[str]]:
    """The shown items of one triplet's report with verdicts, and counts of lex spans and of those pointed at, for
    spans in the outlet's own words and spans inside a quote (BASIL's `quote` field)."""
    from manysides.compare.engine import compare_texts

    report = compare_texts(triplet["texts"])
    mapping = {}
    for text, gold in zip(triplet["texts"], triplet["gold"], strict=True):
        mapping[text.article.id] = (map_sentences([s.text for s in text.sentences], gold["sentences"])[0], gold)
    shown: dict[tuple, dict] = {}
    for item in report.framing:
        sentences, gold = mapping[item.article]
        index = sentences[item.sentence] if item.sentence is not None and item.sentence < len(sentences) else None
        spans = gold["lex"].get(index, []) if index is not None else []
        key = (item.article, item.type, item.text.casefold().strip(), item.target, item.in_quote, item.speaker)
        entry = shown.setdefault(
            key,
            {
                "article": item.article,
                "type": item.type,
                "text": item.text,
                "target": item.target,
                "in_quote": item.in_quote,
                "speaker": item.speaker,
                "right": False,
                "sentences": [],
            },
        )
        entry["right"] |= _right(item.text, spans)
        if index is not None:
            entry["sentences"].append(gold["sentences"][index])
    counts: Counter[str] = Counter()
    for text, gold in zip(triplet["texts"], triplet["gold"], strict=True):
        for index, spans in gold["lex"].items():
            items = [
                it
                for it in report.framing
                if it.article == text.article.id
                and it.sentence is not None
                and it.sentence < len(mapping[it.article][0])
                and mapping[it.article][0][it.sentence] == index
            ]
            for span, in_quote in zip(spans, gold["quoted"][index], strict=True):
                where = "quoted" if in_quote else "own"
                counts[f"{where} spans"] += 1
                counts[f"{where} hit"] += any(_right(it.text, [span]) for it in items)
    return list(shown.values()), counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dump", type=Path, help="write every half-A item with its verdict to this JSON file")
    parser.add_argument("--half", choices=["A", "B"], help="score one half only")
    parser.add_argument("--refresh", action="store_true", help="analyse the articles again, not from the cache")
    args = parser.parse_args()
    triplets = [t for t in load(args.refresh) if args.half in (None, t["half"])]
    figures: dict[str, Counter[str]] = defaultdict(Counter)
    dump = []
    for triplet in triplets:
        items, counts = score(triplet)
        f = figures[triplet["half"]]
        f.update(counts)
        own = [i for i in items if not (i["in_quote"] or i["speaker"])]
        f["items"] += len(own)
        f["right"] += sum(i["right"] for i in own)
        f["speakers"] += len(items) - len(own)
        f["speakers right"] += sum(i["right"] for i in items) - sum(i["right"] for i in own)
        f["lexical"] += sum(i["type"] != "hedge" for i in own)
        f["lexical right"] += sum(i["right"] for i in own if i["type"] != "hedge")
        f["reports"] += 1
        if triplet["half"] == "A":
            dump.extend({"triplet": triplet["key"], **i} for i in items)
    for name in sorted(figures):
        f = figures[name]
        own, quoted = f["own hit"] / max(f["own spans"], 1), f["quoted hit"] / max(f["quoted spans"], 1)
        recall = (f["own hit"] + f["quoted hit"]) / max(f["own spans"] + f["quoted spans"], 1)
        reports = max(f["reports"], 1)
        print(
            f"half {name}: {f['reports']} reports; the outlet's own items {f['items'] / reports:.1f} a report, "
            f"precision {f['right'] / max(f['items'], 1):.3f} ({f['right']}/{f['items']}; without hedges, which BASIL "
            f"does not mark, {f['lexical right'] / max(f['lexical'], 1):.3f}); speakers' words "
            f"{f['speakers'] / reports:.1f} a report, precision {f['speakers right'] / max(f['speakers'], 1):.3f}; "
            f"lex-span recall {recall:.3f} (spans in the outlet's own words {own:.3f} of {f['own spans']}, inside "
            f"quotes {quoted:.3f} of {f['quoted spans']})"
        )
    if args.dump:
        args.dump.write_text(json.dumps(dump, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
