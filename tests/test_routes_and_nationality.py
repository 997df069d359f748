# Arabic letters are meant here
"""ROUTE links and stated nationalities: the cue forms of each language, tables, and the trends.

Routes are read from sentences (``odyssey.ingest.routes`` over ``odyssey.journeys``),
nationalities from the words around a name (``odyssey.ingest.nationality``, read by
``resolution.context.describe``) and from table columns; the end-to-end test ingests a
synthetic corpus and checks what the strategic trends gather from the store.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import odyssey
from odyssey.graph.analytics.trends import gather
from odyssey.ingest.extractor import Extraction, Extractor
from odyssey.ingest.ncbs import country_of_ncb
from odyssey.ingest.readers import read_path
from odyssey.ingest.resolution.context import describe
from odyssey.ingest.routes import Place, route_legs
from odyssey.ingest.synth import generate
from odyssey.regions import country
from odyssey.schema import link_type

# -- routes: cue forms, one sentence at a time ------------------------------------------------


def _places(text: str, names: list[str]) -> list[Place]:
    """Place spans for ``names`` (each at its first occurrence), their id the name itself."""
    return [Place(i, text.index(n), text.index(n) + len(n), n) for i, n in enumerate(names)]


def _stops(text: str, names: list[str]) -> list[str]:
    """The route the sentence writes, as place names from origin to destination."""
    legs = route_legs(text, _places(text, names))
    if not legs:
        return []
    by_index = dict(enumerate(names))
    assert [leg.order for leg in legs] == list(range(1, len(legs) + 1))
    assert all(leg.legs == len(legs) for leg in legs)
    return [by_index[legs[0].source], *(by_index[leg.target] for leg in legs)]


@pytest.mark.parametrize(
    ("text", "names", "route"),
    [
        # English
        ("He travelled from Lagos via Agadez to Tripoli.", ["Lagos", "Agadez", "Tripoli"],
         ["Lagos", "Agadez", "Tripoli"]),
        ("She left Mbour on 3 May and reached Madrid after transiting through Dakhla.",
         ["Mbour", "Madrid", "Dakhla"], ["Mbour", "Dakhla", "Madrid"]),
        ("The boat left Zuwara and was intercepted off Lampedusa.", ["Zuwara", "Lampedusa"],
         ["Zuwara", "Lampedusa"]),
        ("Migrants were smuggled from the United Kingdom to Calais.", ["United Kingdom", "Calais"],
         ["United Kingdom", "Calais"]),
        # French
        ("Il a quitté Mbour le 3 mai et a rejoint Madrid après avoir transité par Dakhla.",
         ["Mbour", "Madrid", "Dakhla"], ["Mbour", "Dakhla", "Madrid"]),
        ("Le réseau achemine des victimes de Niamey vers Tripoli.", ["Niamey", "Tripoli"],
         ["Niamey", "Tripoli"]),
        ("Ils ont voyagé de la Libye à l'Italie en passant par Malte.",
         ["Libye", "Italie", "Malte"], ["Libye", "Malte", "Italie"]),
        ("Le bateau a quitté Sfax et a été intercepté au large de Lampedusa.",
         ["Sfax", "Lampedusa"], ["Sfax", "Lampedusa"]),
        # Spanish
        ("Viajó desde Argel hasta Almería pasando por Orán.", ["Argel", "Almería", "Orán"],
         ["Argel", "Orán", "Almería"]),
        ("Salió de Dakar el 2 de mayo y llegó a Las Palmas.", ["Dakar", "Las Palmas"],
         ["Dakar", "Las Palmas"]),
        ("La embarcación zarpó de Nador hacia Motril.", ["Nador", "Motril"], ["Nador", "Motril"]),
        # Arabic
        ("سافر من طرابلس إلى روما.", ["طرابلس", "روما"], ["طرابلس", "روما"]),
        ("غادر صفاقس ووصل إلى لامبيدوزا مرورًا بـمالطا.", ["صفاقس", "لامبيدوزا", "مالطا"],
         ["صفاقس", "مالطا", "لامبيدوزا"]),
        ("أبحر القارب من زوارة باتجاه لامبيدوزا.", ["زوارة", "لامبيدوزا"], ["زوارة", "لامبيدوزا"]),
        # chains, whatever the language: the order as written
        ("along the route Tripoli – Lampedusa – Catania", ["Tripoli", "Lampedusa", "Catania"],
         ["Tripoli", "Lampedusa", "Catania"]),
        ("sur l'itinéraire Dakar → Nouadhibou → Las Palmas", ["Dakar", "Nouadhibou", "Las Palmas"],
         ["Dakar", "Nouadhibou", "Las Palmas"]),
        ("عبر المسار بنغازي - طبرق - الإسكندرية", ["بنغازي", "طبرق", "الإسكندرية"],
         ["بنغازي", "طبرق", "الإسكندرية"]),
    ],
)  # fmt: skip
def test_routes_are_read_in_four_languages(text: str, names: list[str], route: list[str]) -> None:
    assert _stops(text, names) == route


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The police in Rome arrested Ali SAID in Naples.", ["Rome", "Naples"]),
        ("La police de Lyon a interpellé le suspect à Paris.", ["Lyon", "Paris"]),
        ("La policía de Madrid lo detuvo en Málaga.", ["Madrid", "Málaga"]),
        ("He lives in Tripoli and owns a shop in Misrata.", ["Tripoli", "Misrata"]),
        ("He travelled to Rome and to Milan.", ["Rome", "Milan"]),  # two destinations: no order
    ],
)
def test_places_named_together_are_not_a_route(text: str, names: list[str]) -> None:
    assert _stops(text, names) == []


def test_a_country_next_to_its_own_city_is_not_a_leg() -> None:
    text = "route Tripoli – Libya – Lampedusa"
    places = [
        Place(0, 6, 13, "tripoli", "LY"),
        Place(1, 16, 21, "libya", "LY", is_country=True),
        Place(2, 24, 33, "lampedusa", "IT"),
    ]
    assert [(leg.source, leg.target) for leg in route_legs(text, places)] == [(0, 2)]


def test_route_links_carry_order_and_legs_as_the_schema_declares() -> None:
    assert link_type("ROUTE").properties == ("order", "legs")


# -- routes: from a report, through the real extractor ----------------------------------------

_REPORTS = {
    "en.txt": "FROM: NCB ROME\nTO: NCB TRIPOLI\nSUBJECT: smuggling\n\n"
    "On 3 May the suspect travelled from Lagos via Agadez to Tripoli. He was arrested in Rome.",
    "fr.txt": "DE : BCN PARIS\nÀ : BCN NIAMEY\nOBJET : traite\n\n"
    "La victime a quitté Dakar le 3 mars et a rejoint Paris après avoir transité par Casablanca.",
    "es.txt": "DE: OCN MADRID\nPARA: OCN RABAT\nASUNTO: tráfico\n\n"
    "La red opera en la ruta Dakar – Nuakchot – Las Palmas.",
    "ar.txt": "من: المكتب المركزي الوطني روما\nإلى: المكتب المركزي الوطني طرابلس\nالموضوع: تهريب\n\n"
    "سافر المشتبه به من بنغازي إلى كاتانيا في شهر مايو.",
}
_EXPECTED = {
    "en.txt": ["Lagos", "Agadez", "Tripoli"],
    "fr.txt": ["Dakar", "Casablanca", "Paris"],
    "es.txt": ["Dakar", "Nuakchot", "Las Palmas"],
    "ar.txt": ["بنغازي", "كاتانيا"],
}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Extraction]:
    folder = tmp_path_factory.mktemp("reports")
    for name, text in _REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    results = Extractor().extract([read_path(folder / name) for name in _REPORTS])
    return {Path(r.document.source).name: r for r in results}


@pytest.mark.parametrize("name", list(_REPORTS))
def test_the_extractor_writes_route_legs_with_their_sentence(
    extracted: dict[str, Extraction], name: str
) -> None:
    ex = extracted[name]
    by_id = {m.id: m for m in ex.mentions}
    legs = [link for link in ex.links if link.type == "ROUTE"]
    written = [by_id[leg.mention_ids[0]].text for leg in legs]
    assert [*written, by_id[legs[-1].mention_ids[1]].text] == _EXPECTED[name]
    text = ex.document.text
    for k, leg in enumerate(legs, start=1):
        sentence = text[leg.evidence.start : leg.evidence.end]
        assert all(by_id[i].text in sentence for i in leg.mention_ids)
        assert dict(leg.properties) == {"order": k, "legs": len(legs)}
        assert leg.method in ("route:chain", "route:cues") and 0 < leg.confidence < 1
        assert (leg.source, leg.target) == tuple(by_id[i].entity_id for i in leg.mention_ids)


# -- nationality: cue forms -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "nationality"),
    [
        ("Ali HASSAN (born 02/05/1984, Libyan national) was seen", "Ali HASSAN", "LY"),
        ("Ali HASSAN (DOB 1984-05-02, Libyan) was seen", "Ali HASSAN", "LY"),
        ("Ali HASSAN (Sudanese) was seen", "Ali HASSAN", "SD"),
        ("Ali HASSAN, a Syrian citizen, was seen", "Ali HASSAN", "SY"),
        ("Ali HASSAN (nationality: Eritrea) was seen", "Ali HASSAN", "ER"),
        ("The Eritrean national Yonas TESFAY was seen", "Yonas TESFAY", "ER"),
        ("Awa DIOP (née le 02/05/1990, de nationalité sénégalaise) a été", "Awa DIOP", "SN"),
        ("Awa DIOP, de nationalité érythréenne, a été", "Awa DIOP", "ER"),
        ("le ressortissant ghanéen Kofi MENSAH a été", "Kofi MENSAH", "GH"),
        ("Karim BENALI (nacido el 01/01/1985, de nacionalidad argelina) viajó", "Karim BENALI",
         "DZ"),
        ("Rim HADDAD (de nacionalidad siria) viajó", "Rim HADDAD", "SY"),
        ("el ciudadano marroquí Said ALAMI viajó", "Said ALAMI", "MA"),
        ("علي حسن (من مواليد 1984/05/02، ليبي الجنسية) سافر", "علي حسن", "LY"),
        ("هدى الحلبي (سورية الجنسية) سافرت", "هدى الحلبي", "SY"),
        ("علي حسن (الجنسية: مصري) سافر", "علي حسن", "EG"),
        ("المواطن التونسي علي حسن سافر", "علي حسن", "TN"),
    ],
)  # fmt: skip
def test_nationalities_are_read_in_four_languages(text: str, name: str, nationality: str) -> None:
    start = text.index(name)
    properties, _aliases = describe(text, start + len(name), start)
    assert properties["nationality"] == nationality


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ali HASSAN was seen in Zuwara (Libya) on 2 May.", "Ali HASSAN"),
        ("Ali HASSAN (Libya) was seen", "Ali HASSAN"),  # where he is, maybe, not what he is
        ("The Libyan national police arrested Ali HASSAN", "Ali HASSAN"),
        ("Ali HASSAN, who met the Libyan national Omar ADAM, was seen", "Ali HASSAN"),
        ("Ali HASSAN (born 02/05/1984 in Tripoli, Libya) was seen", "Ali HASSAN"),
    ],
)
def test_no_nationality_is_made_up(text: str, name: str) -> None:
    start = text.index(name)
    properties, _aliases = describe(text, start + len(name), start)
    assert "nationality" not in properties


def test_a_subject_table_gives_iso_codes_and_keeps_what_it_cannot_read(tmp_path: Path) -> None:
    table = tmp_path / "subjects.csv"
    table.write_text(
        "name,dob,nationality,phone\n"
        "OKORO Chidi,1990-01-02,Nigerian,+2348031234567\n"
        "TESFAY Yonas,1988-03-04,érythréenne,+2917123456\n"
        "ADAM Omar,1985-05-06,SD,+249912345678\n"
        "NN Unknown,1980-01-01,Atlantis,+218912345678\n",
        encoding="utf-8",
    )
    (ex,) = Extractor().extract([read_path(table)])
    people = {e.label: e.properties for e in ex.entities.values() if e.type == "Person"}
    assert people["OKORO Chidi"]["nationality"] == "NG"
    assert people["TESFAY Yonas"]["nationality"] == "ER"
    assert people["ADAM Omar"]["nationality"] == "SD"
    assert "nationality" not in people["NN Unknown"]
    assert people["NN Unknown"]["nationality_as_written"] == "Atlantis"


# -- end to end: a corpus ingested and resolved, then what the trends read --------------------


def test_ingested_reports_give_the_trends_routes_and_nationalities(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    generate(corpus, reports=40, seed=11)
    with odyssey.open(tmp_path / "o.db") as wb:
        wb.ingest([corpus])
        wb.resolve()
        data = gather(wb.store, country_of_ncb)
        assert len(data.route_legs) >= 20
        labels = {e.label for e in wb.store.entities(type="Location", limit=10**6)}
        assert all(a in labels and b in labels and a != b for a, b, _doc in data.route_legs)
        assert len(data.nationality) >= 10
        assert all(
            re.fullmatch(r"[A-Z]{2}", code) and country(code) for code in data.nationality.values()
        )
        people = {p for p, _report in data.people}
        assert set(data.nationality) <= people
        published = wb.trends()
        assert published.nationalities  # suspects and victims by stated nationality
