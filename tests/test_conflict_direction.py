"""The direction check on fictional sentences: one act told with its two parties the other way round."""

from __future__ import annotations

from benchmarks.datasets import make_article

from manysides.compare.direction_conflicts import direction
from manysides.understand import SentenceInfo, analyse_many


def _last_sentences(*texts: str) -> list[SentenceInfo]:
    articles = [make_article(f"a{k}", text, outlet=f"outlet{k}") for k, text in enumerate(texts)]
    return [text.sentences[-1] for text in analyse_many(articles)]


def test_a_follower_against_the_one_followed() -> None:
    one, other = _last_sentences(
        "Councillor Edwin Marlow spoke on Monday. Marlow was a Twitter follower of the young nurse who got the letter.",
        "Councillor Edwin Marlow spoke on Monday. He said he had never met the nurse, Hattie Quarrell, a student at "
        "Dunmore College; she followed him on Twitter.",
    )
    found = direction(one, other)
    assert found is not None and "Hattie Quarrell" in found[1]


def test_the_same_act_the_same_way_round_or_a_mutual_act_is_no_conflict() -> None:
    signed, passive = _last_sentences("Mayor Ilsa Vane signed the order.", "The order was signed by Mayor Ilsa Vane.")
    assert direction(signed, passive) is None
    met, met_back = _last_sentences("Ilsa Vane met Jorge Quill on Friday.", "Jorge Quill met Ilsa Vane on Friday.")
    assert direction(met, met_back) is None


def test_who_called_whom() -> None:
    called, called_back = _last_sentences("Ilsa Vane called Jorge Quill on Friday.", "Jorge Quill called Ilsa Vane.")
    assert direction(called, called_back) == ("Ilsa Vane calls Jorge Quill", "Jorge Quill calls Ilsa Vane", 1.0)
