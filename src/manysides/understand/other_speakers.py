# ruff: noqa: RUF003 - examples in Arabic and Hebrew by design
"""Who a cue credits, read from the words beside it without a parser: a name (confirmed by another article, a
run of capitals where only names take them, a known given name, a surname the article gives), a pronoun or a
dropped subject that hands the words back, an apposition ("dijo el alcalde, Andrés Polo,"), or a plain noun
phrase kept as an unnamed voice. Order decides the side: after a closing quote or a comma the subject follows."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from manysides.understand.foreign_names import CONNECTORS as _CONNECTORS
from manysides.understand.foreign_names import NOUNS_CAPITALISED, Candidate, stop_words, uncased
from manysides.understand.given_names import is_given_name
from manysides.understand.other_cues import SPOKEN_WORDS, WINDOW_WORDS, Cue, Cues, cue_window
from manysides.understand.other_marks import (
    QUOTE_MARKS,
    STOPS,
    WORD,
    Word,
    after_quote,
    char_before,
    joined,
)

INVERTED_WORDS = 4  # a name this near after the cue is its speaker ("sagte am Montag Karin Feld" is rarer)
_APPOSITION_CHARS = 80  # how far after a cue a title may run before ", NAME,"
_LOCATIVE_CHARS = 12  # how far back a preposition of place is looked for
_GAP_CHARS = 3  # spaces between a closing quote mark and the cue after it


@dataclass(frozen=True)
class Speaker:
    """Who a cue credits: the words naming them and whether they are a name."""

    text: str
    named: bool


def name_in(
    window: list[Word],
    context: SpeakerContext,
    nearest_last: bool,
    person_first: bool = False,
    keep_cases: bool = False,
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
    if _caseless(context.text):
        return _given_and_family(window, context, stops, nearest_last)
    # "der" joins "van der Berg", but in German it joins nouns: "Anwohner der Uferstraße"
    german = context.language in NOUNS_CAPITALISED
    connectors = _CONNECTORS - context.cues.articles if german else _CONNECTORS
    runs: list[list[Word]] = [[]]
    for at, token in enumerate(window):
        following = window[at + 1].text[:1].isupper() if at + 1 < len(window) else False
        if runs[-1] and not joined(context.text, runs[-1][-1], token):
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
        runs.sort(key=lambda run: not any(is_given_name(t.text) for t in run))
    for run in runs:
        # German: two or three capitalised words right beside the cue are its subject ("Intendant Jonas Wehrli
        # sprach"); elsewhere in the window they are as likely nouns ("in einer Reihe von US-Bundesstaaten")
        adjacent = run[-1] is window[-1] if nearest_last else run[0] is window[0]
        words = [t.text for t in run]
        given = next((at for at, word in enumerate(words[:-1]) if is_given_name(word)), 0)
        words = words[given:]  # titles before a full name: "Innenministerin Leila Benyahia", "Prof. Dr. Aylin Şener"
        inside_sentence = run[0].start > context.opening
        if (
            (len(words) >= 2 and (names_only or (adjacent and len(words) <= INVERTED_WORDS - 1)))
            or is_given_name(words[0])
            or surname(words[0]) in context.surnames
            or (names_only and inside_sentence)
        ):
            return Speaker(" ".join(words), True)
    return None


def _given_and_family(
    window: list[Word], context: SpeakerContext, stops: frozenset[str], nearest_last: bool
) -> Speaker | None:
    """Where no word takes a capital (Arabic, Hebrew): known given names and the word after them ("العميد سامر
    الخطيب", "המאמן, עמית שגיא"). A title opens the phrase and may be a given name too ("أمير", prince, is also
    Amir), so the last run of given names is the person's; "and" before a name opens another person ("ورئيس
    اتحاد الناشرين نبيل عيسى"), and the person nearest the cue is taken."""
    people: list[list[Word]] = [[]]
    for token in window:
        if people[-1] and _conjoined_name(token.text, context.cues):
            people.append([])
        people[-1].append(token)
    person = people[-1] if nearest_last else people[0]
    words = [_without_conjunction(t.text, context.cues) for t in person]
    given = [
        at
        for at, word in enumerate(words)
        if word.lower() not in stops and is_given_name(word) and not _after_locative(person[at].start, context)
    ]
    if not given:
        return None
    first = last = given[-1]
    while first - 1 in given and joined(context.text, person[first - 1], person[first]):
        first -= 1
    after = last + 1
    if after < len(words) and joined(context.text, person[last], person[after]) and words[after].lower() not in stops:
        last = after
    return Speaker(" ".join(words[first : last + 1]), True)


def _conjoined_name(word: str, language: Cues) -> bool:
    """Whether the word is "and" prefixed to a given name or a title ("ورئيس", "ועמית"): another person."""
    return _without_conjunction(word, language) != word


def _without_conjunction(word: str, language: Cues) -> str:
    """The word without a one-letter "and" prefix ("وسامر", "ועמית") when the rest is a given name."""
    for prefix in language.prefixes:
        if len(prefix) == 1 and word.startswith(prefix) and len(word) > len(prefix) + 2 and is_given_name(word[1:]):
            return word[1:]
    return word


def _after_locative(at: int, context: SpeakerContext) -> bool:
    """Whether a preposition of place stands right before `at` ("in Dresk", "en Villa Cardo"): a place."""
    before = WORD.findall(context.text[max(0, at - _LOCATIVE_CHARS) : at])
    return bool(before) and before[-1].lower() in context.cues.locatives


def surname(word: str) -> str:
    """A word without a Turkish case ending after an apostrophe ("Demir'e" -> "Demir")."""
    return re.split(r"['\u2019]", word)[0]


_ADJECTIVES = 2  # lower-case words before a capitalised noun in a German noun phrase ("der neue Bürgermeister")


def unnamed_voice(window: list[Word], language: Cues, before_cue: bool = False) -> Speaker | None:
    """An unnamed voice: a noun phrase opened by an article ("der Sprecher", "la policía"), or in a script
    without capitals or articles, the window's words; before the cue, also a bare plural ("wie Augenzeugen")."""
    if not window:
        return None
    words = [t.text for t in window]
    if language.articles:
        starts = [i for i, w in enumerate(words) if w.lower() in language.articles]
        if not starts:
            return _bare_plural(words, language) if before_cue else None
        at = starts[0]  # the noun phrase's start: "der Sprecher der Stadtwerke"
        while at < len(words) and words[at].lower() in language.articles:
            at += 1
        words = words[at:]
        if language.code in NOUNS_CAPITALISED:  # "die Ministerin in der ersten Lesung": up to "in"
            # adjectives before the noun are in lower case ("der derzeitige Umfragefavorit im ...")
            noun = next((i for i, w in enumerate(words[: _ADJECTIVES + 1]) if w[:1].isupper()), 0)
            kept = next(
                (
                    i
                    for i, w in enumerate(words)
                    if i > noun and not w[:1].isupper() and w.lower() not in language.articles
                ),
                len(words),
            )
            words = words[:kept] if words and words[noun][:1].isupper() else []
    else:
        stops = stop_words(language.code)
        while words and words[0].lower() in stops:  # "Jak podkreślała": "as she stressed"
            words = words[1:]
    return Speaker(" ".join(words), False) if words else None


def speakers_of(
    text: str,
    tokens: list[Word],
    cue: Cue,
    quoted: list[tuple[int, int]],
    context: SpeakerContext,
) -> list[Speaker] | None:
    """Whom the cue credits (two for "Olschewski und Busch lobten"); None when a pronoun or an impersonal cue
    hands the words to the speaker named before, and no one when the sentence does not say."""
    language, code = context.cues, context.language
    after = cue_window(text, tokens, cue, language, after=True)
    before = cue_window(text, tokens, cue, language, after=False)
    found: Speaker | None
    if cue.kind == "impersonal":
        return None  # "hieß es": the speaker named before
    if any(t.text.lower().endswith(language.inversions) for t in tokens[cue.first : cue.last + 1]):
        # the pronoun speaks ("« ... », a-t-elle déclaré devant les familles"), never the noun after it: the person
        # the sentence opens on ("Le directeur, Yann Quéméner, ..., explique-t-il") or the one before (the caller)
        return []
    if cue.kind.startswith("according") and _pronoun_source(
        after if cue.kind == "according_before" else before, language
    ):
        return None  # "d'après lui", "według niego": the speaker named before
    if cue.kind.startswith("according") and _no_source(
        after[:2] if cue.kind == "according_before" else before[-2:], language
    ):
        return []  # "laut Tarifvertrag", "selon toute vraisemblance", "Kanuna göre": in line with, no one said it
    if cue.kind == "according_before":
        words = _source_words(after, code, language, text)
        found = _apposition(text, tokens, cue, after, context) or name_in(words, context, False, person_first=True)
        return listed(found or _plain(words, language))
    if cue.kind == "according_after":
        found = name_in(before, context, True, keep_cases=True) or _plain(before, language)
        return [Speaker(surname(found.text), found.named)] if found else []
    gap = tokens[cue.gap[0] : cue.gap[1] + 1] if cue.gap is not None else []
    if gap:  # "teilte die Stadtverwaltung am Dienstag mit", "fügte sie hinzu"; "Özdemir kündigte an": as any verb
        if gap[0].text.lower() in language.pronouns:
            return None
        return listed(name_in(gap, context, False) or unnamed_voice(_source_words(gap, code, language, text), language))
    named_in_marks = None if language.verb_final else _quoted_name_before(text, tokens, cue, quoted)
    if named_in_marks:  # חברת המזון "שדות הגליל" הודיעה, „Spiegel“ berichtete: a body named in quote marks
        return [named_in_marks]
    if not before and after_quote(text, tokens[cue.first].start):
        before = _before_quote(text, tokens, cue, quoted, language)  # Demir, "..." dedi.
    if (after and after[0].text.lower() in language.pronouns) or (
        before and before[-1].text.lower() in language.pronouns
    ):
        return None  # "sagte sie", "er sagte", "il a déclaré": the speaker named before
    # where no capitals mark a name, a known given name anywhere in the window ("قال مدير الدفاع المدني في
    # المحافظة العميد سامر الخطيب")
    wide = cue_window(text, tokens, cue, language, after=True, through_prepositions=True) if _caseless(text) else []
    near = name_in(wide or after[:INVERTED_WORDS], context, False) or (
        _apposition(text, tokens, cue, after, context) if after else None
    )
    apposed = _apposition(text, tokens, cue, [], context) if not before or _clitic(text, before, language) else None
    named = apposed or name_in(before, context, True) or _opening_name(text, tokens, cue, context)
    postposed = _postposed(text, tokens, cue) and not apposed  # ", Rainer Busch, lobten" closes a subject
    if named and not postposed:
        both = _conjoined(text, tokens, cue, quoted, context)
        if len(both) > 1:
            return both
    # a verb opens an Arabic sentence and closes a Turkish one, after its object: neither has its subject there,
    # unless an Arabic sentence opens on its topic ("أما المدير العام ... فقال")
    topic = bool(before) and before[0].text in language.topic_markers
    behind = unnamed_voice(before[1:] if topic else before, language, before_cue=True)
    if (language.verb_initial and not topic) or language.verb_final:
        behind = None
    if postposed:  # „...“, sagte der Sprecher / « ... », a déclaré le maire / قال الوزير
        # the subject follows the cue: a description an article opens there ("..., erklärte der Umfragefavorit")
        # before a name the sentence opens with ("Anders als US-Präsident Donald Trump sehe er ..."); where no
        # article marks a noun phrase, the words after a verb-final cue are no subject ("diyerek tepkisini ...")
        described = unnamed_voice(after, language)
        if language.articles:
            return listed(near or apposed or described or named or behind)
        return listed(near or named or described or behind)
    # Feld sagte ... / Hernández comentó la necesidad ...: what follows the cue is what was said, unless a name
    return listed(named or near or behind or _opening_verbs_subject(text, tokens, cue, context))


_AND_PREFIX = "\u0648"  # Arabic "wa-", and, written joined to the verb it joins ("ووعد", and he promised)


def _opening_verbs_subject(text: str, tokens: list[Word], cue: Cue, context: SpeakerContext) -> Speaker | None:
    """Where the verb opens the sentence (Arabic), a cue joined to it by "and" ("وأعرب وزير النقل عن تعازيه ووعد
    بمراجعة ...") shares its subject: the words after the opening verb, not the speaker of an earlier sentence."""
    language = context.cues
    joined_cue = tokens[cue.first].text.startswith(_AND_PREFIX)
    if not language.verb_initial or cue.first < 2 or not joined_cue or not tokens[0].text.startswith(_AND_PREFIX):
        return None
    opening = Cue(first=0, last=0, kind="speech", text=tokens[0].text, gap=None)
    window = cue_window(text, tokens, opening, language, after=True)
    window = [t for t in window if t.start < tokens[cue.first].start]
    return name_in(window, context, False) or unnamed_voice(window, language)


# Arabic "وال", "بال", "لل", "ال", "ل" and Hebrew "ה", "בה", "ל": the article and prepositions joined to a word
_ARTICLE_PREFIXES = (
    "\u0648\u0627\u0644",
    "\u0628\u0627\u0644",
    "\u0644\u0644",
    "\u0627\u0644",
    "\u0644",
    "\u05d4",
    "\u05d1\u05d4",
    "\u05dc",
)


def _no_source(words: list[Word], language: Cues) -> bool:
    """Whether "according to" is followed (or, before "zufolge"/"göre", preceded) by a law, a plan, a rule or the
    outlet's own reporting: it means "in line with" and names no source. Arabic and Hebrew words are compared
    without their article or a joined preposition ("للتعليمات", "החוק")."""
    for word in words:
        lower = word.text.lower()
        forms = {
            lower,
            *(lower[len(p) :] for p in _ARTICLE_PREFIXES if lower.startswith(p) and len(lower) > len(p) + 1),
        }
        if forms & language.not_sources:
            return True
    return False


def _pronoun_source(window: list[Word], language: Cues) -> bool:
    """Whether "according to" names a pronoun: "d'après lui", "según ella", "według niego"."""
    return bool(window) and window[0].text.lower() in language.pronouns


def listed(speaker: Speaker | None) -> list[Speaker]:
    return [speaker] if speaker else []


_BARE_WORDS = 2  # capitalised words of a bare noun phrase ("wie Augenzeugen berichteten", "wie örtliche Medien")


def _bare_plural(words: list[str], language: Cues) -> Speaker | None:
    """Where every noun takes a capital, a noun without an article after the clause's opening word ("wie
    Augenzeugen berichteten", "wie Anwohner sagten"): people unnamed, not a pronoun handing the words back to the
    speaker named before."""
    if language.code not in NOUNS_CAPITALISED or len(words) < 2:
        return None
    stops = stop_words(language.code)
    opening = [w for w in words if w.lower() in stops]
    noun = words[len(opening) :]
    if words[: len(opening)] != opening or not 1 <= len(noun) <= _BARE_WORDS or not noun[-1][:1].isupper():
        return None  # a stop word after the noun, or no capitalised noun: not a bare noun phrase
    return Speaker(" ".join(noun), False)


def _conjoined(
    text: str, tokens: list[Word], cue: Cue, quoted: list[tuple[int, int]], context: SpeakerContext
) -> list[Speaker]:
    """Two or more names joined by "and" as the subject before the cue ("Kulturdezernentin Petra Olschewski und
    der Vorsitzende des Fördervereins, Rainer Busch, lobten"): each is a speaker. The subject runs from the
    sentence's start (or its last quote) to the cue."""
    start = max((b for _, b in quoted if b <= tokens[cue.first].start), default=0)
    subject = [t for t in tokens[: cue.first] if t.start >= start]
    joins = [i for i, t in enumerate(subject) if t.text.lower() in context.cues.conjunctions]
    if not joins or any(ch in ";:" for ch in text[start : tokens[cue.first].start]):
        return []
    parts = [subject[: joins[0]], *(subject[a + 1 : b] for a, b in itertools.pairwise(joins)), subject[joins[-1] + 1 :]]
    names = [name_in(part, context, True) for part in parts]
    return [n for n in names if n] if all(names) else []


def _quoted_name_before(text: str, tokens: list[Word], cue: Cue, quoted: list[tuple[int, int]]) -> Speaker | None:
    """A name in quote marks right before the cue, too short to be anyone's words and written after a word (a
    company, a group, a newspaper), not after a comma or a colon that opens words said: the cue's subject."""
    start = tokens[cue.first].start
    k = bisect.bisect_right(quoted, start, key=lambda span: span[1]) - 1  # the last quote closing before the cue
    if k < 0:
        return None
    a, b = quoted[k]
    if a == 0 or start - b > _GAP_CHARS or text[b:start].strip():
        return None
    words = WORD.findall(text, a, b)
    before = a - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    if 0 < len(words) < SPOKEN_WORDS and before >= 0 and text[before] not in ",:\u060c\u2013\u2014-":
        return Speaker(" ".join(words), True)
    return None


def _postposed(text: str, tokens: list[Word], cue: Cue) -> bool:
    """Whether the cue opens the sentence or follows a quote or a comma: then its subject comes after it."""
    before = char_before(text, tokens[cue.first].start)
    return not before or before in QUOTE_MARKS or before in ",\u060c"


def _opening_name(text: str, tokens: list[Word], cue: Cue, context: SpeakerContext) -> Speaker | None:
    """A name that opens the sentence and is set off by a comma, as the subject of a verb at its end ("Feld,
    ... söyledi" in Turkish)."""
    head: list[Word] = []
    for token in tokens[: cue.first]:
        if head and not joined(text, head[-1], token):
            break
        head.append(token)
    rest = text[head[-1].end :].lstrip() if head else ""
    if head and context.cues.verb_final and rest.startswith(","):
        # "... belirten Tuncer, ... kaydetti": the name before the comma; "Yetkililer, ... vurguladı": a plural noun
        # there is the subject too, people unnamed, not a dropped subject handing the words to the last speaker
        return name_in(head, context, True) or _plural_subject(head, context)
    if not head or ((len(head) > INVERTED_WORDS or not rest.startswith(",")) and not context.cues.verb_final):
        return None
    return name_in(head[: WINDOW_WORDS if context.cues.verb_final else INVERTED_WORDS], context, False)


_APPOSITION_BEFORE = re.compile(r"[,\u060c]\s*([^,\u060c;:.!?\"\u201c\u201d\u201e\u00ab\u00bb]{2,60}?)[,\u060c]\s*$")
_APPOSITION_AFTER = re.compile(
    r"\s*[,\u060c]\s*([^,\u060c;:.!?\"\u201c\u201d\u201e\u00ab\u00bb\u2014]{2,60}?)\s*[,\u060c.;\u2014]"
)
_GERSHAYIM = re.compile(r'(?<=[\u05d0-\u05ea])"(?=[\u05d0-\u05ea])')  # יו"ר, עו"ד: an abbreviation, not a quote


_PLURAL_ENDINGS = ("ler", "lar")  # Turkish plural suffixes: "Yetkililer" (officials), "Uzmanlar" (experts)


def _plural_subject(head: list[Word], context: SpeakerContext) -> Speaker | None:
    """A lone Turkish plural noun set off by a comma at the opening of a sentence: the subject of its final verb."""
    if len(head) != 1 or context.language != "tr":
        return None
    word = head[0].text
    plural = word.lower().endswith(_PLURAL_ENDINGS) and word.lower() not in stop_words(context.language)
    return Speaker(word, False) if plural else None


@lru_cache(maxsize=8)  # read once per sentence, not once per cue and name
def _caseless(text: str) -> bool:
    return uncased(text)


@lru_cache(maxsize=8)  # read once per sentence, not once per cue
def _masked(text: str) -> str:
    """The text with Hebrew abbreviations' ASCII gershayim written as U+05F4, so the patterns read past them."""
    return _GERSHAYIM.sub("\u05f4", text)


def _apposition(text: str, tokens: list[Word], cue: Cue, window: list[Word], context: SpeakerContext) -> Speaker | None:
    """A name set off by commas beside a title: "Der Vorsitzende des Gewerbevereins, Thomas Kranich, kritisierte",
    "dijo el alcalde, Andrés Polo, en rueda de prensa", "ראש העירייה, יעל ברקוביץ, אמרה"."""
    masked = _masked(text)
    if window:  # after the cue: its title, then ", NAME," at the clause's first comma
        end = tokens[cue.last].end
        commas = (masked.find(mark, end, end + _APPOSITION_CHARS) for mark in ",\u060c")
        comma = min((c for c in commas if c >= 0), default=-1)
        clause = masked[end:comma] if comma >= 0 else ""
        found = _APPOSITION_AFTER.match(masked, comma) if comma >= 0 and not set(clause) & STOPS else None
    else:  # before the cue: ", NAME," right before it, or before its object clitic (", Paul Agbodjan, la décrit")
        end = tokens[cue.first].start
        if cue.first > 0 and _clitic(text, tokens[cue.first - 1 : cue.first], context.cues):
            end = tokens[cue.first - 1].start
        found = _APPOSITION_BEFORE.search(masked, 0, end)
    if not found:
        return None
    words = [t for t in tokens if found.start(1) <= t.start and t.end <= found.end(1)]
    if not words or len(words) > INVERTED_WORDS:
        return None
    name = name_in(words, context, False)
    if name or window or not _caseless(text):
        return name
    lo = bisect.bisect_left(tokens, context.opening, key=lambda t: t.start)
    head = tokens[lo : bisect.bisect_right(tokens, found.start(), key=lambda t: t.end)]
    # "ד"ר נועה פרידמן, מומחית לבטיחות מזון, אמרה": the name before the description set off
    return name_in(head[-INVERTED_WORDS:], context, True) or Speaker(" ".join(t.text for t in words), False)


_CLITIC_CHARS = 3  # letters of an object pronoun before a verb ("la", "lo", "les", "leur" is not one)


def _clitic(text: str, before: list[Word], language: Cues) -> bool:
    """Whether the words before a cue are one short lowercase word right after a comma: an object pronoun
    ("Paul Agbodjan, la décrit", "Andrés Polo, lo dijo"), not the cue's subject; "and" is none ("Ignacio Ferrer,
    y recordó" goes on with the subject before)."""
    return (
        len(before) == 1
        and before[0].text.lower() not in language.conjunctions | language.pronouns
        and before[0].text.islower()
        and len(before[0].text) <= _CLITIC_CHARS
        and char_before(text, before[0].start) in (",", "\u060c")
    )


def _source_words(window: list[Word], code: str, language: Cues, text: str) -> list[Word]:
    """The words naming a source after "according to": where every noun takes a capital, up to the first word in
    lower case that is no article, or the first word after a figure ("laut Polizei wurde ..." -> "Polizei"; "nach
    Angaben der Polizei"; "nach Angaben des Wetterdienstes 180 Liter Regen" -> "Wetterdienstes")."""
    if code not in NOUNS_CAPITALISED:
        return _genitive_source(window, code, language, text) if not language.articles else window
    kept: list[Word] = []
    for token in window:
        if not (token.text[:1].isupper() or token.text.lower() in language.articles or token.text.lower() == "von"):
            break
        if kept and any(c.isdigit() for c in text[kept[-1].end : token.start]):
            break
        kept.append(token)
    return kept


def _genitive_source(window: list[Word], code: str, language: Cues, text: str) -> list[Word]:
    """Where no article opens a noun phrase and no comma need close it ("Według sanepidu do szpitala trafiło
    ..."), the source runs up to a figure, a function word before a word in lower case (a preposition inside a
    name, "w Zalesiu", is kept), or the first word in lower case after a name ("Według Komendy Policji w Łukowcu
    strażacy ...")."""
    if uncased(text):
        return window
    stops = stop_words(code)
    kept: list[Word] = []
    for at, token in enumerate(window):
        lower = token.text.lower()
        following = window[at + 1].text if at + 1 < len(window) else ""
        if kept and any(c.isdigit() for c in text[kept[-1].end : token.start]):
            break
        if kept and lower in stops and not following[:1].isupper():
            break
        if kept and token.text.islower() and kept[-1].text[:1].isupper():
            break
        kept.append(token)
    return kept


def _plain(window: list[Word], language: Cues) -> Speaker | None:
    """A source named by a plain noun ("laut Polizei"): the window, its opening articles dropped."""
    words = [t.text for t in window]
    while words and words[0].lower() in language.articles:
        words = words[1:]
    return Speaker(" ".join(words), False) if words else None


def _before_quote(text: str, tokens: list[Word], cue: Cue, quoted: list[tuple[int, int]], language: Cues) -> list[Word]:
    """The words before the quote that ends right before a cue: in a verb-final sentence the speaker opens it."""
    k = bisect.bisect_right(quoted, tokens[cue.first].start, key=lambda span: span[1]) - 1
    if k < 0:
        return []
    start = quoted[k][0]
    last = cue.first - 1
    while last >= 0 and tokens[last].end > start:
        last -= 1
    head = tokens[max(0, last + 1 - WINDOW_WORDS) : last + 1]
    return head if head and _joined_to_quote(text, head[-1], start) else []


def _joined_to_quote(text: str, token: Word, start: int) -> bool:
    """Whether only a comma or a colon stands between a word and the quote after it."""
    return not text[token.end : start].strip(" ,:\u00a0")


@dataclass(frozen=True)
class SpeakerContext:
    """What reading one sentence's speakers needs beside its words."""

    language: str
    cues: Cues
    names: Sequence[Candidate]  # names another article confirmed in this sentence
    surnames: set[str]  # surnames of full names the article gives
    opening: int  # where the sentence's first word starts
    text: str  # the sentence
