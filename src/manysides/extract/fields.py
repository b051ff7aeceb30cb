"""What an extractor returns before the record is assembled (ids and hashes come later)."""

from __future__ import annotations

from dataclasses import dataclass, field

# An article stored with a warning (its text was cut, or read without the page's layout) never claims more.
DOUBTFUL_CONFIDENCE = 0.3


@dataclass
class Extracted:
    """Fields one extractor found in one page; None or empty when the page does not state them."""

    body: str = ""
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    cited_sources: list[str] = field(default_factory=list)
    republished_from: str | None = None
    canonical_url: str | None = None
    url: str | None = None
    confidence: float = 0.5
    warnings: list[str] = field(default_factory=list)

    def doubt(self, problem: str) -> None:
        """Note a problem the user is warned about: the article is kept, but not as a confident one."""
        self.warnings.append(problem)
        self.confidence = min(self.confidence, DOUBTFUL_CONFIDENCE)
