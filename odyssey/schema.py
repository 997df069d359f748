"""The entity and link types of Odyssey, read from ``schema.toml``.

The data model is declared once, as data (like followthemoney's YAML schemata),
and this module is the only reader of it. Code asks the schema rather than
repeating type names: ``ENTITY_TYPES``, ``LINK_TYPES``, ``is_identifier("Phone")``,
``link_allows("USES", "Person", "Phone")``.

Example
-------
>>> from odyssey.schema import ENTITY_TYPES, link_type
>>> "Vessel" in ENTITY_TYPES
True
>>> link_type("TRAVELLED_WITH").directed
False
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

from odyssey.errors import SchemaError


@dataclass(frozen=True, slots=True)
class EntityType:
    """One kind of node: a person, a phone, a vessel..."""

    name: str
    label: str
    identifier: bool
    key: str
    properties: tuple[str, ...]
    featured: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LinkType:
    """One kind of edge, with the entity types allowed at each end (``*`` = any)."""

    name: str
    label: str
    directed: bool
    source: tuple[str, ...]
    target: tuple[str, ...]
    #: The properties extraction writes on links of this type (tables may add their columns).
    properties: tuple[str, ...] = ()

    def allows(self, source_type: str, target_type: str) -> bool:
        """True when an edge of this type may join these two entity types."""
        return ("*" in self.source or source_type in self.source) and (
            "*" in self.target or target_type in self.target
        )


def _load() -> tuple[dict[str, EntityType], dict[str, LinkType]]:
    raw = tomllib.loads(resources.files("odyssey").joinpath("schema.toml").read_text("utf-8"))
    entities = {
        name: EntityType(
            name=name,
            label=spec["label"],
            identifier=bool(spec.get("identifier", False)),
            key=spec.get("key", ""),
            properties=tuple(spec.get("properties", ())),
            featured=tuple(spec.get("featured", ())),
        )
        for name, spec in raw["entity"].items()
    }
    links = {
        name: LinkType(
            name=name,
            label=spec["label"],
            directed=bool(spec["directed"]),
            source=tuple(spec["source"]),
            target=tuple(spec["target"]),
            properties=tuple(spec.get("properties", ())),
        )
        for name, spec in raw["link"].items()
    }
    for lt in links.values():
        for end in (*lt.source, *lt.target):
            if end != "*" and end not in entities:
                raise SchemaError(f"link type {lt.name} names unknown entity type {end!r}")
    return entities, links


_ENTITIES, _LINKS = _load()

#: Names of every entity type, in schema order.
ENTITY_TYPES: tuple[str, ...] = tuple(_ENTITIES)
#: Names of every link type, in schema order.
LINK_TYPES: tuple[str, ...] = tuple(_LINKS)
#: Entity types whose entity *is* a normalised value (phone, IBAN, passport...).
IDENTIFIER_TYPES: frozenset[str] = frozenset(n for n, t in _ENTITIES.items() if t.identifier)


def entity_type(name: str) -> EntityType:
    """The entity type called ``name``; ``SchemaError`` naming the valid ones otherwise."""
    try:
        return _ENTITIES[name]
    except KeyError:
        raise SchemaError(
            f"unknown entity type {name!r}; use one of: {', '.join(ENTITY_TYPES)}"
        ) from None


def link_type(name: str) -> LinkType:
    """The link type called ``name``; ``SchemaError`` naming the valid ones otherwise."""
    try:
        return _LINKS[name]
    except KeyError:
        raise SchemaError(
            f"unknown link type {name!r}; use one of: {', '.join(LINK_TYPES)}"
        ) from None


def is_identifier(name: str) -> bool:
    """True when entities of this type are normalised identifiers."""
    return entity_type(name).identifier
