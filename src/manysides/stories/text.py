"""Text helpers shared by the stories modules: one normalisation so every signal sees the same words."""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from unidecode import unidecode

from manysides.extract.marks import ascii_digits
from manysides.extract.words import MONTH_PREFIXES, MONTHS
from manysides.records.article import Article

_BOILERPLATE = re.compile(
    r"copyright|all rights reserved|\(c\) \d{4}|click here|sign in|sign up|subscribe|newsletter|follow us|"
    r"terms of (?:service|use)|privacy policy|cookies?\b|advertisement|related stories|share this|"
    r"this material may not be published|redistributed",
    re.IGNORECASE,
)
# Furniture that only short lines carry (a sentence may quote a tweet or credit a wire): social prompts,
# bylines, update stamps, "More X News" link lists.
_FURNITURE = re.compile(
    r"join the conversation|follow (?:us|@?\w+) on|on (?:twitter|facebook|instagram)\b|stay up to date|"
    r"\breach (?:him|her|them|the \w+) at\b|staff writer|contributed to this report|\b(?:posted|updated)\b|"
    r"^(?:related|more|read more|watch|see also)\b|\u00a9|@\w|\bemail\b|\bphoto(?:s|graph)?\b|credit:|"
    r"thank you for (?:registering|subscribing|signing up|visiting)|\bregister\b",
    re.IGNORECASE,
)
FURNITURE_WORDS = 16  # lines at most this long that match _FURNITURE are dropped
LONG_LINE_CHARS = 500  # a line longer than this is a paragraph or a whole body: boilerplate is cut by sentence
_SENTENCE_END = re.compile(r"(?<=[.!?\u3002\u061f])\s+")
_TITLE_PARTS = re.compile(r"\s+[-|\u2013\u2014:]\s+")
# The non-ASCII characters of most English news, mapped without unidecode's slower per-character path.
_PUNCTUATION = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u2026": "...",
        "\u00e9": "e",
    }
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_EPOCH = date(1970, 1, 1).toordinal()
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_FULL_DATE = re.compile(
    rf"\b(?:{_MONTH.replace('(', '(?P<m1>', 1)}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.replace('(', '(?P<m2>', 1)},?\s+(?P<y2>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
# Numeric dates: 2013-09-26, 27/09/2013, 11/28/05 (day and month told apart when one exceeds 12, else US order).
_NUMERIC_DATE = re.compile(
    r"\b(?:(?P<iy>(?:19|20)\d\d) ?- ?(?P<im>\d{1,2}) ?- ?(?P<id>\d{1,2})"
    r"|(?P<a>\d{1,2}) ?[/.] ?(?P<b>\d{1,2}) ?[/.] ?(?P<y>(?:19|20)?\d\d))\b"
)
# A day, a month name of any language CLDR names and a year: "19. November 2018", "16 de mayo de 2020",
# "12 Ocak 1932", "5 בדצמבר 2019", "٣ مايو ٢٠٢٠" (digits of any script are read as ASCII first).
_ANY_LANGUAGE_DATE = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\.?\s+(?:de\s+)?(?:"
    + "|".join(map(re.escape, MONTH_PREFIXES))
    + r")?(?P<m>"
    + "|".join(map(re.escape, sorted(MONTHS, key=len, reverse=True)))
    + r")\.?(?!\w),?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
DATELINE_CHARS = 600  # a date this near the top is the article's own, not one from the background
# A date written the way another language writes it counts only this near the top (a dateline, "Von dpa 10.
# Februar 2020"): further down such texts more often name a background date than the article's own.
ANY_LANGUAGE_DATELINE_CHARS = 160

# A headline with at least this many words of at least HEADLINE_WORD_CHARS letters is checked against its body;
# words meet on their first STEM_CHARS letters.
HEADLINE_CHECK_WORDS = 3
HEADLINE_WORD_CHARS = 4
STEM_CHARS = 5
_ANY_WORD = re.compile(r"\w+")
# Each article's text is read three times (word embedding, multilingual lead, features) with a whole batch of
# stories.batch in between: its cleaned body, event text and check are remembered for twice that batch.
CHECKED_TEXTS = 512
BODY_CHECK_CHARS = 300  # the body's start, as much as the multilingual lead reads
# Below this cosine a headline and a body that share no word are taken for two texts (read off the spread of
# headline-to-body cosines over unrated news pages: consent notices and paywall prompts sit below it).
OTHER_STORY_COSINE = 0.1

# Characters of title + body that the embedding sees: the lede carries the event; long tails dilute it.
EMBED_CHARS = 2000


def ascii_text(text: str) -> str:
    """Türkiye -> Turkiye, curly quotes -> straight: spellings across outlets meet in ASCII."""
    text = text.translate(_PUNCTUATION)
    return text if text.isascii() else unidecode(text)


def words(text: str) -> list[str]:
    """Lower-case ASCII word tokens."""
    return _WORD.findall(ascii_text(text).lower())


def stable_hash(text: str) -> int:
    """32-bit hash that is the same in every process (Python's hash() is salted)."""
    return zlib.crc32(text.encode("utf-8"))


def headline(title: str | None) -> str:
    """The longest part of a title, so 'Five shot - WMC Action News 5 - Memphis' keeps only the news."""
    if not title:
        return ""
    return max(_TITLE_PARTS.split(title), key=len).strip()


@lru_cache(maxsize=CHECKED_TEXTS)
def prose(body: str) -> str:
    """The body without site furniture (copyright lines, sign-in prompts): it names the outlet, not the event.
    A long line loses only its boilerplate sentences: a body delivered as one paragraph (a feed's text, a
    collapsed dump) must not vanish for one 'subscribe' in it."""
    kept = []
    for line in body.splitlines():
        if len(line) <= LONG_LINE_CHARS:
            if not _furniture(line):
                kept.append(line)
        elif not _BOILERPLATE.search(line):
            kept.append(line)  # too long for short-line furniture
        else:
            line = " ".join(s for s in _SENTENCE_END.split(line) if not _BOILERPLATE.search(s))
            if line:
                kept.append(line)
    return "\n".join(kept)


def _furniture(line: str) -> bool:
    if _BOILERPLATE.search(line):
        return True
    return len(line.split()) <= FURNITURE_WORDS and _FURNITURE.search(line) is not None


def event_text(article: Article) -> str:
    """Headline and body prose: the text every signal reads. A body that shares no word with its headline is
    not that headline's article (a consent notice, a paywall prompt, another page's text): the headline alone
    tells the event then."""
    return _event_text(article.title, article.body)


@lru_cache(maxsize=CHECKED_TEXTS)
def _event_text(title: str | None, body: str) -> str:
    """event_text() of a (title, body) pair, remembered as the check below is: each article's text is read three
    times, and cleaning the body again each time was one of ingest's larger costs."""
    heading, kept = headline(title), prose(body)
    return heading if tells_another_story(title or "", kept) else f"{heading}\n{kept}"


def tells_another_story(title: str, body: str) -> bool:
    """Whether the body is some other text than the headline's article: the headline has a few words, none of
    them is in the body (compared by their first letters, so inflected forms meet), and the multilingual
    encoder, which also meets paraphrases and translations, places the headline far from the body's start.
    The encoder is asked only when no word is shared, a few pages in a hundred."""
    decided = _DECIDED.get((title, body))
    if decided is not None:
        return decided
    if not _asks_encoder(title, body):
        return False
    from manysides.stories.multilingual import cosine  # it reads this module's text helpers

    return cosine(headline(title), body[:BODY_CHECK_CHARS]) < OTHER_STORY_COSINE


def _asks_encoder(title: str, body: str) -> bool:
    """Whether the check needs the encoder: the headline has a few words and shares none with the body."""
    return len(_stems(headline(title))) >= HEADLINE_CHECK_WORDS and not _stems(title) & _stems(body)


# The last batch's checks, decided by check_headlines(): (title, body prose) -> another story.
_DECIDED: dict[tuple[str, str], bool] = {}


def check_headlines(articles: Sequence[Article]) -> None:
    """Decide a batch's headline checks before its texts are read, asking the encoder once for all the pairs
    that need it: one call per pair costs the encoder's fixed cost each time."""
    from manysides.stories.multilingual import encode  # it reads this module's text helpers

    pairs = [(a.title or "", prose(a.body)) for a in articles]
    asked = [pair for pair in pairs if _asks_encoder(*pair)]
    vectors = encode([text for title, body in asked for text in (headline(title), body[:BODY_CHECK_CHARS])])
    _DECIDED.clear()
    _DECIDED.update(dict.fromkeys(pairs, False))
    for k, pair in enumerate(asked):
        _DECIDED[pair] = float(vectors[2 * k] @ vectors[2 * k + 1]) < OTHER_STORY_COSINE


def _stems(text: str) -> set[str]:
    """A text's longer words by their first letters: 'Regierung' meets 'Regierungsbündnis'. Words of any script,
    lower-cased, not transliterated: both texts are in one language, and unidecode would cost more than the
    rest of the check."""
    return {w[:STEM_CHARS] for w in _ANY_WORD.findall(text.lower()) if len(w) >= HEADLINE_WORD_CHARS}


def embed_text(article: Article) -> str:
    """Headline and the start of the body: what the event is, before background paragraphs."""
    return event_text(article)[:EMBED_CHARS]


def day_number(article: Article) -> int | None:
    """Days since 1970 of published, else captured, else a full date near the top of the text (a dateline)."""
    for value in (article.published, article.captured):
        if value and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10]).toordinal() - _EPOCH
            except ValueError:
                continue
    return text_day(article.body[:DATELINE_CHARS])


def text_day(text: str) -> int | None:
    """Days since 1970 of the first full date in text ('18 September 2013', 'Sept. 19, 2013', '27/09/2013',
    '16 de mayo de 2020')."""
    found = [(m.start(), _written(m)) for m in _FULL_DATE.finditer(text)]
    found += [
        (m.start(), _any_language(m))
        for m in _ANY_LANGUAGE_DATE.finditer(ascii_digits(text[:ANY_LANGUAGE_DATELINE_CHARS]))
    ]
    found += [(m.start(), _numeric(m)) for m in _NUMERIC_DATE.finditer(text)]
    for _, ymd in sorted((at, ymd) for at, ymd in found if ymd):
        try:
            return date(*ymd).toordinal() - _EPOCH
        except ValueError:
            continue
    return None


def _written(match: re.Match[str]) -> tuple[int, int, int]:
    month = _MONTHS.index((match["m1"] or match["m2"]).lower()) + 1
    return int(match["y1"] or match["y2"]), month, int(match["d1"] or match["d2"])


def _any_language(match: re.Match[str]) -> tuple[int, int, int] | None:
    month = MONTHS.get(match["m"].lower())
    return (int(match["y"]), month, int(match["d"])) if month else None


def _numeric(match: re.Match[str]) -> tuple[int, int, int] | None:
    """(year, month, day) of a numeric date; None when its parts cannot be a date."""
    if match["iy"]:
        return int(match["iy"]), int(match["im"]), int(match["id"])
    a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
    year += 0 if year >= 100 else (2000 if year < 50 else 1900)
    month, day = (b, a) if a > 12 else (a, b)
    return (year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
