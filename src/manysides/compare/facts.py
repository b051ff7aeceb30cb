"""Facts from aligned groups: shared (2+ outlets), conflict (2+ outlets, values differ) or unique (one outlet).

Every statement is a sentence exactly as it stands in its article's body, with its index and attribution.
Unique facts are sentences that state something (a clause with a verb) and that no other outlet reports;
headings, bylines and fragments are left out.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import numpy as np

from manysides.compare.align import CAP, Alignment, Node
from manysides.compare.conflicts import find_conflicts
from manysides.compare.report import Conflict, Fact, Statement
from manysides.understand import ArticleText, SentenceInfo

_MIN_UNIQUE_WORDS = 6
COPY_SHARE = 0.8  # share of the shorter sentence's words the other must carry to count as a copy
# A left-out sentence joins a group only with direct alignments to this many other outlets in it. Chosen on ECB+
# half A (2 and 3 tie there at P 0.915 R 0.486, against 0.913 / 0.473 without); 3 is the stricter, and it never
# applies to a two-outlet story.
SUPPORT_OUTLETS = 3
_WORD = re.compile(r"\w+")
_CROSS_GROUP_TYPES = frozenset({"date", "number"})


def statement(text: ArticleText, sentence: SentenceInfo) -> Statement:
    attribution = next((a.speaker for a in sentence.attributions), None)
    return Statement(article=text.article.id, text=sentence.text, attribution=attribution, sentence=sentence.index)


def states_something(sentence: SentenceInfo) -> bool:
    """A full sentence with a verb, not a heading or fragment."""
    return (
        len(sentence.text.split()) >= _MIN_UNIQUE_WORDS
        and sentence.text.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?"))
        and any(t.pos_ in {"VERB", "AUX"} for t in sentence.doc)
    )


def _cross_group_conflicts(texts: list[ArticleText], alignment: Alignment, sources: list[str]) -> list[Fact]:
    """Date and number conflicts between strongly aligned sentences that grouping put into different facts.

    Modality and negation need the sentences to be one fact, which only grouping says; values do not.
    """
    ids = [t.article.id for t in texts]
    group_of = {n.position: g for g, nodes in enumerate(alignment.groups) for n in nodes}
    nodes = [n for group in alignment.groups for n in group]
    merged: dict[tuple[str, tuple[tuple[str, str], ...]], Fact] = {}
    for i, x in enumerate(nodes):
        for y in nodes[i + 1 :]:
            if group_of[x.position] == group_of[y.position] or not alignment.close(x, y, strict=True):
                continue
            for conflict, involved in find_conflicts([x, y], ids, sources, alignment):
                if conflict.type not in _CROSS_GROUP_TYPES:
                    continue
                key = (conflict.type, tuple(sorted(conflict.values.items())))
                fact = merged.setdefault(key, Fact(kind="conflict", statements=[], conflict=conflict))
                for n in involved:
                    found = statement(texts[n.article], n.sentence)
                    if found not in fact.statements:
                        fact.statements.append(found)
    return list(merged.values())


def _anchored(nodes: list[Node], sources: list[str], alignment: Alignment) -> list[Node]:
    """The group's sentences that align directly with a sentence of another outlet in it.

    Average linkage can carry a sentence into a group on the strength of the others; shown as "the same fact" it
    would claim more than any one pairing does. Sentences left out this way can still be unique facts.
    """
    kept = [x for x in nodes if any(sources[y.article] != sources[x.article] and alignment.close(x, y) for y in nodes)]
    return kept if len({sources[n.article] for n in kept}) >= 2 else []


def _when(published: str | None) -> datetime | None:
    """A publication stamp as an aware datetime (a date alone or a naive time read as UTC)."""
    if not published:
        return None
    try:
        when = datetime.fromisoformat(published)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _with_timing(conflict: Conflict, texts: list[ArticleText]) -> Conflict:
    """A modality conflict where every "expected" report came out before every "happened" one may be time passing,
    not disagreement: say so, with the publication times, so the reader can judge."""
    if conflict.type != "modality":
        return conflict
    published = {t.article.id: (_when(t.article.published), t.article.published) for t in texts}
    expected = [published.get(a, (None, None)) for a, v in conflict.values.items() if v == "expected"]
    happened = [published.get(a, (None, None)) for a, v in conflict.values.items() if v == "happened"]
    if not expected or not happened or any(when is None for when, _ in expected + happened):
        return conflict
    last_expected = max(expected, key=lambda item: item[0])  # type: ignore[arg-type, return-value]
    first_happened = min(happened, key=lambda item: item[0])  # type: ignore[arg-type, return-value]
    if last_expected[0] >= first_happened[0]:  # type: ignore[operator]
        return conflict
    note = (
        f"the 'expected' report is the earlier one ({last_expected[1]} before {first_happened[1]}): "
        "it may be superseded"
    )
    return conflict.model_copy(update={"explanation": f"{conflict.explanation}; {note}"})


def _copies(a: set[str], b: set[str]) -> bool:
    """Near word-for-word the same sentence (a quote or wire sentence both outlets carry), by their word sets."""
    return min(len(a), len(b)) >= _MIN_UNIQUE_WORDS and len(a & b) >= COPY_SHARE * min(len(a), len(b))


def _supported_group(x: Node, groups: list[list[Node]], sources: list[str], alignment: Alignment) -> int | None:
    """The group where the left-out sentence aligns directly with sentences of at least two other outlets and
    its article still has room under the cap: evidence from two sides, not one look-alike pair."""
    best, found = 0.0, None
    for k, group in enumerate(groups):
        if sum(1 for n in group if n.article == x.article) >= CAP:
            continue
        close = [n for n in group if sources[n.article] != sources[x.article] and alignment.close(x, n)]
        if len({sources[n.article] for n in close}) >= SUPPORT_OUTLETS:
            score = float(np.mean([alignment.prob[x.position, n.position] for n in close]))
            if score > best:
                best, found = score, k
    return found


def _with_copies(alignment: Alignment, sources: list[str]) -> list[list[Node]]:
    """Anchored groups of 2+ outlets; a sentence grouping left out joins the group of its near-verbatim copy, or
    else the group where all other outlets' sentences align with it directly (see `_supported_group`).

    Grouping caps what one article puts in a group, so the third outlet's copy of a quote could be left out and
    shown as if only that outlet reported it.
    """
    groups = [g for g in (_anchored(group, sources, alignment) for group in alignment.groups) if g]
    home = {n.position: k for k, g in enumerate(groups) for n in g}
    nodes = sorted((n for group in alignment.groups for n in group), key=lambda n: n.position)
    words = {n.position: set(_WORD.findall(n.sentence.text.lower())) for n in nodes}
    for x in nodes:
        if x.position in home:
            continue
        copy = next(
            (
                y
                for y in nodes
                if sources[y.article] != sources[x.article] and _copies(words[x.position], words[y.position])
            ),
            None,
        )
        if copy is None:
            k = _supported_group(x, groups, sources, alignment)
            if k is not None:
                home[x.position] = k
                groups[k].append(x)
            continue
        if copy.position not in home:
            home[copy.position] = len(groups)
            groups.append([copy])
        home[x.position] = home[copy.position]
        groups[home[x.position]].append(x)
    return groups


def build_facts(texts: list[ArticleText], alignment: Alignment, sources: list[str]) -> list[Fact]:
    """Conflict facts, then shared facts (most outlets first), then unique facts in article order.

    A conflict fact holds just the statements that disagree (each kind of conflict its own fact); their whole group
    is still a shared fact (they agree on the rest) unless every one of its statements is in a conflict already.
    Conflicts between strongly aligned sentences of different groups are added as well.
    """
    ids = [t.article.id for t in texts]
    conflicts: list[tuple[int, Fact]] = []
    shared: list[tuple[int, Fact]] = []
    grouped: set[tuple[int, int]] = set()
    for nodes in _with_copies(alignment, sources):
        outlets = {sources[n.article] for n in nodes}
        nodes = sorted(nodes, key=lambda n: (n.article, n.sentence.index))
        grouped.update((n.article, n.sentence.index) for n in nodes)
        involved: set[int] = set()
        for conflict, disagreeing in find_conflicts(nodes, ids, sources, alignment):
            involved.update(n.position for n in disagreeing)
            conflict = _with_timing(conflict, texts)
            statements = [statement(texts[n.article], n.sentence) for n in disagreeing]
            conflicts.append((len(outlets), Fact(kind="conflict", statements=statements, conflict=conflict)))
        if any(n.position not in involved for n in nodes):
            statements = [statement(texts[n.article], n.sentence) for n in nodes]
            shared.append((len(outlets), Fact(kind="shared", statements=statements)))
    conflicts.extend((2, fact) for fact in _cross_group_conflicts(texts, alignment, sources))
    facts = [fact for _, fact in sorted(conflicts, key=lambda item: -item[0])]
    facts += [fact for _, fact in sorted(shared, key=lambda item: -item[0])]
    for a, text in enumerate(texts):
        for sentence in text.sentences:
            if (a, sentence.index) not in grouped and states_something(sentence):
                facts.append(Fact(kind="unique", statements=[statement(text, sentence)]))
    return facts
