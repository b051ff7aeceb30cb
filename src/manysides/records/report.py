"""The comparison report: the JSON contract of `manysides compare --json` (schema_version 1).

Keys listed in the issue are never removed; new optional keys may be added. Renderers (text, Markdown, HTML)
read only this model, so every format shows the same findings.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from manysides.records.outlet import Coverage

FactKind = Literal["shared", "unique", "conflict", "related"]
ConflictType = Literal["date", "number", "name", "attribution", "negation", "modality", "update", "other"]
FramingType = Literal["label", "scare_quotes", "loaded_term", "hedge"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StoryInfo(_Model):
    title: str
    first_published: str | None = None
    last_published: str | None = None
    title_from: str | None = Field(
        None, description="id of the article whose headline names the story (None: given by the caller, or a lead)"
    )


class Statement(_Model):
    article: str = Field(description="article id")
    text: str = Field(description="the sentence or clause exactly as it stands in the article body")
    attribution: str | None = Field(None, description="who the article says said it, when it says so")
    sentence: int | None = Field(None, description="index of the sentence in the article body (0-based)")


class ReportArticle(_Model):
    id: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    republished_from: str | None = None
    language: str | None = Field(
        default=None,
        description="ISO 639-1 code of the article's language, as stored (added: optional, schema_version 1 "
        'unchanged); it says how the article writes its figures ("2.400" is 2,400 in German)',
    )
    cited_sources: list[str] = Field(default_factory=list)
    statements: int | None = Field(
        default=None,
        description="sentences of the article that state something (a full sentence with a verb): what the "
        "comparison tries to place as shared, conflicting or unique (added: optional, schema_version 1 unchanged)",
    )
    unplaced: int | None = Field(
        default=None,
        description="of those statements, how many no fact (shared, conflict, unique or close pair) holds (a repeat "
        "counts once; added: optional, schema_version 1 unchanged)",
    )
    unplaced_statements: list[Statement] | None = Field(
        default=None,
        description="those statements themselves, in article order (a repeat by its first telling), so a reader "
        "sees what no list holds (added: optional, schema_version 1 unchanged)",
    )


class Entity(_Model):
    name: str
    type: str = Field(description="person, place, organisation or other")
    aliases: list[str] = Field(default_factory=list)
    mentions: dict[str, int] = Field(default_factory=dict, description="article id -> number of mentions")


class Conflict(_Model):
    type: ConflictType = Field(
        description="what differs; `update` when a later article reports a later development, not a contradiction"
    )
    values: dict[str, str] = Field(description="article id -> the value that article gives")
    explanation: str
    about: str | None = Field(None, description="the matter the values are about, in the articles' own words")
    first: str | None = Field(
        None, description="for an update: the article id of the earlier report (the later one supersedes it)"
    )


class Fact(_Model):
    kind: FactKind
    statements: list[Statement]
    conflict: Conflict | None = None
    headline: Statement | None = Field(
        None, description="the fact's shortest statement, quoted as it stands: what a reader sees first"
    )
    word_for_word: bool | None = Field(
        None,
        description="shared facts: every two outlets' statements are one text in the outlets' own words (a copied "
        "passage, wire copy or press release), not independent reports (added: optional, schema_version 1 "
        "unchanged)",
    )
    confidence: float | None = Field(
        None,
        description="unique facts: how sure the comparison is, 0 to 1, that no other report states it (added: "
        "optional, schema_version 1 unchanged)",
    )


class FramingItem(_Model):
    article: str
    type: FramingType
    target: str | None = None
    text: str = Field(description="the span itself: the word or phrase, not its sentence")
    sentence: int | None = None
    in_quote: bool = Field(
        default=False, description="the span sits inside a direct quote: the words are the speaker's, not the outlet's"
    )
    speaker: str | None = Field(
        default=None,
        description="who is quoted (in_quote) or paraphrased (the words are in their reported clause), when named",
    )


class Voice(_Model):
    """How often one article quotes or paraphrases one speaker (added: optional, schema_version 1 unchanged)."""

    article: str
    speaker: str
    quoted: int = 0
    paraphrased: int = 0


class Report(_Model):
    schema_version: Literal[1] = 1
    story: StoryInfo
    articles: list[ReportArticle]
    entities: list[Entity] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    framing: list[FramingItem] = Field(default_factory=list)
    voices: list[Voice] = Field(default_factory=list, description="who each article quotes or paraphrases, how often")
    notes: list[str] = Field(
        default_factory=list,
        description="what this comparison could not read, in plain words (e.g. articles in a language whose names, "
        "quotes and framing are not read yet); empty when everything was read",
    )
    coverage: Coverage | None = Field(
        None, description="a stored story's coverage by outlet and by profile label (`manysides outlets load`)"
    )
