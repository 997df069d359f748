# Arabic report text is meant here
"""Rule-based identifier extraction: exact offsets, normalised keys, no false phones."""

from __future__ import annotations

import doctest
import itertools
import re
import string
import sys

import phonenumbers
import pytest
from phonenumbers import Leniency, PhoneNumberMatcher

from odyssey.ingest import extract, relations
from odyssey.ingest.extract import (
    Found,
    _text,
    crypto,
    emails,
    find_identifiers,
    identifiers,
    phones,
)


def one(text: str, type_: str, **kwargs: str | None) -> Found:
    """The single identifier of ``type_`` in ``text``; its span must be what is written."""
    found = [f for f in find_identifiers(text, **kwargs) if f.type == type_]
    assert len(found) == 1, found
    f = found[0]
    assert text[f.start : f.end], f
    return f


def written(text: str, f: Found) -> str:
    return text[f.start : f.end]


def assert_well_formed(text: str, found: list[Found]) -> None:
    """Sorted by start, no two overlapping, every span inside the text."""
    for a, b in itertools.pairwise(found):
        assert a.start <= b.start
        assert a.end <= b.start, (a, b)
    for f in found:
        assert 0 <= f.start < f.end <= len(text)


# --- phones ---------------------------------------------------------------------------------


def test_phone_in_an_english_report_with_the_passport_beside_it() -> None:
    text = (
        "Mohamed ABDELRAHMAN uses the number +218 91 234 5678 and the Nigerian passport A01234567."
    )
    found = find_identifiers(text, language="en")
    assert [(f.type, written(text, f), f.value) for f in found] == [
        ("Phone", "+218 91 234 5678", "+218912345678"),
        ("IdentityDocument", "A01234567", "passport:NG:A01234567"),
    ]
    phone = found[0]
    assert phone.method == "rule:phone"
    assert phone.properties["country"] == "LY"
    assert phone.confidence >= 0.95


def test_the_same_phone_in_four_written_forms_is_one_e164_value() -> None:
    forms = ["+218 91 234 5678", "00218912345678", "+218-91-2345678", "(+218) 912345678"]
    text = "Numbers seized: " + ", ".join(forms) + "."
    found = find_identifiers(text)
    assert [written(text, f) for f in found] == forms
    assert {f.value for f in found} == {"+218912345678"}
    assert all(f.type == "Phone" and f.properties["country"] == "LY" for f in found)


def test_national_phone_needs_the_default_region() -> None:
    text = "Il a appelé le 091-2345678 depuis Tripoli."
    f = one(text, "Phone", default_region="LY", language="fr")
    assert written(text, f) == "091-2345678"
    assert f.value == "+218912345678"
    assert f.properties["country"] == "LY"
    # Written with its country code it scores higher than in national form.
    intl = one("Il a appelé le +218 91 234 5678.", "Phone", default_region="LY")
    assert intl.confidence > f.confidence
    # Without a region the national form is not guessed.
    assert [g for g in find_identifiers(text) if g.type == "Phone"] == []


def test_spanish_national_numbers_with_region_es() -> None:
    text = "Su teléfono es el 612 345 678 y su móvil 612345679."
    found = [f for f in find_identifiers(text, default_region="ES", language="es")]
    assert [(written(text, f), f.value) for f in found] == [
        ("612 345 678", "+34612345678"),
        ("612345679", "+34612345679"),
    ]


def test_numbers_one_digit_apart_stay_distinct() -> None:
    text = "Two SIM cards: +218912345678 and +218912345679."
    values = [f.value for f in find_identifiers(text)]
    assert values == ["+218912345678", "+218912345679"]


@pytest.mark.parametrize(
    "text",
    [
        "The boat left on 14/03/2026 at 14:30 from Zuwara.",
        "Departure 2026-03-14, arrival 14.03.2026, meeting at 14:30 or 9h45.",
        "He paid EUR 4,500 and later 12 000 € to the organiser.",
        "Le passeur a reçu 3 500 dinars puis 1.500.000 LYD et 912345678 dinars.",
        "See NCB-MADRID/2026/TEH/0147 and NCB-ROME/2026/SOM/0147 of 12 March.",
        "Case file 2026/0147, page 12, annex 3.",
        "IBAN FR76 3000 6000 0112 3456 7890 180 (checksum is wrong).",
        "The vessel IMO 9074729 was intercepted.",
        "Passport A01234567 and DNI 12345678Z were seized.",
    ],
)
def test_dates_amounts_references_and_other_numbers_are_not_phones(text: str) -> None:
    for region in (None, "LY", "IT", "ES", "FR"):
        phones = [f for f in find_identifiers(text, default_region=region) if f.type == "Phone"]
        assert phones == [], (region, phones)


def test_the_matcher_refusing_short_candidates_finds_what_phonenumbers_finds() -> None:
    # Niue, Tokelau and Tristan da Cunha have four-digit national numbers: the shortest anywhere.
    text = (
        "Tel 7012, 3101 or +683 7012; 14 boats, 3 500 EUR in 2026, 06 12 34 56 78, +290 8999,\n"
        "0033 6 12 34 56 78, 091-2345678, (0)30 1234567 and 1x2x3x4x5x6x7x8,\n"
        "DE89 3704 0044 0532 0130 00 / 0612 3456 78 - 7012 3101 (683) 7012."
    )
    for hooked in ("_extract_match", "_parse_and_verify"):
        assert hooked in vars(PhoneNumberMatcher), f"phonenumbers renamed {hooked}"
    for region in ("NU", "TK", "TA", "FR", "DE", "US", "LY"):
        plain = PhoneNumberMatcher(text, region, leniency=Leniency.VALID, max_tries=sys.maxsize)
        ours = [(m.start, m.end, m.number) for m in phones._matches(text, region)]
        assert ours == [(m.start, m.end, m.number) for m in plain], region
        if region in ("NU", "TK"):  # their own four-digit national number comes first
            assert text[ours[0][0] : ours[0][1]] == {"NU": "7012", "TK": "3101"}[region]


def test_no_valid_number_is_shorter_than_the_refusal_bound() -> None:
    with_plus = max(phones._fewest_digits(r, True) for r in phonenumbers.SUPPORTED_REGIONS)
    for region in phonenumbers.SUPPORTED_REGIONS:
        for kind in range(12):
            number = phonenumbers.example_number_for_type(region, kind)
            if number is None:
                continue
            national = phonenumbers.national_significant_number(number)
            assert len(national) >= phones._fewest_digits(region, False), (region, kind)
            assert len(str(number.country_code)) + len(national) >= with_plus, (region, kind)


def test_spans_that_are_not_phones_are_the_same_found_from_the_line() -> None:
    text = (
        "Vessel IMO\n\n9074729 and +218 91 234 5678\nref NCB-ROME/2026/SOM/0147 on 12/03/2026\n"
        "IMO:\n9074729, IBAN DE89 3704 0044 0532 0130 00\nIMO 1234567/8 2026-03-14"
    )
    spans = [m.span() for m in phones._NOT_PHONES.finditer(text)]
    assert any("\n" in text[a:b] for a, b in spans)  # an IMO number across a line break
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 24) + 1):
            whole = any(a < end and b > start for a, b in spans)
            assert phones._blocked(text, start, end) == whole, (start, end)


def test_unknown_region_is_refused() -> None:
    with pytest.raises(ValueError, match="region"):
        find_identifiers("+218 91 234 5678", default_region="QQ")


# --- Arabic ---------------------------------------------------------------------------------


def test_phone_in_arabic_text_with_latin_digits() -> None:
    text = "أفاد الشاهد بأن الرقم +218 91 234 5678 يعود للمهرب."
    f = one(text, "Phone", language="ar")
    assert written(text, f) == "+218 91 234 5678"
    assert f.value == "+218912345678"


def test_arabic_indic_digits_keep_offsets_into_the_original_text() -> None:
    text = (
        "\u200fاتصل المهرب من الرقم ٠٩١٢٣٤٥٦٧٨ ثم من \u200e+218 91 234 5679\u200e و٠٠٢١٨٩١٢٣٤٥٦٧٨"
    )
    found = find_identifiers(text, default_region="LY", language="ar")
    assert [(written(text, f), f.value) for f in found] == [
        ("٠٩١٢٣٤٥٦٧٨", "+218912345678"),
        ("+218 91 234 5679", "+218912345679"),
        ("٠٠٢١٨٩١٢٣٤٥٦٧٨", "+218912345678"),
    ]
    assert_well_formed(text, found)


def test_arabic_passport_with_nationality_after_the_cue() -> None:
    text = "ضبط بحوزته جواز سفر ليبي رقم A01234567 وبطاقة الهوية رقم 119850123456."
    found = find_identifiers(text, language="ar")
    assert [(f.type, written(text, f), f.value) for f in found] == [
        ("IdentityDocument", "A01234567", "passport:LY:A01234567"),
        ("IdentityDocument", "119850123456", "id_card:XX:119850123456"),
    ]


def test_arabic_plate() -> None:
    text = "كانت السيارة تحمل لوحة رقم 5-123456 عند الحاجز."
    f = one(text, "Vehicle", language="ar")
    assert written(text, f) == "5-123456"
    assert f.value == "5123456"


# --- e-mail ---------------------------------------------------------------------------------


def test_email_is_lower_cased_and_digits_inside_are_not_a_phone() -> None:
    text = "Contact: Ahmed.2189123456@GMail.com, or write to x@y."
    found = find_identifiers(text, default_region="LY")
    assert [(f.type, written(text, f), f.value) for f in found] == [
        ("Email", "Ahmed.2189123456@GMail.com", "ahmed.2189123456@gmail.com"),
    ]
    assert found[0].method == "rule:email"


def test_email_does_not_take_the_full_stop() -> None:
    text = "Il écrivait à passeur_99@yahoo.fr."
    f = one(text, "Email")
    assert written(text, f) == "passeur_99@yahoo.fr"


# --- IBAN -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "form",
    ["DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "DE89-3704-0044-0532-0130-00"],
)
def test_iban_written_forms(form: str) -> None:
    text = f"Virement sur l'IBAN {form} BIC COBADEFFXXX le 3 mars."
    f = one(text, "BankAccount")
    assert written(text, f) == form
    assert f.value == "DE89370400440532013000"
    assert f.method == "rule:iban"
    assert f.properties["country"] == "DE"
    assert f.properties["iban"] == "DE89370400440532013000"
    assert f.properties["bank"] == "Commerzbank"
    assert f.properties["bic"] == "COBADEFFXXX"
    assert f.confidence >= 0.95


def test_french_iban_and_no_phone_inside_it() -> None:
    text = "Les fonds arrivaient sur l'IBAN FR76 3000 6000 0112 3456 7890 189."
    found = find_identifiers(text, default_region="FR")
    assert [(f.type, written(text, f), f.value) for f in found] == [
        ("BankAccount", "FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189"),
    ]


def test_invalid_iban_checksum_is_not_found() -> None:
    text = "IBAN FR76 3000 6000 0112 3456 7890 180 and DE88370400440532013000."
    assert [f for f in find_identifiers(text) if f.type == "BankAccount"] == []


def test_two_ibans_in_a_row() -> None:
    text = "DE89 3704 0044 0532 0130 00 FR7630006000011234567890189"
    found = find_identifiers(text)
    assert [f.value for f in found] == ["DE89370400440532013000", "FR7630006000011234567890189"]


# --- identity documents ---------------------------------------------------------------------


def test_french_passport_issued_by_tunisia() -> None:
    text = "Il est titulaire du passeport n° P 1234567 délivré par la Tunisie le 3 mai."
    f = one(text, "IdentityDocument", language="fr")
    assert written(text, f) == "P 1234567"
    assert f.value == "passport:TN:P1234567"
    assert f.method == "rule:passport"
    assert dict(f.properties) == {"kind": "passport", "number": "P1234567", "country": "TN"}


@pytest.mark.parametrize(
    ("text", "number", "value"),
    [
        ("The Nigerian passport A01234567 was forged.", "A01234567", "passport:NG:A01234567"),
        ("passport No. A01234567 (Nigeria)", "A01234567", "passport:NG:A01234567"),
        ("passport number YA1234567 issued by Libya", "YA1234567", "passport:LY:YA1234567"),
        ("un passeport nigérian n° AB123456", "AB123456", "passport:NG:AB123456"),
        ("con pasaporte marroquí número AB123456", "AB123456", "passport:MA:AB123456"),
        ("el pasaporte nº YA1234567 expedido en Marruecos", "YA1234567", "passport:MA:YA1234567"),
        ("travel document P 1234567", "P 1234567", "travel_document:XX:P1234567"),
        ("passport NO 1234567", "1234567", "passport:XX:1234567"),
    ],
)
def test_passport_numbers_and_their_issuing_country(text: str, number: str, value: str) -> None:
    f = one(text, "IdentityDocument")
    assert written(text, f) == number
    assert f.value == value


def test_spanish_dni_and_nie_check_letters() -> None:
    text = "Presentó el DNI 12345678Z, otro DNI 12345678A y el NIE X1234567L."
    found = find_identifiers(text, language="es")
    assert [(written(text, f), f.value) for f in found] == [
        ("12345678Z", "id_card:ES:12345678Z"),
        ("X1234567L", "id_card:ES:X1234567L"),
    ]
    assert found[0].properties["scheme"] == "DNI"
    assert found[1].properties["scheme"] == "NIE"
    assert all(f.method == "rule:id_card" and f.confidence >= 0.95 for f in found)


def test_id_card_and_residence_permit_in_french() -> None:
    text = "Carte d'identité n° 123456789012, titre de séjour 1234567890."
    found = find_identifiers(text, language="fr")
    assert [(written(text, f), f.value) for f in found] == [
        ("123456789012", "id_card:XX:123456789012"),
        ("1234567890", "residence_permit:XX:1234567890"),
    ]


def test_a_cue_does_not_reach_the_number_of_another_identifier() -> None:
    text = "Il a donné son passeport et téléphone 0612345678."
    found = find_identifiers(text, default_region="FR", language="fr")
    assert [(f.type, f.value) for f in found] == [("Phone", "+33612345678")]


def test_language_narrows_the_cue_words_to_its_own_and_english() -> None:
    text = "passeport n° P 1234567"
    assert [f.value for f in find_identifiers(text, language="fr")] == ["passport:XX:P1234567"]
    assert [f.value for f in find_identifiers(text, language="fr-FR")] == ["passport:XX:P1234567"]
    assert find_identifiers(text, language="es") == []
    # A language without its own cue list uses all of them.
    assert [f.value for f in find_identifiers(text, language="it")] == ["passport:XX:P1234567"]


@pytest.mark.parametrize(
    ("text", "number", "value"),
    [
        ("the Jordanian passport no. N 314889 presented by", "N 314889", "passport:JO:N314889"),
        ("with the falsified document H60425532.", "H60425532", "travel_document:XX:H60425532"),
        (
            "identity card bearing the number 22763820424416.",
            "22763820424416",
            "id_card:XX:22763820424416",
        ),
        (
            "el documento de identidad 1.109.967.738, expedido",
            "1.109.967.738",
            "id_card:XX:1109967738",
        ),
        (
            "utiliser le document d'identité LM 3216998, délivré",
            "LM 3216998",
            "id_card:XX:LM3216998",
        ),
        (
            "con el documento de viaje YR 682320 expedido",
            "YR 682320",
            "travel_document:XX:YR682320",
        ),
    ],
)
def test_more_document_cues_and_number_shapes(text: str, number: str, value: str) -> None:
    f = one(text, "IdentityDocument")
    assert (written(text, f), f.value) == (number, value)


def test_document_number_without_a_cue_is_left_alone() -> None:
    assert find_identifiers("The reference A01234567 was noted.") == []


# --- vehicles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "plate", "value", "country"),
    [
        ("viajaba en un vehículo con matrícula 1234 BCD", "1234 BCD", "1234BCD", "ES"),
        ("une Peugeot immatriculée AB-123-CD", "AB-123-CD", "AB123CD", "FR"),
        ("véhicule immatriculé en Italie AB-123-CD", "AB-123-CD", "AB123CD", "IT"),
        ("a Fiat with registration AB 123 CD", "AB 123 CD", "AB123CD", "IT"),
        ("a van with licence plate B-AB 1234", "B-AB 1234", "BAB1234", "DE"),
        ("registration number AB12 CDE", "AB12 CDE", "AB12CDE", "GB"),
        ("the car registered in Libya as 5-123456", "5-123456", "5123456", "LY"),
        ("Moroccan plate 12345-A-6", "12345-A-6", "12345A6", "MA"),
    ],
)
def test_plates(text: str, plate: str, value: str, country: str) -> None:
    f = one(text, "Vehicle")
    assert written(text, f) == plate
    assert f.value == value
    assert f.method == "rule:plate"
    assert f.properties["country"] == country
    assert f.properties["plate"] == value


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("in the beige Opel Vivaro van (EN 039 SY) driven by BUI", "EN 039 SY"),
        ("Passat de couleur gris argenté (WR 804 XR) conduit par VU", "WR 804 XR"),
        ("una furgoneta Citroën Jumpy (VJA 987) conducida por Wilson", "VJA 987"),
        ("the Toyota Hilux pick-up registered 9992182 belongs to", "9992182"),
        ("a Land Cruiser car with plates 8269593, used by", "8269593"),
        ("مالك المركبة التي تحمل اللوحة 9992182؛", "9992182"),
    ],
)
def test_plates_in_brackets_before_driven_by_and_plates_of_digits(text: str, plate: str) -> None:
    assert written(text, one(text, "Vehicle")) == plate


def test_a_year_behind_a_plate_cue_is_not_a_plate() -> None:
    assert [
        f for f in find_identifiers("the car registered 2019 in Rome") if f.type == "Vehicle"
    ] == []


def test_dates_and_references_behind_a_plate_cue_are_not_plates() -> None:
    text = "registration number 2026-0147 on 14-03-2026"
    assert find_identifiers(text) == []


# --- vessels --------------------------------------------------------------------------------


def test_imo_with_vessel_name() -> None:
    text = "The boat SEA STAR (IMO 9074729) left Sfax."
    name, number = [f for f in find_identifiers(text) if f.type == "Vessel"]
    assert written(text, number) == "IMO 9074729"
    assert number.value == "IMO9074729"
    assert number.method == "rule:imo"
    assert dict(number.properties) == {"imo": "9074729", "name": "SEA STAR"}
    # the name is a mention of the same vessel
    assert (written(text, name), name.value, name.method) == (
        "SEA STAR",
        "IMO9074729",
        "rule:vessel-name",
    )


def test_quoted_vessel_name_without_its_prefix() -> None:
    text = 'Le MV "Ocean Viking" (IMO n° 9074729) a débarqué 80 personnes.'
    name, number = [f for f in find_identifiers(text, language="fr") if f.type == "Vessel"]
    assert dict(number.properties) == {"imo": "9074729", "name": "OCEAN VIKING"}
    assert written(text, name) == "Ocean Viking"


@pytest.mark.parametrize(
    ("form", "mention"),
    [
        ("IMO9074729", "IMO9074729"),
        ("IMO: 9074729", "IMO: 9074729"),
        ("IMO n° 9074729", "9074729"),  # behind a label word, the number alone
        ("IMO No. 9074729", "9074729"),
        ("IMO رقم 9074729", "9074729"),
        ("IMO n.º 9074729", "9074729"),  # Spanish "número"
        ("IMO núm. 9074729", "9074729"),
    ],
)
def test_imo_written_forms(form: str, mention: str) -> None:
    text = f"navire {form}, pavillon togolais"
    f = one(text, "Vessel")
    assert written(text, f) == mention
    assert f.value == "IMO9074729"


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("The fishing vessel YASMINE left Benghazi.", "YASMINE", "YASMINE"),
        ("le remorqueur Sidi Bousaid, IMO 9074729, a quitté", "Sidi Bousaid", "IMO9074729"),
        ("el buque «Estrella del Mar» zarpó", "Estrella del Mar", "ESTRELLA DEL MAR"),
        ("غادر قارب الصيد YASMINE بنغازي", "YASMINE", "YASMINE"),
        ("غادر زورق القطر Kaptan Mehmet ميناء طرابلس", "Kaptan Mehmet", "KAPTAN MEHMET"),
        ("على متن مركب الشحن Nour Al Houda الراسي", "Nour Al Houda", "NOUR AL HOUDA"),
    ],
)
def test_vessel_names_behind_a_vessel_word(text: str, name: str, value: str) -> None:
    names = [f for f in find_identifiers(text) if f.method == "rule:vessel-name"]
    assert [(written(text, f), f.value) for f in names] == [(name, value)]


def test_a_name_without_imo_takes_the_number_given_elsewhere_in_the_text() -> None:
    text = "The vessel YASMINE (IMO 9074729) sailed. Later the boat YASMINE was seized."
    names = [f for f in find_identifiers(text) if f.method == "rule:vessel-name"]
    assert [f.value for f in names] == ["IMO9074729", "IMO9074729"]


def test_invalid_imo_check_digit_is_not_found() -> None:
    assert find_identifiers("The vessel IMO 9074728 was seen.", default_region="IT") == []


# --- crypto ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "value", "currency"),
    [
        ("1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "BTC"),
        ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "BTC"),
        (
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "BTC",
        ),
        (
            "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
            "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
            "BTC",
        ),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "TRX"),
        (
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
            "ETH",
        ),
        (
            "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359",
            "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359",
            "ETH",
        ),
    ],
)
def test_wallets_with_valid_checksums(address: str, value: str, currency: str) -> None:
    text = f"Les paiements passaient par le portefeuille {address}."
    f = one(text, "CryptoWallet")
    assert written(text, f) == address
    assert f.value == value
    assert f.method == "rule:crypto"
    assert f.properties["currency"] == currency


@pytest.mark.parametrize(
    "address",
    [
        "1BoatSLRHtKNngkdXEeobR76b53LETtpyU",  # base58check fails
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",  # bech32 checksum fails
        "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",  # mixed case
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u",  # base58check fails
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",  # EIP-55 fails
    ],
)
def test_wallets_with_broken_checksums_are_not_found(address: str) -> None:
    assert [
        f for f in find_identifiers(f"wallet {address} seized") if f.type == "CryptoWallet"
    ] == []


def test_usdt_on_tron_is_marked() -> None:
    f = one("paid in USDT (TRC20) to TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "CryptoWallet")
    assert dict(f.properties) == {"currency": "TRX", "token": "USDT"}


def test_segwit_reference_vectors() -> None:
    assert crypto.segwit_ok("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")
    assert crypto.segwit_ok("bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3")
    assert not crypto.segwit_ok("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx")  # testnet
    # A v0 program with a bech32m checksum (BIP-350 invalid vector).
    assert not crypto.segwit_ok("bc1qtmxfy8ju9l9y4m7xz3dp7l7zz3ef2tg8kzpna")


# --- the whole --------------------------------------------------------------------------------


def test_a_mixed_report_in_four_languages() -> None:
    text = (
        "Report NCB-ROME/2026/SOM/0147 of 14/03/2026, 14:30.\n"
        "Mohamed ABDELRAHMAN (+218 91 234 5678, abdel.m@proton.me) holds the Nigerian passport "
        "A01234567. Les fonds transitaient par l'IBAN FR76 3000 6000 0112 3456 7890 189 et le "
        "portefeuille TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t (USDT). El grupo usaba un vehículo con "
        "matrícula 1234 BCD. The boat SEA STAR (IMO 9074729) left Zuwara. "
        "وقال الشاهد إن الرقم ٠٩١٢٣٤٥٦٧٩ يعود للمهرب.\n"
    )
    found = find_identifiers(text, default_region="LY")
    assert_well_formed(text, found)
    assert [(f.type, written(text, f), f.value) for f in found] == [
        ("Phone", "+218 91 234 5678", "+218912345678"),
        ("Email", "abdel.m@proton.me", "abdel.m@proton.me"),
        ("IdentityDocument", "A01234567", "passport:NG:A01234567"),
        ("BankAccount", "FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189"),
        (
            "CryptoWallet",
            "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
            "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        ),
        ("Vehicle", "1234 BCD", "1234BCD"),
        ("Vessel", "SEA STAR", "IMO9074729"),
        ("Vessel", "IMO 9074729", "IMO9074729"),
        ("Phone", "٠٩١٢٣٤٥٦٧٩", "+218912345679"),
    ]


def test_overlaps_keep_the_most_confident_then_the_longest() -> None:
    a = Found(0, 10, "Phone", "+218912345678", "rule:phone", 0.8, {})
    b = Found(5, 20, "BankAccount", "X", "rule:iban", 0.99, {})
    c = Found(20, 25, "Email", "e", "rule:email", 0.9, {})
    d = Found(21, 23, "Phone", "p", "rule:phone", 0.9, {})
    assert identifiers.resolve_overlaps([a, b, c, d]) == [b, c]


def test_found_is_checked_hashable_and_keeps_its_own_properties() -> None:
    props = {"country": "LY"}
    f = Found(0, 3, "Phone", "+218912345678", "rule:phone", 0.95, props)
    props["country"] = "TN"
    assert f.properties == {"country": "LY"}
    twin = Found(0, 3, "Phone", "+218912345678", "rule:phone", 0.95, {"country": "LY"})
    assert len({f, twin}) == 1
    with pytest.raises(ValueError):
        Found(3, 3, "Phone", "x", "rule:phone", 0.9, {})
    with pytest.raises(ValueError):
        Found(0, 3, "Person", "x", "rule:ner", 0.9, {})
    with pytest.raises(ValueError):
        Found(0, 3, "Phone", "x", "rule:phone", 1.5, {})


def test_a_two_megabyte_report_completes_and_finds_every_planted_identifier() -> None:
    filler = (
        "The group left Agadez on 14/03/2026 at 14:30 and paid EUR 4,500 each "
        "(ref NCB-MADRID/2026/TEH/0147). Ils sont arrivés à Lampedusa le 2026-03-15 après avoir "
        "payé 12 000 €. Cada persona pagó 3 500 dinares. وصل المهاجرون إلى طرابلس في ١٤ مارس. "
    )
    parts: list[str] = []
    planted: list[tuple[int, str, str]] = []  # (start, type, value)
    size = 0
    i = 0
    while size < 2_000_000:
        parts.append(filler)
        size += len(filler)
        if i % 40 == 0:
            n = 1_000_000 + i
            phone = f"+218 91 {n % 1000:03d} {n % 10000:04d}"
            sentence = f"He called {phone} and showed passport A{n:08d}. "
            planted.append((size + sentence.index(phone), "Phone", ""))
            planted.append((size + sentence.index(f"A{n:08d}"), "IdentityDocument", ""))
            parts.append(sentence)
            size += len(sentence)
        if i % 400 == 0:
            sentence = "Funds went to DE89 3704 0044 0532 0130 00 and the SEA STAR (IMO 9074729). "
            planted.append((size + sentence.index("DE89"), "BankAccount", "DE89370400440532013000"))
            planted.append((size + sentence.index("SEA"), "Vessel", "IMO9074729"))
            planted.append((size + sentence.index("IMO"), "Vessel", "IMO9074729"))
            parts.append(sentence)
            size += len(sentence)
        i += 1
    text = "".join(parts)
    assert len(text) >= 2_000_000
    found = find_identifiers(text, default_region="LY")
    assert_well_formed(text, found)
    assert [(f.start, f.type) for f in found] == [(s, t) for s, t, _ in planted]
    for f, (_, _, value) in zip(found, planted, strict=True):
        if value:
            assert f.value == value


def test_a_guarded_pattern_finds_exactly_what_the_pattern_finds() -> None:
    cues = re.compile(
        r"(?<![A-Za-z])(?:(?P<doc>passports?|(?:national\s+)?id\s+cards?|(?-i:DNI))"
        r"|(?P<ar>(?:ال)?لوح(?:ة|ه)))(?![^\W\d_])",
        re.IGNORECASE,
    )
    guarded = _text.guarded(cues)
    assert guarded is not cues and guarded.groupindex == cues.groupindex
    text = (
        "PASSPORT, passports, İD card, ıd card, National  ID Cards, DNI, dni, dnis, الوحة, "
        "اللوحة رقم, لوحه, apassport, passporting, Kelvin ſ, NATIONAL ID CARD."
    )
    found = [(m.span(), m.lastgroup) for m in cues.finditer(text)]
    assert len(found) == 10
    assert [(m.span(), m.lastgroup) for m in guarded.finditer(text)] == found
    for pattern in (r"a*", r"[^\W\d_]+ing", r"(?:x|)y?"):  # may be empty, or any letter: unguarded
        compiled = re.compile(pattern)
        assert _text.guarded(compiled) is compiled


def test_lowered_text_is_read_by_case_sensitive_patterns_as_the_original_by_case_insensitive() -> (
    None
):
    # Every code point, against every letter of every pattern made case-sensitive: re.IGNORECASE
    # matches it to the letter exactly when its lower case is the letter, CASE_UNSAFE apart.
    assert relations.CUES  # its cue tables make their case-sensitive patterns at import
    everything = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    letters = {
        c
        for p in _text.MADE_CASE_SENSITIVE
        for c in _text._CATEGORIES.sub("", p.pattern)  # \W, \S: classes, not letters
        if c.isalpha()
    }
    letters |= set(string.ascii_lowercase)  # [a-z], written for [A-Za-z]
    assert letters
    by_lower: dict[str, set[str]] = {}
    for c in everything:
        low = c.lower()
        if c not in _text.CASE_UNSAFE:
            assert len(low) == 1 and c.isalnum() == low.isalnum(), hex(ord(c))
            by_lower.setdefault(low, set()).add(c)
    for letter in sorted(letters):
        either_case = set(re.findall(re.escape(letter), everything, re.IGNORECASE))
        assert either_case - set(_text.CASE_UNSAFE) == by_lower.get(letter, set()), letter


def test_case_sensitive_patterns_on_lowered_text_find_the_same_spans() -> None:
    cues = re.compile(r"\bpassports?\b|\bn[úu]mero\b|\bvoyag\w* (?:avec|vers)|جواز", re.IGNORECASE)
    fast = _text.case_sensitive(cues)
    text = "PASSPORT nº, Número, NUMERO de, Voyagé AVEC lui, جواز, passportS, ÉPASSPORT, Kelvin."
    low = _text.lowered(text)
    assert low is not None and len(low) == len(text)
    assert [m.span() for m in fast.finditer(low)] == [m.span() for m in cues.finditer(text)]
    assert len([m.span() for m in fast.finditer(low)]) == 6  # not inside ÉPASSPORT
    for unsafe in ("İD", "ıd", "ſ"):  # matched by re.IGNORECASE otherwise than by lower case
        assert _text.lowered(text + unsafe) is None
    for refused in (re.compile("x"), re.compile(r"[A-Z]+", re.I), re.compile("(?-i:DNI)|x", re.I)):
        with pytest.raises(ValueError):
            _text.case_sensitive(refused)
    # [A-Za-z] and category escapes read lower-cased text as the originals read the text
    bounded = re.compile(r"(?<![A-Za-z])(?:pasaporte|dni)(?![^\W\d_])\S", re.I)
    text = "xPASAPORTE: DNI. ÉDNIx dni5 Dni_ K"
    low = _text.lowered(text)
    assert low is not None
    spans = [m.span() for m in _text.case_sensitive(bounded).finditer(low)]
    assert spans == [m.span() for m in bounded.finditer(text)] == [(12, 16), (23, 27), (28, 32)]
    cues = _text.CaseFreeCues(bounded)
    assert [m.span() for m in cues.finditer(text)] == spans
    assert [m.span() for m in cues.finditer(text + " ſ")] == spans  # the original, unlowered


@pytest.mark.parametrize("module", [_text, crypto, emails, identifiers, extract])
def test_docstring_examples_hold(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.failed == 0


@pytest.mark.parametrize(
    ("text", "language", "plate"),
    [
        ("the owner of the vehicle registered DK7159NN; thanks", "en", "DK7159NN"),
        ("le propriétaire du véhicule immatriculé DK7836DY ;", "fr", "DK7836DY"),
        ("un coche de color blanco con matrícula 40500A99. La sociedad", "es", "40500A99"),
        ("سيارة لونها رمادي تحمل لوحة التسجيل 07924B47. أفاد", "ar", "07924B47"),
    ],
)
def test_eight_character_plates_without_separators(text: str, language: str, plate: str) -> None:
    f = one(text, "Vehicle", language=language)
    assert written(text, f) == plate and f.value == plate


def test_arabic_number_word_keeps_the_letter_prefix_of_a_passport_number() -> None:
    text = "وقدم جواز سفر أردني رقم N 622448 عند العبور."
    f = one(text, "IdentityDocument", language="ar")
    assert written(text, f) == "N 622448"
    assert f.value == "passport:JO:N622448"


def test_id_number_in_blocks_of_four_digits() -> None:
    text = "mediante el documento de identidad 5887 4357 7691, expedido por la India"
    f = one(text, "IdentityDocument", language="es")
    assert written(text, f) == "5887 4357 7691"
    assert f.value.endswith(":588743577691")


@pytest.mark.parametrize(
    ("text", "language", "plates"),
    [
        ("tracteur immatriculé GH-417-KT, semi-remorque DK-902-LB, exploité", "fr", ["GH417KT", "DK902LB"]),
        ("una furgoneta Peugeot Partner 2940 JTG fue vista en el puerto", "es", ["2940JTG"]),
        ("Scania unit, reg HX68 VNP, pulling a Bulgarian-plated curtainsider CA 4719 PX", "en",
         ["HX68VNP", "CA4719PX"]),
        ("the truck 2024 model with 3 axles and a van with 12 people", "en", []),
    ],
)  # fmt: skip
def test_plates_behind_vehicle_nouns_and_shorthand(
    text: str, language: str, plates: list[str]
) -> None:
    found = [f for f in find_identifiers(text, language=language) if f.type == "Vehicle"]
    assert [f.value for f in found] == plates
    assert all(written(text, f) for f in found)


def test_a_cued_identifier_written_again_bare_is_the_same_identifier() -> None:
    text = (
        "Le tracteur immatriculé GH-417-KT a été contrôlé. Le navire SEA FALCON (IMO 8712207) "
        "est en cause. Vérifier les passages de GH-417-KT par Zeebrugge. SEA FALCON est géré "
        "par une société de Majuro. GH-417-KTX n'est pas le même."
    )
    found = find_identifiers(text, language="fr")
    repeats = [(written(text, f), f.value) for f in found if f.method == "rule:repeat"]
    assert repeats == [("GH-417-KT", "GH417KT"), ("SEA FALCON", "IMO8712207")]


@pytest.mark.parametrize(
    ("text", "language", "number"),
    [
        (
            "ABDELRAHMAN Mohamed, DOB 12.03.1987, PP no. LY7741208 (issued Tripoli)",
            "en",
            "LY7741208",
        ),
        ("صاحب بطاقة التعريف الوطنية عدد 07412385، والقاطن بصفاقس", "ar", "07412385"),
    ],
)
def test_telegraphic_and_maghreb_document_cues(text: str, language: str, number: str) -> None:
    f = one(text, "IdentityDocument", language=language)
    assert written(text, f) == number


def test_document_numbers_under_a_document_column_of_a_pipe_table() -> None:
    text = (
        "Subjects identified:\n\n"
        "| # | Nombre | Nacionalidad | Pasaporte | Teléfono |\n"
        "|---|--------|--------------|-----------|----------|\n"
        "| 1 | OKAFOR, Chinedu | nigeriana | B01938274 | +234 706 118 4402 |\n"
        "| 2 | AL-WARFALLI Omar | Libia | sin datos | +218 91 234 5678 |\n"
        "\n| Ref | Code |\n| 1 | B01938275 |\n"  # another table: no document column
    )
    found = [f for f in find_identifiers(text, language="es") if f.type == "IdentityDocument"]
    assert [(written(text, f), f.value) for f in found] == [("B01938274", "passport:NG:B01938274")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The tug Ocean Warrior (IMO 9074729) towed two boats.", "Ocean Warrior"),
        ('a grey rubber dinghy marked "BLUE 4" was found', "BLUE 4"),
        ("le voilier Belle Étoile, battant pavillon belge", "Belle Étoile"),
        ("le chalutier Notre-Dame de la Paix a quitté", "Notre-Dame de la Paix"),
        ("la lancha neumática «Relámpago», de 8 metros", "Relámpago"),
        ("el velero Mar de Plata zarpó de Almería", "Mar de Plata"),
        ("INTERCEPTED TUG NORTH STAR TOWING THREE DINGHIES", "NORTH STAR"),
        ("À BORD DU CHALUTIER AL AMAL. LES PASSAGERS", "AL AMAL"),
    ],
)
def test_vessel_names_after_vessel_words_in_four_languages(text: str, name: str) -> None:
    names = [written(text, f) for f in find_identifiers(text) if f.method == "rule:vessel-name"]
    assert names == [name]


def test_a_name_in_capitals_before_an_imo_number_leaves_out_the_sentence() -> None:
    text = "PATROL INTERCEPTED TUG SEA LION (IMO 9074729, FLAG TOGO)"
    names = [written(text, f) for f in find_identifiers(text) if f.method == "rule:vessel-name"]
    assert names == ["SEA LION"]


def test_mmsi_and_spanish_folio_are_vessel_numbers() -> None:
    text = "The boat (MMSI 247123450) and the velero with folio 3ª-AL-2-45-21 left."
    found = {f.value: written(text, f) for f in find_identifiers(text) if f.type == "Vessel"}
    assert found["MMSI247123450"] == "247123450"
    assert found["FOLIO:3ª-AL-2-45-21"] == "3ª-AL-2-45-21"
