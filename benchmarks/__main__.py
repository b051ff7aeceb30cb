"""`make bench` / `python -m benchmarks [NAME...]`: every benchmark, ManySides beside the references, one run.

Benchmarks report figures; they assert nothing. Each reads ../shared/datasets in place.
"""

from __future__ import annotations

import importlib
import sys
import time

BENCHMARKS = {
    "extraction_html": "HTML extraction (article-extraction benchmark)",
    "extraction_text": "Text-dump extraction (same pages rendered to text)",
    "extraction_multilingual": "Extraction in ar, he, es, fr, de, tr (our own fictional pages), beside trafilatura",
    "extraction_kinds": "Recipes, blogs, forums and shop news (our own fictional pages): HTML beside text dumps",
    "stories": "Stories (BASIL, ECB+, GVA; throughput)",
    "scaling": "Story assignment at 10k, 100k and 1M articles: time per article, peak memory (issue 17)",
    "batch": "Batch ingest: serial, 1 and 2 Dask workers, SQLite and PostgreSQL side by side (issue 17)",
    "arrival_order": "Stories when pages arrive out of date order (GVA week by week, some late), beside one ingest",
    "semeval": "One story across languages: SemEval-2022 pairs ingested into one database, beside TF-IDF and USE",
    "facts": "Shared facts and conflicts against hand-annotated BASIL coverage (basil-facts), beside TF-IDF",
    "compare_multilingual": "Statements aligned across languages (our own fictional stories, held-out half)",
    "place_merges": "Places merged across languages and scripts (our own fictional stories)",
    "compare": "Comparison (ECB+ facts as a second check, BASIL framing, speed)",
    "framing_items": "Framing items a report shows, against BASIL's lex spans: how many, how many right",
    "speakers": "Quote speakers against BASIL's annotated quoted spans",
    "speakers_multilingual": "Quote speakers outside English: annotated SemEval articles and our own fictional set",
    "changed_copies": "Changed copies: a value changed in one outlet's copy of a sentence is a conflict",
    "fuzz": "Fuzz campaign: hostile and damaged inputs through every reader and renderer (issue 19)",
    "web": "Web app page times with 100,000 stored articles, beside the issue 15 targets",
}


def main(names: list[str]) -> int:
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    for name in names or list(BENCHMARKS):
        print(f"\n=== {BENCHMARKS[name]} — benchmarks/{name}.py ===", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"benchmarks.{name}")
        saved = sys.argv
        sys.argv = [f"benchmarks.{name}"]
        try:
            module.main()
        finally:
            sys.argv = saved
        print(f"({time.perf_counter() - started:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
