"""Named entities merged across articles and spellings, with aliases and per-article mention counts.

Mentions are keyed by `names.name_key`; a one-word person mention ("Sharaa") joins the one full name that ends
with it ("Ahmad al-Sharaa"), so surnames, transliterations and diacritics all land on one entity.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache, lru_cache
from pathlib import Path

from unidecode import unidecode

from manysides.understand.gazetteer import head_type, known_places
from manysides.understand.names import (
    first_name_sex,
    formal_first_name,
    formal_given_name,
    given_name_sex,
    name_key,
    word_key,
)

NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})  # "Jr.", "III": not a surname
_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "miss", "mr", "mrs", "ms", "dr.", "dr"})  # titles anyone may bear
_HONORIFIC_SEX = {"mr.": "he", "mr": "he", "mrs.": "she", "mrs": "she", "ms.": "she", "ms": "she", "miss": "she"}
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")

ENTITY_TYPES = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organisation"}
# The parser's labels for a place; it tells one place's kinds apart unsurely ("Parris Island").
PLACE_LABELS = frozenset(label for label, kind in ENTITY_TYPES.items() if kind == "place")
# AP-style abbreviations of US states, as datelines and party tags write them ("Newtown, Conn."): one place each.
STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip
US_STATES = frozenset({*STATE_ABBREVIATIONS, *STATE_ABBREVIATIONS.values()})


_DATA = Path(__file__).parent / "data"
# People a known place needs to outweigh the parser's "organisation" with no other evidence: "Benghazi", "Lincoln"
# are places, "Princeton" (a university) is left as typed.
LARGE_PLACE = 100_000


@cache
def known_organisations() -> frozenset[str]:
    """Well-known outlets, agencies, platforms and international bodies (`data/organisations.txt`)."""
    lines = (_DATA / "organisations.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def known_countries() -> frozenset[str]:
    """English names of countries and territories from the CLDR data that Babel ships (installed with trafilatura's
    courlan); empty when Babel is absent, so types then come from the parser alone."""
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel comes with trafilatura
        return frozenset()
    names = {name for code, name in Locale("en").territories.items() if code.isalpha() and len(code) == 2}
    return frozenset(names | {name.replace(" & ", " and ") for name in names} | set(STATE_ABBREVIATIONS.values()))


@dataclass(frozen=True)
class Mention:
    """One entity mention: surface text, type, article, sentence index and span in the body."""

    text: str
    type: str
    article: str
    sentence: int
    start: int
    end: int
    headline: bool = False  # found in a title-case heading line, where the parser misreads capitalised words
    matched: str = ""  # the other language's spelling a name in another script met ("يوسف الحداد": "Youssef al-Haddad")
    # What the text says of its type: "person" ("Mr. Fox"), "speaker" ("Fox said"), "place" ("Hope, Ark."),
    # "locative" (a place if the name is one: "protests in Florissant"), "known" (found by its name alone).
    evidence: str = ""
    title: str = ""  # the title written right before it, lower case ("president", "mr."), or ""

    @property
    def spelling(self) -> str:
        """The spelling the mention keys and compares by."""
        return self.matched or self.text

    @property
    def key(self) -> str:
        return name_key(STATE_ABBREVIATIONS.get(self.spelling, self.spelling))


@dataclass
class EntityCluster:
    """Mentions of one real entity, whatever their spelling."""

    key: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The most frequent of the longest spellings: the full name rather than a surname."""
        counts = Counter(m.text for m in self.mentions if not m.matched) or Counter(m.text for m in self.mentions)
        return max(counts, key=lambda text: (len(_core_key(text).split()), counts[text], len(text)))

    @property
    def type(self) -> str:
        """A well-known country or organisation's own type; else the type most mentions give, full names weighing
        more than a lone word spaCy may have misread (the small model types "Twitter" a person)."""
        spellings = {m.text for m in self.mentions}
        evidence = {m.evidence for m in self.mentions} - {""}
        said = any(m.type == "person" for m in self.mentions) or evidence & {"person", "speaker"}
        headed = len(self.name.split()) > 2 and head_type(self.name)  # "Clinton White House" is no person
        if said and any(_given_full_name(s) for s in spellings) and not headed:
            return "person"  # "Michael Bloomberg", whom spaCy also types by his company's name, is a person
        if {s.replace(".", "") for s in spellings} & known_organisations():  # "F.B.I." is the FBI
            return "organisation"
        if spellings & known_countries() and not all(m.evidence == "person" for m in self.mentions):
            return "place"  # but "President Washington", each time with a title, is the man
        told = evidence & {"person", "place", "organisation"}
        if len(told) == 1:  # "Mr. Weiner"; "Hope, Ark."; "the law firm Patton Boggs", whatever the parser said
            return next(iter(told))
        kind = "" if "person" in evidence else self._kind_by_name(spellings, evidence)
        if kind and not (kind == "place" and "speaker" in evidence):  # a speaker is a person or a body
            return kind
        votes: Counter[str] = Counter()
        for m in self.mentions:
            votes[m.type] += len(m.key.split())
        voted = votes.most_common(1)[0][0]
        if voted == "place" and "speaker" in evidence and not any(s in known_places() for s in spellings):
            return "organisation"  # "Spotify said": a speaker no place is known by is a body, not a place
        return voted

    def _kind_by_name(self, spellings: set[str], evidence: set[str]) -> str:
        """The type the name itself says, for an entity nothing in the text calls a person: its last word
        ("Caldmark Ferries", "Capitol Hill"; not "Anita Hill", a given name and a surname), or a known place the
        parser typed an organisation ("Benghazi", a large place) or that the text puts a place ("in Florissant")."""
        name = self.name
        head = head_type(name)
        if head and not (len(name.split()) == 2 and _given_full_name(name)):
            return head
        places = known_places()
        size = max((places.get(s, 0) for s in spellings), default=0)
        unlike_a_person = size >= LARGE_PLACE and all(m.type != "person" for m in self.mentions)
        if size and ("locative" in evidence or unlike_a_person):
            return "place"
        return ""

    @property
    def aliases(self) -> list[str]:
        name = self.name
        return sorted({m.text for m in self.mentions} - {name})

    def counts(self) -> dict[str, int]:
        return dict(Counter(m.article for m in self.mentions))


def _given_full_name(text: str) -> bool:
    """A person's full name by its form: two to four capitalised words, the first a given name one sex bears far
    more often (`names.first_name_sex`: "Anthony Weiner", "Michael Bloomberg"), and not itself a country or a
    known organisation."""
    words = text.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or first_name_sex(text) is None:
        return False
    return text not in known_countries() | known_organisations()


def clean_name(text: str) -> str:
    """Surface form without a leading article or trailing possessive, nor an editor's brackets: "[special
    prosecutor Robert] Mueller" names Robert Mueller, and a bracket is never part of a name."""
    if "[" in text or "]" in text:
        text = " ".join(text.replace("[", " ").replace("]", " ").split())
    text = text.strip(" \"'\u201c\u201d\u2018\u2019")
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :].lstrip("\"'\u201c\u2018")
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def _core_key(text: str) -> str:
    """A name's key without initials or suffixes, its first name folded to the formal form.

    "Donald J. Trump" and "Donald Trump" meet; so do "Mike Bloomberg" and "Michael R. Bloomberg", and
    "Joseph R. Biden Jr." and "Joe Biden".
    """
    words = [w for w in _NAME_WORD.findall(text) if len(w) > 1 and w.lower() not in NAME_SUFFIXES]
    if len(words) >= 2:
        words[0] = formal_given_name(words[0]) or words[0]
    return name_key(" ".join(words))


_JOINING = frozenset({"of", "and", "for", "the", "on", "in"})  # words a body's name joins its words with


def acronym(text: str) -> str:
    """Initials of a multi-word name's capitalised words: "National Rifle Association" -> "NRA"."""
    words = [w for w in _NAME_WORD.findall(text) if w.lower() not in _JOINING]
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) >= 2 else ""


_ARTICLE_PREFIX = re.compile(r"\b(?:al|el|ad|ash|as|at|az|ar|an)-", re.IGNORECASE)
# Spellings of one name whose consonant keys agree must also read alike: "Ahmed"/"Ahmad" (0.8) and
# "Turkey"/"Turkiye" (0.77) do, "Saar"/"Syria" (0.44), both "sr", do not.
SIMILAR_SPELLING = 0.6


def similar_spelling(a: str, b: str) -> bool:
    """Whether two spellings whose name keys agree are one name in two transliterations, not two names whose
    consonant skeletons collide."""
    sexes = {given_name_sex(a.split()[0]), given_name_sex(b.split()[0])} if a.strip() and b.strip() else set()
    if len(sexes) == 2 and None not in sexes:
        return False  # "Michelle" / "Michael": given names of the two sexes are two people, not two spellings
    full_a, full_b = (STATE_ABBREVIATIONS.get(t, t) for t in (a, b))
    plain_a, plain_b = (_ARTICLE_PREFIX.sub("", unidecode(t).lower()) for t in (full_a, full_b))
    return SequenceMatcher(None, plain_a, plain_b).ratio() >= SIMILAR_SPELLING


def _split_spellings(cluster: EntityCluster) -> list[EntityCluster]:
    """A key's mentions grouped by spellings that read alike; the largest group keeps the key, the others get the
    key with their spelling appended, so they can neither take its place nor join names by it."""
    groups: list[list[Mention]] = []
    for mention in cluster.mentions:
        group = next((g for g in groups if any(similar_spelling(mention.spelling, m.spelling) for m in g)), None)
        if group is None:
            groups.append([mention])
        else:
            group.append(mention)
    if len(groups) == 1:
        return [cluster]
    groups.sort(key=len, reverse=True)
    return [EntityCluster(cluster.key, groups[0])] + [
        EntityCluster(f"{cluster.key}|{name_key(g[0].text.lower())}{k}", g) for k, g in enumerate(groups[1:])
    ]


def _merge_into(by_key: dict[str, EntityCluster], target: str, source: str) -> None:
    if target != source and source in by_key and target in by_key:
        by_key[target].mentions.extend(by_key.pop(source).mentions)


def _people(by_key: dict[str, EntityCluster]) -> list[str]:
    """Keys of multi-word person names, longest first."""
    found = [k for k, c in by_key.items() if len(k.split()) > 1 and c.type == "person"]
    return sorted(found, key=lambda k: (-len(k), k))


def _has_suffix(text: str) -> bool:
    return any(w.lower() in NAME_SUFFIXES for w in _NAME_WORD.findall(text))


def known_by_suffix(text: str) -> bool:
    """Whether a name carries a generational suffix as part of how its bearer is called: "Donald Trump Jr.", not
    the formal "Joseph R. Biden Jr." (a middle initial marks the formal form, which news writes on first mention
    of a man otherwise named without the suffix). Such a name and the same name without it are father and son."""
    return _has_suffix(text) and not any(len(w) == 1 for w in _NAME_WORD.findall(text))


def _type_kin(by_key: dict[str, EntityCluster]) -> None:
    """A full name with a known given name and the surname of a person the story names is a person too, whatever
    the parser typed it ("Karen Pence" beside "Mike Pence", typed an organisation)."""
    surnames = {k.split()[-1] for k in _people(by_key)}
    for cluster in by_key.values():
        words = cluster.key.split()
        if cluster.type != "person" and len(words) > 1 and words[-1] in surnames and _given_full_name(cluster.name):
            cluster.mentions = [replace(m, evidence="person") for m in cluster.mentions]


def _merge_full_names(by_key: dict[str, EntityCluster]) -> None:
    """Full names that differ by initials, suffixes or nicknames; then a shorter full name inside exactly one
    longer one with the same surname ("Todd Jones" in "Byron Todd Jones"). A name known by its suffix stays
    apart from the same name without one."""
    cores: dict[tuple[str, bool], str] = {}
    spelled = {k: by_key[k].mentions[0].text for k in _people(by_key)}
    known = {_core_key(text) for text in spelled.values() if known_by_suffix(text)}
    for key in _people(by_key):
        text = by_key[key].mentions[0].text
        # "Jesse L. Jackson Jr." in the formal style is the "Jesse Jackson Jr." the story knows by his suffix, not
        # the father "Jesse Jackson"
        core = (_core_key(text), known_by_suffix(text) or (_core_key(text) in known and _has_suffix(text)))
        if core in cores:
            _merge_into(by_key, cores[core], key)
        else:
            cores[core] = key
    people = _people(by_key)
    words = {k: _core_key(by_key[k].mentions[0].text).split() for k in people}
    kin = _kin_in_one_article(by_key, people, words)
    for key in reversed(people):
        mine = words[key]
        suffixed = known_by_suffix(by_key[key].mentions[0].text) if key in by_key else False
        larger = [
            k
            for k in people
            if k != key
            and k in by_key
            and mine
            and set(mine) < set(words[k])
            and words[k][-1] == mine[-1]
            and (not suffixed or known_by_suffix(by_key[k].mentions[0].text))  # "Trump Jr.": the son, not Donald
        ]
        if len(larger) == 1 and not (mine[0] != words[larger[0]][0] and kin[key] & {words[larger[0]][0]}):
            _merge_into(by_key, larger[0], key)
    _merge_leading_names(by_key)


def _merge_leading_names(by_key: dict[str, EntityCluster]) -> None:
    """A full name that is the first words of exactly one longer one joins it: "Enrique Pena" (the parser cut
    "Enrique Pena Nieto" short) is "Enrique Peña Nieto", whose family name has two words. A name known by its
    suffix stays apart ("Donald Trump Jr.")."""
    people = _people(by_key)
    words = {k: _core_key(by_key[k].mentions[0].text).split() for k in people}
    for key in reversed(people):
        mine = words[key]
        if len(mine) < 2:
            continue
        longer = [k for k in people if k in by_key and len(words[k]) > len(mine) and words[k][: len(mine)] == mine]
        suffixed = any(known_by_suffix(by_key[k].mentions[0].text) for k in (key, *longer[:1]))
        if len(longer) == 1 and not suffixed:
            _merge_into(by_key, longer[0], key)


def _kin_in_one_article(
    by_key: dict[str, EntityCluster], people: list[str], words: dict[str, list[str]]
) -> dict[str, set[str]]:
    """Per full name, the first words of the other full names of its surname that one of its articles also gives,
    other than longer forms of it. One article naming "Omar Mateen" and "Seddique Mateen" names a son and his
    father, so the father does not join "Omar Mir Seddique Mateen" as "Todd Jones" joins "Byron Todd Jones"."""
    articles = {k: set(by_key[k].counts()) for k in people}
    return {
        key: {
            words[other][0]
            for other in people
            if other != key
            and words[other]
            and words[key]
            and words[other][-1] == words[key][-1]
            and not set(words[key]) <= set(words[other])
            and articles[key] & articles[other]
        }
        for key in people
    }


def _merge_acronyms(by_key: dict[str, EntityCluster]) -> None:
    """An all-capitals name joins the one organisation or place it abbreviates ("NRA", "National Rifle
    Association"; "U.S.", "United States")."""
    expansions: dict[str, list[str]] = defaultdict(list)
    for key, cluster in by_key.items():
        if len(key.split()) > 1 and cluster.type in {"organisation", "place"}:  # "U.S.": "United States"
            expansions[acronym(cluster.name)].append(key)
    for key in [k for k, c in by_key.items() if len(k.split()) == 1]:
        text = by_key[key].mentions[0].text.replace(".", "")  # "N.R.A." abbreviates as "NRA" does
        if text.isupper() and len(text) >= 2 and len(expansions.get(text, [])) == 1:
            _merge_into(by_key, expansions[text][0], key)


def _merge_short_forms(by_key: dict[str, EntityCluster]) -> None:
    """An organisation named by the first three or more words of exactly one longer organisation joins it
    ("Centers for Disease Control" / "Centers for Disease Control and Prevention")."""
    orgs = sorted((k for k, c in by_key.items() if c.type == "organisation"), key=lambda k: (len(k), k))
    for key in orgs:
        words = key.split()
        longer = [k for k in orgs if k in by_key and len(k.split()) > len(words) and k.split()[: len(words)] == words]
        if len(words) >= 3 and len(longer) == 1:
            _merge_into(by_key, longer[0], key)


def _worded_alike(cluster: EntityCluster) -> tuple[tuple[str, ...], bool]:
    """An organisation's words but joining ones, in any order and without a plural "s", and whether its head noun
    is plural: "House Committee on Oversight and Government Reform" and "House Oversight and Government Reform
    Committee" read alike, as do "Federal Elections Commission" and "Federal Election Commission"; "Intelligence
    Committees" are several committees, not one."""
    return _words_alike(cluster.name)


def _words_alike(name: str) -> tuple[tuple[str, ...], bool]:
    """`_worded_alike` of a name as written."""
    written = _NAME_WORD.findall(name)
    joint = next((k for k, w in enumerate(written) if k and w.lower() in _JOINING - {"and", "the"}), len(written))
    head = written[joint - 1] if written else ""  # "Committee" of "Committee on Oversight", "Funds" of "Trust Funds"
    words = [word_key(w) for w in written if w.lower() not in _JOINING]
    folded = sorted(w[:-1] if len(w) > 2 and w.endswith("s") else w for w in words if w)
    return tuple(folded), head.lower().endswith("s") and not head.lower().endswith("ss")


def _merge_reworded(by_key: dict[str, EntityCluster]) -> None:
    """Organisations of two or more words named with the same words in another order or number join."""
    seen: dict[tuple[tuple[str, ...], bool], str] = {}
    orgs = sorted((k for k, c in by_key.items() if c.type == "organisation" and len(k.split()) >= 2), key=len)
    for key in orgs:
        alike = _worded_alike(by_key[key])
        if alike in seen:
            _merge_into(by_key, seen[alike], key)
        else:
            seen[alike] = key


def _merge_national(by_key: dict[str, EntityCluster]) -> None:
    """A body named with its country first joins the one body the story names without it ("U.S. Fish and Wildlife
    Service" / "Fish & Wildlife Service"): the country is the writer's gloss, not another agency. The country is a
    known country, as the story spells it ("U.S."); not a town ("Richmond Tea Party" is a local group of the Tea
    Party). Two bodies the bare name could be leave both as they are."""
    countries = known_countries()
    named = [{m.text for m in c.mentions} for c in by_key.values() if c.type == "place"]
    places = {text for spellings in named if spellings & countries for text in spellings} | countries
    initialled = {acronym(c) for c in countries}
    orgs = [k for k, c in by_key.items() if c.type == "organisation" and len(k.split()) >= 2]
    for key in orgs:
        name = by_key[key].name if key in by_key else ""
        first = name.split()[0] if name.split() else ""
        initials = first.replace(".", "")
        country = next((p for p in places if name.startswith(p + " ")), None)
        if country is None and initials.isupper() and initials in initialled:
            country = first  # "U.S. Navy": a country's initials
        if country is None or len(_NAME_WORD.findall(name[len(country) :])) < 2:
            continue
        bare = _words_alike(name[len(country) :])
        alike = [k for k in orgs if k != key and k in by_key and _worded_alike(by_key[k]) == bare]
        if len(alike) == 1:
            _merge_into(by_key, key, alike[0])


@cache
def lone_heads() -> frozenset[str]:
    """Words that end bodies' names and standing alone name none of them ("Committee", "Times")."""
    lines = (_DATA / "lone_heads.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _merge_lone_heads(by_key: dict[str, EntityCluster]) -> None:
    """A body's last word standing alone ("the Committee", "the Times") joins the one longer name of the story
    that ends with it ("New York Times"); with none or several ("House Intelligence Committee" and "Senate
    Judiciary Committee") it names nothing the list can show, and is dropped. "House" is not such a word: alone it
    is the House of Representatives, not the "White House"."""
    heads = lone_heads()
    lone = [k for k, c in by_key.items() if c.type != "person" and all(m.text.strip(".,") in heads for m in c.mentions)]
    for key in lone:
        word = by_key[key].mentions[0].text.strip(".,")
        longer = [
            k
            for k, c in by_key.items()
            if k not in lone and c.type != "person" and any(_ends_with(m.text, word) for m in c.mentions)
        ]
        if len(longer) == 1:
            _merge_into(by_key, longer[0], key)
        else:
            del by_key[key]


def _ends_with(text: str, word: str) -> bool:
    words = text.split()
    return len(words) > 1 and words[-1].strip(".,") == word


def _ends_alike(lone: EntityCluster, full: EntityCluster) -> bool:
    """Whether a lone word is spelled like the last word of a full name ("Saar" and "Gideon Saar", not "Syria")."""
    word = lone.mentions[0].text
    return any(similar_spelling(word, last) for last in _surnames(full))


def _surnames(full: EntityCluster) -> set[str]:
    """The last words of a cluster's full names, suffixes left out ("Mueller" of "Robert S. Mueller III")."""
    found = set()
    for mention in full.mentions:
        words = [w for w in mention.text.split() if w.lower().strip(".,") not in NAME_SUFFIXES]
        if len(words) > 1:
            found.add(words[-1].strip(","))
    return found


def _merge_lone_names(by_key: dict[str, EntityCluster]) -> None:
    """A lone surname joins the one full name ending with it, whatever spaCy typed it as ("Bachmann" as an
    organisation); a lone first name joins only where the same article gives the full name."""
    last: dict[str, list[str]] = defaultdict(list)
    first: dict[str, list[str]] = defaultdict(list)
    for key in _people(by_key):
        words = _core_key(by_key[key].mentions[0].text).split() or key.split()
        first[words[0]].append(key)
        # every full spelling's last word: "Enrique Pena", cut short, still gives "Peña Nieto" his "Peña"
        spelled = (_core_key(m.text).split() for m in by_key[key].mentions)
        for end in {words[-1]} | {w[-1] for w in spelled if len(w) > 1}:
            last[end].append(key)
    for key in [k for k in by_key if len(k.split()) == 1]:
        ends = last.get(key.split("|")[0], [])
        honoured = _honoured_to_first_named(by_key, key, ends) if len(ends) > 1 else []
        if key in by_key:
            _place_lone_name(by_key, key, ends, first, last)
        _give(by_key, honoured)


def _place_lone_name(
    by_key: dict[str, EntityCluster], key: str, ends: list[str], first: dict[str, list[str]], last: dict[str, list[str]]
) -> None:
    """One lone name's mentions to the full names `ends` (those ending with it), or by its given name to the one
    full name it opens (`first`), as `_merge_lone_names` says."""
    cluster = by_key[key]
    formal = name_key(formal_given_name(cluster.mentions[0].text) or "") or key  # "Joe" -> "Joseph"
    plain = [k for k in ends if not known_by_suffix(by_key[k].mentions[0].text)]
    if plain and len(ends) > 1:
        _to_the_one_named(by_key, key, [k for k in ends if k not in plain])
        if key not in by_key:
            return
        ends = plain  # "Trump" beside "Donald Trump" and "Donald Trump Jr." is the one the son is named after
    ends = [k for k in ends if _ends_alike(cluster, by_key[k])]
    exact = [k for k in ends if _same_surname(cluster, by_key[k])]
    ends = exact or ends  # "Barr" is William Barr's, not Richard Burr's (one key, "br")
    if len(ends) == 1:
        _hand_out(by_key, key, lambda article, own: ends[0])
    elif len(ends) > 1:
        _share_lone_name(by_key, key, ends)
    elif len(first.get(formal, [])) == 1 and _may_be_a_person(cluster) and not last.get(key):
        target = first[formal][0]
        if set(cluster.counts()) <= set(by_key[target].counts()):
            _merge_into(by_key, target, key)


def _full_name_sex(cluster: EntityCluster) -> str | None:
    """ "he" or "she" for a full name by its given name, or its bearer's honorific, or a generational suffix."""
    sexes = {first_name_sex(m.text) or _HONORIFIC_SEX.get(m.title) for m in cluster.mentions} - {None}
    if not sexes and any(_has_suffix(m.text) for m in cluster.mentions):
        sexes = {"he"}
    return next(iter(sexes)) if len(sexes) == 1 else None


def _honoured_to_first_named(by_key: dict[str, EntityCluster], key: str, ends: list[str]) -> list[tuple[str, Mention]]:
    """A lone surname written with an honorific of one sex ("Mr. Jackson") is, article by article, the full name
    of that surname and sex the article gives first, when nothing before that full name already held the surname
    (a lone "President Trump", or a full name whose sex is not known): news names its subject by the surname alone
    and anyone else who shares it in full ("the Rev. Jesse Jackson", "Sandra Jackson"). Such mentions leave the
    lone name now and are given last (`_give`), so they do not make a full name look like the story's dominant
    bearer of the surname to the rules that place the other mentions."""
    lone = by_key[key]
    sexes = {k: _full_name_sex(by_key[k]) for k in ends if _same_surname(lone, by_key[k])}
    moves, kept = [], []
    for mention in lone.mentions:
        holder = _first_holder(by_key, lone, sexes, mention)
        if holder is None:
            kept.append(mention)
        else:
            moves.append((holder, mention))
    if kept:
        lone.mentions = kept
    else:
        del by_key[key]
    return moves


def _first_holder(
    by_key: dict[str, EntityCluster], lone: EntityCluster, sexes: dict[str, str | None], mention: Mention
) -> str | None:
    """The full name an honorific surname mention stands for under `_honoured_to_first_named`, or None."""
    sex = _HONORIFIC_SEX.get(mention.title)
    if sex is None:
        return None
    article = mention.article
    firsts = {
        k: min(m.start for m in by_key[k].mentions if m.article == article)
        for k in sexes
        if article in by_key[k].counts()
    }
    same = [k for k in firsts if sexes[k] == sex]
    if not same:
        return None
    holder = min(same, key=lambda k: firsts[k])
    start = firsts[holder]
    unsure = any(sexes[k] is None and firsts[k] < start for k in firsts)
    taken = any(m.article == article and m.start < start and _HONORIFIC_SEX.get(m.title) != sex for m in lone.mentions)
    return holder if start < mention.start and not unsure and not taken else None


def _give(by_key: dict[str, EntityCluster], moves: list[tuple[str, Mention]]) -> None:
    for target, mention in moves:
        by_key[target].mentions.append(mention)


def _to_the_one_named(by_key: dict[str, EntityCluster], key: str, suffixed: list[str]) -> None:
    """A lone surname's mentions in an article whose only full name of that surname is one known by its suffix
    go to that name: where a report names "Donald Trump Jr." and never his father, its "Mr. Trump" is the son.
    Not where the article gives the surname a title other than an honorific ("President Trump"), nor where the
    surname comes before the son is named."""
    ends = [k for k in by_key if key.split("|")[0] in _core_key(by_key[k].mentions[0].text).split()[-1:]]

    def son(article: str, own: list[Mention]) -> str | None:
        named = [k for k in ends if article in by_key[k].counts() and len(k.split()) > 1]
        if len(named) != 1 or named[0] not in suffixed:
            return None
        titled = any(m.title and m.title not in _HONORIFICS for m in own)  # "President Trump": the father is named
        first = min(m.sentence for m in by_key[named[0]].mentions if m.article == article)
        after = all(m.sentence > first for m in own)  # the surname stands for the son once he is named, not before
        return named[0] if after and not titled else None

    _hand_out(by_key, key, son)


def _hand_out(by_key: dict[str, EntityCluster], key: str, owner: Callable[[str, list[Mention]], str | None]) -> None:
    """A lone name's mentions, article by article, to the cluster `owner` names for them (article id, its
    mentions); the rest stay with the lone name, which goes when none is left."""
    lone = by_key[key]
    kept = []
    for article in lone.counts():
        own = [m for m in lone.mentions if m.article == article]
        target = owner(article, own)
        if target is None:
            kept.extend(own)
            continue
        sex = _full_name_sex(by_key[target])
        for mention in own:  # "Mrs. Trump" is never Donald Trump's, whatever else his surname stands for
            other_sex = sex and _HONORIFIC_SEX.get(mention.title, sex) != sex
            (kept if other_sex else by_key[target].mentions).append(mention)
    if kept:
        lone.mentions = kept
    else:
        del by_key[key]


def _same_surname(lone: EntityCluster, full: EntityCluster) -> bool:
    """Whether a lone word is written as the last word of a full name, letter for letter but for case and
    accents."""
    word = unidecode(lone.mentions[0].text).lower()
    return any(unidecode(last).lower() == word for last in _surnames(full))


DOMINANT = 3  # a full name mentioned this many times as often as each other one of its surname takes the surname


def _share_lone_name(by_key: dict[str, EntityCluster], key: str, ends: list[str]) -> None:
    """A surname that several full names of the story end with ("Moore": "Roy Moore" and his wife "Kayla Moore")
    goes to the one the story names most: in every article when the story names it `DOMINANT` times as often as
    each other; else in the articles that give that full name and no other of the surname. The rest stay apart: an
    article that names "Ivanka Trump" alone may still mean her father by "Trump"."""
    sizes = {k: len(by_key[k].mentions) for k in ends}
    top = max(ends, key=lambda k: (sizes[k], k))
    dominant = all(sizes[top] >= DOMINANT * sizes[k] for k in ends if k != top)

    def most_named(article: str, own: list[Mention]) -> str | None:
        named = [k for k in ends if article in by_key[k].counts()]
        return top if dominant or named == [top] else None

    _hand_out(by_key, key, most_named)


def _may_be_a_person(cluster: EntityCluster) -> bool:
    """A lone word typed a person, or typed otherwise but no country, state, known organisation or abbreviation:
    the small parser types given names its training never saw as places ("Malia" beside "Malia Obama"), but "RNC"
    is no "Reince"."""
    spellings = {m.text for m in cluster.mentions}
    if all(text.isupper() and len(text) > 1 for text in spellings):
        return False
    return cluster.type == "person" or not (spellings & (known_countries() | known_organisations()))


def _merge_described_people(by_key: dict[str, EntityCluster]) -> None:
    """A name the parser took with a word or two before it ("Republican Sharron Angle", typed an organisation)
    joins the person it ends with, when that person is named on its own in the story; the mentions keep just
    the name ("Sharron Angle"), so the descriptor neither names nor types the person."""
    people = _people(by_key)
    for key in [k for k, c in by_key.items() if c.type != "person" and len(k.split()) > 2]:
        words = key.split()
        ends = [p for p in people if words[-len(p.split()) :] == p.split() and len(words) - len(p.split()) <= 2]
        if len(ends) == 1:
            size = len(ends[0].split())
            by_key[ends[0]].mentions.extend(
                replace(m, text=" ".join(m.text.split()[-size:]), type="person") for m in by_key.pop(key).mentions
            )


def _without_headline_only(by_key: dict[str, EntityCluster]) -> None:
    """Drop names seen only in one article's title-case heading ("Obama Willing", "Use Executive Orders")."""
    for key in [k for k, c in by_key.items() if all(m.headline for m in c.mentions) and len(c.counts()) == 1]:
        del by_key[key]


def _lower_case_only(text: str) -> bool:
    """A span in a cased script with no capital letter ("al" of "et al.", "n't"): no name the parser should have
    found. Scripts without case (Arabic, Hebrew) are never this."""
    return any(c.islower() for c in text) and not any(c.isupper() for c in text)


def merge_mentions(mentions: list[Mention]) -> list[EntityCluster]:
    """Clusters of mentions that name one entity, most mentioned first.

    Same key first (spellings, state abbreviations); then full names that differ by initials, suffixes or
    nicknames; acronyms and short forms with their organisation; lone surnames and first names with the one full
    name they can belong to; names with a descriptor glued on with their person. Names only a heading line gave
    are dropped.
    """
    by_key: dict[str, EntityCluster] = {}
    for mention in mentions:
        if mention.key and not _lower_case_only(mention.text):
            by_key.setdefault(mention.key, EntityCluster(mention.key)).mentions.append(mention)
    by_key = {c.key: c for cluster in by_key.values() for c in _split_spellings(cluster)}
    _type_kin(by_key)
    _merge_full_names(by_key)
    _merge_acronyms(by_key)
    _merge_short_forms(by_key)
    _merge_reworded(by_key)
    _merge_national(by_key)
    _merge_lone_heads(by_key)
    _merge_lone_names(by_key)
    _merge_described_people(by_key)
    _without_headline_only(by_key)
    return sorted(by_key.values(), key=lambda c: (-len(c.mentions), c.key))


def mention_counts(clusters: list[EntityCluster], bodies: dict[str, str]) -> list[dict[str, int]]:
    """Per-article mention counts of each cluster, reading the bodies for its spellings as well as spaCy's finds.

    The small spaCy model misses many repeats of a name ("Gorsuch" found 3 times in a text that says it 10 times),
    so counts from its mentions alone understate who an article is about. Each spelling a cluster was seen with is
    searched for as a whole word, case-sensitively, longest spelling first; a spelling two clusters share is
    ambiguous and counted only where spaCy placed it. A name of two words or more that is not a person's is also
    found in lower case, as some outlets write it ("tea party" for the Tea Party), where spaCy finds nothing. An
    article's count is the larger of the two readings.
    """
    owners: dict[str, set[int]] = defaultdict(set)
    for k, cluster in enumerate(clusters):
        for text in {m.text for m in cluster.mentions}:
            if len(text) >= 2 and text[0].isupper():
                owners[text].add(k)
    spellings = sorted((t for t, o in owners.items() if len(o) == 1), key=lambda t: (-len(t), t))
    lowered = {
        t.lower(): owners[t]
        for t in spellings
        if len(t.split()) > 1 and clusters[next(iter(owners[t]))].type != "person" and t.lower() != t
    }
    found: list[Counter[str]] = [Counter() for _ in clusters]
    if spellings:
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in spellings) + r")(?!\w)")
        lower = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in lowered) + r")(?!\w)") if lowered else None
        for article, body in bodies.items():
            for match in pattern.finditer(body):
                (owner,) = owners[match.group()]
                found[owner][article] += 1
            for match in lower.finditer(body) if lower else ():
                (owner,) = lowered[match.group()]
                found[owner][article] += 1
    counts = []
    for cluster, seen in zip(clusters, found, strict=True):
        tagged = cluster.counts()
        counts.append(
            {a: max(tagged.get(a, 0), seen.get(a, 0)) for a in [*tagged, *(a for a in seen if a not in tagged)]}
        )
    return counts


@lru_cache(maxsize=1 << 16)
def same_person(a: str, b: str) -> bool:
    """One person in two spellings or lengths ("Obama" / "Barack Obama", "Ahmed" / "Ahmad al-Sharaa"), or with a
    title, a middle initial or a nickname ("Senate President Mike Thibodeau" / "Michael Thibodeau"). Cached: the
    conflict checks ask it of the same few hundred names over and over."""
    x, y = name_key(a).split(), name_key(b).split()
    if not x or not y:
        return False
    if set(x) <= set(y) or set(y) <= set(x):
        return True
    (first_a, last_a), (first_b, last_b) = _first_and_last(a), _first_and_last(b)
    return last_a == last_b and first_a is not None and first_a == first_b


_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def _first_and_last(name: str) -> tuple[str | None, str]:
    """The formal first name (nicknames resolved, initials skipped) and the surname's key of a name."""
    words = [w for w in _NAME_WORD.findall(name) if len(w) > 1]
    if not words:
        return None, ""
    first = formal_first_name(words[-2]) if len(words) > 1 else None
    return first, name_key(words[-1])
