"""Per-article state (about 2.9 KB): everything the index compares, so a store can rebuild it without models."""

from __future__ import annotations

import struct
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from manysides.records.article import Article, body_hash
from manysides.stories import minhash
from manysides.stories.entities import specifics, street_numbers
from manysides.stories.links import article_outlet, outlet_key, source_keys, url_key
from manysides.stories.text import ascii_text, day_number, event_text, headline, stable_hash
from manysides.stories.text import words as words_of

_MAGIC = b"MSF6"
# magic, flags, day, body hash, url, canonical, outlet, source url, source outlet, dim, names, words, headline words,
# marks, addresses, headline vector dim, language key, multilingual vector dim
_HEADER = struct.Struct("<4sIi8sIIIIIHBBBBBHIH")
# Version 1 had no marks, version 2 no addresses, version 3 no headline vector, version 4 no language and no
# multilingual vector, version 5 no "uncased script" flag: stores written before still load (their articles just
# bring none).
_MAGIC_V1, _HEADER_V1 = b"MSF1", struct.Struct("<4sIi8sIIIIIHBBB")
_MAGIC_V2, _HEADER_V2 = b"MSF2", struct.Struct("<4sIi8sIIIIIHBBBB")
_MAGIC_V3, _HEADER_V3 = b"MSF3", struct.Struct("<4sIi8sIIIIIHBBBBB")
_MAGIC_V4, _HEADER_V4 = b"MSF4", struct.Struct("<4sIi8sIIIIIHBBBBBH")
_MAGIC_V5 = b"MSF5"
_OLD_HEADERS = {
    _MAGIC_V1: _HEADER_V1,
    _MAGIC_V2: _HEADER_V2,
    _MAGIC_V3: _HEADER_V3,
    _MAGIC_V4: _HEADER_V4,
    _MAGIC_V5: _HEADER,
}
_UNCASED = 1  # flags bit: the text is written in a script without capital letters (Arabic, Hebrew)
UNCASED_SAMPLE = 300  # characters of the event text whose letters decide the script
_NO_DAY = -(2**31)
HEADLINE_WORDS = 24
MIN_COPY_WORDS = 20  # shorter bodies are too generic to call one a copy of another


@dataclass(frozen=True)
class Features:
    """What the index knows about one article."""

    day: int | None
    content: bytes  # first 8 bytes of the body hash: equal bodies are duplicates outright
    url: int
    canonical: int
    outlet: int
    source_url: int  # republished_from, as URL and as outlet keys
    source_outlet: int
    vector: np.ndarray  # float16 unit embedding
    signature: np.ndarray  # uint32 MinHash
    names: Counter[int]
    words: Counter[int]
    headline: tuple[int, ...]  # hashed words of the headline: copies keep it, failed extractions do not
    marks: Counter[int]  # full names and ages: who exactly
    addresses: Counter[int]  # street numbers ("the 4000 block of"): where exactly
    title_vector: np.ndarray  # float16 unit embedding of the headline alone (empty without one)
    language: int = 0  # key of the article's language code (0: unknown)
    multi: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float16))  # multilingual lead vector
    uncased: bool = False  # written in a script without capitals: no name is told by its capital letter

    def to_bytes(self) -> bytes:
        names, words = _pairs(self.names), _pairs(self.words)
        header = _HEADER.pack(
            _MAGIC,
            _UNCASED if self.uncased else 0,
            _NO_DAY if self.day is None else self.day,
            self.content,
            self.url,
            self.canonical,
            self.outlet,
            self.source_url,
            self.source_outlet,
            len(self.vector),
            len(self.names),
            len(self.words),
            len(self.headline),
            len(self.marks),
            len(self.addresses),
            len(self.title_vector),
            self.language,
            len(self.multi),
        )
        return b"".join(
            [
                header,
                self.vector.astype("<f2").tobytes(),
                self.signature.astype("<u4").tobytes(),
                names,
                words,
                np.array(self.headline, "<u4").tobytes(),
                _pairs(self.marks),
                _pairs(self.addresses),
                self.title_vector.astype("<f2").tobytes(),
                self.multi.astype("<f2").tobytes(),
            ]
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> Features:
        header = _OLD_HEADERS.get(data[:4], _HEADER)
        magic, flags, day, content, url, canonical, outlet, s_url, s_outlet, dim, *counts = header.unpack_from(data)
        if magic != _MAGIC and magic not in _OLD_HEADERS:
            raise ValueError("not ManySides story features")
        n_names, n_words, n_head, n_marks, n_addresses, n_title, language, n_multi = (*counts, 0, 0, 0, 0, 0)[:8]
        at = header.size
        vector = np.frombuffer(data, "<f2", dim, at).astype(np.float16)
        at += 2 * dim
        signature = np.frombuffer(data, "<u4", minhash.PERMUTATIONS, at).astype(np.uint32)
        at += 4 * minhash.PERMUTATIONS
        names, at = _counter(data, at, n_names)
        words, at = _counter(data, at, n_words)
        headline = tuple(np.frombuffer(data, "<u4", n_head, at).tolist())
        marks, at = _counter(data, at + 4 * n_head, n_marks)
        addresses, at = _counter(data, at, n_addresses)
        title_vector = np.frombuffer(data, "<f2", n_title, at).astype(np.float16)
        multi = np.frombuffer(data, "<f2", n_multi, at + 2 * n_title).astype(np.float16)
        return cls(
            None if day == _NO_DAY else day,
            content,
            url,
            canonical,
            outlet,
            s_url,
            s_outlet,
            vector,
            signature,
            names,
            words,
            headline,
            marks,
            addresses,
            title_vector,
            language,
            multi,
            bool(flags & _UNCASED) and magic == _MAGIC,
        )


def _pairs(counts: Counter[int]) -> bytes:
    keys = np.fromiter(counts.keys(), "<u4", len(counts))
    tfs = np.fromiter((min(n, 255) for n in counts.values()), "u1", len(counts))
    return keys.tobytes() + tfs.tobytes()


def _counter(data: bytes, at: int, n: int) -> tuple[Counter[int], int]:
    keys = np.frombuffer(data, "<u4", n, at)
    tfs = np.frombuffer(data, "u1", n, at + 4 * n)
    return Counter(dict(zip(keys.tolist(), tfs.tolist(), strict=True))), at + 5 * n


def compute(
    article: Article,
    vector: np.ndarray,
    title_vector: np.ndarray | None = None,
    multi: np.ndarray | None = None,
) -> Features:
    """Features of an article given its embeddings (embedding is the only model call): the headline's own
    vector is kept apart, since the headline distils the event and the body's background dilutes it; the
    multilingual vector of the lead lets reports in two languages meet."""
    event = event_text(article)
    text = ascii_text(event)  # converted and cut once, then read by every signal below
    names, words, marks = specifics(text, converted=True)
    body_words = words_of(article.body)
    src_url, src_outlet = source_keys(article.republished_from)
    return Features(
        day=day_number(article),
        content=bytes.fromhex(body_hash(article.body)[:16]) if len(body_words) >= MIN_COPY_WORDS else bytes(8),
        url=url_key(article.url),
        canonical=url_key(article.canonical_url),
        outlet=outlet_key(article_outlet(article)),
        source_url=src_url,
        source_outlet=src_outlet,
        vector=vector.astype(np.float16),
        signature=minhash.signature_of_words(body_words),
        names=names,
        words=words,
        headline=tuple(sorted({stable_hash(w) for w in words_of(headline(article.title)) if len(w) >= 3}))[
            :HEADLINE_WORDS
        ],
        marks=marks,
        addresses=street_numbers(text, converted=True),
        title_vector=np.zeros(0, np.float16) if title_vector is None else title_vector.astype(np.float16),
        language=language_key(article.language),
        multi=np.zeros(0, np.float16) if multi is None or not article.language else multi.astype(np.float16),
        uncased=uncased_script(event[:UNCASED_SAMPLE]),
    )


def uncased_script(text: str) -> bool:
    """Whether most letters of a text have no upper and lower case (Arabic, Hebrew): there a capital letter marks
    no name, so the pair model finds names another way (crosslang.py)."""
    letters = [c for c in text if c.isalpha()]
    cased = sum(1 for c in letters if c.lower() != c.upper())
    return len(letters) > 0 and cased < len(letters) / 2


def language_key(code: str | None) -> int:
    """A stable key of a language code ('de', 'de-AT' and 'DE' alike); 0 when unknown."""
    return stable_hash("lang:" + code.split("-")[0].lower()) if code else 0
