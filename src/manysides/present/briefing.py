"""What an editor reads first, computed once for every format: each fact's headline, which outlets share how many
facts, what only one outlet reports (and its most telling lines), conflicts in plain words and the figures each
outlet gives. The renderers only lay these out and escape them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from manysides.extract.language import detect_language
from manysides.present.figures import aligned_figures, figure_kind, figure_value, figures
from manysides.present.report_view import ReportView
from manysides.records.article import Article
from manysides.records.report import Conflict, Entity, Fact, Report, Statement
from manysides.understand.quotes import CUE_VERBS, scan_quotes

CONFLICT_TITLES = {
    "date": "Dates differ",
    "number": "Numbers differ",
    "name": "Names differ",
    "attribution": "Sources differ",
    "negation": "One denies what another affirms",
    "modality": "Done or only expected",
    "update": "A later development",
    "other": "Accounts differ",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_QUOTE_MARKS = "\"'\u201c\u2018\u00ab\u201e"
TELLING = 3  # lines shown for what only one outlet reports
# After a shared fact's outlets when their sentences are one text: the agreement is a copy, not two reports.
WORD_FOR_WORD = ", word for word (one text, not independent reports)"
# Under the entities table: the names one report gives once, listed apart so the table holds the story's actors.
ONCE_NOTE = "Named once, by one report only:"


_GERMAN_CLOSE = re.compile("[.,!?\u2026]\u201c")  # "Ende.\u201c": a German quotation closing
_OPENING_MARKS = {"\u201c": "\u201d", "\u00ab": "\u00bb", '"': '"'}  # each opening mark and its closing one
_CLOSING_MARKS = {"\u201d": "\u201c", "\u00bb": "\u00ab", '"': '"'}
# What a straight mark opens after besides a space: brackets, dashes, and the Arabic tatweel that joins a one-letter
# prefix to its word ("بـ\"فيروس كورونا\"": "with" and the quoted name)
_OPENS_AFTER = "([{\u2014\u2013/\u0640"
_ISO_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")  # an update's days, never read as figures


def quoted(text: str) -> str:
    """Text in curly quotes, unless it is a quotation of its own (a quote of a quote reads badly). A sentence of a
    longer quotation gets the mark its neighbour sentence holds, so every statement shown opens and closes its
    quotation: 'And reforming the tax code can help."' reads as '"And reforming the tax code can help."', not as
    '\u201cAnd reforming the tax code can help."\u201d'."""
    if "\u201e" in text or _GERMAN_CLOSE.search(text):  # German opens low and closes with \u201c: \u201eso\u201c
        if text[:1] == "\u201e":
            return text
        return f"\u201c{text}\u201d" if "\u201e" in text else "\u201e" + text
    before, after = _missing_marks(text)
    text = before + text + after
    return text if text[:1] in _QUOTE_MARKS else f"\u201c{text}\u201d"


def _missing_marks(text: str) -> tuple[str, str]:
    """The mark missing before the text (the sentence began inside a quotation) and the marks missing after it (the
    quotation goes on in the next sentence). A straight mark opens after a space or a bracket and before a word,
    else closes, and it pairs with a curly mark: outlets mix them ("\u201cBecause ...," Ivo Pell said)."""
    still_open: list[str] = []
    missing = ""
    for at, mark in enumerate(text):
        straight_opens = mark == '"' and _straight_opens(text, at)
        if mark in _OPENING_MARKS and (mark != '"' or straight_opens):
            still_open.append(mark)
        elif mark in _CLOSING_MARKS:
            if still_open:
                still_open.pop()
            elif not missing:
                missing = _CLOSING_MARKS[mark]
    return missing, "".join(_OPENING_MARKS[m] for m in reversed(still_open))


def _straight_opens(text: str, at: int) -> bool:
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isspace() or before in _OPENS_AFTER) and not after.isspace()


# Name conflicts that are not about who: the check's explanation (compare/conflicts.py) says what differs.
_NAME_TITLES = {
    "the outlets put the same thing in different places": "Places differ",
    "the outlets give this person titles that cannot both be right": "Titles differ",
}


def conflict_title(conflict: Conflict) -> str:
    """The conflict's heading: by its type, and for a name conflict by what the names are of (a place, a title)."""
    return _NAME_TITLES.get(conflict.explanation) or CONFLICT_TITLES.get(conflict.type, "Accounts differ")


def attribution(statement: Statement) -> str | None:
    """Who said it, unless the sentence already names them outside its quoted words ("... said chamber president
    Ilse Marwick."): a name inside the quote ("“..., we will not let the Trump Administration down,” he added") tells
    the reader nothing of who speaks."""
    who = statement.attribution
    return who if who and not _names_outside_quotes(statement.text, who) else None


_CLOSING_FIRST = re.compile(r"^[^\"\u201c\u201d]*(?:\u201d|(?<=[,.?!])\")")


def _names_outside_quotes(text: str, who: str) -> bool:
    """Whether the last word of `who` stands in `text` as a word outside quoted passages (a sentence that closes a
    quotation opened in the sentence before starts inside it)."""
    spans, _ = scan_quotes(text, open_at_start=bool(_CLOSING_FIRST.match(text)))
    outside = "".join(" " if any(a <= i < b for a, b in spans) else c for i, c in enumerate(text))
    last = who.split()[-1] if who.split() else who
    return re.search(rf"(?<!\w){re.escape(last)}(?!\w)", outside, re.IGNORECASE) is not None


def headline(fact: Fact) -> Statement | None:
    """The fact's headline: the engine's when it gives one, else its shortest statement."""
    if fact.headline is not None:
        return fact.headline
    return min(fact.statements, key=lambda s: (len(s.text), s.sentence or 0), default=None)


def short_date(value: str | None) -> str:
    """ "2025-06-15T11:20:00+02:00" -> "2025-06-15 11:20": the stated local time, no conversion."""
    if not value:
        return "—"
    return value[:16].replace("T", " ")


_YEAR_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


def spoken(value: str) -> str:
    """A conflict's value as a reader says it: a day with its weekday ("Friday 13 June 2025"), a month ("May
    2026"), else in quotes."""
    try:
        day = date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        day = None
    if day:
        return f"{day:%A} {day.day} {day:%B %Y}"
    month = _YEAR_MONTH.fullmatch(value)
    if month:
        return f"{date(int(month.group(1)), int(month.group(2)), 1):%B %Y}"
    return f"“{value}”"


NO_CONFLICT = (
    "None found. The checks compare figures, dates and weekdays, names and titles, who said a quote, and done "
    "against expected or denied; a difference told in other words is not read, so check the shared facts too."
)


def only_here(unique: int, shown: int) -> str:
    """ "11 facts, the 3 most telling shown": how many facts only this report gives, and that the lines are a
    selection."""
    counted = _count(unique, "fact")
    return counted if shown >= unique else f"{counted}, the {shown} most telling shown"


def _count(n: int, noun: str) -> str:
    """ "1 conflict", "3 conflicts"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def join_names(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class FigureRow:
    headline: Statement
    values: dict[str, list[str]]  # article id -> figures, in the order the statements give them
    excerpt: str = ""  # the headline's words around the row's figure, where a text table has no room for all

    @property
    def shown(self) -> str:
        """What a narrow table shows of the headline: the words around the row's figure."""
        return self.excerpt or self.headline.text


@dataclass(frozen=True)
class OutletSummary:
    article: str
    shares: dict[str, int]  # other article id -> shared facts both report (only those with at least one)
    unique: int
    telling: list[Statement]
    unplaced: int | None = None  # sentences stating something that no fact holds (None: the report does not say)


@dataclass(frozen=True)
class Briefing:
    view: ReportView
    columns: list[str]  # article ids, in report order: one column per article
    short: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, report: Report) -> Briefing:
        view = ReportView.of(report)
        ids = [a.id for a in report.articles]
        return cls(view, ids, {i: _short(view.label(i)) for i in ids})

    @property
    def report(self) -> Report:
        return self.view.report

    def label(self, article_id: str) -> str:
        return self.view.label(article_id)

    def shown_in(self) -> dict[tuple[str, int], int]:
        """(article, sentence) -> the number of the first shared fact that lists the statement. A sentence in several
        facts is shown in full once; later facts point back to it ("as in 2") rather than repeat it."""
        first: dict[tuple[str, int], int] = {}
        for number, fact in enumerate(self.view.facts("shared"), start=1):
            for statement in fact.statements:
                first.setdefault((statement.article, statement.sentence), number)
        return first

    def short_label(self, article_id: str) -> str:
        return self.short.get(article_id, self.label(article_id))

    def column(self, article_id: str) -> int:
        return self.columns.index(article_id) if article_id in self.columns else -1

    def summary(self) -> str:
        """One line: how many reports from how many outlets, over which days, and what they found."""
        report = self.report
        outlets = {a.outlet or a.id for a in report.articles}
        span = ""
        first, last = report.story.first_published, report.story.last_published
        if first:
            span = f", {first[:10]}" + (f" to {last[:10]}" if last and last[:10] != first[:10] else "")
        counts = {kind: len(self.view.facts(kind)) for kind in ("shared", "conflict", "unique", "related")}
        reports, facts = _count(len(report.articles), "report"), _count(counts["unique"], "fact")
        close = f", {_count(counts['related'], 'close pair')} to check" if counts["related"] else ""
        named = self.view.article(report.story.title_from) if report.story.title_from else None
        # the title is one outlet's own headline, words that outlet chose: say whose
        whose = f" Title: {self.short_label(named.id)}'s headline." if named else ""
        return (
            f"{reports} from {_count(len(outlets), 'outlet')}{span}: {_count(counts['shared'], 'shared fact')}, "
            f"{_count(counts['conflict'], 'conflict')}, {facts} only one report gives{close}.{whose}"
        )

    def statements_by_article(self, fact: Fact) -> dict[str, list[Statement]]:
        grouped: dict[str, list[Statement]] = {}
        for statement in sorted(fact.statements, key=lambda s: (self.column(s.article), s.sentence or 0)):
            grouped.setdefault(statement.article, []).append(statement)
        return grouped

    def outlets(self) -> list[OutletSummary]:
        shared = [{s.article for s in fact.statements} for fact in self.view.facts("shared")]
        names = {n.lower() for e in self.report.entities for n in (e.name, *e.aliases) if len(n) >= 3}
        result = []
        for article in self.columns:
            shares = {
                other: sum(1 for ids in shared if article in ids and other in ids)
                for other in self.columns
                if other != article
            }
            own = [f for f in self.view.facts("unique") if any(s.article == article for s in f.statements)]
            candidates = [(s, f.confidence) for f in own for s in f.statements if s.article == article]
            ranked = [s for s, _ in sorted(candidates, key=lambda c: _telling_rank(c[0], c[1], names))]
            summary = OutletSummary(
                article, {k: v for k, v in shares.items() if v}, len(own), ranked[:TELLING], self._unplaced(article)
            )
            result.append(summary)
        return result

    def _unplaced(self, article_id: str) -> int | None:
        """How many of the article's sentences that state something no fact holds: paired too loosely with
        another report's to call shared, too closely to call its own. A reader should know they exist."""
        article = self.view.article(article_id)
        if article is not None and article.unplaced is not None:
            return article.unplaced
        if article is None or article.statements is None:
            return None
        # a report stored before `unplaced` was counted: an estimate from the count of statements
        placed = {s.sentence for f in self.report.facts for s in f.statements if s.article == article_id}
        return max(0, article.statements - len(placed))

    def entity_groups(self) -> tuple[list[Entity], dict[str, list[str]]]:
        """The entities worth a row (named more than once, or by two reports or more), and per article the names it
        gives once and no other report gives: a reader scans the story's actors in the table, the rest in a line."""
        rows, once = [], {}
        for entity in self.report.entities:
            if sum(entity.mentions.values()) > 1:
                rows.append(entity)
            else:
                for article in entity.mentions:
                    once.setdefault(article, []).append(entity.name)
        return rows, {a: once[a] for a in self.columns if a in once}

    def voices_by_article(self) -> dict[str, list[str]]:
        """Article id -> whom it lets speak, most heard first, each with how often ("Ada Krell (3 quoted, 1
        paraphrased)"), in column order: whose words carry each report, beside the sources it cites."""
        heard: dict[str, list[tuple[int, str]]] = {}
        for voice in self.report.voices:
            counts = [f"{voice.quoted} quoted"] if voice.quoted else []
            counts += [f"{voice.paraphrased} paraphrased"] if voice.paraphrased else []
            shown = f"{voice.speaker} ({', '.join(counts) or 'mentioned'})"
            heard.setdefault(voice.article, []).append((-(voice.quoted + voice.paraphrased), shown))
        return {a: [shown for _, shown in sorted(heard[a], key=lambda h: h[0])] for a in self.columns if a in heard}

    def unplaced_statements(self) -> dict[str, list[Statement]]:
        """Article id -> its statements no fact and no close pair holds, in article order (a report stored before
        they were listed has none)."""
        return {a.id: a.unplaced_statements for a in self.report.articles if a.unplaced_statements}

    def unplaced_note(self) -> str | None:
        """What the report leaves out, said once: "Not placed: foxnews.com 12 sentences, nytimes.com 9 ..."."""
        parts = [
            f"{self.short_label(o.article)} {_count(o.unplaced, 'sentence')}" for o in self.outlets() if o.unplaced
        ]
        if not parts:
            return None
        return (
            f"Not placed: {', '.join(parts)}. For each, another report has a sentence too close to call it only "
            "this report's, or nothing shows that no other report states it, and none matches closely enough to "
            "call it shared; so no list holds it (headings and short fragments are not counted)."
        )

    def conflict_words(self, conflict: Conflict) -> str:
        """The conflict in plain words: who says what, side by side; for an update, which report came first.

        Shown after `conflict_title`, above the sentences themselves. The engine's `about` (the content words
        every side shares) stays in the JSON: read aloud, a word list is noise, and the sentences say it better."""
        groups: dict[str, list[str]] = {}
        shown: dict[str, str] = {}  # a group's key -> how its outlets write it ("1.2 million / 1,2 millones")
        for article, value in sorted(conflict.values.items(), key=lambda kv: self.column(kv[0])):
            key = self._value_key(conflict, article, value)
            groups.setdefault(key, []).append(article)
            if value not in shown.get(key, "").split(" / "):
                shown[key] = f"{shown[key]} / {value}" if key in shown else value
        if conflict.type == "update" and len(groups) > 1:
            first = conflict.first if conflict.first in conflict.values else self._earliest(conflict.values)
            earlier = conflict.values[first]
            later = [(shown[k], ids) for k, ids in groups.items() if first not in ids]
            said = "; ".join(f"{self._names(ids)} later {_verb(ids, 'report')} {spoken(v)}" for v, ids in later)
            when = self.view.article(first)
            dated = f" ({short_date(when.published)})" if when and when.published else ""
            return f"{self.short_label(first)} reported {spoken(earlier)} first{dated}; {said}."
        parts = [f"{self._names(ids)} {_verb(ids, 'say')} {spoken(shown[key])}" for key, ids in groups.items()]
        return "; ".join(parts) + "."

    def _value_key(self, conflict: Conflict, article: str, value: str) -> str:
        """What a conflict's value is, for telling which outlets give the same one: a number by its amount in its
        article's language ("1.2 million" and "1,2 millones", or the same in Arabic-Indic digits, are one),
        anything else as written. An update's values are figures too when a count moved ("Three" / "vier")."""
        if conflict.type not in {"number", "update"} or _ISO_DATE.fullmatch(value):
            return value
        report = self.view.article(article)
        amount = figure_value(value, report.language if report else None)
        return value if amount is None else f"{amount:.6g}|{figure_kind(value).split(':')[0]}"

    def figure_rows(self) -> list[FigureRow]:
        """A row per quantity a shared fact's statements give (and a conflict's no shared fact holds) where another
        report answers it: one statement's figure beside the figure each other report's statement gives for the
        same thing (`aligned_figures`), so a row reads across one quantity, not every number the fact's sentences
        hold ("earned $141 million" and "paid $44 million" are two rows). The fact's headline leads when its
        figures are answered as often as any statement's; a statement already leading a row leads no row of a later
        fact, and a row whose figures an earlier row shows adds none. A figure told by someone the outlet credits
        is shown with that speaker ("30 percent (Mr. Bush)"): the outlet reports the claim, not the figure."""
        facts = self.view.facts("shared")
        groups = [{(s.article, s.sentence, s.text) for s in f.statements} for f in facts]
        for fact in self.view.facts("conflict"):
            keys = {(s.article, s.sentence, s.text) for s in fact.statements}
            if not any(keys <= group for group in groups):
                facts.append(fact)
        rows: list[FigureRow] = []
        seen: list[set[tuple[str, str]]] = []
        raws: list[dict[str, tuple[str, ...]]] = []  # each row's figures as the statements write them, uncredited
        for fact in facts:
            top = headline(fact)
            if top is None:
                continue
            by_article = self.statements_by_article(fact)
            led = {row.headline.text for row in rows}
            leads = [
                s
                for s in [top, *(s for s in fact.statements if s != top and figures(s.text, self._language_of(s)))]
                if s.text not in led
            ]
            if not leads:
                continue
            answered = [(s, self._answers(s, by_article)) for s in leads]
            lead, answers = max(answered, key=lambda pair: _figures_answered(pair[1]))
            for figure in _answered_figures(lead, answers, self._language_of(lead)):
                values = {lead.article: [_credited(figure, lead)]}
                raw = {lead.article: (figure,)}
                for article, (statement, pairs) in answers.items():
                    if theirs := [_credited(t, statement) for ours, t in pairs if ours == figure]:
                        values[article] = theirs
                        raw[article] = tuple(t for ours, t in pairs if ours == figure)
                given = {(article, shown) for article, told in values.items() for shown in told}
                if any(given <= shown for shown in seen):
                    continue
                same = next((k for k, told in enumerate(raws) if _one_quantity(told, raw)), None)
                if same is None:
                    rows.append(FigureRow(lead, values, around(lead.text, figure)))
                    raws.append(raw)
                    seen.append(given)
                    continue
                # the quantity a row already shows, told by another fact's statements ("$200,000" of nyt and hpo,
                # then of hpo and fox): one row, with the outlets it lacked
                row = rows[same]
                added = {a: v for a, v in values.items() if a not in row.values}
                rows[same] = replace(row, values={**row.values, **added})
                raws[same] = {**raw, **raws[same]}
                seen[same] |= given
        return rows

    def _answers(
        self, lead: Statement, by_article: Mapping[str, list[Statement]]
    ) -> dict[str, tuple[Statement, list[tuple[str, str]]]]:
        """Article id -> the statement of that report that answers most of `lead`'s figures, with its pairs (the
        lead's figure, its own)."""
        answers = {}
        for article, statements in by_article.items():
            if article != lead.article:
                pairs = [(s, self._aligned(lead, s)) for s in statements]
                best = max(pairs, key=lambda pair: len(pair[1]))
                if best[1]:
                    answers[article] = best
        return answers

    def _aligned(self, lead: Statement, other: Statement) -> list[tuple[str, str]]:
        """`aligned_figures` of two statements, each read in its article's language (as stored, else as its own
        words say): it tells how each writes its figures, and whether the two are in different languages."""
        ours, theirs = self._language_of(lead), self._language_of(other)
        across = ours is not None and theirs is not None and ours != theirs
        return aligned_figures(lead.text, other.text, across_languages=across, languages=(ours, theirs))

    def _language_of(self, statement: Statement) -> str | None:
        article = self.view.article(statement.article)
        return article.language if article and article.language else _language(statement.text)

    def _names(self, ids: Sequence[str]) -> str:
        return join_names([self.short_label(i) for i in ids])

    def _earliest(self, values: Mapping[str, str]) -> str:
        dated = [(a.published or "9999", self.column(a.id), a.id) for a in self.report.articles if a.id in values]
        return min(dated)[2] if dated else next(iter(values))


def _figures_answered(answers: Mapping[str, tuple[Statement, list[tuple[str, str]]]]) -> int:
    """How many figures a statement gives that others answer, and how many figures the others answer them with."""
    pairs = [pair for _, found in answers.values() for pair in found]
    return len({ours for ours, _ in pairs}) + len(pairs) if pairs else 0


def _answered_figures(
    lead: Statement, answers: Mapping[str, tuple[Statement, list[tuple[str, str]]]], language: str | None
) -> list[str]:
    """The lead's figures that another report answers, in the lead's order, each once."""
    answered = {ours for _, found in answers.values() for ours, _ in found}
    return list(dict.fromkeys(f for f in figures(lead.text, language) if f in answered))


_PRONOUN_TAGS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
# Words right before a figure that bound or round it ("more than $1 million", "about 5,000"), in the languages the
# reports read: a cell without them shows a gap ("$1 million" / "$1.1 million") the outlets do not disagree on.
_BOUND = re.compile(
    r"(?<![^\W\d_])(more than|fewer than|less than|at least|at most|up to|nearly|almost|about|around|roughly|"
    r"approximately|an estimated|some|over|under|plus de|moins de|au moins|environ|pr\u00e8s de|mehr als|"
    r"weniger als|mindestens|etwa|rund|m\u00e1s de|menos de|al menos|cerca de|casi|"
    r"\u0623\u0643\u062b\u0631 \u0645\u0646|\u0646\u062d\u0648|\u062d\u0648\u0627\u0644\u064a)\s+$",
    re.IGNORECASE,
)


def _one_quantity(shown: Mapping[str, tuple[str, ...]], told: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether two figure rows read one quantity: they share a report, and every report both hold gives the same
    figures in each."""
    common = shown.keys() & told.keys()
    return bool(common) and all(shown[a] == told[a] for a in common)


def _credited(figure: str, statement: Statement) -> str:
    """A figure as its cell shows it: with the speaker the outlet credits, when the figure is that speaker's, inside
    quotation marks or in a sentence where the speaker (or "he", "she") stands beside a speech verb ("Mr. Bush said
    his rate was 36 percent", "... 30 percent, Bush said"); not a figure of the sentence's own telling ("Democrats
    pressured Trump ... after indictments were announced accusing a dozen officers")."""
    speaker, text = statement.attribution, statement.text
    at = _figure_at(text, figure)
    if bound := _BOUND.search(text, 0, at):
        figure = f"{bound.group(1)} {figure}"
    if not speaker or speaker.lower() in _PRONOUN_TAGS:
        return figure
    spans, _ = scan_quotes(text, open_at_start=bool(_CLOSING_FIRST.match(text)))
    told = any(a <= at < b for a, b in spans) or _says(text, speaker)
    return f"{figure} ({_short_speaker(speaker)})" if told else figure


_SPEAKER_WORDS = 3  # a cell names a speaker in a few words ("Paul Strandberg", "port officials")


def _short_speaker(speaker: str) -> str:
    """A speaker phrase cut to its head for a table cell: "Inspector Paul Strandberg of the Veyra police" ->
    "Inspector Paul Strandberg" -> its last words when still long."""
    head = re.split(r",| of | for | from ", speaker, maxsplit=1)[0].strip() or speaker
    return " ".join(head.split()[-_SPEAKER_WORDS:])


_WORD = re.compile(r"[^\W\d_]+")
_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write"}  # past forms of speech verbs not made by a suffix


def _speech_word(word: str) -> bool:
    """A speech verb in any plain English form ("says", "claimed", "argued", "said")."""
    word = word.lower()
    stems = {word, word[:-1], word[:-2], _IRREGULAR.get(word, word)}  # "says", "argued", "claimed"
    return bool(stems & CUE_VERBS)


_AFTER, _BEFORE = 3, 2  # words from a speaker to its speech verb ("Bush also said"), and back ("said Mr. Bush")


def _says(text: str, speaker: str) -> bool:
    """Whether the speaker's name (its last word) or "he"/"she" has a speech verb just after it or just before."""
    words = _WORD.findall(text)
    name = _WORD.findall(speaker)[-1:] or [speaker]
    voices = {name[0].lower(), *_PRONOUN_TAGS}
    return any(
        w.lower() in voices and any(_speech_word(x) for x in words[max(0, k - _BEFORE) : k + _AFTER + 1])
        for k, w in enumerate(words)
    )


def _figure_at(text: str, figure: str) -> int:
    """Where a figure starts in its statement (its first word), or 0."""
    first = figure.split()[0] if figure.split() else figure
    at = text.find(first)
    return max(at, 0)


_AROUND = 12  # words of a headline shown around a figure in a text table


def around(text: str, figure: str, words: int = _AROUND) -> str:
    """The words of `text` around the first place it gives `figure`, with an ellipsis where the text goes on: a
    text table's cell has no room for a whole sentence, and the figure is what the row is about."""
    tokens = text.split()
    if len(tokens) <= words:
        return text
    at = len(text[: _figure_at(text, figure) + 1].split()) - 1  # the word the figure starts in
    start = max(0, min(at - words // 3, len(tokens) - words))
    shown = " ".join(tokens[start : start + words])
    return ("…" if start else "") + shown + ("…" if start + words < len(tokens) else "")


@lru_cache(maxsize=4096)
def _language(text: str) -> str | None:
    return detect_language(text)


def bodies_of(articles: Mapping[str, str] | Sequence[Article] | None) -> dict[str, str]:
    """Article id -> body from either form render_html accepts."""
    if articles is None:
        return {}
    if isinstance(articles, Mapping):
        return {str(k): v for k, v in articles.items() if isinstance(v, str)}
    return {a.id: a.body for a in articles}


SHOWN_AGAIN = 10  # words of a statement shown again in a later fact, pointing back to where it is in full
_PLAIN_WORDS = _words(
    "the a an and or but of to in on at for with from by as is was were are be been has have had that this it its "
    "he she they his her their said says would will could not"
)


def echo(text: str, heading: str, words: int = SHOWN_AGAIN) -> str:
    """The few words of a statement shown again in a later fact: the run of `words` words that shares most with
    the fact's heading (what ties it to this fact, "…a one-in-three chance of losing control of the House…"), with
    an ellipsis where the sentence goes on."""
    tokens = text.split()
    if len(tokens) <= words:
        return text
    keys = [re.sub(r"\W", "", t.lower()) for t in tokens]
    wanted = {re.sub(r"\W", "", w.lower()) for w in heading.split()} - _PLAIN_WORDS - {""}
    shared = [int(k in wanted) for k in keys]
    best = max(range(len(tokens) - words + 1), key=lambda i: (sum(shared[i : i + words]), -i))
    shown = " ".join(tokens[best : best + words])
    return ("…" if best else "") + shown + ("…" if best + words < len(tokens) else "")


def shown_before(first: Mapping[tuple[str, int], int], statement: Statement, number: int) -> int | None:
    """The earlier shared fact that shows a statement in full, if any (see `Briefing.shown_in`)."""
    earlier = first.get((statement.article, statement.sentence))
    return earlier if earlier is not None and earlier < number else None


def truncate(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _short(label: str) -> str:
    """ "Coastal Press Agency (CPA) #2" -> "CPA #2": the outlet's own short form when its name gives one."""
    match = re.fullmatch(r".*\(([A-Z][A-Za-z0-9&.]{1,9})\)(\s#\d+)?", label)
    return match.group(1) + (match.group(2) or "") if match else label


def _verb(ids: Sequence[str], verb: str) -> str:
    return verb + "s" if len(ids) == 1 else verb


_SURENESS_STEP = 0.05  # unique facts this close in sureness count as equally sure; the telling score orders them


def _telling_rank(statement: Statement, sureness: float | None, names: set[str]) -> tuple[bool, float, float]:
    """A line that stands alone first: at the top of a report, a fragment or a "she said" tells a reader nothing.
    Then surest first: a line shown as only this outlet's that another outlet states misleads more than a vague
    one, and the most specific lines (figures, names) are the likeliest to be told elsewhere too. A report stored
    before unique facts had a sureness ranks by the telling score alone."""
    band = -round(sureness / _SURENESS_STEP) if sureness is not None else 0
    return not stands_alone(statement), band, -_telling_score(statement.text, names)


_MIN_ALONE_WORDS = 8
# Words that open a sentence leaning on the one before: who "she" is, what "this" is, the reader cannot tell at the
# top of a report (English; other languages' lines are judged by length and quotation alone).
_LEANING = frozenset("he she it they we i you this that these those his her its their such both".split())  # noqa: SIM905
# ... and the words that join a sentence to the one before ("Moreover, it ...", "But the party ..."), and the phrases
# that point back to things named there ("The other two are all but vacant").
_JOINING = frozenset(
    "but and or so yet also still however moreover furthermore meanwhile instead nevertheless nonetheless "  # noqa: SIM905
    "besides additionally likewise similarly otherwise then thus hence therefore".split()
)
_POINTING_BACK = re.compile(r"(?:the|a)\s+(?:other|latter|former|same|two|three|four|rest)\b", re.IGNORECASE)


def stands_alone(statement: Statement) -> bool:
    """Whether a line tells a reader something without its neighbours: not a fragment ("We have guessed the
    password."), not opened by a pronoun, a demonstrative, a word that joins it to the sentence before or a phrase
    that points back ("She has declined to comment ...", "Moreover, it ...", "The other two are ..."), not
    someone's words with no one credited ("“This is the kind of trade we don't need.”")."""
    words = statement.text.split()
    if len(words) < _MIN_ALONE_WORDS:
        return False
    first = words[0].lower().strip("\"'\u201c\u2018(,")
    if first in _LEANING or first in _JOINING or _POINTING_BACK.match(statement.text.lstrip("\"'\u201c\u2018( ")):
        return False
    return not (statement.text.lstrip()[:1] in '"\u201c\u201e\u00ab' and not statement.attribution)


def _telling_score(text: str, names: set[str]) -> float:
    """Specific beats long: figures and names count most, length breaks ties."""
    lower = text.lower()
    return 3 * len(figures(text)) + 2 * sum(1 for n in names if n in lower) + min(len(text), 300) / 60
