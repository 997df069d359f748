"""Links from text: cue-typed links, and the lists a request asks to check (no cues there)."""

from __future__ import annotations

import pytest

from odyssey.ingest.relations import Span, relations_in_sentence


def links(text: str, items: list[tuple[str, str]]) -> set[tuple[str, str, str]]:
    """(type, source text, target text) of the links among ``items`` (written form, type)."""
    spans, pos = [], 0
    for i, (written, kind) in enumerate(items):
        start = text.index(written, pos)
        spans.append(Span(i, start, start + len(written), kind))
        pos = start + len(written)
    found = relations_in_sentence(text, (0, len(text)), spans)
    return {(r.type, items[r.source][0], items[r.target][0]) for r in found}


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "Please check the following: Omar HADDAD, passport P4471023, vehicle AB-123-CD "
            "and IBAN FR7630006000011234567890189.",
            [("Omar HADDAD", "Person"), ("P4471023", "IdentityDocument"),
             ("AB-123-CD", "Vehicle"), ("FR7630006000011234567890189", "BankAccount")],
        ),
        (
            "Merci de vérifier les éléments suivants : Omar HADDAD ; passeport P4471023 ; "
            "compte FR7630006000011234567890189.",
            [("Omar HADDAD", "Person"), ("P4471023", "IdentityDocument"),
             ("FR7630006000011234567890189", "BankAccount")],
        ),
        (
            "Rogamos comprueben los siguientes datos: Omar HADDAD, pasaporte P4471023, "
            "cuenta ES9121000418450200051332.",
            [("Omar HADDAD", "Person"), ("P4471023", "IdentityDocument"),
             ("ES9121000418450200051332", "BankAccount")],
        ),
    ],
)  # fmt: skip
def test_items_of_a_list_to_check_are_only_associated(
    text: str, items: list[tuple[str, str]]
) -> None:
    found = links(text, items)
    assert found and {kind for kind, _, _ in found} == {"ASSOCIATED_WITH"}


def test_a_cue_between_two_mentions_still_types_the_link() -> None:
    text = "Omar HADDAD holds passport P4471023 and the account FR7630006000011234567890189."
    items = [
        ("Omar HADDAD", "Person"),
        ("P4471023", "IdentityDocument"),
        ("FR7630006000011234567890189", "BankAccount"),
    ]
    found = links(text, items)
    assert ("HOLDS", "Omar HADDAD", "P4471023") in found
    assert ("HOLDS", "Omar HADDAD", "FR7630006000011234567890189") in found


def test_a_request_about_one_holder_keeps_its_cue() -> None:
    text = "Kindly confirm whether Omar HADDAD, holder of passport P4471023, is known."
    found = links(text, [("Omar HADDAD", "Person"), ("P4471023", "IdentityDocument")])
    assert found == {("HOLDS", "Omar HADDAD", "P4471023")}


@pytest.mark.parametrize("tail", ["", " (ſic, İzmir)"])  # lower-cased, or left as written
def test_cues_are_found_whatever_their_case_and_kept_as_written(tail: str) -> None:
    text = "Omar HADDAD USES the number +33612345678 and TRAVELLED WITH Ali BEN SALAH" + tail
    items = [("Omar HADDAD", "Person"), ("+33612345678", "Phone"), ("Ali BEN SALAH", "Person")]
    spans, pos = [], 0
    for i, (written, kind) in enumerate(items):
        start = text.index(written, pos)
        spans.append(Span(i, start, start + len(written), kind))
        pos = start + len(written)
    found = {
        (r.type, r.source, r.target, r.cue)
        for r in relations_in_sentence(text, (0, len(text)), spans)
    }
    assert ("USES", 0, 1, "USES") in found
    assert ("TRAVELLED_WITH", 0, 2, "TRAVELLED WITH") in found
