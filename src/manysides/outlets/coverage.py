"""A story's coverage distribution: which outlets covered it (and which profiled ones did not), how that splits
by each label, who reported first and who republished whom. Computed on each ask from the story and the
articles' credits, so loading new profiles changes it at once (it is never part of a cached comparison)."""

from __future__ import annotations

from collections import defaultdict

from manysides.records.article import published_utc
from manysides.records.outlet import (
    FIELD_LABELS,
    Coverage,
    CoverageArticle,
    CoverageOutlet,
    LabelCoverage,
    LabelValue,
    OutletProfile,
    RepublicationChain,
)
from manysides.records.story import Story, StoryArticle
from manysides.store.outlets import Credit

UNKNOWN = "unknown outlet"


def story_coverage(story: Story, credits: dict[str, Credit], profiles: dict[str, OutletProfile]) -> Coverage:
    """The coverage of `story`; `credits` by article id (store/outlets.py), `profiles` by name."""
    by_outlet: dict[str, list[StoryArticle]] = defaultdict(list)
    carriers: dict[str, list[str]] = defaultdict(list)
    for article in story.articles:
        name = counted_for(article, credits)
        by_outlet[name].append(article)
        credit = credits.get(article.id)
        if credit is not None and credit.republished_by and credit.republished_by not in carriers[name]:
            carriers[name].append(credit.republished_by)
    outlets = [
        CoverageOutlet(
            outlet=name,
            profiled=name in profiles,
            articles=len(articles),
            first_published=_earliest(articles).published if _earliest(articles) else None,
            republished_by=sorted(carriers[name], key=str.casefold),
        )
        for name, articles in by_outlet.items()
    ]
    outlets.sort(key=lambda o: (-o.articles, o.outlet.casefold()))
    originals = [a for a in story.articles if not _is_copy(a, credits)]
    first = _earliest(originals)
    return Coverage(
        outlets=outlets,
        labels=_labels(outlets, profiles),
        first=_entry(first, credits) if first is not None and published_utc(first.published) else None,
        chains=_chains(story, credits),
        not_covered_by=[name for name in profiles if name not in by_outlet and not _carried(name, carriers)],
    )


def counted_for(article: StoryArticle, credits: dict[str, Credit]) -> str:
    """The outlet an article counts for: its credited profile, else the name it carries."""
    credit = credits.get(article.id)
    if credit is not None and credit.outlet:
        return credit.outlet
    if credit is not None and credit.republished_by:
        return UNKNOWN  # a copy of an outlet nobody profiled: not the carrier's own coverage
    return article.outlet or UNKNOWN


def _carried(name: str, carriers: dict[str, list[str]]) -> bool:
    """Whether the outlet carried another's copy of the story: it did not ignore it."""
    return any(name in names for names in carriers.values())


def _labels(outlets: list[CoverageOutlet], profiles: dict[str, OutletProfile]) -> list[LabelCoverage]:
    values: dict[str, dict[str, LabelValue]] = defaultdict(dict)
    for outlet in outlets:
        profile = profiles.get(outlet.outlet)
        if profile is None:
            continue
        for key, given in profile.label_values().items():
            for value in dict.fromkeys(given):
                slot = values[key].setdefault(value, LabelValue(value=value, outlets=[], articles=0))
                slot.outlets.append(outlet.outlet)
                slot.articles += outlet.articles
    own = sorted((k for k in values if k not in FIELD_LABELS), key=str.casefold)
    keys = own + [k for k in FIELD_LABELS if k in values]
    return [
        LabelCoverage(
            label=key,
            values=sorted(values[key].values(), key=lambda v: (-len(v.outlets), -v.articles, v.value.casefold())),
            unlabelled=[o.outlet for o in outlets if not any(o.outlet in v.outlets for v in values[key].values())],
        )
        for key in keys
    ]


def _chains(story: Story, credits: dict[str, Credit]) -> list[RepublicationChain]:
    """Copies grouped under their original: a stated republication first, else a repost the story index found
    (the earlier of the two is the original)."""
    by_id = {a.id: a for a in story.articles}
    copies: dict[str, list[StoryArticle]] = defaultdict(list)
    original_of: dict[str, StoryArticle | None] = {}
    for article in story.articles:
        credit = credits.get(article.id)
        if credit is not None and credit.republished_by:
            source = _original_article(story, credit.outlet, credits)
            key = source.id if source is not None else f"outlet:{credit.outlet or UNKNOWN}"
            original_of[key] = source
            copies[key].append(article)
        elif article.duplicate_of in by_id:
            pair = sorted((article, by_id[article.duplicate_of]), key=_time_key)
            original, copy = pair
            if _is_copy(original, credits) or _is_copy(copy, credits):
                continue
            original_of[original.id] = original
            copies[original.id].append(copy)
    chains = []
    for key, found in copies.items():
        source = original_of[key]
        if source is not None:
            head = _entry(source, credits)
        else:
            head = CoverageArticle(article=None, outlet=str(key).removeprefix("outlet:"))
        entries = [_entry(a, credits, as_copy=True) for a in sorted(found, key=_time_key)]
        chains.append(RepublicationChain(original=head, copies=entries))
    return chains


def _original_article(story: Story, outlet: str | None, credits: dict[str, Credit]) -> StoryArticle | None:
    own = [a for a in story.articles if not _is_copy(a, credits) and outlet and counted_for(a, credits) == outlet]
    return _earliest(own) or (own[0] if own else None)


def _is_copy(article: StoryArticle, credits: dict[str, Credit]) -> bool:
    credit = credits.get(article.id)
    return credit is not None and bool(credit.republished_by)


def _entry(article: StoryArticle, credits: dict[str, Credit], as_copy: bool = False) -> CoverageArticle:
    credit = credits.get(article.id)
    carrier = credit.republished_by if as_copy and credit is not None else None
    outlet = carrier or (article.outlet if as_copy else None) or counted_for(article, credits)
    return CoverageArticle(article=article.id, outlet=outlet, published=article.published)


def _earliest(articles: list[StoryArticle]) -> StoryArticle | None:
    dated = [a for a in articles if published_utc(a.published) is not None]
    return min(dated, key=_time_key) if dated else None


def _time_key(article: StoryArticle) -> tuple[int, float, str]:
    moment = published_utc(article.published)
    return (1, 0.0, article.id) if moment is None else (0, moment.timestamp(), article.id)
