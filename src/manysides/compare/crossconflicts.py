"""Conflicts between statements the English parse did not both read: figures and dates, compared as values.

Across languages the checks that need the parse (the counted noun, the verb, the clause a date belongs to) have
nothing to read, so a pair the cross-language model aligns at the fact bar is checked on its values alone: a
figure of one unit that each statement gives once and that no figure of the other agrees with ("3,500 people" /
"2.400 Menschen"), or the one day each gives for what it reports. Values alone say less than a parse, so the two
statements must also be each other's closest statement in the other's article.
"""

from __future__ import annotations

import numpy as np

from manysides.compare.date_conflicts import one_night
from manysides.compare.pairs import PairScores
from manysides.compare.values import Match
from manysides.understand import SentenceInfo


def figures_across(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One figure of a unit in each statement, told differently (roundings and "about" agree, numbers.py)."""
    if a.parsed and b.parsed:
        return None
    for unit in {n.unit for n in a.numbers}:
        xs = [n for n in a.numbers if n.unit == unit]
        ys = [n for n in b.numbers if n.unit == unit]
        if len(xs) != 1 or len(ys) != 1:
            continue
        x, y = xs[0], ys[0]
        if not any(x.agrees(z) for z in b.numbers) and not any(y.agrees(z) for z in a.numbers):
            return x.text, y.text, 1.0
    return None


def dates_across(a: SentenceInfo, b: SentenceInfo) -> Match | None:
    """One stated day in each statement, and they differ (not two names of one night, `one_night`)."""
    if a.parsed and b.parsed:
        return None
    xs, ys = [d for d in a.dates if d.day], [d for d in b.dates if d.day]
    if len(xs) == len(ys) == 1 and xs[0].value != ys[0].value and not one_night(a, xs[0], b, ys[0]):
        return xs[0].value, ys[0].value, 1.0
    return None


def closest_pair(scores: PairScores, i: int, j: int) -> bool:
    """Whether sentences i and j are each other's most probable partner in the other's article."""
    articles = np.array([n.article for n in scores.nodes])
    in_i, in_j = articles == articles[i], articles == articles[j]
    prob = scores.prob
    return bool(prob[i, j] >= prob[i, in_j].max() and prob[i, j] >= prob[j, in_i].max())
