"""A small, hand-made case file that the contract tests write and read back.

Two cases (an Italian smuggling case and a Spanish trafficking case) share a
phone: the cross-case link analysts look for. One report is CONFIDENTIAL, so
scoped reads have something to hide: the vessel and the captain's travel with
the organiser are known only from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from odyssey.graph import Batch
from odyssey.model import Case, Document, Entity, Evidence, Link, Mention, entity_id

IT_CASE = "IT-SOM-2026-031"
ES_CASE = "ES-TEH-2026-007"

R1 = (
    "REFERENCE: NCB-ROME/2026/SOM/0147\n"
    "Mohamed ABDELRAHMAN uses the number +218 91 234 5678. "
    "He travelled with Ali HASSAN from Zuwara to Lampedusa.\n"
)
R2 = (
    "REFERENCE: NCB-MADRID/2026/TEH/0012\n"
    "La víctima fue captada por José GARCÍA, que utiliza el número +218 91 234 5678.\n"
)
R3 = (
    "REFERENCE: NCB-ROME/2026/SOM/0160\n"
    "The boat SEA STAR (IMO 9074729) was skippered by Ali HASSAN, who travelled with Mohamed ABDELRAHMAN.\n"
)


@dataclass(frozen=True)
class Sample:
    batch: Batch
    r1: Document
    r2: Document
    r3: Document
    mohamed: Entity
    ali: Entity
    jose: Entity
    phone: Entity
    vessel: Entity
    zuwara: Entity


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def _sentence(text: str, needle: str) -> tuple[int, int]:
    """Evidence span of the sentence (or line) containing ``needle`` — test data only."""
    at = text.index(needle)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1)
    end = text.index(".", at) + 1
    return start, end


def build() -> Sample:
    r1 = Document.from_text(
        R1,
        source="messages/NCB-ROME_2026_SOM_0147.txt",
        language="en",
        reference="NCB-ROME/2026/SOM/0147",
        originating_ncb="NCB ROME",
        recipients=("NCB TRIPOLI",),
        date=date(2026, 1, 14),
        subject="Smuggling across the Central Mediterranean",
        case_id=IT_CASE,
        crime_category="smuggling",
        handling_code="official",
        grading="B2",
    )
    r2 = Document.from_text(
        R2,
        source="messages/NCB-MADRID_2026_TEH_0012.txt",
        language="es",
        reference="NCB-MADRID/2026/TEH/0012",
        originating_ncb="NCB MADRID",
        date=date(2026, 2, 3),
        case_id=ES_CASE,
        crime_category="trafficking",
        handling_code="restricted",
        grading="A1",
    )
    r3 = Document.from_text(
        R3,
        source="messages/NCB-ROME_2026_SOM_0160.txt",
        language="en",
        reference="NCB-ROME/2026/SOM/0160",
        originating_ncb="NCB ROME",
        date=date(2026, 4, 20),
        case_id=IT_CASE,
        crime_category="smuggling",
        handling_code="confidential",
        grading="C3",
    )
    mohamed = Entity(
        entity_id("Person", "mohamed abdelrahman"),
        "Person",
        "Mohamed ABDELRAHMAN",
        aliases=("Mohammed Abdel Rahman", "محمد عبد الرحمن"),
        properties={"nationality": "LY"},
    )
    ali = Entity(
        entity_id("Person", "ali hassan 1979"),
        "Person",
        "Ali HASSAN",
        properties={"birth_date": "1979-02-11"},
    )
    jose = Entity(entity_id("Person", "jose garcia"), "Person", "José GARCÍA")
    phone = Entity(
        entity_id("Phone", "+218912345678"), "Phone", "+218912345678", aliases=("+218 91 234 5678",)
    )
    vessel = Entity(
        entity_id("Vessel", "IMO9074729"), "Vessel", "SEA STAR", properties={"imo": "9074729"}
    )
    zuwara = Entity(
        entity_id("Location", "zuwara ly"), "Location", "Zuwara", properties={"country": "LY"}
    )

    def mention(doc: Document, needle: str, ent: Entity, after: int = 0) -> Mention:
        start, end = _span(doc.text, needle, after)
        return Mention.at(
            doc, start, end, type=ent.type, method="test", confidence=0.9, entity_id=ent.id
        )

    mentions = [
        mention(r1, "Mohamed ABDELRAHMAN", mohamed),
        mention(r1, "+218 91 234 5678", phone),
        mention(r1, "Ali HASSAN", ali),
        mention(r1, "Zuwara", zuwara),
        mention(r2, "José GARCÍA", jose),
        mention(r2, "+218 91 234 5678", phone),
        mention(r3, "SEA STAR", vessel),
        mention(r3, "Ali HASSAN", ali),
        mention(r3, "Mohamed ABDELRAHMAN", mohamed),
    ]

    def link(
        kind: str, a: Entity, b: Entity, doc: Document, needle: str, conf: float, **kw: object
    ) -> Link:
        start, end = _sentence(doc.text, needle)
        return Link(
            kind, a.id, b.id, Evidence(doc.id, start, end), method="test", confidence=conf, **kw
        )  # type: ignore[arg-type]

    links = [
        link("USES", mohamed, phone, r1, "uses the number", 0.9),
        link(
            "TRAVELLED_WITH",
            mohamed,
            ali,
            r1,
            "travelled with Ali",
            0.8,
            occurred_at=date(2026, 1, 10),
        ),
        link("TRAVELLED_TO", ali, zuwara, r1, "from Zuwara", 0.5),
        link("USES", jose, phone, r2, "utiliza", 0.9),
        link("USES", ali, vessel, r3, "skippered", 0.7),
        link("TRAVELLED_WITH", ali, mohamed, r3, "who travelled with", 0.6),
    ]
    batch = Batch(
        documents=[r1, r2, r3],
        cases=[
            Case(
                IT_CASE, "Operation MARE NOSTRUM", "smuggling", "IT", "NCB ROME", date(2026, 1, 2)
            ),
            Case(ES_CASE, "Operación TELARAÑA", "trafficking", "ES", "NCB MADRID"),
        ],
        entities=[mohamed, ali, jose, phone, vessel, zuwara],
        mentions=mentions,
        links=links,
    )
    return Sample(batch, r1, r2, r3, mohamed, ali, jose, phone, vessel, zuwara)
