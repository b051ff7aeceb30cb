"""Quotes and who said them, in languages the English parser cannot read: cue words per language, no parser.

No parser for German, French, Spanish, Arabic, Turkish, Polish or Hebrew ships in a wheel, but news in each writes
attribution in a few fixed shapes: a speech verb with its speaker before it ("Feld sagte", "Demir, "..." dedi")
or after it ("„...“, sagte Feld", "« ... », a déclaré Martin", "قال الوزير"), and "according to" words with the
source after them ("laut Polizei", "selon le maire", "بحسب الشرطة") or before them ("dem Bericht zufolge",
"Polise göre"). The words are hand-listed per language in `data/speech_words_other.json`. The speaker is read from
the words beside the cue, up to a comma, a quote mark or a word that opens what was said ("dass", "que", "إن"): a
name there first (a name another article confirmed, a run of capitalised words, or a known given name), then a
pronoun or a dropped subject that hands the words to the speaker of the sentences before ("sagte sie", "a-t-il
ajouté", "وأضاف"), then a plain noun phrase ("der Sprecher", "la policía"), kept as an unnamed voice.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from manysides.understand.foreign_names import CONNECTORS as _CONNECTORS
from manysides.understand.foreign_names import NOUNS_CAPITALISED, Candidate, stop_words, uncased
from manysides.understand.names import first_name_sex, given_name_sex
from manysides.understand.quotes import Attribution

# A word; a straight double mark between two letters is Hebrew's gershayim (in an abbreviation
# such as the one for "chairman"), part of the word.
_WORD = re.compile(r"[^\W\d_](?:[\w'\u2019-]|\"(?=[^\W\d_]))*")
# Opening quote marks and the marks that may close each: German „...“ and »...«, French and Spanish «...»,
# English-style curly and straight marks.
_CLOSERS = {"\u201e": '\u201c\u201d"', "\u201c": "\u201d\u201c", "\u00ab": "\u00bb", "\u00bb": "\u00ab", '"': '"'}
_QUOTE_MARKS = frozenset('\u201e\u201c\u201d\u00ab\u00bb"')
_STOPS = frozenset(",.;:!?()[]\u2013\u2014\u060c\u061b\u061f") | _QUOTE_MARKS  # with Arabic comma, semicolon, "?"
_WINDOW_WORDS = 8  # words read on each side of a cue for its speaker
_INVERTED_WORDS = 4  # a name this near after the cue is its speaker ("sagte am Montag Karin Feld" is rarer)
_CARRY_SENTENCES = 3  # a pronoun or a dropped subject hands words to a speaker named at most this many sentences back
_OPEN_SENTENCES = 3  # a quote mark left open longer than this many sentences is a stray mark
_VERB_FINAL = frozenset({"tr"})
_VERB_INITIAL = frozenset({"ar"})
_CASE_SUFFIXES = frozenset({"tr"})
_SHORT_CUE = 2  # a cue this short ("so") reports words only right after a closing quote mark
_APPOSITION_CHARS = 80  # how far after a cue a title may run before ", NAME,"
_GAP_WORDS = 5  # words a split cue's two parts may have between them
_SPOKEN_WORDS = 4  # a quote this long at least may be someone's words (shorter: a title, a slogan, a term)
_LOCATIVE_CHARS = 12  # how far back a preposition of place is looked for
_TITLE_WORDS = 4  # words before a name read as its title
_ROLE_CHARS = 4  # a title word this long at least ("maire", "Bakan"; not "de")
_FINAL_WORDS = 2  # in a verb-final language, words after a closing quote that may be its cue and subject's verb


@dataclass(frozen=True)
class Cues:
    """One language's attribution words, each a tuple of lower-cased words, longest first."""

    speech: tuple[tuple[str, ...], ...]
    not_cues: tuple[tuple[str, ...], ...]  # look like cues and credit nobody ("iddiaya göre", allegedly)
    impersonal: tuple[tuple[str, ...], ...]
    according_before: tuple[tuple[str, ...], ...]
    according_after: tuple[tuple[str, ...], ...]
    pronouns: frozenset[str]
    complementisers: frozenset[str]
    articles: frozenset[str]
    prefixes: tuple[str, ...]
    code: str
    verb_final: bool  # the verb closes the sentence, after its object (Turkish)
    verb_initial: bool  # the verb opens the sentence, before its subject (Arabic)
    inversions: tuple[str, ...]  # endings of a verb with its subject pronoun after it ("ajoute-t-il")
    conjunctions: frozenset[str]  # words for "and" that join two speakers
    auxiliaries: frozenset[str]  # verbs that open a compound tense ("a" déclaré, "ha" dicho)
    topic_markers: frozenset[str]  # words that open a sentence on its subject before a verb-initial clause
    reflexives: frozenset[str]  # a clitic before a verb that makes it no speech ("se declaró", broke out)
    locatives: frozenset[str]  # prepositions of place: a name after one is a place, not a speaker
    case_suffixes: bool  # a name's case ending follows an apostrophe ("Erdoğan'a"): such a name is no subject
    reported_mood: frozenset[str]  # verb forms only reported speech takes (German Konjunktiv I: "sei", "habe")
    # (kind, phrase) in the order cues are matched: "according to" words first, longest phrases first
    ordered: tuple[tuple[str, tuple[str, ...]], ...] = ()
    by_first_word: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first word -> ranks in `ordered`


@cache
def _lists() -> dict[str, dict[str, list[str]]]:
    text = resources.files("manysides.understand").joinpath("data/speech_words_other.json").read_text("utf-8")
    return {key: value for key, value in json.loads(text).items() if not key.startswith("_")}


def read_languages() -> frozenset[str]:
    """The languages whose quotes and speakers are read here."""
    return frozenset(_lists())


@cache
def cues(language: str) -> Cues | None:
    """The language's cue words, or None where none are listed."""
    lists = _lists().get(language)
    if lists is None:
        return None

    def phrases(name: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted({tuple(p.lower().split()) for p in lists[name]}, key=len, reverse=True))

    kinds = ("not_cues", "according_before", "according_after", "impersonal", "speech")
    ordered = tuple((kind, phrase) for kind in kinds for phrase in phrases(kind))
    by_first_word: dict[str, list[int]] = {}
    for rank, (_, phrase) in enumerate(ordered):
        by_first_word.setdefault(phrase[0], []).append(rank)
    return Cues(
        ordered=ordered,
        by_first_word={word: tuple(ranks) for word, ranks in by_first_word.items()},
        speech=phrases("speech"),
        not_cues=phrases("not_cues"),
        impersonal=phrases("impersonal"),
        according_before=phrases("according_before"),
        according_after=phrases("according_after"),
        pronouns=frozenset(lists["pronouns"]),
        complementisers=frozenset(lists["complementisers"]),
        articles=frozenset(lists["articles"]),
        prefixes=tuple(lists["prefixes"]),
        code=language,
        verb_final=language in _VERB_FINAL,
        verb_initial=language in _VERB_INITIAL,
        inversions=tuple(lists["inversions"]),
        conjunctions=frozenset(lists["conjunctions"]),
        auxiliaries=frozenset(lists["auxiliaries"]),
        topic_markers=frozenset(lists["topic_markers"]),
        reflexives=frozenset(lists["reflexives"]),
        locatives=frozenset(lists["locatives"]),
        case_suffixes=language in _CASE_SUFFIXES,
        reported_mood=frozenset(lists["reported_mood"]),
    )


def quoted_passages(text: str, open_mark: str | None = None) -> tuple[list[tuple[int, int]], str | None]:
    """(start, end) of each passage in quote marks, marks included, and the mark of a quote still open at the end.
    `open_mark` is the mark of a quote opened in an earlier sentence: its passage starts at 0."""
    spans: list[tuple[int, int]] = []
    i, mark, start = 0, open_mark, 0
    while True:
        if mark is None:
            at = next((j for j in range(i, len(text)) if _opens(text, j)), None)
            if at is None:
                return spans, None
            mark, start, i = text[at], at, at + 1
        end = next((j for j in range(i, len(text)) if text[j] in _CLOSERS[mark] and not _inside_word(text, j)), None)
        if end is None:
            if len(text) - start > 3:
                spans.append((start, len(text)))
            return spans, mark
        if end - start > 2 or start == 0:
            spans.append((start, end + 1))
        i, mark = end + 1, None


def _opens(text: str, i: int) -> bool:
    """Whether the mark at i opens a quotation (a straight one only after a space or a bracket)."""
    mark = text[i]
    return mark in _CLOSERS and (mark != '"' or i == 0 or not text[i - 1].isalnum())


def _inside_word(text: str, i: int) -> bool:
    """Whether a straight double mark stands between two letters (Hebrew's gershayim, in an abbreviation)."""
    return text[i] == '"' and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _matches(token: str, word: str, prefixes: tuple[str, ...]) -> bool:
    lower = token.lower()
    return lower == word or any(lower == prefix + word for prefix in prefixes)


@dataclass(frozen=True)
class _Cue:
    first: int  # token indices of the cue's first and last word
    last: int
    kind: str  # "speech", "impersonal", "according_before" or "according_after"
    text: str
    gap: tuple[int, int] | None = None  # token indices between the two parts of a split cue ("teilte ... mit")


def _find_cues(text: str, tokens: list[_Token], quoted: list[tuple[int, int]], language: Cues) -> list[_Cue]:
    """The cues of a sentence outside its quotes, longest first where two overlap; a French inversion set off by
    commas inside a quote too (« ..., affirme-t-il, ... »)."""
    found: list[_Cue] = []
    taken: set[int] = set()
    starts: dict[int, list[int]] = {}  # rank of a (kind, phrase) in `ordered` -> token indices it may start at
    for i, token in enumerate(tokens):
        for word in _first_words(token.text, language):
            for rank in language.by_first_word.get(word, ()):
                starts.setdefault(rank, []).append(i)
    for rank in sorted(starts):
        kind, phrase = language.ordered[rank]
        for i in starts[rank]:
            cue = _match_at(text, tokens, i, phrase, kind, language)
            if cue is None or taken.intersection(range(cue.first, cue.last + 1)):
                continue
            if _in_quote(quoted, tokens[i].start):
                continue
            if len(phrase) == 1 and len(phrase[0]) <= _SHORT_CUE and not _after_quote(text, tokens[i].start):
                continue
            if i and tokens[i - 1].text.lower() in language.reflexives:
                continue  # "Un incendio se declaró": broke out, no one spoke
            taken.update(range(cue.first, cue.last + 1))
            if kind != "not_cues":
                found.append(cue)
    found += _after_quotes(text, tokens, quoted, taken, language)
    for i, token in enumerate(tokens):  # "dit-il", "a-t-elle confié" after a quote or a comma
        if i in taken or not _after_stop(text, token.start):
            continue
        inside = _in_quote(quoted, token.start)
        if inside and not text[token.end :].lstrip().startswith(","):
            continue  # an inversion inside a quote is an aside only between two commas
        lower = token.text.lower()
        if lower in {"a-t-il", "a-t-elle"} and i + 1 < len(tokens):
            found.append(_Cue(i, i + 1, "speech", f"{token.text} {tokens[i + 1].text}"))
        elif any(lower.endswith(ending) for ending in language.inversions):
            found.append(_Cue(i, i, "speech", token.text))
    return sorted(found, key=lambda c: c.first)


_QUOTE_THEN = re.compile(r"\s*[,\u060c]?\s*[-\u2013\u2014]?\s*")


def _after_quotes(
    text: str, tokens: list[_Token], quoted: list[tuple[int, int]], taken: set[int], language: Cues
) -> list[_Cue]:
    """Cues by their place, whatever the verb: the word right after a quote that closes before a comma or a dash
    ("„...“, mahnte Feld", "«...», zanjó el alcalde", "„...” - oceniła Nowak"; with its auxiliary: "a lancé"), and
    in a verb-final language the last word after a closing quote ("\"...\" diye konuştu"). The lists name the
    verbs a language's news uses most; the place names the rest."""
    found: list[_Cue] = []
    stops = stop_words(language.code)
    for start, end in quoted:
        if end >= len(text) or text[end - 1] not in _QUOTE_MARKS:
            continue
        if len(_WORD.findall(text, start, end)) < _SPOKEN_WORDS:
            continue  # a title, a name or a slogan in quotes ("Brac solidaire", lancée par ...)
        gap = _QUOTE_THEN.match(text, end)
        at = next((i for i, t in enumerate(tokens) if t.start >= end), None)
        if at is None or at in taken or gap is None or gap.end() != tokens[at].start:
            continue
        if language.verb_final:
            rest = tokens[at:]
            if 0 < len(rest) <= _FINAL_WORDS and not set(text[end : tokens[-1].start]) & (_STOPS - {","}):
                found.append(_Cue(len(tokens) - 1, len(tokens) - 1, "speech", tokens[-1].text))
            continue
        if not text[end : gap.end()].strip():  # the verb must follow a comma or a dash
            continue
        word = tokens[at].text
        if uncased(word) or not word[:1].islower():
            continue
        last = at + 1 if word.lower() in language.auxiliaries and at + 1 < len(tokens) else at
        if word.lower() in stops and last == at:
            continue  # "„...“, die ..." is no cue
        found.append(_Cue(at, last, "speech", " ".join(t.text for t in tokens[at : last + 1])))
    return found


def _skip_back(text: str, at: int, chars: str) -> int:
    """The index after the last character before `at` that is not one of `chars` (0 when there is none)."""
    while at > 0 and text[at - 1] in chars:
        at -= 1
    return at


def _char_before(text: str, at: int) -> str:
    """The last character before `at` that is not a space, or "" at the start."""
    at = _skip_back(text, at, " \t\n\u00a0\u202f")
    return text[at - 1] if at else ""


def _in_quote(quoted: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` lies inside one of the sentence's quoted passages (sorted, not overlapping)."""
    k = bisect.bisect_right(quoted, (at, len(quoted) and quoted[-1][1] + 1)) - 1
    return k >= 0 and quoted[k][0] <= at < quoted[k][1]


def _first_words(token: str, language: Cues) -> set[str]:
    """The forms a token may stand for as a cue's first word: itself lower-cased, and without a prefix ("وقال")."""
    lower = token.lower()
    return {lower, *(lower[len(p) :] for p in language.prefixes if lower.startswith(p))}


def _match_at(
    text: str, tokens: list[_Token], i: int, phrase: tuple[str, ...], kind: str, language: Cues
) -> _Cue | None:
    """The cue `phrase` starting at token i, if it is there. A "*" in a phrase stands for up to _GAP_WORDS words of
    one clause (a German separable verb: "teilte die Stadtverwaltung am Dienstag mit")."""
    at, gap = i, None
    for word in phrase:
        if word == "*":
            gap = at
            continue
        if gap is not None:
            end = next(
                (
                    j
                    for j in range(gap, min(gap + _GAP_WORDS + 1, len(tokens)))
                    if _matches(tokens[j].text, word, language.prefixes)
                ),
                None,
            )
            if end is None or any(ch in _STOPS for ch in text[tokens[gap - 1].end : tokens[end].start]):
                return None
            at = end + 1
            continue
        if at >= len(tokens) or not _matches(tokens[at].text, word, language.prefixes):
            return None
        at += 1
    words = " ".join(w for w in phrase if w != "*")
    if gap is None:
        return _Cue(i, at - 1, kind, " ".join(t.text for t in tokens[i:at]))
    return _Cue(i, at - 1, kind, words, (gap, at - 2))


def _after_stop(text: str, at: int) -> bool:
    """Whether a quote mark or a comma is what stands before `at`."""
    before = _char_before(text, at)
    return before in _QUOTE_MARKS or before in ",\u060c"


def _after_quote(text: str, at: int) -> bool:
    """Whether a closing quote mark (and a comma) is all that stands before `at`: „...“, so Feld."""
    at = _skip_back(text, at, " \t\n\u00a0")
    if at and text[at - 1] == ",":
        at = _skip_back(text, at - 1, " \t\n\u00a0,")
    return at > 0 and text[at - 1] in _QUOTE_MARKS


def _joined(text: str, left: _Token, right: _Token) -> bool:
    """Whether nothing but spaces (or a hyphen or apostrophe) stands between two tokens."""
    return not any(ch in _STOPS for ch in text[left.end : right.start])


def _window(text: str, tokens: list[_Token], cue: _Cue, language: Cues, after: bool) -> list[_Token]:
    """The words beside a cue, up to a stop mark, _WINDOW_WORDS words, or after the cue a word opening what was
    said (before it, "que" is a relative: "La empresa que gestiona el puerto dice ...")."""
    found: list[_Token] = []
    step = 1 if after else -1
    at = cue.last if after else cue.first
    while len(found) < _WINDOW_WORDS:
        nxt = at + step
        if not 0 <= nxt < len(tokens):
            break
        left, right = (tokens[at], tokens[nxt]) if after else (tokens[nxt], tokens[at])
        if not _joined(text, left, right) or (after and tokens[nxt].text.lower() in language.complementisers):
            break
        found.append(tokens[nxt])
        at = nxt
    return found if after else found[::-1]


@dataclass(frozen=True)
class Speaker:
    """Who a cue credits: the words naming them and whether they are a name."""

    text: str
    named: bool


def _name_in(
    window: list[_Token], context: _Context, nearest_last: bool, person_first: bool = False, keep_cases: bool = False
) -> Speaker | None:
    """A name among the window's words: a confirmed name, else a run of capitalised words that is a name by its
    shape (a known given name, the surname of a full name the article gives, or, where only names take capitals,
    two words or more, or one that is not the sentence's first). In German every noun is capitalised ("Reihe von
    US-Bundesstaaten"), so a run is a name only by the given-name and surname tests."""
    if not window:
        return None
    lo, hi = window[0].start, window[-1].end
    inside = [c for c in context.names if lo <= c.start and c.end <= hi and not _after_locative(c.start, context)]
    if inside:
        pick = max(inside, key=lambda c: c.start) if nearest_last else min(inside, key=lambda c: c.start)
        return Speaker(pick.text, True)
    stops = stop_words(context.language)
    # "der" joins "van der Berg", but in German it joins nouns: "Anwohner der Uferstraße"
    german = context.language in NOUNS_CAPITALISED
    connectors = _CONNECTORS - context.cues.articles if german else _CONNECTORS
    runs: list[list[_Token]] = [[]]
    for at, token in enumerate(window):
        following = window[at + 1].text[:1].isupper() if at + 1 < len(window) else False
        if runs[-1] and not _joined(context.text, runs[-1][-1], token):
            runs.append([])  # a comma ends a name: "des Fördervereins, Rainer Busch"
        if token.text[:1].isupper() and (token.text.lower() not in stops or (runs[-1] and following)):
            runs[-1].append(token)  # a capitalised article inside a name too: "Hervé Le Goff"
        elif runs[-1] and token.text.lower() in connectors and following:
            runs[-1].append(token)  # "Éditions du Lierre", "Yusuf al Haddad"
        elif runs[-1]:
            runs.append([])
    runs = [run for run in runs if run]
    if nearest_last:
        runs.reverse()
    names_only = not german
    runs = [run for run in runs if not _after_locative(run[0].start, context)]  # "Abgeordnete in Dresk kritisierten"
    if context.cues.case_suffixes and not keep_cases:  # "Erdoğan'a" (to Erdoğan): whom it was said to, not who said it
        runs = [run for run in runs if not re.search(r"['\u2019]\w+$", run[-1].text)]
    if person_first:  # "de acuerdo con el teniente de la Guardia Civil Óscar Sanz": the person
        runs.sort(key=lambda run: not any(given_name_sex(t.text) for t in run))
    for run in runs:
        # German: two or three capitalised words right beside the cue are its subject ("Intendant Jonas Wehrli
        # sprach"); elsewhere in the window they are as likely nouns ("in einer Reihe von US-Bundesstaaten")
        adjacent = run[-1] is window[-1] if nearest_last else run[0] is window[0]
        words = [t.text for t in run]
        while len(words) > 2 and given_name_sex(words[1]) and not given_name_sex(words[0]):
            words = words[1:]  # a title before a full name: "Innenministerin Leila Benyahia"
        inside_sentence = run[0].start > context.opening
        if (
            (len(words) >= 2 and (names_only or (adjacent and len(words) <= _INVERTED_WORDS - 1)))
            or given_name_sex(words[0])
            or _surname(words[0]) in context.surnames
            or (names_only and inside_sentence)
        ):
            return Speaker(" ".join(words), True)
    return None


def _after_locative(at: int, context: _Context) -> bool:
    """Whether a preposition of place stands right before `at` ("in Dresk", "en Villa Cardo"): a place."""
    before = _WORD.findall(context.text[max(0, at - _LOCATIVE_CHARS) : at])
    return bool(before) and before[-1].lower() in context.cues.locatives


def _surname(word: str) -> str:
    """A word without a Turkish case ending after an apostrophe ("Demir'e" -> "Demir")."""
    return re.split(r"['\u2019]", word)[0]


def _phrase(window: list[_Token], language: Cues) -> Speaker | None:
    """An unnamed voice: a noun phrase opened by an article ("der Sprecher", "la policía"), or in a script
    without capitals or articles, the window's words."""
    if not window:
        return None
    words = [t.text for t in window]
    if language.articles:
        starts = [i for i, w in enumerate(words) if w.lower() in language.articles]
        if not starts:
            return None
        at = starts[0]  # the noun phrase's start: "der Sprecher der Stadtwerke"
        while at < len(words) and words[at].lower() in language.articles:
            at += 1
        words = words[at:]
        if language.code in NOUNS_CAPITALISED:  # "die Ministerin in der ersten Lesung": up to "in"
            kept = next(
                (i for i, w in enumerate(words) if not w[:1].isupper() and w.lower() not in language.articles),
                len(words),
            )
            words = words[:kept]
    else:
        stops = stop_words(language.code)
        while words and words[0].lower() in stops:  # "Jak podkreślała": "as she stressed"
            words = words[1:]
    return Speaker(" ".join(words), False) if words else None


def _speakers(
    text: str,
    tokens: list[_Token],
    cue: _Cue,
    quoted: list[tuple[int, int]],
    context: _Context,
) -> list[Speaker] | None:
    """Whom the cue credits (two for "Olschewski und Busch lobten"); None when a pronoun or an impersonal cue
    hands the words to the speaker named before, and no one when the sentence does not say."""
    language, code = context.cues, context.language
    after = _window(text, tokens, cue, language, after=True)
    before = _window(text, tokens, cue, language, after=False)
    found: Speaker | None
    if cue.kind == "impersonal":
        return None  # "hieß es": the speaker named before
    if cue.kind.startswith("according") and _pronoun_source(
        after if cue.kind == "according_before" else before, language
    ):
        return None  # "d'après lui", "według niego": the speaker named before
    if cue.kind == "according_before":
        words = _source_words(after, code, language)
        found = _apposition(text, tokens, cue, after, context) or _name_in(words, context, False, person_first=True)
        return _listed(found or _plain(words, language))
    if cue.kind == "according_after":
        found = _name_in(before, context, True, keep_cases=True) or _plain(before, language)
        return [Speaker(_surname(found.text), found.named)] if found else []
    if cue.gap is not None:  # "teilte die Stadtverwaltung am Dienstag mit", "fügte sie hinzu"
        gap = tokens[cue.gap[0] : cue.gap[1] + 1]
        if not gap or gap[0].text.lower() in language.pronouns:
            return None
        return _listed(_name_in(gap, context, False) or _phrase(_source_words(gap, code, language), language))
    if not before and _after_quote(text, tokens[cue.first].start):
        before = _before_quote(text, tokens, cue, quoted, language)  # Demir, "..." dedi.
    if (after and after[0].text.lower() in language.pronouns) or (
        before and before[-1].text.lower() in language.pronouns
    ):
        return None  # "sagte sie", "er sagte", "il a déclaré": the speaker named before
    near = _name_in(after[:_INVERTED_WORDS], context, False) or (
        _apposition(text, tokens, cue, after, context) if after else None
    )
    apposed = _apposition(text, tokens, cue, [], context) if not before else None
    named = apposed or _name_in(before, context, True) or _opening_name(text, tokens, cue, context)
    postposed = _postposed(text, tokens, cue) and not apposed  # ", Rainer Busch, lobten" closes a subject
    if named and not postposed:
        both = _conjoined(text, tokens, cue, context)
        if len(both) > 1:
            return both
    # a verb opens an Arabic sentence and closes a Turkish one, after its object: neither has its subject there,
    # unless an Arabic sentence opens on its topic ("أما المدير العام ... فقال")
    topic = bool(before) and before[0].text in language.topic_markers
    behind = _phrase(before[1:] if topic else before, language)
    if (language.verb_initial and not topic) or language.verb_final:
        behind = None
    if postposed:  # „...“, sagte der Sprecher / « ... », a déclaré le maire / قال الوزير
        return _listed(near or named or _phrase(after, language) or behind)
    # Feld sagte ... / Hernández comentó la necesidad ...: what follows the cue is what was said, unless a name
    return _listed(named or near or behind)


def _pronoun_source(window: list[_Token], language: Cues) -> bool:
    """Whether "according to" names a pronoun: "d'après lui", "según ella", "według niego"."""
    return bool(window) and window[0].text.lower() in language.pronouns


def _listed(speaker: Speaker | None) -> list[Speaker]:
    return [speaker] if speaker else []


def _conjoined(text: str, tokens: list[_Token], cue: _Cue, context: _Context) -> list[Speaker]:
    """Two or more names joined by "and" as the subject before the cue ("Kulturdezernentin Petra Olschewski und
    der Vorsitzende des Fördervereins, Rainer Busch, lobten"): each is a speaker. The subject runs from the
    sentence's start (or its last quote) to the cue."""
    start = max((b for a, b in _all_quotes(text) if b <= tokens[cue.first].start), default=0)
    subject = [t for t in tokens[: cue.first] if t.start >= start]
    joins = [i for i, t in enumerate(subject) if t.text.lower() in context.cues.conjunctions]
    if not joins or any(ch in ";:" for ch in text[start : tokens[cue.first].start]):
        return []
    parts = [subject[: joins[0]], *(subject[a + 1 : b] for a, b in itertools.pairwise(joins)), subject[joins[-1] + 1 :]]
    names = [_name_in(part, context, True) for part in parts]
    return [n for n in names if n] if all(names) else []


def _all_quotes(text: str) -> list[tuple[int, int]]:
    return quoted_passages(text)[0]


def _postposed(text: str, tokens: list[_Token], cue: _Cue) -> bool:
    """Whether the cue opens the sentence or follows a quote or a comma: then its subject comes after it."""
    before = _char_before(text, tokens[cue.first].start)
    return not before or before in _QUOTE_MARKS or before in ",\u060c"


def _opening_name(text: str, tokens: list[_Token], cue: _Cue, context: _Context) -> Speaker | None:
    """A name that opens the sentence and is set off by a comma, as the subject of a verb at its end ("Feld,
    ... söyledi" in Turkish)."""
    head: list[_Token] = []
    for token in tokens[: cue.first]:
        if head and not _joined(text, head[-1], token):
            break
        head.append(token)
    rest = text[head[-1].end :].lstrip() if head else ""
    if head and context.cues.verb_final and rest.startswith(","):
        return _name_in(head, context, True)  # "... belirten Tuncer, ... kaydetti": the name before the comma
    if not head or ((len(head) > _INVERTED_WORDS or not rest.startswith(",")) and not context.cues.verb_final):
        return None
    return _name_in(head[: _WINDOW_WORDS if context.cues.verb_final else _INVERTED_WORDS], context, False)


_APPOSITION_BEFORE = re.compile(r",\s*([^,;:.!?\"\u201c\u201d\u201e\u00ab\u00bb]{2,60}?),\s*$")
_APPOSITION_AFTER = re.compile(r"\s*,\s*([^,;:.!?\"\u201c\u201d\u201e\u00ab\u00bb]{2,60}?)\s*[,.;]")


def _apposition(text: str, tokens: list[_Token], cue: _Cue, window: list[_Token], context: _Context) -> Speaker | None:
    """A name set off by commas beside a title: "Der Vorsitzende des Gewerbevereins, Thomas Kranich, kritisierte",
    "dijo el alcalde, Andrés Polo, en rueda de prensa", "ראש העירייה, יעל ברקוביץ, אמרה"."""
    if window:  # after the cue: its title, then ", NAME," at the clause's first comma
        comma = text.find(",", tokens[cue.last].end, tokens[cue.last].end + _APPOSITION_CHARS)
        clause = text[tokens[cue.last].end : comma] if comma >= 0 else ""
        found = _APPOSITION_AFTER.match(text, comma) if comma >= 0 and not set(clause) & _STOPS else None
    else:  # before the cue: ", NAME," right before it
        found = _APPOSITION_BEFORE.search(text, 0, tokens[cue.first].start)
    if not found:
        return None
    words = [t for t in tokens if found.start(1) <= t.start and t.end <= found.end(1)]
    if not words or len(words) > _INVERTED_WORDS:
        return None
    name = _name_in(words, context, False)
    if name or window or not uncased(text):
        return name
    return Speaker(" ".join(t.text for t in words), False)  # no capitals to tell a name by: the words set off


def _source_words(window: list[_Token], code: str, language: Cues) -> list[_Token]:
    """The words naming a source after "according to": where every noun takes a capital, up to the first word in
    lower case that is no article ("laut Polizei wurde ..." -> "Polizei"; "nach Angaben der Polizei")."""
    if code not in NOUNS_CAPITALISED:
        return window
    kept: list[_Token] = []
    for token in window:
        if not (token.text[:1].isupper() or token.text.lower() in language.articles or token.text.lower() == "von"):
            break
        kept.append(token)
    return kept


def _plain(window: list[_Token], language: Cues) -> Speaker | None:
    """A source named by a plain noun ("laut Polizei"): the window, its opening articles dropped."""
    words = [t.text for t in window]
    while words and words[0].lower() in language.articles:
        words = words[1:]
    return Speaker(" ".join(words), False) if words else None


def _before_quote(
    text: str, tokens: list[_Token], cue: _Cue, quoted: list[tuple[int, int]], language: Cues
) -> list[_Token]:
    """The words before the quote that ends right before a cue: in a verb-final sentence the speaker opens it."""
    k = bisect.bisect_right([b for _, b in quoted], tokens[cue.first].start) - 1
    if k < 0:
        return []
    start = quoted[k][0]
    last = cue.first - 1
    while last >= 0 and tokens[last].end > start:
        last -= 1
    head = tokens[max(0, last + 1 - _WINDOW_WORDS) : last + 1]
    return head if head and _joined_to_quote(text, head[-1], start) else []


def _joined_to_quote(text: str, token: _Token, start: int) -> bool:
    """Whether only a comma or a colon stands between a word and the quote after it."""
    return not text[token.end : start].strip(" ,:\u00a0")


@dataclass(frozen=True)
class _Context:
    """What reading one sentence's speakers needs beside its words."""

    language: str
    cues: Cues
    names: Sequence[Candidate]  # names another article confirmed in this sentence
    surnames: set[str]  # surnames of full names the article gives
    opening: int  # where the sentence's first word starts
    text: str  # the sentence


def attributions(
    sentences: Sequence[str], names: Sequence[Sequence[Candidate]], language: str, paragraphs: Sequence[int] = ()
) -> list[tuple[list[Attribution], list[tuple[int, int]]]]:
    """Each sentence's attributions and quote spans, in order (a pronoun or a dropped subject is read from the
    sentences before, a quote running over several sentences from the one where it closes). Only the quote spans
    for a language with no listed cues. `paragraphs`: each sentence's paragraph (a quote never runs past one)."""
    spans, open_at = _passages(sentences, paragraphs)
    language_cues = cues(language)
    if language_cues is None:
        return [([], q) for q in spans]
    full = _full_names(sentences, names, language)
    result: list[tuple[list[Attribution], list[tuple[int, int]]]] = []
    last: tuple[int, Speaker] | None = None  # the latest sentence index and speaker credited
    person: tuple[int, Speaker] | None = None  # the latest sentence index and full name given
    roles: dict[str, set[str]] = {}  # a title word -> the names it stood beside ("consejera" -> Elena Robles)
    for index, (text, quoted) in enumerate(zip(sentences, spans, strict=True)):
        tokens = _tokens(text)
        _note_roles(text, tokens, language, roles)
        context = _Context(language, language_cues, names[index], set(full), tokens[0].start if tokens else 0, text)
        found: list[Attribution] = []
        for cue in _find_cues(text, tokens, quoted, language_cues):
            speakers = _speakers(text, tokens, cue, quoted, context)
            if speakers is None or (not speakers and cue.kind == "speech"):  # a pronoun, or a dropped subject
                speakers = _listed(_carried(index, last, person))
            kind = "according_to" if cue.kind.startswith("according") else "quote" if quoted else "paraphrase"
            for speaker in speakers:
                if speaker.named and len(full.get(speaker.text, ())) == 1:
                    speaker = Speaker(next(iter(full[speaker.text])), True)  # "Feld" -> "Karin Feld"
                speaker = _by_role(speaker, roles)
                found.append(_attribution(speaker, cue.text, kind))
        if not found and quoted:
            colon = _colon_speaker(text, tokens, quoted, context)  # Feld: „Wir bauen neu.“
            if colon is not None:
                found.append(_attribution(colon, ":", "quote"))
        if not found and quoted and last and index - last[0] <= 1 and _only_quote(text, quoted):
            found.append(_attribution(last[1], "", "quote"))  # a quote running on from the sentence before
        if not found and last and index - last[0] <= 1 and _reported_mood(tokens, language_cues):
            found.append(_attribution(last[1], "", "paraphrase"))  # "Die Reparatur sei teuer": still the speaker
        found = _once(found)
        voiced = [a for a in found if a.kind != "according_to"]  # a pronoun goes back to a speaker, not a source
        if voiced:
            last = (index, Speaker(voiced[-1].speaker, voiced[-1].named))
        person = _last_person(text, tokens, context, index) or person
        result.append((found, quoted))
    for index in range(len(result) - 2, -1, -1):  # “... . ... .”, said Guzmán: the opening sentences are his too
        own = [a for a in result[index][0] if a.cue]
        closing = [a for a in result[index + 1][0] if a.kind == "quote"]
        if open_at[index] and not own and closing:
            result[index] = (closing[:1], result[index][1])
    return result


def _passages(sentences: Sequence[str], paragraphs: Sequence[int]) -> tuple[list[list[tuple[int, int]]], list[bool]]:
    """Each sentence's quoted passages, and whether it ends inside a quote that a later sentence closes. A quote
    runs over sentences of one paragraph only, and a mark left open for more than _OPEN_SENTENCES sentences is a
    stray mark (a garbled text, a mismatched closing mark): its passages are read again without it."""
    spans: list[list[tuple[int, int]]] = []
    open_at: list[bool] = []
    mark: str | None = None
    opened = 0  # the sentence the open quote started in
    for index, text in enumerate(sentences):
        if mark is not None and (
            index - opened > _OPEN_SENTENCES or (paragraphs and paragraphs[index] != paragraphs[index - 1])
        ):
            mark = None
            for back in range(opened, index):  # the stray mark's passages: each sentence alone
                spans[back] = [span for span in quoted_passages(sentences[back])[0] if span[1] < len(sentences[back])]
                open_at[back] = False
        was_open = mark is not None
        found, mark = quoted_passages(text, mark)
        if mark is not None and not was_open:
            opened = index
        spans.append(found)
        open_at.append(mark is not None)
    if mark is not None:  # never closed: a stray mark
        for back in range(opened, len(sentences)):
            spans[back] = [span for span in quoted_passages(sentences[back])[0] if span[1] < len(sentences[back])]
            open_at[back] = False
    return spans, open_at


def _note_roles(text: str, tokens: list[_Token], language: str, roles: dict[str, set[str]]) -> None:
    """Title words written beside a full name ("la consejera de Sanidad, Elena Robles", "Bakan Levent Tuncer"),
    so a later "según la consejera" is hers. Cased scripts only: a name is told there by its capitals."""
    if uncased(text):
        return
    stops = stop_words(language)
    for start, end in _name_runs(text, tokens, stops):
        title = [t for t in tokens[max(0, start - _TITLE_WORDS) : start] if _joined_or_comma(text, t, tokens[start])]
        first_is_title = (
            end - start > 2 and not given_name_sex(tokens[start].text) and given_name_sex(tokens[start + 1].text)
        )
        words = [t.text for t in title] + ([tokens[start].text] if first_is_title else [])
        name = " ".join(t.text for t in tokens[start + (1 if first_is_title else 0) : end])
        for word in words:
            if len(word) >= _ROLE_CHARS and word.lower() not in stops:
                roles.setdefault(word.lower(), set()).add(name)


def _name_runs(text: str, tokens: list[_Token], stops: frozenset[str]) -> list[tuple[int, int]]:
    """(first, end) token indices of runs of two to four capitalised words, none of them the sentence's first."""
    runs: list[tuple[int, int]] = []
    at = 1
    while at < len(tokens):
        if tokens[at].text[:1].isupper() and tokens[at].text.lower() not in stops:
            end = at + 1
            while end < len(tokens) and tokens[end].text[:1].isupper() and _joined(text, tokens[end - 1], tokens[end]):
                end += 1
            if 2 <= end - at <= _INVERTED_WORDS:
                runs.append((at, end))
            at = end
        else:
            at += 1
    return runs


def _joined_or_comma(text: str, token: _Token, name: _Token) -> bool:
    """Whether only words and at most a comma stand between a title word and the name after it."""
    between = text[token.end : name.start]
    return between.count(",") <= 1 and not set(between) & (_STOPS - {","})


def _by_role(speaker: Speaker, roles: dict[str, set[str]]) -> Speaker:
    """An unnamed speaker whose words hold a title the article gave one named person: that person."""
    if speaker.named:
        return speaker
    names = {name for word in speaker.text.lower().split() for name in roles.get(word, ())}
    return Speaker(names.pop(), True) if len(names) == 1 else speaker


def _carried(index: int, last: tuple[int, Speaker] | None, person: tuple[int, Speaker] | None) -> Speaker | None:
    """Whom a pronoun or a dropped subject stands for: the speaker of the sentences just before, else the person
    named last ("Claire Mazet a reçu le prix ... « ... », a-t-elle confié")."""
    if last and index - last[0] <= _CARRY_SENTENCES:
        return last[1]
    if person and index - person[0] <= 1:
        return person[1]
    return None


def _last_person(text: str, tokens: list[_Token], context: _Context, index: int) -> tuple[int, Speaker] | None:
    """The last full name of a person in the sentence (a given name and a surname), outside its quotes."""
    quoted = _all_quotes(text)
    outside = [t for t in tokens if not _in_quote(quoted, t.start)]
    found = None
    for first, second in itertools.pairwise(outside):
        if given_name_sex(first.text) and second.text[:1].isupper() and _joined(text, first, second):
            found = Speaker(f"{first.text} {_surname(second.text)}", True)
    if found is None and context.names:
        found = next((Speaker(c.text, True) for c in reversed(context.names) if len(c.text.split()) > 1), None)
    return (index, found) if found else None


def _reported_mood(tokens: list[_Token], language: Cues) -> bool:
    """Whether the sentence's verb is in the mood of reported speech (German Konjunktiv I: "sei", "habe",
    "werde"): the words are still the last speaker's, with no cue of their own."""
    return any(t.text.lower() in language.reported_mood for t in tokens)


def _once(found: list[Attribution]) -> list[Attribution]:
    """One attribution per speaker and kind in a sentence: two cues of one speaker count once."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for attribution in found:
        if (attribution.speaker, attribution.kind) not in seen:
            seen.add((attribution.speaker, attribution.kind))
            kept.append(attribution)
    return kept


def _colon_speaker(text: str, tokens: list[_Token], quoted: list[tuple[int, int]], context: _Context) -> Speaker | None:
    """The name right before a colon that opens a quote ("Der Bürgermeister Jonas Wehrli: „Wir bauen neu.“",
    "El agricultor Julián Cano lo resumió así: «...»"): the clause before the colon introduces the speaker."""
    for start, _ in quoted:
        if _char_before(text, start) != ":":
            continue
        colon = text.rfind(":", 0, start)
        clause = [t for t in tokens if t.end <= colon][-_WINDOW_WORDS:]
        while clause and not _joined_or_comma(text, clause[0], clause[-1]):
            clause = clause[1:]
        return _name_in(clause, context, False)
    return None


def _only_quote(text: str, quoted: list[tuple[int, int]]) -> bool:
    """Whether the sentence is all quotation (a quote running on from the sentence before)."""
    outside = text
    for a, b in reversed(quoted):
        outside = outside[:a] + outside[b:]
    return not _WORD.search(outside)


def _full_names(sentences: Sequence[str], names: Sequence[Sequence[Candidate]], language: str) -> dict[str, set[str]]:
    """Surname -> the full names the article gives it: names of two words or more another article confirmed, runs
    of capitalised words opened by a known given name ("Karin Feld" makes "Feld" hers), and where only names take
    capitals, any run of two or three capitalised words inside a sentence ("Ali Riza Demirtas" makes "Demirtas,
    ... dedi" his)."""
    found: dict[str, set[str]] = {}
    for text, confirmed in zip(sentences, names, strict=True):
        fulls = [c.text for c in confirmed if len(c.text.split()) > 1]
        if not uncased(text):
            words = [m.group() for m in _WORD.finditer(text)]
            stops = stop_words(language)
            fulls += [
                f"{first} {_surname(second)}"
                for first, second in itertools.pairwise(words)
                if given_name_sex(first) and second[:1].isupper() and second.lower() not in stops
            ]
            if language not in NOUNS_CAPITALISED:  # where only names take capitals, a run inside a sentence
                fulls += _inner_runs(text, stops)
        for name in fulls:
            found.setdefault(_surname(name.split()[-1]), set()).add(name)
    return found


def _inner_runs(text: str, stops: frozenset[str]) -> list[str]:
    """Runs of two or three capitalised words, not opening the sentence and not stop words."""
    runs: list[list[str]] = [[]]
    for at, match in enumerate(_WORD.finditer(text)):
        word = match.group()
        if at and word[:1].isupper() and word.lower() not in stops:
            runs[-1].append(_surname(word))
        elif runs[-1]:
            runs.append([])
    return [" ".join(run) for run in runs if 2 <= len(run) <= _INVERTED_WORDS - 1]


def _attribution(speaker: Speaker, cue: str, kind: str) -> Attribution:
    words = speaker.text.split()
    return Attribution(
        speaker=speaker.text,
        cue=cue,
        kind=kind,
        head=words[-1].lower() if words else "",
        named=speaker.named,
        head_type="PERSON" if speaker.named and first_name_sex(speaker.text) else "",
    )
