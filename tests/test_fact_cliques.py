"""A shared fact is a clique over pairs of different outlets' sentences: a second sentence of an article already in
the fact, which the model never pairs with its own article, may not ride in through one other statement alone
(fictional articles, hand-set pair probabilities)."""

from __future__ import annotations

import numpy as np
from benchmarks.datasets import make_article

from manysides.compare.facts import cliques
from manysides.compare.pairs import Node, PairScores
from manysides.understand import analyse_many

HARBOUR = (
    "The Varnley council closed the Osterby ferry terminal on Tuesday. "
    "Mayor Ilse Brandvik said the pier would be rebuilt by spring."
)
COAST = (
    "Varnley shut its Osterby ferry terminal on Tuesday. "
    "Brandvik told supporters at the fairground that the town would turn lemons into lemonade."
)
BAY = "The Osterby terminal closed on Tuesday after a council vote in Varnley."


TEXTS = {"harbour": HARBOUR, "coast": COAST, "bay": BAY}


def _scores(prob: list[list[float]], names: list[str]) -> PairScores:
    texts = analyse_many([make_article(name, TEXTS[name], outlet=name) for name in names])
    sentences = [(a, s) for a, text in enumerate(texts) for s in text.sentences]
    nodes = [Node(a, s, k) for k, (a, s) in enumerate(sentences)]
    return PairScores(nodes, np.array(prob), names)


def _facts(scores: PairScores) -> list[set[tuple[int, int]]]:
    return [{(n.article, n.sentence.index) for n in fact} for fact in cliques(scores, 0.5)]


def test_a_second_sentence_of_one_article_does_not_ride_in_through_one_statement() -> None:
    # harbour 0, harbour 1 | coast 0, coast 1: coast's lemons line (3) pairs with harbour's closure (0) loosely
    # and with its own match (1) strongly; harbour's two sentences must not be one fact through it.
    prob = [
        [0.0, 0.0, 0.9, 0.6],
        [0.0, 0.0, 0.1, 0.95],
        [0.9, 0.1, 0.0, 0.0],
        [0.6, 0.95, 0.0, 0.0],
    ]
    facts = _facts(_scores(prob, ["harbour", "coast"]))
    assert {(0, 1), (1, 1)} in facts
    assert not any({(0, 0), (0, 1)} <= fact for fact in facts)


def test_a_second_sentence_of_one_article_joins_when_two_other_statements_pair_with_it() -> None:
    # harbour 0, harbour 1 | coast 0, coast 1 | bay 0: harbour's two sentences both pair with coast's and bay's
    # closure sentences, so the fact holds both (the article states it twice).
    prob = np.full((5, 5), 0.0)
    for i, j in [(0, 2), (0, 4), (2, 4), (1, 2), (1, 4)]:
        prob[i, j] = prob[j, i] = 0.8
    prob[0, 2] = prob[2, 0] = 0.9
    facts = _facts(_scores(prob.tolist(), ["harbour", "coast", "bay"]))
    assert {(0, 0), (0, 1), (1, 0), (2, 0)} in facts
