"""Why annotated conflicts are missed (issue 14): every gold conflict of one half of basil-facts, with its sides'
sentences, their pair probability and what each conflict check says of them, and the reasons tallied by kind.

    python -m benchmarks.conflict_diagnosis                 # the develop half (sha256 parity 0), reasons tallied
    python -m benchmarks.conflict_diagnosis --half 1 -v     # the other half, every conflict printed
    python -m benchmarks.conflict_diagnosis --half all      # found / right per half and together
    python -m benchmarks.conflict_diagnosis --shipped       # the shipped model instead (in sample)

The triplets are split in two halves by the parity of the sha256 of their id: checks are developed on half 0 and
half 1 is looked at only for its figures. Pair probabilities come from the cross-validated pair model (each
triplet's model fitted without its fold, as in `benchmarks.facts`), so they are what a report on unseen coverage
would get. A missed conflict's reason is the first that holds:

- `found`: a reported conflict holds sentences of two of its sides;
- `no sentence`: a side's sentences are not among the candidate sentences (too short, or not mapped);
- `update`: an update (not counted as found or missed by the scorer);
- `check below bar`: some check reads the two values of a pair, but the pair's probability is under that check's
  bar;
- `no check`: no check reads two different values in any pair of the sides (values not extracted, or refused).

Reported conflicts that match no gold conflict are listed too (what makes them wrong).
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from dataclasses import dataclass

from benchmarks import facts
from manysides.compare import conflicts, pairs
from manysides.compare.engine import compare_texts
from manysides.compare.provenance import outlet_keys, republications
from manysides.records.report import Report


def half(key: str) -> int:
    """The half of basil-facts a triplet belongs to: the parity of its id's sha256."""
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % 2


@dataclass
class Run:
    """One triplet's report and pair scores, made with the model fitted without its fold (or the shipped one)."""

    triplet: facts.Triplet
    report: Report
    scores: pairs.PairScores
    ids: list[set[str]]  # gold sentence ids of each candidate node
    bars: dict[str, float]


def runs(data: list[facts.Triplet], shipped: bool = False) -> list[Run]:
    """Each triplet's report under the model fitted without its fold, or under the shipped model (in sample)."""
    if shipped:
        models = [pairs.pair_model()] * len(data)
    else:
        _, models = facts.cross_validated([facts.prepare(t) for t in data])
    result = []
    for t, model in zip(data, models, strict=True):
        with pairs.model_override(model):
            articles = [x.article for x in t.texts]
            scores = pairs.score_pairs(t.texts, outlet_keys(articles, republications(articles)))
            report = compare_texts(t.texts)
        to_ids = facts.scorer().mapper(t.sentences)
        ids = [to_ids(t.letters[n.article], n.sentence.text) for n in scores.nodes]
        bars = {"near": model.unique_bar, "loose": model.loose_bar, "fact": model.conflict_bar, "sure": model.sure_bar}
        result.append(Run(t, report, scores, ids, bars))
    return result


def _reported(run: Run) -> list[tuple[set[str], str, dict[str, str]]]:
    to_ids = facts.scorer().mapper(run.triplet.sentences)
    letters = {x.article.id: letter for x, letter in zip(run.triplet.texts, run.triplet.letters, strict=True)}
    found = []
    for fact in run.report.facts:
        if fact.kind == "conflict" and fact.conflict:
            ids = set().union(*(to_ids(letters[s.article], s.text) for s in fact.statements))
            found.append((ids, fact.conflict.explanation.split(";")[0][:64], fact.conflict.values))
    return found


def _hits(ids: set[str], sides: list[set[str]]) -> bool:
    return sum(1 for s in sides if ids & s) >= 2


def diagnose(run: Run, verbose: bool) -> Counter:
    """Reasons by kind for every gold conflict of one triplet; with `verbose`, each one printed."""
    with conflicts.reading(run.scores):
        return _diagnose(run, verbose)


def _diagnose(run: Run, verbose: bool) -> Counter:
    tally: Counter = Counter()
    reported = _reported(run)
    nodes = run.scores.nodes
    gold = run.triplet.gold.get("conflicts", [])
    for conflict in gold:
        kind = conflict["kind"]
        sides = [set(s["sentences"]) for s in conflict["sides"]]
        lines = []
        members = [[k for k, ids in enumerate(run.ids) if ids & side] for side in sides]
        if any(_hits(ids, sides) for ids, _, _ in reported):
            reason = "found"
        elif kind == "update":
            reason = "update"
        elif sum(1 for m in members if m) < 2:
            reason = "no sentence"
        else:
            reason = "no check"
            for a in range(len(sides)):
                for b in range(a + 1, len(sides)):
                    for i in members[a]:
                        for j in members[b]:
                            x, y = nodes[i], nodes[j]
                            if run.scores.sources[x.article] == run.scores.sources[y.article]:
                                continue
                            prob = float(run.scores.prob[i, j])
                            said = []
                            for check_kind, check, _, level in conflicts._CHECKS:
                                value = check(x.sentence, y.sentence)
                                if value and value[0] != value[1]:
                                    said.append(f"{check_kind}/{check.__name__}@{level}{value[:2]}")
                                    if prob < run.bars[level] and reason == "no check":
                                        reason = "check below bar"
                            lines.append(f"      {sorted(run.ids[i])}~{sorted(run.ids[j])} p={prob:.2f} {said}")
        tally[(kind, reason)] += 1
        if verbose:
            print(f"  [{reason}] {kind}: {conflict['about']}")
            for side in conflict["sides"]:
                text = " | ".join(f"{s}: {run.triplet.sentences[s][:160]}" for s in side["sentences"][:3])
                print(f"    {side['value'][:60]!r} :: {text}")
            print("\n".join(lines[:12]))
    if verbose:
        gold_sides = [[set(s["sentences"]) for s in c["sides"]] for c in gold]
        for ids, kind, values in reported:
            if not any(_hits(ids, sides) for sides in gold_sides):
                texts = " | ".join(f"{s}: {run.triplet.sentences[s][:140]}" for s in sorted(ids))
                print(f"  WRONG {kind} {list(values.values())} :: {texts}")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", default="0", choices=["0", "1", "all"])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--shipped", action="store_true", help="the shipped model, in sample (not cross-validated)")
    args = parser.parse_args()
    data = facts.triplets()
    done = runs(data, args.shipped)
    for h in (0, 1):
        part = [r for r in done if half(r.triplet.key) == h]
        s = facts.score_reports([r.triplet for r in part], {r.triplet.key: r.report for r in part})
        print(
            f"half {h} ({len(part)} triplets): conflicts found {s['conflict_recall'] or 0:.2f} "
            f"right {s['conflict_precision'] or 0:.2f} ({s['conflicts_reported']} reported, {s['conflicts_gold']} gold)"
        )
    s = facts.score_reports([r.triplet for r in done], {r.triplet.key: r.report for r in done})
    print(
        f"both halves: conflicts found {s['conflict_recall'] or 0:.2f} right {s['conflict_precision'] or 0:.2f} "
        f"({s['conflicts_reported']} reported, {s['conflicts_gold']} gold)"
    )
    for h in (0, 1):
        wrong: Counter = Counter()
        for run in (r for r in done if half(r.triplet.key) == h):
            gold_sides = [[set(x["sentences"]) for x in c["sides"]] for c in run.triplet.gold.get("conflicts", [])]
            for ids, kind, _ in _reported(run):
                wrong[(kind, any(_hits(ids, sides) for sides in gold_sides))] += 1
        print(
            f"  half {h} reported by type (right/wrong): "
            + ", ".join(f"{k} {wrong[(k, True)]}/{wrong[(k, False)]}" for k in sorted({k for k, _ in wrong}))
        )
    if args.half == "all":
        return
    tally: Counter = Counter()
    for run in done:
        if half(run.triplet.key) == int(args.half):
            if args.verbose:
                print(f"== {run.triplet.key}")
            tally += diagnose(run, args.verbose)
    print(f"reasons by kind (half {args.half}):")
    for kind in sorted({k for k, _ in tally}):
        cells = ", ".join(f"{reason} {n}" for (k, reason), n in sorted(tally.items()) if k == kind)
        print(f"  {kind:<12} {cells}")


if __name__ == "__main__":
    main()
