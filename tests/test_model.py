"""The model validates records where they are made and derives stable ids."""

from __future__ import annotations

import pytest

from odyssey.errors import SchemaError, ValidationError
from odyssey.model import Case, Document, Entity, Evidence, Link, Mention, entity_id
from odyssey.schema import ENTITY_TYPES, IDENTIFIER_TYPES, LINK_TYPES, entity_type, link_type

TEXT = "Mohamed ABDELRAHMAN uses the number +218 91 234 5678."


def doc() -> Document:
    return Document.from_text(TEXT, source="r.txt", language="en", grading="B2")


def test_schema_declares_the_types_of_the_design() -> None:
    assert set(ENTITY_TYPES) >= {
        "Person", "Organization", "Location", "Address", "Phone", "Email", "IdentityDocument",
        "Vehicle", "Vessel", "BankAccount", "CryptoWallet", "Event",
    }  # fmt: skip
    assert set(LINK_TYPES) >= {
        "USES", "HOLDS", "MEMBER_OF", "TRAVELLED_WITH", "PAID", "LOCATED_AT", "ASSOCIATED_WITH", "CALLED",
    }  # fmt: skip
    assert IDENTIFIER_TYPES == {
        "Phone", "Email", "IdentityDocument", "Vehicle", "Vessel", "BankAccount", "CryptoWallet",
    }  # fmt: skip
    assert link_type("USES").allows("Person", "Phone")
    assert not link_type("USES").allows("Phone", "Person")
    assert link_type("ASSOCIATED_WITH").allows("Vessel", "Email")
    assert entity_type("Vessel").featured == ("name", "flag")


def test_unknown_type_names_list_the_valid_ones() -> None:
    with pytest.raises(SchemaError, match="use one of: Person"):
        entity_type("Suspect")
    with pytest.raises(SchemaError, match="unknown link type 'KNOWS'"):
        Link("KNOWS", "a", "b", Evidence("d", 0, 1), method="m", confidence=0.5)


def test_document_id_is_the_content_hash() -> None:
    assert doc().id == Document.id_for(TEXT.encode()) == doc().id
    assert len(doc().id) == 64
    with pytest.raises(ValidationError, match="SHA-256"):
        Document(id="42", source="r.txt", text=TEXT)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("grading", "G9", "Admiralty"),
        ("handling_code", "top secret", "handling code"),
        ("crime_category", "piracy", "piracy"),
    ],
)
def test_document_metadata_is_checked(field: str, value: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Document.from_text(TEXT, source="r.txt", **{field: value})


def test_mention_text_is_taken_from_the_document() -> None:
    m = Mention.at(
        doc(), 36, 52, type="Phone", method="rule:phone", confidence=0.95, value="+218912345678"
    )
    assert m.text == "+218 91 234 5678"
    assert m.id == Mention.at(doc(), 36, 52, type="Phone", method="other", confidence=0.5).id
    with pytest.raises(ValidationError, match="runs past the end"):
        Mention.at(doc(), 50, 500, type="Phone", method="m", confidence=0.5)
    with pytest.raises(ValidationError, match="take the text from the document"):
        Mention(doc().id, 0, 7, "Mohamed ABDELRAHMAN", "Person", "m", 0.5)


@pytest.mark.parametrize(("start", "end", "confidence"), [(5, 5, 0.5), (-1, 3, 0.5), (0, 7, 1.5)])
def test_bad_spans_and_confidences_are_refused(start: int, end: int, confidence: float) -> None:
    with pytest.raises(ValidationError):
        Mention(doc().id, start, end, TEXT[max(start, 0) : end], "Person", "m", confidence)


def test_identifier_ids_are_their_normalised_value() -> None:
    assert entity_id("Phone", "+218912345678") == "Phone:+218912345678"
    person = entity_id("Person", "mohamed abdelrahman")
    assert person.startswith("Person:") and person == entity_id("Person", "mohamed abdelrahman")
    assert person != entity_id("Person", "ali hassan")


def test_entity_keeps_aliases_distinct_from_its_label() -> None:
    e = Entity("Person:1", "Person", "Ali HASSAN", aliases=("Ali HASSAN", "Ali Hasan", "Ali Hasan"))
    assert e.aliases == ("Ali Hasan",)
    with pytest.raises(ValidationError, match="needs an id and a label"):
        Entity("Person:2", "Person", "  ")


def test_link_ids_follow_direction_only_for_directed_types() -> None:
    ev = Evidence(doc().id, 0, 53)
    a_b = Link("TRAVELLED_WITH", "Person:a", "Person:b", ev, method="m", confidence=0.5)
    b_a = Link("TRAVELLED_WITH", "Person:b", "Person:a", ev, method="m", confidence=0.5)
    assert a_b.id == b_a.id
    paid = Link("PAID", "Person:a", "Person:b", ev, method="m", confidence=0.5)
    assert paid.id != Link("PAID", "Person:b", "Person:a", ev, method="m", confidence=0.5).id
    with pytest.raises(ValidationError, match="to itself"):
        Link("PAID", "Person:a", "Person:a", ev, method="m", confidence=0.5)


def test_case_needs_a_reference() -> None:
    assert Case("IT-SOM-2026-031", crime_category="smuggling").crime_category.value == "smuggling"
    with pytest.raises(ValidationError, match="case id is empty"):
        Case(" ")


def test_records_pickle_as_their_constructor_call_and_come_back_equal() -> None:
    """Worker processes send records back pickled: they must arrive equal, and validated."""
    import pickle

    d = doc()
    m = Mention.at(d, 0, 19, type="Person", method="rule:name", confidence=0.85, entity_id="p:1")
    phone = Entity(entity_id("Phone", "+218912345678"), "Phone", "+218912345678", ("091 234 5678",))
    link = Link(
        "USES", "p:1", phone.id, Evidence(d.id, 0, len(TEXT)), method="cue:uses", confidence=0.75,
        mention_ids=(m.id,), properties={"note": "x"},
    )  # fmt: skip
    case = Case("OD-1", "Route", crime_category="smuggling")
    records = [d, m, phone, link, link.evidence, case]
    back = pickle.loads(pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == records
    assert [type(r) for r in back] == [type(r) for r in records]
    assert back[1].id == m.id and back[3].id == link.id
    # the pickle is the constructor call: a record that no longer validates is refused on arrival
    cls, args = m.__reduce__()
    assert cls is Mention
    with pytest.raises(ValidationError):
        cls(*args[:1], 5, 2, *args[3:])
