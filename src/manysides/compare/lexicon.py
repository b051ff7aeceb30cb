"""Word lists and the learned loaded-word model for framing.

Hedges and loaded terms are curated here from general journalism-style guidance; VADER valences come from the
lexicon inside the vaderSentiment wheel (MIT). None of these lists is derived from evaluation annotations.

`data/loaded_terms.json` is learned (by `python -m benchmarks.train_framing`) from the `lex` spans of BASIL half A
only: the weights of two logistic regressions over general features (a word's wordllama vector, VADER valence,
rarity from the wordllama tokenizer, part of speech and role, quote position; a sentence's best word scores,
position, length and vector), the sentence threshold, and a learned lexicon of a few words that lay inside lex
spans in at least two different events with a smoothed rate at least ~9.5 times the average word's. It holds no
sentence or span text. The runtime needs numpy only; scikit-learn is used for fitting alone.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Token

HEDGES = (
    "reportedly",
    "allegedly",
    "purportedly",
    "apparently",
    "supposedly",
    "reputedly",
    "ostensibly",
    "seemingly",
    "is said to",
    "are said to",
    "was said to",
    "were said to",
    "is believed to",
    "are believed to",
    "is thought to",
    "are thought to",
    "is understood to",
    "unconfirmed",
    "unverified",
    "according to reports",
    "appears to",
    "appeared to",
    "seems to",
    "seemed to",
    "is alleged",
    "was alleged",
    "claimed",
    "claims",
    "rumoured",
    "rumored",
    "may have",
    "might have",
    "could have",
    "it is unclear",
    "it remains unclear",
)
# Words that judge while they describe: labels for people and groups, and emotive verbs and adjectives.
LOADED_TERMS = (
    "regime",
    "militant",
    "militants",
    "terrorist",
    "terrorists",
    "thug",
    "thugs",
    "extremist",
    "extremists",
    "radical",
    "radicals",
    "hardliner",
    "hardliners",
    "hard-line",
    "firebrand",
    "zealot",
    "fanatic",
    "fanatics",
    "jihadist",
    "jihadists",
    "puppet",
    "tyrant",
    "dictator",
    "despot",
    "cronies",
    "crony",
    "mob",
    "rioters",
    "strikebreakers",
    "scab",
    "scabs",
    "slammed",
    "slams",
    "blasted",
    "blasts",
    "lashed out",
    "ripped",
    "hostage",
    "held to ransom",
    "ransom",
    "chaos",
    "chaotic",
    "rampage",
    "massacre",
    "slaughter",
    "butchered",
    "brutal",
    "brutality",
    "atrocity",
    "atrocities",
    "barbaric",
    "savage",
    "vicious",
    "heinous",
    "draconian",
    "crackdown",
    "propaganda",
    "smear",
    "witch hunt",
    "hoax",
    "rigged",
    "scandal",
    "disgraced",
    "notorious",
    "so-called",
    "unprovoked",
    "aggression",
    "occupation",
    "occupied",
    "martyr",
    "martyrs",
    "devastating",
    "catastrophic",
    "disastrous",
    "outrageous",
    "shocking",
    "shameful",
    "disgraceful",
    "reckless",
    "irresponsible",
    "ruthless",
    "bloodthirsty",
    "illegal aliens",
    "amnesty",
    "handout",
    "handouts",
    "elitist",
    "elites",
    "far-right",
    "far-left",
    "ultra-nationalist",
    "socialist",
    "bombshell",
    "stunning",
    "stunned",
    "furious",
    "fury",
    "outrage",
    "outraged",
    "slam",
    "blast",
    "rant",
    "tirade",
    "meltdown",
    "debacle",
    "fiasco",
)


def _pattern(words: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    escaped = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(escaped) + r")\b", re.IGNORECASE)


HEDGE_PATTERN = _pattern(HEDGES)
LOADED_PATTERN = _pattern(LOADED_TERMS)


@cache
def vader_valence() -> dict[str, float]:
    """Word -> VADER valence (-4 .. 4) from the lexicon inside the vaderSentiment wheel; empty if it is absent."""
    try:
        import vaderSentiment
    except ImportError:
        return {}
    path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    valence = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and re.fullmatch(r"[a-z][a-z'-]+", parts[0]):
            valence[parts[0]] = float(parts[1])
    return valence


# The learned loaded-word model (see benchmarks/train_framing.py): a logistic regression over each content word's
# features scores words, and a second one over sentence features (best word scores, position, length, the sentence
# vector) decides which sentences carry loaded language; each such sentence shows its best-scoring word.
MODEL_PATH = Path(__file__).parent / "data" / "loaded_terms.json"
WORD_POS = ("ADJ", "ADV", "VERB", "NOUN")


@cache
def loaded_model() -> dict | None:
    """The shipped weights, or None when the data file is missing (framing then falls back to VADER alone)."""
    if not MODEL_PATH.exists():
        return None
    import json

    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def is_candidate(token: Token) -> bool:
    """Content words that can carry a judgement; names and function words cannot."""
    return token.pos_ in WORD_POS and token.is_alpha and not token.ent_type_ and not token.is_stop


_DEPS = ("amod", "advmod", "acomp", "ROOT", "dobj", "xcomp", "compound")


@cache
def _rarity(word: str) -> tuple[float, float]:
    """How rare a word is, from the wordllama tokenizer: words split into more pieces, and single pieces with later
    ids, are rarer (its BPE ids follow merge order, which follows frequency). Colourful words tend to be rare."""
    from manysides.compare.embed import _model

    ids = _model().tokenizer.encode(word).ids[1:]
    if not ids:
        return 0.0, 0.0
    return min(len(ids) - 1, 3) / 3, float(np.log(ids[0] + 1) / np.log(32000)) if len(ids) == 1 else 1.0


def word_features(
    tokens: list[Token], long_quote: list[bool], quoted: list[bool], learned: dict[str, float] | None = None
) -> np.ndarray:
    """One row per word: its static vector, VADER valence, rarity, part of speech and role, quote position,
    curated-list hit, and last the learned lexicon's log-odds for the word (0 when it is not listed)."""
    from manysides.compare.embed import embed

    if not tokens:
        return np.zeros((0, 256 + 22), dtype=np.float32)
    valence = vader_valence()
    vectors = embed([t.lower_ for t in tokens])
    rows = []
    for token, long_, quote in zip(tokens, long_quote, quoted, strict=True):
        v = valence.get(token.lower_, valence.get(token.lemma_.lower(), 0.0))
        near_actor = token.head.ent_type_ in {"PERSON", "ORG", "NORP"} or any(
            c.ent_type_ in {"PERSON", "ORG", "NORP"} for c in token.children
        )
        hyphen = (token.i + 1 < len(token.doc) and token.nbor(1).text == "-") or (
            token.i > 0 and token.nbor(-1).text == "-"
        )
        rows.append(
            [abs(v) / 4, float(v != 0), v / 4, *_rarity(token.lower_)]
            + [float(token.pos_ == p) for p in WORD_POS]
            + [float(token.dep_ == d) for d in _DEPS]
            + [float(near_actor), float(hyphen)]
            + [float(long_), float(quote), float(bool(LOADED_PATTERN.fullmatch(token.text)))]
            + [(learned or {}).get(token.lower_, 0.0)]
        )
    return np.hstack([vectors, np.asarray(rows, dtype=np.float32)])


def sentence_features(index: int, text: str, n_words: int, long_quote_share: float, scores: list[float]) -> list[float]:
    """The scalar features of one sentence; the sentence's static vector is appended by the caller."""
    top = [*sorted(scores, reverse=True), 0.0, 0.0, 0.0]
    valence = vader_valence()
    strong = sum(abs(valence.get(w.lower(), 0.0)) >= 2 for w in re.findall(r"[A-Za-z'-]+", text))
    short_quote = any(0 < len(q.split()) <= 3 for q in re.findall(r"[\"\u201c]([^\"\u201d]+)[\"\u201d]", text))
    return [
        top[0],
        top[1],
        top[2],
        float(np.log1p(index)),
        float(index == 0),
        float(index < 3),
        float(np.log1p(n_words)),
        long_quote_share,
        float(np.log1p(strong)),
        float(bool(LOADED_PATTERN.search(text))),
        float(bool(HEDGE_PATTERN.search(text))),
        float(short_quote),
    ]


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))
