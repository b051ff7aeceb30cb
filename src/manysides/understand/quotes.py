"""Quotes and attributions: who the article says said something, with which cue ("said", "according to", "citing").

Speakers come from the dependency parse (subject of a speech verb, object of "according to" or "citing"), trimmed
of relative clauses so "the source, who requested anonymity, said" gives "the source".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from manysides.understand.speech_words import speech_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# The word lists below are hand-listed in data/speech_words.json, with what each is for.
CUE_VERBS = speech_words("cue_verbs")
# Verbs that report what someone said without a clause of its words (`_speech_act`). Verbs of criticism or praise
# report it with their object alone ("castigated the comic", "lauded the system"); verbs that judge or blame with an
# object said to be something or blamed for something ("dismissed the story as a trick", "condemned her for ...");
# "urge", "call on/for" with what someone is to do, "caution" against something; a promise of what the subject
# will do ("vowed to fight on"); a likening ("likened the plan to a raid"); "made the case that/for".
_APPRAISAL_VERBS = speech_words("appraisal_verbs")
_JUDGING_VERBS = speech_words("judging_verbs")
_JUDGING_PREPS = frozenset({"as", "for", "of"})
_PROMISING_VERBS = speech_words("promising_verbs")
# "rejected claims that ...", "challenged claims that ...", "contested the allegations"
_REBUTTING_VERBS = speech_words("rebutting_verbs")
# Verbs of asking for something that report words with their object alone ("recommended armed guards",
# "demanded an apology"), when a voice asks (`_voice`): not "the job demands patience".
_ASKING_VERBS = speech_words("asking_verbs")
# A speech noun as the object of a light verb ("offered Trump an ultimatum: ...", "repeated his challenge to her to
# oppose the deal", "issued a call for ..."): the subject says what follows.
_LIGHT_SPEECH_VERBS = speech_words("light_speech_verbs")
_LIGHT_SPEECH_NOUNS = speech_words("light_speech_nouns")
# Documents that speak for whoever issued them ("the report called for ...", "a resolution calling on ..."); a plan,
# a bill or a budget that "calls for" piers holds them, and says nothing.
SPEAKING_DOCUMENTS = speech_words("speaking_documents")
# Heads of a subject that is a body or a person by its noun alone ("the council called for a review").
BODY_NOUNS = speech_words("body_nouns")
_VOICE_NOUNS = BODY_NOUNS | speech_words("voice_nouns")
# Verbs of issuing a document: its words are the issuer's ("a task force released a report that called for ...").
_ISSUING_VERBS = speech_words("issuing_verbs")
_ALWAYS_SPEECH = speech_words("always_speech")
_TAG_VERBS = speech_words("tag_verbs")
_HOLDING_NOUNS = speech_words("holding_nouns")
# Verbs that report words only when a speaking document says them ("The letter reads, ...")
_DOCUMENT_CUES = speech_words("document_cue_verbs")
# Nouns of what was said that a rebutting verb answers ("disputed the allegations"): words, not an offer or a bill.
_SAID_NOUNS = speech_words("said_nouns")
# Nouns of a reaction in words whose "from" phrase is who reacted ("drew criticism from gun control advocates").
_REACTION_NOUNS = speech_words("reaction_nouns")
_REPLY_NOUNS = speech_words("reply_nouns")
_AGREEING_VERBS = speech_words("agreeing_verbs")
_UTTERED_NOUNS = speech_words("uttered_nouns")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this"})
_RELATIVE = frozenset({"who", "which", "that"})
_TRIM_DEPS = frozenset({"relcl", "acl", "punct", "appos", "advcl", "cc", "conj", "prep"})
_SINGLE_QUOTE = re.compile(r"(?<![\w])['\u2018][^'\u2019\n]{2,80}?['\u2019](?![\w])")
# A dateline or update tag opening a story ("WASHINGTON —", "AUGUSTA, Me. —", "UPDATE:"): the parser often takes
# it for the subject of the first verb.
_DATELINE = re.compile(
    r"^[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*(?:,[^\u2014\u2013\u2015:\n]{1,30}?)?(?: [\d:]+ ?[ap]\.m\.)?"
    r"[^\S\n]*(?:[\u2014\u2013\u2015:]|--?)\s*"
)
_DOUBLE_MARKS = frozenset('"\u201c\u201d')
_OPENS_AFTER = frozenset("([{\u2014\u2013-/")


@dataclass(frozen=True)
class Attribution:
    """One attribution: speaker phrase, cue word and kind (quote, paraphrase, according_to, citing).

    `head` is the lemma of the speaker's head word and `named` says whether the speaker has a proper name, so that
    "the source" or "Katarina Voss" can be told from "these crews" when listing whom an article cites, and
    `head_type` tells a party's members ("Democrats", "The California Democrat") from a source.
    """

    speaker: str
    cue: str
    kind: str
    head: str = ""
    named: bool = False
    head_type: str = ""  # the parser's entity label of the head word ("PERSON", "ORG", "NORP"), "" for none


def _opens(text: str, i: int) -> bool:
    """Whether the double quote mark at i opens a quotation: a curly opening mark, or a straight one after a space
    or a bracket and before a word. Outlets mix the two ("\u201cI find it disturbing," Inslee said), so a straight
    mark is read from where it stands, not paired with the next one."""
    mark = text[i]
    if mark != '"':
        return mark == "\u201c"
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in _OPENS_AFTER) and not after.isspace()


def scan_quotes(text: str, open_at_start: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """Double-quoted passages of a text that may begin inside a quotation opened in an earlier sentence.

    Returns (start, end) of each passage (a passage carried in from before starts at 0 and has no opening mark;
    one still open at the end runs to the end of the text), and whether a quotation is open at the end.
    """
    spans: list[tuple[int, int]] = []
    start: int | None = 0 if open_at_start else None
    for i, mark in enumerate(text):
        if mark == "\n":
            start = None
        elif mark in _DOUBLE_MARKS:
            if start is None:
                if _opens(text, i):
                    start = i
            elif not _opens(text, i):
                spans.append((start, i + 1))
                start = None
    if start is not None and len(text) - start > 2:
        spans.append((start, len(text)))
    return spans, start is not None


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of quoted passages in the text, quote marks included; only passages opened and closed in it."""
    spans, still_open = scan_quotes(text)
    double = [(a, b) for a, b in (spans[:-1] if still_open else spans) if b - a >= 4]
    single = [m.span() for m in _SINGLE_QUOTE.finditer(text)]
    return sorted([*double, *(s for s in single if not any(a <= s[0] < b for a, b in double))])


def _keeps(head: Token, child: Token) -> bool:
    """Whether a dependent of a speaker's head belongs in the speaker phrase: all but clauses, appositions and
    prepositions; "of" and "in" after the head do ("officials of the Bar Association"), and so does "for" and a
    name after a description ("a spokesman for American Media Inc.", so two companies' spokesmen stay two). One set
    off by a comma is an affiliation told in passing ("Olsk, of the Marlow School of Law" is Olsk), and any word set off
    after the head is an aside ("Biden, aware of this, told" is Biden)."""
    set_off = child.i > head.i and child.left_edge.i > 0 and head.doc[child.left_edge.i - 1].text in _ASIDE_MARKS
    if child.dep_ not in _TRIM_DEPS:
        return not set_off
    if child.dep_ == "acl" and child.tag_ == "VBN" and not set_off and _bare(head):
        return True  # "those briefed on the plan", "messages obtained by The Atlantic": the participle says who
    if child.dep_ != "prep" or child.i < head.i or head.doc[child.i - 1].text == ",":
        return False
    return child.lower_ in {"of", "in"} or (
        child.lower_ == "for" and head.pos_ == "NOUN" and any(t.pos_ == "PROPN" for t in child.subtree)
    )


_ASIDE_MARKS = frozenset({",", "\u2014", "\u2013", "--"})  # what sets an aside off a speaker's phrase
_BARE_HEADS = frozenset({"those", "people", "anyone", "someone", "some", "others"})


def _bare(head: Token) -> bool:
    """A head that alone tells nobody: a pronoun such as "those", or a plural noun with no determiner or owner."""
    if head.lower_ in _BARE_HEADS:
        return True
    told = any(c.dep_ in {"det", "poss", "nummod"} for c in head.children)
    return head.tag_ == "NNS" and not told


_LEADING = frozenset({"DET", "PRON", "ADJ", "ADV", "VERB", "PUNCT"})
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Dr"})


def _title_name(head: Token, name: Token) -> bool:
    """Whether a name in apposition follows its title with no mark between: right after the title's head, or
    after the "of" phrase the title keeps ("Speaker of the House Newt Gingrich"), not set off by a comma."""
    left = name.left_edge.i
    if left == head.i + 1:
        return True
    kept = [c for c in head.children if c.dep_ == "prep" and c.i > head.i and _keeps(head, c)]
    return any(c.right_edge.i == left - 1 for c in kept)


def _phrase(head: Token) -> str:
    """The noun phrase of a speaker, without relative clauses, appositions or trailing punctuation; a person's
    name without the lower-case words before it that only describe ("An incredulous Bob Schieffer" is Bob
    Schieffer, "an emotional Mr. Obama" Mr. Obama; "former Secretary ..." and "his rival Mitt Romney" stay), and
    without a bracket it leaves open ("Sen. Kirsten Gillibrand (D-N.Y." is Sen. Kirsten Gillibrand)."""
    keep = [head]
    for child in head.children:
        if _keeps(head, child):
            words = _without_clauses(child)
            if child.dep_ == "acl":
                # a participle that says who ("messages obtained by The Atlantic's Julia Ioffe"), to its first comma
                stop = next((t.i for t in words if t.i > child.i and t.text in _ASIDE_MARKS), None)
                words = [t for t in words if stop is None or t.i < stop]
            keep.extend(words)
        elif child.dep_ == "appos" and child.pos_ == "PROPN" and _title_name(head, child):
            # a name right after its title ("Senate Democratic Leader Chuck Schumer (D-N.Y.)", "Former Speaker of
            # the House Newt Gingrich"): the name, no more
            keep.extend(t for t in child.subtree if t.i <= child.i)
    tokens = sorted(keep, key=lambda t: t.i)
    start, end = tokens[0].i, tokens[-1].i
    while start < head.i and head.doc[start].tag_ == "WP$":  # "whose Harbour Workers' Union" is the union
        start += 1
    if head.ent_type_ == "PERSON":
        run = start
        lower = lambda t: t.is_sent_start or not t.text[0].isupper()  # noqa: E731 - "An" opens a sentence
        while run < head.i and head.doc[run].pos_ in _LEADING and lower(head.doc[run]):
            run += 1
        name = head.doc[run]
        start = run if name.ent_type_ == "PERSON" or name.text.rstrip(".") in _HONORIFICS else start
    end = _name_end(head, start, end)
    while end > head.i and head.doc[end].dep_ == "case":  # the owner of words said ("Mr. Vale's letter"): Mr. Vale
        end -= 1
    text = _REFLEXIVE_END.sub("", head.doc[start : end + 1].text)  # "Trump himself said" is Trump
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")]
    return text.strip(" ,\u2013\u2014-")


_REFLEXIVE_END = re.compile(r"\s+(?:himself|herself|themselves|itself)$", re.IGNORECASE)


_CLAUSES = frozenset({"relcl", "acl", "advcl", "parataxis"})


def _without_clauses(token: Token) -> list[Token]:
    """A kept dependent's words without the clauses inside it ("One of the Republicans in the House -- where reform
    will live or die this year -- said": the House's relative clause is no part of the speaker)."""
    dropped = {t.i for d in token.subtree if d.dep_ in _CLAUSES and d is not token for t in d.subtree}
    return [t for t in token.subtree if t.i not in dropped]


def _name_end(head: Token, start: int, end: int) -> int:
    """Where a speaker phrase ends when its head opens a longer organisation's name the phrase would cut at a
    preposition the phrase drops ("The Center on Budget and Policy Priorities estimates" is the whole centre, not
    "The Center"): the end of the named entity the head is in, when that entity ends on a name."""
    ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    if ent is None or ent.label_ == "PERSON" or ent.start < start or ent.end - 1 <= end:
        return end
    cut_at_preposition = head.doc[end + 1].pos_ == "ADP"  # not a headline's "NRA Report Recommends Arming ..."
    return ent.end - 1 if cut_at_preposition and head.doc[ent.end - 1].pos_ == "PROPN" else end


def _named(head: Token) -> bool:
    """A proper name heads the speaker or qualifies it ("Israel's broadcaster", "officials of the Bar Association");
    a name further down ("concerns about Gorsuch's record") does not make the speaker a named source. A capitalised
    word the parser types a person but tags a common noun ("...," Sanders said) is a name too."""
    if head.pos_ == "PROPN" or (head.ent_type_ == "PERSON" and head.text[:1].isupper()):
        return True
    for child in head.children:
        if child.dep_ in {"compound", "poss", "nmod", "appos"} and child.pos_ == "PROPN":
            return True
        of_name = child.dep_ == "prep" and child.lower_ == "of"
        if of_name and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children):
            return True
    return False


_DESCRIBING_DETERMINERS = frozenset({"a", "an", "another"})


def _appositive_name(head: Token) -> Token | None:
    """The name a description is given in apposition ("the spokesman, Nick Merrill", "its editor, Ben Smith"), also
    after whom the description is of ("The lawyer for Mrs. Clinton, David Kendall," is Kendall)."""
    # "The Democrat, Representative Ann Vale," and "Another leading Dem, Sen. Ivy Hart," are Vale and Hart: a name
    # a determiner opens is a description
    described = any(c.dep_ == "det" and c.lower_ in _DESCRIBING_DETERMINERS for c in head.children)
    if head.pos_ == "PROPN" and head.ent_type_ != "NORP" and not described:
        return None
    # "A group called the St. Louis Tea Party": the name the description is called by
    called = (c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in {"call", "name"} and c.tag_ == "VBN")
    named = (o for c in called for o in c.children if o.dep_ in {"oprd", "attr", "dobj"} and o.pos_ == "PROPN")
    if (name := next(named, None)) is not None:
        return name
    # "The chairman of the board, Representative Ivo Pell, said": the parser may take the name set off by commas for a
    # second item of a list; with no "and" it is the description's name
    listed = not any(c.dep_ == "cc" for c in head.children)
    beside = {"appos", "conj"} if listed else {"appos"}
    found = (c for c in head.children if c.dep_ in beside and c.pos_ == "PROPN" and c.i > head.i)
    # a name of two words or more needs no type from the parser ("One of its members, Demetrios Minor,")
    direct = next((c for c in found if c.ent_type_ in {"PERSON", "ORG"} or _full_name(c)), None)
    if direct is not None:
        return direct
    objects = [o for p in head.children if p.dep_ == "prep" and p.lower_ in {"for", "of"} for o in p.children]
    people = (a for o in objects if o.dep_ == "pobj" for a in o.children if a.dep_ == "appos" and a.i > o.i)
    return next((a for a in people if a.pos_ == "PROPN" and a.ent_type_ == "PERSON"), None)


def _full_name(token: Token) -> bool:
    """Whether a proper noun heads a name of capitalised words of letters only, two or more ("Demetrios Minor"; not
    a party tag, "D-Nev."), with no type that says it is something other than a person or a body."""
    words = [c for c in token.children if c.dep_ == "compound" and c.i < token.i] + [token]
    return (
        len(words) >= 2
        and all(w.pos_ == "PROPN" and w.is_alpha and w.text[:1].isupper() for w in words)
        and token.ent_type_ in {"", "PERSON", "ORG"}
    )


def _title_holder(head: Token) -> Span | None:
    """The person closing a title's "for" or "of" phrase ("then-Deputy Assistant Secretary for Diplomatic Security
    Charlene Lamb"): the speaker is she, with her title, not the title alone. Not "the lawyer for Mrs. Clinton",
    whose phrase is all name."""
    if head.pos_ != "PROPN" or head.ent_type_ == "PERSON":
        return None
    objects = [o for p in head.children if p.dep_ == "prep" and p.lower_ in {"for", "of"} for o in p.children]
    for o in objects:
        if o.dep_ != "pobj" or o.ent_type_ != "PERSON":
            continue
        ent = next((e for e in o.doc.ents if e.start <= o.i < e.end and e.label_ == "PERSON"), None)
        if ent is not None and ent.start > o.left_edge.i:
            return ent
    return None


def _sender(head: Token) -> Token:
    """Who a speaking document or a reply is from, when its own "from" phrase tells ("the statement on her
    health, from Dr. Ada Venn, said", "A terse response from the council said"), or whose words they are by name
    ("as Mr. Vale's monologue indicated", "Ann Vale's letter argued"): the words are theirs."""
    if head.pos_ != "NOUN":
        return head
    lemma = head.lemma_.lower()
    if lemma in SPEAKING_DOCUMENTS | _REPLY_NOUNS | _UTTERED_NOUNS:
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PROPN" and _named(owner):
            return owner
    if lemma not in SPEAKING_DOCUMENTS | _REPLY_NOUNS:
        return head
    froms = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children]
    sender = next((o for o in froms if o.dep_ == "pobj"), None)
    if sender is None:
        return head
    # "a statement from her doctor": one told by whose they are; not "a report from last year"
    owned = sender.pos_ == "NOUN" and not sender.ent_type_ and any(c.dep_ == "poss" for c in sender.children)
    return sender if _named(sender) or owned else head


def _attribution(head: Token, cue: str, kind: str) -> Attribution:
    head = _sender(head)
    holder = _title_holder(head)
    if holder is not None:
        first = min(t.i for t in head.subtree if not t.is_punct)
        text = head.doc[first : holder.end].text
        return Attribution(text, cue, kind, _head_word(holder[-1]), True, "PERSON")
    name = _appositive_name(head)
    if name is not None:
        start, doc = name.i, head.doc
        while start > head.i + 1:
            if doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
                start -= 1
            elif doc[start - 1].tag_ == "HYPH" and start - 2 > head.i and doc[start - 2].pos_ == "PROPN":
                start -= 2  # "The Press-Enterprise": one name across its hyphen
            else:
                break
        return Attribution(head.doc[start : name.i + 1].text, cue, kind, _head_word(name), True, name.ent_type_)
    phrase = _phrase(head)
    dateline = _DATELINE.match(phrase)
    text = phrase[dateline.end() :] if dateline else phrase
    return Attribution(text, cue, kind, _head_word(head), _named(head), head.ent_type_)


def _head_word(head: Token) -> str:
    """The head as compared: a noun's lemma ("remarks": "remark"), a name as written ("Hopping", not "hop", though
    the parser tags it a verb)."""
    name = head.pos_ == "PROPN" or (head.ent_type_ in {"PERSON", "ORG"} and head.text[:1].isupper())
    return head.lower_ if name else head.lemma_.lower()


def dateline_end(text: str) -> int:
    """Length of the dateline or update tag a sentence opens with, 0 when there is none."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


def _speech(token: Token, quoted: bool, own_quote: bool = False) -> bool:
    """Whether a cue verb reports words: "say" and "tell" always; others need a reported clause or a quote: one the
    sentence is about (the verb is its main one, or opens the quote) or one the verb itself governs ("accusing the
    president of having "wasted another week"", `own_quote`).

    Keeps "Passengers can claim a refund" and "describes a series of incidents" out of the attributions.
    """
    if token.lemma_.lower() in _ALWAYS_SPEECH:
        return True
    if any(_speech_tag(c) for c in token.children):
        return False  # "That world view, Santorum said, suggests that ...": the verb is in the words Santorum said
    if any(c.dep_ in {"ccomp", "parataxis"} for c in token.children) or _clause_on_listener(token):
        return True
    if token.dep_ == "parataxis" and _set_off(token):
        return True  # "An interview, Gowdy argued, would provide protection": the clause around it is the words
    if _closes_words(token):
        return True
    return own_quote or (quoted and (token.dep_ in {"ROOT", "parataxis"} or _opens_quote(token))) or _answers(token)


def _closes_words(token: Token) -> bool:
    """ "Everything but immunity, he added.": the sentence's main verb and its subject close it after a comma,
    and what comes before the comma is the words, however the parser hung them. The verb takes no object of its own
    ("In the morning, he added salt.") and the words do not open with a preposition or a conjunction ("After the
    vote, she warned." tells when, not what)."""
    if token.dep_ != "ROOT" or any(c.dep_ in {"dobj", "obj", "dative", "prep", "xcomp"} for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].i > token.i:
        return False
    start = subjects[0].left_edge.i
    sentence = token.sent
    rest = [t for t in sentence if t.i > token.i and not t.is_punct]
    words = [t for t in sentence if t.i < start - 1 and not t.is_punct]
    return (
        not rest
        and start - 1 > sentence.start
        and token.doc[start - 1].text == ","
        and len(words) >= 2
        and words[0].pos_ not in {"ADP", "SCONJ", "CCONJ"}
    )


def _speech_tag(token: Token) -> bool:
    """A speech verb and its named subject set off by commas inside the clause they report ("Santorum said")."""
    lemma = token.lemma_.lower()
    return (
        token.dep_ == "parataxis"
        and (lemma in CUE_VERBS or lemma in _TAG_VERBS)
        and _set_off(token)
        and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in token.children)
    )


def _set_off(token: Token) -> bool:
    """Whether a verb and its subject stand between commas inside the clause they report ("X, Gowdy argued, would")."""
    words = list(token.subtree)
    return len(words) >= 3 and words[0].text == "," and words[-1].text == "," and words[-1].i < token.head.i


def _clause_on_listener(token: Token) -> bool:
    """ "noted to another reporter that her brother had died": the parser hangs the reported clause on the listener
    as a relative clause, but its "that" is a conjunction (a true relative clause has "that" as its subject or
    object), so the clause is what the verb reports."""
    listeners = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children]
    return any(
        c.dep_ == "relcl" and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)
        for listener in listeners
        for c in listener.children
    )


_REFUSING_VERBS = speech_words("refusing_verbs")  # "declined to say whether": said nothing
# "is expected to announce", "plans to say": words not yet said, and perhaps never
_NOT_YET_VERBS = speech_words("not_yet_verbs")
_BEING_VERBS = speech_words("being_verbs")  # say what someone is, not what they said
_TIME_MARKS = frozenset({"when", "after", "before", "since", "while", "until", "once"})


def _told_as_time(token: Token) -> bool:
    """A speech verb in a clause that only says when the main event happened ("When Mr. Trump formally announced
    that he was running, Mr. Stone was one of the first to join"): the sentence is the outlet's, not the speaker's.
    "As Trump said, ..." credits Trump. A main verb with such a mark is the parser's mistake for one ("Romney
    reiterated that ..., a few hours after Obama said ...")."""
    marks = {c.lower_ for c in token.children if c.dep_ in {"mark", "advmod"}} & _TIME_MARKS
    if marks == {"while"} and token.tag_ != "VBG" and _after_main_clause(token):
        return False  # "X had no reaction, while a spokeswoman said ...": a contrast, the spokeswoman's words
    return token.dep_ in {"advcl", "ROOT"} and bool(marks)


def _after_main_clause(token: Token) -> bool:
    """A clause set off by a comma after the verb it hangs on ("..., while Y said"), not one that opens the
    sentence ("While Y spoke, ...")."""
    start = token.left_edge.i
    return token.dep_ == "advcl" and token.head.i < start and start > 0 and token.doc[start - 1].text == ","


def _named_subject(verb: Token) -> bool:
    """Whether a verb's own subject is a noun phrase, not a pronoun ("after LePage said", not "after he asked")."""
    return any(c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN"} for c in verb.children)


def time_clause(verb: Token) -> bool:
    """Whether a verb heads a clause that only says when the main event happened ("When Mr. Quill said he had,
    Mr. Brandt produced records"), not the sentence's main clause."""
    return verb.dep_ == "advcl" and _told_as_time(verb)


def _answers(token: Token) -> bool:
    """ "Trump replied, “Yes.”": a cue verb followed by a comma or colon and a quotation that ends the sentence,
    however short (a one-word answer is too short to count as someone's words anywhere else)."""
    doc = token.doc
    rest = [t for t in doc[token.i + 1 :] if not t.is_space]
    if len(rest) < 3 or rest[0].text not in {",", ":"} or rest[1].text not in {'"', "\u201c"}:
        return False
    return rest[-1].text in {'"', "\u201d"} and all(t.text not in {'"', "\u201c", "\u201d"} for t in rest[2:-1])


# Verbs of naming: their quoted complement is the subject's words ("calling her tenure "ineffective at best"",
# "referred to a reporter as a "jackass""), but only then.
_NAMING_VERBS = speech_words("naming_verbs")
_TOLD_OF_VERBS = speech_words("told_of_verbs") | _NAMING_VERBS | _JUDGING_VERBS | _APPRAISAL_VERBS


def _when_phrase(noun: Token) -> bool:
    """A common noun after "at", "during", "since" or "until" ("at the time", "during the hearing"): when something
    happened, which the parser may give a relative clause that belongs to someone named before."""
    return noun.pos_ != "PROPN" and noun.dep_ == "pobj" and noun.head.lower_ in {"at", "during", "since", "until"}


def _speech_act(token: Token, lemma: str) -> bool:
    """Whether a verb with its own subject, in the active voice, reports what the subject said though no clause
    gives the words: "castigated the comic", "dismissed the story as a trick", "urged the mayor to call off the
    sale", "called on him to step aside", "cautioned against a rush", "took a swipe at the governor", "lashed out
    at the press", "made clear ...". Not "questioned the sailor for an hour" nor "dismissed the clerk": those need
    a clause."""
    children = list(token.children)
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    document = _document_voice(token)
    if (subject is None and document is None) or any(c.dep_ in {"nsubjpass", "auxpass"} for c in children):
        return False
    if subject is not None:  # "a report that called for ...": the relative pronoun stands for its noun
        document = token.head if subject.lower_ in _RELATIVE and token.dep_ == "relcl" else subject
    objects = [c for c in children if c.dep_ == "dobj"]
    preps = {c.lower_ for c in children if c.dep_ in {"prep", "mark", "prt"}}
    # "offered Trump an ultimatum": the parser may take the one addressed for a verb and hang the noun on it
    addressed = [o for c in children if c.dep_ == "dative" for o in c.children if o.dep_ == "dobj"]
    if lemma in _LIGHT_SPEECH_VERBS and _voice(document) and any(_speech_noun_told(o) for o in objects + addressed):
        return True
    if lemma in _APPRAISAL_VERBS:
        return bool(objects) or any(c.dep_ in {"xcomp", "ccomp"} for c in children)
    if lemma in _JUDGING_VERBS:
        judged = {c.lower_ for o in objects for c in o.children if c.dep_ == "prep"}
        return bool(objects) and bool((preps | judged) & _JUDGING_PREPS)
    if lemma in _ASKING_VERBS:  # "recommended armed guards" is always advice; a job may "demand patience"
        asks = bool(objects) or any(c.dep_ in {"xcomp", "ccomp"} for c in children)
        # "asked if Mr. Trump should demand ...": a demand not made
        told = not any(c.tag_ == "MD" or (c.dep_ == "mark" and c.lower_ in {"if", "whether"}) for c in children)
        return asks and told and (lemma == "recommend" or _voice(document))
    if lemma == "call":  # "called on him to step aside", "called for Mr. Brandt to cancel"
        to_do = any(c.dep_ in {"xcomp", "advcl"} and any(a.lower_ == "to" for a in c.children) for c in children)
        # "The rifle association called Tuesday for armed officers", "the report also called for ...": a voice's
        # demand ("the plan calls for 500 officers" is what a plan holds, not what anyone said)
        named = _voice(document)
        # "called Tuesday for legislatures to allow": the parser hangs "for" on the clause as its mark
        marks = {m.lower_ for c in children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"}
        # "The president's plan also calls on Congress to allocate ...": what a plan holds, whatever it asks
        held = document is not None and document.lemma_.lower() in _HOLDING_NOUNS and not named
        return (bool(preps & {"on", "for"}) and (to_do or named) and not held) or ("for" in marks and named)
    if lemma == "caution":
        return "against" in preps
    if lemma in _REBUTTING_VERBS:  # "rejected claims that he betrayed Democrats": a claim answered in words
        return any(_that_clause(c) for o in objects for c in o.children) or any(
            o.lemma_.lower() in _SAID_NOUNS for o in objects
        )
    if lemma == "weigh":  # "Sarah Palin weighed in to defend the movement"
        return any(c.lower_ == "in" and c.dep_ in {"prt", "advmod"} for c in children)
    if lemma in _PROMISING_VERBS:  # not in an aside ("made clear ..., even as Sanders vows to stay in the race")
        # nor a forecast: "it promises to be a bruising campaign"
        to_do = any(
            c.dep_ == "xcomp" and c.lemma_ != "be" and any(a.lower_ == "to" for a in c.children) for c in children
        )
        return to_do and token.dep_ != "advcl"
    if lemma == "liken":
        return bool(objects) and "to" in preps | {c.lower_ for o in objects for c in o.children if c.dep_ == "prep"}
    if lemma == "make" and any(o.lower_ == "case" for o in objects):  # "made the case that ...", "... for a wall"
        return any(c.dep_ in {"ccomp", "acl", "prep"} for o in objects for c in o.children) or "for" in preps
    if lemma == "make":  # "made clear that ...", "made clear during a news conference ..."
        said_clear = {"acomp", "oprd", "advmod"}  # or a clause right after "made": "made clear he would ..."
        clear = any(
            c.lower_ == "clear" and (c.dep_ in said_clear or (c.dep_ == "ccomp" and c.i == token.i + 1))
            for c in children
        )
        return clear and not objects
    if lemma == "put":  # "as Quell put it, ...": the sentence is said in Quell's words
        return any(o.lower_ == "it" for o in objects) and "as" in preps and not any(c.dep_ == "prep" for c in children)
    if lemma == "take":  # "took a swipe at", "took a jab at"
        return any(o.lemma_.lower() in {"swipe", "jab"} for o in objects) and "at" in preps
    return lemma == "lash" and "out" in preps


_PERSONAL = frozenset({"he", "she", "they", "we", "i"})
_CLAUSE_DEPS = frozenset({"xcomp", "advcl", "acl", "ccomp", "relcl"})


def _speech_noun_told(noun: Token) -> bool:
    """Whether a light verb's object is a speech noun whose words follow it: a colon right after its phrase ("an
    ultimatum for the summit: make ..."), a "to" clause ("his challenge to her to oppose ..."), a "that" clause or a
    "for" phrase ("his call for a ban"). "They repeated their demand" tells no words, and "made a call" may be a
    telephone's."""
    if noun.lemma_.lower() not in _LIGHT_SPEECH_NOUNS:
        return False
    after = noun.right_edge.i + 1
    if after < len(noun.doc) and noun.doc[after].text == ":":
        return True
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"} and a.dep_ != "dative"), noun)
    heads = [c for h in (verb, noun) for c in h.children if c.i > noun.i]
    to_clause = any(
        c.dep_ in _CLAUSE_DEPS and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in heads
    )
    return (
        to_clause
        or any(_that_clause(c) for c in heads)
        or any(c.dep_ == "prep" and c.lower_ == "for" for c in noun.children)
    )


def _voice(subject: Token | None) -> bool:
    """Whether a subject can ask for something in words: a named person or body, a person's pronoun, or a
    document that speaks for its issuer ("the report"), not a plan or a bill."""
    if subject is None:
        return False
    named = subject.ent_type_ in {"PERSON", "ORG", "NORP"}
    return named or subject.lower_ in _PERSONAL or subject.lemma_.lower() in SPEAKING_DOCUMENTS | _VOICE_NOUNS


_PAGE_NOUNS = frozenset({"article", "post", "story", "column", "piece", "blog"})


def _this_page(subject: Token) -> bool:
    """Whether the subject is the page itself ("This article originally said", "an earlier version of this post")."""
    if subject.lemma_.lower() == "version":
        of = (o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)
        subject = next((o for o in of if o.dep_ == "pobj"), subject)
    this = any(c.dep_ == "det" and c.lower_ == "this" for c in subject.children)
    return this and subject.lemma_.lower() in _PAGE_NOUNS


def _document_voice(token: Token) -> Token | None:
    """The speaking document a verb without a subject of its own tells the words of: a clause on the document
    ("a resolution of its own condemning ...", "the statement demanding ...") or a participle on the verb that
    issued it ("issued its own resolution Tuesday calling on ...")."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        return None
    if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.lemma_.lower() in SPEAKING_DOCUMENTS:
        return token.head
    if token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.lemma_.lower() in _ISSUING_VERBS:
        issued = (o for o in token.head.children if o.dep_ == "dobj")
        return next((o for o in issued if o.lemma_.lower() in SPEAKING_DOCUMENTS), None)
    return None


def _issuer(document: Token) -> Token:
    """Who issued a speaking document, when the sentence says so ("A task force released a report that called
    for ...": the task force; "signed onto a letter vowing ..."); else the document itself."""
    if (sender := _sender(document)) is not document:
        return sender  # "released a statement from her doctor declaring ...": the doctor's words
    verb = document.head.head if document.dep_ == "pobj" else document.head  # "signed onto a letter"
    if document.dep_ in {"dobj", "pobj"} and verb.lemma_.lower() in _ISSUING_VERBS:
        issuer = next((c for c in verb.children if c.dep_ == "nsubj"), document)
        # "members who signed a letter calling on ...": the relative pronoun stands for its noun
        return _one_of(verb.head) if issuer.lower_ in _RELATIVE and verb.dep_ == "relcl" else issuer
    return document


_NO_PERSON = frozenset({"GPE", "LOC", "FAC", "ORG"})


def _who_stands_for(pronoun: Token, noun: Token) -> Token:
    """The noun a relative "who" stands for: a person, so not a place or a body the parser hung the clause on at
    the end of a phrase ("James Renacci, a candidate in Ohio's 16th District, who said ...", "a spokesman for the
    Justice Department, who said ..."): the noun that phrase describes."""
    if pronoun.lower_ != "who" or noun.ent_type_ == "PERSON" or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return noun
    holder = noun.head.head
    if noun.ent_type_ in _NO_PERSON and holder.pos_ in {"NOUN", "PROPN"}:
        return holder
    # a name the parser left untyped ("16th District"), in a phrase describing a person named before it
    described = holder.dep_ == "appos" and holder.head.ent_type_ == "PERSON"
    return holder if described or holder.ent_type_ == "PERSON" else noun


def _one_of(noun: Token) -> Token:
    """The one a sentence counts among a group ("Ivo Pell was one of several members who signed a letter ...":
    Pell, whose act the sentence tells), else the group itself."""
    of = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    one = of.head if of is not None and of.head.lower_ == "one" and of.head.dep_ == "attr" else None
    if one is None or one.head.lemma_ != "be":
        return noun
    return next((c for c in one.head.children if c.dep_ == "nsubj"), noun)


def _that_clause(token: Token) -> bool:
    """A clause that gives what a noun says ("claims that he betrayed them"), not a relative clause ("claims that
    he made"): its "that" is a conjunction, not the clause's subject or object."""
    return token.dep_ in {"acl", "ccomp", "relcl"} and any(
        m.dep_ == "mark" and m.lower_ == "that" and m.i < token.i for m in token.children
    )


def _reports(token: Token, lemma: str, quoted: bool, governs: bool) -> bool:
    """Whether a verb reports someone's words: a speech verb (`_speech`), a speech act told without its words
    (`_speech_act`), or a verb of naming whose own complement is a quote (not "called on Trump to "stop lying"",
    nor a quote inside a clause it governs)."""
    if _speech_act(token, lemma):
        return True
    if lemma in _TAG_VERBS:  # "That view, Santorum continued, suggests ...", "“...,” he continued."
        return (token.dep_ == "parataxis" and _set_off(token)) or (quoted and token.dep_ == "ROOT")
    if lemma in CUE_VERBS or (lemma in _DOCUMENT_CUES and _document_subject(token)):
        return _speech(token, quoted, governs)
    if lemma not in _NAMING_VERBS or not governs:
        return False
    if any(c.dep_ in {"prep", "prt"} and c.lower_ in {"on", "for", "off", "up"} for c in token.children):
        return False
    quoted_words = [t for t in token.subtree if t.i > token.i and t.is_quote is False and t.pos_ != "PUNCT"]
    return any(getattr(_verb_above(t), "i", -1) == token.i for t in quoted_words[-2:])


def _cue_tagged_noun(token: Token) -> Token | None:
    """The subject of a cue verb the parser tagged a noun after a name ("The letter from Taylor states that ...",
    read as "Taylor States"): a main word in "-s" of a cue verb with a subject and a "that" clause of its own."""
    word = token.lower_
    if token.pos_ != "NOUN" or token.dep_ != "ROOT" or not word.endswith("s"):
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or not any(c.dep_ == "ccomp" for c in token.children):
        return None
    if word[:-1] in CUE_VERBS or (word[:-1] in _DOCUMENT_CUES and subject.lemma_.lower() in SPEAKING_DOCUMENTS):
        return subject
    return None


def _document_subject(verb: Token) -> bool:
    """Whether a verb's subject is a speaking document ("The letter reads, ...", not "he reads the letter")."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in SPEAKING_DOCUMENTS for c in verb.children)


def _describes_a_mentioned_noun(verb: Token) -> bool:
    """Whether a speech verb only narrows down the people a sentence mentions ("a boost for reformers who say the
    program is too generous"): the outlet's own sentence, in which a group is told by its view. A clause set off by
    a comma tells what someone said ("heard from Ann Vale, who said ..."), and so does one on the sentence's
    subject or on a document ("a report that called for ..."), or one with a speaker of its own ("records that he
    said indicated payments")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ != "relcl" or not subjects or any(c.lower_ not in _RELATIVE for c in subjects):
        return False
    noun = verb.head
    if noun.lemma_.lower() in SPEAKING_DOCUMENTS:
        return False
    if _standing_view(verb, noun):
        return True
    first = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    if first is not None and first.text == ",":
        return False
    return noun.dep_ not in {"nsubj", "nsubjpass", "ROOT", "appos"}


def _standing_view(verb: Token, noun: Token) -> bool:
    """A perfect-tense speech verb on a noun the sentence only mentions ("a contrast with Ann Vale, who has argued
    ...", "mistreating two hosts who have long claimed ..."): a view the person has held, told to say who they are,
    not words the sentence reports. The sentence's subject keeps it ("Vale, who has argued ..., said"), and so do
    words once said ("who had asserted that ...") or told to someone ("who has told aides that ...")."""
    if not any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children):
        return False
    if any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return False
    while noun.dep_ in {"appos", "conj"} and noun.head is not noun:
        if noun.dep_ == "appos" and noun.head.dep_ in {"nsubj", "nsubjpass"} and noun.i > noun.head.head.i:
            return True  # "An aide apologized for mistreating two hosts -- personalities who have long claimed":
            # the parser hung the phrase after the verb on the subject before it; it names the ones mentioned
        noun = noun.head
    return noun.dep_ in {"pobj", "dobj"}


def _in_purpose_clause(token: Token) -> bool:
    """Whether a word lies in an infinitive clause that tells why the main clause's subject acted ("To counter
    criticism from X, the board released ..."): the sentence reports the board's act, not X's words."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "advcl" and ancestor.tag_ == "VB" and ancestor.head.dep_ == "ROOT":
            return any(c.dep_ == "aux" and c.lower_ == "to" for c in ancestor.children)
    return False


def _verb_above(token: Token) -> Token | None:
    """The nearest verb that governs a word."""
    return next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)


def _governs_quote(token: Token, spans: list[tuple[int, int]], offset: int, sentence: str) -> bool:
    """Whether someone's words in quotation marks stand inside the verb's own phrase, after it."""
    after = [t for t in token.subtree if t.i > token.i]
    if not after or token.tag_ == "VB":  # "allows a business to assert a right to "..."": no one says it
        return False
    start, end = after[0].idx - offset, after[-1].idx + len(after[-1].text) - offset
    # the closing stop and quote mark may hang on the root ("of “wasting another summer.”")
    return any(start <= a and b <= end + 3 and _someones_words(sentence[a:b]) for a, b in spans if a > 0)


def _opens_quote(token: Token) -> bool:
    """ "Warren added on Twitter: “...”", "King tweeted on Friday “...”": a quote opens shortly after the verb,
    after a colon or after nothing but when it was said, however parsed (the parser may hang the verb below the
    quoted words' own verb)."""
    after = token.doc[token.i + 1 : token.i + 6]
    if any(t.text == ":" and t.i + 1 < len(t.doc) and t.nbor().text in {'"', "\u201c"} for t in after):
        return True
    opening = next((t for t in after if t.text in {'"', "\u201c"}), None)
    between = token.doc[token.i + 1 : opening.i] if opening is not None else []
    return opening is not None and all(t.ent_type_ in _WHEN or t.pos_ == "ADP" for t in between)


def _in_spans(token: Token, spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether a token starts inside one of the quoted spans (offsets relative to the sentence)."""
    return any(start <= token.idx - offset < end for start, end in spans)


def _name_beside(cue: Token, spans: list[tuple[int, int]], offset: int) -> list[Token]:
    """The proper name right before or after a cue verb, outside quotation marks: "...,” Bloomberg said."""
    near = [cue.doc[i] for i in (cue.i - 1, cue.i + 1) if cue.sent.start <= i < cue.sent.end]
    for token in near:
        if token.pos_ == "PROPN" and token.ent_type_ not in _WHEN and not _in_spans(token, spans, offset):
            return [token]  # a day is no speaker ("... on Sunday urged")
    return []


_WHEN = frozenset({"DATE", "TIME"})


def _person_before(cue: Token, spans: list[tuple[int, int]], offset: int) -> Span | None:
    """The parser took a date for the speaker ("Earlier Friday, ... Rep. Adam Schiff revealed"): the last person
    named before the cue word outside quotation marks, or no one (a date says nothing)."""
    people = [
        e
        for e in cue.doc.ents
        if e.label_ == "PERSON" and cue.sent.start <= e.start and e.end <= cue.i and not _in_spans(e[0], spans, offset)
    ]
    return people[-1] if people else None


_SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_NOUN_PHRASE = frozenset({"PROPN", "NOUN", "DET", "ADJ", "ADP", "NUM", "CCONJ"})


def _closing_speaker(cue: Token) -> Span | None:
    """ "..., found that it was impossible to say what motivated the attackers, Secretary of State Hillary Clinton
    revealed Wednesday.": a speech verb closing the sentence after a comma and a name reports the whole sentence,
    however the parser hung it. The phrase between the comma and the verb, when it holds a name, is the speaker."""
    sentence = cue.sent
    after = [t for t in sentence.doc[cue.i + 1 : sentence.end] if not t.is_punct]
    if any(t.ent_type_ not in {"DATE", "TIME"} and t.dep_ not in {"advmod", "npadvmod", "prep"} for t in after):
        return None
    start = cue.i
    while start > sentence.start and sentence.doc[start - 1].text != "," and cue.i - start < 8:
        start -= 1
    phrase = sentence.doc[start : cue.i]
    if start == sentence.start or sentence.doc[start - 1].text != "," or not len(phrase):
        return None
    if phrase[0].pos_ == "CCONJ" or any(t.pos_ not in _NOUN_PHRASE or t.is_quote for t in phrase):
        return None  # '..." Mr. Rubio is expected to say', ", and the police responded": a clause of its own
    return phrase if any(t.ent_type_ in _SPEAKER_ENTITIES for t in phrase) else None


def _next_to(subject: Token, verb: Token) -> bool:
    """Whether only auxiliaries and adverbs stand between a subject phrase and its verb ("Rubio has challenged")."""
    between = verb.doc[subject.right_edge.i + 1 : verb.i]
    return subject.right_edge.i < verb.i and all(t.dep_ in {"aux", "auxpass", "neg", "advmod"} for t in between)


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _clause_just_before(participle: Token) -> list[Token]:
    """The subject of the clause a participle follows ("the controversy escalated when Vice News reported the
    issue, saying that ...": Vice News), when the parser hung the participle on a verb further up: a report that
    ends right before the participle's comma and has its own subject is the one it goes on ("after critics
    attacked it, saying ..." stays the main subject's)."""
    if participle.dep_ != "advcl" or participle.i < 2 or participle.doc[participle.i - 1].text != ",":
        return []
    comma = participle.doc[participle.i - 1]
    for sibling in participle.head.children:
        ends_at_comma = sibling.right_edge.i == comma.i - 1 or (
            sibling.right_edge.i == comma.i and comma.head == sibling
        )
        if (
            sibling.i < participle.i
            and sibling.dep_ in {"advcl", "ccomp", "conj"}
            and _reporting(sibling)
            and ends_at_comma
        ):
            return [c for c in sibling.children if c.dep_ == "nsubj"]
    return []


def _after_relative_clause(participle: Token) -> bool:
    """ "X traveled to a meeting with lawmakers who oppose the deal, saying it gives away too much": a participle
    right after a relative clause on the people the main clause mentions may be theirs as well as X's, and the main
    verb is no speech act that would make it X's ("X attacked the lawmakers who ..., saying")."""
    if participle.dep_ != "advcl" or participle.i < 2 or participle.doc[participle.i - 1].text != ",":
        return False
    before = participle.doc[participle.i - 2]
    clause = next((a for a in [before, *before.ancestors] if a.dep_ == "relcl"), None)
    if clause is None or clause.right_edge.i != before.i or clause.head.dep_ not in {"pobj", "dobj"}:
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children):
        return False
    main = participle.head
    return not (_reporting(main) or _speech_act(main, main.lemma_.lower()))


def _reporting(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() in CUE_VERBS


def _speaker_before(token: Token) -> Token | None:
    """The noun right before a cue verb with no subject of its own, as the main verb or joined to the clause before
    it with no "and" ("The panel will issue subpoenas to Mr. Flynn, the former adviser, the committee's senior
    Democrat said"): the words "X said" close the sentence, and X, which the parser hung on a name as an
    apposition, is the one who said it."""
    if token.dep_ not in {"conj", "ROOT"} or token.tag_ in {"VBN", "VBG"} or token.i == 0:
        return None
    if token.dep_ == "conj" and any(c.dep_ == "cc" for c in token.head.children if c.i < token.i):
        return None
    before = token.doc[token.i - 1]
    closes = before.dep_ == "appos" and before.pos_ in {"NOUN", "PROPN"} and before.i == before.right_edge.i
    return before if closes and before.left_edge.i > 0 and token.doc[before.left_edge.i - 1].is_punct else None


def _inherited_subject(token: Token) -> list[Token]:
    """The subject a cue verb without its own takes from the clause it hangs on: "Trump defended his plan, saying
    on Twitter: ..." and "Pence has defended the bill, claiming that ..." are Trump's and Pence's words; a participle
    ("when asked if ...") takes none."""
    # "tried to explain that ...", not "asked him to explain" nor "it was impossible to say"
    infinitive = token.tag_ == "VB" and token.dep_ == "xcomp"
    if infinitive and (
        token.head.pos_ != "VERB"
        or token.head.lemma_.lower() in _BEING_VERBS | _REFUSING_VERBS | _NOT_YET_VERBS
        or any(c.dep_ in {"dobj", "obj", "expl"} or c.lower_ == "it" for c in token.head.children)
    ):
        return []
    if (before := _speaker_before(token)) is not None:
        return [before]
    if token.tag_ != "VBG" and not infinitive and not (token.dep_ == "conj" and token.tag_ != "VBN"):
        return []  # "when asked if ...": the one asked is not the one asking
    if token.tag_ == "VBG" and (nearest := _clause_just_before(token)):
        return nearest
    if token.tag_ == "VBG" and _after_relative_clause(token):
        return []
    head = token
    for _ in range(3):  # "responded ... by saying": through the preposition to the verb it hangs on
        if head.dep_ not in {"advcl", "xcomp", "conj", "pcomp", "prep"} or head.head is head:
            return []
        if head.dep_ == "prep" and head.head.pos_ not in {"VERB", "AUX"}:
            return []
        head = head.head
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if _blamed_for_words(head):
            # "Ann Vale has been criticized by Republicans for saying ...": the critics speak, not the one blamed
            return [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        # "-- an accusation Romney has some experience with -- the nominee acknowledged ...": two subjects where
        # the parser missed the aside; the one right before the verb
        beside = [c for c in subjects if c.i < head.i and _next_to(c, head)]
        if subjects and head.dep_ == "ccomp" and head.head.lemma_.lower() in CUE_VERBS:
            # "Gun groups say the effort is misguided, noting that ...": a thing said of cannot note; the one
            # saying it does
            outer = [c for c in head.head.children if c.dep_ == "nsubj"]
            if outer and all(c.pos_ == "NOUN" and not _voice(c) for c in subjects):
                return outer
        if subjects:
            return beside if len(subjects) > 1 and beside else subjects
    return []


def _joined_voices(speaker: Token) -> list[Token]:
    """The others named beside a speaker in a "by" or "from" phrase ("criticized by Republicans and some Democrats
    for saying ...", "drew criticism from unions and farmers"): the words are all of theirs, so each is a voice
    after the first. A subject's conjuncts are left as they were."""
    if speaker.dep_ != "pobj" or speaker.head.lower_ not in {"by", "from"}:
        return []
    # a list the speaker's phrase already holds ("activists, lawmakers and business interests") adds no one
    held = set(_words_of(_phrase(speaker)))
    return [c for c in speaker.conjuncts if c.i > speaker.i and c.pos_ in {"NOUN", "PROPN"} and c.text not in held]


def _blamed_for_words(verb: Token) -> bool:
    """A passive verb of blame or praise ("was criticized by X for saying"): its subject is the one judged."""
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    return passive and lemma in _APPRAISAL_VERBS | _JUDGING_VERBS


def _words_of(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'\u2019-]*", text)


def _someones_words(text: str) -> bool:
    """A quoted passage that reads as someone's words, not a title or a name ("Fox & Friends"): two or more words,
    one of them in lower case."""
    words = _words_of(text)
    return len(words) >= 2 and any(w[0].islower() for w in words)


def _quoting_subject(sentence: Span, spans: list[tuple[int, int]], offset: int) -> Attribution | None:
    """A sentence that quotes someone's words without a cue word ("Cruz lashed out at Trump, accusing him of
    enlisting "his political henchmen"", "Santorum had dismissed Obama's politics as "some phony theology""):
    the words are those of the main verb's subject, when that subject is a name or "he"/"she" outside the quote."""
    text = sentence.text
    if not any(_someones_words(text[a:b]) for a, b in spans):
        return None
    roots = [t for t in sentence if t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"}]
    if not roots or _in_spans(roots[0], spans, offset) or roots[0].lemma_.lower() in _BEING_VERBS:
        return None  # "Mr. Bannon appears to be the official described as “the high-ranking official”": not his
    if not any(_held_by(roots[0], sentence, a, b, offset) for a, b in spans if _someones_words(text[a:b])):
        return None
    holder = _person_holding_quote(sentence, spans, offset)
    if holder is not None:
        return replace(_attribution(holder, roots[0].text, "quote"), named=True)
    if (agreed := _agreed_with(sentence, spans, offset)) is not None:
        return agreed
    subjects = [c for c in roots[0].children if c.dep_ in {"nsubj", "nsubjpass"}]
    # "she was found to have a “...”", "he was branded “a traitor”": one others' words tell of is not their speaker
    told_of = bool(subjects) and subjects[0].dep_ == "nsubjpass" and roots[0].lemma_.lower() in _TOLD_OF_VERBS
    if not subjects or _in_spans(subjects[0], spans, offset) or told_of:
        return None
    subject = subjects[0]
    if subject.lower_ in {"he", "she"}:
        return Attribution(subject.text, roots[0].text, "quote")
    if subject.pos_ == "PROPN":
        return replace(_attribution(subject, roots[0].text, "quote"), named=True)
    return None


_TERM_WORDS = 2  # a quotation this short is a term set apart ("a “super PAC”") unless the main verb holds it
_TERM_HOPS = 2  # words between the main verb and such a quotation's head that still make it the verb's own


def _held_by(root: Token, sentence: Span, start: int, end: int, offset: int) -> bool:
    """Whether quoted words can be the main verb's subject's: longer ones always, and short ones unless they read as
    a term (a capital after the first word: "a “super PAC”") deep in a phrase; as the verb's own complement ("He
    deemed the plan “a con”") they are the subject's."""
    words = _words_of(sentence.text[start:end])
    if len(words) > _TERM_WORDS or not any(any(c.isupper() for c in w) for w in words[1:]):
        return True
    inside = [t for t in sentence if start <= t.idx - offset < end and t.is_alpha]
    heads = [t for t in inside if t.head not in inside or t.head == t]
    return any(root in list(h.ancestors)[: _TERM_HOPS + 1] for h in heads)


def _agreed_with(sentence: Span, spans: list[tuple[int, int]], offset: int) -> Attribution | None:
    """ "appeared to agree with Ms. Vale that “the pier should be changed”": the quoted words of the clause are hers,
    whom the subject agrees with, not the subject's."""
    inside = [t for t in sentence if _in_spans(t, spans, offset) and t.is_alpha]
    for verb in (t for t in sentence if t.pos_ == "VERB" and t.lemma_.lower() in _AGREEING_VERBS):
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if not inside or not any(inside[0] in c.subtree for c in clauses):
            continue
        withs = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children]
        person = next((o for o in withs if o.dep_ == "pobj" and o.ent_type_ == "PERSON" and o.pos_ == "PROPN"), None)
        if person is not None and not _in_spans(person, spans, offset):
            return replace(_attribution(person, f"{verb.text} with", "quote"), named=True)
    return None


def agreed_with(attribution: Attribution) -> bool:
    """Whether an attribution credits one the sentence's subject agrees with ("agreed with Ms. Vale that “...”"):
    the words are hers, but the sentence is about its subject, whom a "she said" after it stands for."""
    return attribution.cue.endswith(" with")


def _person_holding_quote(sentence: Span, spans: list[tuple[int, int]], offset: int) -> Token | None:
    """A person's name whose own phrase holds the quoted words, below the main verb ("..., one day before Barr
    released a summary, O'Rourke charged that you "have a president who ..."", where the parser hangs the quote
    on O'Rourke and makes "released" the main verb): the quote is that person's, not the main verb's subject's."""
    inside = [t for t in sentence if _in_spans(t, spans, offset) and t.is_alpha]
    if not inside:
        return None
    for ancestor in inside[0].ancestors:
        if ancestor.dep_ == "ROOT":
            return None
        if ancestor.ent_type_ == "PERSON" and not _in_spans(ancestor, spans, offset):
            # one a word is aimed at holds no words ("escalated a war of words against Senator Ted Cruz ...")
            return None if ancestor.dep_ in {"pobj", "dobj"} else ancestor
    return None


def _inverted_lead_in(sentence: Span, spans: list[tuple[int, int]], offset: int) -> Attribution | None:
    """The speaker of a quotation led in by a speech verb before the name and a colon ("Added Gibbs: “...”"),
    which the parser may read as one noun phrase ("Added" a compound of "Gibbs") with no verb to report it."""
    tokens = list(sentence)
    if len(tokens) < 4 or tokens[0].lemma_.lower() not in CUE_VERBS or not tokens[0].text[:1].isupper():
        return None
    end = 1
    while end < len(tokens) and tokens[end].pos_ == "PROPN":
        end += 1
    if end == 1 or end >= len(tokens) or tokens[end].text != ":":
        return None
    after = tokens[end].idx - offset + 1
    if not any(start >= after and sentence.text[after:start].strip() == "" for start, _ in spans):
        return None
    name = sentence.doc[tokens[1].i : tokens[end - 1].i + 1]
    return Attribution(name.text, tokens[0].text, "quote", _head_word(name[-1]), True, name[-1].ent_type_)


_LEAD_NAME = 4  # words of a name that opens a sentence before its speech verb ("Sen. Ada Krell accused")


def _name_then_cue(sentence: Span, spans: list[tuple[int, int]], offset: int) -> Attribution | None:
    """The speaker of a quotation whose sentence opens with a name and a speech verb in the past that the parser read
    as a modifier ("Trump accused social media giants of “closing down ...”": "Trump" the root, "accused" an
    adjective of "giants"), so no verb reports the words. The name is capitalised, outside quotation marks, and the
    quotation comes after the verb."""
    tokens = list(sentence)
    end = 0
    while end < min(len(tokens), _LEAD_NAME + 1) and _name_word(tokens[end]):
        end += 1
    if not 0 < end <= _LEAD_NAME or end >= len(tokens) or _in_spans(tokens[0], spans, offset):
        return None
    cue = tokens[end]
    if cue.tag_ not in {"VBD", "VBN"} or cue.dep_ not in {"amod", "compound"} or cue.lemma_.lower() not in CUE_VERBS:
        return None
    if not any(start > cue.idx - offset for start, _ in spans):
        return None
    name = sentence.doc[tokens[0].i : tokens[end - 1].i + 1]
    return Attribution(name.text, cue.text, "quote", _head_word(name[-1]), True, name[-1].ent_type_ or "PERSON")


def _name_word(token: Token) -> bool:
    """A capitalised word the parser may have read as any part of a name: "Trump" a noun, "Trumble" an adjective."""
    return token.is_title and not token.is_stop and token.pos_ in {"PROPN", "NOUN", "ADJ"}


def attributions(sentence: Span, spans: list[tuple[int, int]] | None = None) -> list[Attribution]:
    """Every attribution in a parsed sentence, the governing one first ("X, who told Y, said" gives X's first).

    Cue words inside quotation marks are the quoted person's words ("these crews say they serve"), not attributions.
    `spans` are the sentence's quoted passages when they are known from the paragraph (a quotation opened in an
    earlier sentence); by default they are read from the sentence alone.
    """
    found: list[tuple[int, int, Attribution]] = []
    spans = quote_spans(sentence.text) if spans is None else spans
    # Quoted words: four or more, or someone's words that open the sentence (""Stop lying!" Mr. Fox wrote"), or the
    # end of a quotation carried in from the sentence before, however short ("Now," Schumer tweeted).
    quoted = any(
        len(sentence.text[s:e].split()) >= 4
        or (s == 0 and (_someones_words(sentence.text[s:e]) or sentence.text[:1] not in _DOUBLE_MARKS))
        for s, e in spans
    )
    offset = sentence[0].idx if len(sentence) else 0
    spans = [(0, dateline_end(sentence.text)), *spans] if dateline_end(sentence.text) else spans

    def _governs(token: Token) -> bool:
        return _governs_quote(token, spans, offset, sentence.text)

    for token in sentence:
        if any(start <= token.idx - offset < end for start, end in spans):
            continue
        lemma = token.lemma_.lower()
        if token.lower_ == "according" and token.i + 1 < sentence.end and token.nbor().lower_ == "to":
            objects = [c for c in token.nbor().children if c.dep_ == "pobj"]
            if objects:
                found.append((_depth(token), token.i, _attribution(objects[0], "according to", "according_to")))
        elif lemma == "cite" and token.pos_ == "VERB":
            objects = [c for c in token.children if c.dep_ in {"dobj", "obj"}]
            agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            for obj in objects + agents:
                found.append((_depth(token), token.i, _attribution(obj, token.text, "citing")))
        elif (
            token.pos_ == "VERB"
            # "after Ada Venn said last year that she was “broke”": a time clause whose verb holds quoted words still
            # gives their speaker when it names them ("after he asked the mayor if he “...”" may be anyone's)
            and (not _told_as_time(token) or (_governs(token) and _named_subject(token)))
            and not any(c.dep_ == "neg" for c in token.children)  # "has not said what he will do": said nothing
            and _reports(token, lemma, quoted, governs := _governs(token))
        ):
            kind = "quote" if quoted or governs or _answers(token) else "paraphrase"
            if kind == "paraphrase" and _describes_a_mentioned_noun(token):
                continue
            own = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if lemma != "quote" and any(c.dep_ == "nsubjpass" for c in own):
                # "The Ledger is told ...", "it was revealed that ...": the subject heard or is nothing; the
                # speaker is the agent ("was announced by the mayor"), if any. "He was quoted as saying" is his.
                own = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            # "That group of Republicans, Mr. Corker said on Fox, was ...": two subjects where the parser missed the
            # aside; the speaker is the one right before the verb
            beside = [c for c in own if c.i < token.i and _next_to(c, token)]
            # "Pence, who in an interview with Fox News claimed ...": a relative pronoun is the clause's subject,
            # whatever noun of the occasion the parser took for a second one
            relative = [c for c in own if c.lower_ in _RELATIVE]
            if len(own) > 1 and relative and all(c.pos_ == "NOUN" for c in own if c not in relative):
                beside = relative
            subjects = (beside if len(own) > 1 and beside else own) or _inherited_subject(token)
            if not subjects and (document := _document_voice(token)) is not None:
                subjects = [_issuer(document)]  # "drafted a resolution of its own condemning ..."
            if subjects and _this_page(subjects[0]):
                continue  # "An earlier version of this post said ...": the page's correction, no one's voice
            if subjects and _in_spans(subjects[0], spans, offset):
                # the parser took a word of the quote (or of the dateline) for the speaker ("...thousands of
                # lawsuits," Bloomberg said); another subject of the verb outside them is the speaker
                # ("DES MOINES - Ann Vale on Sunday urged ...")
                outside = [c for c in own if not _in_spans(c, spans, offset)]
                subjects = outside[:1] or _name_beside(token, spans, offset)
            elif subjects and subjects[0].ent_type_ in _WHEN:
                person = _person_before(token, spans, offset)
                if person is not None:
                    named = Attribution(person.text, token.text, kind, _head_word(person[-1]), True, "PERSON")
                    found.append((_depth(token), token.i, named))
                continue
            # the clause the relative pronoun is the subject of: the cue verb's own, or the one it takes its subject
            # from ("Ivo Pell - who went on a tear declaring the plan dead -")
            clause = subjects[0].head if subjects else token
            if subjects and subjects[0].lower_ in _RELATIVE and clause.dep_ == "relcl":
                noun = _who_stands_for(subjects[0], clause.head)
                subjects = [_one_of(noun)]  # "Armistead, who said ...": the relative pronoun stands for its noun
                if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
                    subjects = [noun.head]  # "Ada Krell, the harbour master, who said": Krell
                if _when_phrase(noun):
                    continue  # "women who were teenagers at the time who claimed": not the time's words
                if noun.lemma_.lower() in SPEAKING_DOCUMENTS:
                    subjects = [_issuer(noun)]  # "released a report that called for ...": who released it
                elif noun.lemma_.lower() in _UTTERED_NOUNS:
                    # "offered more comments that have drawn fire, saying ...": whoever offered them, or no one
                    subjects = [s for s in noun.head.children if s.dep_ == "nsubj"] if noun.dep_ == "dobj" else []
                    if not subjects:
                        continue
            if subjects and subjects[0].lower_ not in _PRONOUNS | {"that"}:
                found.append((_depth(token), token.i, _attribution(subjects[0], token.text, kind)))
                for other in _joined_voices(subjects[0]):  # "criticized by Republicans and some Democrats"
                    found.append((_depth(token), token.i, _attribution(other, token.text, kind)))
            elif subjects:
                found.append((_depth(token), token.i, Attribution(subjects[0].text, token.text, kind)))
        elif (subject := _cue_tagged_noun(token)) is not None:
            kind = "quote" if quoted else "paraphrase"
            if subject.lower_ in _PRONOUNS:
                found.append((_depth(token), token.i, Attribution(subject.text, token.text, kind)))
            else:
                found.append((_depth(token), token.i, _attribution(subject, token.text, kind)))
        elif token.pos_ == "NOUN" and lemma in _REACTION_NOUNS and not _in_purpose_clause(token):
            # "drew criticism from X": "from" hangs on the noun or on the verb that has the noun as its object
            holders = [token, token.head] if token.dep_ == "dobj" else [token]
            preps = [p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "from"]
            froms = [o for p in preps for o in p.children]
            if froms and froms[0].dep_ == "pobj":
                for voice in [froms[0], *_joined_voices(froms[0])]:
                    found.append((_depth(token), token.i, _attribution(voice, token.text, "paraphrase")))
        elif token.pos_ == "VERB" and lemma in CUE_VERBS and (closing := _closing_speaker(token)) is not None:
            kind = "quote" if quoted else "paraphrase"
            entity = next((t for t in reversed(closing) if t.ent_type_ in _SPEAKER_ENTITIES), closing[-1])
            named = Attribution(closing.text, token.text, kind, _head_word(entity), True, entity.ent_type_)
            found.append((0, token.i, named))  # it reports the whole sentence, however deep the parser hung it
    if not found and spans:
        quoting = (
            _quoting_subject(sentence, spans, offset)
            or _inverted_lead_in(sentence, spans, offset)
            or _name_then_cue(sentence, spans, offset)
        )
        return [quoting] if quoting else []
    # a speech act told by the verb a speech verb hangs on ("chided the board, accusing it of ...") is one voice
    acts = {i for _, i, _ in found if _speech_act(sentence.doc[i], sentence.doc[i].lemma_.lower())}
    told = {a.speaker for _, i, a in found if i not in acts}
    found = [(d, i, a) for d, i, a in found if i not in acts or a.speaker not in told]
    return [attribution for _, _, attribution in sorted(found, key=lambda item: (item[0], item[1]))]
