"""The words that tell someone said something, per language, and where they stand in a sentence: speech verbs,
"according to" words before or after their source, phrases that look like cues and credit nobody, and the verb
right after a closing quote whatever it is. The words are hand-listed in `data/speech_words_other.json`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from manysides.understand.foreign_names import stop_words, uncased
from manysides.understand.other_marks import (
    QUOTE_MARKS,
    STOPS,
    WORD,
    Word,
    after_quote,
    after_stop,
    char_before,
    in_quote,
    joined,
)

WINDOW_WORDS = 8  # words read on each side of a cue for its speaker
_VERB_FINAL = frozenset({"tr"})
_VERB_INITIAL = frozenset({"ar"})
_CASE_SUFFIXES = frozenset({"tr"})
_AGREEING = frozenset({"pl", "ar", "he"})  # a past (and in Arabic and Hebrew, present) verb agrees in sex
_FEMININE_ENDINGS = ("a", "\u0629", "\u062a", "\u05d4", "\u05ea")  # Polish -a; Arabic ة, ت; Hebrew ה, ת
_SHORT_CUE = 2  # a cue this short ("so") reports words only right after a closing quote mark
_GAP_WORDS = 5  # words a split cue's two parts may have between them
SPOKEN_WORDS = 4  # a quote this long at least may be someone's words (shorter: a title, a slogan, a term)
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
    opinion_openers: frozenset[str] = frozenset()  # "Für X, ...", "Pour X, ...": X's view
    prepositions: frozenset[str] = frozenset()  # complementisers that end only an unnamed phrase ("في")
    not_sources: frozenset[str] = frozenset()  # "laut Tarifvertrag", "selon toute vraisemblance": no source
    negations: frozenset[str] = frozenset()  # a speech verb right after one credits nobody ("nie podała")
    indefinites: frozenset[str] = frozenset()  # indefinite articles: "eine Hebamme" is someone not named before
    pronoun_sex: dict[str, str] = field(default_factory=dict)  # "sie" -> "she": whom a pronoun may stand for
    verb_sex: dict[str, str] = field(default_factory=dict)  # "powiedziała" -> "she", "powiedział" -> "he"
    # (kind, phrase) in the order cues are matched: "according to" words first, longest phrases first
    ordered: tuple[tuple[str, tuple[str, ...]], ...] = ()
    by_first_word: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first word -> ranks in `ordered`


@cache
def _lists() -> dict[str, dict[str, list[str]]]:
    text = resources.files("manysides.understand").joinpath("data/speech_words_other.json").read_text("utf-8")
    return {key: value for key, value in json.loads(text).items() if not key.startswith("_")}


def cue_example(language: str) -> str | None:
    """The first speech verb listed for the language ("sagte"), to show a reader what is read; None if none."""
    words = _lists().get(language, {}).get("speech", [])
    return words[0] if words else None


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
        return tuple(sorted({tuple(_folded(p).split()) for p in lists[name]}, key=len, reverse=True))

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
        opinion_openers=frozenset(lists.get("opinion_openers", ())),
        prepositions=frozenset(lists.get("prepositions", ())),
        not_sources=frozenset(w.lower() for w in lists.get("not_sources", ())),
        negations=frozenset(lists.get("negations", ())),
        indefinites=frozenset(lists.get("indefinites", ())),
        pronoun_sex=dict(lists.get("pronoun_sex", {})),
        verb_sex=_verb_sexes([w.lower() for w in lists["speech"]]) if language in _AGREEING else {},
    )


def _verb_sexes(speech: list[str]) -> dict[str, str]:
    """The sex each speech verb that agrees with its subject gives it, read from the list's own pairs: a form that
    is another listed form plus a feminine ending ("powiedziała", "قالت", "אמרה"), or an Arabic present with the
    feminine prefix ("تقول" beside "يقول"), is "she"; its partner is "he"."""
    listed = set(speech)
    sexes: dict[str, str] = {}
    for word in speech:
        if " " in word:
            continue
        bases = (word[: -len(ending)] for ending in _FEMININE_ENDINGS if word.endswith(ending))
        base = next((b for b in bases if b in listed), None)
        if base is None and word.startswith("\u062a") and "\u064a" + word[1:] in listed:
            base = "\u064a" + word[1:]
        if base:
            sexes[word], sexes[base] = "she", "he"
    return sexes


def _folded(text: str) -> str:
    """Lower case, and "ß" as "ss": Swiss German writes "hiess es" for "hieß es"."""
    return text.lower().replace("\u00df", "ss")


def _matches(token: str, word: str, prefixes: tuple[str, ...]) -> bool:
    lower = _folded(token)
    return lower == word or any(lower == prefix + word for prefix in prefixes)


@dataclass(frozen=True)
class Cue:
    first: int  # token indices of the cue's first and last word
    last: int
    kind: str  # "speech", "impersonal", "according_before" or "according_after"
    text: str
    gap: tuple[int, int] | None = None  # token indices between the two parts of a split cue ("teilte ... mit")


def find_cues(text: str, tokens: list[Word], quoted: list[tuple[int, int]], language: Cues) -> list[Cue]:
    """The cues of a sentence outside its quotes, longest first where two overlap; a French inversion set off by
    commas inside a quote too (« ..., affirme-t-il, ... »)."""
    found: list[Cue] = []
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
            if in_quote(quoted, tokens[i].start) and char_before(text, tokens[i].start) != "\u2014":
                continue  # but «... —aseguró la alcaldesa—.»: a Spanish aside set off by dashes inside the quote
            if len(phrase) == 1 and len(phrase[0]) <= _SHORT_CUE and not after_quote(text, tokens[i].start):
                continue
            if i and tokens[i - 1].text.lower() in language.reflexives:
                continue  # "Un incendio se declaró": broke out, no one spoke
            if i and tokens[i - 1].text.lower() in language.negations and kind == "speech":
                continue  # "nie podała nazwy placówki": she did not give it
            if i == 1 and tokens[0].text.lower() in language.articles and kind == "speech" and len(phrase) == 1:
                continue  # "La sentencia considera": after an opening article the word is a noun ("sentenciar")
            taken.update(range(cue.first, cue.last + 1))
            if kind != "not_cues":
                found.append(cue)
    found += _after_quotes(text, tokens, quoted, taken, language)
    for i, token in enumerate(tokens):  # "dit-il", "a-t-elle confié" after a quote or a comma
        if i in taken or not after_stop(text, token.start):
            continue
        inside = in_quote(quoted, token.start)
        if inside and not text[token.end :].lstrip().startswith(","):
            continue  # an inversion inside a quote is an aside only between two commas
        lower = token.text.lower()
        if lower in {"a-t-il", "a-t-elle"} and i + 1 < len(tokens):
            found.append(Cue(i, i + 1, "speech", f"{token.text} {tokens[i + 1].text}"))
        elif any(lower.endswith(ending) for ending in language.inversions):
            found.append(Cue(i, i, "speech", token.text))
    return sorted(found, key=lambda c: c.first)


_QUOTE_THEN = re.compile(r"\s*[,\u060c]?\s*[-\u2013\u2014]?\s*")


def _after_quotes(
    text: str, tokens: list[Word], quoted: list[tuple[int, int]], taken: set[int], language: Cues
) -> list[Cue]:
    """Cues by their place, whatever the verb: the word right after a quote that closes before a comma or a dash
    ("„...“, mahnte Feld", "«...», zanjó el alcalde", "„...” - oceniła Nowak"; with its auxiliary: "a lancé"), and
    in a verb-final language the last word after a closing quote ("\"...\" diye konuştu"). The lists name the
    verbs a language's news uses most; the place names the rest."""
    found: list[Cue] = []
    stops = stop_words(language.code)
    for start, end in quoted:
        if end >= len(text) or text[end - 1] not in QUOTE_MARKS:
            continue
        if len(WORD.findall(text, start, end)) < SPOKEN_WORDS:
            continue  # a title, a name or a slogan in quotes ("Brac solidaire", lancée par ...)
        gap = _QUOTE_THEN.match(text, end)
        at = next((i for i, t in enumerate(tokens) if t.start >= end), None)
        if at is None or at in taken or gap is None or gap.end() != tokens[at].start:
            continue
        if language.verb_final:
            rest = tokens[at:]
            if 0 < len(rest) <= _FINAL_WORDS and not set(text[end : tokens[-1].start]) & (STOPS - {","}):
                found.append(Cue(len(tokens) - 1, len(tokens) - 1, "speech", tokens[-1].text))
            continue
        if not text[end : gap.end()].strip():  # the verb must follow a comma or a dash
            continue
        word = tokens[at].text
        if uncased(word) or not word[:1].islower():
            continue
        last = at + 1 if word.lower() in language.auxiliaries and at + 1 < len(tokens) else at
        if word.lower() in stops and last == at:
            continue  # "„...“, die ..." is no cue
        found.append(Cue(at, last, "speech", " ".join(t.text for t in tokens[at : last + 1])))
    return found


def _first_words(token: str, language: Cues) -> set[str]:
    """The forms a token may stand for as a cue's first word: itself lower-cased, and without a prefix ("وقال")."""
    lower = _folded(token)
    return {lower, *(lower[len(p) :] for p in language.prefixes if lower.startswith(p))}


def _match_at(text: str, tokens: list[Word], i: int, phrase: tuple[str, ...], kind: str, language: Cues) -> Cue | None:
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
            if end is None or any(ch in STOPS for ch in text[tokens[gap - 1].end : tokens[end].start]):
                return None
            at = end + 1
            continue
        if at >= len(tokens) or not _matches(tokens[at].text, word, language.prefixes):
            return None
        at += 1
    words = " ".join(w for w in phrase if w != "*")
    if gap is None:
        return Cue(i, at - 1, kind, " ".join(t.text for t in tokens[i:at]))
    return Cue(i, at - 1, kind, words, (gap, at - 2))


def cue_window(
    text: str, tokens: list[Word], cue: Cue, language: Cues, after: bool, through_prepositions: bool = False
) -> list[Word]:
    """The words beside a cue, up to a stop mark, WINDOW_WORDS words, or after the cue a word opening what was
    said (before it, "que" is a relative: "La empresa que gestiona el puerto dice ..."); `through_prepositions`
    reads on past a preposition ("النائب عن كتلة الإصلاح فراس الدباغ")."""
    stops = language.complementisers - language.prepositions if through_prepositions else language.complementisers
    found: list[Word] = []
    step = 1 if after else -1
    at = cue.last if after else cue.first
    while len(found) < WINDOW_WORDS:
        nxt = at + step
        if not 0 <= nxt < len(tokens):
            break
        left, right = (tokens[at], tokens[nxt]) if after else (tokens[nxt], tokens[at])
        if not joined(text, left, right) or (after and tokens[nxt].text.lower() in stops):
            break
        found.append(tokens[nxt])
        at = nxt
    return found if after else found[::-1]
