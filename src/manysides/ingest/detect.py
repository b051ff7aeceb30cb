"""Which format an input is in, judged by its content first and its name only as a tie-breaker."""

from __future__ import annotations

import json
import re
from typing import Literal

from manysides.ingest.decode import utf8_head

Format = Literal["warc", "jsonl", "json", "feed", "html", "text"]

GZIP_MAGIC = b"\x1f\x8b"
_WARC_NAMES = (".warc", ".warc.gz", ".wet", ".wet.gz", ".arc", ".arc.gz")
_JSONL_NAMES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>]", re.I | re.S)
_HTML_TAG = re.compile(rb"</?(?:p|div|span|a|br|h[1-6]|article|section|table|li|ul|script)[\s>/]", re.IGNORECASE)


def detect_format(head: bytes, name: str = "") -> Format:
    """Guess the format from the first (decompressed) bytes of an input.

    `name` breaks ties only, so a WARC called page.txt or HTML sent without an extension still reads right.
    UTF-16 and UTF-32 heads are sniffed as the text they encode.
    """
    stripped = utf8_head(head).lstrip(b"\xef\xbb\xbf \t\r\n")
    lower_name = name.lower()
    if stripped.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if stripped.startswith(b"{") and _first_line_is_json_object(stripped):
        return "jsonl"
    if stripped.startswith(b'{"') and (b"\n" not in stripped or lower_name.endswith(_JSONL_NAMES)):
        return "jsonl"  # a first record longer than the sniffed head
    if stripped.startswith((b"{", b"[")) and re.match(rb"[\[{]\s*[\[{\"]", stripped):
        return "json"  # a pretty-printed object, or an array of records
    xml_head = stripped[:4096]
    if xml_head.startswith(b"<") and _FEED_ROOT.search(xml_head) and not _HTML_START.match(stripped):
        return "feed"
    if _HTML_START.match(stripped):
        return "html"
    if lower_name.endswith((".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")):
        return "html"
    if lower_name.endswith((".rss", ".atom", ".rss.gz", ".atom.gz")):
        return "feed"
    if stripped.startswith(b"<") and len(_HTML_TAG.findall(stripped[:16384])) >= 3:
        return "html"
    if lower_name.endswith(_WARC_NAMES):
        return "warc"  # named as an archive and like nothing else: the WARC reader says what is wrong with it
    return "text"


def _first_line_is_json_object(data: bytes) -> bool:
    line = data.split(b"\n", 1)[0].strip()
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
