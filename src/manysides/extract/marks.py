"""What right-to-left and non-Latin pages put around their text: direction marks and native digits.

Browsers copy the invisible direction marks (U+200E, U+200F, U+061C, the embedding and isolate controls) along
with the text of an Arabic or Hebrew page, and Arabic pages write numbers in Arabic-Indic digits. Rules that
look at the shape of a line or read a date see through both.
"""

from __future__ import annotations

DIRECTION_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_NO_MARKS = str.maketrans("", "", DIRECTION_MARKS)
# Arabic-Indic (U+0660-0669) and Eastern Arabic-Indic (U+06F0-06F9, Persian and Urdu) digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)


def strip_marks(text: str) -> str:
    """The text without direction marks, wherever they sit."""
    return text.translate(_NO_MARKS)


def ascii_digits(text: str) -> str:
    """Arabic-Indic digits written as 0-9 (same length, so offsets hold)."""
    return text.translate(_DIGITS)


def trim(text: str) -> str:
    """White space and direction marks off both ends."""
    return text.strip().strip(DIRECTION_MARKS).strip()
