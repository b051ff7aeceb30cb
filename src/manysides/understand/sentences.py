"""Sentence splitting that keeps abbreviations whole and keeps exact offsets into the body.

Statements must be exact substrings of the article body, so sentences are (start, end) spans, never rebuilt text.
A quotation of several sentences is split at its sentences, as news annotation splits it: each is one statement
that another outlet's copy of the same words can pair with, and `understand.document` carries the quotation and
its speaker across the sentences (a quote kept whole paired two outlets' quotes by all their sentences at once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from manysides.extract.words import MONTHS
from manysides.understand.entities import STATE_ABBREVIATIONS
from manysides.understand.foreign_names import NOUNS_CAPITALISED, stop_words

# Tokens that end with a period without ending a sentence (lower-cased, period stripped).
ABBREVIATIONS = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "mr mrs ms dr prof sen rep gov gen lt col capt sgt maj adm cmdr st mt ft jr sr inc corp co ltd jan feb "
        "mar apr jun jul aug sep sept oct nov dec no nos vs etc e.g i.e u.s u.k u.n a.m p.m approx dept est fig "
        "rev hon pres supt insp det ave blvd sens reps govs gens cong atty amb brig cpl pvt msgr"
    ).split()
) | frozenset(
    word
    for line in (Path(__file__).with_name("data") / "abbreviations.txt").read_text(encoding="utf-8").splitlines()
    if (word := line.strip()) and not word.startswith("#")
)
_STATES = frozenset(state[:-1].lower() for state in STATE_ABBREVIATIONS)  # AP style: "Ariz.", "N.H."
_NUMBER_SIGNS = frozenset({"no", "nos"})  # abbreviations only before a number
# One letter and a period: an initial ("J.", a Russian "Б."), in the cased scripts whose initials are so written
# (an Arabic one, "م." for a year of the common era, ends many sentences; its "د." for doctor is listed).
_INITIAL = re.compile("[a-z\u00e0-\u024f\u0370-\u03ff\u0400-\u04ff]")
# Abbreviations before a number in one language only, where the same letters end an English sentence ("It's OK.
# 300 people came"): the Polish "ok." (about), "godz." (hour), "ul." (street), "tys." (thousand), "nr" and "pkt";
# hand-written from the languages' common usage, not from any test page.
_NUMBER_SIGNS_OF = {"pl": frozenset({"ok", "godz", "ul", "tys", "pkt", "nr"})}
_INITIALISM = re.compile(r"[a-z](?:\.[a-z])+")  # "r.f.k", "d.c": the final period is read before this
# Closed-class words that open English sentences: after an initialism ("D.C."), such a word starts a new sentence,
# any other capitalised word goes on with a name ("R.F.K. Stadium").
_OPENERS = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "the a an he she it they we i you this that these those there here his her its their our my but and or so "
        "yet in on at for as if when while after before since during with without by from to of mr mrs ms dr "
        "some many most all no not one two three what who why how where then now still also meanwhile however"
    ).split()
)
# Sentence ends: full stop, ! and ?, the ellipsis, the Arabic question mark and the Urdu full stop; then closing
# quotes and brackets (a French closing guillemet after its space: "! »").
_END = "[.!?\u2026\u061f\u06d4]+"
_CLOSE = "[\"'\u201d\u2019\u201c\u2018\u00bb\u00ab\u203a\u2039)\\]]"
_BOUNDARY = re.compile(_END + f"(?:{_CLOSE}|\\s[\u00bb\u203a](?=\\s|$))*(?=\\s)")  # spaced: French, closing
# What may open the next sentence before its first letter: quotes of every language, brackets, Spanish ¿ and ¡.
_OPENER = "[\"'\u201c\u2018\u201e\u201a\u00ab\u00bb\u2039\u203a(\\[\u00bf\u00a1]\\s?"
_NEXT = re.compile(f"\\s+(?:{_OPENER})*(.)")
# Outside English a dash and a space also open a quotation, as a dialogue is written in Polish, Spanish or Russian
# ("pacjentów. - Wspólnie"); English sets off a dateline or an aside with it ("HARTFORD, Conn. — Connecticut ...").
_NEXT_DIALOGUE = re.compile(f"\\s+(?:{_OPENER}|[-\u2013\u2014]\\s)*(.)")
# A sentence's end written with no space before the next one's capital ("hogares.Ello"): read by `_glued`.
_GLUED = re.compile(r"(?<=[^\W\d_]{2})[.!?](?=[^\W\d_]{2})")
# "am 5. Dezember": a day's ordinal before a month name (CLDR's names in many languages) ends no sentence.
_ORDINAL_DAY = re.compile(r"(?<![\d.,])\d{1,2}\.$")
_MONTH_WORD = re.compile(r"\s*(\w+)")
# A quoted question or exclamation whose speaker follows: "...be approved?” Senate leader Mitch McConnell asked."
_QUOTE_CLOSE = re.compile(r"[?!][\"\u201d]$")
_SPEECH_WORD = re.compile(
    r"\b(?:said|says|asked|asks|added|adds|told|wrote|writes|tweeted|replied|responded|continued|declared|"
    r"insisted|argued|explained|wondered|shouted|exclaimed|recalled|yelled|cried|joked|quipped|retorted|countered|"
    r"remarked|boasted)\b"
)
# Characters before and after the speech word in such a sentence: "Senate Majority Leader Mitch McConnell, R-Ky.,"
# and "on Tuesday." fit; a sentence that goes on about something else does not.
_SPEAKER_BEFORE, _SPEAKER_AFTER = 100, 80


@dataclass(frozen=True)
class Sentence:
    """One sentence: its index in the article, its paragraph and its exact span in the body."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


def _is_abbreviation(block: str, end: int, language: str | None = None) -> bool:
    """Whether the period at `end - 1` closes an abbreviation or an initial rather than a sentence."""
    word = re.search(r"(\S+)\.$", block[:end])
    if not word:
        return False
    token = word.group(1).lstrip("\"'\u201c\u2018([").lower()
    if token in _NUMBER_SIGNS or token in _NUMBER_SIGNS_OF.get(language or "", ()):
        # "No. 5", "ok. 300 osób"; but "voted no. The rest agreed" ends a sentence
        return bool(re.match(r"\s*\d", block[end:]))
    last = token.rsplit("-", 1)[-1]  # "then-Rep.", "ex-Gov."
    # "R.F.K. Stadium" and "Ariz. Gov. Jan Brewer" go on; "moved to D.C. He said", "lives in Tucson, Ariz. His" end
    if _INITIALISM.fullmatch(token) or token in _STATES:
        after = re.match(r"\s+([A-Za-z]+)", block[end:])
        return after is not None and after.group(1).lower() not in _OPENERS
    if token in ABBREVIATIONS or last in ABBREVIATIONS:
        return True
    # an initial or a compass point ("8200 S. American Blvd."), not a unit in lower case after a number ("auf 900
    # m. Die Retter")
    unit = token == word.group(1)[-1:] and re.search(r"\d\s*$", block[: word.start()])
    return bool(_INITIAL.fullmatch(token)) and not unit


def _names_speaker(tail: str) -> bool:
    """Whether the sentence after a quote only says who spoke it ("Mitch McConnell, R-Ky., asked on Tuesday.")."""
    speech = _SPEECH_WORD.search(tail)
    if speech is None or any(mark in tail for mark in '"\u201c\u201d'):
        return False
    return speech.start() <= _SPEAKER_BEFORE and len(tail.rstrip()) - speech.end() <= _SPEAKER_AFTER


def _starts_sentence(block: str, end: int, language: str | None = None) -> bool:
    """Whether what follows `end` can open a sentence: a letter that is not lower case (so any letter of
    Arabic, Hebrew and other scripts without case) or a digit, after any opening quotes or brackets."""
    nxt = (_NEXT if language in (None, "en") else _NEXT_DIALOGUE).match(block, end)
    return nxt is not None and nxt.group(1).isalnum() and not nxt.group(1).islower()


def _ordinal_day(block: str, period: int) -> bool:
    """Whether the period at `period` follows a day's number and a month name comes next ("5. Dezember")."""
    if not _ORDINAL_DAY.search(block, 0, period + 1):
        return False
    word = _MONTH_WORD.match(block, period + 1)
    return word is not None and word.group(1).lower() in MONTHS


_SHORT_CRY = 4  # words: shorter pieces of a quotation stand alone as no statement another outlet could pair with


def _short_cry(piece: str) -> bool:
    """A few words ending in "!" or "?" that open a quotation still open ("“My man!"): part of the quoted passage."""
    text = piece.strip()
    if not text or text[-1] not in "!?" or len(text.split()) >= _SHORT_CRY:
        return False
    return _opens_unclosed_quote(text)


def _opens_unclosed_quote(text: str) -> bool:
    """Whether `text` opens with a quotation mark that it never closes."""
    curly = text[0] == "\u201c" and "\u201d" not in text
    return curly or (text[0] == '"' and text.count('"') == 1)


def _short_quote_tail(piece: str, tail: str) -> bool:
    """Whether a quotation still open at the end of `piece` closes within a few words of `tail` and the rest of
    `tail` only names its speaker (“Cancel the meeting. Now,” Ms. Reyes tweeted.): the tail's words are no
    statement of their own, and the first sentence would lose its speaker."""
    text = piece.strip()
    if not text or not _opens_unclosed_quote(text):
        return False
    close = re.search('[\u201d"]', tail)
    if close is None or len(tail[: close.start()].split()) >= _SHORT_CRY:
        return False
    return _names_speaker(tail[close.end() :])


def _uncased_letters(text: str) -> bool:
    """Whether every character is a letter of a script without capitals (Arabic, Hebrew)."""
    return bool(text) and all(c.isalpha() and not c.isupper() and not c.islower() for c in text)


def _glued(block: str, mark: re.Match[str]) -> bool:
    """Whether a full stop with no space after it still ends a sentence: a lower-case word before it and a
    capitalised word after ("... de sus hogares.Ello, de acuerdo ..."), as pages and feeds that drop a space
    between paragraphs write it. An abbreviation ("Mr.Smith", "St.Louis") or an initialism ("U.S.Army") goes on. In
    a script without capitals two words of it either side are enough ("الماضية.تم"): its abbreviations are one
    letter and a period ("د.")."""
    at = mark.start()
    before, after = block[at - 2 : at], block[at + 1 : at + 3]
    if _uncased_letters(before) and _uncased_letters(after):
        return True
    if not (before.islower() and before.isalpha() and after[:1].isupper() and after[1:].islower()):
        return False
    return not (mark.group() == "." and _is_abbreviation(block, at + 1))


# A Roman numeral and its period after a word in lower case, before a capitalised word: an ordinal written before
# the name it numbers, as Turkish, German or Polish write it ("hüküm süren III. Gordianus"); "World War II. The ..."
# and "Elizabeth II. She ..." (a capitalised word before the numeral) still end a sentence.
# Two letters or more (one may be a pronoun or an initial), up to XXXIX ("LLC" is none).
_NUMERAL_BEFORE = re.compile(r"(?:^|(\S+)\s+)(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})$")


def _ordinal_before_name(block: str, period: int) -> bool:
    """Whether the period at `period` closes a Roman numeral that numbers the name after it (`_NUMERAL_BEFORE`)."""
    found = _NUMERAL_BEFORE.search(block, 0, period)
    return found is not None and (found.group(1) or "a")[:1].islower()


_ORDINAL = re.compile(r"(?<![\d.,])\d{1,3}\.$")
_NEXT_WORD = re.compile(r"\s+(\w+)")


def _ordinal_before_noun(block: str, period: int, language: str | None) -> bool:
    """Whether the period at `period` closes an ordinal before the noun it numbers, in a language that capitalises
    its nouns ("auf dem 14. Platz", "zum 3. Mal"): a capitalised word that is none of the language's stop words
    follows. "im Jahr 14. Der Rat ..." and every other language end the sentence there."""
    if language not in NOUNS_CAPITALISED or not _ORDINAL.search(block, 0, period + 1):
        return False
    word = _NEXT_WORD.match(block, period + 1)
    return word is not None and word.group(1)[:1].isupper() and word.group(1).lower() not in stop_words(language)


def _split_block(block: str, language: str | None = None) -> list[tuple[int, int]]:
    ends = [
        m
        for m in _BOUNDARY.finditer(block)
        if _starts_sentence(block, m.end(), language)
        and not (
            m.group().startswith(".")
            and (
                _is_abbreviation(block, m.start() + 1, language)
                or _ordinal_day(block, m.start())
                or _ordinal_before_name(block, m.start())
                or _ordinal_before_noun(block, m.start(), language)
            )
        )
    ]
    ends = sorted(ends + [m for m in _GLUED.finditer(block) if _glued(block, m)], key=lambda m: m.start())
    spans, start = [], 0
    for k, match in enumerate(ends):
        end = match.end()
        tail = block[end : ends[k + 1].end() if k + 1 < len(ends) else len(block)]
        if _QUOTE_CLOSE.search(match.group()) and _names_speaker(tail):
            continue  # the quoted question's speaker comes next: one sentence
        if _short_cry(block[start:end]):
            continue  # '“My man! Hold it!” Holder recalled.': a cry inside a quotation goes on with it
        if _short_quote_tail(block[start:end], tail):
            continue  # '“Cancel it. Now,” she tweeted.': a short end of the quotation and its speaker go with it
        spans.append((start, end))
        start = end
    spans.append((start, len(block)))
    return spans


def split_sentences(body: str, language: str | None = None) -> list[Sentence]:
    """Sentences of a body whose paragraphs (or lines) are separated by newlines; `language` (ISO 639-1, as the
    article stores it) adds that language's own abbreviations and ordinals. Every reader of one article's sentences
    passes the same language, so sentence numbers agree between the comparison and the pages that link to them."""
    sentences: list[Sentence] = []
    paragraph = -1
    for block in re.finditer(r"[^\n]+", body):
        if not block.group().strip():
            continue
        paragraph += 1
        for start, end in _split_block(block.group(), language):
            text = block.group()[start:end]
            left = len(text) - len(text.lstrip())
            text = text.strip()
            if text:
                begin = block.start() + start + left
                sentences.append(Sentence(len(sentences), paragraph, begin, begin + len(text), text))
    return sentences
