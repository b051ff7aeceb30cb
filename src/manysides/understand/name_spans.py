"""Name spans whose edges the parser sets wrong for what the span names.

A title taken into a person's name ("Representative Ann Vale", "Chairman Ann Vale") is a role, not the name, and
would become the entity's display name as its longest spelling. A name right before "administration" or
"campaign" ("the Vale administration") names a body after the person, not the person, and would join the person
the story names in full. A committee's name cut at "and" ("House Oversight and" | "Harbour Reform Committee") lost
the words before the conjunction; one cut at "to" ("National Committee" | "to Preserve Harbour Rights") what it is
for.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from manysides.understand.gazetteer import known_places, name_heads
from manysides.understand.names import first_name_sex

_DATA = Path(__file__).parent / "data"
# Titles and honorifics written before a person's name; a span of the parser's that starts with one starts after.
_TITLES = frozenset(
    line.strip()
    for line in (_DATA / "person_titles.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def is_person_title(word: str) -> bool:
    """Whether a lower-case word is a title written before a person's name ("adviser", "senator")."""
    return word.lower() in _TITLES


@cache
def _named_after() -> re.Pattern[str]:
    lines = (_DATA / "named_after.txt").read_text(encoding="utf-8").splitlines()
    nouns = sorted((w.strip() for w in lines if w.strip() and not w.startswith("#")), key=len, reverse=True)
    return re.compile(r" (?:" + "|".join(re.escape(n) for n in nouns) + r")\b")


def without_title(body: str, start: int, end: int) -> int:
    """Where a person's name starts after the titles the span opens with, when a name of a capitalised word or
    more is left ("Chairman Ann Vale" -> "Ann Vale", "Sen. Vale" -> "Vale"); `start` otherwise. A home written before
    the title ("Ohio Rep. Ann Vale", "New Hampshire Gov. Ann Vale") goes with it: it says where the role is held."""
    while True:
        start = _after_home(body, start, end)
        word = re.match(r"\S+\s+", body[start:end])
        if word is None or not body[start + word.end()].isupper():
            return start
        if word.group().strip().lower() not in _TITLES and not _dotless_title(word.group(), body[start + word.end() :]):
            return start
        start += word.end()


def _dotless_title(word: str, rest: str) -> bool:
    """Whether a word is a title's abbreviation written without its dot before a given name ("Sen Ann Vale"); a
    surname spelt alike ("Sen", "Rep") opens no full name, so only a known given name after it makes it a title."""
    word = word.strip()
    given = re.match(r"[A-Z][\w'\u2019-]*", rest)
    return (
        word[:1].isupper()
        and word.lower() + "." in _TITLES
        and given is not None
        and first_name_sex(f"{given.group()} X") is not None
    )


def _after_home(body: str, start: int, end: int) -> int:
    """Where a title starts after a known place of one or two words that opens the span, when a title and a
    capitalised word follow it ("Ohio Rep. Ann Vale"); `start` otherwise (a place is no title on its own)."""
    words = list(re.finditer(r"\S+", body[start:end]))
    for n in (2, 1):
        if len(words) > n + 1 and body[start + words[0].start() : start + words[n - 1].end()] in known_places():
            title, name = words[n].group(), words[n + 1].group()
            if title.lower() in _TITLES and name[0].isupper():
                return start + words[n].start()
    return start


def named_after_end(body: str, start: int, end: int, person: bool) -> int:
    """The end of the body named after a person whose name ends at `end` ("Vale" + " administration"), or 0. A
    span the parser did not type a person must be the surname of a person the article names with a given name or a
    title ("Ann Vale", "Mr. Vale" ... "the Vale campaign"), so "the Senate campaign" stays the Senate's."""
    found = _named_after().match(body, end)
    name = body[start:end]
    if found is None or re.search(r"['\u2019]s?$", name):  # "Vale's campaign": the owner, already apart
        return 0
    if not person and not any(_person_word(m.group(1), name) for m in _before(name).finditer(body)):
        return 0
    return found.end()


def _before(name: str) -> re.Pattern[str]:
    return re.compile(r"\b([A-Z][a-z]+\.?) " + re.escape(name) + r"\b")


def _person_word(word: str, name: str) -> bool:
    """Whether a word before a name makes it a person's: a given name ("Ann Vale") or a title ("Mr. Vale")."""
    return word.lower() in _TITLES or bool(first_name_sex(f"{word} {name}"))


def after_title(body: str, start: int) -> bool:
    """Whether a capitalised title stands right before a name ("President Washington", "Senator Quill"): the name
    is a person's, whatever place shares it."""
    return bool(title_before(body, start))


def title_before(body: str, start: int) -> str:
    """The capitalised title right before a name, lower case ("president" of "President Washington", "mr." of "Mr.
    Trump"), or ""."""
    word = re.search(r"(\S+) $", body[max(0, start - 24) : start])
    found = bool(word and word.group(1)[0].isupper() and word.group(1).lower() in _TITLES - {"former", "vice"})
    return word.group(1).lower() if word and found else ""


_CAPITAL_RUN = re.compile(r"(?<![\w'\u2019.-])(?:[A-Z][\w'\u2019-]*\s)+$")


def before_and(body: str, start: int, end: int) -> int:
    """Where an organisation's name starts when the parser cut it at "and": a span whose last word names an
    organisation ("Committee") right after up to three capitalised words and "and" ("House Oversight and" +
    "Harbour Reform Committee"), none a name of its own: no acronym, no given name, and after the first word (or a
    word alone) no organisation's last word. `start` otherwise."""
    words = body[start:end].split()
    if not words or name_heads().get(words[-1]) != "organisation" or body[max(0, start - 5) : start] != " and ":
        return start
    run = _CAPITAL_RUN.search(body, max(0, start - 40), start - 4)
    words = run.group().split() if run else []
    plain = all(not w.isupper() and not first_name_sex(f"{w} X") for w in words)
    # "House Oversight and", but not "Labor Party and" nor a body's own one word ("Republicans and Tea Party")
    plain = plain and not any(w in name_heads() for w in (words[1:] or words))
    return run.start() if run and len(words) <= 3 and plain else start  # not "FBI and", "Ann Vale and"


_PURPOSE = re.compile(r" to ((?:[A-Z][\w'\u2019-]*)(?: (?:and |of |the )?[A-Z][\w'\u2019-]*)*)")


def purpose_end(body: str, start: int, end: int) -> int:
    """Where an organisation's name ends when it goes on with "to" and what it is for ("National Committee" + " to
    Preserve Harbour Rights and Pensions"); `end` otherwise. Not when the words after "to" open with a title, a
    given name or a known place ("the Committee to Senator Vale", "to Ann Vale", "to Washington"): those are where
    something went."""
    words = body[start:end].split()
    found = _PURPOSE.match(body, end)
    if not words or name_heads().get(words[-1]) != "organisation" or found is None:
        return end
    first = found.group(1).split()[0]
    if first.lower() in _TITLES or first_name_sex(f"{first} X") or first in known_places() or first.isupper():
        return end
    return found.end()


def modifies_next(body: str, start: int, end: int, heads: frozenset[str]) -> bool:
    """Whether the words right after a span make it a modifier inside a longer name or role rather than a name of
    its own: a capitalised title ("National Harbour" + " Adviser Ann Vale") or a body's head word in lower case
    ("Harbour" + " committee chairman", where the capital is only the sentence's)."""
    after = re.match(r" ([A-Za-z]+\.?)", body[end:])
    if after is None:
        return False
    word = after.group(1)
    if word[0].isupper():
        return word.lower() in _TITLES - {"former", "vice"} and body[end + after.end() :].lstrip()[:1].isupper()
    return word.capitalize() in heads
