"""Contract: entity resolution is stored as records, judgements and assignments, never destructively.

Every store keeps what extraction wrote (records), lets resolution point records
at entities (mentions and links follow), undoes that without losing a mention,
and keeps judgements about pairs of records with their score and reasons.
"""

from __future__ import annotations

import pytest

from odyssey.errors import NotFoundError, ValidationError
from odyssey.graph import Batch, GraphStore, Judgement, ReadScope
from odyssey.model import Document, Entity, Mention, entity_id

from .conftest_helpers import Opener
from .sample import build


def _mention_texts(store: GraphStore, entity: str) -> list[str]:
    return sorted(m.text for m in store.mentions(entity_id=entity))


def test_every_written_entity_is_a_record_of_its_own(store: GraphStore) -> None:
    s = build()
    store.put(s.batch)
    records = store.records()
    assert {r.id for r in records} == {e.id for e in s.batch.entities}
    assert all(r.entity_id == r.id for r in records)
    assert [r.seq for r in records] == sorted(r.seq for r in records)
    by_id = {r.id: r for r in records}
    assert set(by_id[s.phone.id].documents) == {s.r1.id, s.r2.id}
    assert by_id[s.mohamed.id].properties == {"nationality": "LY"}
    assert [r.id for r in store.records(types=["Phone"])] == [s.phone.id]
    newest = max(r.seq for r in records)
    assert store.records(since=newest) == []
    assert store.resolved_through() == 0


def test_a_merge_moves_mentions_and_links_and_undoing_it_loses_nothing(store: GraphStore) -> None:
    s = build()
    store.put(s.batch)
    before = {m.id for m in store.mentions()}
    merged = Entity(s.mohamed.id, "Person", s.mohamed.label, aliases=("José GARCÍA",))
    assert store.assign({s.jose.id: s.mohamed.id}, [merged], through=3) == 1
    assert store.resolved_through() == 3
    assert _mention_texts(store, s.mohamed.id) == [
        "José GARCÍA",
        "Mohamed ABDELRAHMAN",
        "Mohamed ABDELRAHMAN",
    ]
    assert store.entities([s.jose.id]) == []  # nothing points at it any more
    assert store.entities([s.mohamed.id])[0].aliases == ("José GARCÍA",)
    uses = [lk for lk in store.links(entity_id=s.phone.id) if lk.type == "USES"]
    assert {lk.source for lk in uses} == {s.mohamed.id}
    assert store.search("garcia")[0].entity.id == s.mohamed.id
    # undo: the record goes back to an entity of its own; every mention is still there
    assert store.assign({s.jose.id: s.jose.id}, [s.jose], through=3) == 1
    assert {m.id for m in store.mentions()} == before
    assert _mention_texts(store, s.jose.id) == ["José GARCÍA"]
    assert {lk.source for lk in store.links(entity_id=s.phone.id)} == {s.mohamed.id, s.jose.id}
    assert store.resolved_through() == 3


def test_a_link_between_two_merged_records_is_hidden_until_they_are_split(
    store: GraphStore,
) -> None:
    s = build()
    store.put(s.batch)
    links_before = store.counts().links
    store.assign({s.ali.id: s.mohamed.id}, [s.mohamed], through=1)
    assert "TRAVELLED_WITH" not in store.counts().links
    assert all(lk.source != lk.target for lk in store.links())
    store.expand([s.mohamed.id], hops=2)  # reads still work
    store.assign({s.ali.id: s.ali.id}, [s.ali], through=1)
    assert store.counts().links == links_before


def test_a_new_mention_of_an_assigned_record_lands_on_its_entity(store: GraphStore) -> None:
    s = build()
    store.put(s.batch)
    store.assign({s.jose.id: s.mohamed.id}, [s.mohamed], through=1)
    doc = Document.from_text("José GARCÍA again.", source="r9.txt", language="es")
    m = Mention.at(doc, 0, 11, type="Person", method="test", confidence=0.9, entity_id=s.jose.id)
    store.put(Batch(documents=[doc], entities=[s.jose], mentions=[m]))
    assert [x.entity_id for x in store.mentions(document_id=doc.id)] == [s.mohamed.id]
    assert store.entities([s.jose.id]) == []


def test_assigning_unknown_records_or_entities_is_refused(store: GraphStore) -> None:
    s = build()
    store.put(s.batch)
    with pytest.raises(NotFoundError):
        store.assign({"Person:nobody": s.mohamed.id}, [], through=1)
    with pytest.raises(ValidationError):
        store.assign({s.jose.id: entity_id("Person", "never written")}, [], through=1)
    assert _mention_texts(store, s.jose.id) == ["José GARCÍA"]  # nothing half-done
    assert store.resolved_through() == 0
    # a refused assignment leaves nothing behind for the next one
    merged = Entity(s.mohamed.id, "Person", s.mohamed.label, aliases=("José GARCÍA",))
    assert store.assign({s.jose.id: s.mohamed.id}, [merged], through=1) == 1
    assert _mention_texts(store, s.mohamed.id) == [
        "José GARCÍA",
        "Mohamed ABDELRAHMAN",
        "Mohamed ABDELRAHMAN",
    ]


def test_only_records_whose_entity_changes_are_moved(store: GraphStore) -> None:
    s = build()
    store.put(s.batch)
    merged = Entity(s.mohamed.id, "Person", s.mohamed.label, aliases=("José GARCÍA", "Ali"))
    moves = {s.mohamed.id: s.mohamed.id, s.jose.id: s.mohamed.id, s.ali.id: s.mohamed.id}
    assert store.assign(moves, [merged], through=2) == 2  # Mohamed's own record stays put
    assert {r.id for r in store.records() if r.entity_id == s.mohamed.id} == set(moves)
    assert store.entities([s.jose.id, s.ali.id]) == []
    assert store.assign(moves, [merged], through=2) == 0  # again: nothing to move
    assert store.search("garcia")[0].entity.id == s.mohamed.id


def test_judgements_are_kept_per_pair_and_source(store: GraphStore) -> None:
    s = build()
    store.put(s.batch)
    machine = Judgement(
        s.jose.id, s.mohamed.id, "not_same", score=0.2, reasons={"name": -0.8, "phone": 0.5}
    )
    assert machine.a < machine.b
    analyst = Judgement(s.mohamed.id, s.jose.id, "same", source="analyst", note="jdoe: same man")
    assert store.put_judgements([machine, analyst]) == 2
    assert store.judgements() == sorted([machine, analyst], key=lambda j: j.source)
    assert store.judgements([s.jose.id], source="analyst") == [analyst]
    assert store.judgements([s.ali.id]) == []
    assert store.judgements(decision="same") == [analyst]
    assert store.judgements(source="machine", decision="same") == []
    replaced = Judgement(s.jose.id, s.mohamed.id, "same", score=0.9, reasons={"name": 0.9})
    store.put_judgements([replaced])
    assert store.judgements(source="machine") == [replaced]
    assert store.forget_judgements([(s.mohamed.id, s.jose.id)], source="analyst") == 1
    assert store.judgements() == [replaced]


def test_a_judgement_checks_itself() -> None:
    with pytest.raises(ValidationError):
        Judgement("a", "a", "same")
    with pytest.raises(ValidationError):
        Judgement("a", "b", "maybe")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Judgement("a", "b", "same", score=1.5)


def test_records_follow_the_read_scope(open_backend: Opener) -> None:
    s = build()
    open_backend().put(s.batch)
    official = open_backend(ReadScope.up_to("official"))
    seen = {r.id: r for r in official.records()}
    assert s.vessel.id not in seen  # only the confidential report mentions it
    assert seen[s.phone.id].documents == (s.r1.id,)
