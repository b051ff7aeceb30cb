"""Bytes to text: charset from the HTTP header or the page itself, else sniffed."""

from __future__ import annotations

import charset_normalizer
from w3lib.encoding import html_to_unicode

_SNIFF_BYTES = 64 * 1024


def decode_html(raw: bytes, content_type: str | None = None) -> str:
    """Decode HTML as browsers do: BOM, then Content-Type header, then <meta charset>, then sniffing."""
    _, text = html_to_unicode(content_type, raw, auto_detect_fun=_sniff)
    return text


def decode_text(raw: bytes, charset: str | None = None) -> str:
    """Decode a plain-text page: a stated charset, else UTF-8, else the best sniffed guess."""
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


def _sniff(raw: bytes) -> str | None:
    best = charset_normalizer.from_bytes(raw[:_SNIFF_BYTES]).best()
    return best.encoding if best else None


def looks_binary(head: bytes) -> bool:
    """True for data no page is made of: NUL bytes or mostly control characters in the first bytes."""
    if not head:
        return False
    if b"\x00" in head[:8192]:
        return True
    sample = head[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.1
