"""Contract: a reader never sees what their clearance does not allow, through any read."""

from __future__ import annotations

import pytest

from odyssey.errors import NotFoundError
from odyssey.graph import ReadScope

from .conftest_helpers import Opener
from .sample import build


@pytest.fixture
def restricted(open_backend: Opener):  # type: ignore[no-untyped-def]
    open_backend().put(build().batch)
    return open_backend(ReadScope.up_to("restricted"))  # r3 is confidential


def test_documents_and_their_mentions_are_hidden(restricted) -> None:  # type: ignore[no-untyped-def]
    s = build()
    assert restricted.document(s.r3.id) is None
    assert s.r3.id not in {d.id for d in restricted.documents()}
    assert restricted.mentions(document_id=s.r3.id) == []
    assert restricted.known_documents([s.r3.id]) == {s.r3.id}  # ingest still knows it is stored


def test_entities_known_only_from_hidden_reports_are_hidden(restricted) -> None:  # type: ignore[no-untyped-def]
    s = build()
    assert restricted.entities([s.vessel.id]) == []
    assert restricted.search("sea star") == []
    with pytest.raises(NotFoundError):
        restricted.neighbours(s.vessel.id)
    assert restricted.entities([s.ali.id]) != []  # also named in a visible report


def test_links_from_hidden_reports_are_hidden(restricted) -> None:  # type: ignore[no-untyped-def]
    s = build()
    sub = restricted.neighbours(s.ali.id)
    assert s.vessel.id not in sub.entities
    assert all(lk.evidence.document_id != s.r3.id for lk in sub.links)
    assert len([lk for lk in restricted.links() if lk.type == "TRAVELLED_WITH"]) == 1


def test_counts_and_series_respect_the_scope(restricted) -> None:  # type: ignore[no-untyped-def]
    c = restricted.counts()
    assert (c.documents, c.mentions) == (2, 6)
    assert "Vessel" not in c.entities
    assert sum(p.value for p in restricted.time_series("documents")) == 2


def test_the_lowest_clearance_sees_only_official(open_backend: Opener) -> None:
    open_backend().put(build().batch)
    official = open_backend(ReadScope.up_to("official"))
    assert [d.reference for d in official.documents()] == ["NCB-ROME/2026/SOM/0147"]
    assert official.search("jose") == []
