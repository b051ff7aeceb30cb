"""Conflicts inside one aligned fact: different dates, counts, names, negation or modality between outlets.

Values are compared after normalisation (dates resolved against each article's publication day, numbers with what
they count and whether they are approximate), so "about 3,000" vs "nearly 3,000" is no conflict while
"Twelve people were injured" vs "Fourteen people were hurt" is one.
"""

from __future__ import annotations

from collections.abc import Callable

from manysides.compare.align import Alignment, Node
from manysides.compare.embed import embed
from manysides.compare.report import Conflict
from manysides.understand import SentenceInfo

_SAME_ACTION = 0.3  # cosine of two verbs' static embeddings: injure~hurt 0.44, strand~carry -0.03


def _dates(a: SentenceInfo, b: SentenceInfo) -> tuple[str, str] | None:
    days_a = {d.value for d in a.dates if d.day}
    days_b = {d.value for d in b.dates if d.day}
    if days_a and days_b and not days_a & days_b:
        return ", ".join(sorted(days_a)), ", ".join(sorted(days_b))
    return None


def _same_action(a: str | None, b: str | None) -> bool:
    """Whether two numbers count the outcome of the same action ("injured" / "hurt", not "stranded" / "carry")."""
    if a is None or b is None or a == b:
        return True
    vectors = embed([a, b])
    return float(vectors[0] @ vectors[1]) >= _SAME_ACTION


def _numbers(a: SentenceInfo, b: SentenceInfo) -> tuple[str, str] | None:
    for x in a.numbers:
        for y in b.numbers:
            same_count = x.counted and x.counted == y.counted and x.unit == y.unit and _same_action(x.verb, y.verb)
            if same_count and not any(x.agrees(z) for z in b.numbers if z.counted == x.counted):
                return f"{x.text} {x.counted}", f"{y.text} {y.counted}"
    return None


def _names(a: SentenceInfo, b: SentenceInfo) -> tuple[str, str] | None:
    """The same event with a different named actor ("X was sentenced" vs "Y was sentenced")."""
    if not (a.predicates[:1] and a.predicates[:1] == b.predicates[:1] and a.subject and b.subject):
        return None
    names = {ent.label_ for s in (a, b) for ent in s.doc.ents}
    named = a.subject_text[:1].isupper() and b.subject_text[:1].isupper()
    if named and "PERSON" in names and not set(a.subject.split()) & set(b.subject.split()):
        return a.subject_text, b.subject_text
    return None


def _quoted(s: SentenceInfo) -> bool:
    """A sentence that mostly reports someone's words: its tense and modality are the speaker's, not the event's."""
    return any(a.kind == "quote" for a in s.attributions)


def _negation(a: SentenceInfo, b: SentenceInfo) -> tuple[str, str] | None:
    if _quoted(a) or _quoted(b):
        return None
    if a.negated != b.negated and a.predicates[:1] and a.predicates[:1] == b.predicates[:1]:
        verb = a.predicates[0]
        return ("not " + verb if a.negated else verb), ("not " + verb if b.negated else verb)
    return None


def _modality(a: SentenceInfo, b: SentenceInfo) -> tuple[str, str] | None:
    if _quoted(a) or _quoted(b):
        return None
    if {a.modality, b.modality} == {"happened", "expected"}:
        return a.modality, b.modality
    return None


# Kind, check, explanation, and whether the pair must be strongly aligned: a number conflict already needs the same
# counted thing and action, the others only say "same event" through the alignment itself.
_CHECKS: list[tuple[str, Callable[[SentenceInfo, SentenceInfo], tuple[str, str] | None], str, bool]] = [
    ("number", _numbers, "the outlets give different numbers for the same count", False),
    ("date", _dates, "the outlets date the same event differently (relative dates resolved against publication)", True),
    ("name", _names, "the outlets name different people in the same role", True),
    ("negation", _negation, "one outlet affirms what another denies", True),
    ("modality", _modality, "one outlet reports as done what another reports as expected", True),
]


def find_conflicts(
    nodes: list[Node], article_ids: list[str], sources: list[str], alignment: Alignment
) -> list[tuple[Conflict, list[Node]]]:
    """Each kind of conflict between directly aligned statements of different outlets, with the statements in it."""
    found = []
    for kind, check, explanation, strict in _CHECKS:
        values: dict[str, str] = {}
        involved: dict[int, Node] = {}
        for i, x in enumerate(nodes):
            for y in nodes[i + 1 :]:
                if sources[x.article] == sources[y.article] or not alignment.close(x, y, strict):
                    continue
                pair = check(x.sentence, y.sentence)
                if pair:
                    values.setdefault(article_ids[x.article], pair[0])
                    values.setdefault(article_ids[y.article], pair[1])
                    involved.update({x.position: x, y.position: y})
        if len(set(values.values())) >= 2:
            conflict = Conflict(type=kind, values=values, explanation=explanation)  # type: ignore[arg-type]
            found.append((conflict, sorted(involved.values(), key=lambda n: n.position)))
    return found
