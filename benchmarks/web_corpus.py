"""A fictional news archive for the web benchmark: N stored articles grouped into stories, built once and reused.

Every outlet, place, person and sentence is made up here from templates and word lists (nothing is copied from a
real page). Articles go in through the product's own write path (`Store.add`, then `StoryStore.save` with an
`Assignment` and real per-article features), so whatever the store derives on write (summaries, search index,
aggregates) is derived the way an ingest derives it. Only the embedding model is skipped: each story gets a
random unit direction and its articles lie near it, which is all the stored features need.

The database is cached under benchmarks/.cache (or $MANYSIDES_BENCH_CACHE), keyed by CORPUS_VERSION, the article
count and a digest of the store's code, so a run after a store change rebuilds it and other runs reuse it.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import multiprocessing
import os
import random
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from multiprocessing.pool import AsyncResult
from pathlib import Path

import numpy as np

from manysides.records.article import Article, body_hash
from manysides.records.page import Page
from manysides.store.repository import Store
from manysides.store.stories import StoryStore
from manysides.stories import Assignment
from manysides.stories.features import compute
from manysides.stories.stories import story_id

CORPUS_VERSION = 1
REPO = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("MANYSIDES_BENCH_CACHE", REPO / "benchmarks" / ".cache"))
START = datetime(2024, 1, 1, tzinfo=UTC)
SPAN_DAYS = 730
DIM = 256  # the default embedding backend's width, so stored features are the real size

# --- made-up names --------------------------------------------------------------------------------------------
_ONSETS = ["br", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "th", "st", "gr", "tr"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
_CODAS = ["n", "r", "l", "m", "s", "th", "nd", "rk", "ck", "x", "ld", "rn"]
_PLACE_ENDS = ["ford", "wick", "moor", "vale", "haven", "bury", "mouth", "stead", "holm", "dale"]
_OUTLET_KINDS = [
    "Courier",
    "Ledger",
    "Herald",
    "Gazette",
    "Observer",
    "Dispatch",
    "Sentinel",
    "Tribune",
    "Post",
    "Echo",
]
_GIVEN = ["Ardis", "Belen", "Corin", "Dasha", "Emrys", "Farah", "Goran", "Hesper", "Idris", "Jorun", "Kalla", "Lioba"]
_GIVEN += ["Maren", "Nilo", "Oskia", "Perrin", "Quilla", "Rasmo", "Selka", "Tavin", "Ulla", "Vesna", "Wendel", "Ysolde"]


def _syllable(rng: random.Random) -> str:
    return rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)


def _place(rng: random.Random) -> str:
    return (_syllable(rng) + rng.choice(_PLACE_ENDS)).capitalize()


def _surname(rng: random.Random) -> str:
    return (_syllable(rng) + _syllable(rng)).capitalize()


# --- sentence templates per language (written for this benchmark) ---------------------------------------------
# {place} {person} {role} {thing} {number} {day} {group} {word} are filled per story and per sentence.
_LANG: dict[str, dict[str, list[str]]] = {
    "en": {
        "titles": [
            "{thing} closes in {place} after {number} complaints",
            "{place} {group} votes on {thing} plan",
            "{person} warns of {word} delays at {place} {thing}",
            "Hundreds gather in {place} over {thing}",
            "{place} {thing} reopens, {group} says",
        ],
        "sentences": [
            "The {group} in {place} said on {day} that the {thing} would stay closed for {number} days.",
            "{person}, the {role}, told reporters the {word} closure had been expected for months.",
            '"We did not see this coming," said {person}, who has lived in {place} for {number} years.',
            "According to the {group}, about {number} residents were affected by the {word} closure.",
            "Officials in {place} declined to say when the {thing} would reopen.",
            "The decision follows a {word} review that found {number} problems with the {thing}.",
            "Critics called the plan a {word} gamble, while supporters said it was overdue.",
            "{person} said the {group} would meet again on {day} to discuss the {thing}.",
            "Local traders reported a {word} drop in visitors since the {thing} closed.",
            "The {role} added that {number} workers had been moved to other sites.",
        ],
        "words": ["sudden", "lengthy", "costly", "quiet", "bitter", "careful", "partial", "unusual", "steady"],
        "things": ["bridge", "library", "ferry", "market", "clinic", "school", "tram line", "harbour", "museum"],
        "groups": ["council", "committee", "board", "union", "trust", "assembly"],
        "roles": ["mayor", "spokesperson", "director", "chair", "inspector", "treasurer"],
    },
    "fr": {
        "titles": [
            "{place} : le {thing} ferme après {number} plaintes",
            "Le {group} de {place} vote sur le {thing}",
            "{person} annonce des retards {word} au {thing} de {place}",
        ],
        "sentences": [
            "Le {group} de {place} a indiqué {day} que le {thing} resterait fermé {number} jours.",
            "{person}, {role}, a déclaré que la situation était {word} depuis des mois.",
            "« Nous ne l'avions pas prévu », a dit {person}, qui vit à {place} depuis {number} ans.",
            "Selon le {group}, environ {number} habitants sont concernés.",
            "Les responsables de {place} n'ont pas précisé la date de réouverture du {thing}.",
            "Les commerçants constatent une baisse {word} de la fréquentation.",
        ],
        "words": ["soudaine", "longue", "coûteuse", "discrète", "nette", "partielle"],
        "things": ["pont", "marché", "musée", "port", "dispensaire", "collège"],
        "groups": ["conseil", "comité", "syndicat"],
        "roles": ["maire", "porte-parole", "directrice", "inspecteur"],
    },
    "de": {
        "titles": [
            "{place}: {thing} nach {number} Beschwerden geschlossen",
            "{group} in {place} stimmt über {thing} ab",
            "{person} warnt vor {word} Verzögerungen in {place}",
        ],
        "sentences": [
            "Der {group} in {place} teilte am {day} mit, dass die {thing} {number} Tage geschlossen bleibt.",
            "{person}, {role}, sagte, die Lage sei seit Monaten {word}.",
            "„Damit haben wir nicht gerechnet“, sagte {person}, die seit {number} Jahren in {place} lebt.",
            "Nach Angaben des {group} sind rund {number} Anwohner betroffen.",
            "Wann die {thing} wieder öffnet, sagten die Behörden in {place} nicht.",
            "Händler berichten von einem {word} Rückgang der Besucherzahlen.",
        ],
        "words": ["plötzlichen", "langen", "teuren", "leisen", "deutlichen", "teilweisen"],
        "things": ["Brücke", "Bibliothek", "Fähre", "Markthalle", "Klinik", "Schule"],
        "groups": ["Rat", "Ausschuss", "Vorstand"],
        "roles": ["Bürgermeisterin", "Sprecher", "Direktorin", "Prüfer"],
    },
    "es": {
        "titles": [
            "{place} cierra el {thing} tras {number} quejas",
            "El {group} de {place} vota sobre el {thing}",
            "{person} advierte de retrasos {word} en {place}",
        ],
        "sentences": [
            "El {group} de {place} dijo el {day} que el {thing} seguirá cerrado {number} días.",
            "{person}, {role}, afirmó que la situación era {word} desde hace meses.",
            "«No lo esperábamos», dijo {person}, que vive en {place} desde hace {number} años.",
            "Según el {group}, unos {number} vecinos se han visto afectados.",
            "Las autoridades de {place} no dijeron cuándo reabrirá el {thing}.",
            "Los comerciantes notan una caída {word} de visitantes.",
        ],
        "words": ["repentina", "larga", "costosa", "silenciosa", "clara", "parcial"],
        "things": ["puente", "mercado", "museo", "puerto", "ambulatorio", "colegio"],
        "groups": ["consejo", "comité", "sindicato"],
        "roles": ["alcaldesa", "portavoz", "directora", "inspector"],
    },
}
_LANGUAGES = [("en", 0.7), ("fr", 0.1), ("de", 0.1), ("es", 0.1)]
_DAYS = {"en": "Monday Tuesday Wednesday Thursday Friday", "fr": "lundi mardi mercredi jeudi vendredi"}
_DAYS |= {"de": "Montag Dienstag Mittwoch Donnerstag Freitag", "es": "lunes martes miércoles jueves viernes"}
_WORDS = re.compile(r"\w+")
_DAY_NAMES = {day for days in _DAYS.values() for day in days.split()}
# story sizes 1..12, weighted so the mean is about 5 articles (100,000 articles ~ 20,000 stories)
_SIZES = list(range(1, 13))
_SIZE_WEIGHTS = [10, 9, 10, 10, 10, 9, 8, 7, 5, 4, 3, 2]


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str
    language: str


@dataclass(frozen=True)
class Generated:
    """One stored article as the generator made it, with its page and the story it belongs to."""

    page: Page
    article: Article
    story: int
    vector: np.ndarray


def outlets(rng: random.Random, count: int = 40) -> list[Outlet]:
    made: dict[str, Outlet] = {}
    weights = [w for _, w in _LANGUAGES]
    while len(made) < count:
        place = _place(rng)
        name = f"The {place} {rng.choice(_OUTLET_KINDS)}"
        language = rng.choices([code for code, _ in _LANGUAGES], weights)[0]
        made.setdefault(name, Outlet(name, f"{place.lower()}-{len(made)}.example", language))
    return list(made.values())


def _vocabulary(rng: random.Random, size: int = 30_000) -> list[str]:
    """Made-up words, drawn Zipf-like below: a search index over real news sees many rare terms, not 200."""
    return list(dict.fromkeys(_syllable(rng) + (_syllable(rng) if rng.random() < 0.6 else "") for _ in range(size)))


def _filler(rng: random.Random, vocabulary: list[str]) -> str:
    ranks = np.minimum(np.random.default_rng(rng.getrandbits(32)).zipf(1.3, rng.randint(8, 16)), len(vocabulary))
    return " ".join(vocabulary[r - 1] for r in ranks).capitalize() + "."


def _fill(template: str, slots: dict[str, str], rng: random.Random, words: dict[str, list[str]]) -> str:
    return template.format(
        **slots,
        word=rng.choice(words["words"]),
        number=str(rng.randint(2, 900)),
    )


def generate(count: int, seed: int = 15) -> Iterator[Generated]:
    """`count` articles, story by story, in publication order within each story (stories interleave in time)."""
    rng = random.Random(seed)
    papers = outlets(rng)
    vocabulary = _vocabulary(rng)
    made = 0
    story = 0
    while made < count:
        size = min(rng.choices(_SIZES, _SIZE_WEIGHTS)[0], count - made)
        language = rng.choices([code for code, _ in _LANGUAGES], [w for _, w in _LANGUAGES])[0]
        lang = _LANG[language]
        writers = [o for o in papers if o.language == language] or papers
        began = START + timedelta(days=rng.uniform(0, SPAN_DAYS))
        person = f"{rng.choice(_GIVEN)} {_surname(rng)}"
        slots = {
            "place": _place(rng),
            "person": person,
            "role": rng.choice(lang["roles"]),
            "thing": rng.choice(lang["things"]),
            "group": rng.choice(lang["groups"]),
            "day": rng.choice(_DAYS[language].split()),
        }
        direction = np.asarray([rng.gauss(0, 1) for _ in range(DIM)], dtype=np.float32)
        for member in range(size):
            outlet = rng.choice(writers)
            published = began + timedelta(hours=rng.uniform(0, 72) * member)
            title = _fill(rng.choice(lang["titles"]), slots, rng, lang)
            title = title[0].upper() + title[1:]
            paragraphs = [
                " ".join(
                    [_fill(rng.choice(lang["sentences"]), slots, rng, lang) for _ in range(rng.randint(2, 4))]
                    + [_filler(rng, vocabulary)]
                )
                for _ in range(rng.randint(5, 9))
            ]
            noise = np.asarray([rng.gauss(0, 0.3) for _ in range(DIM)], dtype=np.float32)
            vector = direction + noise
            yield _article(
                outlet, story, member, title, paragraphs, published, language, vector / np.linalg.norm(vector)
            )
            made += 1
        story += 1


def _article(
    outlet: Outlet,
    story: int,
    member: int,
    title: str,
    paragraphs: list[str],
    published: datetime,
    language: str,
    vector: np.ndarray,
) -> Generated:
    url = f"https://{outlet.domain}/news/{published:%Y/%m/%d}/story-{story}-{member}"
    body = "\n\n".join(paragraphs)
    stamp = published.replace(microsecond=0).isoformat()
    raw = (
        f"<!doctype html><html lang={language}><head><title>{html.escape(title)}</title>"
        f'<meta property="og:site_name" content="{html.escape(outlet.name)}">'
        f'<meta property="article:published_time" content="{stamp}"></head><body><article>'
        f"<h1>{html.escape(title)}</h1>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        + "</article></body></html>"
    ).encode()
    article = Article(
        id=hashlib.sha256(url.encode()).hexdigest()[:16],
        url=url,
        outlet=outlet.name,
        title=title,
        published=stamp,
        language=language,
        body=body,
        canonical_url=url,
        content_hash=body_hash(body),
        method="html",
        confidence=0.9,
        captured=stamp,
    )
    page = Page(source=url, kind="html", raw=raw, url=url, content_type="text/html; charset=utf-8", captured=stamp)
    return Generated(page, article, story, vector)


def made_up_names(text: str) -> list[str]:
    """Capitalised words of a generated text that no template holds: its story's place and people, so a search
    for one finds that story and few others."""
    template_words = {w for lang in _LANG.values() for part in lang.values() for t in part for w in _WORDS.findall(t)}
    return [
        w
        for w in dict.fromkeys(_WORDS.findall(text))
        if w[0].isupper() and w not in template_words | _DAY_NAMES | set(_GIVEN)
    ]


def store_digest() -> str:
    """Digest of the store's code: a database built by older store code may lack what the new code derives."""
    digest = hashlib.sha256()
    folder = REPO / "src" / "manysides" / "store"
    for path in sorted(folder.rglob("*.py")):
        digest.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:10]


def corpus_path(count: int) -> Path:
    return CACHE / f"web-v{CORPUS_VERSION}-{count}-{store_digest()}.db"


def _features(item: tuple[Article, np.ndarray]) -> bytes:
    return compute(*item).to_bytes()


def _batches(items: Iterator[Generated], size: int = 1000) -> Iterator[list[Generated]]:
    while batch := list(itertools.islice(items, size)):
        yield batch


def build(path: Path, count: int, progress: bool = True) -> None:
    """Write `count` generated articles and their stories through the store's write path.

    Features are computed in a second process, a batch ahead, while this one writes: they cost as much as the
    writes, and the writes must stay in one process (SQLite has one writer)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.parent / ".gitignore").write_text("*\n")  # the cache is never part of the tree
    partial = path.with_name(path.stem + ".partial.db")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    pool = multiprocessing.get_context("fork").Pool(1)  # forked before any database connection exists
    store = Store(f"sqlite:///{partial}")
    stories = StoryStore(store)
    opened: dict[int, str] = {}
    started, done = time.perf_counter(), 0
    try:
        with pool:
            ahead: tuple[list[Generated], AsyncResult[list[bytes]]] | None = None
            for batch in itertools.chain(_batches(generate(count)), [None]):
                job = None if batch is None else pool.map_async(_features, [(i.article, i.vector) for i in batch])
                if ahead is not None:
                    for item, features in zip(ahead[0], ahead[1].get(), strict=True):
                        _, article_id = store.add(item.page, item.article)
                        sid = opened.setdefault(item.story, story_id(article_id))
                        stories.save(Assignment(article_id, sid, None, ()), features)
                        done += 1
                        if progress and done % 10_000 == 0:
                            rate = done / (time.perf_counter() - started)
                            print(f"  built {done:,}/{count:,} articles ({rate:.0f}/s)", file=sys.stderr, flush=True)
                ahead = None if batch is None or job is None else (batch, job)
    finally:
        store.close()
    partial.rename(path)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)


def corpus(count: int) -> Path:
    """The cached database for `count` articles, built first if this version has none yet."""
    path = corpus_path(count)
    if not path.exists():
        for old in CACHE.glob(f"web-v*-{count}-*.db"):
            old.unlink()
        print(
            f"building {count:,} fictional articles into {path} (once per corpus and store version)",
            file=sys.stderr,
            flush=True,
        )
        started = time.perf_counter()
        build(path, count)
        print(f"  built in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return path
