"""Fuzz cases for issue 19: hostile and damaged inputs in every format ManySides reads.

A case is the bytes of one input file and its name, made from a `random.Random`, so that one seed
reproduces one case. The test suite draws that Random from hypothesis (which then shrinks the draws); the
benchmark numbers its seeds. Real pages from ../shared/datasets are mutated; everything else is generated:
markup, character references, feeds, WARC records, JSON Lines and text dumps, each salted with snippets that
broke (or could break) a reader, the store or a renderer.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Page text that is markup to someone downstream: Rich, a terminal, Markdown, HTML, SQL, a JSON consumer.
HOSTILE_TEXT: tuple[str, ...] = (
    "[/]",
    "[bold red]loud[/bold red]",
    "[link=https://evil.example]click[/link]",
    "[/link]",
    "[",
    "\\[b]",
    "\x1b[2J",
    "\x1b]0;pwned\x07",
    "\x1b]8;;https://evil.example\x1b\\x\x1b]8;;\x1b\\",
    "\x07",
    "\x9b31m",
    "\r",
    "\x00",
    "\ufeff",
    "\u202e",
    "\u2028",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "| # * _ ` < > ~",
    "<!--",
    "-->",
    "]]>",
    "<![CDATA[",
    "%s %(x)s {0} {x}",
    "'; DROP TABLE articles; --",
    "% _",
    "\U0001f4a5",
    "x" * 400,
)
# Bytes no encoder would make: BOMs, invalid UTF-8, encoded surrogates, NUL runs, other archives' magic.
HOSTILE_BYTES: tuple[bytes, ...] = (
    b"\x00",
    b"\x00" * 64,
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
    b"\xff\xfe\x00\x00",
    b"\xed\xa0\x80",
    b"\xc0\x80",
    b"\xf4\x90\x80\x80",
    b"\x80\x81\xfe",
    b"\x1f\x8b",
    b"WARC/1.0\r\n",
    b"\r\n\r\n",
    b'{"',
)
# Code points a character reference may name: C0/C1 controls, surrogates, non-characters, out of range.
CHAR_REF_CODES: tuple[int, ...] = (
    0,
    1,
    7,
    8,
    0x1B,
    0x7F,
    0x80,
    0x9B,
    0x9D,
    0xD800,
    0xDBFF,
    0xDC00,
    0xDFFF,
    0xFDD0,
    0xFFFE,
    0xFFFF,
    0x10FFFF,
    0x110000,
    99999999,
    10**20,
)
NAMED_REFS = ("&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&eacute;", "&bogus;", "&amp", "&#;", "&#x;", "&#-1;")
_FICTIONAL_NEWS = (
    "the council said the Karsa bridge reopened on Saturday after two years of repairs and 40 workers "
    "Officials in Veyra told reporters a ferry strike ended when the union accepted a 12 percent raise "
    "Mayor Dana Whitlock said on Monday that the budget of $3.5 billion would pass"
)
WORDS = tuple(_FICTIONAL_NEWS.split())
TAGS = ("p", "div", "span", "a", "b", "i", "em", "h1", "h2", "li", "ul", "table", "tr", "td", "article", "section")


@dataclass(frozen=True)
class Case:
    """One input file: `kind` names the generator (for reports), `name` is the file name it is read under."""

    kind: str
    name: str
    data: bytes

    def literal(self, limit: int = 400) -> str:
        """The bytes as a Python literal, cut to `limit` bytes, for a reproducer line."""
        shown = repr(self.data[:limit])
        return shown + (f" + ... ({len(self.data)} bytes)" if len(self.data) > limit else "")


@dataclass
class Corpus:
    """A few real pages to mutate; empty when ../shared is absent (then generated pages stand in)."""

    html: list[bytes] = field(default_factory=list)
    text: list[bytes] = field(default_factory=list)

    @classmethod
    def load(cls, datasets: Path | None, pages: int = 6) -> Corpus:
        if datasets is None:
            return cls()
        folder = datasets / "article-extraction"
        html = [gzip.decompress(p.read_bytes()) for p in sorted((folder / "html").glob("*.html.gz"))[:pages]]
        text = [p.read_bytes() for p in sorted((folder / "text").glob("*.txt"))[:pages]]
        seeds = datasets.parent / "seeds"
        text += [p.read_bytes() for p in sorted(seeds.glob("*.txt"))] if seeds.is_dir() else []
        return cls(html=html, text=text)


def char_ref(rng: random.Random) -> str:
    code = rng.choice(CHAR_REF_CODES)
    form = rng.randrange(5)
    if form == 0:
        return f"&#{code};"
    if form == 1:
        return f"&#x{code:X};"
    if form == 2:
        return f"&#x{code:x}"  # no semicolon
    if form == 3:
        return f"&#{'0' * rng.randrange(1, 30)}{code};"
    return rng.choice(NAMED_REFS)


def hostile_text(rng: random.Random, words: int, markup: bool) -> str:
    """Words salted with hostile snippets; in markup, character references too."""
    parts = []
    for _ in range(words):
        roll = rng.random()
        if roll < 0.12:
            parts.append(rng.choice(HOSTILE_TEXT))
        elif roll < 0.2 and markup:
            parts.append(char_ref(rng))
        else:
            parts.append(rng.choice(WORDS))
    return " ".join(parts)


def _attr(rng: random.Random) -> str:
    """A value inside a double-quoted attribute: entities stay, quotes break out half the time."""
    text = hostile_text(rng, rng.randrange(1, 6), markup=True)
    return text if rng.random() < 0.5 else text.replace('"', "&quot;")


def _nested(rng: random.Random, depth: int) -> str:
    tags = [rng.choice(TAGS) for _ in range(depth)]
    inner = hostile_text(rng, rng.randrange(3, 30), markup=True)
    closing = "".join(f"</{t}>" for t in reversed(tags)) if rng.random() < 0.7 else ""
    return "".join(f"<{t}>" for t in tags) + inner + closing


def gen_html(rng: random.Random) -> bytes:
    """A news page whose title, metadata, JSON-LD and body all carry hostile text and character references."""
    title = hostile_text(rng, rng.randrange(1, 12), markup=True)
    head = [f"<title>{title}</title>"]
    for prop in ("og:site_name", "og:title", "article:published_time", "author", "og:url", "description"):
        if rng.random() < 0.5:
            attr = "property" if prop.startswith(("og:", "article:")) else "name"
            head.append(f'<meta {attr}="{prop}" content="{_attr(rng)}">')
    if rng.random() < 0.3:
        head.append(f'<meta charset="{rng.choice(["utf-8", "utf-16", "x-bogus", "latin-1", "utf-7", ""])}">')
    if rng.random() < 0.4:
        ld = {
            "@type": "NewsArticle",
            "headline": hostile_text(rng, 5, markup=False),
            "datePublished": rng.choice(["2025-03-01", "99999-99-99", "\x00", "2025-02-30T25:61", "x" * 60]),
            "author": {"name": hostile_text(rng, 2, markup=False)},
            "publisher": {"name": hostile_text(rng, 3, markup=False)},
        }
        head.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=rng.random() < 0.5)}</script>')
    body = []
    for _ in range(rng.randrange(1, 12)):
        roll = rng.random()
        if roll < 0.6:
            body.append(f"<p>{hostile_text(rng, rng.randrange(5, 60), markup=True)}</p>")
        elif roll < 0.85:
            body.append(_nested(rng, rng.randrange(1, 40)))
        else:
            body.append(_nested(rng, rng.choice((200, 1000, 3000))))
    doctype = "<!DOCTYPE html>" if rng.random() < 0.7 else ""
    page = f"{doctype}<html><head>{''.join(head)}</head><body><article>{''.join(body)}</article></body></html>"
    return page.encode("utf-8", "surrogatepass")


def gen_text(rng: random.Random) -> bytes:
    """A plain-text dump of a whole page: a header line, a menu, a title, a byline, paragraphs, a footer."""
    lines = [hostile_text(rng, rng.randrange(1, 5), markup=False) for _ in range(rng.randrange(0, 6))]
    lines.append(hostile_text(rng, rng.randrange(3, 12), markup=False))
    lines.append(f"By {hostile_text(rng, 2, markup=False)} | {rng.choice(['March 1, 2025', '2025-13-45', ''])}")
    for _ in range(rng.randrange(1, 10)):
        lines += ["", hostile_text(rng, rng.randrange(10, 80), markup=False)]
    if rng.random() < 0.1:
        lines.append(" ".join(rng.choice(WORDS) for _ in range(rng.randrange(3000, 5000))))  # one very long line
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def gen_feed(rng: random.Random) -> bytes:
    """RSS 2.0, Atom or RSS 1.0 with entries whose every field may carry character references."""
    dialect = rng.choice(("rss", "atom", "rdf"))
    entries = []
    for _ in range(rng.randrange(1, 5)):
        title, text, who = (hostile_text(rng, rng.randrange(1, n), markup=True) for n in (10, 80, 4))
        if rng.random() < 0.3:
            text = f"<![CDATA[<p>{text}</p>]]>"
        link = rng.choice(("https://news.example/a", "javascript:alert(1)", "", "https://[::1", char_ref(rng)))
        date = rng.choice(("Sat, 01 Mar 2025 10:00:00 GMT", "2025-03-01T10:00:00Z", "yesterday", char_ref(rng)))
        if dialect == "atom":
            entries.append(
                f'<entry><title>{title}</title><link href="{link}"/><updated>{date}</updated>'
                f'<author><name>{who}</name></author><content type="html">{text}</content></entry>'
            )
        else:
            entries.append(
                f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
                f"<author>{who}</author><description>{text}</description></item>"
            )
    channel_title = hostile_text(rng, 3, markup=True)
    if dialect == "atom":
        doc = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{channel_title}</title>{"".join(entries)}</feed>'
    elif dialect == "rdf":
        doc = (
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
            f"<channel><title>{channel_title}</title></channel>{''.join(entries)}</rdf:RDF>"
        )
    else:
        doc = f'<rss version="2.0"><channel><title>{channel_title}</title>{"".join(entries)}</channel></rss>'
    prolog = '<?xml version="1.0" encoding="utf-8"?>' if rng.random() < 0.6 else ""
    return (prolog + doc).encode("utf-8", "surrogatepass")


def _json_value(rng: random.Random, key: str) -> object:
    roll = rng.random()
    if roll < 0.08:
        return rng.choice((None, 0, -1, 1e308, True, [], {}, ["a", 1, None], {"x": "\x00"}))
    if roll < 0.16:
        return rng.choice(("\x00", "\ud800", "\udfff", "x\x00y", "\x1b[2J"))
    if roll < 0.24:
        return rng.choice(("o", "i", "2")) * rng.choice((199, 201, 301, 1000, 20000))
    if key == "authors":
        return [hostile_text(rng, 2, markup=False) for _ in range(rng.randrange(0, 4))]
    if key == "published":
        return rng.choice(("2025-03-01", "2025-03-01T10:00:00+02:00", "x" * 41, "0000-00-00", "tomorrow"))
    if key == "html":
        return gen_html(rng).decode("utf-8", "surrogatepass")
    words = rng.randrange(20, 120) if key == "text" else rng.randrange(1, 8)
    return hostile_text(rng, words, markup=False)


def _json_record(rng: random.Random) -> dict[str, object]:
    keys = ["id", "url", "outlet", "title", "published", "authors", rng.choice(("text", "html", "text"))]
    return {key: _json_value(rng, key) for key in keys if rng.random() < 0.85}


def gen_jsonl(rng: random.Random) -> bytes:
    """JSON Lines of articles with wrong types, NULs, lone surrogates, over-long ids and outlets."""
    lines = []
    for _ in range(rng.randrange(1, 5)):
        line = json.dumps(_json_record(rng), ensure_ascii=rng.random() < 0.7)
        if rng.random() < 0.1:
            line = line[: rng.randrange(len(line) + 1)]  # a line cut short
        lines.append(line)
    return "\n".join(lines).encode("utf-8", "surrogatepass") + b"\n"


def gen_json(rng: random.Random) -> bytes:
    """One JSON document: an article object, or an array of them, pretty-printed."""
    document = [_json_record(rng) for _ in range(rng.randrange(1, 4))] if rng.random() < 0.6 else _json_record(rng)
    return json.dumps(document, indent=2, ensure_ascii=rng.random() < 0.7).encode("utf-8", "surrogatepass")


def _warc_record(rng: random.Random, number: int) -> bytes:
    uri = rng.choice(("https://news.example/a", "javascript:alert(1)", "https://news.example/" + "x" * 300, "\x1b[2J"))
    date = rng.choice(("2025-03-01T10:00:00Z", "2025-03-01T10:00:00.123456789Z", "x" * 60, "", "\x00"))
    if rng.random() < 0.7:
        rec_type = "response"
        content_type = rng.choice(("text/html; charset=utf-8", "text/html", "application/xhtml+xml", "text/html; x"))
        status = rng.choice(("200 OK", "200 OK", "404 Not Found", "200"))
        block = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + gen_html(rng)
        warc_type = "application/http; msgtype=response"
    else:
        rec_type, block, warc_type = "conversion", gen_text(rng), "text/plain"
    length = len(block) + rng.choice((0, 0, 0, -10, 10, 10**9))
    header = (
        f"WARC/1.0\r\nWARC-Type: {rec_type}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
        f"Content-Type: {warc_type}\r\nContent-Length: {max(length, 0)}\r\n\r\n"
    ).encode("utf-8", "surrogatepass")
    record = header + block + b"\r\n\r\n"
    return gzip.compress(record) if rng.random() < 0.3 else record


def gen_warc(rng: random.Random) -> bytes:
    """A WARC/WET archive of response and conversion records, some with wrong lengths or gzip per record."""
    data = b"".join(_warc_record(rng, n) for n in range(rng.randrange(1, 4)))
    return data[: rng.randrange(len(data) + 1)] if rng.random() < 0.2 else data  # cut mid-record


PREFIXES = (b"", b"WARC/1.0\r\n", b"{", b'{"id": 1, "text": ', b"<rss><channel>", b"<html><body>", b"\x1f\x8b", b"[")


def gen_random(rng: random.Random) -> bytes:
    """Random bytes behind a format's first bytes, so each sniffer's branch sees garbage."""
    return rng.choice(PREFIXES) + rng.randbytes(rng.randrange(4096))


def mutate(rng: random.Random, data: bytes, count: int) -> bytes:
    """Byte-level damage plus hostile snippets spliced in, often right after a tag (into titles and metadata)."""
    out = bytearray(data)
    for _ in range(count):
        op = rng.randrange(8)
        at = rng.randrange(len(out) + 1)
        if op in (0, 1):
            if op == 0 and (tag_end := out.find(b">", at)) >= 0:
                at = tag_end + 1  # into the text right after a tag: a title, a heading, a paragraph
            out[at:at] = rng.choice(HOSTILE_TEXT).encode("utf-8", "surrogatepass")
        elif op == 2:
            out[at:at] = char_ref(rng).encode()
        elif op == 3:
            out[at:at] = rng.choice(HOSTILE_BYTES)
        elif op == 4 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif op == 5:
            del out[at : at + rng.randrange(1, 2000)]
        elif op == 6:
            out[at:at] = out[at : at + rng.randrange(1, 4000)]
        else:
            depth = rng.choice((50, 500, 2000))
            out[at:at] = (b"<div>" * depth) + b"deep" + (b"</div>" * depth if rng.random() < 0.5 else b"")
    return bytes(out)


def reencode(rng: random.Random, data: bytes) -> bytes:
    """The same page in UTF-16 or UTF-32, with or without a BOM (the bytes read as UTF-8 first)."""
    text = data.decode("utf-8", "replace")
    encoding = rng.choice(("utf-16", "utf-16-le", "utf-16-be", "utf-32"))
    return text.encode(encoding, "replace")


GENERATORS: dict[str, tuple[Callable[[random.Random], bytes], tuple[str, ...]]] = {
    "html": (gen_html, ("page.html", "page", "page.txt", "page.htm")),
    "text": (gen_text, ("page.txt", "page", "page.html")),
    "feed": (gen_feed, ("feed.xml", "feed.rss", "feed", "feed.atom")),
    "jsonl": (gen_jsonl, ("rows.jsonl", "rows", "rows.json")),
    "json": (gen_json, ("doc.json", "doc")),
    "warc": (gen_warc, ("crawl.warc", "crawl.wet", "crawl")),
    "random": (gen_random, ("x", "a.html", "x.jsonl")),
}


def generated_case(rng: random.Random, kind: str) -> Case:
    """A document of one generator, damaged a third of the time."""
    generate, names = GENERATORS[kind]
    data, name = generate(rng), rng.choice(names)
    if rng.random() < 0.3:
        data = mutate(rng, data, rng.randrange(1, 4))
    return Case(kind, name, data)


def real_case(rng: random.Random, corpus: Corpus) -> Case:
    """A real page of the corpus (HTML or text dump), damaged in one to five places."""
    real_html = bool(corpus.html) and (not corpus.text or rng.random() < 0.6)
    data = rng.choice(corpus.html if real_html else corpus.text)
    name = rng.choice(("page.html", "page")) if real_html else rng.choice(("page.txt", "page"))
    return Case("real-html" if real_html else "real-text", name, mutate(rng, data, rng.randrange(1, 6)))


def wrapped(rng: random.Random, case: Case) -> Case:
    """Sometimes the same bytes in UTF-16 or UTF-32, sometimes gzipped (or both)."""
    kind, name, data = case.kind, case.name, case.data
    if rng.random() < 0.08:
        kind, data = f"{kind}+utf16/32", reencode(rng, data)
    if rng.random() < 0.08:
        kind, data, name = f"{kind}+gzip", gzip.compress(data, 1), name + ".gz"
    return Case(kind=kind, name=name, data=data)


def make_case(rng: random.Random, corpus: Corpus) -> Case:
    """One case: a generated document or a real page, then maybe re-encoded or gzipped."""
    if rng.random() < 0.3 and (corpus.html or corpus.text):
        return wrapped(rng, real_case(rng, corpus))
    return wrapped(rng, generated_case(rng, rng.choice(tuple(GENERATORS))))
