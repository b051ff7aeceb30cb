"""Fuzz suite (issue 19): whatever bytes arrive, in any format, nothing crashes, injects or stores a bad value.

Every case goes through the real path (readers, extraction, the store, stories, the CLI listings, the compare
engine and its three renderers) and `benchmarks/fuzz_oracle.py` says what must never happen. The generators
(`benchmarks/fuzz_cases.py`) are shared with `python -m benchmarks fuzz`, the long campaign; here each property
runs at a size CI can afford, derandomized so a failure replays. Generated cases are drawn as a seed (printed
with the case's bytes on failure); raw bytes and character references are drawn by hypothesis itself, so they
shrink to a minimal input.
"""

from __future__ import annotations

import gzip
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from benchmarks.fuzz_cases import (
    CHAR_REF_CODES,
    GENERATORS,
    PREFIXES,
    Case,
    Corpus,
    generated_case,
    make_case,
    real_case,
    wrapped,
)
from benchmarks.fuzz_oracle import Workbench, check_case, check_pair
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

SEEDS = st.integers(min_value=0, max_value=2**32)
FUZZ = settings(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workbench]:
    workbench = Workbench(tmp_path_factory.mktemp("fuzz"))
    yield workbench
    workbench.close()


@pytest.fixture(scope="module")
def listing_bench(tmp_path_factory: pytest.TempPathFactory, module_db_url: str) -> Iterator[Workbench]:
    """A workbench per backend for the listings: they are SQL (filters, order, paging), so hostile rows must list
    on PostgreSQL as on SQLite. The reading tests keep SQLite's `bench`: what they check happens before the store,
    and `test_stored_values_fit_every_backend` stores generated cases on both."""
    workbench = Workbench(tmp_path_factory.mktemp("listings"), url=module_db_url)
    yield workbench
    workbench.close()


@pytest.fixture(scope="module")
def corpus(datasets_dir: Path) -> Corpus:
    return Corpus.load(datasets_dir, pages=4)


def _generated(kind: str, seed: int) -> Case:
    case = generated_case(random.Random(seed), kind)
    note(f"{case.kind} {case.name}: {case.literal(3000)}")
    return case


@pytest.mark.parametrize("kind", sorted(GENERATORS))
@settings(FUZZ, max_examples=80)
@given(seed=SEEDS)
def test_generated_inputs_of_every_format_keep_the_contract(bench: Workbench, kind: str, seed: int) -> None:
    """Feeds, WARC, JSON Lines, JSON, HTML, text and random bytes, salted with hostile snippets, read and stored."""
    check_case(_generated(kind, seed), bench, listings=False)


@settings(FUZZ, max_examples=30)
@given(seed=SEEDS)
def test_mutated_real_pages_keep_the_contract(bench: Workbench, corpus: Corpus, seed: int) -> None:
    """Real pages of ../shared/datasets, damaged and spliced with hostile snippets, maybe re-encoded or gzipped."""
    rng = random.Random(seed)
    case = wrapped(rng, real_case(rng, corpus))
    note(f"{case.kind} {case.name}: {case.literal(3000)}")
    check_case(case, bench, listings=False)


@settings(FUZZ, max_examples=30)
@given(seed=SEEDS)
def test_hostile_rows_leave_the_listings_working(listing_bench: Workbench, seed: int) -> None:
    """`articles`, `stories` and `story` over whatever one hostile input stored: no crash, no control character."""
    case = make_case(random.Random(seed), Corpus())
    note(f"{case.kind} {case.name}: {case.literal(3000)}")
    check_case(case, listing_bench, listings=True)


@settings(FUZZ, max_examples=4)
@given(seeds=st.tuples(SEEDS, SEEDS), kinds=st.tuples(*[st.sampled_from(("html", "jsonl", "feed", "text"))] * 2))
def test_reports_of_two_fuzzed_articles_render_inert(
    bench: Workbench, seeds: tuple[int, int], kinds: tuple[str, str]
) -> None:
    """The compare engine on two hostile articles; the text, Markdown and HTML reports show their text as text."""
    check_pair(_generated(kinds[0], seeds[0]), _generated(kinds[1], seeds[1]), bench)


@settings(FUZZ, max_examples=15, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=SEEDS, kind=st.sampled_from(("jsonl", "json", "warc", "feed", "html")))
def test_stored_values_fit_every_backend(db_url: str, tmp_path: Path, seed: int, kind: str) -> None:
    """What SQLite takes, PostgreSQL must take too: NULs, lone surrogates, over-long ids, outlets and dates in the
    input are normalised or bounded before they reach the store (the store is emptied before every case)."""
    bench = Workbench(tmp_path / "bench", url=db_url)
    try:
        check_case(_generated(kind, seed), bench, listings=False)
    finally:
        bench.close()


@settings(FUZZ, max_examples=150)
@given(
    prefix=st.sampled_from(PREFIXES),
    tail=st.binary(max_size=4096),
    name=st.sampled_from(["x", "x.gz", "a.html", "x.jsonl", "x.warc"]),
)
def test_random_bytes_keep_the_contract(bench: Workbench, prefix: bytes, tail: bytes, name: str) -> None:
    check_case(Case("random", name, prefix + tail), bench, listings=False)


@settings(FUZZ, max_examples=40)
@given(payload=st.binary(max_size=2048) | st.text(max_size=2048).map(str.encode))
def test_random_gzip_payloads_keep_the_contract(bench: Workbench, payload: bytes) -> None:
    check_case(Case("gzip", "random.gz", gzip.compress(payload)), bench, listings=False)


@settings(FUZZ, max_examples=40)
@given(text=st.text(max_size=3000))
def test_random_text_pages_keep_the_contract(bench: Workbench, text: str) -> None:
    check_case(Case("text", "t.txt", text.encode("utf-8", "surrogatepass")), bench, listings=False)


CONTAINERS = {
    "html": "<html><head><title>T{ref}</title><meta property='og:site_name' content='S{ref}'></head>"
    "<body><article><h1>Headline {ref}</h1><p>The council said on Monday {ref} that the bridge reopened "
    "after two years of repairs and forty workers took part.</p></article></body></html>",
    "rss": "<rss><channel><title>C{ref}</title><item><title>T{ref}</title><link>https://news.example/a</link>"
    "<description>Body {ref} of the entry, long enough to read as a teaser.</description></item></channel></rss>",
    "atom": "<feed xmlns='http://www.w3.org/2005/Atom'><entry><title type='html'>T{ref}</title>"
    "<content type='html'>&lt;p&gt;Body {ref}&lt;/p&gt;</content></entry></feed>",
    "text": "News {ref}\n\nHeadline {ref}\n\nThe council said on Monday {ref} that the bridge reopened.\n",
}


@settings(FUZZ, max_examples=100)
@given(
    container=st.sampled_from(sorted(CONTAINERS)),
    code=st.sampled_from(CHAR_REF_CODES) | st.integers(min_value=0, max_value=2**70),
    form=st.sampled_from(["&#{};", "&#x{:X};", "&#x{:x}", "&#{}", "&#00{};"]),
)
def test_character_references_keep_the_contract(bench: Workbench, container: str, code: int, form: str) -> None:
    """Every code point a reference may name (controls, surrogates, beyond U+10FFFF) in titles, names and bodies."""
    data = CONTAINERS[container].format(ref=form.format(code)).encode()
    check_case(Case("char-ref", f"page.{container}", data), bench, listings=container in ("html", "rss"))


# Shrunk reproducers of what `python -m benchmarks fuzz` found (December 2026), kept so CI replays every cause.
CAMPAIGN_FINDINGS = [
    pytest.param("doc.json", b'[{"":"","t":"\\udfff","":["",""],"tt":""}]', id="json-lone-surrogate"),
    pytest.param("rows.jsonl", b'{"":{},"":""}\n{"":"","text":"\\ud800"}', id="jsonl-surrogate-body"),
    pytest.param("rows.jsonl", b'{"url":"\xed\xa0\x80","":"","html":">"}', id="jsonl-encoded-surrogate-url"),
    pytest.param("rows.jsonl", b'{"text":"\xed\xa0\x80"}\n', id="jsonl-encoded-surrogate-body"),
    pytest.param("rows.json", b'{"":"","url":0,"":"","html":"html"}', id="json-number-url-html"),
    pytest.param("rows.jsonl", b'{}\n{"url":1,"":"","":[""],"html":"html"}', id="jsonl-number-url-html"),
    pytest.param("rows.json", b'{"url":1,"":"","text":"s"}', id="json-number-url-text"),
    pytest.param("page", b"<h2><p>&#xf<script></script> ", id="html-control-reference"),
    pytest.param("feed.xml", b"<rdf:RDF <item<description<p>\x07</description>", id="feed-control-character"),
    pytest.param("feed.rss", b"<>&#10000000000;", id="feed-reference-out-of-range"),
    pytest.param("rows", '{"id": "O", "url": "f0", "text": "a"}\n'.encode("utf-16-be"), id="jsonl-utf16-no-bom"),
    pytest.param(
        "rows",
        b'{\x00"\x00"\x00:\x00"\x00"\x00,\x00"\x00"\x00:\x00"\x00\x00\\\x00u"\x00,\x00"\x00"\x00:\x00"\x00"\x00}\x00\n\x00{\x00"\x00"\x00:\x00"\x00"\x00,\x00"\x00"\x00:\x00"\x00"\x00,\x00"\x00"\x00:\x00"\x00"\x00,\x00"\x00"\x00:\x00"\x00"\x00,\x00"\x00"\x00:\x00[\x00"\x00"\x00]\x00,\x00"\x00t\x00e\x00x\x00t\x00"\x00:\x00"\x00-\x00"\x00}\x00\n',
        id="jsonl-utf16-odd-lines",
    ),
    pytest.param("doc.json", b'{"published": "2025-03-01T10:00:00+32:00", "text": "t"}', id="json-offset-32-hours"),
    pytest.param("rows.json", b'{"published":"22222222222222222222222222222M","text":"0"}', id="json-date-digits"),
]


@pytest.mark.parametrize(("name", "data"), CAMPAIGN_FINDINGS)
def test_campaign_findings_keep_the_contract(listing_bench: Workbench, name: str, data: bytes) -> None:
    """Each finding stored and listed on both backends: surrogates, odd dates and offsets are what databases refuse."""
    check_case(Case("campaign", name, data), listing_bench, listings=True)


def test_loading_the_models_leaves_logging_alone(tmp_path: Path) -> None:
    """A library that calls `logging.basicConfig` on import (wordllama does) would send every library's INFO
    lines to the terminal, unless the command set logging up first. Checked in a fresh process, as a command
    runs: a logging configuration outlives the case that made it."""
    code = (
        "import pathlib, sys\n"
        "from benchmarks.fuzz_oracle import Workbench, library_logging\n"
        "from manysides.stories.embed import embedder\n"
        "Workbench(pathlib.Path(sys.argv[1]))\n"
        "embedder('default')\n"
        "from manysides.compare.engine import compare\n"
        "library_logging()\n"
    )
    command = [sys.executable, "-c", code, str(tmp_path)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert done.returncode == 0, done.stderr[-600:]
