"""Names of people and organisations and postal addresses, as police reports write them."""

from __future__ import annotations

import random

import pytest

from odyssey.ingest.addresses import find_addresses
from odyssey.ingest.names import name_spans


def spans(text: str, language: str = "en", ents=(), taken=()) -> list[tuple[str, str]]:
    """(written form, type) of every span, checking that each is exactly the text."""
    out = []
    for s in name_spans(text, list(ents), list(taken), language):
        assert 0 <= s.start < s.end <= len(text)
        out.append((text[s.start : s.end], s.type))
    return out


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("en", "The account is held by CELA Fatmir. It", "CELA Fatmir"),
        ("en", "A payment was made by Salem DARWISH through", "Salem DARWISH"),
        ("en", "communications show that E. GASHI (Albanian", "E. GASHI"),
        ("fr", "le numéro est utilisé par DANG, Van Hung depuis", "DANG, Van Hung"),
        ("fr", "Le 2 mai, VŨ Hữu Hải a été appréhendé", "VŨ Hữu Hải"),
        (
            "es",
            "fue captada en Cali por ARANGO DE LA CRUZ Juliana, quien",
            "ARANGO DE LA CRUZ Juliana",
        ),
        ("es", "Leidy MUÑOZ controlaba a ALVAREZ, Leydi (nacida", "ALVAREZ, Leydi"),
        (
            "es",
            "Las vigilancias permitieron observar a DAVID NAVARRO ROMERO reunido",
            "DAVID NAVARRO ROMERO",
        ),
        ("en", "3. Walid bin SALEH left Zuwara", "Walid bin SALEH"),
    ],
)
def test_people_in_police_style(language: str, text: str, name: str) -> None:
    assert (name, "Person") in spans(text, language)


def test_a_surname_alone_is_the_person_introduced_before_and_accents_do_not_matter() -> None:
    text = "Leidy MUÑOZ was seen in Cali. Then MUNOZ was arrested; MUÑOZ paid."
    assert [s for s in spans(text) if s[1] == "Person"] == [
        ("Leidy MUÑOZ", "Person"),
        ("MUNOZ", "Person"),
        ("MUÑOZ", "Person"),
    ]


def test_a_surname_never_introduced_and_headings_in_capitals_are_not_people() -> None:
    text = "REQUEST FOR INFORMATION\nLAW ENFORCEMENT ONLY\nWe ask whether HOXHA is known."
    assert [s for s in spans(text) if s[1] == "Person"] == []


@pytest.mark.parametrize(
    ("text", "alias"),
    [
        ('Juan ROMERO alias "El Rubio" paid', "El Rubio"),
        ("VU, Van Hung alias « Big Brother ».", "Big Brother"),
        ('MARIA TORRES ROMERO (a) "Chispa" comunicó', "Chispa"),
        ("Hussein KADIR (a.k.a. 'al-Doktor') was", "al-Doktor"),
    ],
)
def test_nicknames_behind_a_cue_are_people(text: str, alias: str) -> None:
    assert (alias, "Person") in spans(text, "es" if "(a)" in text else "en")


def test_the_arabic_writing_of_a_name_in_brackets_is_the_same_person() -> None:
    text = "3. Walid HADDAD (وليد طارق حداد) is currently detained."
    assert spans(text) == [("Walid HADDAD", "Person"), ("وليد طارق حداد", "Person")]


@pytest.mark.parametrize(
    ("language", "text", "org"),
    [
        (
            "en",
            "The company ESTRELLA TRAVEL CO., LTD (travel agency), whose",
            "ESTRELLA TRAVEL CO., LTD",
        ),
        (
            "en",
            "is listed as an employee of Diamond Travel Co., Ltd.  4. We",
            "Diamond Travel Co., Ltd",
        ),
        ("en", "AL-NAJMA MANPOWER CO. has its registered office", "AL-NAJMA MANPOWER CO."),
        (
            "es",
            "La sociedad Agencia de Modelos Orchid tiene su domicilio",
            "Agencia de Modelos Orchid",
        ),
        ("fr", "La société Prestige Hand Car Wash est titulaire", "Prestige Hand Car Wash"),
        ("fr", "Les locaux de la société Gashi Transport sh.p.k., sis", "Gashi Transport sh.p.k."),
    ],
)
def test_organisations_by_legal_form_or_company_word(language: str, text: str, org: str) -> None:
    assert (org, "Organization") in spans(text, language)


def test_ner_noise_is_dropped_and_routes_split() -> None:
    text = "paid EUR 5,500 on WhatsApp; the Public Prosecutor's Office in Dover; route Paris – Calais – London"
    ents = [
        (text.index("EUR"), text.index("EUR") + 9, "Organization"),
        (text.index("WhatsApp"), text.index("WhatsApp") + 8, "Organization"),
        (text.index("the Public"), text.index(" in Dover"), "Organization"),
        (text.index("Paris"), len(text), "Location"),
    ]
    assert spans(text, ents=ents) == [
        ("Dover", "Location"),  # from the gazetteer
        ("Paris", "Location"),
        ("Calais", "Location"),
        ("London", "Location"),
    ]


def test_places_come_from_the_gazetteer_unless_they_are_part_of_a_name_or_a_bureau() -> None:
    text = (
        "She left Zuwara for Lampedusa. Leydi VALENCIA paid Rosa Flores Quispe; "
        "NCB TRIPOLI asks whether CÁRDENAS, Luz was seen in Valencia."
    )
    places = [(w, s.place.country) for s in name_spans(text, [], [], "en")
              if s.type == "Location" and s.place for w in [text[s.start : s.end]]]  # fmt: skip
    assert places == [("Zuwara", "LY"), ("Lampedusa", "IT"), ("Valencia", places[-1][1])]


def test_names_never_overlap_identifiers_found_before() -> None:
    text = "The vessel SIDI BOUSAID (IMO 9074729) and Ali HASSAN."
    taken = [(text.index("SIDI"), text.index("SIDI") + len("SIDI BOUSAID"))]
    assert spans(text, taken=taken) == [("Ali HASSAN", "Person")]


@pytest.mark.parametrize(
    "address",
    [
        "116 Phố Hàng Bạc, Ha Tinh",
        "60 Meter Street, house 70, Baghdad",
        "Bahnhofstraße 71, 97370 Frankfurt",
        "Calle Sevilla 21, 30047 Madrid",
        "Carrera 42 # 55-98, Bogotá",
        "Avenida de la Constitución 84, 86561 Madrid",
        "Rruga e Durrësit, Nr. 154, Tirana",
        "12 rue Lafayette, 75009 Paris".replace("rue", "Rue"),
        "شارع الجمهورية، مبنى رقم 119، طبرق",
        "65 شارع فيصل، الإسكندرية",
    ],
)
def test_addresses(address: str) -> None:
    text = f"He was located at {address}, where he lived. في {address}."
    found = [text[s:e] for s, e in find_addresses(text)]
    assert found[0] == address


def test_a_street_word_alone_is_not_an_address() -> None:
    assert list(find_addresses("The Street was empty and Wall Street closed.")) == []


# --- addresses in the four languages, any case --------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("domicilié 8, rue des Lilas, 69003 Lyon, depuis", "8, rue des Lilas, 69003 Lyon"),
        (
            "DEMEURANT 4 AVENUE JEAN JAURÈS, 13002 MARSEILLE ;",
            "4 AVENUE JEAN JAURÈS, 13002 MARSEILLE",
        ),
        ("vive en C/ Alcalá 12, 2º dcha., 28009 Madrid y", "C/ Alcalá 12, 2º dcha., 28009 Madrid"),
        ("con sede en avenida de la Paz 40, 41001 Sevilla.", "avenida de la Paz 40, 41001 Sevilla"),
        ("lives at 9 Mill Lane, Leeds LS1 4AB. He", "9 Mill Lane, Leeds LS1 4AB"),
        ("RESIDING 22 STATION ROAD, CARDIFF CF10 1AA.", "22 STATION ROAD, CARDIFF CF10 1AA"),
        ("Flat 2, 10 Quay Street, Cork T12 X8Y9 is", "Flat 2, 10 Quay Street, Cork T12 X8Y9"),
        ("registered at 5 Kerkstraat, 1017 Amsterdam.", "5 Kerkstraat, 1017 Amsterdam"),
        ("يقيم في نهج القدس عدد 8، قابس 6000، منذ", "نهج القدس عدد 8، قابس 6000"),
        ("يسكن في 12 شارع الجمهورية، 75011 باريس.", "12 شارع الجمهورية، 75011 باريس"),
    ],
)
def test_addresses_with_street_words_in_any_case_and_post_codes(text: str, address: str) -> None:
    assert [text[s:e] for s, e in find_addresses(text)] == [address]


@pytest.mark.parametrize(
    "text",
    [
        "the meeting took place in London",
        "au cours de la réunion, il a",
        "عن طريق نظام الحوالة، واستلمه",
    ],
)
def test_street_words_in_running_text_are_not_addresses(text: str) -> None:
    assert list(find_addresses(text)) == []


# --- organisations --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "org"),
    [
        ("en", "HULL OWNED BY NORTHSEA SALVAGE LTD, REGISTERED", "NORTHSEA SALVAGE LTD"),
        ("fr", "LA SOCIÉTÉ GARAGE MOREAU ET FRÈRES S.A.R.L. A", "GARAGE MOREAU ET FRÈRES S.A.R.L."),
        (
            "es",
            "a nombre de Transportes Ebro Sociedad Limitada, con",
            "Transportes Ebro Sociedad Limitada",
        ),
        ("fr", "les moteurs venaient de Zeeland Motors BV, à", "Zeeland Motors BV"),
        ("en", "they stayed at the Hotel Meridian in Patras", "Hotel Meridian"),
        ("es", "se alojaban en el Hostal Los Naranjos, en", "Hostal Los Naranjos"),
        ("en", "paid through Blue Nile Money Transfer in Cairo", "Blue Nile Money Transfer"),
        ("en", "The Harbour Lights Foundation runs a shelter", "Harbour Lights Foundation"),
        ("fr", "hébergés par l'association Main Tendue à", "Main Tendue"),
        ("fr", "L'AGENCE DE VOYAGES SOLEIL DU SUD, 4", "SOLEIL DU SUD"),
        ("es", "mediante el locutorio Giros Andinos, situado", "Giros Andinos"),
        ("ar", "عن طريق شركة النور للصرافة في طرابلس", "النور للصرافة"),
        ("ar", "تابعة لشركة الساحل للنقل البحري، ومديرها", "الساحل للنقل البحري"),
    ],
)
def test_organisations_by_legal_form_kind_word_and_cue(language: str, text: str, org: str) -> None:
    assert (org, "Organization") in spans(text, language)


def test_police_units_and_vietnamese_ngo_are_not_organisations() -> None:
    found = spans("the National Crime Agency said that NGO Van Long paid.", "en")
    assert ("National Crime Agency", "Organization") not in found
    assert all(kind != "Organization" for _, kind in found)


# --- names in text written all in capitals ----------------------------------------------------


def test_names_in_a_telegram_start_with_a_given_name_and_stop_at_stop_words() -> None:
    text = (
        "PERSONS ARRESTED: TAREK MILOUD GHARIANI DOB 02/02/1980 AND HIS BROTHER SAMIR GHARIANI.\n"
        "GHARIANI OPERATED THE BOAT.\n"
    )
    found = spans(text, "en", ents=[(0, 17, "Person"), (91, 105, "Person")])
    people = [t for t, kind in found if kind == "Person"]
    assert people == ["TAREK MILOUD GHARIANI", "SAMIR GHARIANI", "GHARIANI"]


def test_a_french_telegram_leaves_out_ne_le_and_the_words_around() -> None:
    text = "- NABIL OUARDI NÉ LE 01/01/1990, DE NATIONALITÉ TUNISIENNE ; SON FRÈRE ANIS OUARDI.\n"
    people = [t for t, kind in spans(text, "fr") if kind == "Person"]
    assert people == ["NABIL OUARDI", "ANIS OUARDI"]


def test_a_surname_in_title_case_alone_follows_the_full_name() -> None:
    text = "The driver, Stavros Kalogeropoulos, was paid. Kalogeropoulos denies it."
    people = [t for t, kind in spans(text, "en", ents=[(12, 34, "Person")]) if kind == "Person"]
    assert people == ["Stavros Kalogeropoulos", "Kalogeropoulos"]


# --- Arabic names after cue words -----------------------------------------------------------


def test_arabic_names_after_cue_words_and_their_family_names_again() -> None:
    text = (
        "تم إيقاف المدعو رمضان علي الشريف في مصراتة، وهو المتهم الرئيسي. "
        "وأفاد المشتبه به عمر بن يوسف بأن الشريف دفع المبلغ، وأن بن يوسف استلمه."
    )
    people = [t for t, kind in spans(text, "ar") if kind == "Person"]
    assert people == ["رمضان علي الشريف", "عمر بن يوسف", "الشريف", "بن يوسف"]


def test_an_arabic_name_before_its_transliteration_in_brackets() -> None:
    text = "يقيم المواطن الإيطالي من أصل ليبي كمال الزوي (Kamal ZAWI) في باليرمو."
    people = [t for t, kind in spans(text, "ar") if kind == "Person"]
    assert "كمال الزوي" in people and "Kamal ZAWI" in people


def test_spans_say_what_a_look_at_each_span_says() -> None:
    from odyssey.text import Spans

    rng = random.Random(3)
    for _ in range(5000):
        kept = [(a, a + rng.randint(1, 6)) for a in rng.sample(range(40), rng.randint(0, 6))]
        spans = Spans(kept)  # the first ones may overlap one another
        for _ in range(8):
            start = rng.randint(0, 45)
            end = start + rng.randint(0, 6)
            expected = any(start < b and a < end for a, b in kept)
            assert spans.overlaps(start, end) == expected, (kept, start, end)
            if start < end and not expected:
                spans.add(start, end)
                kept.append((start, end))
