"""Entity spans repaired where the small parser cuts them badly, or dropped where they name nothing.

The parser's spans stop inside a hyphenated name ("Chick" of "Chick-fil-A"), end on a connector ("Citizens United
v.", "District of"), start on an article ("a Democratic National Committee"), run across an editor's bracket
("B]y" of "[B]y") or an opening quotation mark ("Fox News' “America's News"), and take an owner with the thing
owned ("Trump's Supreme Court"). Titles and slogans quoted in title case ("“Scalise Strong,”", "“From Hope to
Higher Ground”") hold capitalised words that are no names of the story.
"""

from __future__ import annotations

import re

from manysides.understand.gazetteer import name_heads
from manysides.understand.names import first_name_sex

_CONNECTORS = frozenset({"of", "v.", "vs.", "v", "vs", "and", "for", "the", "&", "de", "on", "in", "at", "to"})
_ARTICLES = ("a ", "an ", "A ", "An ")
_WORD = re.compile(r"\S+")
# Words a title or slogan leaves in lower case: articles, prepositions, conjunctions and possessive determiners.
_TITLE_SMALL = frozenset(
    "a an the of on in and or for to at with by as vs from into our my your his her their its is".split()  # noqa: SIM905
)
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n]{2,120})[\"\u201d]")
# A hyphen and the rest of a name run on in lower case with a capital later ("-fil-A"), not "-era" nor "-Senate".
_INSIDE_WORD = re.compile(r"-[a-z][\w-]*[A-Z]\w*")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])\s+")


_LOWER_WORD = re.compile(r"[a-z]+[.,;:]?")


def without_trailing_lower(body: str, start: int, end: int) -> tuple[int, int]:
    """An English name span without the lower-case words the parser ran it into ("The San Diego Union-Tribune
    days after ...", "Navigator of the Seas cruise"): an English name ends on a capitalised word or on its kind
    (`name_heads`: "the West coast"). Only for English: French and Spanish names end in lower case
    ("Rassemblement national")."""
    words = list(_WORD.finditer(body, start, end))
    while len(words) > 1 and _LOWER_WORD.fullmatch(words[-1].group()) and words[-2].group()[:1].isupper():
        if words[-1].group().rstrip(".,;:").capitalize() in name_heads():
            break  # a kind of name written in lower case: "the West coast", "the Republican party"
        words.pop()
        end = words[-1].end()
    return start, end


def repair(body: str, start: int, end: int, limit: int | None = None) -> tuple[int, int] | None:
    """The body offsets of a name span after repair, never past `limit` (its sentence's end), or None when the
    span names nothing."""
    body = body[: len(body) if limit is None else limit]
    text = body[start:end]
    if re.search(r"\w[\[\]]\w", text):
        return None  # "B]y" of "[B]y": an editor's change inside a quoted word
    if start > 0 and body[start - 1] == "#":
        return None  # a hashtag ("#TrumpShutdown"): a slogan, not a name
    inside = _INSIDE_WORD.match(body, end)
    if inside:
        end = inside.end()  # "Chick" -> "Chick-fil-A": the parser stopped inside a hyphenated name
    for mark in '\u201c\u201d"':  # a quotation mark opened or closed inside the span ends the name before it
        cut = body.find(mark, start, end)
        if cut > start:
            end = cut
        elif cut == start:
            start += 1
    words = list(_WORD.finditer(body, start, end))
    while words and words[-1].group().lower() in _CONNECTORS:
        following = _following_name(body[end : end + 60])
        if following and len(words) > 1:
            end += following  # "Citizens United v." + "Federal Election Commission"
            break
        words.pop()
        end = words[-1].end() if words else start
    if words and body[start:end].startswith(_ARTICLES) and len(words) > 1:
        start = words[1].start()
    start, end = _strip(body, start, end)
    return (start, end) if end > start else None


def _following_name(text: str) -> int:
    """Length of the run of capitalised words a text starts with (after spaces), up to a given name, which begins
    another name ("District of" + "Columbia", not "Columbia Joseph")."""
    length = 0
    for match in re.finditer(r"\s+([A-Z][\w.'\u2019-]*)", text):
        if match.start() != length or first_name_sex(f"{match.group(1)} X"):
            break
        length = match.end()
    return length


def _strip(body: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding spaces, brackets or punctuation the parser took along."""
    while start < end and (body[start].isspace() or body[start] in "[]("):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in "[](,;:"):
        end -= 1
    return start, end


def owner_split(text: str, people: set[str]) -> str | None:
    """What a span "Owner's Thing" names when the owner is a person the article names (`people`: person names and
    their surnames): the thing when it is a name of two or more capitalised words ("Netanyahu's Likud Party" ->
    "Likud Party"), else "" (nothing: "Zinke's 2014", "Trump's Moscow"); None when the span is no such owner's.
    "Angie's List" and "America's Voice" keep their possessive: no person owns them."""
    found = _POSSESSIVE.search(text)
    if found is None:
        return None
    owner, thing = text[: found.start()].strip(), text[found.end() :].strip()
    if owner not in people and people:
        return None
    words = thing.split()
    while words and not words[-1][0].isupper():
        words.pop()
    return " ".join(words) if len(words) >= 2 and all(w[0].isupper() or w in _TITLE_SMALL for w in words) else ""


def title_case_quotes(text: str) -> list[tuple[int, int]]:
    """Offsets of quoted passages written in title case, a title, slogan or sign: every word but the small ones
    capitalised, at least two such words ("“Scalise Strong,”", "“Greatest Witch Hunt in the History of our
    Country!”"). A quoted sentence ("“I told Nancy Pelosi”") has lower-case words and is no such passage."""
    found = []
    for match in _QUOTED.finditer(text):
        words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", match.group(1)) if w.lower() not in _TITLE_SMALL]
        if len(words) >= 2 and all(w[0].isupper() for w in words) and not all(w.isupper() for w in words):
            found.append(match.span())
    return found
