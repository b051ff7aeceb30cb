"""Word lists for framing: hedges and loaded terms, curated here from general journalism-style guidance, plus the
strongly valenced words of the VADER lexicon (MIT, shipped inside the vaderSentiment wheel).

None of these lists is derived from the evaluation annotations.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

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
