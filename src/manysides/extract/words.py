"""Language data the extractors read: CLDR month names and minute units (written by benchmarks/cldr_words.py)."""

from __future__ import annotations

import json
from pathlib import Path

_DATA = json.loads((Path(__file__).with_name("data") / "cldr_words.json").read_text(encoding="utf-8"))
MONTHS: dict[str, int] = _DATA["months"]  # lower-cased name or abbreviation -> month number
MONTH_PREFIXES: tuple[str, ...] = tuple(_DATA["month_prefixes"])  # joined to the name: Hebrew "ב"
MINUTE_WORDS: tuple[str, ...] = tuple(_DATA["minute_words"])  # "min", "Minuten", "dakika", "دقائق", "דקות"
