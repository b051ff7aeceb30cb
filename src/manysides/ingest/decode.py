"""Bytes to text: charset from the HTTP header or the page itself, else sniffed.

UTF-16 and UTF-32 are recognised first (by BOM, or without one where the NUL bytes leave no doubt), since
their NUL bytes would otherwise make a page look like binary data and every later byte test go wrong.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

import charset_normalizer
from w3lib.encoding import html_to_unicode

_SURROGATES = re.compile("[\ud800-\udfff]")
_SNIFF_BYTES = 64 * 1024
_WIDE_SAMPLE = 4096
# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Without a BOM, UTF-16 is taken as clear when at least this share of the high bytes is NUL (markup, spaces
# and digits are ASCII even in Russian or Greek text), next to none of the low bytes are, and the ASCII
# characters it decodes to are nearly all printable (binary data decodes to control codes there).
_MIN_NUL_HIGH_BYTES = 0.1
_MAX_NUL_LOW_BYTES = 0.02
_MIN_PRINTABLE_ASCII = 0.9


def decode_html(raw: bytes, content_type: str | None = None) -> str:
    """Decode HTML as browsers do: BOM, then Content-Type header, then <meta charset>, then sniffing."""
    wide = wide_encoding(raw)
    if wide:
        return decode_wide(raw, wide)
    _, text = html_to_unicode(content_type, raw, auto_detect_fun=_sniff)
    return text


def decode_text(raw: bytes, charset: str | None = None) -> str:
    """Decode a plain-text page: a stated charset, else UTF-8, else the best sniffed guess."""
    wide = wide_encoding(raw)
    if wide:
        return decode_wide(raw, wide)
    if charset:
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        guessed = _sniff(raw)
        return raw.decode(guessed or "utf-8", errors="replace")


def wide_encoding(raw: bytes) -> str | None:
    """'utf-16-le', 'utf-32-be'... when the bytes are UTF-16 or UTF-32, by BOM or by an unmistakable NUL pattern."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    sample = raw[:_WIDE_SAMPLE]
    sample = sample[: len(sample) - len(sample) % 4]  # whole code units of either width
    if len(sample) < 16:
        return None
    for name in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        if _nul_pattern_fits(sample, name) and _decodes_as_text(sample, name):
            return name
    return None


def utf8_head(head: bytes) -> bytes:
    """The first bytes as UTF-8, so format sniffing and binary tests see markup, not interleaved NULs."""
    wide = wide_encoding(head)
    if not wide:
        return head
    return decode_wide(head, wide, final=False).encode("utf-8")


def decode_wide(raw: bytes, encoding: str, final: bool = True) -> str:
    """UTF-16/32 to text without the BOM; `final=False` for a head that may end inside a character."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    return decoder.decode(raw, final=final).removeprefix("\ufeff")


def _nul_pattern_fits(sample: bytes, encoding: str) -> bool:
    if encoding.startswith("utf-32"):
        units = [sample[i : i + 4] for i in range(0, len(sample), 4)]
        if encoding.endswith("le"):
            return all(u[3] == 0 and u[2] <= 0x10 for u in units) and any(u[0] or u[1] for u in units)
        return all(u[0] == 0 and u[1] <= 0x10 for u in units) and any(u[2] or u[3] for u in units)
    low, high = (sample[0::2], sample[1::2]) if encoding.endswith("le") else (sample[1::2], sample[0::2])
    return high.count(0) >= _MIN_NUL_HIGH_BYTES * len(high) and low.count(0) <= _MAX_NUL_LOW_BYTES * len(low)


def _decodes_as_text(sample: bytes, encoding: str) -> bool:
    try:
        text = codecs.getincrementaldecoder(encoding)(errors="strict").decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    ascii_chars = [c for c in text if c < "\x80"]
    printable = sum(1 for c in ascii_chars if c.isprintable() or c in "\t\n\r\f")
    return bool(ascii_chars) and printable >= _MIN_PRINTABLE_ASCII * len(ascii_chars)


def _sniff(raw: bytes) -> str | None:
    best = charset_normalizer.from_bytes(raw[:_SNIFF_BYTES]).best()
    return best.encoding if best else None


def looks_binary(head: bytes) -> bool:
    """True for data no page is made of: NUL bytes or mostly control characters in the first bytes.

    UTF-16 and UTF-32 text is judged on its characters, not on the NUL bytes of its encoding.
    """
    head = utf8_head(head)
    if not head:
        return False
    if b"\x00" in head[:8192]:
        return True
    return _mostly_controls(head[:4096])


def _mostly_controls(sample: bytes) -> bool:
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.1


def without_surrogates(value: Any) -> Any:
    """Lone surrogates (what `&#xD800;` or a JSON `\\ud800` decode to) as U+FFFD, in a string or anything JSON
    holds: no UTF-8 file, database or terminal can take them."""
    if isinstance(value, str):
        return _SURROGATES.sub("\ufffd", value)
    if isinstance(value, list):
        return [without_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {without_surrogates(key): without_surrogates(item) for key, item in value.items()}
    return value
