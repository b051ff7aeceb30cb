"""Name spans set by what they name: titles out of a person's name, bodies named after a person apart from them."""

from __future__ import annotations

from benchmarks.datasets import make_article

from manysides.compare.engine import StoryNames, _entities, _name_piece, _speaker_entity
from manysides.understand import analyse_many
from manysides.understand.entities import EntityCluster, Mention
from manysides.understand.name_spans import (
    after_title,
    before_and,
    modifies_next,
    named_after_end,
    purpose_end,
    without_title,
)
from manysides.understand.names import name_key


def _entities_of(*bodies: str) -> dict[str, str]:
    articles = [make_article(f"a{k}", body, outlet=f"Outlet {k}") for k, body in enumerate(bodies)]
    return {e.name: e.type for e in _entities(analyse_many(articles))}


def test_a_title_before_a_name_is_left_out_of_it() -> None:
    body = "Chairman Tobin Vask spoke. Sen. Ilsa Marrow left."
    end = body.index(" spoke")
    assert body[without_title(body, 0, end) : end] == "Tobin Vask"
    start, end = body.index("Sen."), body.index(" left")
    assert body[without_title(body, start, end) : end] == "Ilsa Marrow"
    assert without_title("Vask", 0, 4) == 0 and without_title("Chairman", 0, 8) == 0


def test_a_body_named_after_a_person_is_not_that_person() -> None:
    body = "Maria Vask spoke. The Vask administration and Vask's campaign and the Senate campaign went on."
    vask = body.index("Vask administration")
    assert body[vask : named_after_end(body, vask, vask + 4, False)] == "Vask administration"
    owner = body.index("Vask's")
    assert named_after_end(body, owner, owner + 6, True) == 0
    senate = body.index("Senate")
    assert named_after_end(body, senate, senate + 6, False) == 0  # no one is named Senate


def test_a_capitalised_title_makes_a_name_a_persons() -> None:
    body = "the chair of President Washington"
    assert after_title(body, body.index("Washington"))
    assert not after_title("troops in Washington", 10)


def test_the_report_keeps_titles_and_administrations_out_of_a_persons_entity() -> None:
    found = _entities_of(
        "Representative Tobin Vask of Oregon led the hearing on Monday. Vask said he would call witnesses.",
        "The Vask administration had approved the plan in 2005, a spokesman said on Tuesday.",
    )
    assert "Tobin Vask" in found and found["Tobin Vask"] == "person"
    assert not any(name.startswith("Representative") for name in found)


def test_an_organisation_named_with_and_is_one_name() -> None:
    found = _entities_of("Critics said the House Oversight and Government Reform Committee would meet on Monday.")
    assert "House Oversight and Government Reform Committee" in found
    assert "Government Reform Committee" not in found


def test_two_bodies_joined_by_and_stay_two() -> None:
    body = "Harbour Republicans and Tide Party leaders met. Republicans and Tide Party members voted."
    start = body.index("Tide Party", 30)
    assert before_and(body, start, start + len("Tide Party")) == start


def test_a_place_name_each_time_after_a_title_is_a_person() -> None:
    found = _entities_of("Ilsa Marrow sat in the chair of President Washington, President Jefferson said.")
    assert found.get("Washington") == "person"


def test_an_organisation_named_with_what_it_is_for_is_one_name() -> None:
    body = "The National Committee to Preserve Harbour Rights and Pensions met. It wrote from the Committee to Ann Vale"
    end = body.index(" to Preserve")
    assert body[4 : purpose_end(body, 4, end)] == "National Committee to Preserve Harbour Rights and Pensions"
    other = body.index("Committee to Ann")
    assert purpose_end(body, other, other + 9) == other + 9  # a given name after "to" is where it went


def test_a_home_before_a_title_goes_with_the_title() -> None:
    for body in ("former Ohio Rep. Tobin Vask", "New Hampshire Gov. Tobin Vask", "Ohio Rep. Tobin Vask"):
        assert body[without_title(body, 0, len(body)) :] == "Tobin Vask"
    assert without_title("Ohio Rep.", 0, 9) == 0 and without_title("Ohio Valk", 0, 9) == 0


def test_a_speaker_label_drops_a_home_and_title_before_the_name() -> None:
    names = StoryNames({name_key("Tobin Vask"): "Tobin Vask", name_key("Vask"): "Tobin Vask"}, frozenset())
    assert _speaker_entity("Ohio Rep. Tobin Vask", names) == "Tobin Vask"
    assert _speaker_entity("Representative Tobin Vask of Ohio", names) == "Tobin Vask"


def test_a_span_before_a_title_or_a_bodys_word_is_a_modifier() -> None:
    heads = frozenset({"Committee", "Agency"})
    body = "former Harbour Safety Adviser Ilsa Marrow said. Harbour committee chairman Orrin Sands agreed."
    end = body.index(" Adviser")
    assert modifies_next(body, body.index("Harbour Safety"), end, heads)
    assert modifies_next(body, body.index("Harbour committee"), body.index(" committee"), heads)
    assert not modifies_next(body, 0, body.index(" Harbour"), heads)  # "former" then a name: no modifier


def test_a_piece_of_a_longer_name_is_no_entity_of_its_own() -> None:
    body = (
        "Harbour Safety Agency Director Orrin Sands spoke. Harbour Safety Adviser Ilsa Marrow spoke. "
        "Dunmore committee chairman Tobin Vask spoke to the Senate Dunmore Committee. Dunmore left."
    )

    def cluster(text: str, start: int) -> EntityCluster:
        found = EntityCluster(name_key(text))
        found.mentions.append(Mention(text, "organisation", "a", 0, start, start + len(text)))
        return found

    agency = cluster("Harbour Safety Agency", 0)
    safety = cluster("Harbour Safety", body.index("Harbour Safety Adviser"))
    committee = cluster("Senate Dunmore Committee", body.index("Senate Dunmore"))
    dunmore = cluster("Dunmore", body.index("Dunmore committee"))
    alone = cluster("Dunmore", body.index("Dunmore left"))
    clusters = [agency, safety, committee, dunmore]
    bodies = {"a": body}
    assert _name_piece(safety, clusters, bodies) and _name_piece(dunmore, clusters, bodies)
    assert not _name_piece(agency, clusters, bodies)  # its last word says what it is
    assert not _name_piece(alone, [agency, committee, alone], bodies)  # it stands alone once
    assert not _name_piece(safety, [safety], bodies)  # no longer name holds it
