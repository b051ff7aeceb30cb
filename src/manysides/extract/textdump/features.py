"""Per-line features for the content classifier: shape of the line itself and of its neighbourhood.

Kept to a few general signals (length, sentence punctuation, stop words, bullets, repetition,
boilerplate vocabulary, density of prose around, nearness to the headline) so the learnt weights
transfer to sites the training pages never showed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import accumulate

from manysides.extract.textdump.lines import ELLIPSES, Line

# Frequent function words of the languages news pages most often come in; their density tells
# running prose from menus and headlines in all of them.
_STOP_TEXT = """
    a an the and or but of to in on at by for with from as is are was were be been has have had
    it its this that these those he she they we you i his her their our not no will would can
    could said says who which what when there than also after before about into over more
    der die das und oder ein eine einer ist sind war nicht mit von zu den dem des auf für im sich
    auch wie bei nach aus wird werden hat dass es
    le la les et ou un une des du est sont pas pour dans sur par que qui avec au aux ce cette
    el los las y o unos una es son no por para con del al que se su como pero
    o os as e um uma é não em com do da dos das ao que
    il lo gli e di che non per con del della un una sono
    dan yang di ke dari ini itu untuk dengan tidak akan pada adalah juga dalam
    de het een en van op te dat niet met voor zijn
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
_BOILER = re.compile(  # matched against the lower-cased line
    r"\b(share|shares|tweet|comments?|copyright|©|cookies?|subscribe|newsletter|sign (?:up|in)|log ?in"
    r"|advertis\w*|related|read (?:more|next|also)|also read|most (?:read|popular|viewed)|follow us"
    r"|privacy|terms|rights reserved|click here|download|trending|recommended|sponsored)\b"
)
# A short heading after which a page usually leaves the article (comments, link lists), or the
# signature line of a comment ("Alex says:"); anchored at the start so that most lines fail at once.
_END_MARKER = re.compile(
    r"(?:\d+\s+)?(?:comments?|replies|responses|leave a (?:reply|comment)|join the (?:discussion|conversation)"
    r"|related(?: \w+)?|more (?:from|on|in) .{1,30}|read (?:more|next)|most (?:read|popular|viewed)"
    r"|you (?:may|might) also like|recommended(?: \w+)?|trending(?: \w+)?|popular(?: \w+)?)\s*:?$"
    r"|\d+\s+(?:comments?|replies|responses)\b",
    re.IGNORECASE,
)
_SIGNATURES = ("says", "said", "wrote", "writes")
# A teaser's headline run into its text ("...AthleteA 24-year-old", "...rise?Violence"); written to
# start at the capital, which lets the regex engine skip ahead fast.
_GLUED = re.compile(r"[A-Z](?:(?<=[a-z]{3}[A-Z])|(?<=[a-z][.!?][A-Z]))[a-z]")
_DIGIT = re.compile(r"\d")
_BIT = (0.0, 1.0)

PROSE_WORDS = 12
GLUED_MIN_WORDS = 6  # a headline run into its teaser text makes a long line
MAX_BOILER_WORDS = 30  # a long line is text even when it mentions sharing or cookies
SAMPLE_CHARS = 200  # word statistics settle within a couple of hundred characters
LOGLEN_TABLE = 256  # the length feature is looked up for lines shorter than this, computed for longer ones
_LOGLEN = tuple(math.log1p(n) / 4.0 for n in range(LOGLEN_TABLE))
_SLUG_SPLIT = re.compile(r"[\W_]+")
_EXTENSION = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm)$", re.IGNORECASE)
MIN_SLUG_WORDS = 3  # a shorter slug ("/news/123") names no headline
SLUG_SHARE = 0.75  # of the slug's words a line must spell to be the headline
MAX_TITLE_WORDS = 30
TITLE_REACH = 40  # lines below the headline where the article is expected
NAMES = (
    "bias", "loglen", "long", "final", "bullet", "indent_off", "stop",
    "digits", "repeated", "boiler", "urlish", "gap_both", "title_lead", "glued", "truncated",
    "prose_near", "prose_wide", "style_prose", "after_end", "after_title",
)  # fmt: skip


def is_prose(line: Line) -> bool:
    """A long line ending like a sentence: the typical article paragraph."""
    return line.words >= PROSE_WORDS and line.final


def _main_indent(lines: list[Line]) -> int:
    """The indentation holding most words of long sentence-like lines: where the article's paragraphs sit.

    Counting words of prose rather than long lines keeps a short story's two paragraphs from
    losing to one long menu line or footer blurb laid out elsewhere.
    """
    counts: Counter[int] = Counter()
    for line in lines:
        if line.words >= 15 and line.final:
            counts[line.indent] += line.words
    return counts.most_common(1)[0][0] if counts else 0


def window_means(values: list[float], radius: int) -> list[float]:
    """Mean of values in [i - radius, i + radius], clipped at the edges; linear time."""
    n = len(values)
    sums = [0.0, *accumulate(values)]
    width = 2 * radius + 1
    if n <= width:
        return [_clipped_mean(sums, i, radius, n) for i in range(n)]
    head = [_clipped_mean(sums, i, radius, n) for i in range(radius)]
    middle = [(hi - lo) / width for lo, hi in zip(sums[: n - 2 * radius], sums[width:], strict=True)]
    tail = [_clipped_mean(sums, i, radius, n) for i in range(n - radius, n)]
    return head + middle + tail


def _clipped_mean(sums: list[float], i: int, radius: int, n: int) -> float:
    lo, hi = max(0, i - radius), min(n, i + radius + 1)
    return (sums[hi] - sums[lo]) / (hi - lo)


def _style_prose(lines: list[Line], prose: list[float]) -> list[float]:
    """Share of words in prose lines among lines laid out alike (same indent and bullet).

    A dump indents by DOM nesting, so the article's paragraphs share one layout and the
    navigation, teasers and comments sit at others.
    """
    keys = [line.indent * 2 + line.bullet for line in lines]
    total: dict[int, float] = {}
    good: dict[int, float] = {}
    for key, line, is_p in zip(keys, lines, prose, strict=True):
        size = line.words + 1
        total[key] = total.get(key, 0.0) + size
        good[key] = good.get(key, 0.0) + size * is_p
    return [good[key] / total[key] for key in keys]


def _after_end(lines: list[Line], prose: list[float]) -> list[float]:
    """Share of the page's prose words above the last end-of-article marker (comments, related).

    A marker after most of the prose ends the article; one near the top ("Read more" in a
    teaser) says little, and the share lets the model weigh the two apart.
    """
    total = sum(line.words * is_p for line, is_p in zip(lines, prose, strict=True)) or 1
    out, above, share = [], 0.0, 0.0
    for line, is_p in zip(lines, prose, strict=True):
        out.append(share)
        above += line.words * is_p
        if line.words <= 8 and (_END_MARKER.match(line.text) or line.text.rstrip(":").endswith(_SIGNATURES)):
            share = above / total
    return out


def _title_lead(text: str) -> bool:
    """The first words are nearly all capitalised: a headline, often run into a teaser."""
    lead = text.split(maxsplit=6)[:6]
    return len(lead) >= 4 and sum([tok[0].isupper() for tok in lead]) >= min(5, len(lead))


def _removed(pattern: re.Pattern[str], joined: str, parts: list[str]) -> list[int]:
    """Characters `pattern` removes from each of the newline-joined parts.

    One regex pass over the page instead of one call per line (the call overhead, not the scan,
    dominates on short lines); patterns never match a newline, so the parts stay aligned.
    """
    return [len(a) - len(b) for a, b in zip(parts, pattern.sub("", joined).split("\n"), strict=True)]


def _local(lines: list[Line], finals: list[bool], seen: Counter[str]) -> list[list[float]]:
    """Features of each line alone (and its layout relative to the page's prose).

    Written for speed (it runs on every line): statistics on the first few hundred characters,
    regexes run page-wide, booleans mapped through a tuple rather than float().
    """
    main_indent = _main_indent(lines)
    samples = [line.text[:SAMPLE_CHARS] for line in lines]
    joined = "\n".join(samples)
    lowered_joined = joined.lower()
    lowered = lowered_joined.split("\n")
    digits, glued = _removed(_DIGIT, joined, samples), _removed(_GLUED, joined, samples)
    short = [low if line.words <= MAX_BOILER_WORDS else "" for line, low in zip(lines, lowered, strict=True)]
    boiler = _removed(_BOILER, "\n".join(short), short)
    stop, bit, loglen, ellipses = STOP_WORDS.__contains__, _BIT, _LOGLEN, ELLIPSES  # local names: faster
    rows = []
    for line, sample, low, n_digits, n_glued, n_boiler, final in zip(
        lines, samples, lowered, digits, glued, boiler, finals, strict=True
    ):
        text, words = line.text, line.words
        tokens = low.split()
        count = len(tokens) or 1
        rows.append(
            [
                1.0,
                loglen[words] if words < LOGLEN_TABLE else math.log1p(words) / 4.0,
                bit[words >= 25],
                bit[final],
                bit[line.bullet],
                bit[line.indent != main_indent],
                sum(map(stop, tokens)) / count,
                min(1.0, n_digits / (len(sample) or 1) * 4),
                bit[seen[text] > 1],
                bit[n_boiler > 0],
                bit["://" in text or "www." in text or "@" in text or ".com" in text],
                bit[line.gap_before and line.gap_after],
                bit[words >= 4 and _title_lead(sample)],
                bit[words >= GLUED_MIN_WORDS and n_glued > 0],
                bit[text.endswith(ellipses)],
            ]
        )
    return rows


def _slug_words(url: str | None) -> set[str]:
    """Words of the URL's longest path segment: most sites spell the headline there."""
    if not url:
        return set()
    path = url.split("?", 1)[0].split("#", 1)[0].split("://", 1)[-1]
    segment = _EXTENSION.sub("", max(path.split("/")[1:] or [""], key=len))  # "...-confirmed.html"
    return {w for w in _SLUG_SPLIT.split(segment.lower()) if len(w) > 2 and not w.isdigit()}


def _sentence(line: Line) -> bool:
    """A paragraph's sentence, not a headline: long and ending with a full stop (a question may be a headline).

    A lede spells the slug as well as the headline does; on a page whose headline is missing it was taken
    for the headline and lost from the body.
    """
    return is_prose(line) and not line.text.rstrip().endswith(("?", "!"))


def title_index(lines: list[Line], url: str | None) -> int | None:
    """The headline: the first short line, not a sentence, spelling most words of the URL's slug (or None)."""
    slug = _slug_words(url)
    if len(slug) < MIN_SLUG_WORDS:
        return None
    need = SLUG_SHARE * len(slug)
    for i, line in enumerate(lines):
        if line.words <= MAX_TITLE_WORDS and not _sentence(line):
            lowered = line.text.lower()  # substring tests: a slug word is rarely inside another word
            if sum(map(lowered.__contains__, slug)) >= need:
                return i
    return None


def line_features(lines: list[Line], title: int | None = None) -> list[list[float]]:
    """One feature vector per line, in the order of NAMES; `title` is the headline's index when known."""
    seen = Counter(line.text for line in lines)
    finals = [line.final for line in lines]
    prose = [float(line.words >= PROSE_WORDS and final) for line, final in zip(lines, finals, strict=True)]
    near, wide = window_means(prose, 2), window_means(prose, 8)
    style, after = _style_prose(lines, prose), _after_end(lines, prose)
    # The article starts within a few lines of its headline; link lists and teasers elsewhere do not.
    reach = range(-1) if title is None else range(title + 1, title + 1 + TITLE_REACH)
    rows = _local(lines, finals, seen)
    for i, row in enumerate(rows):
        row += (near[i], wide[i], style[i], after[i], _BIT[i in reach])
    return rows
