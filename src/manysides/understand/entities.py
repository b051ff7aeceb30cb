"""Named entities merged across articles and spellings, with aliases and per-article mention counts.

Mentions are keyed by `names.name_key`; a one-word person mention ("Sharaa") joins the one full name that ends
with it ("Ahmad al-Sharaa"), so surnames, transliterations and diacritics all land on one entity.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from manysides.understand.names import name_key

_NICKNAMES = {
    "michael": "mike mick mickey",
    "william": "bill billy will",
    "robert": "bob bobby rob",
    "james": "jim jimmy jamie",
    "joseph": "joe joey",
    "thomas": "tom tommy",
    "charles": "chuck charlie",
    "richard": "dick rick ricky rich",
    "edward": "ed eddie ted",
    "theodore": "ted teddy",
    "nicholas": "nick",
    "daniel": "dan danny",
    "david": "dave",
    "steven": "steve",
    "stephen": "steve",
    "anthony": "tony",
    "benjamin": "ben",
    "samuel": "sam",
    "alexander": "alex",
    "christopher": "chris",
    "matthew": "matt",
    "patrick": "pat",
    "ronald": "ron",
    "donald": "don",
    "jeffrey": "jeff",
    "gregory": "greg",
    "andrew": "andy",
    "elizabeth": "liz beth betsy",
    "katherine": "kate kathy",
    "jennifer": "jen jenny",
    "margaret": "maggie peggy",
    "barbara": "barb",
    "susan": "sue",
    "deborah": "deb debbie",
    "kenneth": "ken",
    "timothy": "tim",
    "lawrence": "larry",
    "gerald": "jerry",
    "jerrold": "jerry",
    "frederick": "fred",
    "albert": "al",
    "abraham": "abe",
    "zachary": "zach",
    "nathaniel": "nate",
    "jonathan": "jon",
    "douglas": "doug",
    "philip": "phil",
    "raymond": "ray",
    "leonard": "len",
    "vincent": "vince",
}
# Nickname -> formal first name, lower case.
_FORMAL = {nick: formal for formal, nicks in _NICKNAMES.items() for nick in nicks.split()}
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")

ENTITY_TYPES = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organisation"}


@dataclass(frozen=True)
class Mention:
    """One entity mention: surface text, type, article, sentence index and span in the body."""

    text: str
    type: str
    article: str
    sentence: int
    start: int
    end: int

    @property
    def key(self) -> str:
        return name_key(self.text)


@dataclass
class EntityCluster:
    """Mentions of one real entity, whatever their spelling."""

    key: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The most frequent of the longest spellings: the full name rather than a surname."""
        counts = Counter(m.text for m in self.mentions)
        return max(counts, key=lambda text: (len(_core_key(text).split()), counts[text], len(text)))

    @property
    def type(self) -> str:
        """The type most mentions give, full names weighing more than a lone word spaCy may have misread."""
        votes: Counter[str] = Counter()
        for m in self.mentions:
            votes[m.type] += len(m.key.split())
        return votes.most_common(1)[0][0]

    @property
    def aliases(self) -> list[str]:
        name = self.name
        return sorted({m.text for m in self.mentions} - {name})

    def counts(self) -> dict[str, int]:
        return dict(Counter(m.article for m in self.mentions))


def clean_name(text: str) -> str:
    """Surface form without a leading article or trailing possessive."""
    text = text.strip(" \"'\u201c\u201d\u2018\u2019")
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def _core_key(text: str) -> str:
    """A name's key without initials or suffixes, its first name folded to the formal form.

    "Donald J. Trump" and "Donald Trump" meet; so do "Mike Bloomberg" and "Michael R. Bloomberg", and
    "Joseph R. Biden Jr." and "Joe Biden".
    """
    words = [w for w in _NAME_WORD.findall(text) if len(w) > 1 and w.lower() not in _SUFFIXES]
    if len(words) >= 2:
        words[0] = _FORMAL.get(words[0].lower(), words[0])
    return name_key(" ".join(words))


def _acronym(text: str) -> str:
    """Initials of a multi-word name's capitalised words: "National Rifle Association" -> "NRA"."""
    words = [w for w in _NAME_WORD.findall(text) if w.lower() not in {"of", "and", "for", "the", "on", "in"}]
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) >= 2 else ""


def _merge_into(by_key: dict[str, EntityCluster], target: str, source: str) -> None:
    if target != source and source in by_key and target in by_key:
        by_key[target].mentions.extend(by_key.pop(source).mentions)


def _people(by_key: dict[str, EntityCluster]) -> list[str]:
    """Keys of multi-word person names, longest first."""
    found = [k for k, c in by_key.items() if len(k.split()) > 1 and c.type == "person"]
    return sorted(found, key=lambda k: (-len(k), k))


def _merge_full_names(by_key: dict[str, EntityCluster]) -> None:
    """Full names that differ by initials, suffixes or nicknames; then a shorter full name inside exactly one
    longer one with the same surname ("Todd Jones" in "Byron Todd Jones")."""
    cores: dict[str, str] = {}
    for key in _people(by_key):
        core = _core_key(by_key[key].mentions[0].text)
        if core in cores:
            _merge_into(by_key, cores[core], key)
        else:
            cores[core] = key
    people = _people(by_key)
    words = {k: _core_key(by_key[k].mentions[0].text).split() for k in people}
    for key in reversed(people):
        mine = words[key]
        larger = [
            k
            for k in people
            if k != key and k in by_key and mine and set(mine) < set(words[k]) and words[k][-1] == mine[-1]
        ]
        if len(larger) == 1:
            _merge_into(by_key, larger[0], key)


def _merge_acronyms(by_key: dict[str, EntityCluster]) -> None:
    """An all-capitals name joins the one organisation it abbreviates ("NRA", "National Rifle Association")."""
    expansions: dict[str, list[str]] = defaultdict(list)
    for key, cluster in by_key.items():
        if len(key.split()) > 1 and cluster.type == "organisation":
            expansions[_acronym(cluster.name)].append(key)
    for key in [k for k, c in by_key.items() if len(k.split()) == 1]:
        text = by_key[key].mentions[0].text
        if text.isupper() and len(text) >= 2 and len(expansions.get(text, [])) == 1:
            _merge_into(by_key, expansions[text][0], key)


def _merge_lone_names(by_key: dict[str, EntityCluster]) -> None:
    """A lone surname joins the one full name ending with it, whatever spaCy typed it as ("Bachmann" as an
    organisation); a lone first name joins only where the same article gives the full name."""
    last: dict[str, list[str]] = defaultdict(list)
    first: dict[str, list[str]] = defaultdict(list)
    for key in _people(by_key):
        words = _core_key(by_key[key].mentions[0].text).split() or key.split()
        last[words[-1]].append(key)
        first[words[0]].append(key)
    for key in [k for k in by_key if len(k.split()) == 1]:
        cluster = by_key[key]
        if len(last.get(key, [])) == 1:
            _merge_into(by_key, last[key][0], key)
        elif len(first.get(key, [])) == 1 and cluster.type == "person" and not last.get(key):
            target = first[key][0]
            if set(cluster.counts()) <= set(by_key[target].counts()):
                _merge_into(by_key, target, key)


def merge_mentions(mentions: list[Mention]) -> list[EntityCluster]:
    """Clusters of mentions that name one entity, most mentioned first.

    Same key first (spellings); then full names that differ by initials, suffixes or nicknames; acronyms with
    their organisation; then lone surnames and first names with the one full name they can belong to.
    """
    by_key: dict[str, EntityCluster] = {}
    for mention in mentions:
        if mention.key:
            by_key.setdefault(mention.key, EntityCluster(mention.key)).mentions.append(mention)
    _merge_full_names(by_key)
    _merge_acronyms(by_key)
    _merge_lone_names(by_key)
    return sorted(by_key.values(), key=lambda c: (-len(c.mentions), c.key))
