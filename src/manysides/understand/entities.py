"""Named entities merged across articles and spellings, with aliases and per-article mention counts.

Mentions are keyed by `names.name_key`; a one-word person mention ("Sharaa") joins the one full name that ends
with it ("Ahmad al-Sharaa"), so surnames, transliterations and diacritics all land on one entity.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from manysides.understand.names import name_key

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
        return max(counts, key=lambda text: (len(name_key(text).split()), counts[text], len(text)))

    @property
    def type(self) -> str:
        return Counter(m.type for m in self.mentions).most_common(1)[0][0]

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


def merge_mentions(mentions: list[Mention]) -> list[EntityCluster]:
    """Clusters of mentions that name one entity, most mentioned first."""
    by_key: dict[str, EntityCluster] = {}
    for mention in mentions:
        if mention.key:
            by_key.setdefault(mention.key, EntityCluster(mention.key)).mentions.append(mention)
    endings: dict[str, list[str]] = defaultdict(list)
    for key, cluster in by_key.items():
        if len(key.split()) > 1 and cluster.type == "person":
            endings[key.split()[-1]].append(key)
    for key in list(by_key):
        full = endings.get(key, [])
        if len(key.split()) == 1 and len(full) == 1 and by_key[key].type == "person":
            by_key[full[0]].mentions.extend(by_key.pop(key).mentions)
    return sorted(by_key.values(), key=lambda c: -len(c.mentions))
