"""Named entities merged across articles and spellings, with aliases and per-article mention counts.

Mentions are keyed by `names.name_key`; a one-word person mention ("Sharaa") joins the one full name that ends
with it ("Ahmad al-Sharaa"), so surnames, transliterations and diacritics all land on one entity.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from manysides.understand.names import name_key, word_key

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
# Keys of nicknames -> key of the formal first name (keys are consonant skeletons, see names.word_key).
_FORMAL = {word_key(nick): word_key(formal) for formal, nicks in _NICKNAMES.items() for nick in nicks.split()}
_SUFFIXES = frozenset({word_key(s) for s in ("jr", "sr", "ii", "iii", "iv")})

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
        return max(counts, key=lambda text: (len(_core_key(name_key(text)).split()), counts[text], len(text)))

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


def _core_key(key: str) -> str:
    """A full name's key without middle initials or suffixes, first name folded to its formal form.

    "Donald J. Trump" and "Donald Trump" meet; so do "Mike Bloomberg" and "Michael R. Bloomberg".
    """
    words = [w for w in key.split() if len(w) > 1 and w not in _SUFFIXES]
    if len(words) >= 2:
        words[0] = _FORMAL.get(words[0], words[0])
    return " ".join(words)


def _merge_into(by_key: dict[str, EntityCluster], target: str, source: str) -> None:
    by_key[target].mentions.extend(by_key.pop(source).mentions)


def merge_mentions(mentions: list[Mention]) -> list[EntityCluster]:
    """Clusters of mentions that name one entity, most mentioned first.

    Same key first (spellings); then full names that differ only by a middle initial, a suffix or a nickname;
    then a lone surname ("Sharaa") or first name ("Hillary") joins the one full name it can belong to.
    """
    by_key: dict[str, EntityCluster] = {}
    for mention in mentions:
        if mention.key:
            by_key.setdefault(mention.key, EntityCluster(mention.key)).mentions.append(mention)
    people = sorted((k for k, c in by_key.items() if len(k.split()) > 1 and c.type == "person"), key=len, reverse=True)
    cores: dict[str, str] = {}
    for key in people:
        core = _core_key(key)
        if core in cores:
            _merge_into(by_key, cores[core], key)
        else:
            cores[core] = key
    full = [k for k in by_key if len(k.split()) > 1 and by_key[k].type == "person"]
    last: dict[str, list[str]] = defaultdict(list)
    first: dict[str, list[str]] = defaultdict(list)
    for key in full:
        words = _core_key(key).split() or key.split()
        last[words[-1]].append(key)
        first[words[0]].append(key)
    for key in [k for k in by_key if len(k.split()) == 1]:
        cluster = by_key[key]
        if len(last.get(key, [])) == 1 and cluster.type in {"person", "place"}:
            _merge_into(by_key, last[key][0], key)
        elif len(first.get(_FORMAL.get(key, key), [])) == 1 and cluster.type == "person" and not last.get(key):
            target = first[_FORMAL.get(key, key)][0]
            # A first name alone is only read as that person where the article also names them in full.
            if set(cluster.counts()) <= set(by_key[target].counts()):
                _merge_into(by_key, target, key)
    return sorted(by_key.values(), key=lambda c: -len(c.mentions))
