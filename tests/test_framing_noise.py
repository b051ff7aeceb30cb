"""Framing noise on real BASIL text (issue 14 item 4): few items, each the outlet's own and on the right actor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.datasets import make_article

from manysides.compare.framing import framing
from manysides.records.report import Entity, FramingItem, Voice
from manysides.understand import analyse_many


def _items(datasets_dir: Path, year: str, name: str) -> list[FramingItem]:
    d = json.loads((datasets_dir / "basil" / "articles" / year / f"{name}.json").read_text(encoding="utf-8"))
    body = "\n\n".join(" ".join(p) for p in d["body-paragraphs"])
    (text,) = analyse_many([make_article(name, body, outlet=d["source"], published=d["date"])])
    return framing(text)


@pytest.fixture(scope="module")
def orlando(datasets_dir: Path) -> list[list[FramingItem]]:
    return [_items(datasets_dir, "2016", f"76810849-0335-4ad3-9eaf-f0d9c5baceb6_{n}") for n in (1, 3)]


def test_targets_are_what_the_word_describes(orlando: list[list[FramingItem]]) -> None:
    # "Obama, speaking from the White House on Sunday, said the nightclub massacre ..." and "... is another brutal
    # reminder": neither word describes the White House or Obama; "a 'major speech' in New Hampshire ... that would
    # address 'this terrorist attack'" is not about New Hampshire. No target beats the nearest name.
    items = [i for article in orlando for i in article]
    wrong = {("massacre", "White House"), ("brutal", "Obama"), ("terrorist", "New Hampshire")}
    assert {(i.text, i.target) for i in items} & wrong == set()
    assert any(i.text == "massacre" for i in items)  # still shown, without a made-up actor


def test_hedge_inside_a_quote_is_the_speakers(datasets_dir: Path) -> None:
    # Wenstrup's own "...God knows how bad that might have been" is his caution, not the outlet's hedge.
    items = _items(datasets_dir, "2017", "58f414e5-a122-49f5-819e-512d91069da5_1")
    assert not any(i.type == "hedge" and i.in_quote for i in items)
    assert not any(i.text == "might have" for i in items)


@pytest.mark.parametrize("name", ["47a209b0-fc26-4a0a-a1fe-e4310d1d2419_1", "47a209b0-fc26-4a0a-a1fe-e4310d1d2419_2"])
def test_a_quoted_term_is_not_a_scare_quote(datasets_dir: Path, name: str) -> None:
    # "60 \u201cyea\u201d votes", "The Senate\u2019s \u201ccloture\u201d rule": a term put before the noun it classifies
    # is named, not doubted.
    items = _items(datasets_dir, "2017", name)
    quoted = {i.text.strip('"\u201c\u201d') for i in items if i.type == "scare_quotes"}
    assert not quoted & {"yea", "cloture"}


def test_sentences_of_a_longer_quotation_are_not_scare_quotes() -> None:
    """Short sentences inside one quotation that crosses sentences ("I'm a sailor. I'm a father.") are her words."""
    body = (
        "Dana Quell spoke at the harbour on Monday.\n\n"
        "\u201cI\u2019m a sailor. I\u2019m a father. I\u2019m a voter,\u201d Quell said at Port Alden."
    )
    (text,) = analyse_many([make_article("quell-quotation", body, outlet="The Harbour Ledger")])
    assert [i.text for i in framing(text) if i.type == "scare_quotes"] == []


def test_the_title_of_a_work_is_not_a_scare_quote() -> None:
    """A capitalised title beside a noun for a work names the work; a lowercase word quoted to doubt it still counts."""
    body = (
        "The ministry released a video of Premier Ilsa Varn, scored like a spy drama such as \u201cSentinel\u201d, "
        "on Tuesday.\n\n"
        "Varn later praised the film \u201cHarbour\u201d at a gala in Port Alden.\n\n"
        "The \u201creform\u201d left 300 families in Port Alden without heating for a week."
    )
    (text,) = analyse_many([make_article("varn-titles", body, outlet="The Harbour Ledger")])
    quoted = {i.text.strip("\u201c\u201d") for i in framing(text) if i.type == "scare_quotes"}
    assert quoted == {"reform"}


def test_a_nationality_is_the_actor_only_of_the_framing_noun() -> None:
    """ "the Norwegian regime" is the Norwegian government's label; in "the controversial Norwegian museum" the word
    describes the museum, and in "the Republican nominee's boasts" the nominee, not a nationality or a party."""
    body = (
        "Critics in Tromsdal said on Monday that the controversial Norwegian museum should be built elsewhere.\n\n"
        "Anders Lyng said the Republican nominee\u2019s boasts did not match the county\u2019s accounts.\n\n"
        "The Norwegian regime denied the report from Tromsdal on Tuesday."
    )
    (text,) = analyse_many([make_article("tromsdal-targets", body, outlet="The Harbour Ledger")])
    targets = {i.text: i.target for i in framing(text) if i.type == "loaded_term"}
    assert targets.get("regime") == "Norwegian"
    assert targets.get("controversial") != "Norwegian" and targets.get("boasts") != "Republican"


def test_labels_describe_a_person_and_plain_adverbs_stay_out_of_a_phrase(datasets_dir: Path) -> None:
    """ "a fake bloody Donald Trump head" describes the head, and "other former" officials label nobody; "also
    lashed out" is the loaded phrase "lashed out", shown once for each time it is written."""
    griffin = [_items(datasets_dir, "2017", f"d16050b3-979f-4834-90db-b8823691b87e_{n}") for n in (2, 3)]
    labels = {i.text for article in griffin for i in article if i.type == "label"}
    assert labels & {"fake bloody", "other former", "official"} == set()
    assert "a onetime Trump campaign adviser" in labels
    body = (
        "Premier Ilsa Varn lashed out at the comedian on Tuesday. She also lashed out at the ferry board, calling it "
        "a disgrace."
    )
    (text,) = analyse_many([make_article("varn-phrases", body, outlet="The Harbour Ledger")])
    assert [i.text for i in framing(text) if "lashed" in i.text] == ["lashed out", "lashed out"]


def test_an_epithet_runs_past_a_nationality_to_the_name() -> None:
    """ "the foul-mouthed Norwegian ferry master Dana Quell": the words before the nationality describe the same
    person, hyphen-joined words included, so the label is the whole epithet; a nationality alone labels nobody."""
    body = (
        "The foul-mouthed Norwegian ferry master Dana Quell closed the harbour on Tuesday.\n\n"
        "The Norwegian minister Anders Lyng reopened it on Friday, said Anders Lyng."
    )
    (text,) = analyse_many([make_article("quell-epithet", body, outlet="The Harbour Ledger")])
    labels = [(i.text, i.target) for i in framing(text) if i.type == "label"]
    assert labels == [("foul-mouthed Norwegian ferry master", "Dana Quell")]


def test_a_named_speakers_paraphrase_is_the_speakers_and_critics_words_the_outlets() -> None:
    """ "Varn argued that ... a disastrous premier" is Varn's argument, kept as hers; "critics say the militant
    tactics ..." voices nobody named, so the outlet's own wording."""
    body = (
        "Premier Ilsa Varn argued on Monday that Anders Lyng would be a disastrous premier for Port Alden.\n\n"
        "Critics say the militant tactics at the harbour have left islanders paying the price."
    )
    (text,) = analyse_many([make_article("varn-paraphrase", body, outlet="The Harbour Ledger")])
    items = {i.text: i for i in framing(text) if i.type == "loaded_term"}
    assert items["disastrous"].speaker == "Ilsa Varn" and not items["disastrous"].in_quote
    assert items["militant"].speaker is None and not items["militant"].in_quote


def test_hedges_doubt_a_claim_and_the_writers_own_caution_is_no_item() -> None:
    """ "appears to" and "may have" are the writer's caution about a fact; "the claims" names what was said; "Lyng
    claims" keeps the outlet's distance from Lyng's claim."""
    body = (
        "The ferry appears to have left Port Alden late, and the storm may have damaged the pier.\n\n"
        "The union denied the claims on Tuesday.\n\n"
        "Anders Lyng claims that the crews were paid twice."
    )
    (text,) = analyse_many([make_article("lyng-hedges", body, outlet="The Harbour Ledger")])
    assert [i.text for i in framing(text) if i.type == "hedge"] == ["claims"]
    assert next(i for i in framing(text) if i.type == "hedge").sentence == 2


def test_a_persons_own_term_is_no_scare_quote() -> None:
    """ "what he called the 'drift'" quotes Lyng; "the 'reform' left ..." is the outlet's doubt."""
    body = (
        "Anders Lyng said he would fight what he called the \u201cdrift\u201d toward closing the harbour.\n\n"
        "The \u201creform\u201d left 300 families in Port Alden without heating for a week."
    )
    (text,) = analyse_many([make_article("lyng-drift", body, outlet="The Harbour Ledger")])
    assert [i.text.strip("\u201c\u201d") for i in framing(text) if i.type == "scare_quotes"] == ["reform"]


def test_a_quoted_word_said_of_someone_is_not_their_word() -> None:
    """ "it makes Ann Vale look 'crazy'": the word describes Vale, it is not hers (an editor's read found such a
    word credited to the person it was said of)."""
    body = (
        "Harbour blogs are crying foul over the cover, with some saying it makes Ann Vale look \u201ccrazy\u201d "
        "on the newsstand."
    )
    (text,) = analyse_many([make_article("vale-cover", body, outlet="The Harbour Ledger")])
    speakers = {i.text.strip("\u201c\u201d"): i.speaker for i in framing(text) if i.in_quote}
    assert speakers.get("crazy", "missing") is None


def test_a_report_lists_a_speakers_words_apart_from_the_outlets() -> None:
    """A quoted or paraphrased speaker's words are on their own line, never among the outlet's loaded terms."""
    from manysides.compare.engine import compare_texts
    from manysides.present.report_view import ReportView

    body = (
        "Premier Ilsa Varn argued on Monday that Anders Lyng would be a disastrous premier for Port Alden.\n\n"
        "Lyng lashed out at the ferry board on Tuesday."
    )
    texts = analyse_many([make_article("varn-view", body, outlet="The Harbour Ledger")])
    shown = ReportView.of(compare_texts(texts)).framing_by_article()["varn-view"]
    assert [s for s in shown["loaded_term"] if "disastrous" in s] == []
    assert any(s.startswith("lashed out") for s in shown["loaded_term"])
    assert any(s.startswith("disastrous") and "Ilsa Varn" in s for s in shown["speakers_word"])


def test_a_speakers_title_does_not_make_a_second_actor() -> None:
    from manysides.compare.engine import _canonical_targets, _entity_names

    names = _entity_names([Entity(name="Ann Vale", type="person", aliases=["Vale"], mentions={"a": 2})])
    items = [
        FramingItem(article="a", type="loaded_term", text="reckless", sentence=0, in_quote=True, speaker=speaker)
        for speaker in (
            "Sen. Ann Vale",
            "President Vale",
            "Vale",
            "Sen. Orrin Teague",
            "Senate Democrats",
            "Mr. Vale",
            "Sen. Ann Vale of Ohio",
            "Bank of Ohio",
        )
    ]
    speakers = [i.speaker for i in _canonical_targets(items, names)]
    assert speakers == [
        "Ann Vale",
        "Ann Vale",
        "Ann Vale",
        "Orrin Teague",
        "Senate Democrats",
        "Mr. Vale",
        "Ann Vale",
        "Bank of Ohio",
    ]


def test_a_bodys_short_name_and_its_full_name_are_one_voice() -> None:
    """ "The Harbour Gazette reported" and "the Gazette reported" in one article: one voice, counted twice."""
    from manysides.compare.engine import _canonical_voices, _entity_names

    names = _entity_names([Entity(name="Harbour Gazette", type="organisation", aliases=["Gazette"], mentions={"a": 2})])
    found = [Voice(article="a", speaker=s, quoted=0, paraphrased=1) for s in ("The Harbour Gazette", "the Gazette")]
    assert [(v.speaker, v.paraphrased) for v in _canonical_voices(found, names)] == [("The Harbour Gazette", 2)]


def test_a_phrase_is_listed_once_not_again_as_its_loaded_word(datasets_dir: Path) -> None:
    # Fox's "disputed a report ... as an "outrageous distortion"": the campaign's phrase, not also its "outrageous"
    # (the editor's read: the same item twice, in two outlets).
    items = _items(datasets_dir, "2010", "85475456-f38e-4c30-895d-ca2c819c6af1_2")
    texts = [i.text.lower() for i in items if i.sentence == 2]
    assert "outrageous distortion" in texts
    assert "outrageous" not in texts


def test_a_word_of_a_name_is_no_loaded_term(datasets_dir: Path) -> None:
    """ "said Representative Louise M. Slaughter of New York": a surname that is also a charged word is what she is
    called, not the outlet's word choice (the editor's read listed "Slaughter" as a loaded term)."""
    items = _items(datasets_dir, "2014", "ee05c9b3-529c-4268-ad72-19bd34f7197e_1")
    assert not [i for i in items if i.type == "loaded_term" and i.text == "Slaughter"]


def test_one_sentence_counts_once_for_its_speaker() -> None:
    """ "Pell said he had warned the council ..., adding that “...”": three cues, one quote of Pell's (the editor's
    multilingual read counted him "3 quoted" from one sentence). Fictional sentence."""
    from manysides.compare.framing import voices

    body = (
        "Opposition councillor Ivo Pell said he had warned the council in March that the pier supports were "
        "rusting, adding that \u201cnobody wanted to listen\u201d."
    )
    (text,) = analyse_many([make_article("pier", body, outlet="The Harbour Ledger")])
    assert len(text.sentences[0].attributions) > 1
    assert [(v.speaker, v.quoted, v.paraphrased) for v in voices(text)] == [("Ivo Pell", 1, 0)]


def test_a_name_qualifying_the_speakers_head_does_not_make_them_that_person() -> None:
    """ "Pell operatives in the spin room said ..." are not Pell: the head "operatives" (lemma "operative") is no
    name (the editor's read counted the operatives' paraphrase as Romney's voice). Fictional sentences."""
    from manysides.compare.framing import voices

    body = (
        "Ivo Pell debated Ada Venn on Thursday night.\n\n"
        "By contrast, Pell operatives in the spin room said Pell clearly won on substance."
    )
    (text,) = analyse_many([make_article("debate", body, outlet="The Harbour Ledger")])
    assert [v.speaker for v in voices(text)] == ["Pell operatives in the spin room"]
