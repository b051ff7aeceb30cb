"""Quotes and who said them, in languages the English parser cannot read: cue words per language, no parser.

No parser for German, Spanish, Arabic, Turkish, Polish or Hebrew ships in a wheel, but news in each writes
attribution in a few fixed shapes: a speech verb with its speaker before it ("Feld sagte", "Demir, "..." dedi")
or after it ("„...“, sagte Feld", "« ... », a déclaré Martin", "قال الوزير"), and "according to" words with the
source after them ("laut Polizei", "selon le maire", "بحسب الشرطة") or before them ("dem Bericht zufolge",
"Polise göre"). The words are hand-listed per language in `data/speech_words_other.json`. The speaker is read from
the words beside the cue, up to a comma, a quote mark or a word that opens what was said ("dass", "que", "إن"): a
name there first (a name another article confirmed, a run of capitalised words, or a known given name), then a
pronoun or a dropped subject that hands the words to the speaker of the sentences before ("sagte sie", "a-t-il
ajouté", "وأضاف"), then a plain noun phrase ("der Sprecher", "la policía"), kept as an unnamed voice. French
also has a parser in a wheel: there a speech cue's subject in the parse comes first (`french_parse`), these rules
where the parse gives none.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from manysides.understand.foreign_names import NOUNS_CAPITALISED, Candidate, stop_words, uncased
from manysides.understand.french_parse import FrenchReader
from manysides.understand.given_names import given_sex, is_given_name
from manysides.understand.names import first_name_sex
from manysides.understand.other_confidence import trusted
from manysides.understand.other_cues import WINDOW_WORDS, Cue, Cues, cues, find_cues
from manysides.understand.other_descriptions import Person, described_person, description_sex, persons_in
from manysides.understand.other_marks import (
    STOPS,
    WORD,
    Word,
    char_before,
    in_quote,
    joined,
    sentence_passages,
    words_in,
)
from manysides.understand.other_referents import Forms, by_role, full_form, long_names
from manysides.understand.other_speakers import (
    INVERTED_WORDS,
    Speaker,
    SpeakerContext,
    listed,
    name_in,
    speakers_of,
    surname,
)
from manysides.understand.quotes import Attribution

_CARRY_SENTENCES = 3  # a pronoun or a dropped subject hands words to a speaker named at most this many sentences back
_TITLE_WORDS = 4  # words before a name read as its title
_ROLE_CHARS = 4  # a title word this long at least ("maire", "Bakan"; not "de")
_INTERVIEW_NAME_WORDS = 3  # words of a name opening an interview's answer before its colon


def attributions(
    sentences: Sequence[str], names: Sequence[Sequence[Candidate]], language: str, paragraphs: Sequence[int] = ()
) -> list[tuple[list[Attribution], list[tuple[int, int]]]]:
    """Each sentence's attributions and quote spans, in order (a pronoun or a dropped subject is read from the
    sentences before, a quote running over several sentences from the one where it closes). Only the quote spans
    for a language with no listed cues. `paragraphs`: each sentence's paragraph (a quote never runs past one)."""
    spans, open_at = sentence_passages(sentences, paragraphs)
    language_cues = cues(language)
    if language_cues is None:
        return [([], q) for q in spans]
    full = _full_names(sentences, names, language)
    bodies = long_names(sentences, language)
    indexed = (Forms(name[0] for name in bodies), Forms())  # the names' first words, the titles met so far
    common = _common_words(sentences, language)
    result: list[tuple[list[Attribution], list[tuple[int, int]]]] = []
    last: tuple[int, Speaker] | None = None  # the latest sentence index and speaker credited
    person: tuple[int, Speaker] | None = None  # the latest sentence index and full name given
    roles: dict[str, set[str]] = {}  # a title word -> the names it stood beside ("consejera" -> Elena Robles)
    people: list[tuple[int, Speaker]] = []  # every speaker credited and full name given, in order
    persons: list[Person] = []  # every person of known sex named or credited, in order ("la chercheuse" is hers)
    parsed = FrenchReader() if language == "fr" else None  # French: the parse's subject first, then the rules
    if parsed:
        parsed.prepare(sentences, spans, language_cues)
    for index, (text, quoted) in enumerate(zip(sentences, spans, strict=True)):
        tokens = words_in(text)
        _note_roles(text, tokens, language, roles)
        indexed[1].add(roles)
        opening = tokens[0].start if tokens else 0
        context = SpeakerContext(language, language_cues, names[index], set(full), opening, text)
        found: list[Attribution] = []
        sentence_cues = find_cues(text, tokens, quoted, language_cues)
        if parsed:  # "Il a également indiqué": a compound cue an adverb splits, joined by the parse
            sentence_cues = parsed.split_cues(index, text, tokens, quoted, sentence_cues, language_cues)
        for cue in sentence_cues:
            speakers = (parsed.speakers(index, text, tokens, cue, quoted) if parsed else []) or speakers_of(
                text, tokens, cue, quoted, context
            )
            if parsed and speakers:  # "D'après la Fédération des producteurs de lait": the whole phrase
                speakers = parsed.widened_source(index, text, tokens, cue, speakers)
            indefinite = speakers == [] and cue.kind == "speech"
            if indefinite:
                speakers = listed(_indefinite_subject(text, tokens, cue, language_cues))
            opener = _opening_person(text, tokens, cue, quoted) if speakers == [] and cue.kind == "speech" else None
            if opener is not None:  # "El alcalde, Ramón Aguirre, culpó ... y anunció": the dropped subject is his
                speakers = [opener]
            elif speakers is None or (not speakers and cue.kind == "speech"):  # a pronoun, or a dropped subject
                speakers = listed(_carried(index, last, person, _cue_sex(tokens, cue, language_cues), people))
            kind = "according_to" if cue.kind.startswith("according") else "quote" if quoted else "paraphrase"
            for speaker in speakers:
                if speaker.named and speaker.text in common:  # "Położna" opening a sentence, "położna" elsewhere
                    speaker = Speaker(speaker.text, False)
                if not indefinite:  # "Eine Hebamme der Klinik": someone new, not a title or a name given before
                    sex = None
                    if not speaker.named:
                        cue_sex = _cue_sex(tokens, cue, language_cues)
                        sex = description_sex(speaker.text, text, tokens, language, indexed[1], cue_sex)
                    speaker = _told_short(speaker, full, roles, bodies, indexed, language_cues, sex)
                    if sex and not speaker.named:  # "reconnaît la chercheuse": the one woman named before
                        described = described_person(sex, index, persons, _cue_sex(tokens, cue, language_cues))
                        speaker = Speaker(described, True) if described else speaker
                found.append(_attribution(speaker, cue.text, kind))
        if not found and quoted:
            colon = _colon_speaker(text, tokens, quoted, context)  # Feld: „Wir bauen neu.“
            if colon is not None:
                found.append(_attribution(colon, ":", "quote"))
        if not found:
            view = _opinion_of(text, tokens, context)  # "Für die Initiatorin Ruth Pohlhammer, ist der Bahnhof ..."
            if view is not None:
                found.append(_attribution(_expanded(view, full), tokens[0].text, "according_to"))
        if not found and not quoted:
            answer = _interview_answer(text, tokens, full)  # "Oswald: Der See mischt sich nicht mehr durch."
            if answer is not None:
                found.append(_attribution(answer, ":", "quote"))
        if not found and quoted and last and index - last[0] <= 1 and _only_quote(text, quoted):
            found.append(_attribution(last[1], "", "quote"))  # a quote running on from the sentence before
        if not found and last and index - last[0] <= 1 and _reported_mood(tokens, language_cues):
            found.append(_attribution(last[1], "", "paraphrase"))  # "Die Reparatur sei teuer": still the speaker
        found = _once(found)
        voiced = [a for a in found if a.kind != "according_to"]  # a pronoun goes back to a speaker, not a source
        if voiced:
            last = (index, Speaker(voiced[-1].speaker, voiced[-1].named))
            people.append(last)
        person = _last_person(text, tokens, quoted, context, index) or person
        persons.extend(persons_in(index, text, tokens, quoted))
        credited = (Speaker(a.speaker, a.named) for a in found)
        persons.extend(Person(index, s.text, sex) for s in credited if (sex := _sex_of(s)))
        if person and person[0] == index:
            people.append(person)
        result.append((found, quoted))
    for index in range(len(result) - 2, -1, -1):  # “... . ... .”, said Guzmán: the opening sentences are his too
        own = [a for a in result[index][0] if a.cue]
        closing = [a for a in result[index + 1][0] if a.kind == "quote"]
        if open_at[index] and not own and closing:
            result[index] = (closing[:1], result[index][1])
    kept = trusted([found for found, _ in result], sentences, language)  # a credit likelier wrong than right: none
    return [(found, quoted) for found, (_, quoted) in zip(kept, result, strict=True)]


def _common_words(sentences: Sequence[str], language: str) -> frozenset[str]:
    """Words the article also writes in lower case, capitalised: where only names take capitals, such a word
    opening a sentence is a noun ("Położna ... skarżyła się" after "to położna"), not a name. None in German,
    where every noun is capitalised anyway, nor where no word is."""
    if language in NOUNS_CAPITALISED:
        return frozenset()
    lower = {w for text in sentences for w in WORD.findall(text) if w.islower()}
    return frozenset(w[:1].upper() + w[1:] for w in lower)


def _note_roles(text: str, tokens: list[Word], language: str, roles: dict[str, set[str]]) -> None:
    """Title words written beside a full name ("la consejera de Sanidad, Elena Robles", "Bakan Levent Tuncer"),
    so a later "según la consejera" is hers. Cased scripts only: a name is told there by its capitals."""
    if uncased(text):
        return
    stops = stop_words(language)
    listed_cues = cues(language)
    verbs = frozenset(listed_cues.by_first_word) if listed_cues else frozenset()  # "s'enthousiasmait X": no title
    said = {p[0] for kind, p in listed_cues.ordered if kind == "speech" and len(p) == 1} if listed_cues else set()
    barriers = said | (listed_cues.complementisers if listed_cues else frozenset())  # no title across "schätzt, dass"
    for start, end in _name_runs(text, tokens, stops):
        title = [t for t in tokens[max(0, start - _TITLE_WORDS) : start] if _joined_or_comma(text, t, tokens[start])]
        cut = max((i + 1 for i, t in enumerate(title) if t.text.lower() in barriers), default=0)
        title = title[cut:]
        first_is_title = (
            end - start > 2 and not is_given_name(tokens[start].text) and is_given_name(tokens[start + 1].text)
        )
        words = [t.text for t in title] + ([tokens[start].text] if first_is_title else [])
        name = " ".join(t.text for t in tokens[start + (1 if first_is_title else 0) : end])
        for word in words:
            if len(word) >= _ROLE_CHARS and word.lower() not in stops and word.lower() not in verbs:
                roles.setdefault(word.lower(), set()).add(name)


def _name_runs(text: str, tokens: list[Word], stops: frozenset[str]) -> list[tuple[int, int]]:
    """(first, end) token indices of runs of two to four capitalised words, none of them the sentence's first, and
    no figure between them ("Stand 18 Uhr" is no name)."""
    runs: list[tuple[int, int]] = []
    at = 1
    while at < len(tokens):
        if tokens[at].text[:1].isupper() and tokens[at].text.lower() not in stops:
            end = at + 1
            while (
                end < len(tokens)
                and tokens[end].text[:1].isupper()
                and joined(text, tokens[end - 1], tokens[end])
                and not any(c.isdigit() for c in text[tokens[end - 1].end : tokens[end].start])
            ):
                end += 1
            if 2 <= end - at <= INVERTED_WORDS:
                runs.append((at, end))
            at = end
        else:
            at += 1
    return runs


def _joined_or_comma(text: str, token: Word, name: Word) -> bool:
    """Whether only words and at most a comma stand between a title word and the name after it (no figure: "rund
    3000 Hektar" is a count, not a title)."""
    between = text[token.end : name.start]
    return between.count(",") <= 1 and not set(between) & (STOPS - {","}) and not any(c.isdigit() for c in between)


def _by_role(speaker: Speaker, roles: dict[str, set[str]]) -> Speaker:
    """An unnamed speaker whose words hold a title the article gave one named person: that person."""
    if speaker.named:
        return speaker
    names = {name for word in speaker.text.lower().split() for name in roles.get(word, ())}
    return Speaker(names.pop(), True) if len(names) == 1 else speaker


def _told_short(
    speaker: Speaker,
    full: dict[str, set[str]],
    roles: dict[str, set[str]],
    bodies: list[list[str]],
    indexed: tuple[Forms, Forms],
    language: Cues,
    sex: str | None = None,
) -> Speaker:
    """The speaker as the article named them in full: a surname as its full name, a title as the one person the
    article wrote it beside, an inflected or shortened name as the longer one (`other_referents`). `indexed`: the
    first words of `bodies` and the titles of `roles`. `sex`: the one a description's article or ending gives ("la
    nouvelle maire" is not the man once written beside "maire")."""
    found = _by_role(_expanded(speaker, full), roles)
    if found != speaker and (sex is None or _sex_of(found) in (sex, None)):
        return found
    words = [w for w in speaker.text.split() if w.lower() not in stop_words(language.code)]
    if not speaker.named:
        head = (words[-1] if language.verb_final else words[0]) if words else ""
        person = by_role(head, roles, indexed[1])
        if person is not None and (sex is None or _sex_of(Speaker(person, True)) in (sex, None)):
            return Speaker(person, True)
        if sex is not None:
            return speaker  # a person's description: no body's name told short
        if len(words) != 1:
            return speaker  # "referida agencia": one word only is read as a body's name told short
    longer = full_form(speaker.text, bodies, language.code, indexed[0])
    return Speaker(longer, True) if longer else speaker


def _carried(
    index: int,
    last: tuple[int, Speaker] | None,
    person: tuple[int, Speaker] | None,
    sex: str | None = None,
    people: Sequence[tuple[int, Speaker]] = (),
) -> Speaker | None:
    """Whom a pronoun or a dropped subject stands for: the speaker of the sentences just before, else the person
    named last ("Claire Mazet a reçu le prix ... « ... », a-t-elle confié"). Where the pronoun or the verb says
    the speaker's sex ("sagt sie", "Zapowiedziała"), one of the other sex is passed over for the latest person of
    that sex, or no one."""
    found = None
    if last and index - last[0] <= _CARRY_SENTENCES:
        found = last[1]
    elif person and index - person[0] <= 1:
        found = person[1]
    if sex is None or found is None or _sex_of(found) in (sex, None):
        return found
    return next(
        (p for at, p in reversed(people) if index - at <= _CARRY_SENTENCES and _sex_of(p) in (sex, None)),
        None,
    )


def _indefinite_subject(text: str, tokens: list[Word], cue: Cue, language: Cues) -> Speaker | None:
    """An unnamed person opening the sentence as the cue's subject ("Eine Hebamme der Klinik, die anonym bleiben
    möchte, berichtet", "Un habitant, qui a préféré garder l'anonymat, raconte"): someone not named before."""
    if not tokens or cue.first == 0 or tokens[0].text.lower() not in language.indefinites:
        return None
    phrase = [tokens[0]]
    for token in tokens[1 : cue.first]:
        if not joined(text, phrase[-1], token):
            break
        phrase.append(token)
    return Speaker(" ".join(t.text for t in phrase[1:]), False) if len(phrase) > 1 else None


def _sex_of(speaker: Speaker) -> str | None:
    """The sex a named speaker's given name tells, if one sex bears it; None for a body or a lone surname."""
    words = speaker.text.split()
    return given_sex(words[0]) if speaker.named and len(words) > 1 else None


def _cue_sex(tokens: list[Word], cue: Cue, language: Cues) -> str | None:
    """The sex a cue gives its speaker: a pronoun beside it ("sagt sie", "Il raconte", "a-t-elle"), or a verb
    that agrees ("powiedziała", "قالت", "אמרה")."""
    beside = [tokens[i].text.lower() for i in (cue.last + 1, cue.first - 1) if 0 <= i < len(tokens)]
    for word in [*beside, *cue.text.lower().split("-")[-1:]]:
        if word in language.pronoun_sex:
            return language.pronoun_sex[word]
    first = cue.text.split()[0].lower() if cue.text else ""
    forms = [first, *(first[len(p) :] for p in language.prefixes if first.startswith(p))]
    return next((language.verb_sex[f] for f in forms if f in language.verb_sex), None)


def _last_person(
    text: str, tokens: list[Word], quoted: list[tuple[int, int]], context: SpeakerContext, index: int
) -> tuple[int, Speaker] | None:
    """The last full name of a person in the sentence (a given name and a surname), outside its quotes."""
    outside = [t for t in tokens if not in_quote(quoted, t.start)]
    found = next(iter(reversed(_persons_named(text, outside))), None)
    if found is None and context.names:
        found = next((Speaker(c.text, True) for c in reversed(context.names) if len(c.text.split()) > 1), None)
    return (index, found) if found else None


_OPENING_WORDS = 6  # a sentence's subject named this near its start ("El alcalde, Ramón Aguirre, culpó ...")


def _opening_person(text: str, tokens: list[Word], cue: Cue, quoted: list[tuple[int, int]]) -> Speaker | None:
    """The person whose full name opens the sentence, before a cue whose subject is dropped: the subject of the
    sentence's first verb, which a coordinated cue shares ("... culpó a la empresa ... y anunció que ..."), not
    the speaker of the sentence before."""
    before = [t for t in tokens[: min(cue.first, _OPENING_WORDS + 1)] if not in_quote(quoted, t.start)]
    return next(iter(_persons_named(text, before)), None)


def _persons_named(text: str, words: list[Word]) -> list[Speaker]:
    """The full names of people among the words, in order: a known given name and a capitalised word joined to it."""
    return [
        Speaker(f"{first.text} {surname(second.text)}", True)
        for first, second in itertools.pairwise(words)
        if is_given_name(first.text) and second.text[:1].isupper() and joined(text, first, second)
    ]


def _reported_mood(tokens: list[Word], language: Cues) -> bool:
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


def _colon_speaker(
    text: str, tokens: list[Word], quoted: list[tuple[int, int]], context: SpeakerContext
) -> Speaker | None:
    """The name right before a colon that opens a quote ("Der Bürgermeister Jonas Wehrli: „Wir bauen neu.“",
    "El agricultor Julián Cano lo resumió así: «...»"): the clause before the colon introduces the speaker."""
    for start, _ in quoted:
        if char_before(text, start) != ":":
            continue
        colon = text.rfind(":", 0, start)
        clause = [t for t in tokens if t.end <= colon][-WINDOW_WORDS:]
        while clause and not _joined_or_comma(text, clause[0], clause[-1]):
            clause = clause[1:]
        return name_in(clause, context, False)
    return None


def _opinion_of(text: str, tokens: list[Word], context: SpeakerContext) -> Speaker | None:
    """A sentence opening with "für", "pour", "para" and a named person or body set off by a comma ("Für die
    Initiatorin Ruth Pohlhammer, ...", "Pour la conservatrice, Hélène Marchetti, ...", "Para Ríos Vivos, ..."):
    that one's view, as "according to" (a pronoun, "Pour lui", is left alone)."""
    if len(tokens) < 3 or text[: tokens[0].start].strip() or tokens[0].text.lower() not in context.cues.opinion_openers:
        return None
    parts: list[list[Word]] = [[]]  # the words before the first comma, then up to the second
    for previous, token in itertools.pairwise(tokens[: 1 + 2 * WINDOW_WORDS]):
        between = text[previous.end : token.start]
        if set(between) & (STOPS - {","}):
            break
        if "," in between:
            if len(parts) == 2:
                break
            parts.append([])
        parts[-1].append(token)
    if len(parts) < 2 or not parts[0]:
        return None  # no comma closes the phrase: "Für die Stadt ist das teuer" gives no one's view
    for part in parts:
        found = name_in(part, context, True, person_first=True)
        if found and found.named:
            return found
    return None


def _expanded(speaker: Speaker, full: dict[str, set[str]]) -> Speaker:
    """A surname alone as the full name the article gives it ("Feld" -> "Karin Feld"), where it gives one."""
    names = full.get(speaker.text, set())
    return Speaker(next(iter(names)), True) if speaker.named and len(names) == 1 else speaker


def _interview_answer(text: str, tokens: list[Word], full: dict[str, set[str]]) -> Speaker | None:
    """An interview's answer: the sentence opens with a person the article named in full, then a colon ("Oswald:
    Ehrlich gesagt, nicht besonders gut."). Only a person named before, so "Fazit:" or "Update:" credit nobody."""
    head = next((i for i, t in enumerate(tokens[:_INTERVIEW_NAME_WORDS]) if text[t.end : t.end + 1] == ":"), None)
    if head is None or text[: tokens[0].start].strip():
        return None
    key = surname(tokens[head].text)
    names = full.get(key, set())
    return Speaker(next(iter(names)), True) if len(names) == 1 else None


def _only_quote(text: str, quoted: list[tuple[int, int]]) -> bool:
    """Whether the sentence is all quotation (a quote running on from the sentence before)."""
    outside = text
    for a, b in reversed(quoted):
        outside = outside[:a] + outside[b:]
    return not WORD.search(outside)


def _full_names(sentences: Sequence[str], names: Sequence[Sequence[Candidate]], language: str) -> dict[str, set[str]]:
    """Surname -> the full names the article gives it: names of two words or more another article confirmed, runs
    of capitalised words opened by a known given name ("Karin Feld" makes "Feld" hers), and where only names take
    capitals, any run of two or three capitalised words inside a sentence ("Ali Riza Demirtas" makes "Demirtas,
    ... dedi" his)."""
    found: dict[str, set[str]] = {}
    stops = stop_words(language)
    language_cues = cues(language)
    not_names = stops | set(language_cues.by_first_word if language_cues else ())  # nor a cue's first word
    for text, confirmed in zip(sentences, names, strict=True):
        fulls = [c.text for c in confirmed if len(c.text.split()) > 1]
        if uncased(text):  # a known given name and the word after it ("سامر الخطيب" makes "الخطيب" his)
            fulls += [
                f"{first.text} {second.text}"
                for first, second in itertools.pairwise(words_in(text))
                if is_given_name(first.text)
                and joined(text, first, second)
                and not {first.text.lower(), second.text.lower()} & not_names
            ]
        else:
            words = [m.group() for m in WORD.finditer(text)]
            fulls += [
                f"{first} {surname(second)}"
                for first, second in itertools.pairwise(words)
                if is_given_name(first) and second[:1].isupper() and second.lower() not in stops
            ]
            if language not in NOUNS_CAPITALISED:  # where only names take capitals, a run inside a sentence
                fulls += _inner_runs(text, stops)
        for name in fulls:
            parts = name.split()
            found.setdefault(surname(parts[-1]), set()).add(name)
            if is_given_name(parts[0]):  # "تقول ليلى": the full name given before
                found.setdefault(parts[0], set()).add(name)
    return found


def _inner_runs(text: str, stops: frozenset[str]) -> list[str]:
    """Runs of two or three capitalised words, not opening the sentence and not stop words."""
    runs: list[list[str]] = [[]]
    for at, match in enumerate(WORD.finditer(text)):
        word = match.group()
        if at and word[:1].isupper() and word.lower() not in stops:
            runs[-1].append(surname(word))
        elif runs[-1]:
            runs.append([])
    return [" ".join(run) for run in runs if 2 <= len(run) <= INVERTED_WORDS - 1]


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
