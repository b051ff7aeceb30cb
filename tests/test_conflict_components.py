"""How conflicting pairs become conflicts: one row per outlet must show the value of the pair that fired."""

from __future__ import annotations

from benchmarks.datasets import make_article

from manysides.compare.conflicts import _components
from manysides.compare.pairs import Node
from manysides.understand import analyse_many


def _nodes(*texts: str) -> list[Node]:
    articles = [make_article(f"a{k}", text, outlet=f"outlet{k}") for k, text in enumerate(texts)]
    analysed = analyse_many(articles)
    return [Node(article=k, sentence=text.sentences[-1], position=k) for k, text in enumerate(analysed)]


def test_two_disagreements_sharing_a_sentence_are_two_conflicts() -> None:
    toll, villages, both = _nodes(
        "Four people died in the Harlow Vale flood.",
        "Nine villages were cut off by the Harlow Vale flood.",
        "Three people died and six villages were cut off by the Harlow Vale flood.",
    )
    edges = [
        (toll, both, ("four people", "three people", 1.0)),
        (villages, both, ("nine villages", "six villages", 1.0)),
    ]
    parts = _components(edges)
    assert sorted(len(part) for part in parts) == [1, 1]


def test_three_outlets_on_one_figure_are_one_conflict() -> None:
    one, two, three = _nodes("Four people died.", "Three people died.", "Five people died.")
    edges = [(one, two, ("four people", "three people", 1.0)), (two, three, ("three people", "five people", 1.0))]
    assert [len(part) for part in _components(edges)] == [2]


def test_an_outlet_giving_two_values_is_split_so_each_row_holds_one() -> None:
    first, second, other = _nodes("Four people died.", "Six people died.", "Five people died.")
    second = Node(article=first.article, sentence=second.sentence, position=3)
    edges = [(first, other, ("four people", "five people", 0.9)), (second, other, ("six people", "five people", 0.8))]
    parts = _components(edges)
    assert [[edge[2][0] for edge in part] for part in parts] == [["four people"], ["six people"]]
