"""Outlet profiles and a story's coverage by them: the JSON keys of `manysides outlets --json`, the `coverage` of
`manysides story ID --json` and of the comparison report (schemas/outlets.schema.json, schemas/story.schema.json).

A profile is what the user says an outlet is; ManySides ships no ratings of its own.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

# The profile fields that also act as labels (`--blindspot country`, coverage by kind...).
FIELD_LABELS = ("country", "kind", "owner", "language")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OutletProfile(_Model):
    name: str
    domains: list[str] = Field(default_factory=list, description="its sites, mirrors and syndication partners")
    aliases: list[str] = Field(default_factory=list, description="other names its articles carry")
    country: str | None = None
    languages: list[str] = Field(default_factory=list)
    owner: str | None = None
    kind: str | None = Field(None, description="agency, public broadcaster, state media, newspaper, site...")
    labels: dict[str, str] = Field(default_factory=dict, description="the user's own labels, e.g. leaning")

    def label_values(self) -> dict[str, list[str]]:
        """Every label with its values: the user's, then the fields that act as labels."""
        values: dict[str, list[str]] = {key: [value] for key, value in self.labels.items()}
        for key, value in (("country", self.country), ("kind", self.kind), ("owner", self.owner)):
            if value:
                values[key] = [value]
        if self.languages:
            values["language"] = list(self.languages)
        return values


class OutletListing(_Model):
    """One line of `manysides outlets --json`: a profile and how many stored articles count for it."""

    profile: OutletProfile
    articles: int = 0
    republished: int = Field(0, description="copies of its articles stored from other sites")


class CoverageOutlet(_Model):
    outlet: str
    profiled: bool = Field(description="false when no loaded profile matches this outlet")
    articles: int
    first_published: str | None = None
    republished_by: list[str] = Field(default_factory=list, description="sites whose copies counted for it")


class LabelValue(_Model):
    value: str
    outlets: list[str]
    articles: int


class LabelCoverage(_Model):
    label: str
    values: list[LabelValue]
    unlabelled: list[str] = Field(default_factory=list, description="covering outlets without this label")


class CoverageArticle(_Model):
    article: str | None = Field(description="article id; null for an original that is not stored")
    outlet: str
    published: str | None = None


class RepublicationChain(_Model):
    original: CoverageArticle
    copies: list[CoverageArticle]


class Coverage(_Model):
    """Who covered a story: per outlet, per value of each label, who was first, and who republished whom."""

    outlets: list[CoverageOutlet]
    labels: list[LabelCoverage] = Field(default_factory=list)
    first: CoverageArticle | None = Field(None, description="the earliest dated report (copies aside)")
    chains: list[RepublicationChain] = Field(default_factory=list)
    not_covered_by: list[str] = Field(default_factory=list, description="profiled outlets with no article in it")
