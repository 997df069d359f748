"""Corrections to the statistical NER, on real text through the real spaCy models.

The small models take capitalised common words at the start of a sentence for names, and
the words of a multi-word place for a person; the extractor corrects both with the
language's own data (the pipeline's stop words and lemmatizer tables) and the gazetteer.
"""

from __future__ import annotations

import pytest

from odyssey.ingest.extractor import Extractor
from odyssey.ingest.lexicon import lexicon
from odyssey.ingest.ner_rules import at_sentence_start, proper_words, sentence_start_trimmed
from odyssey.ingest.readers import SourceDocument


def extract(text: str, language: str) -> list[tuple[str, str]]:
    """(type, written form) of every mention of ``text``, checking each mention's offsets."""
    source = SourceDocument(
        "report.txt", text.encode(), text, "text", fields={"language": language}
    )
    (result,) = Extractor().extract([source])
    for m in result.mentions:
        assert text[m.start : m.end] == m.text
    return [(m.type, m.text) for m in result.mentions]


SPANISH_REQUEST = (
    "Remitimos la información solicitada por la Guardia Civil.\n"
    "Actualización: el investigado Ernesto PALACIOS VEGA fue visto ayer en Algeciras.\n"
    "¿Disponéis de antecedentes del conductor?\n"
    "Confirmamos que la embarcación zarpó de Nador con once personas.\n"
    "Desembarcaron de madrugada en la playa.\n"
    "Agradeceríamos una respuesta urgente."
)


def test_spanish_sentences_opened_by_verbs_and_nouns_give_no_names() -> None:
    found = extract(SPANISH_REQUEST, "es")
    names = {text for kind, text in found if kind in {"Person", "Organization", "Location"}}
    assert names == {"Ernesto PALACIOS VEGA", "Algeciras", "Nador"}


@pytest.mark.parametrize(
    ("language", "word", "common"),
    [
        ("es", "Remitimos", True),  # remitir, by a suffix rule of the lemmatizer
        ("es", "Actualización", True),  # a noun of the index
        ("es", "Disponéis", True),
        ("es", "Según", True),  # a stop word
        ("es", "Fátima", False),
        ("es", "Ruiz", False),
        ("en", "Update", True),
        ("en", "Kindly", True),
        ("en", "John", False),  # WordNet lists it as a noun: only verbs and adverbs count in en
        ("fr", "Transmettons", True),
        ("fr", "Martin", False),
        ("ar", "Update", False),  # no lemmatizer: stop words only
    ],
)
def test_common_words_come_from_the_language_data(language: str, word: str, common: bool) -> None:
    assert lexicon(language).is_common(word) is common


def test_a_common_word_written_as_a_name_inside_a_sentence_stays_a_name() -> None:
    text = "Rosa pagó el viaje. El dinero fue entregado a Rosa en Tánger."
    proper = proper_words(text)
    assert "Rosa" in proper and "El" not in proper
    assert sentence_start_trimmed(text, 0, 4, lexicon("es"), proper) == 0
    assert sentence_start_trimmed(text, 0, 4, lexicon("es"), frozenset()) is None


def test_leading_stop_words_leave_a_name_of_several_words() -> None:
    text = "Según Ernesto PALACIOS, el pago se hizo en efectivo."
    assert sentence_start_trimmed(text, 0, 22, lexicon("es"), frozenset()) == 6


@pytest.mark.parametrize(
    ("text", "pos", "start"),
    [
        ("Hola", 0, True),
        ("fin. ¿Podéis", 6, True),
        ("Asunto: Actualización", 8, True),
        ("3) Rogamos", 3, True),
        ("visto en Algeciras", 9, False),
    ],
)
def test_sentence_starts(text: str, pos: int, start: bool) -> None:
    assert at_sentence_start(text, pos) is start


def test_a_known_place_of_several_words_wins_over_a_name() -> None:
    text = (
        "Les passagers ont débarqué à Las Palmas de Gran Canaria puis à Gran Canaria. "
        "Le bateau venait de GRAN CANARIA selon KAMARA Ousmane, passé par Bani Walid."
    )
    found = extract(text, "fr")
    assert [t for kind, t in found if kind == "Location"] == [
        "Las Palmas de Gran Canaria", "Gran Canaria", "GRAN CANARIA", "Bani Walid",
    ]  # fmt: skip
    assert [t for kind, t in found if kind == "Person"] == ["KAMARA Ousmane"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mrs Joy OSAGIE-IDAHOSA", "Joy OSAGIE-IDAHOSA"),
        ("DS Gareth Price", "Gareth Price"),
        ("Ciao Sophie", "Sophie"),
        ("Sra. María LÓPEZ", "María LÓPEZ"),
        ("Mohamed SALEM", "Mohamed SALEM"),
        ("Bangladeshi", None),
        ("Toyota Hilux", None),
        ("Fiat Doblò", None),
        ("Mercedes GARCÍA", "Mercedes GARCÍA"),
    ],
)
def test_person_spans_lose_titles_and_are_not_nationalities_or_vehicles(
    text: str, expected: str | None
) -> None:
    from odyssey.ingest.ner_rules import person_span

    body = f"Report: {text} was seen."
    start = body.index(text)
    kept = person_span(body, start, start + len(text))
    assert (body[kept[0] : kept[1]] if kept else None) == expected


def test_a_spanish_telegram_in_capitals_gives_people_from_given_names_not_from_the_model() -> None:
    text = (
        "1. EL 20-03-2026 FUERON DETENIDOS EN CÁDIZ LOS SIGUIENTES:\n"
        "NOMBRE: MANUEL JESÚS CORTÉS LARA, NACIDO EL 01-01-1980 EN JEREZ.\n"
        "NOMBRE: HAMID BOUAZZA, NACIONALIDAD MARROQUÍ.\n"
        "2. CORTÉS LARA PILOTABA LA EMBARCACIÓN Y BOUAZZA COBRABA LOS PASAJES.\n"
    )
    people = [t for kind, t in extract(text, "es") if kind == "Person"]
    assert people == ["MANUEL JESÚS CORTÉS LARA", "HAMID BOUAZZA", "CORTÉS LARA", "BOUAZZA"]


def test_an_english_telegram_names_companies_addresses_and_people() -> None:
    text = (
        "3. VESSEL OWNED BY KESTREL MARINE LTD, 7 DOCK ROAD, HULL HU1 2AA. MASTER IS "
        "RASHID ALI MANSOUR DOB 01/01/1975. FUNDS SENT THROUGH DESERT STAR MONEY TRANSFER.\n"
    )
    found = extract(text, "en")
    assert ("Organization", "KESTREL MARINE LTD") in found
    assert ("Address", "7 DOCK ROAD, HULL HU1 2AA") in found
    assert ("Person", "RASHID ALI MANSOUR") in found
    assert ("Organization", "DESERT STAR MONEY TRANSFER") in found
    assert not any(kind == "Person" and t != "RASHID ALI MANSOUR" for kind, t in found)
