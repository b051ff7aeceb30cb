"""Figures in any language, read without a parser: digits of any script (Arabic-Indic, Persian), the article
language's decimal convention ("2.400" is two thousand four hundred in German, "2,4" two point four), scale and
unit words ("2,5 Millionen Euro", "300 مليون دولار", "8 %"), and numbers written as words ("trente-quatre",
"treinta y cuatro", "otuz dört", "أربعة وثلاثون").

The English parse reads English figures (numbers.py); this reader serves the languages it cannot read, so that a
German "2.400 Menschen" and an English "3,500 people" are two values that can be compared.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from manysides.understand.number_words import spelled_numbers
from manysides.understand.numbers import NumberMention

_DATA = Path(__file__).parent / "data" / "figure_words.txt"
SPACES = "\u00a0\u202f\u2009"  # no-break, narrow no-break and thin spaces: always a thousands separator
_ARABIC_GROUP, _ARABIC_DECIMAL = "\u066c", "\u066b"
_NUMBER = re.compile(
    r"(?<![\w.,\u066b\u066c])(?P<int>\d{1,3}(?:(?P<sep>[.,' \u00a0\u202f\u2009\u066c])\d{3})(?:(?P=sep)\d{3})*|\d+)"
    r"(?:(?P<dec>[.,\u066b])(?P<frac>\d+))?(?![\d\w])"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
# A one-letter prefix an Arabic or Hebrew word takes ("و", and; "بـ", with; "ל", to), written right before a figure
# ("و77", "بـ3", "ל-5" is hyphenated and read already): read as a space, so the figure after it is read.
_PREFIXED = re.compile(
    r"(?<![^\W\d_])[\u0648\u0628\u0644\u0641\u0643\u05d5\u05d1\u05dc\u05d4\u05de\u05e9\u05db]\u0640?(?=\d)"
)
_MAX_DIGITS = 15  # longer runs of digits are codes or noise, and overflow a float's precision
_SYMBOLS = {"%": "percent", "€": "EUR", "$": "USD", "£": "GBP"}
_WORD = re.compile(r"[\s'\u2019]*([^\W\d_]+)")  # "d'euros" reads as "d", "euros"


@cache
def _words() -> tuple[dict[str, float], dict[str, str]]:
    """(scale word -> factor, unit word -> unit) from `data/figure_words.txt`."""
    scales: dict[str, float] = {}
    units: dict[str, str] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, value = line.split("\t")
        if value[:1].isdigit():
            scales[word] = float(value)
        else:
            units[word] = value
    return scales, units


def group_symbol(language: str) -> str:
    """The symbol that groups the language's digits by threes ("," in English, "." in German, a narrow no-break
    space in French)."""
    return _symbols(language)[1]


@cache
def _symbols(language: str) -> tuple[str, str]:
    """The language's decimal and group symbols (CLDR through Babel); the English ones when it is unknown."""
    try:
        from babel.numbers import get_decimal_symbol, get_group_symbol

        return get_decimal_symbol(language), get_group_symbol(language)
    except Exception:  # an unknown or malformed language code: English conventions
        return ".", ","


def numeral_value(numeral: str, language: str | None = None) -> float | None:
    """One numeral's value as written: "1,200" and "5.8" in English, "1.200" and "5,8" in German, "1 200", and
    Arabic-Indic digits with Arabic's own group and decimal marks. A lone "." or "," before exactly three digits
    is read by the language's decimal symbol (English when the language is not known: "$1.375bn"); before fewer
    or more digits it can only be a decimal mark, and where two marks appear ("1.234,5") the last one is."""
    plain = ascii_digits(numeral)
    marks = [c for c in plain if not c.isdigit()]
    if not marks:
        return float(plain) if plain else None
    last = marks[-1]
    lone = last in ".," and marks.count(last) == 1
    both = last in ".," and len(set(marks) & {".", ","}) == 2
    if last == _ARABIC_DECIMAL or both or (lone and len(plain) - plain.rindex(last) - 1 != 3):
        decimal = last
    elif lone:
        decimal = last if last == _symbols(language or "en")[0] else ""
    else:
        decimal = ""
    whole, _, fraction = plain.rpartition(decimal) if decimal else (plain, "", "")
    digits = re.sub(r"\D", "", whole)
    if not digits or len(digits) > _MAX_DIGITS or (fraction and not fraction.isdigit()):
        return None
    return float(f"{digits}.{fraction}") if fraction else float(digits)


def ascii_digits(text: str) -> str:
    """The text with every decimal digit of any script as an ASCII digit (same length, so offsets hold)."""
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)


def _value(match: re.Match[str], decimal: str, group: str) -> float | None:
    """The figure's value under the language's convention, or None when its separators contradict it."""
    whole, sep, dec, frac = match.group("int"), match.group("sep"), match.group("dec"), match.group("frac")
    if sep and not dec and sep in ".," and sep == decimal and whole.count(sep) == 1:
        return float(whole.replace(sep, "."))  # "2,400" in German: two point four
    if sep == " " and group not in SPACES and group != " ":
        return None  # "in 2028 100 people": two numbers, unless the language groups digits with spaces
    # a language that groups with a space and writes decimals with a comma reads "1.500" as grouped too (Polish,
    # French pages often write it so): a dot is no decimal mark there
    dotted = sep == "." and decimal == "," and (group in SPACES or group == " ")
    if sep and sep in ".," and sep != group and not dotted:
        return None
    if dec and dec in ".," and dec != decimal and dec != _ARABIC_DECIMAL:
        return None  # "1.234.5": not a figure of this language
    digits = re.sub(r"\D", "", whole)
    return float(f"{digits}.{frac}") if frac else float(digits)


_COMPOUND = re.compile(r"-[^\W\d_]")  # a number joined to a word by a hyphen describes a noun: no count of it


def _next_words(text: str, at: int, n: int) -> list[tuple[str, int]]:
    """Up to n words after `at`, lower-cased, each with the offset where it ends."""
    words, pos = [], at
    for _ in range(n):
        match = _WORD.match(text, pos)
        if not match:
            break
        words.append((match.group(1).lower(), match.end()))
        pos = match.end()
    return words


def _phrase(words: list[tuple[str, int]], table: dict[str, float] | dict[str, str]) -> int:
    """How many of the leading words form an entry of the table (two-word entries first: "mil millones")."""
    for size in (2, 1):
        if len(words) >= size and " ".join(w for w, _ in words[:size]) in table:
            return size
    return 0


_REST = re.compile(r"\s+(\d{1,3})(?![\d\w]|[.,]\d)")  # "2 bin 500": what a scale word leaves to be added


@dataclass(frozen=True)
class Scaled:
    """The words right after a figure's number: its scale ("Millionen", "bin"), and what follows the scale to be
    added ("2 bin 500" is 2,500), its unit ("Euro", "percent"), and the next words after them."""

    factor: float  # 1 when no scale word follows
    rest: float  # added after scaling: 500 in "2 bin 500"
    scale_end: int
    unit: str | None
    unit_end: int
    after: list[tuple[str, int]]

    def value(self, number: float) -> float:
        return number * self.factor + self.rest

    @property
    def end(self) -> int:
        """Where the scale and unit words end."""
        return self.unit_end if self.unit else self.scale_end


def _scale_and_unit(text: str, end: int) -> Scaled:
    """The scale and unit words of the table right after a figure ending at `end` ("Millionen Euro", "مليون دولار",
    "por ciento", "2 bin 500")."""
    scales, units = _words()
    factor, rest, unit, after = 1.0, 0.0, None, _next_words(text, end, 3)
    if size := _phrase(after, scales):
        factor = scales[" ".join(w for w, _ in after[:size])]
        end, after = after[size - 1][1], after[size:]
        if (more := _REST.match(text, end)) and float(more.group(1)) < factor:
            rest, end, after = float(more.group(1)), more.end(), _next_words(text, more.end(), 3)
    unit_end = end
    if size := _phrase(after, units):
        unit, unit_end, after = units[" ".join(w for w, _ in after[:size])], after[size - 1][1], after[size:]
    return Scaled(factor, rest, end, unit, unit_end, after)


def units_after(text: str, end: int) -> Scaled:
    """Scale and unit words of any listed language right after a figure's number ending at `end` (`Scaled`)."""
    return _scale_and_unit(ascii_digits(text), end)


def find_figures(
    text: str, language: str, skip: list[tuple[int, int]] | None = None, offset: int = 0
) -> list[NumberMention]:
    """Figures of a sentence in `language` (years and spans in `skip`, such as dates, left out); offsets are into
    `text` shifted by `offset`."""
    units = _words()[1]
    decimal, group = _symbols(language)
    plain = _PREFIXED.sub(lambda m: " " * len(m.group()), ascii_digits(text))
    found = []
    spans: list[tuple[int, int, float, bool]] = []
    for match in _NUMBER.finditer(plain):
        start, end = match.span()
        if any(a <= start < b for a, b in skip or []) or (_YEAR.fullmatch(match.group()) and not match.group("dec")):
            continue
        value = _value(match, decimal, group)
        if value is None or len(re.sub(r"\D", "", match.group())) > _MAX_DIGITS:
            continue
        spans.append((start, end, value, bool(_COMPOUND.match(plain, end))))
    for start, end, value in spelled_numbers(plain, language):
        if not any(a <= start < b for a, b in skip or []):
            spans.append((start, end, value, False))
    taken = 0
    for start, end, value, joined in sorted(spans):
        # joined: "der 41-jährige Pole", "41-letni": an age or a length, no count
        if start < taken:
            continue  # the "500" of "2 bin 500", read with the figure before it
        scaled = _scale_and_unit(plain, end)
        taken = scaled.scale_end
        value, end, unit, after = scaled.value(value), scaled.scale_end, scaled.unit, scaled.after
        around = plain[max(0, start - 2) : start] + plain[end : end + 2]
        unit = unit or next((u for s, u in _SYMBOLS.items() if s in around), None)
        before = _WORD.findall(plain[max(0, start - 12) : start])
        unit = unit or (units.get(before[-1].lower()) if before else None)  # "yüzde 8"
        unit = "compound" if joined and unit is None else unit  # meets only another compound's figure
        found.append(
            NumberMention(
                start + offset,
                end + offset,
                text[start:end],
                value,
                unit,
                after[0][0] if after else None,
                None,
                False,
                False,
            )
        )
    return found
