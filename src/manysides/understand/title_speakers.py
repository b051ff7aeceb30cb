"""Speakers given by a title ("the governor said", "the attorney general", "The A.G.", "the Vermont senator", "the
California Democrat") credited to the one person the article names with that title, party or state ("Gov. Mike
Pence", "Sen. Ivo Pell (I-Vt.)"), so one voice is one cited source; two such people, or none: left as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from manysides.understand.entities import STATE_ABBREVIATIONS, known_countries
from manysides.understand.names import name_key

if TYPE_CHECKING:
    from manysides.understand.document import SentenceInfo
    from manysides.understand.entities import Mention
    from manysides.understand.quotes import Attribution


# A title a person is named with ("Gov. Mike Pence", "Attorney General Ann Vale") and the speaker phrase that stands
# for them later ("the governor said"). Keys are the phrase's title; values the forms written before a name.
_DATA = Path(__file__).parent / "data"
TITLES: dict[str, tuple[str, ...]] = {
    key: tuple(forms.split("|"))
    for key, forms in (
        line.split("\t")
        for line in (_DATA / "speaker_titles.tsv").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
}
TITLE_SPEAKER = re.compile(
    r"(?:the |his |her )?(?:former |then-|new |state's |city's )?(\w+)(?: himself| herself)?", re.I
)


def _title_before(before: list[str], forms: tuple[str, ...]) -> bool:
    """Whether the lower-case words before a name end with one of a title's forms ("attorney general") and no word
    that makes it another title stands before it ("Vice President", "Lt. Gov.")."""
    for form in forms:
        words = form.split()
        n = len(words)
        if before[-n:] == words and not (len(before) > n and before[-n - 1] in _RANKED):
            return True
    return False


def _titled_people(infos: list[SentenceInfo], body: str, mentions: list[Mention]) -> dict[str, set[str]]:
    """Title -> the full names of people the article names with that title right before the name, or in
    apposition right after it ("Mr. Patrick, the state's first black governor"). One whose title a nationality
    qualifies ("Russian President Vladimir Putin") or a country after the name ("President Vladimir Putin of Russia")
    counts only when no one holds the title plainly: "the president" beside "President Ann Vale" is Vale."""
    found: dict[str, set[str]] = {}
    qualified: dict[str, set[str]] = {}
    people = {name_key(m.text): m.text for m in mentions if m.type == "person" and not m.headline}
    for mention in mentions:
        if name_key(mention.text) not in people:
            continue
        before = body[max(0, mention.start - 40) : mention.start].lower().split()
        for key, forms in TITLES.items():
            if _title_before(before, forms):
                abroad = _nationality_before_title(infos, mention) or _country_after(body, mention.end)
                holders = qualified if abroad else found
                holders.setdefault(key, set()).add(people[name_key(mention.text)])
        # "Mr. Patrick, the state's first black governor,": the title in apposition after the name
        apposed = _APPOSED_TITLE.match(body, mention.end)
        if apposed is None:
            continue
        phrase = apposed.group(0).lower().split()
        for key in TITLES:
            if phrase[-len(key.split()) :] == key.split():
                found.setdefault(key, set()).add(people[name_key(mention.text)])
    return {key: found.get(key) or qualified[key] for key in found.keys() | qualified.keys()}


def _nationality_before_title(infos: list[SentenceInfo], mention: Mention) -> bool:
    """Whether a nationality stands right before the title before a name ("Russian President Vladimir Putin")."""
    if not 0 <= mention.sentence < len(infos):
        return False
    info = infos[mention.sentence]
    name = next((t for t in info.doc if t.idx == mention.start - info.start), None)
    return name is not None and name.i >= 2 and info.doc[name.i - 2].ent_type_ == "NORP"


_HOME = re.compile(r" of (?:the )?((?:[A-Z][\w.'\u2019-]*)(?: [A-Z][\w.'\u2019-]*){0,2})")


def _country_after(body: str, end: int) -> bool:
    """Whether a country other than the United States follows a name ("Vladimir Putin of Russia"); a US state
    does not qualify the title ("Gov. Mike Pence of Indiana")."""
    home = _HOME.match(body, end)
    words = home.group(1).split() if home else []
    places = (" ".join(words[:n]).rstrip(".") for n in range(len(words), 0, -1))  # "of Russia." ends a sentence
    place = next((p for p in places if p in known_countries()), None)
    return place is not None and place not in {"United States", "America"} and _state(place, exact=True) is None


# A word that makes the title after it another one: a vice president is not "the president".
_RANKED = frozenset({"vice", "vice-", "deputy", "assistant", "lieutenant", "lt.", "associate"})


_APPOSED_TITLE = re.compile(r",\s+the\s+(?:\S+\s+){0,4}?(\w+)(?=\s*[,.;:)]|\s+(?:who|of|and|since)\b)", re.IGNORECASE)

# What an article writes of a person's party and home state, so "the California Democrat" or "the Vermont
# senator" is the one person it names so: a party tag after the name ("Pelosi (D-Calif.)", "Romney, R-Utah,",
# "Ryan (Wis.)"), a home after it ("Sen. Ann Vale of Ohio"), words before it ("California Democratic Rep. Nancy
# Pelosi") or a description set beside it ("Nancy Pelosi, a California Democrat").
_PARTIES = {"democrat": "D", "democratic": "D", "republican": "R", "independent": "I"}
_PARTY_TAG = re.compile(r"\s?[(,]\s?([DRI])-\s?([A-Z][\w.]*(?: [A-Z][\w.]*)?)")
_STATE_TAG = re.compile(r" \(([A-Z][\w.]*(?: [A-Z][\w.]*)?)\)")
_HOME_AFTER = re.compile(r" of ([A-Z][\w.]*(?: [A-Z][\w.]*)?)")
_PARTY_APPOSED = re.compile(r",\s+(?:a|the)\s+((?:[A-Z][\w.]*\s+){0,2})(Democrat|Republican|[Ii]ndependent)\b")
# The capitalised words right before a name, a title's among them ("California Democratic Rep.", "U.S. Sen.").
_WORDS_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:[A-Z][\w.'\u2019-]*\s){1,5})$")
_INITIALISM = re.compile(r"(?:[A-Z]\.){2,4}")


@cache
def _states() -> dict[str, str]:
    """A US state's name, postal code or AP abbreviation -> its name."""
    rows = [line.split("\t") for line in (_DATA / "us_states.tsv").read_text(encoding="utf-8").splitlines()]
    names = {name: name for name, *_ in (r for r in rows if r[0] and not r[0].startswith("#"))}
    codes = {code: name for name, code in (r for r in rows if len(r) == 2 and not r[0].startswith("#"))}
    return {**names, **codes, **STATE_ABBREVIATIONS}


def _state(text: str, exact: bool = False) -> str | None:
    """The state words name: all of them ("New Jersey"); unless `exact`, else the first of a tag's ("Ohio" of
    "R-Ohio told", "Utah" of "R-Utah.")."""
    text = text.strip().rstrip(",")
    if exact:  # a name or an AP abbreviation, not a postal code ("IN", "OK"), which only a party tag writes
        return None if len(text) == 2 and text.isupper() else _states().get(text)
    first = text.split()[0] if text.split() else ""
    return _states().get(text) or _states().get(first) or _states().get(first.rstrip("."))


@dataclass
class _Marks:
    """What an article writes beside one person's name: party, home state, the capitalised words before it."""

    parties: set[str] = field(default_factory=set)
    states: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    runs: list[list[str]] = field(default_factory=list)


def _marks(body: str, mentions: list[Mention]) -> dict[str, _Marks]:
    """Surname -> what the article writes of that person's party, state and title; a surname two people of
    different given names share ("Paul Ryan", "Tim Ryan") is left out: its marks may be either's."""
    marks: dict[str, _Marks] = {}
    given: dict[str, set[tuple[str, ...]]] = {}
    for mention in mentions:
        words = name_key(mention.text).split()
        if mention.type != "person" or mention.headline or not words:
            continue
        surname = words[-1]
        if len(words) > 1:
            given.setdefault(surname, set()).add(tuple(words[:-1]))
        mark = marks.setdefault(surname, _Marks())
        after = body[mention.end : mention.end + 40]
        if tag := _PARTY_TAG.match(after):
            mark.parties.add(tag.group(1))
            mark.states.add(_state(tag.group(2)) or "?")
        elif (tag := _STATE_TAG.match(after)) and not tag.group(1).isupper() and _state(tag.group(1)):
            mark.states.add(_state(tag.group(1)) or "?")  # "Ryan (Wis.)", not "(AP)" nor a code alone
        if (home := _HOME_AFTER.match(after)) and _state(home.group(1)):
            mark.states.add(_state(home.group(1)) or "?")
        if apposed := _PARTY_APPOSED.match(body, mention.end):
            mark.parties.add(_PARTIES[apposed.group(2).lower()])
            if apposed.group(1).strip():
                mark.states.add(_state(apposed.group(1)) or "?")
        run = _WORDS_BEFORE.search(body, max(0, mention.start - 80), mention.start)
        before = run.group(1).split() if run else []
        if before:
            mark.runs.append(before)
            mark.words.update(w.lower() for w in before)
            mark.parties.update(_PARTIES[w.lower()] for w in before if w.lower() in _PARTIES)
            for n in (2, 1):
                spans = (" ".join(before[k : k + n]) for k in range(len(before) - n + 1))
                mark.states.update(s for span in spans if (s := _state(span, exact=True)))
    return {surname: mark for surname, mark in marks.items() if _one_given(given.get(surname, set()))}


def _one_given(names: set[tuple[str, ...]]) -> bool:
    """Whether the words before one surname name one person: any two spellings share a word or a word's start
    ("Ted" of "Lyin' Ted Cruz", "Chris" of "Christopher J. Dodd"); "Paul" and "Tim" Ryan share none."""
    same = lambda a, b: any(x.startswith(y) or y.startswith(x) for x in a for y in b)  # noqa: E731
    return all(same(a, b) for a in names for b in names)


def _described_title(speaker: str) -> tuple[str, list[str]] | None:
    """(title, the words qualifying it) of a speaker given as "the" and a title ("the attorney general": ("attorney
    general", []); "The Vermont senator": ("senator", ["Vermont"]); "The A.G.": ("A.G.", [])), or (party,
    state words) of "the California Democrat": ("D", ["California"]); None for another speaker."""
    words = speaker.strip().split()
    if words and words[-1].lower() in {"himself", "herself"}:
        words = words[:-1]
    if len(words) < 2 or words[0].lower() != "the":
        return None
    words = words[1:]
    if words[0].lower() == "new":  # "former" stays a qualifier: "the former senator" is not the one "Sen." now
        words = words[1:]
    for n in (3, 2, 1):
        if len(words) >= n and " ".join(words[-n:]).lower() in TITLES and len(words) - n <= 3:
            return " ".join(words[-n:]).lower(), words[:-n]
    if len(words) == 1 and _INITIALISM.fullmatch(words[0]):
        return words[0], []
    party = _PARTIES.get(words[-1].lower()) if words[-1][0].isupper() or words[-1] == "independent" else None
    if party and 1 <= len(words) - 1 <= 2 and _state(" ".join(words[:-1]), exact=True):
        return party, words[:-1]
    return None


def _qualifies(qualifiers: list[str], mark: _Marks) -> bool | None:
    """Whether the words before a title fit a person: True when each is written before their name or is their
    party or state; False when a party or state is another than theirs; None when it is not known."""
    if not qualifiers:
        return True
    words = [w for w in qualifiers if w.lower() not in _PARTIES]
    parties = {_PARTIES[w.lower()] for w in qualifiers if w.lower() in _PARTIES}
    state = _state(" ".join(words), exact=True) if words else None
    other_party = parties and mark.parties and not parties & mark.parties
    if other_party or (state and mark.states and state not in mark.states):
        return False
    party_known = not parties or bool(parties & mark.parties)
    words_known = (state in mark.states) if state else all(w.lower() in mark.words for w in words)
    return True if party_known and words_known else None


def _initials(mark: _Marks, letters: str) -> bool:
    """Whether a title of two or more words written before the person's name has these initials ("A.G." of
    "Attorney General Ann Vale", "Democratic Attorney General Ann Vale")."""
    forms = {form for forms in TITLES.values() for form in forms}
    for run in mark.runs:
        for k in range(len(run) - 1):
            title = run[k:]
            if " ".join(title).lower() not in forms and " ".join(title).lower() not in TITLES:
                continue
            if "".join(w[0] for w in title).upper() == letters.replace(".", ""):
                return True
    return False


def _one(names: set[str]) -> str | None:
    """The one person several spellings name ("Mike Pence", "Pence"), by surname; None for two people or none."""
    full = {n for n in names if not any(n != o and n in o for o in names)}
    if len({name_key(n).split()[-1] if name_key(n) else n for n in full}) == 1:
        return max(full, key=len)
    return None


def _described_person(
    speaker: str, titled: dict[str, set[str]], marks: dict[str, _Marks], names: dict[str, str]
) -> str | None:
    """The one person a qualified title, a title's initials or a party and state stand for ("the Vermont senator",
    "The A.G.", "the California Democrat"): every other holder of the title must be told apart by what the article
    writes of them; else None."""
    described = _described_title(speaker)
    if described is None:
        return None
    title, qualifiers = described
    if title in _PARTIES.values():  # "the California Democrat": the one person named of that party and state
        state = _state(" ".join(qualifiers), exact=True)
        fits = {s for s, m in marks.items() if title in m.parties and state in m.states}
        return names.get(next(iter(fits))) if len(fits) == 1 else None
    if title not in TITLES:  # "The A.G.": the one person named with a title of these initials
        fits = {s for s, m in marks.items() if _initials(m, title)}
        return names.get(next(iter(fits))) if len(fits) == 1 else None
    if not qualifiers:
        return _one(titled.get(title, set()))
    holders = {name_key(n).split()[-1]: n for n in titled.get(title, set()) if name_key(n)}
    verdicts = {s: _qualifies(qualifiers, marks.get(s, _Marks())) for s in holders}
    fits = [s for s, fit in verdicts.items() if fit]
    return holders[fits[0]] if len(fits) == 1 and None not in verdicts.values() else None


class TitleHolders:
    """The one person an article gives a title, for a phrase that is only the title ("the governor") or a title
    the article tells apart ("the Vermont senator", "The A.G.", "the California Democrat"): see
    `resolve_title_speakers`. Built once per article."""

    def __init__(self, infos: list[SentenceInfo], mentions: list[Mention], body: str) -> None:
        self.titled = _titled_people(infos, body, mentions)
        self.marks = _marks(body, mentions)
        self.names: dict[str, str] = {}
        for m in mentions:
            if m.type == "person" and not m.headline and name_key(m.text):
                surname = name_key(m.text).split()[-1]
                self.names[surname] = max(self.names.get(surname, m.text), m.text, key=len)

    def person(self, phrase: str, named: bool = False) -> str | None:
        """The one person the phrase stands for, or None. A phrase holding a name (`named`: "the Vermont senator")
        is read only as a title the article tells apart."""
        match = None if named else TITLE_SPEAKER.fullmatch(phrase.strip())
        person = _one(self.titled.get(match.group(1).lower(), set())) if match else None
        if person is None and phrase.split()[:1] in (["the"], ["The"]):
            person = _described_person(phrase, self.titled, self.marks, self.names)
        return person

    def recent_holder(self, attribution: Attribution, before: list[SentenceInfo]) -> str | None:
        """The holder of a title a bare title phrase gives ("the senator"), when the article gives it to several
        people and one of them is who the sentences just before credit: the title then goes on naming them
        ("Sen. Bob Menendez said ... . The Democratic senator added ..."). Nearest first."""
        described = None if attribution.named else _described_title(attribution.speaker)
        if described is None or described[0] not in TITLES:
            return None
        holders = {name_key(n).split()[-1]: n for n in self.titled.get(described[0], set()) if name_key(n)}
        for info in reversed(before):
            for a in info.attributions:
                surname = name_key(a.speaker).split()[-1:] if a.named else []
                if surname and surname[0] in holders:
                    return holders[surname[0]]
        return None


_RECENT = 2  # sentences back a title phrase looks for the holder credited there


def resolve_title_speakers(infos: list[SentenceInfo], mentions: list[Mention], body: str) -> TitleHolders:
    """ "the governor said" names no one, but an article that called one person "Gov. Mike Pence" means him: a
    speaker that is only a title takes the one person the article gives that title (two such people: the one the
    two sentences before credit, `TitleHolders.recent_holder`, else left as it is). Full names of one person ("Mike
    Pence", "Pence") count once. So do a title with its initials ("The A.G." after "Attorney General Ann Vale"),
    one qualified by a party, a state or the words written before the name ("the Vermont senator" after "Sen. Ivo
    Pell (I-Vt.)", "the House speaker" after "House Speaker Ann Vale") when the article tells every other holder
    apart, and a party and state ("the California Democrat") when it names one person so. Returns the article's
    title holders, for other phrases that are only a title."""
    holders = TitleHolders(infos, mentions, body)
    for k, info in enumerate(infos):
        changed = []
        for a in info.attributions:
            person = holders.person(a.speaker, a.named) or holders.recent_holder(a, infos[max(0, k - _RECENT) : k])
            if person:
                a = replace(a, speaker=person, head=person.split()[-1].lower(), named=True, head_type="PERSON")
            changed.append(a)
        info.attributions = changed
    return holders
