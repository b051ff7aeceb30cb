"""Full-text search over article titles and bodies: SQLite FTS5 or PostgreSQL's own, behind one function.

The user's text is hostile and never reaches either query language as syntax: it is cut into words, words
without a letter or digit are dropped, and each remaining word is one quoted FTS5 phrase (so `NEAR(`, `*`, `OR`
or a lone `"` are plain text) or one `plainto_tsquery` argument (a bound parameter that only reads words). Every
word must occur (AND). Both backends fold case and accents alike ("ecole" finds "ÉCOLE"): FTS5's `unicode61`
tokenizer does it on SQLite; on PostgreSQL the text and the query pass through one `translate()` of accented and
capital letters to their plain small letters (`folded`), because the 'simple' configuration folds no accent and
lower-cases only what the server's LC_CTYPE knows. Migration 0007 builds the index on `PG_DOCUMENT`; an index is
only used for the expression it was built on, so changing it needs a migration that rebuilds the index.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import FromClause, column, literal_column, select, table, text
from sqlalchemy.engine import Engine

from manysides.store.columns import storable_text
from manysides.store.models import ArticleRow

SEARCH_CHARS = 100_000  # as the migrations index them: the title and this much of the body
# Latin (with its extensions, Vietnamese included), Greek and Cyrillic capitals and accented letters.
_FOLDED_BLOCKS = ((0x00C0, 0x024F), (0x0386, 0x03AB), (0x0400, 0x042F), (0x1E00, 0x1EFF))


def _fold_table() -> tuple[str, str]:
    """Each letter of the blocks whose plain small form is one other letter ("É" -> "e", "Ж" -> "ж"); Unicode's
    stability policy keeps these decompositions, so the index expression does not drift between Pythons."""
    source = target = ""
    for first, last in _FOLDED_BLOCKS:
        for point in range(first, last + 1):
            letter = chr(point)
            plain = "".join(c for c in unicodedata.normalize("NFD", letter) if not unicodedata.combining(c)).lower()
            if len(plain) == 1 and plain != letter:
                source, target = source + letter, target + plain
    return source, target


FOLD_FROM, FOLD_TO = _fold_table()


def folded(sql: str) -> str:
    """A SQL text expression with accents and capitals folded, as the PostgreSQL search index sees it."""
    return f"translate({sql}, '{FOLD_FROM}', '{FOLD_TO}')"


_INDEXED_TEXT = f"coalesce(title, '') || ' ' || left(body, {SEARCH_CHARS})"
PG_DOCUMENT = f"to_tsvector('simple'::regconfig, {folded(_INDEXED_TEXT)})"
MAX_WORDS = 32  # words of one query that count; the rest are ignored
MAX_WORD_CHARS = 200  # PostgreSQL indexes no word over 2047 bytes, so a longer one can never match


def search_words(query: str) -> list[str]:
    """The words of a search as the index sees them: split on white space, each with a letter or digit.

    NUL and lone surrogates go first (no database takes them); a word longer than any indexed one cannot match.
    """
    words = storable_text(query[: MAX_WORDS * MAX_WORD_CHARS]).split()
    return [w for w in words if len(w) <= MAX_WORD_CHARS and any(ch.isalnum() for ch in w)][:MAX_WORDS]


def fts5_query(words: list[str]) -> str:
    """An FTS5 MATCH expression that is only phrases: every word quoted, inner quotes doubled."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def matching_articles(engine: Engine, words: list[str]) -> FromClause:
    """The ids (column `id`) of articles whose title or body holds every word; no words, no articles.

    On PostgreSQL the matches are a MATERIALIZED CTE: the planner misjudges how many rows a tsquery keeps, and
    would otherwise compute the tsvector of every candidate article instead of reading the index once.
    """
    if not words:
        return select(ArticleRow.id).where(text("1 = 0")).subquery()
    if engine.dialect.name == "postgresql":
        query = select(ArticleRow.id).where(
            text(f"{PG_DOCUMENT} @@ plainto_tsquery('simple'::regconfig, {folded(':search_text')})").bindparams(
                search_text=" ".join(words)
            )
        )
        return query.cte("search_matches").prefix_with("MATERIALIZED")
    index = table("articles_search", column("rowid"))
    query = (
        select(ArticleRow.id)
        .join(index, index.c.rowid == ArticleRow.page_id)
        .where(literal_column("articles_search").op("MATCH")(fts5_query(words)))
    )
    return query.subquery()
