"""What an editor reads first, computed once for every format: each fact's headline, which outlets share how many
facts, what only one outlet reports (and its most telling lines), conflicts in plain words and the figures each
outlet gives. The renderers only lay these out and escape them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from manysides.extract.marks import ascii_digits
from manysides.extract.words import MONTH_PREFIXES, MONTHS_WIDE
from manysides.present.report_view import ReportView
from manysides.records.article import Article
from manysides.records.report import Conflict, Fact, Report, Statement

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

_SMALL = "one|two|three|four|five|six|seven|eight|nine"
_NUMBER_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|hundred|thousands|dozens|dozen"
)
_FIGURE = re.compile(
    r"(?<![\w.,:/-])(?:[€$£¥]\s?)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    rf"|(?<![\w-])(?:{_NUMBER_WORDS})(?:-(?:{_SMALL}))?(?![\w])",
    re.IGNORECASE,
)
_UNIT = re.compile(
    r"\s?%|\s?(?:bn|m)\b|\s(?:percent|per cent|million|billion|trillion|thousand)\b|-to-\d+\b|(?:-[a-z]+)+",
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(rf"(?:{_NUMBER_WORDS}|{_SMALL}|million|billion|trillion|thousand)", re.IGNORECASE)
_BIG = re.compile(r"million|billion|trillion|thousand|bn|m$", re.IGNORECASE)
_DECADE = re.compile(r"['\u2019]?s\b")
_TIME = re.compile(r"\s?(?:[ap]\.?m\b|:\d\d)", re.IGNORECASE)
# English names and abbreviations, and every CLDR language's full month names: a statement's language is not known
# here, and an abbreviation of one language can be a word of another ("3 out of 10": "out" is Portuguese October).
_MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
) | frozenset(MONTHS_WIDE)
_NEXT_WORDS = re.compile(r"\s+([A-Za-z]+)(?:\s+([a-z][a-z\u2019'-]*))?")
_LETTERS = r"[^\W\d_]+"
# "5 December", "5. Dezember", "5 de diciembre", "5 בדצמבר", "5 كانون الأول": the words after a day of the month
_MONTH_AFTER = re.compile(rf"\.?\s+(?:(?:de|of)\s+)?({_LETTERS})(?:\s+({_LETTERS}))?", re.IGNORECASE)
_PREVIOUS_WORD = re.compile(rf"({_LETTERS})\.?\s+$")
_COUNTED = frozenset({"people", "children", "men", "women", "staff", "crew"})
_NOT_COUNTED = _words(
    "a an the of to and or but in on at for with from by between as is was were are be been had have has that "
    "which who whom after before since per more than other others times out about over under into so"
)


# "a one-in-three chance", "1 in 5 voters", "3 out of 10 residents": one figure, a share (not "12 in 2019")
_RATIO = re.compile(
    rf"(?<![\w.,-])(?:\d+|one|{_SMALL}|{_NUMBER_WORDS})(?:-in-|\s+in\s+|\s+out\s+of\s+)"
    rf"(?!(?:19|20)\d\d\b)(?:\d{{1,3}}(?:,\d{{3}})*|{_NUMBER_WORDS}|{_SMALL})(?![\w-])",
    re.IGNORECASE,
)


# "40 to 60 hours", "a 40- to 60-hour course", "40-60": one figure given as a range (not "2012-2013", two years)
_RANGE = re.compile(
    r"(?<![\w.,:/$-])(\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?:-?\s+to\s+|\s*[-\u2013]\s*)(\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?!\d|[.,]\d)"
)


def figures(text: str) -> list[str]:
    """Numbers, money and percentages as the sentence writes them, with what a bare number counts ("12 people"),
    and odds as one figure ("one-in-three").

    Years (in any digits: "٢٠٢٥"), times of day and days of the month are left out: they are dates, not figures."""
    ratios = list(_RATIO.finditer(text)) + list(_RANGE.finditer(text))
    found: list[tuple[int, str]] = []
    for ratio in ratios:
        unit = _UNIT.match(text, ratio.end())
        end = unit.end() if unit else ratio.end()
        after = _NEXT_WORDS.match(text, end)
        counted = _counted(text, after) if after and not unit else ""
        found.append((ratio.start(), " ".join((text[ratio.start() : end] + counted).split())))
    for match in _FIGURE.finditer(text):
        if any(r.start() <= match.start() < r.end() for r in ratios):
            continue
        number, end = match.group(), match.end()
        if _DECADE.match(text, end):
            continue  # "in his 30s", "the '80s": an age or an era, not a figure
        unit = _UNIT.match(text, end)
        if unit:
            number, end = number + unit.group(), unit.end()
        if _TIME.match(text, end) and not unit:
            continue
        before = _PREVIOUS_WORD.search(text, 0, match.start())
        after = _NEXT_WORDS.match(text, end)
        month_near = (before and _is_month(before.group(1))) or (not unit and _month_after(text, end))
        if month_near or (not unit and re.fullmatch(r"(?:19|20)\d\d", ascii_digits(number))):
            continue
        age = _AGE.search(text, 0, match.start()) and _AFTER_AGE.match(text, end)
        if not unit and (age or _in_name(text, match, after)):
            continue  # "Lieberman, 75, ...": an age; "Organization 1", "Guccifer 2.0": part of a name
        counted = _counted(text, after) if after and (not unit or _BIG.search(unit.group().strip())) else ""
        if not counted and not unit and _VAGUE.fullmatch(number):
            of = _OF_PLURAL.match(text, end)
            if of is None or not _plural(of.group(1)):
                continue  # "thousands more watched" says no figure to compare; "dozens of people" does
            counted = of.group()
        if not counted and not unit and not any(c.isdigit() for c in number):
            continue  # "the two met for an hour": a number word that counts nothing named is no figure
        found.append((match.start(), " ".join((number + counted).split())))
    return [figure for _, figure in sorted(found)]


_AGE = re.compile(r"[A-Z][\w.'\u2019-]*,\s*$")  # a name and a comma right before the number
_AFTER_AGE = re.compile(r"\s*(?:[,;)]|\.(?:\s|$))")
_VAGUE = re.compile(r"hundreds|thousands|millions|dozens|dozen", re.IGNORECASE)
_OF_PLURAL = re.compile(r"\s+of\s+([a-z]+)")
_CAPITALISED_BEFORE = re.compile(r"(?:^|[^.!?:\s]\s*)\s([A-Z][\w'\u2019-]*)\s$")


def _in_name(text: str, match: re.Match[str], after: re.Match[str] | None) -> bool:
    """A number written right after a capitalised word inside the sentence, and followed by no word it could
    count ("Organization 1 and", "Guccifer 2.0 in"): part of a name, not a figure. Not "in Lindhof 12 Häuser" nor
    "Karakaya'da 12 ev", which count houses; a month before a day is left to the month rule."""
    before = _CAPITALISED_BEFORE.search(text, 0, match.start())
    if not before or not match.group()[:1].isdigit() or _is_month(before.group(1)):
        return False
    return after is None or after.group(1) in _NOT_COUNTED


def _is_month(word: str) -> bool:
    """A month name, also with a prefix written joined to it (Hebrew "ב": "בדצמבר")."""
    word = word.lower()
    return word in _MONTHS or any(word.startswith(p) and word[len(p) :] in _MONTHS for p in MONTH_PREFIXES)


def _month_after(text: str, end: int) -> bool:
    """Whether a month name follows the number ending at `end`: one word, or two ("كانون الأول")."""
    after = _MONTH_AFTER.match(text, end)
    if after is None:
        return False
    two = f"{after.group(1)} {after.group(2)}" if after.group(2) else ""
    return _is_month(after.group(1)) or (bool(two) and _is_month(two))


def _counted(text: str, after: re.Match[str]) -> str:
    """What a bare number counts, when the next word or two say it: "12 people", "two police officers"."""
    first, second = after.group(1), after.group(2)
    if not first.islower() or first in _NOT_COUNTED:
        return ""
    if _plural(first):
        return text[after.start() : after.end(1)]
    if second and second not in _NOT_COUNTED and _plural(second):
        return text[after.start() : after.end(2)]
    return ""


_MONEY = re.compile(r"[€$£¥]|\b(?:dollars?|euros?|pounds?|yen)\b", re.IGNORECASE)
_PERCENT = re.compile(r"%|\bper ?cent\b", re.IGNORECASE)
_COMPOUND = re.compile(r"\d(-[^\W\d_][\w-]*)$")


def figure_kind(figure: str) -> str:
    """What a figure measures, as far as its words say: money, a share, odds ("1 in 3"), a compound ("4-page"), or
    a count of what follows it ("520,000 arrests"; "" when a bare number does not say)."""
    if _MONEY.search(figure):
        return "money"
    if _PERCENT.search(figure):
        return "percent"
    if _RATIO.match(figure):
        return "ratio"
    if span := _RANGE.match(figure):  # "40- to 60-hour" counts hours as "40-60 hours" does
        words = re.findall(r"[^\W\d_]+", figure[span.end() :])
        return "count:" + (words[0].lower().removesuffix("s") if words else "")
    if compound := _COMPOUND.search(ascii_digits(figure)):
        return re.sub(r"\d+", "#", compound.group(1).lower())  # a tally "134-to-63" meets "134-to-62"
    words = re.findall(r"[^\W\d_]+", figure)
    counted = words[-1].lower() if words and not _NUMBER_WORD.fullmatch(words[-1]) else ""
    return "count:" + counted.removesuffix("s")


def _kinds_meet(a: str, b: str) -> bool:
    """Two figures that may count one thing: the same kind, or two counts where either leaves the thing unsaid
    (a count in another language names it in other words)."""
    if a == b:
        return True
    return a.startswith("count:") and b.startswith("count:") and ("count:" in {a, b})


def comparable_only(values: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """Each report's figures that may measure what a figure of another report measures: "18 members" of a
    committee is left out of a row where the others count indicted officers, so it does not read as a rival count."""
    kinds = {article: [figure_kind(f) for f in figures] for article, figures in values.items()}

    def meets(kind: str, article: str) -> bool:
        # A named count ("18 members") meets another report's bare count only when its own report gives no bare
        # count: otherwise that bare count is the one the row compares.
        named_beside_bare = kind != "count:" and "count:" in kinds[article]
        return any(
            _kinds_meet(kind, other) and not (named_beside_bare and other == "count:" and kind != other)
            for a, others in kinds.items()
            if a != article
            for other in others
        )

    kept = {
        article: [figure for figure, kind in zip(figures, kinds[article], strict=True) if meets(kind, article)]
        for article, figures in values.items()
    }
    return {article: figures for article, figures in kept.items() if figures}


def _plural(word: str) -> bool:
    return word in _COUNTED or (word.endswith("s") and not word.endswith("ss"))


def quoted(text: str) -> str:
    """Text in curly quotes, unless it opens with a quotation mark of its own (a quote of a quote reads badly)."""
    return text if text[:1] in _QUOTE_MARKS else f"\u201c{text}\u201d"


def conflict_title(conflict: Conflict) -> str:
    return CONFLICT_TITLES.get(conflict.type, "Accounts differ")


def attribution(statement: Statement) -> str | None:
    """Who said it, unless the quoted sentence already names them ("... said chamber president Ilse Marwick.")."""
    who = statement.attribution
    return who if who and who.lower() not in statement.text.lower() else None


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
        return (
            f"{reports} from {_count(len(outlets), 'outlet')}{span}: {_count(counts['shared'], 'shared fact')}, "
            f"{_count(counts['conflict'], 'conflict')}, {facts} only one report gives{close}."
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
            candidates = [s for f in own for s in f.statements if s.article == article]
            ranked = sorted(candidates, key=lambda s: -_telling_score(s.text, names))
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
        for article, value in sorted(conflict.values.items(), key=lambda kv: self.column(kv[0])):
            groups.setdefault(value, []).append(article)
        if conflict.type == "update" and len(groups) > 1:
            first = conflict.first if conflict.first in conflict.values else self._earliest(conflict.values)
            earlier = conflict.values[first]
            later = [(v, ids) for v, ids in groups.items() if v != earlier]
            said = "; ".join(f"{self._names(ids)} later {_verb(ids, 'report')} {spoken(v)}" for v, ids in later)
            when = self.view.article(first)
            dated = f" ({short_date(when.published)})" if when and when.published else ""
            return f"{self.short_label(first)} reported {spoken(earlier)} first{dated}; {said}."
        parts = [f"{self._names(ids)} {_verb(ids, 'say')} {spoken(value)}" for value, ids in groups.items()]
        return "; ".join(parts) + "."

    def figure_rows(self) -> list[FigureRow]:
        """A row per shared fact (and per conflict no shared fact holds) where two or more reports give figures."""
        facts = self.view.facts("shared")
        groups = [{(s.article, s.sentence, s.text) for s in f.statements} for f in facts]
        for fact in self.view.facts("conflict"):
            keys = {(s.article, s.sentence, s.text) for s in fact.statements}
            if not any(keys <= group for group in groups):
                facts.append(fact)
        rows = []
        for fact in facts:
            top = headline(fact)
            values: dict[str, list[str]] = {}
            for article, statements in self.statements_by_article(fact).items():
                seen: dict[str, str] = {}
                for statement in statements:
                    for figure in figures(statement.text):
                        seen.setdefault(figure.lower(), figure)
                if seen:
                    values[article] = list(seen.values())
            values = comparable_only(values)
            if top is not None and len(values) >= 2:
                rows.append(FigureRow(top, values))
        return rows

    def _names(self, ids: Sequence[str]) -> str:
        return join_names([self.short_label(i) for i in ids])

    def _earliest(self, values: Mapping[str, str]) -> str:
        dated = [(a.published or "9999", self.column(a.id), a.id) for a in self.report.articles if a.id in values]
        return min(dated)[2] if dated else next(iter(values))


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


def _telling_score(text: str, names: set[str]) -> float:
    """Specific beats long: figures and names count most, length breaks ties."""
    lower = text.lower()
    return 3 * len(figures(text)) + 2 * sum(1 for n in names if n in lower) + min(len(text), 300) / 60
