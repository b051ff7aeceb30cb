"""Word lists and the learned loaded-word model for framing.

Hedges and loaded terms are curated here from general journalism-style guidance; VADER valences come from the
lexicon inside the vaderSentiment wheel (MIT). None of these lists is derived from evaluation annotations; the cue
lists (`CUES`) are hand-written too, a few of their words prompted by half-A spans (see there).

`data/loaded_terms.json` is learned (by `python -m benchmarks.train_framing`) from the `lex` spans of BASIL half A
only: the weights of two logistic regressions over general features (VADER valence, rarity from the wordllama
tokenizer, part of speech and role, quote position, cue-list kind, degree, and the word's wordllama vector on a few
principal axes; a sentence's best word scores, cue counts, position, length and its vector on a few axes), the
axes themselves, the sentence threshold, and a learned lexicon of a few
words that lay inside lex spans in at least two different events with a smoothed rate at least ~9.5 times the
average word's. It holds no sentence or span text. The runtime needs numpy only; scikit-learn is used for fitting alone.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Token

# Hedges that doubt what someone says or what is reported ("allegedly", "Trump claims"): the outlet distancing
# itself from an actor's claim, shown as framing.
DOUBT_HEDGES = (
    "reportedly",
    "allegedly",
    "purportedly",
    "apparently",
    "supposedly",
    "reputedly",
    "ostensibly",
    "seemingly",
    "is said to",
    "are said to",
    "was said to",
    "were said to",
    "unconfirmed",
    "unverified",
    "according to reports",
    "is alleged",
    "was alleged",
    "claimed",
    "claims",
    "rumoured",
    "rumored",
)
# The writer's own caution about a fact ("appears to", "may have", "it is unclear"): a sentence feature for the
# learned model, never shown as an item, because it judges no actor (editors read it as noise, issue 14).
MODAL_HEDGES = (
    "is believed to",
    "are believed to",
    "is thought to",
    "are thought to",
    "is understood to",
    "appears to",
    "appeared to",
    "seems to",
    "seemed to",
    "may have",
    "might have",
    "could have",
    "it is unclear",
    "it remains unclear",
)
HEDGES = DOUBT_HEDGES + MODAL_HEDGES
# Words that judge while they describe: labels for people and groups, and emotive verbs and adjectives.
LOADED_TERMS = (
    "regime",
    "militant",
    "militants",
    "terrorist",
    "terrorists",
    "thug",
    "thugs",
    "extremist",
    "extremists",
    "radical",
    "radicals",
    "hardliner",
    "hardliners",
    "hard-line",
    "firebrand",
    "zealot",
    "fanatic",
    "fanatics",
    "jihadist",
    "jihadists",
    "puppet",
    "tyrant",
    "dictator",
    "despot",
    "cronies",
    "crony",
    "mob",
    "rioters",
    "strikebreakers",
    "scab",
    "scabs",
    "slammed",
    "slams",
    "blasted",
    "blasts",
    "lashed out",
    "ripped",
    "hostage",
    "held to ransom",
    "ransom",
    "chaos",
    "chaotic",
    "rampage",
    "massacre",
    "slaughter",
    "butchered",
    "brutal",
    "brutality",
    "atrocity",
    "atrocities",
    "barbaric",
    "savage",
    "vicious",
    "heinous",
    "draconian",
    "crackdown",
    "propaganda",
    "smear",
    "witch hunt",
    "hoax",
    "rigged",
    "scandal",
    "disgraced",
    "notorious",
    "so-called",
    "unprovoked",
    "aggression",
    "occupation",
    "occupied",
    "martyr",
    "martyrs",
    "devastating",
    "catastrophic",
    "disastrous",
    "outrageous",
    "shocking",
    "shameful",
    "disgraceful",
    "reckless",
    "irresponsible",
    "ruthless",
    "bloodthirsty",
    "illegal aliens",
    "amnesty",
    "handout",
    "handouts",
    "elitist",
    "elites",
    "far-right",
    "far-left",
    "ultra-nationalist",
    "socialist",
    "bombshell",
    "stunning",
    "stunned",
    "furious",
    "fury",
    "outrage",
    "outraged",
    "slam",
    "blast",
    "rant",
    "tirade",
    "meltdown",
    "debacle",
    "fiasco",
)


# Cue words for the learned model, by kind, as words or lemmas: hand-written from style guidance on words to watch
# (puffery, editorialising adverbs, loaded synonyms of "said") and from linguistics (factive and implicative verbs, as
# in Recasens et al. 2013 on biased language). A few entries were prompted by reading BASIL half-A lex spans (never
# half B), so count them as fitted on half A like the learned lexicon. They are features, and they decide which words
# may be shown (`emotive`); a word is shown only when the model also scores it and its sentence. Words with a common
# neutral sense ("attack", "crisis", "plead", "striking", "major") are left out on purpose.
CUES = {
    # Intensifiers and puffery: the writer grading size or importance.
    "intensity": (
        "massive huge enormous vast staggering stunning remarkable extraordinary dramatic dramatically sharply "
        "deeply hugely vastly utterly totally absolutely incredibly extremely unprecedented historic sweeping "
        "landmark monumental strikingly seismic explosive bombshell brazen blatant "
        "flagrant egregious outright sheer mere merely barely hardly scant meager paltry whopping towering "
        "severe severely fierce fiercely bitter bitterly heated intense intensely fervent vehement vehemently "
        "relentless relentlessly aggressive aggressively overwhelming overwhelmingly"
    ),
    # Editorialising adverbs and stance markers: the writer telling the reader what to think of a fact.
    "stance": (
        "clearly obviously evidently plainly undoubtedly certainly surely notably interestingly ironically "
        "curiously conveniently tellingly unfortunately fortunately tragically sadly regrettably surprisingly "
        "shockingly predictably inevitably arguably admittedly essentially simply actually really supposedly "
        "purportedly ostensibly seemingly apparently allegedly"
    ),
    # Loaded synonyms of "said" and of "criticised": attack, complaint, boast, retreat.
    "speech": (
        "slam blast assail castigate lambaste excoriate berate rip bash hammer torch skewer pummel rail lash "
        "chide scold rebuke denounce decry mock ridicule deride sneer taunt fume rant whine complain gripe "
        "grumble moan boast brag tout crow gloat trumpet insist claim allege assert contend concede admit "
        "confess beg scramble dodge duck evade sidestep backtrack cave capitulate balk bristle snap "
        "erupt explode seethe spar clash feud squabble bicker lecture scoff slap smear vilify "
        "demonize disparage belittle dismiss flout defy thwart sabotage"
    ),
    # Factive and implicative verbs: they presuppose the writer's view of what is true or what was attempted.
    "presuppose": (
        "reveal expose realize acknowledge discover uncover exploit manipulate refuse neglect dare bother "
        "ignore downplay gloss peddle spin stoke fuel inflame exacerbate cripple gut doom derail "
        "jeopardize undermine impose ram strip"
    ),
    # Figurative verbs and nouns of political combat and manoeuvre: the writer's colour, not the event's facts.
    "figurative": (
        "pounce seize torpedo bulldoze steamroll blindside ambush stonewall grandstand pander posture waffle "
        "dither flip-flop backpedal lurch flail stumble bungle botch fumble squander wolf flirt muddy hype "
        "cherry-pick meddle bully browbeat strong-arm rubber-stamp railroad hijack weaponize saber-rattling "
        "bombast bluster swagger tirade diatribe screed broadside salvo barrage onslaught jab swipe potshot "
        "firestorm uproar furor frenzy circus spectacle charade sham farce stunt ploy gambit scheme"
    ),
    # States and manners that judge a person: temper, panic, weakness, disgrace.
    "character": (
        "desperate desperately furious angry angrily testy combative defiant hostile nasty petty "
        "embattled beleaguered besieged panicked frantic frantically reckless arrogant smug dismissive "
        "condescending divisive incendiary inflammatory toxic ugly vicious cynical cynically hypocritical "
        "hypocrisy shameless brazenly disgraced embarrassing embarrassment humiliating humiliation "
        "controversial controversy notorious infamous dubious questionable shady murky bizarre erratic "
        "unhinged insane crazy absurd ridiculous outlandish baseless false falsely misleading lie lies lying "
        "liar failure flawed chaos turmoil mess disaster debacle fiasco meltdown"
    ),
}
CUE_KINDS = tuple(CUES)
_CUE_OF = {word: kind for kind, words in CUES.items() for word in words.split()}


def cue_kind(token: Token) -> str | None:
    """The cue list a word, or its lemma, is in (None for none)."""
    return _CUE_OF.get(token.lower_, _CUE_OF.get(token.lemma_.lower()))


def is_cue(token: Token) -> bool:
    """Whether a word, or its lemma, is in one of the cue lists."""
    return cue_kind(token) is not None


# Degree adverbs that mark the word they modify as heightened ("deeply troubling").
_INTENSIFIERS = frozenset(
    ("very", "so", "too", "extremely", "incredibly", "deeply", "highly", "really", "most", "utterly", "truly")
)


def _pattern(words: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    escaped = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(escaped) + r")\b", re.IGNORECASE)


HEDGE_PATTERN = _pattern(HEDGES)
DOUBT_PATTERN = _pattern(DOUBT_HEDGES)
LOADED_PATTERN = _pattern(LOADED_TERMS)


@cache
def vader_valence() -> dict[str, float]:
    """Word -> VADER valence (-4 .. 4) from the lexicon inside the vaderSentiment wheel; empty if it is absent."""
    try:
        import vaderSentiment
    except ImportError:
        return {}
    path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    valence = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and re.fullmatch(r"[a-z][a-z'-]+", parts[0]):
            valence[parts[0]] = float(parts[1])
    return valence


# The learned loaded-word model (see benchmarks/train_framing.py): a logistic regression over each content word's
# features scores words, and a second one over sentence features (best word scores, position, length, the sentence
# vector) decides which sentences carry loaded language; each such sentence shows its best-scoring word.
MODEL_PATH = Path(__file__).parent / "data" / "loaded_terms.json"
WORD_POS = ("ADJ", "ADV", "VERB", "NOUN")


@cache
def loaded_model() -> dict | None:
    """The shipped weights, or None when the data file is missing (framing then falls back to VADER alone)."""
    if not MODEL_PATH.exists():
        return None
    import json

    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def is_candidate(token: Token) -> bool:
    """Content words that can carry a judgement; names and function words cannot."""
    return token.pos_ in WORD_POS and token.is_alpha and not token.ent_type_ and not token.is_stop


_DEPS = ("amod", "advmod", "acomp", "ROOT", "dobj", "xcomp", "compound")


@cache
def _rarity(word: str) -> tuple[float, float]:
    """How rare a word is, from the wordllama tokenizer: words split into more pieces, and single pieces with later
    ids, are rarer (its BPE ids follow merge order, which follows frequency). Colourful words tend to be rare."""
    from manysides.compare.embed import _model

    ids = _model().tokenizer.encode(word).ids[1:]
    if not ids:
        return 0.0, 0.0
    return min(len(ids) - 1, 3) / 3, float(np.log(ids[0] + 1) / np.log(32000)) if len(ids) == 1 else 1.0


# Columns of `word_features` rows after the word's 256-dimensional vector, by name; `emotive` and
# `sentence_features` read some of them.
VECTOR_DIMS = 256
WORD_FEATURES = (
    *("valence_strength", "valence_any", "valence", "rarity_pieces", "rarity_rank"),
    *(f"pos_{p.lower()}" for p in WORD_POS),
    *(f"dep_{d.lower()}" for d in _DEPS),
    *("near_actor", "hyphenated", "in_long_quote", "in_quote", "curated"),
    *(f"cue_{k}" for k in CUE_KINDS),
    *("superlative", "comparative", "intensified", "learned_lexicon"),
)
_COL_VALENCE = VECTOR_DIMS + WORD_FEATURES.index("valence_strength")
_COL_LONG_QUOTE = VECTOR_DIMS + WORD_FEATURES.index("in_long_quote")
_COL_CURATED = VECTOR_DIMS + WORD_FEATURES.index("curated")
_COL_CUES = slice(VECTOR_DIMS + WORD_FEATURES.index(f"cue_{CUE_KINDS[0]}"), _COL_CURATED + 1 + len(CUE_KINDS))
SENTENCE_FEATURES = (
    *(
        "top_word_1",
        "top_word_2",
        "top_word_3",
        "log_position",
        "first_sentence",
        "in_first_three",
        "log_words",
        "long_quote_share",
    ),
    *("strong_valence_words", "curated_term", "hedge", "short_quote", "cue_words", "own_cue_words", "words_over_half"),
    *("words_over_0.7", "mean_word_score", "log_candidates"),
)


def project(vectors: np.ndarray, projection: np.ndarray) -> np.ndarray:
    """Word vectors on a few principal axes: `projection` holds the axes with the training words' mean last."""
    return (vectors - projection[-1]) @ projection[:-1].T


def model_inputs(words: np.ndarray, model: dict) -> np.ndarray:
    """The word model's inputs from `word_features` rows, as the data file says it was fitted: the word vector whole,
    projected (`word_projection`) or left out (fewer weights that learn one story's words)."""
    size = len(model["word"]["weights"])
    if "word_projection" in model:
        axes = np.asarray(model["word_projection"])
        return np.hstack([project(words[:, :VECTOR_DIMS], axes), words[:, VECTOR_DIMS:]])
    return words if size == words.shape[1] else words[:, VECTOR_DIMS:]


def sentence_vector_inputs(model: dict) -> tuple[bool, np.ndarray | None]:
    """Whether the sentence model reads the sentence's vector, and the axes it was projected on (None: whole)."""
    if "sentence_projection" in model:
        return True, np.asarray(model["sentence_projection"])
    return len(model["sentence"]["weights"]) > len(SENTENCE_FEATURES), None


def word_features(
    tokens: list[Token], long_quote: list[bool], quoted: list[bool], learned: dict[str, float] | None = None
) -> np.ndarray:
    """One row per word: its static vector, VADER valence, rarity, part of speech and role, quote position,
    curated-list hit, and last the learned lexicon's log-odds for the word (0 when it is not listed)."""
    from manysides.compare.embed import embed

    if not tokens:
        return np.zeros((0, VECTOR_DIMS + len(WORD_FEATURES)), dtype=np.float32)
    valence = vader_valence()
    vectors = embed([t.lower_ for t in tokens])
    rows = []
    for token, long_, quote in zip(tokens, long_quote, quoted, strict=True):
        v = valence.get(token.lower_, valence.get(token.lemma_.lower(), 0.0))
        near_actor = token.head.ent_type_ in {"PERSON", "ORG", "NORP"} or any(
            c.ent_type_ in {"PERSON", "ORG", "NORP"} for c in token.children
        )
        hyphen = (token.i + 1 < len(token.doc) and token.nbor(1).text == "-") or (
            token.i > 0 and token.nbor(-1).text == "-"
        )
        kind = cue_kind(token)
        intensified = any(c.dep_ == "advmod" and c.lower_ in _INTENSIFIERS for c in token.children)
        rows.append(
            [abs(v) / 4, float(v != 0), v / 4, *_rarity(token.lower_)]
            + [float(token.pos_ == p) for p in WORD_POS]
            + [float(token.dep_ == d) for d in _DEPS]
            + [float(near_actor), float(hyphen)]
            + [float(long_), float(quote), float(bool(LOADED_PATTERN.fullmatch(token.text)))]
            + [float(kind == k) for k in CUE_KINDS]
            + [float(token.tag_ in {"JJS", "RBS"}), float(token.tag_ in {"JJR", "RBR"}), float(intensified)]
            + [(learned or {}).get(token.lower_, 0.0)]
        )
    return np.hstack([vectors, np.asarray(rows, dtype=np.float32)])


def emotive(words: np.ndarray) -> np.ndarray:
    """Per word row whether the word itself is evidence of judgement (a VADER valence of at least 1.5, a cue or
    curated word, or a learned lexicon word): only such a word is shown for a loaded sentence, so that the report
    does not point at "harbour" or "midterm" because the sentence around it reads as loaded."""
    return (
        (words[:, _COL_VALENCE] >= 1.5 / 4)
        | (words[:, _COL_CURATED] > 0)
        | (words[:, _COL_CUES].sum(axis=1) > 0)
        | (words[:, -1] > 0)
    )


def judging_noun(row: np.ndarray) -> bool:
    """Whether a noun's row shows it judges rather than names: on a curated, cue or learned list, or of strong VADER
    valence (2 of 4). The mild valence enough for an adjective (`emotive`: 1.5) is not enough for a noun, because
    mildly charged nouns mostly name the event itself ("emergency"), which any outlet has to call by its name."""
    return bool(row[_COL_CURATED] > 0 or row[_COL_CUES].sum() > 0 or row[-1] > 0 or row[_COL_VALENCE] >= 2.0 / 4)


def sentence_features(
    index: int, text: str, n_words: int, long_quote_share: float, scores: list[float], words: np.ndarray
) -> list[float]:
    """The scalar features of one sentence from its text and its candidate words' rows and scores; the sentence's
    static vector is appended by the caller. Cue words outside long quotes are the writer's own choice."""
    top = [*sorted(scores, reverse=True), 0.0, 0.0, 0.0]
    values = np.asarray(scores, dtype=np.float32)
    cues = words[:, _COL_CUES].sum(axis=1) if len(words) else np.zeros(0)
    own = float((cues * (1 - words[:, _COL_LONG_QUOTE])).sum()) if len(words) else 0.0
    valence = vader_valence()
    strong = sum(abs(valence.get(w.lower(), 0.0)) >= 2 for w in re.findall(r"[A-Za-z'-]+", text))
    short_quote = any(0 < len(q.split()) <= 3 for q in re.findall(r"[\"\u201c]([^\"\u201d]+)[\"\u201d]", text))
    return [
        top[0],
        top[1],
        top[2],
        float(np.log1p(index)),
        float(index == 0),
        float(index < 3),
        float(np.log1p(n_words)),
        long_quote_share,
        float(np.log1p(strong)),
        float(bool(LOADED_PATTERN.search(text))),
        float(bool(HEDGE_PATTERN.search(text))),
        float(short_quote),
        float(np.log1p(cues.sum())),
        float(np.log1p(own)),
        float(np.log1p((values >= 0.5).sum())),
        float(np.log1p((values >= 0.7).sum())),
        float(values.mean()) if len(values) else 0.0,
        float(np.log1p(len(values))),
    ]


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))
