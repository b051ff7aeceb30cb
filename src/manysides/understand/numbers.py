"""Numbers with what they count ("Twelve people", "some 3,000 travellers", "9 percent", "€2.3 million").

Values are normalised (words to digits, scales applied) and approximation words kept, so that "about 3,000" and
"nearly 3,000" agree while "12 people" and "14 people" conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
_APPROX = frozenset({"about", "some", "roughly", "nearly", "around", "almost", "approximately", "estimated", "up"})
_LOWER_BOUND = frozenset({"least", "more", "over", "than"})
_CURRENCY = {"€": "EUR", "$": "USD", "£": "GBP", "euros": "EUR", "dollars": "USD", "pounds": "GBP"}
# A dollar sign with its country's letters ("A$2m", "US$1.4m", "$US1 million"): the letters say which dollar.
_DOLLAR = re.compile(r"^(?:(?P<before>[A-Z]{1,2})\$|\$(?P<after>[A-Z]{1,2}))$")
_DOLLARS = {"US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "NZ": "NZD", "HK": "HKD", "S": "SGD"}
_LETTERED = re.compile(r"^(?:US|A|AU|C|CA|NZ|HK|S)(?P<figure>\d[\d,]*(?:\.\d+)?)$")  # "$US1": the "$" apart
# A scale written after a money figure as a letter ("£88m", "$1.4bn"); after a bare figure "m" is as often metres.
_SCALE_LETTERS = {"m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
_CLOCK = re.compile(r"^(?:[ap]\.?m\.?|[ap]\.)$", re.IGNORECASE)  # "pm", "a.m.", "a." of "3: 30 a. m."
_PERCENT = re.compile(r"^(?:%|percent|per cent|pct)$", re.IGNORECASE)
_SKIP_ENTITIES = frozenset({"DATE", "TIME", "ORDINAL"})


@dataclass(frozen=True)
class NumberMention:
    """A number in a sentence: value, unit, what it counts, and whether it is approximate or a lower bound."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    counted: str | None
    verb: str | None
    approximate: bool
    lower_bound: bool

    def agrees(self, other: NumberMention) -> bool:
        """Same quantity: equal, one a rounding of the other ("$1.375bn" / "$1.4bn"), within 10 % when either is
        approximate, or a figure inside the other's 'at least' bound. Two different bounds ("at least five" / "at
        least seven") are two tellings of one count, not one figure and its bound."""
        low, high = sorted((self.value, other.value))
        if low == high or _rounds_to(self.value, other.value) or _rounds_to(other.value, self.value):
            return True
        if self.approximate or other.approximate:
            return high - low <= 0.1 * high
        if self.lower_bound == other.lower_bound:
            return False
        bound = self if self.lower_bound else other
        return bound.value == low


def _significant(value: float) -> int:
    """Significant digits a figure was given with: 1,400,000,000 has 2, 1,375,000,000 has 4."""
    digits = f"{abs(value):.6f}".replace(".", "").strip("0")
    return max(len(digits), 1)


_ROUNDING = 0.05  # the most a rounding may take off or add, as a share of the figure


def _rounds_to(precise: float, rounded: float) -> bool:
    """Whether `rounded` is `precise` rounded to the digits `rounded` was given with (never for small counts:
    "48 pages" against "50 pages" is a difference, not a rounding; nor a rounding that moves the figure much:
    "130" to one digit is "100", which tells another figure, not the same one shorter)."""
    digits = _significant(rounded)
    if digits >= _significant(precise) or abs(rounded) < 100 or abs(precise - rounded) > _ROUNDING * abs(precise):
        return False
    magnitude = 10 ** (len(str(int(abs(rounded)))) - digits)
    return round(precise / magnitude) * magnitude == rounded


def word_value(words: list[str]) -> float | None:
    """Value of a number written in digits or words: '3,000', 'twelve', 'two dozen', '2.3 million'."""
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        word = raw.lower().replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
        elif word in _UNITS:
            current = current * 12 if word == "dozen" and current else current + _UNITS[word]
        elif word in _SCALES:
            current = (current or 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0.0
        elif word in {"and", "-"}:
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def _counted(first: Token, last: Token) -> tuple[str | None, str | None]:
    """Unit and counted noun of a number: the noun it modifies, or a percent / currency word next to it."""
    unit = None
    following = last.nbor() if last.i + 1 < len(last.doc) else None
    after = last.doc[last.i + 1 : last.i + 3].text.lower()
    if following is not None and (_PERCENT.match(following.text) or after == "per cent"):
        unit = "percent"
    previous = first.doc[first.i - 1] if first.i > 0 else None
    for token in (previous, following):
        if token is not None and (token.text in _CURRENCY or token.lower_ in _CURRENCY) and not _weight(token, last):
            unit = _CURRENCY.get(token.text) or _CURRENCY[token.lower_]
        elif token is not None and (dollar := _DOLLAR.match(token.text)):
            letters = dollar.group("before") or dollar.group("after")
            unit = _DOLLARS.get(letters, unit)
    head = last.head
    while head.like_num and head.head.i != head.i:
        head = head.head
    if last.dep_ in {"nummod", "quantmod", "compound"} and head.pos_ in {"NOUN", "PROPN"}:
        return unit, head.lemma_.lower()
    if following is not None and following.pos_ == "NOUN" and not unit:
        return unit, following.lemma_.lower()
    return unit, ("percent" if unit == "percent" else None)


def _weight(token: Token, last: Token) -> bool:
    """Whether "pounds" after a figure weighs rather than pays ("weighing 130 pounds"): it is money only when the
    parser reads the figure as money (from words like "paid", "worth", "a fine of") or "sterling" follows."""
    if token.lower_ != "pounds":
        return False
    sterling = token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "sterling"
    return last.ent_type_ != "MONEY" and not sterling


def _clock(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the figure tokens[i..j] is part of a time of day the parser did not tag as one ("3: 30 p. m.",
    "7: 35 am", "8 pm"): an hour or its minutes, not a count."""
    if i >= 2 and tokens[i - 1].text == ":" and tokens[i - 2].text.isdigit():
        return True
    if j + 2 < len(tokens) and tokens[j + 1].text == ":" and tokens[j + 2].text.isdigit():
        return True
    return j + 1 < len(tokens) and bool(_CLOCK.match(tokens[j + 1].text))


def _conversion(tokens: list[Token], previous: tuple[int, int] | None, i: int) -> bool:
    """Whether the figure at tokens[i], opening a parenthesis right after a figure at tokens[previous] of the
    same kind (two amounts of money, two measures), gives that figure in another unit: "$1 million ($1.52
    million)", "5 miles (8 km)". A count in parentheses ("10 people (three children)") is a part, not a
    conversion: the parser calls neither figure money or a measure."""
    if previous is None or tokens[i].ent_type_ not in {"MONEY", "QUANTITY"}:
        return False
    first, last = previous
    if tokens[first].ent_type_ != tokens[i].ent_type_:
        return False
    between = tokens[i].doc.text[tokens[last].idx + len(tokens[last].text) : tokens[i].idx]
    return bool(re.fullmatch(r"\s*(?:[^\W\d]+\.?\s*){0,2}\(\s*(?:[A-Z]{0,2}\$|\$[A-Z]{0,2}|[€£¥])?\s*", between))


def _ratio(tokens: list[Token], j: int, part: float) -> tuple[int, float] | None:
    """The end and the value of the "in three" after a number `part` ending at token j ("one-in-three", "1 in 5
    voters"), if any: a whole larger than the part, not a year ("3 in 2000") or a span ("12 in three days")."""
    k = j + 1
    while k < len(tokens) and tokens[k].text == "-":
        k += 1
    if k >= len(tokens) or tokens[k].lower_ != "in":
        return None
    k += 1
    while k < len(tokens) and tokens[k].text == "-":
        k += 1
    end = k
    while end < len(tokens) and (tokens[end].like_num or tokens[end].lower_ in _SCALES):
        end += 1
    year = end == k + 1 and re.fullmatch(r"(?:19|20)\d\d", tokens[k].text)
    whole = word_value([t.text for t in tokens[k:end]]) if end > k and not year else None
    return (end - 1, whole) if whole is not None and part < whole else None


def find_numbers(sentence: Span, offset: int = 0) -> list[NumberMention]:
    """Numbers in a parsed sentence (dates, times and ordinals excluded); offsets shifted by `offset`."""
    found: list[NumberMention] = []
    tokens = list(sentence)
    i, previous = 0, None
    while i < len(tokens):
        token = tokens[i]
        lettered = _LETTERED.match(token.text) if i > 0 and tokens[i - 1].text == "$" else None
        if not (token.like_num or lettered) or token.ent_type_ in _SKIP_ENTITIES:
            i += 1
            continue
        if re.fullmatch(r"(?:19|20)\d\d", token.text):
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and (tokens[j + 1].like_num or tokens[j + 1].lower_ in _SCALES):
            j += 1
        if _clock(tokens, i, j):
            i = j + 1
            continue
        words = [lettered.group("figure") if lettered else token.text] + [t.text for t in tokens[i + 1 : j + 1]]
        value = word_value(words)
        ratio = _ratio(tokens, j, value) if value is not None else None
        if ratio is not None:  # "a one-in-three chance", "1 in 5 voters": one figure, a share
            j, whole = ratio
            value = value / whole if whole else None
        if value is not None:
            before = {t.lower_ for t in tokens[max(0, i - 2) : i]}
            unit, counted = _counted(tokens[i], tokens[j])
            unit = "ratio" if ratio is not None else unit
            scale = _SCALE_LETTERS.get(tokens[j + 1].lower_) if j + 1 < len(tokens) and unit else None
            if scale and unit not in {"ratio", "percent"}:
                j, value = j + 1, value * scale  # "£88m": the letter is the scale, not what is counted
                counted = _counted(tokens[i], tokens[j])[1]
            if _conversion(tokens, previous, i):
                i, previous = j + 1, (i, j)  # the same amount again in another unit: one figure, not two
                continue
            previous = (i, j)
            verb = next((t.lemma_.lower() for t in tokens[j].ancestors if t.pos_ == "VERB"), None)
            start, end = tokens[i].idx, tokens[j].idx + len(tokens[j].text)
            found.append(
                NumberMention(
                    start + offset - sentence.start_char,
                    end + offset - sentence.start_char,
                    sentence.doc.text[start:end],
                    value,
                    unit,
                    counted,
                    verb,
                    bool(before & _APPROX),
                    bool(before & _LOWER_BOUND),
                )
            )
        i = j + 1
    return found
