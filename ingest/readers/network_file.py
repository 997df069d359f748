"""GraphML and GEXF files: an existing network loaded as entities and links.

A researcher often has a network already (from i2, Gephi, a paper's data set).
``odyssey ingest net.graphml`` stores it like any other source:

* the file is one **document** (id = SHA-256 of its bytes, so ingesting it
  again adds nothing); its text is a readable listing, one line per node and
  per edge, and every mention and link points at its line;
* each **node** becomes an entity: its type from a ``type`` / ``entity_type`` /
  ``kind`` / ``category`` attribute when that names an Odyssey entity type, else
  ``Person``; its label from ``label`` / ``name``, else the node id. Entities
  are keyed like names in reports (folded, order-free spelling of the label),
  so the same label in two files, or in a report, is one entity;
* each **edge** becomes a link: its type from a ``type`` / ``label`` /
  ``relation`` attribute when that names a link type allowed between the two
  ends, else ``ASSOCIATED_WITH`` (GEXF reserves an edge's ``type`` and ``label``:
  use ``relation`` there); ``weight`` is kept as a property, a ``date`` /
  ``start`` / ``time`` attribute (ISO date) becomes when it happened, and a
  ``confidence`` in 0..1 is kept (default 1.0: the file asserts the edge).

A file that is not valid GraphML/GEXF raises ``ReadError`` (the pipeline
reports it and goes on).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from odyssey.ingest.nationality import with_nationality_code
from odyssey.ingest.readers.source import Limits, ReadError, SourceDocument
from odyssey.model import Case, Document, Entity, Evidence, Link, Mention, entity_id
from odyssey.schema import ENTITY_TYPES, LINK_TYPES, entity_type, is_identifier, link_type

if TYPE_CHECKING:
    from odyssey.ingest.extractor import Extraction

#: ``SourceDocument.kind`` of a network file: the pipeline maps it without NLP.
NETWORK_KIND = "network"
FORMATS: dict[str, str] = {".graphml": "GraphML", ".gexf": "GEXF"}

_TYPE_KEYS = ("type", "entity_type", "kind", "category")
_LABEL_KEYS = ("label", "name")
_LINK_KEYS = ("type", "label", "relation", "kind")
_DATE_KEYS = ("date", "start", "time", "timestamp")
_SPACE = re.compile(r"\s+")
_TYPE_BY_FOLD = {t.casefold(): t for t in ENTITY_TYPES} | {"organisation": "Organization"}


@dataclass(slots=True)
class _Node:
    key: str
    type: str
    label: str
    properties: dict[str, Any]
    span: tuple[int, int] = (0, 0)


@dataclass(slots=True)
class _Edge:
    source: str
    target: str
    type: str
    confidence: float
    occurred_at: date | None
    properties: dict[str, Any]
    line: tuple[int, int] = (0, 0)
    ends: tuple[tuple[int, int], tuple[int, int]] = ((0, 0), (0, 0))


@dataclass(slots=True)
class Network:
    """A parsed network file: its listing ``text``, nodes and edges with their spans in it."""

    format: str
    text: str
    nodes: dict[str, _Node]
    edges: list[_Edge]
    warnings: list[str] = field(default_factory=list)


def read_network(name: str, data: bytes, limits: Limits) -> SourceDocument:
    """The registry's reader for ``.graphml`` and ``.gexf``: validates and lists the network."""
    net = parse_network(name, data, limits)
    return SourceDocument(
        source=name,
        content=data,
        text=net.text,
        kind=NETWORK_KIND,
        fields={"network_format": net.format},
        warnings=list(net.warnings),
    )


def parse_network(name: str, data: bytes, limits: Limits) -> Network:
    """Parse GraphML or GEXF bytes into a :class:`Network` (``ReadError`` if malformed)."""
    import networkx as nx

    fmt = FORMATS.get(Path(name.rsplit("!", 1)[-1]).suffix.lower(), "GraphML")
    reader = nx.read_gexf if fmt == "GEXF" else nx.read_graphml
    try:
        graph = reader(io.BytesIO(data))
    except Exception as err:  # XML, key and value errors alike mean the same to the user
        reason = _SPACE.sub(" ", str(err)).strip() or type(err).__name__
        raise ReadError(f"{name} is not valid {fmt} ({reason}); fix or re-export it") from None
    size = graph.number_of_nodes() + graph.number_of_edges()
    if size > limits.max_table_rows:
        raise ReadError(
            f"{name} has {size} nodes and edges, over the {limits.max_table_rows} limit; split it"
        )
    if graph.number_of_nodes() == 0:
        raise ReadError(f"{name} holds no nodes; nothing to ingest")
    return _render(name, fmt, graph)


def _render(name: str, fmt: str, graph: Any) -> Network:
    """The listing text, with every node's and edge's span recorded as it is written."""
    warnings: list[str] = []
    parts: list[str] = []
    pos = 0

    def write(piece: str) -> tuple[int, int]:
        nonlocal pos
        parts.append(piece)
        start, pos = pos, pos + len(piece)
        return start, pos

    write(f"{fmt} network {Path(name).name}: {graph.number_of_nodes()} nodes, ")
    write(f"{graph.number_of_edges()} edges\n")
    nodes: dict[str, _Node] = {}
    for key, attrs in graph.nodes(data=True):
        node = _node(str(key), attrs)
        write(f"node {_clean(str(key))}: ")
        node.span = write(node.label)
        write(f" ({node.type})\n")
        nodes[node.key] = node
    edges: list[_Edge] = []
    for u, v, attrs in graph.edges(data=True):
        a, b = nodes[str(u)], nodes[str(v)]
        if a.key == b.key:
            warnings.append(f"edge from {a.label} to itself skipped: a link joins two entities")
            continue
        edge = _edge(a, b, attrs, warnings)
        start = pos
        first = write(a.label)
        write(" -- ")
        second = write(b.label)
        detail = [edge.type, *(f"{k} {v}" for k, v in sorted(edge.properties.items()))]
        if edge.occurred_at:
            detail.append(f"on {edge.occurred_at.isoformat()}")
        write(f" ({', '.join(detail)})")
        edge.line, edge.ends = (start, pos), (first, second)
        write("\n")
        edges.append(edge)
    return Network(fmt, "".join(parts), nodes, edges, warnings)


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _node(key: str, attrs: dict[str, Any]) -> _Node:
    kind = next(
        (_TYPE_BY_FOLD[str(attrs[k]).casefold()] for k in _TYPE_KEYS
         if str(attrs.get(k, "")).casefold() in _TYPE_BY_FOLD),
        "Person",
    )  # fmt: skip
    # GEXF always has a label, the node id when none was given: a name then says more
    labels = [_clean(str(attrs[k])) for k in _LABEL_KEYS if _clean(str(attrs.get(k, "")))]
    label = next((x for x in labels if x != _clean(key)), labels[0] if labels else "")
    allowed = set(entity_type(kind).properties)
    props = {k: v for k, v in attrs.items() if k in allowed}
    if kind == "Person":
        props = with_nationality_code(props)
    return _Node(key, kind, label or _clean(key) or "?", props)


def _edge(a: _Node, b: _Node, attrs: dict[str, Any], warnings: list[str]) -> _Edge:
    kind = "ASSOCIATED_WITH"
    for key in _LINK_KEYS:
        wanted = _clean(str(attrs.get(key, ""))).upper().replace(" ", "_")
        if wanted in LINK_TYPES and link_type(wanted).allows(a.type, b.type):
            kind = wanted
            break
    confidence = 1.0
    if "confidence" in attrs:
        try:
            confidence = float(attrs["confidence"])
        except (TypeError, ValueError):
            confidence = -1.0
        if not 0.0 <= confidence <= 1.0:
            warnings.append(
                f"edge {a.label} -- {b.label}: confidence {attrs['confidence']!r} ignored"
            )
            confidence = 1.0
    occurred = None
    for key in _DATE_KEYS:
        if key in attrs:
            try:
                occurred = date.fromisoformat(str(attrs[key])[:10])
                break
            except ValueError:
                warnings.append(f"edge {a.label} -- {b.label}: {key} {attrs[key]!r} is not a date")
    props = {"weight": attrs["weight"]} if "weight" in attrs else {}
    return _Edge(a.key, b.key, kind, confidence, occurred, props)


def _entity_id(node: _Node) -> str:
    if is_identifier(node.type):
        return entity_id(node.type, node.label.replace(" ", ""))
    from odyssey.ingest.extractor import name_key

    return entity_id(node.type, name_key(node.label) or node.label)


def network_extraction(src: SourceDocument, case_id: str | None = None) -> list[Extraction]:
    """The document, entities, mentions and links of a network file read by :func:`read_network`."""
    from odyssey.ingest.extractor import Extraction

    net = parse_network(src.source, src.content, Limits(max_table_rows=10**9))
    method = f"network:{net.format.lower()}"
    doc = Document(
        id=Document.id_for(src.content), source=src.source, text=net.text, kind=NETWORK_KIND,
        case_id=case_id, metadata={"format": net.format, "nodes": len(net.nodes), "edges": len(net.edges)},
    )  # fmt: skip
    out = Extraction(
        document=doc, case=Case(case_id) if case_id else None, warnings=list(net.warnings)
    )
    ids = {key: _entity_id(node) for key, node in net.nodes.items()}

    def mention(node: _Node, span: tuple[int, int]) -> Mention:
        value = node.label if is_identifier(node.type) else None
        m = Mention.at(doc, *span, type=node.type, method=method, confidence=1.0, value=value,
                       entity_id=ids[node.key])  # fmt: skip
        out.mentions.append(m)
        return m

    for node in net.nodes.values():
        out.entities[ids[node.key]] = Entity(
            ids[node.key], node.type, node.label, properties=node.properties
        )
        mention(node, node.span)
    for edge in net.edges:
        a, b = net.nodes[edge.source], net.nodes[edge.target]
        ends = (mention(a, edge.ends[0]).id, mention(b, edge.ends[1]).id)
        if ids[a.key] == ids[b.key]:
            out.warnings.append(f"edge {a.label} -- {b.label} joins one entity to itself; skipped")
            continue
        out.links.append(
            Link(edge.type, ids[a.key], ids[b.key], Evidence(doc.id, *edge.line), method,
                 edge.confidence, occurred_at=edge.occurred_at, mention_ids=ends,
                 properties=edge.properties)
        )  # fmt: skip
    return [out]
