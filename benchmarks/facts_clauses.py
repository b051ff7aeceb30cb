"""Clause units of a sentence and clause-level pair signals, measured by `benchmarks.facts_metric` (issue 14).

    python -m benchmarks.facts_clauses    # what the clause units cost (encoder inputs, CPU)

Annotators pair two sentences when they share any one proposition, often a subordinate clause told in other words.
A clause unit is a verb's clause read from the sentence's own parse: its own words (the subtree less the clauses
under it) or its whole subtree (a contiguous span). A sentence of one clause is one unit.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from manysides.compare import pairs, sentence_vectors
from manysides.understand import SentenceInfo

# Dependencies that open a clause of their own under a verb (xcomp stays with its governor: "wants to go").
_CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "conj", "csubj", "csubjpass", "parataxis", "acl", "pcomp"})
_MIN_WORDS = 3


@dataclass(frozen=True)
class Unit:
    """One clause unit: its text, its content terms, and how it was cut ("own", "subtree" or "sentence")."""

    text: str
    kind: str
    tokens: tuple[int, ...]


def _heads(sentence: SentenceInfo) -> list:
    return [
        t
        for t in sentence.doc
        if t.dep_ == "ROOT" or (t.dep_ in _CLAUSE_DEPS and t.pos_ in {"VERB", "AUX"} and t.head.i != t.i)
    ]


def _words(tokens: list) -> int:
    return sum(1 for t in tokens if not (t.is_punct or t.is_space))


def _text(tokens: list) -> str:
    """The tokens' text, without punctuation at either end (a cut clause keeps the sentence's full stop)."""
    words = [k for k, t in enumerate(tokens) if not (t.is_punct or t.is_space)]
    if not words:
        return ""
    return "".join(t.text_with_ws for t in tokens[words[0] : words[-1] + 1]).strip()


def clause_units(sentence: SentenceInfo) -> list[Unit]:
    """The sentence's clause units; the sentence alone when it has one clause or no parse."""
    whole = Unit(sentence.text, "sentence", tuple(range(len(sentence.doc))))
    if not sentence.parsed or len(sentence.doc) == 0:
        return [whole]
    heads = _heads(sentence)
    if len(heads) < 2:
        return [whole]
    head_set = {t.i for t in heads}
    units = []
    for head in heads:
        own = []
        for t in head.subtree:
            owner = t
            while owner.i not in head_set and owner.head.i != owner.i:
                owner = owner.head
            if owner.i == head.i:
                own.append(t)
        if _words(own) >= _MIN_WORDS:
            units.append(Unit(_text(own), "own", tuple(t.i for t in own)))
        if head.dep_ != "ROOT":
            span = list(head.subtree)
            if _words(span) >= _MIN_WORDS:
                units.append(Unit(_text(span), "subtree", tuple(t.i for t in span)))
    seen = {whole.text}
    result = [whole]
    for unit in units:
        if unit.text not in seen:
            seen.add(unit.text)
            result.append(unit)
    return result


def unit_terms(sentence: SentenceInfo, unit: Unit) -> set[str]:
    """The unit's content terms, as `pairs.terms` reads them for the whole sentence."""
    allowed = pairs.terms(sentence)
    return {sentence.doc[i].lemma_.lower() for i in unit.tokens} & allowed


def best_over(owner: np.ndarray, similar: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For every two sentences, the best `similar` between a unit of one and a unit of the other, and which
    units (row, column index into the units) give it."""
    best = np.full((n, n), -np.inf)
    arg_a = np.zeros((n, n), dtype=np.int64)
    arg_b = np.zeros((n, n), dtype=np.int64)
    starts = np.r_[0, np.cumsum(np.bincount(owner, minlength=n))]
    for i in range(n):
        rows = similar[starts[i] : starts[i + 1]]
        for j in range(n):
            block = rows[:, starts[j] : starts[j + 1]]
            if block.size == 0:
                continue
            k = int(np.argmax(block))
            a, b = divmod(k, block.shape[1])
            best[i, j] = block[a, b]
            arg_a[i, j] = starts[i] + a
            arg_b[i, j] = starts[j] + b
    best[np.isinf(best)] = 0.0
    return best, arg_a, arg_b


def unit_best(owner: np.ndarray, similar: np.ndarray, articles: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Between two sentences of two articles: how far each has a unit whose best match among all the other
    article's units lies in the other sentence (0, 0.5 or 1), and whether some unit pair is each other's best."""
    unit_article = articles[owner]
    one_way = np.zeros((n, n))
    mutual = np.zeros((n, n))
    best_in: dict[int, np.ndarray] = {}
    for b in np.unique(articles):
        columns = np.flatnonzero(unit_article == b)
        best_in[int(b)] = columns[np.argmax(similar[:, columns], axis=1)]
    for u in range(len(owner)):
        for b, chosen in best_in.items():
            v = int(chosen[u])
            if b == unit_article[u]:
                continue
            one_way[owner[u], owner[v]] = 1.0
            if best_in[int(unit_article[u])][v] == u:
                mutual[owner[u], owner[v]] = 1.0
    return 0.5 * (one_way + one_way.T), np.maximum(mutual, mutual.T)


@dataclass
class ClauseSignals:
    """A story's clause-level pair matrices (n, n) by name, and what they cost."""

    matrices: dict[str, np.ndarray]
    units: int
    seconds: float


def clause_signals(sentences: list[SentenceInfo], articles: list[int]) -> ClauseSignals:
    """Every clause signal measured: max contextual cosine over unit pairs (several cuts), the same after removing
    the story's mean unit vector, the rare-word overlap of the best unit pair, and whether that pair is mutual-best
    between the two articles."""
    started = time.process_time()
    n = len(sentences)
    per = [clause_units(s) for s in sentences]
    flat = [(i, u) for i, us in enumerate(per) for u in us]
    owner = np.array([i for i, _ in flat])
    kinds = np.array([u.kind for _, u in flat])
    matrix = sentence_vectors.vectors([u.text for _, u in flat]).astype(np.float64)
    cosine = matrix @ matrix.T
    out: dict[str, np.ndarray] = {}

    def restricted(keep: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        # a sentence none of whose units is kept falls back on its whole-sentence unit
        has = np.bincount(owner[keep], minlength=n) > 0
        keep = keep | ((kinds == "sentence") & ~has[owner])
        idx = np.flatnonzero(keep)
        best, a, b = best_over(owner[idx], cosine[np.ix_(idx, idx)], n)
        return best, idx[a], idx[b]

    all_best, arg_a, arg_b = restricted(np.ones(len(flat), dtype=bool))
    out["clause_ctx_all"] = all_best
    out["clause_ctx_own"] = restricted(kinds != "subtree")[0]  # own words of each clause (and the sentence)
    out["clause_ctx_span"] = restricted(kinds != "own")[0]  # contiguous subtrees (and the sentence)
    out["clause_ctx_cut"] = restricted(kinds == "own")[0]  # own words only (sentence when one clause)
    centred = matrix - matrix.mean(axis=0)
    centred /= np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-9)
    out["clause_ctx_centred"] = best_over(owner, centred @ centred.T, n)[0]
    # rare-word overlap of the best unit pair by the contextual cosine (IDF over the story's sentences)
    sets = [pairs.terms(s) for s in sentences]
    df: dict[str, int] = {}
    for terms in sets:
        for w in terms:
            df[w] = df.get(w, 0) + 1
    unit_sets = [unit_terms(sentences[i], u) for i, u in flat]
    vocabulary = {w: k for k, w in enumerate(sorted(df))}
    idf = np.zeros((len(flat), max(len(vocabulary), 1)))
    for k, terms in enumerate(unit_sets):
        for w in terms:
            idf[k, vocabulary[w]] = np.log((1 + n) / (1 + df[w])) + 1.0
    idf /= np.maximum(np.linalg.norm(idf, axis=1, keepdims=True), 1e-9)
    out["clause_ctx_idf"] = (idf @ idf.T)[arg_a, arg_b]
    best, margin = pairs.best_match(all_best, np.array(articles))
    out["clause_ctx_mutual"] = best
    out["clause_ctx_margin"] = margin
    story = np.array(articles)
    out["clause_unit_best"], out["clause_unit_mutual"] = unit_best(owner, cosine, story, n)
    out["clause_unit_best_centred"], out["clause_unit_mutual_centred"] = unit_best(owner, centred @ centred.T, story, n)
    out["clause_ctx_gain"] = all_best - sentence_vectors.cosine([s.text for s in sentences])
    return ClauseSignals(out, len(flat), time.process_time() - started)


def cost(limit: int = 8) -> None:
    """Encoder inputs and CPU per sentence and per article of the clause units, beside the sentences' own encoding
    (a fresh encoder cache; the model loaded first)."""
    from benchmarks import facts
    from manysides.stories.multilingual import encode

    found = facts.triplets(limit)
    encode(["warm up"])
    sentences = [s for t in found for text in t.texts for s in text.sentences]
    articles = sum(len(t.texts) for t in found)
    started = time.process_time()
    encode([s.text for s in sentences])
    alone = time.process_time() - started
    started = time.process_time()
    units = [u.text for s in sentences for u in clause_units(s) if u.kind != "sentence"]
    cutting = time.process_time() - started
    started = time.process_time()
    encode(units)
    extra = time.process_time() - started
    n = len(sentences)
    print(
        f"{n} sentences of {articles} articles: {len(units) / n:.2f} extra encoder inputs per sentence; CPU per "
        f"sentence: sentence encoding {1000 * alone / n:.2f} ms, cutting clauses {1000 * cutting / n:.2f} ms, "
        f"encoding clauses {1000 * extra / n:.2f} ms; per article {1000 * (cutting + extra) / articles:.0f} ms extra "
        f"(sentences' own encoding {1000 * alone / articles:.0f} ms)"
    )


if __name__ == "__main__":
    cost()
