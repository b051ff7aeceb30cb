"""Pick the article's lines from line scores: the best contiguous region, then its repairs.

The region maximises the word-weighted margin of the scores over a threshold (Kadane's scan,
linear time). When the headline is known (from the URL) and the region does not start right below
it, the best region that does wins if it scores above zero. The region is then cut at a comment
thread, moved above one when the thread outscored the article, and given back edge paragraphs
that a table or an ad had split off.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate, takewhile
from typing import Any

from manysides.extract.textdump.body import is_link_heading
from manysides.extract.textdump.features import TITLE_REACH, is_prose
from manysides.extract.textdump.lines import Line

# A comments heading ends the article for good (unlike "Related", which also sits inside bodies).
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:comments?|replies|responses|leave a (?:reply|comment)|join the (?:discussion|conversation)"
    r"|post a comment|add a comment)\b.{0,60}$",
    re.IGNORECASE,
)
# The heading of a thread itself ("Comments", "12 responses to ..."), not a counter ("3 Comments").
_THREAD = re.compile(
    r"^(?:comments|discussion|leave a (?:reply|comment)|join the (?:discussion|conversation)"
    r"|\d+ (?:comments|responses|replies|thoughts) (?:to|on) .{1,120})\s*:?$",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"\b(?:says|said|wrote|writes|replied|replies)\s*:?$", re.IGNORECASE)
MAX_HEADING_WORDS = 12
MIN_WORDS_BEFORE_COMMENTS = 50
COMMENTS_LOOKBACK = 8  # a region starting this soon after a thread heading may be the thread
COMMENTS_LOOKAHEAD = 20
MIN_SIGNED_COMMENTS = 2
# A forum post's button bar ("Like Quote Reply") and a reply's header ("Re: <thread title>"): a page that
# repeats them is a thread, and the article is its first post.
_POST_ACTIONS = re.compile(
    r"^(?:(?:like|quote|reply|report|share|multi-?quote|\+quote|permalink|thanks)\b[\s|·•]*){2,}$", re.IGNORECASE
)
_REPLY_HEADER = re.compile(r"^re:\s+\S", re.IGNORECASE)
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")  # "1. Heat the oven ...": a numbered list item
MAX_LIST_HEADING_WORDS = 8  # "Ingredients", "For the pastry", "Things I have already tried:"
MIN_LIST_ITEMS = 2
MIN_ITEM_WORDS = 2.0  # mean words per item: a share bar or a menu has one-word items
BRIDGE_FLOOR = 0.05  # a paragraph a list separates from the article must not be scored clearly out
MIN_RUN_LINES = 3
EDGE_GAP = 5  # lines an edge paragraph may sit away from the region
EDGE_KEEP = 0.15
# Every line weighs its words plus this in the region score: the short headline, byline and date
# lines between teasers then cost enough that a run of teasers no longer outscores one article.
LINE_COST = 20


def best_region(lines: list[Line], probs: list[float], threshold: float) -> tuple[int, int]:
    """[start, end) maximising sum of (words + LINE_COST) * (p - threshold): Kadane's scan, linear time."""
    best = current = 0.0
    start = best_start = best_end = 0
    for i, (line, p) in enumerate(zip(lines, probs, strict=True)):
        if current <= 0:
            current, start = 0.0, i
        current += (line.words + LINE_COST) * (p - threshold)
        if current > best:
            best, best_start, best_end = current, start, i + 1
    return best_start, best_end


def article_region(lines: list[Line], probs: list[float], threshold: float, title: int | None) -> tuple[int, int]:
    """The best region, or the best one starting right below the headline when it does not and that one scores."""
    start, end = best_region(lines, probs, threshold)
    if title is not None and not title < start <= title + TITLE_REACH:
        return _anchored(lines, probs, threshold, title) or (start, end)
    return start, end


def select_body(lines: list[Line], probs: list[float], weights: dict[str, Any], title: int | None = None) -> list[int]:
    """Indices of the body lines: inside the best region, before comments, scoring above `keep`.

    `title` is the headline's line index when known (see features.title_index).
    """
    keep, region = weights["keep"], weights["region"]
    start, end = article_region(lines, probs, region, title)
    heading = _thread_heading(lines, max(0, start - COMMENTS_LOOKBACK), start)
    if heading and _signed_comments(lines[start : start + COMMENTS_LOOKAHEAD]) >= MIN_SIGNED_COMMENTS:
        # The best region is the comment thread: the article is the best region above it,
        # even if it scores lower than the discussion it started.
        threshold = min(region, max(probs[:heading]) / 2)
        start, end = best_region(lines[:heading], probs[:heading], threshold)
        keep = min(keep, threshold)
    kept_words = 0
    for i in range(start, end):
        if kept_words >= MIN_WORDS_BEFORE_COMMENTS and _is_comments_heading(lines[i]):
            end = i
            break
        kept_words += lines[i].words if probs[i] > keep else 0
    kept = [i for i in range(start, end) if probs[i] > keep]
    top = -1 if title is None else title
    kept = _bridge_lists(lines, probs, _repair_edges(lines, probs, kept, top), top)
    kept = _layout_run(lines, _trailing_list(lines, kept))
    return _first_post(lines, _leading_list(lines, kept, title))


def is_item(line: Line) -> bool:
    """A list item: bulleted, or numbered ("1. ...")."""
    return line.bullet or _NUMBERED.match(line.text) is not None


def _ends_article(line: Line) -> bool:
    """A comments heading or a comment's signature: nothing past it is the article's."""
    return _is_comments_heading(line) or bool(_THREAD.match(line.text)) or _is_signature(line)


def _is_signature(line: Line) -> bool:
    return line.words <= MAX_HEADING_WORDS * 2 and _SIGNATURE.search(line.text) is not None


def _list_block(lines: list[Line], pos: int, step: int, seen: Counter[str]) -> tuple[list[int], int]:
    """The list items and their short headings met walking from `pos` by `step`; and where the walk stopped.

    Items the page repeats elsewhere (a menu, a teaser list) and link-list or comments headings end it.
    """
    found: list[int] = []
    i = pos
    while 0 <= i < len(lines):
        line = lines[i]
        if _ends_article(line) or seen[line.text] > 1:
            break
        if not (is_item(line) or _list_heading(line)):
            break
        found.append(i)
        i += step
    items = [lines[j] for j in found if is_item(lines[j])]
    if len(items) < MIN_LIST_ITEMS or sum(x.words for x in items) < MIN_ITEM_WORDS * len(items):
        return [], pos
    return found, i


def _list_heading(line: Line) -> bool:
    return (
        1 <= line.words <= MAX_LIST_HEADING_WORDS
        and not line.bullet
        and not is_link_heading(line.text)
        and not _SIDE_HEADING.match(line.text)
    )


def _bridge_lists(lines: list[Line], probs: list[float], kept: list[int], top: int) -> list[int]:
    """Give the article back the lists it holds: a recipe's ingredients and steps, a post's list of points.

    Items score low (short, no sentence), so the region stops at them. A list inside the region, or one
    between the region and a paragraph just beyond it (the intro above a recipe's ingredients, the close
    below a list), belongs to the article; the paragraph beyond comes back with it, and so on outwards.
    """
    if not kept:
        return kept
    seen = Counter(line.text for line in lines)
    out = set(kept)
    for i in range(kept[0], kept[-1]):
        if i not in out and is_item(lines[i]) and seen[lines[i].text] == 1 and lines[i].words >= MIN_ITEM_WORDS:
            out.add(i)
    for step, edge in ((-1, kept[0]), (1, kept[-1])):
        pos = edge + step
        while True:
            block, stop = _list_block(lines, pos, step, seen)
            if not block or not top < stop < len(lines) or not _bridgeable(lines[stop], probs[stop]):
                break
            out.update(block)
            while top < stop < len(lines) and _bridgeable(lines[stop], probs[stop]) and seen[lines[stop].text] == 1:
                out.add(stop)
                stop += step
            pos = stop
    return sorted(out)


def _trailing_list(lines: list[Line], kept: list[int]) -> list[int]:
    """The list the body's last line introduces ("Qualified teams", "What you get:"), when the region stopped at it.

    Items score low and no paragraph follows them, so neither the region nor the list bridge takes them.
    Only a line that announces a list (a colon at its end, or a short heading) gets one.
    """
    if not kept:
        return kept
    last = lines[kept[-1]]
    if not (_introduces(last)):
        return kept
    seen = Counter(line.text for line in lines)
    block, _ = _list_block(lines, kept[-1] + 1, 1, seen)
    items = list(takewhile(lambda i: is_item(lines[i]), block))  # items right below it, up to the next heading
    return kept + items if len(items) >= MIN_LIST_ITEMS else kept


def _main_layout(lines: list[Line], kept: list[int]) -> tuple[int, bool]:
    """The indent and bullet most of the body's words are laid out with."""
    style: Counter[tuple[int, bool]] = Counter()
    for i in kept:
        style[(lines[i].indent, lines[i].bullet)] += lines[i].words + 1
    return style.most_common(1)[0][0]


def _layout_run(lines: list[Line], kept: list[int]) -> list[int]:
    """The lines after the body laid out as its paragraphs, unbroken, when they are a list: a menu plan, tour dates.

    An unbulleted list sits at the paragraphs' indent; its lines score low (short, no sentence) and the region
    stops at them. The run ends at another layout or a line that ends the article (a comments, link-list or
    side-list heading), and is taken when it holds at least MIN_RUN_LINES lines and does not reach the page's
    end (on a page laid out flat the footer is laid out as the paragraphs).
    """
    if not kept:
        return kept
    main = _main_layout(lines, kept)
    run = []
    for i in range(kept[-1] + 1, len(lines)):
        line = lines[i]
        if (line.indent, line.bullet) != main or _ends_article(line):
            break
        if is_link_heading(line.text) or _SIDE_HEADING.match(line.text):
            break
        run.append(i)
    else:
        return kept  # to the page's end: a page laid out flat (no indents), where the footer is laid out alike
    return kept + run if len(run) >= MIN_RUN_LINES else kept


def _leading_list(lines: list[Line], kept: list[int], title: int | None) -> list[int]:
    """The list between the headline and the body's first line: a recipe's ingredients above its method.

    With no paragraph above it the list bridge cannot reach it. Only below a known headline (a list above
    an article whose headline is unknown may be a "Most read" box), under a heading that announces it
    ("Ingredients", "You need:") with the items nested below it; the items come with their headings.
    """
    if not kept or title is None:
        return kept
    seen = Counter(line.text for line in lines)
    below = lines[title + 1 : kept[0]]  # the walk up stops at the headline
    block = [title + 1 + i for i in _list_block(below, len(below) - 1, -1, seen)[0]]
    while block and not is_item(lines[block[-1]]):
        block.pop()  # headings above the first item: the byline, the standfirst
    if not block or block[-1] - 1 <= title or sum(is_item(lines[i]) for i in block) < MIN_LIST_ITEMS:
        return kept
    heading, first = lines[block[-1] - 1], lines[block[-1]]
    if not _introduces(heading) or (first.indent <= heading.indent and not heading.text.endswith(":")):
        return kept  # no heading over it, or one the items are not nested under ("Most read" beside them)
    return sorted([*block, heading.index]) + kept


def _introduces(line: Line) -> bool:
    """A line that announces a list: it ends with a colon, or it is a short heading that is not a link list's."""
    text = line.text.rstrip()
    if text.endswith(":") and not is_link_heading(text):
        return True
    return _list_heading(line) and not line.final


def _bridgeable(line: Line, p: float) -> bool:
    return is_prose(line) and p >= BRIDGE_FLOOR and not _ends_article(line)


def _first_post(lines: list[Line], kept: list[int]) -> list[int]:
    """A forum thread's first post: the kept lines before the second post's header or the first post's buttons."""
    marks = [i for i, line in enumerate(lines) if _post_mark(line)]
    texts = Counter(lines[i].text for i in marks)
    if len(marks) < 2:
        return kept
    prose = next((i for i in kept if is_prose(lines[i])), None)
    if prose is None:
        return kept
    cut = next(
        (i for i in marks if i > prose and (texts[lines[i].text] > 1 or _POST_ACTIONS.match(lines[i].text))), None
    )
    return kept if cut is None else [i for i in kept if i < cut]


def _post_mark(line: Line) -> bool:
    return line.words <= MAX_HEADING_WORDS * 2 and bool(
        _POST_ACTIONS.match(line.text) or _REPLY_HEADER.match(line.text)
    )


def _anchored(lines: list[Line], probs: list[float], threshold: float, title: int) -> tuple[int, int] | None:
    """The best region starting within TITLE_REACH lines below the headline, if it scores above zero.

    A run of teasers, a cookie notice or a footer can outscore a short article; the article, unlike
    them, starts right under its headline. Linear time: prefix sums and a running maximum of the ends.
    """
    gains = [(line.words + LINE_COST) * (p - threshold) for line, p in zip(lines, probs, strict=True)]
    sums = [0.0, *accumulate(gains)]
    ends = list(range(len(sums)))  # ends[i]: the j >= i with the largest sums[j]
    for i in range(len(sums) - 2, -1, -1):
        if sums[ends[i + 1]] > sums[i]:
            ends[i] = ends[i + 1]
    best, found = 0.0, None
    for start in range(title + 1, min(len(lines), title + 1 + TITLE_REACH)):
        end = ends[start + 1]
        if sums[end] - sums[start] > best:
            best, found = sums[end] - sums[start], (start, end)
    return found


def _repair_edges(lines: list[Line], probs: list[float], kept: list[int], top: int) -> list[int]:
    """Take back paragraphs just outside the region that look like the ones inside.

    A table or an ad between the lede and the rest (or before the last line) can cut a paragraph
    off the region; one laid out like the body (same indent), sentence-like and not scored
    clearly negative, within a few lines of the edge, belongs to it. Nothing is taken back from
    above line `top` (the headline): the teasers above it would come back one by one.
    """
    if not kept:
        return kept
    main = _main_layout(lines, kept)
    extra = []
    for step, edge in ((-1, kept[0]), (1, kept[-1])):
        i, last = edge + step, edge
        while top < i < len(lines) and abs(i - last) <= EDGE_GAP:
            line = lines[i]
            if _ends_article(line):
                break
            if (line.indent, line.bullet) == main and probs[i] >= EDGE_KEEP and is_prose(line):
                extra.append(i)
                last = i
            i += step
    return sorted(kept + extra)


# Headings of a blog's or a forum's side lists; a news page's link-list headings are body.is_link_heading's.
_SIDE_HEADING = re.compile(
    r"^(?:similar (?:threads|topics|posts)|recent posts|archives?|tags|tag cloud|categories)\s*:?$", re.IGNORECASE
)


def _is_comments_heading(line: Line) -> bool:
    return line.words <= MAX_HEADING_WORDS and _COMMENTS.match(line.text) is not None


def _thread_heading(lines: list[Line], lo: int, hi: int) -> int | None:
    """Index of the last heading of a comment thread in lines[lo:hi] ("Comments", not "3 Comments")."""
    found = (i for i in range(hi - 1, lo - 1, -1) if not lines[i].bullet and _THREAD.match(lines[i].text))
    return next(found, None)


def _signed_comments(lines: list[Line]) -> int:
    """Lines signing a comment: "Alex on September 17, 2018 at 6:34 am said:"."""
    return sum(1 for line in lines if line.words <= MAX_HEADING_WORDS * 2 and _SIGNATURE.search(line.text))
