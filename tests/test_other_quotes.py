# ruff: noqa: RUF001 - the test sentences are Arabic, Hebrew and Turkish by design
"""Quotes and their speakers outside English (`understand/other_quotes.py`): each shape of attribution a
language's news uses, quote marks that credit nobody, and what a comparison shows of them. Sentences written for
these tests (fictional towns, people and outlets); the set in tests/data/multilingual_quotes is our own writing
too, and its floor catches a clear regression."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from manysides.compare.engine import compare
from manysides.records.article import Article
from manysides.understand import analyse_many
from manysides.understand.other_marks import quoted_passages
from manysides.understand.other_quotes import attributions
from tests.helpers import provided_article

QUOTES = Path(__file__).parent / "data" / "multilingual_quotes"


def _speakers(sentences: list[str], language: str) -> list[list[tuple[str, str]]]:
    """(speaker, kind) of each sentence, read with no other article confirming a name."""
    found = attributions(sentences, [[] for _ in sentences], language)
    return [[(a.speaker, a.kind) for a in credited] for credited, _ in found]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("de", "„Wir können keine Risiken eingehen“, sagte Bürgermeisterin Karin Feld am Montag.", "Karin Feld"),
        ("de", "Karin Feld sagte, die Reparatur werde drei Wochen dauern.", "Karin Feld"),
        ("de", "Laut Polizei wurde niemand verletzt.", "Polizei"),
        # a figure parts two capitalised words: "Stand 18 Uhr" names no one the ministry's words could be
        ("de", "Laut Angaben des Ministeriums, Stand 18 Uhr, sind 66 Menschen erkrankt.", "Angaben des Ministeriums"),
        ("fr", "Le maire Paul Martin a communiqué que le feu était maîtrisé.", "Paul Martin"),
        ("de", "Das teilte die Stadtverwaltung am Dienstag mit.", "Stadtverwaltung"),
        ("fr", "« Nous ne prendrons aucun risque », a déclaré la maire Karin Feld lundi.", "Karin Feld"),
        ("fr", "Selon la préfecture, personne n'a été blessé.", "préfecture"),
        ("es", "«No podemos correr ningún riesgo», dijo el alcalde, Andrés Polo, en rueda de prensa.", "Andrés Polo"),
        ("es", "«Es la peor sequía en décadas», zanjó la consejera María Soler.", "María Soler"),
        ("tr", 'Belediye Başkanı Ayşe Demir, "Hiçbir risk alamayız" dedi.', "Ayşe Demir"),
        ("tr", "Polise göre kimse yaralanmadı.", "Polise"),
        ("tr", "Bakan Ayşe Demir, Erdoğan'a teşekkür etti.", "Ayşe Demir"),  # the dative is whom she thanked
        ("de", "Intendant Jonas Wehrli: „Wir wollten ein Stück, das hier spielt.“", "Jonas Wehrli"),  # a colon
        ("pl", "„Most będzie zamknięty do maja” – powiedziała burmistrz Anna Nowak.", "Anna Nowak"),
        ("ar", "وقالت رئيسة البلدية كارين فيلد إن المدينة لا تستطيع المخاطرة.", "رئيسة البلدية كارين فيلد"),
        ("he", 'לדברי יו"ר הוועדה, ההחלטה התקבלה פה אחד.', 'יו"ר הוועדה'),
        ("he", 'חברת התחבורה "קו ירוק" הודיעה היום על שינוי בלוחות הזמנים.', "קו ירוק"),  # a body named in marks
    ],
)
def test_speaker_beside_its_cue(language: str, sentence: str, expected: str) -> None:
    """The speaker is read beside the cue: before it, after it (inverted), after "according to", set off by
    commas after a title, or opening a verb-final sentence."""
    found = [speaker for speaker, _ in _speakers([sentence], language)[0]]
    assert len(found) == 1 and found[0].endswith(expected), found  # a title may stay before a name


@pytest.mark.parametrize(
    ("language", "sentences", "expected"),
    [
        # where no word takes a capital, a known given name tells the person after a title
        ("ar", ["وقال مدير الميناء العميد سامر حداد إن الرصيف سيغلق."], "سامر حداد"),
        ("he", ['יו"ר הוועדה, עו"ד רונית אלמוג, אמרה כי ההחלטה סופית.'], "אלמוג"),
        ("he", ['ד"ר נועה ברגר, מומחית לאיכות מים, אמרה כי אין סכנה.'], "נועה ברגר"),
        # a surname alone after a full name opened by a given name of the language
        (
            "de",
            ["Richter Jens Albrecht verkündete das Urteil.", "„Das war kein Versehen“, sagte Albrecht."],
            "Jens Albrecht",
        ),
        # titles shortened with a period inside a sentence
        ("tr", ["Hidrolog Prof. Dr. Aylin Kaya, sorunun büyük olduğunu söylüyor."], "Aylin Kaya"),
    ],
)
def test_names_known_as_given_names(language: str, sentences: list[str], expected: str) -> None:
    """A given name of the language (`data/given_names_other.tsv`) marks the person among titles and nouns."""
    found = [speaker for speaker, _ in _speakers(sentences, language)[-1]]
    assert len(found) == 1 and found[0].endswith(expected), found


def test_an_aside_inside_the_quote_and_an_interview_answer() -> None:
    """Spanish sets its cue off by dashes inside the quote («... —aseguró la alcaldesa—.»), and an interview gives
    the person named before, then a colon, with no quote marks."""
    spanish = ["«No ha salido ningún dato de nuestros servidores —aseguró la alcaldesa, Rosa Vidal Mir—.»"]
    assert _speakers(spanish, "es") == [[("Rosa Vidal Mir", "quote")]]
    german = ["Die Biologin Marlene Weiß forscht seit Jahren am See.", "Weiß: Dem See geht es nicht gut."]
    assert _speakers(german, "de")[1] == [("Marlene Weiß", "quote")]
    assert _speakers(["Fazit: Der See braucht Hilfe."], "de") == [[]]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("de", "Für die Ärztin Karin Feld, die seit Jahren am See forscht, ist das Wasser zu warm.", "Karin Feld"),
        ("fr", "Pour la maire, Claire Mazet, la digue doit être reconstruite.", "Claire Mazet"),
        ("es", "Para la asociación vecinal Río Limpio, en cambio, la obra llega tarde.", "Río Limpio"),
    ],
)
def test_an_opinion_opening_the_sentence_is_according_to(language: str, sentence: str, expected: str) -> None:
    """ "Für X, ...", "Pour X, ...", "Para X, ...": X's view; a pronoun or a noun is no one's view."""
    assert _speakers([sentence], language) == [[(expected, "according_to")]]
    assert _speakers(["Pour lui, la digue doit être reconstruite."], "fr") == [[]]
    assert _speakers(["Für die Stadt ist das zu teuer."], "de") == [[]]


def test_an_arabic_title_may_hold_a_preposition_before_the_name() -> None:
    """ "النائب عن كتلة الإصلاح فراس حداد": the MP for a bloc, then his name, past the preposition."""
    found = _speakers(["ووصف النائب عن كتلة الإصلاح فراس حداد المشروع بأنه مكلف."], "ar")
    assert found == [[("فراس حداد", "paraphrase")]]


def test_a_pronoun_or_verb_of_one_sex_passes_over_a_speaker_of_the_other() -> None:
    """ "Zapowiedziała" (she announced) after a man spoke goes back to the woman named before him."""
    polish = [
        "Radna Joanna Wilk powiedziała, że decyzja jest zła.",
        "Burmistrz Adam Nowak odpowiedział, że most zostanie zamknięty.",
        "Zapowiedziała też, że odwoła się od decyzji.",
    ]
    assert _speakers(polish, "pl")[2] == [("Joanna Wilk", "paraphrase")]


def test_an_unnamed_subject_is_no_speaker_named_before() -> None:
    """ "Eine Anwohnerin ... berichtet" is someone new, and "nie podała" (did not give) credits nobody."""
    german = ["„Wir bauen neu“, sagte Karin Feld.", "Eine Anwohnerin, die anonym bleiben möchte, berichtet von Lärm."]
    assert _speakers(german, "de")[1] == [("Anwohnerin", "paraphrase")]
    assert _speakers(["Rzeczniczka firmy nie podała nazwy dostawcy."], "pl") == [[]]
    witnesses = ["Jens Albrecht sprach von Glück.", "Das Feuer war gelöscht, wie Augenzeugen berichteten."]
    assert _speakers(witnesses, "de")[1] == [("Augenzeugen", "paraphrase")]  # a bare plural, not Albrecht


def test_pronouns_and_dropped_subjects_take_the_speaker_before() -> None:
    """ "sagte sie", "a-t-elle ajouté" and Spanish's dropped subject hand the words to the speaker named before,
    not to an "according to" source between them."""
    german = [
        "Karin Feld sagte, die Brücke sei sicher.",
        "Laut Polizei gab es keine Verletzten.",
        "„Wir bauen neu“, sagte sie.",
    ]
    assert _speakers(german, "de") == [
        [("Karin Feld", "paraphrase")],
        [("Polizei", "according_to")],
        [("Karin Feld", "quote")],
    ]
    french = ["« Le pont tiendra », a déclaré Paul Martin.", "Les travaux dureront trois semaines, a-t-il ajouté."]
    assert _speakers(french, "fr")[1] == [("Paul Martin", "paraphrase")]
    spanish = ["La alcaldesa Rosa Vidal dijo que el agua es potable.", "Añadió que las obras durarán un mes."]
    assert _speakers(spanish, "es")[1] == [("Rosa Vidal", "paraphrase")]


def test_swiss_german_cues_are_read_with_ss_for_sharp_s() -> None:
    """Swiss German writes "hiess es" for "hieß es": the same impersonal cue, handing the words on."""
    swiss = ["Karin Feld sagte, die Brücke sei sicher.", "Die Stadt will neu bauen, hiess es weiter."]
    assert _speakers(swiss, "de")[1] == [("Karin Feld", "paraphrase")]


def test_a_quote_over_several_sentences_is_the_closing_speaker() -> None:
    """“... . ... .”, said Guzmán: the sentence that opens the quote is his too."""
    sentences = ["“Debemos apoyar lo nuestro.", "Es un zapato de calidad”, resaltó Roy Guzmán."]
    assert [s for s, _ in _speakers(sentences, "es")[0]] == ["Roy Guzmán"]


def test_two_speakers_joined_by_and() -> None:
    sentence = (
        "Kulturdezernentin Petra Olschewski und der Vorsitzende des Fördervereins, Rainer Busch, lobten das Programm."
    )
    found = [s for s, _ in _speakers([sentence], "de")[0]]
    assert len(found) == 2 and found[0].endswith("Petra Olschewski") and found[1] == "Rainer Busch"


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "L'opération « Brac solidaire », lancée par des commerçants du port, livre les colis."),
        ("tr", "Festivalin büyük ödülü “Sessiz Liman” filmine verildi."),
        ("de", "Der Film „Das stille Dorf“ läuft ab Donnerstag im Kino am Markt."),
        ("es", "El libro «La casa del río» se presentó ayer en Villa Cardo."),
    ],
)
def test_titles_and_names_in_quote_marks_credit_nobody(language: str, sentence: str) -> None:
    assert _speakers([sentence], language) == [[]]


def test_hebrew_gershayim_is_no_quote_mark() -> None:
    """The straight double mark inside an abbreviation (the one for "chairman") opens no quotation."""
    assert quoted_passages('לדברי יו"ר הוועדה, ההחלטה התקבלה.')[0] == []
    assert quoted_passages('הוא אמר: "אנחנו נבנה מחדש".')[0] == [(9, 26)]


def test_a_stray_mark_does_not_quote_the_rest_of_the_article() -> None:
    """A quote closed with the wrong mark runs on for at most three sentences, then counts as a stray mark."""
    sentences = ["„Es gibt keine Lösung.»", "Der Rat tagt am Montag.", "Die Stadt plant neu.", "Es regnet.", "Ende."]
    found = attributions(sentences, [[] for _ in sentences], "de")
    assert all(not quotes for _, quotes in found[1:])


def test_a_language_without_cue_words_reads_no_speakers() -> None:
    assert attributions(["„Wir bauen neu“, sagte sie."], [[]], "xx") == [([], [(0, 15)])]


def _article(id: str, language: str, outlet: str, body: str) -> Article:
    return provided_article(id, body, language=language, outlet=outlet)


def test_report_lists_whom_each_outlet_cites_in_any_language() -> None:
    """A German and a French report of one closure: each cites the mayor, and the note says quotes are read."""
    german = _article(
        "de",
        "de",
        "tagesbote.example",
        "Die Brücke über die Selke bleibt gesperrt.\n\n„Wir können keine Risiken eingehen“, sagte Bürgermeisterin "
        "Karin Feld am Montag.\n\nLaut Polizei wurde niemand verletzt.",
    )
    french = _article(
        "fr",
        "fr",
        "lecourrier.example",
        "Le pont sur la Selke reste fermé.\n\n« Nous ne pouvons prendre aucun risque », a déclaré la maire Karin "
        "Feld lundi.",
    )
    report = compare([german, french])
    cited = {a.id: a.cited_sources for a in report.articles}
    assert cited["de"] == ["Karin Feld", "Polizei"] and cited["fr"] == ["Karin Feld"]  # "laut Polizei" cites it
    assert {(v.article, v.speaker, v.quoted) for v in report.voices} >= {
        ("de", "Karin Feld", 1),
        ("fr", "Karin Feld", 1),
    }
    assert any("Quotes and their speakers are read in de, fr" in note for note in report.notes)


def _fixture_scores(folder: Path = QUOTES) -> tuple[int, int, int, int]:
    """(found, gold, right, credited) over every non-English article of one of our own sets."""
    found = gold = right = credited = 0
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["language"] == "en":
            continue
        for item in data["articles"]:
            body = "\n\n".join(s["text"] for s in item["sentences"])
            text = analyse_many([_article(item["id"], data["language"], item["outlet"], body)])[0]
            wanted = {s["text"]: s["speakers"] for s in item["sentences"]}
            for sentence in text.sentences:
                want = [g["speaker"] for g in wanted.get(sentence.text, [])]
                have = [a for a in sentence.attributions]
                gold += len(want)
                credited += len(have)
                found += sum(any(_same(w, a.speaker, a.named) for a in have) for w in want)
                right += sum(any(_same(w, a.speaker, a.named) for w in want) for a in have)
    return found, gold, right, credited


def _same(gold: str | None, speaker: str, named: bool) -> bool:
    if gold is None:
        return not named
    return gold.split()[-1].lower() in speaker.lower().split()


@pytest.mark.parametrize(
    ("folder", "recall", "precision"),
    [(QUOTES, 0.60, 0.70), (QUOTES.parent / "multilingual_quotes_holdout", 0.62, 0.76)],
    ids=["first set", "second set"],
)
def test_quality_floor_on_our_own_sets(folder: Path, recall: float, precision: float) -> None:
    """Recall and precision of speakers over two of our own sets in seven languages (both development data now)
    stay above a floor set clearly below what `python -m benchmarks.speakers_multilingual` measures (a clear
    regression fails); the later sets are kept for figures only."""
    found, gold, right, credited = _fixture_scores(folder)
    assert found / gold >= recall and right / credited >= precision, (found, gold, right, credited)


def test_any_run_of_marks_and_cue_words_reads_without_error() -> None:
    """Hostile or garbled text: stray and mismatched quote marks, cue words with nothing around them."""
    import random

    pieces = ["„", "“", "”", "«", "»", '"', ",", ":", "–", "sagte", "laut", "zufolge", "Karin", "Feld", "a-t-il"]
    pieces += ["dijo", "según", "قال", "بحسب", "dedi", "göre", "Erdoğan'a", "według", "אמר", 'יו"ר', "se", "que", "."]
    generator = random.Random(29)
    for language in ("de", "fr", "es", "ar", "tr", "pl", "he", "xx"):
        for _ in range(50):
            sentences = [
                " ".join(generator.choice(pieces) for _ in range(generator.randint(0, 20)))
                for _ in range(generator.randint(1, 5))
            ]
            found = attributions(sentences, [[] for _ in sentences], language, [0] * len(sentences))
            assert len(found) == len(sentences)


def test_a_dropped_subject_after_a_sentence_opening_name_is_that_persons() -> None:
    """ "El alcalde, Ramón Aguirre, culpó ... y anunció que ...": the cue's dropped subject is the person the sentence
    opens with, not the speaker of the sentence before (the editor's read: the mayor's words credited to the grid
    chief). Fictional people."""
    found = _speakers(
        [
            "La consejera delegada de Redelca, Inés Mardones, atribuyó la avería a un transformador.",
            "«Pedimos disculpas a todos los ciudadanos», afirmó.",
            "El alcalde, Ramón Aguirre, culpó a la empresa de «años de falta de inversión» y anunció una demanda.",
        ],
        "es",
    )
    assert [s for s, _ in found[1]] == ["Inés Mardones"]
    assert [s for s, _ in found[2]] == ["Ramón Aguirre"]


def test_a_name_with_a_case_ending_closes_there() -> None:
    """Turkish "Demir'in Konya'da" is "Demir's, in Konya": two names, neither of them a longer name of the speaker
    (the editor's read: a surname's "... dedi" was credited to such a pair of words). Two Demirs are named, so the
    surname alone stays as written. Fictional sentences."""
    sentences = [
        "Çiftçi Kemal Demir, tarlasında bir küp buldu.",
        "Demir, “Küreğim bir şeye çarptı” dedi.",
        "Demir'in Konya'da yaşayan kardeşi Hasan Demir, “Çok şaşırdık” dedi.",
    ]
    assert _speakers(sentences, "tr") == [[], [("Demir", "quote")], [("Hasan Demir", "quote")]]


def test_a_cue_word_right_after_an_opening_article_is_a_noun() -> None:
    """Spanish "sentencia" is also "sentenciar" (to state): "La sentencia considera probado que cobró ..." is the
    ruling's finding, not a dropped subject handing it to the man convicted (the editor's read of holdout3 verdict).
    Fictional sentences."""
    sentences = [
        "Un tribunal condenó este jueves al exalcalde Tomás Ferrer por cohecho.",
        "«Soy inocente», dijo Ferrer tras la lectura.",
        "La sentencia considera probado que cobró dos millones de euros en sobornos.",
    ]
    assert _speakers(sentences, "es")[2] == [("sentencia", "paraphrase")]


def test_a_figure_ends_a_source_and_a_name() -> None:
    """ "nach Angaben des Wetterdienstes 180 Liter Regen": the source is the weather service; the figure parts it
    from the nouns after it, which no name runs across (the editor's second read: "Wetterdienstes Liter Regen" was
    cited). Fictional sentence."""
    sentence = ["Innerhalb von zwölf Stunden fielen nach Angaben des Wetterdienstes 180 Liter Regen pro Quadratmeter."]
    assert _speakers(sentence, "de") == [[("Wetterdienstes", "according_to")]]


def test_a_plural_noun_set_off_at_the_opening_is_the_subject() -> None:
    """Turkish "Yetkililer, ... vurgulad\u0131" (the officials stressed): the plural noun before the comma is the
    subject, not a dropped one handing the words to the mayor quoted before (the editor's second multilingual
    read). Fictional sentences."""
    sentences = [
        "Belediye Başkanı Kemal Oral, “Durum kontrol altında” dedi.",
        "Yetkililer, barajın güvenli olduğunu vurguladı.",
    ]
    assert _speakers(sentences, "tr")[1] == [("Yetkililer", "paraphrase")]


def test_no_title_reaches_across_a_speech_verb_or_a_figure() -> None:
    """ "Die Kammer schätzt, dass rund 3000 Hektar Ackerland ...": the capitalised nouns after the figure are no
    name with "Kammer" as its title, so the estimate stays the chamber's (the editor's multilingual read of the
    flood: it was credited to "Hektar Ackerland"). Fictional sentence."""
    sentence = ["Die Landwirtschaftskammer schätzt, dass rund 3000 Hektar Ackerland unter Wasser stehen."]
    assert _speakers(sentence, "de") == [[("Landwirtschaftskammer", "paraphrase")]]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Według związku zawodowego do protestu przyłączyło się około 4200 pracowników.", "związku zawodowego"),
        ("Według sanepidu do szpitala trafiło dwoje dzieci.", "sanepidu"),
        ("Według Komendy Policji w Łukowcu strażacy interweniowali ponad 200 razy.", "Komendy Policji w Łukowcu"),
    ],
)
def test_a_polish_source_without_a_comma_ends_where_the_clause_begins(sentence: str, source: str) -> None:
    """Polish "według X" needs no comma after X: the source ends at a function word before a word in lower case,
    at a figure, or at the first word in lower case after a name, not at the sentence's end (the editor's
    multilingual read: "związku zawodowego do protestu przyłączyło się około pracowników" was cited). Fictional
    sentences."""
    assert _speakers([sentence], "pl") == [[(source, "according_to")]]


def test_a_description_after_a_postposed_cue_speaks_not_a_name_the_sentence_compares_with() -> None:
    """ "Anders als Präsident Ivo Brandt sehe er ..., erklärte der derzeitige Favorit": the one who explains is the
    favourite the words after the cue describe (adjective and all), not Brandt, whom the sentence opens by comparing
    (the editor's read of a German SemEval pair credited the quote to the president). Fictional sentence."""
    sentence = [
        "Anders als Präsident Ivo Brandt sehe er den Hafen nicht als Gefahr an, erklärte der derzeitige Favorit im "
        "Bewerberfeld."
    ]
    assert _speakers(sentence, "de") == [[("derzeitige Favorit", "paraphrase")]]


def test_an_arabic_cue_joined_by_and_shares_the_opening_verbs_subject() -> None:
    """ "وأعرب وزير النقل عن تعازيه ... ووعد بمراجعة ..." (the transport minister expressed ... and promised ...):
    the promise is the minister's, the subject of the verb the sentence opens with, not the mayor quoted before
    (the editor's multilingual read). Fictional sentences."""
    sentences = [
        "وقالت رئيسة البلدية إلسه كورفان إن الجسر كان آمنا.",
        "وأعرب وزير النقل عن تعازيه لأسر الضحايا ووعد بمراجعة حالة كل الجسور.",
    ]
    assert _speakers(sentences, "ar")[1] == [("وزير النقل", "paraphrase")]


def test_an_inverted_pronoun_speaks_not_the_noun_after_the_cue() -> None:
    """ "« ... », a-t-elle déclaré devant les familles": "elle" is the minister named before, not the families she
    spoke before (the editor's multilingual read). Fictional sentences."""
    sentences = [
        "La ministre de l'Industrie, Claire Mazet, s'est rendue sur place.",
        "« Nous ne partirons pas d'ici tant qu'ils ne seront pas remontés », a-t-elle déclaré devant les familles.",
    ]
    assert _speakers(sentences, "fr")[1] == [("Claire Mazet", "quote")]
