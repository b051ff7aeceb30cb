"""spaCy's attribute ruler, run by looking its patterns up instead of through the Matcher.

The English pipeline's attribute ruler maps each tag to its part of speech and features with a few hundred
one-token patterns. spaCy runs them through its general Matcher, which cost about as much as the tagger itself on
our one-sentence documents. The same patterns, indexed by the value of the first token's tag, lower-cased text
or dependency, need a few dictionary look-ups a token. The rules, their order and the attributes they set are
the ruler's own, read from it at load time; a pattern of a kind this reader does not know keeps spaCy's ruler.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

# Token attributes a pattern may test, read once a token: name -> reader.
_READERS: dict[str, Callable[[Token], str | bool]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
_INDEXED = ("TAG", "LOWER", "DEP")  # attributes a first token is looked up by, in order of preference

Values = dict[str, str | bool]
Test = Callable[[str | bool], bool]


class Unsupported(ValueError):
    """A pattern this reader cannot run exactly as the Matcher would."""


def _test(spec: Any) -> Test:
    """A predicate on one attribute's value, as the Matcher reads the pattern's value."""
    if isinstance(spec, str | bool):
        return lambda value: value == spec
    if isinstance(spec, dict) and len(spec) == 1:
        ((operator, argument),) = spec.items()
        if operator == "IN":
            allowed = frozenset(argument)
            return lambda value: value in allowed
        if operator == "NOT_IN":
            refused = frozenset(argument)
            return lambda value: value not in refused
        if operator == "REGEX":
            pattern = re.compile(argument)
            return lambda value: isinstance(value, str) and pattern.search(value) is not None
    raise Unsupported(f"pattern value {spec!r}")


@dataclass(frozen=True)
class _Rule:
    """One pattern of the ruler: its rank (later ranks override), its token tests and which token it sets."""

    rank: int
    tokens: tuple[tuple[tuple[str, Test], ...], ...]
    index: int

    def matches(self, values: list[Values], start: int) -> bool:
        if start + len(self.tokens) > len(values):
            return False
        return all(test(values[start + k][name]) for k, tests in enumerate(self.tokens) for name, test in tests)


def _first_keys(spec: dict[str, Any]) -> tuple[str, list[str]] | None:
    """The attribute and values a pattern's first token can be looked up by, if any."""
    for name in _INDEXED:
        value = spec.get(name)
        if isinstance(value, str):
            return name, [value]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return name, list(value["IN"])
    return None


class IndexedAttributeRuler:
    """Callable pipeline component that sets what the given AttributeRuler would set, in the same order."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self._attrs = ruler.attrs
        self._indexed: dict[tuple[str, str], list[_Rule]] = defaultdict(list)
        self._scanned: list[_Rule] = []
        for rank, pattern in enumerate(ruler.patterns):
            for tokens in pattern["patterns"]:
                self._add(rank, tokens, pattern["index"])

    def _add(self, rank: int, tokens: list[dict[str, Any]], index: int) -> None:
        if not tokens or any(name not in _READERS for spec in tokens for name in spec):
            raise Unsupported(f"pattern {tokens!r}")
        rule = _Rule(rank, tuple(tuple((n, _test(v)) for n, v in spec.items()) for spec in tokens), index)
        keys = _first_keys(tokens[0])
        if keys is None:
            self._scanned.append(rule)
            return
        name, values = keys
        for value in dict.fromkeys(values):
            self._indexed[(name, value)].append(rule)

    def __call__(self, doc: Doc) -> Doc:
        values = [{name: read(token) for name, read in _READERS.items()} for token in doc]
        found: list[tuple[int, int, int]] = []
        for start, own in enumerate(values):
            candidates = [rule for name in _INDEXED for rule in self._indexed.get((name, own[name]), ())]
            for rule in [*candidates, *self._scanned]:
                if rule.matches(values, start):
                    end = start + len(rule.tokens)
                    found.append((rule.rank, start, (start if rule.index >= 0 else end) + rule.index))
        for rank, _, target in sorted(set(found)):
            set_token_attrs(doc[target], self._attrs[rank])
        return doc


def index_attribute_ruler(nlp: Any, name: str = "attribute_ruler") -> bool:
    """Swap the pipeline's attribute ruler for its indexed reader; False (nothing changed) when a pattern is of
    a kind the reader does not run."""
    try:
        reader = IndexedAttributeRuler(nlp.get_pipe(name))
    except Unsupported:
        return False
    from spacy.language import Language

    component = "manysides_indexed_attribute_ruler"
    Language.component(component, func=reader)
    nlp.replace_pipe(name, component)
    return True
