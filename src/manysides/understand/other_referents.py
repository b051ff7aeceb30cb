"""A speaker told short, as the full name the article gives it: an inflected name ("Marka Lisa" for Marek Lis,
"Komendy Powiatowej Policji" for Komenda Powiatowa Policji w Zalesiu), a body by the first words of its name
("Koleje" for Koleje Nadwarciańskie, "des Theaters" for the Stadttheater Altenkamp) and a title the article wrote
beside one person's name ("der Anwalt" after "Rechtsanwältin Sabine Fischer-Volk").

News names a person or a body in full once and then shortens it, and the languages without a parser here inflect
names by case and join nouns into compounds, so a later mention seldom repeats the first one's words. Two words
are taken for one when they share their start up to an inflected ending, or when the longer one holds the shorter
one's stem inside (a compound). Only scripts with capitals are read: in Arabic and Hebrew nothing tells a name from
a word, and remembering titles there credited sea turtles (CHANGELOG, session 30).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from manysides.understand.foreign_names import NOUNS_CAPITALISED, case_ended, stop_words, uncased
from manysides.understand.given_names import is_given_name
from manysides.understand.other_marks import Word, joined, words_in

_ENDING = 2  # letters of the shorter word an inflection may change ("Marek" / "Marka")
_ENDING_CHARS = 3  # letters an ending may hold ("Kowalski" / "Kowalskiego", "Grabiec" / "Grabca")
_SHORTEST_STEM = 3  # letters two words must share at least ("Lis" / "Lisa")
_COMPOUND_STEM = 5  # a word this long may be the last part of a compound ("Anwalt" of "Rechtsanwältin")
_CONNECTOR_CHARS = 3  # a lowercase word this short may stand inside a name ("w", "de la", "für", "und")
_NAME_WORDS = 8  # words of a name at most
_NEAR_WORDS = 64  # words sharing a word's letters past which its referent is unsure (and a hostile page stays fast)


def fold(word: str) -> str:
    """Lowercase without accents, so an umlaut or an accent an inflection adds does not part two forms."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def same_word(short: str, full: str) -> bool:
    """Whether `short` is a form of `full` (the same start, then endings of a few letters: "Kowalskiego" /
    "Kowalski", "Marka" / "Marek") or the last part of a compound `full` ("Anwalt" / "Rechtsanwältin", "Theaters"
    / "Stadttheater"). A compound's first part is not it ("Gewerkschaft" is no "Gewerkschaftschefin")."""
    a, b = fold(short), fold(full)
    if a == b or _one_stem(a, b):
        return True
    tails = range(1, len(b) - _COMPOUND_STEM + 1) if len(a) >= _COMPOUND_STEM else range(0)
    return any(_one_stem(a, b[at:], _COMPOUND_STEM) for at in tails)


def _one_stem(a: str, b: str, shortest: int = _SHORTEST_STEM) -> bool:
    """Whether two words share their start and differ only in endings of at most `_ENDING_CHARS` letters."""
    shared = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if shared < max(shortest, min(len(a), len(b)) - _ENDING):
        return False
    return len(a) - shared <= _ENDING_CHARS and len(b) - shared <= _ENDING_CHARS


class Forms:
    """Words (a name's first word, a title) indexed by the letters any form of them shares with it: its first
    three, and every five inside it (the last part of a compound), so a speaker's word is compared with the few
    words it may be a form of, not with every name of an article (a page of thousands of names stays linear)."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        self.words: list[str] = []  # in order, repeats kept: index i is the caller's i-th word (a name's first)
        self._known: set[str] = set()
        self._by_letters: dict[str, list[int]] = {}
        for word in words:
            self._index(word)

    def add(self, words: Iterable[str]) -> None:
        """Index the words not indexed yet (titles, met sentence by sentence)."""
        for word in words:
            if word not in self._known:
                self._index(word)

    def _index(self, word: str) -> None:
        self._known.add(word)
        self.words.append(word)
        folded = fold(word)
        keys = {folded[:_SHORTEST_STEM]} | {
            folded[at : at + _COMPOUND_STEM] for at in range(1, len(folded) - _COMPOUND_STEM + 1)
        }
        for key in keys:
            self._by_letters.setdefault(key, []).append(len(self.words) - 1)

    def of(self, word: str) -> list[int]:
        """Indices of the words `word` may be a form of (`same_word` holds for each); none when more than
        `_NEAR_WORDS` share its letters, since so many forms leave the word's referent unsure anyway."""
        folded = fold(word)
        near = set(self._by_letters.get(folded[:_SHORTEST_STEM], ()))
        if len(folded) >= _COMPOUND_STEM:
            near |= set(self._by_letters.get(folded[:_COMPOUND_STEM], ()))
        if len(near) > _NEAR_WORDS:
            return []
        return [i for i in sorted(near) if same_word(word, self.words[i])]


def long_names(sentences: Iterable[str], language: str) -> list[list[str]]:
    """Every name of two words or more the article writes, as its words: capitalised words with short lowercase
    connectors between them ("Komenda Powiatowa Policji w Zalesiu Wielkim", "Sdis de la Vallonne"). A person's
    name (opened by a known given name) ends at its last capitalised word before a connector ("Jan Nowak w
    Krakowie" is Jan Nowak)."""
    stops = stop_words(language)
    # where every noun takes a capital, a short word between two is prose ("in der Nacht zum Sonntag ein Schaden")
    connectors = frozenset() if language in NOUNS_CAPITALISED else stops
    found: list[list[str]] = []
    for text in sentences:
        if uncased(text):
            continue
        tokens = words_in(text)
        at = 0
        while at < len(tokens):
            run = _run_at(text, tokens, at, stops, connectors)
            if len(run) >= 2 and run not in found:
                found.append(run)
            at += max(1, len(run))
    return found


def _run_at(text: str, tokens: list[Word], at: int, stops: frozenset[str], connectors: frozenset[str]) -> list[str]:
    """The name starting at token `at`, or [] when none starts there."""
    first = tokens[at].text
    if not first[:1].isupper() or first.lower() in stops:
        return []
    run = [first]
    person = _given(first)
    end = at + 1
    while end < len(tokens) and len(run) < _NAME_WORDS and joined(text, tokens[end - 1], tokens[end]):
        if case_ended(run[-1]):
            break  # "Demir'in Konya'da": the ending closes the name (Demir's, in Konya)
        if any(c.isdigit() for c in text[tokens[end - 1].end : tokens[end].start]):
            break  # "des Wetterdienstes 180 Liter Regen": a figure between two words parts them
        word = tokens[end].text
        if _capitalised(word):
            run.append(word)
            end += 1
            continue
        after = end
        while after < len(tokens) and _connector(tokens[after].text, connectors):
            if not joined(text, tokens[after - 1], tokens[after]):
                break
            after += 1
        if person or after == end or after >= len(tokens) or not _capitalised(tokens[after].text):
            break
        if not joined(text, tokens[after - 1], tokens[after]):
            break
        run.extend(t.text for t in tokens[end:after])
        end = after
    while run and not _capitalised(run[-1]):
        run.pop()
    return run


def _capitalised(word: str) -> bool:
    """A capital opens the word, or the word after an elided article ("l'Iroise", "d'Ivoire")."""
    return word[:1].isupper() or (word[1:2] in ("'", "\u2019") and word[2:3].isupper())


def _connector(word: str, connectors: frozenset[str]) -> bool:
    return word.islower() and len(word) <= _CONNECTOR_CHARS and word in connectors


def _given(word: str) -> bool:
    """A known given name, or one with a case ending ("Piotra", "Tomasza"): a person's name, not a body's."""
    return any(is_given_name(word[: len(word) - cut]) for cut in range(_ENDING + 1) if len(word) - cut >= 3)


def full_form(speaker: str, names: Sequence[list[str]], language: str, first_words: Forms | None = None) -> str | None:
    """The one longer name of the article that `speaker` shortens: its words are forms of the name's first words,
    in order ("Koleje" / "Koleje Nadwarciańskie"), or of a person's given name and surname ("Marka Lisa" / "Marek
    Lis"). None when no name or more than one fits (a name that only shortens another fitting name is not
    counted). One name written in two cases is one name: the form not in the speaker's own case is given ("Według
    Komendy Powiatowej Policji w Zalesiu" is the Komenda Powiatowa Policji w Zalesiu)."""
    stops = stop_words(language)
    words = [w for w in speaker.split() if w.lower() not in stops]
    if not words:
        return None
    first_words = first_words or Forms(name[0] for name in names)  # built once per article by the caller
    near = [names[i] for i in first_words.of(words[0])]
    fitting = [name for name in near if name != words and _shortens(words, name)]
    longest = [n for n in fitting if not any(len(o) > len(n) and _shortens(n, o) for o in fitting)]
    if not longest or not all(_one_name(longest[0], other) for other in longest[1:]):
        return None
    found = next((n for n in longest if n[: len(words)] != words), longest[0])
    return " ".join(found) if found != words else None


def _one_name(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two names are one written in two cases: as many words, each a form of the other's."""
    return len(a) == len(b) and all(same_word(x, y) for x, y in zip(a, b, strict=True))


def _shortens(words: Sequence[str], name: Sequence[str]) -> bool:
    """Whether `words` are forms of the name's first words in order, or of a person's first and last words."""
    if len(words) > len(name):
        return False
    if all(same_word(w, n) for w, n in zip(words, name, strict=False)):
        return True
    person = _given(name[0]) and all(w[:1].isupper() for w in name)
    return person and len(words) == 2 and same_word(words[0], name[0]) and same_word(words[1], name[-1])


def by_role(head: str, roles: dict[str, set[str]], titles: Forms | None = None) -> str | None:
    """The one person the article wrote beside a title whose last part is the speaker's head word ("Anwalt" /
    "Rechtsanwältin", "Ministerin" / "Verkehrsministerin"), or None. `titles` indexes the roles' titles (kept by
    the caller as titles are met)."""
    if len(head) <= _SHORTEST_STEM:
        return None
    titles = titles or Forms(roles)
    names = {name for i in titles.of(head) if _title_of(head, titles.words[i]) for name in roles[titles.words[i]]}
    return names.pop() if len(names) == 1 else None


def _title_of(head: str, title: str) -> bool:
    """The title itself, or a compound ending in it. Not another word of the same start: "mairie" (town hall) is
    not "maire" (mayor), though inflected names differ as little."""
    a, b = fold(head), fold(title)
    return a == b or (same_word(head, title) and not _one_stem(a, b))
