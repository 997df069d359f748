"""Contract: writes are atomic, idempotent batches that keep every record intact."""

from __future__ import annotations

import pytest

from odyssey.errors import StoreError, ValidationError
from odyssey.graph import Batch, GraphStore
from odyssey.model import Document, Entity, Evidence, Link, Mention

from .conftest_helpers import Opener
from .sample import build


def test_a_batch_reads_back_exactly(store: GraphStore) -> None:
    s = build()
    result = store.put(s.batch)
    assert (result.documents, result.cases, result.entities, result.mentions, result.links) == (
        3,
        2,
        6,
        9,
        6,
    )
    assert store.document(s.r1.id) == s.r1
    assert store.entities([s.mohamed.id]) == [s.mohamed]
    assert sorted(store.links(), key=lambda lk: lk.id) == sorted(
        s.batch.links, key=lambda lk: lk.id
    )
    stored = store.mentions(document_id=s.r1.id)
    assert [m.text for m in stored] == [
        "Mohamed ABDELRAHMAN",
        "+218 91 234 5678",
        "Ali HASSAN",
        "Zuwara",
    ]
    for m in stored:  # provenance: the exact characters of the report
        assert s.r1.text[m.start : m.end] == m.text


def test_writing_the_same_batch_twice_adds_nothing(store: GraphStore) -> None:
    s = build()
    store.put(s.batch)
    before = store.counts()
    again = store.put(build().batch)
    assert (again.documents, again.cases, again.entities, again.mentions, again.links) == (
        0,
        0,
        0,
        0,
        0,
    )
    assert store.counts() == before


def test_a_failing_batch_writes_nothing(store: GraphStore) -> None:
    s = build()
    store.put(Batch(entities=[s.phone]))
    clash = Entity(
        s.phone.id, "Email", "not a phone"
    )  # same id, other type: refused mid-transaction
    with pytest.raises(ValidationError, match="stored as Phone"):
        store.put(Batch(documents=[s.r1], entities=[s.mohamed, clash]))
    assert store.counts().documents == 0
    assert store.entities([s.mohamed.id]) == []


def test_put_each_rolls_back_only_the_refused_batches(store: GraphStore) -> None:
    s = build()
    store.put(Batch(entities=[s.phone]))
    clash = Entity(s.phone.id, "Email", "not a phone")  # refused mid-write, after the document
    r1, r2, r3 = (d for d in s.batch.documents)
    results = store.put_each(
        [
            Batch(documents=[r1], entities=[s.mohamed]),
            Batch(documents=[r2], entities=[clash]),
            Batch(mentions=[m for m in s.batch.mentions if m.document_id == r2.id]),
            Batch(documents=[r3]),
        ]
    )
    assert [type(r).__name__ for r in results] == [
        "WriteResult",
        "ValidationError",
        "ValidationError",
        "WriteResult",
    ]
    assert "stored as Phone" in str(results[1])
    assert "put the documents first" in str(results[2])  # r2 was rolled back
    assert store.known_documents([r1.id, r2.id, r3.id]) == {r1.id, r3.id}
    assert store.entities([s.mohamed.id]) == [s.mohamed]
    assert store.entities([s.phone.id])[0].type == "Phone"


def test_references_to_missing_records_are_refused(store: GraphStore) -> None:
    s = build()
    with pytest.raises(ValidationError, match="put the documents first"):
        store.put(Batch(entities=list(s.batch.entities), mentions=list(s.batch.mentions)))
    with pytest.raises(ValidationError, match="entities not in the store"):
        store.put(Batch(documents=[s.r1], links=[s.batch.links[0]]))
    assert store.counts().documents == 0


def test_entities_merge_and_never_lose_a_written_form(store: GraphStore) -> None:
    s = build()
    store.put(Batch(entities=[s.mohamed]))
    renamed = Entity(
        s.mohamed.id,
        "Person",
        "Muhammad Abd al-Rahman",
        aliases=("Abu Yasin",),
        properties={"birth_date": "1984-05-02"},
    )
    result = store.put(Batch(entities=[renamed]))
    assert result.entities == 0
    (merged,) = store.entities([s.mohamed.id])
    assert merged.label == "Muhammad Abd al-Rahman"
    assert set(merged.aliases) == {
        "Mohamed ABDELRAHMAN",
        "Mohammed Abdel Rahman",
        "محمد عبد الرحمن",
        "Abu Yasin",
    }
    assert merged.properties == {"nationality": "LY", "birth_date": "1984-05-02"}
    assert [h.entity.id for h in store.search("abu yasin")] == [s.mohamed.id]


def test_an_entity_written_again_as_stored_stays_as_it_was(store: GraphStore) -> None:
    """A known phone or place is written again by every report naming it: nothing changes,
    and search still finds it once (the embedded store skips rewriting it)."""
    s = build()
    store.put(Batch(entities=[s.mohamed]))
    before = store.entities([s.mohamed.id])
    assert store.put(Batch(entities=[s.mohamed])).entities == 0
    assert store.put(Batch(entities=[s.mohamed, s.mohamed])).entities == 0
    assert store.entities([s.mohamed.id]) == before
    for query in ("mohamed abdelrahman", "mohammed abdel"):
        assert [h.entity.id for h in store.search(query)] == [s.mohamed.id]


def test_data_survives_closing_and_reopening(open_backend: Opener) -> None:
    s = build()
    with open_backend() as first:
        first.put(s.batch)
    with open_backend() as second:
        assert second.document(s.r3.id) == s.r3
        assert second.counts().links["USES"] == 3


def test_a_closed_store_says_so(open_backend: Opener) -> None:
    store = open_backend()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()


def test_a_large_batch_is_one_transaction(store: GraphStore) -> None:
    text = "call records\n" + "".join(f"row {i}\n" for i in range(5000))
    doc = Document.from_text(text, source="tables/calls.csv", kind="table")
    phones = [Entity(f"Phone:+3933{i:08d}", "Phone", f"+3933{i:08d}") for i in range(5001)]
    offset, links, mentions = len("call records\n"), [], []
    for i in range(5000):
        line = f"row {i}\n"
        ev = Evidence(doc.id, offset, offset + len(line) - 1)
        links.append(
            Link("CALLED", phones[i].id, phones[i + 1].id, ev, method="table", confidence=1.0)
        )
        mentions.append(
            Mention.at(
                doc,
                offset,
                offset + 3,
                type="Phone",
                method="table",
                confidence=1.0,
                entity_id=phones[i].id,
            )
        )
        offset += len(line)
    result = store.put(Batch(documents=[doc], entities=phones, mentions=mentions, links=links))
    assert (result.entities, result.links, result.mentions) == (5001, 5000, 5000)
    assert store.counts().links == {"CALLED": 5000}


def test_a_large_load_reads_the_same_inside_and_after(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("odyssey.graph.sqlite_store.DEFER_INDEXES_FROM", 1)  # 3 documents count
    s = build()
    with store.loading(len(s.batch.documents)):
        store.put_each([s.batch])
        inside = (store.mentions(document_id=s.r1.id), store.neighbours(s.phone.id))
    after = (store.mentions(document_id=s.r1.id), store.neighbours(s.phone.id))
    assert inside == after
    assert [m.text for m in after[0]][:2] == ["Mohamed ABDELRAHMAN", "+218 91 234 5678"]
    assert set(after[1].entities) == {s.phone.id, s.mohamed.id, s.jose.id}
