"""Per-line features for the content classifier: shape of the line itself and of its neighbourhood.

Kept to a few general signals (length, sentence punctuation, stop words, bullets, capitals,
repetition, boilerplate vocabulary, density of prose around) so the learnt weights transfer to
sites the training pages never showed.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import accumulate

from manysides.extract.textdump.lines import Line

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
# A short heading after which a page usually leaves the article (comments, link lists).
_END_MARKER = re.compile(
    r"^(?:\d+\s+)?(?:comments?|replies|responses|leave a (?:reply|comment)|join the (?:discussion|conversation)"
    r"|related(?: \w+)?|more (?:from|on|in) .{1,30}|read (?:more|next)|most (?:read|popular|viewed)"
    r"|you (?:may|might) also like|recommended(?: \w+)?|trending(?: \w+)?|popular(?: \w+)?)\s*:?$"
    r"|^\d+\s+(?:comments?|replies|responses)\b|\b(?:says|said|wrote|writes):?$",
    re.IGNORECASE,
)
_NAV = re.compile("[|\u00bb\u203a>/]\\s")  # separators of breadcrumbs and menus
_GLUED = re.compile(r"[a-z]{3}[A-Z][a-z]|[a-z][.!?][A-Z][a-z]")  # a teaser's headline run into its text
_DIGIT = re.compile(r"\d")
_CAPITALISED = re.compile("(?<!\\S)[A-Z\u00c0-\u00d6\u00d8-\u00de]")  # a word starting with a capital
_BIT = (0.0, 1.0)
_FINAL = frozenset(".!?\u2026:;\u3002\uff01\uff1f")  # with the ellipsis and CJK stops
_ELLIPSES = ("...", "\u2026", "[\u2026]", "[...]")  # a teaser's cut-off excerpt
_CLOSERS = frozenset("\"')]\u201d\u2019\u00bb")  # quotes and brackets

PROSE_WORDS = 12
HEAD_CHARS = 200  # navigation marks and glued teaser headlines show in a line's first characters
GLUED_MIN_WORDS = 6  # a headline run into its teaser text makes a long line
SAMPLE_CHARS = 200
NAMES = (
    "bias", "loglen", "long", "short", "final", "bullet", "indent_off", "stop", "caps",
    "digits", "repeated", "boiler", "nav", "urlish", "gap_both", "title_lead", "glued",
    "truncated", "repeated_long",
    "prose_near", "prose_wide", "style_prose", "after_end",
)  # fmt: skip


def _urlish(text: str) -> bool:
    """An address or e-mail in the line (plain substring tests: much faster than a regex)."""
    return "://" in text or "www." in text or "@" in text or ".com" in text


def sentence_final(text: str) -> bool:
    """Ends like a sentence, also behind a closing quote or bracket; a cut-off excerpt does not."""
    end = text.rstrip()
    while end and end[-1] in _CLOSERS:
        end = end[:-1]
    return bool(end) and end[-1] in _FINAL and not end.endswith(_ELLIPSES)


def is_prose(line: Line) -> bool:
    """A long line ending like a sentence: the typical article paragraph."""
    return line.words >= PROSE_WORDS and sentence_final(line.text)


def _main_indent(lines: list[Line]) -> int:
    """The indentation most long lines share: where the article's paragraphs usually sit."""
    counts = Counter(line.indent for line in lines if line.words >= 15)
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
    total: Counter[tuple[int, bool]] = Counter()
    good: Counter[tuple[int, bool]] = Counter()
    for line, is_p in zip(lines, prose, strict=True):
        key = (line.indent, line.bullet)
        total[key] += line.words + 1
        good[key] += (line.words + 1) * is_p
    return [good[key] / total[key] for key in ((line.indent, line.bullet) for line in lines)]


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
        if line.words <= 8 and _END_MARKER.search(line.text):
            share = above / total
    return out


def _title_lead(text: str) -> bool:
    """The first words are nearly all capitalised: a headline, often run into a teaser."""
    lead = text.split(maxsplit=6)[:6]
    return len(lead) >= 4 and sum(tok[0].isupper() for tok in lead) >= min(5, len(lead))


def _local(line: Line, main_indent: int, repeated: bool, final: bool) -> list[float]:
    """Features of the line alone (and its layout relative to the page's prose).

    Written for speed (it runs on every line): statistics on the first few hundred characters,
    booleans mapped through a tuple rather than float().
    """
    text = line.text
    words = line.words
    sample = text[:SAMPLE_CHARS]
    lowered = sample.lower()
    tokens = lowered.split()
    count = len(tokens) or 1
    return [
        1.0,
        math.log1p(words) / 4.0,
        _BIT[words >= 25],
        _BIT[words < 4],
        _BIT[final],
        _BIT[line.bullet],
        _BIT[line.indent != main_indent],
        sum(map(STOP_WORDS.__contains__, tokens)) / count,
        len(_CAPITALISED.findall(sample)) / count,
        min(1.0, len(_DIGIT.findall(sample)) / max(1, len(sample)) * 4),
        _BIT[repeated],
        _BIT[words <= 30 and _BOILER.search(lowered) is not None],
        _BIT[_NAV.search(text, 0, HEAD_CHARS) is not None],
        _BIT[_urlish(text)],
        _BIT[line.gap_before and line.gap_after],
        _BIT[words >= 4 and _title_lead(sample)],
        _BIT[words >= GLUED_MIN_WORDS and _GLUED.search(text, 0, HEAD_CHARS) is not None],
        _BIT[text.endswith(_ELLIPSES)],
        _BIT[repeated and words >= PROSE_WORDS],
    ]


def line_features(lines: list[Line]) -> list[list[float]]:
    """One feature vector per line, in the order of NAMES."""
    main_indent = _main_indent(lines)
    seen = Counter(line.text for line in lines)
    finals = [sentence_final(line.text) for line in lines]
    prose = [float(line.words >= PROSE_WORDS and final) for line, final in zip(lines, finals, strict=True)]
    near, wide = window_means(prose, 2), window_means(prose, 8)
    style, after = _style_prose(lines, prose), _after_end(lines, prose)
    return [
        [
            *_local(line, main_indent, seen[line.text] > 1, finals[i]),
            *(near[i], wide[i], style[i], after[i]),
        ]
        for i, line in enumerate(lines)
    ]
